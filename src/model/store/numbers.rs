//! The comparisons of `number` facts in the store: held in their nodes in
//! units of 10^-places, the places in the node, and their decimals worked
//! out again when read; at first in the decimal's own places, then each
//! fact's (`scale_numbers`). A comparison took 24 bytes beside its node and
//! a decimal 16 more (issue 19, memory per byte: 2 MB of a 25.8 MB peak at
//! 2 MB of one long condition).

use super::super::packed::{Node, Packed};
use super::CondStore;
use crate::decimal::{Decimal, MAX_PLACES};
use crate::model::{Cond, FactId};
use crate::span::Span;
use crate::syntax::ast::CmpOp;

impl CondStore {
    /// The digits after the point every comparison of a `number` fact
    /// needs, with its fact.
    pub(in crate::model) fn number_places(&self) -> impl Iterator<Item = (FactId, u32)> + '_ {
        let beside = (self.comparisons.iter())
            .filter_map(|c| Some((c.fact, self.decimals.get(c.decimal as usize)?.places())));
        let held = self.nodes.iter().filter_map(|p| match p.node() {
            Node::Number {
                fact,
                places,
                value,
                ..
            } => Some((fact, needed(value, places))),
            _ => None,
        });
        beside.chain(held)
    }

    /// Writes every comparison of a `number` fact in its fact's units,
    /// `places(fact)` digits after the point: in its node if it still fits,
    /// else beside it.
    pub(in crate::model) fn scale_numbers(&mut self, places: impl Fn(FactId) -> u32) {
        for c in &mut self.comparisons {
            if let Some(d) = self.decimals.get(c.decimal as usize) {
                c.value = d.scaled(places(c.fact));
            }
        }
        for i in 0..self.nodes.len() {
            let packed = self.nodes[i];
            let Node::Number {
                op,
                places: own,
                fact,
                value,
            } = packed.node()
            else {
                continue;
            };
            let to = places(fact);
            let span = packed.span();
            let held = rescale(value, own, to).and_then(|value| {
                let node = Node::Number {
                    op,
                    places: to,
                    fact,
                    value,
                };
                Packed::new(node, span)
            });
            let node = held.or_else(|| {
                let decimal = Decimal::from_scaled(u64::from(value), own);
                let at = self.push_comparison(fact, op, decimal.scaled(to), Some(decimal));
                Packed::new(Node::Compare(at), span)
            });
            if let Some(node) = node {
                self.nodes[i] = node;
            }
        }
    }
}

/// A `number` fact's comparison held in its node, with its decimal (apart:
/// the other nodes are read with fewer registers).
#[inline(never)]
pub(super) fn number(
    fact: FactId,
    op: CmpOp,
    value: u32,
    places: u32,
    span: Span,
) -> Cond<'static> {
    Cond::Compare {
        fact,
        op,
        value: u64::from(value),
        decimal: Some(Decimal::from_scaled(u64::from(value), places)),
        span,
    }
}

/// How many digits after the point `value` units of 10^-`places` need.
fn needed(mut value: u32, mut places: u32) -> u32 {
    if value == 0 {
        return 0;
    }
    while places > 0 && value.is_multiple_of(10) {
        value /= 10;
        places -= 1;
    }
    places
}

/// `value` units of 10^-`from` in units of 10^-`to`, if they are whole and
/// below 2^32.
fn rescale(value: u32, from: u32, to: u32) -> Option<u32> {
    let factor = 10u64.checked_pow(to.checked_sub(from)?)?;
    u32::try_from(u64::from(value).checked_mul(factor)?).ok()
}

/// The places at which `value` is `decimal` exactly (`value` units of
/// 10^-places), if any: the fewest, `decimal.places()` (slower to work
/// out).
pub(super) fn places_of(value: u32, decimal: Decimal) -> Option<u32> {
    let value = u64::from(value);
    (0..=MAX_PLACES).find(|&p| Decimal::from_scaled(value, p) == decimal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CondId;
    use crate::syntax::ast::Sizes;

    fn number(value: u64, decimal: &str) -> Cond<'static> {
        Cond::Compare {
            fact: FactId(2),
            op: CmpOp::Lt,
            value,
            decimal: Decimal::parse(decimal).ok(),
            span: Span::new(1, 2),
        }
    }

    /// Comparisons given in their decimals' own places are held in their
    /// nodes; scaled to the fact's units, those that no longer fit in
    /// 32 bits go beside them, and every one reads back its decimal.
    #[test]
    fn numbers_are_held_in_their_nodes_while_they_fit() {
        let mut store = CondStore::default();
        store.begin(Sizes::default());
        for node in [number(1, "1"), number(1, "0.000000001"), number(5, "0.5")] {
            store.push(node);
        }
        let at = store.finish(CondId(0));
        assert!(store.comparisons.is_empty());
        let needed: Vec<_> = store.number_places().collect();
        assert_eq!(needed, [(FactId(2), 0), (FactId(2), 9), (FactId(2), 1)]);
        store.scale_numbers(|_| 10);
        let nodes: Vec<_> = store.get(at).nodes().collect();
        let ten = 10_000_000_000;
        let expected = [
            number(ten, "1"),
            number(10, "0.000000001"),
            number(ten / 2, "0.5"),
        ];
        assert_eq!(nodes, expected);
        assert_eq!((store.comparisons.len(), store.decimals.len()), (2, 2));
    }

    /// A value that is not the decimal in any places is kept beside, as
    /// given.
    #[test]
    fn a_value_not_its_decimal_is_kept_beside() {
        let mut store = CondStore::default();
        store.begin(Sizes::default());
        store.push(number(0, "0.5"));
        let at = store.finish(CondId(0));
        assert_eq!(store.comparisons.len(), 1);
        assert_eq!(store.get(at).node(CondId(0)), number(0, "0.5"));
    }
}
