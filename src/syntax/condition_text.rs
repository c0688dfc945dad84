//! A condition read by the fast rules: one pair, nothing inside it (see
//! `READ_BY_LEXER` in build/fast_rules.rs), whose text the lexer reads into
//! the arena without recursion. pest kept four tokens for every operand of a
//! condition read the other way (issue 19).

use super::ast::{CmpOp, Comparison, CondId, CondNode, Condition, Membership, Name};
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

struct Arena<'s> {
    nodes: Vec<CondNode<'s>>,
    /// Finished operands not yet joined by their `and` or `or`.
    done: Vec<CondId>,
    /// The end of the last operand read.
    last_end: usize,
}

impl<'s> Arena<'s> {
    fn push(&mut self, node: CondNode<'s>) -> CondId {
        self.nodes.push(node);
        CondId((self.nodes.len() - 1) as u32)
    }

    /// The operands from `from` joined (when more than one) into one node
    /// ending at `end`.
    fn join(&mut self, from: usize, start: Option<usize>, end: usize, or: bool) {
        if self.done.len() - from > 1 {
            let parts = self.done.split_off(from);
            let span = Span::new(start.unwrap_or(end), end);
            let id = self.push(if or {
                CondNode::Or(parts.into_boxed_slice(), span)
            } else {
                CondNode::And(parts.into_boxed_slice(), span)
            });
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
            id = self.push(CondNode::Not(id, Span::new(start as usize, end)));
        }
        self.done.push(id);
        self.last_end = end;
    }
}

impl<'s> Lowerer<'s, '_> {
    /// The arena of a fast `condition` pair, exactly as `condition` builds
    /// it from the reference rules' pairs (the same nodes in the same order:
    /// children before parents). The text is a condition as the fast rules
    /// read it, whose names may be keywords: then, and for parentheses
    /// deeper than `MAX_CONDITION_DEPTH`, the item is left to the reference
    /// rules (`keyword_as_name`), which say what is wrong.
    pub(super) fn condition_text(&mut self, pair: &P<'s>) -> Condition<'s> {
        match self.read_condition(pair) {
            Some(condition) => condition,
            None => {
                self.keyword_as_name = true;
                let span = self.span(pair);
                Condition {
                    nodes: vec![CondNode::And(Box::default(), span)],
                    root: CondId(0),
                }
            }
        }
    }

    fn read_condition(&mut self, pair: &P<'s>) -> Option<Condition<'s>> {
        let text = pair.as_str();
        let base = self.span(pair).start;
        let at = |t: Token| Span::new(base + t.span.start, base + t.span.end);
        let name = |t: Token| {
            (t.kind == TokenKind::Name).then(|| Name {
                text: t.text(text),
                span: at(t),
            })
        };
        let mut tokens = lex::tokens(text, 0)
            .filter(|t| t.kind != TokenKind::Comment)
            .peekable();
        let mut arena = Arena {
            nodes: Vec::with_capacity(most_nodes(text)),
            done: Vec::new(),
            last_end: base,
        };
        let mut frames = vec![Frame::new(0)];
        loop {
            // An operand: `not`s, then a group, a comparison, a membership or a name.
            let t = tokens.next()?;
            let frame = frames.last_mut()?;
            let start = base + t.span.start;
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
                    frames.push(Frame::new(arena.done.len()));
                    continue;
                }
                _ => {}
            }
            let fact = name(t)?;
            let (leaf, end) = match tokens.peek() {
                Some(t) if t.kind == TokenKind::Operator => {
                    let op = tokens.next()?;
                    let value = tokens.next()?;
                    let span = Span::new(fact.span.start, at(value).end);
                    let value = self.number(value.text(text), at(value));
                    let op = CmpOp::parse(op.text(text))?;
                    let leaf = CondNode::Compare(Box::new(Comparison {
                        fact,
                        op,
                        value,
                        span,
                    }));
                    (leaf, span.end)
                }
                Some(t) if t.is_keyword(text, "in") => {
                    tokens.next();
                    if !is_punct(tokens.next()?, '{') {
                        return None;
                    }
                    let mut variants = vec![name(tokens.next()?)?];
                    let close = loop {
                        let t = tokens.next()?;
                        match t.kind {
                            TokenKind::Punct(',') => variants.push(name(tokens.next()?)?),
                            TokenKind::Punct('}') => break t,
                            _ => return None,
                        }
                    };
                    let span = Span::new(fact.span.start, at(close).end);
                    let leaf = CondNode::In(Box::new(Membership {
                        fact,
                        variants,
                        span,
                    }));
                    (leaf, span.end)
                }
                _ => {
                    let end = fact.span.end;
                    (CondNode::Name(fact), end)
                }
            };
            let id = arena.push(leaf);
            arena.operand(frames.last_mut()?, id, end);
            // What follows an operand: `and`, `or`, the `)` of a group, the end.
            loop {
                let next = tokens.next();
                let nested = frames.len() > 1;
                let frame = frames.last_mut()?;
                match next {
                    Some(t) if t.is_keyword(text, "and") => break,
                    Some(t) if t.is_keyword(text, "or") => {
                        arena.join(frame.and_from, frame.conj_start, arena.last_end, false);
                        frame.and_from = arena.done.len();
                        frame.conj_start = None;
                        break;
                    }
                    Some(t) if is_punct(t, ')') && nested => {
                        let frame = frames.pop()?;
                        arena.close(&frame, at(t).start);
                        let id = arena.done.pop()?;
                        arena.operand(frames.last_mut()?, id, at(t).end);
                    }
                    None if !nested => {
                        arena.close(frame, base + text.len());
                        let root = arena.done.pop()?;
                        let mut nodes = arena.nodes;
                        nodes.shrink_to_fit();
                        return Some(Condition { nodes, root });
                    }
                    _ => return None,
                }
            }
        }
    }
}

/// At most how many nodes the condition `text` makes, from one pass of the
/// lexer: a leaf per name outside braces, a node per `not`, and a join per
/// conjunction (ended by an `or` or a group's end, joined by an `and`) and
/// per disjunction (ended by a group's end, joined by an `or`) of more than
/// one operand. The arena gets that room at once: grown by doubling, a long
/// condition's arena held its old and new copies (issue 19, memory per byte).
fn most_nodes(text: &str) -> usize {
    let (mut names, mut nots, mut ands, mut ors) = (0usize, 0usize, 0usize, 0usize);
    let (mut groups, mut braces) = (1usize, false);
    for t in lex::tokens(text, 0) {
        match t.kind {
            TokenKind::Name if !braces => names += 1,
            TokenKind::Punct('{') => braces = true,
            TokenKind::Punct('}') => braces = false,
            TokenKind::Punct('(') => groups += 1,
            TokenKind::Keyword => match t.text(text) {
                "not" => nots += 1,
                "and" => ands += 1,
                "or" => ors += 1,
                _ => {}
            },
            _ => {}
        }
    }
    names + nots + ands.min(ors + groups) + ors.min(groups)
}

fn is_punct(t: Token, c: char) -> bool {
    t.kind == TokenKind::Punct(c)
}
