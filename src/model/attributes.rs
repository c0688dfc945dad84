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
        let step_name = step.named.name;
        let mut owner = step.owner.take();
        let mut owner_written = step.owner_written;
        let mut start_unresolved = step.start_unresolved;
        let mut on = std::mem::take(&mut step.on);
        let mut after = std::mem::take(&mut step.after);
        let mut with = std::mem::take(&mut step.with);
        let mut notify = std::mem::take(&mut step.notify);
        let mut texts = std::mem::take(&mut step.texts);
        let mut deadlines = std::mem::take(&mut step.deadlines);
        let mut on_levels = std::mem::take(&mut step.on_levels);
        let mut every = step.every.take();
        let mut until = step.until.take();
        on.reserve_exact(values(stmts, Keyword::On));
        after.reserve_exact(values(stmts, Keyword::After));
        with.reserve_exact(values(stmts, Keyword::With));
        notify.reserve_exact(values(stmts, Keyword::Notify));
        texts.reserve_exact(values(stmts, Keyword::Text));
        deadlines.reserve_exact(values(stmts, Keyword::Within));
        for stmt in stmts {
            match (&stmt.keyword, &stmt.value) {
                (Keyword::Owner, Value::Name(n)) if !owner_written => {
                    owner_written = true;
                    owner = self.role_ref(n, "owner");
                }
                (Keyword::On, Value::Names(names)) => {
                    for n in names {
                        match self.lookup(n, Want::Occasion, "on") {
                            Some(Ref {
                                id: Symbol::Trigger(t),
                                span,
                            }) => on.push(Ref { id: t, span }),
                            // (v1) its triggers join `on` once every
                            // trigger's level is known (`expand_levels`)
                            Some(Ref {
                                id: Symbol::Level(l),
                                span,
                            }) => on_levels.push(Ref { id: l, span }),
                            _ => start_unresolved = true,
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
                (
                    Keyword::Within,
                    Value::Deadline {
                        within,
                        from,
                        only_for,
                    },
                ) => {
                    let deadline = self.deadline(*within, from.as_ref(), only_for, stmt.span);
                    self.check_deadline_occasions(&deadlines, &deadline, step_name);
                    deadlines.push(deadline);
                }
                (Keyword::Every, Value::Duration(d)) => {
                    every.get_or_insert(*d);
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
        step.deadlines = deadlines;
        step.on_levels = on_levels;
        step.every = every;
        step.until = until;
    }

    pub(super) fn fill_routine(&mut self, id: RoutineId, stmts: &[ast::Stmt<'s>]) {
        let routine = &mut self.model.routines[id.index()];
        let mut owner = routine.owner.take();
        let mut owner_written = routine.owner_written;
        let mut with = std::mem::take(&mut routine.with);
        let mut every = routine.every.take();
        let mut last = routine.last.take();
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
                (Keyword::Last, Value::Date(d)) => {
                    last.get_or_insert(*d);
                }
                (Keyword::Text, Value::Str(s)) => texts.push(s.clone()),
                _ => {}
            }
        }
        let routine = &mut self.model.routines[id.index()];
        routine.last = last;
        routine.owner = owner;
        routine.owner_written = owner_written;
        routine.with = with;
        routine.every = every;
        routine.texts = texts;
    }
}

impl<'s> Resolver<'s> {
    /// (v1) Records a section and the required element it is: its `element`
    /// statement, else the element its title names.
    pub(super) fn fill_section(&mut self, section: &ast::Section<'s>) {
        self.check_single_attributes(&section.stmts, "section", &section.title.value);
        let written = section.stmts.iter().find_map(|s| match &s.value {
            Value::Element(_, e) => Some(*e),
            _ => None,
        });
        self.model.sections.push(SectionInfo {
            title: section.title.clone(),
            element: written.or_else(|| Element::from_title(&section.title.value)),
            element_written: written.is_some(),
            span: section.span,
        });
    }

    /// (v1) A level's block: its end condition and paragraphs.
    pub(super) fn fill_level(&mut self, id: LevelId, stmts: &[ast::Stmt<'s>]) {
        let level = &mut self.model.levels[id.index()];
        for stmt in stmts {
            match (&stmt.keyword, &stmt.value) {
                (Keyword::Until, Value::Str(s)) => set_once(&mut level.until, s),
                (Keyword::Text, Value::Str(s)) => level.texts.push(s.clone()),
                _ => {}
            }
        }
    }
}
