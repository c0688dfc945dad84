//! Plans generated from the grammar (spec §1–2) for property tests. Every
//! generated plan parses, and every reference names an item of the right kind
//! and type defined somewhere in the file (often further down, or in a
//! section); escalations go up and `after`s go back, so there is no cycle.
//! What varies: which items exist, their statements, conditions up to three
//! levels deep, labels with escapes and full-width punctuation, names in
//! Chinese or with `-`, layout (one line or a block a statement a line,
//! with or without `;`), comments, sections, item order, CRLF.
//!
//! A plan is data, so proptest shrinks a failing one by dropping items,
//! statements and parts of conditions: the failure is reported as a small plan.
#![allow(dead_code)]

mod text;

use proptest::prelude::*;
use proptest::sample::Index;

const ROLES: &[&str] = &[
    "leader",
    "office",
    "scene",
    "on-call",
    "组长",
    "deputy_director",
];
const EXTERNALS: &[&str] = &["police", "superior", "上级部门"];
const FACTS: &[&str] = &["visitors", "cross", "act", "人数", "armed"];
const VARIANTS: &[&str] = &["self_harm", "violence", "other"];
const LEVELS: &[&str] = &["I", "II", "Ⅲ"];
const TRIGGERS: &[&str] = &["mass_visit", "extreme", "severe", "集体上访"];
const STEPS: &[&str] = &["report", "to_scene", "calm", "record", "通报", "step2"];
const HOLDERS: &[&str] = &["张三", "李四(主任)", "_____", "XXX"];
const DURATIONS: &[&str] = &["5m", "10m", "30m", "1h", "1h30m", "2h", "1d"];
/// Labels as they are written in the file: escapes, full-width punctuation, quotes.
const LABELS: &[&str] = &[
    "\"领导小组组长\"",
    "\"信访工作办公室：负责“接待”，（含登记）；\"",
    "\"含\\\"引号\\\"与\\\\反斜杠\"",
    "\"第一行\\n第二行\\t\\u{4E2D}\"",
    "\"Reception <desk> & 'office'\"",
    "\"\"",
];
const OPS: &[&str] = &[">=", ">", "<=", "<", "==", "!="];

#[derive(Debug, Clone)]
pub struct Role {
    holder: Option<usize>,
    phone: bool,
    duties: usize,
    /// Escalations up: to a role above (defined before) or an external.
    escalates: Vec<(Index, Option<usize>)>,
    /// A deputy below (defined after), so deputies never form a chain back.
    deputy: Option<Index>,
    label: usize,
}

#[derive(Debug, Clone, Copy)]
pub enum FactKind {
    Count,
    Flag,
    OneOf(usize),
}

#[derive(Debug, Clone)]
pub enum Cond {
    /// A fact read as its type says: `f OP n`, `f`, or `f in { … }`.
    Fact {
        fact: Index,
        op: usize,
        value: u16,
        variants: Vec<bool>,
    },
    /// An earlier trigger (a fact when there is none).
    Trigger(Index),
    Not(Box<Cond>),
    And(Vec<Cond>),
    Or(Vec<Cond>),
    Paren(Box<Cond>),
}

#[derive(Debug, Clone)]
pub struct Trigger {
    cond: Cond,
    level: Option<Index>,
    label: usize,
}

#[derive(Debug, Clone)]
pub struct Step {
    owner: Index,
    on: Vec<Index>,
    /// Earlier steps only.
    after: Vec<Index>,
    with: Vec<Index>,
    notify: Vec<Index>,
    within: Option<usize>,
    until: bool,
    text: bool,
    label: usize,
}

#[derive(Debug, Clone)]
pub struct Layout {
    multiline: bool,
    semicolons: bool,
    comments: bool,
    sections: bool,
    reverse: bool,
    crlf: bool,
}

/// Shown as its text, so that a shrunk failure reads as a plan.
#[derive(Clone)]
pub struct Plan {
    commander: bool,
    issuer: bool,
    date: bool,
    roles: Vec<Role>,
    externals: usize,
    facts: Vec<FactKind>,
    levels: usize,
    triggers: Vec<Trigger>,
    steps: Vec<Step>,
    routine: bool,
    drill: bool,
    layout: Layout,
}

fn role() -> impl Strategy<Value = Role> {
    (
        prop::option::of(0..HOLDERS.len()),
        any::<bool>(),
        0usize..3,
        prop::collection::vec((any::<Index>(), prop::option::of(0..DURATIONS.len())), 0..3),
        prop::option::of(any::<Index>()),
        0..LABELS.len(),
    )
        .prop_map(|(holder, phone, duties, escalates, deputy, label)| Role {
            holder,
            phone,
            duties,
            escalates,
            deputy,
            label,
        })
}

fn fact_kind() -> impl Strategy<Value = FactKind> {
    prop_oneof![
        Just(FactKind::Count),
        Just(FactKind::Flag),
        (1..=VARIANTS.len()).prop_map(FactKind::OneOf),
    ]
}

fn cond() -> impl Strategy<Value = Cond> {
    let leaf = prop_oneof![
        4 => (any::<Index>(), 0..OPS.len(), 0u16..120, prop::collection::vec(any::<bool>(), 3))
            .prop_map(|(fact, op, value, variants)| Cond::Fact { fact, op, value, variants }),
        1 => any::<Index>().prop_map(Cond::Trigger),
    ];
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            inner.clone().prop_map(|c| Cond::Not(Box::new(c))),
            prop::collection::vec(inner.clone(), 2..4).prop_map(Cond::And),
            prop::collection::vec(inner.clone(), 2..4).prop_map(Cond::Or),
            inner.prop_map(|c| Cond::Paren(Box::new(c))),
        ]
    })
}

fn step() -> impl Strategy<Value = Step> {
    (
        any::<Index>(),
        prop::collection::vec(any::<Index>(), 0..3),
        prop::collection::vec(any::<Index>(), 0..3),
        prop::collection::vec(any::<Index>(), 0..3),
        prop::collection::vec(any::<Index>(), 0..3),
        prop::option::of(0..DURATIONS.len()),
        any::<(bool, bool)>(),
        0..LABELS.len(),
    )
        .prop_map(
            |(owner, on, after, with, notify, within, (until, text), label)| Step {
                owner,
                on,
                after,
                with,
                notify,
                within,
                until,
                text,
                label,
            },
        )
}

pub fn plan() -> impl Strategy<Value = Plan> {
    (
        any::<(bool, bool, bool)>(),
        prop::collection::vec(role(), 1..=ROLES.len()),
        0..=EXTERNALS.len(),
        prop::collection::vec(fact_kind(), 1..=FACTS.len()),
        0..=LEVELS.len(),
        prop::collection::vec(
            (cond(), prop::option::of(any::<Index>()), 0..LABELS.len()),
            1..=TRIGGERS.len(),
        ),
        prop::collection::vec(step(), 1..=STEPS.len()),
        any::<(bool, bool)>(),
        any::<[bool; 6]>(),
    )
        .prop_map(
            |(
                (commander, issuer, date),
                roles,
                externals,
                facts,
                levels,
                triggers,
                steps,
                (routine, drill),
                l,
            )| Plan {
                commander,
                issuer,
                date,
                roles,
                externals,
                facts,
                levels,
                triggers: triggers
                    .into_iter()
                    .map(|(cond, level, label)| Trigger { cond, level, label })
                    .collect(),
                steps,
                routine,
                drill,
                layout: Layout {
                    multiline: l[0],
                    semicolons: l[1],
                    comments: l[2],
                    sections: l[3],
                    reverse: l[4],
                    crlf: l[5],
                },
            },
        )
}
