//! The bundled plans under plans/ compile without errors, and carry exactly
//! the warnings their top comment lists.

mod common;

use std::fs;
use std::path::Path;

use planc::diagnostic::Severity;
use planc::lang::Lang;

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
            (
                p.display().to_string(),
                fs::read_to_string(&p).expect("plan"),
            )
        })
        .collect()
}

#[test]
fn there_are_four_seed_plans() {
    assert_eq!(bundled().len(), 4);
}

#[test]
fn every_bundled_plan_compiles_without_errors() {
    for (path, source) in bundled() {
        let errors: Vec<String> = common::diagnostics(&source)
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{}: {}", d.code, d.message.text(Lang::En)))
            .collect();
        assert!(errors.is_empty(), "{path} has errors: {errors:#?}");
    }
}

/// Every warning code a plan gets is named in its "Expected warnings" comment.
#[test]
fn every_warning_of_a_bundled_plan_is_listed_in_its_header_comment() {
    for (path, source) in bundled() {
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
                "{path}: warning {} ({}) is not listed under `Expected warnings:`",
                d.code,
                d.message.text(Lang::En)
            );
        }
    }
}
