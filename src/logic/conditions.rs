//! Every trigger's condition in full, with the triggers it names written
//! out, as a DNF over the facts: the input of `regions`. Built once per plan
//! (see `check::Context::conditions`).
//!
//! A `one_of` fact may be unknown here (one more variant, which no `in`
//! names), as in `simulate` when it is not set: "nothing of the kind has
//! happened" is a row of the decision table, not a gap in it.

use super::dnf::{self, Dnf};
use super::nodes::Cube;
use super::sets::Domain;
use super::{Built, build, convert};
use crate::graph::Graphs;
use crate::model::{Cond, Model, TriggerId};

/// What is known of one trigger's condition.
#[derive(Debug, Clone)]
pub enum Lowered {
    /// Exactly these cubes (none: it never holds).
    Exact(Dnf),
    /// In a cycle of references, or with a part that did not resolve (both
    /// reported as errors): not known.
    Unknown,
    /// Too many cubes to write out (see `dnf::MAX_CUBES`).
    TooLarge,
}

const _: () = assert!(std::mem::size_of::<Lowered>() == 24);

#[derive(Debug, Clone)]
pub struct Conditions {
    /// By fact.
    pub domains: Vec<Domain>,
    /// By trigger.
    pub triggers: Vec<Lowered>,
}

impl Conditions {
    pub fn of(model: &Model, graphs: &Graphs) -> Conditions {
        let domains = convert::open_domains(model);
        let Built {
            net,
            roots,
            order,
            in_cycle,
        } = build(model, graphs, domains.clone(), convert::POS);
        // A condition is unknown when it, or a trigger it names, has a part
        // that did not resolve; named triggers come first in `order`.
        let mut unknown = in_cycle;
        for &t in &order {
            let i = t.index();
            unknown[i] = model.condition(t).nodes().any(|n| match n {
                Cond::Unknown(_) => true,
                Cond::Trigger { trigger, .. } => unknown[trigger.index()],
                _ => false,
            });
        }
        let positive: Vec<_> = roots.iter().map(|r| r[0]).collect();
        let dnfs = dnf::lower(&net.graph, &positive);
        let triggers = dnfs
            .into_iter()
            .zip(unknown)
            .map(|(d, unknown)| match (unknown, d) {
                (true, _) => Lowered::Unknown,
                (false, Some(d)) => Lowered::Exact(d),
                (false, None) => Lowered::TooLarge,
            })
            .collect();
        Conditions { domains, triggers }
    }

    /// The cubes of a trigger's condition, when known exactly.
    pub fn dnf(&self, trigger: TriggerId) -> Option<&[Cube]> {
        match self.triggers.get(trigger.index()) {
            Some(Lowered::Exact(d)) => Some(d),
            _ => None,
        }
    }
}
