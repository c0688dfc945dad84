//! `no-deputy` (off by default): a role that owns a step with a `within`
//! deadline has no `deputy`.

use crate::check::{Context, Rule};
use crate::i18n::{msg};
use crate::diagnostic::{Findings, Code, Label};
use crate::model::StepId;

pub const RULE: Rule = Rule {
    code: Code::NoDeputy,
    default_severity: None,
    summary: "a role that owns a step with a `within` deadline has no `deputy`",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    // The first deadline step each role owns.
    let mut timed: Vec<Option<StepId>> = vec![None; model.roles.len()];
    for s in model.step_ids() {
        let step = model.step(s);
        if let (Some(owner), false) = (step.owner, step.deadlines().is_empty()) {
            timed[owner.id.index()].get_or_insert(s);
        }
    }
    for id in model.role_ids() {
        let role = model.role(id);
        // A `deputy` that did not resolve is already reported.
        let Some(s) = timed[id.index()].filter(|_| !role.deputy_written) else {
            continue;
        };
        let step = model.step(s);
        let Some(within) = step.deadlines().first().map(|d| d.within) else {
            continue;
        };
        out.push(
            RULE.diagnostic(
                msg!("no-deputy", role = model.name(&role.named)),
                Label::new(role.named.name_span, msg!("no-deputy.label")),
            )
            .with_label(Label::new(
                within.span,
                msg!("no-deputy.step", step = model.name(&step.named)),
            ))
            .with_help(msg!("no-deputy.help", role = model.name(&role.named))),
        );
    }
}

const DOC: &str = r#"# no-deputy

This check is off by default: turn it on by giving `no-deputy` a severity in `planc.toml`.

## What it means
A role owns a step that has a `within` deadline, but names no `deputy` to act when its holder is
unavailable. The diagnostic labels the role and the first such deadline.

## Why it matters
A deadline is met only if someone is there. Emergencies happen at night, on holidays, while the
组长 is travelling; a 10-minute step whose only owner is away is a missed step.

## Example
```
role office "信访工作办公室" { holder "李四"; escalates to leader }
step report "向组长通报情况" { owner office; on mass_visit; within 10m }
```

## Fix
```
role office "信访工作办公室" { holder "李四"; deputy liaison; escalates to leader }
```
"#;
