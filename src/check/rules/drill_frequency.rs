//! `drill-frequency` (profile `safety2019`): no drill is held as often as
//! the plan's kind requires: once a year for a comprehensive or special
//! plan, every 6 months for an onsite one.

use crate::check::words::duration;
use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label};
use crate::i18n::{Arg, msg};
use crate::model::PlanKind;
use crate::span::Span;

pub const RULE: Rule = Rule {
    code: Code::DrillFrequency,
    default_severity: None,
    summary: "no drill at least once a year (every 6 months for an onsite plan) (profile `safety2019`)",
    doc: DOC,
    run,
};

/// Durations compare with `y` = 365 days and `mo` = 30 days (spec §1).
const YEAR: u64 = 365 * 86_400;
const HALF_YEAR: u64 = 6 * 30 * 86_400;

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    let kind = model.header.as_ref().and_then(|h| h.kind);
    let onsite = matches!(kind, Some((PlanKind::Onsite, _)));
    let (limit, limit_text) = if onsite {
        (HALF_YEAR, "6mo")
    } else {
        (YEAR, "1y")
    };
    let drills: Vec<_> = model.routines.iter().filter(|r| r.drill).collect();
    if drills
        .iter()
        .any(|d| d.every.is_some_and(|e| e.seconds <= limit))
    {
        return;
    }
    let Some(first) = drills.first() else {
        out.push(
            RULE.diagnostic(
                msg!("drill-frequency-none", every = limit_text),
                // At the `plan` keyword, or at the start of a file that has none.
                Label::new(
                    model.header.as_ref().map_or(Span::new(0, 0), |h| h.span),
                    msg!("drill-frequency.label-none"),
                ),
            )
            .with_help(msg!("drill-frequency.help", every = limit_text)),
        );
        return;
    };
    let label = |d: &crate::model::Routine| match d.every {
        Some(every) => Label::new(
            every.span,
            msg!("drill-frequency.label", every = duration(every.seconds)),
        ),
        None => Label::new(d.named.name_span, msg!("drill-frequency.label-never")),
    };
    let mut diagnostic = RULE
        .diagnostic(
            msg!(
                "drill-frequency",
                every = limit_text,
                drills = Arg::names(drills.iter().map(|d| model.name(&d.named)), 6)
            ),
            label(first),
        )
        .with_help(msg!("drill-frequency.help", every = limit_text));
    for d in &drills[1..] {
        diagnostic = diagnostic.with_label(label(d));
    }
    out.push(diagnostic);
}

const DOC: &str = r#"# drill-frequency

## What it means
No `drill` of the plan is held as often as its kind requires: every 1 year (`every 1y` or more
often) for a comprehensive or special plan, or a plan without `kind`; every 6 months (`every 6mo`)
for an onsite plan (`kind onsite`, 现场处置方案). A drill without `every` counts as never
repeated. Durations compare as everywhere in planc: `1y` = 365 days, `6mo` = 180 days. Part of
the profile `safety2019`.

## Why it matters
生产安全事故应急预案管理办法 (2019), Art. 33: a unit drills its comprehensive or special plan at
least once a year and each onsite plan at least every half year. The article was read in public
quotations of its text.

## Example
```
drill annual_drill "应急演练" { owner office; with leader; every 2y }
```

## Fix
```
drill annual_drill "应急演练" { owner office; with leader; every 1y }
```
"#;
