//! A diagram as rows: each path from the root to a leaf is a region (the
//! pieces along it), and the paths are disjoint and cover the space. Rows
//! with one key whose regions differ in one fact only are then merged into
//! one (their union is again a region), fact after fact, until no two rows
//! can be merged: the diagram shares the ends of paths, the merge also their
//! beginnings. Iterative throughout.

use std::collections::HashMap;

use super::{Diagram, DiagramNode, Undecided};
use crate::logic::sets::FactSet;

/// A region (a set of values for each fact it constrains, ascending by fact;
/// any value of the space for the others) and its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub region: Vec<(u32, FactSet)>,
    pub key: u32,
}

impl Row {
    /// The set of `fact` in this row, if the row constrains it.
    pub fn set(&self, fact: u32) -> Option<&FactSet> {
        self.region
            .binary_search_by_key(&fact, |(f, _)| *f)
            .ok()
            .map(|i| &self.region[i].1)
    }
}

pub fn rows(diagram: &Diagram, limit: usize) -> Result<Vec<Row>, Undecided> {
    // Paths below each node (children have smaller indexes).
    let mut below = vec![0usize; diagram.nodes.len()];
    for (i, node) in diagram.nodes.iter().enumerate() {
        below[i] = match node {
            DiagramNode::Leaf(_) => 1,
            DiagramNode::Split { edges, .. } => edges
                .iter()
                .fold(0usize, |n, (_, c)| n.saturating_add(below[*c as usize])),
        };
    }
    if below.get(diagram.root as usize).copied().unwrap_or(0) > limit {
        return Err(Undecided::Rows(limit));
    }
    let mut out = Vec::new();
    let mut stack: Vec<(u32, Vec<(u32, FactSet)>)> = vec![(diagram.root, Vec::new())];
    while let Some((node, path)) = stack.pop() {
        match diagram.nodes.get(node as usize) {
            Some(DiagramNode::Leaf(key)) => {
                let mut region = path;
                region.sort_by_key(|(f, _)| *f);
                out.push(Row { region, key: *key });
            }
            Some(DiagramNode::Split { fact, edges }) => {
                for (set, child) in edges.iter().rev() {
                    let mut p = path.clone();
                    p.push((*fact, set.clone()));
                    stack.push((*child, p));
                }
            }
            None => {}
        }
    }
    Ok(merge(diagram, out))
}

fn merge(diagram: &Diagram, mut rows: Vec<Row>) -> Vec<Row> {
    let mut facts: Vec<u32> = rows
        .iter()
        .flat_map(|r| r.region.iter().map(|(f, _)| *f))
        .collect();
    facts.sort_unstable();
    facts.dedup();
    loop {
        let before = rows.len();
        for &fact in &facts {
            rows = merge_on(diagram, rows, fact);
        }
        if rows.len() == before {
            return rows;
        }
    }
}

/// Merges the rows that have one key and the same sets but for `fact`.
fn merge_on(diagram: &Diagram, rows: Vec<Row>, fact: u32) -> Vec<Row> {
    type Rest = (u32, Vec<(u32, FactSet)>);
    let mut groups: Vec<(Rest, Vec<FactSet>)> = Vec::new();
    let mut slot: HashMap<Rest, usize> = HashMap::new();
    let universe = &diagram.space.universe[fact as usize];
    for row in rows {
        let mut rest = row.region;
        let set = match rest.binary_search_by_key(&fact, |(f, _)| *f) {
            Ok(i) => rest.remove(i).1,
            Err(_) => universe.clone(),
        };
        let group = (row.key, rest);
        match slot.get(&group) {
            Some(&at) => groups[at].1.push(set),
            None => {
                slot.insert(group.clone(), groups.len());
                groups.push((group, vec![set]));
            }
        }
    }
    let domain = diagram.space.domains[fact as usize];
    groups
        .into_iter()
        .map(|((key, mut region), sets)| {
            let set = if sets.len() == 1 {
                sets.into_iter().next().unwrap_or_else(|| universe.clone())
            } else {
                FactSet::union_all(&sets, domain)
            };
            if set != *universe {
                let at = region.partition_point(|(f, _)| *f < fact);
                region.insert(at, (fact, set));
            }
            Row { region, key }
        })
        .collect()
}
