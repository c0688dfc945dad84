//! The bundled plans under plans/ compile without errors, and get exactly the
//! findings listed for them here: each by its code and the item it is about.

mod common;

use std::fs;
use std::path::Path;

use planc::diagnostic::{Diagnostic, Severity};
use planc::lang::Lang;
use planc::syntax::ast::Item;

/// Each bundled plan's findings, exactly: `(code, item)`, where the item is
/// the name of the innermost named item around the finding's primary label
/// (`plan` for the header). Keep each list in step with the plan's
/// "Expected warnings" comment, which says why.
const EXPECTED: &[(&str, &[(&str, &str)])] = &[
    (
        "jiaotongju-2022",
        &[
            ("no-drill", "plan"),
            ("unassigned-role", "leader"),
            ("unassigned-role", "units"),
        ],
    ),
    (
        "xinfang-chuzhi",
        &[
            ("no-drill", "plan"),
            ("unassigned-deputy", "vice_leader"),
            ("unassigned-role", "leader"),
            ("unassigned-role", "reception"),
            ("unassigned-role", "scene"),
        ],
    ),
    (
        "xinfang-tufa",
        &[
            ("no-drill", "plan"),
            ("unassigned-deputy", "vice_leader"),
            ("unassigned-role", "business_depts"),
            ("unassigned-role", "leader"),
            ("unassigned-role", "petition_dept"),
            ("unassigned-role", "publicity_dept"),
            ("unassigned-role", "stability_dept"),
        ],
    ),
    (
        "yunguanzhan-2015",
        &[
            ("no-drill", "plan"),
            ("unassigned-role", "departments"),
            ("unassigned-role", "leader"),
            ("unassigned-role", "liaison"),
            ("unassigned-role", "office"),
        ],
    ),
    // The bundled example of every v1 statement: clean.
    ("yunshu-zhuanxiang-2024", &[]),
];

/// Findings as `(code, item)`.
type Findings = &'static [(&'static str, &'static str)];

/// Each profile's findings on each bundled plan, beyond the plan's own
/// (`EXPECTED`): `(profile, plan, findings)`, checked on 2026-11-28. None of
/// the seeds says its kind or its approver; their levels say no end
/// condition; only `yunshu-zhuanxiang-2024` is written against v1.
const UNDER_PROFILES: &[(&str, &str, Findings)] = &[
    (
        "gbt29639",
        "jiaotongju-2022",
        &[("missing-approval", "plan"), ("missing-kind", "plan")],
    ),
    (
        "gbt29639",
        "xinfang-chuzhi",
        &[("missing-approval", "plan"), ("missing-kind", "plan")],
    ),
    (
        "gbt29639",
        "xinfang-tufa",
        &[("missing-approval", "plan"), ("missing-kind", "plan")],
    ),
    (
        "gbt29639",
        "yunguanzhan-2015",
        &[("missing-approval", "plan"), ("missing-kind", "plan")],
    ),
    ("gbt29639", "yunshu-zhuanxiang-2024", &[]),
    (
        "management2024",
        "jiaotongju-2022",
        &[
            ("no-end-condition", "I"),
            ("no-end-condition", "II"),
            ("no-end-condition", "III"),
            ("no-end-condition", "IV"),
            ("no-phone", "office"),
        ],
    ),
    (
        "management2024",
        "xinfang-chuzhi",
        &[("no-phone", "leader")],
    ),
    (
        "management2024",
        "xinfang-tufa",
        &[("no-phone", "petition_dept")],
    ),
    (
        "management2024",
        "yunguanzhan-2015",
        &[
            ("no-end-condition", "I"),
            ("no-end-condition", "II"),
            ("no-phone", "departments"),
            // Dated 2015-09-11 and never evaluated since.
            ("review-overdue", "plan"),
        ],
    ),
    (
        "management2024",
        "yunshu-zhuanxiang-2024",
        &[("no-phone", "publicity"), ("no-phone", "safety")],
    ),
    // The seeds schedule no drill; the v1 plan's yearly drill was last held 2025-09-16.
    (
        "safety2019",
        "jiaotongju-2022",
        &[("drill-frequency", "plan")],
    ),
    (
        "safety2019",
        "xinfang-chuzhi",
        &[("drill-frequency", "plan")],
    ),
    ("safety2019", "xinfang-tufa", &[("drill-frequency", "plan")]),
    (
        "safety2019",
        "yunguanzhan-2015",
        &[("drill-frequency", "plan")],
    ),
    (
        "safety2019",
        "yunshu-zhuanxiang-2024",
        &[("drill-overdue", "annual_drill")],
    ),
    // No external is told when the level I trigger fires.
    (
        "accident-report",
        "jiaotongju-2022",
        &[("report-deadline", "province_or_extreme")],
    ),
    // No levels, so every trigger counts; the report up is due 10m + 1h after the plan is set off,
    // whichever of the five triggers fires: one finding naming all five.
    (
        "accident-report",
        "xinfang-chuzhi",
        &[("report-deadline", "report_up")],
    ),
    // Neither `incident` nor `early_warning` reports out: one finding, labelled at both.
    (
        "accident-report",
        "xinfang-tufa",
        &[("report-deadline", "incident")],
    ),
    // `liaise` is late under two triggers (one finding); nothing reports out under `urgent`.
    (
        "accident-report",
        "yunguanzhan-2015",
        &[("report-deadline", "liaise"), ("report-deadline", "urgent")],
    ),
    ("accident-report", "yunshu-zhuanxiang-2024", &[]),
    (
        "xinfang",
        "jiaotongju-2022",
        &[("no-upward-report", "province_or_extreme")],
    ),
    ("xinfang", "xinfang-chuzhi", &[]),
    // Neither `incident` nor `early_warning` tells anyone outside: one finding naming both.
    (
        "xinfang",
        "xinfang-tufa",
        &[("no-upward-report", "incident")],
    ),
    (
        "xinfang",
        "yunguanzhan-2015",
        &[("no-upward-report", "urgent")],
    ),
    ("xinfang", "yunshu-zhuanxiang-2024", &[]),
    ("ics", "jiaotongju-2022", &[]),
    ("ics", "xinfang-chuzhi", &[]),
    // Six roles report to `leader` (vice_leader, groups and departments): the limit is 5.
    ("ics", "xinfang-tufa", &[("span-of-control", "leader")]),
    (
        "ics",
        "yunguanzhan-2015",
        &[("unity-of-command", "departments")],
    ),
    (
        "ics",
        "yunshu-zhuanxiang-2024",
        &[("span-of-control", "vice_leader")],
    ),
];

/// `(stem, source)` of every `plans/*.plan`, sorted.
fn bundled() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut plans: Vec<_> = fs::read_dir(dir)
        .expect("plans/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "plan"))
        .collect();
    plans.sort();
    plans
        .into_iter()
        .map(|p| {
            let stem = p
                .file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            (stem, fs::read_to_string(&p).expect("plan"))
        })
        .collect()
}

/// The name of the innermost named item whose span holds `offset`: a role,
/// step, fact… by its name, the header as `plan`, else the section's title.
fn item_at(items: &planc::syntax::ast::Items, offset: usize) -> Option<String> {
    let inside = |span: planc::span::Span| span.start() <= offset && offset < span.end();
    items
        .iter()
        .find(|i| inside(i.span()))
        .and_then(|item| match item {
            Item::Plan(_) => Some("plan".to_string()),
            Item::Section(s) => {
                item_at(&s.items, offset).or_else(|| Some(format!("section {}", s.title.value)))
            }
            Item::Text(_) => None,
            Item::Decl(d) => Some(d.name.text.to_string()),
            Item::Fact(f) => Some(f.name.text.to_string()),
            Item::Level(l) => Some(l.name.text.to_string()),
            Item::Trigger(t) => Some(t.name.text.to_string()),
        })
}

fn findings(source: &str, diagnostics: &[Diagnostic]) -> Vec<(String, String)> {
    let file = planc::syntax::parse(source).file;
    let mut found: Vec<(String, String)> = diagnostics
        .iter()
        .map(|d| {
            let item = item_at(&file.items, d.primary.span.start())
                .unwrap_or_else(|| format!("offset {}", d.primary.span.start()));
            (d.code.to_string(), item)
        })
        .collect();
    found.sort();
    found
}

#[test]
fn every_bundled_plan_is_listed() {
    let stems: Vec<String> = bundled().into_iter().map(|(stem, _)| stem).collect();
    let listed: Vec<&str> = EXPECTED.iter().map(|(stem, _)| *stem).collect();
    assert_eq!(stems, listed);
}

#[test]
fn every_bundled_plan_compiles_without_errors() {
    for (stem, source) in bundled() {
        let errors: Vec<String> = common::diagnostics(&source)
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{}: {}", d.code, d.message.text(Lang::En)))
            .collect();
        assert!(errors.is_empty(), "{stem} has errors: {errors:#?}");
    }
}

/// Both ways: every finding is expected, and every expected finding is found.
#[test]
fn every_bundled_plan_gets_exactly_its_expected_findings() {
    let mut failures = Vec::new();
    for (stem, source) in bundled() {
        let Some((_, expected)) = EXPECTED.iter().find(|(s, _)| *s == stem) else {
            continue;
        };
        let found = findings(&source, &common::diagnostics(&source));
        let mut expected: Vec<(String, String)> = expected
            .iter()
            .map(|(code, item)| (code.to_string(), item.to_string()))
            .collect();
        expected.sort();
        let missing: Vec<_> = expected.iter().filter(|e| !found.contains(e)).collect();
        let unexpected: Vec<_> = found.iter().filter(|f| !expected.contains(f)).collect();
        if found != expected {
            failures.push(format!(
                "{stem}:\n  expected but not found: {missing:?}\n  found but not expected: {unexpected:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Under each profile, each bundled plan gets exactly its own findings and
/// the profile's listed in `UNDER_PROFILES`; every (profile, plan) is listed.
#[test]
fn every_bundled_plan_gets_exactly_its_findings_under_every_profile() {
    let mut failures = Vec::new();
    for profile in planc::profiles::PROFILES {
        for (stem, source) in bundled() {
            let Some((_, _, extra)) = UNDER_PROFILES
                .iter()
                .find(|(p, s, _)| *p == profile.name && *s == stem)
            else {
                failures.push(format!("{} on {stem}: not listed", profile.name));
                continue;
            };
            let mut config = common::config_of(&source);
            config.profiles = vec![profile.id];
            config.today = planc::calendar::parse_date("2026-11-28").ok();
            let found = findings(&source, &planc::check_source(&source, &config));
            let own = EXPECTED
                .iter()
                .find(|(s, _)| *s == stem)
                .map_or(&[][..], |(_, e)| *e);
            let mut expected: Vec<(String, String)> = own
                .iter()
                .chain(extra.iter())
                .map(|(code, item)| (code.to_string(), item.to_string()))
                .collect();
            expected.sort();
            if found != expected {
                failures.push(format!(
                    "{} on {stem}:\n  expected {expected:?}\n  found    {found:?}",
                    profile.name
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Without profiles, none of their checks fires on a bundled plan.
#[test]
fn without_profiles_no_profile_check_fires_on_a_bundled_plan() {
    for (stem, source) in bundled() {
        let mut config = common::config_of(&source);
        config.today = planc::calendar::parse_date("2026-11-28").ok();
        for d in planc::check_source(&source, &config) {
            assert!(
                !planc::profiles::only_in_profiles(d.code) && d.source().is_none(),
                "{stem}: {} fires without its profile",
                d.code
            );
        }
    }
}

/// Every warning code a plan gets is named in its "Expected warnings" comment.
#[test]
fn every_warning_of_a_bundled_plan_is_listed_in_its_header_comment() {
    for (stem, source) in bundled() {
        let header: String = source
            .lines()
            .take_while(|l| l.starts_with('#') || l.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let listed = header
            .split_once("Expected warnings:")
            .map(|(_, rest)| rest.to_string())
            .unwrap_or_default();
        for d in common::diagnostics(&source) {
            assert!(
                listed.contains(d.code.as_str()),
                "{stem}: warning {} ({}) is not listed under `Expected warnings:`",
                d.code,
                d.message.text(Lang::En)
            );
        }
    }
}
