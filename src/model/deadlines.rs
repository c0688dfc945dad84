//! (v1) Resolving a step's deadlines (`within D [from S] [for NAMES]`) and the
//! levels named where triggers may stand (`on`, `for`): a level stands for
//! every trigger of that level, added once every trigger's level is known.

use super::resolve::Resolver;
use super::*;
use crate::i18n::msg;
use crate::syntax::ast;
use thin_vec::ThinVec;

impl<'s> Resolver<'s> {
    /// One `within` of a step, its names resolved (those that do not resolve
    /// are reported and left out).
    pub(super) fn deadline(
        &mut self,
        within: Duration,
        from: Option<&ast::Name<'s>>,
        only_for: &[ast::Name<'s>],
        span: Span,
    ) -> Deadline {
        let from = from.and_then(|n| match self.lookup(n, Want::Step, "within … from")? {
            Ref {
                id: Symbol::Step(s),
                span,
            } => Some(Ref { id: s, span }),
            _ => None,
        });
        let mut triggers = ThinVec::new();
        let mut levels = ThinVec::new();
        for n in only_for {
            match self.lookup(n, Want::Occasion, "within … for") {
                Some(Ref {
                    id: Symbol::Trigger(t),
                    span,
                }) => triggers.push(Ref { id: t, span }),
                Some(Ref {
                    id: Symbol::Level(l),
                    span,
                }) => levels.push(Ref { id: l, span }),
                _ => {}
            }
        }
        Deadline {
            within,
            from,
            only_for: triggers,
            for_levels: levels,
            span,
        }
    }

    /// Two deadlines for the same occasion are a `duplicate-definition`: two
    /// plain ones, or one trigger or level named by two `for`s.
    pub(super) fn check_deadline_occasions(
        &mut self,
        earlier: &[Deadline],
        new: &Deadline,
        step: &str,
    ) {
        if new.is_plain() {
            if let Some(first) = earlier.iter().find(|d| d.is_plain()) {
                self.model
                    .problems
                    .push(Problem::Duplicate(Box::new(Duplicate {
                        what: msg!("duplicate-what-deadline", step = step),
                        first: first.span,
                        second: new.span,
                        attribute: true,
                    })));
            }
            return;
        }
        let names = |d: &Deadline| -> Vec<(Symbol, Span)> {
            d.only_for
                .iter()
                .map(|r| (Symbol::Trigger(r.id), r.span))
                .chain(d.for_levels.iter().map(|r| (Symbol::Level(r.id), r.span)))
                .collect()
        };
        for (symbol, second) in names(new) {
            let first = earlier.iter().flat_map(&names).find(|(s, _)| *s == symbol);
            if let Some((_, first)) = first {
                let name = match symbol {
                    Symbol::Trigger(t) => self.model.name(&self.model.trigger(t).named),
                    Symbol::Level(l) => self.model.name(&self.model.levels[l.index()].named),
                    _ => "",
                };
                self.model
                    .problems
                    .push(Problem::Duplicate(Box::new(Duplicate {
                        what: msg!("duplicate-what-deadline-for", step = step, name = name),
                        first,
                        second,
                        attribute: true,
                    })));
            }
        }
    }

    /// Lists each level's triggers (`Level::triggers`) and adds to each
    /// deadline's `for` the triggers of the levels it names (at the span of
    /// the level's name). Runs once every trigger's level is resolved.
    pub(super) fn expand_levels(&mut self) {
        let m = &mut self.model;
        // Each level's list sized once, exactly (a first push makes room
        // for four).
        let mut counts = vec![0usize; m.levels.len()];
        for l in m.triggers.iter().filter_map(|t| t.level) {
            counts[l.id.index()] += 1;
        }
        for (level, n) in m.levels.iter_mut().zip(counts) {
            level.triggers.reserve_exact(n);
        }
        for (i, t) in m.triggers.iter().enumerate() {
            if let Some(l) = t.level {
                m.levels[l.id.index()].triggers.push(TriggerId(i as u32));
            }
        }
        if m.levels.is_empty() || m.steps.iter().all(|s| no_levels(s)) {
            return;
        }
        // A `for` names few steps: its levels are expanded in place. An
        // `on` stays as written (`Model::on` expands it).
        let levels = &m.levels;
        for more in m.steps.iter_mut().filter_map(|s| s.more.as_deref_mut()) {
            for d in &mut more.deadlines {
                for l in &d.for_levels {
                    d.only_for
                        .extend(levels[l.id.index()].triggers.iter().map(|&t| Ref {
                            id: t,
                            span: l.span,
                        }));
                }
            }
        }
    }
}

fn no_levels(step: &Step) -> bool {
    step.deadlines().iter().all(|d| d.for_levels.is_empty())
}
