//! Helpers for the output tests (render, graph, simulate): the bundled plans,
//! compiling a plan that must have no errors, and running the binary.
#![allow(dead_code)]

pub mod consumers;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use planc::config::Config;
use planc::graph::Graphs;
use planc::model::Model;
use planc::render::{self, Document, Lang};
use planc::syntax::ast;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `(stem, path, source)` of every `plans/*.plan`, sorted.
pub fn bundled() -> Vec<(String, PathBuf, String)> {
    let mut out: Vec<_> = std::fs::read_dir(root().join("plans"))
        .expect("plans folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "plan"))
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            let source = std::fs::read_to_string(&p).unwrap();
            (stem, p, source)
        })
        .collect();
    out.sort();
    assert!(out.len() >= 4, "the bundled plans are missing");
    out
}

/// The plan full of markup in every kind of text.
pub fn markup_path() -> PathBuf {
    root().join("tests/fixtures/render/markup.plan")
}

pub fn markup() -> String {
    std::fs::read_to_string(markup_path()).unwrap()
}

/// Compiles `source`, which must have no errors, and hands its parts to `f`.
pub fn with_plan<R>(source: &str, f: impl FnOnce(&ast::File, &Model, &Graphs) -> R) -> R {
    let compiled = planc::pipeline::compile(source, &Config::default());
    assert!(
        !compiled.has_errors(),
        "the plan has errors: {:?}",
        compiled.diagnostics
    );
    f(
        &compiled.file,
        compiled.model.as_ref().unwrap(),
        compiled.graphs.as_ref().unwrap(),
    )
}

/// The document view of `source` in `lang` (default: the plan's own).
pub fn document(source: &str, lang: Option<Lang>) -> Document {
    with_plan(source, |file, model, graphs| {
        let lang = lang.unwrap_or_else(|| Lang::detect(model));
        Document::build(file, model, graphs, lang)
    })
}

pub fn markdown(source: &str, lang: Option<Lang>) -> String {
    render::markdown::render(&document(source, lang))
}

pub fn html(source: &str) -> String {
    render::html::render(&document(source, None))
}

pub fn json(source: &str) -> String {
    with_plan(source, |file, model, graphs| {
        let doc = Document::build(file, model, graphs, Lang::detect(model));
        render::json::render(&doc, model)
    })
}

/// The escalation graph (or with `steps` the response graph) as DOT and Mermaid.
pub fn graphs(source: &str, steps: bool) -> (String, String) {
    with_plan(source, |_, model, _| {
        let lang = Lang::detect(model);
        let picture = if steps {
            render::graph::response(model, lang)
        } else {
            render::graph::escalation(model, lang)
        };
        let name = if steps { "steps" } else { "escalation" };
        (
            render::dot::render(&picture, name),
            render::mermaid::render(&picture, !steps),
        )
    })
}

/// The `planc` binary run in `dir`, isolated from the machine that runs the
/// tests (see `isolate`).
pub fn command(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_planc"));
    command.current_dir(dir);
    isolate(&mut command);
    command
}

/// Isolates a command that runs planc from the machine that runs the tests:
/// no colour, 80 columns, the C locale, no `CI`. Configuration discovery
/// stops at a repository's root, so a test's files must lie in this
/// repository or below `temp_root()`: a `planc.toml` elsewhere is never read.
pub fn isolate(command: &mut Command) -> &mut Command {
    command
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .env_remove("CI")
        .env_remove("LANGUAGE")
        .env_remove("LC_MESSAGES")
        .env("LC_ALL", "C")
        .env("LANG", "C")
}

/// A fresh temporary folder that is the root of a repository (it holds a
/// `.git`), so that no `planc.toml` above it, in the temporary folder or
/// anywhere else, applies to the files a test writes into it.
pub fn temp_root() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir(dir.path().join(".git")).expect("the repository marker");
    dir
}

/// Runs the `planc` binary in this repository (see `command`).
pub fn planc(args: &[&str]) -> Output {
    command(&root()).args(args).output().expect("run planc")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// A label as it must read once rendered on one line: control characters
/// become spaces and the ends are trimmed (as every output does).
pub fn flat(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}
