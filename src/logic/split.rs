//! Cutting a fact's values into the pieces that a family of sets cannot tell
//! apart (the cells of a sweep line over counts, the classes of variants that
//! every set takes or leaves together), and single values out of a set, for
//! examples. A new kind of fact (decimal `number`s) needs its own arm here
//! and in `sets`; nothing above these two files looks inside a set.

use std::collections::HashMap;

use super::sets::{Domain, FactSet, View};

/// One value of a fact: a count, or a variant's index (a flag: 0 is false,
/// 1 is true).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Point {
    Count(u64),
    Variant(u32),
}

/// Values that no set of a family tells apart, with the sets (their indexes
/// in the family, ascending) that hold all of them; every other set holds none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub set: FactSet,
    pub within: Vec<u32>,
}

impl FactSet {
    pub fn contains(&self, point: Point) -> bool {
        match (self.view(), point) {
            (View::Counts(ranges), Point::Count(v)) => {
                let i = ranges.partition_point(|&(_, b)| b < v);
                ranges.get(i).is_some_and(|&(a, _)| a <= v)
            }
            (View::Variants(bits), Point::Variant(i)) => bits
                .get(i as usize / 64)
                .is_some_and(|w| w & (1 << (i % 64)) != 0),
            _ => false,
        }
    }

    /// The least count, or the first variant.
    pub fn first(&self) -> Option<Point> {
        match self.view() {
            View::Counts(ranges) => ranges.first().map(|&(a, _)| Point::Count(a)),
            View::Variants(bits) => bits
                .iter()
                .enumerate()
                .find(|(_, w)| **w != 0)
                .map(|(i, w)| Point::Variant(i as u32 * 64 + w.trailing_zeros())),
        }
    }

    /// The greatest count, or the last variant.
    pub fn last(&self) -> Option<Point> {
        match self.view() {
            View::Counts(ranges) => ranges.last().map(|&(_, b)| Point::Count(b)),
            View::Variants(bits) => bits
                .iter()
                .enumerate()
                .rev()
                .find(|(_, w)| **w != 0)
                .map(|(i, w)| Point::Variant(i as u32 * 64 + 63 - w.leading_zeros())),
        }
    }

    /// The set of one value of `domain`.
    pub fn point(point: Point, domain: Domain) -> FactSet {
        match (point, domain) {
            (Point::Count(v), _) => FactSet::counts(vec![(v, v)]),
            (Point::Variant(i), Domain::Variants(n)) => FactSet::variants(n, &[i]),
            (Point::Variant(i), Domain::Count) => FactSet::variants(i + 1, &[i]),
        }
    }

    /// The ranges of a set of counts (none for a set of variants).
    pub fn ranges(&self) -> &[(u64, u64)] {
        match self.view() {
            View::Counts(ranges) => ranges,
            View::Variants(_) => &[],
        }
    }
}

impl Domain {
    /// Its first value (0, false, the first variant), if it has any.
    pub fn first(self) -> Option<Point> {
        match self {
            Domain::Count => Some(Point::Count(0)),
            Domain::Variants(0) => None,
            Domain::Variants(_) => Some(Point::Variant(0)),
        }
    }

    /// The coarsest cut of `universe` (a non-empty set of this domain) into
    /// pieces that each set of `sets` holds whole or not at all. Counts come
    /// out as ranges in ascending order; variants as classes ordered by their
    /// first variant. Linear in the pieces and the sets' ranges, plus a sort.
    pub fn split(self, universe: &FactSet, sets: &[&FactSet]) -> Vec<Piece> {
        match universe.view() {
            View::Counts(ranges) => split_counts(ranges, sets),
            View::Variants(bits) => split_variants(bits, sets),
        }
    }
}

fn split_counts(universe: &[(u64, u64)], sets: &[&FactSet]) -> Vec<Piece> {
    // A cut is a value where a new piece starts.
    let mut cuts: Vec<u64> = Vec::new();
    for set in sets {
        for &(a, b) in set.ranges() {
            cuts.push(a);
            if let Some(next) = b.checked_add(1) {
                cuts.push(next);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces: Vec<(u64, u64)> = Vec::new();
    for &(low, high) in universe {
        let mut start = low;
        let first = cuts.partition_point(|&c| c <= low);
        for &cut in cuts[first..].iter().take_while(|&&c| c <= high) {
            pieces.push((start, cut - 1));
            start = cut;
        }
        pieces.push((start, high));
    }
    // No piece straddles a cut, so a range holds a piece when it holds its start.
    let starts: Vec<u64> = pieces.iter().map(|p| p.0).collect();
    let mut within: Vec<Vec<u32>> = vec![Vec::new(); pieces.len()];
    for (k, set) in sets.iter().enumerate() {
        for &(a, b) in set.ranges() {
            let from = starts.partition_point(|&s| s < a);
            let to = starts.partition_point(|&s| s <= b);
            for w in &mut within[from..to] {
                w.push(k as u32);
            }
        }
    }
    pieces
        .into_iter()
        .zip(within)
        .map(|(range, within)| Piece {
            set: FactSet::counts(vec![range]),
            within,
        })
        .collect()
}

fn split_variants(universe: &[u64], sets: &[&FactSet]) -> Vec<Piece> {
    let mut classes: Vec<Vec<u64>> = Vec::new();
    if universe.iter().any(|w| *w != 0) {
        classes.push(universe.to_vec());
    }
    // Each distinct set refines the classes once.
    let mut distinct: HashMap<&FactSet, ()> = HashMap::new();
    for set in sets {
        let View::Variants(bits) = set.view() else {
            continue;
        };
        if distinct.insert(set, ()).is_some() {
            continue;
        }
        let mut refined = Vec::with_capacity(classes.len() + 1);
        for class in classes {
            let word = |i: usize| bits.get(i).copied().unwrap_or(0);
            let inside: Vec<u64> = class.iter().enumerate().map(|(i, c)| c & word(i)).collect();
            let outside: Vec<u64> = class
                .iter()
                .enumerate()
                .map(|(i, c)| c & !word(i))
                .collect();
            for part in [inside, outside] {
                if part.iter().any(|w| *w != 0) {
                    refined.push(part);
                }
            }
        }
        classes = refined;
    }
    let mut pieces: Vec<Piece> = classes
        .into_iter()
        .map(|class| {
            let set = FactSet::bits(class);
            let within = sets
                .iter()
                .enumerate()
                .filter(|(_, s)| s.intersects(&set))
                .map(|(k, _)| k as u32)
                .collect();
            Piece { set, within }
        })
        .collect();
    pieces.sort_by_key(|p| p.set.first());
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::CmpOp::*;

    const MAX: u64 = u64::MAX;

    fn cut(sets: &[FactSet]) -> Vec<((u64, u64), Vec<u32>)> {
        let refs: Vec<&FactSet> = sets.iter().collect();
        Domain::Count
            .split(&Domain::Count.full(), &refs)
            .into_iter()
            .map(|p| (p.set.ranges()[0], p.within))
            .collect()
    }

    #[test]
    fn thresholds_cut_the_counts_into_ranges() {
        let sets = [
            FactSet::compare(Ge, 5),
            FactSet::compare(Ge, 30),
            FactSet::compare(Lt, 30),
        ];
        assert_eq!(
            cut(&sets),
            vec![
                ((0, 4), vec![2]),
                ((5, 29), vec![0, 2]),
                ((30, MAX), vec![0, 1]),
            ]
        );
        assert_eq!(cut(&[]), vec![((0, MAX), vec![])]);
        assert_eq!(
            cut(&[FactSet::compare(Eq, MAX), FactSet::compare(Ne, 0)]),
            vec![
                ((0, 0), vec![]),
                ((1, MAX - 1), vec![1]),
                ((MAX, MAX), vec![0, 1]),
            ]
        );
    }

    #[test]
    fn a_cut_stays_inside_its_universe() {
        let universe = FactSet::counts(vec![(10, 20), (40, 50)]);
        let set = FactSet::compare(Ge, 15);
        let pieces = Domain::Count.split(&universe, &[&set]);
        let got: Vec<_> = pieces
            .iter()
            .map(|p| (p.set.ranges()[0], p.within.clone()))
            .collect();
        assert_eq!(
            got,
            vec![((10, 14), vec![]), ((15, 20), vec![0]), ((40, 50), vec![0])]
        );
    }

    #[test]
    fn variants_fall_into_classes() {
        let d = Domain::Variants(5);
        let a = FactSet::variants(5, &[0, 1, 2]);
        let b = FactSet::variants(5, &[2, 3]);
        let pieces = d.split(&d.full(), &[&a, &b, &a]);
        let got: Vec<_> = pieces
            .iter()
            .map(|p| (p.set.clone(), p.within.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (FactSet::variants(5, &[0, 1]), vec![0, 2]),
                (FactSet::variants(5, &[2]), vec![0, 1, 2]),
                (FactSet::variants(5, &[3]), vec![1]),
                (FactSet::variants(5, &[4]), vec![]),
            ]
        );
    }

    #[test]
    fn points() {
        let s = FactSet::counts(vec![(3, 5), (9, 9)]);
        assert_eq!(s.first(), Some(Point::Count(3)));
        assert_eq!(s.last(), Some(Point::Count(9)));
        assert!(s.contains(Point::Count(9)) && !s.contains(Point::Count(6)));
        let v = FactSet::variants(130, &[70, 129]);
        assert_eq!(v.first(), Some(Point::Variant(70)));
        assert_eq!(v.last(), Some(Point::Variant(129)));
        assert!(v.contains(Point::Variant(129)) && !v.contains(Point::Variant(0)));
        assert_eq!(FactSet::counts(vec![]).first(), None);
        assert_eq!(
            FactSet::point(Point::Variant(1), Domain::Variants(3)),
            FactSet::variants(3, &[1])
        );
    }
}
