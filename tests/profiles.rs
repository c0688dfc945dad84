//! Profiles (language spec §3, v1) end to end: `planc.toml` turns them on,
//! each finding carries its source in every output, `planc explain` shows
//! it, the date checks follow `--today` and `SOURCE_DATE_EPOCH`, the bundled
//! example configuration reads, and docs/profiles.md is generated.

mod support;

use std::fs;

use support::{command, planc, stdout, temp_root};

/// A plan with one finding of `gbt29639` (no `kind`, cited to 5.1) and one
/// of `management2024` (dated 2019 and never evaluated: no clause).
const PLAN: &str = r#"plan "测试预案" { issuer "测试单位"; date 2019-06-01; commander leader; approver "站长 张三" }
role leader "领导小组组长" { holder "张三"; phone "0000-0000000" }
role office "信访工作办公室" { holder "李四"; phone "0000-0000001"; escalates to leader within 10m }
fact visitors "到场上访人数": count
trigger mass_visit "集体上访" when visitors >= 50
step report "向组长通报情况" { owner office; on mass_visit; within 10m; notify leader }
drill annual_drill "应急演练" { owner office; with leader; every 1y }
"#;

/// `planc check ARGS plan.plan` in a fresh repository with `toml` as its planc.toml.
fn check(toml: &str, args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let dir = temp_root();
    fs::write(dir.path().join("planc.toml"), toml).expect("planc.toml");
    fs::write(dir.path().join("plan.plan"), PLAN).expect("plan");
    let mut cmd = command(dir.path());
    cmd.arg("check").args(args).arg("plan.plan");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run planc");
    (out.status.code(), stdout(&out))
}

const BOTH: &str = "profiles = [\"gbt29639\", \"management2024\"]\n";

#[test]
fn without_profiles_their_checks_stay_off() {
    let (code, out) = check("", &["--today", "2026-11-28", "--format", "json"], &[]);
    assert_eq!(code, Some(0));
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(json["diagnostics"], serde_json::json!([]), "{out}");
}

#[test]
fn json_carries_document_and_clause() {
    let (code, out) = check(BOTH, &["--today", "2026-11-28", "--format", "json"], &[]);
    assert_eq!(code, Some(0), "warnings only");
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    let found: Vec<(String, serde_json::Value)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["source"].clone(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "missing-kind".to_string(),
                serde_json::json!({"document": "GB/T 29639-2020", "clause": "5.1"})
            ),
            (
                "review-overdue".to_string(),
                serde_json::json!({"document": "突发事件应急预案管理办法 (国办发〔2024〕5号)", "clause": null})
            ),
        ]
    );
    let (_, zh) = check(
        BOTH,
        &["--today", "2026-11-28", "--format", "json", "--lang", "zh"],
        &[],
    );
    let json: serde_json::Value = serde_json::from_str(&zh).expect("json");
    assert_eq!(
        json["diagnostics"][0]["source"],
        serde_json::json!({"document": "GB/T 29639-2020", "clause": "5.1"})
    );
}

#[test]
fn human_output_cites_the_source_under_the_finding() {
    let (_, en) = check(BOTH, &["--today", "2026-11-28"], &[]);
    assert!(en.contains("\n  source: GB/T 29639-2020 5.1\n"), "{en}");
    assert!(
        en.contains("\n  source: 突发事件应急预案管理办法 (国办发〔2024〕5号)\n"),
        "{en}"
    );
    let (_, zh) = check(BOTH, &["--today", "2026-11-28", "--lang", "zh"], &[]);
    assert!(zh.contains("\n  依据：GB/T 29639-2020 5.1\n"), "{zh}");
    let (_, github) = check(BOTH, &["--today", "2026-11-28", "--format", "github"], &[]);
    assert!(
        github.contains("%0Asource: GB/T 29639-2020 5.1"),
        "{github}"
    );
}

#[test]
fn sarif_results_and_rules_carry_the_source() {
    let (_, out) = check(BOTH, &["--today", "2026-11-28", "--format", "sarif"], &[]);
    let sarif: serde_json::Value = serde_json::from_str(&out).expect("sarif");
    let run = &sarif["runs"][0];
    assert_eq!(run["results"][0]["ruleId"], "missing-kind");
    assert_eq!(
        run["results"][0]["properties"]["source"],
        serde_json::json!({"document": "GB/T 29639-2020", "clause": "5.1"})
    );
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let rule = |id: &str| {
        rules
            .iter()
            .find(|r| r["id"] == id)
            .expect("a rule")
            .clone()
    };
    let missing_kind = rule("missing-kind");
    assert_eq!(
        missing_kind["properties"]["profiles"],
        serde_json::json!(["gbt29639"])
    );
    assert_eq!(
        missing_kind["properties"]["source"],
        serde_json::json!({"document": "GB/T 29639-2020", "clause": "5.1"})
    );
    assert_eq!(
        missing_kind["properties"]["tags"],
        serde_json::json!(["profile:gbt29639"])
    );
    // No public repository yet and no `docs-url`, so no link (docs/ci.md,
    // "Where the links point").
    assert_eq!(missing_kind.get("helpUri"), None);
    assert_eq!(missing_kind["defaultConfiguration"]["enabled"], false);
    assert!(rule("no-drill").get("properties").is_none());
    // The organisation's copy of the docs, named in planc.toml.
    let toml = format!("{BOTH}docs-url = \"https://git.example.cn/ORG/planc/-/blob/HEAD/docs/\"\n");
    let (code, out) = check(&toml, &["--today", "2026-11-28", "--format", "sarif"], &[]);
    assert_eq!(code, Some(0), "{out}");
    let sarif: serde_json::Value = serde_json::from_str(&out).expect("sarif");
    let rules = &sarif["runs"][0]["tool"]["driver"]["rules"];
    let missing_kind = rules
        .as_array()
        .expect("rules")
        .iter()
        .find(|r| r["id"] == "missing-kind")
        .expect("a rule");
    assert_eq!(
        missing_kind["helpUri"],
        "https://git.example.cn/ORG/planc/-/blob/HEAD/docs/checks/missing-kind.md"
    );
}

#[test]
fn the_date_checks_follow_today_and_source_date_epoch() {
    let toml = "profiles = [\"management2024\"]\n";
    let codes = |out: &str| -> Vec<String> {
        let json: serde_json::Value = serde_json::from_str(out).expect("json");
        json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| d["code"].as_str().unwrap_or("").to_string())
            .collect()
    };
    // Dated 2019-06-01: due by 2022-06-01.
    let (_, out) = check(toml, &["--today", "2022-06-01", "--format", "json"], &[]);
    assert_eq!(codes(&out), Vec::<String>::new());
    let (_, out) = check(toml, &["--today", "2022-06-02", "--format", "json"], &[]);
    assert_eq!(codes(&out), ["review-overdue"]);
    // 2022-06-01 00:00 UTC, then a day later; `--today` wins over the variable.
    let (_, out) = check(
        toml,
        &["--format", "json"],
        &[("SOURCE_DATE_EPOCH", "1654041600")],
    );
    assert_eq!(codes(&out), Vec::<String>::new());
    let (_, out) = check(
        toml,
        &["--format", "json"],
        &[("SOURCE_DATE_EPOCH", "1654128000")],
    );
    assert_eq!(codes(&out), ["review-overdue"]);
    let (_, out) = check(
        toml,
        &["--today", "2022-06-01", "--format", "json"],
        &[("SOURCE_DATE_EPOCH", "1654128000")],
    );
    assert_eq!(codes(&out), Vec::<String>::new());
}

#[test]
fn unknown_profiles_and_settings_stop_the_run_at_the_key() {
    let (code, _) = check("profiles = [\"gbt29693\"]\n", &[], &[]);
    assert_eq!(code, Some(2));
    let dir = temp_root();
    fs::write(dir.path().join("planc.toml"), "profiles = [\"gbt29693\"]\n").expect("toml");
    fs::write(dir.path().join("plan.plan"), PLAN).expect("plan");
    let out = command(dir.path())
        .args(["check", "plan.plan"])
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown profile `gbt29693`"), "{err}");
    assert!(err.contains("did you mean `gbt29639`?"), "{err}");
    assert!(err.contains("planc.toml:1:13"), "{err}");
}

#[test]
fn explain_shows_the_source_and_lists_codes_by_profile() {
    let page = stdout(&planc(&["explain", "missing-approval"]));
    assert!(
        page.contains("With `profiles = [\"gbt29639\"]` in planc.toml: **warning**. Source: GB/T 29639-2020 annex C.2."),
        "{page}"
    );
    let page = stdout(&planc(&["explain", "no-upward-report", "--lang", "zh"]));
    assert!(
        page.contains("依据：《信访工作条例》（2022年）第二十五条。"),
        "{page}"
    );
    let list = stdout(&planc(&["explain", "--list"]));
    let ics = list
        .split("\nprofile `ics` (")
        .nth(1)
        .expect("the ics group");
    assert!(
        ics.contains("unity-of-command") && ics.contains("span-of-control"),
        "{list}"
    );
    let core = list.split("\nprofile `").next().expect("the core checks");
    assert!(
        !core.contains("missing-kind") && core.contains("span-of-control"),
        "{list}"
    );
}

#[test]
fn the_bundled_county_configuration_reads() {
    let path = support::root().join("examples/county-transport-bureau/planc.toml");
    let text = fs::read_to_string(path).expect("the bundled planc.toml");
    let file = planc::config::parse(&text).expect("no problems");
    let names: Vec<&str> = file.config.profiles.iter().map(|p| p.name()).collect();
    assert_eq!(names, ["gbt29639", "management2024", "xinfang"]);
    assert_eq!(
        file.config
            .severities
            .get(&planc::diagnostic::Code::MissingApproval),
        Some(&Some(planc::diagnostic::Severity::Error))
    );
    // The seeds name no approver: an error under this configuration.
    let out = planc(&[
        "check",
        "--config",
        "examples/county-transport-bureau/planc.toml",
        "--today",
        "2026-11-28",
        "plans/yunshu-zhuanxiang-2024.plan",
        "plans/xinfang-chuzhi.plan",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("missing-approval"), "{text}");
}

#[test]
fn docs_profiles_page_is_generated() {
    let path = support::root().join("docs/profiles.md");
    let page = planc::explain::profiles_page();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        fs::write(&path, &page).expect("write docs/profiles.md");
    }
    let on_disk = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == page,
        "docs/profiles.md is out of date: run `UPDATE_DOCS=1 cargo test --test profiles`"
    );
    for profile in planc::profiles::PROFILES {
        for cited in profile.rules {
            assert!(
                page.contains(&format!("### [{}]", cited.code)),
                "{}",
                cited.code
            );
        }
    }
}
