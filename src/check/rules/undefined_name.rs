//! `undefined-name`: a reference names nothing.

use crate::check::{Context, Rule};
use crate::i18n::{Arg, msg};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::model::Problem;

pub const RULE: Rule = Rule {
    code: Code::UndefinedName,
    default_severity: Some(Severity::Error),
    summary: "a reference names nothing that is defined",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    for problem in &model.problems {
        if let Problem::Undefined(undefined) = problem {
            let name = model.text(undefined.span);
            let expected = undefined.want.words();
            let help = match model.suggestion(undefined) {
                Some(s) => msg!("did-you-mean", name = s),
                None => msg!(
                    "undefined-name.help",
                    expected = Arg::Words(expected),
                    name = name
                ),
            };
            out.push(
                RULE.diagnostic(
                    msg!("undefined-name", name = name),
                    Label::new(
                        undefined.span,
                        msg!("undefined-name.label", expected = Arg::Words(expected)),
                    ),
                )
                .with_help(help),
            );
        }
    }
}

const DOC: &str = r#"# undefined-name

## What it means
A statement refers to a name — an `owner`, a trigger in `on`, a step in `after`, a role in
`notify` or `escalates to`, a fact in a condition — that is defined nowhere in the plan. Names may
be used before the line that defines them, so order is never the cause. When a defined name of
the right kind is close in spelling, the help suggests it.

## Why it matters
A reference to nothing is an instruction nobody can follow: "report to `leeder`" on the bad day
means the report goes nowhere.

## Example
```
role leader "领导小组组长" { holder "_____" }
role office "信访工作办公室" { escalates to leeder }
```

## Fix
```
role office "信访工作办公室" { escalates to leader }
```
"#;
