//! `future-date` (v1): a `last`, `reviewed` or `revision` date lies after
//! today. An `effective` date may lie ahead (a plan is often approved before
//! it comes into force).

use crate::calendar;
use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::i18n::msg;
use crate::syntax::ast::Date;

pub const RULE: Rule = Rule {
    code: Code::FutureDate,
    default_severity: Some(Severity::Error),
    summary: "a `last`, `reviewed` or `revision` date lies after today",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let Some(today) = ctx.config.today else {
        return;
    };
    // Each date with the statement it stands in and, for `last`, whose it is.
    let mut dates: Vec<(Date, &str, Option<&str>)> = Vec::new();
    if let Some(h) = &ctx.model.header {
        dates.extend(h.reviewed.map(|d| (d, "reviewed", None)));
        dates.extend(h.revisions.iter().map(|r| (r.date, "revision", None)));
    }
    for r in &ctx.model.routines {
        dates.extend(r.last.map(|d| (d, "last", Some(ctx.model.name(&r.named)))));
    }
    for (date, keyword, of) in dates {
        let Some(day) = calendar::date(date.year, date.month, date.day) else {
            continue; // a date that does not exist is a syntax error already
        };
        if day <= today {
            continue;
        }
        let (span, written, today) = (date.span, date.to_string(), today.to_string());
        let message = match of {
            Some(name) => msg!(
                "future-date-last",
                date = written,
                today = today.as_str(),
                name = name
            ),
            None => msg!(
                "future-date",
                keyword = keyword,
                date = written,
                today = today.as_str()
            ),
        };
        out.push(
            RULE.diagnostic(message, Label::new(span, msg!("future-date.label")))
                .with_help(msg!("future-date.help", today = today)),
        );
    }
}

const DOC: &str = r#"# future-date

## What it means
A date that records something already done lies after today: the `last` date of a `routine` or
`drill`, the `reviewed` date of the `plan` header, or the date of a `revision`. Today is the
date given with `planc check --today YYYY-MM-DD`, else the `SOURCE_DATE_EPOCH` environment
variable (a UTC date, for reproducible builds), else the computer's clock. An `effective` date
may lie ahead: a plan is often approved before it comes into force.

## Why it matters
A drill "last held" next year is a typing slip (usually the year) that hides an overdue drill,
and a revision record with future dates is not a record. Reviewers (评审) read these dates
first.

## Example
```
drill annual_drill "应急演练" { owner office; every 1y; last 2207-05-20 }
```

## Fix
```
drill annual_drill "应急演练" { owner office; every 1y; last 2025-05-20 }
```
"#;
