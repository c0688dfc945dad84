//! When and what: facts, levels, triggers, steps, routines and drills.

use super::category::Category as C;
use super::matching::{Kind, named};
use super::organisation::{added_and_removed, cover, same_texts};
use super::{Change, Context, Item, Value};
use crate::model::{FactType, Model, Ref, StepId, TriggerId};
use crate::span::Span;
use crate::syntax::ast::Str;

pub(super) fn compare(cx: &Context, out: &mut Vec<Change>) {
    for kind in [Kind::Fact, Kind::Level, Kind::Trigger, Kind::Step] {
        for (i, j) in cx.pairs(kind) {
            renamed(cx, kind, i, j, out);
        }
    }
    for (i, j) in cx.pairs(Kind::Fact) {
        fact(cx, i, j, out);
    }
    for (i, j) in cx.pairs(Kind::Level) {
        let (a, b) = (&cx.old.levels[i], &cx.new.levels[j]);
        let item = Item::of(cx.new, Kind::Level, j);
        let (an, bn) = (a.named.name_span, b.named.name_span);
        let (x, y) = (a.until.as_ref(), b.until.as_ref());
        if x.map(|u| &u.value) != y.map(|u| &u.value) {
            out.push(
                Change::new(C::TextChanged, item.clone())
                    .aspect("until")
                    .old(
                        Value::optional_text(x.map(|u| u.value.as_ref())),
                        x.map_or(an, |u| u.span),
                    )
                    .new_value(
                        Value::optional_text(y.map(|u| u.value.as_ref())),
                        y.map_or(bn, |u| u.span),
                    ),
            );
        }
        texts(&item, &a.texts, &b.texts, an, bn, out);
    }
    added_and_removed(cx, Kind::Trigger, C::TriggerAdded, C::TriggerRemoved, out);
    for (i, j) in cx.pairs(Kind::Trigger) {
        trigger(cx, i, j, out);
    }
    added_and_removed(cx, Kind::Step, C::StepAdded, C::StepRemoved, out);
    for (i, j) in cx.pairs(Kind::Step) {
        step(cx, i, j, out);
    }
    routines(cx, out);
}

/// A fact, level, trigger or step whose name or label changed.
fn renamed(cx: &Context, kind: Kind, i: usize, j: usize, out: &mut Vec<Change>) {
    let (a, b) = (named(cx.old, kind, i), named(cx.new, kind, j));
    let item = Item::of(cx.new, kind, j);
    let (a_name, b_name) = (cx.old.name(a), cx.new.name(b));
    if a_name != b_name {
        out.push(
            Change::new(C::TextChanged, item.clone())
                .aspect("name")
                .old(Value::text(a_name), a.name_span)
                .new_value(Value::text(b_name), b.name_span),
        );
    }
    let (a_label, b_label) = (cx.old.label(a), cx.new.label(b));
    if a_label != b_label {
        out.push(
            Change::new(C::TextChanged, item)
                .aspect("label")
                .old(Value::text(&a_label), a.label_span)
                .new_value(Value::text(&b_label), b.label_span),
        );
    }
}

/// Whether old fact `i` and new fact `j` take the same values: the same type,
/// and for a `one_of` fact the same variants (paired, with the same names and
/// labels).
pub(super) fn same_values(cx: &Context, i: usize, j: usize) -> bool {
    let (a, b) = (&cx.old.facts[i], &cx.new.facts[j]);
    match (&a.ty, &b.ty) {
        (FactType::OneOf(x), FactType::OneOf(y)) => {
            let pairing = &cx.m.variants[i];
            x.len() == y.len()
                && x.iter().enumerate().all(|(k, v)| {
                    pairing
                        .new_of(k)
                        .is_some_and(|l| y[l].name == v.name && y[l].label.value == v.label.value)
                })
        }
        (x, y) => std::mem::discriminant(x) == std::mem::discriminant(y),
    }
}

/// A fact's type or variants changed (what the triggers can be written over).
fn fact(cx: &Context, i: usize, j: usize, out: &mut Vec<Change>) {
    let (a, b) = (&cx.old.facts[i], &cx.new.facts[j]);
    let describe = |ty: &FactType| match ty {
        FactType::Count => Value::text("count"),
        FactType::Number { .. } => Value::text("number"),
        FactType::Flag => Value::text("flag"),
        FactType::OneOf(variants) => {
            Value::Texts(variants.iter().map(|v| v.label.value.to_string()).collect())
        }
    };
    let same = same_values(cx, i, j);
    if !same {
        let aspect = match (&a.ty, &b.ty) {
            (FactType::OneOf(_), FactType::OneOf(_)) => "variants",
            _ => "type",
        };
        out.push(
            Change::new(C::FactChanged, Item::of(cx.new, Kind::Fact, j))
                .aspect(aspect)
                .old(describe(&a.ty), a.named.span)
                .new_value(describe(&b.ty), b.named.span),
        );
    }
}

fn trigger(cx: &Context, i: usize, j: usize, out: &mut Vec<Change>) {
    let (a, b) = (&cx.old.triggers[i], &cx.new.triggers[j]);
    let item = Item::of(cx.new, Kind::Trigger, j);
    let old_level = a.level.map(|l| l.id.0 as usize);
    let new_level = b.level.map(|l| l.id.0 as usize);
    let same_level = match (old_level, new_level) {
        (None, None) => true,
        (Some(x), Some(y)) => cx.m.levels.new_of(x) == Some(y),
        _ => false,
    };
    if !same_level {
        let level = |model: &Model, l: Option<usize>| {
            Value::optional_item(l.map(|l| Item::of(model, Kind::Level, l)))
        };
        out.push(
            Change::new(C::LevelChanged, item)
                .old(
                    level(cx.old, old_level),
                    a.level.map_or(a.named.name_span, |l| l.span),
                )
                .new_value(
                    level(cx.new, new_level),
                    b.level.map_or(b.named.name_span, |l| l.span),
                ),
        );
    }
}

fn step(cx: &Context, i: usize, j: usize, out: &mut Vec<Change>) {
    let (a, b) = (&cx.old.steps[i], &cx.new.steps[j]);
    let item = Item::of(cx.new, Kind::Step, j);
    let (x, y) = (a.owner.map(|o| o.id), b.owner.map(|o| o.id));
    if !cx.same_role(x, y) {
        let owner = |model: &Model, o: Option<crate::model::RoleId>| {
            Value::optional_item(o.map(|o| Item::of(model, Kind::Role, o.index())))
        };
        out.push(
            Change::new(C::OwnerChanged, item.clone())
                .old(
                    owner(cx.old, x),
                    a.owner.map_or(a.named.name_span, |o| o.span),
                )
                .new_value(
                    owner(cx.new, y),
                    b.owner.map_or(b.named.name_span, |o| o.span),
                ),
        );
    }
    let (a_on, b_on) = (cx.old.on_refs(a), cx.new.on_refs(b));
    let same_on = same_refs(
        &a_on,
        &b_on,
        |t: TriggerId| cx.m.triggers.new_of(t.index()),
        |t| t.index(),
    );
    let same_after = same_refs(
        &a.after,
        &b.after,
        |s: StepId| cx.m.steps.new_of(s.index()),
        |s| s.index(),
    );
    if !same_on || !same_after {
        let start = |model: &Model, s: &crate::model::Step| Value::Start {
            on: model
                .on(s)
                .map(|t| Item::of(model, Kind::Trigger, t.id.index()))
                .collect(),
            after: s
                .after
                .iter()
                .map(|p| Item::of(model, Kind::Step, p.id.index()))
                .collect(),
        };
        let span = |s: &crate::model::Step, s_on: &[Ref<TriggerId>]| {
            let on = cover(s_on, s.named.name_span);
            if s.after.is_empty() {
                on
            } else if s_on.is_empty() {
                cover(&s.after, s.named.name_span)
            } else {
                on.cover(cover(&s.after, s.named.name_span))
            }
        };
        out.push(
            Change::new(C::StartChanged, item.clone())
                .old(start(cx.old, a), span(a, &a_on))
                .new_value(start(cx.new, b), span(b, &b_on)),
        );
    }
    for (category, x, y) in [
        (C::ParticipantsChanged, a.with(), b.with()),
        (C::NotifyChanged, a.notify(), b.notify()),
    ] {
        if !cx.same_parties(x, y) {
            out.push(
                Change::new(category, item.clone())
                    .old(cx.parties_value(cx.old, x), cover(x, a.named.name_span))
                    .new_value(cx.parties_value(cx.new, y), cover(y, b.named.name_span)),
            );
        }
    }
    let (x, y) = (a.every().map(|d| d.seconds), b.every().map(|d| d.seconds));
    if x != y {
        out.push(
            Change::new(C::RepeatChanged, item.clone())
                .old(
                    Value::duration(x),
                    a.every().map_or(a.named.name_span, |d| d.span),
                )
                .new_value(
                    Value::duration(y),
                    b.every().map_or(b.named.name_span, |d| d.span),
                ),
        );
    }
    let (x, y) = (a.until(), b.until());
    if x.map(|u| &u.value) != y.map(|u| &u.value) {
        out.push(
            Change::new(C::TextChanged, item.clone())
                .aspect("until")
                .old(
                    Value::optional_text(x.map(|u| u.value.as_ref())),
                    x.map_or(a.named.name_span, |u| u.span),
                )
                .new_value(
                    Value::optional_text(y.map(|u| u.value.as_ref())),
                    y.map_or(b.named.name_span, |u| u.span),
                ),
        );
    }
    texts(
        &item,
        a.texts(),
        b.texts(),
        a.named.name_span,
        b.named.name_span,
        out,
    );
}

/// Whether two reference lists name the same items, in any order; `pair`
/// gives an old item's partner, `index` a new item's index.
fn same_refs<T: Copy>(
    old: &[Ref<T>],
    new: &[Ref<T>],
    pair: impl Fn(T) -> Option<usize>,
    index: impl Fn(T) -> usize,
) -> bool {
    let mut a: Vec<Option<usize>> = old.iter().map(|r| pair(r.id)).collect();
    let mut b: Vec<Option<usize>> = new.iter().map(|r| Some(index(r.id))).collect();
    a.sort_unstable();
    a.dedup();
    b.sort_unstable();
    b.dedup();
    a == b
}

fn texts(item: &Item, a: &[Str], b: &[Str], old: Span, new: Span, out: &mut Vec<Change>) {
    if same_texts(a, b) {
        return;
    }
    let value = |v: &[Str]| Value::Texts(v.iter().map(|s| s.value.to_string()).collect());
    let span = |v: &[Str], fallback: Span| {
        v.iter()
            .map(|s| s.span)
            .reduce(Span::cover)
            .unwrap_or(fallback)
    };
    out.push(
        Change::new(C::TextChanged, item.clone())
            .aspect("text")
            .old(value(a), span(a, old))
            .new_value(value(b), span(b, new)),
    );
}

/// Routines and drills: one category each, the aspect says what changed.
fn routines(cx: &Context, out: &mut Vec<Change>) {
    let category = |drill: bool| {
        if drill {
            C::DrillChanged
        } else {
            C::RoutineChanged
        }
    };
    let pairing = &cx.m.routines;
    for (i, r) in cx.old.routines.iter().enumerate() {
        if pairing.new_of(i).is_none() {
            let item = Item::of(cx.old, Kind::Routine, i);
            out.push(
                Change::new(category(r.drill), item.clone())
                    .aspect("removed")
                    .old(Value::Item(item), r.named.name_span),
            );
        }
    }
    for (j, r) in cx.new.routines.iter().enumerate() {
        if pairing.old_of(j).is_none() {
            let item = Item::of(cx.new, Kind::Routine, j);
            out.push(
                Change::new(category(r.drill), item.clone())
                    .aspect("added")
                    .new_value(Value::Item(item), r.named.name_span),
            );
        }
    }
    for (i, j) in cx.pairs(Kind::Routine) {
        let (a, b) = (&cx.old.routines[i], &cx.new.routines[j]);
        let item = Item::of(cx.new, Kind::Routine, j);
        let change =
            |aspect| Change::new(category(a.drill || b.drill), item.clone()).aspect(aspect);
        let (an, bn) = (a.named.name_span, b.named.name_span);
        if a.drill != b.drill {
            let kind = |d: bool| Value::text(if d { "drill" } else { "routine" });
            out.push(
                change("kind")
                    .old(kind(a.drill), an)
                    .new_value(kind(b.drill), bn),
            );
        }
        if cx.old.name(&a.named) != cx.new.name(&b.named)
            || cx.old.label(&a.named) != cx.new.label(&b.named)
        {
            out.push(
                change("label")
                    .old(Value::Item(Item::of(cx.old, Kind::Routine, i)), an)
                    .new_value(Value::Item(item.clone()), bn),
            );
        }
        let (x, y) = (a.owner.map(|o| o.id), b.owner.map(|o| o.id));
        if !cx.same_role(x, y) {
            let owner = |model: &Model, o: Option<crate::model::RoleId>| {
                Value::optional_item(o.map(|o| Item::of(model, Kind::Role, o.index())))
            };
            out.push(
                change("owner")
                    .old(owner(cx.old, x), a.owner.map_or(an, |o| o.span))
                    .new_value(owner(cx.new, y), b.owner.map_or(bn, |o| o.span)),
            );
        }
        if !cx.same_parties(&a.with, &b.with) {
            out.push(
                change("with")
                    .old(cx.parties_value(cx.old, &a.with), cover(&a.with, an))
                    .new_value(cx.parties_value(cx.new, &b.with), cover(&b.with, bn)),
            );
        }
        let (x, y) = (a.every.map(|d| d.seconds), b.every.map(|d| d.seconds));
        if x != y {
            out.push(
                change("every")
                    .old(Value::duration(x), a.every.map_or(an, |d| d.span))
                    .new_value(Value::duration(y), b.every.map_or(bn, |d| d.span)),
            );
        }
        let (x, y) = (
            super::organisation::date(a.last),
            super::organisation::date(b.last),
        );
        if x.as_ref().map(|d| &d.0) != y.as_ref().map(|d| &d.0) {
            out.push(
                change("last")
                    .old(
                        Value::optional_text(x.as_ref().map(|d| d.0.as_str())),
                        x.map_or(an, |d| d.1),
                    )
                    .new_value(
                        Value::optional_text(y.as_ref().map(|d| d.0.as_str())),
                        y.map_or(bn, |d| d.1),
                    ),
            );
        }
        if !same_texts(&a.texts, &b.texts) {
            let value = |v: &[Str]| Value::Texts(v.iter().map(|s| s.value.to_string()).collect());
            out.push(
                change("text")
                    .old(value(&a.texts), an)
                    .new_value(value(&b.texts), bn),
            );
        }
    }
}
