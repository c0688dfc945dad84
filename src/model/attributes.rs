//! Filling in each item's attributes from its statements (the second pass of
//! `resolve`): single attributes given twice are reported, references resolved.

use super::resolve::{Resolver, set_once};
use super::*;
use crate::syntax::ast::{self, Keyword, Value};
use thin_vec::ThinVec;

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

/// Pushes `item`, `list` first sized for the `wanted` values its
/// statements name: sized when the first reference resolves, not before, so
/// that names none of which resolves (a line of undefined ones) take no room
/// beside their problems (issue 19, memory per byte).
fn push_sized<T>(list: &mut ThinVec<T>, wanted: usize, item: T) {
    if list.capacity() == 0 {
        list.reserve_exact(wanted);
    }
    list.push(item);
}

/// `push_sized` of each of `items`.
fn extend_sized<T>(list: &mut ThinVec<T>, wanted: usize, items: impl Iterator<Item = T>) {
    for item in items {
        push_sized(list, wanted, item);
    }
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
                self.model
                    .problems
                    .push(Problem::Duplicate(Box::new(Duplicate {
                        what: msg!(
                            "duplicate-what-attribute",
                            keyword = stmt.keyword.as_str(),
                            block = kind,
                            name = name
                        ),
                        first,
                        second: stmt.span,
                        attribute: true,
                    })));
            } else if let Some(slot) = seen.iter_mut().find(|s| s.is_none()) {
                *slot = Some((stmt.keyword, stmt.span));
            }
        }
    }

    // The fill_* functions build the item from its statements and add it to
    // the model, whose next id is the item's (`declare` counted them in the
    // same order).

    pub(super) fn fill_role(&mut self, id: RoleId, named: Named, stmts: &[ast::Stmt<'s>]) {
        debug_assert_eq!(id.index(), self.model.roles.len());
        let mut holder = None;
        let mut deputy = None;
        let mut deputy_written = false;
        let mut escalation_unresolved = false;
        let mut phones = ThinVec::new();
        let mut duties = ThinVec::new();
        let mut texts = ThinVec::new();
        let mut members = ThinVec::new();
        let mut escalations = ThinVec::new();
        phones.reserve_exact(values(stmts, Keyword::Phone));
        duties.reserve_exact(values(stmts, Keyword::Duty));
        texts.reserve_exact(values(stmts, Keyword::Text));
        let members_wanted = values(stmts, Keyword::Members);
        let escalations_wanted = values(stmts, Keyword::Escalates);
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
                    let resolved = names.iter().filter_map(|n| self.party_ref(n, "members"));
                    extend_sized(&mut members, members_wanted, resolved)
                }
                (Keyword::Escalates, Value::Escalation { target, within }) => {
                    match self.party_ref(target, "escalates to") {
                        Some(target) => push_sized(
                            &mut escalations,
                            escalations_wanted,
                            Escalation {
                                target,
                                within: within.clone(),
                                span: stmt.span,
                            },
                        ),
                        None => escalation_unresolved = true,
                    }
                }
                _ => {}
            }
        }
        self.model.roles.push(Role {
            named,
            holder,
            phones,
            deputy,
            deputy_written,
            duties,
            escalations,
            escalation_unresolved,
            members,
            texts,
        });
    }

    pub(super) fn fill_external(&mut self, id: ExternalId, named: Named, stmts: &[ast::Stmt<'s>]) {
        debug_assert_eq!(id.index(), self.model.externals.len());
        let mut ext = External {
            named,
            holder: None,
            phones: ThinVec::with_capacity(values(stmts, Keyword::Phone)),
            texts: ThinVec::with_capacity(values(stmts, Keyword::Text)),
        };
        for stmt in stmts {
            match (&stmt.keyword, &stmt.value) {
                (Keyword::Holder, Value::Str(s)) => set_once(&mut ext.holder, s),
                (Keyword::Phone, Value::Str(s)) => ext.phones.push(s.clone()),
                (Keyword::Text, Value::Str(s)) => ext.texts.push(s.clone()),
                _ => {}
            }
        }
        self.model.externals.push(ext);
    }

    pub(super) fn fill_step(&mut self, id: StepId, named: Named, stmts: &[ast::Stmt<'s>]) {
        debug_assert_eq!(id.index(), self.model.steps.len());
        let step_name = self.model.name(&named);
        let mut owner = None;
        let mut owner_written = false;
        let mut start_unresolved = false;
        let mut on = ThinVec::new();
        let mut after = ThinVec::new();
        let mut with = ThinVec::new();
        let mut notify = ThinVec::new();
        let mut texts = ThinVec::new();
        let mut deadlines = ThinVec::new();
        let mut on_levels = ThinVec::new();
        let mut every = None;
        let mut until = None;
        let on_wanted = values(stmts, Keyword::On);
        let after_wanted = values(stmts, Keyword::After);
        let with_wanted = values(stmts, Keyword::With);
        let notify_wanted = values(stmts, Keyword::Notify);
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
                            }) => push_sized(&mut on, on_wanted, Ref { id: t, span }),
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
                            push_sized(&mut after, after_wanted, Ref { id: s, span });
                        } else {
                            start_unresolved = true;
                        }
                    }
                }
                (Keyword::With, Value::Names(names)) => {
                    let resolved = names.iter().filter_map(|n| self.party_ref(n, "with"));
                    extend_sized(&mut with, with_wanted, resolved)
                }
                (Keyword::Notify, Value::Names(names)) => {
                    let resolved = names.iter().filter_map(|n| self.party_ref(n, "notify"));
                    extend_sized(&mut notify, notify_wanted, resolved)
                }
                (Keyword::Within, Value::Deadline(d)) => {
                    let deadline = self.deadline(d.within, d.from.as_ref(), &d.only_for, stmt.span);
                    self.check_deadline_occasions(&deadlines, &deadline, step_name);
                    deadlines.push(deadline);
                }
                (Keyword::Every, Value::Duration(d)) => {
                    every.get_or_insert(**d);
                }
                (Keyword::Until, Value::Str(s)) => set_once(&mut until, s),
                (Keyword::Text, Value::Str(s)) => texts.push(s.clone()),
                _ => {}
            }
        }
        let more = StepMore {
            with,
            deadlines,
            notify,
            until: until.map(Box::new),
            texts,
            every: every.map(Box::new),
            on_levels,
        };
        self.model.steps.push(Step {
            named,
            owner,
            owner_written,
            on_direct: on,
            after,
            start_unresolved,
            more: (more != StepMore::default()).then(|| Box::new(more)),
        });
    }

    pub(super) fn fill_routine(
        &mut self,
        id: RoutineId,
        named: Named,
        drill: bool,
        stmts: &[ast::Stmt<'s>],
    ) {
        debug_assert_eq!(id.index(), self.model.routines.len());
        let mut owner = None;
        let mut owner_written = false;
        let mut with = ThinVec::new();
        let mut every = None;
        let mut last = None;
        let mut texts = ThinVec::new();
        let with_wanted = values(stmts, Keyword::With);
        texts.reserve_exact(values(stmts, Keyword::Text));
        for stmt in stmts {
            match (&stmt.keyword, &stmt.value) {
                (Keyword::Owner, Value::Name(n)) if !owner_written => {
                    owner_written = true;
                    owner = self.role_ref(n, "owner");
                }
                (Keyword::With, Value::Names(names)) => {
                    let resolved = names.iter().filter_map(|n| self.party_ref(n, "with"));
                    extend_sized(&mut with, with_wanted, resolved)
                }
                (Keyword::Every, Value::Duration(d)) => {
                    every.get_or_insert(**d);
                }
                (Keyword::Last, Value::Date(d)) => {
                    last.get_or_insert(*d);
                }
                (Keyword::Text, Value::Str(s)) => texts.push(s.clone()),
                _ => {}
            }
        }
        self.model.routines.push(Routine {
            named,
            drill,
            owner,
            owner_written,
            with,
            every,
            texts,
            last,
        });
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
                (Keyword::Until, Value::Str(s)) => {
                    level.until.get_or_insert_with(|| Box::new(s.clone()));
                }
                (Keyword::Text, Value::Str(s)) => level.texts.push(s.clone()),
                _ => {}
            }
        }
    }
}
