//! `multiple-commanders`: no `commander` is declared and more than one
//! internal role escalates to no internal role.

use crate::check::{Context, Rule, hierarchy};
use crate::i18n::{Arg, msg};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::model::{Party, RoleId};

pub const RULE: Rule = Rule {
    code: Code::MultipleCommanders,
    default_severity: Some(Severity::Warning),
    summary: "no `commander` is declared and more than one internal role escalates to no internal role",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    if model.header.as_ref().is_some_and(|h| h.commander_written) {
        return;
    }
    let tops = hierarchy::top_roles(model);
    let [first, rest @ ..] = tops.as_slice() else {
        return;
    };
    if rest.is_empty() {
        return;
    }
    let label = |r: RoleId| {
        let role = model.role(r);
        let outside = role
            .escalations
            .iter()
            .filter_map(|e| match e.target.id {
                Party::External(_) => Some(model.name(model.party(e.target.id))),
                Party::Role(_) => None,
            })
            .collect::<Vec<_>>();
        let message = if outside.is_empty() {
            msg!("multiple-commanders.none")
        } else {
            msg!(
                "multiple-commanders.outside",
                externals = Arg::names(outside, 3)
            )
        };
        Label::new(role.named.name_span, message)
    };
    let names = tops.iter().map(|&r| model.name(&model.role(r).named));
    let mut diagnostic = RULE.diagnostic(
        msg!(
            "multiple-commanders",
            count = tops.len(),
            roles = Arg::names(names, 8)
        ),
        label(*first),
    );
    for &r in rest {
        diagnostic = diagnostic.with_label(label(r));
    }
    let first = model.name(&model.role(*first).named);
    out.push(diagnostic.with_help(msg!("multiple-commanders.help", role = first)));
}

const DOC: &str = r#"# multiple-commanders

## What it means
The plan header declares no `commander`, and more than one internal role escalates to no other
internal role: each of them is the end of a chain of command. Escalating to an external (a
superior authority) does not count, because the external is outside the plan. A unit (a role with
`members`) that has another such role among its members is led by it and is not counted: a leading
group and its 组长 are one top, not two. The diagnostic labels every top role.

## Why it matters
When it is not written who decides, two people decide, or nobody does. Escalations that end at
different roles split the picture: the office tells the 组长, the departments tell the 副组长,
and no one sees the whole event.

## Example
```
plan "XX预案" { issuer "XX站" }
role leader "领导小组组长" { holder "张三" }
role vice_leader "领导小组副组长" { holder "李四" }
role office "信访工作办公室" { escalates to leader }
```
`leader` and `vice_leader` are both at the top.

## Fix
```
plan "XX预案" { issuer "XX站"; commander leader }
role vice_leader "领导小组副组长" { holder "李四"; escalates to leader }
```
"#;
