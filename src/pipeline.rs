//! The whole pipeline for one file: parse, resolve, build graphs, check.

use crate::check::{self, Context};
use crate::config::Config;
use crate::diagnostic::{Code, Diagnostic, Findings, Label};
use crate::graph::Graphs;
use crate::i18n::msg;
use crate::model;
use crate::span::Span;
use crate::suppress;
use crate::syntax;

/// Files larger than this are refused with a diagnostic rather than read into
/// the parser (the largest real plan is a few hundred kilobytes).
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

/// Checks one plan's source text and returns its diagnostics, sorted, with
/// their configured severities (rules that are off are dropped).
///
/// A file with syntax errors gets only those: the later checks would report
/// guesses about the parts that could not be read. Otherwise the inline
/// suppressions (`# planc: allow(CODE) — reason`) are applied last.
pub fn check_source(source: &str, config: &Config) -> Vec<Diagnostic> {
    check_packed(source, config).into_vec()
}

/// `check_source`, its findings packed until they are reported (what
/// `planc check` holds: see `Findings`).
pub fn check_packed(source: &str, config: &Config) -> Findings {
    if source.len() > MAX_FILE_BYTES {
        return check::finish_packed(vec![too_large(source.len() as u64)].into(), config);
    }
    let parsed = syntax::parse_packed(source);
    if !parsed.diagnostics.is_empty() {
        return check::finish_packed(parsed.diagnostics, config);
    }
    let suppressions = suppress::find(source, &parsed.file);
    // The model borrows the source, not the tree: the tree is freed item by
    // item as the model is built, so that the two are never whole at once.
    let model = model::build_owned(parsed.file);
    let graphs = Graphs::build(&model);
    run_checks(suppressions, &model, &graphs, config)
}

/// A file's bytes as text to show and check, and its diagnostics.
pub struct CheckedBytes {
    /// The text the diagnostics' spans point into (invalid UTF-8 bytes replaced).
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl CheckedBytes {
    /// A file of `len` bytes, more than planc reads, left unread.
    pub fn too_large(len: u64, config: &Config) -> CheckedBytes {
        CheckedPacked::too_large(len, config).unpacked()
    }
}

/// `CheckedBytes` with its findings packed until they are reported, as
/// `planc check` holds them (see `Findings`).
pub struct CheckedPacked {
    pub source: String,
    pub diagnostics: Findings,
}

impl CheckedPacked {
    /// A file of `len` bytes, more than planc reads, left unread.
    pub fn too_large(len: u64, config: &Config) -> CheckedPacked {
        CheckedPacked {
            source: String::new(),
            diagnostics: check::finish_packed(vec![too_large(len)].into(), config),
        }
    }

    fn unpacked(self) -> CheckedBytes {
        CheckedBytes {
            source: self.source,
            diagnostics: self.diagnostics.into_vec(),
        }
    }
}

/// `check_bytes_packed` of bytes read into `bytes`: valid text is checked
/// where it was read (a copy held a long file twice).
pub fn check_read(bytes: Vec<u8>, config: &Config) -> CheckedPacked {
    match String::from_utf8(bytes) {
        Ok(source) if source.len() <= MAX_FILE_BYTES => {
            let diagnostics = check_packed(&source, config);
            CheckedPacked {
                source,
                diagnostics,
            }
        }
        Ok(source) => check_bytes_packed(source.as_bytes(), config),
        Err(e) => check_bytes_packed(e.as_bytes(), config),
    }
}

/// Checks a file's raw bytes. Bytes that are not UTF-8 are reported at the
/// offset of the first, and nothing else is checked: like a syntax error, a
/// file read in the wrong encoding would get findings about guesses (its
/// text is garbled). In the text shown, each invalid byte is replaced by `?`
/// (one byte for one byte, so every offset stays true).
pub fn check_bytes(bytes: &[u8], config: &Config) -> CheckedBytes {
    check_bytes_packed(bytes, config).unpacked()
}

/// `check_bytes`, its findings packed.
pub fn check_bytes_packed(bytes: &[u8], config: &Config) -> CheckedPacked {
    if bytes.len() > MAX_FILE_BYTES {
        return CheckedPacked::too_large(bytes.len() as u64, config);
    }
    let (source, invalid) = replace_invalid_utf8(bytes);
    let Some(&first) = invalid.first() else {
        let diagnostics = check_packed(&source, config);
        return CheckedPacked {
            source,
            diagnostics,
        };
    };
    let encoding = Diagnostic::new(
        Code::SyntaxError,
        msg!("file-not-utf8", offset = first, more = invalid.len() - 1),
        Label::new(Span::new(first, first + 1), msg!("file-not-utf8.label")),
    )
    .with_help(msg!("file-not-utf8.help"));
    CheckedPacked {
        source,
        diagnostics: check::finish_packed(vec![encoding].into(), config),
    }
}

/// The bytes as a string with each invalid byte replaced by `?`, and the
/// offsets of the replaced bytes, ascending.
fn replace_invalid_utf8(bytes: &[u8]) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(bytes.len());
    let mut invalid = Vec::new();
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for _ in chunk.invalid() {
            invalid.push(out.len());
            out.push('?');
        }
    }
    (out, invalid)
}

fn too_large(len: u64) -> Diagnostic {
    Diagnostic::new(
        Code::SyntaxError,
        msg!("file-too-large", size = len, max = MAX_FILE_BYTES),
        Label::new(Span::new(0, 0), msg!("file-too-large.label")),
    )
    .with_help(msg!("file-too-large.help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_bytes_keep_offsets_and_nothing_else_is_checked() {
        // A GBK-encoded label inside a string, and an undefined owner after it.
        let mut bytes = b"plan \"p\" { commander r }\nrole r \"".to_vec();
        bytes.extend([0xD7, 0xE9]);
        bytes.extend(b"\" { holder \"a\" }\nstep s \"s\" { owner nobody }\n");
        let checked = check_bytes(&bytes, &Config::default());
        let found: Vec<(&str, String)> = checked
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.message.text(crate::lang::Lang::En)))
            .collect();
        assert_eq!(
            found,
            [(
                "syntax-error",
                "the file is not valid UTF-8: invalid byte at offset 33 (and 1 more)".to_string()
            )]
        );
        assert_eq!(checked.source.len(), bytes.len());
        assert_eq!(&checked.source[33..35], "??");
    }
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

/// Runs the whole pipeline, keeping the syntax tree, the model and the
/// graphs along with the diagnostics (`check_source` keeps only those).
pub fn compile<'s>(source: &'s str, config: &Config) -> Compiled<'s> {
    let refused = |diagnostics| Compiled {
        file: syntax::ast::File::default(),
        model: None,
        graphs: None,
        diagnostics: check::finish(diagnostics, config),
    };
    if source.len() > MAX_FILE_BYTES {
        return refused(vec![too_large(source.len() as u64)]);
    }
    let parsed = syntax::parse(source);
    if !parsed.diagnostics.is_empty() {
        return Compiled {
            file: parsed.file,
            ..refused(parsed.diagnostics)
        };
    }
    let model = model::build(&parsed.file);
    let graphs = Graphs::build(&model);
    let diagnostics = check_model(source, &parsed.file, &model, &graphs, config);
    Compiled {
        file: parsed.file,
        model: Some(model),
        graphs: Some(graphs),
        diagnostics,
    }
}

/// The checks of a file that parsed without errors, its inline suppressions
/// applied: the diagnostics `check_source` returns, for callers that keep
/// the tree and model themselves (`compile`, the editor).
pub fn check_model(
    source: &str,
    file: &syntax::ast::File,
    model: &model::Model,
    graphs: &Graphs,
    config: &Config,
) -> Vec<Diagnostic> {
    run_checks(suppress::find(source, file), model, graphs, config).into_vec()
}

/// `check_model` for a model whose tree is gone, with the suppressions
/// found in it before (`suppress::find`).
pub fn check_resolved(
    suppressions: suppress::Suppressions,
    model: &model::Model,
    graphs: &Graphs,
    config: &Config,
) -> Vec<Diagnostic> {
    run_checks(suppressions, model, graphs, config).into_vec()
}

fn run_checks(
    suppressions: suppress::Suppressions,
    model: &model::Model,
    graphs: &Graphs,
    config: &Config,
) -> Findings {
    let found = check::run(&Context::new(model, graphs, config));
    let diagnostics = check::finish_packed(found, config);
    let is_on = |code, config: &Config| check::severity(code, config).is_some();
    let diagnostics = suppress::apply(suppressions, diagnostics, config, is_on);
    check::finish_packed(diagnostics, config)
}

/// The stages an output that reads no diagnostics needs (`diff`): the model
/// and the graphs, the syntax tree already freed.
#[derive(Debug)]
pub struct Front<'s> {
    pub model: model::Model<'s>,
    pub graphs: Graphs,
}

/// Parses and resolves a plan without checking it; `Err` holds the syntax
/// errors (sorted) that keep it from being read.
pub fn front(source: &str) -> Result<Front<'_>, Vec<Diagnostic>> {
    let config = Config::default();
    if source.len() > MAX_FILE_BYTES {
        return Err(check::finish(vec![too_large(source.len() as u64)], &config));
    }
    let parsed = syntax::parse(source);
    if !parsed.diagnostics.is_empty() {
        return Err(check::finish(parsed.diagnostics, &config));
    }
    let model = model::build_owned(parsed.file);
    let graphs = Graphs::build(&model);
    Ok(Front { model, graphs })
}
