//! Problems in `planc.toml`, shown like diagnostics: over the toml text, with
//! `file:line:column` (columns in characters) and a help line.

use std::fmt;

use miette::LabeledSpan;

use super::human::{HumanOptions, PlanSource};
use crate::config::ConfigError;

struct Report<'a> {
    error: &'a ConfigError,
    source: &'a PlanSource,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.error, f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.error.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new("planc.toml"))
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.error
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let label =
            LabeledSpan::new_primary_with_span(Some(self.error.label.clone()), self.error.span);
        Some(Box::new(std::iter::once(label)))
    }
}

/// Renders the problems of the config file at `path` whose text is `text`.
pub fn render(path: &str, text: &str, errors: &[ConfigError], options: HumanOptions) -> String {
    let handler = options.handler();
    let source = PlanSource::new(path, text);
    let mut out = String::new();
    for error in errors {
        // Writing into a String cannot fail.
        let _ = handler.render_report(
            &mut out,
            &Report {
                error,
                source: &source,
            },
        );
        out.push('\n');
    }
    out
}
