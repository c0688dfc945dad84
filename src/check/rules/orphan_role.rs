//! `orphan-role`: an internal role that nothing in the plan gives a part.

use crate::check::mentions::Mentions;
use crate::check::{Context, Rule};
use crate::i18n::{msg};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::model::{Model, Party, Ref};

pub const RULE: Rule = Rule {
    code: Code::OrphanRole,
    default_severity: Some(Severity::Warning),
    summary: "an internal role owns no step or routine, takes part in none, is notified of none, and no role escalates to it",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let used = used_roles(ctx.model);
    let mentions = Mentions::of(ctx.model);
    for id in ctx.model.role_ids() {
        let named = &ctx.model.role(id).named;
        if used[id.index()] || mentions.covers(named) {
            continue;
        }
        out.push(
            RULE.diagnostic(
                msg!("orphan-role", role = ctx.model.name(named)),
                Label::new(named.name_span, msg!("orphan-role.label")),
            )
            .with_help(msg!("orphan-role.help", role = ctx.model.name(named))),
        );
    }
}

/// Whether each role is given a part. A role naming itself (escalating to
/// itself, its own deputy or member) does not count.
fn used_roles(model: &Model) -> Vec<bool> {
    let mut used = vec![false; model.roles.len()];
    let mut mark = |party: Party| {
        if let Party::Role(r) = party {
            used[r.index()] = true;
        }
    };
    for step in &model.steps {
        step.owner.iter().for_each(|o| mark(Party::Role(o.id)));
        step.with()
            .iter()
            .chain(step.notify())
            .for_each(|p| mark(p.id));
    }
    for routine in &model.routines {
        routine.owner.iter().for_each(|o| mark(Party::Role(o.id)));
        routine.with.iter().for_each(|p| mark(p.id));
    }
    if let Some(c) = model.header.as_ref().and_then(|h| h.commander) {
        mark(Party::Role(c.id));
    }
    for id in model.role_ids() {
        let role = model.role(id);
        let by_others = |p: &&Ref<Party>| p.id != Party::Role(id);
        let escalations = role.escalations.iter().map(|e| &e.target);
        escalations
            .chain(&role.members)
            .filter(by_others)
            .for_each(|p| mark(p.id));
        if let Some(d) = role.deputy.filter(|d| d.id != id) {
            mark(Party::Role(d.id));
        }
    }
    used
}

const DOC: &str = r#"# orphan-role

## What it means
An internal `role` that the rest of the plan never gives a part: it owns no step, routine or
drill, takes part in none (`with`), is notified by no step (`notify`), and no other role escalates
to it. Being the plan's `commander`, another role's `deputy` or a member of a unit (`members`) also
counts as a part: a member of the leading group is not an orphan. A role that only escalates to
others, or only names itself, is still an orphan.

## Why it matters
A role defined and never used is either left over from an earlier draft or, worse, a job the plan
meant to hand out and forgot: the 联络员 who is named in the organisation chart but never told to
do anything on the day.

## Example
```
role liaison "办公室联络员" { holder "王五"; escalates to office }
```
No step, routine, `notify` or `escalates to` names `liaison`.

## Fix
```
step liaise "通知家属赴现场劝导" { owner liaison; after to_scene }
```
"#;
