//! The formatter's token stream: every token and comment of a file that
//! parsed, with the line breaks before it. White space and `;` are trivia.

use crate::syntax::scan;

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

/// Tokens of `source[from..]`; `Err(offset)` at a character no token starts
/// with (never for a file that parsed).
pub fn lex(source: &str, from: usize) -> Result<Vec<Token<'_>>, usize> {
    let bytes = source.as_bytes();
    let mut tokens = Vec::new();
    let mut i = from;
    let mut newlines = 0u32;
    while i < bytes.len() {
        let start = i;
        let kind = match bytes[i] {
            b'\n' => {
                newlines = newlines.saturating_add(1);
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' | b';' => {
                i += 1;
                continue;
            }
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                Kind::Comment
            }
            b'"' => {
                i += 1;
                loop {
                    match bytes.get(i) {
                        None => return Err(start),
                        Some(b'\\') => i += 2,
                        Some(b'"') => {
                            i += 1;
                            break;
                        }
                        Some(_) => i += 1,
                    }
                }
                // an escape of the last byte would step past the end
                if i > bytes.len() {
                    return Err(start);
                }
                Kind::Str
            }
            b'{' | b'}' | b'(' | b')' | b',' | b':' => {
                i += 1;
                Kind::Punct
            }
            b'>' | b'<' | b'=' | b'!' => {
                i += if bytes.get(i + 1) == Some(&b'=') {
                    2
                } else {
                    1
                };
                Kind::Punct
            }
            b'0'..=b'9' => {
                i += ident_run(&source[i..]);
                Kind::Num
            }
            _ => {
                let c = source[i..].chars().next().ok_or(i)?;
                if !scan::is_ident_start(c) {
                    return Err(i);
                }
                i += ident_run(&source[i..]);
                Kind::Word
            }
        };
        let text = &source[start..i];
        let text = if kind == Kind::Comment {
            text.trim_end()
        } else {
            text
        };
        tokens.push(Token {
            kind,
            text,
            start,
            newlines_before: newlines,
        });
        newlines = 0;
    }
    Ok(tokens)
}

/// Length in bytes of the run of identifier characters at the start of `text`.
fn ident_run(text: &str) -> usize {
    text.char_indices()
        .find(|&(_, c)| !scan::is_ident_continue(c))
        .map(|(i, _)| i)
        .unwrap_or(text.len())
}
