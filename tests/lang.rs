//! The language planc speaks: `--lang`, else `lang` in planc.toml, else the
//! locale. Codes and JSON keys never change with it. Every run sets the
//! locale variables itself, so the machine's own locale never decides.

use std::path::Path;
use std::process::Command;

const PLAN: &str = "plan \"测试预案\" { issuer \"测试单位\"; date 2026-01-01 }\n\
role office \"信访工作办公室\" { holder \"李四\" }\n\
fact visitors \"到场上访人数\": count\n\
trigger mass_visit \"集体上访\" when visitors >= 50\n\
step report \"向组长通报情况\" { owner office; on mass_visit; within 10m }\n";

/// Runs planc in `dir` with exactly these locale variables: its standard output.
fn planc(dir: &Path, locale: &[(&str, &str)], args: &[&str]) -> String {
    let out = run(dir, locale, args);
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Runs planc in `dir` with exactly these locale variables.
fn run(dir: &Path, locale: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_planc"));
    command
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    for (k, v) in locale {
        command.env(k, v);
    }
    command.args(args).output().expect("run planc")
}

/// A repository root (it holds a `.git`, as tests/support's `temp_root`), so
/// no `planc.toml` above the temporary folder applies.
fn folder(toml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join("planc.toml"), toml).unwrap();
    std::fs::write(dir.path().join("a.plan"), PLAN).unwrap();
    dir
}

const ZH: &str = "planc：检查了 1 个文件，发现 0 个错误、1 个警告";
const EN: &str = "planc: 0 errors, 1 warning in 1 file";

#[test]
fn a_chinese_locale_speaks_chinese_and_the_flag_wins() {
    let dir = folder("");
    let zh = planc(dir.path(), &[("LANG", "zh_CN.UTF-8")], &["check", "a.plan"]);
    assert!(zh.contains("预案没有安排演练"), "{zh}");
    assert!(zh.contains("提示：安排一次预案演练"), "{zh}");
    assert!(zh.ends_with(&format!("{ZH}\n")), "{zh}");
    let en = planc(
        dir.path(),
        &[("LANG", "zh_CN.UTF-8")],
        &["check", "--lang", "en", "a.plan"],
    );
    assert!(en.contains("the plan has no drill"), "{en}");
    assert!(en.ends_with(&format!("{EN}\n")), "{en}");
}

#[test]
fn lc_all_decides_before_lang_and_no_locale_is_english() {
    let dir = folder("");
    let c = planc(
        dir.path(),
        &[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")],
        &["check", "a.plan"],
    );
    assert!(c.ends_with(&format!("{EN}\n")), "{c}");
    let messages = planc(
        dir.path(),
        &[("LC_MESSAGES", "zh_TW.UTF-8")],
        &["check", "a.plan"],
    );
    assert!(messages.ends_with(&format!("{ZH}\n")), "{messages}");
    let none = planc(dir.path(), &[], &["check", "a.plan"]);
    assert!(none.ends_with(&format!("{EN}\n")), "{none}");
}

#[test]
fn planc_toml_names_the_language_unless_the_flag_does() {
    let dir = folder("lang = \"zh\"\n");
    let zh = planc(dir.path(), &[("LANG", "en_US.UTF-8")], &["check", "a.plan"]);
    assert!(zh.ends_with(&format!("{ZH}\n")), "{zh}");
    let en = planc(dir.path(), &[], &["check", "--lang", "en", "a.plan"]);
    assert!(en.ends_with(&format!("{EN}\n")), "{en}");
}

#[test]
fn codes_and_json_keys_stay_the_same_in_chinese() {
    let dir = folder("");
    let json = planc(
        dir.path(),
        &[],
        &["check", "--format", "json", "--lang", "zh", "a.plan"],
    );
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let d = &value["diagnostics"][0];
    assert_eq!(d["code"], "no-drill");
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["message"], "预案没有安排演练");
    assert_eq!(d["labels"][0]["message"], "这份预案里没有任何 `drill`");
    let sarif = planc(
        dir.path(),
        &[],
        &["check", "--format", "sarif", "--lang", "zh", "a.plan"],
    );
    assert!(sarif.contains("\"ruleId\": \"no-drill\""), "{sarif}");
    assert!(sarif.contains("提示：安排一次预案演练"), "{sarif}");
}

#[test]
fn a_planc_toml_with_an_unknown_language_is_refused_at_the_value() {
    let dir = folder("lang = \"fr\"\n");
    let out = Command::new(env!("CARGO_BIN_EXE_planc"))
        .current_dir(dir.path())
        .env("LC_ALL", "C")
        .env("NO_COLOR", "1")
        .args(["check", "a.plan"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`lang` must be \"zh\" or \"en\""), "{err}");
}

/// A planc.toml's own problems are told in its `lang`, though the file
/// cannot be used; `--lang` still wins, and the locale speaks when the file
/// says nothing.
#[test]
fn problems_of_planc_toml_are_told_in_its_language() {
    let told = |toml: &str, locale: &[(&str, &str)], args: &[&str]| {
        let dir = folder(toml);
        let out = run(dir.path(), locale, args);
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    };
    let zh = told(
        "lang = \"zh\"\n[rules]\nno-dril = \"off\"\n",
        &[("LANG", "en_US.UTF-8")],
        &["check", "a.plan"],
    );
    assert_eq!(
        zh,
        "planc.toml

  × [rules] 里的 `no-dril` 不是 planc 的检查
   ╭─[planc.toml:3:1]
 2 │ [rules]
 3 │ no-dril = \"off\"
   · ───┬───
   ·    ╰── 不是检查代码
   ╰────
  提示：是不是想写 `no-drill`？

planc：没有检查任何文件，请先改正 planc.toml
"
    );
    let en = told(
        "lang = \"zh\"\n[span-of-control]\nlimit = 0\n",
        &[],
        &["check", "--lang", "en", "a.plan"],
    );
    assert!(
        en.contains("  × `limit` must be a whole number of roles, 1 or more\n"),
        "{en}"
    );
    assert!(
        en.contains("  help: for example `limit = 7` (the default)\n"),
        "{en}"
    );
    assert!(
        en.ends_with("planc: nothing was checked: fix planc.toml first\n"),
        "{en}"
    );
    let locale = told(
        "rules = 3\n",
        &[("LANG", "zh_CN.UTF-8")],
        &["check", "a.plan"],
    );
    assert!(
        locale.contains("  × `rules` 应当是一个表，不能是数字\n"),
        "{locale}"
    );
    assert!(
        locale.contains("  提示：写成表：单独一行写 `[rules]`\n"),
        "{locale}"
    );
}
