//! Role cards: what one role does under each trigger and on schedule.

use std::collections::HashMap;

use crate::logic::schedule::Response;
use crate::model::{self, Model, Party as PartyId, RoleId};

use super::view::{
    Escalation, Party, Relation, RoleCard, Task, TriggerRef, TriggerTasks, anchor, clean, parties,
    strs,
};

fn relation(owner: bool, with: bool, notified: bool) -> Option<Relation> {
    if owner {
        Some(Relation::Owns)
    } else if with {
        Some(Relation::Joins)
    } else if notified {
        Some(Relation::Notified)
    } else {
        None
    }
}

/// The card of role `id`: its people, duties, escalations and its part in
/// each trigger's checklist (`checklists`: trigger and its response;
/// `groups`: each one's group, whose triggers share one response).
pub fn build(
    model: &Model,
    id: RoleId,
    commander: bool,
    checklists: &[(model::TriggerId, &Response)],
    groups: &[usize],
) -> RoleCard {
    let role = model.role(id);
    let me = PartyId::Role(id);
    let names = |refs: &[model::Ref<PartyId>]| refs.iter().any(|r| r.id == me);
    let mut triggers: Vec<TriggerTasks> = Vec::new();
    // By group: where its tasks are listed (`None`: it has none).
    let mut listed: HashMap<usize, Option<usize>> = HashMap::new();
    for ((t, steps), group) in checklists.iter().zip(groups) {
        let trigger = TriggerRef {
            name: model.trigger(*t).named.name.to_string(),
            label: clean(&model.trigger(*t).named.label.value),
        };
        if let Some(at) = listed.get(group) {
            if let Some(at) = at {
                triggers[*at].triggers.push(trigger);
            }
            continue;
        }
        let tasks: Vec<Task> = steps
            .steps
            .iter()
            .filter_map(|s| {
                let due = s.due;
                let step = model.step(s.step);
                let owner = step.owner.is_some_and(|o| o.id == id);
                relation(owner, names(&step.with), names(&step.notify)).map(|relation| Task {
                    name: step.named.name.to_string(),
                    label: clean(&step.named.label.value),
                    relation,
                    within: due,
                    anchor: anchor(model, s),
                    every: step.every,
                    owner: step
                        .owner
                        .filter(|_| !owner)
                        .map(|o| Party::role(model, o.id)),
                    notify: if owner {
                        parties(model, &step.notify)
                    } else {
                        Vec::new()
                    },
                })
            })
            .collect();
        if tasks.is_empty() {
            listed.insert(*group, None);
            continue;
        }
        match triggers.iter().position(|g| g.tasks == tasks) {
            Some(at) => {
                triggers[at].triggers.push(trigger);
                listed.insert(*group, Some(at));
            }
            None => {
                listed.insert(*group, Some(triggers.len()));
                triggers.push(TriggerTasks {
                    triggers: vec![trigger],
                    tasks,
                });
            }
        }
    }
    let routines = model
        .routines
        .iter()
        .filter_map(|r| {
            let owner = r.owner.is_some_and(|o| o.id == id);
            relation(owner, names(&r.with), false).map(|relation| Task {
                name: r.named.name.to_string(),
                label: clean(&r.named.label.value),
                relation,
                within: None,
                anchor: None,
                every: None,
                owner: r.owner.filter(|_| !owner).map(|o| Party::role(model, o.id)),
                notify: Vec::new(),
            })
        })
        .collect();
    RoleCard {
        name: role.named.name.to_string(),
        label: clean(&role.named.label.value),
        holder: role.holder.as_ref().map(|h| clean(&h.value)),
        phones: strs(&role.phones),
        deputy: role.deputy.map(|d| Party::of(model, PartyId::Role(d.id))),
        duties: strs(&role.duties),
        members: parties(model, &role.members),
        escalations: role
            .escalations
            .iter()
            .map(|e| Escalation {
                to: Party::of(model, e.target.id),
                within: e.within.map(|d| d.seconds),
            })
            .collect(),
        commander,
        triggers,
        routines,
        texts: strs(&role.texts),
    }
}
