//! `report-deadline` (profile `accident-report`): under some trigger of the
//! most severe level, no step that notifies an outside authority is due
//! within `report-within` (1 hour unless `[settings]` says otherwise). The
//! due times are the schedule's (`Checklists`); the message names the chain
//! of `within … from` deadlines that makes the report late.

use crate::check::reporting::{first_report, most_severe_triggers, when_fire};
use crate::check::words::duration;
use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label};
use crate::i18n::{Arg, msg};
use crate::logic::schedule::{Due, Occasion, Response, Scheduled, earliest_deadline};
use crate::model::{Deadline, Model, StepId, TriggerId};

pub const RULE: Rule = Rule {
    code: Code::ReportDeadline,
    default_severity: None,
    summary: "no step notifying an outside authority is due within `report-within` (default 1h) under every trigger of the most severe level (profile `accident-report`)",
    doc: DOC,
    run,
};

/// What is wrong under one trigger. Triggers with the same finding (the
/// same late report, due at the same time through the same steps) share one
/// diagnostic that names them all: one slip, one finding.
#[derive(PartialEq)]
enum Finding<'m> {
    NoReport,
    Open(StepId),
    Late {
        report: StepId,
        due: Due,
        chain: Vec<(StepId, &'m Deadline, Due)>,
    },
}

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    let limit = ctx.config.report_within_seconds();
    let mut findings: Vec<(Finding, Vec<TriggerId>)> = Vec::new();
    for t in most_severe_triggers(model) {
        let response = ctx.checklists().of(t);
        let finding = match first_report(model, &response) {
            None => Finding::NoReport,
            Some(report) => match report.due {
                None => Finding::Open(report.step),
                Some(due) if due.seconds <= limit => continue,
                Some(due) => Finding::Late {
                    report: report.step,
                    due,
                    chain: chain(model, &response, report),
                },
            },
        };
        match findings.iter_mut().find(|(f, _)| *f == finding) {
            Some((_, triggers)) => triggers.push(t),
            None => findings.push((finding, vec![t])),
        }
    }
    let within = duration(limit);
    for (finding, triggers) in findings {
        let when = || when_fire(model, &triggers);
        let trigger_labels = triggers.iter().map(|t| {
            Label::new(
                model.trigger(*t).named.name_span,
                msg!("report-deadline.trigger"),
            )
        });
        let diagnostic = match finding {
            Finding::NoReport => {
                let mut labels = triggers.iter().map(|t| model.trigger(*t).named.name_span);
                let Some(first) = labels.next() else {
                    continue;
                };
                let mut d = RULE
                    .diagnostic(
                        msg!("report-deadline-none", when = when(), within = within.as_str()),
                        Label::new(first, msg!("report-deadline.label-none")),
                    )
                    .with_help(msg!(
                        "report-deadline.help-none",
                        when = when(),
                        within = within.as_str()
                    ));
                for span in labels {
                    d = d.with_label(Label::new(span, msg!("report-deadline.label-none")));
                }
                d
            }
            Finding::Open(report) => {
                let step = &model.step(report).named;
                RULE.diagnostic(
                    msg!(
                        "report-deadline-open",
                        when = when(),
                        step = model.name(step),
                        within = within.as_str()
                    ),
                    Label::new(step.name_span, msg!("report-deadline.label-open")),
                )
                .with_labels(trigger_labels)
                .with_help(msg!("report-deadline.help", step = model.name(step), within = within.as_str()))
            }
            Finding::Late { report, due, chain } => {
                let step = &model.step(report).named;
                let steps = chain.iter().map(|(s, _, _)| model.name(&model.step(*s).named));
                let mut labels = chain.iter().rev().map(|(s, deadline, due)| {
                    Label::new(
                        deadline.span,
                        msg!(
                            "report-deadline.due",
                            step = model.name(&model.step(*s).named),
                            due = duration(due.seconds)
                        ),
                    )
                });
                let Some(primary) = labels.next() else {
                    continue;
                };
                RULE.diagnostic(
                    msg!(
                        "report-deadline",
                        when = when(),
                        step = model.name(step),
                        due = duration(due.seconds),
                        within = within.as_str(),
                        chain = Arg::path(steps, 8)
                    ),
                    primary,
                )
                .with_help(msg!("report-deadline.help", step = model.name(step), within = within.as_str()))
                .with_labels(labels)
                .with_labels(trigger_labels)
            }
        };
        out.push(diagnostic);
    }
}

/// The deadlines that make `report` due when it is: its own, then the one
/// of the step it is measured `from`, and so on, first step first.
fn chain<'m>(
    model: &'m Model,
    response: &Response,
    report: &Scheduled,
) -> Vec<(StepId, &'m Deadline, Due)> {
    let due_of = |s: StepId| response.get(s).and_then(|x| x.due);
    let mut chain = Vec::new();
    let mut current = Some(report);
    // Each link is an earlier step (`from` must come before, through `after`).
    while let Some(s) = current.filter(|_| chain.len() <= model.steps.len()) {
        let occasion = Occasion::SetOffBy(&s.set_off_by);
        let Some((due, deadline)) = earliest_deadline(model.step(s.step), occasion, due_of) else {
            break;
        };
        chain.push((s.step, deadline, due));
        current = deadline.from.and_then(|anchor| response.get(anchor.id));
    }
    chain.reverse();
    chain
}

const DOC: &str = r#"# report-deadline

## What it means
When a trigger of the plan's most severe level fires (every trigger, when no trigger carries a
level), the first step that `notify`s an outside authority (an `external`) must be due within
`report-within` of the moment the plan is set off: 1 hour unless `planc.toml` sets another limit
(`[settings] report-within = "15m"`, as some provinces require for 重大 accidents). The due times
are those of the trigger's checklist, `within … from` and per-level deadlines included; when the
report is late because it is measured from other steps, the message names that chain of steps and
a label shows each one's due time. A report step without a deadline, or no report step at all,
is reported too. Triggers under which the same report is late in the same way share one finding
that names them all. Part of the profile `accident-report`.

## Why it matters
生产安全事故报告和调查处理条例, Art. 9: the unit's head reports an accident to the county
authorities within 1 hour of learning of it. A plan whose first report is due in 2 hours builds
a late report (迟报, Art. 35) into the procedure.

## Example
```
external superior "上级主管部门"
step report_up "向上级主管部门报告" { owner office; on mass_visit; after report; within 2h from report; notify superior }
```

## Fix
```
external superior "上级主管部门"
step report_up "向上级主管部门报告" { owner office; on mass_visit; after report; within 30m from report; notify superior }
```
"#;
