//! An open document: its text, and what the server has worked out about it,
//! kept until the text changes. A request reuses the analysis (parse, model,
//! name index, tokens) instead of redoing it, and a quick fix reuses the
//! diagnostics published: on a large plan each takes seconds.

use std::panic::AssertUnwindSafe;

use super::position::LineIndex;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::ide::Analysis;

/// The analysis of a text, or `None` when analysing it failed (a bug).
type MaybeAnalysis<'s> = Option<Analysis<'s>>;

self_cell::self_cell!(
    /// A text with its analysis, which borrows from it.
    struct Analysed {
        owner: String,
        #[covariant]
        dependent: MaybeAnalysis,
    }
);

enum State {
    Text(String),
    Analysed(Analysed),
}

pub(super) struct Document {
    state: State,
    pub(super) version: i32,
    index: LineIndex,
    /// Set when edits have made `index` out of date; rebuilt when next needed.
    index_stale: bool,
    /// The diagnostics of the current text, with the configuration they were checked with.
    diagnostics: Option<(Config, Result<Vec<Diagnostic>, Failed>)>,
}

/// Checking the text failed (a bug in planc); the editor's session goes on.
#[derive(Debug, Clone, Copy)]
pub(super) struct Failed;

impl Document {
    pub(super) fn new(text: String, version: i32) -> Self {
        Document {
            index: LineIndex::new(&text),
            state: State::Text(text),
            version,
            index_stale: false,
            diagnostics: None,
        }
    }

    pub(super) fn text(&self) -> &str {
        match &self.state {
            State::Text(text) => text,
            State::Analysed(analysed) => analysed.borrow_owner(),
        }
    }

    /// Rebuilds the line index if edits have made it out of date.
    fn refresh_index(&mut self) {
        if self.index_stale {
            self.index = LineIndex::new(self.text());
            self.index_stale = false;
        }
    }

    /// Analyses the text unless that is done already, and checks it with
    /// `config` unless that is done already with the same configuration.
    pub(super) fn prepare(&mut self, config: Option<&Config>) {
        self.refresh_index();
        if let State::Text(text) = &mut self.state {
            let text = std::mem::take(text);
            self.state = State::Analysed(Analysed::new(text, |text| {
                // A bug in the analysis fails the requests, not the session.
                std::panic::catch_unwind(AssertUnwindSafe(|| Analysis::new(text))).ok()
            }));
        }
        let Some(config) = config else {
            return;
        };
        if self.diagnostics.as_ref().is_some_and(|(c, _)| c == config) {
            return;
        }
        let checked = match self.analysis() {
            Some(analysis) => {
                std::panic::catch_unwind(AssertUnwindSafe(|| analysis.diagnostics(config)))
                    .map_err(|_| Failed)
            }
            None => Err(Failed),
        };
        self.diagnostics = Some((config.clone(), checked));
    }

    /// The analysis made by `prepare` (`None` if it failed, or if the text
    /// changed since).
    pub(super) fn analysis(&self) -> Option<&Analysis<'_>> {
        match &self.state {
            State::Text(_) => None,
            State::Analysed(analysed) => analysed.borrow_dependent().as_ref(),
        }
    }

    /// The diagnostics made by `prepare`.
    pub(super) fn diagnostics(&self) -> Result<&[Diagnostic], Failed> {
        match &self.diagnostics {
            Some((_, Ok(diagnostics))) => Ok(diagnostics),
            _ => Err(Failed),
        }
    }

    /// The line index of the text as `prepare` left it.
    pub(super) fn index(&self) -> &LineIndex {
        debug_assert!(!self.index_stale, "`prepare` rebuilds the index");
        &self.index
    }

    /// Applies one edit to the text, at a range of it or (`None`) to the
    /// whole; what was worked out about the text is dropped.
    pub(super) fn edit(&mut self, range: Option<lsp_types::Range>, new_text: String) {
        let span = range.map(|range| {
            self.refresh_index();
            self.index.span(self.text(), range)
        });
        self.diagnostics = None;
        let mut text = match std::mem::replace(&mut self.state, State::Text(String::new())) {
            State::Text(text) => text,
            State::Analysed(analysed) => analysed.into_owner(),
        };
        match span {
            None => text = new_text,
            Some(span) => text.replace_range(span.range(), &new_text),
        }
        self.index_stale = true;
        self.state = State::Text(text);
    }
}
