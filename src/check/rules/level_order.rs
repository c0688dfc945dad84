//! `level-order`: whenever a trigger of a less severe level fires, a trigger
//! of a more severe level fires too, but not the other way round (thresholds
//! swapped).

use crate::check::words;
use crate::check::{Context, Rule};
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
use crate::i18n::msg;
use crate::logic::{self, Cube, regions::Undecided, sets::FactSet};
use crate::model::TriggerId;

pub const RULE: Rule = Rule {
    code: Code::LevelOrder,
    default_severity: Some(Severity::Warning),
    summary: "whenever a trigger of a less severe level fires, one of a more severe level fires too",
    doc: DOC,
    run,
};

/// The sweep steps all questions of one plan may take together.
const BUDGET: usize = 5_000_000;

struct Candidate<'c> {
    id: TriggerId,
    level: u32,
    dnf: &'c [Cube],
    projections: Vec<FactSet>,
}

fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    if model.levels.len() < 2 {
        return;
    }
    let conditions = ctx.conditions();
    let domains = &conditions.domains;
    let analysis = ctx.analysis();
    // Triggers with a level whose condition is known, can hold, and does not
    // always hold (`always-true-trigger` speaks for those).
    let candidates: Vec<Candidate> = model
        .trigger_ids()
        .filter_map(|id| {
            let level = model.trigger(id).level?.id.0;
            let dnf = conditions.dnf(id)?;
            let usable = analysis.verdict(id).can_fire() == Some(true)
                && !dnf.is_empty()
                && dnf.iter().all(|c| !c.is_empty());
            usable.then(|| Candidate {
                id,
                level,
                dnf,
                projections: logic::projections(domains, dnf),
            })
        })
        .collect();
    let mut budget = BUDGET;
    for less in &candidates {
        // The most severe first, then in the order of the file.
        let mut more: Vec<&Candidate> = candidates
            .iter()
            .filter(|b| b.level < less.level)
            .filter(|b| {
                less.projections
                    .iter()
                    .zip(&b.projections)
                    .all(|(a, b)| a.is_subset(b))
            })
            .collect();
        more.sort_by_key(|b| (b.level, b.id));
        for severe in more {
            let swap = logic::implies(domains, less.dnf, severe.dnf, &mut budget).and_then(|i| {
                if i {
                    logic::counterexample(domains, severe.dnf, less.dnf, &mut budget)
                } else {
                    Ok(None)
                }
            });
            match swap {
                Ok(Some(alone)) => {
                    out.push(diagnostic(ctx, less, severe, &alone));
                    break;
                }
                Ok(None) => {}
                Err(Undecided::Steps(_) | Undecided::Rows(_)) => {
                    out.push(undecided(ctx, less.id));
                    return;
                }
            }
        }
    }
}

fn level_name<'m>(ctx: &Context<'m, '_>, c: &Candidate) -> &'m str {
    ctx.model.levels[c.level as usize].named.name
}

fn diagnostic(
    ctx: &Context,
    less: &Candidate,
    severe: &Candidate,
    alone: &[(u32, logic::split::Point)],
) -> Diagnostic {
    let model = ctx.model;
    let (a, b) = (model.trigger(less.id).named.name, model.trigger(severe.id).named.name);
    let (la, lb) = (level_name(ctx, less), level_name(ctx, severe));
    let at = |values: &[(u32, logic::split::Point)]| {
        if values.is_empty() {
            msg!("level-order.anywhere")
        } else {
            msg!("level-order.at", values = words::point(model, values))
        }
    };
    let both = less.dnf.first().map(|cube| {
        let region: Vec<(u32, FactSet)> = cube.iter().map(|(f, s)| (*f, (**s).clone())).collect();
        logic::regions::sample(&region)
    });
    let help = match both {
        Some(both) => msg!(
            "level-order.help",
            alone = at(alone),
            both = at(&both),
            less = a,
            severe = b,
            less_level = la,
            severe_level = lb
        ),
        None => msg!(
            "level-order.help-alone",
            alone = at(alone),
            less = a,
            severe = b,
            less_level = la,
            severe_level = lb
        ),
    };
    RULE.diagnostic(
        msg!(
            "level-order",
            less = a,
            severe = b,
            less_level = la,
            severe_level = lb
        ),
        Label::new(
            logic::condition_span(model, less.id),
            msg!("level-order.less", severe = b),
        ),
    )
    .with_label(Label::new(
        logic::condition_span(model, severe.id),
        msg!("level-order.severe", less = a),
    ))
    .with_help(help)
}

fn undecided(ctx: &Context, id: TriggerId) -> Diagnostic {
    RULE.diagnostic(
        msg!(
            "level-order-undecided",
            trigger = ctx.model.trigger(id).named.name
        ),
        Label::new(
            logic::condition_span(ctx.model, id),
            msg!("level-order-undecided.label"),
        ),
    )
    .with_help(msg!("level-order-undecided.help", bound = BUDGET))
}

const DOC: &str = r#"# level-order

## What it means
Trigger A has a less severe level than trigger B, and whenever A fires, B fires too — but B also
fires where A does not. So A's level is never the response level (the response level is the most
severe among the triggers that fire), though A is meant for the smaller incidents. This is what
swapped thresholds look like: `visitors >= 5` at Ⅰ and `visitors >= 30` at Ⅲ. The message names both
triggers, and the help gives values where only B fires and values where both do.

planc decides this exactly, over every value of every fact, with the triggers a condition names
written out. Levels are declared most severe first. Triggers that can never fire or always fire
are left to `unsatisfiable-trigger` and `always-true-trigger`; two triggers that always fire
together are not reported.

## Why it matters
分级响应 means the response grows with the incident. With the thresholds swapped, every crowd of 5
starts the most severe response (Ⅰ级: the county government, the whole leading group) and the
smaller response is dead paper — or, read the other way, the reviewer sees a grading that
contradicts itself.

## Example
```
level I "特别重大"
level III "较大"
trigger big "大规模聚集" when visitors >= 5 level I
trigger small "人员聚集" when visitors >= 30 level III
```

## Fix
```
trigger big "大规模聚集" when visitors >= 30 level I
trigger small "人员聚集" when visitors >= 5 level III
```
"#;
