//! `deadline-inversion`: a step's latest due time is earlier than that of a
//! step it comes `after`. The due times are the response schedule's
//! (`logic::schedule`), read once per occasion: the plain deadlines, then,
//! for each trigger some `within … for` names, the deadlines under it.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};

use foldhash::fast::FixedState;

use crate::check::{Context, Rule, words};
use crate::i18n::{Arg, msg};
use crate::diagnostic::{Findings, Code, Diagnostic, Label, Severity};
use crate::logic::schedule::{
    Due, Lists, Occasion, earliest_deadline, latest_due, occasion_triggers,
};
use crate::model::{Model, StepId};
use crate::syntax::ast::Duration;

pub const RULE: Rule = Rule {
    code: Code::DeadlineInversion,
    default_severity: Some(Severity::Warning),
    summary: "a step's `within` is shorter than the `within` of a step it comes `after`",
    doc: DOC,
    run,
};

/// The latest due time a step must wait for: the step that carries it, and
/// the step of its own `after` list through which it is waited for.
#[derive(Clone, Copy, PartialEq)]
struct Bound {
    due: Due,
    carrier: StepId,
    via: StepId,
}

/// Per step, on one occasion: its latest due time and what it waits for.
#[derive(Clone)]
struct Times {
    due: Vec<Option<Due>>,
    bound: Vec<Option<Bound>>,
}

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    // Without a `within` no step is due at any time: nothing to compare, and
    // no per-step times to hold (issue 19, memory per byte).
    if model.steps.iter().all(|s| s.deadlines().is_empty()) {
        return;
    }
    let order = ctx.schedule().dependency_order();
    let mut reported = HashSet::with_hasher(FixedState::default());
    // Every step on the deadlines as written.
    let mut times = Times {
        due: vec![None; model.steps.len()],
        bound: vec![None; model.steps.len()],
    };
    for &s in order {
        settle(model, s, Occasion::Otherwise, &mut times);
    }
    for &s in order {
        check(ctx, s, Occasion::Otherwise, &times, &mut reported, out);
    }
    // Each trigger a `for` names: only the steps whose times differ from
    // the deadlines as written are worked out again (a step with a deadline
    // for it, then what waits for or is measured from a step whose times
    // changed), so a plan is not scheduled once per trigger.
    let named_by = named_by(model);
    if named_by.items.is_empty() {
        return;
    }
    let written = times.clone();
    let dependents = dependents(model);
    let schedule = ctx.schedule();
    let mut queued = vec![false; model.steps.len()];
    for (t, direct) in model
        .trigger_ids()
        .map(|t| (t, named_by.get(t.index())))
        .filter(|(_, direct)| !direct.is_empty())
    {
        let fired = [t];
        let occasion = Occasion::SetOffBy(&fired);
        let mut heap: BinaryHeap<Reverse<(u32, StepId)>> = BinaryHeap::new();
        let push = |s: StepId, heap: &mut BinaryHeap<_>, queued: &mut [bool]| {
            if let Some(rank) = schedule.rank(s)
                && !std::mem::replace(&mut queued[s.index()], true)
            {
                heap.push(Reverse((rank, s)));
            }
        };
        for &s in direct {
            push(s, &mut heap, &mut queued);
        }
        let mut visited = Vec::new();
        while let Some(Reverse((_, s))) = heap.pop() {
            settle(model, s, occasion, &mut times);
            visited.push(s);
            let i = s.index();
            if times.due[i] != written.due[i] || times.bound[i] != written.bound[i] {
                for &d in dependents.get(i) {
                    push(d, &mut heap, &mut queued);
                }
            }
        }
        for &s in &visited {
            check(ctx, s, occasion, &times, &mut reported, out);
        }
        for &s in &visited {
            queued[s.index()] = false;
            times.due[s.index()] = written.due[s.index()];
            times.bound[s.index()] = written.bound[s.index()];
        }
    }
}

/// Per trigger: the steps with a deadline whose `for` names it.
fn named_by(model: &Model) -> Lists {
    Lists::build(model.triggers.len(), || {
        model.steps.iter().enumerate().flat_map(|(i, step)| {
            let s = StepId(i as u32);
            step.deadlines()
                .iter()
                .flat_map(|d| occasion_triggers(&d.only_for))
                .map(move |t| (t.index(), s))
        })
    })
}

/// Per step: the steps whose times depend on it (it is in their `after`, or
/// one of their deadlines is measured `from` it).
fn dependents(model: &Model) -> Lists {
    Lists::build(model.steps.len(), || {
        model.steps.iter().enumerate().flat_map(|(i, step)| {
            let s = StepId(i as u32);
            let anchors = step.deadlines().iter().filter_map(|d| d.from.as_ref());
            step.after.iter().chain(anchors).map(move |p| (p.id.index(), s))
        })
    })
}

/// The step's due time and what it waits for on `occasion`, from those of
/// the steps before it.
fn settle(model: &Model, s: StepId, occasion: Occasion, times: &mut Times) {
    let step = model.step(s);
    let due = latest_due(step, occasion, |a| times.due[a.index()]);
    // What it waits for: a step's own due time, or, for a step without one,
    // what that step waits for.
    let mut inherited: Option<Bound> = None;
    for p in &step.after {
        let carried = match (times.due[p.id.index()], times.bound[p.id.index()]) {
            (Some(d), _) => Some(Bound {
                due: d,
                carrier: p.id,
                via: p.id,
            }),
            (None, Some(b)) => Some(Bound { via: p.id, ..b }),
            (None, None) => None,
        };
        if let Some(c) = carried
            && inherited.is_none_or(|b| c.due > b.due)
        {
            inherited = Some(c);
        }
    }
    times.due[s.index()] = due;
    times.bound[s.index()] = inherited;
}

/// The inversion at step `s` on one occasion, unless that pair was already
/// reported on another occasion.
fn check(
    ctx: &Context,
    s: StepId,
    occasion: Occasion,
    times: &Times,
    reported: &mut HashSet<(StepId, StepId), FixedState>,
    out: &mut Findings,
) {
    let model = ctx.model;
    let (Some(b), Some(mine)) = (times.bound[s.index()], times.due[s.index()]) else {
        return;
    };
    if b.due.seconds <= mine.seconds || reported.contains(&(s, b.carrier)) {
        return;
    }
    let at = |x: StepId| earliest_deadline(model.step(x), occasion, |a| times.due[a.index()]);
    if let (Some((_, own)), Some((_, theirs))) = (at(s), at(b.carrier)) {
        reported.insert((s, b.carrier));
        out.push(diagnose(ctx, s, (mine, own.within), b, theirs.within));
    }
}

/// `mine`: the step's latest due time and the `within` that sets it;
/// `theirs`: the `within` of the step it waits for.
fn diagnose(
    ctx: &Context,
    step: StepId,
    (due, mine): (Due, Duration),
    bound: Bound,
    theirs: Duration,
) -> Diagnostic {
    let name = |s: StepId| ctx.model.name(&ctx.model.step(s).named);
    let through = if bound.via == bound.carrier {
        Arg::from("")
    } else {
        Arg::from(msg!("deadline-inversion-through", via = name(bound.via)))
    };
    let message = msg!(
        "deadline-inversion",
        step = name(step),
        mine = words::duration(due.seconds),
        carrier = name(bound.carrier),
        theirs = words::duration(bound.due.seconds),
        through = through
    );
    RULE.diagnostic(
        message,
        Label::new(
            mine.span,
            msg!("deadline-inversion.label", step = name(step)),
        ),
    )
    .with_label(Label::new(
        theirs.span,
        msg!("deadline-inversion.carrier", carrier = name(bound.carrier)),
    ))
    .with_help(msg!(
        "deadline-inversion.help",
        step = name(step),
        theirs = words::duration(bound.due.seconds),
        carrier = name(bound.carrier)
    ))
}

const DOC: &str = r#"# deadline-inversion

## What it means
A step is due (`within`) sooner than a step it comes `after`. Deadlines count from the moment the
plan is set off, so a step that must wait for another cannot be due before it. Equal deadlines are
allowed. A step in the `after` list that has no deadline of its own is looked through: the step
waits for whatever that one waits for, and the diagnostic names the step in between.

The diagnostic labels both deadlines: the shorter one first.

## Why it matters
One of the two deadlines is wrong, and on the day the person who owns the later step is blamed for
a delay nobody could avoid, or the earlier step is rushed. Typically a deadline was written as
"minutes after the previous step" while the plan measures all of them from the start.

## Example
```
step to_scene "到达现场" { owner office; on mass_visit; within 30m }
step control "控制事态,上报组长" { owner office; after to_scene; within 10m }
```

## Fix
```
step to_scene "到达现场" { owner office; on mass_visit; within 30m }
step control "控制事态,上报组长" { owner office; after to_scene; within 40m }
```
"#;
