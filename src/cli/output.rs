//! What `render`, `graph` and `simulate` share: reading one plan, refusing a
//! plan with errors (shown as `check` shows them), and writing the result to
//! stdout or atomically to a file.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use planc::config::Config;
use planc::diagnostic::Diagnostic;
use planc::graph::Graphs;
use planc::model::Model;
use planc::pipeline::{self, Compiled};
use planc::report::{self, FileReport};

use super::config::Configs;
use super::terminal::human_options;
use super::{EXIT_FINDINGS, EXIT_TROUBLE};

/// Reads a plan file as text. Unreadable: exit 2. Not UTF-8: reported as
/// `check` reports it, exit 1.
fn read_plan(path: &Path) -> Result<String, u8> {
    let display = path.to_string_lossy();
    let bytes = fs::read(path).map_err(|e| {
        eprintln!("planc: cannot read `{display}`: {e}");
        EXIT_TROUBLE
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let checked = pipeline::check_bytes(e.as_bytes(), &config_for(path));
        show_problems(&display, &checked.source, &checked.diagnostics);
        EXIT_FINDINGS
    })
}

/// The configuration `planc check` would use for the file (its nearest planc.toml).
fn config_for(path: &Path) -> Config {
    Configs::new(None, false, super::today::overrides())
        .for_file(path)
        .config
        .clone()
}

/// Reads and compiles the plan at `path`, and hands it to `run` when it has
/// no errors; otherwise the exit code of what went wrong.
pub fn with_plan(path: &Path, run: impl FnOnce(&Compiled, &Model, &Graphs) -> u8) -> u8 {
    let source = match read_plan(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let compiled = match compile(path, &source) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let (Some(model), Some(graphs)) = (&compiled.model, &compiled.graphs) else {
        return EXIT_TROUBLE;
    };
    run(&compiled, model, graphs)
}

/// Compiles a plan; a plan with errors is shown as `check` shows it (on
/// stderr, since stdout carries the output) and refused with exit 1.
/// Warnings do not stop the output; their number is noted on stderr.
fn compile<'s>(path: &Path, source: &'s str) -> Result<Compiled<'s>, u8> {
    let compiled = pipeline::compile(source, &config_for(path));
    let display = path.to_string_lossy();
    if compiled.has_errors() || compiled.model.is_none() || compiled.graphs.is_none() {
        show_problems(&display, source, &compiled.diagnostics);
        eprintln!("planc: `{display}` has errors and was not rendered: fix them first");
        return Err(EXIT_FINDINGS);
    }
    let warnings = compiled.diagnostics.len();
    if warnings > 0 {
        let s = if warnings == 1 { "" } else { "s" };
        eprintln!(
            "planc: `{display}` has {warnings} warning{s}; `planc check {display}` shows them"
        );
    }
    Ok(compiled)
}

fn show_problems(path: &str, source: &str, diagnostics: &[Diagnostic]) {
    let files = [FileReport {
        path,
        source,
        diagnostics,
    }];
    let stderr = io::stderr();
    let text = report::human::render(&files, human_options(&stderr));
    let _ = stderr.lock().write_all(text.as_bytes());
}

/// Prints `text` to stdout, or writes it atomically to `output`. Exit code.
pub fn emit(text: &str, output: Option<&PathBuf>) -> u8 {
    match output {
        None => {
            let _ = io::stdout().lock().write_all(text.as_bytes());
            super::EXIT_OK
        }
        Some(path) => match write_atomically(path, text.as_bytes()) {
            Ok(()) => super::EXIT_OK,
            Err(e) => {
                eprintln!("planc: cannot write `{}`: {e}", path.to_string_lossy());
                EXIT_TROUBLE
            }
        },
    }
}

/// Writes `bytes` to a temporary file in the target's folder, then renames it
/// over the target: readers see the old file or the new one, never half of
/// one, and on any error the old file is left as it was. An existing file
/// keeps its permissions; a symlink is followed to the file it names.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let existing = fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(|m| m.is_dir()) {
        return Err(io::Error::other("it is a folder"));
    }
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::other("it does not name a file"))?
        .to_string_lossy()
        .into_owned();
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (tmp, mut file) = create_temp(&dir, &name)?;
    let written = (|| {
        file.write_all(bytes)?;
        if let Some(meta) = &existing {
            fs::set_permissions(&tmp, meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, &target)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, fs::File)> {
    let pid = std::process::id();
    let mut last = None;
    for attempt in 0..100 {
        let tmp = dir.join(format!(".{name}.{pid}.{attempt}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no temporary name was free")))
}
