//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other tools read it.
//!
//! One run. `tool.driver.rules` lists every check (`rules.rs`: id, name,
//! short and full description, help as text and markdown, default level; a
//! check that is off by default has `enabled: false`; with the address of
//! planc's docs, its page). Each result has its rule's id and index, its level,
//! the message (with the help line after a blank line), the primary location
//! (whose message is the primary label) and a related location per secondary
//! label.
//!
//! Locations: the artifact URI is relative to `%SRCROOT%` (`uri.rs`),
//! percent-encoded; lines count from 1, and columns count UTF-16 code units
//! from 1 — SARIF's default `columnKind`, which the run states explicitly.
//! `endColumn` is the column just after the region. Each result has a
//! `partialFingerprints` entry that does not change when lines move.

mod rules;
mod uri;

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use serde::Serialize;
use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, PhysicalLocation, Region, ResultLevel, Tool,
};

use super::FileReport;
use crate::check::RULES;
use crate::diagnostic::Listing;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::docs_url::DocsUrl;
use crate::escape::JsonText;
use crate::lang::Lang;
use crate::span::{LineIndex, floor_char_boundary, region_end};

pub use rules::{full_description, pascal_case};
pub use uri::{ArtifactUri, SRCROOT, artifact, directory_uri};

/// The key of planc's own fingerprint in each result's `partialFingerprints`.
pub const FINGERPRINT: &str = "plancFindingHash/v1";

#[derive(Debug, Clone, Default)]
pub struct SarifOptions {
    /// The absolute working directory, which relative paths are read from.
    /// `None` leaves paths as given and `%SRCROOT%` undefined (for
    /// reproducible tests).
    pub working_dir: Option<String>,
    /// The folder artifact URIs are relative to (`--sarif-root`), the
    /// working directory by default; it becomes the `file:` URI of `%SRCROOT%`.
    pub root: Option<String>,
    /// The language of messages; rule ids and rule metadata never change with it.
    pub lang: Lang,
    /// Where planc's docs are read (`--docs-url`): each rule's `helpUri` and
    /// the tool's `informationUri` point there; `None`, no link at all.
    pub docs: Option<DocsUrl>,
}

/// The log as text (see `write`), of diagnostics held whole.
pub fn render(files: &[FileReport], options: &SarifOptions) -> String {
    super::written(|out| write(files, options, out))
}

/// Writes the log to `out` as it is serialized, each result made only as
/// it is written (on a plan with many findings the log is gigabytes of
/// values, hundreds of megabytes of text), with every hazard escaped
/// (`escape::JsonText`) and a final line break.
pub fn write<D: Listing + ?Sized>(
    files: &[FileReport<D>],
    options: &SarifOptions,
    out: impl Write,
) -> io::Result<()> {
    let original_uri_base_ids = options
        .root
        .as_ref()
        .or(options.working_dir.as_ref())
        .map(|dir| {
            let root = ArtifactLocation::builder().uri(directory_uri(dir)).build();
            BTreeMap::from([(SRCROOT.to_string(), root)])
        });
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [RunOut {
            column_kind: "utf16CodeUnits",
            original_uri_base_ids,
            results: Results { files, options },
            tool: Tool::builder()
                .driver(rules::driver(options.docs.as_ref()))
                .build(),
        }],
        version: "2.1.0",
    };
    let mut out = JsonText::new(out);
    let mut serializer = serde_json::Serializer::pretty(&mut out);
    log.serialize(&mut serializer).map_err(io::Error::from)?;
    out.write_all(b"\n")?;
    out.into_inner().flush()
}

/// The log, as `serde_sarif::sarif::Sarif` with one `Run` is written (its
/// keys in the same order), but with results made as they are written.
#[derive(Serialize)]
#[serde(bound = "")]
struct Log<'a, D: Listing + ?Sized> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [RunOut<'a, D>; 1],
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
#[serde(bound = "")]
struct RunOut<'a, D: Listing + ?Sized> {
    column_kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    original_uri_base_ids: Option<BTreeMap<String, ArtifactLocation>>,
    results: Results<'a, D>,
    tool: Tool,
}

/// Every file's findings as SARIF results, each made as it is serialized.
struct Results<'a, D: Listing + ?Sized> {
    files: &'a [FileReport<'a, D>],
    options: &'a SarifOptions,
}

impl<D: Listing + ?Sized> Serialize for Results<'_, D> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let options = self.options;
        serializer.collect_seq(self.files.iter().flat_map(|file| {
            let index = LineIndex::new(file.source);
            let uri = artifact(
                file.path,
                options.working_dir.as_deref(),
                options.root.as_deref(),
            );
            let mut seen: HashMap<u64, usize> = HashMap::new();
            file.diagnostics
                .each()
                .map(move |d| result(file, &index, &uri, &mut seen, &d, options.lang))
        }))
    }
}

/// One finding as a SARIF result; `seen` counts the findings of the file
/// by fingerprint so far.
fn result<D: Listing + ?Sized>(
    file: &FileReport<D>,
    index: &LineIndex,
    uri: &ArtifactUri,
    seen: &mut HashMap<u64, usize>,
    d: &Diagnostic,
    lang: Lang,
) -> serde_sarif::sarif::Result {
    let rule_index = RULES.iter().position(|r| r.code == d.code);
    let text = super::message_with_help(d, lang, "\n\n");
    let related: Vec<Location> = d
        .secondary()
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let mut location = location(uri, file.source, index, label, lang);
            location.id = Some(i as i64);
            location
        })
        .collect();
    let mut result = serde_sarif::sarif::Result::builder()
        .rule_id(d.code.as_str())
        .level(match d.severity {
            Severity::Error => ResultLevel::Error,
            Severity::Warning => ResultLevel::Warning,
        })
        .message(Message::builder().text(text).build())
        .locations(vec![location(uri, file.source, index, &d.primary, lang)])
        .build();
    result.rule_index = rule_index.map(|i| i as i64);
    if !related.is_empty() {
        result.related_locations = Some(related);
    }
    if let Some(cited) = d.source() {
        result.properties = Some(rules::source_properties(cited, lang));
    }
    // The same finding twice in a file: told apart by its order.
    let hash = fingerprint(&uri.uri, file.source, d);
    let occurrence = seen.entry(hash).or_default();
    *occurrence += 1;
    result.partial_fingerprints = Some(BTreeMap::from([(
        FINGERPRINT.to_string(),
        format!("{hash:016x}:{occurrence}"),
    )]));
    result
}

/// A finding's identity across revisions, for code scanning to follow an
/// alert when lines move: its code, its file, and the text of its labels
/// (the names it is about) with white space folded — never a line number.
/// FNV-1a, which is the same on every machine and in every version.
fn fingerprint(uri: &str, source: &str, d: &Diagnostic) -> u64 {
    let mut hash = Fnv::default();
    hash.write(d.code.as_str().as_bytes());
    hash.write(b"\0");
    hash.write(uri.as_bytes());
    for label in std::iter::once(&d.primary).chain(d.secondary()) {
        hash.write(b"\0");
        let start = floor_char_boundary(source, label.span.start().min(source.len()));
        let end = floor_char_boundary(source, label.span.end().min(source.len())).max(start);
        let text = &source[start..end];
        // A label over a long text: its two ends are enough.
        let (head, tail) = if text.len() > 1024 {
            let cut = floor_char_boundary(text, 512);
            let from = floor_char_boundary(text, text.len() - 512);
            (&text[..cut], &text[from..])
        } else {
            (text, "")
        };
        for word in head.split_whitespace().chain(tail.split_whitespace()) {
            hash.write(word.as_bytes());
            hash.write(b" ");
        }
    }
    hash.0
}

struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

fn location(
    uri: &ArtifactUri,
    source: &str,
    index: &LineIndex,
    label: &Label,
    lang: Lang,
) -> Location {
    let (start_line, start_column) = utf16_line_col(source, index, label.span.start());
    let (end_line, end_column) = utf16_line_col(source, index, region_end(source, label.span));
    let region = Region::builder()
        .start_line(start_line as i64)
        .start_column(start_column as i64)
        .end_line(end_line as i64)
        .end_column(end_column as i64)
        .build();
    let mut artifact = ArtifactLocation::builder().uri(uri.uri.clone()).build();
    artifact.uri_base_id = uri.base.map(str::to_string);
    let physical = PhysicalLocation::builder()
        .artifact_location(artifact)
        .region(region)
        .build();
    Location::builder()
        .physical_location(physical)
        .message(Message::builder().text(label.message.text(lang)).build())
        .build()
}

/// 1-based line and 1-based column in UTF-16 code units.
fn utf16_line_col(source: &str, index: &LineIndex, offset: usize) -> (usize, usize) {
    let column = index.column(source, offset);
    (column.line + 1, column.utf16 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_code_units() {
        let source = "ab\n𝄞组x";
        let index = LineIndex::new(source);
        let x = source.find('x').unwrap();
        assert_eq!(utf16_line_col(source, &index, x), (2, 4));
        assert_eq!(utf16_line_col(source, &index, 1), (1, 2));
    }
}
