//! `unsatisfiable-trigger`: a trigger's condition can never be true.

use crate::check::{Context, Rule};
use crate::i18n::{Message, msg};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::logic::{self, CoreLeaf, Verdict};
use crate::model::TriggerId;

pub const RULE: Rule = Rule {
    code: Code::UnsatisfiableTrigger,
    default_severity: Some(Severity::Error),
    summary: "a trigger's condition can never be true",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    if ctx.model.triggers.is_empty() {
        return;
    }
    let analysis = ctx.analysis();
    for (i, verdict) in analysis.verdicts.iter().enumerate() {
        let id = TriggerId(i as u32);
        let name = ctx.model.name(&ctx.model.trigger(id).named);
        let condition = logic::condition_span(ctx.model, id);
        match verdict {
            // Triggers that are unsatisfiable only because they name one that
            // is are not reported again: fixing that one fixes them.
            Verdict::Unsatisfiable(why) if why.because_of.is_empty() => {
                // With a reason, its parts are labelled (a label over the
                // whole condition would hide theirs); without, the condition.
                let primary = if why.core.is_empty() {
                    Label::new(condition, msg!("unsatisfiable-trigger.condition"))
                } else {
                    let name_span = ctx.model.trigger(id).named.name_span;
                    Label::new(name_span, msg!("unsatisfiable-trigger.label"))
                };
                let mut d =
                    RULE.diagnostic(msg!("unsatisfiable-trigger", trigger = name), primary);
                for leaf in &why.core {
                    d = d.with_label(Label::new(leaf.span, leaf_label(leaf)));
                    if let Some(named) = leaf.trigger {
                        d = d.with_label(Label::new(
                            logic::condition_span(ctx.model, named),
                            msg!(
                                "unsatisfiable-trigger.fires-only",
                                trigger = ctx.model.name(&ctx.model.trigger(named).named)
                            ),
                        ));
                    }
                }
                out.push(d.with_help(help(&why.core)));
            }
            Verdict::Undecided => out.push(
                RULE.diagnostic(
                    msg!("unsatisfiable-trigger-undecided", trigger = name),
                    Label::new(condition, msg!("unsatisfiable-trigger-undecided.label")),
                )
                .with_help(msg!(
                    "unsatisfiable-trigger-undecided.help",
                    bound = logic::STEPS_PER_SEARCH.to_string()
                )),
            ),
            _ => {}
        }
    }
}

fn leaf_label(leaf: &CoreLeaf) -> Message {
    if leaf.necessary {
        msg!("unsatisfiable-trigger.needs", literal = leaf.literal.as_str())
    } else {
        msg!("unsatisfiable-trigger.or", literal = leaf.literal.as_str())
    }
}

fn help(core: &[CoreLeaf]) -> Message {
    match core {
        [] => msg!("unsatisfiable-trigger.help-none"),
        [only] if only.count => msg!(
            "unsatisfiable-trigger.help-count",
            literal = only.literal.as_str(),
            max = u64::MAX.to_string()
        ),
        [only] => msg!("unsatisfiable-trigger.help-one", literal = only.literal.as_str()),
        _ if core.iter().all(|l| l.necessary) => msg!("unsatisfiable-trigger.help-all"),
        _ => msg!("unsatisfiable-trigger.help-any"),
    }
}

const DOC: &str = r#"# unsatisfiable-trigger

## What it means
No situation makes the trigger's condition true, whatever the facts are: `visitors >= 50 and
visitors < 10`, `cross_department and not cross_department`, `act in { self_harm } and act in
{ violence }`, or a condition that needs another trigger to fire in a way that trigger never can.
planc decides this exactly: counts as whole numbers from 0 to 18446744073709551615, `one_of`
facts as exactly one of their variants once known, or not known yet (then `act in { … }` is false
and `not act in { self_harm, suicide, violence }` true, as in `planc simulate`), flags as true or
false, with the triggers a condition names written out.
The labels show a smallest set of parts that contradict each other.

A part of a condition that did not resolve (a misspelt name, already reported) counts as "could be
either", so it never makes a trigger unsatisfiable. A trigger that is unsatisfiable only because it
names another unsatisfiable trigger is not reported again; fixing that one fixes it. Triggers in a
loop are left to `trigger-cycle`.

If a condition is too large to decide within planc's search bound (only possible with many `or`s
sharing facts under one `and`), this check says so instead of guessing.

## Why it matters
A trigger that can never fire never sets the plan off: every step that waits for it is dead paper.
It is almost always a typo (`<` for `>=`) or two thresholds written in different places that
drifted apart.

## Example
```
trigger mass_visit "集体上访" when visitors >= 50 and visitors < 10
```

## Fix
```
trigger mass_visit "集体上访" when visitors >= 50
```
"#;
