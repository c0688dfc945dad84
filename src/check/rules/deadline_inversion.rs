//! `deadline-inversion`: a step's `within` is shorter than the `within` of a
//! step it comes `after`.

use std::collections::VecDeque;

use petgraph::visit::EdgeRef;

use crate::check::{Context, Rule, words};
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
use crate::graph::{ResponseEdgeKind, ResponseNode};
use crate::model::StepId;
use crate::syntax::ast::Duration;

pub const RULE: Rule = Rule {
    code: Code::DeadlineInversion,
    default_severity: Some(Severity::Warning),
    summary: "a step's `within` is shorter than the `within` of a step it comes `after`",
    doc: DOC,
    run,
};

/// The latest deadline a step must wait for: the step that carries it, and
/// the step of its own `after` list through which it is waited for.
#[derive(Clone, Copy)]
struct Bound {
    deadline: Duration,
    carrier: StepId,
    via: StepId,
}

fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    let graph = &ctx.graphs.response;
    let successors = |s: StepId| {
        graph
            .edges(ctx.graphs.step_node(s))
            .filter(|e| e.weight().kind == ResponseEdgeKind::After)
            .filter_map(|e| match graph[e.target()] {
                ResponseNode::Step(t) => Some(t),
                ResponseNode::Trigger(_) => None,
            })
    };

    // Kahn's order over the `after` edges. Steps on or behind a loop are
    // never reached: step-cycle reports the loop.
    let mut waiting: Vec<usize> = vec![0; model.steps.len()];
    for s in model.step_ids() {
        for t in successors(s) {
            waiting[t.index()] += 1;
        }
    }
    let mut bound: Vec<Option<Bound>> = vec![None; model.steps.len()];
    let mut ready: VecDeque<StepId> = model
        .step_ids()
        .filter(|s| waiting[s.index()] == 0)
        .collect();
    while let Some(s) = ready.pop_front() {
        let step = model.step(s);
        let inherited = bound[s.index()];
        if let (Some(within), Some(b)) = (step.within, inherited)
            && b.deadline.seconds > within.seconds
        {
            out.push(diagnose(ctx, s, within, b));
        }
        // A deadline of its own is what later steps wait for; without one, the
        // step passes on what it waits for.
        let carried = match step.within {
            Some(w) => Some((w, s)),
            None => inherited.map(|b| (b.deadline, b.carrier)),
        };
        for t in successors(s) {
            if let Some((deadline, carrier)) = carried
                && bound[t.index()].is_none_or(|b| deadline.seconds > b.deadline.seconds)
            {
                bound[t.index()] = Some(Bound {
                    deadline,
                    carrier,
                    via: s,
                });
            }
            waiting[t.index()] -= 1;
            if waiting[t.index()] == 0 {
                ready.push_back(t);
            }
        }
    }
}

fn diagnose(ctx: &Context, step: StepId, mine: Duration, bound: Bound) -> Diagnostic {
    let name = |s: StepId| ctx.model.step(s).named.name;
    let theirs = bound.deadline;
    let through = if bound.via == bound.carrier {
        String::new()
    } else {
        format!(" through `{}`", name(bound.via))
    };
    RULE.diagnostic(format!(
            "step `{}` is due within {}, sooner than `{}` ({}), which it comes after{through}",
            name(step),
            words::duration(mine.seconds),
            name(bound.carrier),
            words::duration(theirs.seconds)
        ),
        Label::new(mine.span, format!("`{}` is due within this", name(step))),
    )
    .with_label(Label::new(
        theirs.span,
        format!(
            "but it waits for `{}`, which may take this long",
            name(bound.carrier)
        ),
    ))
    .with_help(format!(
        "deadlines count from the moment the plan is set off: give `{}` at least `within {}`, or shorten the deadline of `{}`",
        name(step),
        words::duration(theirs.seconds),
        name(bound.carrier)
    ))
}

const DOC: &str = r#"# deadline-inversion

## What it means
A step is due (`within`) sooner than a step it comes `after`. Deadlines count from the moment the
plan is set off, so a step that must wait for another cannot be due before it. Equal deadlines are
allowed. A step in the `after` list that has no deadline of its own is looked through: the step
waits for whatever that one waits for, and the diagnostic names the step in between.

The diagnostic labels both deadlines: the shorter one first.

## Why it matters
One of the two deadlines is wrong, and on the day the person who owns the later step is blamed for
a delay nobody could avoid, or the earlier step is rushed. Typically a deadline was written as
"minutes after the previous step" while the plan measures all of them from the start.

## Example
```
step to_scene "到达现场" { owner office; on mass_visit; within 30m }
step control "控制事态,上报组长" { owner office; after to_scene; within 10m }
```

## Fix
```
step to_scene "到达现场" { owner office; on mass_visit; within 30m }
step control "控制事态,上报组长" { owner office; after to_scene; within 40m }
```
"#;
