//! Which steps a trigger sets off, and in what order they can run. Shared by
//! the checklists and the simulation. Everything here is iterative.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use petgraph::Direction;
use petgraph::visit::EdgeRef;

use crate::graph::{Graphs, ResponseEdgeKind, ResponseNode};
use crate::model::{Cond, Model, StepId, TriggerId};

/// Triggers most severe level first (levels in declaration order), triggers
/// without a level last; ties in source order.
pub fn by_severity(model: &Model) -> Vec<TriggerId> {
    let mut ids: Vec<TriggerId> = model.trigger_ids().collect();
    ids.sort_by_key(|t| {
        let rank = model
            .trigger(*t)
            .level
            .map(|l| l.id.index())
            .unwrap_or(usize::MAX);
        (rank, t.index())
    });
    ids
}

/// The triggers that certainly fire when `trigger` fires: a trigger whose
/// condition is `… or T or …` (through `or`s only) fires whenever `T` does,
/// and so on transitively. Source order, without `trigger` itself.
pub fn implied(model: &Model, trigger: TriggerId) -> Vec<TriggerId> {
    // implied_by[t] = triggers whose condition is an alternative of `t`.
    let mut implied_by: Vec<Vec<TriggerId>> = vec![Vec::new(); model.triggers.len()];
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
                Cond::Trigger { trigger: t, .. } => implied_by[t.index()].push(u),
                _ => {}
            }
        }
    }
    let mut fired = vec![false; model.triggers.len()];
    fired[trigger.index()] = true;
    let mut queue = VecDeque::from([trigger]);
    while let Some(t) = queue.pop_front() {
        for &u in &implied_by[t.index()] {
            if !fired[u.index()] {
                fired[u.index()] = true;
                queue.push_back(u);
            }
        }
    }
    fired[trigger.index()] = false;
    model.trigger_ids().filter(|t| fired[t.index()]).collect()
}

/// Which steps run when `triggers` fire: those reachable from them through
/// `on` and `after` (as a flag per step).
pub fn reachable(model: &Model, graphs: &Graphs, triggers: &[TriggerId]) -> Vec<bool> {
    let mut runs = vec![false; model.steps.len()];
    let mut queue: VecDeque<_> = triggers.iter().map(|t| graphs.trigger_node(*t)).collect();
    let mut seen = vec![false; graphs.response.node_count()];
    while let Some(node) = queue.pop_front() {
        if std::mem::replace(&mut seen[node.index()], true) {
            continue;
        }
        for edge in graphs.response.edges_directed(node, Direction::Outgoing) {
            if edge.weight().kind == ResponseEdgeKind::Condition {
                continue;
            }
            if let Some(ResponseNode::Step(s)) = graphs.response.node_weight(edge.target()) {
                runs[s.index()] = true;
                queue.push_back(edge.target());
            }
        }
    }
    runs
}

/// The steps flagged in `runs`, in an order that respects `after` among them
/// (a topological order; ties broken by source order). Steps caught in an
/// `after` cycle, which `step-cycle` reports, come last in source order.
pub fn runnable_order(model: &Model, runs: &[bool]) -> Vec<StepId> {
    let n = model.steps.len();
    let mut waiting = vec![0usize; n];
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); n];
    for s in model.step_ids() {
        if !runs.get(s.index()).copied().unwrap_or(false) {
            continue;
        }
        for before in &model.step(s).after {
            if runs.get(before.id.index()).copied().unwrap_or(false) {
                waiting[s.index()] += 1;
                next[before.id.index()].push(s.index());
            }
        }
    }
    let mut ready: BinaryHeap<Reverse<usize>> = (0..n)
        .filter(|&i| runs.get(i).copied().unwrap_or(false) && waiting[i] == 0)
        .map(Reverse)
        .collect();
    let mut placed = vec![false; n];
    let mut out = Vec::new();
    while let Some(Reverse(i)) = ready.pop() {
        placed[i] = true;
        out.push(StepId(i as u32));
        for &j in &next[i] {
            waiting[j] -= 1;
            if waiting[j] == 0 {
                ready.push(Reverse(j));
            }
        }
    }
    out.extend(
        (0..n)
            .filter(|&i| runs.get(i).copied().unwrap_or(false) && !placed[i])
            .map(|i| StepId(i as u32)),
    );
    out
}

/// The checklist of a trigger: the steps it sets off, directly or through the
/// triggers it implies, in runnable order.
pub fn checklist(model: &Model, graphs: &Graphs, trigger: TriggerId) -> Vec<StepId> {
    let mut triggers = vec![trigger];
    triggers.extend(implied(model, trigger));
    runnable_order(model, &reachable(model, graphs, &triggers))
}
