//! The syntax errors of a file as they are kept while it is read: packed
//! (`diagnostic::Findings`), since a file of broken lines has an error every
//! few dozen bytes and a `Diagnostic` with its messages takes hundreds
//! (issue 19, memory per byte of input).

use super::paste;
use crate::diagnostic::{Diagnostic, Findings};
use crate::i18n::msg;

/// The errors kept so far, in the order they were found.
#[derive(Default)]
pub(super) struct Errors {
    found: Findings,
    /// Where the pasted characters `planc fmt --fix` repairs start,
    /// sorted: looked for once the first error is kept.
    pasted: Option<Vec<usize>>,
    /// Whether an error stood on one of them (the first that does says so).
    on_pasted: bool,
}

impl Errors {
    /// Keeps the errors of one item, in order. The file's first error that
    /// stands on a pasted full-width character says that `planc fmt --fix`
    /// repairs them all, and how many there are.
    pub fn keep(&mut self, source: &str, errors: impl IntoIterator<Item = Diagnostic>) {
        for mut error in errors {
            if !self.on_pasted {
                // Sorted, looked up per error: one scan of them per error was
                // quadratic in a file of many broken lines.
                let pasted = self.pasted.get_or_insert_with(|| {
                    let mut starts = paste::artefact_starts(source);
                    starts.sort_unstable();
                    starts
                });
                if pasted.binary_search(&error.primary.span.start()).is_ok() {
                    self.on_pasted = true;
                    if let Some(help) = error.help.take() {
                        error.help =
                            Some(msg!("syntax-fmt-fix", help = help, count = pasted.len()));
                    }
                }
            }
            self.found.push(error);
        }
    }

    pub fn into_findings(self) -> Findings {
        self.found
    }
}
