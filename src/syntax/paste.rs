//! Paste artefacts used as syntax (full-width punctuation,
//! curly quotes, non-breaking and ideographic spaces, typed by a Chinese input
//! method or pasted out of Word) replaced by the ASCII meant, where that is
//! unambiguous. Never inside a string or a comment.

use super::ascii_for;
use super::lex::{self, TokenKind};
use crate::i18n::Message;
use crate::span::Span;

/// One replacement, in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub span: Span,
    /// The text replaced.
    pub found: String,
    pub replacement: String,
    /// What `found` is, e.g. "a full-width comma", for a pasted character.
    pub what: Option<Message>,
}

/// The text with the fixes applied, and a map back to the original offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    pub fixes: Vec<Fix>,
    /// `(new_start, new_end)` of each fix in `text`, in order.
    new_spans: Vec<Span>,
}

/// `source` with `fixes` (in order, not overlapping) applied.
pub fn apply(source: &str, fixes: Vec<Fix>) -> Fixed {
    let mut text = String::with_capacity(source.len());
    let mut new_spans = Vec::with_capacity(fixes.len());
    let mut copied = 0;
    for fix in &fixes {
        text.push_str(&source[copied..fix.span.start()]);
        let start = text.len();
        text.push_str(&fix.replacement);
        new_spans.push(Span::new(start, text.len()));
        copied = fix.span.end();
    }
    text.push_str(&source[copied.min(source.len())..]);
    Fixed {
        text,
        fixes,
        new_spans,
    }
}

impl Fixed {
    /// The offset in the original text of `offset` in the fixed text.
    pub fn original_offset(&self, offset: usize) -> usize {
        let mut shift: isize = 0;
        for (fix, new) in self.fixes.iter().zip(&self.new_spans) {
            if offset < new.start() {
                break;
            }
            if offset < new.end() {
                return fix.span.start();
            }
            shift = fix.span.end() as isize - new.end() as isize;
        }
        (offset as isize + shift).max(0) as usize
    }

    pub fn original_span(&self, span: Span) -> Span {
        let start = self.original_offset(span.start());
        Span::new(start, self.original_offset(span.end()).max(start))
    }
}

/// The quote that closes a curly or full-width opening quote.
fn closing_quote(open: char) -> Option<char> {
    match open {
        '“' => Some('”'),
        '‘' => Some('’'),
        '＂' => Some('＂'),
        _ => None,
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '＂')
}

/// Replaces the paste artefacts that stand where syntax does. A curly or
/// full-width quote is fixed only as a pair on one line whose text holds no
/// `"`, `\` or quote of the same kind (so that the text between them becomes
/// exactly the string meant); a lone or nested one is left for the author.
pub fn fix_paste_artefacts(source: &str) -> Fixed {
    let mut fixes = Vec::new();
    each_artefact(source, |at, c, ascii, what| {
        fixes.push(Fix {
            span: Span::new(at, at + c.len_utf8()),
            found: c.to_string(),
            replacement: ascii.to_string(),
            what: Some(what),
        });
    });
    apply(source, fixes)
}

/// Where `fix_paste_artefacts` would fix something, in order: without the
/// fixed copy of the text and the words of each fix (a file of many broken
/// lines may have hundreds of thousands).
pub fn artefact_starts(source: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    each_artefact(source, |at, _, _, _| starts.push(at));
    starts
}

/// Calls `found` with the offset, the character, its ASCII replacement and
/// what it is, for each paste artefact, in order.
fn each_artefact(source: &str, mut found: impl FnMut(usize, char, &str, Message)) {
    let mut replace = |at: usize, c: char| {
        if let Some((ascii, what)) = ascii_for(c) {
            found(at, c, ascii, what);
        }
    };
    // Only characters no token starts with can be artefacts: strings,
    // comments and names are read past by the lexer.
    let mut tokens = lex::tokens(source, 0);
    while let Some(t) = tokens.next() {
        let TokenKind::Other(c) = t.kind else {
            continue;
        };
        let i = t.span.start();
        if let Some(close) = closing_quote(c) {
            let body_start = i + c.len_utf8();
            let line = &source[body_start..];
            let line = &line[..line.find('\n').unwrap_or(line.len())];
            let end = line
                .find(close)
                .filter(|&e| !line[..e].contains(['"', '\\', c]));
            let resume = match end {
                Some(end) => {
                    let close_at = body_start + end;
                    replace(i, c);
                    replace(close_at, close);
                    close_at + close.len_utf8()
                }
                // The string meant would run on past here: fix nothing more on this line.
                None => body_start + line.len(),
            };
            tokens = lex::tokens(source, resume);
        } else if !is_quote(c) {
            replace(i, c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(source: &str) -> String {
        fix_paste_artefacts(source).text
    }

    #[test]
    fn punctuation_and_spaces_outside_strings() {
        assert_eq!(
            fixed("step a “标签” ｛ owner b；on t，u\u{3000}within 10m ｝"),
            "step a \"标签\" { owner b;on t,u within 10m }"
        );
        assert_eq!(fixed("fact f \"x\"： count"), "fact f \"x\": count");
        assert_eq!(fixed("when （a ＞＝ 5）"), "when (a >= 5)");
        assert_eq!(fixed("role\u{a0}a"), "role a");
    }

    #[test]
    fn never_inside_strings_or_comments() {
        let source = "text \"确保“零上访”，目标；\" # 注：“好”，\n";
        assert_eq!(fixed(source), source);
        let source = "text \"a\\\"，\"，";
        assert_eq!(fixed(source), "text \"a\\\"，\",");
    }

    #[test]
    fn ambiguous_quotes_are_left() {
        // nested, unclosed on the line, or holding an ASCII quote
        for source in [
            "text “他说“好”了”",
            "text “未闭合\n”",
            "text “他说\"好\"”",
            "text ”反了“",
        ] {
            assert_eq!(fixed(source), source, "{source}");
        }
        assert_eq!(fixed("text ‘他说“好”’"), "text \"他说“好”\"");
    }

    #[test]
    fn offsets_map_back() {
        let source = "on a，b；c";
        let f = fix_paste_artefacts(source);
        assert_eq!(f.text, "on a,b;c");
        assert_eq!(f.fixes.len(), 2);
        assert_eq!(f.original_offset(4), 4); // the `,`
        assert_eq!(f.original_offset(5), 7); // `b`
        assert_eq!(f.original_offset(7), 11); // `c`
        assert_eq!(&source[f.original_offset(7)..], "c");
        assert_eq!(f.original_span(Span::new(4, 5)), Span::new(4, 7));
    }
}
