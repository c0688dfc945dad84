//! `no-drill`: the plan has no `drill`.

use crate::check::{Context, Rule};
use crate::i18n::{msg};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::span::Span;

pub const RULE: Rule = Rule {
    code: Code::NoDrill,
    default_severity: Some(Severity::Warning),
    summary: "the plan has no `drill`",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    if ctx.model.routines.iter().any(|r| r.drill) {
        return;
    }
    // At the `plan` keyword, or at the start of a file that has none.
    let span = ctx
        .model
        .header
        .as_ref()
        .map_or(Span::new(0, 0), |h| h.span);
    out.push(
        RULE.diagnostic(msg!("no-drill"), Label::new(span, msg!("no-drill.label")))
            .with_help(msg!("no-drill.help")),
    );
}

const DOC: &str = r#"# no-drill

## What it means
The plan schedules no `drill`: no exercise in which the people named in it practise it. The
diagnostic points at the `plan` header.

## Why it matters
A plan nobody has practised fails on first use: the phone number is wrong, the deputy does not
know they are the deputy, the 10-minute report takes an hour. Regulations on emergency plans
(e.g. 《突发事件应急预案管理办法》) require plans to be exercised regularly.

## Example
```
plan "XX预案" { issuer "XX站"; commander leader }
routine screening "隐患排查" { owner office; every 1mo }
```

## Fix
```
drill annual_drill "信访突发事件应急演练" { owner office; with leader; every 1y }
```
"#;
