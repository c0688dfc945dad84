//! The batch reader: reads a file, or the part of it from a given line on,
//! with the fast rules a batch of items at a time, keeping the open sections
//! on its own stack, and falling back to the reference rules for an item the
//! fast rules cannot read cleanly (see `parse`).
//!
//! For reading a large file in parts at once (`parts`), a reader can also
//! start at a line inside sections it has not seen (`Reader::inner`) and be
//! told to stop at a later line (`until`). An inner reader keeps what it
//! reads per level: the items at the level it started at, the `}` that
//! closes that level's section, the items one level out, and so on. It gives
//! up on anything that depends on what came before it: an item with
//! something to report (whose fallback re-reads the whole top-level item), a
//! `plan` header outside its own sections. A reader stops at `until` only
//! at an item boundary (nothing but white space, comments and `;` between
//! its last item and `until`); the reader of the part before then takes the
//! inner reader's levels if they fit its open sections (`Reader::absorb`),
//! and reads the part itself if they do not.

use super::errors::Errors;
use super::lex::{self, TokenKind};
use super::parser::{self, PlanParser, Rule};
use super::{Whole, ast, lower, whole_item};
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use pest::Parser as _;

/// Sections nested deeper than this are read by the reference rules (which
/// recurse, pest guarding the stack), so that the tree stays as it was.
const MAX_OPEN_SECTIONS: usize = lower::MAX_SECTION_DEPTH;

/// A section whose `}` has not been read yet.
struct OpenSection<'s> {
    title: ast::Str<'s>,
    start: usize,
    items: ast::Items<'s>,
    /// (v1) Its statements (`element`).
    stmts: Vec<ast::Stmt<'s>>,
}

/// What an inner reader read at one level of the sections open before it.
#[derive(Default)]
struct Level<'s> {
    items: ast::Items<'s>,
    stmts: Vec<ast::Stmt<'s>>,
    /// The end of the `}` that closed the level's section.
    close: Option<usize>,
}

/// How a reader's last `run` ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum End {
    /// At the end of the file.
    File,
    /// At `until`, an item boundary.
    Until,
    /// An inner reader met what depends on the text before it.
    GaveUp,
}

pub(super) struct Reader<'s> {
    source: &'s str,
    pos: usize,
    items: ast::Items<'s>,
    /// The errors kept: only the reference rules' (`whole_item`). An inner
    /// reader keeps none: it gives up at the first item with one.
    errors: Errors,
    /// What the fast rules' items report, only to tell that they do: the
    /// item is then read again by the reference rules. Empty between batches.
    trouble: Vec<Diagnostic>,
    /// How many times it fell back to the reference rules.
    pub fallbacks: usize,
    open: Vec<OpenSection<'s>>,
    /// Where the top-level section being read began.
    item_start: usize,
    /// Inner readers only: the levels of the sections open before the start.
    outer: Option<Vec<Level<'s>>>,
    /// Inner readers only: the deepest a section was opened at, counted from
    /// the start level.
    deepest_open: isize,
}

impl<'s> Reader<'s> {
    /// A reader of the file from `pos`, its start (after a byte-order mark).
    pub fn new(source: &'s str, pos: usize) -> Self {
        Reader {
            source,
            pos,
            items: ast::Items::default(),
            errors: Errors::default(),
            trouble: Vec::new(),
            fallbacks: 0,
            open: Vec::new(),
            item_start: pos,
            outer: None,
            deepest_open: isize::MIN,
        }
    }

    /// A reader from the line start `pos`, inside sections it does not know.
    pub fn inner(source: &'s str, pos: usize) -> Self {
        Reader {
            outer: Some(vec![Level::default()]),
            ..Reader::new(source, pos)
        }
    }

    /// The items read and the errors kept, once the reader has read to the
    /// end of the file.
    pub fn into_parts(self) -> (ast::Items<'s>, Errors) {
        (self.items, self.errors)
    }

    /// Takes what `inner` read (its last run ended at `end`, not
    /// `End::GaveUp`), which started where this reader stopped
    /// (`End::Until`), if its levels fit this reader's open sections: then
    /// this reader is where `inner` stopped, with what it would have read.
    /// `false` (and this reader unchanged) if they do not.
    pub fn absorb(&mut self, inner: Reader<'s>, end: End) -> bool {
        let Some(levels) = inner.outer else {
            return false;
        };
        let depth = self.open.len();
        // Each level's `}` closes one of this reader's sections; at top level
        // a `}` or an `element` is an error the reader must report itself,
        // and so is a section left open at the end of the file.
        // (`deepest_open` is `isize::MIN` if it opened none.)
        let fits = end != End::GaveUp
            && levels.len() <= depth + 1
            && (end != End::File || levels.len() == depth + 1)
            && levels
                .iter()
                .enumerate()
                .all(|(k, level)| k < depth || (level.close.is_none() && level.stmts.is_empty()))
            && depth as isize + inner.deepest_open < MAX_OPEN_SECTIONS as isize;
        if !fits {
            return false;
        }
        for level in levels {
            // At top level `stmts` is empty (see `fits`).
            let (items, stmts) = here(&mut self.open, &mut self.outer, &mut self.items);
            items.append(level.items);
            if let Some(stmts) = stmts {
                stmts.extend(level.stmts);
            }
            if let Some(end) = level.close
                && let Some(section) = self.open.pop()
            {
                close(
                    &mut self.open,
                    &mut self.outer,
                    &mut self.items,
                    section,
                    end,
                );
            }
        }
        for section in inner.open {
            if self.open.is_empty() {
                self.item_start = section.start;
            }
            self.open.push(section);
        }
        self.pos = inner.pos;
        // (`inner` kept no errors: it reads no item the reference way.)
        self.fallbacks += inner.fallbacks;
        true
    }

    /// Reads on to the end of the file, or to `until` (`usize::MAX`: no
    /// stop) if that is an item boundary the reader meets.
    pub fn run(&mut self, mut until: usize) -> End {
        let source = self.source;
        loop {
            if self.pos >= until {
                // The reference rules read up to `until` (resuming after an
                // error there) or past it.
                if self.pos == until && self.open.is_empty() && self.outer.is_none() {
                    return End::Until;
                }
                until = usize::MAX;
            }
            let rule = if self.open.is_empty() && self.outer.is_none() {
                Rule::f_top_batch
            } else {
                Rule::f_section_batch
            };
            let mut progressed = false;
            let mut trouble = false;
            let mut done = false;
            let pos = self.pos;
            if let Ok(mut pairs) = PlanParser::parse(rule, &source[pos..])
                && let Some(batch) = pairs.next()
            {
                let mut lowerer = lower::Lowerer {
                    base: pos,
                    diagnostics: &mut self.trouble,
                    keyword_as_name: false,
                    _marker: std::marker::PhantomData,
                };
                // The end of the last pair read, not of the batch: that is past the
                // white space after it, and an error reported from there would read
                // differently.
                let mut last_end = pos;
                for pair in batch.into_inner() {
                    let span = pair.as_span();
                    if pos + span.start() >= until {
                        if only_space_between(source, last_end, until) {
                            self.pos = last_end;
                            return End::Until;
                        }
                        until = usize::MAX;
                    }
                    let end = pos + span.end();
                    match parser::canonical(pair.as_rule()) {
                        Rule::comment_text => continue,
                        Rule::EOI => done = true,
                        Rule::section_open => {
                            let (title, start) = lowerer.section_open(pair);
                            if !lowerer.diagnostics.is_empty()
                                || self.open.len() >= MAX_OPEN_SECTIONS
                            {
                                trouble = true;
                            } else {
                                if self.open.is_empty() {
                                    self.item_start = last_end;
                                }
                                self.deepest_open =
                                    self.deepest_open.max(level(&self.open, &self.outer));
                                self.open.push(OpenSection {
                                    title,
                                    start,
                                    items: ast::Items::default(),
                                    stmts: Vec::new(),
                                });
                            }
                        }
                        Rule::block_end => match (self.open.pop(), self.outer.as_mut()) {
                            (Some(section), _) => close(
                                &mut self.open,
                                &mut self.outer,
                                &mut self.items,
                                section,
                                end,
                            ),
                            (None, Some(outer)) => {
                                if let Some(level) = outer.last_mut() {
                                    level.close = Some(end);
                                }
                                outer.push(Level::default());
                            }
                            (None, None) => {}
                        },
                        // (v1) a section's `element`
                        Rule::element_stmt => {
                            let stmt = lowerer.stmt(pair);
                            let clean = lowerer.diagnostics.is_empty();
                            match here(&mut self.open, &mut self.outer, &mut self.items).1 {
                                Some(stmts) if clean => stmts.extend(stmt),
                                _ => trouble = true,
                            }
                        }
                        _ => {
                            // Whether a `plan` header is nested depends on the
                            // sections before an inner reader's start.
                            let unknown_depth = self.outer.is_some() && self.open.is_empty();
                            if unknown_depth && parser::canonical(pair.as_rule()) == Rule::plan_item
                            {
                                trouble = true;
                            } else {
                                let item = lowerer.item(pair, self.open.len());
                                if !lowerer.diagnostics.is_empty() || lowerer.keyword_as_name {
                                    trouble = true;
                                } else {
                                    here(&mut self.open, &mut self.outer, &mut self.items)
                                        .0
                                        .extend(item);
                                }
                            }
                        }
                    }
                    if trouble {
                        lowerer.diagnostics.clear();
                        break;
                    }
                    progressed = true;
                    last_end = end;
                }
                self.pos = last_end;
            }
            if done {
                return End::File;
            }
            if progressed && !trouble {
                continue;
            }
            if self.outer.is_some() {
                // An inner reader at its own top level may be at the file's:
                // there the end of the file ends it (the part before decides
                // whether that is so).
                if !trouble && self.open.is_empty() && at_end(source, self.pos) {
                    return End::File;
                }
                return End::GaveUp;
            }
            // Read the top-level item whole, the reference way.
            self.fallbacks += 1;
            if self.open.is_empty() {
                self.item_start = self.pos;
            }
            self.open.clear();
            match whole_item(source, self.item_start, &mut self.errors) {
                // Past `until` now, the reader reads on (see the loop's start).
                Whole::Item(item, end) => {
                    self.items.extend(item);
                    self.pos = end;
                }
                Whole::End => return End::File,
                Whole::Resume(next) => self.pos = next,
            }
        }
    }
}

/// The level (counted from an inner reader's start level) a new section
/// opens at.
fn level(open: &[OpenSection<'_>], outer: &Option<Vec<Level<'_>>>) -> isize {
    let closed = outer.as_ref().map_or(0, |o| o.len() - 1);
    open.len() as isize - closed as isize
}

/// Where what is read now goes: the innermost open section, else an inner
/// reader's current level, else the top level (which holds no statements).
fn here<'a, 's>(
    open: &'a mut [OpenSection<'s>],
    outer: &'a mut Option<Vec<Level<'s>>>,
    items: &'a mut ast::Items<'s>,
) -> (&'a mut ast::Items<'s>, Option<&'a mut Vec<ast::Stmt<'s>>>) {
    match (open.last_mut(), outer.as_mut().and_then(|o| o.last_mut())) {
        (Some(section), _) => (&mut section.items, Some(&mut section.stmts)),
        (None, Some(level)) => (&mut level.items, Some(&mut level.stmts)),
        (None, None) => (items, None),
    }
}

/// Puts a closed section where it belongs (`here`).
fn close<'s>(
    open: &mut [OpenSection<'s>],
    outer: &mut Option<Vec<Level<'s>>>,
    items: &mut ast::Items<'s>,
    section: OpenSection<'s>,
    end: usize,
) {
    let item = ast::Item::Section(ast::Section {
        title: section.title,
        items: section.items,
        stmts: section.stmts,
        span: Span::new(section.start, end),
    });
    here(open, outer, items).0.push(item);
}

/// Whether only white space, comments and `;` are left from `from` on.
fn at_end(source: &str, from: usize) -> bool {
    only_space_between(source, from, source.len())
}

/// Whether `source[from..to]` (`from` a token boundary) holds only white
/// space, comments and `;`.
fn only_space_between(source: &str, from: usize, to: usize) -> bool {
    from <= to
        && lex::tokens(source, from)
            .take_while(|t| t.span.start() < to)
            .all(|t| {
                t.span.end() <= to && matches!(t.kind, TokenKind::Comment | TokenKind::Punct(';'))
            })
}
