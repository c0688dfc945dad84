//! What `render`, `graph`, `simulate` and `triggers` share: reading one plan,
//! refusing a plan with errors (shown as `check` shows them), the language
//! they speak, and writing the result to stdout or atomically to a file
//! (never over the plan itself).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use planc::config::Config;
use planc::diagnostic::Diagnostic;
use planc::graph::Graphs;
use planc::model::Model;
use planc::pipeline::{self, CheckedBytes, Compiled};
use planc::report::{self, FileReport};

use super::config::Configs;
use super::lang::LangArg;
use super::read::{ReadError, cannot_read, read_limited};
use planc::i18n::Message;
use planc::lang::Lang;

use super::terminal::human_options;
use super::{EXIT_FINDINGS, EXIT_TROUBLE};
use super::{say, write};

/// Reads a plan file as text. Unreadable or not a regular file: exit 2. Not
/// UTF-8 or too large: reported as `check` reports it, exit 1.
fn read_plan(path: &Path, config: &Config, lang: Lang) -> Result<String, u8> {
    let shown = super::shown(path);
    let checked = match read_limited(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(source) => return Ok(source),
            Err(e) => pipeline::check_bytes(e.as_bytes(), config),
        },
        Err(ReadError::TooLarge(len)) => CheckedBytes::too_large(len, config),
        Err(e) => {
            say::trouble(lang, cannot_read(&shown, e.message()));
            return Err(EXIT_TROUBLE);
        }
    };
    show_problems(
        &path.to_string_lossy(),
        &checked.source,
        &checked.diagnostics,
        lang,
    );
    Err(EXIT_FINDINGS)
}

/// Reads and compiles the plan at `path`, and hands it to `run` with the
/// language of the output when it has no errors; otherwise the exit code of
/// what went wrong. `output`, the file `run` will write, is refused first if
/// it is the plan or its planc.toml. What is said before the plan is read
/// is in `check`'s language (`--lang`, planc.toml, the locale); from then on
/// in the output's (`lang::of_output`).
pub fn with_plan(
    path: &Path,
    output: Option<&Path>,
    flag: Option<LangArg>,
    run: impl FnOnce(&Compiled, &Model, &Graphs, Lang) -> u8,
) -> u8 {
    let loaded = Configs::new(None, false, super::today::overrides()).for_file(path);
    let lang = super::lang::choose(flag, loaded.lang);
    if let Some(output) = output {
        let mut inputs = vec![path];
        inputs.extend(loaded.file.as_deref());
        if let Err(message) = write::not_an_input(output, &inputs) {
            say::trouble(lang, message);
            return EXIT_TROUBLE;
        }
    }
    let source = match read_plan(path, &loaded.config, lang) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let compiled = match compile(path, &source, &loaded.config, lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let (Some(model), Some(graphs)) = (&compiled.model, &compiled.graphs) else {
        return EXIT_TROUBLE;
    };
    let lang = super::lang::of_output(flag, model);
    // Warnings do not stop the output; their number is noted on stderr.
    let warnings = compiled.diagnostics.len();
    if warnings > 0 {
        let noted = Message::new("output-has-warnings")
            .with("path", super::shown(path))
            .with("count", warnings);
        eprintln!("{}", noted.text(lang));
    }
    run(&compiled, model, graphs, lang)
}

/// Compiles a plan; a plan with errors is shown as `check` shows it (on
/// stderr, since stdout carries the output) and refused with exit 1.
fn compile<'s>(
    path: &Path,
    source: &'s str,
    config: &Config,
    lang: Lang,
) -> Result<Compiled<'s>, u8> {
    let compiled = pipeline::compile(source, config);
    if compiled.has_errors() || compiled.model.is_none() || compiled.graphs.is_none() {
        show_problems(&path.to_string_lossy(), source, &compiled.diagnostics, lang);
        let refused = Message::new("output-has-errors").with("path", super::shown(path));
        eprintln!("{}", refused.text(lang));
        return Err(EXIT_FINDINGS);
    }
    Ok(compiled)
}

pub fn show_problems(path: &str, source: &str, diagnostics: &[Diagnostic], lang: Lang) {
    let files = [FileReport {
        path,
        source,
        diagnostics,
    }];
    let stderr = io::stderr();
    let text = report::human::render(&files, human_options(&stderr, lang, 0));
    let _ = stderr.lock().write_all(text.as_bytes());
}

/// Prints `text` to stdout, or writes it atomically to `output`; trouble is
/// told in `lang`. Exit code.
pub fn emit(text: &str, output: Option<&PathBuf>, lang: Lang) -> u8 {
    emit_bytes(text.as_bytes(), output, lang)
}

/// `emit` for any bytes (a .docx).
pub fn emit_bytes(bytes: &[u8], output: Option<&PathBuf>, lang: Lang) -> u8 {
    match output {
        None => {
            let _ = io::stdout().lock().write_all(bytes);
            super::EXIT_OK
        }
        Some(path) => match write::write_atomically(path, bytes) {
            Ok(()) => super::EXIT_OK,
            Err(e) => {
                say::trouble(lang, write::cannot_write(path, e.message()));
                EXIT_TROUBLE
            }
        },
    }
}
