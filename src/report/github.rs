//! `--format github`: GitHub Actions workflow commands, one per diagnostic,
//! which the runner turns into annotations on the pull request:
//!
//! `::error title=CODE,file=PATH,line=L,endLine=L2,col=C,endColumn=C2::MESSAGE`
//!
//! (`::warning` for warnings), written exactly as `@actions/core`'s
//! `core.error(message, {title, file, startLine, endLine, startColumn,
//! endColumn})` writes it — the same property order and escaping: `%`, CR and
//! LF as `%25`, `%0D`, `%0A` everywhere, and `:` and `,` as `%3A`, `%2C` in
//! properties. Columns count characters from 1 and `endColumn` is the column
//! after the span, as in SARIF; GitHub accepts columns only on a one-line
//! span, so a span over several lines gets lines alone. The message carries
//! the help line after a line break.

use std::io::{self, Write};

use super::FileReport;
use crate::diagnostic::Listing;
use crate::diagnostic::Severity;
use crate::lang::Lang;
use crate::span::{LineIndex, region_end};

/// One annotation, with the values `@actions/core` would be given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub severity: Severity,
    pub title: String,
    pub file: String,
    pub line: usize,
    pub end_line: usize,
    /// Only on a one-line span.
    pub columns: Option<(usize, usize)>,
    pub message: String,
}

/// The annotations of every diagnostic, in report order.
pub fn annotations<D: Listing + ?Sized>(files: &[FileReport<D>], lang: Lang) -> Vec<Annotation> {
    each_annotation(files, lang).collect()
}

/// The annotations, each made when it is asked for.
fn each_annotation<'a, D: Listing + ?Sized>(
    files: &'a [FileReport<'a, D>],
    lang: Lang,
) -> impl Iterator<Item = Annotation> + 'a {
    files.iter().flat_map(move |file| {
        let index = LineIndex::new(file.source);
        file.diagnostics.each().map(move |d| {
            let d = &*d;
            let span = d.primary.span;
            let (line, col) = index.line_col(file.source, span.start());
            let end = region_end(file.source, span);
            let (end_line, end_col) = index.line_col(file.source, end);
            let message = super::message_with_help(d, lang, "\n");
            Annotation {
                severity: d.severity,
                title: d.code.as_str().to_string(),
                file: file.path.to_string(),
                line,
                end_line,
                columns: (line == end_line).then_some((col, end_col)),
                message,
            }
        })
    })
}

pub fn render<D: Listing + ?Sized>(files: &[FileReport<D>], lang: Lang) -> String {
    each_annotation(files, lang).map(|a| command(&a)).collect()
}

/// Writes the workflow commands to `out` as they are made.
pub fn write<D: Listing + ?Sized>(
    files: &[FileReport<D>],
    lang: Lang,
    mut out: impl Write,
) -> io::Result<()> {
    for a in each_annotation(files, lang) {
        out.write_all(command(&a).as_bytes())?;
    }
    out.flush()
}

/// The workflow command of one annotation, with its line end.
pub fn command(a: &Annotation) -> String {
    let kind = match a.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = vec![
        ("title", a.title.clone()),
        ("file", a.file.clone()),
        ("line", a.line.to_string()),
        ("endLine", a.end_line.to_string()),
    ];
    if let Some((col, end_col)) = a.columns {
        properties.push(("col", col.to_string()));
        properties.push(("endColumn", end_col.to_string()));
    }
    let properties: Vec<String> = properties
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{key}={}", escape_property(&value)))
        .collect();
    format!(
        "::{kind} {}::{}\n",
        properties.join(","),
        escape_data(&a.message)
    )
}

/// Control and bidi characters shown escaped (a runner's log is a terminal:
/// ESC or CSI would colour it, U+202E reorder it), then the line ends and `%`
/// escaped as @actions/core does, so nothing ends the command early.
fn escape_data(s: &str) -> String {
    crate::escape::visible_except(s, |c| c == '\n' || c == '\r')
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_actions_core() {
        let a = Annotation {
            severity: Severity::Warning,
            title: "no-drill".into(),
            file: "a,b:c%.plan".into(),
            line: 3,
            end_line: 3,
            columns: Some((1, 5)),
            message: "50% done\r\nnext: a,b".into(),
        };
        assert_eq!(
            command(&a),
            "::warning title=no-drill,file=a%2Cb%3Ac%25.plan,line=3,endLine=3,col=1,endColumn=5::50%25 done%0D%0Anext: a,b\n"
        );
    }

    #[test]
    fn control_and_bidi_characters_reach_the_log_escaped() {
        let a = Annotation {
            severity: Severity::Warning,
            title: "deputy-same-holder".into(),
            file: "a\u{1b}[2J.plan".into(),
            line: 3,
            end_line: 3,
            columns: None,
            message: "held by \"\u{1b}[2J\u{9b}31m\u{202e}x\"\nhelp: fix".into(),
        };
        assert_eq!(
            command(&a),
            "::warning title=deputy-same-holder,file=a\u{241b}[2J.plan,line=3,endLine=3::held by \"\u{241b}[2J\\u{9b}31m\\u{202e}x\"%0Ahelp: fix\n"
        );
    }
}
