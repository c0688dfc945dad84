//! `unassigned-role`: an internal role that owns a step has no `holder`, or a
//! placeholder one.

use crate::check::holder::unassigned;
use crate::check::{Context, Rule};
use crate::i18n::{msg};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::model::StepId;

pub const RULE: Rule = Rule {
    code: Code::UnassignedRole,
    default_severity: Some(Severity::Warning),
    summary: "an internal role that owns a step has no `holder`, or a placeholder one",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    let mut owned: Vec<Vec<StepId>> = vec![Vec::new(); model.roles.len()];
    for s in model.step_ids() {
        if let Some(owner) = model.step(s).owner {
            owned[owner.id.index()].push(s);
        }
    }
    for id in model.role_ids() {
        let steps = &owned[id.index()];
        let Some(&first) = steps.first() else {
            continue;
        };
        let role = model.role(id);
        let Some(primary) = unassigned(role, &ctx.config.placeholders) else {
            continue;
        };
        let first_step = model.step(first);
        let owner_span = first_step
            .owner
            .map_or(first_step.named.name_span, |o| o.span);
        out.push(
            RULE.diagnostic(
                msg!(
                    "unassigned-role",
                    role = model.name(&role.named),
                    count = steps.len()
                ),
                primary,
            )
            .with_label(Label::new(
                owner_span,
                msg!("unassigned-role.step", step = model.name(&first_step.named)),
            ))
            .with_help(msg!("unassigned-role.help", role = model.name(&role.named))),
        );
    }
}

const DOC: &str = r#"# unassigned-role

## What it means
An internal role owns at least one step, but its `holder` is missing or is a placeholder rather
than a person or post. A holder is a placeholder when it is empty or white space, or contains a
run of two or more of `_ ＿ * × X ○ 〇 某 .` (also `＊ x Ｘ ｘ ．`), an ellipsis `…`, or the word
`待定` or `TBD` in any case, bracketed or not: `"_____"`, `"×××"`, `"XXX同志"`, `"某某"`,
`"（待定）"`, `"tbd"`. A real name with one such mark (`"X光室主任"`) is a name. Further
placeholder texts can be listed under `placeholders` in `planc.toml`. Roles that own only
routines or drills, or nothing, are not checked; the deputy of a role that owns a step is
checked by `unassigned-deputy`.

## Why it matters
Plans are often copied from a template with the names left blank: "组长: _____". A step whose
owner is a blank is done by nobody on the day; the blank must be filled before the plan is
issued.

## Example
```
role leader "领导小组组长" { holder "_____" }
step command "统一指挥" { owner leader; after report }
```

## Fix
```
role leader "领导小组组长" { holder "张三(站长)" }
```
"#;
