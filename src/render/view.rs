//! The plain data of a rendered plan: what the document and the role cards
//! hold, and how user text is cleaned for every output.

use crate::logic::schedule::Due;
use crate::model::{self, Model, Party as PartyId, RoleId};
use crate::syntax::ast;

/// A role or an external as the reader sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub name: String,
    pub label: String,
    pub holder: Option<String>,
    /// Its phone numbers, printed next to it wherever it is named.
    pub phones: Vec<String>,
    pub external: bool,
}

impl Party {
    pub fn of(model: &Model, party: PartyId) -> Party {
        let (holder, phones, external) = match party {
            PartyId::Role(r) => (model.role(r).holder.as_ref(), &model.role(r).phones, false),
            PartyId::External(e) => (
                model.external(e).holder.as_ref(),
                &model.external(e).phones,
                true,
            ),
        };
        let named = model.party(party);
        Party {
            name: model.name(named).to_string(),
            label: clean(&model.label(named)),
            holder: holder.map(|h| clean(&h.value)),
            phones: strs(phones),
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
    /// (v1) `专项应急预案` (the kind's title).
    pub kind: Option<String>,
    pub approver: Option<String>,
    /// `YYYY-MM-DD`
    pub effective: Option<String>,
    pub reviewed: Option<String>,
    pub distribution: Option<String>,
    /// (v1) The revision record: date and change, in source order.
    pub revisions: Vec<(String, String)>,
}

/// `YYYY-MM-DD`
pub fn date(d: ast::Date) -> String {
    d.to_string()
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepItem {
    /// Its place among the plan's steps (from 0): the last key of a
    /// checklist's order.
    pub source: usize,
    /// From 1: the steps of one phase can be done at the same time, once
    /// those of the earlier phases are done.
    pub phase: u32,
    pub name: String,
    pub label: String,
    pub owner: Option<Party>,
    pub with: Vec<Party>,
    /// Its latest due time under this trigger, from the moment the plan is
    /// set off.
    pub within: Option<Due>,
    /// (v1) When that due time is counted from a step (`within D from S`):
    /// the step and the D written, as the schedule chose them.
    pub anchor: Option<Anchor>,
    /// (v1) Repeated at this interval after it is first done.
    pub every: Option<ast::Duration>,
    pub notify: Vec<Party>,
    pub until: Option<String>,
    /// Labels of the steps that must be done first.
    pub after: Vec<String>,
    pub texts: Vec<String>,
}

/// (v1) The step a deadline is counted from (`within 30m from receive`):
/// said `「接报」完成后30分钟内`.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    pub name: String,
    pub label: String,
    /// The D of `within D from S`, as written.
    pub within: ast::Duration,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub name: String,
    pub label: String,
    /// (v1) When a response at this level ends.
    pub until: Option<String>,
}

/// How many of the triggers that fire with one a checklist names; the rest
/// are counted ("and 480 more"), so that a plan whose N triggers all fire
/// together does not print N² names.
pub const ALSO_NAMED: usize = 20;

#[derive(Debug, Clone, PartialEq)]
pub struct TriggerSection {
    pub name: String,
    pub label: String,
    pub level: Option<Level>,
    /// The condition in plain words.
    pub condition: String,
    /// The triggers that fire whenever this one does, in source order: the
    /// first `ALSO_NAMED` of them; `also_more` counts the rest.
    pub also: Vec<TriggerRef>,
    pub also_more: usize,
    /// The triggers it sets off directly: following them (and theirs)
    /// reaches every trigger that fires whenever this one does
    /// (`Implications::direct`).
    pub sets_off: Vec<TriggerRef>,
    /// Another trigger whose every step (with the same due time) is also
    /// in this checklist: the printed checklist says "its steps, and:" and
    /// lists only the rest.
    pub builds_on: Option<TriggerRef>,
    /// The steps this checklist lists: all of them, or, when it builds on
    /// another, those the other does not hold (`Document::checklist` gives
    /// the whole).
    pub steps: Vec<StepItem>,
    /// Its whole checklist, printed in full although it builds on another,
    /// when that is short (`document::PRINT_WHOLE_MAX` steps at most): an
    /// officer holding the Ⅱ级 sheet at the gate reads every step on it.
    /// Empty otherwise (it builds on none, or is long: it refers to the other).
    pub whole: Vec<StepItem>,
}

impl TriggerSection {
    /// The steps a printed checklist shows: the whole when it is short,
    /// else those it adds to the one it builds on.
    pub fn printed(&self) -> &[StepItem] {
        if self.whole.is_empty() {
            &self.steps
        } else {
            &self.whole
        }
    }
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
    pub within: Option<Due>,
    pub anchor: Option<Anchor>,
    pub every: Option<ast::Duration>,
    /// Who owns the step (for a step the role joins or is told of).
    pub owner: Option<Party>,
    /// Whom the role tells when it has done a step it owns, with their phones.
    pub notify: Vec<Party>,
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
    /// A trigger of another entry of the card whose every task is also
    /// this one's: `tasks` are the others (as a checklist builds on another).
    pub builds_on: Option<TriggerRef>,
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

/// User text as every output may show it: line ends become `\n`, other
/// control characters a space, noncharacters U+FFFD (HTML forbids them), and
/// the characters that reorder text are shown escaped (`\u{202e}`), so no
/// label reads otherwise than it is written.
pub fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => out.push('\n'),
            c if crate::escape::is_bidi_control(c) => out.extend(c.escape_unicode()),
            c if c.is_control() => out.push(' '),
            c if is_noncharacter(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
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

/// The step the schedule counted `scheduled`'s due time from, if its
/// deadline is a `within D from S` (read from the schedule, never worked out
/// again here).
pub(super) fn anchor(
    model: &Model,
    scheduled: &crate::logic::schedule::Scheduled,
) -> Option<Anchor> {
    let deadline = model
        .step(scheduled.step)
        .deadlines()
        .get(scheduled.deadline?)?;
    let from = model.step(deadline.from.as_ref()?.id);
    Some(Anchor {
        name: model.name(&from.named).to_string(),
        label: clean(&model.label(&from.named)),
        within: deadline.within,
    })
}
