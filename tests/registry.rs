//! The rule registry: every code has exactly one rule, and every rule's
//! documentation is its page under docs/checks/ (regenerate the pages with
//! `UPDATE_DOCS=1 cargo test --test registry`).

use std::collections::HashSet;
use std::path::Path;

use planc::check::RULES;
use planc::diagnostic::Code;

#[test]
fn every_code_has_exactly_one_rule() {
    let mut seen = HashSet::new();
    for rule in RULES {
        assert!(seen.insert(rule.code), "{} is registered twice", rule.code);
    }
    for code in Code::ALL {
        assert!(
            seen.contains(code),
            "{code} has no rule in check::rules::ALL (see src/codes.rs)"
        );
    }
    let names: HashSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(names.len(), Code::ALL.len(), "codes are not unique");
}

#[test]
fn every_rule_documents_meaning_reason_example_and_fix() {
    for rule in RULES {
        let doc = rule.doc;
        assert!(
            doc.starts_with(&format!("# {}\n", rule.code)),
            "{}: doc must start with its code",
            rule.code
        );
        for section in [
            "## What it means",
            "## Why it matters",
            "## Example",
            "## Fix",
        ] {
            assert!(
                doc.contains(section),
                "{}: doc lacks `{section}`",
                rule.code
            );
        }
        assert!(!rule.summary.is_empty());
    }
}

fn severity_words(rule: &planc::check::Rule) -> &'static str {
    match rule.default_severity {
        Some(s) => s.as_str(),
        None => "off",
    }
}

/// The docs/checks/<code>.md page of a rule.
fn page(rule: &planc::check::Rule) -> String {
    let mut doc = rule.doc.to_string();
    let title_end = doc.find('\n').map(|i| i + 1).unwrap_or(doc.len());
    doc.insert_str(
        title_end,
        &format!(
            "\n<!-- generated from src/check/rules/{}.rs: edit the rule's DOC, then run `UPDATE_DOCS=1 cargo test --test registry` -->\n\nDefault severity: **{}**. {}.\n",
            rule.code.as_str().replace('-', "_"),
            severity_words(rule),
            capitalise(rule.summary)
        ),
    );
    doc
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn index() -> String {
    let mut out = String::from(
        "# Checks\n\n<!-- generated: run `UPDATE_DOCS=1 cargo test --test registry` -->\n\n`planc explain CODE` prints a check's page.\n\n| code | default | finds |\n| --- | --- | --- |\n",
    );
    for rule in RULES {
        out.push_str(&format!(
            "| [{0}]({0}.md) | {1} | {2} |\n",
            rule.code,
            severity_words(rule),
            rule.summary
        ));
    }
    out
}

#[test]
fn docs_pages_are_generated_from_the_rules() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/checks");
    let mut pages: Vec<(String, String)> = RULES
        .iter()
        .map(|r| (format!("{}.md", r.code), page(r)))
        .collect();
    pages.push(("README.md".into(), index()));
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(&dir).expect("docs/checks");
        for (name, text) in &pages {
            std::fs::write(dir.join(name), text).expect("write page");
        }
    }
    for (name, text) in &pages {
        let on_disk = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            on_disk == *text,
            "docs/checks/{name} is out of date: run `UPDATE_DOCS=1 cargo test --test registry`"
        );
    }
}
