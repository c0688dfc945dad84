//! `missing-plan-header`: no `plan` header, more than one, or one inside a section.

use crate::check::{Context, Rule};
use crate::i18n::msg;
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::model::Problem;
use crate::span::Span;

pub const RULE: Rule = Rule {
    code: Code::MissingPlanHeader,
    default_severity: Some(Severity::Error),
    summary: "the file has no `plan` header, or more than one",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for problem in &ctx.model.problems {
        let d = match problem {
            Problem::NoHeader => RULE
                .diagnostic(
                    msg!("missing-plan-header-none"),
                    Label::new(Span::new(0, 0), msg!("missing-plan-header-none.label")),
                )
                .with_help(msg!("missing-plan-header-none.help")),
            Problem::ExtraHeader(extra) => RULE
                .diagnostic(
                    msg!("missing-plan-header-extra"),
                    Label::new(extra.extra, msg!("missing-plan-header-extra.label")),
                )
                .with_label(Label::new(
                    extra.first,
                    msg!("missing-plan-header-extra.first"),
                ))
                .with_help(msg!("missing-plan-header-extra.help")),
            Problem::NestedHeader { span } => RULE
                .diagnostic(
                    msg!("missing-plan-header-nested"),
                    Label::new(*span, msg!("missing-plan-header-nested.label")),
                )
                .with_help(msg!("missing-plan-header-nested.help")),
            _ => continue,
        };
        out.push(d);
    }
}

const DOC: &str = r#"# missing-plan-header

## What it means
Every plan file holds exactly one `plan` header, at top level: the title, who issues the plan,
its date, its legal basis and scope, and optionally its `commander`. This check fires when there
is none, when there is more than one, or when the header stands inside a `section`.

## Why it matters
The header says which plan a checklist belongs to and which version is in force. A file with two
headers is two plans glued together: readers cannot tell which rules apply.

## Example
```
role leader "领导小组组长" { holder "_____" }
```

## Fix
```
plan "XX运管站信访应急预案" {
  issuer "XX市道路运输管理站"
  date 2015-09-11
  commander leader
}
role leader "领导小组组长" { holder "_____" }
```
"#;
