//! The `planc` binary: exit codes, paths, formats.

mod support;

use std::path::Path;

use support::{planc, stderr, stdout, temp_root};

const CLEAN: &str = "tests/fixtures/checks/undefined-name/quiet.plan";
const BROKEN: &str = "tests/fixtures/checks/undefined-name/fires.plan";

#[test]
fn clean_plan_exits_0() {
    let o = planc(&["check", CLEAN]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "planc: no problems in 1 file\n");
}

#[test]
fn errors_exit_1() {
    let o = planc(&["check", BROKEN]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("`leeder` is not defined"));
}

#[test]
fn bundled_plans_have_no_errors() {
    let o = planc(&["check", "plans"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("in 5 files"));
}

#[test]
fn warnings_exit_1_only_with_deny_warnings() {
    let dir = temp_root();
    let path = dir.path().join("warn.plan");
    let source = std::fs::read_to_string(CLEAN).unwrap();
    // Without its drill the plan warns no-drill.
    let source: String = source
        .lines()
        .filter(|l| !l.starts_with("drill"))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&path, source).unwrap();
    let p = path.to_str().unwrap();
    let plain = planc(&["check", p]);
    let denied = planc(&["check", "--deny-warnings", p]);
    assert!(stdout(&plain).contains("no-drill"), "{}", stdout(&plain));
    assert_eq!(plain.status.code(), Some(0), "{}", stdout(&plain));
    assert_eq!(denied.status.code(), Some(1));
}

#[test]
fn missing_path_is_named_and_exits_2() {
    let o = planc(&["check", "no/such/file.plan"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot read `no/such/file.plan`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn missing_path_does_not_stop_the_other_files() {
    let o = planc(&["check", "no/such/file.plan", BROKEN]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("`leeder` is not defined"));
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(planc(&["check"]).status.code(), Some(2));
    assert_eq!(
        planc(&["check", "--format", "xml", CLEAN]).status.code(),
        Some(2)
    );
    assert_eq!(planc(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn invalid_utf8_is_reported_with_its_offset() {
    let dir = temp_root();
    let path = dir.path().join("latin1.plan");
    std::fs::write(&path, b"plan \"caf\xe9\" { }\n").unwrap();
    let o = planc(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("invalid byte at offset 9"),
        "{}",
        stdout(&o)
    );
}

/// The limit is checked on a sparse file: its size without its bytes on disk.
#[test]
fn a_file_over_256_mib_is_reported_at_its_start() {
    let dir = temp_root();
    let path = dir.path().join("huge.plan");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(256 * 1024 * 1024 + 1)
        .unwrap();
    let o = planc(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let found: Vec<(&str, &str, u64, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [(
            "syntax-error",
            "the file is 268435457 bytes, more than planc reads (268435456 bytes)",
            1,
            1
        )]
    );
}

#[test]
fn folders_are_walked_in_sorted_order() {
    let dir = temp_root();
    let broken = std::fs::read_to_string(BROKEN).unwrap();
    for name in ["b.plan", "a.plan", "sub/c.plan"] {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &broken).unwrap();
    }
    std::fs::write(dir.path().join("notes.txt"), "not a plan").unwrap();
    let o = planc(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let files: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let f = d["file"].as_str().unwrap();
            Path::new(f)
                .strip_prefix(dir.path())
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(files, ["a.plan", "b.plan", "sub/c.plan"]);
    assert_eq!(json["summary"]["files"], 3);
}

/// The JSON output has exactly the schema of spec §4.
#[test]
fn json_output_schema() {
    let o = planc(&["check", "--format", "json", BROKEN]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&json), ["diagnostics", "summary"]);
    assert_eq!(keys(&json["summary"]), ["errors", "files", "warnings"]);
    let d = &json["diagnostics"][0];
    assert_eq!(
        keys(d),
        [
            "code", "column", "file", "help", "labels", "line", "message", "severity", "source",
            "span"
        ]
    );
    assert_eq!(d["code"], "undefined-name");
    // A core check rests on no regulation (a profile's check: tests/profiles.rs).
    assert_eq!(d["source"], serde_json::Value::Null);
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], BROKEN);
    // line 3, column in characters (Chinese label before it), offset in bytes
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(3), Some(51))
    );
    let source = std::fs::read_to_string(BROKEN).unwrap();
    let offset = d["span"]["offset"].as_u64().unwrap() as usize;
    let length = d["span"]["length"].as_u64().unwrap() as usize;
    assert_eq!(&source[offset..offset + length], "leeder");
    assert_eq!(keys(&d["labels"][0]), ["column", "line", "message", "span"]);
    assert_eq!(d["help"], "did you mean `leader`?");
    assert_eq!(
        json["summary"],
        serde_json::json!({"files": 1, "errors": 1, "warnings": 0})
    );
}
