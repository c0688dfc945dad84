//! The response to one set of triggers: the steps that run, what set each
//! off, each one's latest due time and phase, in the order to act on them.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::model::{Model, StepId, TriggerId};

use super::due::{Due, Occasion, earliest_deadline, latest_due};
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
    /// Which of the step's deadlines (an index into `Step::deadlines`) gave
    /// `due`, so that an output can say it as written (`报告完成后1小时内`).
    pub deadline: Option<usize>,
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
    ///
    /// Only the steps that can run are looked at: those whose `on` a fired
    /// trigger meets, and the steps that wait for one that runs. Any other
    /// step has an `on` no fired trigger meets, or waits for a step that does
    /// not run. So a response costs what its steps cost, not what the plan's
    /// do (a plan's checklists are one response per trigger).
    pub fn respond(&self, model: &Model, fired: &[TriggerId]) -> Response {
        self.respond_among(model, fired, None)
    }

    /// The response when `fired` fire, looking only at the steps `among`
    /// flags (by step), which must hold every step that a flagged step waits
    /// for: the steps among them that run, with what `respond` gives them.
    /// `None`: every step.
    pub fn respond_among(
        &self,
        model: &Model,
        fired: &[TriggerId],
        among: Option<&[bool]>,
    ) -> Response {
        self.responder(model).respond_among(model, fired, among)
    }

    /// A `Responder` for many responses of one plan (`planc diff`): it keeps
    /// its working memory from one response to the next.
    pub fn responder(&self, model: &Model) -> Responder<'_> {
        Responder {
            schedule: self,
            queued: vec![false; model.steps.len()],
            slot: vec![u32::MAX; model.steps.len()],
            seen: Vec::new(),
        }
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

/// Many responses of one plan, with working memory kept between them (see
/// `Schedule::responder`).
pub struct Responder<'s> {
    schedule: &'s Schedule,
    /// Per step: queued in the current response.
    queued: Vec<bool>,
    /// Per step: where it stands in the current response's steps if it runs
    /// (`u32::MAX`: it does not).
    slot: Vec<u32>,
    /// The steps queued in the current response, to clear after it.
    seen: Vec<StepId>,
}

impl Responder<'_> {
    /// `Schedule::respond_among`, in this responder's memory.
    pub fn respond_among(
        &mut self,
        model: &Model,
        fired: &[TriggerId],
        among: Option<&[bool]>,
    ) -> Response {
        let looked_at =
            |s: &StepId| among.is_none_or(|a| a.get(s.index()).copied().unwrap_or(false));
        let mut fired: Vec<TriggerId> = fired
            .iter()
            .copied()
            .filter(|t| t.index() < model.triggers.len())
            .collect();
        fired.sort_unstable();
        fired.dedup();
        let is_fired = |t: &TriggerId| fired.binary_search(t).is_ok();
        // Candidates in dependency order (by rank): the steps the fired
        // triggers start, then the waiters of each step that runs. A step's
        // `after` steps have lower ranks, so each one that runs was decided
        // before the step comes up.
        let schedule = self.schedule;
        let rank = |s: StepId| schedule.rank[s.index()];
        let (queued, slot, seen) = (&mut self.queued, &mut self.slot, &mut self.seen);
        let mut queue: BinaryHeap<Reverse<(u32, StepId)>> = BinaryHeap::new();
        let mut enqueue = |s: StepId, queue: &mut BinaryHeap<_>| {
            if looked_at(&s) && rank(s) != u32::MAX && queued.get(s.index()) == Some(&false) {
                queued[s.index()] = true;
                seen.push(s);
                queue.push(Reverse((rank(s), s)));
            }
        };
        for t in &fired {
            for &s in schedule.started_by(*t) {
                enqueue(s, &mut queue);
            }
        }
        let mut steps: Vec<Scheduled> = Vec::new();
        while let Some(Reverse((_, s))) = queue.pop() {
            let ran = |p: StepId| steps.get(slot[p.index()] as usize);
            let Some(scheduled) = schedule_step(model, schedule, s, is_fired, ran) else {
                continue;
            };
            slot[s.index()] = steps.len() as u32;
            steps.push(scheduled);
            for &w in schedule.waiters(s) {
                enqueue(w, &mut queue);
            }
        }
        // Clear what this response used, for the next.
        for s in self.seen.drain(..) {
            self.queued[s.index()] = false;
            self.slot[s.index()] = u32::MAX;
        }
        // In the order to act on them: by phase, due time, then source.
        steps.sort_by_key(|s| (s.phase, s.due.is_none(), s.due, s.step));
        Response { fired, steps }
    }
}

/// Whether step `s` runs, and if so its entry, given which triggers fire
/// and the entries of the steps it waits for (`ran`: `None` when one does
/// not run). The one statement of "When a step runs" for one step, shared
/// by `Responder` and `Checklists`.
pub(super) fn schedule_step<'r>(
    model: &Model,
    schedule: &Schedule,
    s: StepId,
    is_fired: impl Fn(&TriggerId) -> bool,
    ran: impl Fn(StepId) -> Option<&'r Scheduled>,
) -> Option<Scheduled> {
    let step = model.step(s);
    let on = schedule.on(s);
    let own = if on.is_empty() {
        !step.after.is_empty()
    } else {
        on.iter().any(&is_fired)
    };
    if !own || !step.after.iter().all(|p| ran(p.id).is_some()) {
        return None;
    }
    let by: Vec<TriggerId> = if on.is_empty() {
        let mut by: Vec<TriggerId> = step
            .after
            .iter()
            .flat_map(|p| ran(p.id).map_or(&[][..], |r| r.set_off_by.as_slice()))
            .copied()
            .collect();
        by.sort_unstable();
        by.dedup();
        by
    } else {
        on.iter().copied().filter(|t| is_fired(t)).collect()
    };
    let earliest = earliest_deadline(step, Occasion::SetOffBy(&by), |a| {
        ran(a).and_then(|r| r.due)
    });
    let due = earliest.map(|(d, _)| d);
    let deadline =
        earliest.and_then(|(_, d)| step.deadlines().iter().position(|x| std::ptr::eq(x, d)));
    Some(Scheduled {
        step: s,
        phase: schedule.phase[s.index()],
        due,
        deadline,
        set_off_by: by,
    })
}
