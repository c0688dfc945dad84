//! `check --format sarif` against the official SARIF 2.1.0 schema (draft-04,
//! tests/sarif/sarif-2.1.0.json, hash checked), and a snapshot of its results.

mod common;
mod support;

use std::path::Path;

use planc::check::RULES;
use planc::docs_url::DocsUrl;
use planc::report::{FileReport, sarif};
use serde_json::Value;
use sha2::{Digest, Sha256};

const SCHEMA_SHA256: &str = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> Value {
    let bytes = std::fs::read(root().join("tests/sarif/sarif-2.1.0.json")).unwrap();
    let hash: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        hash, SCHEMA_SHA256,
        "tests/sarif/sarif-2.1.0.json is not the official schema"
    );
    serde_json::from_slice(&bytes).unwrap()
}

fn assert_valid(sarif: &str) {
    let schema = schema();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    let instance: Value = serde_json::from_str(sarif).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "invalid SARIF:\n{}\n{sarif}",
        errors.join("\n")
    );
}

#[test]
fn the_schema_rejects_what_sarif_forbids() {
    // A validator that accepted anything would make the test below worthless.
    let schema = schema();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    let bad = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]});
    assert!(!validator.is_valid(&bad));
    let bad_level = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
        "results": [{"message": {"text": "m"}, "level": "fatal"}]}]});
    assert!(!validator.is_valid(&bad_level));
}

/// Every fixture's findings, rendered with and without a working directory.
#[test]
fn sarif_of_every_fixture_is_valid() {
    let dir = root().join("tests/fixtures/checks");
    let mut sources = Vec::new();
    for code in std::fs::read_dir(&dir).unwrap().flatten() {
        for file in std::fs::read_dir(code.path()).unwrap().flatten() {
            let path = file.path();
            let shown = path
                .strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            sources.push((shown, std::fs::read_to_string(&path).unwrap()));
        }
    }
    sources.sort();
    let diagnostics: Vec<_> = sources
        .iter()
        .map(|(_, s)| common::diagnostics(s))
        .collect();
    assert!(
        diagnostics
            .iter()
            .any(|d| d.iter().any(|d| !d.secondary().is_empty()))
    );
    let reports: Vec<FileReport> = sources
        .iter()
        .zip(&diagnostics)
        .map(|((path, source), diagnostics)| FileReport {
            path,
            source,
            diagnostics,
        })
        .collect();
    assert_valid(&sarif::render(&reports, &sarif::SarifOptions::default()));
    for (working_dir, root) in [
        ("/home/u/预案 库", None),
        ("/", None),
        ("/home/u/预案 库", Some("/home")),
        ("/elsewhere", None),
    ] {
        let options = sarif::SarifOptions {
            working_dir: Some(working_dir.into()),
            root: root.map(String::from),
            lang: planc::lang::Lang::Zh,
            docs: DocsUrl::parse("https://git.example.cn/应急/planc/-/blob/HEAD/docs/").ok(),
        };
        assert_valid(&sarif::render(&reports, &options));
        assert_valid(&sarif::render(&[], &options));
    }
}

/// The binary's SARIF for the duplicate-definition fixture (which has
/// findings: exit 1), checked against the schema.
fn sarif_of_the_fixture(extra: &[&str]) -> Value {
    let out = support::command(root())
        .args(["check", "--no-config", "--format", "sarif"])
        .args(extra)
        .arg("tests/fixtures/checks/duplicate-definition")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_valid(&text);
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_binary_writes_valid_sarif_with_every_rule() {
    let sarif = sarif_of_the_fixture(&[]);
    let run = &sarif["runs"][0];
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let want: Vec<&str> = RULES.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(ids, want);
    // Cargo.toml names no repository while planc has no public home: then,
    // without --docs-url, SARIF names no address at all (docs/ci.md, "Where
    // the links point").
    assert_eq!(planc::docs_url::repository(), None);
    assert_eq!(run["tool"]["driver"].get("informationUri"), None);
    for (rule, descriptor) in RULES.iter().zip(rules) {
        let code = rule.code.as_str();
        assert_eq!(descriptor["shortDescription"]["text"], rule.summary);
        assert_eq!(descriptor["help"]["markdown"], rule.doc);
        assert_eq!(descriptor["name"], sarif::pascal_case(code));
        assert_ne!(descriptor["name"], descriptor["id"]);
        let full = descriptor["fullDescription"]["text"].as_str().unwrap();
        assert!(full.len() > rule.summary.len() / 2, "{code}: {full}");
        assert!(
            !full.contains('\n') && !full.contains("##"),
            "{code}: {full}"
        );
        assert_eq!(descriptor.get("helpUri"), None, "{code}");
        assert!(root().join(format!("docs/checks/{code}.md")).is_file());
        let level = &descriptor["defaultConfiguration"];
        match rule.default_severity {
            Some(s) => assert_eq!(level["level"], s.as_str()),
            None => assert_eq!(level["enabled"], false),
        }
    }
    // Two rules written out by hand: the name in PascalCase, the full
    // description the first paragraph of the rule's page ("What it means").
    let rule = |id: &str| rules.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!(rule("no-drill")["name"], "NoDrill");
    assert_eq!(
        rule("no-drill")["fullDescription"]["text"],
        "The plan schedules no `drill`: no exercise in which the people named in it practise it. \
         The diagnostic points at the `plan` header."
    );
    assert_eq!(rule("span-of-control")["name"], "SpanOfControl");
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(
            uri.starts_with("tests/fixtures/checks/duplicate-definition/"),
            "{uri}"
        );
    }
}

#[test]
fn with_docs_url_every_rule_links_to_its_page_and_planc_to_its_own() {
    let sarif = sarif_of_the_fixture(&[
        "--docs-url",
        "https://git.example.cn/ORG/planc/blob/HEAD/docs",
    ]);
    let driver = &sarif["runs"][0]["tool"]["driver"];
    assert_eq!(
        driver["informationUri"],
        "https://git.example.cn/ORG/planc/blob/HEAD/docs/ci.md"
    );
    assert!(root().join("docs/ci.md").is_file());
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), RULES.len());
    for (rule, descriptor) in RULES.iter().zip(rules) {
        let code = rule.code.as_str();
        assert_eq!(
            descriptor["helpUri"],
            format!("https://git.example.cn/ORG/planc/blob/HEAD/docs/checks/{code}.md")
        );
        assert!(root().join(format!("docs/checks/{code}.md")).is_file());
    }
    let rule = |id: &str| rules.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!(
        rule("no-drill")["helpUri"],
        "https://git.example.cn/ORG/planc/blob/HEAD/docs/checks/no-drill.md"
    );
}

#[test]
fn results_of_a_fixture_with_related_locations() {
    let path = "tests/fixtures/checks/duplicate-definition/fires.plan";
    let source = std::fs::read_to_string(root().join(path)).unwrap();
    let diagnostics = common::diagnostics(&source);
    let report = FileReport {
        path,
        source: &source,
        diagnostics: &diagnostics,
    };
    let sarif: Value =
        serde_json::from_str(&sarif::render(&[report], &sarif::SarifOptions::default())).unwrap();
    let results = serde_json::to_string_pretty(&sarif["runs"][0]["results"]).unwrap();
    insta::assert_snapshot!(results);
}

/// Each result's fingerprint, in order.
fn fingerprints(path: &str, source: &str) -> Vec<String> {
    let diagnostics = common::diagnostics(source);
    let report = FileReport {
        path,
        source,
        diagnostics: &diagnostics,
    };
    let sarif: Value =
        serde_json::from_str(&sarif::render(&[report], &sarif::SarifOptions::default())).unwrap();
    sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["partialFingerprints"][sarif::FINGERPRINT]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn fingerprints_follow_a_finding_when_lines_move() {
    let path = "tests/fixtures/checks/unassigned-role/fires_placeholders.plan";
    let source = std::fs::read_to_string(root().join(path)).unwrap();
    let before = fingerprints(path, &source);
    assert!(before.len() >= 5, "{before:?}");
    let mut unique = before.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        before.len(),
        "every finding has its own: {before:?}"
    );
    // Lines inserted above and between the items.
    let moved = format!(
        "# 修订说明\n# 第二行\n\n{}",
        source.replace("\n}\n", "\n}\n\n# 注\n")
    );
    assert_ne!(moved.lines().count(), source.lines().count());
    assert_eq!(fingerprints(path, &moved), before);
    // Another file, or another name, is another finding.
    let elsewhere = fingerprints("other.plan", &source);
    assert!(elsewhere.iter().all(|f| !before.contains(f)));
}

#[test]
fn identical_findings_are_told_apart_by_their_order() {
    let source = "plan \"P\" { commander a }\nrole a \"A\" { holder \"h\" }\n\
                  step s \"S\" { owner a; on x }\nstep t \"T\" { owner a; on x }\n";
    let found = fingerprints("a.plan", source);
    let on_x: Vec<&String> = found.iter().filter(|f| !f.ends_with(":1")).collect();
    assert!(!on_x.is_empty(), "{found:?}");
    let (hash, n) = on_x[0].split_once(':').unwrap();
    assert!(
        found.contains(&format!("{hash}:1")) && n == "2",
        "{found:?}"
    );
}

#[test]
fn uris_from_the_root_folder_outside_the_working_directory_and_under_a_sarif_root() {
    let run = |dir: &Path, args: &[&str]| -> Value {
        let out = support::command(dir)
            .args(["check", "--no-config", "--format", "sarif"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8(out.stdout).unwrap();
        assert_valid(&text);
        serde_json::from_str(&text).unwrap()
    };
    let base = |sarif: &Value| sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"].clone();
    let artifact = |sarif: &Value| {
        sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
            .clone()
    };
    let fixtures = root().join("tests/fixtures/checks");
    let plan = fixtures.join("duplicate-definition/fires.plan");
    let plan_str = plan.to_str().unwrap();

    // From the file system's root: `file:///`, and paths below it.
    let sarif = run(Path::new("/"), &[plan_str]);
    assert_eq!(base(&sarif), "file:///");
    let location = artifact(&sarif);
    assert_eq!(location["uriBaseId"], "%SRCROOT%");
    assert_eq!(location["uri"], plan_str.trim_start_matches('/'));

    // A file outside the working directory: an absolute URI, with no base.
    let sarif = run(
        &fixtures.join("no-drill"),
        &["../duplicate-definition/fires.plan"],
    );
    let location = artifact(&sarif);
    assert_eq!(location["uri"], format!("file://{plan_str}"));
    assert!(location.get("uriBaseId").is_none(), "{location}");

    // The same, relative to the root `--sarif-root` names.
    let sarif = run(
        &fixtures.join("no-drill"),
        &[
            "--sarif-root",
            "../../../..",
            "../duplicate-definition/fires.plan",
        ],
    );
    assert_eq!(
        base(&sarif),
        format!("file://{}/", root().to_str().unwrap())
    );
    let location = artifact(&sarif);
    assert_eq!(
        location["uri"],
        "tests/fixtures/checks/duplicate-definition/fires.plan"
    );
    assert_eq!(location["uriBaseId"], "%SRCROOT%");
}
