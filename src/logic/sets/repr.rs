//! How a `FactSet` is held: one range of counts, or one word of variants,
//! inline (the set of nearly every atom), more in a list of their own. A
//! set was always a vector: its buffer beside the set's `Arc` took 16
//! bytes more for each atom, and the `Arc` 8 (issue 19, memory per byte).
//! Every set is made by `counts` or `bits`, so that equal sets are held
//! alike (equality and hashing compare what is held).

use std::fmt;

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct FactSet(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    Range((u64, u64)),
    Ranges(Box<[(u64, u64)]>),
    Word(u64),
    Words(Box<[u64]>),
}

const _: () = assert!(std::mem::size_of::<FactSet>() == 24);

/// A set as read.
#[derive(Clone, Copy)]
pub enum View<'a> {
    /// Sorted, disjoint, non-adjacent, inclusive ranges.
    Counts(&'a [(u64, u64)]),
    /// Bit `i` is variant `i`; as many words as the domain needs.
    Variants(&'a [u64]),
}

impl FactSet {
    /// The counts in `ranges` (sorted, disjoint, non-adjacent, inclusive).
    pub fn counts(ranges: Vec<(u64, u64)>) -> FactSet {
        FactSet(match ranges.as_slice() {
            [one] => Repr::Range(*one),
            _ => Repr::Ranges(ranges.into_boxed_slice()),
        })
    }

    /// The variants whose bits are set in `words`.
    pub fn bits(words: Vec<u64>) -> FactSet {
        FactSet(match words.as_slice() {
            [one] => Repr::Word(*one),
            _ => Repr::Words(words.into_boxed_slice()),
        })
    }

    pub fn view(&self) -> View<'_> {
        match &self.0 {
            Repr::Range(one) => View::Counts(std::slice::from_ref(one)),
            Repr::Ranges(ranges) => View::Counts(ranges),
            Repr::Word(one) => View::Variants(std::slice::from_ref(one)),
            Repr::Words(words) => View::Variants(words),
        }
    }
}

/// As the set's values, whichever way they are held.
impl fmt::Debug for FactSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.view() {
            View::Counts(ranges) => f.debug_tuple("Counts").field(&ranges).finish(),
            View::Variants(words) => f.debug_tuple("Variants").field(&words).finish(),
        }
    }
}
