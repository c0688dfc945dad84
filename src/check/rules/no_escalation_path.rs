//! `no-escalation-path`: an internal role cannot reach the commander through
//! `escalates to` edges.

use petgraph::Direction;
use petgraph::algo::kosaraju_scc;
use petgraph::graph::NodeIndex;
use petgraph::visit::{EdgeRef, NodeFiltered};

use crate::check::hierarchy::{self, Commander};
use crate::check::{Context, Rule};
use crate::i18n::{Arg, Message, msg};
use crate::diagnostic::{Findings, Code, Diagnostic, Label, Severity};
use crate::model::{Party, RoleId};
use crate::span::Span;

pub const RULE: Rule = Rule {
    code: Code::NoEscalationPath,
    default_severity: Some(Severity::Warning),
    summary: "an internal role cannot reach the commander through `escalates to` edges",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    let commander = hierarchy::commander(model);
    let Some(top) = commander.role() else {
        return;
    };
    let reach = hierarchy::distances_to(ctx, top, true);
    // A role the commander escalates to is above it, not lost.
    let above = hierarchy::above(ctx, top, &reach);
    let top_name = model.name(&model.role(top).named);
    let title = match commander {
        Commander::Declared(_) => msg!("no-escalation-path-commander"),
        _ => msg!("no-escalation-path-top"),
    };

    // The roles that cannot reach the top, with the edges among them. Every
    // such role escalates only to others of them, so each leads into a
    // component nothing leaves: a role that escalates to no role, or a loop
    // with no way out. That is where the chain breaks, and where it is
    // reported; roles that lead into it are labelled there.
    // Seen through a filter of the escalation graph, not copied into a
    // graph of their own (every role of a large plan may be lost: issue 19,
    // memory per byte). Roles are the graph's first nodes, in order.
    let graph = &ctx.graphs.escalation;
    let lost: Vec<bool> = (graph.node_indices())
        .map(|n| match ctx.graphs.party(n) {
            Party::Role(r) => reach[r.index()].is_none() && !above[r.index()],
            Party::External(_) => false,
        })
        .collect();
    if !lost.contains(&true) {
        return;
    }
    let is_lost = |n: NodeIndex<u32>| lost[n.index()];
    let role = |n: NodeIndex<u32>| match ctx.graphs.party(n) {
        Party::Role(r) => r,
        Party::External(_) => RoleId(u32::MAX),
    };
    let mut component = vec![usize::MAX; graph.node_count()];
    let mut components = kosaraju_scc(&NodeFiltered::from_fn(graph, is_lost));
    for c in &mut components {
        c.sort();
    }
    components.sort();
    for (i, c) in components.iter().enumerate() {
        for n in c {
            component[n.index()] = i;
        }
    }
    for (i, members) in components.iter().enumerate() {
        let leaves = members.iter().any(|&n| {
            (graph.edges(n)).any(|e| is_lost(e.target()) && component[e.target().index()] != i)
        });
        if leaves {
            continue;
        }
        let roles: Vec<RoleId> = members.iter().map(|&n| role(n)).collect();
        let mut incoming: Vec<(Span, RoleId, RoleId)> = members
            .iter()
            .flat_map(|&n| graph.edges_directed(n, Direction::Incoming))
            .filter(|e| is_lost(e.source()) && component[e.source().index()] != i)
            .map(|e| (e.weight().span, role(e.source()), role(e.target())))
            .collect();
        incoming.sort();
        let (diagnostic, members) = match roles.as_slice() {
            [only] => (dead_end(ctx, *only, &title, top_name), &[][..]),
            _ => (closed_loop(ctx, &roles, &title, top_name), &roles[1..]),
        };
        // The loop's other members, then the roles that lead into it:
        // written one by one (a loop may be as long as the plan).
        let member = |r: &RoleId| {
            Label::new(
                model.role(*r).named.name_span,
                msg!("no-escalation-path-loop.member"),
            )
        };
        let leads_in = |(span, from, to): (Span, RoleId, RoleId)| {
            Label::new(
                span,
                msg!(
                    "no-escalation-path.leads-in",
                    from = model.name(&model.role(from).named),
                    to = model.name(&model.role(to).named),
                    top = top_name
                ),
            )
        };
        let labels = members.iter().map(member);
        out.push_with_labels(diagnostic, labels.chain(incoming.into_iter().map(leads_in)));
    }
}

/// A role that escalates to no internal role (maybe to itself).
fn dead_end(ctx: &Context, id: RoleId, title: &Message, top_name: &str) -> Diagnostic {
    let model = ctx.model;
    let role = model.role(id);
    let outside: Vec<_> = role
        .escalations
        .iter()
        .filter(|e| matches!(e.target.id, Party::External(_)))
        .collect();
    let primary = if outside.is_empty() {
        msg!("no-escalation-path.none")
    } else {
        msg!("no-escalation-path.outside")
    };
    let mut diagnostic = RULE.diagnostic(
        msg!(
            "no-escalation-path",
            role = model.name(&role.named),
            title = title.clone(),
            top = top_name
        ),
        Label::new(role.named.name_span, primary),
    );
    for e in outside {
        diagnostic = diagnostic.with_label(Label::new(
            e.span,
            msg!(
                "no-escalation-path.external",
                external = model.name(model.party(e.target.id))
            ),
        ));
    }
    diagnostic.with_help(msg!(
        "no-escalation-path.help",
        top = top_name,
        role = model.name(&role.named)
    ))
}

/// Roles that escalate only among themselves, in a loop (its labels on the
/// other members are `run`'s).
fn closed_loop(ctx: &Context, roles: &[RoleId], title: &Message, top_name: &str) -> Diagnostic {
    let model = ctx.model;
    let name = |r: &RoleId| model.name(&model.role(*r).named);
    let first = roles[0];
    let diagnostic = RULE.diagnostic(
        msg!(
            "no-escalation-path-loop",
            roles = Arg::names(roles.iter().map(name), 8),
            title = title.clone(),
            top = top_name
        ),
        Label::new(
            model.role(first).named.name_span,
            msg!("no-escalation-path-loop.label", top = top_name),
        ),
    );
    diagnostic.with_help(msg!(
        "no-escalation-path-loop.help",
        top = top_name,
        role = name(&first)
    ))
}

const DOC: &str = r#"# no-escalation-path

## What it means
Following `escalates to` from an internal role never arrives at the commander: the role named by
`commander` in the plan header, or, when none is declared, the one role that escalates to no other
(when there are several, `multiple-commanders` reports that instead and this check stays quiet).

- Only edges between the plan's own roles count. An external (a superior authority) is outside
  the plan: it cannot be relied on to pass an escalation back in, so a path through it is no path.
- A unit (a role with `members`) that has the commander among its members, directly or through
  nested units, is led by the commander: it needs no path, and escalating to it reaches the
  commander. When the commander is itself a unit (`commander group`), its members are part of
  the command and need no path either. Otherwise being a member of a unit is not a path:
  `members` adds no escalation edge, so a member must escalate on its own.
- A deputy acts for its principal: it is on its principal's escalation path and needs no edge
  of its own.
- A role the commander escalates to (a 县领导 above the 组长) is above the commander, not lost, and
  so is a role that escalates to such a role.
- One diagnostic is given where a chain breaks: at a role that escalates to no other internal
  role, or at a loop of roles that escalate only to each other (the loop itself is also an
  `escalation-cycle`). The roles that lead into it, and so cannot reach the commander either, are
  labelled there rather than reported again. A role whose `escalates to` names nothing is
  reported once, as `undefined-name`, and is taken to reach the commander.

## Why it matters
When something goes wrong at a role that has no way up, the person in charge hears of it last, or
from the news. Every role must be able to pass bad news up to the commander.

## Example
```
plan "XX预案" { commander leader }
role leader "领导小组组长" { holder "张三" }
role office "信访工作办公室" { holder "李四"; escalates to superior }
role liaison "办公室联络员" { holder "王五"; escalates to office }
external superior "上级主管部门"
```
`office` reaches only `superior`, outside the plan, and `liaison` has no way up but `office`:
one diagnostic, at `office`, labels both.

## Fix
```
role office "信访工作办公室" { holder "李四"; escalates to leader within 10m; escalates to superior }
```
"#;
