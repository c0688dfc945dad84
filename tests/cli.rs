//! The `planc` binary end to end: exit codes, planc.toml discovery and errors,
//! command-line overrides, suppressions, baselines, folder walks and `explain`.

mod support;

use std::path::Path;

use planc::check::RULES;
use tempfile::TempDir;

const HEADER: &str = r#"plan "测试预案" { issuer "测试单位"; date 2026-01-01; commander leader }
role leader "领导小组组长" { holder "张三" }
role office "信访工作办公室" { holder "李四"; escalates to leader within 10m }
fact visitors "到场上访人数": count
trigger mass_visit "集体上访" when visitors >= 50
"#;
const DRILL: &str =
    "drill annual \"信访突发事件应急演练\" { owner office; with leader; every 1y }\n";
const OWNED: &str = "step report \"向组长通报情况\" { owner office; on mass_visit; within 10m }\n";
const UNOWNED: &str = "step report \"向组长通报情况\" { on mass_visit; within 10m }\n";

fn plan(middle: &str) -> String {
    format!("{HEADER}{middle}{DRILL}")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn planc(dir: &Path, args: &[&str]) -> Run {
    let out = support::command(dir)
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// A folder with `files` (path, text); folders are created as needed. It is
/// a repository's root, so discovery never reaches a planc.toml above it.
fn tree(files: &[(&str, &str)]) -> TempDir {
    let dir = support::temp_root();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// `file:line:col severity code` of each finding, from the JSON output.
fn findings(run: &Run) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", run.stdout, run.stderr));
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{} {} {}",
                d["file"].as_str().unwrap().replace('\\', "/"),
                d["line"],
                d["column"],
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn exit_codes_follow_the_spec() {
    let dir = tree(&[
        ("clean.plan", &plan(OWNED)),
        ("error.plan", &plan(UNOWNED)),
        (
            "warn.plan",
            &plan(&format!("# planc: allow(missing-owner) — 无\n{OWNED}")),
        ),
    ]);
    let d = dir.path();
    assert_eq!(planc(d, &["check", "clean.plan"]).code, 0);
    assert_eq!(planc(d, &["check", "error.plan"]).code, 1);
    assert_eq!(planc(d, &["check", "warn.plan"]).code, 0);
    assert_eq!(planc(d, &["check", "--deny-warnings", "warn.plan"]).code, 1);
    let missing = planc(d, &["check", "clean.plan", "missing.plan"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("cannot read `missing.plan`"),
        "{}",
        missing.stderr
    );
    assert_eq!(
        planc(d, &["check", "--format", "yaml", "clean.plan"]).code,
        2
    );
    assert_eq!(planc(d, &["check"]).code, 2);
}

#[test]
fn the_nearest_planc_toml_wins() {
    let dir = tree(&[
        ("planc.toml", "[rules]\nmissing-owner = \"warning\"\n"),
        ("a.plan", &plan(UNOWNED)),
        ("sub/planc.toml", "[rules]\nmissing-owner = \"off\"\n"),
        ("sub/b.plan", &plan(UNOWNED)),
        ("sub/deeper/c.plan", &plan(UNOWNED)),
    ]);
    let run = planc(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(findings(&run), ["./a.plan:6:6 warning missing-owner"]);
    assert_eq!(run.code, 0);
    // From inside `sub`, files given one by one still find their own planc.toml.
    let run = planc(
        &dir.path().join("sub"),
        &["check", "--format", "json", "../a.plan", "deeper/c.plan"],
    );
    assert_eq!(findings(&run), ["../a.plan:6:6 warning missing-owner"]);
    // --config names one file for all; --no-config uses none.
    let run = planc(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--config",
            "sub/planc.toml",
            "a.plan",
        ],
    );
    assert_eq!(findings(&run), Vec::<String>::new());
    let run = planc(
        dir.path(),
        &["check", "--format", "json", "--no-config", "sub/b.plan"],
    );
    assert_eq!(findings(&run), ["sub/b.plan:6:6 error missing-owner"]);
    assert_eq!(run.code, 1);
}

/// A planc.toml above a repository's root (a `.git` folder, a worktree's
/// `.git` file, or `.hg`) is never read; outside a repository the search goes on.
#[test]
fn the_search_for_planc_toml_stops_at_the_repository_root() {
    let dir = tree(&[
        ("planc.toml", "[rules]\nmissing-owner = \"off\"\n"),
        ("git/.git/HEAD", "ref: refs/heads/main\n"),
        ("git/plans/a.plan", &plan(UNOWNED)),
        ("worktree/.git", "gitdir: /elsewhere/.git/worktrees/w\n"),
        ("worktree/a.plan", &plan(UNOWNED)),
        ("hg/.hg/requires", "store\n"),
        ("hg/a.plan", &plan(UNOWNED)),
        ("own/.git/HEAD", "ref: refs/heads/main\n"),
        ("own/planc.toml", "[rules]\nmissing-owner = \"warning\"\n"),
        ("own/sub/a.plan", &plan(UNOWNED)),
        ("plain/a.plan", &plan(UNOWNED)),
    ]);
    let run = planc(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(
        findings(&run),
        [
            "./git/plans/a.plan:6:6 error missing-owner",
            "./hg/a.plan:6:6 error missing-owner",
            "./own/sub/a.plan:6:6 warning missing-owner",
            "./worktree/a.plan:6:6 error missing-owner",
        ]
    );
}

#[test]
fn an_unknown_key_is_an_error_pointing_into_planc_toml() {
    let dir = tree(&[
        (
            "planc.toml",
            "[rules]\nmissing-owner = \"warning\"\nmissing-ownr = \"off\"\n\n[span-of-control]\nlimit = -1\n",
        ),
        ("a.plan", &plan(UNOWNED)),
    ]);
    let run = planc(dir.path(), &["check", "a.plan"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn a_missing_or_broken_config_file_stops_the_run() {
    let dir = tree(&[("bad.toml", "[rules\n"), ("a.plan", &plan(OWNED))]);
    let run = planc(dir.path(), &["check", "--config", "bad.toml", "a.plan"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("bad.toml:1:"), "{}", run.stderr);
    assert!(run.stderr.contains("not valid TOML"), "{}", run.stderr);
    let run = planc(dir.path(), &["check", "--config", "none.toml", "a.plan"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("cannot read `none.toml`"),
        "{}",
        run.stderr
    );
}

#[test]
fn command_line_overrides_win_over_the_file() {
    let body = format!("{UNOWNED}step other \"x\" {{ owner nobody; on mass_visit }}\n");
    let dir = tree(&[
        ("planc.toml", "[rules]\nmissing-owner = \"off\"\n"),
        ("a.plan", &plan(&body)),
    ]);
    let d = dir.path();
    let json = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "json", "a.plan"];
        args.extend_from_slice(extra);
        findings(&planc(d, &args))
    };
    assert_eq!(json(&[]), ["a.plan:7:24 error undefined-name"]);
    assert_eq!(
        json(&["--select", "missing-owner"]),
        ["a.plan:6:6 warning missing-owner"]
    );
    assert_eq!(
        json(&["--error", "missing-owner", "--warn", "undefined-name"]),
        [
            "a.plan:6:6 error missing-owner",
            "a.plan:7:24 warning undefined-name"
        ]
    );
    assert_eq!(
        json(&[
            "--select",
            "ALL",
            "--ignore",
            "undefined-name,missing-owner"
        ]),
        Vec::<String>::new()
    );
    let run = planc(d, &["check", "--ignore", "undefined-nam", "a.plan"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `undefined-name`?"),
        "{}",
        run.stderr
    );
    assert_eq!(
        planc(d, &["check", "--ignore", "undefined-name", "a.plan"]).code,
        0
    );
    assert_eq!(
        planc(d, &["check", "--ignore", "syntax-error", "a.plan"]).code,
        2
    );
}

#[test]
fn suppressions_need_a_reason_and_must_silence_something() {
    let with_reason = plan(&format!(
        "# planc: allow(missing-owner) — 由现场指挥临时指定\n{UNOWNED}"
    ));
    let without = plan(&format!("# planc: allow(missing-owner)\n{UNOWNED}"));
    let unused = plan(&format!("# planc: allow(missing-owner) — 旧的\n{OWNED}"));
    let dir = tree(&[
        ("a.plan", &with_reason),
        ("b.plan", &without),
        ("c.plan", &unused),
    ]);
    let d = dir.path();
    let run = planc(d, &["check", "--format", "json", "a.plan"]);
    assert_eq!((run.code, findings(&run)), (0, vec![]));
    let run = planc(d, &["check", "--format", "json", "b.plan"]);
    assert_eq!(
        findings(&run),
        [
            "b.plan:6:1 warning unused-suppression",
            "b.plan:7:6 error missing-owner"
        ]
    );
    assert_eq!(run.code, 1);
    let run = planc(d, &["check", "--format", "json", "c.plan"]);
    assert_eq!(findings(&run), ["c.plan:6:16 warning unused-suppression"]);
    assert_eq!(run.code, 0);
    let run = planc(
        d,
        &[
            "check",
            "--format",
            "json",
            "--ignore",
            "missing-owner",
            "c.plan",
        ],
    );
    assert_eq!(findings(&run), Vec::<String>::new());
}

#[test]
fn a_baseline_hides_recorded_findings_even_after_lines_move() {
    let old = plan(UNOWNED);
    let dir = tree(&[("plans/a.plan", &old), ("plans/b.plan", &plan(OWNED))]);
    let d = dir.path();
    let run = planc(
        d,
        &["check", "--write-baseline", "planc-baseline.json", "plans"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("recorded 1 finding of 2 files"),
        "{}",
        run.stderr
    );
    let text = std::fs::read_to_string(d.join("planc-baseline.json")).unwrap();
    assert!(text.contains("\"file\": \"plans/a.plan\""), "{text}");
    // Lines move, and a new finding appears in another file.
    std::fs::write(d.join("plans/a.plan"), format!("# 修订\n\n{old}")).unwrap();
    std::fs::write(d.join("plans/b.plan"), plan(UNOWNED)).unwrap();
    let run = planc(
        d,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "planc-baseline.json",
            "plans",
        ],
    );
    assert_eq!(findings(&run), ["plans/b.plan:6:6 error missing-owner"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("1 finding recorded in the baseline not shown"),
        "{}",
        run.stderr
    );
    // The keys are relative to the baseline's folder, not to the working directory.
    let run = planc(
        &d.join("plans"),
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "../planc-baseline.json",
            "a.plan",
        ],
    );
    assert_eq!((run.code, findings(&run)), (0, vec![]));
    // A baseline that is not one stops the run.
    std::fs::write(d.join("bad.json"), "[]").unwrap();
    assert_eq!(
        planc(d, &["check", "--baseline", "bad.json", "plans"]).code,
        2
    );
}

#[test]
fn folder_walks_follow_include_and_exclude() {
    let dir = tree(&[
        (
            "planc.toml",
            "[files]\ninclude = [\"*.plan\", \"*.yuan\"]\nexclude = [\"drafts/**\", \"old\"]\n",
        ),
        ("a.plan", &plan(UNOWNED)),
        ("b.yuan", &plan(UNOWNED)),
        ("c.txt", "not a plan"),
        ("drafts/d.plan", &plan(UNOWNED)),
        ("old/e.plan", &plan(UNOWNED)),
    ]);
    let run = planc(dir.path(), &["check", "--format", "json", "."]);
    let files: Vec<String> = findings(&run)
        .iter()
        .map(|f| f.split(':').next().unwrap().to_string())
        .collect();
    assert_eq!(files, ["./a.plan", "./b.yuan"]);
    // A file named on the command line is checked even when excluded.
    let run = planc(dir.path(), &["check", "--format", "json", "drafts/d.plan"]);
    assert_eq!(findings(&run).len(), 1);
}

#[test]
fn many_files_are_reported_in_a_stable_order() {
    let mut files = Vec::new();
    for i in 0..40 {
        files.push((format!("p/{:02}/x.plan", 39 - i), plan(UNOWNED)));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = tree(&refs);
    let run = planc(dir.path(), &["check", "--format", "json", "p"]);
    let got: Vec<String> = findings(&run);
    let want: Vec<String> = (0..40)
        .map(|i| format!("p/{i:02}/x.plan:6:6 error missing-owner"))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn explain_prints_the_docs_page_of_a_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (flag, folder) in [("en", "docs/checks"), ("zh", "docs/checks/zh")] {
        for rule in RULES {
            let run = planc(root, &["explain", rule.code.as_str(), "--lang", flag]);
            assert_eq!(run.code, 0);
            let page =
                std::fs::read_to_string(root.join(format!("{folder}/{}.md", rule.code))).unwrap();
            let comment_start = page.find("<!--").unwrap();
            let comment_end = page[comment_start..].find("-->\n\n").unwrap() + comment_start + 5;
            let without_comment = format!("{}{}", &page[..comment_start], &page[comment_end..]);
            assert_eq!(
                run.stdout, without_comment,
                "explain {} --lang {flag} differs from its docs page",
                rule.code
            );
        }
    }
    // The C locale speaks English.
    let run = planc(root, &["explain", "missing_owner"]);
    assert!(
        run.stdout
            .starts_with("# missing-owner\n\nDefault severity: **error**.")
    );
    let run = planc(root, &["explain", "missing_owner", "--lang", "zh"]);
    assert!(
        run.stdout
            .starts_with("# missing-owner\n\n默认级别：**错误**（`error`）。步骤或日常工作没有负责人（`owner`）。\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn explain_suggests_close_codes_and_lists_all() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = planc(root, &["explain", "missing-ownr"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "planc: no check has the code `missing-ownr`; did you mean `missing-owner`, `missing-kind`?\n"
    );
    let run = planc(root, &["explain", "--list"]);
    assert_eq!(run.code, 0);
    // The core checks, then each profile's under a heading, with the
    // severity the profile gives them.
    let lines: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("profile `"))
        .collect();
    let core = RULES
        .iter()
        .filter(|r| !planc::profiles::only_in_profiles(r.code))
        .map(|r| (*r, planc::explain::severity_word(r)));
    let profiled = planc::profiles::PROFILES.iter().flat_map(|p| {
        p.rules
            .iter()
            .map(|c| (planc::check::rule(c.code), c.severity.as_str()))
    });
    let listed: Vec<_> = core.chain(profiled).collect();
    assert_eq!(lines.len(), listed.len() + 1);
    for ((rule, severity), line) in listed.iter().zip(&lines[1..]) {
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(words[0], rule.code.as_str());
        assert_eq!(words[1], *severity);
        assert!(line.ends_with(rule.summary));
        assert_eq!(
            line.find(rule.summary),
            Some(lines[0].find("finds").unwrap()),
            "{line}"
        );
    }
    assert_eq!(planc(root, &["explain"]).code, 2);
    let run = planc(root, &["explain", "missing-ownr", "--lang", "zh"]);
    assert_eq!(
        run.stderr,
        "planc：没有代码为 `missing-ownr` 的检查；是不是想写 `missing-owner`、`missing-kind`？\n"
    );
    let run = planc(root, &["explain", "--list", "--lang", "zh"]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["代码", "默认", "查找的问题"]
    );
    assert!(
        lines.contains(&"no-drill               warning  预案里没有安排演练（`drill`）"),
        "{lines:#?}"
    );
}
