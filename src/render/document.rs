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
        let implications = all.implications();
        let shown = order::by_severity(model);
        let groups: Vec<usize> = shown.iter().map(|t| implications.group_of(*t)).collect();
        let (bases, listed) = if all.total() <= exact_limit(model) {
            searched(&all, &shown, &groups)
        } else {
            extended(&all, &groups)
        };
        let reference = |t: TriggerId| TriggerRef {
            name: model.name(&model.trigger(t).named).to_string(),
            label: clean(&model.label(&model.trigger(t).named)),
        };
        let triggers: Vec<TriggerSection> = shown
            .iter()
            .zip(&groups)
            .zip(&bases)
            .zip(listed)
            .map(|(((t, &group), base), listed)| {
                let trigger = model.trigger(*t);
                let also = implications.first(*t, ALSO_NAMED);
                TriggerSection {
                    name: model.name(&trigger.named).to_string(),
                    label: clean(&model.label(&trigger.named)),
                    level: trigger.level.map(|l| {
                        let level = &model.levels[l.id.index()];
                        Level {
                            name: model.name(&level.named).to_string(),
                            label: clean(&model.label(&level.named)),
                            until: level.until.as_ref().map(|u| clean(&u.value)),
                        }
                    }),
                    condition: clean(&condition::words(
                        model,
                        &model.conditions.get(trigger.condition),
                        lang,
                    )),
                    also_more: implications.count(*t) - also.len(),
                    also: also.into_iter().map(reference).collect(),
                    sets_off: implications.direct(*t).into_iter().map(reference).collect(),
                    builds_on: base.map(|b| reference(shown[b])),
                    steps: listed.iter().map(|s| step_item(model, s)).collect(),
                    whole: if base.is_some() && all.len(group) <= PRINT_WHOLE_MAX {
                        let whole = all.response(group).steps;
                        whole.iter().map(|s| step_item(model, s)).collect()
                    } else {
                        Vec::new()
                    },
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
            .map(|r| super::card::build(model, r, commander == Some(r), &triggers, &groups))
            .collect();
        let routines = model
            .routines
            .iter()
            .map(|r| RoutineItem {
                name: model.name(&r.named).to_string(),
                label: clean(&model.label(&r.named)),
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
                name: model.name(&e.named).to_string(),
                label: clean(&model.label(&e.named)),
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

    /// The whole checklist of `section`: the steps it lists and those of
    /// the checklists it builds on, in the order to do them (phase, due
    /// time, steps without a deadline last, source order).
    pub fn checklist<'d>(&'d self, section: &'d TriggerSection) -> Vec<&'d StepItem> {
        let mut steps: Vec<&StepItem> = Vec::new();
        let mut at = Some(section);
        // A base is shown before or is smaller: the chain ends.
        let mut hops = 0;
        while let Some(s) = at
            && hops <= self.triggers.len()
        {
            steps.extend(&s.steps);
            at = s
                .builds_on
                .as_ref()
                .and_then(|b| self.triggers.iter().find(|t| t.name == b.name));
            hops += 1;
        }
        steps.sort_by_key(|s| {
            let due = s.within.map(|d| d.seconds);
            (s.phase, due.is_none(), due, s.source)
        });
        steps
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
        source: scheduled.step.index(),
        phase: scheduled.phase + 1,
        name: model.name(&step.named).to_string(),
        label: clean(&model.label(&step.named)),
        owner: step.owner.map(|o| Party::role(model, o.id)),
        with: parties(model, step.with()),
        within: scheduled.due,
        anchor: view::anchor(model, scheduled),
        every: step.every().copied(),
        notify: parties(model, step.notify()),
        until: step.until().map(|u| clean(&u.value)),
        after: step
            .after
            .iter()
            .map(|a| clean(&model.label(&model.step(a.id).named)))
            .collect(),
        texts: strs(step.texts()),
    }
}

/// A checklist that builds on another is printed in full up to this many
/// steps (a page or two), with a note naming the other; a longer one lists
/// only what it adds (graded levels of thousands of triggers: the printed
/// plan stays linear). Role cards do the same (`card.rs`).
pub const PRINT_WHOLE_MAX: usize = 30;

/// Up to how many steps all checklists may hold together (a step counted
/// once per checklist it is in) for `searched`: each checklist is then
/// written out and compared with the others. Beyond it (graded levels of
/// thousands of triggers hold N²/2), `extended`, whose work follows what
/// is printed. Linear in the plan, and far above any plan written by hand.
fn exact_limit(model: &Model) -> usize {
    (16 * (model.steps.len() + model.triggers.len())).max(250_000)
}

/// What each checklist (in the order shown) builds on and the steps it
/// lists, searched among all checklists (`builds_on`).
fn searched(
    all: &Checklists,
    shown: &[TriggerId],
    groups: &[usize],
) -> (Vec<Option<usize>>, Vec<Vec<Scheduled>>) {
    let mut responses: HashMap<usize, Response> = HashMap::new();
    for &g in groups {
        responses.entry(g).or_insert_with(|| all.response(g));
    }
    let checklists: Vec<(TriggerId, &Response)> = shown
        .iter()
        .zip(groups)
        .map(|(t, g)| (*t, &responses[g]))
        .collect();
    let bases = builds_on(&checklists, groups);
    // The steps of the last base looked at (triggers that build on one
    // checklist are often shown together).
    let mut base_steps: Option<(usize, StepsOf)> = None;
    let listed = checklists
        .iter()
        .zip(groups)
        .zip(&bases)
        .map(|(((_, response), group), base)| {
            // One group's checklist: the base holds all of it.
            if base.is_some_and(|b| groups[b] == *group) {
                return Vec::new();
            }
            if let Some(b) = *base
                && base_steps.as_ref().is_none_or(|(last, _)| *last != b)
            {
                base_steps = Some((b, steps_of(checklists[b].1)));
            }
            let base_steps = base.and(base_steps.as_ref()).map(|(_, steps)| steps);
            response
                .steps
                .iter()
                .filter(|s| !base_steps.is_some_and(|b| holds(b, s)))
                .cloned()
                .collect()
        })
        .collect();
    (bases, listed)
}

/// What each checklist (in the order shown) builds on and the steps it
/// lists, as the schedule worked them out: each builds on the checklist it
/// extends (`Checklists::extends`, one it fires with) and lists what it
/// adds; no other is looked at. Triggers of one group build on the first
/// shown, as in `builds_on`.
fn extended(all: &Checklists, groups: &[usize]) -> (Vec<Option<usize>>, Vec<Vec<Scheduled>>) {
    let mut first_of: HashMap<usize, usize> = HashMap::new();
    for (i, &g) in groups.iter().enumerate() {
        first_of.entry(g).or_insert(i);
    }
    groups
        .iter()
        .enumerate()
        .map(|(i, &g)| {
            let first = first_of[&g];
            if first != i {
                return ((all.len(g) > 0).then_some(first), Vec::new());
            }
            let base = all
                .extends(g)
                .filter(|&h| all.len(h) > 0)
                .and_then(|h| first_of.get(&h).copied());
            let listed = match base {
                Some(_) => all.added(g).cloned().collect(),
                None => all.response(g).steps,
            };
            (base, listed)
        })
        .unzip()
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
/// Triggers of one group (`groups`: they fire exactly together) share their
/// checklist: each after the first shown builds on that one, with nothing
/// looked at. The first of each group tries the others' firsts that share
/// a step with it, largest first, so the first that fits is the answer.
fn builds_on(checklists: &[(TriggerId, &Response)], groups: &[usize]) -> Vec<Option<usize>> {
    let mut first_of: HashMap<usize, usize> = HashMap::new();
    let firsts: Vec<usize> = (0..checklists.len())
        .filter(|&i| *first_of.entry(groups[i]).or_insert(i) == i)
        .collect();
    // Each candidate is filed under its rarest step (in the fewest
    // checklists): one that fits holds that step, so a checklist looks only
    // at those filed under its own steps — a trigger set off by each of N
    // others is not tried by every one of them.
    let mut frequency: HashMap<StepId, usize> = HashMap::new();
    for &j in &firsts {
        for s in &checklists[j].1.steps {
            *frequency.entry(s.step).or_default() += 1;
        }
    }
    let mut filed: HashMap<StepId, Vec<usize>> = HashMap::new();
    for &j in &firsts {
        let rarest = checklists[j]
            .1
            .steps
            .iter()
            .map(|s| s.step)
            .min_by_key(|s| (frequency[s], *s));
        if let Some(step) = rarest {
            filed.entry(step).or_default().push(j);
        }
    }
    let size = |j: usize| checklists[j].1.steps.len();
    let mut base: Vec<Option<usize>> = vec![None; checklists.len()];
    for &i in &firsts {
        let mine = checklists[i].1;
        // Smaller ones, or equal ones shown earlier; largest first.
        let mut candidates: Vec<usize> = mine
            .steps
            .iter()
            .filter_map(|s| filed.get(&s.step))
            .flatten()
            .copied()
            .filter(|&j| j != i && (size(j) < size(i) || (size(j) == size(i) && j < i)))
            .collect();
        candidates.sort_by_key(|&j| (std::cmp::Reverse(size(j)), j));
        let mut steps: Option<StepsOf> = None;
        for j in candidates {
            let steps = steps.get_or_insert_with(|| steps_of(mine));
            if checklists[j].1.steps.iter().all(|s| holds(steps, s)) {
                base[i] = Some(j);
                break;
            }
        }
    }
    for i in 0..checklists.len() {
        let first = first_of[&groups[i]];
        if first != i && !checklists[i].1.steps.is_empty() {
            base[i] = Some(first);
        }
    }
    base
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
