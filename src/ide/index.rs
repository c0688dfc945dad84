//! Every place a name is written — definitions and uses — found by walking the
//! syntax tree once. Definition, references, rename and highlighting read it.

use crate::span::Span;
use crate::syntax::ast::{self, Item, Node, Value};

/// What a written name stands for, before resolution: all names share one
/// namespace, except the variants of a `one_of` fact, which belong to their fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key<'s> {
    Name(&'s str),
    Variant { fact: &'s str, variant: &'s str },
}

impl<'s> Key<'s> {
    /// The text as written at each occurrence.
    pub fn text(self) -> &'s str {
        match self {
            Key::Name(n) => n,
            Key::Variant { variant, .. } => variant,
        }
    }
}

/// A name as written: its text is the source's at `span` (an occurrence
/// holds no text: a 20 MB plan has half a million of them, kept as long as
/// the document).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub span: Span,
    /// A variant's fact, as written where the variant is (empty for a name).
    fact: Span,
    /// The name where it is defined (`role NAME`, a variant in `one_of { }`).
    pub definition: bool,
}

impl Occurrence {
    /// What it names, read from `source` (the file it was found in).
    pub fn key<'s>(&self, source: &'s str) -> Key<'s> {
        let text = |span: Span| source.get(span.range()).unwrap_or("");
        if self.fact.is_empty() {
            Key::Name(text(self.span))
        } else {
            Key::Variant {
                fact: text(self.fact),
                variant: text(self.span),
            }
        }
    }
}

/// All occurrences in `file`, sorted by position.
pub fn occurrences<'s>(file: &ast::File<'s>) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let mut stack: Vec<ast::ItemsIter<'_, 's>> = vec![file.items.iter()];
    while let Some(top) = stack.last_mut() {
        let Some(item) = top.next() else {
            stack.pop();
            continue;
        };
        match item {
            Item::Section(section) => stack.push(section.items.iter()),
            Item::Plan(plan) => stmts(&plan.stmts, &mut out),
            Item::Text(_) => {}
            Item::Decl(decl) => {
                define(&decl.name, &mut out);
                stmts(&decl.stmts, &mut out);
            }
            Item::Fact(fact) => {
                define(&fact.name, &mut out);
                if let ast::FactType::OneOf(variants) = &fact.ty {
                    for v in variants {
                        out.push(Occurrence {
                            span: v.name.span,
                            fact: fact.name.span,
                            definition: true,
                        });
                    }
                }
            }
            Item::Level(level) => define(&level.name, &mut out),
            Item::Trigger(trigger) => {
                define(&trigger.name, &mut out);
                condition(&trigger.condition, &mut out);
                if let Some(level) = &trigger.level {
                    use_name(level, &mut out);
                }
            }
        }
    }
    out.sort_by_key(|o| o.span);
    out
}

fn define(name: &ast::Name<'_>, out: &mut Vec<Occurrence>) {
    out.push(Occurrence {
        span: name.span,
        fact: Span::default(),
        definition: true,
    });
}

fn use_name(name: &ast::Name<'_>, out: &mut Vec<Occurrence>) {
    out.push(Occurrence {
        span: name.span,
        fact: Span::default(),
        definition: false,
    });
}

fn stmts(stmts: &[ast::Stmt<'_>], out: &mut Vec<Occurrence>) {
    for stmt in stmts {
        match &stmt.value {
            Value::Name(n) => use_name(n, out),
            Value::Names(names) => names.iter().for_each(|n| use_name(n, out)),
            Value::Escalation { target, .. } => use_name(target, out),
            // (v1) the step a deadline is measured from and the triggers or
            // levels it is for: renamed with them
            Value::Deadline(d) => d
                .from
                .iter()
                .chain(&d.only_for)
                .for_each(|n| use_name(n, out)),
            Value::Str(_)
            | Value::Strs(_)
            | Value::Duration(_)
            | Value::Date(_)
            | Value::Revision(_)
            | Value::Kind(..)
            | Value::Element(..) => {}
        }
    }
}

fn condition(condition: &ast::Condition<'_>, out: &mut Vec<Occurrence>) {
    condition.visit(|_, node| match node {
        Node::Compare(c) => use_name(&c.fact, out),
        Node::Name(name) => use_name(name, out),
        Node::In { fact, variants, .. } => {
            use_name(fact, out);
            for v in variants.iter() {
                out.push(Occurrence {
                    span: v.span,
                    fact: fact.span,
                    definition: false,
                });
            }
        }
        Node::Not(..) | Node::And(..) | Node::Or(..) => {}
    });
}
