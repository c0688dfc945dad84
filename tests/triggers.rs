//! `planc triggers`: the decision table of a small plan written out by hand,
//! the table of every bundled plan (insta snapshots) checked row by row
//! against `simulate` at one point of each region, the JSON's shape, markup
//! in labels, and the command's exit codes.

mod support;

use planc::logic::split::Point;
use planc::logic::{Conditions, DecisionTable, decision_table};
use planc::model::{FactType, Model};
use planc::render::{Lang, triggers};
use planc::simulate::{self, Facts, Value};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use support::*;

fn table(model: &Model, graphs: &planc::graph::Graphs) -> DecisionTable {
    let conditions = Conditions::of(model, graphs);
    decision_table(model, &conditions).expect("an exact table")
}

fn markdown(source: &str, lang: Option<Lang>) -> String {
    with_plan(source, |_, model, graphs| {
        let lang = lang.unwrap_or_else(|| Lang::detect(model));
        triggers::markdown(model, &table(model, graphs), lang)
    })
}

const SMALL: &str = r#"plan "测试预案" { issuer "测试单位"; commander leader }
role leader "组长" { holder "张三" }
level I "特别重大"
level III "较大"
fact crowd "到场人数": count
fact act "过激行为": one_of { self_harm "自残", violence "暴力冲击" }
trigger mid "较多人员" when crowd >= 5 and crowd < 30 level III
trigger many "大量人员" when crowd >= 50 level I
trigger extreme "极端行为" when act in { violence } level I
step report "报告" { owner leader; on mid, many, extreme }
"#;

#[test]
fn a_small_plan_gives_the_table_a_reviewer_would_write() {
    let want = "\
# 触发条件判定表：测试预案

每一行是事实取值的一个范围：标为“任意”的事实可取任意值。各行互不重叠，合起来涵盖所有取值；每一行内启动的触发条件和响应级别处处相同（按条件精确计算，不是抽样）。

| 到场人数 | 过激行为 | 启动的触发条件 | 响应级别 |
| --- | --- | --- | --- |
| 0–4、30–49 | 自残、未知 | （无） | 不启动 |
| 0–4、30–49 | 暴力冲击 | 极端行为 | I 特别重大 |
| 5–29 | 自残、未知 | 较多人员 | III 较大 |
| 5–29 | 暴力冲击 | 较多人员；极端行为 | I 特别重大 |
| ≥ 50 | 自残、未知 | 大量人员 | I 特别重大 |
| ≥ 50 | 暴力冲击 | 大量人员；极端行为 | I 特别重大 |
";
    assert_eq!(markdown(SMALL, None), want);
}

/// The values of every fact at the first point of a row's region; a fact
/// the row leaves free takes its first value (0, false, not known).
fn point_of(model: &Model, row: &planc::logic::DecisionRow) -> Facts {
    let mut facts = Facts::none(model);
    for (i, fact) in model.facts.iter().enumerate() {
        let set = row
            .region
            .iter()
            .find(|(f, _)| f.index() == i)
            .map(|(_, s)| s);
        let first = set.and_then(|s| s.first());
        facts.values[i] = match (&fact.ty, first) {
            (FactType::Count, Some(Point::Count(v))) => Some(Value::Count(v)),
            (FactType::Count, _) => Some(Value::Count(0)),
            // A number fact's point is in the logic's units (v1).
            (FactType::Number { places }, Some(Point::Count(v))) => Some(Value::Number(
                planc::decimal::Decimal::from_scaled(v, *places),
            )),
            (FactType::Number { .. }, _) => Some(Value::Number(planc::decimal::Decimal::ZERO)),
            (FactType::Flag, Some(Point::Variant(v))) => Some(Value::Flag(v == 1)),
            (FactType::Flag, _) => Some(Value::Flag(false)),
            // The value after the variants is "not known": not set.
            (FactType::OneOf(vs), Some(Point::Variant(v))) if (v as usize) < vs.len() => {
                Some(Value::Variant(v))
            }
            (FactType::OneOf(_), _) => None,
        };
    }
    facts
}

#[test]
fn every_row_agrees_with_simulate_at_a_point_of_its_region() {
    let mut sources: Vec<(String, String)> = bundled()
        .into_iter()
        .map(|(stem, _, source)| (stem, source))
        .collect();
    sources.push(("small".into(), SMALL.into()));
    for (stem, source) in sources {
        with_plan(&source, |_, model, graphs| {
            let t = table(model, graphs);
            assert!(!t.rows.is_empty(), "{stem}");
            for row in &t.rows {
                let facts = point_of(model, row);
                let sim = simulate::run(model, graphs, facts.clone(), None);
                let mut fired: Vec<_> = sim
                    .triggers
                    .iter()
                    .filter(|o| o.fired)
                    .map(|o| o.trigger)
                    .collect();
                fired.sort();
                assert_eq!(fired, row.fired, "{stem}: {facts:?}");
                assert_eq!(sim.level, row.level, "{stem}: {facts:?}");
            }
        });
    }
}

#[test]
fn markdown_of_every_bundled_plan() {
    for (stem, _, source) in bundled() {
        insta::assert_snapshot!(format!("triggers_{stem}"), markdown(&source, None));
    }
    let (_, _, source) = &bundled()[3];
    insta::assert_snapshot!("triggers_english", markdown(source, Some(Lang::En)));
}

#[test]
fn json_of_a_bundled_plan() {
    let (_, _, source) = &bundled()[1];
    let json = with_plan(source, |_, model, graphs| {
        triggers::json(model, &table(model, graphs))
    });
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["schema"], "planc-triggers");
    insta::assert_snapshot!("triggers_json_xinfang-chuzhi", json);
}

/// Rows and cells of every Markdown table, as a parser reads them.
fn cells(md: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut cell = String::new();
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell.clear(),
            Event::End(TagEnd::TableCell) => {
                if let Some(r) = rows.last_mut() {
                    r.push(cell.clone());
                }
            }
            Event::Text(t) | Event::Code(t) => cell.push_str(&t),
            _ => {}
        }
    }
    rows
}

#[test]
fn markup_in_labels_stays_inside_its_cell() {
    let source = markup();
    let md = markdown(&source, None);
    let rows = cells(&md);
    let facts = with_plan(&source, |_, model, graphs| {
        let t = table(model, graphs);
        assert_eq!(rows.len(), t.rows.len() + 1, "{md}");
        t.facts.len()
    });
    for row in &rows {
        assert_eq!(row.len(), facts + 2, "{md}");
    }
}

#[test]
fn the_command_prints_the_table_and_refuses_a_plan_with_errors() {
    let (_, plan, source) = &bundled()[3];
    let out = planc(&["triggers", path_str(plan)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), markdown(source, None));
    let out = planc(&[
        "triggers",
        path_str(plan),
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(value["rows"].as_array().map(Vec::len), Some(16));
    let out = planc(&["triggers", path_str(plan), "--lang", "en"]);
    assert!(stdout(&out).starts_with("# Decision table: "));

    let dir = temp_root();
    let broken = dir.path().join("broken.plan");
    std::fs::write(&broken, "plan \"x\" { commander nobody }\n").unwrap();
    let out = planc(&["triggers", path_str(&broken)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
}
