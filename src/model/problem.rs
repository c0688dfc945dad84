//! The problems found while resolving names: data that the checks in
//! `check::rules` turn into diagnostics. A plan may have one for every few
//! bytes (a line of 32,000 undefined names: issue 19, memory per byte), so a
//! problem is 16 bytes: the common one (`Undefined`) holds spans and small
//! numbers only, its name read back from the source (`Model::text`), and
//! the rare ones are boxed.

use std::num::NonZeroU32;

use super::Kind;
use crate::i18n::{Message, msg};
use crate::span::Span;

#[derive(Debug, Clone, PartialEq)]
pub enum Problem<'s> {
    /// A name defined twice, or a single attribute given twice.
    Duplicate(Box<Duplicate>),
    Undefined(Undefined),
    /// (Boxed: a name of another kind is rarer than a name of none.)
    WrongKind(Box<WrongKind<'s>>),
    TypeMismatch(Box<TypeMismatch>),
    /// No `plan` header at all.
    NoHeader,
    /// A second (or later) `plan` header.
    ExtraHeader(Box<ExtraHeader>),
    /// A `plan` header inside a section.
    NestedHeader {
        span: Span,
    },
}

const _: () = assert!(std::mem::size_of::<Problem>() <= 16);

/// A name defined twice, or a single attribute given twice.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// `duplicate-what-*`: the name, variant or attribute.
    pub what: Message,
    pub first: Span,
    pub second: Span,
    /// An attribute given twice rather than a name defined twice.
    pub attribute: bool,
}

/// A reference that names nothing defined.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Undefined {
    /// The name as written (its text: `Model::text`).
    pub span: Span,
    /// What its position wants.
    pub want: Want,
    /// The defined name it most likely meant, if one is close enough:
    /// `Model::suggestion` (a number, where the name took 16 bytes).
    pub(super) suggestion: Option<NonZeroU32>,
}

/// A name of the wrong kind for its position (`Problem::WrongKind`).
#[derive(Debug, Clone, PartialEq)]
pub struct WrongKind<'s> {
    pub name: &'s str,
    pub span: Span,
    pub found: Kind,
    pub definition: Span,
    /// What the position wants.
    pub expected: Want,
    /// The statement the name stands in, e.g. "owner".
    pub position: &'static str,
}

/// A fact used against its type (`Problem::TypeMismatch`), in its words.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeMismatch {
    /// Where the fact is used.
    pub span: Span,
    /// The fact's name where it is defined.
    pub fact: Span,
    pub message: Message,
    pub label: Message,
    pub help: Message,
}

/// A second (or later) `plan` header (`Problem::ExtraHeader`).
#[derive(Debug, Clone, PartialEq)]
pub struct ExtraHeader {
    pub first: Span,
    pub extra: Span,
}

/// What a reference position accepts: the kinds of name, and how a message
/// says it ("a role or an external").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    Role,
    Party,
    Step,
    Level,
    /// (v1) `on` and `within … for`: a trigger or a level.
    Occasion,
    CountFact,
    OneOfFact,
    /// A bare name in a condition.
    TriggerOrFlag,
}

impl Want {
    /// The id of its words (`want-*`, without placeholders: `Arg::Words`).
    pub fn words(self) -> &'static str {
        match self {
            Want::Role => msg!("want-role"),
            Want::Party => msg!("want-party"),
            Want::Step => msg!("want-step"),
            Want::Level => msg!("want-level"),
            Want::Occasion => msg!("want-occasion"),
            Want::CountFact => msg!("want-count-fact"),
            Want::OneOfFact => msg!("want-one-of-fact"),
            Want::TriggerOrFlag => msg!("want-trigger-or-flag"),
        }
        .id()
    }

    pub fn accepts(self, kind: Kind) -> bool {
        match self {
            Want::Role => kind == Kind::Role,
            Want::Party => matches!(kind, Kind::Role | Kind::External),
            Want::Step => kind == Kind::Step,
            Want::Level => kind == Kind::Level,
            Want::Occasion => matches!(kind, Kind::Trigger | Kind::Level),
            Want::CountFact | Want::OneOfFact => kind == Kind::Fact,
            // A trigger, or a fact of the flag type.
            Want::TriggerOrFlag => matches!(kind, Kind::Trigger | Kind::Fact),
        }
    }
}
