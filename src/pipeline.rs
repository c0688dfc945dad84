//! The whole pipeline for one file's text: parse, resolve, build graphs, check.

use crate::check::{self, Context};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::graph::Graphs;
use crate::model;
use crate::suppress;
use crate::syntax;

/// Checks one plan's source text and returns its diagnostics, sorted, with
/// their configured severities (rules that are off are dropped).
///
/// A file with syntax errors gets only those: the later checks would report
/// guesses about the parts that could not be read. Otherwise the inline
/// suppressions (`# planc: allow(CODE) — reason`) are applied last.
pub fn check_source(source: &str, config: &Config) -> Vec<Diagnostic> {
    let parsed = syntax::parse(source);
    if !parsed.diagnostics.is_empty() {
        return check::finish(parsed.diagnostics, config);
    }
    let model = model::build(&parsed.file);
    let graphs = Graphs::build(&model);
    let ctx = Context {
        model: &model,
        graphs: &graphs,
        config,
    };
    let diagnostics = check::finish(check::run(&ctx), config);
    let is_on = |code, config: &Config| check::severity(code, config).is_some();
    let diagnostics = suppress::apply(source, &parsed.file, diagnostics, config, is_on);
    check::finish(diagnostics, config)
}
