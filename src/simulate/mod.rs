//! The tabletop exercise (桌面推演): given the facts of an incident, which
//! triggers fire and at what level, which steps run in what order and by
//! when, who is told, and how each owner escalates to the commander.
//!
//! Facts not set count as 0 (a count) or false (a flag); a `one_of` fact not
//! set is unknown: it holds none of its variants yet, so `act in {…}` is
//! false and `not (act in {…})` true, and the triggers that read it say so.
//! Which steps run, in which order and by when is the response schedule's
//! (`logic::schedule`) for the triggers that fire. Everything here is
//! iterative (conditions and chains can be long).

pub mod clock;
pub mod facts;
pub mod json;
pub mod text;

use std::collections::VecDeque;

use crate::graph::Graphs;
use crate::i18n::{Message, msg};
use crate::logic::{
    self,
    schedule::{Due, NotRun, Schedule, Scheduled},
};
use crate::model::{Cond, Condition, FactId, Model, Party, RoleId, StepId, TriggerId};
use crate::render::order;

pub use clock::Clock;
pub use facts::{Facts, Value};

#[derive(Debug, Clone, PartialEq)]
pub struct TriggerOutcome {
    pub trigger: TriggerId,
    pub fired: bool,
    /// The facts its condition reads, in order of first use.
    pub facts: Vec<FactId>,
    /// Those of them that are not known (a `one_of` fact not set): the
    /// trigger holds or not while they are unknown, and may change once
    /// they are known.
    pub unknown: Vec<FactId>,
    /// The triggers its condition names, with whether they fired.
    pub triggers: Vec<(TriggerId, bool)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hop {
    pub to: Party,
    pub within: Option<u64>,
    /// The sum of the `within`s so far; `None` once a hop has none.
    pub cumulative: Option<u64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chain {
    pub owner: RoleId,
    /// The shortest chain of `escalates to` edges to the commander (or, with
    /// no commander, to a role that escalates to no role).
    pub hops: Vec<Hop>,
    /// The owner is the commander (or at the top) itself.
    pub at_top: bool,
    /// The chain reaches the commander.
    pub reaches: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    pub facts: Facts,
    pub start: Option<Clock>,
    /// Every trigger, most severe level first.
    pub triggers: Vec<TriggerOutcome>,
    /// The most severe level among the fired triggers.
    pub level: Option<crate::model::LevelId>,
    /// The steps that run, in the order to act on them (see
    /// `logic::schedule`), each with its phase and latest due time.
    pub steps: Vec<Scheduled>,
    /// The steps that do not run, in source order, each with why.
    pub skipped: Vec<(StepId, NotRun)>,
    /// One per owner of a running step, in order of first appearance.
    pub chains: Vec<Chain>,
}

/// Whether `condition` holds for these facts and fired triggers.
fn evaluate(condition: &Condition, facts: &Facts, fired: &[bool]) -> bool {
    let n = condition.len();
    let root = condition.root.0 as usize;
    if root >= n {
        return false;
    }
    // Parents before children, then evaluated in reverse (children first).
    let mut order = Vec::new();
    let mut stack = vec![condition.root];
    let mut seen = vec![false; n];
    while let Some(id) = stack.pop() {
        let i = id.0 as usize;
        if i >= n || std::mem::replace(&mut seen[i], true) {
            continue;
        }
        order.push(id);
        match &condition.node(id) {
            Cond::Not(c, _) => stack.push(*c),
            Cond::And(cs, _) | Cond::Or(cs, _) => stack.extend(cs.iter().copied()),
            _ => {}
        }
    }
    let mut value = vec![false; n];
    let get = |value: &[bool], c: &crate::model::CondId| {
        value.get(c.0 as usize).copied().unwrap_or(false)
    };
    for id in order.iter().rev() {
        let v = match &condition.node(*id) {
            Cond::Compare {
                fact,
                op,
                value: rhs,
                decimal,
                ..
            } => match decimal {
                // A number fact: compared exactly, not in the logic's units.
                Some(rhs) => {
                    let lhs = match facts.get(*fact) {
                        Some(Value::Number(d)) => d,
                        _ => crate::decimal::Decimal::ZERO,
                    };
                    op.holds(&lhs, rhs)
                }
                None => {
                    let lhs = match facts.get(*fact) {
                        Some(Value::Count(c)) => c,
                        _ => 0,
                    };
                    op.holds(&lhs, rhs)
                }
            },
            Cond::In { fact, variants, .. } => {
                matches!(facts.get(*fact), Some(Value::Variant(v)) if variants.contains(&v))
            }
            Cond::Flag { fact, .. } => matches!(facts.get(*fact), Some(Value::Flag(true))),
            Cond::Trigger { trigger, .. } => fired.get(trigger.index()).copied().unwrap_or(false),
            Cond::Not(c, _) => !get(&value, c),
            Cond::And(cs, _) => cs.iter().all(|c| get(&value, c)),
            Cond::Or(cs, _) => cs.iter().any(|c| get(&value, c)),
            Cond::Unknown(_) => false,
        };
        value[id.0 as usize] = v;
    }
    value[root]
}

/// What the condition of `t` reads: facts and triggers, in order of first use.
fn inputs(model: &Model, t: TriggerId) -> (Vec<FactId>, Vec<TriggerId>) {
    let mut facts = Vec::new();
    let mut triggers = Vec::new();
    for node in model.condition(t).nodes() {
        match &node {
            Cond::Compare { fact, .. } | Cond::In { fact, .. } | Cond::Flag { fact, .. }
                if !facts.contains(fact) =>
            {
                facts.push(*fact);
            }
            Cond::Trigger { trigger, .. } if !triggers.contains(trigger) => triggers.push(*trigger),
            _ => {}
        }
    }
    (facts, triggers)
}

/// Runs the exercise.
pub fn run(model: &Model, graphs: &Graphs, facts: Facts, start: Option<Clock>) -> Simulation {
    let mut fired = vec![false; model.triggers.len()];
    for t in logic::trigger_order(graphs, model.triggers.len()) {
        fired[t.index()] = evaluate(&model.condition(t), &facts, &fired);
    }
    let triggers: Vec<TriggerOutcome> = order::by_severity(model)
        .into_iter()
        .map(|t| {
            let (fs, ts) = inputs(model, t);
            TriggerOutcome {
                trigger: t,
                fired: fired[t.index()],
                unknown: fs
                    .iter()
                    .copied()
                    .filter(|f| facts.is_unknown(model, *f))
                    .collect(),
                facts: fs,
                triggers: ts.into_iter().map(|u| (u, fired[u.index()])).collect(),
            }
        })
        .collect();
    let level = model
        .trigger_ids()
        .filter(|t| fired[t.index()])
        .filter_map(|t| model.trigger(t).level.map(|l| l.id))
        .min_by_key(|l| l.0);
    let fired_ids: Vec<TriggerId> = model.trigger_ids().filter(|t| fired[t.index()]).collect();
    let schedule = Schedule::build(model);
    let response = schedule.respond(model, &fired_ids);
    let skipped = response.not_run(&schedule, model);
    let mut owners: Vec<RoleId> = Vec::new();
    for run in &response.steps {
        if let Some(o) = model.step(run.step).owner
            && !owners.contains(&o.id)
        {
            owners.push(o.id);
        }
    }
    let chains = owners.into_iter().map(|o| chain(model, o)).collect();
    Simulation {
        facts,
        start,
        triggers,
        level,
        steps: response.steps,
        skipped,
        chains,
    }
}

/// The wall-clock time of a latest due time, for `--start`.
/// Working days are counted on the calendar, Monday to Friday, then the rest.
pub fn due_clock(start: Clock, due: Due) -> Clock {
    start.plus_working(due.working_days, due.other_seconds())
}

/// With `--start`, the first step whose due time falls past the last day
/// the calendar counts (9999-12-31), in words: such a time is out of range,
/// and is said to be rather than shown clamped.
pub fn due_out_of_range(sim: &Simulation, model: &Model) -> Option<Message> {
    let start = sim.start?;
    sim.steps.iter().find_map(|run| {
        let due = run.due?;
        start.checked_plus(due.seconds).is_none().then(|| {
            msg!(
                "start-too-late",
                step = model.name(&model.step(run.step).named),
                due = crate::render::words::due_code(due)
            )
        })
    })
}

/// The shortest escalation chain from `owner` to the commander (breadth
/// first, edges in source order).
pub fn chain(model: &Model, owner: RoleId) -> Chain {
    let commander = model
        .header
        .as_ref()
        .and_then(|h| h.commander)
        .map(|c| c.id);
    let is_top = |r: RoleId| match commander {
        Some(c) => r == c,
        None => !model
            .role(r)
            .escalations
            .iter()
            .any(|e| matches!(e.target.id, Party::Role(_))),
    };
    if is_top(owner) {
        return Chain {
            owner,
            hops: Vec::new(),
            at_top: true,
            reaches: true,
        };
    }
    // parent[r] = (role it was reached from, index of the escalation)
    let mut parent: Vec<Option<(RoleId, usize)>> = vec![None; model.roles.len()];
    let mut seen = vec![false; model.roles.len()];
    seen[owner.index()] = true;
    let mut queue = VecDeque::from([owner]);
    let mut found = None;
    'search: while let Some(r) = queue.pop_front() {
        for (k, e) in model.role(r).escalations.iter().enumerate() {
            let Party::Role(next) = e.target.id else {
                continue;
            };
            if std::mem::replace(&mut seen[next.index()], true) {
                continue;
            }
            parent[next.index()] = Some((r, k));
            if is_top(next) {
                found = Some(next);
                break 'search;
            }
            queue.push_back(next);
        }
    }
    let Some(mut at) = found else {
        return Chain {
            owner,
            hops: Vec::new(),
            at_top: false,
            reaches: false,
        };
    };
    let mut edges = Vec::new();
    while let Some((from, k)) = parent[at.index()] {
        edges.push(&model.role(from).escalations[k]);
        at = from;
        if at == owner {
            break;
        }
    }
    edges.reverse();
    let mut total = Some(0u64);
    let hops = edges
        .into_iter()
        .map(|e| {
            let within = e.within().map(|d| d.seconds);
            total = match (total, within) {
                (Some(t), Some(w)) => Some(t.saturating_add(w)),
                _ => None,
            };
            Hop {
                to: e.target.id,
                within,
                cumulative: total,
            }
        })
        .collect();
    Chain {
        owner,
        hops,
        at_top: false,
        reaches: true,
    }
}
