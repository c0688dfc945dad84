//! `unreachable-step`: a step can never run. Whether it can is the response
//! schedule's answer (`logic::schedule::Schedule::reach`) for the triggers
//! that can each fire.

use crate::check::{Context, Rule};
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
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

fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
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
    let name = step.named.name;
    let trigger_name = |t: TriggerId| model.trigger(t).named.name;
    let step_name = |s: StepId| model.step(s).named.name;
    if step.on.is_empty() && step.after.is_empty() {
        return RULE.diagnostic(format!("step `{name}` can never run: it has neither `on` nor `after`"),
            Label::new(step.named.name_span, "nothing starts this step"),
        )
        .with_help(
            "add `on <trigger>` to start it when the plan is set off, or `after <step>` to run it once another step is done",
        );
    }
    // Every `on` trigger can never fire, or some `after` step can never run (or both).
    let dead_triggers = !step.on.is_empty()
        && step
            .on
            .iter()
            .all(|t| analysis.verdict(t.id).can_fire() == Some(false));
    let dead_preds: Vec<&Ref<StepId>> = step
        .after
        .iter()
        .filter(|p| reach[p.id.index()] == Reach::No)
        .collect();
    let message = match (dead_triggers, dead_preds.first()) {
        (true, _) if step.on.len() == 1 => format!(
            "step `{name}` can never run: its trigger `{}` can never fire",
            trigger_name(step.on[0].id)
        ),
        (true, _) => format!("step `{name}` can never run: none of its triggers can ever fire"),
        (false, Some(p)) => format!(
            "step `{name}` can never run: it comes after `{}`, which can never run",
            step_name(p.id)
        ),
        (false, None) => format!("step `{name}` can never run"),
    };
    let mut d = RULE.diagnostic(message,
        Label::new(step.named.name_span, "this step never runs"),
    );
    if dead_triggers {
        for t in &step.on {
            let why = match analysis.verdict(t.id) {
                Verdict::Unsatisfiable(u) if !u.because_of.is_empty() => format!(
                    "`{}` can never fire: it needs `{}`, which never can",
                    trigger_name(t.id),
                    trigger_name(u.because_of[0].id)
                ),
                _ => format!("`{}` can never fire", trigger_name(t.id)),
            };
            d = d.with_label(Label::new(t.span, why));
        }
    }
    for p in &dead_preds {
        d = d.with_label(Label::new(
            p.span,
            format!("`{}` never runs", step_name(p.id)),
        ));
    }
    let help = match (dead_triggers, dead_preds.first()) {
        (true, _) => "correct the trigger's condition (see `unsatisfiable-trigger`), or start the step `on` a trigger that can fire".to_string(),
        (false, Some(p)) => format!(
            "`after` waits for every step it names: make `{}` able to run, or take it out of `after`",
            step_name(p.id)
        ),
        (false, None) => "start it `on` a trigger that can fire".to_string(),
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
