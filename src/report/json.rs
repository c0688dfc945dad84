//! `--format json`: the schema of spec §4. Lines and columns count from 1,
//! columns in characters; offsets and lengths in bytes. `labels` lists every
//! label, the primary one first.

use std::io::{self, Write};

use serde::Serialize;

use super::{FileReport, Summary};
use crate::diagnostic::{Diagnostic, Listing};
use crate::escape::JsonText;
use crate::lang::Lang;
use crate::span::LineIndex;

#[derive(Serialize)]
#[serde(bound = "")]
struct Output<'a, D: Listing + ?Sized> {
    diagnostics: Diagnostics<'a, D>,
    summary: Summary,
}

/// Every file's diagnostics, each converted only as it is written out: the
/// converted findings are never all held at once (on a plan with 400,000
/// findings they took gigabytes).
struct Diagnostics<'a, D: Listing + ?Sized> {
    files: &'a [FileReport<'a, D>],
    lang: Lang,
}

impl<D: Listing + ?Sized> Serialize for Diagnostics<'_, D> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(None)?;
        for file in self.files {
            let index = LineIndex::new(file.source);
            for d in file.diagnostics.each() {
                seq.serialize_element(&JsonDiagnostic::of(file, &index, &d, self.lang))?;
            }
        }
        seq.end()
    }
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

impl<'a> JsonDiagnostic<'a> {
    fn of<D: Listing + ?Sized>(
        file: &FileReport<'a, D>,
        index: &LineIndex,
        d: &Diagnostic,
        lang: Lang,
    ) -> Self {
        let (line, column) = index.line_col(file.source, d.primary.span.start());
        let labels = std::iter::once(&d.primary)
            .chain(d.secondary())
            .map(|l| {
                let (line, column) = index.line_col(file.source, l.span.start());
                JsonLabel {
                    message: l.message.text(lang),
                    line,
                    column,
                    span: JsonSpan {
                        offset: l.span.start(),
                        length: l.span.len(),
                    },
                }
            })
            .collect();
        JsonDiagnostic {
            code: d.code.as_str(),
            severity: d.severity.as_str(),
            message: d.message.text(lang),
            file: file.path,
            line,
            column,
            span: JsonSpan {
                offset: d.primary.span.start(),
                length: d.primary.span.len(),
            },
            labels,
            help: d.help.as_ref().map(|h| h.text(lang)),
            source: d.source().map(|s| JsonSource::of(s, lang)),
        }
    }
}

/// The report as text (see `write`).
pub fn render<D: Listing + ?Sized>(files: &[FileReport<D>], lang: Lang) -> String {
    super::written(|out| write(files, lang, out))
}

/// Writes the report to `out` as it is serialized, with every hazard
/// escaped (`escape::JsonText`), and a final line break.
pub fn write<D: Listing + ?Sized>(
    files: &[FileReport<D>],
    lang: Lang,
    out: impl Write,
) -> io::Result<()> {
    let output = Output {
        diagnostics: Diagnostics { files, lang },
        summary: Summary::of(files),
    };
    let mut out = JsonText::new(out);
    let mut serializer = serde_json::Serializer::pretty(&mut out);
    output.serialize(&mut serializer).map_err(io::Error::from)?;
    out.write_all(b"\n")?;
    out.into_inner().flush()
}
