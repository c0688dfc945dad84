//! Role cards: what one role does under each trigger and on schedule.

use std::collections::HashMap;

use crate::model::{self, Model, Party as PartyId, RoleId};

use super::document::PRINT_WHOLE_MAX;
use super::view::{
    Escalation, Party, Relation, RoleCard, StepItem, Task, TriggerRef, TriggerSection,
    TriggerTasks, clean, parties, strs,
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
/// each trigger's checklist (`sections`, in the order shown; `groups`: each
/// one's group of triggers that fire together, which share a checklist).
///
/// Read off the sections as shown: where a checklist builds on another and
/// the role has tasks in that one, its entry says so and lists only the
/// tasks it adds (none: the trigger joins that entry). So the card holds
/// each task once per checklist that adds it, not once per trigger.
pub fn build(
    model: &Model,
    id: RoleId,
    commander: bool,
    sections: &[TriggerSection],
    groups: &[usize],
) -> RoleCard {
    let role = model.role(id);
    RoleCard {
        name: model.name(&role.named).to_string(),
        label: clean(&model.label(&role.named)),
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
                within: e.within().map(|d| d.seconds),
            })
            .collect(),
        commander,
        triggers: Entries::of(model.name(&role.named), sections, groups),
        routines: routines(model, id),
        texts: strs(&role.texts),
    }
}

/// The role's part in a step, if any, as a task.
fn task(role: &str, step: &StepItem) -> Option<Task> {
    let is_me = |p: &Party| !p.external && p.name == role;
    let owner = step.owner.as_ref().is_some_and(is_me);
    relation(
        owner,
        step.with.iter().any(is_me),
        step.notify.iter().any(is_me),
    )
    .map(|relation| Task {
        name: step.name.clone(),
        label: step.label.clone(),
        relation,
        within: step.within,
        anchor: step.anchor.clone(),
        every: step.every,
        owner: step.owner.clone().filter(|_| !owner),
        notify: if owner {
            step.notify.clone()
        } else {
            Vec::new()
        },
    })
}

/// What tells two entries' tasks apart: each step, the role's part and its due time.
type TaskKey = Vec<(usize, u8, Option<u64>)>;

/// The entries of one card as they are made: each section is taken after
/// the one it builds on.
struct Entries<'d> {
    role: &'d str,
    sections: &'d [TriggerSection],
    groups: &'d [usize],
    /// By group: the entry that holds all its tasks (`None`: it has none).
    entry_of: HashMap<usize, Option<usize>>,
    /// Entries by the entry they build on and their tasks.
    by_tasks: HashMap<(Option<usize>, TaskKey), usize>,
    entries: Vec<Entry>,
}

/// One entry being made: the sections in it, the entry it builds on, its
/// tasks with their place in a checklist's order.
type Entry = (Vec<usize>, Option<usize>, Vec<(Order, Task)>);

/// A step's place in a checklist: phase, no deadline after a deadline, due
/// time, source order.
type Order = (u32, bool, Option<u64>, usize);

impl<'d> Entries<'d> {
    fn of(role: &'d str, sections: &'d [TriggerSection], groups: &'d [usize]) -> Vec<TriggerTasks> {
        let at: HashMap<&str, usize> = sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.as_str(), i))
            .collect();
        let base = |i: usize| {
            sections[i]
                .builds_on
                .as_ref()
                .and_then(|b| at.get(b.name.as_str()).copied())
        };
        let mut made = Entries {
            role,
            sections,
            groups,
            entry_of: HashMap::new(),
            by_tasks: HashMap::new(),
            entries: Vec::new(),
        };
        let mut done = vec![false; sections.len()];
        // Marks the sections of `path` (a chain of N is walked once, not
        // searched N times).
        let mut on_path = vec![false; sections.len()];
        for i in 0..sections.len() {
            // The sections it builds on, nearest last; then from the farthest in.
            let mut path = vec![i];
            on_path[i] = true;
            while let Some(b) = base(*path.last().unwrap_or(&i)) {
                if done[b] || on_path[b] {
                    break;
                }
                path.push(b);
                on_path[b] = true;
            }
            for &j in &path {
                on_path[j] = false;
            }
            for &j in path.iter().rev() {
                if !std::mem::replace(&mut done[j], true) {
                    made.take(j, base(j));
                }
            }
        }
        made.finish()
    }

    fn take(&mut self, i: usize, base: Option<usize>) {
        let group = self.groups[i];
        if let Some(entry) = self.entry_of.get(&group).copied() {
            if let Some(e) = entry {
                self.entries[e].0.push(i);
            }
            return;
        }
        let base_entry = base.and_then(|b| self.entry_of.get(&self.groups[b]).copied().flatten());
        let (key, tasks): (TaskKey, Vec<(Order, Task)>) = self.sections[i]
            .steps
            .iter()
            .filter_map(|s| {
                let t = task(self.role, s)?;
                let due = t.within.map(|d| d.seconds);
                let order = (s.phase, due.is_none(), due, s.source);
                Some(((s.source, t.relation as u8, due), (order, t)))
            })
            .unzip();
        if tasks.is_empty() {
            if let Some(b) = base_entry {
                self.entries[b].0.push(i);
            }
            self.entry_of.insert(group, base_entry);
            return;
        }
        let entry = *self.by_tasks.entry((base_entry, key)).or_insert_with(|| {
            self.entries.push((Vec::new(), base_entry, tasks));
            self.entries.len() - 1
        });
        self.entries[entry].0.push(i);
        self.entry_of.insert(group, Some(entry));
    }

    /// The entries in the order their first trigger is shown. An entry
    /// lists all its tasks, those of the entry it builds on too, when they
    /// are `PRINT_WHOLE_MAX` at most (as a short checklist is printed in
    /// full), or when that entry holds one task and builds on nothing; else
    /// it refers to that entry. Entries are made after the one they build
    /// on, so that one is already whole when it is short.
    fn finish(mut self) -> Vec<TriggerTasks> {
        for e in &mut self.entries {
            e.0.sort_unstable();
        }
        for e in 0..self.entries.len() {
            if let Some(b) = self.entries[e].1
                && self.entries[b].1.is_none()
                && (self.entries[b].2.len() == 1
                    || self.entries[b].2.len() + self.entries[e].2.len() <= PRINT_WHOLE_MAX)
            {
                let base = self.entries[b].2.clone();
                let tasks = &mut self.entries[e].2;
                tasks.extend(base);
                tasks.sort_by_key(|(order, _)| *order);
                self.entries[e].1 = None;
            }
        }
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        order.sort_by_key(|&e| self.entries[e].0.first().copied());
        let reference = |i: usize| TriggerRef {
            name: self.sections[i].name.clone(),
            label: self.sections[i].label.clone(),
        };
        let first = |e: usize| self.entries[e].0.first().map(|&i| reference(i));
        order
            .iter()
            .map(|&e| TriggerTasks {
                triggers: self.entries[e].0.iter().map(|&i| reference(i)).collect(),
                builds_on: self.entries[e].1.and_then(first),
                tasks: self.entries[e].2.iter().map(|(_, t)| t.clone()).collect(),
            })
            .collect()
    }
}

fn routines(model: &Model, id: RoleId) -> Vec<Task> {
    let names = |refs: &[model::Ref<PartyId>]| refs.iter().any(|r| r.id == PartyId::Role(id));
    model
        .routines
        .iter()
        .filter_map(|r| {
            let owner = r.owner.is_some_and(|o| o.id == id);
            relation(owner, names(&r.with), false).map(|relation| Task {
                name: model.name(&r.named).to_string(),
                label: clean(&model.label(&r.named)),
                relation,
                within: None,
                anchor: None,
                every: None,
                owner: r.owner.filter(|_| !owner).map(|o| Party::role(model, o.id)),
                notify: Vec::new(),
            })
        })
        .collect()
}
