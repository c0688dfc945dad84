//! Human output: miette's graphical report per diagnostic, then a summary line.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};

pub(super) use super::source::PlanSource;

use super::{FileReport, Summary};
use crate::diagnostic::{Diagnostic, DiagnosticText, Severity};
use crate::i18n::msg;
use crate::lang::Lang;

#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    pub color: bool,
    /// Terminal width the report wraps at.
    pub width: usize,
    /// The language of messages; codes never change with it.
    pub lang: Lang,
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

/// A diagnostic's words paired with its code, severity and file, as miette wants it.
struct Miette<'a> {
    diagnostic: &'a Diagnostic,
    text: DiagnosticText,
    source: &'a PlanSource,
}

impl fmt::Debug for Miette<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Miette<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text.message)
    }
}

impl std::error::Error for Miette<'_> {}

impl miette::Diagnostic for Miette<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diagnostic.code.as_str()))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.text
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let labels = self.text.labels.iter().enumerate().map(|(i, (span, text))| {
            if i == 0 {
                LabeledSpan::new_primary_with_span(Some(text.clone()), *span)
            } else {
                LabeledSpan::new_with_span(Some(text.clone()), *span)
            }
        });
        Some(Box::new(labels.collect::<Vec<_>>().into_iter()))
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
            let report = Miette {
                diagnostic,
                text: diagnostic.text(options.lang),
                source: &source,
            };
            // Writing into a String cannot fail.
            let mut one = String::new();
            let _ = handler.render_report(&mut one, &report);
            out.push_str(&localise_help(one, options.lang));
            out.push('\n');
        }
    }
    out.push_str(&summary_line(Summary::of(files), options.lang));
    out.push('\n');
    out
}

/// miette writes the help line's heading `help: ` itself; in Chinese it
/// reads `提示：` (the same width, so wrapped lines stay aligned). The help
/// is the report's last part, hence its last `  help: `.
fn localise_help(mut report: String, lang: Lang) -> String {
    if lang == Lang::Zh
        && let Some(at) = report.rfind("  help: ")
    {
        report.replace_range(at..at + "  help: ".len(), "  提示：");
    }
    report
}

/// "2 errors, 1 warning in 4 files" or "no problems in 4 files".
pub fn summary_line(s: Summary, lang: Lang) -> String {
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
    line.text(lang)
}
