//! `no-response`: a trigger starts no step (no step's `on` set holds it, see
//! `logic::schedule`), and no other trigger's condition uses it.

use petgraph::visit::EdgeRef;

use crate::check::mentions::Mentions;
use crate::check::{Context, Rule};
use crate::i18n::{msg};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::graph::ResponseEdgeKind;

pub const RULE: Rule = Rule {
    code: Code::NoResponse,
    default_severity: Some(Severity::Error),
    summary: "a trigger starts no step, and no other trigger's condition uses it",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let graph = &ctx.graphs.response;
    let schedule = ctx.schedule();
    let mentions = Mentions::of(ctx.model);
    for id in ctx.model.trigger_ids() {
        let node = ctx.graphs.trigger_node(id);
        // A trigger named in its own condition is a trigger-cycle, not a use.
        let used = schedule.starts(id)
            || graph
                .edges(node)
                .any(|e| e.weight().kind == ResponseEdgeKind::Condition && e.target() != node);
        let named = &ctx.model.trigger(id).named;
        if used || mentions.covers(named) {
            continue;
        }
        out.push(
            RULE.diagnostic(
                msg!("no-response", trigger = ctx.model.name(named)),
                Label::new(named.name_span, msg!("no-response.label")),
            )
            .with_help(msg!("no-response.help", trigger = ctx.model.name(named))),
        );
    }
}

const DOC: &str = r#"# no-response

## What it means
A `trigger` describes a situation the plan is set off by, but no step starts on it (no step lists
it in `on`) and no other trigger's condition names it. Naming a trigger only in its own condition
does not count.

## Why it matters
The plan foresees the situation and then says nothing about what to do. Readers assume someone
acts on it; nobody does. Usually a step's `on` list forgot it, or it was renamed.

## Example
```
trigger mass_visit "集体上访" when visitors >= 50
trigger extreme_act "极端行为" when act in { self_harm, suicide }
step report "向组长通报情况" { owner office; on mass_visit; within 10m }
```
`extreme_act` starts nothing.

## Fix
```
step report "向组长通报情况" { owner office; on mass_visit, extreme_act; within 10m }
```
"#;
