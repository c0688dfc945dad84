//! Renaming a name everywhere it is written. Keywords, labels and comments are
//! not names and are refused with a reason, and so is a file that does not
//! parse (the uses in the unreadable part would be missed).

use super::tokens::{self, TokenKind};
use super::{Analysis, Key, Target};
use crate::span::Span;
use crate::syntax::lex;

/// The name under the cursor that a rename would change, and its text; or
/// why there is nothing to rename there.
pub fn prepare(a: &Analysis, offset: usize) -> Result<(Span, String), String> {
    if let Some(i) = tokens::at(a.tokens(), offset) {
        let t = a.tokens()[i];
        let text = t.text(a.source);
        match t.kind {
            TokenKind::Keyword => {
                return Err(format!(
                    "`{text}` is a keyword of the plan language; only names can be renamed"
                ));
            }
            TokenKind::String { .. } => {
                return Err(
                    "this is a label (text in quotes), not a name: edit the text itself".into(),
                );
            }
            TokenKind::Comment => return Err("this is a comment, not a name".into()),
            _ => {}
        }
    }
    // Names inside text that does not parse are not seen: a rename would
    // miss them and leave the plan half renamed.
    if !a.parses() {
        return Err(
            "the file has syntax errors: fix them first, so that every use of the name is found"
                .into(),
        );
    }
    let occurrence = a.occurrence_at(offset);
    let Some(key) = a.key_at(offset) else {
        return Err("there is no name here to rename".into());
    };
    if a.resolve(key).is_none() {
        return Err(format!(
            "`{}` is not defined, so there is nothing to rename",
            key.text()
        ));
    }
    let span = match occurrence {
        Some(o) => o.span,
        None => {
            let i = tokens::at(a.tokens(), offset).ok_or("there is no name here to rename")?;
            a.tokens()[i].span
        }
    };
    Ok((span, key.text().to_string()))
}

/// The edits that rename the name under the cursor to `new_name`: every
/// occurrence, definitions included.
pub fn rename(a: &Analysis, offset: usize, new_name: &str) -> Result<Vec<(Span, String)>, String> {
    prepare(a, offset)?;
    let key = a.key_at(offset).ok_or("there is no name here to rename")?;
    a.resolve(key).ok_or("the name is not defined")?;
    check_name(new_name)?;
    if new_name == key.text() {
        return Ok(Vec::new());
    }
    let taken = match key {
        Key::Name(_) => a.model.symbols.get(new_name).map(|s| {
            let kind = a.kind(Target::Symbol(*s));
            format!("{} {}", kind.article(), kind.word())
        }),
        Key::Variant { fact, .. } => a
            .occurrences
            .iter()
            .any(|o| {
                o.definition
                    && o.key(a.source)
                        == Key::Variant {
                            fact,
                            variant: new_name,
                        }
            })
            .then(|| format!("a variant of `{fact}`")),
    };
    if let Some(what) = taken {
        return Err(format!("`{new_name}` is already the name of {what}"));
    }
    Ok(a.occurrences
        .iter()
        .filter(|o| o.key(a.source) == key)
        .map(|o| (o.span, new_name.to_string()))
        .collect())
}

/// Whether `name` is a valid name: an identifier that is not a keyword.
fn check_name(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    let valid = chars.next().is_some_and(lex::is_ident_start) && chars.all(lex::is_ident_continue);
    if !valid {
        return Err(format!(
            "`{name}` is not a valid name: a name starts with a letter or `_` and goes on with letters, digits, `_` or `-`"
        ));
    }
    if crate::syntax::language::is_keyword(name) {
        return Err(format!("`{name}` is a keyword and cannot be a name"));
    }
    Ok(())
}
