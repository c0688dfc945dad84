//! `future-date` (v1): a `last`, `reviewed` or `revision` date lies after
//! today. An `effective` date may lie ahead (a plan is often approved before
//! it comes into force).

use crate::calendar;
use crate::check::{Context, Rule};
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
use crate::syntax::ast::Date;

pub const RULE: Rule = Rule {
    code: Code::FutureDate,
    default_severity: Some(Severity::Error),
    summary: "a `last`, `reviewed` or `revision` date lies after today",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(today) = ctx.config.today else {
        return;
    };
    let mut dates: Vec<(Date, &str, String)> = Vec::new();
    if let Some(h) = &ctx.model.header {
        if let Some(d) = h.reviewed {
            dates.push((d, "reviewed", "the last evaluation of the plan".into()));
        }
        for r in &h.revisions {
            dates.push((r.date, "revision", "a line of the revision record".into()));
        }
    }
    for r in &ctx.model.routines {
        if let Some(d) = r.last {
            let what = if r.drill { "drill" } else { "routine" };
            dates.push((d, "last", format!("when {what} `{}` was last done", r.named.name)));
        }
    }
    for (date, keyword, what) in dates {
        let Some(day) = calendar::date(date.year, date.month, date.day) else {
            continue; // a date that does not exist is a syntax error already
        };
        if day <= today {
            continue;
        }
        let written = date.to_string();
        out.push(
            RULE.diagnostic(
                format!("`{keyword} {written}` lies after today ({today}): {what} cannot be in the future"),
                Label::new(date.span, "after today"),
            )
            .with_help(format!(
                "write the date it really happened (check the year); if today is not {today}, give the date with `planc check --today YYYY-MM-DD`"
            )),
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
