//! `deadline-inversion`: a step's latest due time is earlier than that of a
//! step it comes `after`. The due times are the response schedule's
//! (`logic::schedule`), read once per occasion: the plain deadlines, then,
//! for each trigger some `within … for` names, the deadlines under it.

use crate::check::{Context, Rule, words};
use crate::i18n::{Arg, msg};
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
use crate::logic::schedule::{Due, Occasion, earliest_deadline};
use crate::model::{StepId, TriggerId};
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
#[derive(Clone, Copy)]
struct Bound {
    due: Due,
    carrier: StepId,
    via: StepId,
}

fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    let mut occasions: Vec<TriggerId> = model
        .steps
        .iter()
        .flat_map(|s| s.deadlines.iter())
        .flat_map(|d| crate::logic::schedule::occasion_triggers(&d.only_for))
        .collect();
    occasions.sort_unstable();
    occasions.dedup();
    let mut reported: Vec<(StepId, StepId)> = Vec::new();
    let singles: Vec<[TriggerId; 1]> = occasions.iter().map(|&t| [t]).collect();
    let all =
        std::iter::once(Occasion::Otherwise).chain(singles.iter().map(|t| Occasion::SetOffBy(t)));
    for occasion in all {
        inversions(ctx, occasion, &mut reported, out);
    }
}

/// The inversions on one occasion, in dependency order; a pair already
/// reported on another occasion is not reported again.
fn inversions(
    ctx: &Context,
    occasion: Occasion,
    reported: &mut Vec<(StepId, StepId)>,
    out: &mut Vec<Diagnostic>,
) {
    let model = ctx.model;
    let schedule = ctx.schedule();
    let due = schedule.dues(model, occasion);
    let mut bound: Vec<Option<Bound>> = vec![None; model.steps.len()];
    for &s in schedule.dependency_order() {
        let step = model.step(s);
        // What it waits for: a step's own due time, or, for a step without
        // one, what that step waits for.
        let mut inherited: Option<Bound> = None;
        for p in &step.after {
            let carried = match (due[p.id.index()], bound[p.id.index()]) {
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
        bound[s.index()] = inherited;
        let (Some(b), Some(mine)) = (inherited, due[s.index()]) else {
            continue;
        };
        if b.due.seconds <= mine.seconds || reported.contains(&(s, b.carrier)) {
            continue;
        }
        let at = |x: StepId| earliest_deadline(model.step(x), occasion, |a| due[a.index()]);
        if let (Some((_, own)), Some((_, theirs))) = (at(s), at(b.carrier)) {
            reported.push((s, b.carrier));
            out.push(diagnose(ctx, s, (mine, own.within), b, theirs.within));
        }
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
    let name = |s: StepId| ctx.model.step(s).named.name;
    let through = if bound.via == bound.carrier {
        Arg::Text(String::new())
    } else {
        Arg::Message(msg!("deadline-inversion-through", via = name(bound.via)))
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
