//! The models of a small `and` or `or`, made from its children's (see
//! `Packed`): an entry is an atom's id, or a set made here (`FRESH`),
//! which becomes an atom only if the DNF is kept (`Net::settle`).

use std::collections::HashMap;
use std::sync::Arc;

use super::{DNF_MAX_CUBES, DNF_MAX_ENTRIES, Net};
use crate::logic::nodes::{Cube, Entry, FRESH, Graph, NodeId, Packed};
use crate::logic::sets::FactSet;
use crate::logic::walk::meet_by;

/// The fact and set of a `Packed` entry.
fn read<'a>(graph: &'a Graph, fresh: &'a [Entry], e: NodeId) -> Option<(u32, &'a Arc<FactSet>)> {
    if e & FRESH == 0 {
        graph.entry(e)
    } else {
        fresh.get((e & !FRESH) as usize).map(|(f, s)| (*f, s))
    }
}

/// `fact` in `set` as a `Packed` entry.
fn add_fresh(fresh: &mut Vec<Entry>, fact: u32, set: FactSet) -> NodeId {
    fresh.push((fact, Arc::new(set)));
    (fresh.len() - 1) as NodeId | FRESH
}

impl Net {
    /// The DNF of an `and` of children that all have one, if it stays small.
    pub(super) fn dnf_product(&self, kids: &[NodeId]) -> Option<Packed> {
        let mut acc = Packed::one_empty();
        // The sets made by every step of the product.
        let mut fresh: Vec<Entry> = Vec::new();
        for &k in kids {
            let cubes = self.graph.dnf(k)?;
            let mut next = Packed::default();
            for a in acc.cubes() {
                for b in cubes.iter() {
                    let start = next.entries.len();
                    if meet_into(&self.graph, &mut fresh, a, b.ids, &mut next.entries) {
                        next.end_cube(start);
                        if next.len() > DNF_MAX_CUBES || next.entries.len() > DNF_MAX_ENTRIES {
                            return None;
                        }
                    }
                }
            }
            if next.len() == 0 {
                return Some(next);
            }
            acc = next;
        }
        acc.fresh = fresh;
        Some(acc)
    }

    /// The DNF of an `or` of children that all have one, if it stays small.
    /// Single-fact cubes of one fact are merged (`x < 3 or (y or x > 5)`).
    pub(super) fn dnf_union(&self, kids: &[NodeId]) -> Option<Packed> {
        let mut out = Packed::default();
        // The entry of each fact's single-fact cube.
        let mut single: HashMap<u32, usize> = HashMap::new();
        for &k in kids {
            let cubes = self.graph.dnf(k)?;
            for cube in cubes.iter() {
                if let [id] = cube.ids
                    && let Some((fact, set)) = self.graph.entry(*id)
                {
                    if let Some(&at) = single.get(&fact) {
                        let domain = self.graph.domains[fact as usize];
                        let (_, before) = read(&self.graph, &out.fresh, out.entries[at])?;
                        let merged = FactSet::union_all([&**before, &**set], domain);
                        if merged.is_full(domain) {
                            // Every value of the fact: the `or` always holds.
                            return Some(Packed::one_empty());
                        }
                        out.entries[at] = add_fresh(&mut out.fresh, fact, merged);
                        continue;
                    }
                    single.insert(fact, out.entries.len());
                }
                let start = out.entries.len();
                out.entries.extend_from_slice(cube.ids);
                out.end_cube(start);
                if out.len() > DNF_MAX_CUBES || out.entries.len() > DNF_MAX_ENTRIES {
                    return None;
                }
            }
        }
        Some(out)
    }
}

/// Appends the conjunction of two cubes to `out`; false (and nothing
/// added) if they contradict. A set both share is made in `fresh` unless
/// it is one of theirs.
fn meet_into(
    graph: &Graph,
    fresh: &mut Vec<Entry>,
    a: &[NodeId],
    b: &[NodeId],
    out: &mut Vec<NodeId>,
) -> bool {
    let fact = |fresh: &Vec<Entry>, &e: &NodeId| read(graph, fresh, e).map(|(fact, _)| fact);
    meet_by(fresh, a, b, out, fact, |fresh, &x, &y| {
        let ((fact, sx), (_, sy)) = (read(graph, fresh, x)?, read(graph, fresh, y)?);
        let set = sx.intersect(sy);
        if set.is_empty() {
            None
        } else if x == y || set == **sx {
            Some(x)
        } else if set == **sy {
            Some(y)
        } else {
            Some(add_fresh(fresh, fact, set))
        }
    })
}

/// The conjunction of two cubes; `None` if they contradict.
pub fn meet(a: &[Entry], b: &[Entry]) -> Option<Cube> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let met = meet_by(
        &mut (),
        a,
        b,
        &mut out,
        |_, e| Some(e.0),
        |_, x, y| {
            let set = x.1.intersect(&y.1);
            (!set.is_empty()).then(|| (x.0, Arc::new(set)))
        },
    );
    met.then_some(out)
}
