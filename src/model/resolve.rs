//! Builds the model from the syntax tree in two passes: declare every name
//! (so names can be used before they are defined), then resolve every use.

use super::names::{Definition, Names};
use super::suggestions::Suggestions;
use super::*;
use crate::syntax::ast::{self, Item, Keyword, Value};
use std::num::NonZeroU32;

use thin_vec::ThinVec;

/// Builds the resolved model of a parsed file.
pub fn build<'s>(file: &ast::File<'s>) -> Model<'s> {
    let items = flatten(file);
    let (mut r, declared) = Resolver::declare_all(file.source, &items);
    for (item, symbol) in items.iter().zip(declared) {
        r.fill(item, symbol);
    }
    let nested_header = saw_nested_header(&items);
    r.finish(nested_header)
}

/// `build`, freeing the syntax tree item by item as it is resolved (what
/// the tree of a large plan takes is then given back before the model has
/// grown: the two are never whole at once). For callers that need nothing
/// more of the tree.
pub fn build_owned(file: ast::File<'_>) -> Model<'_> {
    let (mut r, declared, nested_header) = {
        let items = flatten(&file);
        let (r, declared) = Resolver::declare_all(file.source, &items);
        (r, declared, saw_nested_header(&items))
    };
    let mut declared = declared.into_iter();
    // The items in the order `flatten` lists them (a section, then its
    // items), each dropped once filled in, and each chunk of them
    // (`ast::Items`) once its items are.
    let mut stack = vec![file.items.into_iter()];
    while let Some(top) = stack.last_mut() {
        let Some(mut item) = top.next() else {
            stack.pop();
            continue;
        };
        let inner = match &mut item {
            Item::Section(section) => Some(std::mem::take(&mut section.items)),
            _ => None,
        };
        let symbol = declared.next().flatten();
        r.fill(&item, symbol);
        drop(item);
        if let Some(inner) = inner {
            stack.push(inner.into_iter());
        }
    }
    r.finish(nested_header)
}

fn saw_nested_header(items: &[&Item<'_>]) -> bool {
    items.iter().any(|i| matches!(i, Item::Plan(p) if p.nested))
}

/// Every item, sections opened, in source order (iterative: sections nest).
fn flatten<'a, 's>(file: &'a ast::File<'s>) -> Vec<&'a Item<'s>> {
    let mut out = Vec::new();
    let mut stack: Vec<ast::ItemsIter<'a, 's>> = vec![file.items.iter()];
    while let Some(top) = stack.last_mut() {
        match top.next() {
            Some(item) => {
                out.push(item);
                if let Item::Section(section) = item {
                    stack.push(section.items.iter());
                }
            }
            None => {
                stack.pop();
            }
        }
    }
    out
}

pub(super) struct Resolver<'s> {
    pub(super) model: Model<'s>,
    pub(super) suggestions: Suggestions<'s>,
    /// How many roles, externals, steps, routines and triggers are
    /// declared: their ids. Each is built when its body is read (`fill`),
    /// in the same order, while the tree is freed (`build_owned`).
    declared: [u32; 5],
}

fn named(name: &ast::Name, label: &ast::Str, span: Span) -> Named {
    Named {
        name_span: name.span,
        label_span: label.span,
        span,
    }
}

impl<'s> Resolver<'s> {
    /// The first pass: every name declared. What each item defined, so that
    /// the second pass (`fill`) need not look it up.
    fn declare_all(source: &'s str, items: &[&Item<'s>]) -> (Resolver<'s>, Vec<Option<Symbol>>) {
        let mut r = Resolver {
            model: Model {
                source,
                symbols: Names::with_capacity(items.len()),
                ..Model::default()
            },
            suggestions: Suggestions::default(),
            declared: [0; 5],
        };
        r.reserve(items);
        let declared: Vec<Option<Symbol>> = items.iter().map(|item| r.declare(item)).collect();
        r.reserve_conditions(items, &declared);
        let m = &mut r.model;
        let [roles, externals, steps, routines, triggers] = r.declared.map(|n| n as usize);
        m.roles.reserve_exact(roles);
        m.externals.reserve_exact(externals);
        m.steps.reserve_exact(steps);
        m.routines.reserve_exact(routines);
        m.triggers.reserve_exact(triggers);
        (r, declared)
    }

    fn finish(mut self, nested_header: bool) -> Model<'s> {
        self.suggest_all();
        self.scale_numbers();
        self.expand_levels();
        if self.model.header.is_none() && !nested_header {
            self.model.problems.push(Problem::NoHeader);
        }
        self.model
    }

    /// "Did you mean" for every undefined name, in the order found (the
    /// comparisons' budget is spent in that order). The names are listed
    /// for suggestions from the whole model, once it is built (a list of
    /// every name kept beside the table took 24 bytes a name: issue 19,
    /// memory per byte).
    fn suggest_all(&mut self) {
        let is_undefined = |p: &Problem| matches!(p, Problem::Undefined(_));
        if !self.model.problems.iter().any(is_undefined) {
            return;
        }
        let defined = super::suggestions::defined(&self.model);
        for at in 0..self.model.problems.len() {
            let Problem::Undefined(undefined) = self.model.problems[at] else {
                continue;
            };
            let kinds = super::suggestions::kinds(|k| undefined.want.accepts(k));
            let word = self.model.text(undefined.span);
            let Some(name) = self.suggestions.closest_of(&defined, word, kinds) else {
                continue;
            };
            self.model.suggested.push(name);
            // Its number: one past its index (a problem per suggestion, so
            // fewer than `u32::MAX`: a file is at most 256 MiB).
            let number = u32::try_from(self.model.suggested.len()).ok();
            if let Problem::Undefined(u) = &mut self.model.problems[at] {
                u.suggestion = number.and_then(NonZeroU32::new);
            }
        }
    }

    fn define(&mut self, name: &ast::Name<'s>, kind: Kind, symbol: Symbol) -> bool {
        let definition = Definition::new(name.span, kind, symbol);
        match self.model.symbols.define(name.text, definition) {
            Ok(()) => true,
            Err(first) => {
                self.model
                    .problems
                    .push(Problem::Duplicate(Box::new(Duplicate {
                        what: msg!("duplicate-what-name", name = name.text),
                        first: first.span(),
                        second: name.span,
                        attribute: false,
                    })));
                false
            }
        }
    }

    /// Sizes the lists `declare` fills once, exactly: no copying as they
    /// grow, and no list twice its size at the peak of a large plan. (The
    /// tables `fill` fills are told how many items come once they are
    /// declared: each chunk of them is then allocated at its size.)
    fn reserve(&mut self, items: &[&Item<'s>]) {
        let (mut facts, mut levels) = (0, 0);
        for item in items {
            match item {
                Item::Fact(_) => facts += 1,
                Item::Level(_) => levels += 1,
                _ => {}
            }
        }
        let m = &mut self.model;
        m.facts.reserve_exact(facts);
        m.levels.reserve_exact(levels);
    }

    /// Makes room in the model's store for the conditions of the triggers
    /// `declared` (a second definition's is not resolved), exactly.
    fn reserve_conditions(&mut self, items: &[&Item<'s>], declared: &[Option<Symbol>]) {
        let mut sizes = ast::Sizes::default();
        for (item, symbol) in items.iter().zip(declared) {
            if let (Item::Trigger(t), Some(_)) = (item, symbol) {
                let s = t.condition.sizes();
                sizes.nodes += s.nodes;
                sizes.children += s.children;
                sizes.variants += s.variants;
                sizes.comparisons += s.comparisons;
                sizes.memberships += s.memberships;
            }
        }
        self.model.conditions.reserve_exact(sizes);
    }

    /// What a name denotes, if it is defined.
    pub(super) fn symbol(&self, name: &str) -> Option<Symbol> {
        self.model.symbols.get(name).copied()
    }

    /// Defines the item's name; returns the symbol of a role, external, step,
    /// routine, level or trigger it defined (the items whose bodies `fill`
    /// reads). Facts and levels join the model here (conditions and
    /// deadlines read them before their bodies are read), the others in
    /// `fill`.
    fn declare(&mut self, item: &Item<'s>) -> Option<Symbol> {
        let m = &mut self.model;
        match item {
            Item::Decl(d) => {
                // Its id: how many of its sort were declared before it.
                let (slot, kind) = match d.kind {
                    ast::DeclKind::Role => (0, Kind::Role),
                    ast::DeclKind::External => (1, Kind::External),
                    ast::DeclKind::Step => (2, Kind::Step),
                    ast::DeclKind::Routine => (3, Kind::Routine),
                    ast::DeclKind::Drill => (3, Kind::Drill),
                };
                let id = self.declared[slot];
                let symbol = match slot {
                    0 => Symbol::Role(RoleId(id)),
                    1 => Symbol::External(ExternalId(id)),
                    2 => Symbol::Step(StepId(id)),
                    _ => Symbol::Routine(RoutineId(id)),
                };
                if !self.define(&d.name, kind, symbol) {
                    return None;
                }
                self.declared[slot] += 1;
                Some(symbol)
            }
            Item::Fact(f) => {
                let id = FactId(m.facts.len() as u32);
                if !self.define(&f.name, Kind::Fact, Symbol::Fact(id)) {
                    return None;
                }
                let ty = match &f.ty {
                    ast::FactType::Count => FactType::Count,
                    ast::FactType::Number => FactType::Number { places: 0 },
                    ast::FactType::Flag => FactType::Flag,
                    ast::FactType::OneOf(variants) => {
                        let mut seen: HashMap<&str, Span> = HashMap::new();
                        let mut out = Vec::new();
                        for v in variants {
                            if let Some(&first) = seen.get(v.name.text) {
                                self.model
                                    .problems
                                    .push(Problem::Duplicate(Box::new(Duplicate {
                                        what: msg!("duplicate-what-variant", name = v.name.text),
                                        first,
                                        second: v.name.span,
                                        attribute: false,
                                    })));
                                continue;
                            }
                            seen.insert(v.name.text, v.name.span);
                            out.push(Variant {
                                name: v.name.text,
                                label: v.label.clone(),
                                span: v.name.span,
                            });
                        }
                        FactType::OneOf(out)
                    }
                };
                self.model.facts.push(Fact {
                    named: named(&f.name, &f.label, f.span),
                    ty,
                });
                None
            }
            Item::Level(l) => {
                let id = LevelId(m.levels.len() as u32);
                if !self.define(&l.name, Kind::Level, Symbol::Level(id)) {
                    return None;
                }
                self.model.levels.push(Level {
                    named: named(&l.name, &l.label, l.span),
                    until: None,
                    texts: ThinVec::new(),
                    triggers: ThinVec::new(),
                });
                Some(Symbol::Level(id))
            }
            Item::Trigger(t) => {
                let id = TriggerId(self.declared[4]);
                if !self.define(&t.name, Kind::Trigger, Symbol::Trigger(id)) {
                    return None;
                }
                self.declared[4] += 1;
                Some(Symbol::Trigger(id))
            }
            Item::Plan(_) | Item::Section(_) | Item::Text(_) => None,
        }
    }

    /// Second pass: resolve the item's references and fill in its attributes.
    /// `symbol`: what `declare` returned for the item (`None` for a second
    /// definition of a name, whose body is not checked again).
    /// A trigger's condition (resolved by `condition`) and level.
    fn fill_trigger(&mut self, t: &ast::Trigger<'s>, symbol: Option<Symbol>) {
        let Some(Symbol::Trigger(id)) = symbol else {
            return;
        };
        debug_assert_eq!(id.index(), self.model.triggers.len());
        let condition = self.condition(&t.condition);
        let level = t.level.as_ref().and_then(|l| self.level_ref(l));
        self.model.triggers.push(Trigger {
            named: named(&t.name, &t.label, t.span),
            condition,
            level,
        });
    }

    fn fill(&mut self, item: &Item<'s>, symbol: Option<Symbol>) {
        match item {
            Item::Plan(p) => self.fill_header(p),
            Item::Decl(d) => {
                let Some(symbol) = symbol else {
                    return;
                };
                self.check_single_attributes(&d.stmts, d.kind.keyword(), d.name.text);
                let named = named(&d.name, &d.label, d.span);
                match symbol {
                    Symbol::Role(id) => self.fill_role(id, named, &d.stmts),
                    Symbol::External(id) => self.fill_external(id, named, &d.stmts),
                    Symbol::Step(id) => self.fill_step(id, named, &d.stmts),
                    Symbol::Routine(id) => {
                        let drill = d.kind == ast::DeclKind::Drill;
                        self.fill_routine(id, named, drill, &d.stmts)
                    }
                    _ => {}
                }
            }
            Item::Trigger(t) => self.fill_trigger(t, symbol),
            Item::Section(section) => self.fill_section(section),
            Item::Level(l) => {
                if let Some(Symbol::Level(id)) = symbol {
                    self.check_single_attributes(&l.stmts, "level", l.name.text);
                    self.fill_level(id, &l.stmts);
                }
            }
            _ => {}
        }
    }

    fn fill_header(&mut self, p: &ast::PlanHeader<'s>) {
        if p.nested {
            self.model
                .problems
                .push(Problem::NestedHeader { span: p.keyword });
            return;
        }
        if let Some(first) = &self.model.header {
            self.model
                .problems
                .push(Problem::ExtraHeader(Box::new(ExtraHeader {
                    first: first.span,
                    extra: p.keyword,
                })));
            return;
        }
        self.check_single_attributes(&p.stmts, "plan", "header");
        let mut h = Header {
            title: Some(p.title.clone()),
            span: p.keyword,
            ..Header::default()
        };
        for stmt in &p.stmts {
            match (&stmt.keyword, &stmt.value) {
                (Keyword::Issuer, Value::Str(s)) => set_once(&mut h.issuer, s),
                (Keyword::Scope, Value::Str(s)) => set_once(&mut h.scope, s),
                (Keyword::Version, Value::Str(s)) => set_once(&mut h.version, s),
                (Keyword::Approver, Value::Str(s)) => set_once(&mut h.approver, s),
                (Keyword::Text, Value::Str(s)) => h.texts.push(s.clone()),
                (Keyword::Basis, Value::Strs(v)) => h.basis.extend(v.iter().cloned()),
                (Keyword::Date, Value::Date(d)) => {
                    h.date.get_or_insert(*d);
                }
                (Keyword::Commander, Value::Name(n)) if !h.commander_written => {
                    h.commander_written = true;
                    h.commander = self.role_ref(n, "commander");
                }
                (Keyword::Kind, Value::Kind(n, kind)) => {
                    h.kind.get_or_insert((*kind, n.span));
                }
                (Keyword::Distribution, Value::Str(s)) => set_once(&mut h.distribution, s),
                (Keyword::Effective, Value::Date(d)) => {
                    h.effective.get_or_insert(*d);
                }
                (Keyword::Reviewed, Value::Date(d)) => {
                    h.reviewed.get_or_insert(*d);
                }
                (Keyword::Revision, Value::Revision(r)) => h.revisions.push(Revision {
                    date: r.date,
                    note: r.note.clone(),
                    span: stmt.span,
                }),
                _ => {}
            }
        }
        self.model.header = Some(h);
    }
}

pub(super) fn set_once<'s>(slot: &mut Option<ast::Str<'s>>, value: &ast::Str<'s>) {
    if slot.is_none() {
        *slot = Some(value.clone());
    }
}
