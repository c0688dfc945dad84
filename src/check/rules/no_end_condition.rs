//! `no-end-condition` (profile `management2024`): a level has no `until`.

use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label};
use crate::i18n::msg;

pub const RULE: Rule = Rule {
    code: Code::NoEndCondition,
    default_severity: None,
    summary: "a level has no `until`: when its response ends is not said (profile `management2024`)",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for level in ctx.model.levels.iter().filter(|l| l.until.is_none()) {
        let name = ctx.model.name(&level.named);
        out.push(
            RULE.diagnostic(
                msg!("no-end-condition", level = name),
                Label::new(level.named.name_span, msg!("no-end-condition.label")),
            )
            .with_help(msg!("no-end-condition.help", level = name)),
        );
    }
}

const DOC: &str = r#"# no-end-condition

## What it means
A `level` has no `until`: the plan does not say when a response at that level ends (响应结束条件).
Part of the profile `management2024`.

## Why it matters
突发事件应急预案管理办法 (国办发〔2024〕5号) asks that each response level state its criteria,
its measures and the condition that ends it. Without one, nobody can declare the response over,
and staff stay on alert, or stand down, on a guess. The research notes place this in its
Art. 18; that article number was not verified here, so the document alone is cited.

## Example
```
level I "特别重大"
trigger mass_visit "集体上访" when visitors >= 50 level I
```

## Fix
```
level I "特别重大" { until "事态得到控制，现场秩序恢复正常" }
```
"#;
