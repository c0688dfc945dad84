//! A condition read by the fast rules: one pair, nothing inside it (see
//! `READ_BY_LEXER` in build/fast_rules.rs), whose text the lexer reads
//! without recursion. pest kept four tokens for every operand of a
//! condition read the other way (issue 19). Parsing reads it once to check
//! it and keeps the text (`Condition::from_text`); each visit of its nodes
//! (`Condition::visit`) reads it again, so that no arena of it is kept.

use super::ast::{
    CmpOp, Comparison, CondId, CondNode, Condition, Name, Node, Number, Sizes, Variants,
};
use super::lex::{self, Token, TokenKind};
use super::lower::{Lowerer, MAX_CONDITION_DEPTH, P};
use crate::span::Span;

/// One condition being read: the top one, or one inside parentheses.
struct Frame {
    /// Where its operands start on the stack of finished operands: those of
    /// the whole condition (`or`) and of the conjunction being read (`and`).
    or_from: usize,
    and_from: usize,
    /// Where the condition and the conjunction being read start.
    cond_start: Option<usize>,
    conj_start: Option<usize>,
    /// Where the `not`s before the operand being read start (`u32`: a
    /// long `not not …` held 8 bytes a `not` here).
    nots: Vec<u32>,
}

impl Frame {
    fn new(done: usize) -> Self {
        Frame {
            or_from: done,
            and_from: done,
            cond_start: None,
            conj_start: None,
            nots: Vec::new(),
        }
    }
}

/// The nodes given so far, to the visitor `visit`.
struct Walk<'v, 's> {
    visit: &'v mut dyn FnMut(CondId, Node<'_, 's>),
    sizes: Sizes,
    /// Finished operands not yet joined by their `and` or `or`.
    done: Vec<CondId>,
    /// The end of the last operand read.
    last_end: usize,
}

impl<'s> Walk<'_, 's> {
    fn give(&mut self, node: Node<'_, 's>) -> CondId {
        let id = CondId(self.sizes.nodes);
        (self.visit)(id, node);
        self.sizes.nodes += 1;
        id
    }

    /// The operands from `from` joined (when more than one) into one node
    /// ending at `end`.
    fn join(&mut self, from: usize, start: Option<usize>, end: usize, or: bool) {
        let parts = self.done.len() - from;
        if parts > 1 {
            let span = Span::new(start.unwrap_or(end), end);
            let id = CondId(self.sizes.nodes);
            let parts_of = &self.done[from..];
            (self.visit)(
                id,
                if or {
                    Node::Or(parts_of, span)
                } else {
                    Node::And(parts_of, span)
                },
            );
            self.sizes.nodes += 1;
            self.sizes.children += parts as u32;
            self.done.truncate(from);
            self.done.push(id);
        }
    }

    /// The end of a condition: its last conjunction and its `or` joined.
    /// `next` is where the token after it starts (or the text ends): a
    /// conjunction of one operand ends there, past the white space and
    /// comments after it, as the reference rules' pair does (pest takes
    /// the white space before a `(and …)*` that then matches nothing).
    fn close(&mut self, frame: &Frame, next: usize) {
        let single = self.done.len() - frame.and_from == 1;
        let last_end = self.last_end;
        self.join(frame.and_from, frame.conj_start, last_end, false);
        let end = if single { next } else { last_end };
        self.join(frame.or_from, frame.cond_start, end, true);
    }

    /// An operand read: its `not`s applied, innermost first.
    fn operand(&mut self, frame: &mut Frame, mut id: CondId, end: usize) {
        for start in frame.nots.drain(..).rev() {
            id = self.give(Node::Not(id, Span::new(start as usize, end)));
        }
        self.done.push(id);
        self.last_end = end;
    }
}

impl<'s> Lowerer<'s, '_> {
    /// A fast `condition` pair, read once to check it: its nodes are
    /// exactly those `condition` builds from the reference rules' pairs
    /// (the same nodes in the same order: children before parents). The
    /// text is a condition as the fast rules read it, whose names may be
    /// keywords: then, and for parentheses deeper than
    /// `MAX_CONDITION_DEPTH`, the item is left to the reference rules
    /// (`keyword_as_name`), which say what is wrong.
    pub(super) fn condition_text(&mut self, pair: &P<'s>) -> Condition<'s> {
        let text = pair.as_str();
        let span = self.span(pair);
        let mut number = |t: &str, at: Span| self.number(t, at);
        match walk(text, span.start(), &mut number, &mut |_, _| {}) {
            Some((root, sizes)) => Condition::from_text(text, span.start() as u32, sizes, root),
            None => {
                self.keyword_as_name = true;
                Condition::from_nodes(vec![CondNode::And(Box::default(), span)], CondId(0))
            }
        }
    }
}

/// Reads the condition `text` (at byte `base` of the file), giving each
/// node to `visit` in order, its numbers read by `number`; its root and
/// sizes, or `None` if the fast rules' text is not a condition of the
/// reference rules (see `Lowerer::condition_text`).
pub(super) fn walk<'s>(
    text: &'s str,
    base: usize,
    number: &mut dyn FnMut(&'s str, Span) -> Number,
    visit: &mut dyn FnMut(CondId, Node<'_, 's>),
) -> Option<(CondId, Sizes)> {
    let at = |t: Token| Span::new(base + t.span.start(), base + t.span.end());
    let name = |t: Token| {
        (t.kind == TokenKind::Name).then(|| Name {
            text: t.text(text),
            span: at(t),
        })
    };
    let mut tokens = lex::tokens(text, 0)
        .filter(|t| t.kind != TokenKind::Comment)
        .peekable();
    let mut walk = Walk {
        visit,
        sizes: Sizes::default(),
        done: Vec::new(),
        last_end: base,
    };
    let mut frames = vec![Frame::new(0)];
    loop {
        // An operand: `not`s, then a group, a comparison, a membership or a name.
        let t = tokens.next()?;
        let frame = frames.last_mut()?;
        let start = base + t.span.start();
        frame.cond_start.get_or_insert(start);
        frame.conj_start.get_or_insert(start);
        match t.kind {
            TokenKind::Keyword if t.text(text) == "not" => {
                frame.nots.push(u32::try_from(start).ok()?);
                continue;
            }
            TokenKind::Punct('(') => {
                if frames.len() > MAX_CONDITION_DEPTH {
                    return None;
                }
                frames.push(Frame::new(walk.done.len()));
                continue;
            }
            _ => {}
        }
        let fact = name(t)?;
        let (id, end) = match tokens.peek() {
            Some(t) if t.kind == TokenKind::Operator => {
                let op = tokens.next()?;
                let value = tokens.next()?;
                let span = Span::new(fact.span.start(), at(value).end());
                let value = number(value.text(text), at(value));
                let op = CmpOp::parse(op.text(text))?;
                let comparison = Comparison {
                    fact,
                    op,
                    value,
                    span,
                };
                walk.sizes.comparisons += 1;
                (walk.give(Node::Compare(&comparison)), span.end())
            }
            Some(t) if t.is_keyword(text, "in") => {
                tokens.next();
                let open = tokens.next()?;
                if !is_punct(open, '{') {
                    return None;
                }
                name(tokens.next()?)?;
                let mut count = 1;
                let close = loop {
                    let t = tokens.next()?;
                    match t.kind {
                        TokenKind::Punct(',') => {
                            name(tokens.next()?)?;
                            count += 1;
                        }
                        TokenKind::Punct('}') => break t,
                        _ => return None,
                    }
                };
                let span = Span::new(fact.span.start(), at(close).end());
                let inside = open.span.end()..close.span.start();
                let variants = Variants::Text {
                    text: text.get(inside.clone())?,
                    base: base + inside.start,
                };
                walk.sizes.variants += count;
                walk.sizes.memberships += 1;
                let id = walk.give(Node::In {
                    fact: &fact,
                    variants,
                    span,
                });
                (id, span.end())
            }
            _ => (walk.give(Node::Name(&fact)), fact.span.end()),
        };
        walk.operand(frames.last_mut()?, id, end);
        // What follows an operand: `and`, `or`, the `)` of a group, the end.
        loop {
            let next = tokens.next();
            let nested = frames.len() > 1;
            let frame = frames.last_mut()?;
            match next {
                Some(t) if t.is_keyword(text, "and") => break,
                Some(t) if t.is_keyword(text, "or") => {
                    walk.join(frame.and_from, frame.conj_start, walk.last_end, false);
                    frame.and_from = walk.done.len();
                    frame.conj_start = None;
                    break;
                }
                Some(t) if is_punct(t, ')') && nested => {
                    let frame = frames.pop()?;
                    walk.close(&frame, at(t).start());
                    let id = walk.done.pop()?;
                    walk.operand(frames.last_mut()?, id, at(t).end());
                }
                None if !nested => {
                    walk.close(frame, base + text.len());
                    let root = walk.done.pop()?;
                    return Some((root, walk.sizes));
                }
                _ => return None,
            }
        }
    }
}

/// The names in `text` (the inside of an `in`'s braces, at byte `base` of
/// the file), in order.
pub(super) fn names(text: &str, base: usize) -> impl Iterator<Item = Name<'_>> {
    lex::tokens(text, 0)
        .filter(|t| t.kind == TokenKind::Name)
        .map(move |t| Name {
            text: t.text(text),
            span: Span::new(base + t.span.start(), base + t.span.end()),
        })
}

fn is_punct(t: Token, c: char) -> bool {
    t.kind == TokenKind::Punct(c)
}
