//! `no-phone` (profile `management2024`): a role that owns a step with a
//! deadline has no `phone`, and neither has its deputy.

use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label};
use crate::i18n::msg;

pub const RULE: Rule = Rule {
    code: Code::NoPhone,
    default_severity: None,
    summary: "a role that owns a step with a deadline has no phone, and neither has its deputy (profile `management2024`)",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    for id in model.role_ids() {
        let role = model.role(id);
        if !role.phones.is_empty() {
            continue;
        }
        let Some(step) = model
            .steps
            .iter()
            .find(|s| s.owner.is_some_and(|o| o.id == id) && !s.deadlines().is_empty())
        else {
            continue;
        };
        // A deputy is an internal role (an external cannot act for one).
        let deputy = role.deputy.map(|d| model.role(d.id));
        if deputy.is_some_and(|d| !d.phones.is_empty()) {
            continue;
        }
        let name = model.name(&role.named);
        let (message, help) = match deputy {
            Some(d) => (
                msg!(
                    "no-phone-deputy",
                    role = name,
                    step = model.name(&step.named),
                    deputy = model.name(&d.named)
                ),
                msg!("no-phone.help-deputy", role = name, deputy = model.name(&d.named)),
            ),
            None => (
                msg!("no-phone", role = name, step = model.name(&step.named)),
                msg!("no-phone.help", role = name),
            ),
        };
        out.push(
            RULE.diagnostic(
                message,
                Label::new(role.named.name_span, msg!("no-phone.label")),
            )
            .with_label(Label::new(
                step.named.name_span,
                msg!("no-phone.step", role = name),
            ))
            .with_help(help),
        );
    }
}

const DOC: &str = r#"# no-phone

## What it means
A role owns a step with a deadline (`within`) but the plan gives it no `phone`, and its `deputy`
(if it has one) has none either: nobody knows how to reach whoever must act in time. Part of the
profile `management2024`.

## Why it matters
突发事件应急预案管理办法 (国办发〔2024〕5号) asks that the plan's working manual list the people
to contact and their numbers. A 10-minute deadline cannot be met when the duty officer has to look
up the number first. The research notes place this in its Art. 17; that article number was not
verified here, so the document alone is cited.

## Example
```
role office "信访工作办公室" { holder "李四"; escalates to leader within 10m }
```

## Fix
```
role office "信访工作办公室" {
  holder "李四"
  phone "值班室 0000-0000000"
  escalates to leader within 10m
}
```
"#;
