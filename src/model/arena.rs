//! A resolved condition as the stages read it: a view of its nodes in the
//! model's store (`store.rs`), each node read as a `Cond`, made on the fly
//! (a long condition's model was 56 bytes a node and a vector per
//! `and`/`or`: issue 19, memory per byte). A condition built outside a
//! model has a store of its own (`OwnedCondition`).

use super::packed::Packed;
use super::store::CondStore;
use super::{FactId, TriggerId};
use crate::decimal::Decimal;
use crate::span::Span;
use crate::syntax::ast::CmpOp;

/// Index of a node in a `Condition`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CondId(pub u32);

/// One node of a condition, as the stages read it (`Condition::node`) and
/// as one is added (`CondStore::push`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cond<'c> {
    Compare {
        fact: FactId,
        op: CmpOp,
        /// A count's integer; for a `number` fact, the decimal in the fact's
        /// units (see `FactType::Number`).
        value: u64,
        /// (v1) The exact decimal of a `number` fact's comparison.
        decimal: Option<Decimal>,
        span: Span,
    },
    /// Variants as indexes into the fact's `OneOf` list.
    In {
        fact: FactId,
        variants: &'c [u32],
        span: Span,
    },
    Flag {
        fact: FactId,
        span: Span,
    },
    Trigger {
        trigger: TriggerId,
        span: Span,
    },
    Not(CondId, Span),
    And(&'c [CondId], Span),
    Or(&'c [CondId], Span),
    /// A part that did not resolve (already reported): constrains nothing.
    Unknown(Span),
}

impl Cond<'_> {
    /// The number a comparison is written with (`50`, `0.5`): a `number`
    /// fact's decimal, not the logic's units.
    pub fn number(value: u64, decimal: Option<Decimal>) -> String {
        decimal.map_or_else(|| value.to_string(), |d| d.to_string())
    }

    pub fn span(&self) -> Span {
        match self {
            Cond::Compare { span, .. }
            | Cond::In { span, .. }
            | Cond::Flag { span, .. }
            | Cond::Trigger { span, .. }
            | Cond::Not(_, span)
            | Cond::And(_, span)
            | Cond::Or(_, span)
            | Cond::Unknown(span) => *span,
        }
    }

    /// The nodes it is made of (none for a leaf).
    pub fn children(&self) -> &[CondId] {
        match self {
            Cond::Not(c, _) => std::slice::from_ref(c),
            Cond::And(cs, _) | Cond::Or(cs, _) => cs,
            _ => &[],
        }
    }
}

/// A resolved condition, as an arena (never recursive in memory): children
/// before parents, the root anywhere (the last node, as built), its node
/// ids counted from its first node. A view of its store: copied freely.
/// Equal when their nodes and roots are, wherever their stores keep them;
/// shown as its nodes and root.
#[derive(Clone, Copy)]
pub struct Condition<'c> {
    store: &'c CondStore,
    nodes: &'c [Packed],
    pub root: CondId,
}

impl std::fmt::Debug for Condition<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        struct Nodes<'a, 'c>(&'a Condition<'c>);
        impl std::fmt::Debug for Nodes<'_, '_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_list().entries(self.0.nodes()).finish()
            }
        }
        f.debug_struct("Condition")
            .field("nodes", &Nodes(self))
            .field("root", &self.root)
            .finish()
    }
}

impl PartialEq for Condition<'_> {
    fn eq(&self, other: &Condition) -> bool {
        self.root == other.root
            && self.len() == other.len()
            && self.nodes().zip(other.nodes()).all(|(a, b)| a == b)
    }
}

impl<'c> Condition<'c> {
    /// The condition of `nodes` in `store`, with its root.
    pub(super) fn new(store: &'c CondStore, nodes: &'c [Packed], root: CondId) -> Self {
        Condition { store, nodes, root }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The node `id`; `Unknown` (an empty span) if there is none.
    pub fn node(&self, id: CondId) -> Cond<'c> {
        self.get(id).unwrap_or(Cond::Unknown(Span::default()))
    }

    /// The node `id`, if there is one.
    pub fn get(&self, id: CondId) -> Option<Cond<'c>> {
        let store = self.store;
        self.nodes.get(id.0 as usize).map(|p| store.unpack(*p))
    }

    /// Every node in order, with its id.
    pub fn iter(&self) -> impl Iterator<Item = (CondId, Cond<'c>)> + 'c {
        let store = self.store;
        (self.nodes.iter().enumerate()).map(move |(i, p)| (CondId(i as u32), store.unpack(*p)))
    }

    /// Every node in order.
    pub fn nodes(&self) -> impl Iterator<Item = Cond<'c>> + 'c {
        let store = self.store;
        self.nodes.iter().map(move |p| store.unpack(*p))
    }
}

/// One condition in a store of its own: one built outside a model (by
/// hand, in tests), read through `view` and put into a model's store with
/// `CondStore::add`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OwnedCondition {
    store: CondStore,
    pub root: CondId,
}

impl OwnedCondition {
    /// The condition of `nodes`, children before parents, and its root.
    pub fn from_nodes<'c>(nodes: impl IntoIterator<Item = Cond<'c>>, root: CondId) -> Self {
        let mut condition = OwnedCondition::default();
        for node in nodes {
            condition.push(node);
        }
        condition.root = root;
        condition
    }

    /// Adds a node; its id.
    pub fn push(&mut self, node: Cond<'_>) -> CondId {
        self.store.push(node)
    }

    /// Adds an `and` (or an `or`) of `children`; its id.
    pub fn push_join(
        &mut self,
        and: bool,
        children: impl IntoIterator<Item = CondId>,
        span: Span,
    ) -> CondId {
        self.store.push_join(and, children, span)
    }

    pub fn len(&self) -> usize {
        self.store.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.store.nodes.is_empty()
    }

    /// The condition, to read.
    pub fn view(&self) -> Condition<'_> {
        Condition::new(&self.store, &self.store.nodes, self.root)
    }
}
