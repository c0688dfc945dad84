//! `duplicate-definition`: a name defined twice, or a single attribute given twice.

use crate::check::{Context, Rule};
use crate::i18n::msg;
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::model::{Duplicate, Problem};

pub const RULE: Rule = Rule {
    code: Code::DuplicateDefinition,
    default_severity: Some(Severity::Error),
    summary: "a name is defined twice, or an attribute that may be given once is given twice",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for problem in &ctx.model.problems {
        if let Problem::Duplicate(duplicate) = problem {
            let Duplicate {
                what,
                first,
                second,
                attribute,
            } = &**duplicate;
            let (message, label, first_label, help) = if *attribute {
                (
                    msg!("duplicate-given", what = what.clone()),
                    msg!("duplicate-given.label"),
                    msg!("duplicate-given.first"),
                    msg!("duplicate-given.help"),
                )
            } else {
                (
                    msg!("duplicate-defined", what = what.clone()),
                    msg!("duplicate-defined.label"),
                    msg!("duplicate-defined.first"),
                    msg!("duplicate-defined.help"),
                )
            };
            out.push(
                RULE.diagnostic(message, Label::new(*second, label))
                    .with_label(Label::new(*first, first_label))
                    .with_help(help),
            );
        }
    }
}

const DOC: &str = r#"# duplicate-definition

## What it means
All roles, externals, facts, levels, triggers, steps, routines and drills of a plan share one
namespace, so a name may be defined only once (the variants of a `one_of` fact have a namespace of
their own, per fact). Attributes that may be given once — `owner`, `until`, `holder`,
`deputy`, `every`, `issuer`, `date`, `scope`, `commander`, `version`, `approver`, `kind`,
`effective`, `reviewed`, `distribution`, `last`, `element` — may not be repeated in a block; a
step may have several `within`, but two for the same trigger or level (or two without `for`) are
a duplicate too.
Both places are labelled. planc keeps the first and ignores the second.

## Why it matters
Two roles named `office` mean that `owner office` could be either: the plan no longer says who is
responsible. Two `owner` lines in a step mean two people each think the other one is in charge.

## Example
```
role office "信访工作办公室" { holder "uu同志" }
role office "值班室" { holder "_____" }
```

## Fix
Rename one of them and update its references:
```
role office "信访工作办公室" { holder "uu同志" }
role duty_room "值班室" { holder "_____" }
```
"#;
