//! Conditions in full as disjunctions of cubes (a cube: one set of values per
//! fact it constrains), read off the net: what the region sweep works on.
//!
//! The net keeps a node's DNF only while it is small; here every node a root
//! needs gets one, children first (node ids are a topological order, so no
//! recursion), up to `MAX_CUBES` cubes per node and `MAX_ENTRIES` built in
//! all. Past a bound the node's DNF is unknown (`None`), and so is every DNF
//! built from it: the caller then says "could not decide".

use std::collections::HashSet;
use std::sync::Arc;

use super::net::meet;
use super::nodes::{Cube, Entry, Graph, Node, NodeId};
use super::sets::FactSet;

/// The most cubes one node's DNF may have.
pub const MAX_CUBES: usize = 4096;
/// The most cube entries all DNFs of one plan may take together.
pub const MAX_ENTRIES: usize = 4_000_000;
/// DNFs up to this many cubes are cleared of cubes inside other cubes.
const ABSORB_MAX: usize = 256;

/// One list of cubes in its `Arc` (an `Arc<Vec<_>>` took an allocation more
/// for every trigger: issue 19, memory per byte).
pub type Dnf = Arc<[Cube]>;

/// The DNF of each root (`None`: past a bound).
pub fn lower(graph: &Graph, roots: &[NodeId]) -> Vec<Option<Dnf>> {
    let len = graph.nodes.len();
    let mut needed = vec![false; len];
    let mut stack: Vec<NodeId> = roots.to_vec();
    while let Some(id) = stack.pop() {
        let i = id as usize;
        if i >= len || std::mem::replace(&mut needed[i], true) {
            continue;
        }
        // A node whose DNF the net kept needs nothing below it.
        if graph.dnf(id).is_some() {
            continue;
        }
        if let Node::And(kids, _) | Node::Or(kids, _) = graph.node(id) {
            stack.extend(kids.iter().copied());
        }
    }
    let mut dnfs: Vec<Option<Dnf>> = vec![None; len];
    let mut entries = 0usize;
    for i in 0..len {
        if !needed[i] {
            continue;
        }
        let id = i as NodeId;
        dnfs[i] = match (graph.dnf(id), graph.node(id)) {
            // Read from the net where needed: a copy of every kept DNF
            // below a root too large to lower was the peak of a long
            // condition (issue 19, memory per byte).
            (Some(_), _) => None,
            (None, Node::And(kids, _)) => product(graph, kids, &dnfs, &mut entries).map(Arc::from),
            (None, Node::Or(kids, _)) => union(graph, kids, &dnfs, &mut entries).map(Arc::from),
            // Atoms and constants always keep their DNF.
            (None, _) => None,
        };
    }
    for &r in roots {
        if let Some(kept) = graph.dnf(r)
            && let Some(slot @ None) = dnfs.get_mut(r as usize)
        {
            *slot = Some(Arc::from(kept.to_cubes()));
        }
    }
    roots
        .iter()
        .map(|&r| dnfs.get(r as usize).cloned().flatten())
        .collect()
}

/// The cubes of a needed node: kept by the net, or lowered here.
fn cubes_of<'a>(graph: &'a Graph, dnfs: &'a [Option<Dnf>], k: NodeId) -> Option<Vec<&'a [Entry]>> {
    match graph.dnf(k) {
        Some(kept) => Some(kept.iter().collect()),
        None => Some(
            dnfs.get(k as usize)?
                .as_ref()?
                .iter()
                .map(Vec::as_slice)
                .collect(),
        ),
    }
}

fn product(
    graph: &Graph,
    kids: &[NodeId],
    dnfs: &[Option<Dnf>],
    entries: &mut usize,
) -> Option<Vec<Cube>> {
    let mut acc: Vec<Cube> = vec![vec![]];
    for &k in kids {
        let cubes = cubes_of(graph, dnfs, k)?;
        if acc.len() * cubes.len() > MAX_CUBES && !fits(&acc, &cubes, *entries) {
            return None;
        }
        let mut next = Vec::with_capacity((acc.len() * cubes.len()).min(MAX_CUBES + 1));
        for a in &acc {
            for b in cubes.iter() {
                if let Some(c) = meet(a, b) {
                    *entries += c.len() + 1;
                    next.push(c);
                }
            }
            if next.len() > MAX_CUBES || *entries > MAX_ENTRIES {
                return None;
            }
        }
        acc = tidy(next);
        if acc.is_empty() {
            break;
        }
    }
    Some(acc)
}

/// Whether the product of `acc` and `cubes` stays within the bounds, as
/// `product` would find while building it, without building it: the
/// pigeonhole triggers built most of 4,096 cubes only to give them up
/// (issue 19, memory per byte).
fn fits(acc: &[Cube], cubes: &[&[Entry]], mut entries: usize) -> bool {
    let mut count = 0;
    for a in acc {
        for b in cubes {
            if let Some(len) = meet_len(a, b) {
                entries += len + 1;
                count += 1;
            }
        }
        if count > MAX_CUBES || entries > MAX_ENTRIES {
            return false;
        }
    }
    true
}

/// The length of `meet(a, b)`; `None` if they contradict.
fn meet_len(a: &[Entry], b: &[Entry]) -> Option<usize> {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if !a[i].1.intersects(&b[j].1) {
                    return None;
                }
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    Some(a.len() + b.len() - shared)
}

fn union(
    graph: &Graph,
    kids: &[NodeId],
    dnfs: &[Option<Dnf>],
    entries: &mut usize,
) -> Option<Vec<Cube>> {
    let mut out: Vec<Cube> = Vec::new();
    // Cubes of one fact only are merged into one cube per fact.
    let mut single: Vec<(u32, FactSet)> = Vec::new();
    for &k in kids {
        for cube in cubes_of(graph, dnfs, k)? {
            match cube {
                [(fact, set)] => match single.iter_mut().find(|(f, _)| f == fact) {
                    Some((_, s)) => {
                        let domain = graph.domains[*fact as usize];
                        *s = FactSet::union_all([&*s, &**set], domain);
                    }
                    None => single.push((*fact, (**set).clone())),
                },
                _ => out.push(cube.to_vec()),
            }
            *entries += cube.len() + 1;
        }
        if out.len() + single.len() > MAX_CUBES || *entries > MAX_ENTRIES {
            return None;
        }
    }
    for (fact, set) in single {
        if set.is_full(graph.domains[fact as usize]) {
            return Some(vec![vec![]]);
        }
        out.push(vec![(fact, Arc::new(set))]);
    }
    Some(tidy(out))
}

/// Drops repeated cubes, and cubes inside another while there are few.
fn tidy(cubes: Vec<Cube>) -> Vec<Cube> {
    if cubes.iter().any(|c| c.is_empty()) {
        return vec![vec![]];
    }
    // The first of equal cubes kept, found without copying them (a copy of
    // every cube was the peak of a plan's largest DNF: issue 19).
    let first: Vec<bool> = {
        let mut seen: HashSet<&Cube> = HashSet::with_capacity(cubes.len());
        cubes.iter().map(|c| seen.insert(c)).collect()
    };
    let mut out = cubes;
    let mut firsts = first.into_iter();
    out.retain(|_| firsts.next().unwrap_or(true));
    if out.len() <= ABSORB_MAX {
        let mut keep = vec![true; out.len()];
        for i in 0..out.len() {
            for j in 0..out.len() {
                if i != j && keep[j] && within(&out[i], &out[j]) {
                    keep[i] = false;
                    break;
                }
            }
        }
        let mut k = keep.into_iter();
        out.retain(|_| k.next().unwrap_or(true));
    }
    out
}

/// Whether every value of cube `a` is in cube `b`.
pub fn within(a: &Cube, b: &Cube) -> bool {
    let mut i = 0;
    for (fact, set) in b {
        while i < a.len() && a[i].0 < *fact {
            i += 1;
        }
        match a.get(i) {
            Some((f, s)) if f == fact && s.is_subset(set) => {}
            _ => return false,
        }
    }
    true
}

/// Whether a cube holds at a point (a value for every fact it constrains).
pub fn holds(cube: &Cube, value: impl Fn(u32) -> super::split::Point) -> bool {
    cube.iter().all(|(fact, set)| set.contains(value(*fact)))
}
