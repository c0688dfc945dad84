//! The values one fact can take, as exact sets: a count's values as sorted
//! intervals over `u64`, a `one_of` fact's (or a flag's) values as a bitset.
//! Every operation is linear in the sizes of its operands, or `n log n` for
//! the batch operations that merge many sets at once.

use crate::syntax::ast::CmpOp;

/// The domain of a fact: what "every value" means for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Domain {
    /// `0..=u64::MAX`.
    Count,
    /// The variants `0..n`. A flag is the two variants false (0) and true (1).
    Variants(u32),
}

/// The bit of a flag's "true" value.
pub const FLAG_TRUE: u32 = 1;
/// A flag's domain: false, true.
pub const FLAG: Domain = Domain::Variants(2);

mod repr;

pub use repr::{FactSet, View};

fn words(n: u32) -> usize {
    (n as usize).div_ceil(64)
}

impl Domain {
    pub fn full(self) -> FactSet {
        match self {
            Domain::Count => FactSet::counts(vec![(0, u64::MAX)]),
            Domain::Variants(n) => {
                let mut bits = vec![u64::MAX; words(n)];
                if let Some(last) = bits.last_mut() {
                    let rest = n % 64;
                    if rest != 0 {
                        *last = (1u64 << rest) - 1;
                    }
                }
                FactSet::bits(bits)
            }
        }
    }
}

impl FactSet {
    /// The counts `op value` admits.
    pub fn compare(op: CmpOp, value: u64) -> FactSet {
        const MAX: u64 = u64::MAX;
        let ranges = match op {
            CmpOp::Ge => vec![(value, MAX)],
            CmpOp::Gt if value == MAX => vec![],
            CmpOp::Gt => vec![(value + 1, MAX)],
            CmpOp::Le => vec![(0, value)],
            CmpOp::Lt if value == 0 => vec![],
            CmpOp::Lt => vec![(0, value - 1)],
            CmpOp::Eq => vec![(value, value)],
            CmpOp::Ne => {
                let mut r = Vec::new();
                if value > 0 {
                    r.push((0, value - 1));
                }
                if value < MAX {
                    r.push((value + 1, MAX));
                }
                r
            }
        };
        FactSet::counts(ranges)
    }

    /// The given variants of a domain of `n`.
    pub fn variants(n: u32, indexes: &[u32]) -> FactSet {
        let mut bits = vec![0u64; words(n)];
        for &i in indexes.iter().filter(|&&i| i < n) {
            bits[i as usize / 64] |= 1 << (i % 64);
        }
        FactSet::bits(bits)
    }

    /// A flag's set: only true, or only false.
    pub fn flag(value: bool) -> FactSet {
        FactSet::variants(2, &[u32::from(value) * FLAG_TRUE])
    }

    pub fn is_empty(&self) -> bool {
        match self.view() {
            View::Counts(r) => r.is_empty(),
            View::Variants(b) => b.iter().all(|w| *w == 0),
        }
    }

    pub fn is_full(&self, domain: Domain) -> bool {
        *self == domain.full()
    }

    pub fn complement(&self, domain: Domain) -> FactSet {
        match self.view() {
            View::Counts(ranges) => {
                // The gaps between the ranges, before the first and after
                // the last: sized exactly (a negated comparison's atom,
                // issue 19).
                let starts_at_zero = ranges.first().is_some_and(|r| r.0 == 0);
                let ends_at_max = ranges.last().is_some_and(|r| r.1 == u64::MAX);
                let gaps =
                    ranges.len() + 1 - usize::from(starts_at_zero) - usize::from(ends_at_max);
                let mut out = Vec::with_capacity(gaps);
                // The first value not yet covered; `None` once past u64::MAX.
                let mut next = Some(0u64);
                for &(a, b) in ranges {
                    if let Some(n) = next
                        && a > n
                    {
                        out.push((n, a - 1));
                    }
                    next = b.checked_add(1);
                }
                if let Some(n) = next {
                    out.push((n, u64::MAX));
                }
                FactSet::counts(out)
            }
            View::Variants(bits) => {
                let full = domain.full();
                let View::Variants(full) = full.view() else {
                    return FactSet::bits(vec![]);
                };
                FactSet::bits(
                    full.iter()
                        .zip(bits.iter().chain(std::iter::repeat(&0)))
                        .map(|(f, b)| f & !b)
                        .collect(),
                )
            }
        }
    }

    pub fn intersect(&self, other: &FactSet) -> FactSet {
        match (self.view(), other.view()) {
            (View::Counts(a), View::Counts(b)) => {
                let (mut i, mut j, mut out) = (0, 0, Vec::new());
                while i < a.len() && j < b.len() {
                    let lo = a[i].0.max(b[j].0);
                    let hi = a[i].1.min(b[j].1);
                    if lo <= hi {
                        out.push((lo, hi));
                    }
                    if a[i].1 < b[j].1 {
                        i += 1;
                    } else {
                        j += 1;
                    }
                }
                FactSet::counts(out)
            }
            (View::Variants(a), View::Variants(b)) => {
                FactSet::bits(a.iter().zip(b).map(|(x, y)| x & y).collect())
            }
            // Sets of different kinds never meet: one fact has one domain.
            _ => FactSet::bits(vec![]),
        }
    }

    /// Whether the two sets share a value, without building the intersection.
    pub fn intersects(&self, other: &FactSet) -> bool {
        match (self.view(), other.view()) {
            (View::Counts(a), View::Counts(b)) => {
                let (mut i, mut j) = (0, 0);
                while i < a.len() && j < b.len() {
                    if a[i].0.max(b[j].0) <= a[i].1.min(b[j].1) {
                        return true;
                    }
                    if a[i].1 < b[j].1 {
                        i += 1;
                    } else {
                        j += 1;
                    }
                }
                false
            }
            (View::Variants(a), View::Variants(b)) => a.iter().zip(b).any(|(x, y)| x & y != 0),
            _ => false,
        }
    }

    /// Whether every value of `self` is in `other`.
    pub fn is_subset(&self, other: &FactSet) -> bool {
        match (self.view(), other.view()) {
            // Each range inside one range of `other` (whose ranges are
            // disjoint and not adjacent), in one walk and no allocation.
            (View::Counts(a), View::Counts(b)) => {
                let mut j = 0;
                a.iter().all(|&(lo, hi)| {
                    while j < b.len() && b[j].1 < lo {
                        j += 1;
                    }
                    b.get(j).is_some_and(|&(blo, bhi)| blo <= lo && hi <= bhi)
                })
            }
            (View::Variants(a), View::Variants(b)) => a
                .iter()
                .zip(b.iter().chain(std::iter::repeat(&0)))
                .all(|(x, y)| x & !y == 0),
            _ => false,
        }
    }

    /// The union of many sets at once: `n log n` in their total size, so an
    /// `or` of 10,000 comparisons of one count is merged in one sort.
    pub fn union_all<'a>(sets: impl IntoIterator<Item = &'a FactSet>, domain: Domain) -> FactSet {
        match domain {
            Domain::Count => {
                let mut all: Vec<(u64, u64)> = Vec::new();
                for s in sets {
                    if let View::Counts(r) = s.view() {
                        all.extend_from_slice(r);
                    }
                }
                all.sort_unstable();
                let mut out: Vec<(u64, u64)> = Vec::with_capacity(all.len());
                for (a, b) in all {
                    match out.last_mut() {
                        // Overlapping or adjacent: one range.
                        Some(last) if last.1 == u64::MAX || a <= last.1 + 1 => {
                            last.1 = last.1.max(b);
                        }
                        _ => out.push((a, b)),
                    }
                }
                FactSet::counts(out)
            }
            Domain::Variants(n) => {
                let mut out = vec![0u64; words(n)];
                for s in sets {
                    if let View::Variants(b) = s.view() {
                        for (o, w) in out.iter_mut().zip(b) {
                            *o |= w;
                        }
                    }
                }
                FactSet::bits(out)
            }
        }
    }

    /// The intersection of many sets at once, as the complement of the union
    /// of their complements (a running intersection of 10,000 `!=` would be
    /// quadratic).
    pub fn intersect_all<'a>(
        sets: impl IntoIterator<Item = &'a FactSet>,
        domain: Domain,
    ) -> FactSet {
        let complements: Vec<FactSet> = sets.into_iter().map(|s| s.complement(domain)).collect();
        FactSet::union_all(&complements, domain).complement(domain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CmpOp::*;

    const MAX: u64 = u64::MAX;

    fn counts(r: &[(u64, u64)]) -> FactSet {
        FactSet::counts(r.to_vec())
    }

    #[test]
    fn comparisons_at_the_ends_of_u64() {
        assert_eq!(FactSet::compare(Lt, 0), counts(&[]));
        assert_eq!(FactSet::compare(Ge, 0), counts(&[(0, MAX)]));
        assert_eq!(FactSet::compare(Gt, MAX), counts(&[]));
        assert_eq!(FactSet::compare(Le, MAX), counts(&[(0, MAX)]));
        assert_eq!(FactSet::compare(Ne, 0), counts(&[(1, MAX)]));
        assert_eq!(FactSet::compare(Ne, MAX), counts(&[(0, MAX - 1)]));
        assert_eq!(FactSet::compare(Ne, 7), counts(&[(0, 6), (8, MAX)]));
        assert_eq!(FactSet::compare(Eq, MAX), counts(&[(MAX, MAX)]));
        assert!(FactSet::compare(Gt, MAX).is_empty());
        assert!(FactSet::compare(Ge, 0).is_full(Domain::Count));
    }

    #[test]
    fn complement_round_trips() {
        for set in [
            counts(&[]),
            counts(&[(0, MAX)]),
            counts(&[(0, 0)]),
            counts(&[(MAX, MAX)]),
            counts(&[(3, 5), (9, 9), (20, MAX)]),
        ] {
            let c = set.complement(Domain::Count);
            assert_eq!(c.complement(Domain::Count), set);
            assert!(!c.intersects(&set));
            assert!(FactSet::union_all([&c, &set], Domain::Count).is_full(Domain::Count));
        }
        assert_eq!(
            counts(&[(0, 0)]).complement(Domain::Count),
            counts(&[(1, MAX)])
        );
        assert_eq!(
            counts(&[(MAX, MAX)]).complement(Domain::Count),
            counts(&[(0, MAX - 1)])
        );
    }

    #[test]
    fn contradicting_comparisons_intersect_to_nothing() {
        let ge50 = FactSet::compare(Ge, 50);
        let lt10 = FactSet::compare(Lt, 10);
        assert!(ge50.intersect(&lt10).is_empty());
        assert!(!ge50.intersects(&lt10));
        assert!(FactSet::intersect_all([&ge50, &lt10], Domain::Count).is_empty());
        let between = FactSet::intersect_all(
            [&FactSet::compare(Ge, 10), &FactSet::compare(Lt, 50)],
            Domain::Count,
        );
        assert_eq!(between, counts(&[(10, 49)]));
    }

    #[test]
    fn union_merges_adjacent_and_overlapping_ranges() {
        let sets: Vec<FactSet> = (0..1000).map(|v| FactSet::compare(Eq, v)).collect();
        assert_eq!(
            FactSet::union_all(&sets, Domain::Count),
            counts(&[(0, 999)])
        );
        let u = FactSet::union_all(
            [&FactSet::compare(Lt, 5), &FactSet::compare(Gt, 3)],
            Domain::Count,
        );
        assert!(u.is_full(Domain::Count));
        let u = FactSet::union_all(
            [
                &counts(&[(MAX, MAX)]),
                &counts(&[(0, 0)]),
                &counts(&[(5, MAX)]),
            ],
            Domain::Count,
        );
        assert_eq!(u, counts(&[(0, 0), (5, MAX)]));
    }

    #[test]
    fn every_value_but_some_is_the_intersection_of_not_equals() {
        let sets: Vec<FactSet> = (0..10_000).map(|v| FactSet::compare(Ne, v)).collect();
        assert_eq!(
            FactSet::intersect_all(&sets, Domain::Count),
            counts(&[(10_000, MAX)])
        );
    }

    #[test]
    fn variant_sets() {
        let d = Domain::Variants(3);
        let a = FactSet::variants(3, &[0, 2]);
        assert_eq!(a.complement(d), FactSet::variants(3, &[1]));
        assert!(FactSet::union_all([&a, &a.complement(d)], d).is_full(d));
        assert!(a.intersect(&a.complement(d)).is_empty());
        let big = Domain::Variants(130);
        let all: Vec<u32> = (0..130).collect();
        assert!(FactSet::variants(130, &all).is_full(big));
        assert!(
            FactSet::variants(130, &[129])
                .complement(big)
                .intersects(&FactSet::variants(130, &[128]))
        );
        assert!(
            FactSet::flag(true)
                .intersect(&FactSet::flag(false))
                .is_empty()
        );
        assert!(
            FactSet::union_all([&FactSet::flag(true), &FactSet::flag(false)], FLAG).is_full(FLAG)
        );
        assert_eq!(FactSet::flag(true).complement(FLAG), FactSet::flag(false));
        assert!(FactSet::flag(true).is_subset(&FLAG.full()));
        assert!(!FLAG.full().is_subset(&FactSet::flag(true)));
        assert!(FactSet::compare(CmpOp::Gt, 5).is_subset(&FactSet::compare(CmpOp::Ne, 3)));
        assert!(!FactSet::compare(CmpOp::Gt, 2).is_subset(&FactSet::compare(CmpOp::Ne, 3)));
        let counts = |r: &[(u64, u64)]| FactSet::counts(r.to_vec());
        let b = counts(&[(0, 4), (10, 20), (30, u64::MAX)]);
        assert!(counts(&[]).is_subset(&b));
        assert!(counts(&[(1, 2), (10, 20), (40, 50)]).is_subset(&b));
        assert!(!counts(&[(1, 2), (9, 12)]).is_subset(&b));
        assert!(!counts(&[(3, 11)]).is_subset(&b));
        assert!(!counts(&[(21, 21)]).is_subset(&b));
        assert!(counts(&[(u64::MAX, u64::MAX)]).is_subset(&b));
        assert!(!b.is_subset(&counts(&[(0, 4), (10, 20)])));
    }
}
