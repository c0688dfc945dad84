//! Stage 1: source text → typed syntax tree with spans, plus syntax errors.
//!
//! Invariant: `parse` never panics and always returns a tree (possibly partial)
//! and the diagnostics that explain what is missing from it.
//!
//! The file is parsed a batch of items at a time, sections opened and closed by
//! the parse loop: pest's pairs for one batch are dropped before the next is
//! parsed (bounded memory, however large a section), and after a syntax
//! error parsing resumes at the next line that starts an item in column 1, so
//! that one slip gives one diagnostic, not a cascade.

pub mod ast;
mod condition;
mod condition_text;
pub mod document;
mod expected;
pub mod language;
pub mod lex;
mod lower;
mod parser;
pub mod paste;
mod recover;
pub mod scan;
mod slips;
mod values;

use pest::Parser as _;

use crate::diagnostic::Diagnostic;
use crate::span::Span;
pub use expected::ascii_for;
pub use lower::{MAX_CONDITION_DEPTH, MAX_SECTION_DEPTH};
use parser::{PlanParser, Rule};
pub use values::{WORKING_DAY, parse_duration};

/// The result of parsing: the items that parsed, and the syntax errors.
#[derive(Debug)]
pub struct Parsed<'s> {
    pub file: ast::File<'s>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Sections nested deeper than this are read by the reference rules (which
/// recurse, pest guarding the stack), so that the tree stays as it was.
const MAX_OPEN_SECTIONS: usize = MAX_SECTION_DEPTH;

/// A section whose `}` has not been read yet.
struct OpenSection<'s> {
    title: ast::Str<'s>,
    start: usize,
    items: Vec<ast::Item<'s>>,
    /// (v1) Its statements (`element`).
    stmts: Vec<ast::Stmt<'s>>,
}

/// Parses a whole plan file.
///
/// The fast path reads batches of items with the fast rules
/// (`f_top_batch`, `f_section_batch`) and keeps the open sections on its own
/// stack. When a batch makes no progress, or an item it read has anything to
/// report (a keyword as a name, a bad escape, date or duration), the
/// top-level item it is in is parsed again whole with the reference rules
/// (`next_item`), exactly as `parse_reference` reads every item, so that
/// errors are reported, and recovered from, in the same words and places.
pub fn parse(source: &str) -> Parsed<'_> {
    parse_counting(source).0
}

/// `parse`, and how many times it fell back to the reference rules (for the
/// tests: a clean plan must never need them).
#[doc(hidden)]
pub fn parse_counting(source: &str) -> (Parsed<'_>, usize) {
    let mut fallbacks = 0;
    let mut diagnostics = Vec::new();
    let mut items = Vec::new();
    let mut open: Vec<OpenSection<'_>> = Vec::new();
    let mut pos = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    // Where the top-level section being read began, and the diagnostics before it.
    let mut item_start = pos;
    let mut diagnostics_before = 0;
    loop {
        let rule = if open.is_empty() {
            Rule::f_top_batch
        } else {
            Rule::f_section_batch
        };
        let mut progressed = false;
        let mut trouble = false;
        let mut done = false;
        if let Ok(mut pairs) = PlanParser::parse(rule, &source[pos..])
            && let Some(batch) = pairs.next()
        {
            let mut lowerer = lower::Lowerer {
                base: pos,
                diagnostics: &mut diagnostics,
                keyword_as_name: false,
                _marker: std::marker::PhantomData,
            };
            // The end of the last pair read, not of the batch: that is past the
            // white space after it, and an error reported from there would read
            // differently.
            let mut last_end = pos;
            for pair in batch.into_inner() {
                let before = lowerer.diagnostics.len();
                let end = pos + pair.as_span().end();
                match parser::canonical(pair.as_rule()) {
                    Rule::comment_text => continue,
                    Rule::EOI => done = true,
                    Rule::section_open => {
                        let (title, start) = lowerer.section_open(pair);
                        if lowerer.diagnostics.len() > before || open.len() >= MAX_OPEN_SECTIONS {
                            trouble = true;
                        } else {
                            if open.is_empty() {
                                item_start = last_end;
                                diagnostics_before = before;
                            }
                            open.push(OpenSection {
                                title,
                                start,
                                items: Vec::new(),
                                stmts: Vec::new(),
                            });
                        }
                    }
                    Rule::block_end => {
                        if let Some(section) = open.pop() {
                            let item = ast::Item::Section(ast::Section {
                                title: section.title,
                                items: section.items,
                                stmts: section.stmts,
                                span: Span::new(section.start, end),
                            });
                            match open.last_mut() {
                                Some(parent) => parent.items.push(item),
                                None => items.push(item),
                            }
                        }
                    }
                    // (v1) a section's `element`
                    Rule::element_stmt => {
                        let stmt = lowerer.stmt(pair);
                        match open.last_mut() {
                            Some(section) if lowerer.diagnostics.len() == before => {
                                section.stmts.extend(stmt)
                            }
                            _ => trouble = true,
                        }
                    }
                    _ => {
                        let item = lowerer.item(pair, open.len());
                        if lowerer.diagnostics.len() > before || lowerer.keyword_as_name {
                            trouble = true;
                        } else {
                            match open.last_mut() {
                                Some(parent) => parent.items.extend(item),
                                None => items.extend(item),
                            }
                        }
                    }
                }
                if trouble {
                    lowerer.diagnostics.truncate(before);
                    break;
                }
                progressed = true;
                last_end = end;
            }
            pos = last_end;
        }
        if done {
            break;
        }
        if progressed && !trouble {
            continue;
        }
        // Read the top-level item whole, the reference way.
        fallbacks += 1;
        if open.is_empty() {
            item_start = pos;
            diagnostics_before = diagnostics.len();
        }
        open.clear();
        diagnostics.truncate(diagnostics_before);
        match whole_item(source, item_start, &mut diagnostics) {
            Whole::Item(item, end) => {
                items.extend(item);
                pos = end;
            }
            Whole::End => break,
            Whole::Resume(next) => pos = next,
        }
    }
    mention_fmt_fix(source, &mut diagnostics);
    let parsed = Parsed {
        file: ast::File { items },
        diagnostics,
    };
    (parsed, fallbacks)
}

/// When syntax errors stand on pasted full-width characters, the first of
/// them says that `planc fmt --fix` repairs them all, and how many there are.
fn mention_fmt_fix(source: &str, diagnostics: &mut [Diagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    let fixes = paste::fix_paste_artefacts(source).fixes;
    // Sorted, looked up per diagnostic: one scan of the fixes per diagnostic
    // was quadratic in a file of many broken lines.
    let mut starts: Vec<usize> = fixes.iter().map(|f| f.span.start).collect();
    starts.sort_unstable();
    let Some(first) = diagnostics
        .iter_mut()
        .find(|d| starts.binary_search(&d.primary.span.start).is_ok())
    else {
        return;
    };
    if let Some(help) = first.help.take() {
        first.help = Some(crate::i18n::msg!(
            "syntax-fmt-fix",
            help = help,
            count = fixes.len()
        ));
    }
}

/// Parses a whole plan file the reference way: one top-level item at a time
/// with `next_item`. `parse` gives the same result faster; this is what the
/// tests compare it with.
#[doc(hidden)]
pub fn parse_reference(source: &str) -> Parsed<'_> {
    let mut diagnostics = Vec::new();
    let mut items = Vec::new();
    let mut pos = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    loop {
        match whole_item(source, pos, &mut diagnostics) {
            Whole::Item(item, end) => {
                items.extend(item);
                pos = end;
            }
            Whole::End => break,
            Whole::Resume(next) => pos = next,
        }
    }
    mention_fmt_fix(source, &mut diagnostics);
    Parsed {
        file: ast::File { items },
        diagnostics,
    }
}

enum Whole<'s> {
    /// The item (if it lowered to one) and where it ends.
    Item(Option<ast::Item<'s>>, usize),
    /// The end of the file.
    End,
    /// A syntax error was reported; go on from here.
    Resume(usize),
}

/// Parses the top-level item at `pos` whole (`next_item`).
fn whole_item<'s>(source: &'s str, pos: usize, diagnostics: &mut Vec<Diagnostic>) -> Whole<'s> {
    match recover::next_item(source, pos) {
        Ok(mut pairs) => {
            let Some(item) = pairs.next().and_then(|p| p.into_inner().next()) else {
                return Whole::End;
            };
            if item.as_rule() == Rule::EOI {
                return Whole::End;
            }
            let end = pos + item.as_span().end();
            let mut lowerer = lower::Lowerer {
                base: pos,
                diagnostics,
                keyword_as_name: false,
                _marker: std::marker::PhantomData,
            };
            Whole::Item(lowerer.item(item, 0), end)
        }
        Err(error) => {
            let (diagnostic, at) = expected::describe(&error, source, pos);
            diagnostics.push(diagnostic);
            match scan::resume_point(source, pos, at) {
                Some(next) => Whole::Resume(next),
                None => Whole::End,
            }
        }
    }
}
