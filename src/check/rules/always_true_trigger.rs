//! `always-true-trigger`: a trigger's condition holds whatever values its
//! facts take, so the plan would always be set off.

use crate::check::words;
use crate::check::{Context, Rule};
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
use crate::logic::{self, Always, CoreLeaf};
use crate::model::{FactId, TriggerId};

pub const RULE: Rule = Rule {
    code: Code::AlwaysTrueTrigger,
    default_severity: Some(Severity::Warning),
    summary: "a trigger's condition holds whatever values its facts take",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    if model.triggers.is_empty() {
        return;
    }
    for (i, always) in logic::always_true(model, ctx.graphs).iter().enumerate() {
        let id = TriggerId(i as u32);
        let trigger = model.trigger(id);
        let name = trigger.named.name;
        let condition = logic::condition_span(model, id);
        match always {
            // One that holds only because a trigger it names always holds is
            // not reported again: fixing that one fixes it.
            Always::Yes(why) if why.because_of.is_empty() => {
                let primary = if why.core.is_empty() {
                    Label::new(condition, "this is always true")
                } else {
                    Label::new(trigger.named.name_span, "this trigger always fires")
                };
                let mut d = RULE.diagnostic(
                    format!(
                        "the condition of trigger `{name}` holds whatever the facts are: the plan would always be set off"
                    ),
                    primary,
                );
                for leaf in &why.core {
                    d = d.with_label(Label::new(leaf.span, leaf_label(leaf, why.core.len())));
                }
                out.push(d.with_help(help(ctx, &why.core)));
            }
            Always::Undecided => out.push(
                RULE.diagnostic(
                    format!("could not decide whether the condition of trigger `{name}` always holds"),
                    Label::new(condition, "too many combinations to decide"),
                )
                .with_help(format!(
                    "planc stopped its search at the bound of {} steps: split the condition into smaller triggers that name one another",
                    logic::STEPS_PER_SEARCH
                )),
            ),
            _ => {}
        }
    }
}

fn leaf_label(leaf: &CoreLeaf, parts: usize) -> String {
    if parts == 1 {
        format!("`{}` holds for every value", leaf.literal)
    } else {
        format!("or `{}`", leaf.literal)
    }
}

/// The facts' ranges that make it always hold, and the fix.
fn help(ctx: &Context, core: &[CoreLeaf]) -> String {
    let mut facts: Vec<FactId> = core.iter().filter_map(|l| l.fact).collect();
    facts.sort_unstable();
    facts.dedup();
    let ranges: Vec<String> = facts.iter().map(|&f| words::range(ctx.model, f)).collect();
    let why = match core {
        [] => "whatever the facts are, it holds".to_string(),
        [only] => format!("{}, and every one of them makes `{}` true", ranges.join("; "), only.literal),
        _ => format!(
            "{}; for every value, one of the labelled parts is true",
            ranges.join("; ")
        ),
    };
    let fix = if core.iter().any(|l| l.count) {
        "correct the threshold (`>= 0` holds for every count: was `> 0` or `>= 5` meant?)"
    } else {
        "check the `or`s and `not`s (was `and` meant?)"
    };
    format!(
        "{why}. A trigger says when to start the response; one that always holds starts it when nothing has happened: {fix}"
    )
}

const DOC: &str = r#"# always-true-trigger

## What it means
A trigger's condition is true whatever values its facts take: `crowd >= 0` (counts are whole
numbers from 0 up), `incident or not incident`, `visitors < 10 or visitors > 5`. planc decides this
exactly, with the triggers a condition names written out, and labels a smallest set of parts that
together always hold; the help says the facts' ranges.

For this check a `one_of` fact may also be unknown (nothing of the kind has been reported yet): so
naming all its variants, `severity in { minor, major, grave }` ("once the kind of event is known"),
is not reported, nor is a trigger that holds only through such a one. A trigger that always holds
only because it names another that does is not reported again; fixing that one fixes it.

## Why it matters
A trigger says when the plan is set off. One that always holds sets it off when nothing has
happened, and its level becomes the response level of every incident. It is almost always a wrong
threshold (`>= 0` for `> 0`) or an `or` where an `and` was meant.

## Example
```
trigger crowd "人员聚集" when crowd >= 0 level III
```

## Fix
```
trigger crowd "人员聚集" when crowd >= 5 level III
```
"#;
