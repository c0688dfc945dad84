//! A trigger's condition in the syntax tree: an arena of nodes (read by the
//! reference rules), or its text, which the lexer reads again each time the
//! nodes are visited (read by the fast rules). A long condition so keeps no
//! nodes between parsing and resolving: its syntax arena (40 bytes a node)
//! was resident with the model's (issue 19, memory per byte).

use super::ast::{CmpOp, Name, Number};
use super::condition_text;
use crate::span::Span;

/// Index of a node, in the order `Condition::visit` gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CondId(pub u32);

/// A condition: nodes, children before parents; `root` is the whole
/// condition. Shown, and equal, as its arena of nodes (`to_nodes`),
/// however it is kept.
#[derive(Clone, Default)]
pub struct Condition<'s> {
    kept: Kept<'s>,
    pub root: CondId,
}

#[derive(Clone)]
enum Kept<'s> {
    Arena(Vec<CondNode<'s>>),
    /// A condition the fast rules read, `text` starting at byte `base` of
    /// the file, with the sizes its nodes take.
    Text {
        text: &'s str,
        /// As a span's start is (files are below 4 GiB): a `usize` made
        /// every trigger 8 bytes larger (issue 19, memory per byte).
        base: u32,
        sizes: Sizes,
    },
}

const _: () = assert!(std::mem::size_of::<Condition<'static>>() == 48);

impl Default for Kept<'_> {
    fn default() -> Self {
        Kept::Arena(Vec::new())
    }
}

/// How many nodes a condition has, how many children its `and`s and `or`s
/// have together, how many variants its `in`s name, and how many
/// comparisons and `in`s it has: room for a copy of it is made at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sizes {
    pub nodes: u32,
    pub children: u32,
    pub variants: u32,
    pub comparisons: u32,
    pub memberships: u32,
}

/// One node of a condition's arena. Comparisons and memberships are boxed:
/// the most frequent node, a bare name, then takes 40 bytes, not 96.
#[derive(Debug, Clone, PartialEq)]
pub enum CondNode<'s> {
    /// `visitors >= 50`
    Compare(Box<Comparison<'s>>),
    /// `act in { self_harm, suicide }`
    In(Box<Membership<'s>>),
    /// A bare name: a flag fact or another trigger.
    Name(Name<'s>),
    Not(CondId, Span),
    And(Box<[CondId]>, Span),
    Or(Box<[CondId]>, Span),
}

const _: () = assert!(std::mem::size_of::<CondNode<'static>>() <= 40);

/// `visitors >= 50`
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison<'s> {
    pub fact: Name<'s>,
    pub op: CmpOp,
    pub value: Number,
    pub span: Span,
}

/// `act in { self_harm, suicide }`
#[derive(Debug, Clone, PartialEq)]
pub struct Membership<'s> {
    pub fact: Name<'s>,
    pub variants: Vec<Name<'s>>,
    pub span: Span,
}

impl CondNode<'_> {
    pub fn span(&self) -> Span {
        match self {
            CondNode::Compare(c) => c.span,
            CondNode::In(m) => m.span,
            CondNode::Name(n) => n.span,
            CondNode::Not(_, s) | CondNode::And(_, s) | CondNode::Or(_, s) => *s,
        }
    }
}

/// One node as `Condition::visit` gives it: borrowed for the visit.
#[derive(Debug, Clone, Copy)]
pub enum Node<'a, 's> {
    Compare(&'a Comparison<'s>),
    In {
        fact: &'a Name<'s>,
        variants: Variants<'a, 's>,
        span: Span,
    },
    Name(&'a Name<'s>),
    Not(CondId, Span),
    And(&'a [CondId], Span),
    Or(&'a [CondId], Span),
}

/// The variants of an `in`: a list, or the text between its braces (read
/// again by the lexer: a long `in` held 32 bytes a variant of 3).
#[derive(Clone, Copy)]
pub enum Variants<'a, 's> {
    Names(&'a [Name<'s>]),
    Text { text: &'s str, base: usize },
}

impl<'a, 's> Variants<'a, 's> {
    /// The variants in order.
    pub fn iter(self) -> impl Iterator<Item = Name<'s>> + 'a
    where
        's: 'a,
    {
        let (names, text) = match self {
            Variants::Names(names) => (names, None),
            Variants::Text { text, base } => (&[][..], Some(condition_text::names(text, base))),
        };
        names.iter().copied().chain(text.into_iter().flatten())
    }
}

impl std::fmt::Debug for Variants<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'s> Node<'_, 's> {
    /// The node as one of an arena.
    pub fn to_owned(self) -> CondNode<'s> {
        match self {
            Node::Compare(c) => CondNode::Compare(Box::new(c.clone())),
            Node::In {
                fact,
                variants,
                span,
            } => CondNode::In(Box::new(Membership {
                fact: *fact,
                variants: variants.iter().collect(),
                span,
            })),
            Node::Name(name) => CondNode::Name(*name),
            Node::Not(c, span) => CondNode::Not(c, span),
            Node::And(cs, span) => CondNode::And(cs.into(), span),
            Node::Or(cs, span) => CondNode::Or(cs.into(), span),
        }
    }
}

impl<'s> CondNode<'s> {
    /// The node as `visit` gives it.
    pub fn as_node(&self) -> Node<'_, 's> {
        match self {
            CondNode::Compare(c) => Node::Compare(c),
            CondNode::In(m) => Node::In {
                fact: &m.fact,
                variants: Variants::Names(&m.variants),
                span: m.span,
            },
            CondNode::Name(name) => Node::Name(name),
            CondNode::Not(c, span) => Node::Not(*c, *span),
            CondNode::And(cs, span) => Node::And(cs, *span),
            CondNode::Or(cs, span) => Node::Or(cs, *span),
        }
    }
}

impl<'s> Condition<'s> {
    /// The condition of an arena (children before parents).
    pub fn from_nodes(nodes: Vec<CondNode<'s>>, root: CondId) -> Self {
        Condition {
            kept: Kept::Arena(nodes),
            root,
        }
    }

    /// The condition the fast rules read as `text`, at byte `base` of the
    /// file, whose nodes the lexer found to take `sizes`.
    pub(super) fn from_text(text: &'s str, base: u32, sizes: Sizes, root: CondId) -> Self {
        Condition {
            kept: Kept::Text { text, base, sizes },
            root,
        }
    }

    /// Every node with its id, in order (children before parents), without
    /// recursion.
    pub fn visit(&self, mut visit: impl FnMut(CondId, Node<'_, 's>)) {
        match &self.kept {
            Kept::Arena(nodes) => {
                for (i, node) in nodes.iter().enumerate() {
                    visit(CondId(i as u32), node.as_node());
                }
            }
            Kept::Text { text, base, .. } => {
                let base = *base as usize;
                condition_text::walk(text, base, &mut super::values::quiet_number, &mut visit);
            }
        }
    }

    /// The sizes its nodes take.
    pub fn sizes(&self) -> Sizes {
        match &self.kept {
            Kept::Arena(nodes) => {
                let mut sizes = Sizes {
                    nodes: nodes.len() as u32,
                    ..Sizes::default()
                };
                for node in nodes {
                    match node {
                        CondNode::And(cs, _) | CondNode::Or(cs, _) => {
                            sizes.children += cs.len() as u32
                        }
                        CondNode::In(m) => {
                            sizes.variants += m.variants.len() as u32;
                            sizes.memberships += 1;
                        }
                        CondNode::Compare(_) => sizes.comparisons += 1,
                        _ => {}
                    }
                }
                sizes
            }
            Kept::Text { sizes, .. } => *sizes,
        }
    }

    /// The nodes as an arena, to read them by id.
    pub fn to_nodes(&self) -> Vec<CondNode<'s>> {
        let mut nodes = Vec::with_capacity(self.sizes().nodes as usize);
        self.visit(|_, node| nodes.push(node.to_owned()));
        nodes
    }
}

impl std::fmt::Debug for Condition<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Condition")
            .field("nodes", &self.to_nodes())
            .field("root", &self.root)
            .finish()
    }
}

impl PartialEq for Condition<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.root == other.root && self.to_nodes() == other.to_nodes()
    }
}
