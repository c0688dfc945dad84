//! `planc lsp`: the Language Server Protocol over a connection the caller
//! opens (stdio in the binary, in memory in tests and benchmarks). Every
//! answer comes from `crate::ide` over the pipeline's own parse; this module
//! only translates positions and messages.
//!
//! The library does no I/O of its own here: reading `planc.toml` and
//! formatting are handed in through `Options` by the binary.

mod convert;
mod document;
pub mod framing;
mod handlers;
mod outgoing;
pub mod position;
mod server;

use std::path::{Path, PathBuf};
use std::time::Duration;

use lsp_types::Uri;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;

pub use outgoing::Outbound;
pub use server::{Exit, capabilities, run, serve};

/// Formats a plan's text (the shape of `fmt::format`): the canonical text, or
/// the diagnostics that prevent formatting.
pub type Formatter = fn(&str) -> Result<String, Vec<Diagnostic>>;

/// How long the server waits after a change for more changes before it
/// checks the document again. Short enough that diagnostics arrive well within
/// 50 ms of the last keystroke (see benches/lsp.rs), long enough to check a
/// burst of edits once.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(15);

/// Finds the configuration for a plan file by its path.
pub type ConfigFor = Box<dyn Fn(Option<&Path>) -> Config + Send>;

pub struct Options {
    /// The configuration for a plan file, by its path (`None` for a document
    /// that is not a file, e.g. an unsaved buffer). Called each time the
    /// document is checked, so edits to `planc.toml` take effect.
    pub config_for: ConfigFor,
    /// Document formatting; the capability is announced only when present.
    pub formatter: Option<Formatter>,
    pub debounce: Duration,
    /// The language of diagnostics (the binary's `--lang`, `planc.toml` or locale).
    pub lang: Lang,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            config_for: Box::new(|_| Config::default()),
            formatter: None,
            debounce: DEFAULT_DEBOUNCE,
            lang: Lang::En,
        }
    }
}

/// The local path of a `file:` URI, percent-decoded.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // Skip the authority (empty or `localhost` in practice).
    let path = &rest[rest.find('/')?..];
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                decoded.push((hex(h)? * 16 + hex(l)?) as u8);
                i += 3;
            }
            (b, _, _) => {
                decoded.push(b);
                i += 1;
            }
        }
    }
    let path = String::from_utf8(decoded).ok()?;
    // `file:///C:/plans/a.plan` on Windows.
    if cfg!(windows) && path.as_bytes().get(2) == Some(&b':') {
        return Some(PathBuf::from(&path[1..]));
    }
    Some(PathBuf::from(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_become_paths() {
        let uri: Uri = "file:///home/u/%E9%A2%84%E6%A1%88/a%20b.plan"
            .parse()
            .unwrap();
        assert_eq!(
            file_path(&uri),
            Some(PathBuf::from("/home/u/预案/a b.plan"))
        );
        let untitled: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(file_path(&untitled), None);
    }
}

#[cfg(test)]
mod server_tests;
