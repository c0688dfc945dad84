//! The values a change reports: owned, so the writers need no model.

use serde::Serialize;

use super::matching::{self, Kind};
use crate::model::{Model, Party};
use crate::render::view::clean;
use crate::render::words::duration_code;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Plan,
    Role,
    External,
    Fact,
    Level,
    Trigger,
    Step,
    Routine,
    Drill,
}

/// An item by its name and label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub kind: ItemKind,
    pub name: String,
    pub label: String,
}

impl Item {
    /// Item `i` of `kind` in `model`.
    pub fn of(model: &Model, kind: Kind, i: usize) -> Item {
        let named = matching::named(model, kind, i);
        let kind = match kind {
            Kind::Role => ItemKind::Role,
            Kind::External => ItemKind::External,
            Kind::Fact => ItemKind::Fact,
            Kind::Level => ItemKind::Level,
            Kind::Trigger => ItemKind::Trigger,
            Kind::Step => ItemKind::Step,
            Kind::Routine | Kind::Drill if model.routines[i].drill => ItemKind::Drill,
            Kind::Routine | Kind::Drill => ItemKind::Routine,
        };
        Item {
            kind,
            name: model.name(named).to_string(),
            label: clean(&model.label(named)),
        }
    }

    pub fn party(model: &Model, party: Party) -> Item {
        match party {
            Party::Role(r) => Item::of(model, Kind::Role, r.index()),
            Party::External(e) => Item::of(model, Kind::External, e.index()),
        }
    }

    /// The plan itself, by its title.
    pub fn plan(model: &Model) -> Item {
        let title = model.header.as_ref().and_then(|h| h.title.as_ref());
        Item {
            kind: ItemKind::Plan,
            name: String::new(),
            label: title.map(|t| clean(&t.value)).unwrap_or_default(),
        }
    }
}

/// A length of time, in seconds and as the plan language writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration(pub u64);

impl Serialize for Duration {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Duration", 2)?;
        st.serialize_field("seconds", &self.0)?;
        st.serialize_field("text", &duration_code(self.0))?;
        st.end()
    }
}

/// The old or new value of a change. JSON: `null`, a string, a list of
/// strings, an item, a list of items, a duration, an escalation or a start
/// (docs/diff.md lists which category carries which).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// Not given (no deputy, no deadline).
    Absent,
    Text(String),
    Texts(Vec<String>),
    Item(Item),
    Items(Vec<Item>),
    Duration(Duration),
    Escalation {
        to: Item,
        within: Option<Duration>,
    },
    /// What starts a step: `on` and `after`.
    Start {
        on: Vec<Item>,
        after: Vec<Item>,
    },
}

impl Value {
    pub fn text(s: &str) -> Value {
        Value::Text(clean(s))
    }

    pub fn optional_text(s: Option<&str>) -> Value {
        s.map(Value::text).unwrap_or(Value::Absent)
    }

    pub fn duration(seconds: Option<u64>) -> Value {
        seconds
            .map(|s| Value::Duration(Duration(s)))
            .unwrap_or(Value::Absent)
    }

    pub fn optional_item(item: Option<Item>) -> Value {
        item.map(Value::Item).unwrap_or(Value::Absent)
    }
}
