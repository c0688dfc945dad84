//! Questions a plan reviewer asks of the triggers, answered with the region
//! sweep: does one condition imply another (and if not, where does it hold
//! alone), and where does a count leave a gap that sets off nothing between
//! two values that set something off (the other facts equal).

use std::collections::HashSet;

use super::nodes::Cube;
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

/// A point where `a` holds and `b` does not, or `None` when there is none
/// (`a` implies `b`). `budget` is the sweep steps still allowed, shared by
/// the caller's questions; each cube of `a` is swept on its own.
pub fn counterexample(
    domains: &[Domain],
    a: &[Cube],
    b: &[Cube],
    budget: &mut usize,
) -> Result<Option<Witness>, Undecided> {
    for cube in a {
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
    let any: Vec<Cube> = conditions.iter().flat_map(|d| d.iter().cloned()).collect();
    let mut counts: Vec<u32> = any
        .iter()
        .flat_map(|c| c.iter().map(|(f, _)| *f))
        .filter(|&f| domains.get(f as usize) == Some(&Domain::Count))
        .collect();
    counts.sort_unstable();
    counts.dedup();
    let mut out = Vec::new();
    let mut seen: HashSet<(u32, (u64, u64))> = HashSet::new();
    for fact in counts {
        // The fact is cut last: each node that cuts it is one line.
        let mut order = cut_order(domains, &[&any]);
        order.retain(|&f| f != fact);
        order.push(fact);
        let mut space = Space::full(domains.to_vec());
        space.order = order;
        let mut key = |holding: &[u32]| u32::from(!holding.is_empty());
        let diagram = Diagram::build(space, &[&any], &mut key, limits)?;
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
