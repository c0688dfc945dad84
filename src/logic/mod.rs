//! Stage 3½: the plan's logic. Decides, for every trigger, whether its
//! condition can ever be true, exactly, with triggers named in conditions
//! expanded. Reads the model and the response graph; the `check` rules
//! (`unsatisfiable-trigger`, `unreachable-step`) read its verdicts.
//!
//! How (see `net` for the details):
//! 1. Triggers in a cycle of references are set aside (`trigger-cycle`
//!    reports them); a reference to one constrains nothing. The others are
//!    converted in an order where a named trigger comes first.
//! 2. Every condition is converted into one shared DAG in negation normal
//!    form: `not` is pushed to the atoms and complements their sets (a count's
//!    interval set, a `one_of`'s or flag's variant set). A named trigger is a
//!    pointer to its converted root, so expansion never copies. An unresolved
//!    part is `true` in either polarity: in NNF that is exactly "could be
//!    true or false", so it never makes a condition unsatisfiable.
//! 3. Nodes are simplified and decided as they are built, children first:
//!    atoms on one fact merge; small nodes keep their models exactly (a DNF of
//!    per-fact cubes); an `or` is satisfiable when a child is; an `and` is
//!    decided by the product of its children's DNFs, or else split into groups
//!    of children that share no fact, each decided alone; only a group whose
//!    children share facts is searched, with a bound. Unsatisfiable nodes
//!    become `false` on the spot, so their parents see it.
//!
//! No step recurses on the input: arenas are walked in index order, the
//! search keeps its own stacks.

mod convert;
mod explain;
pub mod implies;
mod net;
mod nodes;
pub mod schedule;
mod search;
pub mod sets;

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::graph::{Graphs, ResponseEdgeKind};
use crate::model::{Model, Ref, TriggerId};
use crate::span::Span;

pub use explain::CoreLeaf;
pub use search::{STEPS_IN_ALL, STEPS_PER_SEARCH};

use convert::POS;
use net::{FALSE, Net, NodeId, Sat, TRUE};

/// What the logic found about one trigger.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Satisfiable,
    Unsatisfiable(Unsat),
    /// The search stopped at its bound before deciding.
    Undecided,
    /// The trigger is in a cycle of references: not decided.
    InCycle,
}

impl Verdict {
    /// `Some(true)` if the trigger can fire, `Some(false)` if it never can,
    /// `None` if that is not known.
    pub fn can_fire(&self) -> Option<bool> {
        match self {
            Verdict::Satisfiable => Some(true),
            Verdict::Unsatisfiable(_) => Some(false),
            Verdict::Undecided | Verdict::InCycle => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Unsat {
    /// Unsatisfiable triggers it names that are the whole reason: the
    /// condition could be true if they could. Empty when it is its own fault.
    pub because_of: Vec<Ref<TriggerId>>,
    /// A minimal set of its own condition's leaves that contradict one
    /// another, in source order; empty when the condition is too large to
    /// minimise or the reason is `because_of`.
    pub core: Vec<CoreLeaf>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// By trigger id.
    pub verdicts: Vec<Verdict>,
}

impl Analysis {
    pub fn verdict(&self, trigger: TriggerId) -> &Verdict {
        &self.verdicts[trigger.index()]
    }
}

/// Every trigger's condition converted into one net, named triggers as
/// pointers to their roots. Shared by the verdicts, the implications between
/// triggers and the joint satisfiability of steps' triggers.
pub(crate) struct TriggerNet {
    pub net: Net,
    /// Per trigger: its root in each polarity (`[positive, negative]`);
    /// `TRUE` where not asked for, and for a trigger in a cycle.
    pub roots: Vec<[NodeId; 2]>,
    /// The triggers outside cycles, each after those its condition names.
    pub order: Vec<TriggerId>,
    pub in_cycle: Vec<bool>,
}

impl TriggerNet {
    /// Converts every trigger, each root at least in the polarities `wanted`.
    pub fn build(model: &Model, graphs: &Graphs, wanted: u8) -> TriggerNet {
        let count = model.triggers.len();
        let in_cycle = triggers_in_cycles(graphs, count);
        let order = reference_order(graphs, count, &in_cycle);

        // Which polarities of each trigger's root its referrers need; referrers
        // come later in `order`, so walk it backwards.
        let mut root_needs = vec![wanted; count];
        for &t in order.iter().rev() {
            let cond = &model.trigger(t).condition;
            let needs = convert::needs(cond, root_needs[t.index()]);
            for (i, node) in cond.nodes.iter().enumerate() {
                if let crate::model::Cond::Trigger { trigger, .. } = node {
                    root_needs[trigger.index()] |= needs[i];
                }
            }
        }

        let mut net = Net::new(convert::domains(model));
        let mut roots: Vec<[NodeId; 2]> = vec![[TRUE, TRUE]; count];
        for &t in &order {
            let named = |u: TriggerId, positive: bool| roots[u.index()][usize::from(!positive)];
            let root = convert::convert(
                &mut net,
                model,
                &model.trigger(t).condition,
                root_needs[t.index()] | wanted,
                &[],
                &named,
            );
            roots[t.index()] = root;
        }
        TriggerNet {
            net,
            roots,
            order,
            in_cycle,
        }
    }
}

/// Decides every trigger of the model.
pub fn analyse(model: &Model, graphs: &Graphs) -> Analysis {
    let TriggerNet {
        mut net,
        roots,
        order,
        in_cycle,
    } = TriggerNet::build(model, graphs, POS);
    let mut verdicts: Vec<Verdict> = in_cycle
        .iter()
        .map(|&c| {
            if c {
                Verdict::InCycle
            } else {
                Verdict::Satisfiable
            }
        })
        .collect();
    for &t in &order {
        let root = roots[t.index()][0];
        verdicts[t.index()] = match (root, net.graph.info(root).sat) {
            (FALSE, _) | (_, Sat::No) => Verdict::Unsatisfiable(Unsat {
                because_of: vec![],
                core: vec![],
            }),
            (_, Sat::Yes) => Verdict::Satisfiable,
            (_, Sat::Unknown) => Verdict::Undecided,
        };
    }

    // Why each unsatisfiable trigger is so, on scratch nodes.
    let built = net.len();
    for &t in &order {
        if !matches!(verdicts[t.index()], Verdict::Unsatisfiable(_)) {
            continue;
        }
        let unsat = explain::explain(&mut net, model, t, &roots, &verdicts);
        net.truncate(built);
        verdicts[t.index()] = Verdict::Unsatisfiable(unsat);
    }
    Analysis { verdicts }
}

/// Whether each trigger is in a cycle of condition references.
fn triggers_in_cycles(graphs: &Graphs, count: usize) -> Vec<bool> {
    let mut references: DiGraph<(), (), u32> = DiGraph::with_capacity(count, count);
    for _ in 0..count {
        references.add_node(());
    }
    let mut in_cycle = vec![false; count];
    for edge in graphs.response.edge_references() {
        if edge.weight().kind != ResponseEdgeKind::Condition {
            continue;
        }
        let (from, to) = (edge.source().index(), edge.target().index());
        if from < count && to < count {
            references.add_edge(NodeIndex::new(from), NodeIndex::new(to), ());
            if from == to {
                in_cycle[from] = true;
            }
        }
    }
    // kosaraju_scc is iterative in petgraph: safe on long chains.
    for component in kosaraju_scc(&references) {
        if component.len() > 1 {
            for n in component {
                in_cycle[n.index()] = true;
            }
        }
    }
    in_cycle
}

/// Every trigger, each after the triggers its condition names; triggers in
/// a cycle of references (reported by `trigger-cycle`) last, in source order.
pub fn trigger_order(graphs: &Graphs, count: usize) -> Vec<TriggerId> {
    let in_cycle = triggers_in_cycles(graphs, count);
    let mut order = reference_order(graphs, count, &in_cycle);
    order.extend(
        (0..count)
            .filter(|&t| in_cycle[t])
            .map(|t| TriggerId(t as u32)),
    );
    order
}

/// The triggers outside cycles, each after every trigger its condition names
/// (Kahn's algorithm; references to triggers in cycles are ignored).
fn reference_order(graphs: &Graphs, count: usize, in_cycle: &[bool]) -> Vec<TriggerId> {
    let mut indegree = vec![0usize; count];
    let mut referrers: Vec<Vec<usize>> = vec![Vec::new(); count];
    for edge in graphs.response.edge_references() {
        if edge.weight().kind != ResponseEdgeKind::Condition {
            continue;
        }
        let (from, to) = (edge.source().index(), edge.target().index());
        if from < count && to < count && !in_cycle[from] && !in_cycle[to] {
            indegree[to] += 1;
            referrers[from].push(to);
        }
    }
    let mut ready: Vec<usize> = (0..count)
        .rev()
        .filter(|&t| !in_cycle[t] && indegree[t] == 0)
        .collect();
    let mut order = Vec::with_capacity(count);
    while let Some(t) = ready.pop() {
        order.push(TriggerId(t as u32));
        for &r in referrers[t].iter().rev() {
            indegree[r] -= 1;
            if indegree[r] == 0 {
                ready.push(r);
            }
        }
    }
    order
}

/// The span of a trigger's whole condition.
pub fn condition_span(model: &Model, trigger: TriggerId) -> Span {
    let cond = &model.trigger(trigger).condition;
    cond.node(cond.root).span()
}

#[cfg(test)]
mod tests;
