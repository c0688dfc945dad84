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
    let mut pos = vec![TRUE; cond.len()];
    let mut neg = vec![TRUE; cond.len()];
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
            Cond::Not(c, _) => (neg[c.0 as usize], pos[c.0 as usize]),
            Cond::And(cs, _) | Cond::Or(cs, _) => {
                let is_and = matches!(node, Cond::And(..));
                let gather = |side: &[NodeId]| cs.iter().map(|c| side[c.0 as usize]).collect();
                let p = if need & POS == 0 {
                    TRUE
                } else if is_and {
                    net.and(gather(&pos))
                } else {
                    net.or(gather(&pos))
                };
                let n = if need & NEG == 0 {
                    TRUE
                } else if is_and {
                    net.or(gather(&neg))
                } else {
                    net.and(gather(&neg))
                };
                (p, n)
            }
            // Unresolved (already reported): could be true or false, so it
            // constrains nothing in either polarity.
            Cond::Unknown(_) => (TRUE, TRUE),
        };
        pos[i] = p;
        neg[i] = n;
    }
    let root = cond.root.0 as usize;
    match (pos.get(root), neg.get(root)) {
        (Some(&p), Some(&n)) => [p, n],
        _ => [TRUE, TRUE],
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
