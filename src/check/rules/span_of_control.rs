//! `span-of-control`: more roles escalate directly to one role than the
//! configured limit (7 by default).

use petgraph::Direction;
use petgraph::visit::EdgeRef;

use crate::check::{Context, Rule};
use crate::i18n::{Arg, msg};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::model::{Party, RoleId};
use crate::span::Span;

pub const RULE: Rule = Rule {
    code: Code::SpanOfControl,
    default_severity: Some(Severity::Warning),
    summary: "more than 7 roles escalate directly to one role (the limit is configurable)",
    doc: DOC,
    run,
};

/// How many of the reporting roles a finding names and labels: the first in
/// the file; the others are only counted ("and 480 more"), in every output
/// alike. No reader takes in more, and an editor cannot show 400,000 related
/// places either (rustc and rust-analyzer also cut long lists).
pub const NAMED_REPORTS: usize = 20;

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    let graph = &ctx.graphs.escalation;
    let limit = ctx.config.span_of_control_limit();
    for id in model.role_ids() {
        // Each reporting role once, at its first `escalates to` this role.
        let mut reports: Vec<(RoleId, Span)> = graph
            .edges_directed(ctx.graphs.role_node(id), Direction::Incoming)
            .filter_map(|e| match ctx.graphs.party(e.source()) {
                Party::Role(source) if source != id => Some((source, e.weight().span)),
                _ => None,
            })
            .collect();
        reports.sort();
        reports.dedup_by_key(|(source, _)| *source);
        if reports.len() <= limit {
            continue;
        }
        reports.sort_by_key(|(_, span)| *span);
        let named = &model.role(id).named;
        let names = reports.iter().map(|(r, _)| model.name(&model.role(*r).named));
        let mut diagnostic = RULE.diagnostic(
            msg!(
                "span-of-control",
                count = reports.len(),
                role = model.name(named),
                limit = limit,
                roles = Arg::names(names, NAMED_REPORTS)
            ),
            Label::new(
                named.name_span,
                msg!("span-of-control.label", count = reports.len()),
            ),
        );
        for (source, span) in reports.iter().take(NAMED_REPORTS) {
            diagnostic = diagnostic.with_label(Label::new(
                *span,
                msg!(
                    "span-of-control.reports",
                    source = model.name(&model.role(*source).named)
                ),
            ));
        }
        out.push(diagnostic.with_help(msg!(
            "span-of-control.help",
            role = model.name(named),
            limit = limit
        )));
    }
}

const DOC: &str = r#"# span-of-control

## What it means
More than 7 roles escalate directly (`escalates to`) to one role. Each role is counted once, however
many `escalates to` statements it has; a role escalating to itself is not counted (that is an
`escalation-cycle`), and escalations to an external are not counted. The limit is set by
`span_of_control` in `planc.toml`. The diagnostic names the roles that report directly and
labels each one's `escalates to`: the first 20 in the file, in every output (terminal, JSON,
SARIF, the editor); past 20 the rest are counted ("and 480 more").

## Why it matters
In an emergency one person can take in reports from only a handful of people at once; beyond that
the calls queue up and the ones that matter wait. Emergency management practice (ICS, and the
working groups of Chinese plans) keeps a manager's direct reports to about five to seven.

## Example
```
role leader "领导小组组长" { holder "张三" }
role office "办公室" { escalates to leader }
role scene "现场处置组" { escalates to leader }
role reception "接待组" { escalates to leader }
role security "安保组" { escalates to leader }
role medical "医疗救护组" { escalates to leader }
role publicity "宣传组" { escalates to leader }
role logistics "后勤保障组" { escalates to leader }
role legal "法律顾问组" { escalates to leader }
```
Eight roles report to `leader`.

## Fix
```
role vice_leader "副组长" { escalates to leader }
role medical "医疗救护组" { escalates to vice_leader }
role logistics "后勤保障组" { escalates to vice_leader }
role legal "法律顾问组" { escalates to vice_leader }
```
"#;
