//! `wrong-kind`: a reference names something of the wrong kind.

use crate::check::{Context, Rule};
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
use crate::model::Problem;

pub const RULE: Rule = Rule {
    code: Code::WrongKind,
    default_severity: Some(Severity::Error),
    summary: "a reference names something of the wrong kind",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for problem in &ctx.model.problems {
        if let Problem::WrongKind {
            name,
            span,
            found,
            definition,
            expected,
            position,
        } = problem
        {
            let place = if *position == "condition" {
                "a condition".to_string()
            } else {
                format!("`{position}`")
            };
            out.push(
                RULE.diagnostic(format!(
                        "{place} needs {expected}, but `{name}` is {}",
                        found.article()
                    ),
                    Label::new(*span, format!("expected {expected}")),
                )
                .with_label(Label::new(
                    *definition,
                    format!("`{name}` is defined here as {}", found.article()),
                ))
                .with_help(help(position, expected)),
            );
        }
    }
}

fn help(position: &str, expected: &str) -> String {
    match position {
        "owner" | "commander" => "an owner must be one of the plan's own roles; an external (police, a superior authority) may take part with `with` or be told with `notify`, but cannot own".into(),
        "deputy" => "a deputy acts for the role when its holder is away, so it must be one of the plan's own roles; an outside authority cannot act for a role: name an internal role, and tell the outside party with `notify` or `escalates to`".into(),
        _ => format!("name {expected} here"),
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
