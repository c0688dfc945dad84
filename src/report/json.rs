//! `--format json`: the schema of spec §4. Lines and columns count from 1,
//! columns in characters; offsets and lengths in bytes. `labels` lists every
//! label, the primary one first.

use serde::Serialize;

use super::{FileReport, Summary};
use crate::lang::Lang;
use crate::span::LineIndex;

#[derive(Serialize)]
struct Output<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'static str,
    severity: &'static str,
    message: String,
    file: &'a str,
    line: usize,
    column: usize,
    span: JsonSpan,
    labels: Vec<JsonLabel>,
    help: Option<String>,
    source: Option<JsonSource>,
}

/// The regulation a profile's finding rests on: the document, and the
/// clause when it was verified.
#[derive(Serialize)]
pub(crate) struct JsonSource {
    document: String,
    clause: Option<String>,
}

impl JsonSource {
    pub(crate) fn of(source: crate::diagnostic::Source, lang: Lang) -> JsonSource {
        JsonSource {
            document: source.document().text(lang),
            clause: source.clause_text(lang),
        }
    }
}

#[derive(Serialize)]
struct JsonSpan {
    offset: usize,
    length: usize,
}

#[derive(Serialize)]
struct JsonLabel {
    message: String,
    line: usize,
    column: usize,
    span: JsonSpan,
}

pub fn render(files: &[FileReport], lang: Lang) -> String {
    let mut diagnostics = Vec::new();
    for file in files {
        let index = LineIndex::new(file.source);
        for d in file.diagnostics {
            let (line, column) = index.line_col(file.source, d.primary.span.start);
            let labels = std::iter::once(&d.primary)
                .chain(&d.secondary)
                .map(|l| {
                    let (line, column) = index.line_col(file.source, l.span.start);
                    JsonLabel {
                        message: l.message.text(lang),
                        line,
                        column,
                        span: JsonSpan {
                            offset: l.span.start,
                            length: l.span.len(),
                        },
                    }
                })
                .collect();
            diagnostics.push(JsonDiagnostic {
                code: d.code.as_str(),
                severity: d.severity.as_str(),
                message: d.message.text(lang),
                file: file.path,
                line,
                column,
                span: JsonSpan {
                    offset: d.primary.span.start,
                    length: d.primary.span.len(),
                },
                labels,
                help: d.help.as_ref().map(|h| h.text(lang)),
                source: d.source.map(|s| JsonSource::of(s, lang)),
            });
        }
    }
    let output = Output {
        diagnostics,
        summary: Summary::of(files),
    };
    // Serializing plain structs of strings and numbers cannot fail.
    crate::escape::json_text(serde_json::to_string_pretty(&output).unwrap_or_default()) + "\n"
}
