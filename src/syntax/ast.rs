//! The typed syntax tree. Every node keeps its byte span in the whole file.
//!
//! Names and unescaped strings borrow from the source where they can. A
//! condition is an arena or its text (`nodes.rs`), so that a deeply nested
//! condition is neither built nor dropped recursively.

use std::borrow::Cow;

use crate::span::Span;

pub use super::nodes::{
    Comparison, CondId, CondNode, Condition, Membership, Node, Sizes, Variants,
};

/// A parsed plan file: its items in source order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct File<'s> {
    /// The text parsed, which every span points into.
    pub source: &'s str,
    pub items: Items<'s>,
}

/// Items in source order, held in chunks of at most `Items::CHUNK`: the
/// parts of a file read at once are joined without moving an item, a
/// chunk grows at most `CHUNK` items past what it holds, and the model is
/// built freeing one chunk after another (`IntoIterator`), so that the tree
/// and the model are never both whole (issue 19, memory per byte). Read,
/// compared and shown as one sequence, however it is cut.
#[derive(Clone, Default)]
pub struct Items<'s> {
    chunks: Vec<Vec<Item<'s>>>,
}

/// The items of `Items`, in order.
pub type ItemsIter<'a, 's> = std::iter::Flatten<std::slice::Iter<'a, Vec<Item<'s>>>>;

impl<'s> Items<'s> {
    /// The most items a chunk holds.
    pub const CHUNK: usize = 1024;

    pub fn push(&mut self, item: Item<'s>) {
        match self.chunks.last_mut() {
            Some(chunk) if chunk.len() < Self::CHUNK => chunk.push(item),
            _ => {
                let mut chunk = Vec::with_capacity(4);
                chunk.push(item);
                self.chunks.push(chunk);
            }
        }
    }

    /// Appends `more`'s chunks (no item moves).
    pub fn append(&mut self, more: Items<'s>) {
        self.chunks
            .extend(more.chunks.into_iter().filter(|c| !c.is_empty()));
    }

    pub fn iter(&self) -> ItemsIter<'_, 's> {
        self.chunks.iter().flatten()
    }

    pub fn len(&self) -> usize {
        self.chunks.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.chunks.iter().all(Vec::is_empty)
    }

    /// The first item.
    pub fn first(&self) -> Option<&Item<'s>> {
        self.iter().next()
    }
}

impl<'s> Extend<Item<'s>> for Items<'s> {
    fn extend<I: IntoIterator<Item = Item<'s>>>(&mut self, items: I) {
        for item in items {
            self.push(item);
        }
    }
}

impl<'s> FromIterator<Item<'s>> for Items<'s> {
    fn from_iter<I: IntoIterator<Item = Item<'s>>>(items: I) -> Self {
        let mut out = Items::default();
        out.extend(items);
        out
    }
}

impl<'s> From<Vec<Item<'s>>> for Items<'s> {
    fn from(items: Vec<Item<'s>>) -> Self {
        items.into_iter().collect()
    }
}

/// The items in order; each chunk is freed once its items are taken.
impl<'s> IntoIterator for Items<'s> {
    type Item = Item<'s>;
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<Vec<Item<'s>>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.chunks.into_iter().flatten()
    }
}

impl<'a, 's> IntoIterator for &'a Items<'s> {
    type Item = &'a Item<'s>;
    type IntoIter = ItemsIter<'a, 's>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Items<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for Items<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// An item. A trigger, with its condition and level, is boxed: the other
/// items (most of a plan: roles and steps) then take 120 bytes, not 168.
#[derive(Debug, Clone, PartialEq)]
pub enum Item<'s> {
    Plan(PlanHeader<'s>),
    Section(Section<'s>),
    Text(Str<'s>),
    Decl(Decl<'s>),
    Fact(Fact<'s>),
    Level(Level<'s>),
    Trigger(Box<Trigger<'s>>),
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
    /// Length in seconds, with `w` = 7 days, `mo` = 30 days, `y` = 365 days,
    /// (v1) `wd` = 7/5 day: how durations are compared.
    pub seconds: u64,
    /// (v1) The working days (`wd`) in it, included in `seconds` at 7/5 day
    /// each; a calendar (`simulate --start`) counts them Monday to Friday.
    pub working_days: u64,
    /// (v1) The years (`y`) and months (`mo`) written in it, also included in
    /// `seconds` (at 365 and 30 days): a calendar adds them as calendar
    /// years and months (a drill's `last` plus its `every`).
    pub years: u64,
    pub months: u64,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub span: Span,
}

impl std::fmt::Display for Date {
    /// `2015-09-11`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
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
    pub items: Items<'s>,
    /// (v1) Its statements (`element`), in source order.
    pub stmts: Vec<Stmt<'s>>,
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

/// A statement's value. Values with a duration or a date and a note are
/// boxed: they are rare, and the most frequent (a string, a name, a list)
/// then take 40 bytes, not 104 (issue 19, memory per byte).
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'s> {
    Str(Str<'s>),
    Strs(Vec<Str<'s>>),
    Name(Name<'s>),
    Names(Vec<Name<'s>>),
    Duration(Box<Duration>),
    Date(Date),
    Escalation {
        target: Name<'s>,
        within: Option<Box<Duration>>,
    },
    /// (v1) `within D [from S] [for NAMES]` of a step.
    Deadline(Box<Within<'s>>),
    /// (v1) `revision 2024-06-30 "调整领导小组成员"`.
    Revision(Box<Revision<'s>>),
    /// (v1) `kind special` (`专项`): the name as written and the kind.
    Kind(Name<'s>, super::document::PlanKind),
    /// (v1) `element support`: the name as written and the element.
    Element(Name<'s>, super::document::Element),
}

/// (v1) `within D [from S] [for NAMES]` of a step.
#[derive(Debug, Clone, PartialEq)]
pub struct Within<'s> {
    pub within: Duration,
    pub from: Option<Name<'s>>,
    pub only_for: Box<[Name<'s>]>,
}

/// (v1) `revision 2024-06-30 "调整领导小组成员"`.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision<'s> {
    pub date: Date,
    pub note: Str<'s>,
}

impl Value<'_> {
    /// Where the value's last token ends (`None` for an empty list).
    pub fn end(&self) -> Option<usize> {
        match self {
            Value::Str(s) => Some(s.span.end()),
            Value::Strs(v) => v.last().map(|s| s.span.end()),
            Value::Name(n) => Some(n.span.end()),
            Value::Names(v) => v.last().map(|n| n.span.end()),
            Value::Duration(d) => Some(d.span.end()),
            Value::Date(d) => Some(d.span.end()),
            Value::Escalation { target, within } => {
                Some(within.as_ref().map_or(target.span.end(), |w| w.span.end()))
            }
            Value::Deadline(deadline) => {
                let Within {
                    within,
                    from,
                    only_for,
                } = &**deadline;
                let from = from.map(|n| n.span.end());
                let only_for = only_for.last().map(|n| n.span.end());
                Some(
                    within
                        .span
                        .end()
                        .max(from.unwrap_or(0))
                        .max(only_for.unwrap_or(0)),
                )
            }
            Value::Revision(revision) => Some(revision.note.span.end()),
            Value::Kind(name, _) | Value::Element(name, _) => Some(name.span.end()),
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
    /// (v1) `number`: a non-negative decimal.
    Number,
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
    /// (v1) The statements of its block (`until`, `text`), if it has one.
    pub stmts: Vec<Stmt<'s>>,
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
    /// The operator written `text` (one the grammar's `cmp_op` reads).
    pub fn parse(text: &str) -> Option<CmpOp> {
        Some(match text {
            ">=" => CmpOp::Ge,
            ">" => CmpOp::Gt,
            "<=" => CmpOp::Le,
            "<" => CmpOp::Lt,
            "==" => CmpOp::Eq,
            "!=" => CmpOp::Ne,
            _ => return None,
        })
    }

    /// Whether `lhs OP rhs`.
    pub fn holds<T: Ord>(self, lhs: &T, rhs: &T) -> bool {
        match self {
            CmpOp::Ge => lhs >= rhs,
            CmpOp::Gt => lhs > rhs,
            CmpOp::Le => lhs <= rhs,
            CmpOp::Lt => lhs < rhs,
            CmpOp::Eq => lhs == rhs,
            CmpOp::Ne => lhs != rhs,
        }
    }

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

/// The number a comparison is made with: an integer, or (v1) a decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    Integer(u64),
    Decimal(crate::decimal::Decimal),
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Number::Integer(n) => write!(f, "{n}"),
            Number::Decimal(d) => write!(f, "{d}"),
        }
    }
}
