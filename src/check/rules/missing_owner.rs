//! `missing-owner`: a step or routine has no `owner`.

use crate::check::{Context, Rule};
use crate::i18n::{msg};
use crate::diagnostic::{Findings, Code, Label, Severity};

pub const RULE: Rule = Rule {
    code: Code::MissingOwner,
    default_severity: Some(Severity::Error),
    summary: "a step or routine has no `owner`",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let steps = ctx
        .model
        .steps
        .iter()
        .filter(|s| !s.owner_written)
        .map(|s| (&s.named, msg!("missing-owner-step")));
    let routines = ctx
        .model
        .routines
        .iter()
        .filter(|r| !r.owner_written)
        .map(|r| {
            let kind = if r.drill {
                msg!("missing-owner-drill")
            } else {
                msg!("missing-owner-routine")
            };
            (&r.named, kind)
        });
    for (named, kind) in steps.chain(routines) {
        out.push(
            RULE.diagnostic(
                msg!("missing-owner", kind = kind, name = ctx.model.name(named)),
                Label::new(named.name_span, msg!("missing-owner.label")),
            )
            .with_help(msg!("missing-owner.help", name = ctx.model.name(named))),
        );
    }
}

const DOC: &str = r#"# missing-owner

## What it means
Every `step`, `routine` and `drill` needs exactly one `owner`: an internal role that answers for it
being done. Others may take part with `with`.

## Why it matters
A step everybody takes part in and nobody owns is the step that is not done. "相关部门配合" with no
one in charge is the most common gap in written plans.

## Example
```
step report "立即向领导小组组长通报情况" { on mass_visit; within 10m }
```

## Fix
```
step report "立即向领导小组组长通报情况" { owner office; on mass_visit; within 10m }
```
"#;
