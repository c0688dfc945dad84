//! `level-order`: whenever a trigger of a less severe level fires, a trigger
//! of a more severe level fires too, but not the other way round (thresholds
//! swapped).

use crate::check::words;
use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Diagnostic, Label, Severity};
use crate::i18n::msg;
use std::borrow::Cow;
use std::collections::HashMap;

use crate::logic::review::{self, Witness};
use crate::logic::hull::{self, Hull, HullIndex};
use crate::logic::{self, Cube, Entry, regions::Undecided, sets::FactSet};
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

struct Candidate {
    id: TriggerId,
    level: u32,
    /// Its condition: an index into the conditions of `run`.
    class: usize,
}

/// The triggers whose conditions are written the same (cube for cube): the
/// answer for a pair depends only on the two conditions, so each pair of
/// conditions is asked about once, however many triggers share them.
struct Condition<'c> {
    dnf: &'c [Cube],
    projections: Cow<'c, [Entry]>,
    /// Its trigger that comes first in the order of the question (the most
    /// severe level, then the file): the one a message names.
    first: usize,
    /// How far down `order` the question for this condition as the less
    /// severe one has gone, and the first answer found there.
    next: usize,
    /// Boxed: most conditions find none, and there is one per trigger.
    found: Option<Box<(usize, Witness)>>,
}

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    if model.levels.len() < 2 {
        return;
    }
    let conditions = ctx.conditions();
    let domains = &conditions.domains;
    let analysis = ctx.analysis();
    // Triggers with a level whose condition is known, can hold, and does not
    // always hold (`always-true-trigger` speaks for those).
    let mut classes: Vec<Condition> = Vec::new();
    // Dropped once the classes are known (a table of every condition,
    // alive through the questions, was part of the peak of graded levels:
    // issue 19, memory per byte).
    let mut class_of: HashMap<&[Cube], usize> = HashMap::new();
    let candidates: Vec<Candidate> = model
        .trigger_ids()
        .filter_map(|id| {
            let level = model.trigger(id).level?.id.0;
            let dnf = conditions.dnf(id)?;
            let usable = analysis.verdict(id).can_fire() == Some(true)
                && !dnf.is_empty()
                && dnf.iter().all(|c| !c.is_empty());
            usable.then_some((id, level, dnf))
        })
        .enumerate()
        .map(|(i, (id, level, dnf))| {
            let class = *class_of.entry(dnf).or_insert_with(|| {
                classes.push(Condition {
                    dnf,
                    projections: review::restricted_projections(domains, dnf),
                    first: i,
                    next: 0,
                    found: None,
                });
                classes.len() - 1
            });
            Candidate { id, level, class }
        })
        .collect();
    drop(class_of);
    let key = |c: &Candidate| (c.level, c.id);
    for (i, c) in candidates.iter().enumerate() {
        if key(c) < key(&candidates[classes[c.class].first]) {
            classes[c.class].first = i;
        }
    }
    // The conditions by their first trigger: the most severe first, then in
    // the order of the file, as each trigger asks.
    let mut order: Vec<usize> = (0..classes.len()).collect();
    order.sort_by_key(|&k| key(&candidates[classes[k].first]));
    // Which conditions (in `order`) may hold another's inside: each asks
    // only those, not every more severe one.
    let index = HullIndex::new(order.iter().map(|&k| &*classes[k].projections));
    let mut budget = BUDGET;
    for less in &candidates {
        // The first more severe trigger whose condition `less`'s implies
        // strictly. The conditions before the class's `next` were asked for
        // a less severe trigger of this class (or this one) already.
        let a = less.class;
        let severe_end = order.partition_point(|&k| candidates[classes[k].first].level < less.level);
        if classes[a].found.is_some() || classes[a].next >= severe_end {
            report(ctx, out, &candidates, &classes, less);
            continue;
        }
        // The bounds of its projections, worked out as it asks (kept for
        // every condition, they were part of the peak: issue 19).
        let bounds: Vec<(u32, Hull)> = hull::hulls(&classes[a].projections);
        while classes[a].found.is_none() {
            let Some(p) = index.first(classes[a].next, severe_end, &bounds) else {
                classes[a].next = classes[a].next.max(severe_end);
                break;
            };
            let b = order[p];
            classes[a].next = p + 1;
            // Equal conditions imply each other: no finding.
            if b == a
                || !review::within_projection(&classes[a].projections, &classes[b].projections)
            {
                continue;
            }
            let (da, db) = (classes[a].dnf, classes[b].dnf);
            let swap = logic::implies(domains, da, db, &mut budget).and_then(|i| {
                if i {
                    logic::counterexample(domains, db, da, &mut budget)
                } else {
                    Ok(None)
                }
            });
            match swap {
                Ok(Some(alone)) => classes[a].found = Some(Box::new((b, alone))),
                Ok(None) => {}
                Err(Undecided::Steps(_) | Undecided::Rows(_)) => {
                    out.push(undecided(ctx, less.id));
                    return;
                }
            }
        }
        report(ctx, out, &candidates, &classes, less);
    }
}

/// The finding for `less`, once its condition's question is answered.
fn report(
    ctx: &Context,
    out: &mut Findings,
    candidates: &[Candidate],
    classes: &[Condition],
    less: &Candidate,
) {
    let class = &classes[less.class];
    if let Some((b, alone)) = class.found.as_deref() {
        let severe = &candidates[classes[*b].first];
        if severe.level < less.level {
            out.push(diagnostic(ctx, less, class.dnf, severe, alone));
        }
    }
}

fn level_name<'m>(ctx: &Context<'m, '_>, c: &Candidate) -> &'m str {
    ctx.model.name(&ctx.model.levels[c.level as usize].named)
}

fn diagnostic(
    ctx: &Context,
    less: &Candidate,
    less_dnf: &[Cube],
    severe: &Candidate,
    alone: &[(u32, logic::split::Point)],
) -> Diagnostic {
    let model = ctx.model;
    let (a, b) = (model.name(&model.trigger(less.id).named), model.name(&model.trigger(severe.id).named));
    let (la, lb) = (level_name(ctx, less), level_name(ctx, severe));
    let at = |values: &[(u32, logic::split::Point)]| {
        if values.is_empty() {
            msg!("level-order.anywhere")
        } else {
            msg!("level-order.at", values = words::point(model, values))
        }
    };
    let both = less_dnf.first().map(|cube| {
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
            trigger = ctx.model.name(&ctx.model.trigger(id).named)
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
