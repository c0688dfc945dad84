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
mod errors;
mod expected;
pub mod language;
pub mod lex;
mod lower;
mod nodes;
mod parser;
mod parts;
pub mod paste;
mod reader;
mod recover;
pub mod scan;
mod slips;
mod strings;
mod values;

use crate::diagnostic::{Diagnostic, Findings};
use errors::Errors;
pub use expected::ascii_for;
pub use lower::{MAX_CONDITION_DEPTH, MAX_SECTION_DEPTH};
use parser::Rule;
pub use strings::string_value;
pub use values::{WORKING_DAY, parse_duration};

/// The result of parsing: the items that parsed, and the syntax errors (as
/// `Diagnostic`s, or packed: `parse_packed`).
#[derive(Debug)]
pub struct Parsed<'s, D = Vec<Diagnostic>> {
    pub file: ast::File<'s>,
    pub diagnostics: D,
}

impl<'s> Parsed<'s, Findings> {
    fn unpacked(self) -> Parsed<'s> {
        Parsed {
            file: self.file,
            diagnostics: self.diagnostics.into_vec(),
        }
    }
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
/// A large file is read in parts at once, one thread a part (`parts`), with
/// the same result.
pub fn parse(source: &str) -> Parsed<'_> {
    parse_packed(source).unpacked()
}

/// `parse`, its syntax errors packed as they are found (what `planc check`
/// holds: a file of broken lines has an error every few dozen bytes).
pub fn parse_packed(source: &str) -> Parsed<'_, Findings> {
    read(source, &parts::cuts(source)).0
}

/// `parse`, and how many times it fell back to the reference rules (for the
/// tests: a clean plan must never need them).
#[doc(hidden)]
pub fn parse_counting(source: &str) -> (Parsed<'_>, usize) {
    let (parsed, fallbacks, _) = read(source, &parts::cuts(source));
    (parsed.unpacked(), fallbacks)
}

/// `parse_counting` with the file cut at `cuts` (ascending line starts), each part read on its own thread: the tests
/// check that any cuts give the same result as none. Also how many parts
/// were used (1 when the first part's reader read on to the end).
#[doc(hidden)]
pub fn parse_cut<'s>(source: &'s str, cuts: &[usize]) -> (Parsed<'s>, usize, usize) {
    let (parsed, fallbacks, parts) = read(source, cuts);
    (parsed.unpacked(), fallbacks, parts)
}

/// `parse_cut`, its errors packed.
fn read<'s>(source: &'s str, cuts: &[usize]) -> (Parsed<'s, Findings>, usize, usize) {
    let start = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    let cuts: Vec<usize> = cuts.iter().copied().filter(|&c| c > start).collect();
    let (read, parts) = parts::read_in_parts(source, start, &cuts);
    let fallbacks = read.fallbacks;
    let (items, errors) = read.into_parts();
    let parsed = Parsed {
        file: ast::File { source, items },
        diagnostics: errors.into_findings(),
    };
    (parsed, fallbacks, parts)
}

/// Parses a whole plan file the reference way: one top-level item at a time
/// with `next_item`. `parse` gives the same result faster; this is what the
/// tests compare it with.
#[doc(hidden)]
pub fn parse_reference(source: &str) -> Parsed<'_> {
    let mut errors = Errors::default();
    let mut items = ast::Items::default();
    let mut pos = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    loop {
        match whole_item(source, pos, &mut errors) {
            Whole::Item(item, end) => {
                items.extend(item);
                pos = end;
            }
            Whole::End => break,
            Whole::Resume(next) => pos = next,
        }
    }
    Parsed {
        file: ast::File { source, items },
        diagnostics: errors.into_findings(),
    }
    .unpacked()
}

enum Whole<'s> {
    /// The item (if it lowered to one) and where it ends.
    Item(Option<ast::Item<'s>>, usize),
    /// The end of the file.
    End,
    /// A syntax error was reported; go on from here.
    Resume(usize),
}

/// Parses the top-level item at `pos` whole (`next_item`), keeping its
/// errors in `errors`.
fn whole_item<'s>(source: &'s str, pos: usize, errors: &mut Errors) -> Whole<'s> {
    match recover::next_item(source, pos) {
        Ok(mut pairs) => {
            let Some(item) = pairs.next().and_then(|p| p.into_inner().next()) else {
                return Whole::End;
            };
            if item.as_rule() == Rule::EOI {
                return Whole::End;
            }
            let end = pos + item.as_span().end();
            let mut diagnostics = Vec::new();
            let mut lowerer = lower::Lowerer {
                base: pos,
                diagnostics: &mut diagnostics,
                keyword_as_name: false,
                _marker: std::marker::PhantomData,
            };
            let item = lowerer.item(item, 0);
            errors.keep(source, diagnostics);
            Whole::Item(item, end)
        }
        Err(error) => {
            let (diagnostic, at) = expected::describe(&error, source, pos);
            errors.keep(source, [diagnostic]);
            match scan::resume_point(source, pos, at) {
                Some(next) => Whole::Resume(next),
                None => Whole::End,
            }
        }
    }
}
