//! `unused-level`: a level that no trigger carries and no step names.

use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::i18n::msg;

pub const RULE: Rule = Rule {
    code: Code::UnusedLevel,
    default_severity: Some(Severity::Warning),
    summary: "a level that no trigger carries and no step names",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    let mut used = vec![false; model.levels.len()];
    for trigger in &model.triggers {
        if let Some(level) = trigger.level {
            used[level.id.index()] = true;
        }
    }
    // A step that names a level in `on` or in `within … for`.
    for step in &model.steps {
        let named = step.deadlines().iter().flat_map(|d| &d.for_levels);
        for level in step.on_levels().iter().chain(named) {
            used[level.id.index()] = true;
        }
    }
    // A level that did not resolve somewhere may have been meant for one of
    // these: `undefined-name` speaks for it.
    let mentions = crate::check::mentions::Mentions::of(model);
    for (level, used) in model.levels.iter().zip(used) {
        if used || mentions.covers(&level.named) {
            continue;
        }
        out.push(
            RULE.diagnostic(
                msg!("unused-level", level = model.name(&level.named)),
                Label::new(level.named.name_span, msg!("unused-level.label")),
            )
            .with_help(msg!("unused-level.help", level = model.name(&level.named))),
        );
    }
}

const DOC: &str = r#"# unused-level

## What it means
A `level` is declared, but no trigger carries it (`trigger … level II`) and no step names it in
`on`.

## Why it matters
Response levels (Ⅰ–Ⅳ, 特别重大 to 一般) are the backbone of 分级响应: each must say when it applies.
A level nobody reaches is a grade of response the plan promises but never starts — often a
trigger that lost its `level` in an edit, or a threshold table copied from another plan.

## Example
```
level I "特别重大"
level II "重大"
trigger mass_visit "集体上访" when visitors >= 50 level I
```

## Fix
```
trigger crowd "较大规模上访" when visitors >= 20 level II
```
"#;
