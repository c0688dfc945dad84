//! Where the cursor stands: the block around it (read from `{` and `}` in the
//! tokens before it, so it works in text that does not parse) and the
//! statement keywords that block allows.

use super::Analysis;
use crate::ide::tokens::{Token, TokenKind};
use crate::syntax::scan::ITEM_KEYWORDS;

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

/// Item keywords, `plan` first.
const TOP_LEVEL: &[&str] = crate::syntax::scan::ITEM_KEYWORDS;
const PLAN: &[&str] = &[
    "issuer",
    "date",
    "basis",
    "scope",
    "commander",
    "version",
    "text",
];
const ROLE: &[&str] = &[
    "holder",
    "phone",
    "deputy",
    "duty",
    "escalates to",
    "members",
    "text",
];
const EXTERNAL: &[&str] = &["holder", "phone", "text"];
const STEP: &[&str] = &[
    "owner", "on", "after", "with", "within", "notify", "until", "text",
];
const ROUTINE: &[&str] = &["owner", "with", "every", "text"];
/// Attributes that may be given once per block (spec §2).
const SINGLE: &[&str] = &[
    "owner",
    "within",
    "until",
    "holder",
    "deputy",
    "every",
    "issuer",
    "date",
    "scope",
    "commander",
    "version",
];

/// True when the tokens end inside a trigger's condition: a `when` follows
/// the last item keyword.
pub(super) fn in_condition(src: &str, tokens: &[Token]) -> bool {
    for t in tokens.iter().rev() {
        if t.kind == TokenKind::Keyword {
            let text = t.text(src);
            if text == "when" {
                return true;
            }
            if ITEM_KEYWORDS.contains(&text) {
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
        return match (k.text(src), back) {
            ("plan", 2) => Block::Plan,
            ("section", 2) => Block::Section,
            ("role", 3) => Block::Role(name),
            ("external", 3) => Block::External,
            ("step", 3) => Block::Step(name),
            ("routine" | "drill", 3) => Block::Routine,
            _ => continue,
        };
    }
    Block::Unknown
}

/// The statement keywords `block` allows, without single attributes already
/// given in `stmts` (the block's tokens so far).
pub(super) fn statement_keywords(a: &Analysis, block: Block, stmts: &[Token]) -> Vec<&'static str> {
    let allowed: Vec<&'static str> = match block {
        Block::TopLevel if a.model.header.is_none() => TOP_LEVEL.to_vec(),
        Block::TopLevel | Block::Section => TOP_LEVEL[1..].to_vec(),
        Block::Plan => PLAN.to_vec(),
        Block::Role(_) => ROLE.to_vec(),
        Block::External => EXTERNAL.to_vec(),
        Block::Step(_) => STEP.to_vec(),
        Block::Routine => ROUTINE.to_vec(),
        Block::Variants | Block::Membership(_) | Block::Unknown => Vec::new(),
    };
    if matches!(block, Block::TopLevel | Block::Section) {
        return allowed;
    }
    // Statements at this block's own depth only.
    let mut depth = 0usize;
    let mut given = Vec::new();
    for t in stmts {
        match t.kind {
            TokenKind::Punct('{') => depth += 1,
            TokenKind::Punct('}') => depth = depth.saturating_sub(1),
            TokenKind::Keyword if depth == 0 => given.push(t.text(a.source)),
            _ => {}
        }
    }
    // `escalates to x within 10m` is not the step attribute `within`.
    allowed
        .into_iter()
        .filter(|k| !(SINGLE.contains(k) && given.contains(k)))
        .collect()
}
