//! Who: the header, the commander, roles and externals.

use super::category::Category as C;
use super::matching::Kind;
use super::{Change, Context, Item, Value};
use crate::model::{Model, Named, Party, Ref};
use crate::span::Span;
use crate::syntax::ast::{Date, Str};
use crate::syntax::document::{PLAN_KINDS, PlanKind};

pub(super) fn compare(cx: &Context, out: &mut Vec<Change>) {
    header(cx, out);
    added_and_removed(cx, Kind::Role, C::RoleAdded, C::RoleRemoved, out);
    added_and_removed(
        cx,
        Kind::External,
        C::ExternalAdded,
        C::ExternalRemoved,
        out,
    );
    for (i, j) in cx.pairs(Kind::Role) {
        role(cx, i, j, out);
    }
    for (i, j) in cx.pairs(Kind::External) {
        external(cx, i, j, out);
    }
}

/// `added`/`removed` changes for the unpaired items of a kind.
pub(super) fn added_and_removed(
    cx: &Context,
    kind: Kind,
    added: C,
    removed: C,
    out: &mut Vec<Change>,
) {
    let pairing = cx.m.of(kind);
    for (i, partner) in pairing.old_to_new.iter().enumerate() {
        if partner.is_none() {
            let item = Item::of(cx.old, kind, i);
            let span = super::matching::named(cx.old, kind, i).name_span;
            out.push(Change::new(removed, item.clone()).old(Value::Item(item), span));
        }
    }
    for (j, partner) in pairing.new_to_old.iter().enumerate() {
        if partner.is_none() {
            let item = Item::of(cx.new, kind, j);
            let span = super::matching::named(cx.new, kind, j).name_span;
            out.push(Change::new(added, item.clone()).new_value(Value::Item(item), span));
        }
    }
}

fn header(cx: &Context, out: &mut Vec<Change>) {
    let (Some(a), Some(b)) = (&cx.old.header, &cx.new.header) else {
        return;
    };
    let item = Item::plan(cx.new);
    let texts = |v: &[Str]| Value::Texts(v.iter().map(|s| s.value.to_string()).collect());
    let first = |v: &[Str], fallback: Span| v.first().map(|s| s.span).unwrap_or(fallback);
    if !same_texts(&a.basis, &b.basis) {
        out.push(
            Change::new(C::BasisChanged, item.clone())
                .old(texts(&a.basis), first(&a.basis, a.span))
                .new_value(texts(&b.basis), first(&b.basis, b.span)),
        );
    }
    let fields: [(&'static str, Option<&Str>, Option<&Str>); 6] = [
        ("title", a.title.as_ref(), b.title.as_ref()),
        ("issuer", a.issuer.as_ref(), b.issuer.as_ref()),
        ("scope", a.scope.as_ref(), b.scope.as_ref()),
        ("version", a.version.as_ref(), b.version.as_ref()),
        ("approver", a.approver.as_ref(), b.approver.as_ref()),
        (
            "distribution",
            a.distribution.as_ref(),
            b.distribution.as_ref(),
        ),
    ];
    for (aspect, x, y) in fields {
        if x.map(|s| &s.value) != y.map(|s| &s.value) {
            out.push(
                Change::new(C::HeaderChanged, item.clone())
                    .aspect(aspect)
                    .old(
                        Value::optional_text(x.map(|s| s.value.as_ref())),
                        x.map_or(a.span, |s| s.span),
                    )
                    .new_value(
                        Value::optional_text(y.map(|s| s.value.as_ref())),
                        y.map_or(b.span, |s| s.span),
                    ),
            );
        }
    }
    let kind = |k: &Option<(PlanKind, Span)>| {
        k.and_then(|(kind, span)| {
            let title = PLAN_KINDS.iter().find(|row| row.0 == kind)?.3;
            Some((title.to_string(), span))
        })
    };
    let dated = [
        ("kind", kind(&a.kind), kind(&b.kind)),
        ("date", date(a.date), date(b.date)),
        ("effective", date(a.effective), date(b.effective)),
        ("reviewed", date(a.reviewed), date(b.reviewed)),
    ];
    for (aspect, x, y) in dated {
        if x.as_ref().map(|d| &d.0) != y.as_ref().map(|d| &d.0) {
            out.push(
                Change::new(C::HeaderChanged, item.clone())
                    .aspect(aspect)
                    .old(
                        Value::optional_text(x.as_ref().map(|d| d.0.as_str())),
                        x.map_or(a.span, |d| d.1),
                    )
                    .new_value(
                        Value::optional_text(y.as_ref().map(|d| d.0.as_str())),
                        y.map_or(b.span, |d| d.1),
                    ),
            );
        }
    }
    let record = |h: &crate::model::Header| -> Vec<String> {
        h.revisions
            .iter()
            .map(|r| format!("{} {}", r.date, r.note.value))
            .collect()
    };
    let (x, y) = (record(a), record(b));
    if x != y {
        let span = |h: &crate::model::Header| {
            h.revisions
                .iter()
                .map(|r| r.span)
                .reduce(Span::cover)
                .unwrap_or(h.span)
        };
        out.push(
            Change::new(C::HeaderChanged, item.clone())
                .aspect("revision")
                .old(Value::Texts(x), span(a))
                .new_value(Value::Texts(y), span(b)),
        );
    }
    if !same_texts(&a.texts, &b.texts) {
        out.push(
            Change::new(C::TextChanged, item.clone())
                .aspect("text")
                .old(texts(&a.texts), first(&a.texts, a.span))
                .new_value(texts(&b.texts), first(&b.texts, b.span)),
        );
    }
    let old_commander = a.commander.map(|c| Party::Role(c.id));
    let new_commander = b.commander.map(|c| Party::Role(c.id));
    if !cx.same_party(old_commander, new_commander) {
        out.push(
            Change::new(C::CommanderChanged, item)
                .old(
                    cx.party_value(cx.old, old_commander),
                    a.commander.map_or(a.span, |c| c.span),
                )
                .new_value(
                    cx.party_value(cx.new, new_commander),
                    b.commander.map_or(b.span, |c| c.span),
                ),
        );
    }
}

/// A date as text, with where it is written.
pub(super) fn date(d: Option<Date>) -> Option<(String, Span)> {
    d.map(|d| (d.to_string(), d.span))
}

/// Whether two lists of texts hold the same texts, in any order.
pub(super) fn same_texts(a: &[Str], b: &[Str]) -> bool {
    fn sorted<'a>(v: &'a [Str]) -> Vec<&'a str> {
        let mut t: Vec<&str> = v.iter().map(|s| s.value.as_ref()).collect();
        t.sort_unstable();
        t
    }
    a.len() == b.len() && sorted(a) == sorted(b)
}

fn role(cx: &Context, i: usize, j: usize, out: &mut Vec<Change>) {
    let (a, b) = (&cx.old.roles[i], &cx.new.roles[j]);
    let people = person(
        cx,
        Kind::Role,
        (i, (&a.named, a.holder.as_ref(), &a.phones, &a.texts)),
        (j, (&b.named, b.holder.as_ref(), &b.phones, &b.texts)),
        out,
    );
    let item = people.item.clone();
    let (x, y) = (
        a.deputy.map(|d| Party::Role(d.id)),
        b.deputy.map(|d| Party::Role(d.id)),
    );
    if !cx.same_party(x, y) {
        out.push(
            Change::new(C::DeputyChanged, item.clone())
                .old(
                    cx.party_value(cx.old, x),
                    a.deputy.map_or(a.named.name_span, |d| d.span),
                )
                .new_value(
                    cx.party_value(cx.new, y),
                    b.deputy.map_or(b.named.name_span, |d| d.span),
                ),
        );
    }
    if !same_texts(&a.duties, &b.duties) {
        out.push(people.texts_change(C::DutiesChanged, &a.duties, &b.duties));
    }
    if !cx.same_parties(&a.members, &b.members) {
        out.push(
            Change::new(C::MembersChanged, item.clone())
                .old(
                    cx.parties_value(cx.old, &a.members),
                    cover(&a.members, a.named.name_span),
                )
                .new_value(
                    cx.parties_value(cx.new, &b.members),
                    cover(&b.members, b.named.name_span),
                ),
        );
    }
    escalations(cx, &item, a, b, out);
}

/// The `escalates to` edges of a paired role: paired by target (in order,
/// when a role escalates to one target twice).
fn escalations(
    cx: &Context,
    item: &Item,
    a: &crate::model::Role,
    b: &crate::model::Role,
    out: &mut Vec<Change>,
) {
    let mut unpaired_new: Vec<bool> = vec![true; b.escalations.len()];
    let value = |model: &Model, e: &crate::model::Escalation| Value::Escalation {
        to: Item::party(model, e.target.id),
        within: e.within().map(|d| super::value::Duration(d.seconds)),
    };
    for e in &a.escalations {
        let partner = b.escalations.iter().enumerate().position(|(k, f)| {
            unpaired_new[k] && cx.same_party(Some(e.target.id), Some(f.target.id))
        });
        match partner {
            Some(k) => {
                unpaired_new[k] = false;
                let f = &b.escalations[k];
                let (x, y) = (e.within().map(|d| d.seconds), f.within().map(|d| d.seconds));
                if x != y {
                    let span = |e: &crate::model::Escalation| e.within().map_or(e.span, |d| d.span);
                    out.push(
                        Change::new(C::EscalationDelayChanged, item.clone())
                            .old(value(cx.old, e), span(e))
                            .new_value(value(cx.new, f), span(f)),
                    );
                }
            }
            None => out.push(
                Change::new(C::EscalationRemoved, item.clone()).old(value(cx.old, e), e.span),
            ),
        }
    }
    for (k, f) in b.escalations.iter().enumerate() {
        if unpaired_new[k] {
            out.push(
                Change::new(C::EscalationAdded, item.clone()).new_value(value(cx.new, f), f.span),
            );
        }
    }
}

fn external(cx: &Context, i: usize, j: usize, out: &mut Vec<Change>) {
    let (a, b) = (&cx.old.externals[i], &cx.new.externals[j]);
    person(
        cx,
        Kind::External,
        (i, (&a.named, a.holder.as_ref(), &a.phones, &a.texts)),
        (j, (&b.named, b.holder.as_ref(), &b.phones, &b.texts)),
        out,
    );
}

/// A role's or external's name, label, holder, phones and texts.
type Fields<'a, 's> = (&'a Named, Option<&'a Str<'s>>, &'a [Str<'s>], &'a [Str<'s>]);

/// What roles and externals share: a rename, the holder, phones and texts.
fn person(
    cx: &Context,
    kind: Kind,
    (i, (a, a_holder, a_phones, a_texts)): (usize, Fields),
    (j, (b, b_holder, b_phones, b_texts)): (usize, Fields),
    out: &mut Vec<Change>,
) -> Person {
    let item = Item::of(cx.new, kind, j);
    if cx.old.name(a) != cx.new.name(b) || cx.old.label(a) != cx.new.label(b) {
        let renamed = if kind == Kind::Role {
            C::RoleRenamed
        } else {
            C::ExternalRenamed
        };
        out.push(
            Change::new(renamed, item.clone())
                .old(Value::Item(Item::of(cx.old, kind, i)), a.name_span)
                .new_value(Value::Item(item.clone()), b.name_span),
        );
    }
    let people = Person {
        item,
        old_name: a.name_span,
        new_name: b.name_span,
    };
    people.holder(a_holder, b_holder, out);
    if !same_texts(a_phones, b_phones) {
        out.push(people.texts_change(C::PhoneChanged, a_phones, b_phones));
    }
    if !same_texts(a_texts, b_texts) {
        out.push(
            people
                .texts_change(C::TextChanged, a_texts, b_texts)
                .aspect("text"),
        );
    }
    people
}

/// What roles and externals share: a holder and phones.
struct Person {
    item: Item,
    old_name: Span,
    new_name: Span,
}

impl Person {
    fn holder(&self, a: Option<&Str>, b: Option<&Str>, out: &mut Vec<Change>) {
        if a.map(|s| &s.value) == b.map(|s| &s.value) {
            return;
        }
        out.push(
            Change::new(C::HolderChanged, self.item.clone())
                .old(
                    Value::optional_text(a.map(|s| s.value.as_ref())),
                    a.map_or(self.old_name, |s| s.span),
                )
                .new_value(
                    Value::optional_text(b.map(|s| s.value.as_ref())),
                    b.map_or(self.new_name, |s| s.span),
                ),
        );
    }

    fn texts_change(&self, category: C, a: &[Str], b: &[Str]) -> Change {
        let texts = |v: &[Str]| Value::Texts(v.iter().map(|s| s.value.to_string()).collect());
        let span = |v: &[Str], fallback: Span| {
            v.iter()
                .map(|s| s.span)
                .reduce(Span::cover)
                .unwrap_or(fallback)
        };
        Change::new(category, self.item.clone())
            .old(texts(a), span(a, self.old_name))
            .new_value(texts(b), span(b, self.new_name))
    }
}

/// The span covering every reference of a list, or `fallback` for none.
pub(super) fn cover<T>(refs: &[Ref<T>], fallback: Span) -> Span {
    refs.iter()
        .map(|r| r.span)
        .reduce(Span::cover)
        .unwrap_or(fallback)
}
