//! Conditions in full as disjunctions of cubes (a cube: one set of values per
//! fact it constrains), read off the net: what the region sweep works on.
//!
//! The net keeps a node's DNF only while it is small; here every node a root
//! needs gets one, children first (node ids are a topological order, so no
//! recursion), up to `MAX_CUBES` cubes per node and `MAX_ENTRIES` built in
//! all. Past a bound the node's DNF is unknown (`None`), and so is every DNF
//! built from it: the caller then says "could not decide".
//!
//! While lowering, a DNF is its cubes back to back in one list, an entry
//! the number of its fact and set in a table of them (`flat`); only a root's
//! DNF is written out as cubes of entries, which share its sets.

mod flat;

use std::borrow::Cow;
use std::sync::Arc;

use self::flat::{Entries, Flat, Slot, meet_into, meet_len};
use super::nodes::{Cube, Graph, Node, NodeId};
use super::sets::FactSet;

/// The most cubes one node's DNF may have.
pub const MAX_CUBES: usize = 4096;
/// The most cube entries all DNFs of one plan may take together.
pub const MAX_ENTRIES: usize = 4_000_000;
/// DNFs up to this many cubes are cleared of cubes inside other cubes.
const ABSORB_MAX: usize = 256;
/// Products of more pairs of cubes are counted before they are built, so
/// that their list is reserved at its size (grown by doubling, it held up
/// to three times it while it moved).
const COUNT_FIRST: usize = 64;

/// One list of cubes in its `Arc` (an `Arc<Vec<_>>` took an allocation more
/// for every trigger: issue 19, memory per byte).
pub type Dnf = Arc<[Cube]>;

/// What lowering keeps for the nodes it built (ascending by id): only those,
/// not a slot for every node of the net (graded levels, issue 19).
type Lowered = Vec<(NodeId, Option<Flat>)>;

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
    let mut table = Entries::default();
    let mut lowered: Lowered = Vec::new();
    let mut entries = 0usize;
    for (i, _) in needed.iter().enumerate().filter(|(_, n)| **n) {
        let id = i as NodeId;
        // Read from the net where needed: a copy of every kept DNF below a
        // root too large to lower was the peak of a long condition (issue
        // 19, memory per byte). Atoms and constants always keep their DNF.
        let dnf = match (graph.dnf(id), graph.node(id)) {
            (Some(_), _) => continue,
            (None, Node::And(kids, _)) => product(graph, &mut table, kids, &lowered, &mut entries),
            (None, Node::Or(kids, _)) => union(graph, &mut table, kids, &lowered, &mut entries),
            (None, _) => continue,
        };
        lowered.push((id, dnf));
    }
    drop(needed);
    // Each root written out once, however many times it is listed, and
    // only the roots: the others' DNFs are freed first, and each root's as
    // it is written out (the lowered DNFs beside their copies were the
    // peak of an or-chain).
    let mut by_id: Vec<u32> = (0..roots.len() as u32).collect();
    by_id.sort_by_key(|&at| roots[at as usize]);
    let mut root_ids = by_id.iter().map(|&at| roots[at as usize]).peekable();
    for (id, flat) in &mut lowered {
        while root_ids.next_if(|r| r < id).is_some() {}
        if root_ids.peek() != Some(id) {
            *flat = None;
        }
    }
    let mut out: Vec<Option<Dnf>> = vec![None; roots.len()];
    let mut last: Option<(NodeId, Option<Dnf>)> = None;
    for at in by_id {
        let r = roots[at as usize];
        let dnf = match &last {
            Some((id, dnf)) if *id == r => dnf.clone(),
            _ => match graph.dnf(r) {
                Some(kept) => Some(Arc::from(kept.to_cubes())),
                None => {
                    take(&mut lowered, r).map(|flat| flat.iter().map(|c| table.cube(c)).collect())
                }
            },
        };
        out[at as usize] = dnf.clone();
        last = Some((r, dnf));
    }
    out
}

/// A node's DNF as lowering kept it (`None`: not lowered, or past a bound).
fn find(lowered: &Lowered, id: NodeId) -> Option<&Flat> {
    let at = lowered.binary_search_by_key(&id, |(k, _)| *k).ok()?;
    lowered[at].1.as_ref()
}

/// A root's DNF as lowering kept it, taken out.
fn take(lowered: &mut Lowered, id: NodeId) -> Option<Flat> {
    let at = lowered.binary_search_by_key(&id, |(k, _)| *k).ok()?;
    lowered[at].1.take()
}

/// A needed node's cubes: kept by the net (numbered here), or lowered.
fn cubes_of<'a>(
    graph: &Graph,
    table: &mut Entries,
    lowered: &'a Lowered,
    k: NodeId,
) -> Option<Cow<'a, Flat>> {
    match graph.dnf(k) {
        Some(kept) => {
            let mut flat = Flat::with_capacity(kept.len(), 0);
            for cube in kept.iter() {
                for (f, set) in cube.entries() {
                    let n = table.number(f, set);
                    flat.slots.push(n);
                }
                flat.end_cube();
            }
            Some(Cow::Owned(flat))
        }
        None => find(lowered, k).map(Cow::Borrowed),
    }
}

fn product(
    graph: &Graph,
    table: &mut Entries,
    kids: &[NodeId],
    lowered: &Lowered,
    entries: &mut usize,
) -> Option<Flat> {
    let mut acc = Flat::one_empty();
    for &k in kids {
        let cubes = cubes_of(graph, table, lowered, k)?;
        let pairs = acc.len() * cubes.len();
        let mut next = if pairs > COUNT_FIRST {
            let room = MAX_ENTRIES.saturating_sub(*entries);
            let (count, slots) = count(table, &acc, &cubes, room);
            // Whether it stays within the bounds, as building it would
            // find, without building it: the pigeonhole triggers built
            // most of 4,096 cubes only to give them up (issue 19).
            if pairs > MAX_CUBES && (count > MAX_CUBES || *entries + slots + count > MAX_ENTRIES) {
                return None;
            }
            Flat::with_capacity(count.min(MAX_CUBES + 1), slots)
        } else {
            Flat::with_capacity(pairs, 0)
        };
        for a in acc.iter() {
            for b in cubes.iter() {
                if meet_into(table, a, b, &mut next.slots) {
                    next.end_cube();
                    *entries += next.cube(next.len() - 1).len() + 1;
                }
            }
            if next.len() > MAX_CUBES || *entries > MAX_ENTRIES {
                return None;
            }
        }
        drop(acc);
        acc = tidy(table, next);
        if acc.is_empty() {
            break;
        }
    }
    Some(acc)
}

/// How many cubes the product of `acc` and `cubes` has, and how many
/// entries they hold; counted only until it is past `MAX_CUBES` or the
/// cubes and entries are past `room`.
fn count(table: &Entries, acc: &Flat, cubes: &Flat, room: usize) -> (usize, usize) {
    let (mut count, mut slots) = (0, 0);
    for a in acc.iter() {
        for b in cubes.iter() {
            if let Some(len) = meet_len(table, a, b) {
                slots += len;
                count += 1;
            }
        }
        if count > MAX_CUBES || slots + count > room {
            break;
        }
    }
    (count, slots)
}

fn union(
    graph: &Graph,
    table: &mut Entries,
    kids: &[NodeId],
    lowered: &Lowered,
    entries: &mut usize,
) -> Option<Flat> {
    let mut out = Flat::default();
    // Cubes of one fact only are merged into one cube per fact.
    let mut single: Vec<(u32, FactSet)> = Vec::new();
    for &k in kids {
        let cubes = cubes_of(graph, table, lowered, k)?;
        for cube in cubes.iter() {
            match cube {
                &[n] => {
                    let fact = table.fact(n);
                    match single.iter_mut().find(|(f, _)| *f == fact) {
                        Some((_, s)) => {
                            let domain = graph.domains[fact as usize];
                            *s = FactSet::union_all([&*s, table.set(n)], domain);
                        }
                        None => single.push((fact, table.set(n).clone())),
                    }
                }
                _ => out.push(cube),
            }
            *entries += cube.len() + 1;
        }
        if out.len() + single.len() > MAX_CUBES || *entries > MAX_ENTRIES {
            return None;
        }
    }
    for (fact, set) in single {
        if set.is_full(graph.domains[fact as usize]) {
            return Some(Flat::one_empty());
        }
        let n = table.with_set(fact, set);
        out.push(&[n]);
    }
    Some(tidy(table, out))
}

/// Drops repeated cubes, and cubes inside another while there are few.
fn tidy(table: &Entries, mut cubes: Flat) -> Flat {
    if cubes.iter().any(<[Slot]>::is_empty) {
        return Flat::one_empty();
    }
    // The first of equal cubes kept (a set's number is the set): the cubes'
    // places sorted by their slots, then by place, so that each cube equal
    // to the one before it goes. A hash set of the cubes took 34 bytes a
    // cube where the places take 4 (4,096 cubes: 139 KB, the peak of the
    // smaller pigeonhole plans: issue 19, memory per byte).
    let mut first = vec![true; cubes.len()];
    let mut order: Vec<u32> = (0..cubes.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        (cubes.cube(a as usize).cmp(cubes.cube(b as usize))).then(a.cmp(&b))
    });
    for pair in order.windows(2) {
        if cubes.cube(pair[0] as usize) == cubes.cube(pair[1] as usize) {
            first[pair[1] as usize] = false;
        }
    }
    drop(order);
    cubes.retain(&first);
    drop(first);
    if cubes.len() <= ABSORB_MAX {
        let mut keep = vec![true; cubes.len()];
        for i in 0..cubes.len() {
            for j in 0..cubes.len() {
                if i != j && keep[j] && flat::within(table, cubes.cube(i), cubes.cube(j)) {
                    keep[i] = false;
                    break;
                }
            }
        }
        cubes.retain(&keep);
    }
    cubes
}

/// Whether every value of cube `a` is in cube `b`.
pub fn within(a: &Cube, b: &Cube) -> bool {
    super::walk::within_by(a, b, |e| e.0, |x, y| x.1.is_subset(&y.1))
}

/// Whether a cube holds at a point (a value for every fact it constrains).
pub fn holds(cube: &Cube, value: impl Fn(u32) -> super::split::Point) -> bool {
    cube.iter().all(|(fact, set)| set.contains(value(*fact)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Past `ABSORB_MAX` cubes only equal cubes go, the first of each kept
    /// in its place: 300 cubes `x == i`, then `x == 0`, `x == 2`, `x == 4`
    /// again, then two entries at once, twice.
    #[test]
    fn tidy_keeps_the_first_of_equal_cubes_in_order() {
        let mut table = Entries::default();
        let mut number = |fact, i| table.with_set(fact, FactSet::counts(vec![(i, i)]));
        let singles: Vec<Slot> = (0..300).map(|i| number(0, i)).collect();
        let pair = [number(0, 7), number(1, 9)];
        let mut cubes = Flat::default();
        for &n in &singles {
            cubes.push(&[n]);
        }
        for i in [0, 2, 4] {
            cubes.push(&[singles[i]]);
        }
        cubes.push(&pair);
        cubes.push(&pair);
        let tidied = tidy(&table, cubes);
        let mut expected: Vec<Vec<Slot>> = singles.iter().map(|&n| vec![n]).collect();
        expected.push(pair.to_vec());
        assert_eq!(
            tidied.iter().map(<[Slot]>::to_vec).collect::<Vec<_>>(),
            expected
        );
    }
}
