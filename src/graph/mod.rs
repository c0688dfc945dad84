//! Stage 3: the plan's graphs, built once per plan and shared by every check
//! and output.
//!
//! - The escalation graph: a node per role and per external (node index =
//!   role index, then externals after the roles), an edge per `escalates to`.
//! - The response graph: a node per trigger and per step (triggers first), with
//!   edges step → step (`after`, from the predecessor) and trigger → trigger
//!   (a trigger named in another's condition, from the named trigger to the
//!   one whose condition names it). What sets a step off (`on`, a level
//!   standing for its triggers) is the response schedule's
//!   (`logic::schedule`, from `Model::on`): no check walks it as edges, and
//!   as edges many steps `on` a level of many triggers made it quadratic.
//!
//! Invariant: only iterative petgraph algorithms are used on these graphs
//! (`tarjan_scc` is recursive and aborts on long chains).

pub mod cycles;

use petgraph::graph::{DiGraph, NodeIndex};

use crate::model::{Cond, ExternalId, Model, Party, RoleId, StepId, TriggerId};
use crate::span::Span;

/// An `escalates to` edge: its statement. Its deadline is the model's
/// (`Escalation::within`): no walk of the graph reads it, and a copy on
/// each edge was most of the graph (issue 19, memory per byte).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EscalationEdge {
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResponseNode {
    Trigger(TriggerId),
    Step(StepId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseEdgeKind {
    /// step → step, from `after`
    After,
    /// trigger → trigger, a trigger named in a condition
    Condition,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseEdge {
    pub kind: ResponseEdgeKind,
    /// Where the reference is written.
    pub span: Span,
}

#[derive(Debug)]
pub struct Graphs {
    /// Its nodes carry nothing: what a node is follows from its index
    /// (`party`), and a copy in each was half of the graph (issue 19,
    /// memory per byte).
    pub escalation: DiGraph<(), EscalationEdge, u32>,
    /// As `escalation`: `response_node` says what a node is.
    pub response: DiGraph<(), ResponseEdge, u32>,
    roles: usize,
    triggers: usize,
}

impl Graphs {
    pub fn build(model: &Model) -> Graphs {
        // Sized exactly: a large plan's edge lists are not copied as they grow.
        let escalations = model.roles.iter().map(|r| r.escalations.len()).sum();
        let mut escalation =
            DiGraph::with_capacity(model.roles.len() + model.externals.len(), escalations);
        for _ in 0..model.roles.len() + model.externals.len() {
            escalation.add_node(());
        }
        let roles = model.roles.len();
        let party_node = |p: Party| match p {
            Party::Role(r) => NodeIndex::new(r.index()),
            Party::External(e) => NodeIndex::new(roles + e.index()),
        };
        for (i, role) in model.roles.iter().enumerate() {
            for e in &role.escalations {
                escalation.add_edge(
                    NodeIndex::new(i),
                    party_node(e.target.id),
                    EscalationEdge { span: e.span },
                );
            }
        }

        let triggers = model.triggers.len();
        let named_triggers: usize = model
            .triggers
            .iter()
            .map(|t| {
                let named = model.conditions.get(t.condition).nodes();
                named.filter(|n| matches!(n, Cond::Trigger { .. })).count()
            })
            .sum();
        let step_edges: usize = model.steps.iter().map(|s| s.after.len()).sum();
        let mut response =
            DiGraph::with_capacity(triggers + model.steps.len(), named_triggers + step_edges);
        for _ in 0..triggers + model.steps.len() {
            response.add_node(());
        }
        for (i, trigger) in model.triggers.iter().enumerate() {
            for node in model.conditions.get(trigger.condition).nodes() {
                if let Cond::Trigger {
                    trigger: named,
                    span,
                } = &node
                {
                    response.add_edge(
                        NodeIndex::new(named.index()),
                        NodeIndex::new(i),
                        ResponseEdge {
                            kind: ResponseEdgeKind::Condition,
                            span: *span,
                        },
                    );
                }
            }
        }
        for (i, step) in model.steps.iter().enumerate() {
            let node = NodeIndex::new(triggers + i);
            for after in &step.after {
                response.add_edge(
                    NodeIndex::new(triggers + after.id.index()),
                    node,
                    ResponseEdge {
                        kind: ResponseEdgeKind::After,
                        span: after.span,
                    },
                );
            }
        }
        Graphs {
            escalation,
            response,
            roles,
            triggers,
        }
    }

    /// The party an escalation node stands for.
    pub fn party(&self, node: NodeIndex<u32>) -> Party {
        match node.index().checked_sub(self.roles) {
            None => Party::Role(RoleId(node.index() as u32)),
            Some(e) => Party::External(ExternalId(e as u32)),
        }
    }

    /// The trigger or step a response node stands for.
    pub fn response_node(&self, node: NodeIndex<u32>) -> ResponseNode {
        match node.index().checked_sub(self.triggers) {
            None => ResponseNode::Trigger(TriggerId(node.index() as u32)),
            Some(s) => ResponseNode::Step(StepId(s as u32)),
        }
    }

    pub fn role_node(&self, role: RoleId) -> NodeIndex<u32> {
        NodeIndex::new(role.index())
    }

    pub fn party_node(&self, party: Party) -> NodeIndex<u32> {
        match party {
            Party::Role(r) => NodeIndex::new(r.index()),
            Party::External(e) => NodeIndex::new(self.roles + e.index()),
        }
    }

    pub fn trigger_node(&self, trigger: TriggerId) -> NodeIndex<u32> {
        NodeIndex::new(trigger.index())
    }

    pub fn step_node(&self, step: StepId) -> NodeIndex<u32> {
        NodeIndex::new(self.triggers + step.index())
    }
}
