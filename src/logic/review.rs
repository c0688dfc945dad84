//! Questions a plan reviewer asks of the triggers, answered with the region
//! sweep: does one condition imply another (and if not, where does it hold
//! alone), and where does a count leave a gap that sets off nothing between
//! two values that set something off (the other facts equal).

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::BuildHasher;
use std::sync::Arc;

use foldhash::fast::FixedState;
use hashbrown::HashTable;

use super::dnf::within;
use super::nodes::{Cube, Entry};
use super::regions::{Diagram, DiagramNode, Limits, Space, Undecided, sample};
use super::sets::{Domain, FactSet};
use super::split::Point;
use super::table::cut_order;

/// A point, as a value for each fact that matters; any value for the others.
pub type Witness = Vec<(u32, Point)>;

/// For each fact, the values at which `dnf` can hold (the union of its
/// cubes' sets; every value where a cube does not constrain the fact). If
/// `a` implies `b`, each of `a`'s projections lies inside `b`'s: a cheap
/// test before the exact one.
pub fn projections(domains: &[Domain], dnf: &[Cube]) -> Vec<FactSet> {
    let mut sets: Vec<Vec<&FactSet>> = vec![Vec::new(); domains.len()];
    let mut free = vec![false; domains.len()];
    for cube in dnf {
        for (f, list) in sets.iter_mut().enumerate() {
            match cube.binary_search_by_key(&(f as u32), |(g, _)| *g) {
                Ok(i) => list.push(&cube[i].1),
                Err(_) => free[f] = true,
            }
        }
    }
    domains
        .iter()
        .zip(sets)
        .zip(free)
        .map(|((d, list), free)| {
            if free {
                d.full()
            } else {
                FactSet::union_all(list, *d)
            }
        })
        .collect()
}

/// `projections` without the facts a condition leaves free: for each fact
/// every cube constrains, by fact, the union of the cubes' sets, unless it
/// is every value. A fact not listed is its whole domain, so `a` can imply
/// `b` only if every fact listed for `b` is listed for `a` with a set
/// inside `b`'s (`within_projection`). A condition of one cube is its own
/// projections: borrowed, not copied (a copy for each of thousands of
/// graded levels was part of `level-order`'s peak: issue 19, memory per byte).
pub fn restricted_projections<'d>(domains: &[Domain], dnf: &'d [Cube]) -> Cow<'d, [Entry]> {
    let partial = |(f, set): &Entry| domains.get(*f as usize).is_some_and(|d| !set.is_full(*d));
    let (first, rest) = match dnf {
        // No cube: it never holds, and every projection is empty.
        [] => {
            return domains
                .iter()
                .enumerate()
                .map(|(f, d)| (f as u32, Arc::new(FactSet::union_all([], *d))))
                .collect();
        }
        [cube] if cube.iter().all(partial) => return Cow::Borrowed(cube),
        [first, rest @ ..] => (first, rest),
    };
    first
        .iter()
        .filter_map(|(f, _)| {
            let domain = *domains.get(*f as usize)?;
            let mut sets: Vec<&FactSet> = Vec::with_capacity(dnf.len());
            for cube in std::iter::once(first).chain(rest) {
                let i = cube.binary_search_by_key(f, |(g, _)| *g).ok()?;
                sets.push(&cube[i].1);
            }
            let union = FactSet::union_all(sets, domain);
            (!union.is_full(domain)).then(|| (*f, Arc::new(union)))
        })
        .collect()
}

/// Whether each projection of `a` lies inside `b`'s, both as
/// `restricted_projections` gives them (ascending by fact).
pub fn within_projection(a: &[Entry], b: &[Entry]) -> bool {
    let mut rest = a.iter();
    b.iter().all(|(f, set)| {
        rest.by_ref()
            .find(|(g, _)| g >= f)
            .is_some_and(|(g, own)| g == f && own.is_subset(set))
    })
}

/// Whether `a` implies `b` (wherever `a` holds, `b` holds): as
/// `counterexample`, without building the counterexample's values.
pub fn implies(
    domains: &[Domain],
    a: &[Cube],
    b: &[Cube],
    budget: &mut usize,
) -> Result<bool, Undecided> {
    if corner_outside(domains, a, b).is_some() {
        return Ok(false);
    }
    Ok(counterexample(domains, a, b, budget)?.is_none())
}

/// A point where `a` holds and `b` does not, or `None` when there is none
/// (`a` implies `b`). `budget` is the sweep steps still allowed, shared by
/// the caller's questions.
///
/// Cheap answers first: a corner of a cube of `a` where `b` does not hold
/// is a counterexample; if every cube of `a` lies inside a cube of `b`,
/// there is none. Then each cube of `a` has the cubes of `b` subtracted
/// from it (box by box, while the pieces are few), or is swept.
pub fn counterexample(
    domains: &[Domain],
    a: &[Cube],
    b: &[Cube],
    budget: &mut usize,
) -> Result<Option<Witness>, Undecided> {
    counterexample_with(domains, a, b, budget, SUBTRACT_MAX)
}

/// `counterexample`, subtracting while there are at most `subtract_max`
/// pieces (0: always sweep; the tests use it).
pub(super) fn counterexample_with(
    domains: &[Domain],
    a: &[Cube],
    b: &[Cube],
    budget: &mut usize,
    subtract_max: usize,
) -> Result<Option<Witness>, Undecided> {
    // A point at the low corner reads well in a message (`crowd` = 5, not
    // 18446744073709551615); a high corner only tells that one exists.
    if let Some((point, false)) = corner_outside(domains, a, b) {
        let mut facts: Vec<u32> = a
            .iter()
            .chain(b)
            .flat_map(|c| c.iter().map(|(f, _)| *f))
            .collect();
        facts.sort_unstable();
        facts.dedup();
        return Ok(Some(
            facts.iter().map(|&f| (f, point[f as usize])).collect(),
        ));
    }
    if a.iter().all(|c| b.iter().any(|d| within(c, d))) {
        return Ok(None);
    }
    for cube in a {
        if let Some(rest) = outside(domains, cube, b, subtract_max) {
            match rest.first() {
                Some(region) => return Ok(Some(sample(region))),
                None => continue,
            }
        }
        let universe: Vec<FactSet> = domains
            .iter()
            .enumerate()
            .map(
                |(f, d)| match cube.binary_search_by_key(&(f as u32), |(g, _)| *g) {
                    Ok(i) => (*cube[i].1).clone(),
                    Err(_) => d.full(),
                },
            )
            .collect();
        let space = Space {
            domains: domains.to_vec(),
            universe,
            order: cut_order(domains, &[b]),
        };
        let mut key = |holding: &[u32]| u32::from(!holding.is_empty());
        let limits = Limits { steps: *budget };
        let diagram = Diagram::build(space, &[b], &mut key, limits)?;
        *budget = budget.saturating_sub(diagram.steps);
        let paths = diagram.paths();
        let outside =
            diagram
                .nodes
                .iter()
                .zip(&paths)
                .find_map(|(node, path)| match (node, path) {
                    (DiagramNode::Leaf(0), Some(path)) => Some(path),
                    _ => None,
                });
        if let Some(path) = outside {
            // The cube's own sets where the path does not cut.
            let mut region: Vec<(u32, FactSet)> = path.clone();
            for (f, set) in cube {
                if region.iter().all(|(g, _)| g != f) {
                    region.push((*f, (**set).clone()));
                }
            }
            region.sort_by_key(|(f, _)| *f);
            return Ok(Some(sample(&region)));
        }
    }
    Ok(None)
}

/// Boxes kept at most while subtracting, before the sweep takes over.
const SUBTRACT_MAX: usize = 256;

/// A box: a set for each fact it constrains, ascending by fact.
type Region = Vec<(u32, FactSet)>;

/// The part of `cube` outside every cube of `b`, as disjoint boxes,
/// subtracting one cube of `b` at a time; `None` past `limit` boxes.
fn outside(domains: &[Domain], cube: &Cube, b: &[Cube], limit: usize) -> Option<Vec<Region>> {
    let mut boxes: Vec<Region> = vec![cube.iter().map(|(f, s)| (*f, (**s).clone())).collect()];
    for d in b {
        let mut next = Vec::with_capacity(boxes.len());
        for r in boxes {
            subtract(domains, r, d, &mut next);
            if next.len() > limit {
                return None;
            }
        }
        boxes = next;
        if boxes.is_empty() {
            break;
        }
    }
    Some(boxes)
}

/// Pushes the disjoint boxes of `r` minus cube `d`.
fn subtract(domains: &[Domain], r: Region, d: &Cube, out: &mut Vec<Region>) {
    let set_of = |r: &Region, f: u32| match r.binary_search_by_key(&f, |(g, _)| *g) {
        Ok(i) => r[i].1.clone(),
        Err(_) => domains[f as usize].full(),
    };
    let meets = d.iter().all(|(f, s)| set_of(&r, *f).intersects(s));
    if !meets {
        out.push(r);
        return;
    }
    let mut rest = r;
    for (f, dset) in d {
        let domain = domains[*f as usize];
        let rset = set_of(&rest, *f);
        let beyond = rset.intersect(&dset.complement(domain));
        let within_d = rset.intersect(dset);
        let put = |r: &Region, set: FactSet| {
            let mut r = r.clone();
            match r.binary_search_by_key(f, |(g, _)| *g) {
                Ok(i) => r[i].1 = set,
                Err(i) => r.insert(i, (*f, set)),
            }
            r
        };
        if !beyond.is_empty() {
            out.push(put(&rest, beyond));
        }
        rest = put(&rest, within_d);
    }
}

/// A corner of a cube of `a` (each fact at the first or at the last value
/// the cube allows; facts it leaves free at their first) where `b` does not
/// hold: a value for every fact, by fact, and whether it is a high corner.
fn corner_outside(domains: &[Domain], a: &[Cube], b: &[Cube]) -> Option<(Vec<Point>, bool)> {
    let free = |f: usize| domains[f].first().unwrap_or(Point::Count(0));
    let mut point: Vec<Point> = (0..domains.len()).map(free).collect();
    for cube in a {
        for last in [false, true] {
            for (f, set) in cube {
                let corner = if last { set.last() } else { set.first() };
                point[*f as usize] = corner.unwrap_or_else(|| free(*f as usize));
            }
            let inside = |d: &Cube| d.iter().all(|(f, s)| s.contains(point[*f as usize]));
            if !b.iter().any(inside) {
                return Some((point, last));
            }
        }
        for (f, _) in cube {
            point[*f as usize] = free(*f as usize);
        }
    }
    None
}

/// A count that sets off nothing between two that do, the other facts
/// equal: with the facts `others` (any value for facts not listed), `fact`
/// = `below` and `fact` = `above` set something off, and every value of
/// `hole` sets off nothing; `below < hole.0 <= hole.1 < above`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub fact: u32,
    pub below: u64,
    pub hole: (u64, u64),
    pub above: u64,
    pub others: Witness,
}

/// Every gap of every count fact in the union of `conditions`, each hole
/// once (with the first context that shows it).
pub fn gaps(
    domains: &[Domain],
    conditions: &[&[Cube]],
    limits: Limits,
) -> Result<Vec<Gap>, Undecided> {
    // The cubes are read where they are: a copy of every cube of every
    // condition was the peak of a plan of thousands of triggers (issue 19,
    // memory per byte).
    let any = || conditions.iter().flat_map(|d| d.iter());
    let mut counts: Vec<u32> = any()
        .flat_map(|c| c.iter().map(|(f, _)| *f))
        .filter(|&f| domains.get(f as usize) == Some(&Domain::Count))
        .collect();
    counts.sort_unstable();
    counts.dedup();
    let cuts = cut_order(domains, conditions);
    // Thousands of triggers over a few facts repeat a few shapes: the
    // sweep's work grows with the cubes, so it gets the union's few.
    let union = merged_union(domains, any());
    let mut out = Vec::new();
    let mut seen: HashSet<(u32, (u64, u64))> = HashSet::new();
    for fact in counts {
        // The fact is cut last: each node that cuts it is one line.
        let mut order = cuts.clone();
        order.retain(|&f| f != fact);
        order.push(fact);
        let mut space = Space::full(domains.to_vec());
        space.order = order;
        let mut key = |holding: &[u32]| u32::from(!holding.is_empty());
        let diagram = Diagram::build(space, &[&union], &mut key, limits)?;
        let paths = diagram.paths();
        for (node, path) in diagram.nodes.iter().zip(&paths) {
            let (DiagramNode::Split { fact: f, edges }, Some(path)) = (node, path) else {
                continue;
            };
            if *f != fact {
                continue;
            }
            for (below, hole, above) in holes(&diagram, edges) {
                if seen.insert((fact, hole)) {
                    out.push(Gap {
                        fact,
                        below,
                        hole,
                        above,
                        others: sample(path),
                    });
                }
            }
        }
    }
    Ok(out)
}

/// The cubes of a union, fewer where they repeat: duplicates dropped, and
/// cubes that differ in one fact only made one (their sets of that fact
/// joined; one that leaves the fact free takes in the others), fact after
/// fact, a few rounds. The same points are inside, so a sweep over them
/// gives the same diagram, node for node (it is reduced, and built in the
/// order of the values), in fewer steps.
pub(crate) fn merged_union<'a>(
    domains: &[Domain],
    cubes: impl IntoIterator<Item = &'a Cube>,
) -> Vec<Cube> {
    let mut seen: HashSet<&Cube> = HashSet::new();
    let unique: Vec<&Cube> = cubes.into_iter().filter(|c| seen.insert(c)).collect();
    drop(seen);
    let mut facts: Vec<u32> = unique.iter().copied().flatten().map(|(f, _)| *f).collect();
    facts.sort_unstable();
    facts.dedup();
    // Each round that merges anything leaves fewer cubes; most unions are
    // done after two. The first round copies each cube only as it merges it,
    // so that the cubes of thousands of triggers that merge into a few are
    // never all copied at once.
    let mut before = unique.len();
    let mut cubes = merge_round(domains, unique.into_iter().cloned(), &facts);
    for _ in 1..MERGE_ROUNDS {
        if cubes.len() == before {
            break;
        }
        before = cubes.len();
        cubes = merge_round(domains, cubes, &facts);
    }
    cubes
}

const MERGE_ROUNDS: usize = 8;

/// One round of `merged_union`: the cubes merged on each fact in turn.
fn merge_round(
    domains: &[Domain],
    cubes: impl IntoIterator<Item = Cube>,
    facts: &[u32],
) -> Vec<Cube> {
    let Some((&first, rest)) = facts.split_first() else {
        return cubes.into_iter().collect();
    };
    let mut cubes = merge_on(domains, cubes, first);
    for &fact in rest {
        cubes = merge_on(domains, cubes, fact);
    }
    cubes
}

/// Cubes equal but for `fact` made one, at the place of the first of them.
fn merge_on(domains: &[Domain], cubes: impl IntoIterator<Item = Cube>, fact: u32) -> Vec<Cube> {
    let Some(&domain) = domains.get(fact as usize) else {
        return cubes.into_iter().collect();
    };
    // The rest of a cube, and the sets it and its equals have for `fact`
    // (`None`: one of them leaves the fact free); found by the rest's hash,
    // so the rest is not copied to be a key.
    let mut groups: Vec<(Cube, Option<Vec<Arc<FactSet>>>)> = Vec::new();
    let mut slot: HashTable<usize> = HashTable::new();
    let hash = |rest: &Cube| FixedState::with_seed(0).hash_one(rest);
    for mut rest in cubes {
        let set = match rest.binary_search_by_key(&fact, |(f, _)| *f) {
            Ok(i) => Some(rest.remove(i).1),
            Err(_) => None,
        };
        let h = hash(&rest);
        match slot.find(h, |&at| groups[at].0 == rest) {
            Some(&at) => match (&mut groups[at].1, set) {
                (Some(sets), Some(set)) => sets.push(set),
                (sets, _) => *sets = None,
            },
            None => {
                slot.insert_unique(h, groups.len(), |&at| hash(&groups[at].0));
                groups.push((rest, set.map(|s| vec![s])));
            }
        }
    }
    drop(slot);
    groups
        .into_iter()
        .map(|(mut rest, sets)| {
            let set = match sets {
                None => return rest,
                Some(mut sets) if sets.len() == 1 => sets.swap_remove(0),
                Some(sets) => Arc::new(FactSet::union_all(sets.iter().map(|s| &**s), domain)),
            };
            if !set.is_full(domain) {
                let at = rest.partition_point(|(f, _)| *f < fact);
                rest.insert(at, (fact, set));
            }
            rest
        })
        .collect()
}

/// The holes of one line: ranges whose key is 0 between ranges whose key is 1.
fn holes(diagram: &Diagram, edges: &[(FactSet, u32)]) -> Vec<(u64, (u64, u64), u64)> {
    let mut line: Vec<((u64, u64), u32)> = Vec::new();
    for (set, child) in edges {
        let Some(DiagramNode::Leaf(key)) = diagram.nodes.get(*child as usize) else {
            return vec![];
        };
        line.extend(set.ranges().iter().map(|&r| (r, *key)));
    }
    line.sort_unstable();
    let mut out = Vec::new();
    for w in line.windows(3) {
        if let [(low, 1), (hole, 0), (high, 1)] = w {
            out.push((low.1, *hole, high.0));
        }
    }
    out
}
