//! The tabletop exercise: insta snapshots of the text (and one JSON) for a
//! scenario per bundled plan, and the rules it follows (unset facts, order,
//! escalation chains, errors in `--set`).

mod support;

use planc::logic::schedule::NotRun;
use planc::render::Lang;
use planc::simulate::{self, Clock, Facts};
use support::*;

/// `(plan, --set values, --start)` per bundled plan.
const SCENARIOS: &[(&str, &[&str], Option<&str>)] = &[
    ("jiaotongju-2022", &["event=extreme", "skip_level"], None),
    (
        "xinfang-chuzhi",
        &["visitors=60", "act=self_harm"],
        Some("2026-11-28T09:00"),
    ),
    ("xinfang-tufa", &["occurred"], Some("2026-11-28T23:55")),
    (
        "yunguanzhan-2015",
        &["visitors=8", "urgent_info=true"],
        Some("2026-11-28T09:00"),
    ),
];

fn source_of(stem: &str) -> String {
    bundled()
        .into_iter()
        .find(|(s, _, _)| s == stem)
        .map(|(_, _, source)| source)
        .unwrap_or_else(|| panic!("no plan {stem}"))
}

fn run(source: &str, set: &[&str], start: Option<&str>, json: bool) -> String {
    with_plan(source, |_, model, graphs| {
        let settings: Vec<String> = set.iter().map(|s| s.to_string()).collect();
        let facts = Facts::parse(model, &settings).unwrap();
        let start = start.map(|s| Clock::parse(s).unwrap());
        let sim = simulate::run(model, graphs, facts, start);
        let lang = Lang::detect(model);
        if json {
            simulate::json::render(&sim, model, lang)
        } else {
            simulate::text::render(&sim, model, lang)
        }
    })
}

#[test]
fn simulation_of_every_bundled_plan() {
    for (stem, set, start) in SCENARIOS {
        let text = run(&source_of(stem), set, *start, false);
        insta::assert_snapshot!(format!("simulate_{stem}"), text);
    }
}

#[test]
fn simulation_as_json() {
    let (stem, set, start) = SCENARIOS[1];
    let text = run(&source_of(stem), set, start, true);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["schema"], "planc-simulation");
    assert_eq!(value["version"], 2);
    insta::assert_snapshot!(format!("simulate_json_{stem}"), text);
}

#[test]
fn nothing_set_fires_nothing_and_says_why() {
    let text = run(&source_of("xinfang-chuzhi"), &[], None, false);
    assert!(text.contains("没有触发条件启动：预案不启动。"), "{text}");
    assert!(
        text.contains("集体上访人数（visitors）：未设定，按 0 计"),
        "{text}"
    );
    assert!(text.contains("（无）"), "{text}");
    assert!(!text.contains('✓'), "{text}");
}

const SMALL: &str = r#"
plan "Small" { commander boss }
role boss "Boss" { holder "B" }
role mid "Mid" { holder "M"; escalates to boss within 20m }
role low "Low" { holder "L"; escalates to mid within 10m; escalates to police }
role loose "Loose" { holder "X" }
external police "Police"
fact crowd "Crowd": count
fact fire "Fire": flag
fact kind "Kind": one_of { small "small", big "big" }
level I "Severe"
level II "Minor"
trigger many "Many people" when crowd >= 50 level II
trigger burning "Burning" when fire and not kind in { small } level I
trigger calm "Calm" when crowd < 10
step first "First" { owner low; on many; within 5m; notify boss }
step second "Second" { owner loose; on burning; within 1h }
step third "Third" { owner mid; after first, second; within 2h }
step quiet "Quiet" { owner boss; on calm }
drill d "Drill" { owner boss; every 1y }
"#;

#[test]
fn unset_counts_are_zero_flags_false_and_one_of_facts_unknown() {
    with_plan(SMALL, |_, model, graphs| {
        let sim = simulate::run(model, graphs, Facts::none(model), None);
        let fired: Vec<&str> = sim
            .triggers
            .iter()
            .filter(|t| t.fired)
            .map(|t| model.name(&model.trigger(t.trigger).named))
            .collect();
        // crowd = 0 < 10; fire = false; kind unknown.
        assert_eq!(fired, ["calm"]);
        assert_eq!(sim.level, None);
    });
}

#[test]
fn a_step_runs_only_when_every_step_it_waits_for_runs_and_chains_add_up() {
    with_plan(SMALL, |_, model, graphs| {
        let settings = [
            "crowd=70".to_string(),
            "fire".to_string(),
            "kind=big".to_string(),
        ];
        let facts = Facts::parse(model, &settings).unwrap();
        let sim = simulate::run(model, graphs, facts, None);
        let name = |s: planc::model::StepId| model.name(&model.step(s).named);
        let order: Vec<&str> = sim.steps.iter().map(|r| name(r.step)).collect();
        assert_eq!(order, ["first", "second", "third"]);
        assert_eq!(
            sim.level
                .map(|l| model.name(&model.levels[l.index()].named)),
            Some("I")
        );
        let low = sim
            .chains
            .iter()
            .find(|c| model.name(&model.role(c.owner).named) == "low")
            .unwrap();
        let totals: Vec<Option<u64>> = low.hops.iter().map(|h| h.cumulative).collect();
        assert_eq!(totals, [Some(600), Some(1800)]);
        let loose = sim
            .chains
            .iter()
            .find(|c| model.name(&model.role(c.owner).named) == "loose")
            .unwrap();
        assert!(!loose.reaches);

        // Without the fire, `second` does not run, so neither does `third`,
        // which waits for it.
        let facts = Facts::parse(model, &["crowd=70".to_string()]).unwrap();
        let sim = simulate::run(model, graphs, facts, None);
        let order: Vec<&str> = sim.steps.iter().map(|r| name(r.step)).collect();
        assert_eq!(order, ["first"]);
        let skipped: Vec<(&str, &NotRun)> =
            sim.skipped.iter().map(|(s, why)| (name(*s), why)).collect();
        let id = |n: &str| model.step_ids().find(|s| name(*s) == n).unwrap();
        let burning = model
            .trigger_ids()
            .find(|t| model.name(&model.trigger(*t).named) == "burning");
        let calm = model
            .trigger_ids()
            .find(|t| model.name(&model.trigger(*t).named) == "calm");
        assert_eq!(
            skipped,
            [
                ("second", &NotRun::NotSetOff(vec![burning.unwrap()])),
                ("third", &NotRun::Waits(vec![id("second")])),
                ("quiet", &NotRun::NotSetOff(vec![calm.unwrap()])),
            ]
        );
    });
}

#[test]
fn bad_settings_are_clear_errors() {
    with_plan(SMALL, |_, model, _| {
        let err = |s: &str| {
            Facts::parse(model, &[s.to_string()])
                .unwrap_err()
                .text(Lang::En)
        };
        assert_eq!(
            err("crowds=3"),
            "the plan has no fact `crowds`: did you mean `crowd`?"
        );
        assert_eq!(
            err("crowd=lots"),
            "`crowd` is a count: `crowd=lots` must be a whole number such as `crowd=60`"
        );
        assert_eq!(
            err("crowd=-1"),
            "`crowd` is a count: `crowd=-1` must be a whole number such as `crowd=60`"
        );
        assert_eq!(
            err("crowd=99999999999999999999"),
            "`crowd` is a count: `crowd=99999999999999999999` is too large (a count is at most 18446744073709551615)"
        );
        assert_eq!(
            err("fire=maybe"),
            "`fire` is a flag: `fire=maybe` must be `fire=true` or `fire=false`"
        );
        assert_eq!(
            err("kind=huge"),
            "`kind` has no variant `huge`: write `small` (small) or `big` (big)"
        );
        assert_eq!(
            err("many=1"),
            "`many` is a trigger, not a fact: set the facts the triggers are written over (`crowd`, `fire`, `kind`)"
        );
        assert_eq!(
            err("=1"),
            "`--set =1` names no fact: write `--set FACT=VALUE`, e.g. `--set visitors=60`"
        );
        let twice = Facts::parse(model, &["fire".to_string(), "fire=false".to_string()]);
        assert_eq!(
            twice.unwrap_err().text(Lang::En),
            "`fire` is set twice (`--set fire` and `--set fire=false`): give each fact once"
        );
        // A variant is named by its name; `大` is no variant's name.
        assert_eq!(
            err("kind=大"),
            "`kind` has no variant `大`: write `small` (small) or `big` (big)"
        );
    });
}

/// The same refusals in Chinese, as a 科员 reads them.
#[test]
fn bad_settings_are_told_in_chinese() {
    with_plan(SMALL, |_, model, _| {
        let err = |s: &str| {
            Facts::parse(model, &[s.to_string()])
                .unwrap_err()
                .text(Lang::Zh)
        };
        assert_eq!(
            err("crowds=3"),
            "预案里没有事实 `crowds`：是不是想写 `crowd`？"
        );
        assert_eq!(
            err("crowd=lots"),
            "`crowd` 是计数型事实：`crowd=lots` 应是整数，例如 `crowd=60`"
        );
        assert_eq!(
            err("crowd=99999999999999999999"),
            "`crowd` 是计数型事实：`crowd=99999999999999999999` 太大了（计数最大为 18446744073709551615）"
        );
        assert_eq!(
            err("fire=maybe"),
            "`fire` 是是非型事实：`fire=maybe` 应写成 `fire=true` 或 `fire=false`"
        );
        assert_eq!(
            err("kind=huge"),
            "`kind` 没有 `huge` 这个选项：请写 `small`（small） 或 `big`（big）"
        );
        assert_eq!(
            err("many=1"),
            "`many` 是触发条件，不是事实：请设触发条件里用到的事实（`crowd`、`fire`、`kind`）"
        );
        assert_eq!(
            err("=1"),
            "`--set =1` 没有写事实名称：写成 `--set 事实=取值`，例如 `--set visitors=60`"
        );
    });
}

#[test]
fn deep_conditions_evaluate_without_recursion() {
    let source = format!(
        "plan \"deep\" {{ commander a }}\nrole a \"A\" {{ holder \"x\" }}\nfact f \"F\": flag\n\
         trigger t \"T\" when {}f\nstep s \"S\" {{ owner a; on t }}\ndrill d \"D\" {{ owner a; every 1y }}\n",
        "not ".repeat(100_001)
    );
    // An odd number of `not`s: true while `f` is not set.
    let text = run(&source, &[], None, false);
    assert!(text.contains("✓ T (t)"), "{text}");
    let text = run(&source, &["f"], None, false);
    assert!(text.contains("✗ T (t)"), "{text}");
}

/// A `one_of` fact holds exactly one variant once known and is unknown while
/// not set: `check` and `simulate` agree on that.
const UNKNOWN_KIND: &str = r#"
plan "Kinds" { commander boss }
role boss "Boss" { holder "B" }
fact kind "Kind": one_of { petition "petition", protest "protest" }
trigger unclear "Kind not known yet" when not kind in { petition, protest }
trigger protest_t "Protest" when kind in { protest }
step ask "Find out what it is" { owner boss; on unclear }
step calm "Calm the protest" { owner boss; on protest_t }
drill d "Drill" { owner boss; every 1y }
"#;

#[test]
fn one_of_facts_mean_the_same_in_check_and_simulate() {
    let diagnostics = planc::check_source(UNKNOWN_KIND, &planc::config::Config::default());
    let codes: Vec<String> = diagnostics.iter().map(|d| d.code.to_string()).collect();
    assert!(codes.is_empty(), "{codes:?}");
    let text = run(UNKNOWN_KIND, &[], None, false);
    assert!(
        text.contains("  Kind (kind): not set, not known yet\n"),
        "{text}"
    );
    assert!(
        text.contains("  ✓ Kind not known yet (unclear)\n"),
        "{text}"
    );
    assert!(
        text.contains("  ✗ Protest (protest_t)\n    Condition: Kind is protest\n    Because: Kind: not set, not known yet\n    Not known yet: Kind (the result may change once known)\n"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(UNKNOWN_KIND, &[], None, true)).unwrap();
    assert_eq!(json["triggers"][1]["unknown"], serde_json::json!(["kind"]));
    let text = run(UNKNOWN_KIND, &["kind=protest"], None, false);
    assert!(
        text.contains("  ✗ Kind not known yet (unclear)\n"),
        "{text}"
    );
    assert!(text.contains("  ✓ Protest (protest_t)\n"), "{text}");
    assert!(!text.contains("Not known yet"), "{text}");
}

/// (v1) Working days on the timeline: `within 20wd` is due 20 working days
/// after a Friday-afternoon start (weekends skipped), and says `+20wd`, not
/// the `+4w` its seconds would make; a `1wd2h` repeat counts the same way.
#[test]
fn working_days_skip_weekends_and_keep_their_unit() {
    let source = "plan \"预案\" { commander boss }\n\
        role boss \"组长\" { holder \"张伟\" }\n\
        fact n \"人数\": count\n\
        trigger t \"事件\" when n >= 1\n\
        step file \"备案\" { owner boss; on t; within 20wd }\n\
        step remind \"提醒\" { owner boss; on t; within 1wd; every 1wd2h }\n\
        drill d \"演练\" { owner boss; every 1y }\n";
    let text = run(source, &["n=1"], Some("2026-11-27T16:00"), false);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("时限") || l.contains("重复"))
        .map(str::trim)
        .collect();
    assert_eq!(
        lines,
        [
            "时限：+1wd（2026-11-30 16:00）",
            "重复：每1个工作日2小时：2026-12-01 18:00、2026-12-02 20:00、2026-12-03 22:00 …",
            "时限：+20wd（2026-12-25 16:00）",
        ]
    );
    let text = run(source, &["n=1"], None, false);
    assert!(text.contains("时限：+20wd\n"), "{text}");
    assert!(
        text.contains("重复：每1个工作日2小时：+2wd2h、+3wd4h、+4wd6h …"),
        "{text}"
    );
}
