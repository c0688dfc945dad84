//! Who is at the top of the escalation graph, shared by `escalation-cycle`,
//! `multiple-commanders` and `no-escalation-path`.
//!
//! Only edges between internal roles count: an external (a superior
//! authority, the police) is outside the plan and cannot be relied on to pass
//! an escalation on. A deputy acts for its principal, so it is on its
//! principal's escalation path (language spec v1). A unit (a role with `members`) that counts the commander
//! among its members, directly or through nested units, is led by the
//! commander and stands with it at the top; when the commander is itself a
//! unit (a leading group), its members are part of it. Everything here is
//! iterative.

use std::collections::VecDeque;

use petgraph::Direction;
use petgraph::visit::EdgeRef;

use super::Context;
use crate::model::{Model, Party, Ref, RoleId};

/// Where the plan's chain of command ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commander {
    /// `commander` in the plan header.
    Declared(RoleId),
    /// No `commander` declared, and exactly one role is at the top.
    Implied(RoleId),
    /// A `commander` that did not resolve (already reported), or no single top.
    Unknown,
}

impl Commander {
    pub fn role(self) -> Option<RoleId> {
        match self {
            Commander::Declared(r) | Commander::Implied(r) => Some(r),
            Commander::Unknown => None,
        }
    }
}

pub fn commander(model: &Model) -> Commander {
    let declared = model.header.as_ref().filter(|h| h.commander_written);
    match declared {
        Some(h) => h
            .commander
            .map_or(Commander::Unknown, |c| Commander::Declared(c.id)),
        None => match top_roles(model).as_slice() {
            [only] => Commander::Implied(*only),
            _ => Commander::Unknown,
        },
    }
}

fn escalates_internally(model: &Model, role: RoleId) -> bool {
    let role = model.role(role);
    role.escalation_unresolved
        || role
            .escalations
            .iter()
            .any(|e| matches!(e.target.id, Party::Role(_)))
}

fn is_unit(model: &Model, role: RoleId) -> bool {
    model
        .role(role)
        .members
        .iter()
        .any(|m| matches!(m.id, Party::Role(_)))
}

/// Roles that escalate to no internal role, in definition order. A role
/// whose escalation did not resolve is not counted (its target is unknown),
/// nor is a unit that has another top role among its members (it is led by
/// it), nor another role's deputy (it acts for that role).
pub fn top_roles(model: &Model) -> Vec<RoleId> {
    let deputies = deputies(model);
    let tops: Vec<RoleId> = model
        .role_ids()
        .filter(|&r| !escalates_internally(model, r) && !deputies[r.index()])
        .collect();
    let leaders: Vec<RoleId> = tops
        .iter()
        .copied()
        .filter(|&r| !is_unit(model, r))
        .collect();
    let led = units_containing(model, &leaders);
    tops.into_iter()
        .filter(|r| !(is_unit(model, *r) && led[r.index()]))
        .collect()
}

/// For each role: whether it is another role's deputy.
fn deputies(model: &Model) -> Vec<bool> {
    let mut deputy = vec![false; model.roles.len()];
    for r in model.role_ids() {
        if let Some(Ref { id: d, .. }) = model.role(r).deputy
            && d != r
        {
            deputy[d.index()] = true;
        }
    }
    deputy
}

/// For each role: whether it is a unit that has one of `roles` among its
/// members, directly or through nested units.
pub fn units_containing(model: &Model, roles: &[RoleId]) -> Vec<bool> {
    let mut member_of: Vec<Vec<RoleId>> = vec![Vec::new(); model.roles.len()];
    for unit in model.role_ids() {
        for m in &model.role(unit).members {
            if let Party::Role(member) = m.id {
                member_of[member.index()].push(unit);
            }
        }
    }
    let mut found = vec![false; model.roles.len()];
    let mut seen = vec![false; model.roles.len()];
    let mut queue: VecDeque<RoleId> = roles.iter().copied().collect();
    for r in roles {
        seen[r.index()] = true;
    }
    while let Some(r) = queue.pop_front() {
        for &unit in &member_of[r.index()] {
            found[unit.index()] = true;
            if !seen[unit.index()] {
                seen[unit.index()] = true;
                queue.push_back(unit);
            }
        }
    }
    found
}

/// For each role: whether it is one of `unit`'s members, directly or through
/// nested units.
pub fn members_of(model: &Model, unit: RoleId) -> Vec<bool> {
    let mut found = vec![false; model.roles.len()];
    let mut queue = VecDeque::from([unit]);
    while let Some(r) = queue.pop_front() {
        for m in &model.role(r).members {
            if let Party::Role(member) = m.id
                && !found[member.index()]
            {
                found[member.index()] = true;
                queue.push_back(member);
            }
        }
    }
    found
}

/// For each role, the fewest `escalates to` edges (between internal roles)
/// from it to `commander`; 0 for the commander, the units it leads and, if
/// it is a unit, its members. A deputy is as far as its principal (it acts
/// for it), unless its own edges bring it nearer.
/// `None`: the role cannot reach it. With `trust_unresolved`, a role whose
/// escalation did not resolve counts as reaching it (distance 0), so that a
/// broken reference is reported once, as `undefined-name` or `wrong-kind`.
pub fn distances_to(ctx: &Context, commander: RoleId, trust_unresolved: bool) -> Vec<Option<u32>> {
    let model = ctx.model;
    let led = units_containing(model, &[commander]);
    let inside = members_of(model, commander);
    let mut distance: Vec<Option<u32>> = vec![None; model.roles.len()];
    let mut done = vec![false; model.roles.len()];
    // Breadth first with edges of weight 1 (`escalates to`, walked backwards)
    // and 0 (principal to deputy): a deputy goes to the front of the queue.
    let mut queue = VecDeque::new();
    for r in model.role_ids() {
        let unresolved = trust_unresolved && model.role(r).escalation_unresolved;
        if r == commander || led[r.index()] || inside[r.index()] || unresolved {
            distance[r.index()] = Some(0);
            queue.push_back(r);
        }
    }
    let graph = &ctx.graphs.escalation;
    while let Some(r) = queue.pop_front() {
        if std::mem::replace(&mut done[r.index()], true) {
            continue;
        }
        let d = distance[r.index()].unwrap_or(0);
        if let Some(Ref { id: deputy, .. }) = model.role(r).deputy
            && distance[deputy.index()].is_none_or(|e| e > d)
        {
            distance[deputy.index()] = Some(d);
            queue.push_front(deputy);
        }
        for edge in graph.edges_directed(ctx.graphs.role_node(r), Direction::Incoming) {
            if let Party::Role(source) = ctx.graphs.party(edge.source())
                && distance[source.index()].is_none_or(|e| e > d + 1)
            {
                distance[source.index()] = Some(d + 1);
                queue.push_back(source);
            }
        }
    }
    distance
}

/// For each role that cannot reach `commander` (`None` in `distance`):
/// whether the commander escalates to it, directly or not (it is above the
/// commander, not lost), or it escalates to such a role.
pub fn above(ctx: &Context, commander: RoleId, distance: &[Option<u32>]) -> Vec<bool> {
    let model = ctx.model;
    let graph = &ctx.graphs.escalation;
    let lost = |r: RoleId| distance.get(r.index()).copied().flatten().is_none();
    let mut above = vec![false; model.roles.len()];
    let mut queue = VecDeque::from([commander]);
    while let Some(r) = queue.pop_front() {
        for edge in graph.edges_directed(ctx.graphs.role_node(r), Direction::Outgoing) {
            if let Party::Role(target) = ctx.graphs.party(edge.target())
                && lost(target)
                && !std::mem::replace(&mut above[target.index()], true)
            {
                queue.push_back(target);
            }
        }
    }
    let mut queue: VecDeque<RoleId> = model.role_ids().filter(|r| above[r.index()]).collect();
    while let Some(r) = queue.pop_front() {
        for edge in graph.edges_directed(ctx.graphs.role_node(r), Direction::Incoming) {
            if let Party::Role(source) = ctx.graphs.party(edge.source())
                && lost(source)
                && !std::mem::replace(&mut above[source.index()], true)
            {
                queue.push_back(source);
            }
        }
    }
    above
}
