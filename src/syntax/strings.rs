//! The value of a string literal: escapes and CRLF resolved, a `"""`
//! string's lines dedented. One decoder for the tree (which reports what is
//! wrong) and the model (which keeps a label as its span and reads its value
//! back from the source when asked: `Model::label`).

use std::borrow::Cow;

use super::lex::TRIPLE;
use crate::i18n::{Message, msg};
use crate::span::Span;

/// What is wrong in a string literal, where (in the whole file).
#[derive(Debug)]
pub(crate) enum Slip {
    /// A `\u{…}` that is not a character, and why.
    UnicodeEscape(Span, Message),
    /// A `\` before a character that has no escape.
    UnknownEscape(Span, char),
    /// A line of a `"""` string indented less than its closing line.
    Indent(Span),
}

/// The value of the literal `text` (quotes included), its slips already
/// reported when the tree was built.
pub fn string_value(text: &str) -> Cow<'_, str> {
    decode(text, 0, &mut |_| {})
}

/// The value of the literal `text` (quotes included), which starts at byte
/// `start` of the file; each slip found is given to `slip`, in order.
pub(crate) fn decode<'s>(text: &'s str, start: usize, slip: &mut dyn FnMut(Slip)) -> Cow<'s, str> {
    if text.starts_with(TRIPLE) {
        return Cow::Owned(multiline(text, start, slip));
    }
    // The text between the quotes (a `string` pair is `"`, `str_body`, `"`).
    let raw = text.get(1..text.len().saturating_sub(1)).unwrap_or("");
    if memchr::memchr2(b'\\', b'\r', raw.as_bytes()).is_some() {
        Cow::Owned(unescape(raw, start + 1, slip))
    } else {
        Cow::Borrowed(raw)
    }
}

/// (v1) A `"""` string: the lines between the quotes, each without the
/// closing line's indentation (a line indented less is a slip; a line of
/// white space only is empty), joined by LF, escapes resolved.
fn multiline(text: &str, start: usize, slip: &mut dyn FnMut(Slip)) -> String {
    // The opening line, the body lines, and the closing line's indentation.
    let open = text.find('\n').map_or(text.len(), |i| i + 1);
    let last = text.rfind('\n').map_or(text.len(), |i| i + 1);
    let body = text.get(open..last).unwrap_or("");
    let closing = text.get(last..).unwrap_or("");
    let indent = closing.strip_suffix(TRIPLE).unwrap_or("");
    let body_start = start + open;
    let mut value = String::with_capacity(body.len());
    let mut offset = 0;
    let mut first = true;
    for line in body.split_inclusive('\n') {
        let start = body_start + offset;
        offset += line.len();
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if !first {
            value.push('\n');
        }
        first = false;
        let content = match line.strip_prefix(indent) {
            Some(rest) => rest,
            None if line.trim_matches([' ', '\t']).is_empty() => "",
            None => {
                let width = line.len() - line.trim_start_matches([' ', '\t']).len();
                slip(Slip::Indent(Span::new(start, start + width.max(1))));
                line.trim_start_matches([' ', '\t'])
            }
        };
        // `content` is a suffix of `line`
        let content_start = start + (line.len() - content.len());
        if content.contains('\\') {
            value.push_str(&unescape(content, content_start, slip));
        } else {
            value.push_str(content);
        }
    }
    value
}

fn unescape(raw: &str, start: usize, slip: &mut dyn FnMut(Slip)) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\r' if matches!(chars.peek(), Some((_, '\n'))) => {}
            '\\' => {
                let Some((_, e)) = chars.next() else { break };
                match e {
                    '"' => out.push('"'),
                    '\\' => out.push('\\'),
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'u' => match unicode_escape(&raw[i..]) {
                        Ok((ch, len)) => {
                            out.push(ch);
                            // skip the rest of `\u{...}` (the `\u` is consumed)
                            for _ in 0..raw[i + 2..i + len].chars().count() {
                                chars.next();
                            }
                        }
                        Err(why) => {
                            let end = raw[i..]
                                .find('}')
                                .map(|e| i + e + 1)
                                .unwrap_or(i + 2)
                                .min(raw.len());
                            slip(Slip::UnicodeEscape(Span::new(start + i, start + end), why));
                        }
                    },
                    other => {
                        let len = 1 + other.len_utf8();
                        slip(Slip::UnknownEscape(
                            Span::new(start + i, start + i + len),
                            other,
                        ));
                    }
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Parses `\u{X…}` at the start of `s`: the character and the escape's byte length.
fn unicode_escape(s: &str) -> Result<(char, usize), Message> {
    let rest = s.get(2..).unwrap_or("");
    let Some(body) = rest.strip_prefix('{') else {
        return Err(msg!("escape-open"));
    };
    let Some(close) = body.find('}') else {
        return Err(msg!("escape-close"));
    };
    let hex = &body[..close];
    if hex.is_empty() || hex.len() > 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(msg!("escape-digits"));
    }
    let value = u32::from_str_radix(hex, 16).map_err(|_| msg!("escape-digits"))?;
    let ch = char::from_u32(value).ok_or(msg!("escape-scalar"))?;
    Ok((ch, 2 + 1 + close + 1))
}

#[cfg(test)]
mod tests {
    use crate::{model, syntax};

    #[test]
    fn a_label_is_read_back_from_the_source_with_its_escapes_resolved() {
        let source =
            "role r \"a\\\"b\\u{4e2d}\\tc\"\nrole s \"\"\"\n    one\n    two\n    \"\"\"\n";
        let parsed = syntax::parse(source);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let model = model::build(&parsed.file);
        let (r, s) = (&model.roles[0].named, &model.roles[1].named);
        assert_eq!((model.name(r), &*model.label(r)), ("r", "a\"b中\tc"));
        assert_eq!((model.name(s), &*model.label(s)), ("s", "one\ntwo"));
    }
}
