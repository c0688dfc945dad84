//! Reporting to outside authorities, as the profiles' checks read it
//! (`missing-element` for 信息报告, `report-deadline`, `no-upward-report`):
//! which steps report out, which triggers a plan's most severe response
//! starts with, and the first report in a trigger's checklist.

use crate::i18n::{Arg, Message, msg};
use crate::logic::schedule::{Response, Scheduled};
use crate::model::{Model, Party, Step, TriggerId};

/// Whether the step tells an outside authority (an `external`) when it is done.
pub fn reports_out(step: &Step) -> bool {
    step.notify()
        .iter()
        .any(|p| matches!(p.id, Party::External(_)))
}

/// The triggers of the most severe level any trigger carries; every trigger
/// when none carries a level (a plan without grading has one response).
pub fn most_severe_triggers(model: &Model) -> Vec<TriggerId> {
    let top = model
        .triggers
        .iter()
        .filter_map(|t| t.level.map(|l| l.id))
        .min();
    model
        .trigger_ids()
        .filter(|&t| top.is_none() || model.trigger(t).level.map(|l| l.id) == top)
        .collect()
}

/// The step of `response` that reports out first: the earliest latest due
/// time, a step without a deadline after every step with one; `None` when
/// no step of it reports out.
pub fn first_report<'r>(model: &Model, response: &'r Response) -> Option<&'r Scheduled> {
    response
        .steps
        .iter()
        .filter(|s| reports_out(model.step(s.step)))
        .min_by_key(|s| (s.due.is_none(), s.due, s.step))
}

/// "when `a` fires" / "when any of `a`, `b` fires" (`` `a` 触发时 ``): the
/// triggers one finding of a reporting rule stands for.
pub fn when_fire(model: &Model, triggers: &[TriggerId]) -> Message {
    msg!(
        "when-triggers-fire",
        triggers = Arg::names(
            triggers
                .iter()
                .map(|t| model.name(&model.trigger(*t).named)),
            5
        ),
        count = triggers.len() as u64
    )
}
