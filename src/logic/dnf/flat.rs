//! A DNF while it is lowered (`super::lower`): its cubes back to back in
//! one list, each entry as its number in a table of the entries used, each
//! fact and set once. A cube of its own list, each entry 16 bytes with an
//! `Arc`, and every meet of two sets a new `Arc`, held a product of 4,096
//! cubes in several times the room (the pigeonhole triggers' peak: issue 19,
//! memory per byte).

use std::hash::BuildHasher;
use std::sync::Arc;

use foldhash::fast::FixedState;
use hashbrown::HashTable;

use crate::logic::nodes::{Cube, Entry};
use crate::logic::sets::FactSet;

/// A cube's entry while lowering: its number in `Entries`. Equal numbers
/// are equal entries, and the other way round.
pub type Slot = u32;

/// The entries the lowered cubes use, each once.
#[derive(Default)]
pub struct Entries {
    list: Vec<Entry>,
    /// Numbers in `list`, by the hash of their entry.
    number: HashTable<u32>,
}

fn hash(fact: u32, set: &FactSet) -> u64 {
    FixedState::with_seed(0).hash_one((fact, set))
}

impl Entries {
    /// The number of a fact and its set, numbered as it is first seen.
    pub fn number(&mut self, fact: u32, set: &Arc<FactSet>) -> Slot {
        self.find(fact, set)
            .unwrap_or_else(|| self.add(fact, Arc::clone(set)))
    }

    fn number_owned(&mut self, fact: u32, set: FactSet) -> Slot {
        self.find(fact, &set)
            .unwrap_or_else(|| self.add(fact, Arc::new(set)))
    }

    fn find(&self, fact: u32, set: &FactSet) -> Option<Slot> {
        let list = &self.list;
        self.number
            .find(hash(fact, set), |&n| {
                let (f, s) = &list[n as usize];
                *f == fact && **s == *set
            })
            .copied()
    }

    fn add(&mut self, fact: u32, set: Arc<FactSet>) -> Slot {
        let n = self.list.len() as Slot;
        let list = &self.list;
        self.number.insert_unique(hash(fact, &set), n, |&k| {
            let (f, s) = &list[k as usize];
            hash(*f, s)
        });
        self.list.push((fact, set));
        n
    }

    pub fn fact(&self, n: Slot) -> u32 {
        self.list[n as usize].0
    }

    pub fn set(&self, n: Slot) -> &FactSet {
        &self.list[n as usize].1
    }

    /// The number of `fact` in `set`.
    pub fn with_set(&mut self, fact: u32, set: FactSet) -> Slot {
        self.number_owned(fact, set)
    }

    /// Whether two entries of one fact share a value.
    fn intersects(&self, a: Slot, b: Slot) -> bool {
        if a == b {
            !self.set(a).is_empty()
        } else {
            self.set(a).intersects(self.set(b))
        }
    }

    /// The values two entries of one fact share; `None` if none.
    fn meet(&mut self, a: Slot, b: Slot) -> Option<Slot> {
        if a == b {
            return (!self.set(a).is_empty()).then_some(a);
        }
        let set = self.set(a).intersect(self.set(b));
        (!set.is_empty()).then(|| self.number_owned(self.fact(a), set))
    }

    fn is_subset(&self, a: Slot, b: Slot) -> bool {
        a == b || self.set(a).is_subset(self.set(b))
    }

    /// A cube as entries that share the sets.
    pub fn cube(&self, slots: &[Slot]) -> Cube {
        slots
            .iter()
            .map(|&n| self.list[n as usize].clone())
            .collect()
    }
}

/// Cubes back to back; cube `i` ends where `ends[i]` says.
#[derive(Debug, Clone, Default)]
pub struct Flat {
    pub slots: Vec<Slot>,
    ends: Vec<u32>,
}

impl Flat {
    /// One empty cube: it always holds (the neutral start of a product).
    pub fn one_empty() -> Flat {
        Flat {
            slots: Vec::new(),
            ends: vec![0],
        }
    }

    pub fn with_capacity(cubes: usize, slots: usize) -> Flat {
        Flat {
            slots: Vec::with_capacity(slots),
            ends: Vec::with_capacity(cubes),
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn cube(&self, i: usize) -> &[Slot] {
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] as usize,
        };
        &self.slots[start..self.ends[i] as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = &[Slot]> {
        (0..self.len()).map(|i| self.cube(i))
    }

    /// Ends the cube made of the slots pushed since the last one ended.
    pub fn end_cube(&mut self) {
        self.ends.push(self.slots.len() as u32);
    }

    pub fn push(&mut self, cube: &[Slot]) {
        self.slots.extend_from_slice(cube);
        self.end_cube();
    }

    /// Keeps cube `i` only where `keep[i]`, in order.
    pub fn retain(&mut self, keep: &[bool]) {
        let (mut start, mut to, mut kept) = (0, 0, 0);
        for i in 0..self.len() {
            let end = self.ends[i] as usize;
            if keep.get(i).copied().unwrap_or(true) {
                self.slots.copy_within(start..end, to);
                to += end - start;
                self.ends[kept] = to as u32;
                kept += 1;
            }
            start = end;
        }
        self.slots.truncate(to);
        self.ends.truncate(kept);
    }
}

/// The length of the meet of `a` and `b`; `None` if they contradict.
pub fn meet_len(entries: &Entries, a: &[Slot], b: &[Slot]) -> Option<usize> {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match entries.fact(a[i]).cmp(&entries.fact(b[j])) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if !entries.intersects(a[i], b[j]) {
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

/// Appends the conjunction of two cubes to `out`; false (and nothing
/// added) if they contradict.
pub fn meet_into(entries: &mut Entries, a: &[Slot], b: &[Slot], out: &mut Vec<Slot>) -> bool {
    let fact = |entries: &Entries, &n: &Slot| Some(entries.fact(n));
    crate::logic::walk::meet_by(entries, a, b, out, fact, |e, &x, &y| e.meet(x, y))
}

/// Whether every value of cube `a` is in cube `b` (`super::within`).
pub fn within(entries: &Entries, a: &[Slot], b: &[Slot]) -> bool {
    crate::logic::walk::within_by(a, b, |&s| entries.fact(s), |&x, &y| entries.is_subset(x, y))
}
