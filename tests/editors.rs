//! Editor support tested with the real consumers, outside Rust:
//! - a real LSP client drives `planc lsp`: the pytest-lsp suite in tests/lsp/
//!   (pygls speaking JSON-RPC over the binary's stdin and stdout);
//! - VS Code's TextMate engine tokenizes the bundled plans with the grammar in
//!   editors/vscode/ (vscode-tmgrammar-test: assertions and snapshots).
//!
//! They need the Python packages of `tests/lsp/requirements.txt` (in a venv
//! named by `PYTHON`, as .ci/run does) and `npm ci --prefix editors/vscode`.
//! Without them the tests are skipped with a note on the terminal, except
//! under CI, where they fail (tests/support/consumers.rs).

mod support;

use std::process::{Command, Output};

use support::consumers::{Consumer, available, python};
use support::root;

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

#[test]
fn a_real_lsp_client_drives_the_server() {
    if !available(Consumer::PytestLsp) {
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
    if !available(Consumer::TextMate) {
        return;
    }
    let vscode = root().join("editors/vscode");
    let output = Command::new("npm")
        .args(["test", "--silent"])
        .current_dir(&vscode)
        .output()
        .expect("run npm test");
    assert_success("vscode-tmgrammar-test", output);
}
