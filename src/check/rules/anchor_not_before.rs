//! `anchor-not-before` (v1): `within D from S` where S need not be done
//! before this step: S is not among the steps it waits for through `after`,
//! directly or not.

use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::i18n::msg;
use crate::logic::schedule::Schedule;
use crate::model::{Model, StepId};

pub const RULE: Rule = Rule {
    code: Code::AnchorNotBefore,
    default_severity: Some(Severity::Error),
    summary: "`within D from S` where S need not be done before this step",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let m = ctx.model;
    let mut search = Search::new(m, ctx.schedule());
    for id in m.step_ids() {
        let step = m.step(id);
        for deadline in step.deadlines() {
            let Some(anchor) = deadline.from else {
                continue;
            };
            if search.waits_for(m, id, anchor.id) {
                continue;
            }
            let (name, anchor_name) = (m.name(&step.named), m.name(&m.step(anchor.id).named));
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

/// Searches up the `after` lists, with memory kept from one question to
/// the next (a plan has a `from` on thousands of steps: one search must not
/// cost a pass over every step).
struct Search<'a> {
    schedule: &'a Schedule,
    /// Per step: the number of the question that last visited it.
    seen: Vec<u32>,
    question: u32,
    stack: Vec<StepId>,
}

impl<'a> Search<'a> {
    fn new(m: &Model, schedule: &'a Schedule) -> Self {
        Search {
            schedule,
            seen: vec![0; m.steps.len()],
            question: 0,
            stack: Vec::new(),
        }
    }

    /// Whether `anchor` is among the steps `step` waits for through `after`,
    /// directly or not (iterative; each step visited once). Outside `after`
    /// cycles a step waits only for steps earlier in the dependency order,
    /// so the search skips every step before `anchor` there.
    fn waits_for(&mut self, m: &Model, step: StepId, anchor: StepId) -> bool {
        let after = &m.step(step).after;
        if after.iter().any(|a| a.id == anchor) {
            return true;
        }
        // `None`: `step` is in or behind a cycle, nothing is skipped.
        let floor = match (self.schedule.rank(step), self.schedule.rank(anchor)) {
            (Some(mine), Some(theirs)) if theirs < mine => Some(theirs),
            // Every step a ranked step waits for is ranked, and earlier.
            (Some(_), _) => return false,
            (None, _) => None,
        };
        let behind = |s: StepId| {
            floor.is_some_and(|f| self.schedule.rank(s).is_none_or(|r| r < f))
        };
        self.question += 1;
        let question = self.question;
        self.stack.clear();
        self.stack.extend(after.iter().map(|a| a.id));
        while let Some(s) = self.stack.pop() {
            if s == anchor {
                return true;
            }
            if behind(s) || std::mem::replace(&mut self.seen[s.index()], question) == question {
                continue;
            }
            self.stack.extend(m.step(s).after.iter().map(|a| a.id));
        }
        false
    }
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
