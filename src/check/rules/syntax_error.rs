//! `syntax-error`: reported by the parser (`syntax`); this file holds its documentation.

use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Severity};

pub const RULE: Rule = Rule {
    code: Code::SyntaxError,
    default_severity: Some(Severity::Error),
    summary: "the file does not follow the plan language's syntax",
    doc: DOC,
    run,
};

/// Syntax errors are produced while parsing, before any rule runs.
fn run(_: &Context, _: &mut Findings) {}

const DOC: &str = r#"# syntax-error

## What it means
The file does not follow the grammar of the plan language: a misspelt keyword, a missing `}` or
quote, a statement a block does not allow, a value of the wrong form (a duration without unit, a
date that does not exist, an unknown string escape), or full-width punctuation typed by a Chinese
input method (`，` `；` `：` `“` `”` `（` `）` `｛` `｝`).

The message says what was expected at that place and what was found. When a file has syntax
errors, planc reports them and does not run the other checks on that file: their findings would
be guesses about text it could not read.

## Why it matters
A plan that does not parse cannot be checked, rendered or simulated. On the bad day, nobody can
hand out its checklist.

## Example
```
step report "立即向领导小组组长通报情况" {
  ownr duty_officer
}
```
```
expected a step attribute — owner, on, after, with, within, notify, until or text — or `}`, found `ownr`
help: did you mean `owner`?
```

## Fix
Write what the message expects:
```
step report "立即向领导小组组长通报情况" {
  owner duty_officer
}
```
The statements each block allows:

| block | statements |
| --- | --- |
| `plan` | `issuer`, `date`, `basis`, `scope`, `commander`, `version`, `kind`, `approver`, `effective`, `reviewed`, `distribution`, `revision`, `text` |
| `role` | `holder`, `phone`, `deputy`, `duty`, `escalates to`, `members`, `text` |
| `external` | `holder`, `phone`, `text` |
| `step` | `owner`, `on`, `after`, `with`, `within`, `notify`, `until`, `every`, `text` |
| `routine`, `drill` | `owner`, `with`, `every`, `last`, `text` |
"#;
