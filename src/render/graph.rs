//! The graphs as pictures: what `planc graph` draws, independent of the
//! drawing language (DOT, Mermaid). Node ids are indexes; the renderers name
//! them `n0`, `n1`… so user text never becomes an identifier.

use crate::model::{Model, Party};

use super::condition;
use super::words::{Lang, within_words};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Role,
    External,
    Trigger,
    Step,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    /// Lines of text, the first one the label.
    pub lines: Vec<String>,
    /// The plan's commander (drawn emphasised).
    pub commander: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// `escalates to`
    Escalation,
    /// trigger → step, `on`
    On,
    /// step → step, `after`
    After,
    /// trigger → trigger named in its condition
    Condition,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub lang: Lang,
    pub title: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

fn holder_line(holder: Option<&crate::syntax::ast::Str>, lang: Lang) -> Option<String> {
    let w = lang.words();
    holder.map(|h| format!("{}{}{}", w.open.trim_start(), h.value, w.close))
}

/// The escalation graph: a node per role (then per external), an edge per
/// `escalates to`, labelled with its `within`; the commander marked.
pub fn escalation(model: &Model, lang: Lang) -> Picture {
    let w = lang.words();
    let commander = model
        .header
        .as_ref()
        .and_then(|h| h.commander)
        .map(|c| c.id);
    let mut nodes = Vec::new();
    for id in model.role_ids() {
        let role = model.role(id);
        let mut lines = vec![role.named.label.value.to_string()];
        lines.extend(holder_line(role.holder.as_ref(), lang));
        let is_commander = commander == Some(id);
        if is_commander {
            lines.push(format!("★ {}", w.commander_mark));
        }
        nodes.push(Node {
            kind: NodeKind::Role,
            lines: wrap(&lines),
            commander: is_commander,
        });
    }
    // Externals that nobody escalates to are left out: they are contacts, not
    // part of the chain (the checklist lists them).
    let escalated: std::collections::HashSet<Party> = model
        .roles
        .iter()
        .flat_map(|r| r.escalations.iter().map(|e| e.target.id))
        .collect();
    let mut external_index = vec![usize::MAX; model.externals.len()];
    for (i, e) in model.externals.iter().enumerate() {
        if !escalated.contains(&Party::External(crate::model::ExternalId(i as u32))) {
            continue;
        }
        external_index[i] = nodes.len();
        let mut lines = vec![e.named.label.value.to_string()];
        lines.extend(holder_line(e.holder.as_ref(), lang));
        nodes.push(Node {
            kind: NodeKind::External,
            lines: wrap(&lines),
            commander: false,
        });
    }
    let index = |p: Party| match p {
        Party::Role(r) => r.index(),
        Party::External(e) => external_index[e.index()],
    };
    let mut edges = Vec::new();
    for (i, role) in model.roles.iter().enumerate() {
        for e in &role.escalations {
            edges.push(Edge {
                from: i,
                to: index(e.target.id),
                kind: EdgeKind::Escalation,
                label: e.within.map(|d| within_words(d.seconds, lang)),
            });
        }
    }
    Picture {
        lang,
        title: model.title().to_string(),
        nodes,
        edges,
    }
}

/// The response graph: triggers (with their condition) → the steps they set
/// off → the steps that come after them; triggers named in a condition point
/// to the trigger whose condition names them.
pub fn response(model: &Model, lang: Lang) -> Picture {
    let w = lang.words();
    let mut nodes = Vec::new();
    for t in &model.triggers {
        let mut lines = vec![t.named.label.value.to_string()];
        if let Some(l) = t.level {
            let level = &model.levels[l.id.index()].named;
            lines.push(format!(
                "{}{}{} {}",
                w.level, w.colon, level.name, level.label.value
            ));
        }
        lines.push(condition::words(model, &t.condition, lang));
        nodes.push(Node {
            kind: NodeKind::Trigger,
            lines: wrap(&lines),
            commander: false,
        });
    }
    let triggers = model.triggers.len();
    for s in &model.steps {
        let mut lines = vec![s.named.label.value.to_string()];
        if let Some(o) = s.owner {
            lines.push(format!(
                "{}{}{}",
                w.owner,
                w.colon,
                model.role(o.id).named.label.value
            ));
        }
        if let Some(d) = s.plain_deadline() {
            lines.push(format!(
                "{}{}{}",
                w.deadline,
                w.colon,
                within_words(d.within.seconds, lang)
            ));
        }
        nodes.push(Node {
            kind: NodeKind::Step,
            lines: wrap(&lines),
            commander: false,
        });
    }
    let mut edges = Vec::new();
    for (i, t) in model.triggers.iter().enumerate() {
        for node in &t.condition.nodes {
            if let crate::model::Cond::Trigger { trigger, .. } = node {
                edges.push(Edge {
                    from: trigger.index(),
                    to: i,
                    kind: EdgeKind::Condition,
                    label: None,
                });
            }
        }
    }
    for (i, s) in model.steps.iter().enumerate() {
        for on in &s.on {
            edges.push(Edge {
                from: on.id.index(),
                to: triggers + i,
                kind: EdgeKind::On,
                label: None,
            });
        }
        for after in &s.after {
            edges.push(Edge {
                from: triggers + after.id.index(),
                to: triggers + i,
                kind: EdgeKind::After,
                label: None,
            });
        }
    }
    Picture {
        lang,
        title: model.title().to_string(),
        nodes,
        edges,
    }
}

/// Lines wider than this many columns are wrapped in pictures (a Chinese
/// character takes two columns, so this is 18 of them).
pub const WRAP: usize = 36;

fn columns(c: char) -> usize {
    if (c as u32) < 0x1100 { 1 } else { 2 }
}

/// Wraps every line at `WRAP` columns, preferring to break after a space or
/// punctuation in the last part of a line.
pub fn wrap(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for line in lines {
        let chars: Vec<char> = one_line(line).chars().collect();
        let mut start = 0;
        loop {
            // The longest piece from `start` that fits in WRAP columns.
            let mut width = 0;
            let mut end = start;
            while end < chars.len() && width + columns(chars[end]) <= WRAP {
                width += columns(chars[end]);
                end += 1;
            }
            if end >= chars.len() || end == start {
                out.push(chars[start..].iter().collect::<String>().trim().to_string());
                break;
            }
            let soft = (start + (end - start) * 3 / 5..end)
                .rev()
                .find(|&i| {
                    matches!(
                        chars[i],
                        ' ' | ',' | '，' | '、' | '；' | ';' | '。' | ':' | '：'
                    )
                })
                .map(|i| i + 1)
                .unwrap_or(end);
            out.push(
                chars[start..soft]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_string(),
            );
            start = soft;
        }
    }
    out
}

pub use crate::escape::one_line;
