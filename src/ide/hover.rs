//! Hover text: a card for the name under the cursor, in Markdown.

use std::fmt::Write as _;

use super::{Analysis, Target};
use crate::check::words::duration as duration_code;
use crate::model::{Cond, Condition, FactType, Named, Party, Symbol};
use crate::span::Span;
use crate::syntax::ast::{CmpOp, Duration};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverInfo {
    /// The name hovered.
    pub span: Span,
    pub markdown: String,
}

/// Conditions longer than this are cut short in hover text.
const MAX_CONDITION_WORDS: usize = 400;

pub fn hover(a: &Analysis, offset: usize) -> Option<HoverInfo> {
    let key = a.key_at(offset)?;
    let span = a
        .occurrence_at(offset)
        .map(|o| o.span)
        .or_else(|| {
            let i = super::tokens::at(a.tokens(), offset)?;
            Some(a.tokens()[i].span)
        })
        .unwrap_or_default();
    let target = a.resolve(key)?;
    let markdown = card(a, target);
    Some(HoverInfo { span, markdown })
}

/// "`office` — 信访工作办公室"
fn named(a: &Analysis, n: &Named) -> String {
    format!("`{}` — {}", a.model.name(n), a.model.label(n))
}

fn party<'a>(a: &'a Analysis, p: Party) -> &'a Named {
    a.model.party(p)
}

fn list(items: impl IntoIterator<Item = String>) -> String {
    items.into_iter().collect::<Vec<_>>().join(", ")
}

fn duration(a: &Analysis, d: &Duration) -> String {
    a.text(d.span).to_string()
}

/// The Markdown card of a defined name.
pub fn card(a: &Analysis, target: Target) -> String {
    let m = &a.model;
    let mut out = String::new();
    let mut line = |key: &str, value: String| {
        if !value.is_empty() {
            let _ = writeln!(out, "- {key}: {value}");
        }
    };
    let (keyword, head) = match target {
        Target::Variant { fact, index } => {
            let fact = m.fact(fact);
            let variant = match &fact.ty {
                FactType::OneOf(v) => v.get(index),
                _ => None,
            };
            let head = match variant {
                Some(v) => format!("`{}` — {}", v.name, v.label.value),
                None => String::new(),
            };
            line("of fact", named(a, &fact.named));
            ("variant", head)
        }
        Target::Symbol(Symbol::Role(id)) => {
            let r = m.role(id);
            line(
                "holder",
                r.holder
                    .as_ref()
                    .map(|h| h.value.to_string())
                    .unwrap_or_default(),
            );
            line("phone", list(r.phones.iter().map(|p| p.value.to_string())));
            line(
                "deputy",
                r.deputy
                    .map(|d| named(a, party(a, Party::Role(d.id))))
                    .unwrap_or_default(),
            );
            line(
                "escalates to",
                list(r.escalations.iter().map(|e| {
                    let mut s = named(a, party(a, e.target.id));
                    if let Some(w) = &e.within {
                        let _ = write!(s, " within {}", duration(a, w));
                    }
                    s
                })),
            );
            line(
                "members",
                list(r.members.iter().map(|p| named(a, party(a, p.id)))),
            );
            for duty in &r.duties {
                line("duty", duty.value.to_string());
            }
            ("role", named(a, &r.named))
        }
        Target::Symbol(Symbol::External(id)) => {
            let e = m.external(id);
            line(
                "holder",
                e.holder
                    .as_ref()
                    .map(|h| h.value.to_string())
                    .unwrap_or_default(),
            );
            line("phone", list(e.phones.iter().map(|p| p.value.to_string())));
            ("external", named(a, &e.named))
        }
        Target::Symbol(Symbol::Fact(id)) => {
            let f = m.fact(id);
            let ty = match &f.ty {
                FactType::Count => "count (a whole number)".to_string(),
                FactType::Number { .. } => "number (a decimal, compared exactly)".to_string(),
                FactType::Flag => "flag (true or false)".to_string(),
                FactType::OneOf(vs) => format!(
                    "one of {}",
                    list(
                        vs.iter()
                            .map(|v| format!("`{}` — {}", v.name, v.label.value))
                    )
                ),
            };
            line("type", ty);
            ("fact", named(a, &f.named))
        }
        Target::Symbol(Symbol::Level(id)) => {
            let l = &m.levels[id.index()];
            line(
                "rank",
                format!(
                    "{} of {}, most severe first",
                    id.index() + 1,
                    m.levels.len()
                ),
            );
            line(
                "ends when",
                l.until
                    .as_ref()
                    .map(|u| u.value.to_string())
                    .unwrap_or_default(),
            );
            ("level", named(a, &l.named))
        }
        Target::Symbol(Symbol::Trigger(id)) => {
            let t = m.trigger(id);
            line("when", condition_words(a, &m.condition(id)));
            line(
                "level",
                t.level
                    .map(|l| named(a, &m.levels[l.id.index()].named))
                    .unwrap_or_default(),
            );
            ("trigger", named(a, &t.named))
        }
        Target::Symbol(Symbol::Step(id)) => {
            let s = m.step(id);
            line(
                "owner",
                s.owner
                    .map(|o| named(a, &m.role(o.id).named))
                    .unwrap_or_default(),
            );
            let schedule = a.schedule();
            let due = a.due(id);
            line(
                "deadline",
                due.map(|d| {
                    format!(
                        "within {} of the plan being set off",
                        duration_code(d.seconds)
                    )
                })
                .unwrap_or_default(),
            );
            line(
                "phase",
                schedule
                    .phase(id)
                    .map(|p| {
                        format!(
                            "{} (the steps of a phase can be done at the same time)",
                            p + 1
                        )
                    })
                    .unwrap_or_default(),
            );
            line(
                "after",
                list(s.after.iter().map(|p| named(a, &m.step(p.id).named))),
            );
            line(
                "on",
                list(
                    schedule
                        .on(id)
                        .iter()
                        .map(|t| named(a, &m.trigger(*t).named)),
                ),
            );
            if !m.has_on(s) && !s.after.is_empty() {
                // Without `on`, it runs on the occasions of the steps it waits for.
                let by = a
                    .response_to_every_trigger()
                    .get(id)
                    .map(|r| r.set_off_by.clone())
                    .unwrap_or_default();
                line(
                    "set off by",
                    list(by.iter().map(|t| named(a, &m.trigger(*t).named))),
                );
            }
            line(
                "with",
                list(s.with().iter().map(|p| named(a, party(a, p.id)))),
            );
            line(
                "notify",
                list(s.notify().iter().map(|p| named(a, party(a, p.id)))),
            );
            line(
                "until",
                s.until()
                    .as_ref()
                    .map(|u| u.value.to_string())
                    .unwrap_or_default(),
            );
            ("step", named(a, &s.named))
        }
        Target::Symbol(Symbol::Routine(id)) => {
            let r = &m.routines[id.index()];
            line(
                "owner",
                r.owner
                    .map(|o| named(a, &m.role(o.id).named))
                    .unwrap_or_default(),
            );
            line(
                "with",
                list(r.with.iter().map(|p| named(a, party(a, p.id)))),
            );
            line(
                "every",
                r.every.map(|d| duration(a, &d)).unwrap_or_default(),
            );
            line(
                "last done",
                r.last.map(|d| d.to_string()).unwrap_or_default(),
            );
            (
                if r.drill { "drill" } else { "routine" },
                named(a, &r.named),
            )
        }
    };
    let mut card = format!("**{keyword}** {head}\n");
    if !out.is_empty() {
        card.push('\n');
        card.push_str(&out);
    }
    card
}

/// Binding strength, to put parentheses where they are needed.
fn precedence(cond: &Cond) -> u8 {
    match cond {
        Cond::Or(..) => 0,
        Cond::And(..) => 1,
        Cond::Not(..) => 2,
        _ => 3,
    }
}

/// A condition in words, with the labels of its facts, variants and triggers:
/// "到场上访人数 is at least 50 or 过激行为 is one of 自残, 自杀".
/// Built bottom-up over the arena (children come before parents), never
/// recursively; very long conditions are cut short.
pub fn condition_words(a: &Analysis, condition: &Condition) -> String {
    let m = &a.model;
    let mut words: Vec<String> = Vec::with_capacity(condition.len());
    let child = |words: &[String], id: crate::model::CondId, min: u8| -> String {
        let text = words.get(id.0 as usize).cloned().unwrap_or_default();
        match condition.get(id) {
            Some(c) if precedence(&c) < min => format!("({text})"),
            _ => text,
        }
    };
    for node in condition.nodes() {
        let mut text = match &node {
            Cond::Compare {
                fact,
                op,
                value,
                decimal,
                ..
            } => {
                let op = match op {
                    CmpOp::Ge => "is at least",
                    CmpOp::Gt => "is more than",
                    CmpOp::Le => "is at most",
                    CmpOp::Lt => "is less than",
                    CmpOp::Eq => "is exactly",
                    CmpOp::Ne => "is not",
                };
                let value = Cond::number(*value, *decimal);
                format!("{} {op} {value}", m.label(&m.fact(*fact).named))
            }
            Cond::In { fact, variants, .. } => {
                let fact = m.fact(*fact);
                let labels: Vec<String> = match &fact.ty {
                    FactType::OneOf(vs) => variants
                        .iter()
                        .filter_map(|&i| vs.get(i as usize))
                        .map(|v| v.label.value.to_string())
                        .collect(),
                    _ => Vec::new(),
                };
                let alternatives = match labels.as_slice() {
                    [one] => one.clone(),
                    many => format!("one of {}", many.join(", ")),
                };
                format!("{} is {alternatives}", m.label(&fact.named))
            }
            Cond::Flag { fact, .. } => m.label(&m.fact(*fact).named).to_string(),
            Cond::Trigger { trigger, .. } => {
                format!("{} is set off", m.label(&m.trigger(*trigger).named))
            }
            Cond::Not(inner, _) => format!("not {}", child(&words, *inner, 2)),
            Cond::And(parts, _) => parts
                .iter()
                .map(|p| child(&words, *p, 1))
                .collect::<Vec<_>>()
                .join(" and "),
            Cond::Or(parts, _) => parts
                .iter()
                // `and` inside `or` is bracketed although it binds tighter: easier to read.
                .map(|p| child(&words, *p, 2))
                .collect::<Vec<_>>()
                .join(" or "),
            Cond::Unknown(span) => a.text(*span).to_string(),
        };
        if text.chars().count() > MAX_CONDITION_WORDS {
            text = text.chars().take(MAX_CONDITION_WORDS).collect::<String>() + "…";
        }
        words.push(text);
    }
    words
        .get(condition.root.0 as usize)
        .cloned()
        .unwrap_or_default()
}
