//! `disjoint-after` (v1): a step waits for steps that run only under
//! triggers that can never hold at the same time. The step is reachable
//! (facts change while an incident goes on), but only if the incident
//! passes through both situations; usually one step was meant per situation.
//! Found by `logic::joint` on the response schedule.

use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Diagnostic, Label, Severity};
use crate::i18n::{Arg, msg};
use crate::logic::joint::{Disjoint, Need, Side, disjoint_after};
use crate::model::{StepId, TriggerId};

pub const RULE: Rule = Rule {
    code: Code::DisjointAfter,
    default_severity: Some(Severity::Warning),
    summary: "a step waits for steps that run only under triggers that can never hold at the same time",
    doc: DOC,
    run,
};

/// Triggers named in one message before the rest are counted.
const MAX_NAMES: usize = 4;

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    if model.steps.is_empty() {
        return;
    }
    let analysis = ctx.analysis();
    let can_fire = |t: TriggerId| analysis.verdict(t).can_fire();
    let schedule = ctx.schedule();
    let reach = schedule.reach(model, can_fire);
    let conditions = ctx.conditions();
    let found = ctx.one_large_job_at_a_time(|| {
        disjoint_after(model, schedule, &reach, can_fire, conditions)
    });
    for found in found {
        out.push(diagnose(ctx, &found));
    }
}

/// The triggers of one side, as names.
fn triggers(ctx: &Context, side: &Side) -> Arg {
    let names = side.triggers.iter().map(|t| ctx.model.name(&ctx.model.trigger(*t).named));
    Arg::names(names, MAX_NAMES)
}

/// The label of one side, at the `on` or `after` name it stands for.
fn side_label(ctx: &Context, step: StepId, side: &Side) -> Label {
    let model = ctx.model;
    let s = model.step(step);
    match side.need {
        Need::On => {
            let span = model.on(s).next().map_or(s.named.name_span, |r| r.span);
            Label::new(
                span,
                msg!("disjoint-after.on", triggers = triggers(ctx, side)),
            )
        }
        Need::After(p) => {
            let span = s
                .after
                .iter()
                .find(|r| r.id == p)
                .map_or(s.named.name_span, |r| r.span);
            Label::new(
                span,
                msg!(
                    "disjoint-after.after",
                    before = model.name(&model.step(p).named),
                    triggers = triggers(ctx, side)
                ),
            )
        }
    }
}

fn diagnose(ctx: &Context, found: &Disjoint) -> Diagnostic {
    let model = ctx.model;
    let step = model.step(found.step);
    let name = model.name(&step.named);
    let apart = if found.facts.is_empty() {
        Arg::from("")
    } else {
        let facts = found.facts.iter().map(|f| model.name(&model.fact(*f).named));
        Arg::from(msg!("disjoint-after-apart", facts = Arg::names(facts, MAX_NAMES)))
    };
    let own = found.sides.iter().find(|s| s.need == Need::On);
    let waited: Vec<(StepId, &Side)> = found
        .sides
        .iter()
        .filter_map(|s| match s.need {
            Need::After(p) => Some((p, s)),
            Need::On => None,
        })
        .collect();
    let step_name = |p: StepId| model.name(&model.step(p).named);
    let message = match (own, waited.as_slice()) {
        (Some(own), [(p, side)]) => msg!(
            "disjoint-after-on",
            step = name,
            own = triggers(ctx, own),
            before = step_name(*p),
            triggers = triggers(ctx, side),
            apart = apart
        ),
        (None, [(p, a), (q, b)]) => msg!(
            "disjoint-after",
            step = name,
            first = step_name(*p),
            second = step_name(*q),
            first_triggers = triggers(ctx, a),
            second_triggers = triggers(ctx, b),
            apart = apart
        ),
        _ => msg!(
            "disjoint-after-many",
            step = name,
            steps = Arg::names(waited.iter().map(|(p, _)| step_name(*p)), MAX_NAMES),
            apart = apart
        ),
    };
    let primary = if found.sides.len() == 2 {
        msg!("disjoint-after.label")
    } else {
        msg!("disjoint-after.label-many")
    };
    let mut d = RULE.diagnostic(message, Label::new(step.named.name_span, primary));
    for side in &found.sides {
        d = d.with_label(side_label(ctx, found.step, side));
    }
    d.with_help(msg!("disjoint-after.help", step = name))
}

const DOC: &str = r#"# disjoint-after

## What it means
A step waits (`after`) for steps that run only under triggers that can never hold at the same
time — for example one step runs when fewer than 10 people came and another when 50 or more did,
and a third step waits for both. Or the step itself starts `on` one trigger and waits for a step
that runs only under another that excludes it.

The step is not unreachable: facts change while an incident goes on (a crowd grows, the kind of
act becomes known), so the incident may pass through both situations, and then the step runs.
But that is rarely what the author meant. The diagnostic names the steps, the triggers they run
under and the facts that tell the situations apart.

The triggers a step runs under are those that set it off: its `on`, or, without `on`, those of
the steps it waits for (what `planc simulate` lists as "set off by"). The check fires when no
choice of one trigger from the step's own `on` and one from each step it waits for can hold at the
same time. It is reported at the step where the conflict first arises; steps after it are not
reported again. A condition that could not be decided is not reported.

## Why it matters
On the day, the step waits for something that does not happen in the situation at hand, and
nobody does it. Typically one step was written for two situations that should each have had their
own follow-up.

## Example
```
trigger small "少量人员聚集" when visitors < 10
trigger large "大规模聚集" when visitors >= 50
step talk "当面劝解" { owner office; on small }
step cordon "设置警戒" { owner office; on large }
step report "报告处置结果" { owner office; after talk, cordon }
```

## Fix
```
step report "报告劝解结果" { owner office; after talk }
step report_large "报告处置结果" { owner office; after cordon }
```
"#;
