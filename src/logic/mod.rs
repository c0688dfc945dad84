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

mod conditions;
mod convert;
pub mod dnf;
mod explain;
pub mod hull;
pub mod implications;
pub mod implies;
pub mod joint;
mod net;
mod nodes;
pub mod regions;
pub(crate) mod review;
pub mod schedule;
mod search;
pub mod sets;
pub mod split;
mod table;
pub mod walk;

use petgraph::visit::EdgeRef;

use crate::graph::cycles::in_cycles;
use crate::graph::{Graphs, ResponseEdge, ResponseEdgeKind};
use crate::model::{Model, Ref, TriggerId};
use crate::span::Span;

pub use conditions::{Conditions, Lowered};
pub use explain::CoreLeaf;
pub use nodes::{Cube, Entry};
pub use review::{Gap, Witness, counterexample, gaps, implies, projections};
pub use search::{STEPS_IN_ALL, STEPS_PER_SEARCH};
pub use table::{DecisionRow, DecisionTable, NotExact, TABLE_MAX_ROWS, cut_order, decision_table};

use convert::POS;
use net::{FALSE, Net, NodeId, Sat, TRUE};
use sets::Domain;

/// What the logic found about one trigger.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Satisfiable,
    /// Boxed: a verdict is kept for every trigger, and few are this one (an
    /// `Unsat` inline made each 48 bytes, issue 19, memory per byte).
    Unsatisfiable(Box<Unsat>),
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

const _: () = assert!(std::mem::size_of::<Verdict>() == 16);
const _: () = assert!(std::mem::size_of::<Always>() == 16);

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

/// The net of every trigger's condition, built once: the root of each
/// trigger (`[positive, negative]`, `TRUE` where not built), the order the
/// triggers were converted in (a named trigger first), and which are in a
/// cycle of references (their roots are `TRUE`).
struct Built {
    net: Net,
    roots: Vec<[NodeId; 2]>,
    order: Vec<TriggerId>,
    in_cycle: Vec<bool>,
}

/// Converts every trigger's condition over `domains`, each root in the
/// polarities its referrers need plus `wanted` (`POS`: the condition, `NEG`:
/// its negation; only what is asked for is built: `always_true` reads
/// negations only, and building both halves doubled the net of a long
/// condition, issue 19).
fn build(model: &Model, graphs: &Graphs, domains: Vec<Domain>, wanted: u8) -> Built {
    let count = model.triggers.len();
    let in_cycle = triggers_in_cycles(graphs, count);
    let order = reference_order(graphs, count, &in_cycle);

    // Which polarities of each trigger's root its referrers need; referrers
    // come later in `order`, so walk it backwards.
    let mut root_needs = vec![wanted; count];
    for &t in order.iter().rev() {
        let cond = &model.condition(t);
        let needs = convert::needs(cond, root_needs[t.index()]);
        for (i, node) in cond.nodes().enumerate() {
            if let crate::model::Cond::Trigger { trigger, .. } = node {
                root_needs[trigger.index()] |= needs[i];
            }
        }
    }

    let mut net = Net::new(domains);
    let mut roots: Vec<[NodeId; 2]> = vec![[TRUE, TRUE]; count];
    for &t in &order {
        let named = |u: TriggerId, positive: bool| roots[u.index()][usize::from(!positive)];
        let root = convert::convert(
            &mut net,
            model,
            &model.condition(t),
            root_needs[t.index()],
            &[],
            &named,
        );
        roots[t.index()] = root;
    }
    Built {
        net,
        roots,
        order,
        in_cycle,
    }
}

/// What the net knows of a root: `Some(false)` if it is never true.
fn sat_of(net: &Net, root: NodeId) -> Verdict {
    match (root, net.graph.sat(root)) {
        (FALSE, _) | (_, Sat::No) => Verdict::Unsatisfiable(Box::new(Unsat {
            because_of: vec![],
            core: vec![],
        })),
        (_, Sat::Yes) => Verdict::Satisfiable,
        (_, Sat::Unknown) => Verdict::Undecided,
    }
}

/// Decides every trigger of the model.
pub fn analyse(model: &Model, graphs: &Graphs) -> Analysis {
    let Built {
        mut net,
        roots,
        order,
        in_cycle,
    } = build(model, graphs, convert::open_domains(model), POS);
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
        verdicts[t.index()] = sat_of(&net, roots[t.index()][0]);
    }

    // Why each unsatisfiable trigger is so, on scratch nodes.
    let built = net.len();
    let unsatisfiable = |verdicts: &[Verdict], u: TriggerId| {
        matches!(verdicts[u.index()], Verdict::Unsatisfiable(_))
    };
    for &t in &order {
        if !unsatisfiable(&verdicts, t) {
            continue;
        }
        let bad = |u: TriggerId| unsatisfiable(&verdicts, u);
        let unsat = explain::explain(&mut net, model, t, &roots, 0, &bad);
        net.truncate(built);
        verdicts[t.index()] = Verdict::Unsatisfiable(Box::new(unsat));
    }
    Analysis { verdicts }
}

/// Whether a trigger's condition holds whatever values its facts take, a
/// `one_of` fact being allowed to be unknown as well (spec: always-true-trigger).
#[derive(Debug, Clone, PartialEq)]
pub enum Always {
    /// Some values make it false (or it is in a cycle of references).
    No,
    /// It always holds; why, as for an unsatisfiable trigger: the named
    /// triggers that always hold and are the whole reason, or a smallest set
    /// of its own leaves that together always hold. Boxed, as in `Verdict`.
    Yes(Box<Unsat>),
    /// The search stopped at its bound.
    Undecided,
}

/// For every trigger, whether it always holds (see `Always`).
pub fn always_true(model: &Model, graphs: &Graphs) -> Vec<Always> {
    let Built {
        mut net,
        roots,
        order,
        ..
    } = build(model, graphs, convert::open_domains(model), convert::NEG);
    let mut always = vec![Always::No; model.triggers.len()];
    for &t in &order {
        // It always holds when its negation never does.
        always[t.index()] = match sat_of(&net, roots[t.index()][1]) {
            Verdict::Unsatisfiable(u) => Always::Yes(u),
            Verdict::Undecided => Always::Undecided,
            _ => Always::No,
        };
    }
    let built = net.len();
    for &t in &order {
        if !matches!(always[t.index()], Always::Yes(_)) {
            continue;
        }
        let bad = |u: TriggerId| matches!(always[u.index()], Always::Yes(_));
        let why = explain::explain(&mut net, model, t, &roots, 1, &bad);
        net.truncate(built);
        always[t.index()] = Always::Yes(Box::new(why));
    }
    always
}

/// Whether each trigger is in a cycle of condition references (the
/// response graph's first nodes are the triggers; its condition edges join
/// triggers only).
fn triggers_in_cycles(graphs: &Graphs, count: usize) -> Vec<bool> {
    let mut in_cycle = in_cycles(&graphs.response, |e: &ResponseEdge| {
        e.kind == ResponseEdgeKind::Condition
    });
    in_cycle.resize(count, false);
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
    let cond = model.condition(trigger);
    cond.node(cond.root).span()
}

#[cfg(test)]
mod tests;
