//! Resolving trigger conditions: names to facts, variants and triggers, with
//! the fact's type checked against how the condition uses it.

use super::resolve::Resolver;
use super::*;
use crate::decimal::Decimal;
use crate::i18n::Arg;
use crate::syntax::ast::{self, Node, Variants};

fn ids(cs: &[ast::CondId]) -> impl Iterator<Item = CondId> + '_ {
    cs.iter().map(|c| CondId(c.0))
}

impl<'s> Resolver<'s> {
    /// Resolves a condition: its nodes come children before parents, so
    /// one pass converts it without recursion, keeping ids. Room for the
    /// whole of it is made at once (a long condition's lists, grown by
    /// doubling, held their old and new copies: issue 19, memory per byte):
    /// the store has room for every condition (`Resolver::declare_all`).
    pub(super) fn condition(&mut self, cond: &ast::Condition<'s>) -> CondRange {
        // Taken out while it is filled: resolving a name borrows the resolver.
        let mut condition = std::mem::take(&mut self.model.conditions);
        condition.begin(cond.sizes());
        cond.visit(|_, node| {
            match node {
                Node::Not(c, span) => condition.push(Cond::Not(CondId(c.0), span)),
                Node::And(cs, span) => condition.push_join(true, ids(cs), span),
                Node::Or(cs, span) => condition.push_join(false, ids(cs), span),
                Node::Name(name) => condition.push(self.bare_name(name)),
                Node::Compare(c) => condition.push(self.comparison(&c.fact, c.op, c.value, c.span)),
                Node::In {
                    fact,
                    variants,
                    span,
                } => self.membership(fact, variants, span, &mut condition),
            };
        });
        let at = condition.finish(CondId(cond.root.0));
        self.model.conditions = condition;
        at
    }

    fn comparison(
        &mut self,
        fact: &ast::Name<'s>,
        op: ast::CmpOp,
        value: ast::Number,
        span: Span,
    ) -> Cond<'static> {
        let Some(id) = self.fact_for(fact, Want::CountFact) else {
            return Cond::Unknown(span);
        };
        let ty = &self.model.fact(id).ty;
        match (ty, value) {
            (FactType::Count, ast::Number::Integer(value)) => {
                return Cond::Compare {
                    fact: id,
                    op,
                    value,
                    decimal: None,
                    span,
                };
            }
            // In the decimal's own places, to be scaled to the fact's units
            // once every comparison is known (`scale_numbers`).
            (FactType::Number { .. }, value) => {
                let decimal = match value {
                    ast::Number::Integer(n) => Decimal::from_integer(n),
                    ast::Number::Decimal(d) => d,
                };
                return Cond::Compare {
                    fact: id,
                    op,
                    value: decimal.scaled(decimal.places()),
                    decimal: Some(decimal),
                    span,
                };
            }
            _ => {}
        }
        let (message, help) = match ty {
            // (v1) a decimal for a whole number
            FactType::Count => (
                msg!(
                    "type-count-decimal",
                    fact = fact.text,
                    value = value.to_string()
                ),
                msg!("type-count-decimal.help", fact = fact.text),
            ),
            FactType::Flag => (
                msg!("type-not-count", fact = fact.text, type = ty.describe()),
                msg!("type-help-flag", fact = fact.text),
            ),
            _ => (
                msg!("type-not-count", fact = fact.text, type = ty.describe()),
                msg!("type-help-use-in", fact = fact.text),
            ),
        };
        self.mismatch(id, fact, span, message, help);
        Cond::Unknown(span)
    }

    /// Gives each `number` fact its units (one more digit after the point
    /// than any of its comparisons uses, so that between two limits there is
    /// always a value) and writes every comparison of it in those units: the
    /// logic then reads a number fact as a count, exactly.
    pub(super) fn scale_numbers(&mut self) {
        let m = &mut self.model;
        if !m
            .facts
            .iter()
            .any(|f| matches!(f.ty, FactType::Number { .. }))
        {
            return;
        }
        let mut places = vec![0u32; m.facts.len()];
        for (fact, needed) in m.conditions.number_places() {
            if let Some(p) = places.get_mut(fact.index()) {
                *p = (*p).max(needed);
            }
        }
        for (fact, p) in m.facts.iter_mut().zip(&mut places) {
            if let FactType::Number { places } = &mut fact.ty {
                *p = (*p + 1).min(crate::decimal::MAX_PLACES);
                *places = *p;
            }
        }
        let places = |fact: FactId| places.get(fact.index()).copied().unwrap_or(0);
        m.conditions.scale_numbers(places);
    }

    fn membership(
        &mut self,
        fact: &ast::Name<'s>,
        variants: Variants<'_, 's>,
        span: Span,
        into: &mut CondStore,
    ) -> CondId {
        let Some(id) = self.fact_for(fact, Want::OneOfFact) else {
            return into.push(Cond::Unknown(span));
        };
        let defined = match &self.model.fact(id).ty {
            FactType::OneOf(defined) => defined,
            ty => {
                let help = match ty {
                    FactType::Count => msg!("type-help-compare-count", fact = fact.text),
                    _ => msg!("type-help-flag", fact = fact.text),
                };
                let message = msg!("type-not-one-of", fact = fact.text, type = ty.describe());
                self.mismatch(id, fact, span, message, help);
                return into.push(Cond::Unknown(span));
            }
        };
        let index = |v: ast::Name<'s>| {
            let i = defined.iter().position(|d| d.name == v.text);
            i.map(|i| i as u32)
        };
        // Straight into the condition's list, taken back at the first one not
        // defined: a long `in` held its variants twice (issue 19, memory per
        // byte), and its text is read by the lexer once here.
        let mut all_defined = true;
        let defined_ones = variants.iter().map_while(|v| {
            let i = index(v);
            all_defined &= i.is_some();
            i
        });
        let node = into.push_in(id, defined_ones, span);
        if all_defined {
            return node;
        }
        into.pop_in();
        let mut missing = Vec::new();
        for v in variants.iter() {
            match index(v) {
                Some(_) => {}
                None => {
                    let names: Vec<&str> = defined.iter().map(|d| d.name).collect();
                    let help = match crate::suggest::closest(v.text, &names) {
                        Some(best) => msg!("did-you-mean", name = best),
                        None => msg!(
                            "type-help-variants",
                            fact = fact.text,
                            variants = Arg::names(names.iter().copied(), usize::MAX)
                        ),
                    };
                    missing.push((v, help));
                }
            }
        }
        for (v, help) in missing {
            let message = msg!("type-no-variant", fact = fact.text, variant = v.text);
            self.mismatch(id, &v, v.span, message, help);
        }
        into.push(Cond::Unknown(span))
    }

    /// A bare name: another trigger, or a flag fact.
    fn bare_name(&mut self, name: &ast::Name<'s>) -> Cond<'static> {
        let span = name.span;
        match self.symbol(name.text) {
            Some(Symbol::Trigger(trigger)) => Cond::Trigger { trigger, span },
            Some(Symbol::Fact(id)) => match &self.model.fact(id).ty {
                FactType::Flag => Cond::Flag { fact: id, span },
                ty => {
                    let help = match ty {
                        FactType::Count => msg!("type-help-count-bare", fact = name.text),
                        _ => msg!("type-help-one-of-bare", fact = name.text),
                    };
                    let message = msg!("type-not-flag", fact = name.text, type = ty.describe());
                    self.mismatch(id, name, span, message, help);
                    Cond::Unknown(span)
                }
            },
            _ => {
                self.wrong_or_undefined(name, Want::TriggerOrFlag);
                Cond::Unknown(span)
            }
        }
    }

    /// Resolves a name that must be a fact.
    fn fact_for(&mut self, name: &ast::Name<'s>, expected: Want) -> Option<FactId> {
        if let Some(Symbol::Fact(id)) = self.symbol(name.text) {
            return Some(id);
        }
        self.wrong_or_undefined(name, expected);
        None
    }

    fn mismatch(
        &mut self,
        fact: FactId,
        used: &ast::Name<'s>,
        span: Span,
        message: Message,
        help: Message,
    ) {
        let fact_span = self.model.fact(fact).named.name_span;
        let label = msg!("type-mismatch-used", name = used.text);
        self.model
            .problems
            .push(Problem::TypeMismatch(Box::new(TypeMismatch {
                span,
                fact: fact_span,
                message,
                label,
                help,
            })));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The variants written straight into the condition's list are taken
    /// back at the first one not defined: the `in` is one unknown node.
    #[test]
    fn an_in_naming_an_undefined_variant_leaves_one_unknown_node() {
        let source = "fact k \"k\": one_of { a \"a\", b \"b\" }\n\
                      trigger t \"t\" when k in { a, b, c, a }\n";
        let model = super::super::build_owned(crate::syntax::parse(source).file);
        let condition = model.condition(TriggerId(0));
        let nodes: Vec<Cond> = condition.nodes().collect();
        assert_eq!(nodes, [Cond::Unknown(Span::new(55, 74))]);
        assert_eq!(condition.root, CondId(0));
    }
}
