//! The whole pipeline for one file's text: parse, resolve, build graphs, check.

use crate::check::{self, Context};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::graph::Graphs;
use crate::model;
use crate::syntax;

/// Checks one plan's source text and returns its diagnostics, sorted, with
/// their configured severities (rules that are off are dropped).
///
/// A file with syntax errors gets only those: the later checks would report
/// guesses about the parts that could not be read.
pub fn check_source(source: &str, config: &Config) -> Vec<Diagnostic> {
    let parsed = syntax::parse(source);
    if !parsed.diagnostics.is_empty() {
        return check::finish(parsed.diagnostics, config);
    }
    let model = model::build(&parsed.file);
    // The model borrows the source, not the tree: free the tree now, so that
    // the graphs and checks reuse its memory.
    drop(parsed);
    let graphs = Graphs::build(&model);
    let ctx = Context {
        model: &model,
        graphs: &graphs,
        config,
    };
    check::finish(check::run(&ctx), config)
}
