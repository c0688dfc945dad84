//! The response schedule: for a set F of triggers that fire, which steps run,
//! in which order, by when, and which of them can be done at the same time.
//! This is the one implementation of "When a step runs" (language spec v1);
//! checklists, role cards, simulate, the graphs, the hover and the checks
//! (`unreachable-step`, `deadline-inversion`, `no-response`, `disjoint-after`)
//! all read it.
//!
//! The rule. A step runs for F when
//! 1. its `on` set (the triggers it names, or in v1 those of the levels it
//!    names) meets F — or, when it has no `on`, it has an `after`: a step
//!    with neither never runs; and
//! 2. every step of its `after` runs for F.
//!
//! So `on` always limits a step, also when it has `after`, and a step without
//! `on` inherits its occasions from the steps it waits for.
//!
//! Everything F does not change is worked out once per plan (`Schedule`):
//! the `on` sets, the dependency order, and the phases — a step's phase is one
//! more than the latest phase among its `after` steps, so every step of a
//! phase has all its `after` in earlier phases and the steps of one phase can
//! be done at the same time. Whether a step runs, what set it off and its
//! latest due time depend on F (`Schedule::respond`). All of it is iterative
//! and linear in steps + `after` edges (plus a sort of the steps that run).

mod checklists;
mod due;
mod lists;
mod respond;

use crate::model::{Model, Ref, StepId, TriggerId};

pub use checklists::Checklists;
pub use due::{Due, Occasion, WORKING_DAY_SECONDS, earliest_deadline, latest_due};
pub(crate) use lists::Lists;
pub use respond::{NotRun, Responder, Response, Scheduled};

/// A step in or behind an `after` cycle (reported by `step-cycle`) has no
/// phase and never runs.
const NO_PHASE: u32 = u32::MAX;

/// The parts of the schedule that do not depend on which triggers fire.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// Per step, `on[on_start[s]..on_start[s + 1]]`: the triggers its `on`
    /// stands for, sorted and without repeats.
    on_start: Vec<u32>,
    on: Vec<TriggerId>,
    /// The steps outside `after` cycles, each after every step it waits for:
    /// source order when the plan is written that way, else Kahn's order.
    order: Vec<StepId>,
    /// Per step: its phase, from 0; `NO_PHASE` in or behind a cycle.
    phase: Vec<u32>,
    /// Per step: its place in `order` (`u32::MAX` in or behind a cycle).
    rank: Vec<u32>,
    /// Per trigger: the steps whose `on` stands for it, ascending.
    started_by: Lists,
    /// Per step: the steps that wait for it (`after`), ascending.
    waiters: Lists,
}

/// The triggers a deadline's `for` list stands for (a level named there is
/// in it as its triggers, `model::expand_levels`). What an `on` stands for
/// is `Model::on`, which keeps a level as the level.
pub fn occasion_triggers(refs: &[Ref<TriggerId>]) -> impl Iterator<Item = TriggerId> + '_ {
    refs.iter().map(|r| r.id)
}

impl Schedule {
    pub fn build(model: &Model) -> Schedule {
        let steps = model.steps.len();
        let mut on_start = Vec::with_capacity(steps + 1);
        let mut on = Vec::with_capacity(model.steps.len());
        on_start.push(0);
        for step in &model.steps {
            let first = on.len();
            on.extend(model.on(step).map(|r| r.id));
            if on.len() - first > 1 {
                on[first..].sort_unstable();
                let mut kept = first + 1;
                for i in first + 1..on.len() {
                    if on[kept - 1] != on[i] {
                        on[kept] = on[i];
                        kept += 1;
                    }
                }
                on.truncate(kept);
            }
            on_start.push(on.len() as u32);
        }
        // Lists that let `respond` look only at the steps that can run.
        let started_by = Lists::build(model.triggers.len(), || {
            (0..steps).flat_map(|i| {
                let s = StepId(i as u32);
                on[on_start[i] as usize..on_start[i + 1] as usize]
                    .iter()
                    .map(move |t| (t.index(), s))
            })
        });
        let waiters = Lists::build(steps, || {
            model.steps.iter().enumerate().flat_map(|(i, step)| {
                let s = StepId(i as u32);
                step.after.iter().map(move |p| (p.id.index(), s))
            })
        });
        let (phase, order) = phases(model, &waiters);
        let mut rank = vec![u32::MAX; steps];
        for (i, s) in order.iter().enumerate() {
            rank[s.index()] = i as u32;
        }
        Schedule {
            on_start,
            on,
            order,
            phase,
            rank,
            started_by,
            waiters,
        }
    }

    /// The steps whose `on` stands for `trigger`, ascending.
    pub(crate) fn started_by(&self, trigger: TriggerId) -> &[StepId] {
        self.started_by.get(trigger.index())
    }

    /// The steps that wait for `step` (`after`), ascending.
    pub(crate) fn waiters(&self, step: StepId) -> &[StepId] {
        self.waiters.get(step.index())
    }

    /// The triggers the step's `on` stands for (empty: it has no `on`).
    pub fn on(&self, step: StepId) -> &[TriggerId] {
        let i = step.index();
        &self.on[self.on_start[i] as usize..self.on_start[i + 1] as usize]
    }

    /// Whether some step starts `on` this trigger.
    pub fn starts(&self, trigger: TriggerId) -> bool {
        !self.started_by(trigger).is_empty()
    }

    /// The step's phase, from 0: one more than the latest phase among its
    /// `after` steps. `None` for a step in or behind an `after` cycle.
    pub fn phase(&self, step: StepId) -> Option<u32> {
        self.phase
            .get(step.index())
            .copied()
            .filter(|&p| p != NO_PHASE)
    }

    /// The steps outside `after` cycles, each after every step it waits for
    /// (in source order when every step is written after the steps it waits
    /// for, as plans usually are).
    pub fn dependency_order(&self) -> &[StepId] {
        &self.order
    }

    /// The step's place in `dependency_order`; `None` in or behind a cycle.
    pub fn rank(&self, step: StepId) -> Option<u32> {
        self.rank
            .get(step.index())
            .copied()
            .filter(|&r| r != u32::MAX)
    }

    /// Whether each step can run, given whether each trigger can fire
    /// (`Some(true)`, `Some(false)`, or `None`: not known). Triggers that
    /// can each fire need not fire at the same moment (facts change while an
    /// incident goes on), so the question is whether the step runs when every
    /// trigger that can fire does. `unresolved` steps (a name in their `on`
    /// or `after` did not resolve) and steps in or behind a cycle are
    /// `Unknown`, and so are the steps that wait for them.
    pub fn reach(&self, model: &Model, can_fire: impl Fn(TriggerId) -> Option<bool>) -> Vec<Reach> {
        let mut reach = vec![Reach::Unknown; model.steps.len()];
        for &s in &self.order {
            let step = model.step(s);
            if step.start_unresolved {
                continue;
            }
            let on = self.on(s);
            let own = if on.is_empty() {
                if step.after.is_empty() {
                    Reach::No
                } else {
                    Reach::Yes
                }
            } else {
                on.iter().fold(Reach::No, |acc, &t| {
                    acc.or(match can_fire(t) {
                        Some(true) => Reach::Yes,
                        Some(false) => Reach::No,
                        None => Reach::Unknown,
                    })
                })
            };
            reach[s.index()] = step
                .after
                .iter()
                .fold(own, |acc, p| acc.and(reach[p.id.index()]));
        }
        reach
    }
}

/// Whether a step can run at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    Yes,
    No,
    /// Not known: a name did not resolve, an `after` cycle, a trigger that
    /// could not be decided.
    Unknown,
}

impl Reach {
    fn or(self, other: Reach) -> Reach {
        match (self, other) {
            (Reach::Yes, _) | (_, Reach::Yes) => Reach::Yes,
            (Reach::Unknown, _) | (_, Reach::Unknown) => Reach::Unknown,
            _ => Reach::No,
        }
    }

    fn and(self, other: Reach) -> Reach {
        match (self, other) {
            (Reach::No, _) | (_, Reach::No) => Reach::No,
            (Reach::Unknown, _) | (_, Reach::Unknown) => Reach::Unknown,
            _ => Reach::Yes,
        }
    }
}

/// Each step's phase (0 without `after`, else one more than the latest of
/// its `after` steps) and a dependency order of the steps outside cycles.
/// When every step waits only for steps written before it, that is source
/// order, in one pass; otherwise Kahn's algorithm (FIFO) over the `after`
/// edges (`waiters`), and steps never placed are in or behind a cycle.
fn phases(model: &Model, waiters: &Lists) -> (Vec<u32>, Vec<StepId>) {
    let n = model.steps.len();
    let written_in_order = model
        .steps
        .iter()
        .enumerate()
        .all(|(i, s)| s.after.iter().all(|p| p.id.index() < i));
    let mut phase = vec![NO_PHASE; n];
    if written_in_order {
        for (i, step) in model.steps.iter().enumerate() {
            phase[i] = step
                .after
                .iter()
                .map(|p| phase[p.id.index()] + 1)
                .max()
                .unwrap_or(0);
        }
        return (phase, model.step_ids().collect());
    }
    // Per step: how many of the steps it waits for are not placed yet.
    let mut waiting = vec![0u32; n];
    for s in &waiters.items {
        waiting[s.index()] += 1;
    }
    let mut order: Vec<StepId> = Vec::with_capacity(n);
    let mut queue: std::collections::VecDeque<usize> =
        (0..n).filter(|&i| waiting[i] == 0).collect();
    for &i in &queue {
        phase[i] = 0;
    }
    while let Some(i) = queue.pop_front() {
        order.push(StepId(i as u32));
        let p = phase[i];
        for s in waiters.get(i) {
            let j = s.index();
            // The latest predecessor so far: placed ones all have a phase.
            phase[j] = if phase[j] == NO_PHASE {
                p + 1
            } else {
                phase[j].max(p + 1)
            };
            waiting[j] -= 1;
            if waiting[j] == 0 {
                queue.push_back(j);
            }
        }
    }
    // A step behind a cycle got a phase from its placed predecessors but was
    // never queued: it has none.
    for i in 0..n {
        if waiting[i] != 0 {
            phase[i] = NO_PHASE;
        }
    }
    (phase, order)
}

#[cfg(test)]
mod tests;
