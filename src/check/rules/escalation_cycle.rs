//! `escalation-cycle`: the `escalates to` edges form a cycle.

use petgraph::graph::EdgeIndex;

use crate::check::hierarchy::{self, Commander};
use crate::check::{Context, Rule};
use crate::i18n::{Arg, msg};
use crate::diagnostic::{Code, Findings, Label, Severity};
use crate::graph::cycles::cycles;
use crate::model::{Party, RoleId};
use crate::span::Span;

pub const RULE: Rule = Rule {
    code: Code::EscalationCycle,
    default_severity: Some(Severity::Error),
    summary: "the `escalates to` edges form a cycle",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let found = cycles(&ctx.graphs.escalation, |_| true);
    if found.is_empty() {
        return;
    }
    let commander = hierarchy::commander(ctx.model);
    let distances = commander
        .role()
        .map(|c| hierarchy::distances_to(ctx, c, false));
    for cycle in found {
        diagnose(ctx, cycle, commander, distances.as_deref(), out);
    }
}

/// One `escalates to` statement of a loop.
#[derive(Clone, Copy)]
struct Hop {
    from: RoleId,
    to: Party,
    span: Span,
}

fn diagnose(
    ctx: &Context,
    cycle: Vec<EdgeIndex<u32>>,
    commander: Commander,
    distances: Option<&[Option<u32>]>,
    out: &mut Findings,
) -> Option<()> {
    let graph = &ctx.graphs.escalation;
    let model = ctx.model;
    // One `escalates to` of the loop, read from its edge when needed: the
    // loop is kept as its edges (4 bytes each; a loop of every role is as
    // long as the plan).
    let hop_of = |e: EdgeIndex<u32>| {
        let (s, t) = graph.edge_endpoints(e)?;
        match ctx.graphs.party(s) {
            Party::Role(from) => Some(Hop {
                from,
                to: ctx.graphs.party(t),
                span: graph[e].span,
            }),
            Party::External(_) => None,
        }
    };
    let mut cycle = cycle;
    cycle.retain(|&e| hop_of(e).is_some());
    let distance = |r: RoleId| distances.and_then(|d| d.get(r.index()).copied().flatten());

    // The top of the loop: the role closest to the commander (ties and roles
    // that cannot reach it: the first defined). Its edge into the loop leads
    // back down, so that is the one to cut; the loop is rotated to start there.
    let cut = (cycle.iter().enumerate())
        .filter_map(|(i, &e)| Some((i, hop_of(e)?.from)))
        .min_by_key(|&(_, from)| (distance(from).unwrap_or(u32::MAX), from))?
        .0;
    cycle.rotate_left(cut);
    let first = hop_of(*cycle.first()?)?;
    // Every edge kept is a hop: `first` stands in for none.
    let hop = |i: usize| cycle.get(i).and_then(|&e| hop_of(e)).unwrap_or(first);
    let first = &first;
    let top = model.name(&model.role(first.from).named);
    let next = model.name(model.party(first.to));

    let (message, help) = if cycle.len() == 1 {
        (
            msg!("escalation-cycle-self", role = top),
            msg!("escalation-cycle-self.help", role = top),
        )
    } else {
        let why = match (commander.role(), distance(first.from)) {
            (Some(c), Some(_)) if c == first.from => {
                msg!("escalation-cycle.why-commander", top = top)
            }
            (Some(c), Some(_)) => {
                let commander_name = model.name(&model.role(c).named);
                match commander {
                    Commander::Declared(_) => msg!(
                        "escalation-cycle.why-closest",
                        top = top,
                        commander = commander_name
                    ),
                    _ => msg!(
                        "escalation-cycle.why-closest-top",
                        top = top,
                        commander = commander_name
                    ),
                }
            }
            _ => msg!("escalation-cycle.why-first", top = top),
        };
        let names = (0..cycle.len()).map(|i| model.name(&model.role(hop(i).from).named));
        (
            msg!("escalation-cycle", path = Arg::path(names.chain([top]), 8)),
            msg!("escalation-cycle.help", next = next, top = top, why = why),
        )
    };

    let label = |h: &Hop, cut: bool| {
        let from = model.name(&model.role(h.from).named);
        let to = model.name(model.party(h.to));
        let message = if cut {
            msg!("escalation-cycle.cut", from = from, to = to)
        } else {
            msg!("escalation-cycle.edge", from = from, to = to)
        };
        Label::new(h.span, message)
    };
    let diagnostic = RULE.diagnostic(message, label(first, true)).with_help(help);
    // Written one by one: a loop may be as long as the plan.
    let rest = (1..cycle.len()).map(|i| label(&hop(i), false));
    out.push_with_labels(diagnostic, rest);
    Some(())
}

const DOC: &str = r#"# escalation-cycle

## What it means
Following the `escalates to` statements from role to role comes back to where it started: `a`
escalates to `b`, and `b` (directly or through others) escalates to `a`. A role that escalates to
itself is the shortest such loop. One diagnostic is given per loop; it labels every `escalates to`
statement of the loop, in order, starting with the one to remove.

The edge to remove is the one out of the loop's top: the role of the loop closest to the commander
(the plan's `commander`, or the single role that escalates to no other when none is declared),
because escalating from it to another role of the loop goes back down. When no role of the loop
reaches a commander, the role defined first is taken for the top.

## Why it matters
An escalation that goes round in a loop never reaches anyone who can decide. On the day, the
office reports to the group, the group hands it back to the office, and the 组长 hears of it from
the news.

## Example
```
plan "XX预案" { commander leader }
role leader "领导小组组长" { escalates to office }
role office "信访工作办公室" { escalates to leader within 10m }
```
The help says to remove `escalates to office` from `leader`: `leader` is the commander.

## Fix
```
role leader "领导小组组长" { holder "张三" }
role office "信访工作办公室" { escalates to leader within 10m }
```
"#;
