//! Outputs for diagnostics. Each format is a pure function from diagnostics
//! and the files' text to text, written to any `io::Write` as it is made
//! (`write`) or given whole as a string (`render`); only `cli` prints.

pub mod config_errors;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
mod source;

use std::io;

use crate::diagnostic::{Diagnostic, Listing};
use crate::i18n::msg;
use crate::lang::Lang;

/// What a format's `write` writes, as a string.
fn written(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and every format writes UTF-8.
    let _ = write(&mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// A finding's message followed by its help and the regulation it cites,
/// as the formats that carry one text per finding (SARIF, GitHub
/// annotations) give it; `gap` comes before the help.
fn message_with_help(d: &Diagnostic, lang: Lang, gap: &str) -> String {
    let mut text = d.message.text(lang);
    if let Some(help) = &d.help {
        text.push_str(gap);
        text.push_str(&msg!("report-help", help = help.clone()).text(lang));
    }
    if let Some(cited) = d.source() {
        text.push('\n');
        text.push_str(&msg!("report-source", source = cited.text(lang)).text(lang));
    }
    text
}

/// One checked file, as the reports see it: its diagnostics held whole (a
/// slice, a vector) or packed as `planc check` holds them (`Findings`),
/// each read as it is written.
pub struct FileReport<'a, D: Listing + ?Sized = Vec<Diagnostic>> {
    /// The path as given on the command line (or found below a folder).
    pub path: &'a str,
    pub source: &'a str,
    pub diagnostics: &'a D,
}

/// Totals over all files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of<D: Listing + ?Sized>(files: &[FileReport<D>]) -> Summary {
        let mut s = Summary {
            files: files.len(),
            ..Summary::default()
        };
        for severity in files.iter().flat_map(|f| f.diagnostics.severities()) {
            match severity {
                crate::diagnostic::Severity::Error => s.errors += 1,
                crate::diagnostic::Severity::Warning => s.warnings += 1,
            }
        }
        s
    }
}
