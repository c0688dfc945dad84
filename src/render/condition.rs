//! A trigger's condition in plain words: `到场上访人数 ≥ 50 或 过激行为 为 自残、自杀`.
//!
//! Conditions can be nested very deeply, so the words are built without
//! recursion; parts nested deeper than `MAX_DEPTH` read `…`, and words
//! longer than `MAX_CHARS` characters are cut with `…`.

use crate::model::{Cond, CondId, Condition, FactType, Model};
use crate::syntax::ast::CmpOp;

use super::words::Lang;

/// Nesting deeper than this is shown as `…`: no reader follows it anyway.
pub const MAX_DEPTH: usize = 12;
/// Longer words are cut here (in characters).
pub const MAX_CHARS: usize = 600;
const ELLIPSIS: &str = "…";

/// The comparison operator as people write it.
pub fn op_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Ge => "≥",
        CmpOp::Gt => ">",
        CmpOp::Le => "≤",
        CmpOp::Lt => "<",
        CmpOp::Eq => "=",
        CmpOp::Ne => "≠",
    }
}

/// The words of one node once its children's words are known.
struct Part {
    text: String,
    /// `and`/`or` of several parts: needs parentheses inside another operator.
    compound: bool,
}

/// The condition in plain words, in the given language.
pub fn words(model: &Model, condition: &Condition, lang: Lang) -> String {
    let w = lang.words();
    let count = condition.len();
    if condition.root.0 as usize >= count {
        return ELLIPSIS.to_string();
    }
    // Top-down: every node within reach, parents before children.
    let mut order = Vec::new();
    let mut depth = vec![usize::MAX; count];
    let mut stack = vec![(condition.root, 0usize)];
    while let Some((id, d)) = stack.pop() {
        let i = id.0 as usize;
        if i >= count || depth[i] != usize::MAX {
            continue;
        }
        depth[i] = d;
        order.push(id);
        if d >= MAX_DEPTH {
            continue;
        }
        match &condition.node(id) {
            Cond::Not(c, _) => stack.push((*c, d + 1)),
            Cond::And(cs, _) | Cond::Or(cs, _) => stack.extend(cs.iter().map(|c| (*c, d + 1))),
            _ => {}
        }
    }
    let mut parts: Vec<Option<Part>> = (0..count).map(|_| None).collect();
    for &id in order.iter().rev() {
        let i = id.0 as usize;
        let part = if depth[i] >= MAX_DEPTH && is_operator(&condition.node(id)) {
            atom(ELLIPSIS.to_string())
        } else {
            let child = |c: &CondId| -> (String, bool) {
                match parts.get(c.0 as usize).and_then(|p| p.as_ref()) {
                    Some(p) => (p.text.clone(), p.compound),
                    None => (ELLIPSIS.to_string(), false),
                }
            };
            match &condition.node(id) {
                Cond::Compare {
                    fact,
                    op,
                    value,
                    decimal,
                    ..
                } => atom(format!(
                    "{} {} {}",
                    model.label(&model.fact(*fact).named),
                    op_symbol(*op),
                    Cond::number(*value, *decimal)
                )),
                Cond::In { fact, variants, .. } => {
                    let f = model.fact(*fact);
                    let names: Vec<&str> = match &f.ty {
                        FactType::OneOf(defined) => variants
                            .iter()
                            .filter_map(|v| defined.get(*v as usize))
                            .map(|v| v.label.value.as_ref())
                            .collect(),
                        _ => Vec::new(),
                    };
                    atom(format!(
                        "{} {} {}",
                        model.label(&f.named),
                        w.is_one_of,
                        join_variants(&names, lang)
                    ))
                }
                Cond::Flag { fact, .. } => atom(model.label(&model.fact(*fact).named).to_string()),
                Cond::Trigger { trigger, .. } => {
                    atom(model.label(&model.trigger(*trigger).named).to_string())
                }
                Cond::Unknown(_) => atom("?".to_string()),
                Cond::Not(c, _) => {
                    let (text, compound) = child(c);
                    let bare = lang == Lang::En
                        && !compound
                        && matches!(condition.node(*c), Cond::Flag { .. } | Cond::Trigger { .. });
                    if bare {
                        atom(format!("{} {text}", w.not))
                    } else if lang == Lang::En {
                        atom(format!("{} ({text})", w.not))
                    } else {
                        atom(format!("{}{}{text}{}", w.not, w.paren_open, w.paren_close))
                    }
                }
                Cond::And(cs, _) | Cond::Or(cs, _) => {
                    let joiner = match &condition.node(id) {
                        Cond::And(..) => w.and,
                        _ => w.or,
                    };
                    if cs.is_empty() {
                        atom(ELLIPSIS.to_string())
                    } else {
                        let texts: Vec<String> = cs
                            .iter()
                            .map(|c| {
                                let (text, compound) = child(c);
                                if compound && cs.len() > 1 {
                                    format!("{}{text}{}", w.paren_open, w.paren_close)
                                } else {
                                    text
                                }
                            })
                            .collect();
                        Part {
                            text: texts.join(&format!(" {joiner} ")),
                            compound: cs.len() > 1,
                        }
                    }
                }
            }
        };
        parts[i] = Some(cut(part));
    }
    parts
        .get(condition.root.0 as usize)
        .and_then(|p| p.as_ref())
        .map(|p| p.text.clone())
        .unwrap_or_else(|| ELLIPSIS.to_string())
}

fn is_operator(cond: &Cond) -> bool {
    matches!(cond, Cond::Not(..) | Cond::And(..) | Cond::Or(..))
}

fn atom(text: String) -> Part {
    Part {
        text,
        compound: false,
    }
}

fn cut(mut part: Part) -> Part {
    if let Some((at, _)) = part.text.char_indices().nth(MAX_CHARS) {
        part.text.truncate(at);
        part.text.push_str(ELLIPSIS);
    }
    part
}

/// `自残、自杀` or `self-harm, suicide or violence`.
pub fn join_variants(names: &[&str], lang: Lang) -> String {
    match (lang, names) {
        (Lang::En, [init @ .., last]) if !init.is_empty() => {
            format!("{} or {last}", init.join(", "))
        }
        _ => names.join(lang.words().variant_comma),
    }
}
