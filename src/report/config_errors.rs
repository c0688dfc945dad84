//! Problems in `planc.toml`, shown like diagnostics: over the toml text, with
//! `file:line:column` (columns in characters) and a help line, in the
//! language of the run.

use miette::LabeledSpan;

use super::human::{HumanOptions, PlanSource, Shown, localise_help};
use crate::config::ConfigError;

/// Renders the problems of the config file at `path` whose text is `text`.
pub fn render(path: &str, text: &str, errors: &[ConfigError], options: HumanOptions) -> String {
    let handler = options.handler();
    let source = PlanSource::new(path, text);
    let mut out = String::new();
    let mut drawn = String::new();
    for error in errors {
        let help = error.help.as_ref().map(|h| h.text(options.lang));
        Shown {
            code: "planc.toml",
            severity: None,
            message: &error.message.text(options.lang),
            help: help.as_deref(),
            labels: vec![LabeledSpan::new_primary_with_span(
                Some(error.label.text(options.lang)),
                error.span,
            )],
            source: &source,
        }
        .draw(&handler, &mut drawn);
        out.push_str(&localise_help(std::mem::take(&mut drawn), options.lang));
    }
    out
}
