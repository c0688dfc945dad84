//! Semantic highlighting: keywords, labels, comments, values, and each name
//! coloured by what it names (roles, triggers, steps, …), resolved by the model.

use super::tokens::TokenKind;
use super::{Analysis, NameKind};
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HighlightKind {
    Keyword,
    String,
    Comment,
    Number,
    Operator,
    Name(NameKind),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Highlight {
    pub span: Span,
    pub kind: HighlightKind,
    /// The name where it is defined.
    pub definition: bool,
}

/// Highlights in source order, not overlapping. Names that resolve to nothing
/// get none (they are already underlined by a diagnostic).
pub fn highlights(a: &Analysis) -> Vec<Highlight> {
    let mut out = Vec::with_capacity(a.tokens().len());
    let mut occurrences = a.occurrences.iter().peekable();
    for t in a.tokens() {
        let kind = match t.kind {
            TokenKind::Keyword => HighlightKind::Keyword,
            TokenKind::String { .. } => HighlightKind::String,
            TokenKind::Comment => HighlightKind::Comment,
            TokenKind::Number => HighlightKind::Number,
            TokenKind::Operator => HighlightKind::Operator,
            TokenKind::Name => {
                while occurrences
                    .next_if(|o| o.span.start() < t.span.start())
                    .is_some()
                {}
                let (key, definition) = match occurrences.peek() {
                    Some(o) if o.span == t.span => (o.key(a.source), o.definition),
                    // A name in an item that does not parse.
                    _ => (super::Key::Name(t.text(a.source)), false),
                };
                if let Some(target) = a.resolve(key) {
                    out.push(Highlight {
                        span: t.span,
                        kind: HighlightKind::Name(a.kind(target)),
                        definition,
                    });
                }
                continue;
            }
            TokenKind::Punct(_) | TokenKind::Other(_) => continue,
        };
        out.push(Highlight {
            span: t.span,
            kind,
            definition: false,
        });
    }
    out
}
