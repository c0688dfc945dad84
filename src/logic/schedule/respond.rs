//! The response to one set of triggers: the steps that run, what set each
//! off, each one's latest due time and phase, in the order to act on them.

use crate::model::{Model, StepId, TriggerId};

use super::due::{Due, Occasion, latest_due};
use super::{NO_PHASE, Schedule};

/// A step that runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scheduled {
    pub step: StepId,
    /// From 0: it can be done at the same time as the other steps of its
    /// phase, once the earlier phases are done.
    pub phase: u32,
    /// Its latest due time from the moment the plan is set off; `None`: no
    /// deadline holds.
    pub due: Option<Due>,
    /// The fired triggers that set it off: those its `on` names, or, without
    /// `on`, those that set off the steps it waits for. Sorted.
    pub set_off_by: Vec<TriggerId>,
}

/// Why a step does not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotRun {
    /// None of the triggers its `on` stands for fired (they are listed).
    NotSetOff(Vec<TriggerId>),
    /// It waits for these steps, which do not run.
    Waits(Vec<StepId>),
    /// It has neither `on` nor `after`.
    NothingStartsIt,
    /// It is in or behind an `after` cycle.
    InCycle,
}

/// The steps that run for one set of fired triggers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The triggers that fire, sorted.
    pub fired: Vec<TriggerId>,
    /// In the order to act on them: by phase, then by latest due time
    /// (earlier first, steps without a deadline after those with one), then
    /// in source order.
    pub steps: Vec<Scheduled>,
}

impl Response {
    /// The steps as consecutive runs of one phase each.
    pub fn phases(&self) -> impl Iterator<Item = &[Scheduled]> {
        self.steps.chunk_by(|a, b| a.phase == b.phase)
    }

    /// Per step of the model: whether it runs.
    pub fn running(&self, steps: usize) -> Vec<bool> {
        let mut runs = vec![false; steps];
        for s in &self.steps {
            if let Some(r) = runs.get_mut(s.step.index()) {
                *r = true;
            }
        }
        runs
    }

    /// The entry of `step`, if it runs.
    pub fn get(&self, step: StepId) -> Option<&Scheduled> {
        self.steps.iter().find(|s| s.step == step)
    }

    /// The steps that do not run, in source order, each with why.
    pub fn not_run(&self, schedule: &Schedule, model: &Model) -> Vec<(StepId, NotRun)> {
        let runs = self.running(model.steps.len());
        model
            .step_ids()
            .filter(|s| !runs[s.index()])
            .map(|s| {
                let step = model.step(s);
                let on = schedule.on(s);
                let why = if schedule.phase[s.index()] == NO_PHASE {
                    NotRun::InCycle
                } else if on.is_empty() && step.after.is_empty() {
                    NotRun::NothingStartsIt
                } else if !on.is_empty() && !on.iter().any(|t| self.fired.binary_search(t).is_ok())
                {
                    NotRun::NotSetOff(on.to_vec())
                } else {
                    // Its own condition holds, so some step it waits for does not run.
                    let mut waits: Vec<StepId> = step
                        .after
                        .iter()
                        .map(|p| p.id)
                        .filter(|p| !runs[p.index()])
                        .collect();
                    waits.dedup();
                    NotRun::Waits(waits)
                };
                (s, why)
            })
            .collect()
    }
}

impl Schedule {
    /// The response when `fired` fire (and no other trigger).
    pub fn respond(&self, model: &Model, fired: &[TriggerId]) -> Response {
        let mut is_fired = vec![false; model.triggers.len()];
        for t in fired {
            if let Some(f) = is_fired.get_mut(t.index()) {
                *f = true;
            }
        }
        let fired: Vec<TriggerId> = model
            .trigger_ids()
            .filter(|t| is_fired[t.index()])
            .collect();
        let n = model.steps.len();
        let mut runs = vec![false; n];
        let mut due: Vec<Option<Due>> = vec![None; n];
        let mut set_off: Vec<Vec<TriggerId>> = vec![Vec::new(); n];
        let mut steps = Vec::new();
        for &s in &self.order {
            let step = model.step(s);
            let on = self.on(s);
            let own = if on.is_empty() {
                !step.after.is_empty()
            } else {
                on.iter().any(|t| is_fired[t.index()])
            };
            if !own || !step.after.iter().all(|p| runs[p.id.index()]) {
                continue;
            }
            runs[s.index()] = true;
            let by: Vec<TriggerId> = if on.is_empty() {
                let mut by: Vec<TriggerId> = step
                    .after
                    .iter()
                    .flat_map(|p| set_off[p.id.index()].iter().copied())
                    .collect();
                by.sort_unstable();
                by.dedup();
                by
            } else {
                on.iter().copied().filter(|t| is_fired[t.index()]).collect()
            };
            due[s.index()] = latest_due(step, Occasion::SetOffBy(&by), |a| due[a.index()]);
            set_off[s.index()] = by;
        }
        for &s in &self.order {
            if runs[s.index()] {
                steps.push(Scheduled {
                    step: s,
                    phase: self.phase[s.index()],
                    due: due[s.index()],
                    set_off_by: std::mem::take(&mut set_off[s.index()]),
                });
            }
        }
        steps.sort_by_key(|s| (s.phase, s.due.is_none(), s.due, s.step));
        Response { fired, steps }
    }

    /// Every step's latest due time on `occasion` (the same occasion for
    /// every step, whether or not it runs), in dependency order; `None` for
    /// steps without a deadline that holds and for steps in cycles.
    pub fn dues(&self, model: &Model, occasion: Occasion) -> Vec<Option<Due>> {
        let mut due: Vec<Option<Due>> = vec![None; model.steps.len()];
        for &s in &self.order {
            due[s.index()] = latest_due(model.step(s), occasion, |a| due[a.index()]);
        }
        due
    }
}
