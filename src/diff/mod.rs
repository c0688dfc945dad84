//! Output stage: what a revision changes in who does what, when and by when,
//! found by comparing two compiled plans, never their text. A moved or
//! reformatted item is no change; an item renamed with the same content is a
//! rename (`matching`).
//!
//! Reads the model, graphs and logic of both plans; does no I/O (the CLI
//! reads the files, or asks git for them). The changes are data: a stable
//! `Category`, the item, the old and new value each with its span, and the
//! regulation's revision trigger the category falls under. `human`,
//! `markdown` and `json` write them (docs/diff.md).

pub mod category;
mod conditions;
mod deadlines;
pub mod human;
pub mod json;
mod keys;
pub mod markdown;
pub mod matching;
mod organisation;
pub mod output;
mod regions;
mod response;
mod value;
pub mod words;

use crate::graph::Graphs;
use crate::logic::Conditions;
use crate::model::Model;
use crate::render::Lang;
use crate::span::Span;

pub use category::{Category, RevisionTrigger};
pub use output::{FileDiff, Source};
pub use regions::{Region, RegionFact};
pub use value::{Item, ItemKind, Value};

/// One side of a comparison: a compiled plan.
#[derive(Clone, Copy)]
pub struct Plan<'a, 's> {
    pub model: &'a Model<'s>,
    pub graphs: &'a Graphs,
}

impl<'a, 's> Plan<'a, 's> {
    /// A plan as `pipeline::front` compiles it.
    pub fn of(front: &'a crate::pipeline::Front<'s>) -> Plan<'a, 's> {
        Plan {
            model: &front.model,
            graphs: &front.graphs,
        }
    }
}

/// A value on one side of a change, and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Sided {
    pub value: Value,
    /// Into that side's file.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub category: Category,
    /// The item changed, as the new plan names it (the old plan, if removed).
    pub item: Item,
    /// Which attribute, for categories that cover several (`issuer` of
    /// `header-changed`, `every` of `drill-changed`, `label` of
    /// `text-changed`); `None` otherwise.
    pub aspect: Option<&'static str>,
    /// `None` for something added.
    pub old: Option<Sided>,
    /// `None` for something removed.
    pub new: Option<Sided>,
    /// `deadline-tightened`/`-loosened`: the triggers under which the step's
    /// due time changed so. Empty otherwise.
    pub triggers: Vec<Item>,
    /// `condition-changed`: where the trigger fired before and does not now,
    /// or the other way round. Empty otherwise (and when that could not be
    /// worked out exactly).
    pub regions: Vec<Region>,
}

impl Change {
    fn new(category: Category, item: Item) -> Change {
        Change {
            category,
            item,
            aspect: None,
            old: None,
            new: None,
            triggers: Vec::new(),
            regions: Vec::new(),
        }
    }

    fn aspect(mut self, aspect: &'static str) -> Change {
        self.aspect = Some(aspect);
        self
    }

    fn old(mut self, value: Value, span: Span) -> Change {
        self.old = Some(Sided { value, span });
        self
    }

    fn new_value(mut self, value: Value, span: Span) -> Change {
        self.new = Some(Sided { value, span });
        self
    }

    /// Where the change is written in the new plan, else in the old one:
    /// the order of changes within a category.
    fn position(&self) -> (usize, usize) {
        match (&self.new, &self.old) {
            (Some(n), _) => (0, n.span.start()),
            (None, Some(o)) => (1, o.span.start()),
            (None, None) => (2, 0),
        }
    }
}

/// Everything that changed from `old` to `new`, by category, then in the
/// order of the new plan (removals in the order of the old one). `lang` is
/// the language of the words derived from the plans (conditions).
pub fn compare(old: Plan, new: Plan, lang: Lang) -> Vec<Change> {
    let matching = matching::match_plans(old.model, new.model);
    let (old_conditions, new_conditions) = (
        Conditions::of(old.model, old.graphs),
        Conditions::of(new.model, new.graphs),
    );
    let cx = Context {
        old: old.model,
        new: new.model,
        old_conditions: &old_conditions,
        new_conditions: &new_conditions,
        m: &matching,
        lang,
    };
    let mut changes = Vec::new();
    organisation::compare(&cx, &mut changes);
    response::compare(&cx, &mut changes);
    let reshaped = conditions::reshaped(&cx);
    conditions::compare(&cx, &reshaped, &mut changes);
    deadlines::compare(&cx, &reshaped, &mut changes);
    changes.sort_by_key(|c| (c.category, c.position()));
    changes
}

/// The change of a plan that only the new side has.
pub fn plan_added(model: &Model) -> Change {
    let item = value::Item::plan(model);
    Change::new(Category::PlanAdded, item.clone()).new_value(Value::Item(item), header_span(model))
}

/// The change of a plan that only the old side has.
pub fn plan_removed(model: &Model) -> Change {
    let item = value::Item::plan(model);
    Change::new(Category::PlanRemoved, item.clone()).old(Value::Item(item), header_span(model))
}

fn header_span(model: &Model) -> Span {
    model.header.as_ref().map_or(Span::new(0, 0), |h| h.span)
}

/// What every comparison reads.
pub(crate) struct Context<'a, 's> {
    pub old: &'a Model<'s>,
    pub new: &'a Model<'s>,
    /// Each trigger's condition as a DNF (`logic::Conditions`).
    pub old_conditions: &'a Conditions,
    pub new_conditions: &'a Conditions,
    pub m: &'a matching::Matching,
    pub lang: Lang,
}

#[cfg(test)]
mod tests;

impl Context<'_, '_> {
    /// The paired items of a kind, as (old index, new index), in new order.
    pub fn pairs(&self, kind: matching::Kind) -> impl Iterator<Item = (usize, usize)> + '_ {
        let pairing = self.m.of(kind);
        (0..pairing.new_to_old.len()).filter_map(|j| pairing.old_of(j).map(|i| (i, j)))
    }

    /// Whether an old role (or none) is the new one.
    pub fn same_role(
        &self,
        old: Option<crate::model::RoleId>,
        new: Option<crate::model::RoleId>,
    ) -> bool {
        self.same_party(
            old.map(crate::model::Party::Role),
            new.map(crate::model::Party::Role),
        )
    }

    /// Whether an old party (or none) is the new one.
    pub fn same_party(
        &self,
        old: Option<crate::model::Party>,
        new: Option<crate::model::Party>,
    ) -> bool {
        match (old, new) {
            (None, None) => true,
            (Some(a), Some(b)) => self.m.party(a) == Some(b),
            _ => false,
        }
    }

    /// Whether two lists of parties name the same parties, in any order.
    pub fn same_parties(
        &self,
        old: &[crate::model::Ref<crate::model::Party>],
        new: &[crate::model::Ref<crate::model::Party>],
    ) -> bool {
        let mut a: Vec<Option<crate::model::Party>> =
            old.iter().map(|r| self.m.party(r.id)).collect();
        let mut b: Vec<Option<crate::model::Party>> = new.iter().map(|r| Some(r.id)).collect();
        a.sort_unstable();
        a.dedup();
        b.sort_unstable();
        b.dedup();
        a == b
    }

    pub fn party_value(&self, model: &Model, party: Option<crate::model::Party>) -> Value {
        Value::optional_item(party.map(|p| Item::party(model, p)))
    }

    pub fn parties_value(
        &self,
        model: &Model,
        refs: &[crate::model::Ref<crate::model::Party>],
    ) -> Value {
        Value::Items(refs.iter().map(|r| Item::party(model, r.id)).collect())
    }
}
