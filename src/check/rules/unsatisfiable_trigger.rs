//! `unsatisfiable-trigger`: a trigger's condition can never be true.

use crate::check::{Context, Rule};
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
use crate::logic::{self, CoreLeaf, Verdict};
use crate::model::TriggerId;

pub const RULE: Rule = Rule {
    code: Code::UnsatisfiableTrigger,
    default_severity: Some(Severity::Error),
    summary: "a trigger's condition can never be true",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.model.triggers.is_empty() {
        return;
    }
    let analysis = ctx.analysis();
    for (i, verdict) in analysis.verdicts.iter().enumerate() {
        let id = TriggerId(i as u32);
        let name = ctx.model.trigger(id).named.name;
        let condition = logic::condition_span(ctx.model, id);
        match verdict {
            // Triggers that are unsatisfiable only because they name one that
            // is are not reported again: fixing that one fixes them.
            Verdict::Unsatisfiable(why) if why.because_of.is_empty() => {
                // With a reason, its parts are labelled (a label over the
                // whole condition would hide theirs); without, the condition.
                let primary = if why.core.is_empty() {
                    Label::new(condition, "this is never true")
                } else {
                    let name_span = ctx.model.trigger(id).named.name_span;
                    Label::new(name_span, "this trigger can never fire")
                };
                let mut d = RULE.diagnostic(format!("the condition of trigger `{name}` can never be true"),
                    primary,
                );
                for leaf in &why.core {
                    d = d.with_label(Label::new(leaf.span, leaf_label(leaf)));
                    if let Some(named) = leaf.trigger {
                        d = d.with_label(Label::new(
                            logic::condition_span(ctx.model, named),
                            format!(
                                "`{}` fires only when this is true",
                                ctx.model.trigger(named).named.name
                            ),
                        ));
                    }
                }
                out.push(d.with_help(help(&why.core)));
            }
            Verdict::Undecided => out.push(
                RULE.diagnostic(format!(
                        "could not decide whether the condition of trigger `{name}` can ever be true"
                    ),
                    Label::new(condition, "too many combinations to decide"),
                )
                .with_help(format!(
                    "planc stopped its search at the bound of {} steps (plus 8 for each part of the plan's conditions): split the condition into smaller triggers that name one another",
                    logic::STEPS_PER_SEARCH
                )),
            ),
            _ => {}
        }
    }
}

fn leaf_label(leaf: &CoreLeaf) -> String {
    if leaf.necessary {
        format!("needs `{}`", leaf.literal)
    } else {
        format!("or `{}`", leaf.literal)
    }
}

fn help(core: &[CoreLeaf]) -> String {
    match core {
        [] => "no situation makes this condition true: check its comparisons, `not`s and the triggers it names".into(),
        [only] if only.count => format!(
            "no count makes `{}` true (counts are whole numbers from 0 to {}): correct it",
            only.literal,
            u64::MAX
        ),
        [only] => format!("`{}` is never true: correct it", only.literal),
        _ if core.iter().all(|l| l.necessary) => "no situation meets all the labelled parts at once: correct one of them, or join them with `or` if either should set the trigger off".into(),
        _ => "no situation meets the labelled parts: whichever alternative holds, another labelled part rules it out; correct one of them".into(),
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
