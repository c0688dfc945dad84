//! Problems in `planc.toml`, shown like diagnostics: over the toml text, with
//! `file:line:column` (columns in characters) and a help line.

use miette::LabeledSpan;

use super::human::{HumanOptions, PlanSource, Shown};
use crate::config::ConfigError;

/// Renders the problems of the config file at `path` whose text is `text`.
pub fn render(path: &str, text: &str, errors: &[ConfigError], options: HumanOptions) -> String {
    let handler = options.handler();
    let source = PlanSource::new(path, text);
    let mut out = String::new();
    for error in errors {
        Shown {
            code: "planc.toml",
            severity: None,
            message: &error.message,
            help: error.help.as_deref(),
            labels: vec![LabeledSpan::new_primary_with_span(
                Some(error.label.clone()),
                error.span,
            )],
            source: &source,
        }
        .draw(&handler, &mut out);
    }
    out
}
