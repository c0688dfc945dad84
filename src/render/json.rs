//! The compiled plan as JSON for other tools. The schema is versioned and
//! documented in docs/render-json.md; a change that is not a pure addition
//! bumps `version`. References are by name; conditions are flat arenas (so
//! a deeply nested condition is never serialised recursively).

use std::borrow::Cow;

use serde::Serialize;

use super::condition;
use super::document::{Document, TriggerSection};
use super::words::{Lang, due_code, duration_code};
use crate::logic::schedule::Due;
use crate::model::{Cond, FactType, Model, Party, Ref};

/// The value of `schema` in the whole plan's JSON.
pub const PLAN_SCHEMA: &str = "planc-plan";
/// The schema version of the whole plan's JSON.
pub const VERSION: u32 = 2;

#[derive(Serialize)]
pub(crate) struct Duration {
    seconds: u64,
    text: String,
}

pub(crate) fn duration(seconds: u64) -> Duration {
    Duration {
        seconds,
        text: duration_code(seconds),
    }
}

/// (v1) A due time or a written duration: its working days stay working
/// days in `text` (`20wd`); `seconds` counts one as 7/5 day, as checks compare.
pub(crate) fn due(d: Due) -> Duration {
    Duration {
        seconds: d.seconds,
        text: due_code(d),
    }
}

pub(crate) fn written(d: &crate::syntax::ast::Duration) -> Duration {
    due(Due::of(d))
}

#[derive(Serialize)]
struct Plan<'a> {
    schema: &'static str,
    version: u32,
    language: Lang,
    plan: Header<'a>,
    levels: Vec<LevelJson<'a>>,
    facts: Vec<Fact<'a>>,
    roles: Vec<Role<'a>>,
    externals: Vec<External<'a>>,
    triggers: Vec<Trigger<'a>>,
    steps: Vec<Step<'a>>,
    routines: Vec<Routine<'a>>,
    outline: Vec<Outline>,
}

#[derive(Serialize)]
struct Header<'a> {
    title: Option<&'a str>,
    issuer: Option<&'a str>,
    date: Option<String>,
    basis: Vec<&'a str>,
    scope: Option<&'a str>,
    commander: Option<&'a str>,
    version: Option<&'a str>,
    text: Vec<&'a str>,
    /// (v1) `comprehensive`, `special` or `onsite`.
    kind: Option<&'static str>,
    approver: Option<&'a str>,
    effective: Option<String>,
    reviewed: Option<String>,
    distribution: Option<&'a str>,
    revisions: Vec<Revision<'a>>,
}

/// (v1) One line of the revision record.
#[derive(Serialize)]
struct Revision<'a> {
    date: String,
    note: &'a str,
}

#[derive(Serialize)]
pub(super) struct Named<'a> {
    pub(super) name: &'a str,
    pub(super) label: Cow<'a, str>,
}

#[derive(Serialize)]
pub(super) struct Fact<'a> {
    name: &'a str,
    label: Cow<'a, str>,
    #[serde(rename = "type")]
    ty: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    variants: Option<Vec<Named<'a>>>,
}

/// A level, most severe first.
#[derive(Serialize)]
struct LevelJson<'a> {
    name: &'a str,
    label: Cow<'a, str>,
    /// (v1) When a response at this level ends.
    until: Option<&'a str>,
}

#[derive(Serialize)]
struct EscalationJson<'a> {
    to: &'a str,
    within: Option<Duration>,
}

#[derive(Serialize)]
struct Role<'a> {
    name: &'a str,
    label: Cow<'a, str>,
    holder: Option<&'a str>,
    phones: Vec<&'a str>,
    deputy: Option<&'a str>,
    duties: Vec<&'a str>,
    members: Vec<&'a str>,
    escalates_to: Vec<EscalationJson<'a>>,
    commander: bool,
    text: Vec<&'a str>,
}

#[derive(Serialize)]
struct External<'a> {
    name: &'a str,
    label: Cow<'a, str>,
    holder: Option<&'a str>,
    phones: Vec<&'a str>,
    text: Vec<&'a str>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Node<'a> {
    Compare {
        fact: &'a str,
        op: &'static str,
        value: serde_json::Value,
    },
    In {
        fact: &'a str,
        variants: Vec<&'a str>,
    },
    Flag {
        fact: &'a str,
    },
    Trigger {
        trigger: &'a str,
    },
    Not {
        operand: u32,
    },
    And {
        operands: Vec<u32>,
    },
    Or {
        operands: Vec<u32>,
    },
    Unknown,
}

#[derive(Serialize)]
struct ConditionJson<'a> {
    text: String,
    root: u32,
    nodes: Vec<Node<'a>>,
}

#[derive(Serialize)]
struct Trigger<'a> {
    name: &'a str,
    label: Cow<'a, str>,
    level: Option<&'a str>,
    condition: ConditionJson<'a>,
    /// (v2) The triggers it sets off directly; following `implies` reaches
    /// every trigger that fires whenever this one does.
    implies: Vec<&'a str>,
    /// (v2) The trigger whose whole checklist this one holds, or null.
    builds_on: Option<&'a str>,
    /// The steps its checklist lists (v2: those `builds_on` does not hold),
    /// in the order to act on them.
    checklist: Vec<&'a str>,
    /// The same steps with their phase and latest due time.
    schedule: Vec<Scheduled<'a>>,
}

#[derive(Serialize)]
struct Scheduled<'a> {
    step: &'a str,
    /// From 1: steps of one phase can be done at the same time.
    phase: u32,
    /// The latest due time under this trigger, from the moment the plan is set off.
    due: Option<Duration>,
    /// (v1) When that due time is counted from a step (`within D from S`):
    /// the step and D.
    from: Option<From<'a>>,
}

#[derive(Serialize)]
struct From<'a> {
    step: &'a str,
    within: Duration,
}

#[derive(Serialize)]
struct Step<'a> {
    name: &'a str,
    label: Cow<'a, str>,
    owner: Option<&'a str>,
    on: Vec<&'a str>,
    after: Vec<&'a str>,
    with: Vec<&'a str>,
    /// The plain deadline counted from the moment the plan is set off; null
    /// when there is none or it counts from a step (see `deadlines`).
    within: Option<Duration>,
    /// (v1) Every `within` as written.
    deadlines: Vec<DeadlineJson<'a>>,
    /// (v1) `every D`: repeated at this interval after it is first done.
    every: Option<Duration>,
    notify: Vec<&'a str>,
    until: Option<&'a str>,
    text: Vec<&'a str>,
}

#[derive(Serialize)]
struct DeadlineJson<'a> {
    within: Duration,
    /// `within D from S`: the step S it counts from.
    from: Option<&'a str>,
    /// `within D for NAMES`: the triggers and levels named, as written;
    /// empty for a plain `within`.
    #[serde(rename = "for")]
    only_for: Vec<&'a str>,
}

#[derive(Serialize)]
struct Routine<'a> {
    name: &'a str,
    label: Cow<'a, str>,
    kind: &'static str,
    owner: Option<&'a str>,
    with: Vec<&'a str>,
    every: Option<Duration>,
    text: Vec<&'a str>,
    /// (v1) `YYYY-MM-DD`: when it was last done.
    last: Option<String>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Outline {
    Section { depth: usize, title: String },
    Text { depth: usize, text: String },
}

fn texts<'a>(v: &'a [crate::syntax::ast::Str]) -> Vec<&'a str> {
    v.iter().map(|s| s.value.as_ref()).collect()
}

fn names<'a>(model: &'a Model, refs: &[Ref<Party>]) -> Vec<&'a str> {
    refs.iter().map(|r| model.name(model.party(r.id))).collect()
}

/// The whole compiled plan.
pub fn render(doc: &Document, model: &Model) -> String {
    let sections: std::collections::HashMap<&str, &TriggerSection> =
        doc.triggers.iter().map(|t| (t.name.as_str(), t)).collect();
    let commander = model
        .header
        .as_ref()
        .and_then(|h| h.commander)
        .map(|c| c.id);
    let plan = Plan {
        schema: PLAN_SCHEMA,
        version: VERSION,
        language: doc.lang,
        plan: header(model),
        levels: model
            .levels
            .iter()
            .map(|l| LevelJson {
                name: model.name(&l.named),
                label: model.label(&l.named),
                until: l.until.as_ref().map(|u| u.value.as_ref()),
            })
            .collect(),
        facts: model.facts.iter().map(|f| fact(model, f)).collect(),
        roles: model
            .role_ids()
            .map(|id| {
                let r = model.role(id);
                Role {
                    name: model.name(&r.named),
                    label: model.label(&r.named),
                    holder: r.holder.as_ref().map(|h| h.value.as_ref()),
                    phones: texts(&r.phones),
                    deputy: r.deputy.map(|d| model.name(&model.role(d.id).named)),
                    duties: texts(&r.duties),
                    members: names(model, &r.members),
                    escalates_to: r
                        .escalations
                        .iter()
                        .map(|e| EscalationJson {
                            to: model.name(model.party(e.target.id)),
                            within: e.within().map(|d| duration(d.seconds)),
                        })
                        .collect(),
                    commander: commander == Some(id),
                    text: texts(&r.texts),
                }
            })
            .collect(),
        externals: model
            .externals
            .iter()
            .map(|e| External {
                name: model.name(&e.named),
                label: model.label(&e.named),
                holder: e.holder.as_ref().map(|h| h.value.as_ref()),
                phones: texts(&e.phones),
                text: texts(&e.texts),
            })
            .collect(),
        triggers: model
            .trigger_ids()
            .map(|id| {
                let t = model.trigger(id);
                let section = sections.get(model.name(&t.named)).copied();
                Trigger {
                    name: model.name(&t.named),
                    label: model.label(&t.named),
                    level: t
                        .level
                        .map(|l| model.name(&model.levels[l.id.index()].named)),
                    condition: condition_json(model, id, doc.lang),
                    implies: section
                        .map(|s| s.sets_off.iter().map(|a| a.name.as_str()).collect())
                        .unwrap_or_default(),
                    builds_on: section
                        .and_then(|s| s.builds_on.as_ref())
                        .map(|b| b.name.as_str()),
                    checklist: section
                        .map(|s| s.steps.iter().map(|s| s.name.as_str()).collect())
                        .unwrap_or_default(),
                    schedule: section
                        .map(|s| {
                            s.steps
                                .iter()
                                .map(|s| Scheduled {
                                    step: &s.name,
                                    phase: s.phase,
                                    due: s.within.map(due),
                                    from: s.anchor.as_ref().map(|a| From {
                                        step: &a.name,
                                        within: written(&a.within),
                                    }),
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                }
            })
            .collect(),
        steps: model
            .steps
            .iter()
            .map(|s| Step {
                name: model.name(&s.named),
                label: model.label(&s.named),
                owner: s.owner.map(|o| model.name(&model.role(o.id).named)),
                on: model
                    .on(s)
                    .map(|t| model.name(&model.trigger(t.id).named))
                    .collect(),
                after: s
                    .after
                    .iter()
                    .map(|a| model.name(&model.step(a.id).named))
                    .collect(),
                with: names(model, s.with()),
                within: s
                    .plain_deadline()
                    .filter(|d| d.from.is_none())
                    .map(|d| written(&d.within)),
                deadlines: s.deadlines().iter().map(|d| deadline(model, d)).collect(),
                every: s.every().map(written),
                notify: names(model, s.notify()),
                until: s.until().map(|u| u.value.as_ref()),
                text: texts(s.texts()),
            })
            .collect(),
        routines: model
            .routines
            .iter()
            .map(|r| Routine {
                name: model.name(&r.named),
                label: model.label(&r.named),
                kind: if r.drill { "drill" } else { "routine" },
                owner: r.owner.map(|o| model.name(&model.role(o.id).named)),
                with: names(model, &r.with),
                every: r.every.as_ref().map(written),
                text: texts(&r.texts),
                last: r.last.map(super::view::date),
            })
            .collect(),
        outline: doc
            .outline
            .iter()
            .map(|e| match e {
                super::document::OutlineEntry::Section { depth, title } => Outline::Section {
                    depth: *depth,
                    title: title.clone(),
                },
                super::document::OutlineEntry::Text { depth, text } => Outline::Text {
                    depth: *depth,
                    text: text.clone(),
                },
            })
            .collect(),
    };
    to_json(&plan)
}

fn deadline<'a>(model: &'a Model, d: &crate::model::Deadline) -> DeadlineJson<'a> {
    // A level's triggers stand in `only_for` at the span of the level's name.
    let by_level = |span| d.for_levels.iter().any(|l| l.span == span);
    let mut named: Vec<(crate::span::Span, &str)> = d
        .only_for
        .iter()
        .filter(|t| !by_level(t.span))
        .map(|t| (t.span, model.name(&model.trigger(t.id).named)))
        .chain(
            d.for_levels
                .iter()
                .map(|l| (l.span, model.name(&model.levels[l.id.index()].named))),
        )
        .collect();
    named.sort_by_key(|(span, _)| span.start());
    DeadlineJson {
        within: written(&d.within),
        from: d.from.map(|f| model.name(&model.step(f.id).named)),
        only_for: named.into_iter().map(|(_, name)| name).collect(),
    }
}

pub(super) fn to_json(value: &impl Serialize) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    let mut text =
        crate::escape::json_text(serde_json::to_string_pretty(value).unwrap_or_default());
    text.push('\n');
    text
}

fn header<'a>(model: &'a Model) -> Header<'a> {
    let h = model.header.as_ref();
    Header {
        title: h.and_then(|h| h.title.as_ref()).map(|t| t.value.as_ref()),
        issuer: h.and_then(|h| h.issuer.as_ref()).map(|t| t.value.as_ref()),
        date: h.and_then(|h| h.date).map(super::view::date),
        basis: h.map(|h| texts(&h.basis)).unwrap_or_default(),
        scope: h.and_then(|h| h.scope.as_ref()).map(|t| t.value.as_ref()),
        commander: h
            .and_then(|h| h.commander)
            .map(|c| model.name(&model.role(c.id).named)),
        version: h.and_then(|h| h.version.as_ref()).map(|t| t.value.as_ref()),
        text: h.map(|h| texts(&h.texts)).unwrap_or_default(),
        kind: h.and_then(|h| h.kind).map(|(k, _)| k.name()),
        approver: h
            .and_then(|h| h.approver.as_ref())
            .map(|t| t.value.as_ref()),
        effective: h.and_then(|h| h.effective).map(super::view::date),
        reviewed: h.and_then(|h| h.reviewed).map(super::view::date),
        distribution: h
            .and_then(|h| h.distribution.as_ref())
            .map(|t| t.value.as_ref()),
        revisions: h
            .map(|h| {
                h.revisions
                    .iter()
                    .map(|r| Revision {
                        date: super::view::date(r.date),
                        note: &r.note.value,
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

fn condition_json<'a>(
    model: &'a Model,
    id: crate::model::TriggerId,
    lang: Lang,
) -> ConditionJson<'a> {
    let c = model.condition(id);
    let nodes = c
        .nodes()
        .map(|node| match &node {
            Cond::Compare {
                fact,
                op,
                value,
                decimal,
                ..
            } => Node::Compare {
                fact: model.name(&model.fact(*fact).named),
                op: op.as_str(),
                // (v1) a number fact's decimal, as a JSON number
                value: match decimal {
                    None => serde_json::Value::from(*value),
                    Some(d) => d
                        .to_string()
                        .parse::<f64>()
                        .ok()
                        .and_then(serde_json::Number::from_f64)
                        .map_or(serde_json::Value::Null, serde_json::Value::Number),
                },
            },
            Cond::In { fact, variants, .. } => {
                let f = model.fact(*fact);
                let variants = match &f.ty {
                    FactType::OneOf(defined) => variants
                        .iter()
                        .filter_map(|v| defined.get(*v as usize))
                        .map(|v| v.name)
                        .collect(),
                    _ => Vec::new(),
                };
                Node::In {
                    fact: model.name(&f.named),
                    variants,
                }
            }
            Cond::Flag { fact, .. } => Node::Flag {
                fact: model.name(&model.fact(*fact).named),
            },
            Cond::Trigger { trigger, .. } => Node::Trigger {
                trigger: model.name(&model.trigger(*trigger).named),
            },
            Cond::Not(c, _) => Node::Not { operand: c.0 },
            Cond::And(cs, _) => Node::And {
                operands: cs.iter().map(|c| c.0).collect(),
            },
            Cond::Or(cs, _) => Node::Or {
                operands: cs.iter().map(|c| c.0).collect(),
            },
            Cond::Unknown(_) => Node::Unknown,
        })
        .collect();
    ConditionJson {
        text: condition::words(model, &c, lang),
        root: c.root.0,
        nodes,
    }
}

/// A fact as the JSON outputs show it: name, label, type, variants.
pub(super) fn fact<'a>(model: &'a Model, f: &'a crate::model::Fact) -> Fact<'a> {
    Fact {
        name: model.name(&f.named),
        label: model.label(&f.named),
        ty: match f.ty {
            FactType::Count => "count",
            FactType::Number { .. } => "number",
            FactType::Flag => "flag",
            FactType::OneOf(_) => "one_of",
        },
        variants: match &f.ty {
            FactType::OneOf(vs) => Some(
                vs.iter()
                    .map(|v| Named {
                        name: v.name,
                        label: Cow::Borrowed(&v.label.value),
                    })
                    .collect(),
            ),
            _ => None,
        },
    }
}
