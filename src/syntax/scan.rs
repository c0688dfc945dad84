//! Reading raw source text where pest gives no tree, with the lexer (`lex`):
//! choosing where to resume after a syntax error and finding the string a
//! missing quote left open.

use super::language;
use super::lex::{self, TokenKind};

/// Where to resume after a syntax error in the item that began at `item_start`
/// and failed at `error_at`: the start of the first line at or after the error
/// that begins, in column 1, with an item keyword (outside strings and
/// comments). `None` when there is none.
pub fn resume_point(source: &str, item_start: usize, error_at: usize) -> Option<usize> {
    let error_line = source[..error_at.min(source.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    // Never resume at or before the item that failed: that would loop.
    let first_token = first_token(source, item_start)?;
    lex::tokens(source, first_token)
        .filter(|t| t.is_word())
        .map(|t| t.span.start())
        .find(|&start| {
            start > first_token
                && start >= error_line
                && (start == 0 || source.as_bytes()[start - 1] == b'\n')
                && lex::word_at(source, start).is_some_and(language::is_item_keyword)
        })
}

/// Where the first token at or after `from` starts, past white space,
/// comments and `;`.
fn first_token(source: &str, from: usize) -> Option<usize> {
    lex::tokens(source, from)
        .find(|t| !matches!(t.kind, TokenKind::Comment | TokenKind::Punct(';')))
        .map(|t| t.span.start())
}

/// String literals that start in `source[from..to]` (`from` a token
/// boundary), as `(start, end)` byte ranges; an unterminated one has
/// `end == None`.
pub fn strings(source: &str, from: usize, to: usize) -> Vec<(usize, Option<usize>)> {
    lex::tokens(source, from)
        .take_while(|t| t.span.start() < to)
        .filter_map(|t| match t.kind {
            TokenKind::String { closed } => Some((t.span.start(), closed.then_some(t.span.end()))),
            _ => None,
        })
        .collect()
}
