//! The data of the condition graph: nodes in negation normal form, what is
//! known of each, and the search budget. Built by `net`, read by `search`
//! and `explain`.

use std::sync::Arc;

use super::sets::{Domain, FactSet};

pub type NodeId = u32;
pub const FALSE: NodeId = 0;
pub const TRUE: NodeId = 1;

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    False,
    True,
    Atom { fact: u32, set: Arc<FactSet> },
    And(Box<[NodeId]>),
    Or(Box<[NodeId]>),
}

/// A conjunction of one set per fact, sorted by fact.
pub type Cube = Vec<(u32, Arc<FactSet>)>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sat {
    Yes,
    No,
    /// The search stopped at its bound.
    Unknown,
}

#[derive(Debug, Clone)]
pub enum Footprint {
    /// The facts the node mentions, sorted.
    Small(Box<[u32]>),
    /// More than `FOOTPRINT_MAX`: only the lowest and highest fact id and
    /// `first_use` bound them.
    Big { lo: u32, hi: u32 },
}

#[derive(Debug, Clone)]
pub struct Info {
    pub sat: Sat,
    /// The node's models exactly, when small.
    pub dnf: Option<Arc<Vec<Cube>>>,
    pub footprint: Footprint,
}

/// What the searches have spent (see `search` for the bounds).
#[derive(Debug, Clone, Default)]
pub struct Budget {
    pub spent: usize,
    /// Whether any search stopped at a bound.
    pub hit: bool,
}

pub struct Graph {
    pub nodes: Vec<Node>,
    pub info: Vec<Info>,
    pub domains: Vec<Domain>,
    /// The id of the first atom made on each fact (`u32::MAX`: none yet). A
    /// node can only mention facts whose first atom is older than itself.
    pub first_use: Vec<NodeId>,
}

impl Graph {
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }
    pub fn info(&self, id: NodeId) -> &Info {
        &self.info[id as usize]
    }
}
