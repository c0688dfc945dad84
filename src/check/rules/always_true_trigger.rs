//! `always-true-trigger`: a trigger's condition holds whatever values its
//! facts take, so the plan would always be set off.

use crate::check::words;
use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Code, Label, Severity};
use crate::i18n::{Message, msg};
use crate::logic::{self, Always, CoreLeaf};
use crate::model::{FactId, TriggerId};

pub const RULE: Rule = Rule {
    code: Code::AlwaysTrueTrigger,
    default_severity: Some(Severity::Warning),
    summary: "a trigger's condition holds whatever values its facts take",
    doc: DOC,
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    if model.triggers.is_empty() {
        return;
    }
    for (i, always) in ctx.always_true().iter().enumerate() {
        let id = TriggerId(i as u32);
        let trigger = model.trigger(id);
        let name = model.name(&trigger.named);
        let condition = logic::condition_span(model, id);
        match always {
            // One that holds only because a trigger it names always holds is
            // not reported again: fixing that one fixes it.
            Always::Yes(why) if why.because_of.is_empty() => {
                let primary = if why.core.is_empty() {
                    Label::new(condition, msg!("always-true-trigger.condition"))
                } else {
                    Label::new(trigger.named.name_span, msg!("always-true-trigger.label"))
                };
                let mut d = RULE.diagnostic(msg!("always-true-trigger", trigger = name), primary);
                for leaf in &why.core {
                    let label = if why.core.len() == 1 {
                        msg!("always-true-trigger.every", literal = leaf.literal.as_str())
                    } else {
                        msg!("always-true-trigger.or", literal = leaf.literal.as_str())
                    };
                    d = d.with_label(Label::new(leaf.span, label));
                }
                out.push(d.with_help(help(ctx, &why.core)));
            }
            Always::Undecided => out.push(
                RULE.diagnostic(
                    msg!("always-true-trigger-undecided", trigger = name),
                    Label::new(condition, msg!("always-true-trigger-undecided.label")),
                )
                .with_help(msg!(
                    "always-true-trigger-undecided.help",
                    bound = logic::STEPS_PER_SEARCH
                )),
            ),
            _ => {}
        }
    }
}

/// The facts' ranges that make it always hold, and the fix.
fn help(ctx: &Context, core: &[CoreLeaf]) -> Message {
    let mut facts: Vec<FactId> = core.iter().filter_map(|l| l.fact).collect();
    facts.sort_unstable();
    facts.dedup();
    let ranges = words::ranges(ctx.model, &facts);
    let fix = if core.iter().any(|l| l.count) {
        msg!("always-true-trigger.fix-count")
    } else {
        msg!("always-true-trigger.fix-other")
    };
    match core {
        [] => msg!("always-true-trigger.help-none", fix = fix),
        [only] => msg!(
            "always-true-trigger.help-one",
            ranges = ranges,
            literal = only.literal.as_str(),
            fix = fix
        ),
        _ => msg!("always-true-trigger.help-many", ranges = ranges, fix = fix),
    }
}

const DOC: &str = r#"# always-true-trigger

## What it means
A trigger's condition is true whatever values its facts take: `visitors >= 0` (counts are whole
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
trigger mass_visit "集体上访" when visitors >= 0
```

## Fix
```
trigger mass_visit "集体上访" when visitors >= 50
```
"#;
