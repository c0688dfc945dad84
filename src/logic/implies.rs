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
use super::nodes::Cube;
use super::review::{counterexample, projections};
use super::sets::{Domain, FactSet};
use super::split::Point;
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
        let mut implier = Implier::new(model, conditions);
        let implied = model
            .trigger_ids()
            .map(|t| {
                model
                    .trigger_ids()
                    .filter(|&u| implier.implies(t, u))
                    .collect()
            })
            .collect();
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

/// The question "does U fire whenever T does", pair by pair: what
/// `Implications::build` asks of every pair, and `planc diff` of the few
/// pairs a revision can change. The work bound is shared by the questions
/// one `Implier` is asked.
pub struct Implier<'c> {
    conditions: &'c Conditions,
    alternatives: Vec<Vec<TriggerId>>,
    projected: Vec<Option<Vec<FactSet>>>,
    /// Per trigger and fact (row-major), the bounds of its projection: what
    /// the first test reads, from one contiguous table.
    hulls: Vec<Hull>,
    facts: usize,
    points: Vec<Vec<Vec<Point>>>,
    budget: usize,
}

/// The least and greatest value of a projection (a variant's index, a flag
/// as 0/1); `lo > hi` for an empty one. If a projection lies inside another,
/// so do their bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hull {
    lo: u64,
    hi: u64,
}

impl Hull {
    fn of(set: &FactSet) -> Hull {
        let value = |p: Point| match p {
            Point::Count(v) => v,
            Point::Variant(v) => u64::from(v),
        };
        match (set.first(), set.last()) {
            (Some(a), Some(b)) => Hull {
                lo: value(a),
                hi: value(b),
            },
            _ => Hull { lo: 1, hi: 0 },
        }
    }

    fn within(self, other: Hull) -> bool {
        self.lo > self.hi || (other.lo <= self.lo && self.hi <= other.hi)
    }
}

impl<'c> Implier<'c> {
    pub fn new(model: &Model, conditions: &'c Conditions) -> Implier<'c> {
        let domains = &conditions.domains;
        let projected: Vec<Option<Vec<FactSet>>> = model
            .trigger_ids()
            .map(|t| conditions.dnf(t).map(|d| projections(domains, d)))
            .collect();
        let hulls = projected
            .iter()
            .flat_map(|p| match p {
                Some(sets) => sets.iter().map(Hull::of).collect(),
                None => domains
                    .iter()
                    .map(|d| Hull::of(&d.full()))
                    .collect::<Vec<_>>(),
            })
            .collect();
        Implier {
            conditions,
            alternatives: alternatives(model),
            projected,
            hulls,
            facts: domains.len(),
            points: model
                .trigger_ids()
                .map(|t| conditions.dnf(t).map_or(Vec::new(), |d| points(domains, d)))
                .collect(),
            budget: STEPS,
        }
    }

    /// Whether `u` fires whenever `t` does (`false` for `t` itself, and when
    /// it cannot be decided).
    pub fn implies(&mut self, t: TriggerId, u: TriggerId) -> bool {
        if u == t {
            return false;
        }
        if self
            .alternatives
            .get(t.index())
            .is_some_and(|a| a.binary_search(&u).is_ok())
        {
            return true;
        }
        let n = self.facts;
        let (ht, hu) = (t.index() * n, u.index() * n);
        if let (Some(x), Some(y)) = (self.hulls.get(ht..ht + n), self.hulls.get(hu..hu + n))
            && !x.iter().zip(y).all(|(x, y)| x.within(*y))
        {
            return false;
        }
        let c = self.conditions;
        let (Some(a), Some(Some(pa))) = (c.dnf(t), self.projected.get(t.index())) else {
            return false;
        };
        if a.is_empty() {
            return false; // it never fires: nothing fires "whenever" it does
        }
        let (Some(b), Some(Some(pb))) = (c.dnf(u), self.projected.get(u.index())) else {
            return false;
        };
        let inside = pa.iter().zip(pb).all(|(x, y)| x.is_subset(y))
            && self.points[t.index()].iter().all(|p| holds(b, p));
        if !inside {
            return false;
        }
        // Each cube of `a` inside one cube of `b`: implied, with no sweep.
        a.iter().all(|x| b.iter().any(|y| cube_within(x, y)))
            || matches!(counterexample(&c.domains, a, b, &mut self.budget), Ok(None))
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

/// A point of each cube of `dnf`: the first value of each of its sets, the
/// first value of every other fact. The condition holds at each; a condition
/// that does not hold at one of them is not implied, with no sweep (most
/// pairs of a large plan end here).
fn points(domains: &[Domain], dnf: &[Cube]) -> Vec<Vec<Point>> {
    dnf.iter()
        .filter_map(|cube| {
            domains
                .iter()
                .enumerate()
                .map(
                    |(f, d)| match cube.binary_search_by_key(&(f as u32), |(g, _)| *g) {
                        Ok(i) => cube[i].1.first(),
                        Err(_) => d.full().first(),
                    },
                )
                .collect()
        })
        .collect()
}

/// Whether cube `x` lies inside cube `y`: every fact `y` constrains, `x`
/// constrains to a subset (both sorted by fact).
fn cube_within(x: &Cube, y: &Cube) -> bool {
    y.iter().all(|(f, set)| {
        x.binary_search_by_key(f, |(g, _)| *g)
            .is_ok_and(|i| x[i].1.is_subset(set))
    })
}

/// Whether `dnf` holds at `point` (a value for every fact).
fn holds(dnf: &[Cube], point: &[Point]) -> bool {
    dnf.iter().any(|cube| {
        cube.iter()
            .all(|(f, set)| point.get(*f as usize).is_some_and(|p| set.contains(*p)))
    })
}
