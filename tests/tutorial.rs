//! docs/教程.md, the Chinese tutorial, stays true: every command in its
//! ````console blocks is run again, in a fresh folder holding the file the
//! tutorial is at (`<!-- tutorial: 运管站预案.plan = FILE -->`, FILE under
//! docs/教程/), with a Chinese locale, and must print exactly what the
//! tutorial shows (a block ending in `…` shows the start of the output only).
//! The draft shown is docs/教程/初稿.plan, and the final plan is the draft as
//! `planc fmt --fix` left it with the tutorial's edits.

mod support;

use std::path::Path;

const TUTORIAL: &str = include_str!("../docs/教程.md");
const DRAFT: &str = include_str!("../docs/教程/初稿.plan");
const FINAL: &str = include_str!("../docs/教程/运管站预案.plan");
const FILE: &str = "运管站预案.plan";

/// `planc ARGS` in `dir` as a Chinese user runs it: stdout, then stderr.
fn run(dir: &Path, args: &[&str]) -> String {
    let mut command = support::command(dir);
    command
        .env_remove("LC_ALL")
        .env("LANG", "zh_CN.UTF-8")
        .args(args);
    let out = command.output().expect("run planc");
    String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
}

/// `(command, expected output)` of each `$ planc …` of a console block.
fn commands(block: &[&str]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in block {
        match line.strip_prefix("$ ") {
            Some(command) => out.push((command.to_string(), Vec::new())),
            None => out
                .last_mut()
                .expect("a command first")
                .1
                .push(line.to_string()),
        }
    }
    out
}

#[test]
fn every_command_of_the_tutorial_prints_what_it_shows() {
    let dir = support::temp_root();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/教程");
    let mut lines = TUTORIAL.lines();
    let mut ran = 0;
    let mut fixed_draft = None;
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix(&format!("<!-- tutorial: {FILE} = ")) {
            let name = rest.strip_suffix(" -->").expect("a directive");
            if name == FILE {
                fixed_draft = std::fs::read_to_string(dir.path().join(FILE)).ok();
            }
            std::fs::copy(folder.join(name), dir.path().join(FILE)).expect("copy");
            continue;
        }
        if line != "````console" {
            continue;
        }
        let block: Vec<&str> = lines.by_ref().take_while(|l| *l != "````").collect();
        for (command, expected) in commands(&block) {
            let args: Vec<&str> = command.split_whitespace().skip(1).collect();
            assert_eq!(command.split_whitespace().next(), Some("planc"));
            let got = run(dir.path(), &args);
            let got: Vec<&str> = got.lines().collect();
            let shown: Vec<&str> = expected.iter().map(String::as_str).collect();
            match shown.split_last() {
                Some((&"…", start)) => {
                    assert_eq!(&got[..start.len().min(got.len())], start, "$ {command}")
                }
                _ => assert_eq!(got, shown, "$ {command}"),
            }
            ran += 1;
        }
    }
    assert!(ran >= 8, "only {ran} commands");
    assert!(
        TUTORIAL.contains(&format!("```\n{DRAFT}```")),
        "the draft shown is 初稿.plan"
    );
    // The final plan: the fixed draft with the holders filled in and a drill.
    let fixed_draft = fixed_draft.expect("the draft was fixed before the final plan");
    let edited = fixed_draft
        .replacen(
            "role leader \"领导小组组长\" {\n  holder \"_____\"",
            "role leader \"领导小组组长\" {\n  holder \"张三（站长）\"",
            1,
        )
        .replacen(
            "  holder \"_____\"\n  phone \"_____\"",
            "  holder \"李四（办公室主任）\"\n  phone \"值班室 0000-0000000\"",
            1,
        )
        .replacen("  holder \"_____\"", "  holder \"王五\"", 1)
        + "\n# 每年演练一次\ndrill annual_drill \"信访突发事件应急演练\" {\n  owner office\n  with leader, liaison\n  every 1y\n}\n";
    assert_eq!(edited, FINAL);
}
