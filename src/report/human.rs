//! Human output: miette's graphical report per diagnostic, then a summary line.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};

pub(super) use super::source::PlanSource;

use super::{FileReport, Summary};
use crate::diagnostic::{Diagnostic, Severity};

#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    pub color: bool,
    /// Terminal width the report wraps at.
    pub width: usize,
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
    pub source: &'a PlanSource,
}

impl<'a> Shown<'a> {
    fn of(d: &'a Diagnostic, source: &'a PlanSource) -> Self {
        let primary =
            LabeledSpan::new_primary_with_span(Some(d.primary.message.clone()), d.primary.span);
        let secondary = d
            .secondary
            .iter()
            .map(|l| LabeledSpan::new_with_span(Some(l.message.clone()), l.span));
        Shown {
            code: d.code.as_str(),
            severity: Some(d.severity),
            message: &d.message,
            help: d.help.as_deref(),
            labels: std::iter::once(primary).chain(secondary).collect(),
            source,
        }
    }

    /// Appends the drawing to `out`, then a blank line.
    pub(super) fn draw(&self, handler: &GraphicalReportHandler, out: &mut String) {
        // Writing into a String cannot fail.
        let _ = handler.render_report(out, self);
        out.push('\n');
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
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
        self.help.map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

/// Renders every file's diagnostics and a closing summary line.
pub fn render(files: &[FileReport], options: HumanOptions) -> String {
    let handler = options.handler();
    let mut out = String::new();
    for file in files {
        if file.diagnostics.is_empty() {
            continue;
        }
        let source = PlanSource::new(file.path, file.source);
        for diagnostic in file.diagnostics {
            Shown::of(diagnostic, &source).draw(&handler, &mut out);
        }
    }
    out.push_str(&summary_line(Summary::of(files)));
    out.push('\n');
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "2 errors, 1 warning in 4 files" or "no problems in 4 files".
pub fn summary_line(s: Summary) -> String {
    let files = plural(s.files, "file");
    if s.errors == 0 && s.warnings == 0 {
        return format!("planc: no problems in {files}");
    }
    format!(
        "planc: {}, {} in {files}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning")
    )
}
