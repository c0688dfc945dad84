//! `notify-owner`: a step notifies its own owner.

use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::i18n::msg;
use crate::model::Party;

pub const RULE: Rule = Rule {
    code: Code::NotifyOwner,
    default_severity: Some(Severity::Warning),
    summary: "a step notifies its own owner",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    for step in &model.steps {
        let Some(owner) = step.owner else {
            continue;
        };
        let Some(notified) = step.notify().iter().find(|n| n.id == Party::Role(owner.id)) else {
            continue;
        };
        let name = model.name(&model.role(owner.id).named);
        out.push(
            RULE.diagnostic(
                msg!("notify-owner", step = model.name(&step.named), role = name),
                Label::new(notified.span, msg!("notify-owner.label")),
            )
            .with_label(Label::new(owner.span, msg!("notify-owner.owner", role = name)))
            .with_help(msg!("notify-owner.help")),
        );
    }
}

const DOC: &str = r#"# notify-owner

## What it means
A step lists its own `owner` under `notify`. The owner does the step, so telling it that the step
is done tells no one.

## Why it matters
`notify` is how a plan makes sure the people above or beside a step learn of it — the commander,
the superior authority. Naming the owner there is almost always a slip for someone else: the
report meant for 领导小组组长 goes nowhere.

## Example
```
step report "向组长报告" { owner office; on mass_visit; notify office }
```

## Fix
```
step report "向组长报告" { owner office; on mass_visit; notify leader }
```
"#;
