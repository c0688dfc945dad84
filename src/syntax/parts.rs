//! Reading a large file in parts at once, on rayon's threads.
//!
//! The file is cut at lines that begin with an item keyword (after any
//! indentation): usually the start of an item, at top level or in a
//! section. The first part is read from the file's start (`Reader::new`);
//! every other part by a reader that starts inside sections it does not
//! know (`Reader::inner`). The reader of the first part stops at the first
//! cut if the cut is an item boundary, and takes the next part's reading if
//! it fits its open sections (`Reader::absorb`); otherwise it reads that
//! part itself. So the result is always that of reading the file in one go
//! (`tests/syntax_corpus.rs` cuts at every line).

use super::language;
use super::lex;
use super::reader::{End, Reader};

/// A part is at least this long: below it, a thread costs more than it saves.
const MIN_PART: usize = 256 * 1024;

/// At most this many parts.
const MAX_PARTS: usize = 8;

/// A cut is looked for this far past its mark at most.
const SEARCH: usize = 64 * 1024;

/// Where to cut a file into parts read at once (none: read it in one go).
pub(super) fn cuts(source: &str) -> Vec<usize> {
    let parts = (source.len() / MIN_PART)
        .min(rayon::current_num_threads())
        .min(MAX_PARTS);
    let mut cuts = Vec::new();
    for k in 1..parts {
        let mark = source.len() / parts * k;
        let from = mark.max(cuts.last().map_or(0, |c| c + 1));
        if let Some(cut) = cut_after(source, from) {
            cuts.push(cut);
        }
    }
    cuts
}

/// The first line start after `from` (within `SEARCH` bytes) whose line
/// begins, after spaces and tabs, with an item keyword.
fn cut_after(source: &str, from: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    let end = from.saturating_add(SEARCH).min(bytes.len());
    memchr::memchr_iter(b'\n', bytes.get(from..end)?)
        .map(|i| from + i + 1)
        .find(|&start| {
            let indent = bytes[start..]
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t'))
                .count();
            lex::word_at(source, start + indent).is_some_and(language::is_item_keyword)
        })
}

/// Reads `source` from `start` cut at `cuts` (ascending line starts after
/// `start`), each part but the first on its own thread; the same result as
/// reading it in one go. Also how many parts were used (1: the first
/// part's reader read all the others itself).
pub(super) fn read_in_parts<'s>(
    source: &'s str,
    start: usize,
    cuts: &[usize],
) -> (Reader<'s>, usize) {
    let mut whole = Reader::new(source, start);
    let Some(&first_cut) = cuts.first() else {
        whole.run(usize::MAX);
        return (whole, 1);
    };
    // The first part here, the others on rayon's threads.
    let (mut end, parts) = rayon::join(
        || whole.run(first_cut),
        || {
            use rayon::prelude::*;
            let read = |(i, &cut): (usize, &usize)| {
                let until = cuts.get(i + 1).copied().unwrap_or(usize::MAX);
                let mut part = Reader::inner(source, cut);
                let end = part.run(until);
                (part, end)
            };
            cuts.par_iter()
                .enumerate()
                .with_max_len(1)
                .map(read)
                .collect::<Vec<_>>()
        },
    );
    let mut used = 1;
    for (i, (part, part_end)) in parts.into_iter().enumerate() {
        if end != End::Until {
            break;
        }
        if whole.absorb(part, part_end) {
            used += 1;
            end = part_end;
        } else {
            end = whole.run(cuts.get(i + 1).copied().unwrap_or(usize::MAX));
        }
    }
    if end == End::Until {
        whole.run(usize::MAX);
    }
    (whole, used)
}
