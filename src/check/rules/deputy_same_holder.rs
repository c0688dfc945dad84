//! `deputy-same-holder`: a role and its deputy have the same holder (not a
//! placeholder).

use crate::check::holder::{is_placeholder, normalised};
use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::i18n::msg;

pub const RULE: Rule = Rule {
    code: Code::DeputySameHolder,
    default_severity: Some(Severity::Warning),
    summary: "a role and its deputy have the same holder",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    let extra = &ctx.config.placeholders;
    for id in model.role_ids() {
        let role = model.role(id);
        let Some(deputy_ref) = role.deputy.filter(|d| d.id != id) else {
            continue;
        };
        let deputy = model.role(deputy_ref.id);
        let (Some(mine), Some(theirs)) = (&role.holder, &deputy.holder) else {
            continue;
        };
        if is_placeholder(&mine.value, extra) || normalised(&mine.value) != normalised(&theirs.value)
        {
            continue;
        }
        let holder = normalised(&mine.value);
        out.push(
            RULE.diagnostic(
                msg!(
                    "deputy-same-holder",
                    role = model.name(&role.named),
                    deputy = model.name(&deputy.named),
                    holder = holder.as_str()
                ),
                Label::new(
                    theirs.span,
                    msg!("deputy-same-holder.label", deputy = model.name(&deputy.named)),
                ),
            )
            .with_label(Label::new(
                mine.span,
                msg!(
                    "deputy-same-holder.principal",
                    role = model.name(&role.named),
                    holder = holder.as_str()
                ),
            ))
            .with_label(Label::new(
                deputy_ref.span,
                msg!("deputy-same-holder.named"),
            ))
            .with_help(msg!(
                "deputy-same-holder.help",
                role = model.name(&role.named),
                deputy = model.name(&deputy.named)
            )),
        );
    }
}

const DOC: &str = r#"# deputy-same-holder

## What it means
A role's `deputy` is held by the same person as the role itself: `holder "张三"` on both. Holders
are compared as written, white space aside (`"张 三"` is `"张三"`); placeholders (`"_____"`, `"待定"`, see
`unassigned-role`) are not compared. The diagnostic sits at the deputy's holder.

## Why it matters
The deputy is who acts when the holder is away. If both are the same person, the role has no
stand-in: when 张三 is on leave, neither the role nor its deputy is filled. This happens when a
plan is updated after a change of posts and one name is copied into two places.

## Example
```
role leader "领导小组组长" { holder "张三"; deputy vice }
role vice "领导小组副组长" { holder "张三" }
```

## Fix
```
role leader "领导小组组长" { holder "张三"; deputy vice }
role vice "领导小组副组长" { holder "李四" }
```
"#;
