//! Items an unresolved reference probably meant. The checks that report
//! something unused (`orphan-role`, `unused-external`, `unused-fact`,
//! `no-response`) stay quiet about these: the reference is already reported,
//! and "unused" would be the same mistake told twice.

use std::collections::HashSet;

use crate::model::{Model, Named, Problem};
use crate::span::Span;

pub struct Mentions<'m> {
    model: &'m Model<'m>,
    names: HashSet<&'m str>,
    /// Definitions named by a problem (a fact used against its type).
    definitions: HashSet<Span>,
}

impl<'m> Mentions<'m> {
    pub fn of(model: &'m Model<'m>) -> Self {
        let mut names = HashSet::new();
        let mut definitions = HashSet::new();
        for problem in &model.problems {
            match problem {
                // A defined name used where another kind is wanted is still used.
                Problem::WrongKind(wrong) => {
                    names.insert(wrong.name);
                }
                // A misspelling most likely meant the suggested name.
                Problem::Undefined(undefined) => {
                    if let Some(s) = model.suggestion(undefined) {
                        names.insert(s);
                    }
                }
                Problem::TypeMismatch(mismatch) => {
                    definitions.insert(mismatch.fact);
                }
                _ => {}
            }
        }
        Mentions {
            model,
            names,
            definitions,
        }
    }

    /// Whether an unresolved reference already points at this item.
    pub fn covers(&self, named: &Named) -> bool {
        self.names.contains(self.model.name(named)) || self.definitions.contains(&named.name_span)
    }
}
