//! Completion that knows where the cursor is, read from the tokens before it
//! (the item being typed rarely parses): roles after `owner`, roles and
//! externals after `with`/`notify`/`escalates to`, triggers after `on`, steps
//! after `after`, a fact's variants inside `in { }`, and at the start of a
//! statement the keywords the enclosing block allows.

mod blocks;

use super::tokens::{self, Token, TokenKind};
use super::{Analysis, NameKind};
use crate::model::{FactType, Symbol};
use crate::span::Span;
use crate::syntax::language::{self, Place};
use blocks::{Block, enclosing_block, in_condition, statement_keywords};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    /// The named item's label (its Chinese title); none for keywords.
    pub detail: Option<String>,
    pub kind: CompletionKind,
    /// The text to insert.
    pub insert: String,
    /// What the insertion replaces: the part of the word already typed.
    pub replace: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    Keyword,
    Name(NameKind),
}

/// What may be typed at the cursor.
enum Want<'s> {
    Nothing,
    Names(&'static [NameKind]),
    Variants(Option<&'s str>),
    Keywords(Vec<&'static str>),
    /// Names of facts and triggers, and `not`: inside a trigger's condition.
    ConditionAtom,
}

const ROLES: &[NameKind] = &[NameKind::Role];
const PARTIES: &[NameKind] = &[NameKind::Role, NameKind::External];
const TRIGGERS: &[NameKind] = &[NameKind::Trigger];
const STEPS: &[NameKind] = &[NameKind::Step];
const LEVELS: &[NameKind] = &[NameKind::Level];

pub fn complete(a: &Analysis, offset: usize) -> Vec<Completion> {
    let offset = crate::span::floor_char_boundary(a.source, offset.min(a.source.len()));
    let toks = a.tokens();
    // The word being typed, if the cursor stands in or right after one.
    let (replace, before) = match tokens::at(toks, offset) {
        Some(i) if toks[i].span.start() < offset || toks[i].span.end() == offset => {
            let t = toks[i];
            match t.kind {
                TokenKind::Name | TokenKind::Keyword => (Span::new(t.span.start(), offset), i),
                // Inside a string, a comment or a number: nothing to offer.
                _ => return Vec::new(),
            }
        }
        _ => (
            Span::new(offset, offset),
            toks.partition_point(|t| t.span.end() <= offset),
        ),
    };
    // A comment running up to the cursor.
    if let Some(t) = before.checked_sub(1).and_then(|i| toks.get(i))
        && t.kind == TokenKind::Comment
        && t.span.end() >= offset
        && !a.source[t.span.end()..offset.max(t.span.end())].contains('\n')
    {
        return Vec::new();
    }
    // Right after a value, with no space: the value is still being typed.
    if let Some(t) = before.checked_sub(1).and_then(|i| toks.get(i))
        && t.span.end() == offset
        && matches!(t.kind, TokenKind::Number | TokenKind::String { .. })
    {
        return Vec::new();
    }
    let previous: Vec<Token> = toks[..before]
        .iter()
        .copied()
        .filter(|t| t.is_significant())
        .collect();
    let want = want(a, &previous);
    candidates(a, want, &previous, replace)
}

/// The significant tokens before the cursor decide what fits there.
fn want<'s>(a: &Analysis<'s>, prev: &[Token]) -> Want<'s> {
    let src = a.source;
    let (block, block_start) = enclosing_block(src, prev);
    let Some(&last) = prev.last() else {
        return Want::Keywords(statement_keywords(a, block, &[]));
    };
    let text = last.text(src);
    match last.kind {
        TokenKind::String { closed: false } | TokenKind::Operator => {
            return Want::Nothing;
        }
        TokenKind::Keyword => {
            return match text {
                "owner" | "commander" => Want::Names(ROLES),
                "deputy" | "with" | "notify" | "members" | "to" => Want::Names(PARTIES),
                "on" => Want::Names(TRIGGERS),
                "after" => Want::Names(STEPS),
                "escalates" => Want::Keywords(vec!["to"]),
                "level" if in_condition(src, &prev[block_start..prev.len() - 1]) => {
                    Want::Names(LEVELS)
                }
                "when" | "and" | "or" | "not" => Want::ConditionAtom,
                _ => Want::Nothing,
            };
        }
        TokenKind::Punct(':') => {
            let types = language::WORDS
                .iter()
                .filter(|w| w.place == Place::FactType);
            return Want::Keywords(types.map(|w| w.text).collect());
        }
        TokenKind::Punct('(') => return Want::ConditionAtom,
        TokenKind::Punct(',') => return list_head(src, prev),
        TokenKind::Punct('{') => {
            if let Block::Membership(fact) = block {
                return Want::Variants(fact);
            }
        }
        TokenKind::Name => {
            // `role NAME |`, `fact NAME |`: a label comes next, not a keyword.
            if let Some(before) = prev.len().checked_sub(2).map(|i| prev[i])
                && before.kind == TokenKind::Keyword
                && language::is_item_keyword(before.text(src))
            {
                return Want::Nothing;
            }
        }
        _ => {}
    }
    if matches!(
        block,
        Block::Variants | Block::Membership(_) | Block::Unknown
    ) {
        return Want::Nothing;
    }
    let mut keywords = statement_keywords(a, block, &prev[block_start..]);
    let statement = &prev[block_start..];
    // `escalates to NAME |` may go on with `within`.
    if let [.., k, _, t] = statement
        && k.is_keyword(src, "escalates")
        && t.kind == TokenKind::Name
    {
        keywords.insert(0, "within");
    }
    // After a complete condition atom, the condition may go on.
    if matches!(block, Block::TopLevel | Block::Section) && in_condition(src, statement) {
        keywords.retain(|k| *k != "level");
        keywords.splice(0..0, ["and", "or", "level"]);
    }
    Want::Keywords(keywords)
}

/// `with a, b, |`: the keyword that opened the list decides.
fn list_head<'s>(src: &'s str, prev: &[Token]) -> Want<'s> {
    let mut i = prev.len();
    // Walk back over `NAME ,` pairs.
    while i >= 2 && prev[i - 1].kind == TokenKind::Punct(',') && prev[i - 2].kind == TokenKind::Name
    {
        i -= 2;
    }
    let Some(head) = i.checked_sub(1).map(|i| prev[i]) else {
        return Want::Nothing;
    };
    match (head.kind, head.text(src)) {
        (TokenKind::Keyword, "with" | "notify" | "members") => Want::Names(PARTIES),
        (TokenKind::Keyword, "on") => Want::Names(TRIGGERS),
        (TokenKind::Keyword, "after") => Want::Names(STEPS),
        (TokenKind::Punct('{'), _) => match i.checked_sub(3).map(|j| (prev[j], prev[j + 1])) {
            Some((fact, kw)) if kw.is_keyword(src, "in") && fact.kind == TokenKind::Name => {
                Want::Variants(Some(fact.text(src)))
            }
            _ => Want::Nothing,
        },
        _ => Want::Nothing,
    }
}

fn candidates(a: &Analysis, want: Want, prev: &[Token], replace: Span) -> Vec<Completion> {
    let keyword = |k: &'static str| Completion {
        label: k.to_string(),
        detail: None,
        kind: CompletionKind::Keyword,
        insert: k.to_string(),
        replace,
    };
    match want {
        Want::Nothing => Vec::new(),
        Want::Keywords(words) => words.into_iter().map(keyword).collect(),
        Want::Names(kinds) => names(a, kinds, own_name(a, prev), replace),
        Want::ConditionAtom => {
            // A trigger whose condition names itself loops.
            let own = prev
                .iter()
                .rposition(|t| t.is_keyword(a.source, "trigger"))
                .and_then(|i| prev.get(i + 1))
                .filter(|t| t.kind == TokenKind::Name)
                .map(|t| t.text(a.source));
            let mut out = names(a, &[NameKind::Fact, NameKind::Trigger], own, replace);
            out.push(keyword("not"));
            out
        }
        Want::Variants(fact) => variants(a, fact, prev, replace),
    }
}

/// The name of the step or role whose block the cursor is in: it should not
/// come `after` itself or escalate to itself.
fn own_name<'s>(a: &Analysis<'s>, prev: &[Token]) -> Option<&'s str> {
    match enclosing_block(a.source, prev).0 {
        Block::Role(name) | Block::Step(name) => name,
        _ => None,
    }
}

fn names(a: &Analysis, kinds: &[NameKind], skip: Option<&str>, replace: Span) -> Vec<Completion> {
    let mut out: Vec<Completion> = a
        .model
        .symbols
        .iter()
        .filter(|(name, _)| Some(*name) != skip)
        .filter_map(|(name, symbol)| {
            let kind = a.kind(super::Target::Symbol(*symbol));
            kinds.contains(&kind).then(|| Completion {
                label: name.to_string(),
                detail: Some(label_of(a, *symbol)),
                kind: CompletionKind::Name(kind),
                insert: name.to_string(),
                replace,
            })
        })
        .collect();
    // In the order they are defined: the plan's own order reads best.
    out.sort_by_key(|c| {
        a.model
            .symbols
            .get(c.label.as_str())
            .map(|s| a.definition_span(super::Target::Symbol(*s)).start())
    });
    out
}

fn label_of(a: &Analysis, symbol: Symbol) -> String {
    let m = &a.model;
    let named = match symbol {
        Symbol::Role(id) => &m.role(id).named,
        Symbol::External(id) => &m.external(id).named,
        Symbol::Fact(id) => &m.fact(id).named,
        Symbol::Level(id) => &m.levels[id.index()].named,
        Symbol::Trigger(id) => &m.trigger(id).named,
        Symbol::Step(id) => &m.step(id).named,
        Symbol::Routine(id) => &m.routines[id.index()].named,
    };
    m.label(named).to_string()
}

/// The variants of `fact` not yet listed in this `{ … }`.
fn variants(a: &Analysis, fact: Option<&str>, prev: &[Token], replace: Span) -> Vec<Completion> {
    let Some(Symbol::Fact(id)) = fact.and_then(|f| a.model.symbols.get(f)).copied() else {
        return Vec::new();
    };
    let FactType::OneOf(variants) = &a.model.fact(id).ty else {
        return Vec::new();
    };
    let open = prev
        .iter()
        .rposition(|t| t.kind == TokenKind::Punct('{'))
        .unwrap_or(0);
    let listed: Vec<&str> = prev[open..].iter().map(|t| t.text(a.source)).collect();
    variants
        .iter()
        .filter(|v| !listed.contains(&v.name))
        .map(|v| Completion {
            label: v.name.to_string(),
            detail: Some(v.label.value.to_string()),
            kind: CompletionKind::Name(NameKind::Variant),
            insert: v.name.to_string(),
            replace,
        })
        .collect()
}
