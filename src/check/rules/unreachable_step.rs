//! `unreachable-step`: a step can never run. Whether it can is the response
//! schedule's answer (`logic::schedule::Schedule::reach`) for the triggers
//! that can each fire.

use crate::check::{Context, Rule};
use crate::i18n::{msg};
use crate::diagnostic::{Findings, Code, Diagnostic, Label, Severity};
use crate::logic::schedule::Reach;
use crate::logic::{Analysis, Verdict};
use crate::model::{Ref, Step, StepId, TriggerId};

pub const RULE: Rule = Rule {
    code: Code::UnreachableStep,
    default_severity: Some(Severity::Error),
    summary: "a step can never run: no trigger that can fire sets it off, or a step it waits for never runs",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    if model.steps.is_empty() {
        return;
    }
    let analysis = ctx.analysis();
    let reach = ctx
        .schedule()
        .reach(model, |t| analysis.verdict(t).can_fire());
    for s in model.step_ids() {
        if reach[s.index()] == Reach::No {
            out.push(diagnostic(ctx, model.step(s), &reach, analysis));
        }
    }
}

fn diagnostic(ctx: &Context, step: &Step, reach: &[Reach], analysis: &Analysis) -> Diagnostic {
    let model = ctx.model;
    let name = model.name(&step.named);
    let trigger_name = |t: TriggerId| model.name(&model.trigger(t).named);
    let step_name = |s: StepId| model.name(&model.step(s).named);
    let on = model.on_refs(step);
    if on.is_empty() && step.after.is_empty() {
        return RULE
            .diagnostic(
                msg!("unreachable-step-unstarted", step = name),
                Label::new(
                    step.named.name_span,
                    msg!("unreachable-step-unstarted.label"),
                ),
            )
            .with_help(msg!("unreachable-step-unstarted.help"));
    }
    // Every `on` trigger can never fire, or some `after` step can never run (or both).
    let dead_triggers = !on.is_empty()
        && on
            .iter()
            .all(|t| analysis.verdict(t.id).can_fire() == Some(false));
    let dead_preds: Vec<&Ref<StepId>> = step
        .after
        .iter()
        .filter(|p| reach[p.id.index()] == Reach::No)
        .collect();
    let message = match (dead_triggers, dead_preds.first()) {
        (true, _) if on.len() == 1 => msg!(
            "unreachable-step-trigger",
            step = name,
            trigger = trigger_name(on[0].id)
        ),
        (true, _) => msg!("unreachable-step-triggers", step = name),
        (false, Some(p)) => msg!(
            "unreachable-step-after",
            step = name,
            before = step_name(p.id)
        ),
        (false, None) => msg!("unreachable-step", step = name),
    };
    let mut d = RULE.diagnostic(
        message,
        Label::new(step.named.name_span, msg!("unreachable-step.label")),
    );
    if dead_triggers {
        for t in &on {
            let why = match analysis.verdict(t.id) {
                Verdict::Unsatisfiable(u) if !u.because_of.is_empty() => msg!(
                    "unreachable-step.trigger-needs",
                    trigger = trigger_name(t.id),
                    needed = trigger_name(u.because_of[0].id)
                ),
                _ => msg!("unreachable-step.trigger", trigger = trigger_name(t.id)),
            };
            d = d.with_label(Label::new(t.span, why));
        }
    }
    for p in &dead_preds {
        d = d.with_label(Label::new(
            p.span,
            msg!("unreachable-step.before", before = step_name(p.id)),
        ));
    }
    let help = match (dead_triggers, dead_preds.first()) {
        (true, _) => msg!("unreachable-step.help-trigger"),
        (false, Some(p)) => msg!("unreachable-step.help-after", before = step_name(p.id)),
        (false, None) => msg!("unreachable-step.help"),
    };
    d.with_help(help)
}

const DOC: &str = r#"# unreachable-step

## What it means
A step runs when one of its `on` triggers fires — `on` limits a step also when it has `after` — and
every step it names in `after` runs; a step without `on` runs whenever the steps it waits for run.
This check fires when no trigger that can fire makes that happen:

- it has neither `on` nor `after`;
- every trigger in its `on` can never fire (see `unsatisfiable-trigger`; the triggers are labelled);
- a step it comes `after` can never run (that step is labelled): `after` waits for all of them.

The triggers need not fire at the same moment: facts change while an incident goes on. A step that
waits for steps of situations that never hold at once is reachable, and gets the warning
`disjoint-after` instead.

A step whose `on`/`after` names did not resolve (already reported as `undefined-name` or
`wrong-kind`), or that is in an `after` loop (reported as `step-cycle`), is not reported here, nor
are the steps after it on its account.

## Why it matters
A step that never runs is a duty that nobody will be asked to carry out on the bad day, although the
plan looks complete on paper. Usually a forgotten `on` or a trigger that cannot fire.

## Example
```
trigger mass_visit "集体上访" when visitors >= 50
step report "向组长通报情况" { owner office; within 10m }
step calm "劝解疏导" { owner office; after report }
```
`report` has neither `on` nor `after`, so `report` never runs, and neither does `calm`.

## Fix
```
step report "向组长通报情况" { owner office; on mass_visit; within 10m }
```
"#;
