//! The checklist of each trigger: the response to the trigger and every
//! trigger that fires whenever it does. What render's checklists and role
//! cards, the JSON and `planc diff` read.
//!
//! Triggers that fire exactly together (a group of `Implications`) have one
//! checklist, worked out once: a chain `tᵢ when tᵢ₋₁` of N triggers is one
//! response of N steps, not N of them.

use crate::graph::Graphs;
use crate::logic::Conditions;
use crate::logic::implications::Implications;
use crate::model::{Model, TriggerId};

use super::{Response, Schedule};

#[derive(Debug, Clone, PartialEq)]
pub struct Checklists {
    implications: Implications,
    /// By group of `implications`.
    responses: Vec<Response>,
}

impl Checklists {
    pub fn build(model: &Model, graphs: &Graphs, schedule: &Schedule) -> Checklists {
        let implications = Implications::build(model, &Conditions::of(model, graphs));
        let mut responder = schedule.responder(model);
        let responses = (0..implications.groups())
            .map(|g| {
                let members = implications.members(g);
                let mut fired = members.to_vec();
                if let Some(&first) = members.first() {
                    fired.extend(implications.of(first));
                }
                responder.respond_among(model, &fired, None)
            })
            .collect();
        Checklists {
            implications,
            responses,
        }
    }

    /// The checklist of `trigger`: its steps in the order to act on them,
    /// each with its phase and latest due time.
    pub fn of(&self, trigger: TriggerId) -> &Response {
        &self.responses[self.implications.group_of(trigger)]
    }

    /// Which triggers fire whenever `trigger` does, and which fire together.
    pub fn implications(&self) -> &Implications {
        &self.implications
    }
}
