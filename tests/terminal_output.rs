//! What reaches a terminal or a CI log: control and bidi characters from a
//! plan or a file name are shown escaped (no screen clears, no reordered
//! text, no GitHub workflow command of a file's making), a problem far to
//! the right is drawn without a panic, and one finding has one position in
//! every format.

mod support;

use std::fs;
use std::path::Path;

use support::*;

const PLAN: &str = "plan \"P\" {\n  commander a\n}\nrole a \"A\" {   holder \"h\" }\n";

/// Lines a GitHub runner would take for a workflow command.
fn commands(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.trim_start().starts_with("::"))
        .collect()
}

#[test]
fn a_file_name_cannot_start_a_workflow_command() {
    let dir = temp_root();
    let name = "a\n::error file=x,line=1::INJECTED\u{1b}[2J.plan";
    let plan = dir.path().join(name);
    // Not in the canonical layout, and with warnings.
    fs::write(&plan, PLAN).unwrap();
    let folder = path_str(dir.path());
    let plan = path_str(&plan);
    for args in [
        vec!["check", folder],
        vec!["check", plan],
        vec!["fmt", "--check", folder],
        vec!["fmt", "--check", plan],
        vec!["render", plan],
    ] {
        let out = planc(&args);
        let (stdout, stderr) = (stdout(&out), stderr(&out));
        assert!(commands(&stdout).is_empty(), "{args:?}: {stdout}");
        assert!(commands(&stderr).is_empty(), "{args:?}: {stderr}");
        assert!(!stdout.contains('\u{1b}') && !stderr.contains('\u{1b}'));
        assert!(
            stdout.contains("a␊::error") || stderr.contains("a␊::error"),
            "{args:?}: the name is shown, escaped: {stdout}{stderr}"
        );
    }
    // The GitHub format carries the name itself, escaped as the runner reads it.
    let out = planc(&["check", "--format", "github", folder]);
    let github = stdout(&out);
    assert!(!github.is_empty());
    for line in github.lines() {
        assert!(line.starts_with("::warning title="), "{line}");
        assert!(
            line.contains("/a%0A%3A%3Aerror file=x%2Cline=1%3A%3AINJECTED␛[2J.plan,line=1,"),
            "{line}"
        );
    }
}

#[test]
fn source_lines_are_shown_escaped() {
    let dir = temp_root();
    let plan = dir.path().join("a.plan");
    let hostile = "\u{1b}[2J\u{1b}]0;title\u{7}\u{9b}31m\u{202e}txt.exe";
    let source =
        format!("plan \"P\" {{ commander a }}\nrole a \"{hostile}\" {{ holder \"h\" }} @\n");
    fs::write(&plan, source).unwrap();
    let plan = path_str(&plan);
    for args in [vec!["check", plan], vec!["fmt", "--check", plan]] {
        let out = planc(&args);
        let text = stdout(&out) + &stderr(&out);
        for hazard in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
            assert!(!text.contains(hazard), "{args:?}: {hazard:?} in {text}");
        }
        assert!(
            text.contains("␛[2J␛]0;title␇\\u{9b}31m\\u{202e}txt.exe"),
            "{args:?}: {text}"
        );
    }
    // A plan that only needs formatting shows the same in its diff.
    let tidy = dir.path().join("b.plan");
    fs::write(
        &tidy,
        format!("plan \"P\" {{ commander a }}\nrole a \"{hostile}\" {{ holder \"h\" }}\n"),
    )
    .unwrap();
    let out = planc(&["fmt", "--check", path_str(&tidy)]);
    let diff = stdout(&out);
    assert!(diff.contains("+role a \"␛[2J"), "{diff}");
    assert!(!diff.contains('\u{1b}'), "{diff}");
    // A message that quotes the plan's text, in a CI log (GitHub's format).
    let held = dir.path().join("c.plan");
    fs::write(
        &held,
        format!(
            "plan \"P\" {{ commander a }}\nrole a \"A\" {{ holder \"{hostile}\"; deputy b }}\n\
             role b \"B\" {{ holder \"{hostile}\"; escalates to a }}\n"
        ),
    )
    .unwrap();
    let out = planc(&[
        "check",
        "--format",
        "github",
        "--select",
        "deputy-same-holder",
        path_str(&held),
    ]);
    assert_eq!(
        stdout(&out).lines().next().and_then(|l| l.split_once("::").and_then(|(_, r)| r.split_once("::"))).map(|(_, m)| m.split("%0A").next().unwrap_or_default().to_string()),
        Some("role `a` and its deputy `b` are both held by \"␛[2J␛]0;title␇\\u{9b}31m\\u{202e}txt.exe\"".to_string()),
        "{}",
        stdout(&out)
    );
    // JSON and SARIF write them as escapes (`\u009b`), which read back as the
    // same characters: nothing raw reaches a terminal, nothing is lost.
    for format in ["json", "sarif"] {
        let out = planc(&[
            "check",
            "--format",
            format,
            "--select",
            "deputy-same-holder",
            path_str(&held),
        ]);
        let text = stdout(&out);
        for hazard in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
            assert!(!text.contains(hazard), "{format}: {hazard:?} in {text}");
        }
        assert!(
            text.contains("\\u001b[2J\\u001b]0;title\\u0007\\u009b31m\\u202etxt.exe"),
            "{text}"
        );
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let message = if format == "json" {
            &value["diagnostics"][0]["message"]
        } else {
            &value["runs"][0]["results"][0]["message"]["text"]
        };
        assert!(
            message.as_str().unwrap().contains(hostile),
            "{format}: {message}"
        );
    }
}

fn wide(dir: &Path) -> String {
    let plan = dir.join("wide.plan");
    fs::write(&plan, format!("plan \"P\" {{{}@ }}\n", " ".repeat(65_536))).unwrap();
    path_str(&plan).to_string()
}

#[test]
fn a_problem_past_column_65535_is_drawn_without_a_panic() {
    let dir = temp_root();
    let plan = wide(dir.path());
    for args in [
        vec!["check", plan.as_str()],
        vec!["fmt", plan.as_str()],
        vec!["fmt", "--check", plan.as_str()],
        vec!["render", plan.as_str()],
        vec!["graph", plan.as_str()],
        vec!["simulate", plan.as_str()],
        vec!["triggers", plan.as_str()],
        vec!["fmt", "--fix", plan.as_str()],
    ] {
        let out = planc(&args);
        let text = stdout(&out) + &stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {text}");
        assert!(text.contains("wide.plan:1:65547]"), "{args:?}: {text}");
    }
    // A planc.toml with a problem that far right.
    let config = dir.path().join("planc.toml");
    fs::write(
        &config,
        format!("[span-of-control]\nlimit = {}-1\n", " ".repeat(65_536)),
    )
    .unwrap();
    let out = planc(&["check", plan.as_str()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("planc.toml:2:"), "{}", stderr(&out));
}

/// Plans with lone CRs, each with one problem (its code, 1-based line and column).
const LONE_CRS: [(&str, &str, usize, usize); 3] = [
    (
        "plan \"x\" { commander a }\nrole a \"甲\" { holder \"张三\" }\nstep s \"s\" { owner a\r\r; on t }\n",
        "undefined-name",
        5,
        6,
    ),
    // A CR in a comment ends the line (and the comment) there too.
    (
        "plan \"x\" { commander a } # 注\r释\r\nrole a \"甲\" { holder \"张三\" }\nstep s \"s\" { owner a; on t }\n",
        "undefined-name",
        4,
        26,
    ),
    // So does a CR in a string: it is not closed on its line.
    (
        "plan \"x\" { commander a }\nrole a \"甲\" { holder \"张\r三\" }\nstep s \"s\" { owner a; on t }\n",
        "syntax-error",
        2,
        21,
    ),
];

#[test]
fn a_lone_cr_gives_one_position_in_every_format() {
    let dir = temp_root();
    let plan = dir.path().join("cr.plan");
    for (text, code, line, column) in LONE_CRS {
        fs::write(&plan, text).unwrap();
        let plan = path_str(&plan);
        let select = ["--select", code];
        let human = stdout(&planc(&[&["check", plan][..], &select].concat()));
        assert!(
            human.contains(&format!("cr.plan:{line}:{column}]")),
            "{human}"
        );
        assert!(human.contains(&format!(" {line} │ ")), "{human}");
        let json = stdout(&planc(
            &[&["check", "--format", "json", plan][..], &select].concat(),
        ));
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(json["diagnostics"][0]["code"], code);
        assert_eq!(json["diagnostics"][0]["line"], line);
        assert_eq!(json["diagnostics"][0]["column"], column);
        let sarif = stdout(&planc(
            &[&["check", "--format", "sarif", plan][..], &select].concat(),
        ));
        let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
        let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            (&region["startLine"], &region["startColumn"]),
            (&line.into(), &column.into())
        );
        let github = stdout(&planc(
            &[&["check", "--format", "github", plan][..], &select].concat(),
        ));
        assert!(
            github.contains(&format!(
                ",line={line},endLine={line},col={column},endColumn={}::",
                column + 1
            )),
            "{github}"
        );
    }
}
