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
        source.get(self.span.start..self.span.end).unwrap_or("")
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
/// digit is checked by the grammar, not here).
fn number_len(text: &str) -> usize {
    word_len(text)
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
/// closed. (Version 0: a string may span lines.)
pub fn string_end(source: &str, start: usize) -> (usize, bool) {
    let bytes = source.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return (i + 1, true),
            _ => i += 1,
        }
    }
    (source.len(), false)
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
    fn an_open_string_runs_to_the_end() {
        assert_eq!(
            kinds("role a \"组长\n  x"),
            vec![
                ("role", TokenKind::Keyword, 0),
                ("a", TokenKind::Name, 0),
                ("\"组长\n  x", TokenKind::String { closed: false }, 0),
            ]
        );
        // An escape of the last byte does not step past the end.
        assert_eq!(
            kinds("\"a\\"),
            vec![("\"a\\", TokenKind::String { closed: false }, 0)]
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
        let texts: Vec<&str> = found.iter().map(|s| &source[s.start..s.end]).collect();
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
