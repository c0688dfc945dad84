//! `unassigned-role`: an internal role that owns a step has no `holder`, or a
//! placeholder one.

use crate::check::{Context, Rule};
use crate::i18n::{msg};
use crate::diagnostic::{Code, Diagnostic, Label, Severity};
use crate::model::StepId;

pub const RULE: Rule = Rule {
    code: Code::UnassignedRole,
    default_severity: Some(Severity::Warning),
    summary: "an internal role that owns a step has no `holder`, or a placeholder one",
    doc: DOC,
    run,
};

/// What a holder may be made of and still name nobody.
enum Placeholder {
    /// A blank to fill in: the text is only this character, repeated (white
    /// space aside).
    Blank(char),
    /// The whole text (white space around it aside).
    Word(&'static str),
}

/// The spec's placeholders. `planc.toml` may add whole texts (`placeholders`).
const PLACEHOLDERS: &[Placeholder] = &[
    Placeholder::Blank('_'),
    Placeholder::Blank('＿'),
    Placeholder::Blank('*'),
    Placeholder::Blank('X'),
    Placeholder::Blank('x'),
    Placeholder::Word("待定"),
    Placeholder::Word("TBD"),
];

/// Whether a holder text names nobody: empty, white space, only blank
/// characters, or a placeholder word.
pub fn is_placeholder(holder: &str, extra: &[String]) -> bool {
    let text = holder.trim();
    let blank = |c: char| {
        c.is_whitespace()
            || PLACEHOLDERS
                .iter()
                .any(|p| matches!(p, Placeholder::Blank(b) if *b == c))
    };
    text.chars().all(blank)
        || PLACEHOLDERS
            .iter()
            .any(|p| matches!(p, Placeholder::Word(w) if *w == text))
        || extra.iter().any(|w| w.trim() == text)
}

fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    let mut owned: Vec<Vec<StepId>> = vec![Vec::new(); model.roles.len()];
    for s in model.step_ids() {
        if let Some(owner) = model.step(s).owner {
            owned[owner.id.index()].push(s);
        }
    }
    for id in model.role_ids() {
        let steps = &owned[id.index()];
        let Some(&first) = steps.first() else {
            continue;
        };
        let role = model.role(id);
        let primary = match &role.holder {
            None => Label::new(role.named.name_span, msg!("unassigned-role.none")),
            Some(h) if is_placeholder(&h.value, &ctx.config.placeholders) => {
                Label::new(h.span, msg!("unassigned-role.placeholder"))
            }
            Some(_) => continue,
        };
        let first_step = model.step(first);
        let owner_span = first_step
            .owner
            .map_or(first_step.named.name_span, |o| o.span);
        out.push(
            RULE.diagnostic(
                msg!(
                    "unassigned-role",
                    role = role.named.name,
                    count = steps.len()
                ),
                primary,
            )
            .with_label(Label::new(
                owner_span,
                msg!("unassigned-role.step", step = first_step.named.name),
            ))
            .with_help(msg!("unassigned-role.help", role = role.named.name)),
        );
    }
}

const DOC: &str = r#"# unassigned-role

## What it means
An internal role owns at least one step, but its `holder` is missing or is a placeholder rather
than a person or post: empty, only white space, only `_`, `＿`, `*`, `X` or `x` (`"_____"`,
`"XXX"`), or exactly `待定` or `TBD`. Further placeholder texts can be listed under `placeholders`
in `planc.toml`. Roles that own only routines or drills, or nothing, are not checked.

## Why it matters
Plans are often copied from a template with the names left blank: "组长: _____". A step whose
owner is a blank is done by nobody on the day; the blank must be filled before the plan is
issued.

## Example
```
role leader "领导小组组长" { holder "_____" }
step command "统一指挥" { owner leader; after report }
```

## Fix
```
role leader "领导小组组长" { holder "张三(站长)" }
```
"#;

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn placeholders_are_recognised() {
        for text in [
            "",
            "  ",
            "_____",
            "＿＿＿",
            "***",
            "XXX",
            "xx",
            "_ _",
            "　",
            "待定",
            " TBD ",
        ] {
            assert!(is_placeholder(text, &[]), "{text:?}");
        }
        for text in ["张三", "uu同志", "XX同志", "TBD later", "x1", "办公室主任"] {
            assert!(!is_placeholder(text, &[]), "{text:?}");
        }
        assert!(is_placeholder("某某", &["某某".to_string()]));
    }
}
