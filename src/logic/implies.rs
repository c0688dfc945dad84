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
use super::hull::Hull;
use super::nodes::Cube;
use super::review::{counterexample, projections};
use super::sets::{Domain, FactSet};
use super::split::Point;
use crate::model::{Cond, Model, TriggerId};

/// The sweep steps all the pairs of one plan may take together.
const STEPS: usize = 2_000_000;

/// The question "does U fire whenever T does", pair by pair: what
/// `Implications::build` asks of pairs of triggers, and `planc diff` of the few
/// pairs a revision can change. The work bound is shared by the questions
/// one `Implier` is asked.
pub struct Implier<'c> {
    conditions: &'c Conditions,
    /// By trigger: the triggers whose condition names it as an alternative.
    implied_by: Vec<Vec<TriggerId>>,
    /// What the last trigger asked about fires through alternatives, as
    /// far as it has been followed (`Reach`).
    reach: Reach,
    projected: Vec<Option<Vec<FactSet>>>,
    /// Per trigger and fact (row-major), the bounds of its projection: what
    /// the first test reads, from one contiguous table.
    hulls: Vec<Hull>,
    facts: usize,
    points: Vec<Vec<Vec<Point>>>,
    budget: usize,
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
            implied_by: implied_by(model),
            reach: Reach::new(model.triggers.len()),
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

    /// The bounds of `t`'s projections, one per fact.
    fn hull(&self, t: TriggerId) -> &[Hull] {
        let n = self.facts;
        self.hulls
            .get(t.index() * n..t.index() * n + n)
            .unwrap_or(&[])
    }

    /// How far `t`'s condition spreads: the sum over the facts of the
    /// values its projection spans. If `t` implies `u` by its condition,
    /// `t`'s spread is at most `u`'s, and equal only with the same bounds
    /// (`same_bounds`). `None` when its condition is not known exactly: it
    /// may then imply others through alternatives whatever their spread.
    pub fn spread(&self, t: TriggerId) -> Option<u128> {
        self.conditions.dnf(t)?;
        Some(self.hull(t).iter().map(|h| h.width()).sum())
    }

    /// Whether `t`'s and `u`'s projections have the same bounds.
    pub fn same_bounds(&self, t: TriggerId, u: TriggerId) -> bool {
        self.hull(t) == self.hull(u)
    }

    /// A hash of `t`'s bounds: equal for the same bounds.
    pub fn bounds_hash(&self, t: TriggerId) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.hull(t).hash(&mut hasher);
        hasher.finish()
    }

    /// Whether `t` fires `u` through alternatives (`… or t or …`),
    /// transitively.
    fn alternative(&mut self, t: TriggerId, u: TriggerId) -> bool {
        self.reach.reaches(&self.implied_by, t, u)
    }

    /// Whether `u` fires whenever `t` does (`false` for `t` itself, and when
    /// it cannot be decided).
    pub fn implies(&mut self, t: TriggerId, u: TriggerId) -> bool {
        if u == t {
            return false;
        }
        if self.alternative(t, u) {
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
        a.iter().all(|x| b.iter().any(|y| super::dnf::within(x, y)))
            || matches!(counterexample(&c.domains, a, b, &mut self.budget), Ok(None))
    }
}

/// The implications read off the conditions: a trigger whose condition is
/// `… or T or …` (through `or`s only) fires whenever T does. By trigger T:
/// those triggers (one step; `reached` follows them).
fn implied_by(model: &Model) -> Vec<Vec<TriggerId>> {
    let count = model.triggers.len();
    let mut implied_by: Vec<Vec<TriggerId>> = vec![Vec::new(); count];
    for u in model.trigger_ids() {
        let condition = model.condition(u);
        let mut stack = vec![condition.root];
        let mut seen = vec![false; condition.len()];
        while let Some(id) = stack.pop() {
            let i = id.0 as usize;
            if i >= condition.len() || std::mem::replace(&mut seen[i], true) {
                continue;
            }
            match &condition.node(id) {
                Cond::Or(cs, _) => stack.extend(cs.iter().copied()),
                Cond::Trigger { trigger: t, .. } if *t != u => implied_by[t.index()].push(u),
                _ => {}
            }
        }
    }
    implied_by
}

/// The triggers reached from one trigger along `implied_by`, followed only
/// as far as a question needs: the questions about one trigger come
/// together (`Implications::build` asks a trigger about the others one
/// after another), and the first alternative asked is mostly the next one
/// along (`tᵢ when tᵢ₋₁ or …`), so a chain of N costs N steps, not the N²/2
/// of writing out what each reaches. Memory: one mark per trigger.
struct Reach {
    from: Option<TriggerId>,
    /// By trigger: reached from `from` (not `from` itself).
    seen: Vec<bool>,
    /// The triggers marked in `seen`, to clear them for the next `from`.
    marked: Vec<TriggerId>,
    /// Reached, their own alternatives not yet followed.
    pending: Vec<TriggerId>,
}

impl Reach {
    fn new(triggers: usize) -> Reach {
        Reach {
            from: None,
            seen: vec![false; triggers],
            marked: Vec::new(),
            pending: Vec::new(),
        }
    }

    fn reaches(&mut self, implied_by: &[Vec<TriggerId>], t: TriggerId, u: TriggerId) -> bool {
        if self.from != Some(t) {
            for x in self.marked.drain(..) {
                self.seen[x.index()] = false;
            }
            self.pending.clear();
            self.pending.push(t);
            self.from = Some(t);
        }
        let is_seen = |seen: &[bool], x: TriggerId| seen.get(x.index()).copied().unwrap_or(false);
        while !is_seen(&self.seen, u) {
            let Some(x) = self.pending.pop() else {
                return false;
            };
            for &v in implied_by.get(x.index()).map_or(&[][..], Vec::as_slice) {
                if v != t && v.index() < self.seen.len() && !self.seen[v.index()] {
                    self.seen[v.index()] = true;
                    self.marked.push(v);
                    self.pending.push(v);
                }
            }
        }
        true
    }
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

/// Whether `dnf` holds at `point` (a value for every fact).
fn holds(dnf: &[Cube], point: &[Point]) -> bool {
    dnf.iter().any(|cube| {
        cube.iter()
            .all(|(f, set)| point.get(*f as usize).is_some_and(|p| set.contains(*p)))
    })
}
