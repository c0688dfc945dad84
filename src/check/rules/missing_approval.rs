//! `missing-approval` (profile `gbt29639`): the `plan` header has no `approver`.

use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label};
use crate::i18n::msg;

pub const RULE: Rule = Rule {
    code: Code::MissingApproval,
    default_severity: None,
    summary: "the `plan` header has no `approver` (profile `gbt29639`)",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let Some(header) = &ctx.model.header else {
        return;
    };
    if header.approver.is_some() {
        return;
    }
    out.push(
        RULE.diagnostic(
            msg!("missing-approval"),
            Label::new(header.span, msg!("missing-approval.label")),
        )
        .with_help(msg!("missing-approval.help")),
    );
}

const DOC: &str = r#"# missing-approval

## What it means
The `plan` header names no `approver`: nobody is recorded as having approved and signed the plan
(批准人). Part of the profile `gbt29639`.

## Why it matters
GB/T 29639-2020 annex C.2 (批准页): a plan is issued only once the unit's principal head has
approved it. An unapproved plan is a draft, whatever its date says, and reviewers reject it at the
formal review (形式评审).

## Example
```
plan "XX预案" { issuer "XX站" }
```

## Fix
```
plan "XX预案" { issuer "XX站"; approver "站长 张三" }
```
"#;
