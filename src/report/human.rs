//! Human output: miette's graphical report per diagnostic, then a summary line.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};
use rayon::prelude::*;

use super::source::Excerpt;
pub(super) use super::source::PlanSource;

use super::{FileReport, Summary};
use crate::diagnostic::{Diagnostic, DiagnosticText, Listing, Severity};
use crate::escape;
use crate::i18n::msg;
use crate::lang::Lang;

/// The most labels drawn for one diagnostic; the rest are counted in a note
/// after the help (JSON, SARIF and the editor keep them all).
pub const MAX_DRAWN_LABELS: usize = 32;

#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    pub color: bool,
    /// Terminal width the report wraps at.
    pub width: usize,
    /// The language of messages; codes never change with it.
    pub lang: Lang,
    /// Files named but not read (each told on stderr): the summary says so,
    /// rather than "no problems" over what was never checked.
    pub not_read: usize,
}

impl HumanOptions {
    /// miette's graphical handler with these options.
    pub(super) fn handler(self) -> GraphicalReportHandler {
        let theme = if self.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        GraphicalReportHandler::new_themed(theme).with_width(self.width)
    }
}

/// One problem as miette draws it: a plan's diagnostic or a problem in
/// `planc.toml` (`config_errors`), both through this one adapter.
pub(super) struct Shown<'a> {
    pub code: &'a str,
    /// `None`: miette's default (drawn as an error).
    pub severity: Option<Severity>,
    pub message: &'a str,
    pub help: Option<&'a str>,
    /// The primary label first.
    pub labels: Vec<LabeledSpan>,
    pub source: &'a PlanSource<'a>,
}

impl<'a> Shown<'a> {
    /// `d` with its words `text` (`d.text(lang)`).
    fn of(d: &'a Diagnostic, text: &'a DiagnosticText, source: &'a PlanSource<'a>) -> Self {
        // A loop of 20,000 roles has 20,000 labels: miette's drawing is
        // quadratic in them, and no reader follows that many arrows.
        let labels =
            text.labels
                .iter()
                .take(MAX_DRAWN_LABELS)
                .enumerate()
                .map(|(i, (span, label))| {
                    if i == 0 {
                        LabeledSpan::new_primary_with_span(Some(label.clone()), *span)
                    } else {
                        LabeledSpan::new_with_span(Some(label.clone()), *span)
                    }
                });
        Shown {
            code: d.code.as_str(),
            severity: Some(d.severity),
            message: &text.message,
            help: text.help.as_deref(),
            labels: labels.collect(),
            source,
        }
    }

    /// The note that stands for the labels left out of the drawing, if any.
    /// The help, followed by a note on the labels left out of the drawing
    /// when there are any.
    fn help_with_note(text: &DiagnosticText, lang: Lang) -> Option<String> {
        match text.labels.len().saturating_sub(MAX_DRAWN_LABELS) {
            0 => text.help.clone(),
            left => {
                let help = text.help.clone().unwrap_or_default();
                let note = msg!("report-labels-not-drawn", help = help, count = left);
                Some(note.text(lang).trim_start().to_string())
            }
        }
    }

    /// Appends the drawing to `out`, then a blank line: over an excerpt of
    /// the file made for it, every text escaped for the terminal
    /// (`source::Excerpt`).
    pub(super) fn draw(&self, handler: &GraphicalReportHandler, out: &mut String) {
        let (excerpt, labels) = Excerpt::new(self.source, &self.labels);
        let drawn = Drawn {
            code: self.code,
            severity: self.severity,
            message: escape::visible(self.message),
            help: self.help.map(escape::visible),
            labels,
            excerpt,
        };
        // Writing into a String cannot fail.
        let _ = handler.render_report(out, &drawn);
        out.push('\n');
    }
}

/// A `Shown` as miette draws it.
struct Drawn<'a> {
    code: &'a str,
    severity: Option<Severity>,
    message: Cow<'a, str>,
    help: Option<Cow<'a, str>>,
    labels: Vec<LabeledSpan>,
    excerpt: Excerpt,
}

impl fmt::Debug for Drawn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl fmt::Display for Drawn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Drawn<'_> {}

impl miette::Diagnostic for Drawn<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        self.severity.map(|s| match s {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h.as_ref()) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.excerpt)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

/// From this many diagnostics in one file on, they are drawn on every core:
/// miette's drawing is most of the time of `planc check` on a plan with
/// thousands of findings. Each drawing is independent of the others and they
/// are joined in order, so the output is the same.
const DRAW_IN_PARALLEL: usize = 256;

/// Renders every file's diagnostics and a closing summary line.
pub fn render<D: Listing + ?Sized>(files: &[FileReport<D>], options: HumanOptions) -> String {
    super::written(|out| write(files, options, out))
}

/// The diagnostics one thread draws at a time.
const DRAWN_IN_A_PART: usize = 16;

/// The diagnostics drawn at once and written before the next are drawn:
/// two parts for each of rayon's threads, so that a slow part does not
/// leave the others idle. On a plan with hundreds of thousands of findings
/// the whole report is hundreds of megabytes, and it is never held. A
/// drawing over a long line is about a kilobyte: 256 at once were a third
/// of the peak of a 55 KB plan of 8,000 undefined names (issue 19, memory
/// per byte).
fn drawn_at_once() -> usize {
    2 * DRAWN_IN_A_PART * rayon::current_num_threads()
}

/// Writes every file's diagnostics and a closing summary line to `out`,
/// as they are drawn. Packed findings are read back a batch at a time.
pub fn write<D: Listing + ?Sized>(
    files: &[FileReport<D>],
    options: HumanOptions,
    mut out: impl Write,
) -> io::Result<()> {
    let handler = options.handler();
    for file in files {
        if file.diagnostics.is_empty() {
            continue;
        }
        let source = PlanSource::new(file.path, file.source);
        let draw_all = |diagnostics: &[Cow<Diagnostic>]| {
            let mut out = String::new();
            for diagnostic in diagnostics {
                draw(diagnostic, &source, &handler, options.lang, &mut out);
            }
            out
        };
        let in_parallel = file.diagnostics.len() >= DRAW_IN_PARALLEL;
        let at_once = if in_parallel { drawn_at_once() } else { 1 };
        let mut each = file.diagnostics.each();
        loop {
            let batch: Vec<Cow<Diagnostic>> = each.by_ref().take(at_once).collect();
            if batch.is_empty() {
                break;
            }
            if !in_parallel {
                out.write_all(draw_all(&batch).as_bytes())?;
                continue;
            }
            let parts: Vec<String> = batch.par_chunks(DRAWN_IN_A_PART).map(draw_all).collect();
            for part in parts {
                out.write_all(part.as_bytes())?;
            }
        }
    }
    let summary = summary_line(Summary::of(files), options.not_read, options.lang);
    out.write_all(summary.as_bytes())?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Appends the drawing of one diagnostic to `out`.
fn draw(
    diagnostic: &Diagnostic,
    source: &PlanSource,
    handler: &GraphicalReportHandler,
    lang: Lang,
    out: &mut String,
) {
    let text = diagnostic.text(lang);
    let help = Shown::help_with_note(&text, lang);
    let mut shown = Shown::of(diagnostic, &text, source);
    shown.help = help.as_deref();
    let mut drawn = String::new();
    shown.draw(handler, &mut drawn);
    let mut drawn = localise_help(drawn, lang);
    if let Some(cited) = diagnostic.source() {
        add_source(&mut drawn, cited, lang);
    }
    out.push_str(&drawn);
}

/// miette writes the help line's heading `help: ` itself; in Chinese it
/// reads `提示：` (the same width, so wrapped lines stay aligned). The help
/// is the drawing's last part, hence its last `  help: `.
pub(super) fn localise_help(mut drawn: String, lang: Lang) -> String {
    if lang == Lang::Zh
        && let Some(at) = drawn.rfind("  help: ")
    {
        drawn.replace_range(at..at + "  help: ".len(), "  提示：");
    }
    drawn
}

/// The line `依据：GB/T 29639-2020 6.5` (`source: …`) under the help, before
/// the blank line that ends the drawing.
fn add_source(drawn: &mut String, source: crate::diagnostic::Source, lang: Lang) {
    let line = msg!("report-source", source = source.text(lang)).text(lang);
    let end = drawn.trim_end_matches('\n').len();
    drawn.replace_range(end.., &format!("\n  {line}\n\n"));
}

/// "2 errors, 1 warning in 4 files" or "no problems in 4 files", and how
/// many files named were not read (`not_read`), never "no problems" over
/// files that were not checked.
fn summary_line(s: Summary, not_read: usize, lang: Lang) -> String {
    if s.files == 0 && not_read > 0 {
        return msg!("report-none-read", count = not_read).text(lang);
    }
    let files = msg!("report-files", count = s.files);
    let line = if s.errors == 0 && s.warnings == 0 {
        msg!("report-clean", files = files)
    } else {
        msg!(
            "report-summary",
            errors = s.errors,
            warnings = s.warnings,
            files = files
        )
    };
    if not_read == 0 {
        line.text(lang)
    } else {
        msg!("report-not-read", summary = line, count = not_read).text(lang)
    }
}
