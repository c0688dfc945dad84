//! A real LSP client drives `planc lsp`: the pytest-lsp suite in tests/lsp/
//! (pygls speaking JSON-RPC over the binary's stdin and stdout).
//!
//! Needs Python with `pip install pytest-lsp pytest-timeout`. Without them the
//! test is skipped with a note, except in CI (`CI` set), where it fails.

use std::process::Command;

fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".into())
}

fn client_available() -> bool {
    Command::new(python())
        .args(["-c", "import pytest_lsp, pytest_timeout"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn a_real_lsp_client_drives_the_server() {
    if !client_available() {
        let note = "pytest-lsp is not installed: `pip install pytest-lsp pytest-timeout`";
        if std::env::var_os("CI").is_some() {
            panic!("{note} (CI must run the LSP client tests)");
        }
        eprintln!("skipping the LSP client tests: {note}");
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
            "-p",
            "no:cacheprovider",
            "--timeout",
            "60",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PLANC", env!("CARGO_BIN_EXE_planc"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("run pytest");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "pytest-lsp failed:\n{stdout}\n{stderr}"
    );
    // Visible with `cargo test -- --nocapture`: how many ran, which skipped.
    println!("{stdout}");
}
