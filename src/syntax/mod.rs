//! Stage 1: source text → typed syntax tree with spans, plus syntax errors.
//!
//! Invariant: `parse` never panics and always returns a tree (possibly partial)
//! and the diagnostics that explain what is missing from it.
//!
//! The file is parsed one top-level item at a time: pest's pairs for one item
//! are dropped before the next is parsed (bounded memory), and after a syntax
//! error parsing resumes at the next line that starts an item in column 1, so
//! that one slip gives one diagnostic, not a cascade.

pub mod ast;
mod expected;
mod lower;
mod parser;
pub mod scan;

use pest::Parser as _;

use crate::diagnostic::Diagnostic;
pub use expected::ascii_for;
pub use lower::{MAX_CONDITION_DEPTH, MAX_SECTION_DEPTH, parse_duration};
use parser::{PlanParser, Rule};

/// The result of parsing: the items that parsed, and the syntax errors.
#[derive(Debug)]
pub struct Parsed<'s> {
    pub file: ast::File<'s>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses a whole plan file.
pub fn parse(source: &str) -> Parsed<'_> {
    let mut diagnostics = Vec::new();
    let mut items = Vec::new();
    let mut pos = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    while pos <= source.len() {
        let slice = &source[pos..];
        match PlanParser::parse(Rule::next_item, slice) {
            Ok(mut pairs) => {
                let Some(item) = pairs.next().and_then(|p| p.into_inner().next()) else {
                    break;
                };
                if item.as_rule() == Rule::EOI {
                    break;
                }
                let end = pos + item.as_span().end();
                let mut lowerer = lower::Lowerer {
                    base: pos,
                    diagnostics: &mut diagnostics,
                    _marker: std::marker::PhantomData,
                };
                items.extend(lowerer.item(item, 0));
                pos = end;
            }
            Err(error) => {
                let (diagnostic, at) = expected::describe(&error, source, pos);
                diagnostics.push(diagnostic);
                match scan::resume_point(source, pos, at) {
                    Some(next) => pos = next,
                    None => break,
                }
            }
        }
    }
    Parsed {
        file: ast::File { items },
        diagnostics,
    }
}
