//! The typed syntax tree. Every node keeps its byte span in the whole file.
//!
//! Names and unescaped strings borrow from the source where they can. Conditions
//! live in an arena (`Condition::nodes`) so that a deeply nested condition is
//! neither built nor dropped recursively.

use std::borrow::Cow;

use crate::span::Span;

/// A parsed plan file: its items in source order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct File<'s> {
    pub items: Vec<Item<'s>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item<'s> {
    Plan(PlanHeader<'s>),
    Section(Section<'s>),
    Text(Str<'s>),
    Decl(Decl<'s>),
    Fact(Fact<'s>),
    Level(Level<'s>),
    Trigger(Trigger<'s>),
}

impl Item<'_> {
    pub fn span(&self) -> Span {
        match self {
            Item::Plan(p) => p.span,
            Item::Section(s) => s.span,
            Item::Text(t) => t.span,
            Item::Decl(d) => d.span,
            Item::Fact(f) => f.span,
            Item::Level(l) => l.span,
            Item::Trigger(t) => t.span,
        }
    }
}

/// A name as written (an identifier).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Name<'s> {
    pub text: &'s str,
    pub span: Span,
}

/// A string literal, escapes resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Str<'s> {
    pub value: Cow<'s, str>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    /// Length in seconds, with `w` = 7 days, `mo` = 30 days, `y` = 365 days.
    pub seconds: u64,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanHeader<'s> {
    pub title: Str<'s>,
    pub stmts: Vec<Stmt<'s>>,
    pub span: Span,
    /// The `plan` keyword, for labels.
    pub keyword: Span,
    /// True when the header stands inside a section (an error the model reports).
    pub nested: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section<'s> {
    pub title: Str<'s>,
    pub items: Vec<Item<'s>>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeclKind {
    Role,
    External,
    Step,
    Routine,
    Drill,
}

impl DeclKind {
    pub fn keyword(self) -> &'static str {
        match self {
            DeclKind::Role => "role",
            DeclKind::External => "external",
            DeclKind::Step => "step",
            DeclKind::Routine => "routine",
            DeclKind::Drill => "drill",
        }
    }
}

/// `role`, `external`, `step`, `routine` and `drill`: a name, a label and a block of statements.
#[derive(Debug, Clone, PartialEq)]
pub struct Decl<'s> {
    pub kind: DeclKind,
    pub name: Name<'s>,
    pub label: Str<'s>,
    pub stmts: Vec<Stmt<'s>>,
    pub span: Span,
}

/// One attribute statement inside a block, e.g. `owner office` or `escalates to leader within 10m`.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt<'s> {
    pub keyword: Keyword,
    pub value: Value<'s>,
    pub span: Span,
}

pub use super::language::Keyword;

#[derive(Debug, Clone, PartialEq)]
pub enum Value<'s> {
    Str(Str<'s>),
    Strs(Vec<Str<'s>>),
    Name(Name<'s>),
    Names(Vec<Name<'s>>),
    Duration(Duration),
    Date(Date),
    Escalation {
        target: Name<'s>,
        within: Option<Duration>,
    },
}

impl Value<'_> {
    /// Where the value's last token ends (`None` for an empty list).
    pub fn end(&self) -> Option<usize> {
        match self {
            Value::Str(s) => Some(s.span.end),
            Value::Strs(v) => v.last().map(|s| s.span.end),
            Value::Name(n) => Some(n.span.end),
            Value::Names(v) => v.last().map(|n| n.span.end),
            Value::Duration(d) => Some(d.span.end),
            Value::Date(d) => Some(d.span.end),
            Value::Escalation { target, within } => {
                Some(within.map_or(target.span.end, |w| w.span.end))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fact<'s> {
    pub name: Name<'s>,
    pub label: Str<'s>,
    pub ty: FactType<'s>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FactType<'s> {
    Count,
    Flag,
    OneOf(Vec<Variant<'s>>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variant<'s> {
    pub name: Name<'s>,
    pub label: Str<'s>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Level<'s> {
    pub name: Name<'s>,
    pub label: Str<'s>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trigger<'s> {
    pub name: Name<'s>,
    pub label: Str<'s>,
    pub condition: Condition<'s>,
    pub level: Option<Name<'s>>,
    pub span: Span,
}

/// Index of a node in `Condition::nodes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CondId(pub u32);

/// A condition as an arena of nodes; `root` is the whole condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition<'s> {
    pub nodes: Vec<CondNode<'s>>,
    pub root: CondId,
}

impl<'s> Condition<'s> {
    pub fn node(&self, id: CondId) -> &CondNode<'s> {
        &self.nodes[id.0 as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
    Ne,
}

impl CmpOp {
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Ge => ">=",
            CmpOp::Gt => ">",
            CmpOp::Le => "<=",
            CmpOp::Lt => "<",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum CondNode<'s> {
    /// `visitors >= 50`
    Compare {
        fact: Name<'s>,
        op: CmpOp,
        value: u64,
        span: Span,
    },
    /// `act in { self_harm, suicide }`
    In {
        fact: Name<'s>,
        variants: Vec<Name<'s>>,
        span: Span,
    },
    /// A bare name: a flag fact or another trigger.
    Name(Name<'s>),
    Not(CondId, Span),
    And(Vec<CondId>, Span),
    Or(Vec<CondId>, Span),
}

impl CondNode<'_> {
    pub fn span(&self) -> Span {
        match self {
            CondNode::Compare { span, .. } | CondNode::In { span, .. } => *span,
            CondNode::Name(n) => n.span,
            CondNode::Not(_, s) | CondNode::And(_, s) | CondNode::Or(_, s) => *s,
        }
    }
}
