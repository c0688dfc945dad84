//! `disjoint-after` (v1): a step waits for steps that run only under
//! triggers that can never hold at the same time. The step is reachable
//! (facts change while an incident goes on), but only if the incident
//! passes through both situations; usually one step was meant per situation.
//! Found by `logic::joint` on the response schedule.

use crate::check::{Context, Rule, words};
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
use crate::logic::joint::{Disjoint, Need, Side, disjoint_after};
use crate::model::{StepId, TriggerId};
use crate::span::Span;

pub const RULE: Rule = Rule {
    code: Code::DisjointAfter,
    default_severity: Some(Severity::Warning),
    summary: "a step waits for steps that run only under triggers that can never hold at the same time",
    doc: DOC,
    run,
};

/// Triggers named in one message before the rest are counted.
const MAX_NAMES: usize = 4;

fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    if model.steps.is_empty() {
        return;
    }
    let analysis = ctx.analysis();
    let can_fire = |t: TriggerId| analysis.verdict(t).can_fire();
    let schedule = ctx.schedule();
    let reach = schedule.reach(model, can_fire);
    let conditions = ctx.conditions();
    for found in disjoint_after(model, schedule, &reach, can_fire, conditions) {
        out.push(diagnose(ctx, &found));
    }
}

/// How one side reads: "it starts on `high`" or "`a` runs only under `low`".
fn side_words(ctx: &Context, step: StepId, side: &Side) -> (String, Span) {
    let model = ctx.model;
    let triggers = |side: &Side| {
        words::names(
            side.triggers.iter().map(|t| model.trigger(*t).named.name),
            MAX_NAMES,
        )
    };
    let s = model.step(step);
    match side.need {
        Need::On => {
            let span = s.on.first().map_or(s.named.name_span, |r| r.span);
            (format!("it starts on {}", triggers(side)), span)
        }
        Need::After(p) => {
            let span = s
                .after
                .iter()
                .find(|r| r.id == p)
                .map_or(s.named.name_span, |r| r.span);
            let text = format!(
                "`{}` runs only under {}",
                model.step(p).named.name,
                triggers(side)
            );
            (text, span)
        }
    }
}

fn diagnose(ctx: &Context, found: &Disjoint) -> Diagnostic {
    let model = ctx.model;
    let step = model.step(found.step);
    let name = step.named.name;
    let sides: Vec<(String, Span)> = found
        .sides
        .iter()
        .map(|side| side_words(ctx, found.step, side))
        .collect();
    let triggers = |side: &Side| {
        words::names(
            side.triggers.iter().map(|t| model.trigger(*t).named.name),
            MAX_NAMES,
        )
    };
    let apart = if found.facts.is_empty() {
        String::new()
    } else {
        let facts: Vec<String> = found
            .facts
            .iter()
            .map(|f| {
                let fact = &model.fact(*f).named;
                format!("{} (`{}`)", fact.label.value, fact.name)
            })
            .collect();
        format!("; they differ in {}", facts.join(", "))
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
    let step_name = |p: StepId| model.step(p).named.name;
    let message = match (own, waited.as_slice()) {
        (Some(own), [(p, side)]) => format!(
            "step `{name}` starts on {} but waits for `{}`, which runs only under {}: these never hold at the same time{apart}",
            triggers(own),
            step_name(*p),
            triggers(side)
        ),
        (None, [(p, a), (q, b)]) => format!(
            "step `{name}` waits for `{}` and `{}`, which never run in the same situation: `{}` runs only under {} and `{}` only under {}{apart}",
            step_name(*p),
            step_name(*q),
            step_name(*p),
            triggers(a),
            step_name(*q),
            triggers(b)
        ),
        _ => {
            let said: Vec<&str> = sides.iter().map(|(text, _)| text.as_str()).collect();
            format!(
                "step `{name}` waits for steps that never all run in the same situation: {}{apart}",
                said.join("; ")
            )
        }
    };
    let mut d = Diagnostic::new(
        Code::DisjointAfter,
        message,
        Label::new(
            step.named.name_span,
            if found.sides.len() == 2 {
                "this step runs only if the incident passes through both situations"
            } else {
                "this step runs only if the incident passes through all these situations"
            },
        ),
    );
    for (text, span) in sides {
        d = d.with_label(Label::new(span, text));
    }
    d.with_help(format!(
        "if `{name}` belongs to each situation on its own, write one step per situation, each `after` the step of its own situation; if the incident is expected to pass from one situation to the other, the plan is right as written (allow this warning with `# planc: allow(disjoint-after)`)"
    ))
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
