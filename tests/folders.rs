//! Folder walks: a symlink loop, an unreadable file and a file name that is not
//! UTF-8 are reported, and the other files are still checked.

mod support;

use std::os::unix::ffi::OsStrExt;

const BROKEN: &str = "tests/fixtures/checks/undefined-name/fires.plan";

fn check(dir: &std::path::Path) -> (Option<i32>, String, String) {
    let o = support::command(&support::root())
        .args(["check", "--no-config", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn a_symlink_loop_ends_and_the_plans_are_checked_once() {
    let dir = support::temp_root();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::copy(BROKEN, sub.join("a.plan")).unwrap();
    std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();
    let (code, stdout, _) = check(dir.path());
    assert_eq!(code, Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["summary"]["files"], 1, "{stdout}");
}

#[test]
fn an_unreadable_file_is_named_and_the_others_are_checked() {
    let dir = support::temp_root();
    std::fs::copy(BROKEN, dir.path().join("a.plan")).unwrap();
    // A dangling link cannot be read, even by root.
    std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("b.plan")).unwrap();
    let (code, stdout, stderr) = check(dir.path());
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("b.plan"), "{stderr}");
    assert!(stdout.contains("`leeder` is not defined"), "{stdout}");
}

#[test]
fn a_file_name_that_is_not_utf8_is_checked_and_shown() {
    let dir = support::temp_root();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.plan");
    std::fs::copy(BROKEN, dir.path().join(name)).unwrap();
    std::fs::copy(BROKEN, dir.path().join("z.plan")).unwrap();
    let (code, stdout, _) = check(dir.path());
    assert_eq!(code, Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["summary"]["files"], 2, "{stdout}");
    assert!(stdout.contains("caf\u{FFFD}.plan"), "{stdout}");
}
