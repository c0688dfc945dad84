//! Which triggers fire whenever a trigger does: U fires whenever T does when
//! "T and not U" can never hold. The checklist of T is the response to T and
//! all of them (language spec v1, "When a step runs").
//!
//! Decided on the net of every condition in both polarities:
//! - a trigger whose negation is `false` always fires, so every trigger
//!   implies it;
//! - two conditions over disjoint facts are independent: T implies U only if
//!   U always fires (both decided satisfiable, nothing to search);
//! - otherwise `and(T, not U)` is built on scratch nodes and decided.
//!
//! A trigger named as an alternative (`… or T or …`) is implied without a
//! search. Pairs left when the work bound is spent, and pairs the bounded
//! search could not decide, count as not implied: the checklist then lists
//! fewer steps, never steps that need not run.

use super::TriggerNet;
use super::convert::{NEG, POS};
use super::net::{FALSE, Footprint, Sat};
use crate::graph::Graphs;
use crate::model::{Cond, Model, TriggerId};

/// The most pairs decided on the net per plan (a plan of a few hundred
/// triggers is decided in full).
const MAX_PAIRS: usize = 250_000;

/// For each trigger, the other triggers that fire whenever it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Implications {
    /// By trigger id: sorted, without the trigger itself.
    implied: Vec<Vec<TriggerId>>,
}

impl Implications {
    pub fn build(model: &Model, graphs: &Graphs) -> Implications {
        let count = model.triggers.len();
        let mut implied = alternatives(model);
        let TriggerNet {
            mut net,
            roots,
            in_cycle,
            ..
        } = TriggerNet::build(model, graphs, POS | NEG);
        let decided = |net: &super::Net, node| net.graph.info(node).sat == Sat::Yes;
        let built = net.len();
        let mut pairs = 0usize;
        for t in 0..count {
            let [t_pos, _] = roots[t];
            if in_cycle[t] || t_pos == FALSE {
                continue;
            }
            for u in 0..count {
                if u == t || in_cycle[u] || implied[t].binary_search(&TriggerId(u as u32)).is_ok() {
                    continue;
                }
                let [_, u_neg] = roots[u];
                let holds = if u_neg == FALSE {
                    true
                } else if disjoint(
                    &net.graph.info(t_pos).footprint,
                    &net.graph.info(u_neg).footprint,
                ) && decided(&net, t_pos)
                    && decided(&net, u_neg)
                {
                    false
                } else if pairs < MAX_PAIRS {
                    pairs += 1;
                    let both = net.and(vec![t_pos, u_neg]);
                    net.truncate(built);
                    both == FALSE
                } else {
                    false
                };
                if holds {
                    let at = implied[t].partition_point(|v| v.index() < u);
                    implied[t].insert(at, TriggerId(u as u32));
                }
            }
        }
        Implications { implied }
    }

    /// The triggers that fire whenever `trigger` does (source order).
    pub fn of(&self, trigger: TriggerId) -> &[TriggerId] {
        self.implied
            .get(trigger.index())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

fn disjoint(a: &Footprint, b: &Footprint) -> bool {
    match (a, b) {
        (Footprint::Small(a), Footprint::Small(b)) => {
            let (mut i, mut j) = (0, 0);
            while i < a.len() && j < b.len() {
                match a[i].cmp(&b[j]) {
                    std::cmp::Ordering::Equal => return false,
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                }
            }
            true
        }
        _ => false,
    }
}

/// The implications read off the conditions: a trigger whose condition is
/// `… or T or …` (through `or`s only) fires whenever T does, transitively.
fn alternatives(model: &Model) -> Vec<Vec<TriggerId>> {
    let count = model.triggers.len();
    // implied_by[t] = triggers whose condition has `t` as an alternative.
    let mut implied_by: Vec<Vec<TriggerId>> = vec![Vec::new(); count];
    for u in model.trigger_ids() {
        let condition = &model.trigger(u).condition;
        let mut stack = vec![condition.root];
        let mut seen = vec![false; condition.nodes.len()];
        while let Some(id) = stack.pop() {
            let i = id.0 as usize;
            if i >= condition.nodes.len() || std::mem::replace(&mut seen[i], true) {
                continue;
            }
            match condition.node(id) {
                Cond::Or(cs, _) => stack.extend(cs.iter().copied()),
                Cond::Trigger { trigger: t, .. } if *t != u => implied_by[t.index()].push(u),
                _ => {}
            }
        }
    }
    let mut out = Vec::with_capacity(count);
    let mut fired = vec![false; count];
    for t in 0..count {
        let mut stack = vec![t];
        let mut reached = Vec::new();
        while let Some(x) = stack.pop() {
            for &u in &implied_by[x] {
                if u.index() != t && !std::mem::replace(&mut fired[u.index()], true) {
                    reached.push(u);
                    stack.push(u.index());
                }
            }
        }
        for u in &reached {
            fired[u.index()] = false;
        }
        reached.sort_unstable();
        out.push(reached);
    }
    out
}
