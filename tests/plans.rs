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
fn item_at(items: &[Item], offset: usize) -> Option<String> {
    let inside = |span: planc::span::Span| span.start <= offset && offset < span.end;
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
            let item = item_at(&file.items, d.primary.span.start)
                .unwrap_or_else(|| format!("offset {}", d.primary.span.start));
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
