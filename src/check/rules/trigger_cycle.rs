//! `trigger-cycle`: trigger conditions refer to each other in a loop.

use crate::check::{Context, Rule};
use crate::i18n::{Arg, msg};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::graph::cycles::cycles;
use crate::graph::{ResponseEdgeKind, ResponseNode};
use crate::model::TriggerId;
use crate::span::Span;

pub const RULE: Rule = Rule {
    code: Code::TriggerCycle,
    default_severity: Some(Severity::Error),
    summary: "trigger conditions refer to each other in a loop",
    doc: DOC,
    run,
};

/// `namer`'s condition names `named` at `span`.
struct Reference {
    namer: TriggerId,
    named: TriggerId,
    span: Span,
}

fn run(ctx: &Context, out: &mut Findings) {
    let graph = &ctx.graphs.response;
    let trigger = |node| match ctx.graphs.response_node(node) {
        ResponseNode::Trigger(t) => Some(t),
        ResponseNode::Step(_) => None,
    };
    for cycle in cycles(graph, |e| e.kind == ResponseEdgeKind::Condition) {
        // Edges run from the named trigger to the one naming it; a reader
        // follows references, so the loop is told the other way round.
        let references: Vec<Reference> = cycle
            .iter()
            .rev()
            .filter_map(|&e| {
                let (from, to) = graph.edge_endpoints(e)?;
                Some(Reference {
                    namer: trigger(to)?,
                    named: trigger(from)?,
                    span: graph[e].span,
                })
            })
            .collect();
        let Some(first) = references.first() else {
            continue;
        };
        let name = |t: TriggerId| ctx.model.name(&ctx.model.trigger(t).named);
        let message = if references.len() == 1 {
            msg!("trigger-cycle-self", trigger = name(first.namer))
        } else {
            let path = references
                .iter()
                .map(|r| name(r.namer))
                .chain(std::iter::once(name(first.namer)));
            msg!("trigger-cycle", path = Arg::path(path, usize::MAX))
        };
        let label = |r: &Reference| {
            Label::new(
                r.span,
                msg!("trigger-cycle.use", namer = name(r.namer), named = name(r.named)),
            )
        };
        // The labels added at once, so their list is sized to them.
        let diagnostic =
            RULE.diagnostic(message, label(first)).with_labels(references[1..].iter().map(label));
        // Cut a reference to a trigger defined further down: aggregate
        // triggers are usually written after the ones they gather.
        let defined = |t: TriggerId| ctx.model.trigger(t).named.span.start();
        let cut = references
            .iter()
            .find(|r| defined(r.named) > defined(r.namer))
            .unwrap_or(first);
        out.push(diagnostic.with_help(msg!(
            "trigger-cycle.help",
            named = name(cut.named),
            namer = name(cut.namer)
        )));
    }
}

const DOC: &str = r#"# trigger-cycle

## What it means
A trigger's condition may name another trigger ("true when that trigger fires"). This check fires
when such references go round in a loop: `a` names `b` and `b` names `a` (or a longer loop, or a
trigger that names itself). Every reference of the loop is labelled, in order.

## Why it matters
A trigger in a loop has no meaning: whether `severe` fires depends on whether `mass_visit` fires,
which depends on whether `severe` fires. Nobody on duty can tell whether the plan is set off, and
planc cannot decide it either, so it does not check such triggers any further.

## Example
```
trigger mass_visit "集体上访" when visitors >= 50 or severe
trigger severe "严重事态" when mass_visit or extreme_act
```

## Fix
Let the references run one way: the gathering trigger names the others, not the other way round.
```
trigger mass_visit "集体上访" when visitors >= 50
trigger severe "严重事态" when mass_visit or extreme_act
```
"#;
