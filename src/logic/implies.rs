//! Which triggers fire whenever a trigger does: U fires whenever T does when
//! there is no point where T holds and U does not. The checklist of T is the
//! response to T and all of them (language spec v1, "When a step runs").
//!
//! Decided on the conditions in DNF (`Conditions`) by the reviewer's
//! question `counterexample`, after the cheap test of `projections` (if T
//! implies U, each of T's projections lies inside U's). A trigger named as
//! an alternative (`… or T or …`) is implied without a search. A pair that
//! cannot be decided (a condition too large to write out, or the shared work
//! bound spent) counts as not implied: the checklist then lists fewer steps,
//! never steps that need not run.

use super::conditions::Conditions;
use super::review::{counterexample, projections};
use crate::model::{Cond, Model, TriggerId};

/// The sweep steps all the pairs of one plan may take together.
const STEPS: usize = 2_000_000;

/// For each trigger, the other triggers that fire whenever it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Implications {
    /// By trigger id: sorted, without the trigger itself.
    implied: Vec<Vec<TriggerId>>,
}

impl Implications {
    pub fn build(model: &Model, conditions: &Conditions) -> Implications {
        let count = model.triggers.len();
        let mut implied = alternatives(model);
        let domains = &conditions.domains;
        let projected: Vec<_> = model
            .trigger_ids()
            .map(|t| conditions.dnf(t).map(|d| projections(domains, d)))
            .collect();
        let mut budget = STEPS;
        for t in model.trigger_ids() {
            let (Some(a), Some(pa)) = (conditions.dnf(t), &projected[t.index()]) else {
                continue;
            };
            if a.is_empty() {
                continue; // it never fires: nothing fires "whenever" it does
            }
            for u in model.trigger_ids() {
                if u == t || implied[t.index()].binary_search(&u).is_ok() {
                    continue;
                }
                let (Some(b), Some(pb)) = (conditions.dnf(u), &projected[u.index()]) else {
                    continue;
                };
                let inside = pa.iter().zip(pb).all(|(x, y)| x.is_subset(y));
                if inside && let Ok(None) = counterexample(domains, a, b, &mut budget) {
                    let at = implied[t.index()].partition_point(|v| *v < u);
                    implied[t.index()].insert(at, u);
                }
            }
        }
        debug_assert_eq!(implied.len(), count);
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
    let mut reached_flag = vec![false; count];
    for t in 0..count {
        let mut stack = vec![t];
        let mut reached = Vec::new();
        while let Some(x) = stack.pop() {
            for &u in &implied_by[x] {
                if u.index() != t && !std::mem::replace(&mut reached_flag[u.index()], true) {
                    reached.push(u);
                    stack.push(u.index());
                }
            }
        }
        for u in &reached {
            reached_flag[u.index()] = false;
        }
        reached.sort_unstable();
        out.push(reached);
    }
    out
}
