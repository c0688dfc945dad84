//! Reading one top-level item the reference way (`next_item`) at a cost
//! proportional to the item, not to the rest of the file.
//!
//! When pest fails it builds its error's position over the whole input it
//! was given (`Position::line_of` walks back from the input's end to the
//! error), so reading each broken item from `source[pos..]` made a file of
//! N broken lines quadratic. The item is read from a window of the source
//! instead, grown until the error lies inside it.

use pest::Parser as _;
use pest::error::{Error, InputLocation};
use pest::iterators::Pairs;

use super::parser::{PlanParser, Rule};

/// The first window reaches this many bytes past the item's start (to the
/// next line that starts with a token); each retry doubles it.
const FIRST_REACH: usize = 256;

/// `next_item` at `pos`, exactly as `PlanParser::parse(Rule::next_item,
/// &source[pos..])` gives it, positions relative to `pos`.
///
/// Why a window gives the same error: it ends at the start of a line whose
/// first character is a token (not white space, not `#`), so white space
/// and every token but a `"""` string stop there in the whole source too;
/// up to the window's end the parse reads the same bytes and takes the same
/// steps. Where it would read past the end (a `"""` string, the next token),
/// the grammar tries a rule at the end, which pest records: the error then
/// lies at the end or past it, and the window is not trusted. So an error
/// inside the window is the whole source's error. An item that parses in
/// its window may go on past it (a condition's `or`), so it is read again
/// from the whole source: that costs no more than the item.
pub(super) fn next_item(source: &str, pos: usize) -> Result<Pairs<'_, Rule>, Error<Rule>> {
    let mut reach = FIRST_REACH;
    while let Some(end) = window_end(source, pos.saturating_add(reach)) {
        match in_window(source, pos, end) {
            Window::Error(error) => return Err(error),
            Window::Parsed => break,
            Window::TooSmall => reach = reach.saturating_mul(2),
        }
    }
    PlanParser::parse(Rule::next_item, &source[pos..])
}

/// What reading an item in a window tells.
enum Window {
    /// The error the whole source gives.
    Error(Error<Rule>),
    /// The item parsed, and may go on past the window.
    Parsed,
    /// The error lies at the window's end or past it.
    TooSmall,
}

/// Reads the item at `pos` from `source[pos..end]`.
fn in_window(source: &str, pos: usize, end: usize) -> Window {
    match PlanParser::parse(Rule::next_item, &source[pos..end]) {
        Err(error) if pos + offset(&error) < end => Window::Error(error),
        Err(_) => Window::TooSmall,
        Ok(_) => Window::Parsed,
    }
}

/// Where a pest error stands, from the start of the text it read.
fn offset(error: &Error<Rule>) -> usize {
    match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    }
}

/// The start of the first line at or after `from` whose first character is
/// a token: not white space as the grammar reads it (space, tab, line
/// ends) nor a comment's `#`. `None` when no such line follows.
fn window_end(source: &str, from: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    // A line end is never inside a character: every `at` below is a boundary.
    let mut at = from;
    loop {
        if at > 0
            && at < bytes.len()
            && bytes[at - 1] == b'\n'
            && !matches!(bytes[at], b' ' | b'\t' | b'\r' | b'\n' | b'#')
        {
            return Some(at);
        }
        at += memchr::memchr(b'\n', bytes.get(at..)?)? + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plans that use every piece of syntax (tests/syntax_corpus.rs).
    const PLANS: [&str; 3] = [
        include_str!("../../tests/fixtures/syntax-corpus/base.plan"),
        include_str!("../../tests/fixtures/syntax-corpus/v1.plan"),
        include_str!("../../tests/fixtures/syntax-corpus/comments.plan"),
    ];

    /// Inserted where a window may end: what runs on past a line (`"""`, a
    /// string or a block left open, a comment) and what ends one early.
    const INSERTS: [&str; 12] = [
        "\"\"\"",
        "\"\"\"\n",
        "\"",
        "{",
        "}",
        "(",
        "#",
        "\n",
        "x",
        ",",
        " and",
        "\n\"\"\"\n",
    ];

    /// Where items start: lines that start with a token.
    fn item_starts(source: &str) -> Vec<usize> {
        let mut starts = vec![0];
        starts.extend(std::iter::successors(window_end(source, 1), |&at| {
            window_end(source, at + 1)
        }));
        starts
    }

    /// The claim `next_item` rests on: an error inside a window is the
    /// whole source's error. Every plan, changed at every line end, read
    /// from each of the two items before the change, with the smallest
    /// window trusted (the one that ends nearest the error).
    #[test]
    fn an_error_inside_a_window_is_the_whole_sources_error() {
        let mut trusted = 0;
        for plan in PLANS {
            // Each mutant and where it was changed.
            let mut mutants = Vec::new();
            for (i, _) in plan.match_indices('\n') {
                mutants.push((format!("{}{}", &plan[..i], &plan[i + 1..]), i));
                // the character before the line end, deleted
                let before = plan[..i].char_indices().last().map_or(0, |(c, _)| c);
                mutants.push((format!("{}{}", &plan[..before], &plan[i..]), before));
                let line = plan[..i].rfind('\n').map_or(0, |l| l + 1);
                let first_space = plan[line..i].find(' ').map(|s| line + s);
                for insert in INSERTS {
                    mutants.push((format!("{}{insert}{}", &plan[..i], &plan[i..]), i));
                    // after the line's first token
                    if let Some(at) = first_space {
                        mutants.push((format!("{}{insert}{}", &plan[..at], &plan[at..]), at));
                    }
                }
            }
            for (source, changed) in &mutants {
                let starts = item_starts(source);
                let before = starts.iter().rposition(|&s| s <= *changed).unwrap_or(0);
                for k in before.saturating_sub(1)..=before {
                    let pos = starts[k];
                    for &end in starts.iter().skip(k + 1).take(6) {
                        let Window::Error(error) = in_window(source, pos, end) else {
                            continue;
                        };
                        trusted += 1;
                        let Err(whole) = PlanParser::parse(Rule::next_item, &source[pos..]) else {
                            panic!(
                                "the window to {end} gave an error, the whole source none, reading at {pos}:\n{source}"
                            );
                        };
                        assert_eq!(
                            (&error.location, &error.variant),
                            (&whole.location, &whole.variant),
                            "reading at {pos} with the window ending at {end}:\n{source}"
                        );
                    }
                }
            }
        }
        assert!(trusted > 5_000, "{trusted}");
    }

    #[test]
    fn a_window_ends_where_a_line_starts_with_a_token() {
        let source = "role a\n  holder\n\n# note\n}\nstep";
        assert_eq!(window_end(source, 0), Some(source.find('}').unwrap()));
        assert_eq!(window_end(source, 1), Some(source.find('}').unwrap()));
        assert_eq!(
            window_end(source, source.find('}').unwrap()),
            Some(source.find('}').unwrap())
        );
        assert_eq!(
            window_end(source, source.find('}').unwrap() + 1),
            Some(source.find("step").unwrap())
        );
        assert_eq!(window_end(source, source.len() - 1), None);
        assert_eq!(window_end(source, source.len() + 10), None);
        assert_eq!(window_end("role a\r\n\r\nb", 0), Some(10));
        assert_eq!(window_end("a\n\n\nb", 0), Some(4));
        // A multi-byte character never holds a line end: the window ends on a boundary.
        assert_eq!(window_end("甲\n乙", 1), Some(4));
    }
}
