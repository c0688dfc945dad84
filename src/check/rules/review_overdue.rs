//! `review-overdue` (profile `management2024`): the plan's last evaluation
//! (`reviewed`, else its `date`) is more than 3 years before today.

use jiff::ToSpan;

use crate::calendar;
use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label};
use crate::i18n::msg;
use crate::profiles::REVIEW_YEARS;

pub const RULE: Rule = Rule {
    code: Code::ReviewOverdue,
    default_severity: None,
    summary: "the last evaluation (`reviewed`, else `date`) is more than 3 years before today (profile `management2024`)",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let (Some(today), Some(header)) = (ctx.config.today, &ctx.model.header) else {
        return; // without today's date, date checks stay quiet
    };
    let (date, keyword) = match (header.reviewed, header.date) {
        (Some(reviewed), _) => (reviewed, "reviewed"),
        (None, Some(date)) => (date, "date"),
        (None, None) => return,
    };
    let Some(last) = calendar::date(date.year, date.month, date.day) else {
        return;
    };
    let Ok(due) = last.checked_add(REVIEW_YEARS.years()) else {
        return;
    };
    if due >= today {
        return;
    }
    let (written, due, today) = (date.to_string(), due.to_string(), today.to_string());
    out.push(
        RULE.diagnostic(
            msg!(
                "review-overdue",
                keyword = keyword,
                date = written.as_str(),
                due = due.as_str(),
                today = today.as_str()
            ),
            Label::new(date.span, msg!("review-overdue.label", due = due.as_str())),
        )
        .with_help(msg!("review-overdue.help")),
    );
}

const DOC: &str = r#"# review-overdue

## What it means
The plan was last evaluated (评估) more than 3 years before today: its `reviewed` date, or, when
it has none, its `date`, plus 3 years lies before today. Today is `planc check --today`, else
`SOURCE_DATE_EPOCH`, else the computer's clock; 3 years are counted on the calendar (2023-06-30
is due by 2026-06-30). Part of the profile `management2024`.

## Why it matters
突发事件应急预案管理办法 (国办发〔2024〕5号) asks units to evaluate their plans regularly, at
least every 3 years, and to revise them when the evaluation finds they no longer fit. A plan
nobody has looked at for years names people who have left and phones that no longer ring. The
3-year interval was read in the 2013 version of the measures (Art. 22); the 2024 article number
was not verified, so the document alone is cited.

## Example
```
plan "XX预案" { issuer "XX站"; date 2019-06-01 }
```

## Fix
```
plan "XX预案" { issuer "XX站"; date 2019-06-01; reviewed 2025-06-30 }
```
"#;
