//! Quick fixes for diagnostics whose fix is unambiguous: the diagnostic's
//! own `Repair` (a syntax slip: a Chinese keyword, a full-width character,
//! a duration or date written the Chinese way …), a "did you mean" of an
//! undefined name, and every full-width punctuation mark of the file at once.

use super::Analysis;
use super::tokens::TokenKind;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::{Arg, Message, msg};
use crate::span::Span;
use crate::syntax::ascii_for;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the editor's menu shows, in the language it is shown in.
    pub title: Message,
    /// Replacements, not overlapping, in source order.
    pub edits: Vec<(Span, String)>,
    /// The index of the diagnostic it fixes, in the list given.
    pub diagnostic: Option<usize>,
    /// The fix to apply when the editor applies "the" fix.
    pub preferred: bool,
}

/// The fixes for the diagnostics that touch `range`.
pub fn fixes(a: &Analysis, diagnostics: &[Diagnostic], range: Span) -> Vec<Fix> {
    let mut out = Vec::new();
    let mut full_width = false;
    for (i, d) in diagnostics.iter().enumerate() {
        let span = d.primary.span;
        if span.start() > range.end() || range.start() > span.end() {
            continue;
        }
        if let Some(repair) = d.repair() {
            full_width |= is_full_width(a.text(d.primary.span));
            out.push(Fix {
                title: repair.title.clone(),
                edits: repair.edits.clone(),
                diagnostic: Some(i),
                preferred: true,
            });
        } else if let Some(fix) = did_you_mean(a, d, i) {
            out.push(fix);
        }
    }
    if full_width {
        let edits = all_full_width(a);
        if edits.len() > 1 {
            out.push(Fix {
                title: msg!("fix-replace-all", count = edits.len()),
                edits,
                diagnostic: None,
                preferred: false,
            });
        }
    }
    out
}

/// `help: did you mean `office`?` → replace the primary span.
fn did_you_mean(a: &Analysis, d: &Diagnostic, index: usize) -> Option<Fix> {
    if d.code != Code::UndefinedName {
        return None;
    }
    let help = d.help.as_ref().filter(|h| h.id() == "did-you-mean")?;
    let Some(Arg::Text(suggestion)) = help.arg("name") else {
        return None;
    };
    let old = a.text(d.primary.span);
    if old.is_empty() || suggestion.contains('`') {
        return None;
    }
    Some(Fix {
        title: msg!("fix-replace", old = old, new = suggestion),
        edits: vec![(d.primary.span, suggestion.to_string())],
        diagnostic: Some(index),
        preferred: true,
    })
}

/// One pasted full-width character.
fn is_full_width(text: &str) -> bool {
    let mut chars = text.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if ascii_for(c).is_some())
}

/// Every full-width punctuation mark outside strings and comments.
fn all_full_width(a: &Analysis) -> Vec<(Span, String)> {
    a.tokens()
        .iter()
        .filter_map(|t| match t.kind {
            TokenKind::Other(c) => ascii_for(c).map(|(ascii, _)| (t.span, ascii.to_string())),
            _ => None,
        })
        .collect()
}
