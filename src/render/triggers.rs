//! `planc triggers`: the plan's decision table (`logic::decision_table`) as
//! Markdown, in the plan's language, or as JSON for other tools (schema in
//! docs/triggers.md). A row is a region of fact values: a set of values for
//! each fact it names, any value for the others.

use std::fmt::Write;

use serde::Serialize;

use super::json;
use super::markdown::escape;
use super::words::Lang;
use crate::logic::sets::FactSet;
use crate::logic::split::Point;
use crate::logic::{DecisionRow, DecisionTable};
use crate::model::{FactId, FactType, Model};

/// The value of `schema` in the table's JSON.
pub const SCHEMA: &str = "planc-triggers";
/// The schema version of the table's JSON.
pub const VERSION: u32 = 1;

/// The fixed words of the table.
struct Words {
    title: &'static str,
    intro: &'static str,
    set_off: &'static str,
    response: &'static str,
    any: &'static str,
    yes: &'static str,
    no: &'static str,
    none: &'static str,
    not_set_off: &'static str,
    no_level: &'static str,
    unknown: &'static str,
    list: &'static str,
    triggers_list: &'static str,
}

static ZH: Words = Words {
    title: "触发条件判定表",
    intro: "每一行是事实取值的一个范围：标为“任意”的事实可取任意值。各行互不重叠，合起来涵盖所有取值；每一行内启动的触发条件和响应级别处处相同（按条件精确计算，不是抽样）。",
    set_off: "启动的触发条件",
    response: "响应级别",
    any: "任意",
    yes: "是",
    no: "否",
    none: "（无）",
    not_set_off: "不启动",
    no_level: "（未定级别）",
    unknown: "未知",
    list: "、",
    triggers_list: "；",
};

static EN: Words = Words {
    title: "Decision table",
    intro: "Each row is a range of fact values; a fact marked \"any\" may take any value. The rows do not overlap and together cover every value; within a row the triggers set off and the response level are the same everywhere (worked out exactly from the conditions, not sampled).",
    set_off: "Triggers set off",
    response: "Response level",
    any: "any",
    yes: "yes",
    no: "no",
    none: "(none)",
    not_set_off: "not set off",
    no_level: "(no level)",
    unknown: "not known",
    list: ", ",
    triggers_list: "; ",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A set of values of a fact in words: `0–4、50–99`, `≥ 100`, `是`, `自残、自杀`.
pub fn values(model: &Model, fact: FactId, set: &FactSet, lang: Lang) -> String {
    let w = words(lang);
    match &model.fact(fact).ty {
        FactType::Count => set
            .ranges()
            .iter()
            .map(|&(a, b)| match b {
                u64::MAX => format!("≥ {a}"),
                b if a == b => a.to_string(),
                b => format!("{a}–{b}"),
            })
            .collect::<Vec<_>>()
            .join(w.list),
        FactType::Number { places } => set
            .ranges()
            .iter()
            .map(|&(a, b)| {
                let (lower, upper) = crate::decimal::range_of_units(a, b, *places);
                crate::decimal::range_words(lower, upper)
            })
            .collect::<Vec<_>>()
            .join(w.list),
        FactType::Flag => match set.contains(Point::Variant(1)) {
            true => w.yes.to_string(),
            false => w.no.to_string(),
        },
        FactType::OneOf(variants) => {
            let mut names: Vec<&str> = variants
                .iter()
                .enumerate()
                .filter(|(i, _)| set.contains(Point::Variant(*i as u32)))
                .map(|(_, v)| v.label.value.trim())
                .collect();
            // The value after the variants: not known (not set in `simulate`).
            if set.contains(Point::Variant(variants.len() as u32)) {
                names.push(w.unknown);
            }
            names.join(w.list)
        }
    }
}

fn set_of(row: &DecisionRow, fact: FactId) -> Option<&FactSet> {
    row.region.iter().find(|(f, _)| *f == fact).map(|(_, s)| s)
}

/// The table as a Markdown document.
pub fn markdown(model: &Model, table: &DecisionTable, lang: Lang) -> String {
    let w = words(lang);
    let title = model.title();
    let colon = super::words::Lang::words(lang).colon;
    let mut out = String::new();
    let _ = writeln!(out, "# {}{colon}{}\n", w.title, escape(title));
    let _ = writeln!(out, "{}\n", w.intro);
    let mut header: Vec<String> = table
        .facts
        .iter()
        .map(|f| escape(&model.label(&model.fact(*f).named)))
        .collect();
    header.push(w.set_off.to_string());
    header.push(w.response.to_string());
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(header.len()));
    for row in &table.rows {
        let mut cells: Vec<String> = table
            .facts
            .iter()
            .map(|&f| match set_of(row, f) {
                Some(set) => escape(&values(model, f, set, lang)),
                None => w.any.to_string(),
            })
            .collect();
        let fired: Vec<String> = row
            .fired
            .iter()
            .map(|t| escape(&model.label(&model.trigger(*t).named)))
            .collect();
        cells.push(if fired.is_empty() {
            w.none.to_string()
        } else {
            fired.join(w.triggers_list)
        });
        cells.push(match (row.fired.is_empty(), row.level) {
            (true, _) => w.not_set_off.to_string(),
            (false, None) => w.no_level.to_string(),
            (false, Some(l)) => {
                let level = &model.levels[l.index()].named;
                escape(&format!(
                    "{} {}",
                    model.name(level),
                    model.label(level).trim()
                ))
            }
        });
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

#[derive(Serialize)]
struct Json<'a> {
    schema: &'static str,
    version: u32,
    plan: &'a str,
    facts: Vec<json::Fact<'a>>,
    rows: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct Row<'a> {
    /// By fact name; facts not named take any value.
    when: serde_json::Map<String, serde_json::Value>,
    triggers: Vec<&'a str>,
    level: Option<&'a str>,
}

/// The table as JSON (docs/triggers.md).
pub fn json(model: &Model, table: &DecisionTable) -> String {
    let facts = table
        .facts
        .iter()
        .map(|&f| json::fact(model, model.fact(f)))
        .collect();
    let rows = table
        .rows
        .iter()
        .map(|row| Row {
            when: row
                .region
                .iter()
                .map(|(f, set)| {
                    (
                        model.name(&model.fact(*f).named).to_string(),
                        value(model, *f, set),
                    )
                })
                .collect(),
            triggers: row
                .fired
                .iter()
                .map(|t| model.name(&model.trigger(*t).named))
                .collect(),
            level: row
                .level
                .map(|l| model.name(&model.levels[l.index()].named)),
        })
        .collect();
    let doc = Json {
        schema: SCHEMA,
        version: VERSION,
        plan: model.title(),
        facts,
        rows,
    };
    crate::escape::json_text(serde_json::to_string_pretty(&doc).unwrap_or_default()) + "\n"
}

/// A set of values as JSON: counts as `[{"from", "to"}]` (`to` null: no
/// upper end), a flag as `true`/`false`, variants as a list of names (`null`:
/// not known).
fn value(model: &Model, fact: FactId, set: &FactSet) -> serde_json::Value {
    use serde_json::{Value, json};
    match &model.fact(fact).ty {
        FactType::Count => Value::Array(
            set.ranges()
                .iter()
                .map(|&(a, b)| json!({"from": a, "to": (b != u64::MAX).then_some(b)}))
                .collect(),
        ),
        // (v1) `{"from", "to"}` as decimals, with whether each end belongs.
        FactType::Number { places } => Value::Array(
            set.ranges()
                .iter()
                .map(|&(a, b)| {
                    let (lower, upper) = crate::decimal::range_of_units(a, b, *places);
                    json!({
                        "from": lower.value.to_string(),
                        "from_included": lower.inclusive,
                        "to": upper.map(|u| u.value.to_string()),
                        "to_included": upper.map(|u| u.inclusive),
                    })
                })
                .collect(),
        ),
        FactType::Flag => Value::Bool(set.contains(Point::Variant(1))),
        FactType::OneOf(variants) => Value::Array(
            variants
                .iter()
                .map(|v| Value::String(v.name.to_string()))
                .chain([Value::Null])
                .enumerate()
                .filter(|(i, _)| set.contains(Point::Variant(*i as u32)))
                .map(|(_, v)| v)
                .collect(),
        ),
    }
}
