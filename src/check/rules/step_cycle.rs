//! `step-cycle`: the `after` edges form a cycle.

use petgraph::graph::EdgeIndex;

use crate::check::{Context, Rule};
use crate::i18n::{Arg, msg};
use crate::diagnostic::{Findings, Code, Diagnostic, Label, Severity};
use crate::graph::cycles::cycles;
use crate::graph::{ResponseEdgeKind, ResponseNode};
use crate::model::StepId;
use crate::span::Span;

pub const RULE: Rule = Rule {
    code: Code::StepCycle,
    default_severity: Some(Severity::Error),
    summary: "the `after` edges form a cycle",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let found = cycles(&ctx.graphs.response, |e| e.kind == ResponseEdgeKind::After);
    out.extend(found.into_iter().filter_map(|cycle| diagnose(ctx, &cycle)));
}

/// One `after` reference of a loop: `step` waits for `before`.
struct Wait {
    before: StepId,
    step: StepId,
    span: Span,
}

fn diagnose(ctx: &Context, cycle: &[EdgeIndex<u32>]) -> Option<Diagnostic> {
    let graph = &ctx.graphs.response;
    let model = ctx.model;
    let mut waits: Vec<Wait> = cycle
        .iter()
        .filter_map(|&e| {
            let (s, t) = graph.edge_endpoints(e)?;
            match (ctx.graphs.response_node(s), ctx.graphs.response_node(t)) {
                (ResponseNode::Step(before), ResponseNode::Step(step)) => Some(Wait {
                    before,
                    step,
                    span: graph[e].span,
                }),
                _ => None,
            }
        })
        .collect();
    // Steps are normally written in the order they run, each `after` naming
    // an earlier one. The loop is closed by the first-defined step of the
    // loop waiting for a later one: that `after` is the one to cut, and the
    // loop is shown starting there.
    let cut = (0..waits.len()).min_by_key(|&i| waits[i].step)?;
    waits.rotate_left(cut);
    let first = waits.first()?;
    let name = |s: StepId| model.name(&model.step(s).named);

    let (message, help) = if waits.len() == 1 {
        (
            msg!("step-cycle-self", step = name(first.step)),
            msg!("step-cycle-self.help", step = name(first.step)),
        )
    } else {
        let mut names: Vec<&str> = waits.iter().map(|w| name(w.before)).collect();
        names.push(name(first.before));
        (
            msg!("step-cycle", path = Arg::path(names, 8)),
            msg!(
                "step-cycle.help",
                before = name(first.before),
                step = name(first.step)
            ),
        )
    };
    let label = |w: &Wait, cut: bool| {
        let (step, before) = (name(w.step), name(w.before));
        let message = if cut {
            msg!("step-cycle.cut", step = step, before = before)
        } else {
            msg!("step-cycle.wait", step = step, before = before)
        };
        Label::new(w.span, message)
    };
    let diagnostic = RULE.diagnostic(message, label(first, true));
    // Added at once, so their list is sized to them.
    let rest = waits[1..].iter().map(|wait| label(wait, false));
    Some(diagnostic.with_labels(rest).with_help(help))
}

const DOC: &str = r#"# step-cycle

## What it means
Following the `after` lists from step to step comes back to where it started: `a` comes after
`b`, and `b` (directly or through others) comes after `a`. A step that names itself in `after` is
the shortest such loop. One diagnostic is given per loop; it labels every `after` reference of the
loop, in order, starting with the one to remove.

The reference to remove is the one in the loop's first step in the plan's text: steps are written
in the order they run, so the first of them waiting for a later one is what closes the loop.

## Why it matters
A step runs only when every step in its `after` list is done. In a loop each step waits for
another that waits for it, so none of them ever starts, and neither does anything that comes after
them.

## Example
```
step report "向组长通报情况" { owner office; on mass_visit; after record }
step to_scene "到达现场" { owner office; after report }
step record "整理记录" { owner office; after to_scene }
```
The help says to remove `record` from the `after` of `report`.

## Fix
```
step report "向组长通报情况" { owner office; on mass_visit }
step to_scene "到达现场" { owner office; after report }
step record "整理记录" { owner office; after to_scene }
```
"#;
