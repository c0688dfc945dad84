//! The checklist of each trigger: the response to the trigger and every
//! trigger that fires whenever it does. What render's checklists and role
//! cards, the JSON and `planc diff` read.
//!
//! Triggers that fire exactly together (a group of `Implications`) have one
//! checklist, worked out once: a chain `tᵢ when tᵢ₋₁` of N triggers is one
//! response of N steps, not N of them.
//!
//! A group's response is kept as what it changes in the response of one
//! group it implies (`Part::from`): graded levels `tᵢ when n >= N − i` hold
//! N²/2 steps in their N checklists, but each adds one step to the one
//! below. The groups are worked out down the tree of `from` with one
//! response in memory, changed on the way down and restored on the way up,
//! so each costs what it changes; a whole response is written out only when
//! asked for (`of`, `response`).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};

use crate::graph::Graphs;
use crate::logic::Conditions;
use crate::logic::implications::Implications;
use crate::model::{Model, StepId, TriggerId};

use super::respond::schedule_step;
use super::{Response, Schedule, Scheduled};

#[derive(Debug, Clone, PartialEq)]
pub struct Checklists {
    implications: Implications,
    /// By group of `implications`.
    parts: Vec<Part>,
}

/// One group's response, as a change to the response of `from`.
#[derive(Debug, Clone, PartialEq, Default)]
struct Part {
    /// The group whose response this one is worked out from: of those it
    /// sets off directly, the one that fires the most triggers (the first
    /// of them). `None`: from no step at all.
    from: Option<usize>,
    /// How many steps its response holds.
    len: usize,
    /// The steps whose entry differs from `from`'s response (new, or set
    /// off by more triggers, or due earlier), in the order to act on them;
    /// `None`: a step that no longer runs (cannot happen: more triggers
    /// never stop a step, but it is kept exact).
    changed: Vec<(StepId, Option<Scheduled>)>,
    /// Per entry of `changed`: whether the step ran for `from`.
    was_there: Vec<bool>,
    /// Whether every step of `from`'s response is in this one in the same
    /// phase by the same due time.
    keeps_from: bool,
}

impl Checklists {
    pub fn build(model: &Model, graphs: &Graphs, schedule: &Schedule) -> Checklists {
        Checklists::from_conditions(model, &Conditions::of(model, graphs), schedule)
    }

    /// The same from the plan's conditions already written out (the checks
    /// share theirs: each made its own net of every condition, issue 19).
    pub fn from_conditions(
        model: &Model,
        conditions: &Conditions,
        schedule: &Schedule,
    ) -> Checklists {
        let implications = Implications::build(model, conditions);
        let groups = implications.groups();
        let first = |g: usize| implications.members(g).first().copied();
        // Per group: how many triggers fire with it, and those it sets off directly.
        let fires: Vec<usize> = (0..groups)
            .map(|g| first(g).map_or(0, |t| implications.count(t) + 1))
            .collect();
        let direct: Vec<Vec<usize>> = (0..groups)
            .map(|g| {
                first(g).map_or_else(Vec::new, |t| {
                    implications
                        .direct(t)
                        .into_iter()
                        .map(|u| implications.group_of(u))
                        .filter(|&h| h != g && h < groups)
                        .collect()
                })
            })
            .collect();
        let from: Vec<Option<usize>> = direct
            .iter()
            .map(|d| d.iter().copied().max_by_key(|&h| (fires[h], Reverse(h))))
            .collect();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); groups];
        let mut roots = Vec::new();
        for (g, from) in from.iter().enumerate() {
            match *from {
                Some(p) => children[p].push(g),
                None => roots.push(g),
            }
        }
        let mut state = State::new(model, schedule);
        let mut parts: Vec<Part> = vec![Part::default(); groups];
        // Depth first: a group is entered (its triggers fired, its changes
        // made) after the one it is worked out from, and left (undone) after
        // all worked out from it.
        let mut stack: Vec<(usize, Option<Undo>)> =
            roots.iter().rev().map(|&g| (g, None)).collect();
        while let Some((g, undo)) = stack.pop() {
            if let Some(undo) = undo {
                state.undo(undo);
                continue;
            }
            let mut more: Vec<TriggerId> = implications.members(g).to_vec();
            for &d in direct[g].iter().filter(|&&d| Some(d) != from[g]) {
                more.extend(implications.members(d));
                if let Some(t) = first(d) {
                    more.extend(implications.of(t));
                }
            }
            let (part, undo) = state.fire(model, schedule, &more);
            let len = from[g].map_or(0, |p| parts[p].len);
            parts[g] = Part {
                from: from[g],
                len: len + part.added - part.removed,
                keeps_from: part.keeps,
                changed: part.changed,
                was_there: part.was_there,
            };
            stack.push((g, Some(undo)));
            stack.extend(children[g].iter().rev().map(|&c| (c, None)));
        }
        Checklists {
            implications,
            parts,
        }
    }

    /// The checklist of `trigger`: its steps in the order to act on them,
    /// each with its phase and latest due time (written out whole: its
    /// length is `len`).
    pub fn of(&self, trigger: TriggerId) -> Response {
        self.response(self.implications.group_of(trigger))
    }

    /// The checklist of a group of `implications`, written out whole.
    pub fn response(&self, group: usize) -> Response {
        let mut fired: Vec<TriggerId> = self.implications.members(group).to_vec();
        if let Some(&t) = fired.first() {
            fired.extend(self.implications.of(t));
        }
        fired.sort_unstable();
        fired.dedup();
        let mut seen: HashSet<StepId> = HashSet::new();
        let mut steps: Vec<Scheduled> = Vec::with_capacity(self.len(group));
        let mut at = self.parts.get(group);
        while let Some(part) = at {
            for (s, entry) in &part.changed {
                if seen.insert(*s)
                    && let Some(entry) = entry
                {
                    steps.push(entry.clone());
                }
            }
            at = part.from.and_then(|p| self.parts.get(p));
        }
        steps.sort_by_key(order);
        Response { fired, steps }
    }

    /// How many steps the checklist of a group holds.
    pub fn len(&self, group: usize) -> usize {
        self.parts.get(group).map_or(0, |p| p.len)
    }

    /// How many steps all the groups' checklists hold together (each step
    /// counted once per checklist it is in).
    pub fn total(&self) -> usize {
        self.parts.iter().map(|p| p.len).sum()
    }

    /// The group whose whole checklist this group's holds, in the same
    /// phases by the same due times, and from which it was worked out: a
    /// group it implies (`None`: none, or that one's changed).
    pub fn extends(&self, group: usize) -> Option<usize> {
        let part = self.parts.get(group)?;
        part.from.filter(|_| part.keeps_from)
    }

    /// The steps the checklist of `group` adds to that of the group it
    /// extends (or to nothing), in the order to act on them.
    pub fn added(&self, group: usize) -> impl Iterator<Item = &Scheduled> {
        self.parts.get(group).into_iter().flat_map(|p| {
            p.changed
                .iter()
                .zip(&p.was_there)
                .filter(|(_, was)| !**was)
                .filter_map(|((_, entry), _)| entry.as_ref())
        })
    }

    /// Which triggers fire whenever `trigger` does, and which fire together.
    pub fn implications(&self) -> &Implications {
        &self.implications
    }
}

/// The order to act on steps: by phase, then by latest due time (earlier
/// first, steps without a deadline after those with one), then in source
/// order (as `Responder` sorts them).
fn order(s: &Scheduled) -> (u32, bool, Option<super::Due>, StepId) {
    (s.phase, s.due.is_none(), s.due, s.step)
}

/// The response being worked on: which triggers fire, each step's entry.
struct State<'s> {
    schedule: &'s Schedule,
    fired: Vec<bool>,
    entry: Vec<Option<Scheduled>>,
    queued: Vec<bool>,
}

/// What one `fire` changed, to restore it.
struct Undo {
    fired: Vec<TriggerId>,
    entries: Vec<(StepId, Option<Scheduled>)>,
}

/// What one `fire` changed, as a `Part` keeps it.
struct Change {
    changed: Vec<(StepId, Option<Scheduled>)>,
    was_there: Vec<bool>,
    added: usize,
    removed: usize,
    keeps: bool,
}

impl<'s> State<'s> {
    fn new(model: &Model, schedule: &'s Schedule) -> State<'s> {
        State {
            schedule,
            fired: vec![false; model.triggers.len()],
            entry: vec![None; model.steps.len()],
            queued: vec![false; model.steps.len()],
        }
    }

    /// Fire `more` too: the steps they start, and the steps that wait for
    /// a step whose entry changed, are worked out again in dependency order.
    fn fire(&mut self, model: &Model, schedule: &Schedule, more: &[TriggerId]) -> (Change, Undo) {
        let mut fired = Vec::new();
        for &t in more {
            if let Some(f) = self.fired.get_mut(t.index())
                && !*f
            {
                *f = true;
                fired.push(t);
            }
        }
        let rank = |s: StepId| self.schedule.rank[s.index()];
        let mut queue: BinaryHeap<Reverse<(u32, StepId)>> = BinaryHeap::new();
        let mut seen: Vec<StepId> = Vec::new();
        let queued = &mut self.queued;
        let mut enqueue = |s: StepId, queue: &mut BinaryHeap<_>| {
            if rank(s) != u32::MAX && queued.get(s.index()) == Some(&false) {
                queued[s.index()] = true;
                seen.push(s);
                queue.push(Reverse((rank(s), s)));
            }
        };
        for &t in &fired {
            for &s in schedule.started_by(t) {
                enqueue(s, &mut queue);
            }
        }
        let mut old: Vec<(StepId, Option<Scheduled>)> = Vec::new();
        while let Some(Reverse((_, s))) = queue.pop() {
            let is_fired = |t: &TriggerId| self.fired.get(t.index()).copied().unwrap_or(false);
            let ran = |p: StepId| self.entry.get(p.index()).and_then(Option::as_ref);
            let now = schedule_step(model, schedule, s, is_fired, ran);
            if now == self.entry[s.index()] {
                continue;
            }
            old.push((s, std::mem::replace(&mut self.entry[s.index()], now)));
            for &w in schedule.waiters(s) {
                enqueue(w, &mut queue);
            }
        }
        for s in seen {
            self.queued[s.index()] = false;
        }
        let mut changed: Vec<(StepId, Option<Scheduled>, Option<&Scheduled>)> = old
            .iter()
            .map(|(s, was)| (*s, self.entry[s.index()].clone(), was.as_ref()))
            .collect();
        changed.sort_by_key(|(s, now, _)| (now.is_none(), now.as_ref().map(order), *s));
        let same = |a: &Scheduled, b: &Scheduled| (a.phase, a.due) == (b.phase, b.due);
        let change = Change {
            added: changed
                .iter()
                .filter(|(_, n, w)| n.is_some() && w.is_none())
                .count(),
            removed: changed
                .iter()
                .filter(|(_, n, w)| n.is_none() && w.is_some())
                .count(),
            keeps: changed.iter().all(|(_, now, was)| match (now, was) {
                (Some(n), Some(w)) => same(n, w),
                (None, Some(_)) => false,
                _ => true,
            }),
            was_there: changed.iter().map(|(_, _, w)| w.is_some()).collect(),
            changed: changed.into_iter().map(|(s, n, _)| (s, n)).collect(),
        };
        (
            change,
            Undo {
                fired,
                entries: old,
            },
        )
    }

    fn undo(&mut self, undo: Undo) {
        for t in undo.fired {
            self.fired[t.index()] = false;
        }
        for (s, was) in undo.entries.into_iter().rev() {
            self.entry[s.index()] = was;
        }
    }
}
