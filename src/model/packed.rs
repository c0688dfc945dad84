//! A node of the condition store in 16 bytes: its kind and 28 bits of data
//! in one word, one more word, its span. A comparison with a small value is
//! held in its node, a `number` fact's too (its value in units of
//! 10^-places, the places in the node: the decimal is worked out again when
//! read); the rest are indexes into the store's lists. A node was 20 bytes,
//! and a `number` fact's comparison 40 more beside it (issue 19, memory per
//! byte: 7.7 MB of a 25.8 MB peak at 2 MB of one long condition).

use super::arena::CondId;
use super::{FactId, TriggerId};
use crate::span::Span;
use crate::syntax::ast::CmpOp;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Packed {
    /// The kind (`KINDS`, low 4 bits) and the node's data (high 28 bits).
    head: u32,
    word: u32,
    at: Span,
}

const _: () = assert!(std::mem::size_of::<Packed>() == 16);

/// A node as held, its parts apart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Node {
    /// An index into the store's comparisons.
    Compare(u32),
    /// A count's comparison.
    Count {
        op: CmpOp,
        fact: FactId,
        value: u32,
    },
    /// A `number` fact's comparison, its value in units of 10^-`places`.
    Number {
        op: CmpOp,
        places: u32,
        fact: FactId,
        value: u32,
    },
    /// Its fact at the store's `variants[from]`, its variants after it.
    In {
        from: u32,
        len: u32,
    },
    Flag(FactId),
    Trigger(TriggerId),
    /// Its child, in its condition.
    Not(CondId),
    /// The store's `children[from..from + len]`.
    And {
        from: u32,
        len: u32,
    },
    Or {
        from: u32,
        len: u32,
    },
    Unknown,
}

const DATA_BITS: u32 = 28;
/// The largest count of children an `and` or `or` holds, or of variants an
/// `in`: more than a file of `pipeline::MAX_FILE_BYTES` can write (each
/// takes a byte and more).
const MAX_LEN: u32 = (1 << DATA_BITS) - 1;
const FACT_BITS: u32 = DATA_BITS - OP_BITS;
const NUMBER_FACT_BITS: u32 = FACT_BITS - PLACES_BITS;
const OP_BITS: u32 = 3;
const PLACES_BITS: u32 = 5;
const OPS: [CmpOp; 6] = [
    CmpOp::Ge,
    CmpOp::Gt,
    CmpOp::Le,
    CmpOp::Lt,
    CmpOp::Eq,
    CmpOp::Ne,
];

fn op_bits(op: CmpOp) -> u32 {
    OPS.iter().position(|o| *o == op).unwrap_or(0) as u32
}

fn op_of(bits: u32) -> CmpOp {
    OPS.get((bits & ((1 << OP_BITS) - 1)) as usize)
        .copied()
        .unwrap_or(CmpOp::Ge)
}

/// `fact` if it fits in `bits`.
fn fits(fact: FactId, bits: u32) -> Option<u32> {
    (fact.0 < 1 << bits).then_some(fact.0)
}

impl Packed {
    /// `node` at `at`; `None` if its parts do not fit (a comparison then
    /// goes to the store's list). An `and`'s count of children saturates
    /// at `MAX_LEN`, which no file reaches (as a `Span` saturates).
    pub(super) fn new(node: Node, at: Span) -> Option<Packed> {
        let (kind, data, word) = match node {
            Node::Compare(i) => (0, 0, i),
            Node::Count { op, fact, value } => {
                (1, fits(fact, FACT_BITS)? << OP_BITS | op_bits(op), value)
            }
            Node::Number {
                op,
                places,
                fact,
                value,
            } => {
                let places = (places < 1 << PLACES_BITS).then_some(places)?;
                let fact = fits(fact, NUMBER_FACT_BITS)?;
                let data = (fact << PLACES_BITS | places) << OP_BITS | op_bits(op);
                (2, data, value)
            }
            Node::In { from, len } => {
                debug_assert!(len <= MAX_LEN);
                (3, len.min(MAX_LEN), from)
            }
            Node::Flag(fact) => (4, 0, fact.0),
            Node::Trigger(trigger) => (5, 0, trigger.0),
            Node::Not(child) => (6, 0, child.0),
            Node::And { from, len } => {
                debug_assert!(len <= MAX_LEN);
                (7, len.min(MAX_LEN), from)
            }
            Node::Or { from, len } => {
                debug_assert!(len <= MAX_LEN);
                (8, len.min(MAX_LEN), from)
            }
            Node::Unknown => (9, 0, 0),
        };
        Some(Packed {
            head: data << 4 | kind,
            word,
            at,
        })
    }

    #[inline(always)]
    pub(super) fn node(self) -> Node {
        let data = self.head >> 4;
        let word = self.word;
        match self.head & 0xf {
            0 => Node::Compare(word),
            1 => Node::Count {
                op: op_of(data),
                fact: FactId(data >> OP_BITS),
                value: word,
            },
            2 => Node::Number {
                op: op_of(data),
                places: (data >> OP_BITS) & ((1 << PLACES_BITS) - 1),
                fact: FactId(data >> (OP_BITS + PLACES_BITS)),
                value: word,
            },
            3 => Node::In {
                from: word,
                len: data,
            },
            4 => Node::Flag(FactId(word)),
            5 => Node::Trigger(TriggerId(word)),
            6 => Node::Not(CondId(word)),
            7 => Node::And {
                from: word,
                len: data,
            },
            8 => Node::Or {
                from: word,
                len: data,
            },
            _ => Node::Unknown,
        }
    }

    pub(super) fn span(self) -> Span {
        self.at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of node reads back as packed, up to the widest parts
    /// that fit; a part too wide does not pack.
    #[test]
    fn nodes_read_back_as_packed() {
        let at = Span::new(5, 9);
        let mut nodes = vec![
            Node::Compare(u32::MAX),
            Node::In {
                from: 7,
                len: MAX_LEN,
            },
            Node::Flag(FactId(u32::MAX)),
            Node::Trigger(TriggerId(3)),
            Node::Not(CondId(u32::MAX)),
            Node::And {
                from: u32::MAX,
                len: MAX_LEN,
            },
            Node::Or { from: 0, len: 2 },
            Node::Unknown,
        ];
        for op in OPS {
            nodes.push(Node::Count {
                op,
                fact: FactId((1 << FACT_BITS) - 1),
                value: u32::MAX,
            });
            nodes.push(Node::Number {
                op,
                places: 18,
                fact: FactId((1 << NUMBER_FACT_BITS) - 1),
                value: u32::MAX,
            });
            nodes.push(Node::Count {
                op,
                fact: FactId(2),
                value: 0,
            });
        }
        for node in nodes {
            let packed = Packed::new(node, at).unwrap();
            assert_eq!((packed.node(), packed.span()), (node, at));
        }
        let count = Node::Count {
            op: CmpOp::Lt,
            fact: FactId(1 << FACT_BITS),
            value: 1,
        };
        let number = Node::Number {
            op: CmpOp::Lt,
            places: 1,
            fact: FactId(1 << NUMBER_FACT_BITS),
            value: 1,
        };
        assert_eq!(Packed::new(count, at), None);
        assert_eq!(Packed::new(number, at), None);
    }
}
