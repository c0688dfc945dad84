//! The `planc diff` command: two files, `--git` on a repository made in a
//! temporary folder, `--fail-on`, exit codes and argument errors.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff");
    fs::read_to_string(root.join(name)).unwrap()
}

/// A bundled plan, unlike the fixtures in title and text.
fn other_plan() -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(root.join("plans/yunguanzhan-2015.plan")).unwrap()
}

/// Runs `planc` in `dir`, isolated from the machine's locale and
/// configuration (`support::command`).
fn planc_in(dir: &Path, args: &[&str]) -> Output {
    support::command(dir)
        .args(args)
        .output()
        .expect("run planc")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs git in `dir` with a fixed identity and no user configuration.
fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=planc",
            "-c",
            "user.email=planc@example.org",
        ])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status()
        .expect("run git");
    assert!(status.success(), "git {args:?}");
}

/// The categories of a JSON report, in order, with each change's new file
/// (else old file).
fn categories(json: &str) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON");
    v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let side = if c["new"].is_null() {
                &c["old"]
            } else {
                &c["new"]
            };
            (
                c["category"].as_str().unwrap().to_string(),
                side["file"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pair(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn two_files_and_the_fail_on_exit_code() {
    let dir = support::temp_root();
    fs::write(dir.path().join("old.plan"), fixture("base.plan")).unwrap();
    fs::write(
        dir.path().join("new.plan"),
        fixture("holder-changed/new.plan"),
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["diff", "old.plan", "new.plan"];
        args.extend_from_slice(extra);
        planc_in(dir.path(), &args)
    };
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).contains("人员变动 holder-changed（1）"),
        "{}",
        out(&o)
    );
    assert!(out(&o).contains("“张三” → “_____”"), "{}", out(&o));

    let o = run(&["--fail-on", "step-removed,holder-changed"]);
    assert_eq!(o.status.code(), Some(1));
    let o = run(&[
        "--fail-on",
        "step-removed",
        "--fail-on",
        "deadline-loosened",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let o = run(&["--fail-on", "ALL"]);
    assert_eq!(o.status.code(), Some(1));

    let o = run(&["--fail-on", "holder-change"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(out(&o).is_empty());
    assert!(
        err(&o).contains("no category is called `holder-change`: did you mean `holder-changed`?"),
        "{}",
        err(&o)
    );

    // The same file on both sides: no change, exit 0 even with --fail-on ALL.
    let o = planc_in(
        dir.path(),
        &["diff", "old.plan", "old.plan", "--fail-on", "ALL"],
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(out(&o).contains("无实质变化"), "{}", out(&o));
}

#[test]
fn argument_and_input_troubles_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.plan"), fixture("base.plan")).unwrap();
    fs::write(dir.path().join("broken.plan"), "plan \"x\" {\n  issuer \n").unwrap();
    for args in [
        vec!["diff", "a.plan"],
        vec!["diff", "a.plan", "missing.plan"],
        vec!["diff", "a.plan", "broken.plan"],
    ] {
        let o = planc_in(dir.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", err(&o));
    }
    let o = planc_in(dir.path(), &["diff", "a.plan", "broken.plan"]);
    assert!(err(&o).contains("syntax-error"), "{}", err(&o));
    assert!(err(&o).contains("does not parse"), "{}", err(&o));
    // Outside a git repository (so no repository root ends the search for a
    // planc.toml: the language is given).
    let o = planc_in(dir.path(), &["diff", "--git", "HEAD", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("not inside a git repository"),
        "{}",
        err(&o)
    );
}

#[test]
fn git_revisions_and_the_working_tree() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("plans")).unwrap();
    fs::write(root.join("plans/a.plan"), fixture("base.plan")).unwrap();
    fs::write(root.join("plans/b.plan"), other_plan()).unwrap();
    fs::write(root.join("notes.txt"), "not a plan").unwrap();
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "first"]);

    // The working tree: a.plan edited, b.plan deleted, c.plan new and untracked,
    // a text file edited (not a plan: not compared).
    fs::write(
        root.join("plans/a.plan"),
        fixture("holder-changed/new.plan"),
    )
    .unwrap();
    fs::remove_file(root.join("plans/b.plan")).unwrap();
    fs::write(root.join("plans/c.plan"), fixture("base.plan")).unwrap();
    fs::write(root.join("notes.txt"), "still not a plan").unwrap();
    let expected = pair(&[
        ("holder-changed", "plans/a.plan"),
        ("plan-removed", "plans/b.plan"),
        ("plan-added", "plans/c.plan"),
    ]);
    let o = planc_in(root, &["diff", "--git", "HEAD", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(categories(&out(&o)), expected);

    // Paths limit the comparison; from a subfolder, paths are shown from there.
    let o = planc_in(
        root,
        &["diff", "--git", "HEAD", "plans/a.plan", "--format", "json"],
    );
    assert_eq!(categories(&out(&o)), expected[..1]);
    let o = planc_in(
        &root.join("plans"),
        &["diff", "--git", "HEAD", "--format", "json"],
    );
    assert_eq!(
        categories(&out(&o)),
        pair(&[
            ("holder-changed", "a.plan"),
            ("plan-removed", "b.plan"),
            ("plan-added", "c.plan"),
        ])
    );

    // Committed: the same changes between two revisions, with `..` and `...`.
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "second"]);
    for range in ["HEAD~1..HEAD", "HEAD~1..", "HEAD~1...HEAD"] {
        let o = planc_in(root, &["diff", "--git", range, "--format", "json"]);
        assert_eq!(o.status.code(), Some(0), "{range}: {}", err(&o));
        assert_eq!(categories(&out(&o)), expected, "{range}");
    }
    // Nothing changed since HEAD: one line says so, in the language asked for.
    let o = planc_in(root, &["diff", "--git", "HEAD", "--format", "json"]);
    assert_eq!(categories(&out(&o)), pair(&[]));
    let o = planc_in(root, &["diff", "--git", "HEAD", "--lang", "zh"]);
    assert_eq!(
        (o.status.code(), out(&o)),
        (Some(0), "没有预案文件变化\n".into())
    );
    let o = planc_in(
        root,
        &["diff", "--git", "HEAD", "--lang", "en", "--format", "md"],
    );
    assert_eq!(
        out(&o),
        "<!-- planc-diff -->\n### planc diff: no plan file changed\n"
    );

    // A plan moved and rewritten in another layout (too unlike its old text
    // for git to call it a rename) is compared with where it was, by its title.
    git(root, &["mv", "plans/a.plan", "plans/moved.plan"]);
    fs::write(root.join("plans/moved.plan"), fixture("no-change/new.plan")).unwrap();
    let o = planc_in(root, &["diff", "--git", "HEAD"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).starts_with(
            "plans/a.plan → plans/moved.plan：1 处变化\n\n人员变动 holder-changed（1）"
        ),
        "{}",
        out(&o)
    );

    let o = planc_in(root, &["diff", "--git", "no-such-branch"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("`no-such-branch` names no commit"),
        "{}",
        err(&o)
    );
}
