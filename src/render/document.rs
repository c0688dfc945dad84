//! The document view: what a rendered plan says, in the order it says it,
//! built once from the model and shared by the Markdown and HTML renderers.

use crate::graph::Graphs;
use std::collections::HashMap;

use crate::logic::schedule::{Checklists, Due, Response, Schedule, Scheduled};
use crate::model::{Model, StepId, TriggerId};
use crate::syntax::ast::{self, Item};

use super::condition;
use super::order;
use super::view;
use super::words::Lang;

pub use super::view::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The language of the fixed words (`--lang`, else the plan's).
    pub lang: Lang,
    /// The language the plan's own words are written in (`Lang::detect`).
    pub text_lang: Lang,
    pub header: Header,
    /// Most severe level first.
    pub triggers: Vec<TriggerSection>,
    /// In source order.
    pub roles: Vec<RoleCard>,
    pub routines: Vec<RoutineItem>,
    pub externals: Vec<ExternalItem>,
    pub outline: Vec<OutlineEntry>,
}

impl Document {
    pub fn build(file: &ast::File, model: &Model, graphs: &Graphs, lang: Lang) -> Document {
        let header = model.header.as_ref().map(|h| Header {
            title: h
                .title
                .as_ref()
                .map(|t| clean(&t.value))
                .unwrap_or_default(),
            issuer: h.issuer.as_ref().map(|s| clean(&s.value)),
            date: h.date.map(view::date),
            basis: strs(&h.basis),
            scope: h.scope.as_ref().map(|s| clean(&s.value)),
            version: h.version.as_ref().map(|s| clean(&s.value)),
            commander: h.commander.map(|c| Party::role(model, c.id)),
            texts: strs(&h.texts),
            kind: h.kind.map(|(k, _)| k.title().to_string()),
            approver: h.approver.as_ref().map(|s| clean(&s.value)),
            effective: h.effective.map(view::date),
            reviewed: h.reviewed.map(view::date),
            distribution: h.distribution.as_ref().map(|s| clean(&s.value)),
            revisions: h
                .revisions
                .iter()
                .map(|r| (view::date(r.date), clean(&r.note.value)))
                .collect(),
        });
        let schedule = Schedule::build(model);
        let all = Checklists::build(model, graphs, &schedule);
        let checklists: Vec<_> = order::by_severity(model)
            .into_iter()
            .map(|t| (t, all.of(t)))
            .collect();
        let steps_by_checklist: Vec<StepsOf> =
            checklists.iter().map(|(_, r)| steps_of(r)).collect();
        let bases = builds_on(&checklists, &steps_by_checklist);
        let triggers = checklists
            .iter()
            .zip(&bases)
            .map(|((t, steps), base)| {
                let trigger = model.trigger(*t);
                let base_steps = base.map(|b| &steps_by_checklist[b]);
                TriggerSection {
                    name: trigger.named.name.to_string(),
                    label: clean(&trigger.named.label.value),
                    level: trigger.level.map(|l| {
                        let level = &model.levels[l.id.index()];
                        Level {
                            name: level.named.name.to_string(),
                            label: clean(&level.named.label.value),
                            until: level.until.as_ref().map(|u| clean(&u.value)),
                        }
                    }),
                    condition: clean(&condition::words(model, &trigger.condition, lang)),
                    also: all
                        .implied(*t)
                        .iter()
                        .map(|u| TriggerRef {
                            name: model.trigger(*u).named.name.to_string(),
                            label: clean(&model.trigger(*u).named.label.value),
                        })
                        .collect(),
                    builds_on: base.map(|b| TriggerRef {
                        name: model.trigger(checklists[b].0).named.name.to_string(),
                        label: clean(&model.trigger(checklists[b].0).named.label.value),
                    }),
                    steps: steps
                        .steps
                        .iter()
                        .map(|s| {
                            let mut item = step_item(model, s);
                            item.in_base = base_steps.is_some_and(|b| holds(b, s));
                            item
                        })
                        .collect(),
                }
            })
            .collect();
        let commander = model
            .header
            .as_ref()
            .and_then(|h| h.commander)
            .map(|c| c.id);
        let roles = model
            .role_ids()
            .map(|r| super::card::build(model, r, commander == Some(r), &checklists))
            .collect();
        let routines = model
            .routines
            .iter()
            .map(|r| RoutineItem {
                name: r.named.name.to_string(),
                label: clean(&r.named.label.value),
                drill: r.drill,
                owner: r.owner.map(|o| Party::role(model, o.id)),
                with: parties(model, &r.with),
                every: r.every.map(|d| d.seconds),
                texts: strs(&r.texts),
            })
            .collect();
        let externals = model
            .externals
            .iter()
            .map(|e| ExternalItem {
                name: e.named.name.to_string(),
                label: clean(&e.named.label.value),
                holder: e.holder.as_ref().map(|h| clean(&h.value)),
                phones: strs(&e.phones),
                texts: strs(&e.texts),
            })
            .collect();
        Document {
            lang,
            text_lang: Lang::detect(model),
            header: header.unwrap_or_default(),
            triggers,
            roles,
            routines,
            externals,
            outline: outline(file),
        }
    }

    /// The card of the role `name` names: by its name, else its label,
    /// else its holder (the first such role).
    pub fn role(&self, name: &str) -> Option<&RoleCard> {
        let name = name.trim();
        self.roles
            .iter()
            .find(|r| r.name == name)
            .or_else(|| self.roles.iter().find(|r| r.label.trim() == name))
            .or_else(|| {
                self.roles
                    .iter()
                    .find(|r| r.holder.as_deref().is_some_and(|h| h.trim() == name))
            })
    }
}

fn step_item(model: &Model, scheduled: &Scheduled) -> StepItem {
    let step = model.step(scheduled.step);
    StepItem {
        phase: scheduled.phase + 1,
        name: step.named.name.to_string(),
        label: clean(&step.named.label.value),
        owner: step.owner.map(|o| Party::role(model, o.id)),
        with: parties(model, &step.with),
        within: scheduled.due,
        anchor: view::anchor(model, scheduled),
        every: step.every,
        notify: parties(model, &step.notify),
        until: step.until.as_ref().map(|u| clean(&u.value)),
        after: step
            .after
            .iter()
            .map(|a| clean(&model.step(a.id).named.label.value))
            .collect(),
        texts: strs(&step.texts),
        in_base: false,
    }
}

/// The steps of a checklist, each with its phase and latest due time: to
/// ask in O(1) whether another checklist's step is in it the same way.
type StepsOf = HashMap<StepId, (u32, Option<Due>)>;

fn steps_of(response: &Response) -> StepsOf {
    response
        .steps
        .iter()
        .map(|s| (s.step, (s.phase, s.due)))
        .collect()
}

/// Whether the checklist of `steps` runs the step of `s` in the same phase by the same time.
fn holds(steps: &StepsOf, s: &Scheduled) -> bool {
    steps.get(&s.step) == Some(&(s.phase, s.due))
}

/// For each checklist (in the order shown), the one it builds on: the
/// largest other checklist whose every step, with the same phase and due
/// time, it also holds — a strictly smaller one, or an equal one shown
/// earlier (so no two checklists build on each other). Ties: shown first.
///
/// The candidates are tried largest first, so the first that fits is the
/// answer: a chain of triggers that each set off the next asks one question
/// per checklist, not one per pair of them (which was quartic in the chain).
fn builds_on(checklists: &[(TriggerId, &Response)], steps: &[StepsOf]) -> Vec<Option<usize>> {
    let mut by_size: Vec<usize> = (0..checklists.len())
        .filter(|&j| !checklists[j].1.steps.is_empty())
        .collect();
    by_size.sort_by_key(|&j| (std::cmp::Reverse(checklists[j].1.steps.len()), j));
    checklists
        .iter()
        .enumerate()
        .map(|(i, (_, mine))| {
            let size = mine.steps.len();
            // The first candidate no larger than `mine` (equal ones only if shown earlier).
            let from = by_size.partition_point(|&j| checklists[j].1.steps.len() > size);
            by_size[from..].iter().copied().find(|&j| {
                let n = checklists[j].1.steps.len();
                j != i
                    && (n < size || j < i)
                    && n <= steps[i].len()
                    && checklists[j].1.steps.iter().all(|s| holds(&steps[i], s))
            })
        })
        .collect()
}

/// Section titles and text paragraphs in source order (iterative: sections nest).
fn outline(file: &ast::File) -> Vec<OutlineEntry> {
    let mut out = Vec::new();
    let mut stack = vec![file.items.iter()];
    loop {
        let depth = stack.len().saturating_sub(1);
        let Some(top) = stack.last_mut() else {
            break;
        };
        match top.next() {
            Some(Item::Section(section)) => {
                out.push(OutlineEntry::Section {
                    depth,
                    title: clean(&section.title.value),
                });
                stack.push(section.items.iter());
            }
            Some(Item::Text(text)) => out.push(OutlineEntry::Text {
                depth,
                text: clean(&text.value),
            }),
            Some(_) => {}
            None => {
                stack.pop();
            }
        }
    }
    out
}
