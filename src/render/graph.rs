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
        let mut lines = vec![model.label(&role.named).to_string()];
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
        let mut lines = vec![model.label(&e.named).to_string()];
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
                label: e.within().map(|d| within_words(d.seconds, lang)),
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
        let mut lines = vec![model.label(&t.named).to_string()];
        if let Some(l) = t.level {
            let level = &model.levels[l.id.index()].named;
            let level = super::say::level(model.name(level), &model.label(level));
            lines.push(format!("{}{}{level}", w.level, w.colon));
        }
        // A flag's trigger is often labelled as the flag: say it once.
        let condition = condition::words(model, &model.conditions.get(t.condition), lang);
        if condition != model.label(&t.named) {
            lines.push(condition);
        }
        nodes.push(Node {
            kind: NodeKind::Trigger,
            lines: wrap(&lines),
            commander: false,
        });
    }
    let triggers = model.triggers.len();
    for s in &model.steps {
        let mut lines = vec![model.label(&s.named).to_string()];
        if let Some(o) = s.owner {
            lines.push(format!(
                "{}{}{}",
                w.owner,
                w.colon,
                model.label(&model.role(o.id).named)
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
        for node in model.conditions.get(t.condition).nodes() {
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
        for on in model.on(s) {
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

/// Punctuation that must not begin a line (Chinese line-breaking rules).
fn closes(c: char) -> bool {
    matches!(
        c,
        '）' | ')'
            | '】'
            | ']'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '”'
            | '’'
            | '，'
            | ','
            | '。'
            | '.'
            | '、'
            | '；'
            | ';'
            | '：'
            | ':'
            | '！'
            | '!'
            | '？'
            | '?'
            | '…'
    )
}

/// Punctuation that must not end a line.
fn opens(c: char) -> bool {
    matches!(
        c,
        '（' | '(' | '【' | '[' | '「' | '『' | '《' | '〈' | '“' | '‘'
    )
}

/// How good a break before `chars[i]` is: after white space or punctuation
/// best, then after a word that joins phrases (的, 和, 与, 及, 并, 或), then
/// between two Chinese characters; never inside a Latin word or number,
/// before a closing or after an opening mark.
fn break_quality(chars: &[char], i: usize) -> u8 {
    let (before, after) = (chars[i - 1], chars[i]);
    if closes(after) || opens(before) {
        return 0;
    }
    if before.is_ascii_alphanumeric() && after.is_ascii_alphanumeric() {
        return 0;
    }
    if before == ' ' || closes(before) {
        return 3;
    }
    if matches!(before, '的' | '和' | '与' | '及' | '并' | '或') {
        return 2;
    }
    1
}

/// Wraps every line at `WRAP` columns into lines of about equal width (so
/// no last line holds a lone character), breaking where `break_quality`
/// says it is best near that width.
pub fn wrap(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for line in lines {
        let chars: Vec<char> = one_line(line).trim().chars().collect();
        let total: usize = chars.iter().map(|&c| columns(c)).sum();
        if total <= WRAP {
            out.push(chars.iter().collect());
            continue;
        }
        let pieces = total.div_ceil(WRAP);
        let target = total.div_ceil(pieces);
        let mut start = 0;
        while start < chars.len() {
            let rest: usize = chars[start..].iter().map(|&c| columns(c)).sum();
            if rest <= WRAP {
                out.push(chars[start..].iter().collect::<String>().trim().to_string());
                break;
            }
            // Candidates: every break whose line fits in WRAP columns; the
            // best quality nearest `target` wins.
            let mut width = 0;
            let mut best: Option<(usize, (u8, std::cmp::Reverse<usize>))> = None;
            let mut i = start;
            while i < chars.len() && width + columns(chars[i]) <= WRAP {
                width += columns(chars[i]);
                i += 1;
                if i < chars.len() && i > start {
                    let quality = break_quality(&chars, i);
                    // Only near the target: from 3/5 of it up to the limit.
                    if quality > 0 && width * 5 >= target * 3 {
                        let key = (quality, std::cmp::Reverse(width.abs_diff(target)));
                        if best.is_none_or(|(_, k)| key > k) {
                            best = Some((i, key));
                        }
                    }
                }
            }
            let end = best.map(|(i, _)| i).unwrap_or(i.max(start + 1));
            out.push(
                chars[start..end]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_string(),
            );
            start = end;
        }
    }
    out
}

pub use crate::escape::one_line;

#[cfg(test)]
mod tests {
    use super::wrap;

    fn wrapped(text: &str) -> Vec<String> {
        wrap(&[text.to_string()])
    }

    #[test]
    fn long_labels_wrap_into_even_lines_at_good_places() {
        // 21 characters: two lines of about ten, after 的, not 身/体.
        assert_eq!(
            wrapped("保障信访人员和工作人员的生命安全和身体健康"),
            ["保障信访人员和工作人员的", "生命安全和身体健康"]
        );
        // After the comma, and the closing bracket never starts a line.
        assert_eq!(
            wrapped("组织事发企业先期处置,控制现场、抢救伤员、疏散旅客"),
            ["组织事发企业先期处置,", "控制现场、抢救伤员、疏散旅客"]
        );
        assert_eq!(
            wrapped("当班保安队长（当班保安队长）当班保安队长（张）"),
            ["当班保安队长（当班保安队长）", "当班保安队长（张）"]
        );
        // Latin words stay whole.
        assert_eq!(
            wrapped("Report to the county petition bureau within one hour"),
            ["Report to the county petition", "bureau within one hour"]
        );
        assert_eq!(wrapped("短标签"), ["短标签"]);
    }
}
