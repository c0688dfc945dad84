//! The formatter's token stream: every token and comment of a file that
//! parsed, with the line breaks before it. White space and `;` are trivia.

use crate::syntax::lex::{self, TokenKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A name or a keyword.
    Word,
    /// A string literal, quotes and escapes exactly as written.
    Str,
    /// An integer, a date or a duration, as written.
    Num,
    /// `{ } ( ) , :` or a comparison operator.
    Punct,
    /// `#` to the end of the line, trailing white space removed.
    Comment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'s> {
    pub kind: Kind,
    pub text: &'s str,
    /// Byte offset in the file.
    pub start: usize,
    /// Line breaks in the trivia between the previous token and this one.
    pub newlines_before: u32,
}

impl Token<'_> {
    pub fn is(&self, kind: Kind, text: &str) -> bool {
        self.kind == kind && self.text == text
    }

    pub fn is_punct(&self, text: &str) -> bool {
        self.is(Kind::Punct, text)
    }

    pub fn is_word(&self, text: &str) -> bool {
        self.is(Kind::Word, text)
    }
}

/// Tokens of `source[from..]` (the language's lexer, `syntax::lex`);
/// `Err(offset)` at a character no token starts with or a string that is not
/// closed (never for a file that parsed).
pub fn lex(source: &str, from: usize) -> Result<Vec<Token<'_>>, usize> {
    let mut tokens = Vec::new();
    let mut newlines = 0u32;
    for t in lex::tokens(source, from) {
        newlines = newlines.saturating_add(t.newlines_before);
        let kind = match t.kind {
            TokenKind::Punct(';') => continue,
            TokenKind::Name | TokenKind::Keyword => Kind::Word,
            TokenKind::String { closed: true } => Kind::Str,
            TokenKind::Number => Kind::Num,
            TokenKind::Punct(_) | TokenKind::Operator => Kind::Punct,
            TokenKind::Comment => Kind::Comment,
            TokenKind::String { closed: false } | TokenKind::Other(_) => {
                return Err(t.span.start());
            }
        };
        let text = t.text(source);
        // Trailing blanks of a comment go; any other character is its text
        // (an ideographic space, a form feed).
        let text = if kind == Kind::Comment {
            text.trim_end_matches([' ', '\t'])
        } else {
            text
        };
        tokens.push(Token {
            kind,
            text,
            start: t.span.start(),
            newlines_before: newlines,
        });
        newlines = 0;
    }
    Ok(tokens)
}
