//! Quick fixes for diagnostics whose fix is unambiguous: a "did you mean"
//! replacement, and full-width punctuation typed by a Chinese input method
//! replaced by its ASCII character.

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
        if span.start > range.end || range.start > span.end {
            continue;
        }
        if let Some(fix) = did_you_mean(a, d, i) {
            out.push(fix);
        } else if let Some(fix) = ascii_punctuation(a, d, i) {
            full_width = true;
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
    if !matches!(d.code, Code::UndefinedName | Code::SyntaxError) {
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

/// A syntax error at a full-width character → its ASCII character.
fn ascii_punctuation(a: &Analysis, d: &Diagnostic, index: usize) -> Option<Fix> {
    if d.code != Code::SyntaxError {
        return None;
    }
    let text = a.text(d.primary.span);
    let mut chars = text.chars();
    let (c, None) = (chars.next()?, chars.next()) else {
        return None;
    };
    let (ascii, what) = ascii_for(c)?;
    Some(Fix {
        title: msg!(
            "fix-replace-character",
            char = c.to_string(),
            what = what,
            ascii = ascii
        ),
        edits: vec![(d.primary.span, ascii.to_string())],
        diagnostic: Some(index),
        preferred: true,
    })
}

/// Every full-width punctuation mark outside strings and comments.
fn all_full_width(a: &Analysis) -> Vec<(Span, String)> {
    a.tokens
        .iter()
        .filter_map(|t| match t.kind {
            TokenKind::Other(c) => ascii_for(c).map(|(ascii, _)| (t.span, ascii.to_string())),
            _ => None,
        })
        .collect()
}
