//! `condition-changed`: a paired trigger whose condition now holds for other
//! fact values than before.
//!
//! Conditions are first compared by shape (`keys::condition_shape`, with a
//! trigger named in a condition standing for its own condition): a trigger
//! whose condition and named triggers all kept their shape did not change.

use std::collections::VecDeque;

use super::category::Category as C;
use super::keys::{self, Side};
use super::matching::Kind;
use super::regions::Both;
use super::{Change, Context, Item, Value};
use crate::logic::condition_span;
use crate::model::{Cond, TriggerId};
use crate::render::condition::words;

pub(super) fn compare(cx: &Context, changed: &[bool], out: &mut Vec<Change>) {
    let mut both = None;
    for (i, j) in cx.pairs(Kind::Trigger) {
        if !changed[j] {
            continue;
        }
        let both = both.get_or_insert_with(|| Both::new(cx));
        // No region: the same fact values set it off, however written.
        let regions = match both.regions(cx, i, j) {
            Some(regions) if regions.is_empty() => continue,
            Some(regions) => regions,
            None => Vec::new(),
        };
        let (a, b) = (&cx.old.triggers[i], &cx.new.triggers[j]);
        let mut change = Change::new(C::ConditionChanged, Item::of(cx.new, Kind::Trigger, j))
            .old(
                Value::text(&words(cx.old, &cx.old.conditions.get(a.condition), cx.lang)),
                condition_span(cx.old, TriggerId(i as u32)),
            )
            .new_value(
                Value::text(&words(cx.new, &cx.new.conditions.get(b.condition), cx.lang)),
                condition_span(cx.new, TriggerId(j as u32)),
            );
        change.regions = regions;
        out.push(change);
    }
}

/// Per new trigger: whether its condition, or that of a trigger it names
/// (directly or not), changed shape or reads a fact whose values changed.
/// Unpaired triggers count as changed.
pub(super) fn reshaped(cx: &Context) -> Vec<bool> {
    let n = cx.new.triggers.len();
    // A fact that takes other values: a condition on it may cover others.
    let revalued: Vec<bool> = (0..cx.new.facts.len())
        .map(|j| {
            cx.m.facts
                .old_of(j)
                .is_some_and(|i| !super::response::same_values(cx, i, j))
        })
        .collect();
    let reads_revalued = |j: usize| {
        cx.new
            .condition(TriggerId(j as u32))
            .nodes()
            .any(|node| match &node {
                Cond::Compare { fact, .. } | Cond::In { fact, .. } | Cond::Flag { fact, .. } => {
                    revalued[fact.index()]
                }
                _ => false,
            })
    };
    let mut changed: Vec<bool> = (0..n)
        .map(|j| match cx.m.triggers.old_of(j) {
            Some(i) => {
                reads_revalued(j)
                    || keys::condition_shape(cx.old, Side::Old, cx.m, i)
                        != keys::condition_shape(cx.new, Side::New, cx.m, j)
            }
            None => true,
        })
        .collect();
    // named_by[u]: the triggers whose condition names u (in the new plan; a
    // name only the old condition had already changed its shape).
    let mut named_by: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (j, t) in cx.new.triggers.iter().enumerate() {
        for node in cx.new.conditions.get(t.condition).nodes() {
            if let Cond::Trigger { trigger, .. } = node {
                named_by[trigger.index()].push(j);
            }
        }
    }
    let mut queue: VecDeque<usize> = (0..n).filter(|&j| changed[j]).collect();
    while let Some(u) = queue.pop_front() {
        for &j in &named_by[u] {
            if !std::mem::replace(&mut changed[j], true) {
                queue.push_back(j);
            }
        }
    }
    changed
}
