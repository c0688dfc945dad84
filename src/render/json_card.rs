//! One role's card as JSON (`planc render --role NAME --format json`):
//! schema `planc-role-card`, documented in docs/render-json.md.

use serde::Serialize;

use super::document::{Document, Relation, RoleCard, Task};
use super::json::{Duration, Named, due, duration, to_json};
use super::words::Lang;

/// The value of `schema` in one role card's JSON.
pub const SCHEMA: &str = "planc-role-card";
pub const VERSION: u32 = 2;

#[derive(Serialize)]
struct Card<'a> {
    schema: &'static str,
    version: u32,
    language: Lang,
    plan: &'a str,
    card: CardJson<'a>,
}

#[derive(Serialize)]
struct CardJson<'a> {
    name: &'a str,
    label: &'a str,
    holder: Option<&'a str>,
    phones: &'a [String],
    deputy: Option<&'a str>,
    duties: &'a [String],
    members: Vec<&'a str>,
    escalates_to: Vec<CardEscalation<'a>>,
    commander: bool,
    triggers: Vec<CardTrigger<'a>>,
    routines: Vec<CardTask<'a>>,
    text: &'a [String],
}

#[derive(Serialize)]
struct CardEscalation<'a> {
    to: &'a str,
    label: &'a str,
    within: Option<Duration>,
}

#[derive(Serialize)]
struct CardTrigger<'a> {
    /// Triggers whose checklists give the role these same tasks.
    triggers: Vec<Named<'a>>,
    /// (v2) A trigger of another entry whose every task is also one of
    /// these triggers' tasks; `tasks` are the others.
    builds_on: Option<&'a str>,
    tasks: Vec<CardTask<'a>>,
}

#[derive(Serialize)]
struct CardTask<'a> {
    name: &'a str,
    label: &'a str,
    /// `owns`, `joins` or `notified`.
    relation: &'static str,
    within: Option<Duration>,
}

fn card_task(t: &Task) -> CardTask<'_> {
    CardTask {
        name: &t.name,
        label: &t.label,
        relation: match t.relation {
            Relation::Owns => "owns",
            Relation::Joins => "joins",
            Relation::Notified => "notified",
        },
        within: t.within.map(due),
    }
}

/// One role's card.
pub fn render(doc: &Document, card: &RoleCard) -> String {
    let value = Card {
        schema: SCHEMA,
        version: VERSION,
        language: doc.lang,
        plan: &doc.header.title,
        card: CardJson {
            name: &card.name,
            label: &card.label,
            holder: card.holder.as_deref(),
            phones: &card.phones,
            deputy: card.deputy.as_ref().map(|d| d.name.as_str()),
            duties: &card.duties,
            members: card.members.iter().map(|m| m.name.as_str()).collect(),
            escalates_to: card
                .escalations
                .iter()
                .map(|e| CardEscalation {
                    to: &e.to.name,
                    label: &e.to.label,
                    within: e.within.map(duration),
                })
                .collect(),
            commander: card.commander,
            triggers: card
                .triggers
                .iter()
                .map(|t| CardTrigger {
                    triggers: t
                        .triggers
                        .iter()
                        .map(|r| Named {
                            name: &r.name,
                            label: std::borrow::Cow::Borrowed(&r.label),
                        })
                        .collect(),
                    builds_on: t.builds_on.as_ref().map(|b| b.name.as_str()),
                    tasks: t.tasks.iter().map(card_task).collect(),
                })
                .collect(),
            routines: card.routines.iter().map(card_task).collect(),
            text: &card.texts,
        },
    };
    to_json(&value)
}
