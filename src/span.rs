//! Byte spans into one source file, and line/column lookup.

use std::ops::Range;

use serde::Serialize;

/// A half-open byte range `start..end` into the whole file, as two `u32`
/// (8 bytes: it sits in nearly every syntax and model item). Offsets fit:
/// planc reads at most `pipeline::MAX_FILE_BYTES` (256 MiB) of a file, and
/// the language server caps a message at twice that.
///
/// Serialized as `{"start":…,"end":…}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: offset(start),
            end: offset(end),
        }
    }

    /// The first byte.
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// The byte after the last.
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// `start..end`, to slice the source with.
    pub fn range(self) -> Range<usize> {
        self.start()..self.end()
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A byte offset as a `u32`. The size cap keeps every offset below 4 GiB;
/// should one ever exceed it, it saturates rather than panic on input.
fn offset(at: usize) -> u32 {
    debug_assert!(u32::try_from(at).is_ok(), "offset {at} past 4 GiB");
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl From<Span> for miette::SourceSpan {
    fn from(span: Span) -> Self {
        miette::SourceSpan::new(span.start().into(), span.len())
    }
}

/// Maps byte offsets to lines and columns. A line ends at LF, CRLF or a lone
/// CR, as the Language Server Protocol counts them: the one definition every
/// output uses (human report, JSON, SARIF, GitHub, the editor).
///
/// A column is counted from the nearest checkpoint before it: on a line
/// longer than `STRIDE` bytes one is kept every `STRIDE` bytes, so that
/// thousands of diagnostics on one long line cost each a short count, not
/// a count from the line's start (which was quadratic in every format).
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// As `u32`, like a `Span`: a text past 4 GiB (which planc never checks)
    /// is indexed up to there, its last line running on to its end.
    line_starts: Vec<u32>,
    checkpoints: Vec<Checkpoint>,
}

/// How far apart (in bytes) the checkpoints of a long line are.
const STRIDE: usize = 512;

/// A character boundary on a long line, and what precedes it on its line.
#[derive(Debug, Clone, Copy)]
struct Checkpoint {
    offset: u32,
    chars: u32,
    utf16: u32,
}

/// The column of an offset on its line, counted two ways (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// 0-based line.
    pub line: usize,
    /// Characters before the offset on its line.
    pub chars: usize,
    /// UTF-16 code units before it (what LSP and SARIF count).
    pub utf16: usize,
}

impl LineIndex {
    pub fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut line_starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                let Ok(start) = u32::try_from(i + 1) else {
                    break;
                };
                line_starts.push(start);
            }
        }
        // An editor keeps it as long as the document (a million lines: 4 MB).
        line_starts.shrink_to_fit();
        let mut checkpoints = Vec::new();
        let ends = line_starts.iter().skip(1).map(|&s| s as usize);
        for (&start, end) in line_starts.iter().zip(ends.chain([source.len()])) {
            let start = start as usize;
            if end - start <= STRIDE {
                continue;
            }
            let (mut chars, mut utf16, mut next) = (0, 0, STRIDE);
            for (i, c) in source[start..end].char_indices() {
                if i >= next {
                    let Ok(offset) = u32::try_from(start + i) else {
                        break;
                    };
                    // Both count at most the bytes before `offset`.
                    checkpoints.push(Checkpoint {
                        offset,
                        chars: chars as u32,
                        utf16: utf16 as u32,
                    });
                    next = i + STRIDE;
                }
                chars += 1;
                utf16 += c.len_utf16();
            }
        }
        LineIndex {
            line_starts,
            checkpoints,
        }
    }

    /// The line of `offset` and its column in characters and in UTF-16
    /// units, as `line_and_prefix` reads it (between the CR and the LF of a
    /// line break is the end of the line).
    pub fn column(&self, source: &str, offset: usize) -> Column {
        let (line, before) = self.line_and_prefix(source, offset);
        let end = self.line_starts[line] as usize + before.len();
        let mut from = Column {
            line,
            chars: 0,
            utf16: 0,
        };
        let mut at = self.line_starts[line] as usize;
        let i = self
            .checkpoints
            .partition_point(|c| c.offset as usize <= end);
        if let Some(c) = i.checked_sub(1).map(|i| self.checkpoints[i])
            && c.offset as usize >= at
        {
            at = c.offset as usize;
            (from.chars, from.utf16) = (c.chars as usize, c.utf16 as usize);
        }
        for c in source[at..end].chars() {
            from.chars += 1;
            from.utf16 += c.len_utf16();
        }
        from
    }

    /// 0-based line of `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start as usize <= offset)
            - 1
    }

    /// Byte offset where 0-based `line` starts (the end of the text past the last line).
    pub fn line_start(&self, line: usize, source: &str) -> usize {
        self.line_starts
            .get(line)
            .map_or(source.len(), |&start| start as usize)
    }

    /// The number of lines (a text ending with a line break has an empty last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The text of 0-based `line` without its line break.
    pub fn line_text<'s>(&self, line: usize, source: &'s str) -> &'s str {
        let start = self.line_start(line, source);
        let end = self.line_start(line + 1, source);
        source[start..end]
            .strip_suffix('\n')
            .map_or(&source[start..end], |s| s)
            .trim_end_matches('\r')
    }

    /// 1-based line and 1-based column in characters of `offset` in `source`.
    /// Between the CR and the LF of a line break is the end of the line.
    pub fn line_col(&self, source: &str, offset: usize) -> (usize, usize) {
        let column = self.column(source, offset);
        (column.line + 1, column.chars + 1)
    }

    /// 0-based line of `offset` and the text of its line before it.
    pub fn line_and_prefix<'s>(&self, source: &'s str, offset: usize) -> (usize, &'s str) {
        let offset = floor_char_boundary(source, offset.min(source.len()));
        let line = self.line(offset);
        let start = self.line_starts[line] as usize;
        (line, source[start..offset].trim_end_matches('\r'))
    }
}

/// Where a region shown to the user ends: a span that ends with its line's
/// break (LF, CRLF or CR) ends before it, on its own line.
pub fn region_end(source: &str, span: Span) -> usize {
    let end = floor_char_boundary(source, span.end().min(source.len()));
    let text = &source[span.start().min(end)..end];
    let trimmed = match text.strip_suffix('\n') {
        Some(t) => t.strip_suffix('\r').unwrap_or(t),
        None => text.strip_suffix('\r').unwrap_or(text),
    };
    if trimmed.is_empty() {
        return end;
    }
    span.start() + trimmed.len()
}

/// The largest char boundary at or before `offset`.
pub fn floor_char_boundary(source: &str, mut offset: usize) -> usize {
    while offset > 0 && !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_on_a_long_line_agree_with_counting_from_its_start() {
        // Past several checkpoints, with two-unit and three-byte characters
        // straddling them, after a lone CR and a CRLF.
        let line: String = (0..600).map(|i| ["a", "组", "𠮷", "\t"][i % 4]).collect();
        let source = format!("x\ry\r\n{line}\r\n{line}");
        let index = LineIndex::new(&source);
        for offset in (0..=source.len()).filter(|&o| source.is_char_boundary(o)) {
            let (line, before) = index.line_and_prefix(&source, offset);
            let expected = Column {
                line,
                chars: before.chars().count(),
                utf16: before.encode_utf16().count(),
            };
            assert_eq!(index.column(&source, offset), expected, "at {offset}");
        }
        let second = source.rfind('\n').unwrap() + 1;
        let end = index.column(&source, source.len());
        assert_eq!((end.line, end.chars, end.utf16), (3, 600, 750));
        assert_eq!(
            index.column(&source, second - 1).chars,
            600,
            "between CR and LF"
        );
    }

    #[test]
    fn lines_end_at_lf_crlf_and_a_lone_cr() {
        let source = "a\nb\r\nc\rd\r\re";
        let index = LineIndex::new(source);
        assert_eq!(index.line_count(), 6);
        let at = |c: char| index.line_col(source, source.find(c).unwrap());
        assert_eq!(at('b'), (2, 1));
        assert_eq!(at('c'), (3, 1));
        assert_eq!(at('d'), (4, 1));
        assert_eq!(at('e'), (6, 1));
        // Between CR and LF: the end of line 2.
        assert_eq!(index.line_col(source, 4), (2, 2));
        assert_eq!(index.line_text(1, source), "b");
        assert_eq!(index.line_text(4, source), "");
    }

    #[test]
    fn a_region_ending_with_its_line_break_ends_on_its_line() {
        let source = "abc\r\nd\re";
        assert_eq!(region_end(source, Span::new(0, 5)), 3);
        assert_eq!(region_end(source, Span::new(0, 4)), 3);
        assert_eq!(region_end(source, Span::new(0, 2)), 2);
        assert_eq!(region_end(source, Span::new(5, 7)), 6);
        assert_eq!(region_end(source, Span::new(5, 6)), 6);
        // A span that is only a line break stays as it is.
        assert_eq!(region_end(source, Span::new(3, 5)), 5);
    }
}
