//! A small scanner over raw source text, aware of strings and comments. Used
//! where pest gives no tree: choosing where to resume after a syntax error and
//! finding the string a missing quote left open.

pub fn is_ident_start(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_start(c)
}

pub fn is_ident_continue(c: char) -> bool {
    c == '-' || unicode_ident::is_xid_continue(c)
}

/// The identifier-like word starting at `offset`, if any.
pub fn word_at(source: &str, offset: usize) -> Option<&str> {
    let rest = source.get(offset..)?;
    let first = rest.chars().next()?;
    if !is_ident_start(first) {
        return None;
    }
    let end = rest
        .char_indices()
        .find(|&(_, c)| !is_ident_continue(c))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// Where to resume after a syntax error in the item that began at `item_start`
/// and failed at `error_at`: the start of the first line at or after the error
/// that begins, in column 1, with an item keyword. `None` when there is none.
pub fn resume_point(source: &str, item_start: usize, error_at: usize) -> Option<usize> {
    let mut line_start = source[..error_at.min(source.len())]
        .rfind('\n')
        .map(|i| i + 1)
        .unwrap_or(0);
    // Never resume at or before the item that failed: that would loop.
    let first_token = item_start + leading_trivia(&source[item_start..]);
    if line_start <= first_token {
        line_start = next_line(source, first_token)?;
    }
    loop {
        if let Some(word) = word_at(source, line_start)
            && super::language::is_item_keyword(word)
            && !inside_string(source, first_token, line_start)
        {
            return Some(line_start);
        }
        line_start = next_line(source, line_start)?;
    }
}

fn next_line(source: &str, from: usize) -> Option<usize> {
    source[from..].find('\n').map(|i| from + i + 1)
}

/// Bytes of white space, comments and `;` at the start of `text`.
pub fn leading_trivia(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\r' | b'\n' | b';' => i += 1,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            _ => break,
        }
    }
    i
}

/// String literals in `source[from..to]`, as `(start, end)` byte ranges; an
/// unterminated one has `end == None`.
pub fn strings(source: &str, from: usize, to: usize) -> Vec<(usize, Option<usize>)> {
    let bytes = source.as_bytes();
    let to = to.min(bytes.len());
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        match bytes[i] {
            b'#' => {
                while i < to && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' => {
                let start = i;
                i += 1;
                let mut end = None;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 2,
                        b'"' => {
                            end = Some(i + 1);
                            i += 1;
                            break;
                        }
                        _ => i += 1,
                    }
                }
                out.push((start, end));
            }
            _ => i += 1,
        }
    }
    out
}

/// True when `offset` lies inside a string literal, scanning from `from` (a token boundary).
fn inside_string(source: &str, from: usize, offset: usize) -> bool {
    strings(source, from, offset)
        .last()
        .is_some_and(|&(start, end)| start < offset && end.is_none_or(|e| e > offset))
}
