//! The bounds of a set of values (`Hull`), and an index over many
//! conditions' projections that finds, in a range of them, the first that
//! may hold a given condition's projections inside its own (`HullIndex`):
//! a cheap filter before `review::within_projection`, so that a question
//! asked of every earlier condition does not cost a step per condition
//! (graded levels `tᵢ when n >= N − i`: N²/2 pairs, none inside).

use super::nodes::Entry;
use super::sets::FactSet;
use super::split::Point;

/// The least and greatest value of a projection (a variant's index, a flag
/// as 0/1); `lo > hi` for an empty one. If a projection lies inside another,
/// so do their bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hull {
    pub lo: u64,
    pub hi: u64,
}

impl Hull {
    pub const EMPTY: Hull = Hull { lo: 1, hi: 0 };

    pub fn of(set: &FactSet) -> Hull {
        let value = |p: Point| match p {
            Point::Count(v) => v,
            Point::Variant(v) => u64::from(v),
        };
        match (set.first(), set.last()) {
            (Some(a), Some(b)) => Hull {
                lo: value(a),
                hi: value(b),
            },
            _ => Hull::EMPTY,
        }
    }

    /// How many values it spans (0 when empty).
    pub fn width(self) -> u128 {
        if self.lo > self.hi {
            0
        } else {
            u128::from(self.hi - self.lo) + 1
        }
    }

    pub fn within(self, other: Hull) -> bool {
        self.lo > self.hi || (other.lo <= self.lo && self.hi <= other.hi)
    }

    /// The least bounds holding both.
    fn union(self, other: Hull) -> Hull {
        if self.lo > self.hi {
            other
        } else if other.lo > other.hi {
            self
        } else {
            Hull {
                lo: self.lo.min(other.lo),
                hi: self.hi.max(other.hi),
            }
        }
    }
}

/// The bounds of each listed projection (`review::restricted_projections`).
pub fn hulls(projections: &[Entry]) -> Vec<(u32, Hull)> {
    projections.iter().map(|(f, s)| (*f, Hull::of(s))).collect()
}

/// Over a sequence of conditions (by their listed projections), a tree of
/// what each stretch of them holds: `first` finds the first in a range that
/// may hold a given condition inside, skipping whole stretches that cannot.
/// A condition `b` can hold `a` inside only if `a` lists `b`'s first listed
/// fact with bounds inside `b`'s; a stretch keeps, per such fact, the
/// widest bounds of its conditions.
pub struct HullIndex {
    /// Node `i` holds nodes `2i` and `2i + 1`; nodes from `leaves` on are
    /// the conditions, kept apart in `conditions` (a stretch of its own for
    /// each, with its list, was most of the index: issue 19, memory per byte).
    stretches: Vec<Stretch>,
    /// By position: each condition's first listed projection's bounds.
    conditions: Vec<Leaf>,
    leaves: usize,
}

#[derive(Debug, Clone, Default)]
struct Stretch {
    /// A condition here lists no projection: it holds every other inside.
    free: bool,
    /// By first listed fact (ascending), the widest bounds of the
    /// conditions here that list it first.
    first: Box<[(u32, Hull)]>,
    /// More first facts than `FIRST_MAX`: every condition may be one.
    many: bool,
}

/// One condition of the index: it lists no projection, or its first.
#[derive(Debug, Clone, Copy)]
enum Leaf {
    Free,
    First((u32, Hull)),
}

/// A stretch or a condition (or a place past the last), as it is read.
#[derive(Debug, Clone, Copy, Default)]
struct View<'a> {
    free: bool,
    first: &'a [(u32, Hull)],
    many: bool,
}

/// The first facts a stretch keeps apart; more, and it is not skipped.
const FIRST_MAX: usize = 8;

impl Leaf {
    fn of(projections: &[Entry]) -> Leaf {
        match projections.first() {
            Some((f, set)) => Leaf::First((*f, Hull::of(set))),
            None => Leaf::Free,
        }
    }

    fn view(&self) -> View<'_> {
        match self {
            Leaf::Free => View {
                free: true,
                ..View::default()
            },
            Leaf::First(first) => View {
                first: std::slice::from_ref(first),
                ..View::default()
            },
        }
    }
}

impl Stretch {
    fn view(&self) -> View<'_> {
        View {
            free: self.free,
            first: &self.first,
            many: self.many,
        }
    }

    fn join(a: View, b: View) -> Stretch {
        let mut first: Vec<(u32, Hull)> = a.first.iter().chain(b.first).copied().collect();
        first.sort_by_key(|(f, _)| *f);
        first.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 = kept.1.union(later.1);
            }
            same
        });
        let many = a.many || b.many || first.len() > FIRST_MAX;
        if many {
            first.clear();
        }
        Stretch {
            free: a.free || b.free,
            first: first.into_boxed_slice(),
            many,
        }
    }
}

impl View<'_> {
    /// Whether a condition here may hold inside it one with bounds `hulls`
    /// (ascending by fact).
    fn may_hold(&self, hulls: &[(u32, Hull)]) -> bool {
        self.free
            || self.many
            || self.first.iter().any(|(f, wide)| {
                hulls
                    .binary_search_by_key(f, |(g, _)| *g)
                    .is_ok_and(|i| hulls[i].1.within(*wide))
            })
    }
}

impl HullIndex {
    /// The index of `conditions`, by their listed projections, in order.
    pub fn new<'a>(conditions: impl ExactSizeIterator<Item = &'a [Entry]>) -> HullIndex {
        let leaves = conditions.len().next_power_of_two();
        let mut index = HullIndex {
            stretches: vec![Stretch::default(); leaves],
            conditions: conditions.map(Leaf::of).collect(),
            leaves,
        };
        for i in (1..leaves).rev() {
            let joined = Stretch::join(index.view(2 * i), index.view(2 * i + 1));
            index.stretches[i] = joined;
        }
        index
    }

    /// Node `node` as read (see `stretches`).
    fn view(&self, node: usize) -> View<'_> {
        match node.checked_sub(self.leaves) {
            Some(at) => self.conditions.get(at).map_or(View::default(), Leaf::view),
            None => self.stretches[node].view(),
        }
    }

    /// The first position in `from..to` whose condition may hold inside its
    /// projections a condition with bounds `hulls` (ascending by fact):
    /// every position where `within_projection` holds is one, not only those.
    pub fn first(&self, from: usize, to: usize, hulls: &[(u32, Hull)]) -> Option<usize> {
        // Depth first, the lower half before the upper: (node, its range).
        let mut stack = vec![(1, 0, self.leaves)];
        while let Some((node, lo, hi)) = stack.pop() {
            if hi <= from || lo >= to || !self.view(node).may_hold(hulls) {
                continue;
            }
            if hi - lo == 1 {
                return Some(lo);
            }
            let mid = (lo + hi) / 2;
            stack.push((2 * node + 1, mid, hi));
            stack.push((2 * node, lo, mid));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_least(f: u32, v: u64) -> Vec<Entry> {
        vec![(f, std::sync::Arc::new(FactSet::counts(vec![(v, u64::MAX)])))]
    }

    /// The positions `first` gives one after another, from 0 up to `to`.
    fn found(index: &HullIndex, to: usize, a: &[Entry]) -> Vec<usize> {
        let hulls = hulls(a);
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(p) = index.first(from, to, &hulls) {
            out.push(p);
            from = p + 1;
        }
        out
    }

    #[test]
    fn skips_conditions_that_cannot_hold_it_and_keeps_those_that_may() {
        // n >= 10, n >= 5, m >= 0 (another fact first), nothing listed, n >= 20, n >= 1.
        let conditions = [
            at_least(0, 10),
            at_least(0, 5),
            at_least(1, 0),
            Vec::new(),
            at_least(0, 20),
            at_least(0, 1),
        ];
        let index = HullIndex::new(conditions.iter().map(Vec::as_slice));
        // n >= 7 lies inside n >= 5 and n >= 1; the free one may hold anything.
        assert_eq!(found(&index, 6, &at_least(0, 7)), [1, 3, 5]);
        assert_eq!(found(&index, 5, &at_least(0, 7)), [1, 3]);
        // m >= 3 only inside m >= 0 and the free one.
        assert_eq!(found(&index, 6, &at_least(1, 3)), [2, 3]);
        // n >= 30 and m >= 3: inside every one but none.
        let both = [at_least(0, 30), at_least(1, 3)].concat();
        assert_eq!(found(&index, 6, &both), [0, 1, 2, 3, 4, 5]);
        assert_eq!(found(&index, 0, &both), Vec::<usize>::new());
    }

    #[test]
    fn many_first_facts_skip_nothing() {
        let conditions: Vec<_> = (0..20).map(|f| at_least(f, 5)).collect();
        let index = HullIndex::new(conditions.iter().map(Vec::as_slice));
        // Each position is found alone (no stretch of two can be skipped),
        // yet only those of fact 3 at leaves.
        assert_eq!(found(&index, 20, &at_least(3, 9)), [3]);
        assert_eq!(found(&index, 20, &at_least(3, 1)), Vec::<usize>::new());
    }
}
