//! Looking up a name for a position (what it accepts: `Want`), and the
//! problems recorded when a name is undefined or of the wrong kind.

use super::resolve::Resolver;
use super::*;
use crate::syntax::ast;

impl<'s> Resolver<'s> {
    pub(super) fn level_ref(&mut self, name: &ast::Name<'s>) -> Option<Ref<LevelId>> {
        match self.lookup(name, Want::Level, "level")? {
            Ref {
                id: Symbol::Level(l),
                span,
            } => Some(Ref { id: l, span }),
            _ => None,
        }
    }

    pub(super) fn role_ref(
        &mut self,
        name: &ast::Name<'s>,
        position: &'static str,
    ) -> Option<Ref<RoleId>> {
        match self.lookup(name, Want::Role, position)? {
            Ref {
                id: Symbol::Role(r),
                span,
            } => Some(Ref { id: r, span }),
            _ => None,
        }
    }

    pub(super) fn party_ref(
        &mut self,
        name: &ast::Name<'s>,
        position: &'static str,
    ) -> Option<Ref<Party>> {
        let r = self.lookup(name, Want::Party, position)?;
        let party = match r.id {
            Symbol::Role(id) => Party::Role(id),
            Symbol::External(id) => Party::External(id),
            _ => return None,
        };
        Some(Ref {
            id: party,
            span: r.span,
        })
    }

    /// Records why `name` does not fit a position that wants `expected`:
    /// it names nothing, or something of another kind.
    pub(super) fn wrong_or_undefined(&mut self, name: &ast::Name<'s>, expected: Want) {
        match self
            .model
            .symbols
            .definition(name.text)
            .map(|d| (d.span(), d.kind))
        {
            Some((definition, found)) => {
                self.model
                    .problems
                    .push(Problem::WrongKind(Box::new(WrongKind {
                        name: name.text,
                        span: name.span,
                        found,
                        definition,
                        expected,
                        position: "condition",
                    })))
            }
            None => self.undefined(name, expected),
        }
    }

    /// Looks a name up for a position; records undefined and wrong-kind problems.
    pub(super) fn lookup(
        &mut self,
        name: &ast::Name<'s>,
        want: Want,
        position: &'static str,
    ) -> Option<Ref<Symbol>> {
        let Some((definition, kind, symbol)) = self
            .model
            .symbols
            .definition(name.text)
            .map(|d| (d.span(), d.kind, d.symbol))
        else {
            self.undefined(name, want);
            return None;
        };
        if !want.accepts(kind) {
            self.model
                .problems
                .push(Problem::WrongKind(Box::new(WrongKind {
                    name: name.text,
                    span: name.span,
                    found: kind,
                    definition,
                    expected: want,
                    position,
                })));
            return None;
        }
        Some(Ref {
            id: symbol,
            span: name.span,
        })
    }

    /// Records that `name`, in a position that wants `want`, names
    /// nothing; the name of an accepted kind closest to it is suggested
    /// once the model is built (`Resolver::suggest_all`).
    fn undefined(&mut self, name: &ast::Name<'s>, want: Want) {
        debug_assert_eq!(self.model.text(name.span), name.text);
        self.model.problems.push(Problem::Undefined(Undefined {
            span: name.span,
            want,
            suggestion: None,
        }));
    }
}
