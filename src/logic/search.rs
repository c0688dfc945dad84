//! The bounded search, used only for an `and` whose children share facts and
//! whose models are too many to list: find one way to make every goal true.
//!
//! It is a depth-first search over the choices of `or` nodes (and of the
//! cubes of small nodes), keeping for each fact the set of values still
//! possible. Goals that need no choice (atoms, `and`s, one-cube nodes) are
//! applied first; an `or` is tried only with the alternatives that still fit.
//! No recursion: the pending goals are immutable linked lists in one arena, so
//! a choice point saves them in O(1), and the fact sets are undone from a trail.
//! It stops after a number of steps and then answers `Unknown`.

use std::collections::HashMap;
use std::sync::Arc;

use foldhash::fast::FixedState;

use super::nodes::{Budget, CubeRef, Graph, Node, NodeId, Sat};
use super::sets::FactSet;

/// The most steps one search may take, besides a few passes over the net.
pub const STEPS_PER_SEARCH: usize = 200_000;
/// The most steps all searches for one plan may take together, besides a
/// few passes over the net.
pub const STEPS_IN_ALL: usize = 5_000_000;
/// Steps allowed per node of the net, per search and in all: walking a deep
/// condition without choices is linear work, not search.
const STEPS_PER_NODE: usize = 8;
/// How many pending goals are looked at to pick the next choice.
const SCAN: usize = 64;

const NIL: u32 = u32::MAX;

#[derive(Clone, Copy)]
enum Alt {
    /// Cube `i` of a node's DNF.
    Cube(NodeId, usize),
    /// A child of an `or`.
    Node(NodeId),
    /// The goal already holds: every value left meets one of its cubes.
    Holds,
}

struct Choice {
    /// The goals still waiting for a choice after this one.
    pending: u32,
    trail: usize,
    /// The goal cells made before it: those made after are unreachable
    /// once the search comes back to it, and are dropped (kept, they grew
    /// with every step of a long search: half of puzzle-24's peak, issue
    /// 19, memory per byte).
    cells: usize,
    alts: Vec<Alt>,
    next: usize,
}

struct State<'g> {
    graph: &'g Graph,
    /// The values each constrained fact may still take (hashed by
    /// foldhash: the default SipHash was a fifth of a pigeonhole plan's
    /// check, and the store is never iterated).
    store: HashMap<u32, Arc<FactSet>, FixedState>,
    trail: Vec<(u32, Option<Arc<FactSet>>)>,
    /// Linked lists of goals: (goal, next).
    cells: Vec<(NodeId, u32)>,
    steps: usize,
}

/// Whether all `goals` can be true at once.
pub fn solve(graph: &Graph, budget: &mut Budget, goals: &[NodeId]) -> Sat {
    let linear = STEPS_PER_NODE * (graph.nodes.len() - graph.cube_only);
    let in_all = (STEPS_IN_ALL + 2 * linear).saturating_sub(budget.spent);
    let limit = (STEPS_PER_SEARCH + linear).min(in_all);
    let mut state = State {
        graph,
        store: HashMap::with_hasher(FixedState::default()),
        trail: Vec::new(),
        cells: Vec::new(),
        steps: 0,
    };
    let sat = state.run(goals, limit);
    budget.spent += state.steps;
    if sat == Sat::Unknown {
        budget.hit = true;
    }
    sat
}

impl State<'_> {
    fn cons(&mut self, goal: NodeId, next: u32) -> u32 {
        self.cells.push((goal, next));
        (self.cells.len() - 1) as u32
    }

    fn run(&mut self, goals: &[NodeId], limit: usize) -> Sat {
        let mut ready = NIL;
        for &g in goals.iter().rev() {
            ready = self.cons(g, ready);
        }
        let mut pending = NIL;
        let mut choices: Vec<Choice> = Vec::new();
        loop {
            let mut ok = self.propagate(ready, &mut pending);
            ready = NIL;
            if self.steps > limit {
                return Sat::Unknown;
            }
            if ok {
                if pending == NIL {
                    return Sat::Yes;
                }
                let (alts, rest) = self.pick(pending);
                pending = rest;
                match alts.as_slice() {
                    [] => ok = false,
                    [only] => ready = self.apply(*only, &mut ok),
                    _ => {
                        let first = alts[0];
                        choices.push(Choice {
                            pending,
                            trail: self.trail.len(),
                            cells: self.cells.len(),
                            alts,
                            next: 1,
                        });
                        ready = self.apply(first, &mut ok);
                    }
                }
                if ok {
                    continue;
                }
            }
            // A conflict: go back to the latest choice with an untried alternative.
            loop {
                let Some(top) = choices.last_mut() else {
                    return Sat::No;
                };
                let (trail, next) = (top.trail, top.next);
                self.undo(trail);
                self.cells.truncate(top.cells);
                if next < top.alts.len() {
                    let alt = top.alts[next];
                    top.next += 1;
                    pending = top.pending;
                    let mut fits = true;
                    ready = self.apply(alt, &mut fits);
                    if fits {
                        break;
                    }
                } else {
                    choices.pop();
                }
            }
        }
    }

    /// Applies every goal that needs no choice; defers the others to
    /// `pending`. False on a conflict.
    fn propagate(&mut self, mut ready: u32, pending: &mut u32) -> bool {
        let graph = self.graph;
        while ready != NIL {
            let (goal, next) = self.cells[ready as usize];
            ready = next;
            self.steps += 1;
            match graph.node(goal) {
                Node::False => return false,
                Node::True => {}
                Node::Atom { fact, set, .. } => {
                    if !self.narrow(*fact, set) {
                        return false;
                    }
                }
                node => match (graph.dnf(goal), node) {
                    (Some(cubes), _) if cubes.len() == 1 => {
                        if !self.apply_cube(cubes.cube(0)) {
                            return false;
                        }
                    }
                    (None, Node::And(children, _)) => {
                        for &c in children.iter().rev() {
                            ready = self.cons(c, ready);
                        }
                    }
                    _ => *pending = self.cons(goal, *pending),
                },
            }
        }
        true
    }

    /// Takes the pending goal with the fewest alternatives that still fit
    /// (among the first `SCAN`): none is a conflict, one is forced.
    fn pick(&mut self, pending: u32) -> (Vec<Alt>, u32) {
        let mut best: Option<(usize, Vec<Alt>)> = None;
        let mut cell = pending;
        let mut at = 0;
        while cell != NIL && at < SCAN {
            let (goal, next) = self.cells[cell as usize];
            let alts = self.alternatives(goal);
            let fewer = best.as_ref().is_none_or(|(_, b)| alts.len() < b.len());
            let done = alts.len() <= 1;
            if fewer {
                best = Some((at, alts));
            }
            if done {
                break;
            }
            cell = next;
            at += 1;
        }
        let Some((chosen, alts)) = best else {
            return (vec![], NIL);
        };
        // The list without the chosen goal: the cells before it are copied.
        let mut before = Vec::with_capacity(chosen);
        let mut cell = pending;
        for _ in 0..chosen {
            let (goal, next) = self.cells[cell as usize];
            before.push(goal);
            cell = next;
        }
        let mut rest = self.cells[cell as usize].1;
        for goal in before.into_iter().rev() {
            rest = self.cons(goal, rest);
        }
        (alts, rest)
    }

    /// The ways to make `goal` true that still fit the store: cubes first,
    /// then children without a DNF.
    fn alternatives(&mut self, goal: NodeId) -> Vec<Alt> {
        let graph = self.graph;
        if let Some(cubes) = graph.dnf(goal) {
            if cubes.iter().any(|c| self.holds(&c)) {
                return vec![Alt::Holds];
            }
            return (cubes.iter().enumerate())
                .filter(|(_, cube)| self.fits(cube))
                .map(|(i, _)| Alt::Cube(goal, i))
                .collect();
        }
        let Node::Or(children, _) = graph.node(goal) else {
            return vec![Alt::Node(goal)];
        };
        let mut alts = Vec::new();
        let mut later = Vec::new();
        for &c in children.iter() {
            match graph.dnf(c) {
                Some(cubes) if cubes.iter().any(|c| self.holds(&c)) => return vec![Alt::Holds],
                Some(cubes) => {
                    for (i, cube) in cubes.iter().enumerate() {
                        if self.fits(&cube) {
                            alts.push(Alt::Cube(c, i));
                        }
                    }
                }
                None => later.push(Alt::Node(c)),
            }
        }
        alts.extend(later);
        alts
    }

    fn apply(&mut self, alt: Alt, ok: &mut bool) -> u32 {
        match alt {
            Alt::Cube(node, i) => {
                let graph = self.graph;
                if let Some(cubes) = graph.dnf(node) {
                    *ok = self.apply_cube(cubes.cube(i));
                }
                NIL
            }
            Alt::Node(node) => self.cons(node, NIL),
            Alt::Holds => NIL,
        }
    }

    fn fits(&mut self, cube: &CubeRef) -> bool {
        self.steps += cube.len();
        cube.entries()
            .all(|(fact, set)| match self.store.get(&fact) {
                Some(current) => current.intersects(set),
                None => true,
            })
    }

    /// Whether the store already implies the cube.
    fn holds(&mut self, cube: &CubeRef) -> bool {
        self.steps += cube.len();
        cube.entries()
            .all(|(fact, set)| match self.store.get(&fact) {
                Some(current) => current.is_subset(set),
                None => false,
            })
    }

    fn apply_cube(&mut self, cube: CubeRef) -> bool {
        cube.entries().all(|(fact, set)| self.narrow(fact, set))
    }

    /// Restricts `fact` to `set`; false if nothing would be left.
    fn narrow(&mut self, fact: u32, set: &Arc<FactSet>) -> bool {
        self.steps += 1;
        let narrowed = match self.store.get(&fact) {
            None => set.clone(),
            Some(current) => {
                let meet = current.intersect(set);
                if meet.is_empty() {
                    return false;
                }
                if meet == **current {
                    return true;
                }
                Arc::new(meet)
            }
        };
        let old = self.store.insert(fact, narrowed);
        self.trail.push((fact, old));
        true
    }

    fn undo(&mut self, to: usize) {
        while self.trail.len() > to {
            let Some((fact, old)) = self.trail.pop() else {
                break;
            };
            match old {
                Some(set) => self.store.insert(fact, set),
                None => self.store.remove(&fact),
            };
        }
    }
}
