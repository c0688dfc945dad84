//! Steps that wait for steps which run only under triggers that can never
//! hold at the same time (`disjoint-after`). Such a step is reachable — facts
//! change while an incident goes on — but only if the incident passes
//! through both situations.
//!
//! A step runs for a set F of triggers when its `on` meets F and every step
//! it waits for runs for F, so what it needs is a conjunction: for its own
//! `on` and for each step before it, "one of these triggers". The question is
//! whether some situation (one value per fact) meets all of it at once.
//!
//! 1. A cheap test first, in dependency order: the triggers that each alone
//!    run the step (its `on`, met with those of the steps it waits for). If
//!    one of them can fire, the step runs in a situation where it holds.
//! 2. Only for the steps left, the conjunction is built on the net of every
//!    condition (a step's node: `and` of the `or` of its `on` roots and of
//!    the nodes of the steps it waits for; steps without `on` pass their
//!    predecessors' on) and decided. A step is reported where the conflict
//!    first arises: each of its requirements can hold, all of them cannot;
//!    steps after it are not reported for the same conflict.

use std::rc::Rc;

use super::convert::open_domains;
use super::net::{FALSE, Footprint, NodeId, TRUE};
use super::schedule::{Reach, Schedule};
use super::{Built, build};
use crate::graph::Graphs;
use crate::model::{FactId, Model, StepId, TriggerId};

/// One requirement of a step: its own `on`, or a step it waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    On,
    After(StepId),
}

/// A requirement, with the triggers it runs under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub need: Need,
    /// The triggers of its `on` (for `Need::After`: of the step and of every
    /// step before it), sorted.
    pub triggers: Vec<TriggerId>,
}

/// A step whose requirements can each hold but never all at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disjoint {
    pub step: StepId,
    /// Two requirements that never hold together, or every requirement when
    /// no two of them conflict alone.
    pub sides: Vec<Side>,
    /// The facts both sides read: what tells the situations apart (sorted;
    /// empty when not known).
    pub facts: Vec<FactId>,
}

/// The steps of `schedule` that can run (`reach`) but whose requirements
/// never hold at the same time. `can_fire` says whether each trigger can.
pub fn disjoint_after(
    model: &Model,
    graphs: &Graphs,
    schedule: &Schedule,
    reach: &[Reach],
    can_fire: impl Fn(TriggerId) -> Option<bool>,
) -> Vec<Disjoint> {
    let candidates = candidates(model, schedule, reach, &can_fire);
    if candidates.is_empty() {
        return Vec::new();
    }
    let Built {
        mut net,
        roots,
        in_cycle,
        ..
    } = build(model, graphs, open_domains(model), 0);
    // The steps whose node is needed: the candidates and every step before them.
    let mut needed = vec![false; model.steps.len()];
    for &c in &candidates {
        needed[c.index()] = true;
    }
    for &s in schedule.dependency_order().iter().rev() {
        if needed[s.index()] {
            for p in &model.step(s).after {
                needed[p.id.index()] = true;
            }
        }
    }
    let on_node = |net: &mut super::Net, s: StepId| -> Option<NodeId> {
        let on = schedule.on(s);
        if on.is_empty() {
            return None;
        }
        let kids = on
            .iter()
            .map(|t| {
                if in_cycle[t.index()] {
                    TRUE
                } else {
                    roots[t.index()][0]
                }
            })
            .collect();
        Some(net.or(kids))
    };
    let mut node: Vec<NodeId> = vec![TRUE; model.steps.len()];
    let mut is_candidate = vec![false; model.steps.len()];
    for &c in &candidates {
        is_candidate[c.index()] = true;
    }
    let mut found = Vec::new();
    for &s in schedule.dependency_order() {
        if !needed[s.index()] {
            continue;
        }
        let step = model.step(s);
        let mut needs: Vec<(Need, NodeId)> = Vec::new();
        if let Some(n) = on_node(&mut net, s) {
            needs.push((Need::On, n));
        }
        for p in &step.after {
            if !needs.iter().any(|(n, _)| *n == Need::After(p.id)) {
                needs.push((Need::After(p.id), node[p.id.index()]));
            }
        }
        let all = net.and(needs.iter().map(|(_, n)| *n).collect());
        node[s.index()] = all;
        let each_holds = needs.iter().all(|(_, n)| *n != FALSE);
        if !(is_candidate[s.index()] && all == FALSE && each_holds) {
            continue;
        }
        found.push(explain(model, schedule, &mut net, s, &needs));
    }
    found
}

/// The steps that can run whose requirements may not hold at once: those
/// with two or more requirements where no trigger that can fire runs the
/// step alone.
fn candidates(
    model: &Model,
    schedule: &Schedule,
    reach: &[Reach],
    can_fire: &dyn Fn(TriggerId) -> Option<bool>,
) -> Vec<StepId> {
    // alone[s]: the triggers that each alone run `s`, sorted.
    let empty: Rc<[TriggerId]> = Rc::from(Vec::new());
    let mut alone: Vec<Rc<[TriggerId]>> = vec![empty.clone(); model.steps.len()];
    let mut out = Vec::new();
    for &s in schedule.dependency_order() {
        let step = model.step(s);
        let on = schedule.on(s);
        let mut preds = step.after.iter().map(|p| &alone[p.id.index()]);
        let set: Rc<[TriggerId]> = match (on.is_empty(), step.after.len()) {
            (true, 0) => empty.clone(),
            (true, 1) => preds.next().cloned().unwrap_or_else(|| empty.clone()),
            (true, _) => {
                let first = preds.next().cloned().unwrap_or_else(|| empty.clone());
                let v: Vec<TriggerId> = first
                    .iter()
                    .copied()
                    .filter(|t| {
                        step.after
                            .iter()
                            .all(|p| alone[p.id.index()].binary_search(t).is_ok())
                    })
                    .collect();
                Rc::from(v)
            }
            (false, _) => {
                let v: Vec<TriggerId> = on
                    .iter()
                    .copied()
                    .filter(|t| {
                        step.after
                            .iter()
                            .all(|p| alone[p.id.index()].binary_search(t).is_ok())
                    })
                    .collect();
                Rc::from(v)
            }
        };
        let requirements = usize::from(!on.is_empty()) + distinct_after(model, s);
        if reach.get(s.index()) == Some(&Reach::Yes)
            && requirements >= 2
            && !set.iter().any(|&t| can_fire(t) == Some(true))
        {
            out.push(s);
        }
        alone[s.index()] = set;
    }
    out
}

fn distinct_after(model: &Model, s: StepId) -> usize {
    let mut ids: Vec<StepId> = model.step(s).after.iter().map(|p| p.id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// Which requirements of `s` conflict, and the facts that tell them apart.
fn explain(
    model: &Model,
    schedule: &Schedule,
    net: &mut super::Net,
    s: StepId,
    needs: &[(Need, NodeId)],
) -> Disjoint {
    let built = net.len();
    let mut pair = None;
    'pairs: for i in 0..needs.len() {
        for j in i + 1..needs.len() {
            let both = net.and(vec![needs[i].1, needs[j].1]);
            net.truncate(built);
            if both == FALSE {
                pair = Some((i, j));
                break 'pairs;
            }
        }
    }
    let chosen: Vec<usize> = match pair {
        Some((i, j)) => vec![i, j],
        None => (0..needs.len()).collect(),
    };
    let footprint = |n: NodeId| match &net.graph.info(n).footprint {
        Footprint::Small(f) => Some(f.to_vec()),
        Footprint::Big => None,
    };
    let mut facts: Option<Vec<u32>> = None;
    for &i in &chosen {
        let Some(f) = footprint(needs[i].1) else {
            facts = Some(Vec::new());
            break;
        };
        facts = Some(match facts {
            None => f,
            Some(acc) => acc.into_iter().filter(|x| f.contains(x)).collect(),
        });
    }
    let sides = chosen
        .iter()
        .map(|&i| Side {
            need: needs[i].0,
            triggers: triggers_of(model, schedule, s, needs[i].0),
        })
        .collect();
    Disjoint {
        step: s,
        sides,
        facts: facts.unwrap_or_default().into_iter().map(FactId).collect(),
    }
}

/// The triggers a requirement runs under: the step's own `on`, or the `on`
/// of the step it waits for and of every step before that one.
fn triggers_of(model: &Model, schedule: &Schedule, s: StepId, need: Need) -> Vec<TriggerId> {
    let start = match need {
        Need::On => return schedule.on(s).to_vec(),
        Need::After(p) => p,
    };
    let mut out = Vec::new();
    let mut seen = vec![false; model.steps.len()];
    let mut stack = vec![start];
    while let Some(x) = stack.pop() {
        if std::mem::replace(&mut seen[x.index()], true) {
            continue;
        }
        out.extend_from_slice(schedule.on(x));
        stack.extend(model.step(x).after.iter().map(|p| p.id));
    }
    out.sort_unstable();
    out.dedup();
    out
}
