//! `self-deputy`: a role is its own deputy, directly or through a chain of
//! deputies.

use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Diagnostic, Label, Severity};
use crate::i18n::{Arg, msg};
use crate::model::RoleId;

pub const RULE: Rule = Rule {
    code: Code::SelfDeputy,
    default_severity: Some(Severity::Error),
    summary: "a role is its own deputy, directly or through a chain of deputies",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    let deputy = |r: RoleId| model.role(r).deputy.map(|d| d.id);
    // Each role has at most one deputy: follow the chain from every role not
    // yet seen; a chain that comes back to a role of its own walk is a loop.
    // 0: not seen, 1: on the current walk, 2: done.
    let mut state = vec![0u8; model.roles.len()];
    for start in model.role_ids() {
        let mut walk: Vec<RoleId> = Vec::new();
        let mut at = Some(start);
        while let Some(r) = at {
            match state[r.index()] {
                0 => {
                    state[r.index()] = 1;
                    walk.push(r);
                    at = deputy(r);
                }
                1 => {
                    let from = walk.iter().position(|&w| w == r).unwrap_or(0);
                    out.push(diagnostic(ctx, &walk[from..]));
                    break;
                }
                _ => break,
            }
        }
        for r in walk {
            state[r.index()] = 2;
        }
    }
}

/// One loop of deputies, reported at the `deputy` of its first role in the file.
fn diagnostic(ctx: &Context, cycle: &[RoleId]) -> Diagnostic {
    let model = ctx.model;
    let first = (0..cycle.len())
        .min_by_key(|&i| model.role(cycle[i]).named.span.start())
        .unwrap_or(0);
    let order: Vec<RoleId> = cycle[first..].iter().chain(&cycle[..first]).copied().collect();
    let name = |r: RoleId| model.name(&model.role(r).named);
    let at = |r: RoleId| {
        model
            .role(r)
            .deputy
            .map_or(model.role(r).named.name_span, |d| d.span)
    };
    let lead = order[0];
    if order.len() == 1 {
        return RULE
            .diagnostic(
                msg!("self-deputy-self", role = name(lead)),
                Label::new(at(lead), msg!("self-deputy-self.label")),
            )
            .with_help(msg!("self-deputy-self.help", role = name(lead)));
    }
    let path: Vec<&str> = order.iter().chain(&order[..1]).map(|&r| name(r)).collect();
    let edge = |i: usize| {
        let (r, next) = (order[i], order[(i + 1) % order.len()]);
        Label::new(
            at(r),
            msg!("self-deputy.edge", from = name(r), to = name(next)),
        )
    };
    let mut d = RULE.diagnostic(
        msg!(
            "self-deputy",
            role = name(lead),
            path = Arg::path(path, 8)
        ),
        edge(0),
    );
    d = d.with_labels((1..order.len()).map(edge));
    d.with_help(msg!("self-deputy.help"))
}

const DOC: &str = r#"# self-deputy

## What it means
A role names itself as its `deputy`, or the `deputy` lines form a loop: `leader`'s deputy is
`vice`, and `vice`'s deputy is `leader`. Each loop is reported once, at the `deputy` line of its
role that comes first in the file, with every `deputy` line of the loop labelled.

## Why it matters
The deputy is who acts when the holder is away (出差、休假、联系不上). A role that is its own
deputy has no stand-in at all; in a loop of two, the principal and the deputy stand in for each
other, so when both are away — at the same meeting, on the same trip — the chain of command ends
there. A real plan names the stand-in outside the pair (组长 → 副组长 → 办公室主任).

## Example
```
role leader "领导小组组长" { holder "张三"; deputy vice }
role vice "领导小组副组长" { holder "李四"; deputy leader }
```

## Fix
```
role leader "领导小组组长" { holder "张三"; deputy vice }
role vice "领导小组副组长" { holder "李四"; deputy office }
role office "信访办主任" { holder "王五" }
```
"#;
