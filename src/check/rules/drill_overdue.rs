//! `drill-overdue` (profile `safety2019`): a drill's `last` plus its
//! `every` lies before today.

use crate::calendar;
use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label};
use crate::i18n::msg;

pub const RULE: Rule = Rule {
    code: Code::DrillOverdue,
    default_severity: None,
    summary: "a drill's `last` plus its `every` lies before today (profile `safety2019`)",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let Some(today) = ctx.config.today else {
        return;
    };
    for drill in ctx.model.routines.iter().filter(|r| r.drill) {
        let (Some(last), Some(every)) = (drill.last, drill.every) else {
            continue;
        };
        let Some(day) = calendar::date(last.year, last.month, last.day) else {
            continue;
        };
        // Years and months on the calendar (2023-03-15 + 1y = 2024-03-15,
        // 2024-01-31 + 1mo = 2024-02-29), the rest in whole days.
        let calendar = every.years * 365 * 86_400 + every.months * 30 * 86_400;
        let days = every.seconds.saturating_sub(calendar).div_ceil(86_400);
        let span = (|| {
            jiff::Span::new()
                .try_years(i64::try_from(every.years).ok()?)
                .ok()?
                .try_months(i64::try_from(every.months).ok()?)
                .ok()?
                .try_days(i64::try_from(days).ok()?)
                .ok()
        })();
        let Some(due) = span.and_then(|span| day.checked_add(span).ok()) else {
            continue; // beyond the calendar: never due
        };
        if due >= today {
            continue;
        }
        let (due, today, written) = (due.to_string(), today.to_string(), last.to_string());
        out.push(
            RULE.diagnostic(
                msg!(
                    "drill-overdue",
                    drill = ctx.model.name(&drill.named),
                    last = written.as_str(),
                    due = due.as_str(),
                    today = today.as_str()
                ),
                Label::new(last.span, msg!("drill-overdue.label", due = due.as_str())),
            )
            .with_help(msg!("drill-overdue.help", drill = ctx.model.name(&drill.named))),
        );
    }
}

const DOC: &str = r#"# drill-overdue

## What it means
A `drill` was last held (`last`) longer ago than its own interval (`every`): `last` plus `every`
lies before today, so the next drill is overdue. Today is `planc check --today`, else
`SOURCE_DATE_EPOCH`, else the computer's clock. Years and months of `every` are added on the
calendar, as a person counts them (last held 2025-05-28, `every 6mo`: due by 2025-11-28); weeks,
days and hours in whole days. A drill without `last` or `every` is not checked.
Part of the profile `safety2019`.

## Why it matters
生产安全事故应急预案管理办法 (2019), Art. 33, sets how often plans are drilled; a plan that
schedules a yearly drill and has not held it for two years does not meet it, whatever it says.
Reviewers ask for the record of the last drill.

## Example
```
drill annual_drill "应急演练" { owner office; with leader; every 1y; last 2024-05-20 }
```

## Fix
```
drill annual_drill "应急演练" { owner office; with leader; every 1y; last 2026-05-20 }
```
"#;
