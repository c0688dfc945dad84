//! The checklists and exercises of small hand-made plans, with steps that
//! have both `on` and `after`: which steps, in which order and phase, due
//! when, under which trigger. Every expectation is written by hand from the
//! rule "When a step runs" (docs/language.md), never computed by planc.

mod generate;
mod support;

use planc::render::Lang;
use planc::simulate::{self, Clock, Facts};
use support::*;

/// The plan of issue 11: a step guarded by `on big` after a shared step.
const GRADED: &str = r#"
plan "p" { commander boss }
role boss "组长" { holder "张伟" }
fact n "人数": count
trigger small "一般" when n >= 1
trigger big "重大" when n >= 50
step report "报告" { owner boss; on small, big; within 10m }
step call_gov "请求县政府支援" { owner boss; on big; after report; within 1h }
drill d "演练" { owner boss; every 1y }
"#;

/// A plan graded by level: a shared first response, level-specific steps
/// after it, a step that waits for nothing, and a step without `on`.
const LEVELS: &str = r#"
plan "分级响应" { commander leader }
role leader "组长" { holder "张伟" }
role office "办公室" { holder "李娜"; escalates to leader within 10m }
role scene "现场组" { holder "王强"; escalates to leader within 10m }
fact n "到场人数": count
fact act "过激行为": one_of { self_harm "自残", violence "暴力冲击" }
level II "重大"
level IV "一般"
trigger minor "一般事件" when n >= 5 level IV
trigger major "重大事件" when n >= 50 level II
trigger violent "暴力冲击" when act in { violence }
step first "先期处置" { owner office; on minor, major, violent; within 10m }
step stop "制止暴力" { owner scene; on violent; within 5m }
step report_iv "向县信访局报告" { owner office; on minor; after first; within 1h }
step declare_ii "组长宣布启动Ⅱ级响应" { owner leader; on major; after first; within 30m }
step county "请求县政府支援" { owner leader; on major; after declare_ii; within 1h }
step record "整理记录" { owner office; after first }
drill d "演练" { owner office; every 1y }
"#;

/// `(step, phase, due in seconds)` of each step of a checklist, in order.
type Row = (&'static str, u32, Option<u64>);
/// A trigger's name and its checklist's rows.
type Checklist = (String, Vec<(String, u32, Option<u64>)>);
/// A group of a role card: the triggers and the tasks (name, due in seconds).
type CardGroup = (Vec<String>, Vec<(String, Option<u64>)>);

fn checklists(source: &str) -> Vec<Checklist> {
    let doc = document(source, None);
    doc.triggers
        .iter()
        .map(|t| {
            let steps = doc
                .checklist(t)
                .into_iter()
                .map(|s| (s.name.clone(), s.phase, s.within.map(|d| d.seconds)))
                .collect();
            (t.name.clone(), steps)
        })
        .collect()
}

fn rows(trigger: &str, rows: &[Row]) -> Checklist {
    let rows = rows
        .iter()
        .map(|(s, p, d)| (s.to_string(), *p, *d))
        .collect();
    (trigger.to_string(), rows)
}

#[test]
fn the_guarded_step_is_only_on_the_checklist_of_its_trigger() {
    assert_eq!(
        checklists(GRADED),
        [
            rows("small", &[("report", 1, Some(600))]),
            // `small` fires whenever `big` does (n >= 50 means n >= 1).
            rows(
                "big",
                &[("report", 1, Some(600)), ("call_gov", 2, Some(3600))]
            ),
        ]
    );
    let doc = document(GRADED, None);
    let also: Vec<&str> = doc.triggers[1]
        .also
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(also, ["small"]);
    assert!(doc.triggers[0].also.is_empty());
}

#[test]
fn checklists_by_level_phase_and_due_time() {
    assert_eq!(
        checklists(LEVELS),
        [
            // Most severe level first. `minor` fires whenever `major` does.
            rows(
                "major",
                &[
                    ("first", 1, Some(600)),
                    ("declare_ii", 2, Some(1800)),
                    ("report_iv", 2, Some(3600)),
                    ("record", 2, None),
                    ("county", 3, Some(3600)),
                ]
            ),
            rows(
                "minor",
                &[
                    ("first", 1, Some(600)),
                    ("report_iv", 2, Some(3600)),
                    ("record", 2, None),
                ]
            ),
            // Stopping the violence waits for nothing and is due first.
            rows(
                "violent",
                &[
                    ("stop", 1, Some(300)),
                    ("first", 1, Some(600)),
                    ("record", 2, None)
                ]
            ),
        ]
    );
}

#[test]
fn role_cards_list_each_roles_part_under_each_trigger() {
    let doc = document(LEVELS, None);
    let card = |role: &str| -> Vec<CardGroup> {
        doc.role(role)
            .unwrap()
            .triggers
            .iter()
            .map(|g| {
                let triggers = g.triggers.iter().map(|t| t.name.clone()).collect();
                let tasks = g
                    .tasks
                    .iter()
                    .map(|t| (t.name.clone(), t.within.map(|d| d.seconds)))
                    .collect();
                (triggers, tasks)
            })
            .collect()
    };
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let t = |v: &[(&str, Option<u64>)]| {
        v.iter()
            .map(|(n, d)| (n.to_string(), *d))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        card("leader"),
        [(
            s(&["major"]),
            t(&[("declare_ii", Some(1800)), ("county", Some(3600))])
        )]
    );
    assert_eq!(
        card("office"),
        [
            (
                s(&["major", "minor"]),
                t(&[
                    ("first", Some(600)),
                    ("report_iv", Some(3600)),
                    ("record", None)
                ])
            ),
            (
                s(&["violent"]),
                t(&[("first", Some(600)), ("record", None)])
            ),
        ]
    );
}

#[test]
fn json_checklists_name_steps_phases_and_due_times() {
    let value: serde_json::Value = serde_json::from_str(&json(LEVELS)).unwrap();
    let trigger = |name: &str| {
        value["triggers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == name)
            .unwrap()
            .clone()
    };
    // `major` holds every step of `minor` (the same phases and due times):
    // it names it and lists the other two.
    let major = trigger("major");
    assert_eq!(major["builds_on"], "minor");
    assert_eq!(
        major["checklist"],
        serde_json::json!(["declare_ii", "county"])
    );
    assert_eq!(major["implies"], serde_json::json!(["minor"]));
    assert_eq!(
        major["schedule"],
        serde_json::json!([
            {"step": "declare_ii", "phase": 2, "due": {"seconds": 1800, "text": "30m"}, "from": null},
            {"step": "county", "phase": 3, "due": {"seconds": 3600, "text": "1h"}, "from": null},
        ])
    );
    let minor = trigger("minor");
    assert_eq!(minor["builds_on"], serde_json::Value::Null);
    assert_eq!(
        minor["schedule"],
        serde_json::json!([
            {"step": "first", "phase": 1, "due": {"seconds": 600, "text": "10m"}, "from": null},
            {"step": "report_iv", "phase": 2, "due": {"seconds": 3600, "text": "1h"}, "from": null},
            {"step": "record", "phase": 2, "due": null, "from": null},
        ])
    );
    let violent = trigger("violent");
    assert_eq!(
        violent["checklist"],
        serde_json::json!(["stop", "first", "record"])
    );
    assert_eq!(violent["implies"], serde_json::json!([]));
}

#[test]
fn markdown_shows_the_phases() {
    let md = markdown(GRADED, None);
    let big = &md[md.find("### 触发条件：重大").unwrap()..md.find("## 角色卡").unwrap()];
    assert_eq!(
        big,
        "### 触发条件：重大\n\n**条件**：人数 ≥ 50\n\n**同时启动**：一般\n\n\
         启动时间：＿＿＿＿＿＿\u{3000}指挥人：＿＿＿＿＿＿\u{3000}（时限自启动预案时起算）\n\n\
         **下列步骤包括「一般」的全部步骤（时限相同）和本条新增的步骤：**\n\n\
         #### 第 1 阶段\n\n- [ ] **报告**\n  - **负责**：组长（张伟）\n  - **时限**：10分钟内\n\n\
         #### 第 2 阶段\n\n- [ ] **请求县政府支援**\n  - **负责**：组长（张伟）\n  - **时限**：1小时内\n  - **须先完成**：报告\n\n"
    );
    let md = markdown(LEVELS, Some(Lang::En));
    assert!(
        md.contains("#### Phase 1 (2 steps at the same time)\n\n- [ ] **制止暴力**"),
        "{md}"
    );
}

fn simulate(source: &str, set: &[&str], start: Option<&str>) -> String {
    with_plan(source, |_, model, graphs| {
        let settings: Vec<String> = set.iter().map(|s| s.to_string()).collect();
        let facts = Facts::parse(model, &settings).unwrap();
        let start = start.map(|s| Clock::parse(s).unwrap());
        let sim = simulate::run(model, graphs, facts, start);
        simulate::text::render(&sim, model, Lang::Zh)
    })
}

/// The part of the exercise between two headings.
fn part<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let start = text
        .find(from)
        .unwrap_or_else(|| panic!("no {from} in\n{text}"));
    let end = text[start..].find(to).map_or(text.len(), |e| start + e);
    &text[start..end]
}

#[test]
fn the_exercise_of_the_issue_plan() {
    let few = simulate(GRADED, &["n=3"], None);
    assert_eq!(
        part(&few, "响应步骤", "升级链"),
        "响应步骤（按执行顺序；同一阶段的步骤可同时进行）\n  第 1 阶段\n    1. 报告\n        时限：+10m\n        负责：组长（张伟）\n        启动自：一般\n\n\
         未执行的步骤\n  - 请求县政府支援：其触发条件未启动（重大）\n\n"
    );
    let many = simulate(GRADED, &["n=60"], Some("2026-11-28T09:00"));
    assert_eq!(
        part(&many, "响应步骤", "升级链"),
        "响应步骤（按执行顺序；同一阶段的步骤可同时进行）\n  第 1 阶段\n    1. 报告\n        时限：+10m（2026-11-28 09:10）\n        负责：组长（张伟）\n        启动自：一般；重大\n\
         \x20 第 2 阶段\n    2. 请求县政府支援\n        时限：+1h（2026-11-28 10:00）\n        负责：组长（张伟）\n        启动自：重大\n\n"
    );
}

#[test]
fn the_exercise_of_the_level_plan_in_phases() {
    let text = simulate(LEVELS, &["n=60", "act=violence"], None);
    let steps = part(&text, "响应步骤", "升级链");
    let lines: Vec<&str> = steps
        .lines()
        .filter(|l| l.starts_with("  第") || l.starts_with("    "))
        .filter(|l| !l.starts_with("     "))
        .collect();
    assert_eq!(
        lines,
        [
            "  第 1 阶段（2 项同时进行）",
            "    1. 制止暴力",
            "    2. 先期处置",
            "  第 2 阶段（3 项同时进行）",
            "    3. 组长宣布启动Ⅱ级响应",
            "    4. 向县信访局报告",
            "    5. 整理记录",
            "  第 3 阶段",
            "    6. 请求县政府支援",
        ]
    );
    // A step without `on` is set off by whatever set off the step it waits for.
    assert!(
        steps.contains("5. 整理记录\n        时限：无时限\n        负责：办公室（李娜）\n        启动自：一般事件；重大事件；暴力冲击\n"),
        "{steps}"
    );
    // Once the act is known and is not violence, `stop` does not run.
    let text = simulate(LEVELS, &["n=8", "act=self_harm"], None);
    assert!(
        text.contains("  - 制止暴力：其触发条件未启动（暴力冲击）\n"),
        "{text}"
    );
    assert!(
        text.contains("  - 请求县政府支援：其触发条件未启动（重大事件）\n"),
        "{text}"
    );
}

/// Per checklist: the trigger it builds on and the steps it lists besides.
fn built_on(source: &str) -> Vec<(String, Option<String>, Vec<String>)> {
    document(source, None)
        .triggers
        .iter()
        .map(|t| {
            let rest = t.steps.iter();
            (
                t.name.clone(),
                t.builds_on.as_ref().map(|b| b.name.clone()),
                rest.map(|s| s.name.clone()).collect(),
            )
        })
        .collect()
}

fn built(
    trigger: &str,
    base: Option<&str>,
    rest: &[&str],
) -> (String, Option<String>, Vec<String>) {
    (
        trigger.to_string(),
        base.map(str::to_string),
        rest.iter().map(|s| s.to_string()).collect(),
    )
}

#[test]
fn a_checklist_holding_every_step_of_another_lists_only_the_rest() {
    assert_eq!(
        built_on(LEVELS),
        [
            // `minor` fires whenever `major` does: its three steps, due
            // as they are under `minor`, are all in `major`'s checklist.
            built("major", Some("minor"), &["declare_ii", "county"]),
            built("minor", None, &["first", "report_iv", "record"]),
            // `record` and `first` but not `report_iv`: not all of `minor`.
            built("violent", None, &["stop", "first", "record"]),
        ]
    );
    assert_eq!(
        built_on(GRADED),
        [
            built("small", None, &["report"]),
            built("big", Some("small"), &["call_gov"]),
        ]
    );
    let page = planc::render::html::render(&document(LEVELS, None));
    assert!(page.contains("下列步骤包括「一般事件」的全部步骤（时限相同）和本条新增的步骤："));
    // 5 + 3 + 3 rows: `major`'s whole checklist is short, so it is printed
    // in full, the three of `minor` with its own two.
    assert_eq!(page.matches("type=\"checkbox\"").count(), 11);
    assert!(page.contains("启动时间：") && page.contains("指挥人："));
    assert_eq!(page.matches("时限自启动预案时起算").count(), 3);
    assert_eq!(page.matches("完成时间").count(), 3);
}

#[test]
fn checklists_with_the_same_steps_and_due_times_build_on_the_first_shown() {
    let plan = r#"
plan "p" { commander boss }
role boss "组长" { holder "张伟" }
fact a "甲": flag
fact b "乙": flag
trigger ta "甲事件" when a
trigger tb "乙事件" when b
step report "报告" { owner boss; on ta, tb; within 10m }
"#;
    assert_eq!(
        built_on(plan),
        [built("ta", None, &["report"]), built("tb", Some("ta"), &[]),]
    );
    let page = planc::render::html::render(&document(plan, None));
    assert!(page.contains("下列步骤与「甲事件」的步骤相同，时限也相同："));
    // Printed in full on each sheet: one short step.
    assert_eq!(page.matches("type=\"checkbox\"").count(), 2);
}

/// Graded levels, each setting off the ones below: every sheet of a short
/// plan holds every step to do at that level, in order (docs/rendering.md,
/// "Checklists that build on another").
const THREE_LEVELS: &str = r#"
plan "p" { commander boss }
role boss "组长" { holder "张伟" }
role office "办公室" { holder "李娜" }
fact n "人数": count
level I "特别重大"
level II "重大"
level III "较大"
trigger t1 "特别重大事件" when n >= 100 level I
trigger t2 "重大事件" when n >= 50 level II
trigger t3 "较大事件" when n >= 10 level III
step receive "接报登记" { owner office; on t3; within 10m }
step report "报告组长" { owner office; on t3; after receive; within 30m }
step lead "组长赶赴现场" { owner boss; on t2; after report; within 1h }
step county "报告县政府" { owner boss; on t1; after lead; within 2h }
"#;

#[test]
fn the_level_ii_sheet_of_a_short_graded_plan_lists_every_step_in_order() {
    let md = markdown(THREE_LEVELS, None);
    let sheet = |title: &str| {
        let from = md.find(&format!("### 触发条件：{title}")).unwrap();
        let rest = &md[from + 1..];
        let to = rest.find("\n### ").map_or(md.len(), |i| from + 1 + i);
        md[from..to].to_string()
    };
    let tasks = |sheet: &str| -> Vec<String> {
        sheet
            .lines()
            .filter_map(|l| l.strip_prefix("- [ ] **"))
            .map(|l| l.trim_end_matches("**").to_string())
            .collect()
    };
    let ii = sheet("重大事件");
    assert_eq!(tasks(&ii), ["接报登记", "报告组长", "组长赶赴现场"], "{ii}");
    assert!(
        ii.contains("**下列步骤包括「较大事件」的全部步骤（时限相同）和本条新增的步骤：**"),
        "{ii}"
    );
    assert!(
        ii.contains("#### 第 1 阶段") && ii.contains("#### 第 3 阶段"),
        "{ii}"
    );
    let i = sheet("特别重大事件");
    assert_eq!(
        tasks(&i),
        ["接报登记", "报告组长", "组长赶赴现场", "报告县政府"],
        "{i}"
    );
    let iii = sheet("较大事件");
    assert_eq!(tasks(&iii), ["接报登记", "报告组长"], "{iii}");
    assert!(!iii.contains("全部步骤"), "{iii}");
    // The JSON keeps what each builds on and what it adds, as data.
    let doc = document(THREE_LEVELS, None);
    let section = doc.triggers.iter().find(|t| t.name == "t2").unwrap();
    assert_eq!(
        section.builds_on.as_ref().map(|b| b.name.as_str()),
        Some("t3")
    );
    let adds: Vec<&str> = section.steps.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(adds, ["lead"]);
    // The role card of the office lists its two tasks under every level.
    let card = doc.role("office").unwrap();
    let entries: Vec<(Vec<&str>, Option<&str>, Vec<&str>)> = card
        .triggers
        .iter()
        .map(|e| {
            (
                e.triggers.iter().map(|t| t.name.as_str()).collect(),
                e.builds_on.as_ref().map(|b| b.name.as_str()),
                e.tasks.iter().map(|t| t.name.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [(vec!["t1", "t2", "t3"], None, vec!["receive", "report"])]
    );
}

/// (v1) A deadline counted from another step is said from that step, with
/// the latest moment the schedule works out; a repeat follows its deadline.
const ANCHORED: &str = r#"
plan "p" { commander boss }
role boss "组长" { holder "张伟"; phone "0571-1111" }
external county "县信访局" { phone "0571-2222" }
fact n "人数": count
trigger big "重大" when n >= 50
step receive "接报" { owner boss; on big; within 15m }
step report "电话报告县信访局" { owner boss; after receive; within 30m from receive; notify county }
step progress "续报进展" { owner boss; after report; within 1h from report; every 30m; until "处置结束" }
"#;

#[test]
fn anchored_deadlines_and_repeats_are_said_as_written() {
    let md = markdown(ANCHORED, None);
    let big = &md[md.find("#### 第 1 阶段").unwrap()..md.find("## 角色卡").unwrap()];
    assert_eq!(
        big,
        "#### 第 1 阶段\n\n- [ ] **接报**\n  - **负责**：组长（张伟，电话0571-1111）\n  - **时限**：15分钟内\n\n\
         #### 第 2 阶段\n\n- [ ] **电话报告县信访局**\n  - **负责**：组长（张伟，电话0571-1111）\n  \
         - **时限**：「接报」完成后30分钟内（最迟45分钟内）\n  - **通知**：县信访局（电话0571-2222）\n  - **须先完成**：接报\n\n\
         #### 第 3 阶段\n\n- [ ] **续报进展**\n  - **负责**：组长（张伟，电话0571-1111）\n  \
         - **时限**：「电话报告县信访局」完成后1小时内（最迟1小时45分钟内），此后每30分钟\n  - **直至**：处置结束\n  - **须先完成**：电话报告县信访局\n\n"
    );
    let card = &md[md.find("- **任务**").unwrap()..];
    assert!(
        card.contains("    - 负责：电话报告县信访局；时限：「接报」完成后30分钟内（最迟45分钟内）；通知：县信访局（电话0571-2222）\n"),
        "{card}"
    );
    let value: serde_json::Value = serde_json::from_str(&json(ANCHORED)).unwrap();
    assert_eq!(
        value["triggers"][0]["schedule"][1],
        serde_json::json!({"step": "report", "phase": 2, "due": {"seconds": 2700, "text": "45m"},
                           "from": {"step": "receive", "within": {"seconds": 1800, "text": "30m"}}})
    );
    let html = planc::render::html::render(&document(ANCHORED, None));
    // The deadline column holds the latest moment from the start; the step
    // says where its deadline counts from, by number.
    assert!(
        html.contains("<span>时限：第 1 项完成后30分钟内</span>"),
        "{html}"
    );
    assert!(
        html.contains("<span>时限：第 2 项完成后1小时内</span><span>重复：此后每30分钟</span>"),
        "{html}"
    );
    assert!(
        html.contains("<td class=\"due\"><span class=\"deadline\">1小时45分钟内</span></td>"),
        "{html}"
    );
}

/// `Checklists` keeps each group's response as what it changes in another's;
/// written out, it is the response to the trigger and every trigger that
/// fires whenever it does (`Schedule::respond`), and what it `extends` is
/// held whole, with `added` the rest. `Err` says where they differ.
pub fn checklists_are_the_responses(source: &str) -> Result<(), String> {
    use planc::logic::schedule::{Checklists, Schedule};
    let compiled = planc::pipeline::compile(source, &planc::config::Config::default());
    let (Some(model), Some(graphs)) = (&compiled.model, &compiled.graphs) else {
        return Ok(());
    };
    let schedule = Schedule::build(model);
    let lists = Checklists::build(model, graphs, &schedule);
    let implications = lists.implications();
    for t in model.trigger_ids() {
        let g = implications.group_of(t);
        let mut fired = implications.members(g).to_vec();
        fired.extend(implications.of(t));
        let expected = schedule.respond(model, &fired);
        let name = model.name(&model.trigger(t).named);
        if lists.of(t) != expected {
            return Err(format!("{name}: {:?}\n!= {expected:?}", lists.of(t)));
        }
        if lists.len(g) != expected.steps.len() {
            return Err(format!("{name}: len {}", lists.len(g)));
        }
        if let Some(h) = lists.extends(g) {
            let base = lists.response(h);
            let held = |s: &planc::logic::schedule::Scheduled| {
                expected
                    .get(s.step)
                    .is_some_and(|e| (e.phase, e.due) == (s.phase, s.due))
            };
            if !base.steps.iter().all(held) {
                return Err(format!("{name}: does not hold what it extends"));
            }
            let added: Vec<_> = lists.added(g).cloned().collect();
            let rest: Vec<_> = expected
                .steps
                .iter()
                .filter(|s| base.get(s.step).is_none())
                .cloned()
                .collect();
            if added != rest {
                return Err(format!("{name}: adds {added:?}\n!= {rest:?}"));
            }
        }
    }
    Ok(())
}

fn plans_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            plans_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "plan") {
            out.push(path);
        }
    }
}

#[test]
fn each_checklist_is_the_response_to_its_trigger_and_those_it_sets_off() {
    let mut paths = Vec::new();
    plans_under(&support::root().join("plans"), &mut paths);
    plans_under(&support::root().join("tests/fixtures"), &mut paths);
    assert!(paths.len() > 100, "{}", paths.len());
    for path in paths {
        let Ok(source) = std::fs::read_to_string(&path) else {
            continue;
        };
        if let Err(e) = checklists_are_the_responses(&source) {
            panic!("{}: {e}", path.display());
        }
    }
    for source in [GRADED, LEVELS] {
        checklists_are_the_responses(source).unwrap();
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    #[test]
    fn the_checklists_of_a_generated_plan_are_its_responses(plan in generate::plan()) {
        let source = plan.text();
        let result = checklists_are_the_responses(&source);
        proptest::prop_assert!(result.is_ok(), "{result:?}\n{source}");
    }
}
