//! A file's text as miette reads it for snippets.
//!
//! miette is never shown the file itself but an excerpt made for each
//! diagnostic: the lines its labels touch, one line of context around them,
//! as the terminal may show them.
//! - Lines end where `span::LineIndex` says (LF, CRLF or a lone CR): the
//!   excerpt has only LF, so miette's line numbers agree with every other
//!   output.
//! - Control and bidi characters are escaped (`crate::escape`), so no source
//!   line can move the cursor, clear the screen or reorder what is shown.
//! - A long line is cut to the parts around the labels (joined by `…`), so no
//!   label starts past the columns miette can draw (it panics past 65,535)
//!   and a report stays readable.
//! - The header's `line:column` is the label's own, in characters, as in JSON.
//!
//! Only the lines around the labels are read, so a report of many
//! diagnostics on a large file stays linear.

use std::collections::HashMap;

use miette::{LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::escape;
use crate::span::{LineIndex, Span, floor_char_boundary, region_end};

/// A line longer than this (in bytes) is cut around its labels.
const LONG_LINE: usize = 1024;
/// How much of a long line is kept at its start and on each side of a label's end.
const KEEP: usize = 80;
/// At most this much of one long line is kept, however many labels it has.
const KEEP_PER_LINE: usize = 8 * 1024;

/// A file's name and text, with its lines.
pub(crate) struct PlanSource<'t> {
    /// Escaped for the terminal.
    name: String,
    text: &'t str,
    lines: LineIndex,
}

impl<'t> PlanSource<'t> {
    pub(crate) fn new(name: &str, text: &'t str) -> PlanSource<'t> {
        PlanSource {
            name: escape::visible(name).into_owned(),
            text,
            lines: LineIndex::new(text),
        }
    }
}

/// What miette is shown of a file for one diagnostic: runs of lines
/// (`Piece`s), and the labels moved onto them.
pub(crate) struct Excerpt {
    name: String,
    pieces: Vec<Piece>,
    /// Where a label starts in the excerpt → its line and column in the file
    /// (0-based; the column in characters).
    origins: HashMap<usize, (usize, usize)>,
}

/// Consecutive lines of the file as shown, each ending with `\n`, at
/// `start` in the excerpt's offsets (pieces are one byte apart, so no span
/// reaches from one into the next).
struct Piece {
    start: usize,
    first_line: usize,
    text: String,
}

impl Excerpt {
    /// The excerpt for `labels` (spans in the file), and the labels with
    /// spans in the excerpt.
    pub(crate) fn new(source: &PlanSource, labels: &[LabeledSpan]) -> (Excerpt, Vec<LabeledSpan>) {
        let text = source.text;
        let lines = &source.lines;
        let spans: Vec<Span> = labels
            .iter()
            .map(|l| {
                let start = floor_char_boundary(text, l.offset().min(text.len()));
                let end = floor_char_boundary(text, (l.offset() + l.len()).min(text.len()));
                let end = region_end(text, Span::new(start, end.max(start)));
                Span::new(start, end)
            })
            .collect();
        let mut ends: Vec<usize> = spans.iter().flat_map(|s| [s.start(), s.end()]).collect();
        ends.sort_unstable();
        ends.dedup();

        // The lines to show: each label's, with one line of context on each
        // side (not the empty "line" after the file's last line break).
        let mut last_line = lines.line_count() - 1;
        if last_line > 0 && lines.line_start(last_line, text) == text.len() {
            last_line -= 1;
        }
        let mut runs: Vec<(usize, usize)> = spans
            .iter()
            .map(|s| {
                let first = lines.line(s.start()).saturating_sub(1);
                let last = lines.line(s.end());
                (first, (last + 1).min(last_line).max(last))
            })
            .collect();
        runs.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (first, last) in runs {
            match merged.last_mut() {
                Some(run) if first <= run.1 + 1 => run.1 = run.1.max(last),
                _ => merged.push((first, last)),
            }
        }

        let mut moved = HashMap::new();
        let mut pieces = Vec::new();
        let mut next_start = 0;
        for (first, last) in merged {
            let mut shown = String::new();
            for line in first..=last {
                let start = lines.line_start(line, text);
                let content = lines.line_text(line, text);
                let from = ends.partition_point(|&e| e < start);
                let to = ends.partition_point(|&e| e <= start + content.len());
                let base = next_start + shown.len();
                show_line(content, start, &ends[from..to], &mut shown, |orig, at| {
                    moved.insert(orig, base + at);
                });
                // An end inside the line break is the end of the line.
                let after = lines.line_start(line + 1, text);
                for &e in ends
                    .iter()
                    .filter(|&&e| e > start + content.len() && e < after)
                {
                    moved.insert(e, next_start + shown.len());
                }
                shown.push('\n');
            }
            let len = shown.len();
            pieces.push(Piece {
                start: next_start,
                first_line: first,
                text: shown,
            });
            next_start += len + 1;
        }

        let mut origins = HashMap::new();
        let labels = labels
            .iter()
            .zip(&spans)
            .map(|(label, span)| {
                let start = moved.get(&span.start()).copied().unwrap_or(0);
                let end = moved.get(&span.end()).copied().unwrap_or(start).max(start);
                let column = lines.column(text, span.start());
                origins.entry(start).or_insert((column.line, column.chars));
                let span = SourceSpan::new(start.into(), end - start);
                let message = label.label().map(|m| escape::visible(m).into_owned());
                if label.primary() {
                    LabeledSpan::new_primary_with_span(message, span)
                } else {
                    LabeledSpan::new_with_span(message, span)
                }
            })
            .collect();
        let excerpt = Excerpt {
            name: source.name.clone(),
            pieces,
            origins,
        };
        (excerpt, labels)
    }
}

/// Appends one line's `content` (at `start` in the file) as shown: escaped,
/// and when long, cut to its start and the parts around `ends` (its label
/// ends, ascending). `moved(end, at)` tells where each end lands in `out`,
/// counted from where this line starts in it.
fn show_line(
    content: &str,
    start: usize,
    ends: &[usize],
    out: &mut String,
    mut moved: impl FnMut(usize, usize),
) {
    let line_start = out.len();
    // The parts kept, as byte ranges of `content`.
    let mut keep: Vec<(usize, usize)> = Vec::new();
    if content.len() <= LONG_LINE {
        keep.push((0, content.len()));
    } else {
        let mut budget = KEEP_PER_LINE;
        let window = |from: usize, to: usize| {
            (
                floor_char_boundary(content, from),
                floor_char_boundary(content, to.min(content.len())),
            )
        };
        keep.push(window(0, KEEP));
        for &e in ends {
            let at = e - start;
            let (from, to) = window(at.saturating_sub(KEEP), at + KEEP);
            if budget < to - from {
                break;
            }
            budget -= to - from;
            match keep.last_mut() {
                Some(last) if from <= last.1 => last.1 = last.1.max(to),
                _ => keep.push((from, to)),
            }
        }
    }
    let mut ends = ends.iter().map(|&e| e - start).peekable();
    for (i, &(from, to)) in keep.iter().enumerate() {
        // Ends cut away before this part land on the `…` that stands for them.
        while ends.next_if(|&e| e < from).is_some_and(|e| {
            moved(start + e, out.len() - line_start);
            true
        }) {}
        if from > 0 || i > 0 {
            out.push('…');
        }
        for (offset, c) in content[from..to].char_indices() {
            while let Some(e) = ends.next_if(|&e| e <= from + offset) {
                moved(start + e, out.len() - line_start);
            }
            if c == '\t' {
                out.push(c);
            } else {
                escape::push_visible(out, c);
            }
        }
        while let Some(e) = ends.next_if(|&e| e <= to) {
            moved(start + e, out.len() - line_start);
        }
    }
    if keep.last().is_some_and(|&(_, to)| to < content.len()) {
        out.push('…');
    }
    for e in ends {
        moved(start + e, out.len() - line_start);
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span.offset();
        let piece = self
            .pieces
            .iter()
            .take_while(|p| p.start <= start)
            .last()
            .ok_or(MietteError::OutOfBounds)?;
        let inner = start - piece.start;
        if inner + span.len() > piece.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let contents = piece.text.as_str().read_span(
            &SourceSpan::new(inner.into(), span.len()),
            context_lines_before,
            context_lines_after,
        )?;
        let line = piece.first_line + contents.line();
        // miette asks for the header's position with no context lines.
        let column = match self.origins.get(&start) {
            Some(&(_, column)) if context_lines_before == 0 => column,
            _ => contents.column(),
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            SourceSpan::new(
                (piece.start + contents.span().offset()).into(),
                contents.span().len(),
            ),
            line,
            column,
            contents.data().iter().filter(|&&b| b == b'\n').count(),
        )))
    }
}

#[cfg(test)]
#[path = "source_tests.rs"]
mod tests;
