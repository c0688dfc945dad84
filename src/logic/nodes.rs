//! The data of the condition graph: nodes in negation normal form, what is
//! known of each, and the search budget. Built by `net`, read by `search`
//! and `explain`.

use std::sync::Arc;

use super::sets::{Domain, FactSet};
use crate::model::Table;

pub type NodeId = u32;
pub const FALSE: NodeId = 0;
pub const TRUE: NodeId = 1;

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    False,
    True,
    /// One fact in a set of values: also the atom's one cube of one entry,
    /// which is its own id (see `Info`). `leaf`: made for a condition's
    /// leaf, not only as an entry of a kept DNF (see `Graph::cube_only`).
    Atom {
        fact: u32,
        id: NodeId,
        set: Arc<FactSet>,
        leaf: bool,
    },
    /// The children, and what is known of the node (an atom's is read off
    /// the node: a list of it by node id held 56 bytes for each atom,
    /// issue 19, memory per byte).
    And(Box<[NodeId]>, InfoId),
    Or(Box<[NodeId]>, InfoId),
}

/// Where an `and`'s or `or`'s `Info` is (`FALSE`'s and `TRUE`'s are the first two).
pub type InfoId = u32;

const _: () = assert!(std::mem::size_of::<Node>() == 24);

/// One fact in a set of values: an entry of a cube.
pub type Entry = (u32, Arc<FactSet>);

/// A conjunction of one set per fact, sorted by fact.
pub type Cube = Vec<Entry>;

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

/// What is known of a node. Its models, when kept (small), are its cubes
/// back to back in one list, where they end marked in a word: a DNF of
/// cubes each in a list of its own, in an `Arc`, took three allocations
/// and several times the room (issue 19, memory per byte). An entry is
/// the id of the atom of its fact and set (4 bytes, where a fact and an
/// `Arc` were 16: most of a long condition's net). An atom's models are
/// read off the node, and so are its facts.
#[derive(Debug, Clone)]
pub struct Info {
    pub sat: Sat,
    /// How many cubes; `NOT_KEPT` when the models are not kept.
    cubes: u8,
    /// Bit `i` set: entry `i` is the last of its cube.
    ends: u64,
    entries: Box<[NodeId]>,
    footprint: Footprint,
}

const NOT_KEPT: u8 = u8::MAX;

/// A DNF being built, cubes back to back (see `Info`); at most 64 entries.
/// An entry is an atom's id, or `FRESH` and the place in `fresh` of a set
/// made by the product or union, which the net makes an atom of when the
/// DNF is kept.
#[derive(Debug, Clone, Default)]
pub struct Packed {
    pub entries: Vec<NodeId>,
    pub fresh: Vec<Entry>,
    ends: u64,
    cubes: u8,
    /// Whether an empty cube was added: the DNF always holds.
    pub holds_always: bool,
}

impl Packed {
    /// One empty cube: the neutral start of a product.
    pub fn one_empty() -> Packed {
        Packed {
            holds_always: true,
            cubes: 1,
            ..Packed::default()
        }
    }

    /// Ends the cube made of the entries added since the last one ended
    /// (`cube_start` is where it began).
    pub fn end_cube(&mut self, cube_start: usize) {
        if self.entries.len() == cube_start {
            self.holds_always = true;
        } else {
            // Past 64 entries the DNF is given up, not kept.
            self.ends |= 1u64.checked_shl(self.entries.len() as u32 - 1).unwrap_or(0);
        }
        self.cubes = self.cubes.saturating_add(1);
    }

    pub fn len(&self) -> usize {
        self.cubes as usize
    }

    /// The cubes in order, as slices of entries.
    pub fn cubes(&self) -> impl Iterator<Item = &[NodeId]> {
        cubes(&self.entries, self.ends, self.cubes)
    }
}

/// An entry of a `Packed` that is not an atom yet (the bit below is its
/// place in `fresh`).
pub const FRESH: NodeId = 1 << 31;

/// The cubes of `entries`, each ending where `ends` has a bit.
fn cubes(entries: &[NodeId], ends: u64, cubes: u8) -> impl Iterator<Item = &[NodeId]> {
    let (mut ends, mut left) = (ends, cubes);
    let mut start = 0;
    std::iter::from_fn(move || {
        if left == 0 {
            return None;
        }
        left -= 1;
        if ends == 0 {
            // Only the empty cube of `TRUE` ends nowhere.
            return Some(&entries[start..start]);
        }
        let last = ends.trailing_zeros() as usize;
        ends &= ends - 1;
        let cube = &entries[start..=last];
        start = last + 1;
        Some(cube)
    })
}

/// A node's DNF as read: its cubes, each a list of atoms sorted by fact.
#[derive(Clone, Copy)]
pub struct Dnf<'g> {
    nodes: &'g Table<Node>,
    entries: &'g [NodeId],
    ends: u64,
    cubes: u8,
}

/// One cube of a node's DNF: its atoms, sorted by fact.
#[derive(Clone, Copy)]
pub struct CubeRef<'g> {
    nodes: &'g Table<Node>,
    pub ids: &'g [NodeId],
}

impl<'g> CubeRef<'g> {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// The fact and set of each entry.
    pub fn entries(&self) -> impl Iterator<Item = (u32, &'g Arc<FactSet>)> + use<'g> {
        let nodes = self.nodes;
        self.ids.iter().filter_map(move |&a| entry(nodes, a))
    }

    /// The cube as a list of its own (sharing the sets), sized exactly: a
    /// root's DNF is kept for the whole check.
    pub fn to_cube(self) -> Cube {
        let mut cube = Vec::with_capacity(self.ids.len());
        cube.extend(self.entries().map(|(f, s)| (f, Arc::clone(s))));
        cube
    }
}

/// The fact and set of an atom (`None` for any other node).
fn entry(nodes: &Table<Node>, id: NodeId) -> Option<(u32, &Arc<FactSet>)> {
    match nodes.get(id as usize) {
        Some(Node::Atom { fact, set, .. }) => Some((*fact, set)),
        _ => None,
    }
}

impl<'g> Dnf<'g> {
    pub fn len(&self) -> usize {
        self.cubes as usize
    }

    pub fn is_empty(&self) -> bool {
        self.cubes == 0
    }

    /// The cubes in order.
    pub fn iter(&self) -> impl Iterator<Item = CubeRef<'g>> + use<'g> {
        let nodes = self.nodes;
        cubes(self.entries, self.ends, self.cubes).map(move |ids| CubeRef { nodes, ids })
    }

    /// Cube `i`.
    pub fn cube(&self, i: usize) -> CubeRef<'g> {
        CubeRef {
            nodes: self.nodes,
            ids: self.cube_ids(i),
        }
    }

    fn cube_ids(&self, i: usize) -> &'g [NodeId] {
        let mut ends = self.ends;
        for _ in 0..i {
            ends &= ends.wrapping_sub(1);
        }
        if ends == 0 {
            // The empty cube of `TRUE` (or past the last cube).
            return &[];
        }
        let last = ends.trailing_zeros();
        let before = self.ends & ((1u64 << last) - 1);
        let start = 64 - before.leading_zeros();
        &self.entries[start as usize..=last as usize]
    }

    /// The cubes as lists of their own (for `dnf::lower`).
    pub fn to_cubes(self) -> Vec<Cube> {
        self.iter().map(|c| c.to_cube()).collect()
    }
}

impl Info {
    /// A node whose models are not kept.
    pub fn unkept(sat: Sat, footprint: Footprint) -> Info {
        Info {
            sat,
            cubes: NOT_KEPT,
            ends: 0,
            entries: Box::new([]),
            footprint,
        }
    }

    /// A node whose models are `dnf`, its entries all atoms (none `FRESH`).
    pub fn kept(sat: Sat, dnf: Packed, footprint: Footprint) -> Info {
        Info {
            sat,
            cubes: dnf.cubes,
            ends: dnf.ends,
            entries: dnf.entries.into_boxed_slice(),
            footprint,
        }
    }
}

/// A node's facts as read (see `Footprint`).
#[derive(Debug, Clone, Copy)]
pub enum Facts<'g> {
    Small(&'g [u32]),
    Big { lo: u32, hi: u32 },
}

/// What the searches have spent (see `search` for the bounds).
#[derive(Debug, Clone, Default)]
pub struct Budget {
    pub spent: usize,
    /// Whether any search stopped at a bound.
    pub hit: bool,
}

/// The nodes and infos are held in chunks (`model::Table`): a vector grown
/// by doubling held up to twice the room, three times while it moved, and
/// the two were the largest part of a long condition's net (issue 19,
/// memory per byte).
pub struct Graph {
    pub nodes: Table<Node>,
    /// What is known of `FALSE`, `TRUE` and each `and` and `or`.
    pub infos: Table<Info>,
    pub domains: Vec<Domain>,
    /// The id of the first atom made on each fact (`u32::MAX`: none yet). A
    /// node can only mention facts whose first atom is older than itself.
    pub first_use: Vec<NodeId>,
    /// How many atoms are only entries of kept DNFs: the search's bounds
    /// count the other nodes, as they were before entries were atoms.
    pub cube_only: usize,
}

impl Graph {
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }
    /// What is known of a node that is not an atom.
    fn info(&self, id: NodeId) -> Option<&Info> {
        let at = match self.node(id) {
            Node::False => 0,
            Node::True => 1,
            Node::Atom { .. } => return None,
            Node::And(_, at) | Node::Or(_, at) => *at,
        };
        self.infos.get(at as usize)
    }

    /// Whether the node can be true (an atom always can).
    pub fn sat(&self, id: NodeId) -> Sat {
        self.info(id).map_or(Sat::Yes, |info| info.sat)
    }

    /// The fact and set of an atom (`None` for any other node).
    pub fn entry(&self, id: NodeId) -> Option<(u32, &Arc<FactSet>)> {
        entry(&self.nodes, id)
    }

    /// The node's models, when kept.
    pub fn dnf(&self, id: NodeId) -> Option<Dnf<'_>> {
        if let Node::Atom { id, .. } = self.node(id) {
            return Some(Dnf {
                nodes: &self.nodes,
                entries: std::slice::from_ref(id),
                ends: 1,
                cubes: 1,
            });
        }
        let info = self.info(id)?;
        (info.cubes != NOT_KEPT).then_some(Dnf {
            nodes: &self.nodes,
            entries: &info.entries,
            ends: info.ends,
            cubes: info.cubes,
        })
    }

    /// The facts the node mentions.
    pub fn facts(&self, id: NodeId) -> Facts<'_> {
        if let Node::Atom { fact, .. } = self.node(id) {
            return Facts::Small(std::slice::from_ref(fact));
        }
        match self.info(id).map(|info| &info.footprint) {
            Some(Footprint::Small(facts)) => Facts::Small(facts),
            Some(Footprint::Big { lo, hi }) => Facts::Big { lo: *lo, hi: *hi },
            None => Facts::Small(&[]),
        }
    }
}
