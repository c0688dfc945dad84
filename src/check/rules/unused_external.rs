//! `unused-external`: an external is never referenced.

use crate::check::mentions::Mentions;
use crate::check::{Context, Rule};
use crate::i18n::{msg};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::model::{Model, Party};

pub const RULE: Rule = Rule {
    code: Code::UnusedExternal,
    default_severity: Some(Severity::Warning),
    summary: "an external is never referenced",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let used = used_externals(ctx.model);
    let mentions = Mentions::of(ctx.model);
    for (i, external) in ctx.model.externals.iter().enumerate() {
        let named = &external.named;
        if used[i] || mentions.covers(named) {
            continue;
        }
        out.push(
            RULE.diagnostic(
                msg!("unused-external", external = ctx.model.name(named)),
                Label::new(named.name_span, msg!("unused-external.label")),
            )
            .with_help(msg!("unused-external.help", external = ctx.model.name(named))),
        );
    }
}

/// Whether each external is named in an `escalates to`, `notify`, `with` or
/// `members`.
fn used_externals(model: &Model) -> Vec<bool> {
    let mut used = vec![false; model.externals.len()];
    let mut mark = |party: Party| {
        if let Party::External(e) = party {
            used[e.index()] = true;
        }
    };
    for step in &model.steps {
        step.with()
            .iter()
            .chain(step.notify())
            .for_each(|p| mark(p.id));
    }
    for routine in &model.routines {
        routine.with.iter().for_each(|p| mark(p.id));
    }
    for role in &model.roles {
        let escalations = role.escalations.iter().map(|e| &e.target);
        escalations
            .chain(&role.members)
            .for_each(|p| mark(p.id));
    }
    used
}

const DOC: &str = r#"# unused-external

## What it means
An `external` (an authority outside the plan: the police, a superior department, the families)
is defined but never named: no role escalates to it, no step or routine has it in `with` or
`notify`, and no role has it among its `members`. (An external named as a `deputy` is a
`wrong-kind` error, and counts as named.)

## Why it matters
Outside authorities are listed in a plan because someone must call them. One that no statement
names is a call nobody is told to make: the plan lists 公安机关 and no step ever notifies them.

## Example
```
external police "公安机关" { phone "110" }
step keep_order "维护现场秩序" { owner scene; on mass_visit }
```

## Fix
```
step keep_order "维护现场秩序" { owner scene; on mass_visit; notify police }
```
"#;
