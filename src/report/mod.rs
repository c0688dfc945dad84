//! Outputs for diagnostics. Each format is a pure function from diagnostics
//! and the files' text to a string; only `cli` prints.

pub mod config_errors;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
mod source;

use crate::diagnostic::Diagnostic;

/// One checked file, as the reports see it.
pub struct FileReport<'a> {
    /// The path as given on the command line (or found below a folder).
    pub path: &'a str,
    pub source: &'a str,
    pub diagnostics: &'a [Diagnostic],
}

/// Totals over all files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of(files: &[FileReport]) -> Summary {
        let mut s = Summary {
            files: files.len(),
            ..Summary::default()
        };
        for d in files.iter().flat_map(|f| f.diagnostics) {
            match d.severity {
                crate::diagnostic::Severity::Error => s.errors += 1,
                crate::diagnostic::Severity::Warning => s.warnings += 1,
            }
        }
        s
    }
}
