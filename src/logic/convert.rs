//! A trigger's condition (the model's arena, children before parents) into
//! the net, in negation normal form: each node is converted once per polarity
//! it is needed in, `not` just swaps the two, and a named trigger stands for
//! the root of its own, already converted, condition.

use super::net::{Net, NodeId, TRUE};
use super::sets::{Domain, FLAG, FactSet};
use crate::model::{Cond, CondId, Condition, FactType, Model, TriggerId};

pub const POS: u8 = 1;
pub const NEG: u8 = 2;

fn flip(polarities: u8) -> u8 {
    ((polarities & POS) << 1) | ((polarities & NEG) >> 1)
}

/// The domain of each fact of the model, where a `one_of` fact may also be
/// unknown: one more variant, which no `in` names (once known it holds
/// exactly one of its own; `simulate` treats an unset one the same way).
pub fn open_domains(model: &Model) -> Vec<Domain> {
    domains_with(model, 1)
}

fn domains_with(model: &Model, unknown: u32) -> Vec<Domain> {
    model
        .facts
        .iter()
        .map(|f| match &f.ty {
            // In units of 10^-places (see `model::FactType::Number`).
            FactType::Count | FactType::Number { .. } => Domain::Count,
            FactType::Flag => FLAG,
            FactType::OneOf(v) => Domain::Variants(v.len() as u32 + unknown),
        })
        .collect()
}

/// The polarities each node of `cond` is needed in, when its root is needed
/// in `root` (parents have higher indexes, so one pass from the top).
pub fn needs(cond: &Condition, root: u8) -> Vec<u8> {
    let mut needs = vec![0u8; cond.len()];
    if let Some(n) = needs.get_mut(cond.root.0 as usize) {
        *n = root;
    }
    for i in (0..cond.len()).rev() {
        let need = needs[i];
        if need == 0 {
            continue;
        }
        match &cond.node(CondId(i as u32)) {
            Cond::Not(c, _) => needs[c.0 as usize] |= flip(need),
            Cond::And(cs, _) | Cond::Or(cs, _) => {
                for c in cs.iter() {
                    needs[c.0 as usize] |= need;
                }
            }
            _ => {}
        }
    }
    needs
}

/// Converts `cond` for the polarities `root` asks for; returns the net nodes
/// of its root (`[positive, negative]`, `TRUE` where not asked for).
///
/// `free[i]` marks leaves to treat as unconstrained (used to explain why a
/// condition is unsatisfiable); `named(t, positive)` gives a named trigger's node.
pub fn convert(
    net: &mut Net,
    model: &Model,
    cond: &Condition,
    root: u8,
    free: &[bool],
    named: &dyn Fn(TriggerId, bool) -> NodeId,
) -> [NodeId; 2] {
    let needs = needs(cond, root);
    let mut done = Converted::new(&needs);
    for (i, node) in cond.nodes().enumerate() {
        let need = needs[i];
        if need == 0 || free.get(i).copied().unwrap_or(false) {
            continue;
        }
        let (p, n) = match &node {
            Cond::Compare {
                fact, op, value, ..
            } => {
                let set = FactSet::compare(*op, *value);
                atom_pair(net, fact.0, Domain::Count, set, need)
            }
            Cond::In { fact, variants, .. } => {
                match (&model.fact(*fact).ty, net.graph.domains.get(fact.index())) {
                    (FactType::OneOf(_), Some(&domain @ Domain::Variants(n))) => {
                        let set = FactSet::variants(n, variants);
                        atom_pair(net, fact.0, domain, set, need)
                    }
                    _ => (TRUE, TRUE),
                }
            }
            Cond::Flag { fact, .. } => atom_pair(net, fact.0, FLAG, FactSet::flag(true), need),
            Cond::Trigger { trigger, .. } => (
                if need & POS != 0 {
                    named(*trigger, true)
                } else {
                    TRUE
                },
                if need & NEG != 0 {
                    named(*trigger, false)
                } else {
                    TRUE
                },
            ),
            Cond::Not(c, _) => (done.get(c.0, false), done.get(c.0, true)),
            Cond::And(cs, _) | Cond::Or(cs, _) => {
                let is_and = matches!(node, Cond::And(..));
                let gather = |positive| cs.iter().map(|c| done.get(c.0, positive)).collect();
                let p = if need & POS == 0 {
                    TRUE
                } else if is_and {
                    net.and(gather(true))
                } else {
                    net.or(gather(true))
                };
                let n = if need & NEG == 0 {
                    TRUE
                } else if is_and {
                    net.or(gather(false))
                } else {
                    net.and(gather(false))
                };
                (p, n)
            }
            // Unresolved (already reported): could be true or false, so it
            // constrains nothing in either polarity.
            Cond::Unknown(_) => (TRUE, TRUE),
        };
        done.set(i, p, n);
    }
    if (cond.root.0 as usize) < cond.len() {
        [done.get(cond.root.0, true), done.get(cond.root.0, false)]
    } else {
        [TRUE, TRUE]
    }
}

/// The net node of each node of a condition converted so far, in the
/// polarities it is needed in (`TRUE` in the others): one list for the one
/// polarity nearly every node is needed in, a second only when some node is
/// needed in both (two lists by node held 8 bytes a node, issue 19).
struct Converted<'n> {
    needs: &'n [u8],
    /// In the polarity needed; the positive one when both are.
    first: Vec<NodeId>,
    /// The negative one of nodes needed in both; empty when none is.
    negative: Vec<NodeId>,
}

impl<'n> Converted<'n> {
    fn new(needs: &'n [u8]) -> Converted<'n> {
        let both = needs.contains(&(POS | NEG));
        Converted {
            needs,
            first: vec![TRUE; needs.len()],
            negative: if both {
                vec![TRUE; needs.len()]
            } else {
                Vec::new()
            },
        }
    }

    fn get(&self, node: u32, positive: bool) -> NodeId {
        let i = node as usize;
        let need = self.needs.get(i).copied().unwrap_or(0);
        let list = match (need, positive) {
            (POS, true) | (NEG, false) => &self.first,
            (both, true) if both == POS | NEG => &self.first,
            (both, false) if both == POS | NEG => &self.negative,
            _ => return TRUE,
        };
        list.get(i).copied().unwrap_or(TRUE)
    }

    fn set(&mut self, i: usize, positive: NodeId, negative: NodeId) {
        match self.needs.get(i).copied().unwrap_or(0) {
            POS => self.first[i] = positive,
            NEG => self.first[i] = negative,
            0 => {}
            _ => {
                self.first[i] = positive;
                self.negative[i] = negative;
            }
        }
    }
}

/// The atoms of a leaf in the polarities `need` asks for (`TRUE` where
/// not asked for); the net makes an equal atom once.
fn atom_pair(net: &mut Net, fact: u32, domain: Domain, set: FactSet, need: u8) -> (NodeId, NodeId) {
    if net.graph.domains.get(fact as usize) != Some(&domain) {
        return (TRUE, TRUE);
    }
    let n = if need & NEG != 0 {
        net.atom(fact, set.complement(domain))
    } else {
        TRUE
    };
    let p = if need & POS != 0 {
        net.atom(fact, set)
    } else {
        TRUE
    };
    (p, n)
}

/// The leaves of `cond` that its root depends on, with their effective
/// polarity (an even number of `not`s above) and whether the condition needs
/// them (only `and`s, seen through the `not`s, above them).
pub fn leaves(cond: &Condition) -> Vec<(CondId, bool, bool)> {
    let len = cond.len();
    // (reached, positive, necessary)
    let mut state = vec![(false, true, true); len];
    if let Some(s) = state.get_mut(cond.root.0 as usize) {
        s.0 = true;
    }
    let mut out = Vec::new();
    for i in (0..len).rev() {
        let (reached, positive, necessary) = state[i];
        if !reached {
            continue;
        }
        let node = cond.node(CondId(i as u32));
        match &node {
            Cond::Not(c, _) => state[c.0 as usize] = (true, !positive, necessary),
            Cond::And(cs, _) | Cond::Or(cs, _) => {
                let acts_as_and = matches!(node, Cond::And(..)) == positive;
                for c in cs.iter() {
                    state[c.0 as usize] = (true, positive, necessary && acts_as_and);
                }
            }
            Cond::Unknown(_) => {}
            _ => out.push((CondId(i as u32), positive, necessary)),
        }
    }
    out.sort_by_key(|(id, ..)| id.0);
    out
}
