//! pest pairs → typed syntax tree, from the pairs of the reference rules or of
//! the fast rules (see grammar/plan.pest); values are checked in `values`.

use std::borrow::Cow;

use pest::iterators::{Pair, Pairs};

use super::ast::*;
use super::language::{self, ValueKind};
use super::parser::{Rule, canonical, is_fast_statement, keyword_inline};
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
    /// Set when a fast rule read a keyword as a name (see grammar/plan.pest).
    pub keyword_as_name: bool,
    pub _marker: std::marker::PhantomData<&'s str>,
}

pub(super) type P<'s> = Pair<'s, Rule>;

/// The children of a pair, without the comments that the fast rules keep as
/// `comment_text` pairs (they skip white space inline, see grammar/plan.pest).
pub(super) struct Kids<'s>(Pairs<'s, Rule>);

impl<'s> Iterator for Kids<'s> {
    type Item = P<'s>;

    #[inline]
    fn next(&mut self) -> Option<P<'s>> {
        loop {
            let pair = self.0.next()?;
            if pair.as_rule() != Rule::comment_text {
                return Some(pair);
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.0.len()))
    }
}

fn kids(pair: P<'_>) -> Kids<'_> {
    Kids(pair.into_inner())
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
fn rule_of(pair: &P<'_>) -> Rule {
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
        let inline = keyword_inline(pair.as_rule());
        // A fast item has its statements inline, not in a block pair.
        let fast = pair.as_rule() != canonical(pair.as_rule());
        let rule = rule_of(&pair);
        let mut inner = kids(pair);
        if !inline && rule != Rule::plan_item {
            inner.next()?;
        }
        Some(match rule {
            Rule::plan_item => {
                let keyword = inner.next()?;
                let title = self.string(inner.next()?);
                let stmts = self.stmts(inner, fast);
                Item::Plan(PlanHeader {
                    title,
                    stmts,
                    span,
                    keyword: self.span(&keyword),
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
                let mut items = Vec::new();
                if let Some(block) = inner.next() {
                    for p in kids(block) {
                        if !matches!(rule_of(&p), Rule::block_end | Rule::open_brace) {
                            items.extend(self.item(p, depth + 1));
                        }
                    }
                }
                Item::Section(Section { title, items, span })
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
                let stmts = self.stmts(inner, fast);
                Item::Decl(Decl {
                    kind,
                    name,
                    label,
                    stmts,
                    span,
                })
            }
            Rule::level_item => Item::Level(Level {
                name: self.name(inner.next()?),
                label: self.string(inner.next()?),
                span,
            }),
            Rule::fact_item => {
                let name = self.name(inner.next()?);
                let label = self.string(inner.next()?);
                let _colon = inner.next()?;
                let ty_pair = inner.next()?;
                let ty = match rule_of(&ty_pair) {
                    Rule::kw_count => FactType::Count,
                    Rule::kw_flag => FactType::Flag,
                    _ => FactType::OneOf(
                        ty_pair
                            .into_inner()
                            .filter(|p| rule_of(p) == Rule::variant)
                            .filter_map(|v| {
                                let mut vi = kids(v);
                                let name = self.name(vi.next()?);
                                let label = self.string(vi.next()?);
                                Some(Variant { name, label })
                            })
                            .collect(),
                    ),
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
                if !inline {
                    inner.next()?; // `when`
                }
                let condition = self.condition(inner.next()?);
                let level = inner
                    .next()
                    .and_then(|l| kids(l).find(|p| rule_of(p) == Rule::name))
                    .map(|n| self.name(n));
                Item::Trigger(Trigger {
                    name,
                    label,
                    condition,
                    level,
                    span,
                })
            }
            _ => return None,
        })
    }

    /// A `section_open` pair (`section "title" {`): the title and where the section starts.
    pub fn section_open(&mut self, pair: P<'s>) -> (Str<'s>, usize) {
        let start = self.span(&pair).start;
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

    /// The statements of an item: the pairs left (fast rules) or those of its
    /// block pair, if any (reference rules).
    fn stmts(&mut self, mut rest: Kids<'s>, fast: bool) -> Vec<Stmt<'s>> {
        if fast {
            self.statements(rest)
        } else {
            rest.next()
                .map(|block| self.statements(kids(block)))
                .unwrap_or_default()
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

    /// A statement pair: the reference rule of one statement (`owner_stmt`,
    /// its keyword a pair of its own) or a fast block rule (`f_step_stmt`, the
    /// keyword inline). Either way its text starts with its keyword, which the
    /// language table turns into the statement and the kind of its value.
    fn stmt(&mut self, pair: P<'s>) -> Option<Stmt<'s>> {
        // pest's pair takes the white space (and comments) that follow an
        // optional or repeated part; the statement ends at its last token.
        let whole = self.span(&pair);
        let last_token = pair
            .clone()
            .into_inner()
            .flatten()
            .filter(|p| {
                p.as_rule() != Rule::comment_text && p.clone().into_inner().next().is_none()
            })
            .map(|p| self.base + p.as_span().end())
            .max();
        let span = Span::new(whole.start, last_token.unwrap_or(whole.end));
        let inline = is_fast_statement(pair.as_rule());
        let statement = language::statement(leading_keyword(pair.as_str()))?;
        let mut inner = kids(pair);
        if !inline {
            inner.next()?;
        }
        let value = match statement.value {
            ValueKind::Str => Value::Str(self.string(inner.next()?)),
            ValueKind::Strs => Value::Strs(kids(inner.next()?).map(|s| self.string(s)).collect()),
            ValueKind::Name => Value::Name(self.name(inner.next()?)),
            ValueKind::Names => Value::Names(self.list(inner)?),
            ValueKind::Duration => Value::Duration(self.duration(inner.next()?)),
            ValueKind::Date => Value::Date(self.date(inner.next()?)),
            ValueKind::Escalation => {
                // `to` and `within` are pairs of the reference rule only
                let target = self.name(inner.find(|p| rule_of(p) == Rule::name)?);
                let within = inner
                    .find(|p| rule_of(p) == Rule::duration)
                    .map(|d| self.duration(d));
                Value::Escalation { target, within }
            }
        };
        Some(Stmt {
            keyword: statement.keyword,
            value,
            span,
        })
    }

    fn name(&mut self, pair: P<'s>) -> Name<'s> {
        let text = pair.as_str();
        if pair.as_rule() == Rule::f_name && language::is_keyword(text) {
            self.keyword_as_name = true;
        }
        Name {
            text,
            span: self.span(&pair),
        }
    }

    /// The names of a statement: those of its `names` pair (reference rules)
    /// or the name pairs left (fast rules).
    fn list(&mut self, mut rest: Kids<'s>) -> Option<Vec<Name<'s>>> {
        let first = rest.next()?;
        if rule_of(&first) == Rule::names {
            return Some(self.names(first));
        }
        let mut names = Vec::with_capacity(1 + rest.size_hint().1.unwrap_or(0));
        names.push(self.name(first));
        names.extend(rest.map(|p| self.name(p)));
        Some(names)
    }

    fn names(&mut self, pair: P<'s>) -> Vec<Name<'s>> {
        kids(pair).map(|p| self.name(p)).collect()
    }

    /// Lowers a condition without recursion: an explicit work stack visits
    /// the pairs and builds each node after its children (post-order), so the
    /// arena lists children before parents.
    fn condition(&mut self, pair: P<'s>) -> Condition<'s> {
        enum Work<'s> {
            Visit(P<'s>, usize),
            Or(usize, Span),
            And(usize, Span),
            Not(Vec<usize>, Span),
        }
        let mut nodes: Vec<CondNode<'s>> = Vec::new();
        let mut done: Vec<CondId> = Vec::new();
        let mut work = vec![Work::Visit(pair, 0)];
        let push = |nodes: &mut Vec<CondNode<'s>>, node| {
            nodes.push(node);
            CondId((nodes.len() - 1) as u32)
        };
        while let Some(item) = work.pop() {
            match item {
                Work::Visit(pair, depth) => {
                    let span = self.span(&pair);
                    match rule_of(&pair) {
                        Rule::condition | Rule::conjunction => {
                            let is_or = rule_of(&pair) == Rule::condition;
                            let parts: Vec<P<'s>> = kids(pair)
                                .filter(|p| !matches!(rule_of(p), Rule::kw_or | Rule::kw_and))
                                .collect();
                            if parts.len() > 1 {
                                work.push(if is_or {
                                    Work::Or(parts.len(), span)
                                } else {
                                    Work::And(parts.len(), span)
                                });
                            }
                            work.extend(parts.into_iter().rev().map(|p| Work::Visit(p, depth)));
                        }
                        Rule::negation => {
                            let mut nots = Vec::new();
                            let mut operand = None;
                            for p in kids(pair) {
                                if rule_of(&p) == Rule::kw_not {
                                    nots.push(self.span(&p).start);
                                } else {
                                    operand = Some(p);
                                }
                            }
                            if !nots.is_empty() {
                                work.push(Work::Not(nots, span));
                            }
                            match operand {
                                Some(p) => work.push(Work::Visit(p, depth)),
                                None => done.push(push(&mut nodes, CondNode::And(vec![], span))),
                            }
                        }
                        Rule::group => match kids(pair).next() {
                            Some(inner) if depth < MAX_CONDITION_DEPTH => {
                                work.push(Work::Visit(inner, depth + 1))
                            }
                            _ => {
                                if depth >= MAX_CONDITION_DEPTH {
                                    self.too_deep(span);
                                }
                                done.push(push(&mut nodes, CondNode::And(vec![], span)));
                            }
                        },
                        _ => {
                            let leaf = self.cond_leaf(pair, span);
                            done.push(push(&mut nodes, leaf));
                        }
                    }
                }
                Work::Or(n, span) | Work::And(n, span) if done.len() >= n => {
                    let parts = done.split_off(done.len() - n);
                    let node = if matches!(item, Work::Or(..)) {
                        CondNode::Or(parts, span)
                    } else {
                        CondNode::And(parts, span)
                    };
                    done.push(push(&mut nodes, node));
                }
                Work::Not(starts, span) => {
                    if let Some(mut id) = done.pop() {
                        for start in starts.into_iter().rev() {
                            id = push(&mut nodes, CondNode::Not(id, Span::new(start, span.end)));
                        }
                        done.push(id);
                    }
                }
                Work::Or(..) | Work::And(..) => {}
            }
        }
        let root = match done.pop() {
            Some(root) => root,
            None => push(&mut nodes, CondNode::And(vec![], Span::default())),
        };
        Condition { nodes, root }
    }

    fn too_deep(&mut self, span: Span) {
        self.error(
            span,
            msg!("syntax-condition-too-deep", max = MAX_CONDITION_DEPTH),
            msg!("syntax-condition-too-deep.label"),
            msg!("syntax-condition-too-deep.help"),
        );
    }

    /// A comparison, membership or bare name.
    fn cond_leaf(&mut self, pair: P<'s>, span: Span) -> CondNode<'s> {
        match rule_of(&pair) {
            Rule::comparison => {
                let mut inner = kids(pair);
                let (Some(fact), Some(op), Some(value)) =
                    (inner.next(), inner.next(), inner.next())
                else {
                    return CondNode::And(vec![], span);
                };
                let op = match op.as_str() {
                    ">=" => CmpOp::Ge,
                    ">" => CmpOp::Gt,
                    "<=" => CmpOp::Le,
                    "<" => CmpOp::Lt,
                    "==" => CmpOp::Eq,
                    _ => CmpOp::Ne,
                };
                let value = self.integer(&value);
                CondNode::Compare {
                    fact: self.name(fact),
                    op,
                    value,
                    span,
                }
            }
            Rule::membership => {
                let mut inner = kids(pair);
                let Some(fact) = inner.next() else {
                    return CondNode::And(vec![], span);
                };
                let fact = self.name(fact);
                let variants = inner
                    .find(|p| rule_of(p) == Rule::names)
                    .map(|p| self.names(p))
                    .unwrap_or_default();
                CondNode::In {
                    fact,
                    variants,
                    span,
                }
            }
            _ => CondNode::Name(self.name(pair)),
        }
    }
}
