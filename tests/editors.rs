//! Editor support tested with the real consumers, outside Rust:
//! - a real LSP client drives `planc lsp`: the pytest-lsp suite in tests/lsp/
//!   (pygls speaking JSON-RPC over the binary's stdin and stdout);
//! - VS Code's TextMate engine tokenizes the bundled plans with the grammar in
//!   editors/vscode/ (vscode-tmgrammar-test: assertions and snapshots).
//!
//! They need `pip install -r tests/lsp/requirements.txt` and
//! `npm ci --prefix editors/vscode`. Without them the tests are skipped with a
//! note, except in CI (`CI` set), where they fail.

use std::path::Path;
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Whether a tool is there; when not, skip (or fail in CI) with `install`.
fn available(ready: bool, install: &str) -> bool {
    if ready {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("missing in CI: {install}");
    }
    eprintln!("skipping: not installed here: {install}");
    false
}

fn assert_success(what: &str, output: Output) {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{what} failed:\n{stdout}\n{stderr}"
    );
    // Visible with `cargo test -- --nocapture`: what ran, what skipped.
    println!("{stdout}");
}

fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".into())
}

#[test]
fn a_real_lsp_client_drives_the_server() {
    let ready = Command::new(python())
        .args(["-c", "import pytest_lsp, pytest_timeout"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !available(ready, "pip install -r tests/lsp/requirements.txt") {
        return;
    }
    let output = Command::new(python())
        .args([
            "-m",
            "pytest",
            "-c",
            "tests/lsp/pytest.ini",
            "tests/lsp",
            "-q",
            "-rs",
        ])
        .args(["-p", "no:cacheprovider", "--timeout", "60"])
        .current_dir(root())
        .env("PLANC", env!("CARGO_BIN_EXE_planc"))
        .env("LC_ALL", "C")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("run pytest");
    assert_success("pytest-lsp", output);
}

#[test]
fn the_textmate_grammar_tokenizes_the_bundled_plans() {
    let vscode = root().join("editors/vscode");
    let ready = vscode.join("node_modules/vscode-tmgrammar-test").is_dir()
        && Command::new("npm")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    if !available(ready, "npm ci --prefix editors/vscode") {
        return;
    }
    let output = Command::new("npm")
        .args(["test", "--silent"])
        .current_dir(&vscode)
        .output()
        .expect("run npm test");
    assert_success("vscode-tmgrammar-test", output);
}
