//! `unused-fact`: a fact is used in no condition.

use crate::check::mentions::Mentions;
use crate::check::{Context, Rule};
use crate::i18n::{msg};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::model::Cond;

pub const RULE: Rule = Rule {
    code: Code::UnusedFact,
    default_severity: Some(Severity::Warning),
    summary: "a fact is used in no condition",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let mut used = vec![false; ctx.model.facts.len()];
    for trigger in &ctx.model.triggers {
        for node in ctx.model.conditions.get(trigger.condition).nodes() {
            if let Cond::Compare { fact, .. } | Cond::In { fact, .. } | Cond::Flag { fact, .. } =
                node
            {
                used[fact.index()] = true;
            }
        }
    }
    let mentions = Mentions::of(ctx.model);
    for (i, fact) in ctx.model.facts.iter().enumerate() {
        let named = &fact.named;
        if used[i] || mentions.covers(named) {
            continue;
        }
        out.push(
            RULE.diagnostic(
                msg!("unused-fact", fact = ctx.model.name(named)),
                Label::new(named.name_span, msg!("unused-fact.label")),
            )
            .with_help(msg!("unused-fact.help", fact = ctx.model.name(named))),
        );
    }
}

const DOC: &str = r#"# unused-fact

## What it means
A `fact` is declared but no trigger's condition refers to it.

## Why it matters
Facts are what the plan watches: the number of visitors, an extreme act, a fire. A fact that no
trigger reads is something the plan says matters and then never acts on: often a trigger was
written over the wrong fact, or the trigger for it was forgotten.

## Example
```
fact visitors "到场上访人数": count
fact act "过激行为": one_of { self_harm "自残", violence "暴力冲击" }
trigger mass_visit "集体上访" when visitors >= 50
```
`act` is read by no trigger.

## Fix
```
trigger extreme_act "极端行为" when act in { self_harm, violence }
step stop "制止过激行为" { owner scene; on extreme_act }
```
"#;
