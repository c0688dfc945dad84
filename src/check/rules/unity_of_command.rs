//! `unity-of-command` (profile `ics`): an internal role escalates to more
//! than one internal role.

use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label};
use crate::i18n::{Arg, msg};
use crate::model::{Party, RoleId};

pub const RULE: Rule = Rule {
    code: Code::UnityOfCommand,
    default_severity: None,
    summary: "an internal role escalates to more than one internal role (profile `ics`)",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    for id in model.role_ids() {
        let role = model.role(id);
        let mut bosses: Vec<(RoleId, crate::span::Span)> = Vec::new();
        for e in &role.escalations {
            if let Party::Role(to) = e.target.id
                && to != id
                && !bosses.iter().any(|(b, _)| *b == to)
            {
                bosses.push((to, e.span));
            }
        }
        if bosses.len() < 2 {
            continue;
        }
        let name = model.name(&role.named);
        let names = bosses.iter().map(|(b, _)| model.name(&model.role(*b).named));
        let mut diagnostic = RULE
            .diagnostic(
                msg!(
                    "unity-of-command",
                    role = name,
                    count = bosses.len(),
                    roles = Arg::names(names, 6)
                ),
                Label::new(role.named.name_span, msg!("unity-of-command.label")),
            )
            .with_help(msg!("unity-of-command.help", role = name));
        for (boss, span) in &bosses {
            diagnostic = diagnostic.with_label(Label::new(
                *span,
                msg!("unity-of-command.edge", to = model.name(&model.role(*boss).named)),
            ));
        }
        out.push(diagnostic);
    }
}

const DOC: &str = r#"# unity-of-command

## What it means
An internal role escalates (`escalates to`) to more than one internal role: it has several
supervisors. Escalating to outside authorities (`external`) as well is not counted, nor is a
deputy. Part of the profile `ics`, which also lowers the limit of `span-of-control` to 5.

## Why it matters
The Incident Command System (ICS, NIMS) rests on unity of command: every person reports to one
supervisor, so orders do not conflict and nobody is left out of the loop. A role with two bosses
gets two sets of orders, or none when each thinks the other gave them. Cited as ICS/NIMS
practice, without a clause.

## Example
```
role liaison "办公室联络员" { holder "赵六"; escalates to office within 10m; escalates to leader within 30m }
```

## Fix
```
role liaison "办公室联络员" { holder "赵六"; escalates to office within 10m }
```
"#;
