//! Conditions: pairs → the arena of `ast::Condition`, without recursion.

use super::ast::{CmpOp, Comparison, CondId, CondNode, Condition, Membership};
use super::lex::{self, TokenKind};
use super::lower::{Lowerer, MAX_CONDITION_DEPTH, P, kids, list, rule_of};
use super::parser::Rule;
use crate::i18n::msg;
use crate::span::Span;

impl<'s> Lowerer<'s, '_> {
    /// Lowers a condition without recursion: an explicit work stack visits
    /// the pairs and builds each node after its children (post-order), so the
    /// arena lists children before parents.
    pub(super) fn condition(&mut self, pair: P<'s>) -> Condition<'s> {
        if pair.as_rule() == Rule::f_condition {
            // The fast rules' condition: one pair, its text read by the lexer.
            return self.condition_text(&pair);
        }
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
                            let parts: Vec<P<'s>> = kids(pair).collect();
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
                            // The `not`s are keywords (no pairs): read them
                            // from the text before the operand.
                            let text = pair.as_str();
                            let operand = kids(pair).next();
                            let before = operand
                                .as_ref()
                                .map_or(text.len(), |p| self.span(p).start() - span.start());
                            let nots: Vec<usize> = if text.starts_with("not") {
                                lex::tokens(text, 0)
                                    .take_while(|t| t.span.end() <= before)
                                    .filter(|t| t.kind == TokenKind::Keyword)
                                    .map(|t| span.start() + t.span.start())
                                    .collect()
                            } else {
                                Vec::new()
                            };
                            if !nots.is_empty() {
                                work.push(Work::Not(nots, span));
                            }
                            match operand {
                                Some(p) => work.push(Work::Visit(p, depth)),
                                None => {
                                    done.push(push(&mut nodes, CondNode::And(Box::default(), span)))
                                }
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
                                done.push(push(&mut nodes, CondNode::And(Box::default(), span)));
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
                        CondNode::Or(parts.into_boxed_slice(), span)
                    } else {
                        CondNode::And(parts.into_boxed_slice(), span)
                    };
                    done.push(push(&mut nodes, node));
                }
                Work::Not(starts, span) => {
                    if let Some(mut id) = done.pop() {
                        for start in starts.into_iter().rev() {
                            id = push(&mut nodes, CondNode::Not(id, Span::new(start, span.end())));
                        }
                        done.push(id);
                    }
                }
                Work::Or(..) | Work::And(..) => {}
            }
        }
        let root = match done.pop() {
            Some(root) => root,
            None => push(&mut nodes, CondNode::And(Box::default(), Span::default())),
        };
        Condition::from_nodes(nodes, root)
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
                    return CondNode::And(Box::default(), span);
                };
                let Some(op) = CmpOp::parse(op.as_str()) else {
                    return CondNode::And(Box::default(), span);
                };
                let value = self.number(value.as_str(), self.span(&value));
                CondNode::Compare(Box::new(Comparison {
                    fact: self.name(fact),
                    op,
                    value,
                    span,
                }))
            }
            Rule::membership => {
                let mut inner = kids(pair);
                let Some(fact) = inner.next() else {
                    return CondNode::And(Box::default(), span);
                };
                let fact = self.name(fact);
                let variants = self.names(list(inner, Rule::names, Rule::name));
                CondNode::In(Box::new(Membership {
                    fact,
                    variants,
                    span,
                }))
            }
            _ => CondNode::Name(self.name(pair)),
        }
    }
}
