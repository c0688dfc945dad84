//! Every trigger's condition in one store kept by the model: the nodes of
//! them all in one list (16 bytes a node: `packed.rs`), the children of
//! their `and`s and `or`s, the facts and variants of their `in`s, their
//! comparisons in lists of their own, and a trigger holds only where its
//! nodes are (`CondRange`, 12 bytes); a comparison with a value below 2^32
//! is in its node, a `number` fact's too (`store/numbers.rs`). A condition
//! in lists of its own took three allocations and 32 bytes of its trigger
//! for `n == 12` (issue 19, memory per byte: 1.09 MB of 8.27 at 8,000 such
//! triggers). Node ids stay local to
//! their condition (its first node is `CondId(0)`), so the stages index a
//! condition's nodes as they did; the indexes into the other lists are the
//! store's. The resolver makes room for every condition at once, from the
//! syntax tree's sizes: a long condition, grown by doubling, held up to
//! twice its room.

use super::FactId;
use super::arena::{Cond, CondId, Condition};
use super::packed::{Node, Packed};
use crate::decimal::Decimal;
use crate::span::Span;
use crate::syntax::ast::{CmpOp, Sizes};

mod numbers;
use numbers::{number, places_of};

/// Conditions, one after another (`Model::conditions`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CondStore {
    pub(super) nodes: Vec<Packed>,
    /// The children of every `and` and `or`, each one's together.
    children: Vec<CondId>,
    /// Every `in`'s fact, then its variants (its fact in a list of its
    /// own with where its variants are took 8 bytes more).
    variants: Vec<u32>,
    /// The comparisons their nodes cannot hold.
    comparisons: Vec<Comparison>,
    /// The decimals of those of `number` facts, apart: a count's comparison
    /// took their 24 bytes too.
    decimals: Vec<Decimal>,
    /// The condition being added.
    open: Open,
}

/// Where the condition being added begins, and how many comparisons it has.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Open {
    node: u32,
    comparison: u32,
    comparisons: u32,
}

/// Where a condition is in its store: its nodes and its root.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CondRange {
    from: u32,
    len: u32,
    root: CondId,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Comparison {
    value: u64,
    fact: FactId,
    /// An index into `decimals`; `NO_DECIMAL` for a count's.
    decimal: u32,
    op: CmpOp,
}

const NO_DECIMAL: u32 = u32::MAX;

const _: () = assert!(std::mem::size_of::<Comparison>() == 24);

/// Makes room for `rest` more in `list` once it is full (on the first,
/// exactly; then as a vector grows).
fn room<T>(list: &mut Vec<T>, rest: usize) {
    if list.len() == list.capacity() {
        list.reserve(rest);
    }
}

/// `list[from..from + len]`, empty if out of range (never, as built).
fn slice<T>(list: &[T], from: u32, len: u32) -> &[T] {
    let from = from as usize;
    list.get(from..from + len as usize).unwrap_or(&[])
}

impl CondStore {
    /// Makes room for conditions of `sizes` together, exactly; but for
    /// their comparisons, most of which their nodes hold (`push_compare`).
    pub fn reserve_exact(&mut self, sizes: Sizes) {
        self.nodes.reserve_exact(sizes.nodes as usize);
        self.children.reserve_exact(sizes.children as usize);
        let facts = sizes.memberships as usize;
        self.variants.reserve_exact(sizes.variants as usize + facts);
    }

    /// Begins a condition of `sizes` (room for its comparisons is made as
    /// they come: `push_compare`).
    pub fn begin(&mut self, sizes: Sizes) {
        self.open = Open {
            node: self.nodes.len() as u32,
            comparison: self.comparisons.len() as u32,
            comparisons: sizes.comparisons,
        };
    }

    /// Ends the condition begun, at `root`: where it is.
    pub fn finish(&mut self, root: CondId) -> CondRange {
        let from = self.open.node;
        let len = self.nodes.len() as u32 - from;
        self.begin(Sizes::default());
        CondRange { from, len, root }
    }

    /// A copy of `condition`, from another store: where it is.
    pub fn add(&mut self, condition: Condition<'_>) -> CondRange {
        self.begin(Sizes::default());
        for node in condition.nodes() {
            self.push(node);
        }
        self.finish(condition.root)
    }

    /// The condition at `at`.
    pub fn get(&self, at: CondRange) -> Condition<'_> {
        Condition::new(self, slice(&self.nodes, at.from, at.len), at.root)
    }

    /// Adds a node to the condition begun; its id.
    pub fn push(&mut self, node: Cond<'_>) -> CondId {
        let (node, span) = match node {
            Cond::Compare {
                fact,
                op,
                value,
                decimal,
                span,
            } => return self.push_compare(fact, op, value, decimal, span),
            Cond::In {
                fact,
                variants,
                span,
            } => return self.push_in(fact, variants.iter().copied(), span),
            Cond::Flag { fact, span } => (Node::Flag(fact), span),
            Cond::Trigger { trigger, span } => (Node::Trigger(trigger), span),
            Cond::Not(c, span) => (Node::Not(c), span),
            Cond::And(cs, span) => return self.push_join(true, cs.iter().copied(), span),
            Cond::Or(cs, span) => return self.push_join(false, cs.iter().copied(), span),
            Cond::Unknown(span) => (Node::Unknown, span),
        };
        self.add_node(node, span)
    }

    /// The node `packed` as the stages read it.
    pub(super) fn unpack(&self, packed: Packed) -> Cond<'_> {
        let span = packed.span();
        match packed.node() {
            Node::Compare(i) => {
                let c = self.comparisons[i as usize];
                Cond::Compare {
                    fact: c.fact,
                    op: c.op,
                    value: c.value,
                    decimal: self.decimals.get(c.decimal as usize).copied(),
                    span,
                }
            }
            Node::Count { op, fact, value } => Cond::Compare {
                fact,
                op,
                value: u64::from(value),
                decimal: None,
                span,
            },
            Node::Number {
                op,
                places,
                fact,
                value,
            } => number(fact, op, value, places, span),
            Node::In { from, len } => Cond::In {
                fact: FactId(self.variants.get(from as usize).copied().unwrap_or(0)),
                variants: slice(&self.variants, from + 1, len),
                span,
            },
            Node::Flag(fact) => Cond::Flag { fact, span },
            Node::Trigger(trigger) => Cond::Trigger { trigger, span },
            Node::Not(c) => Cond::Not(c, span),
            Node::And { from, len } => Cond::And(slice(&self.children, from, len), span),
            Node::Or { from, len } => Cond::Or(slice(&self.children, from, len), span),
            Node::Unknown => Cond::Unknown(span),
        }
    }

    /// Adds a comparison, in its node if it fits: a count's value below
    /// 2^32; a `number` fact's too, in units its decimal is exactly (the
    /// resolver gives it in the decimal's own places until
    /// `scale_numbers`).
    fn push_compare(
        &mut self,
        fact: FactId,
        op: CmpOp,
        value: u64,
        decimal: Option<Decimal>,
        span: Span,
    ) -> CondId {
        let small = u32::try_from(value).ok().and_then(|value| match decimal {
            None => Some(Node::Count { op, fact, value }),
            Some(d) => places_of(value, d).map(|places| Node::Number {
                op,
                places,
                fact,
                value,
            }),
        });
        if let Some(packed) = small.and_then(|node| Packed::new(node, span)) {
            self.nodes.push(packed);
            return self.last();
        }
        let at = self.push_comparison(fact, op, value, decimal);
        self.add_node(Node::Compare(at), span)
    }

    /// Adds a comparison its node cannot hold; its index. The first to
    /// find no room makes room for the rest of its condition's comparisons,
    /// and so does the first decimal (a long condition's, grown by
    /// doubling, held up to twice their room; the syntax tree does not tell
    /// which comparisons its nodes hold, or are of `number` facts).
    fn push_comparison(
        &mut self,
        fact: FactId,
        op: CmpOp,
        value: u64,
        decimal: Option<Decimal>,
    ) -> u32 {
        let done = self.comparisons.len() as u32 - self.open.comparison;
        let rest = self.open.comparisons.saturating_sub(done).max(1) as usize;
        let decimal = decimal.map_or(NO_DECIMAL, |d| {
            room(&mut self.decimals, rest);
            self.decimals.push(d);
            self.decimals.len() as u32 - 1
        });
        room(&mut self.comparisons, rest);
        self.comparisons.push(Comparison {
            value,
            fact,
            decimal,
            op,
        });
        self.comparisons.len() as u32 - 1
    }

    /// Adds a node other than a small comparison (which may not fit);
    /// its id in its condition.
    fn add_node(&mut self, node: Node, span: Span) -> CondId {
        self.nodes.extend(Packed::new(node, span));
        self.last()
    }

    /// The id of the last node, in its condition.
    fn last(&self) -> CondId {
        CondId(self.nodes.len() as u32 - 1 - self.open.node)
    }

    /// Adds a membership test of `fact` in `variants`; its id. As `push`,
    /// without a list of the variants to copy.
    pub fn push_in(
        &mut self,
        fact: FactId,
        variants: impl IntoIterator<Item = u32>,
        span: Span,
    ) -> CondId {
        let from = self.variants.len() as u32;
        self.variants.push(fact.0);
        self.variants.extend(variants);
        let len = self.variants.len() as u32 - from - 1;
        self.add_node(Node::In { from, len }, span)
    }

    /// Takes back the membership test `push_in` has just added.
    pub fn pop_in(&mut self) {
        if let Some(Node::In { from, .. }) = self.nodes.last().map(|p| p.node())
            && self.nodes.len() as u32 > self.open.node
        {
            self.variants.truncate(from as usize);
            self.nodes.pop();
        }
    }

    /// Adds an `and` (or an `or`) of `children` (ids in the condition
    /// begun); its id. As `push`, without a list of the children to copy.
    pub fn push_join(
        &mut self,
        and: bool,
        children: impl IntoIterator<Item = CondId>,
        span: Span,
    ) -> CondId {
        let from = self.children.len() as u32;
        self.children.extend(children);
        let len = self.children.len() as u32 - from;
        let node = if and {
            Node::And { from, len }
        } else {
            Node::Or { from, len }
        };
        self.add_node(node, span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compare(value: u64, decimal: Option<Decimal>) -> Cond<'static> {
        Cond::Compare {
            fact: FactId(1),
            op: CmpOp::Ge,
            value,
            decimal,
            span: Span::new(3, 4),
        }
    }

    /// Two conditions in one store each read as their own, ids from their
    /// first node; comparisons in the node and beside it read back whole.
    #[test]
    fn conditions_in_one_store_read_as_their_own() {
        let span = Span::new(0, 1);
        let one = Decimal::from_integer(1);
        let half = Decimal::parse("0.5").ok();
        let first = [
            Cond::Flag {
                fact: FactId(0),
                span,
            },
            compare(12, None),
            Cond::In {
                fact: FactId(3),
                variants: &[1, 0],
                span,
            },
            Cond::And(&[CondId(0), CondId(1), CondId(2)], span),
        ];
        let second = [
            compare(1 << 40, None),
            compare(7, Some(one)),
            compare(50, half),
            Cond::Not(CondId(0), span),
            Cond::Or(&[CondId(3), CondId(1), CondId(2)], span),
        ];
        let mut store = CondStore::default();
        let mut ranges = Vec::new();
        for nodes in [&first[..], &second[..]] {
            store.begin(Sizes::default());
            for (i, node) in nodes.iter().enumerate() {
                assert_eq!(store.push(*node), CondId(i as u32));
            }
            ranges.push(store.finish(CondId(nodes.len() as u32 - 1)));
        }
        for (at, nodes) in ranges.iter().zip([&first[..], &second[..]]) {
            let condition = store.get(*at);
            assert_eq!(condition.nodes().collect::<Vec<_>>(), nodes);
            assert_eq!(condition.root, CondId(nodes.len() as u32 - 1));
            let alone =
                super::super::OwnedCondition::from_nodes(nodes.iter().copied(), condition.root);
            assert_eq!(alone.view(), condition);
        }
        // `1 << 40` and `7` for 1 beside their nodes; 12 and 0.5 in them.
        assert_eq!((store.comparisons.len(), store.decimals.len()), (2, 1));
    }
}
