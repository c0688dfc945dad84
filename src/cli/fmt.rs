//! `planc fmt PATH...`: rewrites plan files in the canonical layout.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use planc::diagnostic::{Diagnostic, Message};
use planc::fmt::{Formatted, Options};
use planc::lang::Lang;
use planc::pipeline::CheckedBytes;
use planc::report::{self, FileReport};
use planc::span::LineIndex;

use super::files::{self, Input};
use super::lang::{self, LangArg};
use super::read::{ReadError, cannot_read, io_message, read_limited};
use super::say;
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
    /// The language of what planc prints (default: `lang` in the planc.toml of
    /// the working folder, else the locale's).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
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
    let lang = lang::choose(args.lang, lang::configured_here());
    let mut tally = Tally::default();
    let mut seen = HashSet::new();
    for input in files::plan_paths(&args.paths) {
        let outcome = match &input {
            Input::File { path, .. } => format_file(path, &args, &mut seen, lang),
            Input::Trouble { .. } => {
                input.tell(lang);
                Outcome::Trouble
            }
            Input::Skipped { .. } => {
                input.tell(lang);
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
    let _ = writeln!(out, "{}", summary(&tally, args.check, lang));
    if tally.trouble > 0 {
        EXIT_TROUBLE
    } else if tally.refused > 0 || (args.check && tally.changed > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn summary(t: &Tally, check: bool, lang: Lang) -> String {
    let changed = if check {
        Message::new("fmt-would-change")
    } else {
        Message::new("fmt-changed")
    };
    let mut parts = vec![
        changed.with("count", t.changed),
        Message::new("fmt-unchanged").with("count", t.unchanged),
    ];
    if t.refused > 0 {
        parts.push(Message::new("fmt-refused").with("count", t.refused));
    }
    if t.trouble > 0 {
        parts.push(Message::new("fmt-trouble").with("count", t.trouble));
    }
    let parts: Vec<String> = parts.iter().map(|m| m.text(lang)).collect();
    parts.join(&Message::new("fmt-summary-separator").text(lang))
}

fn format_file(path: &Path, args: &FmtArgs, seen: &mut HashSet<PathBuf>, lang: Lang) -> Outcome {
    let shown = super::shown(path);
    // A symlinked plan is formatted at its target; the link stays a link.
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = match fs::canonicalize(path) {
        Ok(target) => target,
        Err(e) => {
            let mut why = io_message(&e);
            if is_link {
                why = Message::new("read-link-target").with("why", why);
            }
            say::trouble(lang, cannot_read(&shown, why));
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
            report_refusal(&shown, "", &too_large.diagnostics, lang);
            return Outcome::Refused;
        }
        Err(e) => {
            say::trouble(lang, cannot_read(&shown, e.message()));
            return Outcome::Trouble;
        }
    };
    let source = match String::from_utf8(bytes) {
        Ok(source) => source,
        Err(e) => {
            let checked = planc::pipeline::check_bytes(e.as_bytes(), &Default::default());
            report_refusal(&shown, &checked.source, &checked.diagnostics, lang);
            return Outcome::Refused;
        }
    };
    let formatted = match planc::fmt::format_with(&source, Options { fix: args.fix }) {
        Ok(formatted) => formatted,
        Err(diagnostics) => {
            report_refusal(&shown, &source, &diagnostics, lang);
            if !args.fix
                && let Ok(f) = planc::fmt::format_with(&source, Options { fix: true })
            {
                let would = Message::new("fmt-would-fix")
                    .with("path", shown.as_str())
                    .with("count", f.fixes.len());
                say::trouble(lang, would);
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
        let why = Message::new("cannot-write-kept")
            .with("path", super::shown(&target))
            .with("why", e.message());
        say::trouble(lang, why);
        return Outcome::Trouble;
    }
    let done = if is_link {
        Message::new("fmt-formatted-link")
            .with("path", shown.as_str())
            .with("target", super::shown(&target))
    } else {
        Message::new("fmt-formatted").with("path", shown.as_str())
    };
    let _ = writeln!(out, "{}", done.text(lang));
    describe_fixes(&mut out, &source, &formatted, lang);
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

fn describe_fixes(out: &mut impl Write, source: &str, formatted: &Formatted, lang: Lang) {
    let index = LineIndex::new(source);
    for fix in &formatted.fixes {
        let (line, column) = index.line_col(source, fix.span.start());
        let said = match &fix.what {
            Some(what) => Message::new("fmt-fixed-character").with("what", what.clone()),
            None => Message::new("fmt-fixed"),
        }
        .with("line", line)
        .with("column", column)
        .with("found", fix.found.as_str())
        .with("replacement", fix.replacement.as_str());
        let _ = writeln!(out, "  {}", said.text(lang));
    }
}

/// The syntax errors of a file that was left untouched, on stderr.
fn report_refusal(path: &str, source: &str, diagnostics: &[Diagnostic], lang: Lang) {
    let stderr = std::io::stderr();
    let text = report::human::render(
        &[FileReport {
            path,
            source,
            diagnostics,
        }],
        human_options(&stderr, lang, 0),
    );
    let mut err = stderr.lock();
    let _ = err.write_all(text.as_bytes());
    let left = Message::new("fmt-left-as-it-is").with("path", path);
    let _ = writeln!(err, "{}", say::line(lang, left));
}
