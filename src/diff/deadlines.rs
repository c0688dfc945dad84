//! `deadline-tightened` and `deadline-loosened`: a paired step whose latest
//! due time in a paired trigger's checklist changed. The checklist of T is
//! the response (`logic::schedule`) to T and every trigger that fires
//! whenever T does (`logic::implies`), as `render` lists it. A step that runs
//! under T on one side only changed how it starts (`start-changed`, or a
//! condition), not its deadline, and is not compared.
//!
//! Comparing every checklist of a large plan would cost as much as writing
//! them all out (and deciding which trigger implies which, for every pair),
//! so only what a revision can have changed is worked out:
//!
//! - whether a step runs and what set it off depend only on its `on` and
//!   `after` and those of the steps before it; its due time also on its
//!   deadlines and on those of the steps they are measured `from`. Steps
//!   none of that changed for (`touched`) keep their due time under the same
//!   triggers. The touched steps' responses are worked out among them and
//!   the steps before them (`Responder::respond_among`), under the triggers
//!   that start one of those;
//! - which triggers fire with T changes only through triggers whose condition
//!   changed, or that are new or gone (*moved*): T's implications of the
//!   others are asked once, of the new plan, and paired. The steps a moved
//!   trigger starts count as touched. A trigger whose own condition changed
//!   has its checklists compared whole.
//!
//! `tests/diff.rs` checks the result against every checklist written out.

use std::collections::HashMap;

use super::category::Category as C;
use super::matching::Kind;
use super::{Change, Context, Item, Value};
use crate::logic::implies::Implier;
use crate::logic::schedule::{Due, Responder, Response, Schedule, occasion_triggers};
use crate::model::{Model, StepId, TriggerId};
use crate::span::Span;

/// One side's schedule and implications.
struct Side<'a, 's> {
    model: &'a Model<'s>,
    schedule: &'a Schedule,
    responder: Responder<'a>,
    implier: Implier<'a>,
}

impl Side<'_, '_> {
    /// T and the triggers among `candidates` that fire whenever T does.
    fn fired(&mut self, t: usize, candidates: impl Iterator<Item = usize>) -> Vec<TriggerId> {
        let t = TriggerId(t as u32);
        let mut fired = vec![t];
        fired.extend(
            candidates
                .map(|u| TriggerId(u as u32))
                .filter(|&u| self.implier.implies(t, u)),
        );
        fired
    }
}

pub(super) fn compare(cx: &Context, reshaped: &[bool], out: &mut Vec<Change>) {
    if cx.pairs(Kind::Step).next().is_none() || cx.pairs(Kind::Trigger).next().is_none() {
        return;
    }
    let (old_schedule, new_schedule) = (Schedule::build(cx.old), Schedule::build(cx.new));
    let mut old = Side {
        model: cx.old,
        schedule: &old_schedule,
        responder: old_schedule.responder(cx.old),
        implier: Implier::new(cx.old, cx.old_conditions),
    };
    let mut new = Side {
        model: cx.new,
        schedule: &new_schedule,
        responder: new_schedule.responder(cx.new),
        implier: Implier::new(cx.new, cx.new_conditions),
    };
    // Triggers whose implications a revision can change: a condition that
    // changed (or names one that did), a trigger new or gone.
    let moved_old: Vec<usize> = (0..cx.old.triggers.len())
        .filter(|&u| cx.m.triggers.new_of(u).is_none_or(|j| reshaped[j]))
        .collect();
    let moved_new: Vec<usize> = (0..cx.new.triggers.len())
        .filter(|&u| reshaped[u])
        .collect();
    let (touched_old, touched_new) =
        touched(cx, (old.schedule, &moved_old), (new.schedule, &moved_new));
    let among_old = with_before(cx.old, &touched_old);
    let among_new = with_before(cx.new, &touched_new);
    // The triggers that set off a step among them, other than the moved
    // ones: the rest of what a restricted response depends on.
    let starting = |side: &Side, among: &[bool]| -> Vec<usize> {
        (0..among.len())
            .filter(|&s| among[s])
            .flat_map(|s| side.schedule.on(StepId(s as u32)).iter().map(|t| t.index()))
            .collect()
    };
    let mut starting_new: Vec<usize> = starting(&new, &among_new);
    starting_new.extend(
        starting(&old, &among_old)
            .into_iter()
            .filter_map(|u| cx.m.triggers.new_of(u)),
    );
    starting_new.retain(|&u| !reshaped[u]);
    starting_new.sort_unstable();
    starting_new.dedup();

    let mut changed: HashMap<(usize, Option<Due>, Option<Due>), Vec<usize>> = HashMap::new();
    let pairs: Vec<(usize, usize)> = cx.pairs(Kind::Trigger).collect();
    for (i, j) in pairs {
        let (r_old, r_new, only) = if reshaped[j] {
            // What fires with it may have changed in any way: compare the
            // checklists whole.
            let all_old = old.fired(i, 0..cx.old.triggers.len());
            let all_new = new.fired(j, 0..cx.new.triggers.len());
            (
                old.responder.respond_among(old.model, &all_old, None),
                new.responder.respond_among(new.model, &all_new, None),
                None,
            )
        } else {
            // Its implications of unmoved triggers are the same on both
            // sides (their conditions are): ask the new side, pair them.
            let steady = new.fired(j, starting_new.iter().copied().filter(|&u| u != j));
            let mut fired_old: Vec<TriggerId> = steady
                .iter()
                .filter_map(|u| cx.m.triggers.old_of(u.index()))
                .map(|u| TriggerId(u as u32))
                .collect();
            fired_old.extend(old.fired(i, moved_old.iter().copied()).into_iter().skip(1));
            let mut fired_new = steady;
            fired_new.extend(new.fired(j, moved_new.iter().copied()).into_iter().skip(1));
            (
                old.responder
                    .respond_among(old.model, &fired_old, Some(&among_old)),
                new.responder
                    .respond_among(new.model, &fired_new, Some(&among_new)),
                Some(&touched_new),
            )
        };
        for (step, was, now) in differences(cx, &r_old, &r_new, only.map(Vec::as_slice)) {
            changed.entry((step, was, now)).or_default().push(j);
        }
    }
    report(cx, changed, out);
}

/// The paired steps (new index) that run in both responses with another due
/// time, with the old and new due time; only steps `only` flags, if given.
fn differences(
    cx: &Context,
    old: &Response,
    new: &Response,
    only: Option<&[bool]>,
) -> Vec<(usize, Option<Due>, Option<Due>)> {
    let before: HashMap<StepId, Option<Due>> = old.steps.iter().map(|s| (s.step, s.due)).collect();
    new.steps
        .iter()
        .filter(|s| only.is_none_or(|o| o[s.step.index()]))
        .filter_map(|now| {
            let i = cx.m.steps.old_of(now.step.index())?;
            let was = *before.get(&StepId(i as u32))?;
            (was != now.due).then_some((now.step.index(), was, now.due))
        })
        .collect()
}

/// The steps (per side, by step) whose due time under the same triggers, or
/// under triggers that differ only in `moved` ones, may differ; a step is
/// touched on both sides when it is on one.
///
/// Whether a step runs and what set it off depend on its `on` and `after`
/// and those of the steps before it; its due time on that and on its
/// deadlines, and on the due times of the steps its deadlines are measured
/// `from`. So: the steps that are unpaired, start differently (`on`,
/// `after`) or are started by a moved trigger, and every step after them;
/// then with the steps whose deadlines differ, every step with a deadline
/// measured from one of them.
fn touched(
    cx: &Context,
    (old, moved_old): (&Schedule, &[usize]),
    (new, moved_new): (&Schedule, &[usize]),
) -> (Vec<bool>, Vec<bool>) {
    let started = |schedule: &Schedule, moved: &[usize], s: usize| {
        schedule
            .on(StepId(s as u32))
            .iter()
            .any(|t| moved.binary_search(&t.index()).is_ok())
    };
    let same: Vec<Option<(bool, bool)>> = (0..cx.new.steps.len())
        .map(|j| {
            cx.m.steps
                .old_of(j)
                .map(|i| same_timing(cx, old, new, i, j))
        })
        .collect();
    let start_old: Vec<bool> = (0..cx.old.steps.len())
        .map(|i| cx.m.steps.new_of(i).is_none() || started(old, moved_old, i))
        .collect();
    let start_new: Vec<bool> = (0..cx.new.steps.len())
        .map(|j| started(new, moved_new, j) || same[j].is_none_or(|(start, _)| !start))
        .collect();
    let (w_old, w_new) = (waiters(cx.old), waiters(cx.new));
    let (mut t_old, mut t_new) = closure(cx, start_old, start_new, (&w_old, &w_new));
    for (j, flag) in t_new.iter_mut().enumerate() {
        if same[j].is_some_and(|(_, deadlines)| !deadlines) {
            *flag = true;
            if let Some(i) = cx.m.steps.old_of(j) {
                t_old[i] = true;
            }
        }
    }
    let (f_old, f_new) = (measured_from(cx.old), measured_from(cx.new));
    closure(cx, t_old, t_new, (&f_old, &f_new))
}

/// The flags of both sides spread along `next` (per side, by step) and
/// shared between paired steps, until both agree (each round adds steps, so
/// this ends).
fn closure(
    cx: &Context,
    mut t_old: Vec<bool>,
    mut t_new: Vec<bool>,
    (next_old, next_new): (&[Vec<usize>], &[Vec<usize>]),
) -> (Vec<bool>, Vec<bool>) {
    loop {
        t_old = spread(&t_old, |s| &next_old[s]);
        t_new = spread(&t_new, |s| &next_new[s]);
        let mut grew = false;
        for (j, flag) in t_new.iter_mut().enumerate() {
            if let Some(i) = cx.m.steps.old_of(j)
                && *flag != t_old[i]
            {
                (*flag, t_old[i]) = (true, true);
                grew = true;
            }
        }
        if !grew {
            return (t_old, t_new);
        }
    }
}

/// Per step, the steps with a deadline measured `from` it.
fn measured_from(model: &Model) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); model.steps.len()];
    for (i, step) in model.steps.iter().enumerate() {
        for d in step.deadlines() {
            if let Some(f) = d.from {
                out[f.id.index()].push(i);
            }
        }
    }
    out
}

/// A deadline as both sides can compare it: its length, the step it is
/// measured from and the triggers of its `for`, as new indexes (`None`:
/// an old one without a partner).
type DeadlineKey = (u64, Option<Option<usize>>, Vec<Option<usize>>);

/// Whether paired steps `i` (old) and `j` (new) start alike (the same
/// triggers in `on`, levels written out, and the same steps in `after`), and
/// whether they have the same deadlines.
fn same_timing(cx: &Context, old: &Schedule, new: &Schedule, i: usize, j: usize) -> (bool, bool) {
    let trigger = |t: TriggerId| cx.m.triggers.new_of(t.index());
    let sorted = |mut v: Vec<Option<usize>>| {
        v.sort_unstable();
        v.dedup();
        v
    };
    let on_old = sorted(
        old.on(StepId(i as u32))
            .iter()
            .map(|t| trigger(*t))
            .collect(),
    );
    let on_new = sorted(
        new.on(StepId(j as u32))
            .iter()
            .map(|t| Some(t.index()))
            .collect(),
    );
    let (a, b) = (&cx.old.steps[i], &cx.new.steps[j]);
    let after_old = sorted(
        a.after
            .iter()
            .map(|p| cx.m.steps.new_of(p.id.index()))
            .collect(),
    );
    let after_new = sorted(b.after.iter().map(|p| Some(p.id.index())).collect());
    let deadlines = |step: &crate::model::Step, old: bool| {
        let mut ds: Vec<DeadlineKey> = step
            .deadlines()
            .iter()
            .map(|d| {
                let from = d.from.map(|f| match old {
                    true => cx.m.steps.new_of(f.id.index()),
                    false => Some(f.id.index()),
                });
                let only = sorted(
                    occasion_triggers(&d.only_for)
                        .map(|t| if old { trigger(t) } else { Some(t.index()) })
                        .collect(),
                );
                (d.within.seconds, from, only)
            })
            .collect();
        ds.sort_unstable();
        ds
    };
    (
        on_old == on_new && after_old == after_new,
        deadlines(a, true) == deadlines(b, false),
    )
}

/// Per step, the steps that wait for it.
fn waiters(model: &Model) -> Vec<Vec<usize>> {
    let mut waiters: Vec<Vec<usize>> = vec![Vec::new(); model.steps.len()];
    for (i, step) in model.steps.iter().enumerate() {
        for p in &step.after {
            waiters[p.id.index()].push(i);
        }
    }
    waiters
}

/// Per step, the steps it waits for.
fn befores(model: &Model) -> Vec<Vec<usize>> {
    model
        .steps
        .iter()
        .map(|s| s.after.iter().map(|p| p.id.index()).collect())
        .collect()
}

/// `flags` with every step before a flagged one flagged too.
fn with_before(model: &Model, flags: &[bool]) -> Vec<bool> {
    let before = befores(model);
    spread(flags, |s| &before[s])
}

/// The flags spread along `next`, iteratively.
fn spread<'n>(flags: &[bool], next: impl Fn(usize) -> &'n [usize]) -> Vec<bool> {
    let mut out = flags.to_vec();
    let mut stack: Vec<usize> = (0..out.len()).filter(|&s| out[s]).collect();
    while let Some(s) = stack.pop() {
        for &n in next(s) {
            if n < out.len() && !std::mem::replace(&mut out[n], true) {
                stack.push(n);
            }
        }
    }
    out
}

/// One change per step and pair of due times, with its triggers.
fn report(
    cx: &Context,
    changed: HashMap<(usize, Option<Due>, Option<Due>), Vec<usize>>,
    out: &mut Vec<Change>,
) {
    let mut groups: Vec<_> = changed.into_iter().collect();
    groups.sort_by_key(|((step, ..), triggers)| (*step, triggers.first().copied()));
    for ((j, was, now), mut triggers) in groups {
        triggers.sort_unstable();
        // A deadline added tightens; one removed loosens.
        let category = match (was, now) {
            (Some(a), Some(b)) if b < a => C::DeadlineTightened,
            (None, Some(_)) => C::DeadlineTightened,
            _ => C::DeadlineLoosened,
        };
        let Some(i) = cx.m.steps.old_of(j) else {
            continue;
        };
        let mut change = Change::new(category, Item::of(cx.new, Kind::Step, j))
            .old(Value::duration(was.map(|d| d.seconds)), span(cx.old, i))
            .new_value(Value::duration(now.map(|d| d.seconds)), span(cx.new, j));
        change.triggers = triggers
            .into_iter()
            .map(|t| Item::of(cx.new, Kind::Trigger, t))
            .collect();
        out.push(change);
    }
}

/// Where a step's deadlines are written: its first `within`, else its name.
fn span(model: &Model, step: usize) -> Span {
    let s = &model.steps[step];
    s.deadlines()
        .first()
        .map_or(s.named.name_span, |d| d.within.span)
}
