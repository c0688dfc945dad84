//! The layout printer: walks the token stream of a file that parsed and lays
//! it out canonically (docs/formatting.md). It never invents or drops a token
//! (but `;` and the braces of an empty block) and emits every comment where
//! it stood: before the token it preceded, or at the end of the line of the
//! token it followed.
//!
//! This file holds the printer's state and its primitives (the token cursor,
//! lines, spacing, comments); `layout` reads the structure from the tokens,
//! which is enough because the file is known to parse.

use unicode_width::UnicodeWidthStr;

use super::lex::{Kind, Token};

/// Lines are kept within this many columns where the layout has a choice
/// (a `one_of` list); CJK characters count two.
pub const MAX_WIDTH: usize = 100;
pub(super) const INDENT: usize = 2;

/// Sections nested deeper than this are refused (the printer recurses once a level).
pub use crate::syntax::MAX_SECTION_DEPTH;

#[derive(Debug)]
pub enum Failure {
    /// The token stream did not have the shape of a plan that parses: a bug
    /// in planc, since the printer runs only on files that parsed.
    Bug(String),
    /// Sections nest deeper than `MAX_SECTION_DEPTH`; the offset of the first too deep.
    TooDeep(usize),
}

pub(super) type Result<T> = std::result::Result<T, Failure>;

/// What stood before an element in an item list, for blank lines.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Prev {
    Nothing,
    Comment,
    Item { multiline: bool },
}

pub struct Printer<'s, 't> {
    pub(super) toks: &'t [Token<'s>],
    pub(super) pos: usize,
    pub(super) out: String,
    /// Only indentation (or nothing) is on the current line.
    pub(super) at_line_start: bool,
    /// The current line ends in a comment: the next token starts a new line.
    pub(super) pending_break: bool,
    /// The last token written on the current line, for spacing.
    last: Option<Token<'s>>,
    /// Indentation of the continuation lines of the current element.
    pub(super) cont: usize,
    /// Where the comments after the last element of a list begin: the offset
    /// of the line break before them, whether a blank line is there, and what
    /// stood before them. A block that follows them gets a blank line there.
    pub(super) comment_group: Option<(usize, bool, Prev)>,
}

pub fn print(toks: &[Token<'_>]) -> Result<String> {
    let mut p = Printer {
        toks,
        pos: 0,
        out: String::new(),
        at_line_start: true,
        pending_break: false,
        last: None,
        cont: INDENT,
        comment_group: None,
    };
    p.items(0, false)?;
    if p.pos != toks.len() {
        return Err(p.bug("tokens left after the last item"));
    }
    if !p.out.is_empty() {
        p.out.push('\n');
    }
    Ok(p.out)
}

impl<'s> Printer<'s, '_> {
    pub(super) fn bug(&self, what: &str) -> Failure {
        let at = self.toks.get(self.pos).map(|t| t.start);
        Failure::Bug(format!("{what} (at byte {at:?})"))
    }

    // ── the token stream ────────────────────────────────────────────────────

    /// The next token that is not a comment.
    pub(super) fn peek(&self) -> Option<Token<'s>> {
        self.peek_nth(0)
    }

    /// The `n`th next token that is not a comment.
    pub(super) fn peek_nth(&self, n: usize) -> Option<Token<'s>> {
        self.toks[self.pos..]
            .iter()
            .filter(|t| t.kind != Kind::Comment)
            .nth(n)
            .copied()
    }

    pub(super) fn peek_is(&self, kind: Kind, text: &str) -> bool {
        self.peek().is_some_and(|t| t.is(kind, text))
    }

    /// Writes the next code token, after the comments before it (which break
    /// the line: a comment runs to the end of its line).
    pub(super) fn take(&mut self) -> Result<Token<'s>> {
        while let Some(&t) = self.toks.get(self.pos)
            && t.kind == Kind::Comment
        {
            self.inner_comment(t);
            self.pos += 1;
        }
        let t = *self
            .toks
            .get(self.pos)
            .ok_or_else(|| self.bug("unexpected end of the tokens"))?;
        self.pos += 1;
        self.write(t);
        Ok(t)
    }

    pub(super) fn take_kind(&mut self, kind: Kind) -> Result<Token<'s>> {
        match self.peek() {
            Some(t) if t.kind == kind => self.take(),
            _ => Err(self.bug(&format!("expected a {kind:?} token"))),
        }
    }

    pub(super) fn take_punct(&mut self, text: &str) -> Result<Token<'s>> {
        if self.peek_is(Kind::Punct, text) {
            self.take()
        } else {
            Err(self.bug(&format!("expected `{text}`")))
        }
    }

    // ── output ──────────────────────────────────────────────────────────────

    /// Ends the current line (if any), adds a blank line if asked, indents.
    pub(super) fn begin_line(&mut self, indent: usize, blank: bool) {
        if !self.out.is_empty() {
            self.out.push('\n');
            if blank {
                self.out.push('\n');
            }
        }
        self.push_indent(indent);
    }

    pub(super) fn push_indent(&mut self, indent: usize) {
        self.out.extend(std::iter::repeat_n(' ', indent));
        self.at_line_start = true;
        self.pending_break = false;
        self.last = None;
    }

    fn write(&mut self, t: Token<'s>) {
        if self.pending_break {
            self.begin_line(self.cont, false);
        } else if !self.at_line_start && self.last.is_some_and(|last| spaced(&last, &t)) {
            self.out.push(' ');
        }
        if t.kind == Kind::Str && t.text.starts_with(crate::syntax::lex::TRIPLE) {
            // (v1) a multi-line string moves with its statement
            let moved = crate::syntax::lex::reindent_multiline(t.text, self.cont);
            self.out.push_str(&moved);
        } else {
            self.out.push_str(t.text);
        }
        self.at_line_start = false;
        self.last = Some(t);
    }

    /// A comment inside an element: at the end of the current line if it
    /// stood after a token on its line, else on a line of its own.
    fn inner_comment(&mut self, c: Token<'s>) {
        if c.newlines_before == 0 && !self.at_line_start {
            self.out.push_str("  ");
        } else {
            self.begin_line(self.cont, false);
        }
        self.out.push_str(c.text);
        self.at_line_start = false;
        self.pending_break = true;
    }

    /// Comments between elements of a list (items, statements, variants).
    /// `first` is true until the list's first element or own-line comment.
    pub(super) fn list_comments(&mut self, indent: usize, first: &mut bool, prev: &mut Prev) {
        while let Some(&c) = self.toks.get(self.pos)
            && c.kind == Kind::Comment
        {
            self.pos += 1;
            if c.newlines_before == 0 && !self.out.is_empty() && !self.at_line_start {
                self.out.push_str("  ");
            } else {
                let blank =
                    !*first && (c.newlines_before >= 2 || *prev == Prev::Item { multiline: true });
                if *prev != Prev::Comment {
                    self.comment_group = Some((self.out.len(), blank, *prev));
                }
                self.begin_line(indent, blank);
                *first = false;
                *prev = Prev::Comment;
            }
            self.out.push_str(c.text);
            self.at_line_start = false;
            self.pending_break = true;
        }
    }

    /// Width in columns of the current line so far.
    pub(super) fn line_width(&self) -> usize {
        let start = self.out.rfind('\n').map(|i| i + 1).unwrap_or(0);
        self.out[start..].width()
    }
}

/// Whether one space separates `a` and `b` on a line.
pub(super) fn spaced(a: &Token, b: &Token) -> bool {
    !(a.is_punct("(") || (b.kind == Kind::Punct && matches!(b.text, ")" | "," | ":")))
}
