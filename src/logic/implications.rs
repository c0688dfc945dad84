//! Which triggers fire whenever a trigger does, for the whole plan, kept in
//! a size that follows the plan, not the number of pairs: triggers that fire
//! exactly together form a *group* (`tᵢ when tᵢ₋₁`: all of them), and the
//! groups are ordered by "fires whenever". Render's checklists, the JSON and
//! the role cards read it from here (`schedule::Checklists`).
//!
//! Triggers with the same condition written out (the same cubes) are put in
//! one group without a question; the groups are then asked pair by pair
//! (`Implier`), and groups that imply each other are joined.

use std::collections::HashMap;

use super::conditions::Conditions;
use super::implies::Implier;
use super::nodes::Cube;
use crate::model::{Model, TriggerId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Implications {
    /// By trigger: its group.
    group_of: Vec<u32>,
    /// By group: its triggers, in source order. Groups are numbered in the
    /// order of their first trigger.
    members: Vec<Vec<TriggerId>>,
    /// By group: the other groups that fire whenever it does, a bit per
    /// group (graded levels: N²/2 pairs, in N²/8 bytes, not N²/2 numbers).
    implied: Vec<Vec<u64>>,
    /// By group: how many triggers the groups of `implied` hold.
    implied_triggers: Vec<usize>,
    /// By group: those of `implied` that no other of them implies (the
    /// rest fire because these do).
    direct: Vec<Vec<u32>>,
}

impl Implications {
    pub fn build(model: &Model, conditions: &Conditions) -> Implications {
        let mut implier = Implier::new(model, conditions);
        let first = same_conditions(model, conditions);
        // Each set of triggers with the same condition, asked once by its first.
        let heads: Vec<TriggerId> = model
            .trigger_ids()
            .filter(|t| first[t.index()] == *t)
            .collect();
        let (rows, mutual) = ask(&mut implier, &heads);
        // Sets that imply each other fire together: one group.
        let mut root: Vec<usize> = (0..heads.len()).collect();
        for (i, j) in mutual {
            let (a, b) = (find(&mut root, i), find(&mut root, j));
            root[a.max(b)] = a.min(b);
        }
        let mut group_of_head = vec![u32::MAX; heads.len()];
        let mut count = 0u32;
        for i in 0..heads.len() {
            let r = find(&mut root, i);
            if group_of_head[r] == u32::MAX {
                group_of_head[r] = count;
                count += 1;
            }
            group_of_head[i] = group_of_head[r];
        }
        let head_index: HashMap<TriggerId, usize> =
            heads.iter().enumerate().map(|(i, t)| (*t, i)).collect();
        let group_of: Vec<u32> = model
            .trigger_ids()
            .map(|t| group_of_head[head_index[&first[t.index()]]])
            .collect();
        let mut members: Vec<Vec<TriggerId>> = vec![Vec::new(); count as usize];
        for t in model.trigger_ids() {
            members[group_of[t.index()] as usize].push(t);
        }
        let words = (count as usize).div_ceil(64);
        let implied: Vec<Vec<u64>> = if (0..heads.len()).all(|i| group_of_head[i] as usize == i) {
            // One head a group (no two merged): the rows are the groups'.
            rows
        } else {
            let mut implied = vec![vec![0u64; words]; count as usize];
            for (i, row) in rows.iter().enumerate() {
                let g = group_of_head[i];
                for j in bits(row) {
                    let h = group_of_head[j];
                    if h != g {
                        implied[g as usize][h as usize / 64] |= 1 << (h % 64);
                    }
                }
            }
            implied
        };
        let implied_triggers = implied
            .iter()
            .map(|row| bits(row).map(|h| members[h].len()).sum())
            .collect();
        let direct = reduce(&implied);
        Implications {
            group_of,
            members,
            implied,
            implied_triggers,
            direct,
        }
    }

    fn group(&self, trigger: TriggerId) -> Option<usize> {
        self.group_of.get(trigger.index()).map(|&g| g as usize)
    }

    /// The group of `trigger`: triggers of one group fire exactly together
    /// (and have one checklist). Numbered from 0 in source order of their
    /// first trigger.
    pub fn group_of(&self, trigger: TriggerId) -> usize {
        self.group(trigger).unwrap_or(usize::MAX)
    }

    /// The number of groups.
    pub fn groups(&self) -> usize {
        self.members.len()
    }

    /// The triggers of a group, in source order.
    pub fn members(&self, group: usize) -> &[TriggerId] {
        self.members.get(group).map_or(&[], Vec::as_slice)
    }

    /// Every trigger that fires whenever `trigger` does, itself excluded,
    /// in source order.
    pub fn of(&self, trigger: TriggerId) -> Vec<TriggerId> {
        self.first(trigger, usize::MAX)
    }

    /// How many triggers fire whenever `trigger` does (itself excluded).
    pub fn count(&self, trigger: TriggerId) -> usize {
        let Some(g) = self.group(trigger) else {
            return 0;
        };
        self.implied_triggers[g] + self.members[g].len() - 1
    }

    /// The first `n` of `of(trigger)`, worked out without the rest: at most
    /// `n` from each group.
    pub fn first(&self, trigger: TriggerId, n: usize) -> Vec<TriggerId> {
        let Some(g) = self.group(trigger) else {
            return Vec::new();
        };
        let mut out: Vec<TriggerId> = self.members[g]
            .iter()
            .copied()
            .filter(|&u| u != trigger)
            .take(n)
            .collect();
        // Groups are numbered by their first trigger: once `n` are found,
        // a group that starts after the `n`th adds none of the first `n`.
        for h in bits(&self.implied[g]) {
            let more = &self.members[h];
            if out.len() >= n {
                out.sort_unstable();
                out.truncate(n);
                if more.first() > out.last() {
                    break;
                }
            }
            out.extend(more.iter().copied().take(n));
        }
        out.sort_unstable();
        out.truncate(n);
        out
    }

    /// The triggers `trigger` sets off directly, from which every other in
    /// `of(trigger)` is reached by following this relation: in its group,
    /// the next trigger in source order (the last names the first), then
    /// the first trigger of each group it implies that no other of them
    /// implies. A plan whose triggers each fire alone gets the transitive
    /// reduction of "fires whenever".
    pub fn direct(&self, trigger: TriggerId) -> Vec<TriggerId> {
        let Some(g) = self.group(trigger) else {
            return Vec::new();
        };
        let group = &self.members[g];
        let mut out = Vec::new();
        if group.len() > 1
            && let Ok(i) = group.binary_search(&trigger)
        {
            out.push(group[(i + 1) % group.len()]);
        }
        out.extend(
            self.direct[g]
                .iter()
                .filter_map(|&h| self.members[h as usize].first().copied()),
        );
        out
    }
}

/// For each of `heads` (by index), the others it implies, a bit each; and the pairs that imply each other (the same bounds, so asked
/// within one run).
///
/// Asked in an order where what a head implies comes first: by spread
/// (`Implier::spread`), widest first. A head is asked about the heads
/// before it, nearest first (then those of the same bounds), and every
/// head found implied brings along all it implies: so the heads of a
/// complete order (`n >= 1`, `n >= 2` …) are asked about one other each, and
/// heads on separate values (`n == 1`, `n == 2` …) about none but the wider
/// ones, not about every pair.
fn ask(implier: &mut Implier, heads: &[TriggerId]) -> (Vec<Vec<u64>>, Vec<(usize, usize)>) {
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
    let mut done = vec![false; count];
    let (mut spread_run, mut bounds_run) = ((0, 0), (0, 0));
    for p in 0..count {
        let g = order[p];
        if p >= spread_run.1 {
            spread_run = (p, run_end(p, &|a, b| spread[a] == spread[b]));
        }
        if p >= bounds_run.1 {
            bounds_run = (
                p,
                run_end(p, &|a, b| spread[a] == spread[b] && bounds[a] == bounds[b]),
            );
        }
        // Wider heads, nearest first; then those of the same bounds; a head
        // not known exactly asks every other.
        let candidates: Box<dyn Iterator<Item = usize>> = if unbounded[g] {
            Box::new(0..count)
        } else {
            Box::new((0..spread_run.0).rev().chain(bounds_run.0..bounds_run.1))
        };
        let mut row = vec![0u64; words];
        for q in candidates {
            let h = order[q];
            let narrower = q >= spread_run.0 && !unbounded[g];
            if q == p
                || has(&row, h)
                || (narrower && !implier.same_bounds(heads[g], heads[h]))
                || !implier.implies(heads[g], heads[h])
            {
                continue;
            }
            row[h / 64] |= 1 << (h % 64);
            if done[h] {
                for (w, x) in row.iter_mut().zip(&rows[h]) {
                    *w |= x;
                }
            }
        }
        row[g / 64] &= !(1 << (g % 64));
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
    (rows, mutual)
}

fn find(root: &mut [usize], mut i: usize) -> usize {
    while root[i] != i {
        root[i] = root[root[i]];
        i = root[i];
    }
    i
}

/// By trigger: the first trigger (in source order) whose condition written
/// out is the same (non-empty, known exactly); itself when none is earlier.
fn same_conditions(model: &Model, conditions: &Conditions) -> Vec<TriggerId> {
    let mut seen: HashMap<&[Cube], TriggerId> = HashMap::new();
    model
        .trigger_ids()
        .map(|t| match conditions.dnf(t) {
            Some(d) if !d.is_empty() => *seen.entry(d).or_insert(t),
            _ => t,
        })
        .collect()
}

/// The indices of the bits set in `row`, ascending.
fn bits(row: &[u64]) -> impl Iterator<Item = usize> + '_ {
    row.iter().enumerate().flat_map(|(k, &word)| {
        let mut w = word;
        std::iter::from_fn(move || {
            (w != 0).then(|| {
                let bit = w.trailing_zeros() as usize;
                w &= w - 1;
                k * 64 + bit
            })
        })
    })
}

/// Per group, the groups of `implied` that no other of them implies. A group
/// implies every group that one it implies implies, and strictly more, so
/// the groups are taken most implications first, each covering its own.
fn reduce(implied: &[Vec<u64>]) -> Vec<Vec<u32>> {
    let sizes: Vec<u32> = implied
        .iter()
        .map(|row| row.iter().map(|w| w.count_ones()).sum())
        .collect();
    let mut covered: Vec<u64> = vec![0; implied.first().map_or(0, Vec::len)];
    let mut order: Vec<usize> = Vec::new();
    implied
        .iter()
        .map(|row| {
            order.clear();
            order.extend(bits(row));
            order.sort_by_key(|&h| (std::cmp::Reverse(sizes[h]), h));
            let mut direct = Vec::new();
            for &h in &order {
                if covered[h / 64] >> (h % 64) & 1 == 0 {
                    direct.push(h as u32);
                    for (c, w) in covered.iter_mut().zip(&implied[h]) {
                        *c |= w;
                    }
                }
            }
            covered.fill(0);
            direct.sort_unstable();
            direct
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graphs;
    use crate::model;
    use crate::syntax;

    /// For each trigger by name: its group, what `of`, `first(_, 2)`,
    /// `count` and `direct` give (names).
    fn implications(triggers: &str, f: impl FnOnce(&dyn Fn(&str) -> Row)) {
        let source = format!(
            "plan \"p\" {{ issuer \"i\" }}\nfact n \"n\": count\nfact g \"g\": flag\n{triggers}"
        );
        let parsed = syntax::parse(&source);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let model = model::build(&parsed.file);
        let graphs = Graphs::build(&model);
        let implications = Implications::build(&model, &Conditions::of(&model, &graphs));
        let id = |name: &str| {
            model
                .trigger_ids()
                .find(|t| model.trigger(*t).named.name == name)
                .unwrap()
        };
        let names = |ts: Vec<TriggerId>| -> Vec<String> {
            ts.iter()
                .map(|t| model.trigger(*t).named.name.to_string())
                .collect()
        };
        f(&|name| {
            let t = id(name);
            Row {
                group: implications.group_of(t),
                of: names(implications.of(t)),
                first: names(implications.first(t, 2)),
                count: implications.count(t),
                direct: names(implications.direct(t)),
            }
        });
    }

    #[derive(Debug)]
    struct Row {
        group: usize,
        of: Vec<String>,
        first: Vec<String>,
        count: usize,
        direct: Vec<String>,
    }

    #[test]
    fn a_chain_is_one_group_named_in_a_ring() {
        implications(
            "trigger a \"a\" when g\ntrigger b \"b\" when a\ntrigger c \"c\" when b\ntrigger d \"d\" when c or g\n",
            |row| {
                for name in ["a", "b", "c", "d"] {
                    assert_eq!(row(name).group, 0, "{name}");
                }
                assert_eq!(row("b").of, ["a", "c", "d"]);
                assert_eq!(row("b").first, ["a", "c"]);
                assert_eq!(row("b").count, 3);
                assert_eq!(row("b").direct, ["c"]);
                assert_eq!(row("d").direct, ["a"]);
            },
        );
    }

    #[test]
    fn graded_levels_name_only_the_next_one_down() {
        implications(
            "trigger minor \"m\" when n >= 5\ntrigger any \"x\" when n >= 1 or g\ntrigger major \"M\" when n >= 50\ntrigger big \"B\" when n >= 50\n",
            |row| {
                // `major` and `big` have the same condition: one group.
                assert_eq!(row("major").group, row("big").group);
                assert_ne!(row("major").group, row("minor").group);
                assert_eq!(row("major").of, ["minor", "any", "big"]);
                assert_eq!(row("major").count, 3);
                assert_eq!(row("major").first, ["minor", "any"]);
                // The other of its group, then `minor`, which sets off `any`.
                assert_eq!(row("major").direct, ["big", "minor"]);
                assert_eq!(row("minor").direct, ["any"]);
                assert_eq!(row("any").of, Vec::<String>::new());
                assert_eq!(row("any").direct, Vec::<String>::new());
            },
        );
    }

    /// Asked in spread order with what is found carried along, the groups
    /// give what asking every pair gives.
    #[test]
    fn the_same_as_asking_every_pair() {
        let triggers = [
            "n >= 1",
            "n >= 5",
            "n >= 5 and g",
            "n == 3",
            "n == 4",
            "n >= 3 and n <= 4",
            "n >= 3 and n <= 4 and not g",
            "g",
            "g or n >= 9",
            "n == 7 or n == 9",
            "n >= 50",
            "n >= 1 and n <= 100",
            "t3 or t4",
            "t12 or n == 2",
            "not g",
            "n == 3 or n == 4",
            // The same bounds, one inside the other.
            "n == 3 or n == 5",
            "n >= 3 and n <= 5",
        ];
        let mut source =
            String::from("plan \"p\" { issuer \"i\" }\nfact n \"n\": count\nfact g \"g\": flag\n");
        for (i, c) in triggers.iter().enumerate() {
            source += &format!("trigger t{i} \"t{i}\" when {c}\n");
        }
        let parsed = syntax::parse(&source);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let model = model::build(&parsed.file);
        let graphs = Graphs::build(&model);
        let conditions = Conditions::of(&model, &graphs);
        let implications = Implications::build(&model, &conditions);
        let mut implier = Implier::new(&model, &conditions);
        for t in model.trigger_ids() {
            let pairwise: Vec<TriggerId> = model
                .trigger_ids()
                .filter(|&u| implier.implies(t, u))
                .collect();
            assert_eq!(implications.of(t), pairwise, "t{}", t.index());
            assert_eq!(implications.count(t), pairwise.len());
        }
    }
}
