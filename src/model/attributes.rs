//! Filling in each item's attributes from its statements (the second pass of
//! `resolve`): single attributes given twice are reported, references resolved.

use super::lookup::Want;
use super::resolve::{Resolver, set_once};
use super::*;
use crate::syntax::ast::{self, Keyword, Value};

/// How many values the statements with `keyword` give (names in a list count
/// one each), to size a list once.
fn values(stmts: &[ast::Stmt<'_>], keyword: Keyword) -> usize {
    stmts
        .iter()
        .filter(|s| s.keyword == keyword)
        .map(|s| match &s.value {
            Value::Names(names) => names.len(),
            Value::Strs(strs) => strs.len(),
            _ => 1,
        })
        .sum()
}

impl<'s> Resolver<'s> {
    /// Reports attributes that may be given once but were given again.
    pub(super) fn check_single_attributes(
        &mut self,
        stmts: &[ast::Stmt<'s>],
        kind: &str,
        name: &str,
    ) {
        // The first statement of each single attribute (there are 11 of them):
        // a small array, as this runs for every block.
        let mut seen: [Option<(Keyword, Span)>; 16] = [None; 16];
        for stmt in stmts {
            if !stmt.keyword.is_single() {
                continue;
            }
            let found = seen
                .iter()
                .flatten()
                .find(|(k, _)| *k == stmt.keyword)
                .map(|&(_, span)| span);
            if let Some(first) = found {
                self.model.problems.push(Problem::Duplicate {
                    what: msg!(
                        "duplicate-what-attribute",
                        keyword = stmt.keyword.as_str(),
                        block = kind,
                        name = name
                    ),
                    first,
                    second: stmt.span,
                    attribute: true,
                });
            } else if let Some(slot) = seen.iter_mut().find(|s| s.is_none()) {
                *slot = Some((stmt.keyword, stmt.span));
            }
        }
    }

    // The fill_* functions take the item's attributes out of the model while
    // they resolve its references (which borrow the resolver mutably), and put
    // them back once: no copy of the item.

    pub(super) fn fill_role(&mut self, id: RoleId, stmts: &[ast::Stmt<'s>]) {
        let role = &mut self.model.roles[id.index()];
        let mut holder = role.holder.take();
        let mut deputy = role.deputy.take();
        let mut deputy_written = role.deputy_written;
        let mut escalation_unresolved = role.escalation_unresolved;
        let mut phones = std::mem::take(&mut role.phones);
        let mut duties = std::mem::take(&mut role.duties);
        let mut texts = std::mem::take(&mut role.texts);
        let mut members = std::mem::take(&mut role.members);
        let mut escalations = std::mem::take(&mut role.escalations);
        phones.reserve_exact(values(stmts, Keyword::Phone));
        duties.reserve_exact(values(stmts, Keyword::Duty));
        texts.reserve_exact(values(stmts, Keyword::Text));
        members.reserve_exact(values(stmts, Keyword::Members));
        escalations.reserve_exact(values(stmts, Keyword::Escalates));
        for stmt in stmts {
            match (&stmt.keyword, &stmt.value) {
                (Keyword::Holder, Value::Str(s)) => set_once(&mut holder, s),
                (Keyword::Phone, Value::Str(s)) => phones.push(s.clone()),
                (Keyword::Duty, Value::Str(s)) => duties.push(s.clone()),
                (Keyword::Text, Value::Str(s)) => texts.push(s.clone()),
                (Keyword::Deputy, Value::Name(n)) if !deputy_written => {
                    deputy_written = true;
                    deputy = self.role_ref(n, "deputy");
                }
                (Keyword::Members, Value::Names(names)) => {
                    members.extend(names.iter().filter_map(|n| self.party_ref(n, "members")))
                }
                (Keyword::Escalates, Value::Escalation { target, within }) => {
                    match self.party_ref(target, "escalates to") {
                        Some(target) => escalations.push(Escalation {
                            target,
                            within: *within,
                            span: stmt.span,
                        }),
                        None => escalation_unresolved = true,
                    }
                }
                _ => {}
            }
        }
        let role = &mut self.model.roles[id.index()];
        role.holder = holder;
        role.deputy = deputy;
        role.deputy_written = deputy_written;
        role.escalation_unresolved = escalation_unresolved;
        role.phones = phones;
        role.duties = duties;
        role.texts = texts;
        role.members = members;
        role.escalations = escalations;
    }

    pub(super) fn fill_external(&mut self, id: ExternalId, stmts: &[ast::Stmt<'s>]) {
        let ext = &mut self.model.externals[id.index()];
        for stmt in stmts {
            match (&stmt.keyword, &stmt.value) {
                (Keyword::Holder, Value::Str(s)) => set_once(&mut ext.holder, s),
                (Keyword::Phone, Value::Str(s)) => ext.phones.push(s.clone()),
                (Keyword::Text, Value::Str(s)) => ext.texts.push(s.clone()),
                _ => {}
            }
        }
    }

    pub(super) fn fill_step(&mut self, id: StepId, stmts: &[ast::Stmt<'s>]) {
        let step = &mut self.model.steps[id.index()];
        let mut owner = step.owner.take();
        let mut owner_written = step.owner_written;
        let mut start_unresolved = step.start_unresolved;
        let mut on = std::mem::take(&mut step.on);
        let mut after = std::mem::take(&mut step.after);
        let mut with = std::mem::take(&mut step.with);
        let mut notify = std::mem::take(&mut step.notify);
        let mut texts = std::mem::take(&mut step.texts);
        let mut within = step.deadlines.pop().map(|d| d.within);
        let mut until = step.until.take();
        on.reserve_exact(values(stmts, Keyword::On));
        after.reserve_exact(values(stmts, Keyword::After));
        with.reserve_exact(values(stmts, Keyword::With));
        notify.reserve_exact(values(stmts, Keyword::Notify));
        texts.reserve_exact(values(stmts, Keyword::Text));
        for stmt in stmts {
            match (&stmt.keyword, &stmt.value) {
                (Keyword::Owner, Value::Name(n)) if !owner_written => {
                    owner_written = true;
                    owner = self.role_ref(n, "owner");
                }
                (Keyword::On, Value::Names(names)) => {
                    for n in names {
                        if let Some(Ref {
                            id: Symbol::Trigger(t),
                            span,
                        }) = self.lookup(n, Want::Trigger, "on")
                        {
                            on.push(Ref { id: t, span });
                        } else {
                            start_unresolved = true;
                        }
                    }
                }
                (Keyword::After, Value::Names(names)) => {
                    for n in names {
                        if let Some(Ref {
                            id: Symbol::Step(s),
                            span,
                        }) = self.lookup(n, Want::Step, "after")
                        {
                            after.push(Ref { id: s, span });
                        } else {
                            start_unresolved = true;
                        }
                    }
                }
                (Keyword::With, Value::Names(names)) => {
                    with.extend(names.iter().filter_map(|n| self.party_ref(n, "with")))
                }
                (Keyword::Notify, Value::Names(names)) => {
                    notify.extend(names.iter().filter_map(|n| self.party_ref(n, "notify")))
                }
                (Keyword::Within, Value::Duration(d)) => {
                    within.get_or_insert(*d);
                }
                (Keyword::Until, Value::Str(s)) => set_once(&mut until, s),
                (Keyword::Text, Value::Str(s)) => texts.push(s.clone()),
                _ => {}
            }
        }
        let step = &mut self.model.steps[id.index()];
        step.owner = owner;
        step.owner_written = owner_written;
        step.start_unresolved = start_unresolved;
        step.on = on;
        step.after = after;
        step.with = with;
        step.notify = notify;
        step.texts = texts;
        step.deadlines = within
            .map(|within| Deadline {
                within,
                from: None,
                only_for: Vec::new(),
            })
            .into_iter()
            .collect();
        step.until = until;
    }

    pub(super) fn fill_routine(&mut self, id: RoutineId, stmts: &[ast::Stmt<'s>]) {
        let routine = &mut self.model.routines[id.index()];
        let mut owner = routine.owner.take();
        let mut owner_written = routine.owner_written;
        let mut with = std::mem::take(&mut routine.with);
        let mut every = routine.every.take();
        let mut texts = std::mem::take(&mut routine.texts);
        with.reserve_exact(values(stmts, Keyword::With));
        texts.reserve_exact(values(stmts, Keyword::Text));
        for stmt in stmts {
            match (&stmt.keyword, &stmt.value) {
                (Keyword::Owner, Value::Name(n)) if !owner_written => {
                    owner_written = true;
                    owner = self.role_ref(n, "owner");
                }
                (Keyword::With, Value::Names(names)) => {
                    with.extend(names.iter().filter_map(|n| self.party_ref(n, "with")))
                }
                (Keyword::Every, Value::Duration(d)) => {
                    every.get_or_insert(*d);
                }
                (Keyword::Text, Value::Str(s)) => texts.push(s.clone()),
                _ => {}
            }
        }
        let routine = &mut self.model.routines[id.index()];
        routine.owner = owner;
        routine.owner_written = owner_written;
        routine.with = with;
        routine.every = every;
        routine.texts = texts;
    }
}
