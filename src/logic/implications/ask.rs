//! How `Implications::build` asks which triggers imply which: in spread
//! order, each finding carrying along all the found one implies.

use crate::logic::implies::Implier;
use crate::model::TriggerId;

/// What `ask` finds of `heads`, by index.
pub(super) struct Asked {
    /// By head: the others it implies, a bit each.
    pub rows: Vec<Vec<u64>>,
    /// The pairs that imply each other (the same bounds, so asked within
    /// one run).
    pub mutual: Vec<(usize, usize)>,
    /// By head: those found implied by asking, not brought along by one
    /// found before: every one that no other it implies implies is here.
    pub found: Vec<Vec<u32>>,
}

/// For each of `heads`, the others it implies (`Asked`).
///
/// Asked in an order where what a head implies comes first: by spread
/// (`Implier::spread`), widest first. A head is asked about the heads
/// before it, nearest first (then those of the same bounds), and every
/// head found implied brings along all it implies: so the heads of a
/// complete order (`n >= 1`, `n >= 2` …) are asked about one other each, and
/// heads on separate values (`n == 1`, `n == 2` …) about none but the wider
/// ones, not about every pair.
pub(super) fn ask(implier: &mut Implier, heads: &[TriggerId]) -> Asked {
    let count = heads.len();
    let spread: Vec<u128> = heads
        .iter()
        .map(|&t| implier.spread(t).unwrap_or(u128::MAX))
        .collect();
    let unbounded: Vec<bool> = heads.iter().map(|&t| implier.spread(t).is_none()).collect();
    let bounds: Vec<u64> = heads.iter().map(|&t| implier.bounds_hash(t)).collect();
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(spread[i]), bounds[i], i));
    let words = count.div_ceil(64);
    let has = |row: &[u64], j: usize| row.get(j / 64).is_some_and(|w| w >> (j % 64) & 1 == 1);
    // Where each run of the same spread, and of the same spread and bounds, ends.
    let run_end = |p: usize, same: &dyn Fn(usize, usize) -> bool| {
        (p..count)
            .find(|&q| !same(order[p], order[q]))
            .unwrap_or(count)
    };
    let mut rows: Vec<Vec<u64>> = vec![Vec::new(); count];
    let mut found: Vec<Vec<u32>> = vec![Vec::new(); count];
    let mut done = vec![false; count];
    // By head, once done: the lowest position from which every wider head
    // up to its own run of the same spread is in its row (its own start when
    // none is), so that a head finding it implied skips all of those.
    let mut cover: Vec<usize> = vec![0; count];
    let mut spread_start: Vec<usize> = vec![0; count];
    let (mut spread_run, mut bounds_run) = ((0, 0), (0, 0));
    for p in 0..count {
        let g = order[p];
        if p >= spread_run.1 {
            spread_run = (p, run_end(p, &|a, b| spread[a] == spread[b]));
        }
        spread_start[g] = spread_run.0;
        if p >= bounds_run.1 {
            bounds_run = (
                p,
                run_end(p, &|a, b| spread[a] == spread[b] && bounds[a] == bounds[b]),
            );
        }
        let mut row = vec![0u64; words];
        let mut ask_about = |q: usize, row: &mut Vec<u64>| -> bool {
            let h = order[q];
            let narrower = q >= spread_run.0 && !unbounded[g];
            if q == p
                || has(row, h)
                || (narrower && !implier.same_bounds(heads[g], heads[h]))
                || !implier.implies(heads[g], heads[h])
            {
                return false;
            }
            row[h / 64] |= 1 << (h % 64);
            found[g].push(h as u32);
            if done[h] {
                for (w, x) in row.iter_mut().zip(&rows[h]) {
                    *w |= x;
                }
            }
            true
        };
        let mut low = spread_run.0;
        if unbounded[g] {
            // A head not known exactly asks every other.
            for q in 0..count {
                ask_about(q, &mut row);
            }
        } else {
            // Wider heads, nearest first: one found implied at the start of
            // its run brings along every head down to its `cover`, all
            // skipped at once. `low`: from there up, all are in the row.
            let mut q = spread_run.0;
            while q > 0 {
                q -= 1;
                let h = order[q];
                if ask_about(q, &mut row) && spread_start[h] == q {
                    if low == q + 1 {
                        low = cover[h];
                    }
                    q = cover[h];
                } else if low == q + 1 && has(&row, h) {
                    low = q;
                }
            }
            // Then those of the same bounds.
            for q in bounds_run.0..bounds_run.1 {
                ask_about(q, &mut row);
            }
        }
        row[g / 64] &= !(1 << (g % 64));
        cover[g] = low;
        rows[g] = row;
        done[g] = true;
    }
    let mut mutual = Vec::new();
    let mut start = 0;
    for p in 1..=count {
        let same = |a: usize, b: usize| spread[a] == spread[b] && bounds[a] == bounds[b];
        if p < count && same(order[p - 1], order[p]) {
            continue;
        }
        for x in start..p {
            for y in x + 1..p {
                let (a, b) = (order[x], order[y]);
                if has(&rows[a], b) && has(&rows[b], a) {
                    mutual.push((a, b));
                }
            }
        }
        start = p;
    }
    Asked {
        rows,
        mutual,
        found,
    }
}
