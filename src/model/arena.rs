//! A resolved condition as a compact arena: 20 bytes a node, children and
//! variants in lists shared by the whole condition, comparisons and
//! memberships in tables of their own (a long condition's model was 56
//! bytes a node and a vector per `and`/`or`: issue 19, memory per byte).
//! The stages read a node as a `Cond`, made on the fly. Its lists are thin
//! (8 bytes each, nothing allocated while empty), and those of comparisons
//! and `in`s are boxed together, none without: most conditions use one or
//! two of them, and a chain of triggers none.

use super::{FactId, TriggerId};
use crate::decimal::Decimal;
use crate::span::Span;
use crate::syntax::ast::{CmpOp, Sizes};
use thin_vec::ThinVec;

/// Index of a node in a `Condition`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CondId(pub u32);

/// One node of a condition, as the stages read it (`Condition::node`) and
/// as one is added (`Condition::push`).
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
/// before parents, the root anywhere (the last node, as built). Equal when
/// their nodes and roots are, wherever their lists keep them; shown as
/// its nodes and root.
#[derive(Clone, Default)]
pub struct Condition {
    nodes: ThinVec<Packed>,
    /// The children of every `and` and `or`, each one's together.
    children: ThinVec<CondId>,
    /// Its comparisons and `in`s, if it has any (16 bytes of every trigger
    /// otherwise: issue 19, memory per byte).
    facts: Option<Box<FactTables>>,
    pub root: CondId,
}

const _: () = assert!(std::mem::size_of::<Condition>() <= 32);

/// The comparisons and `in`s of a condition.
#[derive(Debug, Clone, Default)]
struct FactTables {
    /// The variants of every `in`, each one's together.
    variants: ThinVec<u32>,
    comparisons: ThinVec<Comparison>,
    memberships: ThinVec<Membership>,
}

impl std::fmt::Debug for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        struct Nodes<'c>(&'c Condition);
        impl std::fmt::Debug for Nodes<'_> {
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

impl PartialEq for Condition {
    fn eq(&self, other: &Condition) -> bool {
        self.root == other.root
            && self.len() == other.len()
            && self.nodes().zip(other.nodes()).all(|(a, b)| a == b)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Packed {
    /// An index into `comparisons`.
    Compare(u32, Span),
    /// An index into `memberships`.
    In(u32, Span),
    Flag(FactId, Span),
    Trigger(TriggerId, Span),
    Not(CondId, Span),
    /// `children[from..from + len]`.
    And {
        from: u32,
        len: u32,
        at: Span,
    },
    Or {
        from: u32,
        len: u32,
        at: Span,
    },
    Unknown(Span),
}

const _: () = assert!(std::mem::size_of::<Packed>() == 20);

#[derive(Debug, Clone, PartialEq)]
struct Comparison {
    fact: FactId,
    op: CmpOp,
    value: u64,
    decimal: Option<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Membership {
    fact: FactId,
    from: u32,
    len: u32,
}

/// Makes room for one element in an empty list about to get its first: a
/// condition has few comparisons and memberships, most one (a first push
/// makes room for four); later pushes grow it as usual.
fn first_of_few<T>(list: &mut ThinVec<T>) {
    if list.capacity() == 0 {
        list.reserve_exact(1);
    }
}

/// `list[from..from + len]`, empty if out of range (never, as built).
fn slice<T>(list: &[T], from: u32, len: u32) -> &[T] {
    let from = from as usize;
    list.get(from..from + len as usize).unwrap_or(&[])
}

impl Condition {
    /// An empty condition with room for a condition of `sizes` (its nodes,
    /// the children of its `and`s and `or`s, the variants of its `in`s).
    pub fn with_capacity(sizes: Sizes) -> Condition {
        let any_facts = sizes.variants + sizes.comparisons + sizes.memberships > 0;
        Condition {
            nodes: ThinVec::with_capacity(sizes.nodes as usize),
            children: ThinVec::with_capacity(sizes.children as usize),
            facts: any_facts.then(|| {
                Box::new(FactTables {
                    variants: ThinVec::with_capacity(sizes.variants as usize),
                    // Grown by doubling, the comparisons of a long condition
                    // held up to twice their room (issue 19, memory per byte).
                    comparisons: ThinVec::with_capacity(sizes.comparisons as usize),
                    memberships: ThinVec::with_capacity(sizes.memberships as usize),
                })
            }),
            ..Condition::default()
        }
    }

    /// Its comparisons and `in`s, to add to.
    fn facts_mut(&mut self) -> &mut FactTables {
        self.facts.get_or_insert_default()
    }

    fn comparisons(&self) -> &[Comparison] {
        self.facts.as_deref().map_or(&[], |f| &f.comparisons)
    }

    fn memberships(&self) -> &[Membership] {
        self.facts.as_deref().map_or(&[], |f| &f.memberships)
    }

    fn variants(&self) -> &[u32] {
        self.facts.as_deref().map_or(&[], |f| &f.variants)
    }

    /// The condition of `nodes`, children before parents, and its root.
    pub fn from_nodes<'c>(nodes: impl IntoIterator<Item = Cond<'c>>, root: CondId) -> Condition {
        let mut condition = Condition::default();
        for node in nodes {
            condition.push(node);
        }
        condition.root = root;
        condition
    }

    /// Adds a node; its id.
    pub fn push(&mut self, node: Cond<'_>) -> CondId {
        let packed = match node {
            Cond::Compare {
                fact,
                op,
                value,
                decimal,
                span,
            } => {
                let comparisons = &mut self.facts_mut().comparisons;
                first_of_few(comparisons);
                comparisons.push(Comparison {
                    fact,
                    op,
                    value,
                    decimal,
                });
                Packed::Compare(comparisons.len() as u32 - 1, span)
            }
            Cond::In {
                fact,
                variants,
                span,
            } => return self.push_in(fact, variants.iter().copied(), span),
            Cond::Flag { fact, span } => Packed::Flag(fact, span),
            Cond::Trigger { trigger, span } => Packed::Trigger(trigger, span),
            Cond::Not(c, span) => Packed::Not(c, span),
            Cond::And(cs, span) => return self.push_join(true, cs.iter().copied(), span),
            Cond::Or(cs, span) => return self.push_join(false, cs.iter().copied(), span),
            Cond::Unknown(span) => Packed::Unknown(span),
        };
        self.add(packed)
    }

    /// Adds a packed node; its id.
    fn add(&mut self, packed: Packed) -> CondId {
        self.nodes.push(packed);
        CondId(self.nodes.len() as u32 - 1)
    }

    /// Adds a membership test of `fact` in `variants`; its id. As `push`,
    /// without a list of the variants to copy.
    pub fn push_in(
        &mut self,
        fact: FactId,
        variants: impl IntoIterator<Item = u32>,
        span: Span,
    ) -> CondId {
        let facts = self.facts_mut();
        let from = facts.variants.len() as u32;
        facts.variants.extend(variants);
        let len = facts.variants.len() as u32 - from;
        first_of_few(&mut facts.memberships);
        facts.memberships.push(Membership { fact, from, len });
        let at = facts.memberships.len() as u32 - 1;
        self.add(Packed::In(at, span))
    }

    /// Takes back the membership test `push_in` has just added.
    pub fn pop_in(&mut self) {
        if let Some(&Packed::In(i, _)) = self.nodes.last()
            && let Some(facts) = self.facts.as_deref_mut()
            && let Some(&m) = facts.memberships.get(i as usize)
        {
            facts.variants.truncate(m.from as usize);
            facts.memberships.truncate(i as usize);
            self.nodes.pop();
        }
    }

    /// Adds an `and` (or an `or`) of `children`; its id. As `push`, without
    /// a list of the children to copy.
    pub fn push_join(
        &mut self,
        and: bool,
        children: impl IntoIterator<Item = CondId>,
        span: Span,
    ) -> CondId {
        let from = self.children.len() as u32;
        self.children.extend(children);
        let len = self.children.len() as u32 - from;
        self.add(if and {
            Packed::And {
                from,
                len,
                at: span,
            }
        } else {
            Packed::Or {
                from,
                len,
                at: span,
            }
        })
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The node `id`; `Unknown` (an empty span) if there is none.
    pub fn node(&self, id: CondId) -> Cond<'_> {
        self.get(id).unwrap_or(Cond::Unknown(Span::default()))
    }

    /// The node `id`, if there is one.
    pub fn get(&self, id: CondId) -> Option<Cond<'_>> {
        self.nodes.get(id.0 as usize).map(|p| self.unpack(p))
    }

    /// Every node in order, with its id.
    pub fn iter(&self) -> impl Iterator<Item = (CondId, Cond<'_>)> + '_ {
        (self.nodes.iter().enumerate()).map(|(i, p)| (CondId(i as u32), self.unpack(p)))
    }

    /// Every node in order.
    pub fn nodes(&self) -> impl Iterator<Item = Cond<'_>> + '_ {
        self.nodes.iter().map(|p| self.unpack(p))
    }

    fn unpack(&self, packed: &Packed) -> Cond<'_> {
        match *packed {
            Packed::Compare(i, at) => {
                let c = &self.comparisons()[i as usize];
                Cond::Compare {
                    fact: c.fact,
                    op: c.op,
                    value: c.value,
                    decimal: c.decimal,
                    span: at,
                }
            }
            Packed::In(i, at) => {
                let m = self.memberships()[i as usize];
                Cond::In {
                    fact: m.fact,
                    variants: slice(self.variants(), m.from, m.len),
                    span: at,
                }
            }
            Packed::Flag(fact, at) => Cond::Flag { fact, span: at },
            Packed::Trigger(trigger, at) => Cond::Trigger { trigger, span: at },
            Packed::Not(c, at) => Cond::Not(c, at),
            Packed::And { from, len, at } => Cond::And(slice(&self.children, from, len), at),
            Packed::Or { from, len, at } => Cond::Or(slice(&self.children, from, len), at),
            Packed::Unknown(at) => Cond::Unknown(at),
        }
    }

    /// Every comparison's fact, value and decimal, to rewrite the value
    /// (`number` facts in their units: `model::condition::scale_numbers`).
    pub(super) fn comparisons_mut(
        &mut self,
    ) -> impl Iterator<Item = (FactId, &mut u64, Option<Decimal>)> + '_ {
        let comparisons = self.facts.as_deref_mut().map(|f| f.comparisons.iter_mut());
        (comparisons.into_iter().flatten()).map(|c| (c.fact, &mut c.value, c.decimal))
    }
}
