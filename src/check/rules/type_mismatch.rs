//! `type-mismatch`: a condition does not fit its fact's type.

use crate::check::{Context, Rule};
use crate::i18n::msg;
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::model::Problem;

pub const RULE: Rule = Rule {
    code: Code::TypeMismatch,
    default_severity: Some(Severity::Error),
    summary: "a condition does not fit its fact's type, or names a variant the fact lacks",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for problem in &ctx.model.problems {
        if let Problem::TypeMismatch(m) = problem {
            out.push(
                RULE.diagnostic(m.message.clone(), Label::new(m.span, m.label.clone()))
                    .with_label(Label::new(m.fact, msg!("type-mismatch-fact")))
                    .with_help(m.help.clone()),
            );
        }
    }
}

const DOC: &str = r#"# type-mismatch

## What it means
Each fact has a type, and a condition must use it accordingly:

- a `count` is compared with a whole number: `visitors >= 50`;
- a `one_of` fact is tested with `in`, naming its own variants: `act in { self_harm, suicide }`;
- a `flag` stands bare: `cross_department`, `not cross_department`.

This check fires when a condition uses a fact otherwise, or names a variant its fact does not have.

## Why it matters
"`act >= 50`" has no meaning: on the bad day nobody can tell whether the trigger has fired.
A misspelt variant (`selfharm`) silently never matches.

## Example
```
fact act "过激行为": one_of { self_harm "自残", suicide "自杀" }
trigger extreme "极端行为" when act in { selfharm }
```

## Fix
```
trigger extreme "极端行为" when act in { self_harm }
```
"#;
