//! `planc fmt` on real files: exit codes, the `--check` diff, atomic writes
//! that keep permissions, files that do not parse, symlinks, `--fix`.

use std::fs;
use std::os::unix::fs::PermissionsExt;
mod support;

use std::path::Path;
use std::process::Output;

const MESSY: &str = "plan \"测试\" { issuer \"单位\" }\nrole leader \"组长\" { holder \"张三\"; duty \"负总责\" }\n";
const CLEAN: &str = "plan \"测试\" {\n  issuer \"单位\"\n}\n\nrole leader \"组长\" {\n  holder \"张三\"\n  duty \"负总责\"\n}\n";

fn planc(dir: &Path, args: &[&str]) -> Output {
    support::command(dir)
        .args(args)
        .output()
        .expect("planc runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The names in `dir`, sorted (to see that no temp file is left behind),
/// but for the repository marker of `support::temp_root`.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != ".git")
        .collect();
    names.sort();
    names
}

#[test]
fn check_prints_a_unified_diff_and_exits_1_without_writing() {
    let dir = support::temp_root();
    fs::write(dir.path().join("a.plan"), MESSY).unwrap();
    let out = planc(dir.path(), &["fmt", "--check", "a.plan"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "\
--- a.plan
+++ a.plan
@@ -1,2 +1,8 @@
-plan \"测试\" { issuer \"单位\" }
-role leader \"组长\" { holder \"张三\"; duty \"负总责\" }
+plan \"测试\" {
+  issuer \"单位\"
+}
+
+role leader \"组长\" {
+  holder \"张三\"
+  duty \"负总责\"
+}
1 file would be reformatted, 0 already formatted
"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("a.plan")).unwrap(),
        MESSY
    );
}

#[test]
fn check_of_clean_files_exits_0_silently_but_for_the_summary() {
    let dir = support::temp_root();
    fs::create_dir(dir.path().join("plans")).unwrap();
    fs::write(dir.path().join("plans/a.plan"), CLEAN).unwrap();
    fs::write(dir.path().join("plans/b.plan"), CLEAN).unwrap();
    fs::write(dir.path().join("plans/notes.txt"), "not a plan {").unwrap();
    let out = planc(dir.path(), &["fmt", "--check", "plans"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "0 files would be reformatted, 2 already formatted\n"
    );
}

#[test]
fn writes_atomically_and_keeps_the_permissions() {
    let dir = support::temp_root();
    let path = dir.path().join("a.plan");
    fs::write(&path, MESSY).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let out = planc(dir.path(), &["fmt", "a.plan"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "formatted a.plan\n1 file reformatted, 0 already formatted\n"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), CLEAN);
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(
        listing(dir.path()),
        ["a.plan"],
        "a temp file was left behind"
    );
    // a second run changes nothing
    let again = planc(dir.path(), &["fmt", "--check", "a.plan"]);
    assert_eq!(again.status.code(), Some(0));
}

#[test]
fn a_file_that_does_not_parse_is_left_untouched_and_its_error_reported() {
    let dir = support::temp_root();
    let broken = "plan \"测试\" {\n  issuer\n}\n";
    fs::write(dir.path().join("broken.plan"), broken).unwrap();
    fs::write(dir.path().join("good.plan"), MESSY).unwrap();
    let out = planc(dir.path(), &["fmt", "broken.plan", "good.plan"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("syntax-error"), "{err}");
    assert!(err.contains("expected a string"), "{err}");
    assert!(
        err.contains("`broken.plan` has syntax errors; it is left as it is"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("broken.plan")).unwrap(),
        broken
    );
    // the other file is still formatted
    assert_eq!(
        fs::read_to_string(dir.path().join("good.plan")).unwrap(),
        CLEAN
    );
    assert!(stdout(&out).contains("1 with syntax errors left as they are"));
}

#[test]
fn a_symlinked_plan_is_formatted_at_its_target_and_stays_a_link() {
    let dir = support::temp_root();
    fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/a.plan");
    fs::write(&target, MESSY).unwrap();
    std::os::unix::fs::symlink("real/a.plan", dir.path().join("link.plan")).unwrap();
    let out = planc(dir.path(), &["fmt", "link.plan"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("formatted link.plan (a symlink: its target ")
            && said.contains("real/a.plan was rewritten)"),
        "{said}"
    );
    let link = fs::symlink_metadata(dir.path().join("link.plan")).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), CLEAN);
    assert_eq!(listing(&dir.path().join("real")), ["a.plan"]);
}

#[test]
fn a_file_reached_twice_is_formatted_once() {
    let dir = support::temp_root();
    fs::write(dir.path().join("a.plan"), MESSY).unwrap();
    std::os::unix::fs::symlink("a.plan", dir.path().join("b.plan")).unwrap();
    let out = planc(dir.path(), &["fmt", "--check", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).matches("+++ ").count(), 1, "{}", stdout(&out));
}

#[test]
fn unreadable_paths_exit_2_and_the_others_are_still_formatted() {
    let dir = support::temp_root();
    fs::write(dir.path().join("a.plan"), MESSY).unwrap();
    std::os::unix::fs::symlink("gone.plan", dir.path().join("dangling.plan")).unwrap();
    let out = planc(dir.path(), &["fmt", "missing.plan", "."]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("cannot read `missing.plan`"), "{err}");
    assert!(err.contains("dangling.plan"), "{err}");
    assert_eq!(
        fs::read_to_string(dir.path().join("a.plan")).unwrap(),
        CLEAN
    );
}

#[test]
fn a_read_only_file_is_refused_and_left_as_it_was() {
    let dir = support::temp_root();
    let path = dir.path().join("a.plan");
    fs::write(&path, MESSY).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let out = planc(dir.path(), &["fmt", "a.plan"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&path).unwrap(), MESSY);
    assert_eq!(listing(dir.path()), ["a.plan"]);
}

#[test]
fn fix_says_what_it_did_in_chinese() {
    let dir = support::temp_root();
    let path = dir.path().join("预案.plan");
    fs::write(
        &path,
        "plan \"测试\" { issuer \"单位\"； date 2024年9月1日 }\nstep s \"报告\" { 负责 a; within 10分钟 }\n",
    )
    .unwrap();
    let refused = planc(dir.path(), &["fmt", "--lang", "zh", "预案.plan"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).ends_with(
            "planc：`预案.plan` 有语法错误，文件未改动\nplanc：`预案.plan`：`planc fmt --fix` 可以改好其中 4 处（粘贴来的全角标点、中文关键字、中文写法的时长和日期……）\n"
        ),
        "{}",
        stderr(&refused)
    );
    let out = planc(dir.path(), &["fmt", "--fix", "--lang", "zh", "预案.plan"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "\
已排版 预案.plan
  1:24：`；`（中文分号）改为 `;`
  1:31：`2024年9月1日` 改为 `2024-09-01`
  2:15：`负责` 改为 `owner`
  2:28：`10分钟` 改为 `10m`
重新排版了 1 个文件，0 个已是规范格式
"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "plan \"测试\" {\n  issuer \"单位\"\n  date 2024-09-01\n}\n\nstep s \"报告\" {\n  owner a\n  within 10m\n}\n"
    );
}

#[test]
fn fix_replaces_paste_artefacts_and_says_where() {
    let dir = support::temp_root();
    let path = dir.path().join("a.plan");
    fs::write(&path, "plan “测试” ｛ issuer \"单位，全角\"； ｝\n").unwrap();
    let refused = planc(dir.path(), &["fmt", "a.plan"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("`planc fmt --fix` would repair 5 slip(s)"),
        "{}",
        stderr(&refused)
    );
    let out = planc(dir.path(), &["fmt", "--fix", "a.plan"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "\
formatted a.plan
  1:6: `“` (a curly or full-width quote) replaced by `\"`
  1:9: `”` (a curly or full-width quote) replaced by `\"`
  1:11: `｛` (a full-width brace) replaced by `{`
  1:27: `；` (a full-width semicolon) replaced by `;`
  1:29: `｝` (a full-width brace) replaced by `}`
1 file reformatted, 0 already formatted
"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "plan \"测试\" {\n  issuer \"单位，全角\"\n}\n"
    );
}

#[test]
fn invalid_utf8_is_reported_and_left_untouched() {
    let dir = support::temp_root();
    let path = dir.path().join("a.plan");
    fs::write(&path, b"plan \"\xff\"\n").unwrap();
    let out = planc(dir.path(), &["fmt", "a.plan"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not valid UTF-8"), "{}", stderr(&out));
    assert_eq!(fs::read(&path).unwrap(), b"plan \"\xff\"\n");
}
