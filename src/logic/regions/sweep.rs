//! Building the diagram: a depth-first sweep over the facts in order, with
//! its own stack.
//!
//! A state is what is known after the facts above it are fixed to some
//! pieces: the conditions that already hold, and the cubes still alive that
//! constrain a fact further down ("pending"). A cube whose condition already
//! holds is dropped (it can change nothing), so the sweep stops early where
//! the key is settled. At a state, the next fact that a pending cube
//! constrains is cut by the pending cubes' sets (`Domain::split`); each piece
//! gives a child state. States seen before are looked up (memo), and nodes
//! are hash-consed, so equal sub-diagrams are built and kept once.

use std::collections::HashMap;

use super::{Diagram, DiagramNode, Limits, NodeRef, Space, Undecided};
use crate::logic::nodes::Cube;
use crate::logic::sets::FactSet;

/// A state: the depth (position in the order), the conditions that hold
/// (ascending), the pending cubes (ascending).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct State {
    depth: u32,
    holding: Vec<u32>,
    pending: Vec<u32>,
}

struct Frame {
    state: State,
    fact: u32,
    pieces: Vec<(FactSet, State)>,
    children: Vec<NodeRef>,
}

struct Builder<'a> {
    space: &'a Space,
    cubes: Vec<&'a Cube>,
    /// By cube: the condition it belongs to.
    owner: Vec<u32>,
    /// By cube: the depths of the facts it constrains, ascending.
    depths: Vec<Vec<u32>>,
    /// By fact: its depth.
    depth_of: Vec<u32>,
    /// By depth: its fact.
    fact_at: Vec<u32>,
    nodes: Vec<DiagramNode>,
    consed: HashMap<DiagramNode, NodeRef>,
    memo: HashMap<State, NodeRef>,
    steps: usize,
}

pub fn build(
    space: Space,
    conditions: &[&[Cube]],
    key: &mut dyn FnMut(&[u32]) -> u32,
    limits: Limits,
) -> Result<Diagram, Undecided> {
    let facts = space.domains.len();
    let mut fact_at: Vec<u32> = Vec::with_capacity(facts);
    let mut placed = vec![false; facts];
    for &f in &space.order {
        if (f as usize) < facts && !std::mem::replace(&mut placed[f as usize], true) {
            fact_at.push(f);
        }
    }
    fact_at.extend((0..facts as u32).filter(|&f| !placed[f as usize]));
    let mut depth_of = vec![0u32; facts];
    for (d, &f) in fact_at.iter().enumerate() {
        depth_of[f as usize] = d as u32;
    }

    let mut b = Builder {
        space: &space,
        cubes: Vec::new(),
        owner: Vec::new(),
        depths: Vec::new(),
        depth_of,
        fact_at,
        nodes: Vec::new(),
        consed: HashMap::new(),
        memo: HashMap::new(),
        steps: 0,
    };
    // Cubes outside the universe are dead from the start; a cube with no
    // constraint makes its condition hold everywhere.
    let mut holding: Vec<u32> = Vec::new();
    let mut pending: Vec<u32> = Vec::new();
    for (c, dnf) in conditions.iter().enumerate() {
        for cube in dnf.iter() {
            let alive = cube.iter().all(|(f, set)| {
                space
                    .universe
                    .get(*f as usize)
                    .is_some_and(|u| u.intersects(set))
            });
            if !alive {
                continue;
            }
            if cube.is_empty() {
                holding.push(c as u32);
                continue;
            }
            let mut depths: Vec<u32> = cube.iter().map(|(f, _)| b.depth_of[*f as usize]).collect();
            depths.sort_unstable();
            pending.push(b.cubes.len() as u32);
            b.cubes.push(cube);
            b.owner.push(c as u32);
            b.depths.push(depths);
        }
    }
    holding.sort_unstable();
    holding.dedup();
    let start = State {
        depth: 0,
        holding,
        pending,
    };
    let root = b.run(start, key, limits)?;
    drop(b.memo);
    let (nodes, steps) = (b.nodes, b.steps);
    Ok(Diagram {
        space,
        nodes,
        root,
        steps,
    })
}

impl Builder<'_> {
    fn run(
        &mut self,
        start: State,
        key: &mut dyn FnMut(&[u32]) -> u32,
        limits: Limits,
    ) -> Result<NodeRef, Undecided> {
        let mut stack: Vec<Frame> = Vec::new();
        let mut done: Option<NodeRef> = None;
        match self.enter(start, key) {
            Ok(node) => return Ok(node),
            Err(frame) => stack.push(frame),
        }
        while let Some(top) = stack.last_mut() {
            if self.steps > limits.steps {
                return Err(Undecided::Steps(limits.steps));
            }
            if let Some(child) = done.take() {
                top.children.push(child);
            }
            let next = top.children.len();
            if next < top.pieces.len() {
                let state = top.pieces[next].1.clone();
                match self.enter(state, key) {
                    Ok(node) => done = Some(node),
                    Err(frame) => stack.push(frame),
                }
                continue;
            }
            let Some(frame) = stack.pop() else { break };
            let node = self.close(frame);
            done = Some(node);
        }
        done.ok_or(Undecided::Steps(limits.steps))
    }

    /// The node of a state if it is known at once (a leaf, or seen before),
    /// else the frame that will build it.
    fn enter(
        &mut self,
        mut state: State,
        key: &mut dyn FnMut(&[u32]) -> u32,
    ) -> Result<NodeRef, Frame> {
        let owner = &self.owner;
        let holding = &state.holding;
        state
            .pending
            .retain(|&c| holding.binary_search(&owner[c as usize]).is_err());
        self.steps += 1 + state.pending.len();
        if state.pending.is_empty() {
            let leaf = DiagramNode::Leaf(key(&state.holding));
            return Ok(self.cons(leaf));
        }
        // The next fact a pending cube constrains.
        let depth = state
            .pending
            .iter()
            .filter_map(|&c| {
                let ds = &self.depths[c as usize];
                ds.get(ds.partition_point(|&d| d < state.depth)).copied()
            })
            .min()
            .unwrap_or(state.depth);
        state.depth = depth;
        if let Some(&node) = self.memo.get(&state) {
            return Ok(node);
        }
        let fact = self.fact_at[depth as usize];
        let mut cutting: Vec<u32> = Vec::new();
        let mut sets: Vec<&FactSet> = Vec::new();
        let mut passing: Vec<u32> = Vec::new();
        for &c in &state.pending {
            let cube = self.cubes[c as usize];
            match cube.binary_search_by_key(&fact, |(f, _)| *f) {
                Ok(i) => {
                    cutting.push(c);
                    sets.push(&cube[i].1);
                }
                Err(_) => passing.push(c),
            }
        }
        let domain = self.space.domains[fact as usize];
        let universe = &self.space.universe[fact as usize];
        let pieces = domain.split(universe, &sets);
        let mut children = Vec::with_capacity(pieces.len());
        for piece in pieces {
            self.steps += 1 + piece.within.len();
            let mut holding = state.holding.clone();
            let mut pending = passing.clone();
            for &k in &piece.within {
                let c = cutting[k as usize];
                let last = self.depths[c as usize].last().copied().unwrap_or(0);
                if last == depth {
                    holding.push(self.owner[c as usize]);
                } else {
                    pending.push(c);
                }
            }
            holding.sort_unstable();
            holding.dedup();
            pending.sort_unstable();
            let child = State {
                depth: depth + 1,
                holding,
                pending,
            };
            children.push((piece.set, child));
        }
        Err(Frame {
            state,
            fact,
            pieces: children,
            children: Vec::new(),
        })
    }

    /// The node of a finished frame: pieces that lead to one child merged.
    fn close(&mut self, frame: Frame) -> NodeRef {
        let domain = self.space.domains[frame.fact as usize];
        let mut by_child: Vec<(NodeRef, Vec<FactSet>)> = Vec::new();
        let mut slot: HashMap<NodeRef, usize> = HashMap::new();
        for ((set, _), &child) in frame.pieces.into_iter().zip(&frame.children) {
            let at = *slot.entry(child).or_insert_with(|| {
                by_child.push((child, Vec::new()));
                by_child.len() - 1
            });
            by_child[at].1.push(set);
        }
        // An empty universe has no pieces: a split without edges.
        let node = if by_child.len() == 1 {
            by_child[0].0
        } else {
            let mut edges: Vec<(FactSet, NodeRef)> = by_child
                .into_iter()
                .map(|(child, sets)| (FactSet::union_all(&sets, domain), child))
                .collect();
            edges.sort_by_key(|(set, _)| set.first());
            self.cons(DiagramNode::Split {
                fact: frame.fact,
                edges,
            })
        };
        self.memo.insert(frame.state, node);
        node
    }

    fn cons(&mut self, node: DiagramNode) -> NodeRef {
        if let Some(&id) = self.consed.get(&node) {
            return id;
        }
        let id = self.nodes.len() as NodeRef;
        self.nodes.push(node.clone());
        self.consed.insert(node, id);
        id
    }
}
