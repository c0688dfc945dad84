//! `unused-suppression`: reported by the pipeline's suppression step
//! (`crate::suppress`); this file holds its documentation.

use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Severity};

pub const RULE: Rule = Rule {
    code: Code::UnusedSuppression,
    default_severity: Some(Severity::Warning),
    summary: "a `# planc: allow(...)` comment silences nothing",
    doc: DOC,
    run,
};

/// Suppressions are matched against the other rules' findings after they ran.
fn run(_: &Context, _: &mut Findings) {}

const DOC: &str = r#"# unused-suppression

## What it means
A comment `# planc: allow(CODE) — reason` on the line directly above an item (a role, step,
trigger, section …) silences the finding `CODE` for that item: every `CODE` diagnostic whose
primary place lies inside the item. Several codes may be listed, `allow(orphan-role, no-deputy)`,
and the suppression may be followed by more comment lines before the item, but not by a blank line.

This check reports a suppression that silences nothing:
- the item below it has no such finding (any more), or it is not directly above an item;
- it names a code that does not exist (`planc explain --list` lists them);
- it gives no reason after the parentheses — a suppression without a reason is not honoured;
- the comment starts with `planc:` but is not of the form `planc: allow(CODE) — reason`.

A suppression of a check that is turned off (in planc.toml or with `--ignore`) is not reported.

## Why it matters
A suppression is a decision someone took about one finding, and its reason is the record of that
decision for the next reviewer. One that silences nothing hides nothing today but will hide a real
finding tomorrow, when the item changes; one that names a misspelt code or no reason does not do
what its author thinks.

## Example
```
# planc: allow(missing-owner) — 由现场指挥临时指定
step report "向组长通报情况" { owner office; on mass_visit; within 10m }

# planc: allow(orphan-role)
role liaison "联络员" { holder "王五" }
```
The step has an owner, so the first suppression silences nothing; the second gives no reason.

## Fix
Remove a suppression that silences nothing (or the code that no longer fires from its list),
correct a misspelt code, and give every suppression its reason:
```
step report "向组长通报情况" { owner office; on mass_visit; within 10m }

# planc: allow(orphan-role) — 由上级任命，本预案中不承担步骤
role liaison "联络员" { holder "王五" }
```
"#;
