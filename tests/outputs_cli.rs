//! The `render`, `graph` and `simulate` commands: exit codes, refusing a plan
//! with errors, atomic `-o`, `--role`, `--lang`, and argument errors.

mod support;

use std::fs;

use support::*;

const BROKEN: &str = "plan \"x\" {\n  commander nobody\n}\nrole a \"A\" { holder \"h\" }\n";

fn broken_plan(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("broken.plan");
    fs::write(&path, BROKEN).unwrap();
    path
}

#[test]
fn a_plan_with_errors_is_not_rendered() {
    let dir = temp_root();
    let plan = broken_plan(dir.path());
    let plan = path_str(&plan);
    for args in [
        vec!["render", plan],
        vec!["render", plan, "--format", "html"],
        vec!["graph", plan],
        vec!["simulate", plan],
    ] {
        let out = planc(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stdout(&out).is_empty(), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains("undefined-name"), "{err}");
        assert!(err.contains("has errors and was not rendered"), "{err}");
    }
}

/// A plan with errors is refused as `check` would report it: under a
/// Chinese locale in Chinese. The note on warnings above an output is in the
/// output's language (`--lang`, else the plan's own), whatever the locale.
#[test]
fn the_refusal_is_told_as_check_tells_it_and_the_warnings_note_as_the_output() {
    let dir = temp_root();
    let plan = broken_plan(dir.path());
    fs::write(
        dir.path().join("english.plan"),
        "plan \"x\" { commander a }\nrole a \"A\" { holder \"h\" }\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("中文.plan"),
        "plan \"值班预案\" { commander a }\nrole a \"值班长\" { holder \"张三\" }\n",
    )
    .unwrap();
    let run = |locale: &str, args: &[&str]| {
        let mut command = support::command(dir.path());
        command.env("LC_ALL", locale);
        let out = command.args(args).output().unwrap();
        (out.status.code(), stderr(&out))
    };
    let (code, err) = run("zh_CN.UTF-8", &["render", path_str(&plan)]);
    assert_eq!(code, Some(1));
    assert!(
        err.ends_with(&format!(
            "planc：`{}` 有错误，没有生成：请先改正\n",
            path_str(&plan)
        )),
        "{err}"
    );
    for command in ["render", "simulate", "graph", "triggers"] {
        assert_eq!(
            run("C", &[command, "中文.plan"]),
            (
                Some(0),
                "planc：`中文.plan` 有 1 个警告，运行 `planc check 中文.plan` 可查看\n".into()
            ),
            "{command}"
        );
    }
    assert_eq!(
        run("zh_CN.UTF-8", &["render", "english.plan"]),
        (
            Some(0),
            "planc: `english.plan` has 1 warning; `planc check english.plan` shows them\n".into()
        )
    );
    assert_eq!(
        run("C", &["simulate", "中文.plan", "--lang", "en"]),
        (
            Some(0),
            "planc: `中文.plan` has 1 warning; `planc check 中文.plan` shows them\n".into()
        )
    );
}

#[test]
fn render_writes_atomically_and_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_root();
    let (_, plan, _) = &bundled()[0];
    let target = dir.path().join("checklist.md");
    fs::write(&target, "old").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();

    let out = planc(&["render", path_str(plan), "-o", path_str(&target)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    let written = fs::read_to_string(&target).unwrap();
    assert_eq!(written, stdout(&planc(&["render", path_str(plan)])));
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);

    // A plan with errors leaves the target as it was, and no temporary file.
    let broken = broken_plan(dir.path());
    let out = planc(&["render", path_str(&broken), "-o", path_str(&target)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&target).unwrap(), written);
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".git", "broken.plan", "checklist.md"]);

    // A folder is not a file to write.
    let out = planc(&["render", path_str(plan), "-o", path_str(dir.path())]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("无法写入"), "{}", stderr(&out));
}

/// `--format docx` writes the Word file with `-o`, and the same bytes to a
/// stdout that is not a terminal; `--role` by holder gives that card.
#[test]
fn render_writes_a_docx() {
    let dir = temp_root();
    let (_, plan, _) = &bundled()[1];
    let target = dir.path().join("plan.docx");
    let out = planc(&[
        "render",
        path_str(plan),
        "--format",
        "docx",
        "-o",
        path_str(&target),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = fs::read(&target).unwrap();
    assert_eq!(&written[..2], b"PK");
    let piped = planc(&["render", path_str(plan), "--format", "docx"]);
    assert_eq!(piped.stdout, written);
    let card = planc(&[
        "render",
        path_str(plan),
        "--format",
        "docx",
        "--role",
        "leader",
    ]);
    assert_eq!(card.status.code(), Some(0), "{}", stderr(&card));
    assert!(card.stdout.len() < written.len());
}

#[test]
fn graph_and_simulate_write_with_o_too() {
    let dir = temp_root();
    let (_, plan, _) = &bundled()[1];
    for (args, name) in [
        (
            vec!["graph", path_str(plan), "--format", "mermaid"],
            "g.mmd",
        ),
        (
            vec!["simulate", path_str(plan), "--set", "visitors=60"],
            "s.txt",
        ),
    ] {
        let target = dir.path().join(name);
        let mut with_o = args.clone();
        with_o.extend(["-o", path_str(&target)]);
        let out = planc(&with_o);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(fs::read_to_string(&target).unwrap(), stdout(&planc(&args)));
    }
}

#[test]
fn role_names_one_card_or_is_refused() {
    let (_, plan, _) = &bundled()[1];
    let plan = path_str(plan);
    let out = planc(&["render", plan, "--role", "leader"]);
    assert_eq!(out.status.code(), Some(0));
    let md = stdout(&out);
    assert!(md.contains("### 领导小组组长（总指挥）"), "{md}");
    assert!(!md.contains("## 响应清单"), "{md}");

    let out = planc(&["render", plan, "--role", "leadr", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `leader`?"),
        "{}",
        stderr(&out)
    );

    let out = planc(&["render", plan, "--role", "superior", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`superior` is an external, not a role"),
        "{}",
        stderr(&out)
    );

    let out = planc(&["render", plan, "--role", "leader", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(value["schema"], "planc-role-card");
    assert_eq!(value["card"]["name"], "leader");
    assert_eq!(value["card"]["commander"], true);
}

#[test]
fn lang_overrides_the_plans_language() {
    let (_, plan, _) = &bundled()[0];
    let zh = stdout(&planc(&["render", path_str(plan)]));
    assert!(
        zh.contains("## 响应清单") && zh.contains("**负责**："),
        "{zh}"
    );
    let en = stdout(&planc(&["render", path_str(plan), "--lang", "en"]));
    assert!(
        en.contains("## Checklists") && en.contains("**Owner**: "),
        "{en}"
    );
    let html = stdout(&planc(&["render", path_str(plan), "--format", "html"]));
    assert!(
        html.starts_with("<!DOCTYPE html><html lang=\"zh-CN\">"),
        "{html}"
    );
    assert!(html.contains("<meta charset=\"utf-8\">"));
    let html = stdout(&planc(&[
        "render",
        path_str(plan),
        "--format",
        "html",
        "--lang",
        "en",
    ]));
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"));
}

#[test]
fn bad_arguments_exit_2() {
    let (_, plan, _) = &bundled()[1];
    let plan = path_str(plan);
    for (args, message) in [
        (
            vec!["simulate", plan, "--lang", "en", "--set", "visitor=3"],
            "did you mean `visitors`?",
        ),
        (
            vec!["simulate", plan, "--lang", "en", "--set", "act=selfharm"],
            "did you mean `self_harm`?",
        ),
        (
            vec!["simulate", plan, "--lang", "en", "--set", "visitors=many"],
            "must be a whole number",
        ),
        (
            vec![
                "simulate",
                plan,
                "--lang",
                "en",
                "--start",
                "2026-02-30T09:00",
            ],
            "does not exist",
        ),
        (
            vec![
                "simulate",
                plan,
                "--lang",
                "en",
                "--set",
                "visitors=99999999999999999999",
            ],
            "planc: --set: `visitors` is a count: `visitors=99999999999999999999` is too large (a count is at most 18446744073709551615)\n",
        ),
        // Year 0 is no more a year here than in a plan's `date`.
        (
            vec![
                "simulate",
                plan,
                "--lang",
                "en",
                "--start",
                "0000-01-01T00:00",
            ],
            "planc: --start `0000-01-01T00:00`: the date 0000-01-01 does not exist\n",
        ),
        // A deadline that falls past the calendar is said to, not clamped.
        (
            vec![
                "simulate",
                plan,
                "--lang",
                "en",
                "--set",
                "visitors=60",
                "--start",
                "9999-12-31T23:55",
            ],
            "planc: --start 9999-12-31T23:55: step `activate` is due 10m later, after 9999-12-31, the last date planc counts: choose an earlier start\n",
        ),
        (
            vec!["render", plan, "--format", "pdf"],
            "`pdf` is not a value of `--format`",
        ),
        (vec!["render", "/nonexistent/plan.plan"], "cannot read"),
    ] {
        let out = planc(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn simulate_json_and_start_times() {
    let (_, plan, _) = &bundled()[1];
    let out = planc(&[
        "simulate",
        path_str(plan),
        "--set",
        "visitors=60",
        "--start",
        "2026-11-28T09:00",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(value["start"], "2026-11-28T09:00");
    let first = &value["steps"][0];
    assert_eq!(first["name"], "activate");
    assert_eq!(first["deadline"]["seconds"], 600);
    assert_eq!(first["due"], "2026-11-28T09:10");
}

/// The outputs judge a plan as `planc check` does: by its nearest planc.toml.
#[test]
fn the_nearest_planc_toml_decides_whether_a_plan_renders() {
    let dir = temp_root();
    let plan = dir.path().join("p.plan");
    fs::write(
        &plan,
        fs::read_to_string("tests/fixtures/checks/undefined-name/quiet.plan").unwrap(),
    )
    .unwrap();
    let plan = path_str(&plan);
    assert_eq!(planc(&["render", plan]).status.code(), Some(0));
    // `office` owns a step with a deadline and has no deputy: make that check, off by default, an error.
    fs::write(
        dir.path().join("planc.toml"),
        "[rules]\nno-deputy = \"error\"\n",
    )
    .unwrap();
    let out = planc(&["render", plan]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("no-deputy"), "{}", stderr(&out));
}
