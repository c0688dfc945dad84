//! Characters that must not reach a terminal, a CI log or a document raw:
//! control characters (C0, DEL, C1 — ESC and CSI start terminal commands, a
//! line break starts a new GitHub workflow command) and the invisible
//! characters that reorder text (bidi overrides and isolates, as in
//! "Trojan Source"). They are shown escaped, as rustc shows them: a C0
//! control as its Unicode control picture (ESC as `␛`), anything else as
//! `\u{202e}`; in JSON, as the `\u202e` escape of the same character.

use std::borrow::Cow;
use std::io::Write;

/// Whether `c` is shown escaped.
pub fn is_hazard(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Characters that change the direction of the text around them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Appends `c` as it is shown: itself, or escaped.
pub fn push_visible(out: &mut String, c: char) {
    match c {
        '\u{0}'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
        '\u{7F}' => out.push('\u{2421}'),
        c if is_hazard(c) => out.extend(c.escape_unicode()),
        c => out.push(c),
    }
}

/// `text` with every hazard escaped (line breaks and tabs too: for one-line
/// text such as a file name or a message).
pub fn visible(text: &str) -> Cow<'_, str> {
    visible_except(text, |_| false)
}

/// `text` with every hazard escaped except the characters `keep` accepts.
pub fn visible_except(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_hazard(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if keep(c) {
            out.push(c);
        } else {
            push_visible(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// User text on one line of a document (Markdown, DOT, Mermaid, simulate):
/// line breaks and other control characters become spaces, and the
/// characters that reorder text are shown escaped.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_bidi_control(c) {
            out.extend(c.escape_unicode());
        } else if c.is_control() {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// JSON text (as serde_json writes it) with every hazard written as a
/// `\uXXXX` escape. serde_json escapes C0 controls only, so DEL, C1 (CSI is
/// U+009B) and bidi characters would reach a terminal that shows the JSON;
/// they can stand only inside strings, where the escape reads back as the
/// same character: the JSON means the same.
pub fn json_text(json: String) -> String {
    if !json.chars().any(is_hazard) {
        return json;
    }
    let mut out = JsonText::new(Vec::with_capacity(json.len() + 16));
    // Writing to a Vec cannot fail, nor can the escapes make UTF-8 invalid.
    let _ = out.write_all(json.as_bytes());
    String::from_utf8(out.into_inner()).unwrap_or_default()
}

/// A writer of JSON text (as serde_json writes it) that passes it on with
/// every hazard escaped as `json_text` does, so that a large answer can be
/// written as it is serialized instead of held whole.
pub struct JsonText<W: std::io::Write> {
    out: W,
    /// The first bytes of a character that the last write cut.
    pending: Vec<u8>,
}

impl<W: std::io::Write> JsonText<W> {
    pub fn new(out: W) -> Self {
        JsonText {
            out,
            pending: Vec::new(),
        }
    }

    /// The writer underneath (a character cut at the very end is passed on as it is).
    pub fn into_inner(mut self) -> W {
        let _ = self.out.write_all(&self.pending);
        self.out
    }

    /// Writes `text`, escaping its hazards.
    fn write_text(&mut self, text: &str) -> std::io::Result<()> {
        let mut run = 0;
        for (at, c) in text.char_indices() {
            if is_hazard(c) && !matches!(c, '\n' | '\r' | '\t') {
                self.out.write_all(&text.as_bytes()[run..at])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(self.out, "\\u{unit:04x}")?;
                }
                run = at + c.len_utf8();
            }
        }
        self.out.write_all(&text.as_bytes()[run..])
    }
}

impl<W: std::io::Write> std::io::Write for JsonText<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let joined;
        let bytes = if self.pending.is_empty() {
            buf
        } else {
            self.pending.extend_from_slice(buf);
            joined = std::mem::take(&mut self.pending);
            &joined[..]
        };
        let mut rest = bytes;
        while !rest.is_empty() {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.write_text(text)?;
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    // Checked valid just above.
                    self.write_text(std::str::from_utf8(valid).unwrap_or_default())?;
                    match e.error_len() {
                        // A character cut at the end of this write: wait for the rest.
                        None => {
                            self.pending.extend_from_slice(after);
                            break;
                        }
                        // Not UTF-8 (serde_json writes none): passed on as it is.
                        Some(n) => {
                            self.out.write_all(&after[..n])?;
                            rest = &after[n..];
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hazards_are_shown_escaped() {
        assert_eq!(visible("a\u{1b}[2Jb"), "a\u{241b}[2Jb");
        assert_eq!(visible("x\ny\tz\r"), "x\u{240a}y\u{2409}z\u{240d}");
        assert_eq!(visible("\u{7f}\u{9b}"), "\u{2421}\\u{9b}");
        assert_eq!(visible("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(visible("预案 ok"), "预案 ok");
        assert!(matches!(visible("预案"), Cow::Borrowed(_)));
        assert_eq!(visible_except("a\tb\u{1b}", |c| c == '\t'), "a\tb\u{241b}");
        assert_eq!(one_line("a\nb\u{202e}c\u{1b}"), "a b\\u{202e}c ");
    }

    #[test]
    fn json_keeps_its_meaning_without_raw_hazards() {
        let value = serde_json::json!({ "m": "a\u{1b}[2J\u{7f}\u{9b}31m\u{202e}b\u{2028}预案" });
        let text = json_text(serde_json::to_string_pretty(&value).unwrap());
        assert_eq!(
            text,
            "{\n  \"m\": \"a\\u001b[2J\\u007f\\u009b31m\\u202eb\\u2028预案\"\n}"
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            value
        );
    }

    #[test]
    fn json_written_in_pieces_is_escaped_as_a_whole() {
        let json = "{\"m\": \"a\u{1b}\u{9b}预\u{202e}案\"}\n";
        let mut out = JsonText::new(Vec::new());
        // One byte at a time: every character is cut.
        for byte in json.as_bytes() {
            out.write_all(std::slice::from_ref(byte)).unwrap();
        }
        let written = String::from_utf8(out.into_inner()).unwrap();
        assert_eq!(written, "{\"m\": \"a\\u001b\\u009b预\\u202e案\"}\n");
        assert_eq!(written, json_text(json.to_string()));
    }
}
