//! `deadline-tightened` and `deadline-loosened`: a paired step whose latest
//! due time under a paired trigger changed, as the response schedule
//! (`logic::schedule`) works it out for each trigger's checklist. A step that
//! runs under a trigger on one side only changed how it starts
//! (`start-changed`), not its deadline, and is not compared here.

use std::collections::HashMap;

use super::category::Category as C;
use super::matching::Kind;
use super::{Change, Context, Item, Value};
use crate::logic::schedule::{Checklists, Due, Schedule};
use crate::model::{Model, StepId, TriggerId};
use crate::span::Span;

pub(super) fn compare(cx: &Context, out: &mut Vec<Change>) {
    if cx.m.steps.old_to_new.iter().all(Option::is_none) {
        return;
    }
    let checklists =
        |model: &Model, graphs| Checklists::build(model, graphs, &Schedule::build(model));
    let (old, new) = (
        checklists(cx.old, cx.old_graphs),
        checklists(cx.new, cx.new_graphs),
    );
    // (new step, old due, new due) → the new triggers under which it changed so.
    let mut changed: HashMap<(usize, Option<Due>, Option<Due>), Vec<usize>> = HashMap::new();
    for (i, j) in cx.pairs(Kind::Trigger) {
        let before: HashMap<StepId, Option<Due>> = old
            .of(TriggerId(i as u32))
            .steps
            .iter()
            .map(|s| (s.step, s.due))
            .collect();
        for now in &new.of(TriggerId(j as u32)).steps {
            let Some(was) =
                cx.m.steps
                    .old_of(now.step.index())
                    .and_then(|s| before.get(&StepId(s as u32)))
            else {
                continue;
            };
            if *was != now.due {
                changed
                    .entry((now.step.index(), *was, now.due))
                    .or_default()
                    .push(j);
            }
        }
    }
    let mut groups: Vec<_> = changed.into_iter().collect();
    groups.sort_by_key(|((step, ..), triggers)| (*step, triggers.first().copied()));
    for ((j, was, now), mut triggers) in groups {
        triggers.sort_unstable();
        // A deadline added tightens; one removed loosens.
        let category = match (was, now) {
            (Some(a), Some(b)) if b < a => C::DeadlineTightened,
            (None, Some(_)) => C::DeadlineTightened,
            _ => C::DeadlineLoosened,
        };
        let Some(i) = cx.m.steps.old_of(j) else {
            continue;
        };
        let mut change = Change::new(category, Item::of(cx.new, Kind::Step, j))
            .old(Value::duration(was.map(|d| d.seconds)), span(cx.old, i))
            .new_value(Value::duration(now.map(|d| d.seconds)), span(cx.new, j));
        change.triggers = triggers
            .into_iter()
            .map(|t| Item::of(cx.new, Kind::Trigger, t))
            .collect();
        out.push(change);
    }
}

/// Where a step's deadlines are written: its first `within`, else its name.
fn span(model: &Model, step: usize) -> Span {
    let s = &model.steps[step];
    s.deadlines
        .first()
        .map_or(s.named.name_span, |d| d.within.span)
}
