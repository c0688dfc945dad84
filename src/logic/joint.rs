//! Steps that wait for steps which run only under triggers that can never
//! hold at the same time (`disjoint-after`). Such a step is reachable — facts
//! change while an incident goes on — but only if the incident passes
//! through both situations.
//!
//! A step's requirements are its own `on` (the triggers it names) and each
//! step it waits for, with the triggers that set that step off (its `on`,
//! or, without `on`, those of the steps it waits for: what `simulate` lists
//! as "set off by"). The step is reported when no choice of one trigger per
//! requirement can hold at the same time: no situation (one value per fact)
//! meets a cube of each chosen trigger's condition in DNF (`Conditions`).
//!
//! Requirements that share a trigger agree at once (most steps: the steps of
//! one flow run under the same triggers); two triggers' compatibility is
//! decided once and kept; a choice for three or more requirements is
//! searched with a bound, and a step the bound leaves open is not reported.
//! A step is reported where the conflict arises, not again for the steps
//! that wait for it.

use std::collections::HashMap;
use std::rc::Rc;

use super::conditions::Conditions;
use super::net::meet;
use super::nodes::Cube;
use super::schedule::{Reach, Schedule};
use crate::model::{FactId, Model, StepId, TriggerId};

/// How many cube meets the search for one step may take.
const SEARCH_STEPS: usize = 10_000;

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
    /// Sorted.
    pub triggers: Vec<TriggerId>,
}

/// A step whose requirements can each hold but never all at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disjoint {
    pub step: StepId,
    /// Two requirements that never hold together, or every requirement when
    /// no two of them conflict alone.
    pub sides: Vec<Side>,
    /// The facts every side's triggers read, or any side's when none is
    /// common to all: what tells the situations apart (sorted).
    pub facts: Vec<FactId>,
}

/// The steps of `schedule` that can run (`reach`) but whose requirements
/// never hold at the same time. `can_fire` says whether each trigger can.
pub fn disjoint_after(
    model: &Model,
    schedule: &Schedule,
    reach: &[Reach],
    can_fire: impl Fn(TriggerId) -> Option<bool>,
    conditions: &Conditions,
) -> Vec<Disjoint> {
    let mut pairs = Pairs {
        conditions,
        known: HashMap::new(),
    };
    // What sets each step off: the triggers that can fire of its `on`, or,
    // without `on`, those of the steps it waits for (shared when it waits
    // for one step).
    let none: Rc<[TriggerId]> = Rc::from(Vec::new());
    let mut set_off: Vec<Rc<[TriggerId]>> = vec![none.clone(); model.steps.len()];
    // Reported, or waiting for a step that was: not reported again.
    let mut conflicted = vec![false; model.steps.len()];
    let mut found = Vec::new();
    for &s in schedule.dependency_order() {
        let step = model.step(s);
        let on = schedule.on(s);
        let mut needs: Vec<(Need, Rc<[TriggerId]>)> = Vec::new();
        if !on.is_empty() {
            let fire: Vec<TriggerId> = on
                .iter()
                .copied()
                .filter(|t| can_fire(*t) != Some(false))
                .collect();
            needs.push((Need::On, Rc::from(fire)));
        }
        for p in &step.after {
            if !needs.iter().any(|(n, _)| *n == Need::After(p.id)) {
                needs.push((Need::After(p.id), set_off[p.id.index()].clone()));
            }
        }
        set_off[s.index()] = match needs.as_slice() {
            [] => none.clone(),
            [(Need::On, own), ..] => own.clone(),
            [(_, one)] => one.clone(),
            many => union(many),
        };
        if step.after.iter().any(|p| conflicted[p.id.index()]) {
            conflicted[s.index()] = true;
            continue;
        }
        if needs.len() < 2
            || reach.get(s.index()) != Some(&Reach::Yes)
            || needs.iter().any(|(_, ts)| ts.is_empty())
            || shares_a_trigger(&needs)
        {
            continue;
        }
        if let Some(conflict) = pairs.conflict(s, &needs) {
            conflicted[s.index()] = true;
            found.push(conflict);
        }
    }
    found
}

/// The triggers of all the requirements. A step that waits for steps of
/// its own flow adds no trigger to the largest set: that one is shared, so
/// a long flow costs no copies.
fn union(many: &[(Need, Rc<[TriggerId]>)]) -> Rc<[TriggerId]> {
    let sets = || many.iter().map(|(_, ts)| ts);
    if let Some(largest) = sets().max_by_key(|ts| ts.len())
        && sets().all(|ts| Rc::ptr_eq(ts, largest) || within(ts, largest))
    {
        return largest.clone();
    }
    let mut all: Vec<TriggerId> = sets().flat_map(|ts| ts.iter().copied()).collect();
    all.sort_unstable();
    all.dedup();
    Rc::from(all)
}

/// Whether every trigger of `a` is in `b` (both sorted).
fn within(a: &[TriggerId], b: &[TriggerId]) -> bool {
    a.len() <= b.len() && a.iter().all(|t| b.binary_search(t).is_ok())
}

/// Whether one trigger is in every requirement (looked for among the
/// fewest).
fn shares_a_trigger(needs: &[(Need, Rc<[TriggerId]>)]) -> bool {
    let Some((_, fewest)) = needs.iter().min_by_key(|(_, ts)| ts.len()) else {
        return true;
    };
    fewest
        .iter()
        .any(|t| needs.iter().all(|(_, ts)| ts.binary_search(t).is_ok()))
}

/// Which pairs of triggers can hold at the same time, decided once each.
struct Pairs<'c> {
    conditions: &'c Conditions,
    known: HashMap<(TriggerId, TriggerId), bool>,
}

impl Pairs<'_> {
    /// Whether `t` and `u` can hold at the same time; `true` when not known.
    fn together(&mut self, t: TriggerId, u: TriggerId) -> bool {
        let key = (t.min(u), t.max(u));
        if let Some(&k) = self.known.get(&key) {
            return k;
        }
        let answer = match (self.conditions.dnf(t), self.conditions.dnf(u)) {
            (Some(a), Some(b)) => a.iter().any(|x| b.iter().any(|y| meet(x, y).is_some())),
            _ => true,
        };
        self.known.insert(key, answer);
        answer
    }

    /// Whether two requirements can hold at the same time.
    fn compatible(&mut self, a: &[TriggerId], b: &[TriggerId]) -> bool {
        a.iter().any(|&t| b.iter().any(|&u| self.together(t, u)))
    }

    /// The conflict of step `s`, if its requirements never hold at once.
    fn conflict(&mut self, s: StepId, needs: &[(Need, Rc<[TriggerId]>)]) -> Option<Disjoint> {
        // Two requirements that never hold together settle it.
        for i in 0..needs.len() {
            for j in i + 1..needs.len() {
                if !self.compatible(&needs[i].1, &needs[j].1) {
                    return Some(self.disjoint(s, &[&needs[i], &needs[j]]));
                }
            }
        }
        if needs.len() == 2 {
            return None;
        }
        // Every two can: search one trigger and one cube per requirement.
        match self.all_together(needs) {
            Some(false) => {
                let every: Vec<&(Need, Rc<[TriggerId]>)> = needs.iter().collect();
                Some(self.disjoint(s, &every))
            }
            _ => None,
        }
    }

    /// Whether one trigger of each requirement can hold at once: `None` when
    /// a condition is not known exactly or the search bound is reached.
    fn all_together(&self, needs: &[(Need, Rc<[TriggerId]>)]) -> Option<bool> {
        // The cubes each requirement offers.
        let mut offers: Vec<Vec<&Cube>> = Vec::with_capacity(needs.len());
        for (_, triggers) in needs {
            let mut cubes = Vec::new();
            for t in triggers.iter() {
                cubes.extend(self.conditions.dnf(*t)?.iter());
            }
            offers.push(cubes);
        }
        // Depth-first over the requirements, one cube each; the stack holds
        // the next cube to try at each depth and the situation so far.
        let mut stack: Vec<(usize, Cube)> = vec![(0, Cube::new())];
        let mut steps = 0usize;
        while let Some((next, so_far)) = stack.last().cloned() {
            let depth = stack.len() - 1;
            if depth == offers.len() {
                return Some(true);
            }
            let Some(cube) = offers[depth].get(next) else {
                stack.pop();
                continue;
            };
            if let Some(top) = stack.last_mut() {
                top.0 += 1;
            }
            steps += 1;
            if steps > SEARCH_STEPS {
                return None;
            }
            if let Some(met) = meet(&so_far, cube) {
                stack.push((0, met));
            }
        }
        Some(false)
    }

    fn disjoint(&self, s: StepId, sides: &[&(Need, Rc<[TriggerId]>)]) -> Disjoint {
        // The facts every side's triggers read (or, if none is common to
        // all, those any of them reads).
        let mut facts: Option<Vec<u32>> = None;
        let mut any: Vec<u32> = Vec::new();
        for (_, triggers) in sides {
            let mut read: Vec<u32> = Vec::new();
            for t in triggers.iter() {
                for cube in self.conditions.dnf(*t).unwrap_or(&[]) {
                    read.extend(cube.iter().map(|(f, _)| *f));
                }
            }
            read.sort_unstable();
            read.dedup();
            any.extend(&read);
            facts = Some(match facts {
                None => read,
                Some(acc) => acc.into_iter().filter(|f| read.contains(f)).collect(),
            });
        }
        let mut facts = facts.unwrap_or_default();
        if facts.is_empty() {
            any.sort_unstable();
            any.dedup();
            facts = any;
        }
        Disjoint {
            step: s,
            sides: sides
                .iter()
                .map(|(need, triggers)| Side {
                    need: *need,
                    triggers: triggers.to_vec(),
                })
                .collect(),
            facts: facts.into_iter().map(FactId).collect(),
        }
    }
}
