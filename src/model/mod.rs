//! Stage 2: the resolved model. Every name is looked up once, here; later
//! stages refer to items by typed ids and never by string.
//!
//! Invariants: ids index the vectors of `Model`; a reference that did not
//! resolve (or resolved to the wrong kind) is absent from the model and is
//! recorded once in `problems` instead, so no later stage reports it again.

mod arena;
mod attributes;
mod condition;
mod deadlines;
mod lookup;
mod names;
mod packed;
mod problem;
mod resolve;
mod store;
mod suggestions;
mod table;

use std::borrow::Cow;
use std::collections::HashMap;

use thin_vec::ThinVec;

use crate::i18n::{Message, msg};
use crate::span::Span;
use crate::syntax::ast::{Date, Duration, Str};

pub use crate::syntax::document::{Element, PlanKind};
pub use arena::{Cond, CondId, Condition, OwnedCondition};
pub use names::Names;
pub use problem::{Duplicate, ExtraHeader, Problem, TypeMismatch, Undefined, Want, WrongKind};
pub use resolve::{build, build_owned};
pub use store::{CondRange, CondStore};
pub use table::Table;

macro_rules! ids {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize { self.0 as usize }
        }
    )*};
}
ids!(
    RoleId, ExternalId, FactId, LevelId, TriggerId, StepId, RoutineId
);

/// Someone who can be escalated to, notified or take part: a role or an external.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Party {
    Role(RoleId),
    External(ExternalId),
}

/// What a name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Symbol {
    Role(RoleId),
    External(ExternalId),
    Fact(FactId),
    Level(LevelId),
    Trigger(TriggerId),
    Step(StepId),
    Routine(RoutineId),
}

/// A use of a resolved name, with the span where it is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ref<T> {
    pub id: T,
    pub span: Span,
}

/// Where an item's name, label and whole text are. The texts are read back
/// from the source (`Model::name`, `Model::label`): held as text they took
/// 64 bytes in every item (issue 19, memory per byte).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named {
    pub name_span: Span,
    /// The label's string literal, quotes included.
    pub label_span: Span,
    /// The whole item.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Header<'s> {
    pub title: Option<Str<'s>>,
    pub issuer: Option<Str<'s>>,
    pub date: Option<Date>,
    pub basis: Vec<Str<'s>>,
    pub scope: Option<Str<'s>>,
    pub commander: Option<Ref<RoleId>>,
    /// Whether a `commander` statement was written at all (resolved or not).
    pub commander_written: bool,
    pub version: Option<Str<'s>>,
    /// Who approved and signed the plan (批准人).
    pub approver: Option<Str<'s>>,
    pub texts: Vec<Str<'s>>,
    pub span: Span,
    /// (v1) `kind`: 综合/专项/现场处置, with the span of its name.
    pub kind: Option<(PlanKind, Span)>,
    /// (v1) `effective`: in force from (施行日期).
    pub effective: Option<Date>,
    /// (v1) `reviewed`: the last evaluation (评估日期).
    pub reviewed: Option<Date>,
    /// (v1) `distribution`: who receives copies (发放范围).
    pub distribution: Option<Str<'s>>,
    /// (v1) `revision`*: the revision record (修订记录), in source order.
    pub revisions: Vec<Revision<'s>>,
}

/// (v1) One line of the revision record: `revision 2024-06-30 "调整领导小组成员"`.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision<'s> {
    pub date: Date,
    pub note: Str<'s>,
    /// The whole statement.
    pub span: Span,
}

/// (v1) A section of the document, for the required elements.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionInfo<'s> {
    pub title: Str<'s>,
    /// The element it is: written with `element`, else named by its title.
    pub element: Option<Element>,
    /// Whether `element` was written (rather than read from the title).
    pub element_written: bool,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Escalation {
    pub target: Ref<Party>,
    /// Boxed (read with `within()`): in place it was most of the
    /// escalation, which nearly every role of a large plan has (issue 19,
    /// memory per byte).
    pub within: Option<Box<Duration>>,
    /// The whole `escalates to …` statement.
    pub span: Span,
}

impl Escalation {
    /// Its `within`, if written.
    pub fn within(&self) -> Option<Duration> {
        self.within.as_deref().copied()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Role<'s> {
    pub named: Named,
    pub holder: Option<Str<'s>>,
    pub phones: ThinVec<Str<'s>>,
    /// An internal role: an external cannot act for a role (`wrong-kind`).
    pub deputy: Option<Ref<RoleId>>,
    /// Whether a `deputy` statement was written at all (resolved or not).
    pub deputy_written: bool,
    pub duties: ThinVec<Str<'s>>,
    pub escalations: ThinVec<Escalation>,
    /// Whether some `escalates to` target did not resolve (already reported):
    /// the role's escalation path is unknown, not missing.
    pub escalation_unresolved: bool,
    pub members: ThinVec<Ref<Party>>,
    pub texts: ThinVec<Str<'s>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct External<'s> {
    pub named: Named,
    pub holder: Option<Str<'s>>,
    pub phones: ThinVec<Str<'s>>,
    pub texts: ThinVec<Str<'s>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variant<'s> {
    pub name: &'s str,
    pub label: Str<'s>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FactType<'s> {
    Count,
    /// (v1) A non-negative decimal, compared exactly. The logic counts it in
    /// units of 10^-`places` (`places`: one more than the digits after the
    /// point that its comparisons use), so it reads as a count there.
    Number {
        places: u32,
    },
    Flag,
    OneOf(Vec<Variant<'s>>),
}

impl FactType<'_> {
    pub fn describe(&self) -> Message {
        match self {
            FactType::Count => msg!("type-count"),
            FactType::Number { .. } => msg!("type-number"),
            FactType::Flag => msg!("type-flag"),
            FactType::OneOf(_) => msg!("type-one-of"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fact<'s> {
    pub named: Named,
    pub ty: FactType<'s>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Level<'s> {
    /// Declared most severe first: rank 0 is the most severe.
    pub named: Named,
    /// (v1) `until`: when a response at this level ends (响应结束条件).
    /// Boxed, as the step's: few levels have one.
    pub until: Option<Box<Str<'s>>>,
    pub texts: ThinVec<Str<'s>>,
    /// The triggers at this level (`trigger … level L`), in order.
    pub triggers: ThinVec<TriggerId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    pub named: Named,
    /// Where its condition is in `Model::conditions` (`Model::condition`).
    pub condition: CondRange,
    pub level: Option<Ref<LevelId>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step<'s> {
    pub named: Named,
    pub owner: Option<Ref<RoleId>>,
    /// Whether an `owner` statement was written at all (resolved or not).
    pub owner_written: bool,
    /// Whether a name in `on` or `after` did not resolve (already reported):
    /// what starts the step is then not fully known.
    pub start_unresolved: bool,
    /// The triggers its `on` names itself. A level it names is in
    /// `on_levels`; `Model::on` gives every trigger that sets it off.
    pub on_direct: ThinVec<Ref<TriggerId>>,
    pub after: ThinVec<Ref<StepId>>,
    /// Its other statements, boxed together (read with `with()`,
    /// `deadlines()`, …): a step of a large plan often has none, and in
    /// place they took 56 bytes of every step (issue 19, memory per byte).
    pub more: Option<Box<StepMore<'s>>>,
}

/// What a step has beside its owner, `on` and `after`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StepMore<'s> {
    pub with: ThinVec<Ref<Party>>,
    /// Its `within` statements. v0 fills at most one, plain.
    pub deadlines: ThinVec<Deadline>,
    pub notify: ThinVec<Ref<Party>>,
    /// Boxed, as `every`: few steps have one.
    pub until: Option<Box<Str<'s>>>,
    pub texts: ThinVec<Str<'s>>,
    /// (v1) `every D`: repeated at this interval after it is first done,
    /// until its `until` or the end of the response.
    pub every: Option<Box<Duration>>,
    /// (v1) The levels its `on` names: each stands for its triggers
    /// (`Level::triggers`), kept as the level so that a plan where many
    /// steps start `on` a level of many triggers stays linear.
    pub on_levels: ThinVec<Ref<LevelId>>,
}

impl<'s> Step<'s> {
    /// The deadline that holds when no `for` names the occasion: the plain
    /// `within`, if written.
    pub fn plain_deadline(&self) -> Option<&Deadline> {
        self.deadlines().iter().find(|d| d.is_plain())
    }

    pub fn with(&self) -> &[Ref<Party>] {
        self.more.as_ref().map_or(&[], |m| &m.with)
    }
    /// Its `within` statements. v0 fills at most one, plain.
    pub fn deadlines(&self) -> &[Deadline] {
        self.more.as_ref().map_or(&[], |m| &m.deadlines)
    }
    pub fn notify(&self) -> &[Ref<Party>] {
        self.more.as_ref().map_or(&[], |m| &m.notify)
    }
    pub fn until(&self) -> Option<&Str<'s>> {
        self.more.as_ref().and_then(|m| m.until.as_deref())
    }
    pub fn texts(&self) -> &[Str<'s>] {
        self.more.as_ref().map_or(&[], |m| &m.texts)
    }
    /// (v1) `every D`, if written.
    pub fn every(&self) -> Option<&Duration> {
        self.more.as_ref().and_then(|m| m.every.as_deref())
    }
    /// (v1) The levels its `on` names (`StepMore::on_levels`).
    pub fn on_levels(&self) -> &[Ref<LevelId>] {
        self.more.as_ref().map_or(&[], |m| &m.on_levels)
    }
}

/// One `within` of a step: the latest moment it may be done. Data, so that
/// the schedule (`logic::schedule`) reads every form of it in one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    pub within: Duration,
    /// `within D from S` (v1): measured from the moment S is due, not from
    /// the moment the plan is set off.
    pub from: Option<Ref<StepId>>,
    /// `within D for NAMES` (v1): holds only when one of these triggers sets
    /// the step off. Empty: the deadline otherwise (a plain `within`). The
    /// triggers of a level named there are in it.
    pub only_for: ThinVec<Ref<TriggerId>>,
    /// (v1) The levels its `for` names (their triggers are in `only_for`).
    pub for_levels: ThinVec<Ref<LevelId>>,
    /// The whole `within` statement.
    pub span: Span,
}

impl Deadline {
    /// A plain `within`, with no `for`: the deadline whatever sets the step
    /// off. A `for` naming only a level without triggers is not plain: it
    /// holds on no occasion.
    pub fn is_plain(&self) -> bool {
        self.only_for.is_empty() && self.for_levels.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Routine<'s> {
    pub named: Named,
    /// `drill` rather than `routine`.
    pub drill: bool,
    pub owner: Option<Ref<RoleId>>,
    pub owner_written: bool,
    pub with: ThinVec<Ref<Party>>,
    pub every: Option<Duration>,
    pub texts: ThinVec<Str<'s>>,
    /// (v1) `last`: when it was last done.
    pub last: Option<Date>,
}

/// The kinds of things a name can denote, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Role,
    External,
    Fact,
    Level,
    Trigger,
    Step,
    Routine,
    Drill,
}

impl Kind {
    /// "a role", "an external", …
    pub fn article(self) -> Message {
        match self {
            Kind::Role => msg!("kind-role"),
            Kind::External => msg!("kind-external"),
            Kind::Fact => msg!("kind-fact"),
            Kind::Level => msg!("kind-level"),
            Kind::Trigger => msg!("kind-trigger"),
            Kind::Step => msg!("kind-step"),
            Kind::Routine => msg!("kind-routine"),
            Kind::Drill => msg!("kind-drill"),
        }
    }
}

// A large plan has hundreds of thousands of items, each held in the model
// while it is checked (issue 19, memory per byte).
const _: () = assert!(std::mem::size_of::<Named>() <= 24);
const _: () = assert!(std::mem::size_of::<Role>() <= 120);
const _: () = assert!(std::mem::size_of::<Level>() <= 48);
const _: () = assert!(std::mem::size_of::<Step>() <= 72);
const _: () = assert!(std::mem::size_of::<Trigger>() <= 52);

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Model<'s> {
    /// The text the spans point into (names are read back from it:
    /// `text`).
    pub source: &'s str,
    pub header: Option<Header<'s>>,
    pub roles: Table<Role<'s>>,
    pub externals: Table<External<'s>>,
    pub facts: Vec<Fact<'s>>,
    pub levels: Vec<Level<'s>>,
    pub triggers: Table<Trigger>,
    /// The triggers' conditions, in one store.
    pub conditions: CondStore,
    pub steps: Table<Step<'s>>,
    pub routines: Table<Routine<'s>>,
    /// (v1) Every section, in source order (nested ones after their parent).
    pub sections: Vec<SectionInfo<'s>>,
    /// Every name defined and what it denotes: the table names were
    /// resolved with.
    pub symbols: Names<'s>,
    pub problems: Vec<Problem<'s>>,
    /// The names suggested for undefined ones (`suggestion`), in the order
    /// found.
    suggested: Vec<&'s str>,
}

impl<'s> Model<'s> {
    /// Every trigger that sets `step` off by its `on`: those it names, then
    /// those of each level it names (at the level's name), in that order.
    pub fn on<'a>(
        &'a self,
        step: &'a Step<'s>,
    ) -> impl Iterator<Item = Ref<TriggerId>> + Clone + 'a {
        let of_levels = step.on_levels().iter().flat_map(move |l| {
            let triggers = &self.levels[l.id.index()].triggers;
            triggers.iter().map(move |&id| Ref { id, span: l.span })
        });
        step.on_direct.iter().copied().chain(of_levels)
    }

    /// `on`, collected.
    pub fn on_refs(&self, step: &Step<'s>) -> Vec<Ref<TriggerId>> {
        self.on(step).collect()
    }

    /// Whether `step` has an `on` that names any trigger (directly or by a
    /// level with triggers).
    pub fn has_on(&self, step: &Step<'s>) -> bool {
        self.on(step).next().is_some()
    }

    /// The source text at `span` (empty if it is not in the source).
    pub fn text(&self, span: Span) -> &'s str {
        self.source.get(span.range()).unwrap_or_default()
    }

    /// The name of an item.
    pub fn name(&self, named: &Named) -> &'s str {
        self.text(named.name_span)
    }

    /// The label of an item: its string's value, escapes resolved.
    pub fn label(&self, named: &Named) -> Cow<'s, str> {
        crate::syntax::string_value(self.text(named.label_span))
    }

    /// The defined name `undefined` most likely meant ("did you mean").
    pub fn suggestion(&self, undefined: &Undefined) -> Option<&'s str> {
        let n = undefined.suggestion?.get() as usize;
        self.suggested.get(n - 1).copied()
    }

    pub fn role(&self, id: RoleId) -> &Role<'s> {
        &self.roles[id.index()]
    }
    pub fn external(&self, id: ExternalId) -> &External<'s> {
        &self.externals[id.index()]
    }
    pub fn fact(&self, id: FactId) -> &Fact<'s> {
        &self.facts[id.index()]
    }
    pub fn trigger(&self, id: TriggerId) -> &Trigger {
        &self.triggers[id.index()]
    }
    /// The condition of trigger `id`.
    pub fn condition(&self, id: TriggerId) -> Condition<'_> {
        self.conditions.get(self.trigger(id).condition)
    }
    pub fn step(&self, id: StepId) -> &Step<'s> {
        &self.steps[id.index()]
    }

    /// The plan's title (empty without a header or title).
    pub fn title(&self) -> &str {
        self.header
            .as_ref()
            .and_then(|h| h.title.as_ref())
            .map_or("", |t| &*t.value)
    }

    /// Name, label and spans of a party.
    pub fn party(&self, party: Party) -> &Named {
        match party {
            Party::Role(r) => &self.role(r).named,
            Party::External(e) => &self.external(e).named,
        }
    }

    pub fn role_ids(&self) -> impl Iterator<Item = RoleId> + use<'_, 's> {
        (0..self.roles.len() as u32).map(RoleId)
    }
    pub fn step_ids(&self) -> impl Iterator<Item = StepId> + use<'_, 's> {
        (0..self.steps.len() as u32).map(StepId)
    }
    pub fn trigger_ids(&self) -> impl Iterator<Item = TriggerId> + use<'_, 's> {
        (0..self.triggers.len() as u32).map(TriggerId)
    }
}
