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
    /// One fact in a set of values: also the atom's one cube of one entry.
    Atom(Entry),
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
/// and several times the room (issue 19, memory per byte). An atom's are
/// read off the node, and so are its facts.
#[derive(Debug, Clone)]
pub struct Info {
    pub sat: Sat,
    /// How many cubes; `NOT_KEPT` when the models are not kept.
    cubes: u8,
    /// Bit `i` set: entry `i` is the last of its cube.
    ends: u64,
    entries: Box<[Entry]>,
    footprint: Footprint,
}

const NOT_KEPT: u8 = u8::MAX;

/// A DNF being built, cubes back to back (see `Info`); at most 64 entries.
#[derive(Debug, Clone, Default)]
pub struct Packed {
    pub entries: Vec<Entry>,
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

    pub fn view(&self) -> Dnf<'_> {
        Dnf {
            entries: &self.entries,
            ends: self.ends,
            cubes: self.cubes,
        }
    }
}

/// A node's DNF as read: its cubes, each a slice of entries sorted by fact.
#[derive(Debug, Clone, Copy)]
pub struct Dnf<'g> {
    entries: &'g [Entry],
    ends: u64,
    cubes: u8,
}

impl<'g> Dnf<'g> {
    pub fn len(&self) -> usize {
        self.cubes as usize
    }

    pub fn is_empty(&self) -> bool {
        self.cubes == 0
    }

    /// The cubes in order.
    pub fn iter(&self) -> impl Iterator<Item = &'g [Entry]> + use<'g> {
        let (entries, mut ends, mut left) = (self.entries, self.ends, self.cubes);
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

    /// Cube `i`.
    pub fn cube(&self, i: usize) -> &'g [Entry] {
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
        self.iter().map(<[Entry]>::to_vec).collect()
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

    /// A node whose models are `dnf`.
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
            Node::Atom(_) => return None,
            Node::And(_, at) | Node::Or(_, at) => *at,
        };
        self.infos.get(at as usize)
    }

    /// Whether the node can be true (an atom always can).
    pub fn sat(&self, id: NodeId) -> Sat {
        self.info(id).map_or(Sat::Yes, |info| info.sat)
    }

    /// The node's models, when kept.
    pub fn dnf(&self, id: NodeId) -> Option<Dnf<'_>> {
        if let Node::Atom(entry) = self.node(id) {
            return Some(Dnf {
                entries: std::slice::from_ref(entry),
                ends: 1,
                cubes: 1,
            });
        }
        let info = self.info(id)?;
        (info.cubes != NOT_KEPT).then_some(Dnf {
            entries: &info.entries,
            ends: info.ends,
            cubes: info.cubes,
        })
    }

    /// The facts the node mentions.
    pub fn facts(&self, id: NodeId) -> Facts<'_> {
        if let Node::Atom((fact, _)) = self.node(id) {
            return Facts::Small(std::slice::from_ref(fact));
        }
        match self.info(id).map(|info| &info.footprint) {
            Some(Footprint::Small(facts)) => Facts::Small(facts),
            Some(Footprint::Big { lo, hi }) => Facts::Big { lo: *lo, hi: *hi },
            None => Facts::Small(&[]),
        }
    }
}
