//! `anchor-not-before` (v1): `within D from S` where S need not be done
//! before this step: S is not among the steps it waits for through `after`,
//! directly or not.

use crate::check::{Context, Rule};
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
use crate::i18n::msg;
use crate::model::{Model, StepId};

pub const RULE: Rule = Rule {
    code: Code::AnchorNotBefore,
    default_severity: Some(Severity::Error),
    summary: "`within D from S` where S need not be done before this step",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let m = ctx.model;
    for id in m.step_ids() {
        let step = m.step(id);
        for deadline in &step.deadlines {
            let Some(anchor) = deadline.from else {
                continue;
            };
            if waits_for(m, id, anchor.id) {
                continue;
            }
            let (name, anchor_name) = (step.named.name, m.step(anchor.id).named.name);
            let (message, help) = if anchor.id == id {
                (
                    msg!("anchor-not-before-itself", step = name),
                    msg!("anchor-not-before.help-itself"),
                )
            } else {
                (
                    msg!("anchor-not-before", step = name, anchor = anchor_name),
                    msg!("anchor-not-before.help", step = name, anchor = anchor_name),
                )
            };
            out.push(
                RULE.diagnostic(message, Label::new(anchor.span, msg!("anchor-not-before.label")))
                    .with_label(Label::new(
                        m.step(anchor.id).named.name_span,
                        msg!("anchor-not-before.anchor", anchor = anchor_name),
                    ))
                    .with_help(help),
            );
        }
    }
}

/// Whether `anchor` is among the steps `step` waits for through `after`,
/// directly or not (iterative; each step visited once).
fn waits_for(m: &Model, step: StepId, anchor: StepId) -> bool {
    let mut seen = vec![false; m.steps.len()];
    let mut stack: Vec<StepId> = m.step(step).after.iter().map(|a| a.id).collect();
    while let Some(s) = stack.pop() {
        if s == anchor {
            return true;
        }
        if std::mem::replace(&mut seen[s.index()], true) {
            continue;
        }
        stack.extend(m.step(s).after.iter().map(|a| a.id));
    }
    false
}

const DOC: &str = r#"# anchor-not-before

## What it means
A step's deadline is measured from another step (`within 1h from report`), but that step is
not one it waits for: it is not in the step's `after`, directly or through the steps those wait
for. The error sits on the step named after `from`.

## Why it matters
"Within an hour of the report" means nothing if the report may come after the step: the
deadline could lie before the step may even start, or nobody knows when the hour begins.
Checklists, role cards and simulate count a deadline `from S` from S's own latest time, so
S must come first.

## Example
```
step receive "接报" { owner office; on mass_visit; within 10m }
step report "向组长通报情况" { owner office; on mass_visit; within 1h from receive }
```

## Fix
```
step report "向组长通报情况" { owner office; after receive; within 1h from receive }
```
"#;
