//! `wrong-kind`: a reference names something of the wrong kind.

use crate::check::{Context, Rule};
use crate::i18n::{Arg, Message, msg};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::model::{Problem, WrongKind};

pub const RULE: Rule = Rule {
    code: Code::WrongKind,
    default_severity: Some(Severity::Error),
    summary: "a reference names something of the wrong kind",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for problem in &ctx.model.problems {
        if let Problem::WrongKind(wrong) = problem {
            let WrongKind {
                name,
                span,
                found,
                definition,
                expected,
                position,
            } = &**wrong;
            let expected = expected.words();
            let place = if *position == "condition" {
                msg!("wrong-kind-in-condition")
            } else {
                msg!("wrong-kind-in-statement", keyword = *position)
            };
            let message = msg!(
                "wrong-kind",
                place = place,
                expected = Arg::Words(expected),
                name = *name,
                found = found.article()
            );
            out.push(
                RULE.diagnostic(
                    message,
                    Label::new(
                        *span,
                        msg!("wrong-kind.label", expected = Arg::Words(expected)),
                    ),
                )
                .with_label(Label::new(
                    *definition,
                    msg!("wrong-kind.definition", name = *name, found = found.article()),
                ))
                .with_help(help(position, expected)),
            );
        }
    }
}

fn help(position: &str, expected: &'static str) -> Message {
    match position {
        "owner" | "commander" => msg!("wrong-kind.help-owner"),
        "deputy" => msg!("wrong-kind.help-deputy"),
        _ => msg!("wrong-kind.help", expected = Arg::Words(expected)),
    }
}

const DOC: &str = r#"# wrong-kind

## What it means
A name is defined, but as the wrong kind of thing for where it is used:

| position | must name |
| --- | --- |
| `owner`, `commander`, `deputy` | an internal `role` |
| `on` | a `trigger` |
| `after` | a `step` |
| `escalates to`, `notify`, `with`, `members` | a `role` or an `external` |
| `level` of a trigger | a `level` |
| a bare name in a condition | a `trigger` or a `flag` fact |
| the left side of a comparison or `in` | a `fact` |

The diagnostic labels the use and the definition.

## Why it matters
An external authority (the police, a superior department) cannot be made responsible for a step
of your plan, nor act for one of its roles as `deputy`: you cannot hold them to it. A step that starts "on" another step instead of a
trigger never starts.

## Example
```
external police "公安机关" { phone "110" }
step keep_order "维护现场秩序" { owner police; on mass_visit }
```

## Fix
```
step keep_order "维护现场秩序" { owner scene; with police; on mass_visit }
```
"#;
