//! What the command line itself says when it cannot do something — a file
//! it cannot read or write, an argument it cannot use — word for word, in
//! both languages. Before a plan is read planc speaks as `check` does
//! (`--lang`, planc.toml, the locale); `render`, `graph`, `simulate` and
//! `triggers` speak the output's language once it is read (`--lang`, else
//! the plan's own), so a Chinese plan gets Chinese lines under `LANG=C`.

mod support;

use std::fs;
use std::path::Path;

use support::{command, temp_root};

/// A Chinese plan without findings: nothing but the line tested is printed.
const PLAN: &str = "plan \"值班预案\" { issuer \"某单位\"; date 2026-01-01; commander leader }
role leader \"组长\" { holder \"张三\" }
role office \"办公室\" { holder \"李四\"; escalates to leader within 10m }
fact visitors \"到场人数\": count
trigger crowd \"集体来访\" when visitors >= 5
step report \"向组长报告\" { owner office; on crowd; within 10m; notify leader }
drill yearly \"年度演练\" { owner office; every 1y }
";

fn folder() -> tempfile::TempDir {
    let dir = temp_root();
    fs::write(dir.path().join("预案.plan"), PLAN).unwrap();
    dir
}

/// planc run in `dir` under `locale` (`LC_ALL`).
fn run(dir: &Path, locale: &str, args: &[&str]) -> std::process::Output {
    command(dir)
        .env("LC_ALL", locale)
        .args(args)
        .output()
        .expect("run planc")
}

/// Exit code and stderr of planc run in `dir` under `locale`.
fn said(dir: &Path, locale: &str, args: &[&str]) -> (Option<i32>, String) {
    let out = run(dir, locale, args);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn trouble(text: &str) -> (Option<i32>, String) {
    (Some(2), format!("{text}\n"))
}

const ZH: &str = "zh_CN.UTF-8";

#[test]
fn a_file_that_cannot_be_read() {
    let dir = folder();
    let d = dir.path();
    assert_eq!(
        said(d, "C", &["render", "缺少.plan"]),
        trouble("planc: cannot read `缺少.plan`: no such file or folder")
    );
    assert_eq!(
        said(d, ZH, &["render", "缺少.plan"]),
        trouble("planc：无法读取 `缺少.plan`：没有这个文件或文件夹")
    );
    assert_eq!(
        said(d, ZH, &["check", "缺少.plan"]),
        trouble("planc：无法读取 `缺少.plan`：没有这个文件或文件夹")
    );
    fs::create_dir(d.join("文件夹.plan")).unwrap();
    assert_eq!(
        said(d, "C", &["render", "文件夹.plan"]),
        trouble("planc: cannot read `文件夹.plan`: it is a folder, not a regular file")
    );
    assert_eq!(
        said(d, ZH, &["fmt", "缺少.plan"]),
        trouble("planc：无法读取 `缺少.plan`：没有这个文件或文件夹")
    );
    // A planc.toml that says `lang` speaks before any plan is read.
    fs::write(d.join("planc.toml"), "lang = \"zh\"\n").unwrap();
    assert_eq!(
        said(d, "C", &["check", "缺少.plan"]),
        trouble("planc：无法读取 `缺少.plan`：没有这个文件或文件夹")
    );
    assert_eq!(
        said(d, "C", &["render", "缺少.plan", "--lang", "en"]),
        trouble("planc: cannot read `缺少.plan`: no such file or folder")
    );
}

/// The last line of `check` (stdout) when some files named were not read:
/// never "no problems" over what was not checked.
#[test]
fn the_summary_counts_files_not_read() {
    let dir = folder();
    let d = dir.path();
    let summary = |locale: &str, args: &[&str]| {
        let out = command(d)
            .env("LC_ALL", locale)
            .args(args)
            .output()
            .expect("run planc");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    assert_eq!(
        summary("C", &["check", "缺少.plan"]),
        (
            Some(2),
            "planc: nothing was checked: the file could not be read\n".into()
        )
    );
    assert_eq!(
        summary(ZH, &["check", "缺少.plan", "另一个.plan"]),
        (
            Some(2),
            "planc：没有检查任何文件：2 个文件无法读取\n".into()
        )
    );
    assert_eq!(
        summary("C", &["check", "缺少.plan", "预案.plan"]),
        (
            Some(2),
            "planc: no problems in 1 file; 1 file could not be read and was not checked\n".into()
        )
    );
    assert_eq!(
        summary(ZH, &["check", "缺少.plan", "另一个.plan", "预案.plan"]),
        (
            Some(2),
            "planc：检查了 1 个文件，没有发现问题；另有 2 个文件无法读取，未检查\n".into()
        )
    );
}

#[test]
fn a_file_that_is_not_written() {
    let dir = folder();
    let d = dir.path();
    fs::create_dir(d.join("out")).unwrap();
    // Once the plan is read, its language: Chinese under the C locale.
    assert_eq!(
        said(d, "C", &["render", "预案.plan", "-o", "out"]),
        trouble("planc：无法写入 `out`：它是文件夹，不是普通文件（planc 只写普通文件）")
    );
    assert_eq!(
        said(d, ZH, &["graph", "预案.plan", "-o", "out", "--lang", "en"]),
        trouble(
            "planc: cannot write `out`: it is a folder, not a regular file (planc writes only regular files)"
        )
    );
    // Over an input: refused before the plan is read, as `check` speaks.
    assert_eq!(
        said(d, ZH, &["simulate", "预案.plan", "-o", "预案.plan"]),
        trouble(
            "planc：无法写入 `预案.plan`：它也是这次运行要读的文件（`预案.plan`），请换一个输出文件"
        )
    );
    assert_eq!(
        said(d, "C", &["render", "预案.plan", "-o", "预案.plan"]),
        trouble(
            "planc: cannot write `预案.plan`: it is also an input of this run (`预案.plan`); choose another output file"
        )
    );
    assert_eq!(
        said(
            d,
            ZH,
            &["check", "--write-baseline", "预案.plan", "预案.plan"]
        ),
        trouble(
            "planc：无法写入 `预案.plan`：它也是这次运行要读的文件（`预案.plan`），请换一个输出文件"
        )
    );
}

#[test]
fn simulate_settings_and_start_times() {
    let dir = folder();
    let d = dir.path();
    let simulate = |locale, extra: &[&str]| {
        let mut args = vec!["simulate", "预案.plan"];
        args.extend(extra);
        said(d, locale, &args)
    };
    assert_eq!(
        simulate("C", &["--set", "到场人数=99999999999999999999"]),
        trouble(
            "planc：--set：`visitors` 是计数型事实：`visitors=99999999999999999999` 太大了（计数最大为 18446744073709551615）"
        )
    );
    assert_eq!(
        simulate(
            ZH,
            &[
                "--set",
                "visitors=60",
                "--lang",
                "en",
                "--set",
                "visitors=6"
            ]
        ),
        trouble(
            "planc: --set: `visitors` is set twice (`--set visitors=60` and `--set visitors=6`): give each fact once"
        )
    );
    assert_eq!(
        simulate("C", &["--set", "visitor=6"]),
        trouble("planc：--set：预案里没有事实 `visitor`：是不是想写 `visitors`？")
    );
    assert_eq!(
        simulate("C", &["--set", "crowd=1"]),
        trouble(
            "planc：--set：`crowd` 是触发条件，不是事实：请设触发条件里用到的事实（`visitors`）"
        )
    );
    // A drill is told as a drill (its symbol alone says "routine").
    assert_eq!(
        simulate("C", &["--set", "yearly=1"]),
        trouble("planc：--set：`yearly` 是演练，不是事实：请设触发条件里用到的事实（`visitors`）")
    );
    assert_eq!(
        simulate("C", &["--set", "visitors=很多"]),
        trouble(
            "planc：--set：`visitors` 是计数型事实：`visitors=很多` 应是整数，例如 `visitors=60`"
        )
    );
    assert_eq!(
        simulate("C", &["--start", "2026-02-30T09:00"]),
        trouble("planc：--start `2026-02-30T09:00`：没有 2026-02-30 这一天")
    );
    assert_eq!(
        simulate("C", &["--start", "明天上午9点"]),
        trouble(
            "planc：--start `明天上午9点` 不是开始时间：请写成 年-月-日T时:分，例如 2026-11-28T09:00"
        )
    );
    assert_eq!(
        simulate("C", &["--set", "visitors=6", "--start", "9999-12-31T23:55"]),
        trouble(
            "planc：--start 9999-12-31T23:55：步骤 `report` 的时限是开始后 10m，晚于 planc 能计算的最后一天 9999-12-31：请选一个早一些的开始时间"
        )
    );
    assert_eq!(
        simulate(ZH, &["--start", "2026-11-28T24:00", "--lang", "en"]),
        trouble("planc: --start `2026-11-28T24:00`: the time 24:00 does not exist")
    );
}

#[test]
fn render_role_and_docx() {
    let dir = folder();
    let d = dir.path();
    assert_eq!(
        said(d, "C", &["render", "预案.plan", "--role", "leadr"]),
        trouble("planc：预案里没有名为 `leadr` 的角色；是不是想写 `leader`？")
    );
    assert_eq!(
        said(d, "C", &["render", "预案.plan", "--role", "yearly"]),
        trouble("planc：`yearly` 是演练，不是角色；预案里的角色有：`leader`、`office`")
    );
    assert_eq!(
        said(d, "C", &["render", "预案.plan", "--role", "visitors"]),
        trouble("planc：`visitors` 是事实，不是角色；预案里的角色有：`leader`、`office`")
    );
    assert_eq!(
        said(
            d,
            "C",
            &["render", "预案.plan", "--role", "visitors", "--lang", "en"]
        ),
        trouble("planc: `visitors` is a fact, not a role; its roles are: `leader`, `office`")
    );
}

#[test]
fn check_flags_and_baselines() {
    let dir = folder();
    let d = dir.path();
    assert_eq!(
        said(d, ZH, &["check", "--ignore", "orphan-rol", "预案.plan"]),
        trouble("planc：--ignore orphan-rol：没有这个代码的检查；是不是想写 `orphan-role`？")
    );
    assert_eq!(
        said(d, ZH, &["check", "--today", "2026-02-30", "预案.plan"]),
        trouble("planc：--today：`2026-02-30`：没有这一天")
    );
    assert_eq!(
        said(d, "C", &["check", "--today", "明天", "预案.plan"]),
        trouble("planc: --today: `明天` is not a date: write it as YYYY-MM-DD, e.g. 2026-11-28")
    );
    fs::write(
        d.join("基线.json"),
        "{\"planc_baseline\": 9, \"findings\": []}",
    )
    .unwrap();
    assert_eq!(
        said(d, ZH, &["check", "--baseline", "基线.json", "预案.plan"]),
        trouble(
            "planc：基线文件 `基线.json`：基线文件是第 9 版，这个 planc 只能读第 1 版：请用 --write-baseline 重新生成"
        )
    );
    assert_eq!(
        said(d, ZH, &["check", "--baseline", "无.json", "预案.plan"]),
        trouble("planc：无法读取基线文件 `无.json`：没有这个文件或文件夹")
    );
    let (code, err) = said(
        d,
        ZH,
        &["check", "--write-baseline", "新基线.json", "预案.plan"],
    );
    assert_eq!(code, Some(0));
    assert_eq!(err, "planc：已把 1 个文件的 0 个问题记入 `新基线.json`\n");
    let (_, err) = said(
        d,
        "C",
        &["check", "--write-baseline", "新基线.json", "预案.plan"],
    );
    assert_eq!(
        err,
        "planc: recorded 0 findings of 1 file in `新基线.json`\n"
    );
}

#[test]
fn a_special_file_in_a_folder_is_skipped_with_a_note() {
    let dir = folder();
    let d = dir.path();
    let made = std::process::Command::new("mkfifo")
        .arg(d.join("管道.plan"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    assert_eq!(
        said(d, ZH, &["check", "."]),
        (
            Some(0),
            "planc：已跳过 `./管道.plan`：它是命名管道（FIFO），不是普通文件\n".into()
        )
    );
    assert_eq!(
        said(d, "C", &["fmt", "--check", "."]).1,
        "planc: `./管道.plan` skipped: not a regular file (a FIFO (named pipe))\n"
    );
}

#[test]
fn fmt_leaves_a_read_only_file_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_root();
    let d = dir.path();
    fs::write(d.join("乱.plan"), "role   a \"甲\" { holder \"张三\" }\n").unwrap();
    fs::set_permissions(d.join("乱.plan"), fs::Permissions::from_mode(0o444)).unwrap();
    let (code, err) = said(d, ZH, &["fmt", "乱.plan"]);
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with("planc：无法写入 `")
            && err.ends_with("乱.plan`：文件是只读的；原文件未改动\n"),
        "{err}"
    );
    let (_, err) = said(d, "C", &["fmt", "乱.plan"]);
    assert!(
        err.ends_with("乱.plan`: the file is read-only; the file is left as it was\n"),
        "{err}"
    );
}

/// Mistakes in the command line itself, as clap finds them, in our words.
#[test]
fn command_line_mistakes() {
    let dir = folder();
    let d = dir.path();
    assert_eq!(
        said(d, ZH, &["chekc", "预案.plan"]),
        trouble("planc：没有 `chekc` 这个命令；是不是想写 `check`？\n用法：planc <命令>")
    );
    assert_eq!(
        said(d, "C", &["chekc", "预案.plan"]),
        trouble(
            "planc: `chekc` is not a planc command; did you mean `check`?\nusage: planc <COMMAND>"
        )
    );
    assert_eq!(
        said(d, ZH, &["render", "预案.plan", "--format", "pdf"]),
        trouble("planc：`--format` 不能取 `pdf`：请写 `md`、`html`、`json` 或 `docx`")
    );
    assert_eq!(
        said(d, "C", &["render", "预案.plan", "--format", "pdf"]),
        trouble("planc: `pdf` is not a value of `--format`: write `md`, `html`, `json` or `docx`")
    );
    assert_eq!(
        said(
            d,
            "C",
            &["check", "--lang", "zh", "--formt", "json", "预案.plan"]
        ),
        trouble(
            "planc：这里不认识 `--formt`；是不是想写 `--format`？\n用法：planc check --lang <语言> --format <格式> <路径>..."
        )
    );
    assert_eq!(
        said(d, ZH, &["render"]),
        trouble("planc：缺少 <文件>\n用法：planc render <文件>")
    );
    assert_eq!(
        said(d, ZH, &["simulate", "预案.plan", "--set"]),
        trouble("planc：`--set <事实=值>` 后面要写一个值")
    );
    assert_eq!(
        said(d, "C", &["simulate", "预案.plan", "--set"]),
        trouble("planc: `--set <FACT=VALUE>` needs a value")
    );
    // Asked for, not a mistake: on stdout, exit 0.
    assert_eq!(said(d, ZH, &["--version"]), (Some(0), String::new()));
}

/// Exit code and stdout of planc run in `dir` under `locale`.
fn printed(dir: &Path, locale: &str, args: &[&str]) -> (Option<i32>, String) {
    let out = run(dir, locale, args);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The help pages speak as a mistake in the command line does: `--lang`,
/// else planc.toml, else the locale. The options and what they accept are
/// clap's in both languages; only the words differ.
#[test]
fn help_pages_in_the_users_language() {
    let dir = folder();
    let d = dir.path();
    let render_zh = "\
把预案生成处置清单和岗位卡（Markdown、HTML、JSON 或 Word）

用法：planc render [选项] <文件>

参数：
  <文件>  预案文件

选项：
      --format <格式>  输出格式 [默认：md] [可取：md、html、json、docx]
      --role <名称>    只生成这个岗位的岗位卡（写岗位的名称、标签或负责人）
  -o, --output <文件>  写到这个文件（写完整后才替换），而不是标准输出
      --lang <语言>    标题和固定文字的语言；默认与预案本身相同 [可取：zh、en]
  -h, --help           显示帮助
";
    assert_eq!(
        printed(d, ZH, &["render", "-h"]),
        (Some(0), render_zh.into())
    );
    assert_eq!(
        printed(d, "C", &["render", "--lang", "zh", "-h"]),
        (Some(0), render_zh.into())
    );
    // `--help` lists each documented choice on a line of its own.
    let (_, long) = printed(d, ZH, &["graph", "--help"]);
    assert!(
        long.contains(
            "      --format <格式>\n          输出格式\n          可取：\n          \
             - dot：Graphviz（`dot -Tsvg`、`dot -Tpng`）\n          \
             - mermaid：Mermaid 流程图\n          [默认：dot]\n"
        ),
        "{long}"
    );
    let (_, top) = printed(d, ZH, &["--help"]);
    assert!(top.starts_with("应急预案的编译器和检查器"), "{top}");
    assert!(
        top.contains("\n命令：\n  check     检查预案文件和文件夹"),
        "{top}"
    );
    assert!(
        top.contains("\n选项：\n  -h, --help     显示帮助\n"),
        "{top}"
    );
    let english = "\
Render a plan as a checklist with role cards (Markdown, HTML, JSON or Word)

Usage: planc render [OPTIONS] <FILE>

Arguments:
  <FILE>  The plan file

Options:
      --format <FORMAT>  Output format [default: md] [possible values: md, html, json, docx]
      --role <NAME>      Render only the card of this role (its name, label or holder)
  -o, --output <FILE>    Write to this file (atomically) instead of stdout
      --lang <LANG>      Language of headings and fixed words; by default the plan's own [possible values: zh, en]
  -h, --help             Print help (see more with '--help')
";
    assert_eq!(
        printed(d, "C", &["render", "-h"]),
        (Some(0), english.into())
    );
}
