//! A file's text as miette reads it for snippets.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::span::LineIndex;

/// The file's text for miette. Differs from miette's own `NamedSource` in three ways:
/// - columns count characters (as the JSON output does), not bytes, so
///   `file:line:col` agrees with editors;
/// - the line count is the number of lines the snippet holds (miette's own is
///   the line number where it ends, which makes it merge labels far apart into
///   one huge snippet; it only uses this to decide whether snippets touch);
/// - each read looks only at the lines around the span (miette's scans from
///   the start of the file, which made a report of many diagnostics on a
///   large file quadratic).
pub(crate) struct PlanSource {
    name: String,
    text: String,
    lines: LineIndex,
}

impl PlanSource {
    pub(crate) fn new(name: &str, text: &str) -> PlanSource {
        PlanSource {
            name: name.to_string(),
            text: text.to_string(),
            lines: LineIndex::new(text),
        }
    }
}

impl SourceCode for PlanSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.text.as_str();
        let start = span.offset();
        let end = start + span.len();
        if end > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        // The lines miette will show: the span's, and the context around them.
        let first_line = self.lines.line(start).saturating_sub(context_lines_before);
        let last_line = self.lines.line(end) + context_lines_after;
        let window_start = self.lines.line_start(first_line, text);
        let window_end = self.lines.line_start(last_line + 1, text);
        let window: &'a str = &text[window_start..window_end];
        let inner = SourceSpan::new((start - window_start).into(), span.len());
        let contents = window.read_span(&inner, context_lines_before, context_lines_after)?;
        let offset = window_start + contents.span().offset();
        let line_start = self.lines.line_start(self.lines.line(offset), text);
        let column = text
            .get(line_start..offset)
            .map(|s| s.chars().count())
            .unwrap_or_else(|| contents.column());
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            SourceSpan::new(offset.into(), contents.span().len()),
            first_line + contents.line(),
            column,
            contents.data().iter().filter(|&&b| b == b'\n').count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Same snippets as miette's own reader, but columns in characters.
    #[test]
    fn reads_the_lines_around_a_span() {
        let text = "第一行\nab 组长 cd\n\nlast";
        let source = PlanSource::new("f", text);
        let at = |start: usize, len: usize, context: usize| {
            let ours = source
                .read_span(&SourceSpan::new(start.into(), len), context, context)
                .unwrap();
            let theirs = text
                .read_span(&SourceSpan::new(start.into(), len), context, context)
                .unwrap();
            assert_eq!(ours.data(), theirs.data());
            assert_eq!(ours.span(), theirs.span());
            assert_eq!(ours.line(), theirs.line());
            (ours.line(), ours.column())
        };
        let zu = text.find("组长").unwrap();
        assert_eq!(at(zu, 6, 0), (1, 3));
        assert_eq!(at(zu, 6, 1), (0, 0));
        assert_eq!(at(text.len() - 4, 4, 1), (2, 0));
        assert_eq!(at(text.len(), 0, 0), (3, 4));
        assert_eq!(at(0, 0, 2), (0, 0));
        assert!(
            source
                .read_span(&SourceSpan::new((text.len() + 1).into(), 0), 0, 0)
                .is_err()
        );
    }
}
