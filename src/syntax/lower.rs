//! pest pairs → typed syntax tree, from the pairs of the reference rules or of
//! the fast rules (derived from them by build/fast_rules.rs); values are
//! checked in `values`.

use std::borrow::Cow;

use pest::iterators::{Pair, Pairs};

use super::ast::*;
use super::language::{self, ValueKind};
use super::lex;
use super::parser::{Rule, canonical, is_keyword_rule};
use crate::diagnostic::{Code, Diagnostic, Label};
use crate::i18n::{Message, msg};
use crate::span::Span;

/// Parentheses nested deeper than this are refused with a diagnostic: a
/// documented, stack-independent limit (pest itself may refuse earlier on a
/// small thread stack, also with a diagnostic).
pub const MAX_CONDITION_DEPTH: usize = 256;

/// Sections nested deeper than this are refused with a diagnostic (lowering
/// and dropping the tree recurse once per section level).
pub const MAX_SECTION_DEPTH: usize = 64;

pub(crate) struct Lowerer<'s, 'd> {
    /// Byte offset of the parsed slice in the whole file.
    pub base: usize,
    pub diagnostics: &'d mut Vec<Diagnostic>,
    /// Set when a fast rule read a keyword as a name (fast names do not
    /// exclude keywords, see build/fast_rules.rs).
    pub keyword_as_name: bool,
    pub _marker: std::marker::PhantomData<&'s str>,
}

pub(super) type P<'s> = Pair<'s, Rule>;

/// The children of a pair, without keywords (pairs of the reference rules
/// only: the fast rules match them inline) and without the comments that the
/// fast rules keep as `comment_text` pairs (they skip white space inline).
/// Reference and fast pairs thus have the same children.
pub(super) struct Kids<'s>(Pairs<'s, Rule>);

impl<'s> Iterator for Kids<'s> {
    type Item = P<'s>;

    #[inline]
    fn next(&mut self) -> Option<P<'s>> {
        loop {
            let pair = self.0.next()?;
            let rule = pair.as_rule();
            if rule != Rule::comment_text && !is_keyword_rule(rule) {
                return Some(pair);
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.0.len()))
    }
}

pub(super) fn kids(pair: P<'_>) -> Kids<'_> {
    Kids(pair.into_inner())
}

/// The items (`item_rule` pairs) of a list: the kids of its `list_rule`
/// pair (`names`, `strings`; reference rules) or the kids themselves (fast
/// rules write the list in); punctuation pairs (`{`, `}`) are passed over.
pub(super) struct List<'s> {
    rest: Kids<'s>,
    inner: Option<Kids<'s>>,
    list_rule: Rule,
    item_rule: Rule,
}

pub(super) fn list(rest: Kids<'_>, list_rule: Rule, item_rule: Rule) -> List<'_> {
    List {
        rest,
        inner: None,
        list_rule,
        item_rule,
    }
}

impl<'s> Iterator for List<'s> {
    type Item = P<'s>;

    fn next(&mut self) -> Option<P<'s>> {
        loop {
            if let Some(item) = self.inner.as_mut().and_then(Iterator::next) {
                return Some(item);
            }
            let p = self.rest.next()?;
            let rule = rule_of(&p);
            if rule == self.item_rule || p.as_rule() == Rule::f_names {
                return Some(p);
            } else if rule == self.list_rule {
                self.inner = Some(kids(p));
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let inner = self.inner.as_ref().map_or(0, |k| k.0.len());
        (0, Some(inner + self.rest.0.len()))
    }
}

/// The keyword a statement's text starts with.
fn leading_keyword(text: &str) -> &str {
    let end = text
        .bytes()
        .position(|b| !(b.is_ascii_lowercase() || b == b'_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The reference rule of a pair (fast rules build the pairs of reference rules).
pub(super) fn rule_of(pair: &P<'_>) -> Rule {
    canonical(pair.as_rule())
}

impl<'s> Lowerer<'s, '_> {
    pub(super) fn span(&self, pair: &P<'s>) -> Span {
        let s = pair.as_span();
        Span::new(self.base + s.start(), self.base + s.end())
    }

    /// A syntax error at `span`: `message`, labelled with its `.label`
    /// attribute, helped by its `.help`.
    pub(super) fn error(&mut self, span: Span, message: Message, label: Message, help: Message) {
        let d = Diagnostic::new(Code::SyntaxError, message, Label::new(span, label));
        self.diagnostics.push(d.with_help(help));
    }

    /// Lowers one item pair (any of the `*_item` rules).
    /// `depth` counts the sections around the item (0 at top level).
    pub fn item(&mut self, pair: P<'s>, depth: usize) -> Option<Item<'s>> {
        let in_section = depth > 0;
        let span = self.span(&pair);
        let rule = rule_of(&pair);
        let text = pair.as_str();
        let mut inner = kids(pair);
        Some(match rule {
            Rule::plan_item => {
                let title = self.string(inner.next()?);
                let stmts = self.stmts(inner);
                Item::Plan(PlanHeader {
                    title,
                    stmts,
                    span,
                    keyword: Span::new(span.start(), span.start() + "plan".len()),
                    nested: in_section,
                })
            }
            Rule::section_item => {
                let title = self.string(inner.next()?);
                if depth >= MAX_SECTION_DEPTH {
                    self.error(
                        title.span,
                        msg!("syntax-sections-too-deep", max = MAX_SECTION_DEPTH),
                        msg!("syntax-sections-too-deep.label"),
                        msg!("syntax-sections-too-deep.help"),
                    );
                    return None;
                }
                let mut items = Items::default();
                let mut stmts = Vec::new();
                if let Some(block) = inner.next() {
                    for p in kids(block) {
                        match rule_of(&p) {
                            Rule::block_end | Rule::open_brace => {}
                            // (v1) `element NAME`
                            Rule::element_stmt => stmts.extend(self.stmt(p)),
                            _ => items.extend(self.item(p, depth + 1)),
                        }
                    }
                }
                Item::Section(Section {
                    title,
                    items,
                    stmts,
                    span,
                })
            }
            Rule::text_item => {
                let mut text = self.string(inner.next()?);
                text.span = span;
                Item::Text(text)
            }
            Rule::role_item
            | Rule::external_item
            | Rule::step_item
            | Rule::routine_item
            | Rule::drill_item => {
                let kind = match rule {
                    Rule::role_item => DeclKind::Role,
                    Rule::external_item => DeclKind::External,
                    Rule::step_item => DeclKind::Step,
                    Rule::routine_item => DeclKind::Routine,
                    _ => DeclKind::Drill,
                };
                let name = self.name(inner.next()?);
                let label = self.string(inner.next()?);
                let stmts = self.stmts(inner);
                Item::Decl(Decl {
                    kind,
                    name,
                    label,
                    stmts,
                    span,
                })
            }
            Rule::level_item => {
                let name = self.name(inner.next()?);
                let label = self.string(inner.next()?);
                // (v1) its block, if any (a block pair, or fast statements inline)
                let stmts = self.stmts(inner);
                Item::Level(Level {
                    name,
                    label,
                    stmts,
                    span,
                })
            }
            Rule::fact_item => {
                let name = self.name(inner.next()?);
                let label = self.string(inner.next()?);
                // `one_of { … }` is a pair; `count` and `flag` are keywords,
                // which the item's text ends with.
                let ty = match inner.find(|p| rule_of(p) == Rule::one_of_type) {
                    Some(one_of) if rule_of(&one_of) == Rule::one_of_type => FactType::OneOf(
                        kids(one_of)
                            .filter(|p| rule_of(p) == Rule::variant)
                            .filter_map(|v| {
                                let mut vi = kids(v);
                                let name = self.name(vi.next()?);
                                let label = self.string(vi.next()?);
                                Some(Variant { name, label })
                            })
                            .collect(),
                    ),
                    _ if text.ends_with("flag") => FactType::Flag,
                    // (v1)
                    _ if text.ends_with("number") => FactType::Number,
                    _ => FactType::Count,
                };
                Item::Fact(Fact {
                    name,
                    label,
                    ty,
                    span,
                })
            }
            Rule::trigger_item => {
                let name = self.name(inner.next()?);
                let label = self.string(inner.next()?);
                let condition = self.condition(inner.next()?);
                let level = inner
                    .next()
                    .and_then(|l| kids(l).find(|p| rule_of(p) == Rule::name))
                    .map(|n| self.name(n));
                Item::Trigger(Box::new(Trigger {
                    name,
                    label,
                    condition,
                    level,
                    span,
                }))
            }
            _ => return None,
        })
    }

    /// A `section_open` pair (`section "title" {`): the title and where the section starts.
    pub fn section_open(&mut self, pair: P<'s>) -> (Str<'s>, usize) {
        let start = self.span(&pair).start();
        let title = pair
            .into_inner()
            .find(|p| rule_of(p) == Rule::string)
            .map(|p| self.string(p))
            .unwrap_or(Str {
                value: Cow::Borrowed(""),
                span: Span::new(start, start),
            });
        (title, start)
    }

    /// The statements of an item: the kids of its block pair (reference
    /// rules), or the kids left (fast rules write the block in). A block's
    /// text starts with `{`, a statement's with its keyword.
    fn stmts(&mut self, mut rest: Kids<'s>) -> Vec<Stmt<'s>> {
        match rest.next() {
            Some(block) if block.as_str().starts_with('{') => self.statements(kids(block)),
            Some(first) => {
                let mut stmts = Vec::with_capacity(1 + rest.0.len());
                stmts.extend(self.stmt(first));
                for p in rest {
                    stmts.extend(self.stmt(p));
                }
                stmts
            }
            None => Vec::new(),
        }
    }

    fn statements(&mut self, pairs: Kids<'s>) -> Vec<Stmt<'s>> {
        let mut stmts = Vec::with_capacity(pairs.size_hint().1.unwrap_or(0));
        for p in pairs {
            if rule_of(&p) != Rule::block_end {
                stmts.extend(self.stmt(p));
            }
        }
        stmts
    }

    /// A statement pair (`owner_stmt`): its text starts with its keyword,
    /// which the language table turns into the statement and the kind of its
    /// value.
    pub(super) fn stmt(&mut self, pair: P<'s>) -> Option<Stmt<'s>> {
        let whole = self.span(&pair);
        let statement = language::statement(leading_keyword(pair.as_str()))?;
        let mut inner = kids(pair);
        let value = match statement.value {
            ValueKind::Str => Value::Str(self.string(inner.next()?)),
            ValueKind::Strs => {
                let strings = list(inner, Rule::strings, Rule::string);
                let mut values = Vec::with_capacity(strings.size_hint().1.unwrap_or(0));
                values.extend(strings.map(|s| self.string(s)));
                Value::Strs(values)
            }
            ValueKind::Name => Value::Name(self.name(inner.next()?)),
            ValueKind::Names => Value::Names(self.names(list(inner, Rule::names, Rule::name))),
            ValueKind::Duration => Value::Duration(Box::new(self.duration(inner.next()?))),
            ValueKind::Date => Value::Date(self.date(inner.next()?)),
            ValueKind::Escalation => {
                let target = self.name(inner.next()?);
                let within = inner.next().map(|d| Box::new(self.duration(d)));
                Value::Escalation { target, within }
            }
            // (v1) `within D [from S] [for NAMES]`
            ValueKind::Deadline => {
                let within = self.duration(inner.next()?);
                let (mut from, mut only_for) = (None, Vec::new());
                for part in inner {
                    match rule_of(&part) {
                        Rule::from_part => {
                            from = kids(part)
                                .find(|p| rule_of(p) == Rule::name)
                                .map(|n| self.name(n));
                        }
                        Rule::for_part => {
                            only_for = self.names(list(kids(part), Rule::names, Rule::name));
                        }
                        _ => {}
                    }
                }
                Value::Deadline(Box::new(Within {
                    within,
                    from,
                    only_for: only_for.into_boxed_slice(),
                }))
            }
            ValueKind::Revision => Value::Revision(Box::new(Revision {
                date: self.date(inner.next()?),
                note: self.string(inner.next()?),
            })),
            ValueKind::Kind => {
                let name = self.name(inner.next()?);
                Value::Kind(name, self.plan_kind(name)?)
            }
            ValueKind::Element => {
                let name = self.name(inner.next()?);
                Value::Element(name, self.element(name)?)
            }
        };
        // pest's pair takes the white space (and comments) that follow an
        // optional or repeated part; the statement ends at its last token.
        let span = Span::new(whole.start(), value.end().unwrap_or(whole.end()));
        Some(Stmt {
            keyword: statement.keyword,
            value,
            span,
        })
    }

    pub(super) fn name(&mut self, pair: P<'s>) -> Name<'s> {
        let text = pair.as_str();
        if pair.as_rule() == Rule::f_name && language::is_keyword(text) {
            self.keyword_as_name = true;
        }
        Name {
            text,
            span: self.span(&pair),
        }
    }

    pub(super) fn names(&mut self, pairs: List<'s>) -> Vec<Name<'s>> {
        let mut names = Vec::with_capacity(pairs.size_hint().1.unwrap_or(0));
        for pair in pairs {
            match pair.as_rule() {
                Rule::f_names => self.lexed_names(pair, &mut names),
                _ => names.push(self.name(pair)),
            }
        }
        names
    }

    /// The names of a list the fast rules read as one pair (`f_names`): the
    /// rule has matched each name, so only what stands between them is told
    /// apart here — white space, commas and comments (`lex`'s) — in one pass
    /// over the bytes (the lexer's tokens cost a parse of the 5 MB synthetic
    /// plan 4%). A keyword among them is flagged as `name` flags it.
    fn lexed_names(&mut self, pair: P<'s>, names: &mut Vec<Name<'s>>) {
        let text = pair.as_str();
        let base = self.span(&pair).start();
        let bytes = text.as_bytes();
        // A name a comma (one more only when a comment holds a comma).
        names.reserve_exact(1 + memchr::memchr_iter(b',', bytes).count());
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            if b == b'#' {
                at = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
                continue;
            }
            if b == b',' || lex::is_space(char::from(b)) {
                at += 1;
                continue;
            }
            let start = at;
            while bytes
                .get(at)
                .is_some_and(|&b| !(b == b',' || b == b'#' || lex::is_space(char::from(b))))
            {
                at += 1;
            }
            let name = &text[start..at];
            if language::is_keyword(name) {
                self.keyword_as_name = true;
            }
            names.push(Name {
                text: name,
                span: Span::new(base + start, base + at),
            });
        }
    }
}
