//! The exercise as JSON (`planc simulate --format json`). Schema
//! `planc-simulation`, version 2, documented in docs/render-json.md.

use std::borrow::Cow;

use serde::Serialize;

use super::{Simulation, Value, due_clock};
use crate::logic::schedule::NotRun;
use crate::model::{FactType, Model, Party};
use crate::render::condition;
use crate::render::json::{Duration, due, duration, written};
use crate::render::words::Lang;

pub const SCHEMA: &str = "planc-simulation";
pub const VERSION: u32 = 2;

#[derive(Serialize)]
struct Out<'a> {
    schema: &'static str,
    version: u32,
    language: Lang,
    plan: &'a str,
    start: Option<String>,
    facts: Vec<Fact<'a>>,
    level: Option<&'a str>,
    triggers: Vec<Trigger<'a>>,
    steps: Vec<Step<'a>>,
    not_run: Vec<Skipped<'a>>,
    escalation: Vec<Chain<'a>>,
}

#[derive(Serialize)]
struct Fact<'a> {
    name: &'a str,
    label: Cow<'a, str>,
    #[serde(rename = "type")]
    ty: &'static str,
    /// Whether `--set` gave it.
    set: bool,
    /// The value used: the one set, or 0 / false / null when not set.
    value: serde_json::Value,
}

#[derive(Serialize)]
struct Trigger<'a> {
    name: &'a str,
    label: Cow<'a, str>,
    level: Option<&'a str>,
    fired: bool,
    condition: String,
    /// The facts the condition reads.
    facts: Vec<&'a str>,
    /// The triggers the condition names, with whether they fired.
    triggers: Vec<Named<'a>>,
    /// The facts it reads that are not known (a `one_of` fact not set).
    unknown: Vec<&'a str>,
}

#[derive(Serialize)]
struct Named<'a> {
    name: &'a str,
    fired: bool,
}

#[derive(Serialize)]
struct Step<'a> {
    order: usize,
    /// From 1: steps of one phase can be done at the same time.
    phase: u32,
    name: &'a str,
    label: Cow<'a, str>,
    owner: Option<&'a str>,
    with: Vec<&'a str>,
    notify: Vec<&'a str>,
    deadline: Option<Duration>,
    /// `deadline` as a local time, with `--start`.
    due: Option<String>,
    until: Option<&'a str>,
    set_off_by: Vec<&'a str>,
    /// (v1) `every D`: the interval it is repeated at after it is first done.
    every: Option<Duration>,
}

#[derive(Serialize)]
struct Skipped<'a> {
    name: &'a str,
    label: Cow<'a, str>,
    /// `not_set_off`, `waits`, `nothing_starts_it` or `in_cycle`.
    reason: &'static str,
    /// With `not_set_off`: the triggers its `on` names (none fired).
    triggers: Vec<&'a str>,
    /// With `waits`: the steps it waits for that do not run.
    waits_for: Vec<&'a str>,
}

#[derive(Serialize)]
struct Hop<'a> {
    to: &'a str,
    within: Option<Duration>,
    cumulative: Option<Duration>,
}

#[derive(Serialize)]
struct Chain<'a> {
    owner: &'a str,
    is_commander: bool,
    reaches_commander: bool,
    hops: Vec<Hop<'a>>,
}

fn names<'a>(model: &'a Model, refs: &[crate::model::Ref<Party>]) -> Vec<&'a str> {
    refs.iter().map(|r| model.name(model.party(r.id))).collect()
}

pub fn render(sim: &Simulation, model: &Model, lang: Lang) -> String {
    let facts = model
        .facts
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let given = sim.facts.get(crate::model::FactId(i as u32));
            let value = match (given, &f.ty) {
                (Some(Value::Count(n)), _) => serde_json::Value::from(n),
                (Some(Value::Number(d)), _) => number(d),
                (Some(Value::Flag(b)), _) => serde_json::Value::from(b),
                (Some(Value::Variant(v)), FactType::OneOf(vs)) => vs
                    .get(v as usize)
                    .map(|v| serde_json::Value::from(v.name))
                    .unwrap_or(serde_json::Value::Null),
                (_, FactType::Count | FactType::Number { .. }) => serde_json::Value::from(0),
                (_, FactType::Flag) => serde_json::Value::from(false),
                (_, FactType::OneOf(_)) => serde_json::Value::Null,
            };
            Fact {
                name: model.name(&f.named),
                label: model.label(&f.named),
                ty: match f.ty {
                    FactType::Count => "count",
                    FactType::Number { .. } => "number",
                    FactType::Flag => "flag",
                    FactType::OneOf(_) => "one_of",
                },
                set: given.is_some(),
                value,
            }
        })
        .collect();
    let level_name = |l: crate::model::LevelId| model.name(&model.levels[l.index()].named);
    let out = Out {
        schema: SCHEMA,
        version: VERSION,
        language: lang,
        plan: model
            .header
            .as_ref()
            .and_then(|h| h.title.as_ref())
            .map(|t| t.value.as_ref())
            .unwrap_or(""),
        start: sim.start.map(|s| s.iso()),
        facts,
        level: sim.level.map(level_name),
        triggers: sim
            .triggers
            .iter()
            .map(|t| {
                let trigger = model.trigger(t.trigger);
                Trigger {
                    name: model.name(&trigger.named),
                    label: model.label(&trigger.named),
                    level: trigger.level.map(|l| level_name(l.id)),
                    fired: t.fired,
                    condition: condition::words(
                        model,
                        &model.conditions.get(trigger.condition),
                        lang,
                    ),
                    facts: t
                        .facts
                        .iter()
                        .map(|f| model.name(&model.fact(*f).named))
                        .collect(),
                    triggers: t
                        .triggers
                        .iter()
                        .map(|(u, fired)| Named {
                            name: model.name(&model.trigger(*u).named),
                            fired: *fired,
                        })
                        .collect(),
                    unknown: t
                        .unknown
                        .iter()
                        .map(|f| model.name(&model.fact(*f).named))
                        .collect(),
                }
            })
            .collect(),
        steps: sim
            .steps
            .iter()
            .enumerate()
            .map(|(i, run)| {
                let step = model.step(run.step);
                Step {
                    order: i + 1,
                    phase: run.phase + 1,
                    name: model.name(&step.named),
                    label: model.label(&step.named),
                    owner: step.owner.map(|o| model.name(&model.role(o.id).named)),
                    with: names(model, step.with()),
                    notify: names(model, step.notify()),
                    deadline: run.due.map(due),
                    due: run
                        .due
                        .and_then(|d| sim.start.map(|s| due_clock(s, d).iso())),
                    until: step.until().map(|u| u.value.as_ref()),
                    set_off_by: run
                        .set_off_by
                        .iter()
                        .map(|t| model.name(&model.trigger(*t).named))
                        .collect(),
                    every: step.every().map(written),
                }
            })
            .collect(),
        not_run: sim
            .skipped
            .iter()
            .map(|(s, why)| {
                let (reason, triggers, waits): (_, &[_], &[_]) = match why {
                    NotRun::NotSetOff(ts) => ("not_set_off", ts, &[]),
                    NotRun::Waits(ss) => ("waits", &[], ss),
                    NotRun::NothingStartsIt => ("nothing_starts_it", &[], &[]),
                    NotRun::InCycle => ("in_cycle", &[], &[]),
                };
                Skipped {
                    name: model.name(&model.step(*s).named),
                    label: model.label(&model.step(*s).named),
                    reason,
                    triggers: triggers
                        .iter()
                        .map(|t| model.name(&model.trigger(*t).named))
                        .collect(),
                    waits_for: waits
                        .iter()
                        .map(|w| model.name(&model.step(*w).named))
                        .collect(),
                }
            })
            .collect(),
        escalation: sim
            .chains
            .iter()
            .map(|c| Chain {
                owner: model.name(&model.role(c.owner).named),
                is_commander: c.at_top,
                reaches_commander: c.reaches,
                hops: c
                    .hops
                    .iter()
                    .map(|h| Hop {
                        to: model.name(model.party(h.to)),
                        within: h.within.map(duration),
                        cumulative: h.cumulative.map(duration),
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut text = crate::escape::json_text(serde_json::to_string_pretty(&out).unwrap_or_default());
    text.push('\n');
    text
}

/// A decimal as a JSON number (its shortest form; JSON readers take it as a double).
fn number(d: crate::decimal::Decimal) -> serde_json::Value {
    d.to_string()
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or(serde_json::Value::Null, serde_json::Value::Number)
}
