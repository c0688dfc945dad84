//! Where SARIF's links point (docs/ci.md, "Where the links point"):
//! `--docs-url` wins over `docs-url` in planc.toml, a bad address stops
//! planc with exit 2 in the user's language, and the CI jobs of docs/ci.md,
//! run step by step as GitHub Actions and GitLab CI run them (with the real
//! planc, and `cargo install` stubbed), link to the docs of the planc they
//! install.

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use planc::docs_url::DocsUrl;
use serde_json::Value;
use support::{command, isolate, root, stderr, stdout, temp_root};

/// The `helpUri` of `code` and the `informationUri` in a SARIF text.
fn links(sarif: &str, code: &str) -> (Option<String>, Option<String>) {
    let sarif: Value = serde_json::from_str(sarif).expect("SARIF");
    let driver = &sarif["runs"][0]["tool"]["driver"];
    let rule = driver["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .find(|r| r["id"] == code)
        .expect("the rule");
    let text = |v: &Value| v.as_str().map(String::from);
    (text(&rule["helpUri"]), text(&driver["informationUri"]))
}

#[test]
fn the_flag_wins_over_planc_toml_which_wins_over_nothing() {
    let dir = temp_root();
    fs::write(
        dir.path().join("planc.toml"),
        "docs-url = \"https://git.example.cn/ORG/planc/blob/HEAD/docs/\"\n",
    )
    .unwrap();
    fs::copy(
        root().join("tests/fixtures/checks/undefined-name/quiet.plan"),
        dir.path().join("a.plan"),
    )
    .unwrap();
    let sarif = |args: &[&str]| {
        let out = command(dir.path())
            .args(["check", "--format", "sarif"])
            .args(args)
            .arg("a.plan")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    assert_eq!(
        links(&sarif(&[]), "no-drill"),
        (
            Some("https://git.example.cn/ORG/planc/blob/HEAD/docs/checks/no-drill.md".into()),
            Some("https://git.example.cn/ORG/planc/blob/HEAD/docs/ci.md".into())
        )
    );
    assert_eq!(
        links(
            &sarif(&["--docs-url", "http://docs.intranet/planc"]),
            "no-drill"
        ),
        (
            Some("http://docs.intranet/planc/checks/no-drill.md".into()),
            Some("http://docs.intranet/planc/ci.md".into())
        )
    );
    assert_eq!(links(&sarif(&["--no-config"]), "no-drill"), (None, None));
}

#[test]
fn a_bad_address_stops_planc_with_exit_2_in_the_users_language() {
    let run = |args: &[&str]| {
        let out = command(&root())
            .args(["check", "--format", "sarif", "--no-config"])
            .args(args)
            .arg("tests/fixtures/checks/undefined-name/quiet.plan")
            .output()
            .unwrap();
        assert_eq!(stdout(&out), "", "nothing is checked");
        (out.status.code(), stderr(&out))
    };
    assert_eq!(
        run(&["--docs-url", "github.com/ORG/planc", "--lang", "en"]),
        (
            Some(2),
            "planc: --docs-url: `github.com/ORG/planc` is not a web address: it must start with \
             `https://` or `http://`\nhelp: give the address of the folder that holds your copy \
             of planc's docs, e.g. `https://github.com/ORG/planc/blob/HEAD/docs/`\n"
                .into()
        )
    );
    assert_eq!(
        run(&[
            "--docs-url",
            "https://me:令牌@git.example.cn/docs",
            "--lang",
            "zh"
        ]),
        (
            Some(2),
            "planc：--docs-url：`https://me:令牌@git.example.cn/docs` 含有用户名或密码，每个 \
             SARIF 文件都会把它带给读者\n提示：请写存放 planc 文档（docs 文件夹）的网址，例如 \
             `https://github.com/ORG/planc/blob/HEAD/docs/`\n"
                .into()
        )
    );
    // The same in planc.toml: reported at the value, nothing checked.
    let dir = temp_root();
    fs::write(
        dir.path().join("planc.toml"),
        "docs-url = \"https://x.cn/docs?ref=main\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.plan"), "").unwrap();
    let out = command(dir.path())
        .args(["check", "--format", "sarif", "a.plan"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert!(
        said.contains("`https://x.cn/docs?ref=main` has a `?` or a `#`")
            && said.contains("planc.toml:1:12")
            && said.ends_with("planc: nothing was checked: fix planc.toml first\n"),
        "{said}"
    );
}

/// The fenced YAML blocks of docs/ci.md.
fn yaml_blocks() -> Vec<String> {
    let text = fs::read_to_string(root().join("docs/ci.md")).unwrap();
    text.split("```yaml\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap_or_default().to_string())
        .collect()
}

/// The lines below `lines[at]` indented deeper than `indent`, dedented:
/// a `|` block of YAML.
fn literal_block(lines: &[&str], at: usize, indent: usize) -> (String, usize) {
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let mut end = at + 1;
    while end < lines.len() && (lines[end].trim().is_empty() || indent_of(lines[end]) > indent) {
        end += 1;
    }
    let body = &lines[at + 1..end];
    let margin = body
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| indent_of(l))
        .min()
        .unwrap_or(0);
    let text = body
        .iter()
        .map(|l| l.get(margin..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    (text + "\n", end)
}

/// The scripts of a GitHub workflow's `run:` steps, in order (the subset of
/// YAML the templates use: `run: COMMAND` and `run: |` blocks).
fn github_runs(block: &str) -> Vec<String> {
    let lines: Vec<&str> = block.lines().collect();
    let mut runs = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at];
        let indent = line.len() - line.trim_start().len();
        let key = line.trim_start().trim_start_matches("- ");
        if key == "run: |" {
            let (script, end) = literal_block(&lines, at, indent);
            runs.push(script);
            at = end;
            continue;
        }
        if let Some(command) = key.strip_prefix("run: ") {
            runs.push(command.to_string() + "\n");
        }
        at += 1;
    }
    runs
}

/// The commands of a GitLab job's `before_script` and `script`, in order
/// (items `- COMMAND` and `- |` blocks).
fn gitlab_script(block: &str) -> String {
    let lines: Vec<&str> = block.lines().collect();
    let mut script = String::new();
    let mut in_script = false;
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at];
        let indent = line.len() - line.trim_start().len();
        if indent == 2 {
            in_script = matches!(line.trim(), "before_script:" | "script:");
        } else if in_script && let Some(item) = line.trim_start().strip_prefix("- ") {
            assert_ne!(item, ">", "folded items are not read here");
            if item == "|" {
                let (text, end) = literal_block(&lines, at, indent);
                script.push_str(&text);
                at = end;
                continue;
            }
            script.push_str(item);
            script.push('\n');
        }
        at += 1;
    }
    script
}

/// What a CI job left: whether it passed, planc.sarif, how it installed
/// planc, and what it printed.
struct Job {
    passed: bool,
    sarif: Option<String>,
    installed: String,
    log: String,
}

/// A checkout of plans (a bundled plan) and a `bin` with `planc` (the real
/// one) and a `cargo` that only records how it was called.
fn workspace() -> tempfile::TempDir {
    let dir = temp_root();
    fs::create_dir(dir.path().join("plans")).unwrap();
    fs::copy(
        root().join("plans/xinfang-tufa.plan"),
        dir.path().join("plans/xinfang-tufa.plan"),
    )
    .unwrap();
    let bin = dir.path().join(".bin");
    fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_planc"), bin.join("planc")).unwrap();
    let cargo = bin.join("cargo");
    fs::write(&cargo, "#!/bin/sh\necho \"$@\" >> \"$CARGO_LOG\"\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&cargo, fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

fn shell(dir: &Path, env: &BTreeMap<String, String>) -> Command {
    let mut sh = Command::new("bash");
    isolate(&mut sh);
    let path = format!(
        "{}:{}",
        dir.join(".bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    sh.current_dir(dir)
        .env("PATH", path)
        .env("CARGO_LOG", dir.join(".cargo-log"))
        .envs(env);
    sh
}

fn finish(dir: &Path, passed: bool, log: String) -> Job {
    Job {
        passed,
        sarif: fs::read_to_string(dir.join("planc.sarif")).ok(),
        installed: fs::read_to_string(dir.join(".cargo-log")).unwrap_or_default(),
        log,
    }
}

/// Runs the `run:` steps of the GitHub job as the runner does (`bash -e -o
/// pipefail`, `$GITHUB_ENV` read between steps), up to the first failure.
fn run_github(block: &str, variables: &[(&str, &str)]) -> Job {
    let dir = workspace();
    let github_env = dir.path().join(".github-env");
    let mut env: BTreeMap<String, String> = variables
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    env.insert("GITHUB_ENV".into(), github_env.display().to_string());
    let mut log = String::new();
    for script in github_runs(block) {
        let out = shell(dir.path(), &env)
            .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", &script])
            .output()
            .unwrap();
        log.push_str(&stdout(&out));
        log.push_str(&stderr(&out));
        if !out.status.success() {
            return finish(dir.path(), false, log);
        }
        for line in fs::read_to_string(&github_env).unwrap_or_default().lines() {
            if let Some((k, v)) = line.split_once('=') {
                env.insert(k.into(), v.into());
            }
        }
    }
    finish(dir.path(), true, log)
}

/// Runs the GitLab job's `before_script` and `script` in one shell, as the
/// runner does, stopping at the first command that fails.
fn run_gitlab(block: &str, variables: &[(&str, &str)]) -> Job {
    let dir = workspace();
    let env = variables
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let out = shell(dir.path(), &env)
        .args(["-e", "-c", &gitlab_script(block)])
        .output()
        .unwrap();
    let log = stdout(&out) + &stderr(&out);
    finish(dir.path(), out.status.success(), log)
}

#[test]
fn the_ci_jobs_link_to_the_docs_of_the_planc_they_install() {
    let blocks = yaml_blocks();
    let github = blocks
        .iter()
        .find(|b| b.contains("upload-sarif"))
        .expect("the GitHub job");
    let gitlab = blocks
        .iter()
        .find(|b| b.starts_with("planc:\n"))
        .expect("the GitLab job");
    type Runner = fn(&str, &[(&str, &str)]) -> Job;
    let jobs: [(&str, &str, Runner); 2] = [
        ("GitHub", github, run_github),
        ("GitLab", gitlab, run_gitlab),
    ];
    // (PLANC_REPO, PLANC_DOCS_URL, the docs folder the SARIF links to)
    let cases = [
        (
            "https://github.com/ORG/planc.git",
            "",
            Some("https://github.com/ORG/planc/blob/HEAD/docs/"),
        ),
        (
            "https://github.com/ORG/planc",
            "",
            Some("https://github.com/ORG/planc/blob/HEAD/docs/"),
        ),
        (
            "https://gitlab.example.org/group/planc.git",
            "",
            Some("https://gitlab.example.org/group/planc/-/blob/HEAD/docs/"),
        ),
        ("https://git.intranet.cn/ORG/planc.git", "", None),
        ("git@github.com:ORG/planc.git", "", None),
        (
            "https://git.intranet.cn/ORG/planc.git",
            "https://git.intranet.cn/ORG/planc/src/branch/main/docs/",
            Some("https://git.intranet.cn/ORG/planc/src/branch/main/docs/"),
        ),
    ];
    for (name, block, run) in jobs {
        for (repo, docs_url, docs) in cases {
            let job = run(block, &[("PLANC_REPO", repo), ("PLANC_DOCS_URL", docs_url)]);
            assert!(job.passed, "{name} {repo}: {}", job.log);
            assert_eq!(
                job.installed,
                format!("install --locked --git {repo} planc\n"),
                "{name}"
            );
            let sarif = job.sarif.expect("planc.sarif");
            let want = (
                docs.map(|d| format!("{d}checks/missing-owner.md")),
                docs.map(|d| format!("{d}ci.md")),
            );
            assert_eq!(links(&sarif, "missing-owner"), want, "{name} {repo}");
            // The jobs derive what planc derives from a `repository`.
            if docs_url.is_empty() {
                let derived = DocsUrl::from_repository(repo);
                assert_eq!(derived.as_ref().map(DocsUrl::as_str), docs, "{repo}");
            }
        }
        // Without PLANC_REPO the job stops before it checks anything.
        let job = run(block, &[("PLANC_REPO", ""), ("PLANC_DOCS_URL", "")]);
        assert!(!job.passed && job.sarif.is_none(), "{name}");
        assert!(job.log.contains("set PLANC_REPO"), "{name}: {}", job.log);
    }
}

#[test]
fn every_sarif_command_of_the_ci_page_passes_the_docs() {
    let text = fs::read_to_string(root().join("docs/ci.md")).unwrap();
    let sarif_runs: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("planc check") && l.contains("--format sarif"))
        .collect();
    assert_eq!(sarif_runs.len(), 3, "{sarif_runs:?}");
    for line in sarif_runs {
        assert!(
            line.contains("${PLANC_DOCS:+--docs-url \"$PLANC_DOCS\"}"),
            "{line}"
        );
    }
}
