//! `missing-kind` (profile `gbt29639`): the `plan` header has no `kind`.

use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label};
use crate::i18n::msg;

pub const RULE: Rule = Rule {
    code: Code::MissingKind,
    default_severity: None,
    summary: "the `plan` header has no `kind` (profile `gbt29639`)",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let Some(header) = &ctx.model.header else {
        return; // missing-plan-header reports it
    };
    if header.kind.is_some() {
        return;
    }
    out.push(
        RULE.diagnostic(
            msg!("missing-kind"),
            Label::new(header.span, msg!("missing-kind.label")),
        )
        .with_help(msg!("missing-kind.help")),
    );
}

const DOC: &str = r#"# missing-kind

## What it means
The `plan` header does not say which kind of plan this is: `kind comprehensive` (综合应急预案),
`kind special` (专项应急预案) or `kind onsite` (现场处置方案). Part of the profile `gbt29639`.

## Why it matters
GB/T 29639-2020 5.1 divides a unit's plans into these three kinds, and each kind has its own
required contents (chapters 6, 7 and 8). A reviewer first asks which kind a plan is; planc needs
to know it to check the required elements (`missing-element`) and the drill frequency
(`drill-frequency`).

## Example
```
plan "XX预案" { issuer "XX站" }
```

## Fix
```
plan "XX预案" { issuer "XX站"; kind special }
```
"#;
