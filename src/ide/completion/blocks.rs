//! Where the cursor stands: the block around it (read from `{` and `}` in the
//! tokens before it, so it works in text that does not parse) and the
//! statement keywords that block allows.

use super::Analysis;
use crate::ide::tokens::{Token, TokenKind};
use crate::syntax::language::{self, Block as Lang};

/// The block the cursor stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Block<'s> {
    TopLevel,
    Section,
    Plan,
    Role(Option<&'s str>),
    External,
    Step(Option<&'s str>),
    Routine,
    /// `one_of { … }`: variants are being defined.
    Variants,
    /// `FACT in { … }`.
    Membership(Option<&'s str>),
    Unknown,
}

/// True when the tokens end inside a trigger's condition: a `when` follows
/// the last item keyword.
pub(super) fn in_condition(src: &str, tokens: &[Token]) -> bool {
    for t in tokens.iter().rev() {
        if t.kind == TokenKind::Keyword {
            let text = t.text(src);
            if text == "when" {
                return true;
            }
            if language::is_item_keyword(text) {
                return false;
            }
        }
        if matches!(t.kind, TokenKind::Punct('{' | '}' | ';')) {
            return false;
        }
    }
    false
}

/// The innermost block around the end of `prev`, and the index in `prev`
/// just after its opening `{` (0 at top level).
pub(super) fn enclosing_block<'s>(src: &'s str, prev: &[Token]) -> (Block<'s>, usize) {
    let mut stack: Vec<(Block<'s>, usize)> = Vec::new();
    for (i, t) in prev.iter().enumerate() {
        match t.kind {
            TokenKind::Punct('{') => stack.push((opened_block(src, &prev[..i]), i + 1)),
            TokenKind::Punct('}') => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop().unwrap_or((Block::TopLevel, 0))
}

/// What kind of block a `{` after `before` opens: `role NAME "label" {`,
/// `section "title" {`, `FACT in {`, `one_of {`.
pub(super) fn opened_block<'s>(src: &'s str, before: &[Token]) -> Block<'s> {
    let n = before.len();
    let last = |k: usize| n.checked_sub(k).map(|i| before[i]);
    if let Some(t) = last(1)
        && t.kind == TokenKind::Keyword
    {
        return match t.text(src) {
            "in" => Block::Membership(
                last(2)
                    .filter(|f| f.kind == TokenKind::Name)
                    .map(|f| f.text(src)),
            ),
            "one_of" => Block::Variants,
            _ => Block::Unknown,
        };
    }
    // `KEYWORD "title" {` or `KEYWORD NAME "label" {`
    for back in [2, 3] {
        let Some(k) = last(back) else { continue };
        if k.kind != TokenKind::Keyword {
            continue;
        }
        let name = (back == 3)
            .then(|| last(2))
            .flatten()
            .filter(|t| t.kind == TokenKind::Name)
            .map(|t| t.text(src));
        // Items with a block have a name, but for `plan` and `section`.
        let Some(opens) = language::item(k.text(src)).and_then(|i| i.opens) else {
            continue;
        };
        return match (opens, back) {
            (Lang::Plan, 2) => Block::Plan,
            (Lang::Section, 2) => Block::Section,
            (Lang::Role, 3) => Block::Role(name),
            (Lang::External, 3) => Block::External,
            (Lang::Step, 3) => Block::Step(name),
            (Lang::Routine, 3) => Block::Routine,
            _ => continue,
        };
    }
    Block::Unknown
}

/// The statement keywords `block` allows, without single attributes already
/// given in `stmts` (the block's tokens so far).
pub(super) fn statement_keywords(a: &Analysis, block: Block, stmts: &[Token]) -> Vec<&'static str> {
    let lang = match block {
        Block::TopLevel => Lang::File,
        Block::Section => Lang::Section,
        Block::Plan => Lang::Plan,
        Block::Role(_) => Lang::Role,
        Block::External => Lang::External,
        Block::Step(_) => Lang::Step,
        Block::Routine => Lang::Routine,
        Block::Variants | Block::Membership(_) | Block::Unknown => return Vec::new(),
    };
    if matches!(block, Block::TopLevel | Block::Section) {
        // One `plan` header per file.
        let header = a.model.header.is_some();
        let items = language::items_in(lang)
            .filter(|i| !(header && i.opens == Some(Lang::Plan)))
            .map(|i| i.text);
        // (v1) a section's own statement (`element`), after its items
        return items
            .chain(language::statements_of(lang).map(|s| s.words))
            .collect();
    }
    // Statements at this block's own depth only.
    // A contextual keyword (a name to the lexer) counts where a statement
    // starts: first in the block, after `;` or at the start of a line.
    let mut depth = 0usize;
    let mut given = Vec::new();
    let mut statement_start = true;
    for t in stmts {
        match t.kind {
            TokenKind::Punct('{') => depth += 1,
            TokenKind::Punct('}') => depth = depth.saturating_sub(1),
            TokenKind::Keyword if depth == 0 => given.push(t.text(a.source)),
            // (v1) a contextual keyword where a statement starts
            TokenKind::Name if depth == 0 && (statement_start || t.newlines_before > 0) => {
                given.push(t.text(a.source))
            }
            _ => {}
        }
        statement_start = matches!(t.kind, TokenKind::Punct('{' | ';'));
    }
    // `escalates to x within 10m` is not the step attribute `within`.
    language::statements_of(lang)
        .filter(|s| !(s.once && given.contains(&s.text)))
        .map(|s| s.words)
        .collect()
}
