//! `planc fmt PATH...`: rewrites plan files in the canonical layout.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use planc::diagnostic::Diagnostic;
use planc::fmt::{Formatted, Options};
use planc::lang::Lang;
use planc::pipeline::CheckedBytes;
use planc::report::{self, FileReport};
use planc::span::LineIndex;

use super::files::{self, Input};
use super::read::{ReadError, read_limited};
use super::terminal::human_options;
use super::write::write_atomically;
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE};

#[derive(clap::Args)]
pub struct FmtArgs {
    /// Plan files, or folders to search for `*.plan` files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Change no file: print the difference and exit 1 when a file would change.
    #[arg(long)]
    check: bool,
    /// Also replace full-width punctuation, curly quotes and special spaces used
    /// as syntax (never inside strings or comments) by the ASCII character meant.
    #[arg(long)]
    fix: bool,
}

enum Outcome {
    Unchanged,
    Changed,
    /// The file does not parse; it was left untouched.
    Refused,
    /// It could not be read or written.
    Trouble,
    /// Already done under another name (a symlink to it, or named twice).
    Seen,
}

#[derive(Default)]
struct Tally {
    changed: usize,
    unchanged: usize,
    refused: usize,
    trouble: usize,
}

pub fn run(args: FmtArgs) -> u8 {
    let mut tally = Tally::default();
    let mut seen = HashSet::new();
    for input in files::plan_paths(&args.paths) {
        let outcome = match &input {
            Input::File { path, .. } => format_file(path, &args, &mut seen),
            Input::Trouble { .. } => {
                input.tell();
                Outcome::Trouble
            }
            Input::Skipped { .. } => {
                input.tell();
                Outcome::Seen
            }
        };
        match outcome {
            Outcome::Unchanged => tally.unchanged += 1,
            Outcome::Changed => tally.changed += 1,
            Outcome::Refused => tally.refused += 1,
            Outcome::Trouble => tally.trouble += 1,
            Outcome::Seen => {}
        }
    }
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", summary(&tally, args.check));
    if tally.trouble > 0 {
        EXIT_TROUBLE
    } else if tally.refused > 0 || (args.check && tally.changed > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn summary(t: &Tally, check: bool) -> String {
    let files = |n: usize| {
        if n == 1 {
            "1 file".to_string()
        } else {
            format!("{n} files")
        }
    };
    let mut parts = vec![if check {
        format!("{} would be reformatted", files(t.changed))
    } else {
        format!("{} reformatted", files(t.changed))
    }];
    parts.push(format!("{} already formatted", t.unchanged));
    if t.refused > 0 {
        parts.push(format!("{} with syntax errors left as they are", t.refused));
    }
    if t.trouble > 0 {
        parts.push(format!("{} could not be read or written", t.trouble));
    }
    parts.join(", ")
}

fn format_file(path: &Path, args: &FmtArgs, seen: &mut HashSet<PathBuf>) -> Outcome {
    let shown = super::shown(path);
    // A symlinked plan is formatted at its target; the link stays a link.
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = match fs::canonicalize(path) {
        Ok(target) => target,
        Err(e) => {
            let what = if is_link {
                "the symlink's target"
            } else {
                "it"
            };
            eprintln!("planc: cannot read `{shown}`: {what}: {e}");
            return Outcome::Trouble;
        }
    };
    if !seen.insert(target.clone()) {
        return Outcome::Seen;
    }
    let bytes = match read_limited(&target) {
        Ok(bytes) => bytes,
        Err(ReadError::TooLarge(len)) => {
            let too_large = CheckedBytes::too_large(len, &Default::default());
            report_refusal(&shown, "", &too_large.diagnostics);
            return Outcome::Refused;
        }
        Err(e) => {
            eprintln!("planc: cannot read `{shown}`: {e}");
            return Outcome::Trouble;
        }
    };
    let source = match String::from_utf8(bytes) {
        Ok(source) => source,
        Err(e) => {
            let checked = planc::pipeline::check_bytes(e.as_bytes(), &Default::default());
            report_refusal(&shown, &checked.source, &checked.diagnostics);
            return Outcome::Refused;
        }
    };
    let formatted = match planc::fmt::format_with(&source, Options { fix: args.fix }) {
        Ok(formatted) => formatted,
        Err(diagnostics) => {
            report_refusal(&shown, &source, &diagnostics);
            if !args.fix
                && let Ok(f) = planc::fmt::format_with(&source, Options { fix: true })
            {
                eprintln!(
                    "planc: `{shown}`: `planc fmt --fix` would repair {} slip(s): paste artefacts used as syntax, Chinese keywords, durations and dates written the Chinese way …",
                    f.fixes.len()
                );
            }
            return Outcome::Refused;
        }
    };
    if formatted.text == source {
        return Outcome::Unchanged;
    }
    let mut out = std::io::stdout().lock();
    if args.check {
        let diff = similar::TextDiff::from_lines(&source, &formatted.text);
        let diff = diff
            .unified_diff()
            .context_radius(3)
            .header(&shown, &shown)
            .to_string();
        let _ = write!(out, "{}", visible_lines(&diff));
        return Outcome::Changed;
    }
    if let Err(e) = write_atomically(&target, formatted.text.as_bytes()) {
        eprintln!(
            "planc: cannot write `{}`: {e}; the file is left as it was",
            super::shown(&target)
        );
        return Outcome::Trouble;
    }
    let _ = if is_link {
        writeln!(
            out,
            "formatted {shown} (a symlink: its target {} was rewritten)",
            super::shown(&target)
        )
    } else {
        writeln!(out, "formatted {shown}")
    };
    describe_fixes(&mut out, &source, &formatted);
    Outcome::Changed
}

/// Text for the terminal: each line's control and bidi characters escaped,
/// its line break kept.
fn visible_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let content = line.strip_suffix('\n').unwrap_or(line);
        let content = content.strip_suffix('\r').unwrap_or(content);
        out.push_str(&planc::escape::visible(content));
        out.push_str(&line[content.len()..]);
    }
    out
}

fn describe_fixes(out: &mut impl Write, source: &str, formatted: &Formatted) {
    let index = LineIndex::new(source);
    for fix in &formatted.fixes {
        let (line, col) = index.line_col(source, fix.span.start);
        let what = match &fix.what {
            Some(what) => format!(" ({})", what.text(Lang::En)),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "  {line}:{col}: `{}`{what} replaced by `{}`",
            fix.found, fix.replacement
        );
    }
}

/// The syntax errors of a file that was left untouched, on stderr.
fn report_refusal(path: &str, source: &str, diagnostics: &[Diagnostic]) {
    let stderr = std::io::stderr();
    let text = report::human::render(
        &[FileReport {
            path,
            source,
            diagnostics,
        }],
        human_options(&stderr, super::lang::from_locale()),
    );
    let mut err = stderr.lock();
    let _ = err.write_all(text.as_bytes());
    let _ = writeln!(
        err,
        "planc: `{path}` has syntax errors; it is left as it is"
    );
}
