//! `unassigned-deputy`: the deputy of a role that owns a step has no holder
//! or a placeholder one.

use crate::check::holder::unassigned;
use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::i18n::msg;

pub const RULE: Rule = Rule {
    code: Code::UnassignedDeputy,
    default_severity: Some(Severity::Warning),
    summary: "the deputy of a role that owns a step has no holder, or a placeholder one",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    let mut owns = vec![false; model.roles.len()];
    for step in &model.steps {
        if let Some(owner) = step.owner {
            owns[owner.id.index()] = true;
        }
    }
    for id in model.role_ids() {
        let role = model.role(id);
        let Some(deputy_ref) = role.deputy.filter(|d| d.id != id) else {
            continue;
        };
        // A deputy that owns a step itself is `unassigned-role`'s to report.
        if !owns[id.index()] || owns[deputy_ref.id.index()] {
            continue;
        }
        let deputy = model.role(deputy_ref.id);
        let Some(primary) = unassigned(deputy, &ctx.config.placeholders) else {
            continue;
        };
        out.push(
            RULE.diagnostic(
                msg!(
                    "unassigned-deputy",
                    deputy = model.name(&deputy.named),
                    role = model.name(&role.named)
                ),
                primary,
            )
            .with_label(Label::new(
                deputy_ref.span,
                msg!("unassigned-deputy.acts", role = model.name(&role.named)),
            ))
            .with_help(msg!("unassigned-deputy.help", deputy = model.name(&deputy.named))),
        );
    }
}

const DOC: &str = r#"# unassigned-deputy

## What it means
A role owns at least one step and names a `deputy`, but the deputy's `holder` is missing or is a
placeholder (`"_____"`, `"×××"`, `"待定"`: see `unassigned-role` for the full list). A deputy that
owns a step itself is reported by `unassigned-role` instead, once.

## Why it matters
The deputy is who does the role's steps when its holder is away. A deputy that is a blank in the
template means that on the day the holder cannot be reached, the steps fall to nobody.

## Example
```
role leader "领导小组组长" { holder "张三"; deputy vice }
role vice "领导小组副组长" { holder "_____" }
step command "统一指挥" { owner leader; on mass_visit }
```

## Fix
```
role vice "领导小组副组长" { holder "李四" }
```
"#;
