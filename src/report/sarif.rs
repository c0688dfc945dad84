//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other tools read it.
//!
//! One run. `tool.driver.rules` lists every check (id, short description,
//! help as text and markdown, default level; a check that is off by default
//! has `enabled: false`). Each result has its rule's id and index, its level,
//! the message (with the help line after a blank line), the primary location
//! (whose message is the primary label) and a related location per secondary
//! label.
//!
//! Locations: the artifact URI is relative to the working directory (under
//! `uriBaseId` `%SRCROOT%`), percent-encoded; lines count from 1, and columns
//! count UTF-16 code units from 1 — SARIF's default `columnKind`, which the
//! run states explicitly. `endColumn` is the column just after the region.

use std::collections::BTreeMap;

use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, Region,
    ReportingConfiguration, ReportingDescriptor, ResultLevel, Run, Sarif, Tool, ToolComponent,
};

use super::FileReport;
use crate::check::RULES;
use crate::diagnostic::{Label, Severity};
use crate::i18n::msg;
use crate::lang::Lang;
use crate::span::{LineIndex, Span, floor_char_boundary};

/// The base id relative artifact URIs are under.
pub const SRCROOT: &str = "%SRCROOT%";

#[derive(Debug, Clone)]
pub struct SarifOptions {
    /// The absolute working directory: absolute paths below it are made
    /// relative, and it becomes the `file:` URI of `%SRCROOT%`. `None` leaves
    /// paths as given and `%SRCROOT%` undefined (for reproducible tests).
    pub working_dir: Option<String>,
    /// The language of messages; rule ids never change with it.
    pub lang: Lang,
}

impl Default for SarifOptions {
    fn default() -> Self {
        SarifOptions {
            working_dir: None,
            lang: Lang::En,
        }
    }
}

pub fn render(files: &[FileReport], options: &SarifOptions) -> String {
    let rules: Vec<ReportingDescriptor> = RULES.iter().map(|r| descriptor(r)).collect();
    let driver = ToolComponent::builder()
        .name("planc")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(rules)
        .build();
    let mut results = Vec::new();
    for file in files {
        let index = LineIndex::new(file.source);
        let uri = artifact_uri(file.path, options.working_dir.as_deref());
        for d in file.diagnostics {
            let rule_index = RULES.iter().position(|r| r.code == d.code);
            let lang = options.lang;
            let mut text = d.message.text(lang);
            if let Some(help) = &d.help {
                text.push_str("\n\n");
                text.push_str(&msg!("report-help", help = help.clone()).text(lang));
            }
            let related: Vec<Location> = d
                .secondary
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    let mut location = location(&uri, file.source, &index, label, lang);
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
                .locations(vec![location(&uri, file.source, &index, &d.primary, lang)])
                .build();
            result.rule_index = rule_index.map(|i| i as i64);
            if !related.is_empty() {
                result.related_locations = Some(related);
            }
            results.push(result);
        }
    }
    let mut run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .column_kind(serde_json::json!("utf16CodeUnits"))
        .build();
    if let Some(dir) = &options.working_dir {
        let root = ArtifactLocation::builder().uri(directory_uri(dir)).build();
        run.original_uri_base_ids = Some(BTreeMap::from([(SRCROOT.to_string(), root)]));
    }
    let sarif = Sarif::builder()
        .schema("https://json.schemastore.org/sarif-2.1.0.json")
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build();
    // Serializing plain data cannot fail.
    serde_json::to_string_pretty(&sarif).unwrap_or_default() + "\n"
}

fn descriptor(rule: &crate::check::Rule) -> ReportingDescriptor {
    let configuration = match rule.default_severity {
        Some(Severity::Error) => ReportingConfiguration::builder()
            .level(serde_json::json!("error"))
            .build(),
        Some(Severity::Warning) => ReportingConfiguration::builder()
            .level(serde_json::json!("warning"))
            .build(),
        None => ReportingConfiguration::builder()
            .enabled(false)
            .level(serde_json::json!("warning"))
            .build(),
    };
    ReportingDescriptor::builder()
        .id(rule.code.as_str())
        .name(rule.code.as_str())
        .short_description(
            MultiformatMessageString::builder()
                .text(rule.summary)
                .build(),
        )
        .help(
            MultiformatMessageString::builder()
                .text(rule.doc)
                .markdown(rule.doc)
                .build(),
        )
        .default_configuration(configuration)
        .build()
}

fn location(uri: &str, source: &str, index: &LineIndex, label: &Label, lang: Lang) -> Location {
    let (start_line, start_column) = utf16_line_col(source, index, label.span.start);
    let (end_line, end_column) = utf16_line_col(source, index, region_end(source, label.span));
    let region = Region::builder()
        .start_line(start_line as i64)
        .start_column(start_column as i64)
        .end_line(end_line as i64)
        .end_column(end_column as i64)
        .build();
    let physical = PhysicalLocation::builder()
        .artifact_location(
            ArtifactLocation::builder()
                .uri(uri)
                .uri_base_id(SRCROOT)
                .build(),
        )
        .region(region)
        .build();
    Location::builder()
        .physical_location(physical)
        .message(Message::builder().text(label.message.text(lang)).build())
        .build()
}

/// Where a region ends: a span that ends with its line's break ends before it.
pub(crate) fn region_end(source: &str, span: Span) -> usize {
    let end = floor_char_boundary(source, span.end.min(source.len()));
    if end > span.start && source[..end].ends_with('\n') {
        let end = end - 1;
        if end > span.start && source[..end].ends_with('\r') {
            return end - 1;
        }
        return end;
    }
    end
}

/// 1-based line and 1-based column in UTF-16 code units.
fn utf16_line_col(source: &str, index: &LineIndex, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let (line, _) = index.line_col(source, offset);
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..offset].encode_utf16().count() + 1;
    (line, column)
}

/// A path as a URI reference: relative paths stay relative (`./` dropped),
/// absolute ones below `working_dir` become relative, other absolute ones
/// become `file:` URIs. Separators are `/`; other characters are
/// percent-encoded as RFC 3986 asks.
pub fn artifact_uri(path: &str, working_dir: Option<&str>) -> String {
    let path = path.replace(std::path::MAIN_SEPARATOR, "/");
    let mut rel = path.as_str();
    if let Some(dir) = working_dir {
        let dir = dir.replace(std::path::MAIN_SEPARATOR, "/");
        let dir = dir.trim_end_matches('/');
        if let Some(below) = rel.strip_prefix(dir).and_then(|r| r.strip_prefix('/')) {
            rel = below;
        }
    }
    while let Some(rest) = rel.strip_prefix("./") {
        rel = rest.trim_start_matches('/');
    }
    if rel.starts_with('/') {
        return format!("file://{}", encode(rel));
    }
    encode(rel)
}

fn directory_uri(dir: &str) -> String {
    let dir = dir.replace(std::path::MAIN_SEPARATOR, "/");
    let dir = dir.trim_end_matches('/');
    let slash = if dir.starts_with('/') { "" } else { "/" };
    format!("file://{slash}{}/", encode(dir))
}

fn encode(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(artifact_uri("./plans/a b.plan", None), "plans/a%20b.plan");
        assert_eq!(artifact_uri("预案.plan", None), "%E9%A2%84%E6%A1%88.plan");
        assert_eq!(
            artifact_uri("/w/x/plans/a.plan", Some("/w/x")),
            "plans/a.plan"
        );
        assert_eq!(
            artifact_uri("/elsewhere/a.plan", Some("/w/x")),
            "file:///elsewhere/a.plan"
        );
        assert_eq!(artifact_uri("a:b.plan", None), "a%3Ab.plan");
        assert_eq!(directory_uri("/w/x/"), "file:///w/x/");
    }

    #[test]
    fn columns_count_utf16_code_units() {
        let source = "ab\n𝄞组x";
        let index = LineIndex::new(source);
        let x = source.find('x').unwrap();
        assert_eq!(utf16_line_col(source, &index, x), (2, 4));
        assert_eq!(utf16_line_col(source, &index, 1), (1, 2));
    }

    #[test]
    fn a_region_ending_with_its_line_break_ends_on_its_line() {
        let source = "abc\r\nd";
        assert_eq!(region_end(source, Span::new(0, 5)), 3);
        assert_eq!(region_end(source, Span::new(0, 2)), 2);
        assert_eq!(region_end(source, Span::new(5, 6)), 6);
    }
}
