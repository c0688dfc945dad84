//! Latest due times: which of a step's deadlines hold on an occasion, and
//! the moment each asks for, counted from the moment the plan is set off.
//!
//! - A plain `within D` holds unless every trigger that set the step off is
//!   named by one of its `for` deadlines.
//! - `within D for NAMES` (v1) holds when one of those triggers set it off.
//! - When several hold (several triggers fired), the earliest moment holds.
//! - `within D from S` (v1) asks for S's latest due time plus D; if S has no
//!   latest due time, neither has this deadline.

use crate::model::{Deadline, Step, TriggerId};
use crate::syntax::ast::Duration;

use super::occasion_triggers;

/// A latest due time, from the moment the plan is set off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Due {
    /// The whole time in seconds, a working day (`wd`) counted as 7/5 of a
    /// day, as the spec compares durations.
    pub seconds: u64,
    /// How many working days `seconds` holds, so that a calendar can count
    /// them Monday to Friday (`simulate --start`).
    pub working_days: u64,
}

/// Seconds a working day counts for in comparisons: 7/5 of a day.
pub use crate::syntax::WORKING_DAY as WORKING_DAY_SECONDS;

impl Due {
    /// The moment the plan is set off.
    pub const ZERO: Due = Due {
        seconds: 0,
        working_days: 0,
    };

    /// The time a written duration stands for.
    pub fn of(duration: &Duration) -> Due {
        Due {
            seconds: duration.seconds,
            working_days: duration.working_days,
        }
    }

    /// `self`, then `more`.
    pub fn plus(self, more: Due) -> Due {
        Due {
            seconds: self.seconds.saturating_add(more.seconds),
            working_days: self.working_days.saturating_add(more.working_days),
        }
    }

    /// The seconds beyond the working days (for a calendar, which adds the
    /// working days first).
    pub fn other_seconds(self) -> u64 {
        self.seconds
            .saturating_sub(self.working_days.saturating_mul(WORKING_DAY_SECONDS))
    }
}

/// What a step's deadlines are read for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occasion<'a> {
    /// These triggers set the step off (sorted).
    SetOffBy(&'a [TriggerId]),
    /// No `for` applies: only the plain deadlines hold (the deadlines as
    /// written, for checks that compare them whatever fires).
    Otherwise,
}

impl Occasion<'_> {
    /// Whether `deadline` of `step` holds on this occasion.
    fn holds(self, step: &Step, deadline: &Deadline) -> bool {
        let set_off_by = match self {
            Occasion::Otherwise => return deadline.is_plain(),
            Occasion::SetOffBy(triggers) => triggers,
        };
        if deadline.is_plain() {
            // Plain: unless each trigger that set it off has a `for` of its own.
            set_off_by.is_empty()
                || set_off_by.iter().any(|&t| {
                    !step
                        .deadlines()
                        .iter()
                        .any(|d| occasion_triggers(&d.only_for).any(|u| u == t))
                })
        } else {
            occasion_triggers(&deadline.only_for).any(|u| set_off_by.binary_search(&u).is_ok())
        }
    }
}

/// The step's latest due time on `occasion`, given the latest due times of
/// the steps before it (`due_of`); `None` when no deadline holds.
pub fn latest_due(
    step: &Step,
    occasion: Occasion,
    due_of: impl Fn(crate::model::StepId) -> Option<Due>,
) -> Option<Due> {
    earliest_deadline(step, occasion, due_of).map(|(due, _)| due)
}

/// The deadline of `step` that holds on `occasion` and asks for the earliest
/// moment, with that moment.
pub fn earliest_deadline<'m>(
    step: &'m Step,
    occasion: Occasion,
    due_of: impl Fn(crate::model::StepId) -> Option<Due>,
) -> Option<(Due, &'m Deadline)> {
    step.deadlines()
        .iter()
        .filter(|d| occasion.holds(step, d))
        .filter_map(|d| {
            let base = match &d.from {
                None => Due::ZERO,
                Some(anchor) => due_of(anchor.id)?,
            };
            Some((base.plus(Due::of(&d.within)), d))
        })
        .min_by_key(|(due, _)| *due)
}
