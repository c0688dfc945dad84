//! Regions of fact values where the same conditions hold: the reusable core
//! of `planc triggers`, of the `level-order` and `trigger-gap` checks, and of
//! comparing two revisions of a plan (`planc diff`: "到场上访人数 50–99: 以前
//! 启动Ⅱ级, 现在不启动").
//!
//! # Use
//!
//! 1. Put the conditions in DNF over one space of facts: `Conditions::of`
//!    does this for a plan's triggers (named triggers written out). Conditions
//!    of two plans can share one space once their facts are mapped to common
//!    indexes (`Cube` entries are `(fact, set)`).
//! 2. `Diagram::build(space, conditions, key)` sweeps the space one fact at
//!    a time (the sweep-line of Calvanese et al. for DMN tables, on every
//!    fact in turn) and returns a reduced decision diagram: each inner node
//!    cuts one fact's values into pieces, each leaf is the `key` the caller
//!    gave to the set of conditions holding there. The caller chooses what
//!    matters through `key`: the set of triggers that fire (the decision
//!    table), only whether any fires (gaps), or a pair (old level, new level)
//!    for a diff. Pieces leading to the same sub-diagram are merged, so the
//!    diagram distinguishes only what the keys distinguish.
//! 3. `Diagram::rows(limit)` lists the diagram as disjoint regions (one set
//!    of values per constrained fact; every other fact takes any value), each
//!    with its key, covering the whole space, merged so that rows with one key
//!    that differ in one fact only become one row. Every row is exact: every
//!    point of its region has its key.
//!
//! # Bounds
//!
//! No step recurses (the sweep keeps its own stack). The sweep stops after
//! `Limits::steps` steps and `rows` after `limit` rows, and then returns
//! `Undecided`: the caller says "could not decide", never a guess.
//!
//! Only `sets` and `split` look inside a set of values, so a new kind of
//! fact (decimal `number`s) needs no change here.

mod rows;
mod sweep;

use super::nodes::Cube;
use super::sets::{Domain, FactSet};
use super::split::Point;

pub use rows::Row;

/// The facts a sweep runs over.
#[derive(Debug, Clone)]
pub struct Space {
    /// By fact.
    pub domains: Vec<Domain>,
    /// By fact, the values looked at (a fact's domain, or fewer: the values
    /// inside one cube, to ask what happens there).
    pub universe: Vec<FactSet>,
    /// The facts in the order they are cut, first at the top of the diagram;
    /// facts not listed come after, by index. A fact last in the order is cut
    /// last, so each of its lines (the other facts equal) is one node.
    pub order: Vec<u32>,
}

impl Space {
    /// Every value of every fact, cut in index order.
    pub fn full(domains: Vec<Domain>) -> Space {
        let universe = domains.iter().map(|d| d.full()).collect();
        let order = (0..domains.len() as u32).collect();
        Space {
            domains,
            universe,
            order,
        }
    }
}

/// The work a sweep may do before it gives up.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub steps: usize,
}

impl Limits {
    /// About a second of work in a debug build, a tenth in a release build.
    pub const DEFAULT: Limits = Limits { steps: 3_000_000 };
}

/// The sweep or the listing stopped at a bound before it was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undecided {
    /// More steps than `Limits::steps`.
    Steps(usize),
    /// More rows than the limit given to `rows`.
    Rows(usize),
}

/// Index of a node of a diagram.
pub type NodeRef = u32;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DiagramNode {
    /// The key of every point that reaches it.
    Leaf(u32),
    /// One fact's values in pieces (disjoint, covering the universe), each
    /// leading to a node made before this one.
    Split {
        fact: u32,
        edges: Vec<(FactSet, NodeRef)>,
    },
}

/// A reduced decision diagram over a space; children come before parents.
#[derive(Debug, Clone)]
pub struct Diagram {
    pub space: Space,
    pub nodes: Vec<DiagramNode>,
    pub root: NodeRef,
    /// The steps the sweep took (see `Limits`).
    pub steps: usize,
}

impl Diagram {
    /// Sweeps `space` for `conditions` (each a DNF); `key` is called with
    /// the indexes (ascending) of the conditions that hold in a region and
    /// returns the region's key. See the module's documentation.
    pub fn build(
        space: Space,
        conditions: &[&[Cube]],
        key: &mut dyn FnMut(&[u32]) -> u32,
        limits: Limits,
    ) -> Result<Diagram, Undecided> {
        sweep::build(space, conditions, key, limits)
    }

    /// The keys of the leaves that some point reaches.
    pub fn keys(&self) -> Vec<u32> {
        let mut keys: Vec<u32> = self
            .reached()
            .into_iter()
            .zip(&self.nodes)
            .filter_map(|(r, n)| match n {
                DiagramNode::Leaf(k) if r => Some(*k),
                _ => None,
            })
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Whether each node is reached from the root.
    fn reached(&self) -> Vec<bool> {
        let mut reached = vec![false; self.nodes.len()];
        if let Some(r) = reached.get_mut(self.root as usize) {
            *r = true;
        }
        for i in (0..self.nodes.len()).rev() {
            if let (true, DiagramNode::Split { edges, .. }) = (reached[i], &self.nodes[i]) {
                for &(_, child) in edges {
                    reached[child as usize] = true;
                }
            }
        }
        reached
    }

    /// For each node, the region of one way to reach it from the root (the
    /// first in the order of the edges), or `None` if none does.
    pub fn paths(&self) -> Vec<Option<Vec<(u32, FactSet)>>> {
        let mut paths: Vec<Option<Vec<(u32, FactSet)>>> = vec![None; self.nodes.len()];
        if let Some(p) = paths.get_mut(self.root as usize) {
            *p = Some(Vec::new());
        }
        // Parents have higher indexes: one pass from the top.
        for i in (0..self.nodes.len()).rev() {
            let DiagramNode::Split { fact, edges } = &self.nodes[i] else {
                continue;
            };
            let Some(path) = paths[i].clone() else {
                continue;
            };
            for (set, child) in edges {
                let slot = &mut paths[*child as usize];
                if slot.is_none() {
                    let mut p = path.clone();
                    if !set.is_full(self.space.domains[*fact as usize]) {
                        p.push((*fact, set.clone()));
                    }
                    p.sort_by_key(|(f, _)| *f);
                    *slot = Some(p);
                }
            }
        }
        paths
    }

    /// The diagram as disjoint rows covering the space, merged (see the
    /// module's documentation); `Undecided::Rows` past `limit` rows.
    pub fn rows(&self, limit: usize) -> Result<Vec<Row>, Undecided> {
        rows::rows(self, limit)
    }
}

/// A point of a region: the first value of each of its sets.
pub fn sample(region: &[(u32, FactSet)]) -> Vec<(u32, Point)> {
    region
        .iter()
        .filter_map(|(f, s)| s.first().map(|p| (*f, p)))
        .collect()
}

#[cfg(test)]
mod tests;
