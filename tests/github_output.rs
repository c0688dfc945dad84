//! `check --format github` against GitHub's own `@actions/core`: the same
//! annotation values must give the same bytes. Needs node and
//! `npm ci --prefix tests/actions-core` (.ci/run does it); without them the
//! comparison is skipped with a note on the terminal, except under CI, where
//! it fails (tests/support/consumers.rs).

mod common;
mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use planc::diagnostic::Severity;
use planc::report::FileReport;
use planc::report::github::{self, Annotation};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What `@actions/core` prints for `annotations`; `None` when it cannot run here.
fn actions_core(annotations: &[Annotation]) -> Option<String> {
    if !support::consumers::available(support::consumers::Consumer::ActionsCore) {
        return None;
    }
    let dir = root().join("tests/actions-core");
    let input: Vec<serde_json::Value> = annotations
        .iter()
        .map(|a| {
            let mut v = serde_json::json!({
                "severity": a.severity.as_str(),
                "title": a.title,
                "file": a.file,
                "startLine": a.line,
                "endLine": a.end_line,
                "message": a.message,
            });
            if let Some((col, end)) = a.columns {
                v["startColumn"] = col.into();
                v["endColumn"] = end.into();
            }
            v
        })
        .collect();
    let mut child = Command::new("node")
        .arg("annotate.mjs")
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(serde_json::to_string(&input).unwrap().as_bytes())
        .unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    Some(String::from_utf8(out.stdout).unwrap())
}

fn fixture_annotations() -> Vec<Annotation> {
    let dir = root().join("tests/fixtures/checks");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .flat_map(|d| {
            std::fs::read_dir(d.path())
                .unwrap()
                .flatten()
                .map(|f| f.path())
        })
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let source = std::fs::read_to_string(&path).unwrap();
        let diagnostics = common::diagnostics(&source);
        let shown = path
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let report = FileReport {
            path: &shown,
            source: &source,
            diagnostics: &diagnostics,
        };
        out.extend(github::annotations(&[report], planc::lang::Lang::En));
    }
    out
}

fn awkward_annotations() -> Vec<Annotation> {
    vec![
        Annotation {
            severity: Severity::Error,
            title: "undefined-name".into(),
            file: "预案/a,b:c 100%.plan".into(),
            line: 12,
            end_line: 12,
            columns: Some((3, 9)),
            message: "`组长` is not defined: 50% of it, a,b\r\nhelp: did you mean `副组长`?".into(),
        },
        Annotation {
            severity: Severity::Warning,
            title: "step-cycle".into(),
            file: "plans/x.plan".into(),
            line: 4,
            end_line: 9,
            columns: None,
            message: "%0A is not a line break\n\n:: neither is this".into(),
        },
    ]
}

#[test]
fn annotations_print_as_actions_core_prints_them() {
    let mut annotations = fixture_annotations();
    assert!(annotations.iter().any(|a| a.severity == Severity::Warning));
    assert!(annotations.iter().any(|a| a.message.contains('\n')));
    annotations.extend(awkward_annotations());
    let ours: String = annotations.iter().map(github::command).collect();
    if let Some(reference) = actions_core(&annotations) {
        assert_eq!(ours, reference);
    }
}

#[test]
fn the_binary_prints_one_command_per_finding() {
    let out = support::command(root())
        .args(["check", "--no-config", "--format", "github"])
        .arg("tests/fixtures/checks/unused-suppression/fires_not_above_item.plan")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}
