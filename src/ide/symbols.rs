//! The document outline: the plan header, sections (nested), and every named
//! item with its label. Its words are borrowed from the text (copied only
//! where escapes were resolved): on a large plan the outline has one entry
//! per line, and it outlives the tree (see `Analysis`).

use std::borrow::Cow;

use super::NameKind;
use crate::span::Span;
use crate::syntax::ast::{self, DeclKind, Item};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineSymbol<'a> {
    pub name: Cow<'a, str>,
    /// The item's label (a section's or the plan's title is its name).
    pub detail: Option<Cow<'a, str>>,
    pub kind: OutlineKind,
    /// The whole item.
    pub span: Span,
    /// The part to select: the name, or the title.
    pub selection: Span,
    pub children: Vec<OutlineSymbol<'a>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineKind {
    Plan,
    Section,
    Name(NameKind),
}

/// The outline of a file. Sections nest at most `syntax::MAX_SECTION_DEPTH`
/// deep (the parser refuses deeper ones), which bounds the recursion here.
pub fn outline<'s>(file: &ast::File<'s>) -> Vec<OutlineSymbol<'s>> {
    items(&file.items)
}

fn items<'s>(items: &ast::Items<'s>) -> Vec<OutlineSymbol<'s>> {
    items.iter().filter_map(item).collect()
}

fn named<'s>(
    kind: NameKind,
    name: &ast::Name<'s>,
    label: &ast::Str<'s>,
    span: Span,
) -> OutlineSymbol<'s> {
    OutlineSymbol {
        name: Cow::Borrowed(name.text),
        detail: Some(label.value.clone()),
        kind: OutlineKind::Name(kind),
        span,
        selection: name.span,
        children: Vec::new(),
    }
}

fn item<'s>(item: &Item<'s>) -> Option<OutlineSymbol<'s>> {
    Some(match item {
        Item::Plan(p) => OutlineSymbol {
            name: p.title.value.clone(),
            detail: Some(Cow::Borrowed("plan")),
            kind: OutlineKind::Plan,
            span: p.span,
            selection: p.title.span,
            children: Vec::new(),
        },
        Item::Section(s) => OutlineSymbol {
            name: s.title.value.clone(),
            detail: None,
            kind: OutlineKind::Section,
            span: s.span,
            selection: s.title.span,
            children: items(&s.items),
        },
        Item::Text(_) => return None,
        Item::Decl(d) => {
            let kind = match d.kind {
                DeclKind::Role => NameKind::Role,
                DeclKind::External => NameKind::External,
                DeclKind::Step => NameKind::Step,
                DeclKind::Routine => NameKind::Routine,
                DeclKind::Drill => NameKind::Drill,
            };
            named(kind, &d.name, &d.label, d.span)
        }
        Item::Fact(f) => {
            let mut symbol = named(NameKind::Fact, &f.name, &f.label, f.span);
            if let ast::FactType::OneOf(variants) = &f.ty {
                symbol.children = variants
                    .iter()
                    .map(|v| {
                        named(
                            NameKind::Variant,
                            &v.name,
                            &v.label,
                            v.name.span.cover(v.label.span),
                        )
                    })
                    .collect();
            }
            symbol
        }
        Item::Level(l) => named(NameKind::Level, &l.name, &l.label, l.span),
        Item::Trigger(t) => named(NameKind::Trigger, &t.name, &t.label, t.span),
    })
}
