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
use ask::{Asked, ask};

mod ask;

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
        let Asked {
            rows,
            mutual,
            found,
        } = ask(&mut implier, &heads);
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
        let one_head_each = (0..heads.len()).all(|i| group_of_head[i] as usize == i);
        let (implied, found): (Vec<Vec<u64>>, Option<Vec<Vec<u32>>>) = if one_head_each {
            // One head a group (no two merged): the rows are the groups'.
            (rows, Some(found))
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
            (implied, None)
        };
        // Each group counts its triggers: a bit per group, and the others
        // of the groups of more than one.
        let mut larger = vec![0u64; words];
        for (h, m) in members.iter().enumerate() {
            if m.len() > 1 {
                larger[h / 64] |= 1 << (h % 64);
            }
        }
        let implied_triggers = implied
            .iter()
            .map(|row| {
                let ones: usize = row.iter().map(|w| w.count_ones() as usize).sum();
                let masked: Vec<u64> = row.iter().zip(&larger).map(|(w, l)| w & l).collect();
                ones + bits(&masked).map(|h| members[h].len() - 1).sum::<usize>()
            })
            .collect();
        let direct = reduce(&implied, found.as_deref());
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
/// `candidates`, when given: by group, those of `implied` that may be such
/// (the others are implied by one of them), so the rest are not gone through.
fn reduce(implied: &[Vec<u64>], candidates: Option<&[Vec<u32>]>) -> Vec<Vec<u32>> {
    let sizes: Vec<u32> = implied
        .iter()
        .map(|row| row.iter().map(|w| w.count_ones()).sum())
        .collect();
    let mut covered: Vec<u64> = vec![0; implied.first().map_or(0, Vec::len)];
    let mut order: Vec<usize> = Vec::new();
    implied
        .iter()
        .enumerate()
        .map(|(g, row)| {
            order.clear();
            match candidates.and_then(|c| c.get(g)) {
                Some(some) => order.extend(some.iter().map(|&h| h as usize)),
                None => order.extend(bits(row)),
            }
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
mod tests;
