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
    let graphs = Graphs::build(&model);
    let ctx = Context {
        model: &model,
        graphs: &graphs,
        config,
    };
    check::finish(check::run(&ctx), config)
}

/// Everything the pipeline knows about one file: what the outputs (render,
/// graph, simulate) need besides the diagnostics.
#[derive(Debug)]
pub struct Compiled<'s> {
    pub file: syntax::ast::File<'s>,
    /// `None` when the file has syntax errors (the model would be a guess).
    pub model: Option<model::Model<'s>>,
    pub graphs: Option<Graphs>,
    /// Sorted, with configured severities, as `check_source` returns them.
    pub diagnostics: Vec<Diagnostic>,
}

impl Compiled<'_> {
    /// Whether any diagnostic is an error (such a plan is not rendered).
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == crate::diagnostic::Severity::Error)
    }
}

/// Runs the whole pipeline like `check_source`, keeping the syntax tree,
/// the model and the graphs.
pub fn compile<'s>(source: &'s str, config: &Config) -> Compiled<'s> {
    let parsed = syntax::parse(source);
    if !parsed.diagnostics.is_empty() {
        return Compiled {
            file: parsed.file,
            model: None,
            graphs: None,
            diagnostics: check::finish(parsed.diagnostics, config),
        };
    }
    let model = model::build(&parsed.file);
    let graphs = Graphs::build(&model);
    let ctx = Context {
        model: &model,
        graphs: &graphs,
        config,
    };
    let diagnostics = check::finish(check::run(&ctx), config);
    Compiled {
        file: parsed.file,
        model: Some(model),
        graphs: Some(graphs),
        diagnostics,
    }
}
