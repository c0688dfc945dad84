//! The checklist of each trigger: the response to the trigger and every
//! trigger that fires whenever it does. What render's checklists and role
//! cards, the JSON and `planc diff` read.

use crate::graph::Graphs;
use crate::logic::Conditions;
use crate::logic::implies::Implications;
use crate::model::{Model, TriggerId};

use super::{Response, Schedule};

#[derive(Debug, Clone, PartialEq)]
pub struct Checklists {
    implications: Implications,
    /// By trigger id.
    responses: Vec<Response>,
}

impl Checklists {
    pub fn build(model: &Model, graphs: &Graphs, schedule: &Schedule) -> Checklists {
        let implications = Implications::build(model, &Conditions::of(model, graphs));
        let responses = model
            .trigger_ids()
            .map(|t| {
                let mut fired = vec![t];
                fired.extend_from_slice(implications.of(t));
                schedule.respond(model, &fired)
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
        &self.responses[trigger.index()]
    }

    /// The triggers that fire whenever `trigger` does, in source order.
    pub fn implied(&self, trigger: TriggerId) -> &[TriggerId] {
        self.implications.of(trigger)
    }
}
