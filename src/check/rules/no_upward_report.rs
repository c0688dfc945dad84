//! `no-upward-report` (profile `xinfang`): a trigger of the most severe
//! level sets off no step that notifies an outside authority.

use crate::check::reporting::{first_report, most_severe_triggers, when_fire};
use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label};
use crate::i18n::msg;
use crate::model::TriggerId;

pub const RULE: Rule = Rule {
    code: Code::NoUpwardReport,
    default_severity: None,
    summary: "a trigger of the most severe level sets off no step that notifies an outside authority (profile `xinfang`)",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    // One finding for all the triggers that tell nobody: one step `on` them
    // all is the fix.
    let silent: Vec<TriggerId> = most_severe_triggers(model)
        .into_iter()
        .filter(|t| first_report(model, &ctx.checklists().of(*t)).is_none())
        .collect();
    let mut labels = silent.iter().map(|t| {
        Label::new(
            model.trigger(*t).named.name_span,
            msg!("no-upward-report.label"),
        )
    });
    let Some(first) = labels.next() else {
        return;
    };
    let names = || silent.iter().map(|t| model.name(&model.trigger(*t).named));
    out.push(
        RULE.diagnostic(
            msg!("no-upward-report", when = when_fire(model, &silent)),
            first,
        )
        .with_labels(labels)
        .with_help(msg!(
            "no-upward-report.help",
            on = names().collect::<Vec<_>>().join(", ")
        )),
    );
}

const DOC: &str = r#"# no-upward-report

## What it means
A trigger of the plan's most severe level (every trigger, when no trigger carries a level) sets
off no step that `notify`s an outside authority (an `external`, such as the 上级主管部门 or the
本级党委和政府): when it fires, nobody outside the unit is told. The steps counted are those of the
trigger's checklist: the steps that run when it fires, with every trigger that fires whenever it
does. All such triggers are named in one finding: one step `on` them all is the fix. Part of the
profile `xinfang`.

## Why it matters
信访工作条例 (2022), Art. 25: a major or urgent petition matter is reported in time to the Party
committee and government at the same level and passed to the departments concerned; 缓报 (a late
report) is sanctioned (Art. 46).

## Example
```
level I "特别重大"
trigger mass_visit "集体上访" when visitors >= 50 level I
```

## Fix
```
external superior "上级主管部门"
step report "向上级主管部门报告" { owner office; on mass_visit; within 10m; notify superior }
```
"#;
