//! The one lexer: what a string, a comment, a word (name or keyword), a
//! number, an operator and a punctuation mark are. pest parses; this reads
//! text pest gives no tree for or that needs no tree — the formatter's token
//! stream (`fmt`), the editor's tokens (`ide`), where to resume after a syntax
//! error and which string a missing quote left open (`scan`).
//!
//! It never fails: a character no token starts with is an `Other` token.

use super::language;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A name: an identifier that is not a reserved keyword (contextual
    /// keywords are names to the lexer: only the grammar knows where they count).
    Name,
    /// A reserved keyword (`language::is_keyword`).
    Keyword,
    /// A string literal, quotes and escapes as written; `closed` is false
    /// when the file ends inside it.
    String { closed: bool },
    /// `#` to the end of the line (the line break and a CR before it excluded).
    Comment,
    /// Anything that starts with a digit: an integer, a date, a duration.
    Number,
    /// `>=`, `>`, `<=`, `<`, `==`, `!=` (and a lone `=` or `!`).
    Operator,
    /// `{ } ( ) , ; :`
    Punct(char),
    /// Any other character, e.g. full-width punctuation or U+3000.
    Other(char),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
    /// Line breaks in the white space between the previous token and this one.
    pub newlines_before: u32,
}

impl Token {
    pub fn text(self, source: &str) -> &str {
        source.get(self.span.range()).unwrap_or("")
    }

    /// A name or a keyword.
    pub fn is_word(self) -> bool {
        matches!(self.kind, TokenKind::Name | TokenKind::Keyword)
    }

    pub fn is_keyword(self, source: &str, keyword: &str) -> bool {
        self.kind == TokenKind::Keyword && self.text(source) == keyword
    }

    /// True for tokens the grammar reads (not comments).
    pub fn is_significant(self) -> bool {
        self.kind != TokenKind::Comment
    }
}

/// The white space of the language (spec §1): space, tab, CR, LF.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

pub fn is_ident_start(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_start(c)
}

pub fn is_ident_continue(c: char) -> bool {
    c == '-' || unicode_ident::is_xid_continue(c)
}

/// The tokens of `source` from byte `from` (a token boundary), white space
/// dropped, comments kept.
pub fn tokens(source: &str, from: usize) -> Lexer<'_> {
    Lexer { source, pos: from }
}

pub struct Lexer<'s> {
    source: &'s str,
    pos: usize,
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let source = self.source;
        let bytes = source.as_bytes();
        let mut newlines_before = 0u32;
        loop {
            match bytes.get(self.pos)? {
                b'\n' => newlines_before = newlines_before.saturating_add(1),
                b' ' | b'\t' | b'\r' => {}
                _ => break,
            }
            self.pos += 1;
        }
        let start = self.pos;
        let c = source[start..].chars().next()?;
        let (kind, end) = match c {
            '#' => (TokenKind::Comment, comment_end(source, start)),
            '"' => {
                let (end, closed) = string_end(source, start);
                (TokenKind::String { closed }, end)
            }
            '0'..='9' => (TokenKind::Number, start + number_len(&source[start..])),
            '>' | '<' | '=' | '!' => {
                let len = if bytes.get(start + 1) == Some(&b'=') {
                    2
                } else {
                    1
                };
                (TokenKind::Operator, start + len)
            }
            '{' | '}' | '(' | ')' | ',' | ';' | ':' => (TokenKind::Punct(c), start + 1),
            c if is_ident_start(c) => {
                let end = start + word_len(&source[start..]);
                let kind = if language::is_keyword(&source[start..end]) {
                    TokenKind::Keyword
                } else {
                    TokenKind::Name
                };
                (kind, end)
            }
            c => (TokenKind::Other(c), start + c.len_utf8()),
        };
        self.pos = end;
        Some(Token {
            kind,
            span: Span::new(start, end),
            newlines_before,
        })
    }
}

/// Length in bytes of the run of identifier characters at the start of `text`.
fn word_len(text: &str) -> usize {
    text.char_indices()
        .find(|&(_, c)| !is_ident_continue(c))
        .map_or(text.len(), |(i, _)| i)
}

/// A number runs like a word (`10m`, `1h30m`, `2015-09-11`; what follows a
/// digit is checked by the grammar, not here), and (v1) through a point
/// between digits (`0.5`).
fn number_len(text: &str) -> usize {
    let mut len = word_len(text);
    let bytes = text.as_bytes();
    while bytes.get(len) == Some(&b'.') && bytes.get(len + 1).is_some_and(u8::is_ascii_digit) {
        len += 1 + word_len(&text[len + 1..]);
    }
    len
}

/// The end of the comment starting at `start`: before the line break, and
/// before the CR of a CRLF.
fn comment_end(source: &str, start: usize) -> usize {
    let end =
        memchr::memchr(b'\n', &source.as_bytes()[start..]).map_or(source.len(), |i| start + i);
    if end > start && source.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

/// The end of the string literal opening at `start`, and whether it is
/// closed. (v1) A `"…"` string ends at its line: left open, it ends before
/// the line break, so a forgotten quote swallows nothing after it. A `"""`
/// string ends after the first line that holds only white space and `"""`.
pub fn string_end(source: &str, start: usize) -> (usize, bool) {
    if source[start..].starts_with(TRIPLE) {
        return multiline_end(source, start);
    }
    let bytes = source.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if !matches!(bytes.get(i + 1), Some(b'\n' | b'\r')) => i += 2,
            b'"' => return (i + 1, true),
            b'\n' | b'\r' => return (i, false),
            _ => i += 1,
        }
    }
    (source.len(), false)
}

/// The quotes of a multi-line string (v1).
pub const TRIPLE: &str = "\"\"\"";

/// The end of the multi-line string opening at `start` (see `string_end`).
fn multiline_end(source: &str, start: usize) -> (usize, bool) {
    let mut line_start = match memchr::memchr(b'\n', &source.as_bytes()[start..]) {
        Some(i) => start + i + 1,
        None => return (source.len(), false),
    };
    while line_start < source.len() {
        let line_end = memchr::memchr(b'\n', &source.as_bytes()[line_start..])
            .map_or(source.len(), |i| line_start + i);
        let line = &source[line_start..line_end];
        let content = line.trim_start_matches([' ', '\t']);
        if content.starts_with(TRIPLE) {
            let quotes = line_start + (line.len() - content.len());
            return (quotes + TRIPLE.len(), true);
        }
        line_start = line_end + 1;
    }
    (source.len(), false)
}

/// (v1) A closed multi-line string written again with its closing `"""` at
/// `indent` columns and every line of its text moved with it, so its value
/// stays the same (the closing line's indentation is what each line loses).
/// Line ends are kept as written (CRLF or LF); white space after the opening
/// `"""` is dropped.
pub fn reindent_multiline(text: &str, indent: usize) -> String {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let Some((closing, body)) = lines[1..].split_last() else {
        return text.to_string();
    };
    let old = closing.len() - closing.trim_start_matches([' ', '\t']).len();
    let pad = " ".repeat(indent);
    let mut out = String::with_capacity(text.len() + lines.len() * indent);
    out.push_str(TRIPLE);
    for line in body {
        out.push_str(newline);
        if let Some(rest) = line.get(old..).filter(|_| line.is_char_boundary(old)) {
            out.push_str(&pad);
            out.push_str(rest);
        }
    }
    out.push_str(newline);
    out.push_str(&pad);
    out.push_str(&closing[old..]);
    out
}

/// (v1) The text of a closed multi-line string as its value reads before
/// escapes: the lines between the quotes, each without the closing line's
/// indentation (lines of white space shorter than it are empty).
pub fn multiline_text(text: &str) -> String {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let Some((closing, body)) = lines.get(1..).and_then(|l| l.split_last()) else {
        return text.to_string();
    };
    let old = closing.len() - closing.trim_start_matches([' ', '\t']).len();
    body.iter()
        .map(|l| l.get(old..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The comments of `source`, each from `#` to the end of its line (its CR
/// excluded): the tokens of kind `Comment`, found without reading the others
/// (only a string can hide a `#`).
pub fn comments(source: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = source.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        loop {
            let at = pos + memchr::memchr2(b'#', b'"', bytes.get(pos..)?)?;
            if bytes[at] == b'"' {
                pos = string_end(source, at).0;
                continue;
            }
            let end = comment_end(source, at);
            pos = end;
            return Some(Span::new(at, end));
        }
    })
}

/// The word (name or keyword) starting at `offset`, if any.
pub fn word_at(source: &str, offset: usize) -> Option<&str> {
    let rest = source.get(offset..)?;
    let first = rest.chars().next()?;
    is_ident_start(first).then(|| &rest[..word_len(rest)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(source: &str) -> Vec<(&str, TokenKind, u32)> {
        tokens(source, 0)
            .map(|t| (t.text(source), t.kind, t.newlines_before))
            .collect()
    }

    #[test]
    fn v1_strings_end_at_their_line_and_numbers_take_a_point() {
        let source = "holder \"李四\n  escalates to leader\ntext \"\"\"\n  第一行 \"\"\" 不结束\n  \"\"\" }\nloss >= 0.5";
        let got: Vec<_> = kinds(source).into_iter().map(|(t, k, _)| (t, k)).collect();
        assert_eq!(
            got,
            vec![
                ("holder", TokenKind::Keyword),
                ("\"李四", TokenKind::String { closed: false }),
                ("escalates", TokenKind::Keyword),
                ("to", TokenKind::Keyword),
                ("leader", TokenKind::Name),
                ("text", TokenKind::Keyword),
                (
                    "\"\"\"\n  第一行 \"\"\" 不结束\n  \"\"\"",
                    TokenKind::String { closed: true }
                ),
                ("}", TokenKind::Punct('}')),
                ("loss", TokenKind::Name),
                (">=", TokenKind::Operator),
                ("0.5", TokenKind::Number),
            ]
        );
        let open = "text \"\"\"\n  never closed\n";
        assert_eq!(string_end(open, 5), (open.len(), false));
        assert_eq!(string_end("\"a\\\nb\"", 0), (3, false));
        assert_eq!(string_end("\"a\r\n", 0), (2, false));
    }

    #[test]
    fn multi_line_strings_move_with_their_statement() {
        let text = "\"\"\"   \n      第一行\n\n        缩进\n  \n      \"\"\"";
        let moved = reindent_multiline(text, 4);
        assert_eq!(moved, "\"\"\"\n    第一行\n\n      缩进\n\n    \"\"\"");
        assert_eq!(multiline_text(text), "第一行\n\n  缩进\n");
        assert_eq!(multiline_text(&moved), multiline_text(text));
        let crlf = "\"\"\"\r\n  a\r\n  \"\"\"";
        assert_eq!(reindent_multiline(crlf, 4), "\"\"\"\r\n    a\r\n    \"\"\"");
    }

    #[test]
    fn every_kind_of_token() {
        let source = "step 上报 \"立即\\\"通报\" { owner office-1; within 1h30m } # 注释\r\n\nvisitors>=50，";
        let expected = vec![
            ("step", TokenKind::Keyword, 0),
            ("上报", TokenKind::Name, 0),
            ("\"立即\\\"通报\"", TokenKind::String { closed: true }, 0),
            ("{", TokenKind::Punct('{'), 0),
            ("owner", TokenKind::Keyword, 0),
            ("office-1", TokenKind::Name, 0),
            (";", TokenKind::Punct(';'), 0),
            ("within", TokenKind::Keyword, 0),
            ("1h30m", TokenKind::Number, 0),
            ("}", TokenKind::Punct('}'), 0),
            ("# 注释", TokenKind::Comment, 0),
            ("visitors", TokenKind::Name, 2),
            (">=", TokenKind::Operator, 0),
            ("50", TokenKind::Number, 0),
            ("，", TokenKind::Other('，'), 0),
        ];
        assert_eq!(kinds(source), expected);
    }

    #[test]
    fn an_open_string_ends_at_its_line() {
        // (v1) a `"…"` string does not span lines: the next line is read as code
        assert_eq!(
            kinds("role a \"组长\n  x"),
            vec![
                ("role", TokenKind::Keyword, 0),
                ("a", TokenKind::Name, 0),
                ("\"组长", TokenKind::String { closed: false }, 0),
                ("x", TokenKind::Name, 1),
            ]
        );
    }

    #[test]
    fn comments_are_the_comment_tokens() {
        let source = "text \"a # \\\" b\" # real\r\n# two\n\"open # not";
        let tokens: Vec<Span> = tokens(source, 0)
            .filter(|t| t.kind == TokenKind::Comment)
            .map(|t| t.span)
            .collect();
        let found: Vec<Span> = comments(source).collect();
        assert_eq!(found, tokens);
        let texts: Vec<&str> = found.iter().map(|s| &source[s.range()]).collect();
        assert_eq!(texts, ["# real", "# two"]);
    }

    #[test]
    fn only_ascii_white_space_separates_tokens() {
        assert_eq!(
            kinds("a\u{3000}b\u{0C}"),
            vec![
                ("a", TokenKind::Name, 0),
                ("\u{3000}", TokenKind::Other('\u{3000}'), 0),
                ("b", TokenKind::Name, 0),
                ("\u{0C}", TokenKind::Other('\u{0C}'), 0),
            ]
        );
        // A comment keeps what it holds up to the line end, U+3000 included.
        assert_eq!(kinds("# 注\u{3000}\u{0B}\r\n")[0].0, "# 注\u{3000}\u{0B}");
    }
}
