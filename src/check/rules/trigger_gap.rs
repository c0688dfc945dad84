//! `trigger-gap`: values x < y < z of one count (the other facts equal)
//! where x and z set off a trigger and y sets off none.

use crate::check::words;
use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Diagnostic, Label, Severity};
use crate::i18n::msg;
use crate::logic::split::Point;
use crate::logic::{self, Cube, Gap, regions::Limits};
use crate::model::TriggerId;

pub const RULE: Rule = Rule {
    code: Code::TriggerGap,
    default_severity: Some(Severity::Warning),
    summary: "a count range sets off nothing between two ranges that do",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    let conditions = ctx.conditions();
    // Only a plan whose every condition is known exactly: a trigger left out
    // could fill a gap.
    let Some(dnfs) = model
        .trigger_ids()
        .map(|t| conditions.dnf(t))
        .collect::<Option<Vec<&[Cube]>>>()
    else {
        return;
    };
    if dnfs.is_empty() {
        return;
    }
    let gaps = ctx.one_large_job_at_a_time(|| logic::gaps(&conditions.domains, &dnfs, Limits::DEFAULT));
    match gaps {
        Ok(gaps) => out.extend(gaps.iter().filter_map(|g| diagnostic(ctx, &dnfs, g))),
        Err(_) => {
            let first = model.trigger(TriggerId(0));
            out.push(
                RULE.diagnostic(
                    msg!("trigger-gap-undecided"),
                    Label::new(first.named.name_span, msg!("trigger-gap-undecided.label")),
                )
                .with_help(msg!(
                    "trigger-gap-undecided.help",
                    bound = Limits::DEFAULT.steps
                )),
            );
        }
    }
}

/// The triggers that fire at the gap's context with the count at `value`.
fn firing(ctx: &Context, dnfs: &[&[Cube]], gap: &Gap, value: u64) -> Vec<TriggerId> {
    let at = |f: u32| {
        if f == gap.fact {
            return Point::Count(value);
        }
        // Facts the context leaves free may take any value: the first.
        gap.others
            .iter()
            .find(|(g, _)| *g == f)
            .map(|(_, p)| *p)
            .or_else(|| ctx.conditions().domains[f as usize].full().first())
            .unwrap_or(Point::Count(0))
    };
    ctx.model
        .trigger_ids()
        .filter(|t| {
            dnfs[t.index()]
                .iter()
                .any(|cube| logic::dnf::holds(cube, at))
        })
        .collect()
}

fn diagnostic(ctx: &Context, dnfs: &[&[Cube]], gap: &Gap) -> Option<Diagnostic> {
    let model = ctx.model;
    let below = *firing(ctx, dnfs, gap, gap.below).first()?;
    let above = *firing(ctx, dnfs, gap, gap.above).first()?;
    let fact = model.name(&model.facts.get(gap.fact as usize)?.named);
    let hole = words::hole(model, gap.fact, gap.hole);
    // Values as text: a number placeholder would go through a float.
    let value = |v: u64| words::value(model, gap.fact, Point::Count(v));
    let (x, y, z) = (value(gap.below), value(gap.hole.0), value(gap.above));
    let name = |t: TriggerId| model.name(&model.trigger(t).named);
    let message = if gap.others.is_empty() {
        msg!(
            "trigger-gap",
            fact = fact,
            hole = hole.clone(),
            x = x.as_str(),
            z = z.as_str(),
            below = name(below),
            above = name(above)
        )
    } else {
        msg!(
            "trigger-gap-with",
            fact = fact,
            hole = hole.clone(),
            x = x.as_str(),
            z = z.as_str(),
            below = name(below),
            above = name(above),
            others = words::point(model, &gap.others)
        )
    };
    Some(
        RULE.diagnostic(
            message,
            Label::new(
                logic::condition_span(model, below),
                msg!("trigger-gap.below", fact = fact, x = x.as_str(), y = y.as_str()),
            ),
        )
        .with_label(Label::new(
            logic::condition_span(model, above),
            msg!("trigger-gap.above", fact = fact, z = z.as_str()),
        ))
        .with_help(msg!(
            "trigger-gap.help",
            fact = fact,
            hole = hole,
            x = x,
            y = y,
            z = z
        )),
    )
}

const DOC: &str = r#"# trigger-gap

## What it means
Three values x < y < z of one count, the other facts the same, where x and z set off a trigger
and y sets off none: `visitors >= 5 and visitors < 30` at Ⅲ and `visitors >= 50` at Ⅰ leave 30 to 49
with no response at all. The message gives the three values (x the last value below the gap,
y the first in it, z the first above it) and, when other facts matter, their values. Values below
every threshold are not a gap: nothing is meant to happen for 3 visitors.

planc decides this exactly, over every value of every fact, with the triggers a condition names
written out; `planc triggers` shows the same gap as a row where nothing is set off.

## Why it matters
Thresholds are usually written band by band (5–29 较大, 30–99 重大, 100 and more 特别重大). A band
that ends at 29 while the next starts at 50 is a typo; on the day, 40 people at the door start
nothing while 29 would have.

## Example
```
level I "特别重大"
level III "较大"
trigger mid "较多人员" when visitors >= 5 and visitors < 30 level III
trigger many "大量人员" when visitors >= 50 level I
```

## Fix
```
trigger mid "较多人员" when visitors >= 5 and visitors < 50 level III
```
"#;
