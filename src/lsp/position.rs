//! Byte offsets ↔ LSP positions. LSP counts lines from 0 and characters in
//! UTF-16 code units: a Chinese character is one unit, a character outside
//! the Basic Multilingual Plane (𠮷, emoji) two, whatever UTF-8 takes.

use lsp_types::{Position, Range};

use crate::span::Span;

/// The lines of one text, for converting positions both ways: the lines of
/// `crate::span::LineIndex` (LF, CRLF or a lone CR end a line, as LSP says).
#[derive(Debug, Clone)]
pub struct LineIndex(crate::span::LineIndex);

impl LineIndex {
    pub fn new(text: &str) -> Self {
        LineIndex(crate::span::LineIndex::new(text))
    }

    /// The position of a byte offset (clamped to the text, rounded down to a
    /// character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let column = self.0.column(text, offset);
        Position::new(column.line as u32, column.utf16 as u32)
    }

    /// The byte offset of a position. A line past the end gives the end of
    /// the text; a character past the end of its line gives the line's end;
    /// a position inside a surrogate pair gives the start of that character.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.0.line_count() {
            return text.len();
        }
        let start = self.0.line_start(line, text);
        let line = self.0.line_text(line, text);
        let mut units = 0usize;
        for (i, c) in line.char_indices() {
            if units + c.len_utf16() > position.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + line.len()
    }

    pub fn range(&self, text: &str, span: Span) -> Range {
        Range::new(
            self.position(text, span.start()),
            self.position(text, span.end()),
        )
    }

    pub fn span(&self, text: &str, range: Range) -> Span {
        let start = self.offset(text, range.start);
        let end = self.offset(text, range.end).max(start);
        Span::new(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_astral_characters_count_in_utf16_units() {
        let text = "role 组长 \"𠮷野\" { x }\nstep";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        // `role 组长 "` is 9 units, 𠮷 two, 野 one, `" { ` four.
        assert_eq!(index.position(text, x), Position::new(0, 16));
        assert_eq!(index.offset(text, Position::new(0, 16)), x);
        let step = text.find("step").unwrap();
        assert_eq!(index.position(text, step), Position::new(1, 0));
        assert_eq!(index.offset(text, Position::new(1, 2)), step + 2);
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "ab\r\ncd\ref";
        let index = LineIndex::new(text);
        assert_eq!(
            index.offset(text, Position::new(0, 99)),
            2,
            "end of line, before CRLF"
        );
        assert_eq!(index.offset(text, Position::new(1, 1)), 5);
        assert_eq!(
            index.offset(text, Position::new(2, 0)),
            7,
            "a lone CR ends a line"
        );
        assert_eq!(index.offset(text, Position::new(9, 0)), text.len());
        assert_eq!(index.position(text, 99), Position::new(2, 2));
    }

    #[test]
    fn a_position_inside_a_surrogate_pair_snaps_to_the_character() {
        let text = "a𠮷b";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(0, 2)), 1);
        assert_eq!(index.offset(text, Position::new(0, 3)), 5);
        // A byte offset inside a character rounds down.
        assert_eq!(index.position(text, 3), Position::new(0, 1));
    }
}
