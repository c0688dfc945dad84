//! The document view: what a rendered plan says, in the order it says it,
//! built once from the model and shared by the Markdown and HTML renderers.

use crate::graph::Graphs;
use crate::model::{self, Model, Party as PartyId, RoleId};
use crate::syntax::ast::{self, Item};

use super::condition;
use super::order;
use super::words::Lang;

/// A role or an external as the reader sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub name: String,
    pub label: String,
    pub holder: Option<String>,
    pub external: bool,
}

impl Party {
    pub fn of(model: &Model, party: PartyId) -> Party {
        let (holder, external) = match party {
            PartyId::Role(r) => (model.role(r).holder.as_ref(), false),
            PartyId::External(e) => (model.external(e).holder.as_ref(), true),
        };
        let named = model.party(party);
        Party {
            name: named.name.to_string(),
            label: clean(&named.label.value),
            holder: holder.map(|h| clean(&h.value)),
            external,
        }
    }

    pub fn role(model: &Model, role: RoleId) -> Party {
        Party::of(model, PartyId::Role(role))
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Header {
    pub title: String,
    pub issuer: Option<String>,
    /// `YYYY-MM-DD`
    pub date: Option<String>,
    pub basis: Vec<String>,
    pub scope: Option<String>,
    pub version: Option<String>,
    pub commander: Option<Party>,
    pub texts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepItem {
    pub name: String,
    pub label: String,
    pub owner: Option<Party>,
    pub with: Vec<Party>,
    /// Deadline in seconds from the moment the plan is set off.
    pub within: Option<u64>,
    pub notify: Vec<Party>,
    pub until: Option<String>,
    /// Labels of the steps that must be done first.
    pub after: Vec<String>,
    pub texts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub name: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TriggerSection {
    pub name: String,
    pub label: String,
    pub level: Option<Level>,
    /// The condition in plain words.
    pub condition: String,
    /// Labels of the triggers that fire whenever this one does.
    pub also: Vec<String>,
    pub steps: Vec<StepItem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Owns,
    Joins,
    Notified,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub name: String,
    pub label: String,
    pub relation: Relation,
    pub within: Option<u64>,
}

/// A trigger by name and label.
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerRef {
    pub name: String,
    pub label: String,
}

/// A role's part in the checklists of one or more triggers (triggers that
/// give a role the same tasks are listed together).
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerTasks {
    pub triggers: Vec<TriggerRef>,
    pub tasks: Vec<Task>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Escalation {
    pub to: Party,
    pub within: Option<u64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoleCard {
    pub name: String,
    pub label: String,
    pub holder: Option<String>,
    pub phones: Vec<String>,
    pub deputy: Option<Party>,
    pub duties: Vec<String>,
    pub members: Vec<Party>,
    pub escalations: Vec<Escalation>,
    pub commander: bool,
    pub triggers: Vec<TriggerTasks>,
    /// Routines and drills it owns or takes part in.
    pub routines: Vec<Task>,
    pub texts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoutineItem {
    pub name: String,
    pub label: String,
    pub drill: bool,
    pub owner: Option<Party>,
    pub with: Vec<Party>,
    pub every: Option<u64>,
    pub texts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExternalItem {
    pub name: String,
    pub label: String,
    pub holder: Option<String>,
    pub phones: Vec<String>,
    pub texts: Vec<String>,
}

/// The plan's own structure: section titles and `text` paragraphs, in order.
/// `depth` 0 is top level.
#[derive(Debug, Clone, PartialEq)]
pub enum OutlineEntry {
    Section { depth: usize, title: String },
    Text { depth: usize, text: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub lang: Lang,
    pub header: Header,
    /// Most severe level first.
    pub triggers: Vec<TriggerSection>,
    /// In source order.
    pub roles: Vec<RoleCard>,
    pub routines: Vec<RoutineItem>,
    pub externals: Vec<ExternalItem>,
    pub outline: Vec<OutlineEntry>,
}

/// User text as every output may show it: line ends become `\n`, other
/// control characters a space and noncharacters U+FFFD (HTML forbids them).
pub fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => c,
            '\r' => '\n',
            c if c.is_control() => ' ',
            c if is_noncharacter(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

fn is_noncharacter(c: char) -> bool {
    let u = c as u32;
    (0xFDD0..=0xFDEF).contains(&u) || (u & 0xFFFE) == 0xFFFE
}

pub(super) fn strs(v: &[ast::Str]) -> Vec<String> {
    v.iter().map(|s| clean(&s.value)).collect()
}

pub(super) fn parties(model: &Model, refs: &[model::Ref<PartyId>]) -> Vec<Party> {
    refs.iter().map(|r| Party::of(model, r.id)).collect()
}

impl Document {
    pub fn build(file: &ast::File, model: &Model, graphs: &Graphs, lang: Lang) -> Document {
        let header = model.header.as_ref().map(|h| Header {
            title: h
                .title
                .as_ref()
                .map(|t| clean(&t.value))
                .unwrap_or_default(),
            issuer: h.issuer.as_ref().map(|s| clean(&s.value)),
            date: h
                .date
                .map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
            basis: strs(&h.basis),
            scope: h.scope.as_ref().map(|s| clean(&s.value)),
            version: h.version.as_ref().map(|s| clean(&s.value)),
            commander: h.commander.map(|c| Party::role(model, c.id)),
            texts: strs(&h.texts),
        });
        let checklists: Vec<_> = order::by_severity(model)
            .into_iter()
            .map(|t| (t, order::checklist(model, graphs, t)))
            .collect();
        let triggers = checklists
            .iter()
            .map(|(t, steps)| {
                let trigger = model.trigger(*t);
                TriggerSection {
                    name: trigger.named.name.to_string(),
                    label: clean(&trigger.named.label.value),
                    level: trigger.level.map(|l| {
                        let level = &model.levels[l.id.index()];
                        Level {
                            name: level.named.name.to_string(),
                            label: clean(&level.named.label.value),
                        }
                    }),
                    condition: clean(&condition::words(model, &trigger.condition, lang)),
                    also: order::implied(model, *t)
                        .iter()
                        .map(|u| clean(&model.trigger(*u).named.label.value))
                        .collect(),
                    steps: steps.iter().map(|s| step_item(model, *s)).collect(),
                }
            })
            .collect();
        let commander = model
            .header
            .as_ref()
            .and_then(|h| h.commander)
            .map(|c| c.id);
        let roles = model
            .role_ids()
            .map(|r| super::card::build(model, r, commander == Some(r), &checklists))
            .collect();
        let routines = model
            .routines
            .iter()
            .map(|r| RoutineItem {
                name: r.named.name.to_string(),
                label: clean(&r.named.label.value),
                drill: r.drill,
                owner: r.owner.map(|o| Party::role(model, o.id)),
                with: parties(model, &r.with),
                every: r.every.map(|d| d.seconds),
                texts: strs(&r.texts),
            })
            .collect();
        let externals = model
            .externals
            .iter()
            .map(|e| ExternalItem {
                name: e.named.name.to_string(),
                label: clean(&e.named.label.value),
                holder: e.holder.as_ref().map(|h| clean(&h.value)),
                phones: strs(&e.phones),
                texts: strs(&e.texts),
            })
            .collect();
        Document {
            lang,
            header: header.unwrap_or_default(),
            triggers,
            roles,
            routines,
            externals,
            outline: outline(file),
        }
    }

    /// The card of the role named `name`, if there is one.
    pub fn role(&self, name: &str) -> Option<&RoleCard> {
        self.roles.iter().find(|r| r.name == name)
    }
}

fn step_item(model: &Model, id: model::StepId) -> StepItem {
    let step = model.step(id);
    StepItem {
        name: step.named.name.to_string(),
        label: clean(&step.named.label.value),
        owner: step.owner.map(|o| Party::role(model, o.id)),
        with: parties(model, &step.with),
        within: step.within.map(|d| d.seconds),
        notify: parties(model, &step.notify),
        until: step.until.as_ref().map(|u| clean(&u.value)),
        after: step
            .after
            .iter()
            .map(|a| clean(&model.step(a.id).named.label.value))
            .collect(),
        texts: strs(&step.texts),
    }
}

/// Section titles and text paragraphs in source order (iterative: sections nest).
fn outline(file: &ast::File) -> Vec<OutlineEntry> {
    let mut out = Vec::new();
    let mut stack = vec![file.items.iter()];
    loop {
        let depth = stack.len().saturating_sub(1);
        let Some(top) = stack.last_mut() else {
            break;
        };
        match top.next() {
            Some(Item::Section(section)) => {
                out.push(OutlineEntry::Section {
                    depth,
                    title: clean(&section.title.value),
                });
                stack.push(section.items.iter());
            }
            Some(Item::Text(text)) => out.push(OutlineEntry::Text {
                depth,
                text: clean(&text.value),
            }),
            Some(_) => {}
            None => {
                stack.pop();
            }
        }
    }
    out
}
