//! The layout printer: walks the token stream of a file that parsed and lays
//! it out canonically (docs/formatting.md). It never invents or drops a token
//! (but `;` and the braces of an empty block) and emits every comment where
//! it stood: before the token it preceded, or at the end of the line of the
//! token it followed.
//!
//! The structure is read from the tokens, which is enough because the file is
//! known to parse: items start with their keyword, statements with theirs, and
//! a condition is recognised without recursion (its depth is the input's).

use unicode_width::UnicodeWidthStr;

use super::lex::{Kind, Token};

/// Lines are kept within this many columns where the layout has a choice
/// (a `one_of` list); CJK characters count two.
pub const MAX_WIDTH: usize = 100;
const INDENT: usize = 2;

/// Sections nested deeper than this are refused (the printer recurses once a level).
pub const MAX_SECTION_DEPTH: usize = 100;

#[derive(Debug)]
pub enum Failure {
    /// The token stream did not have the shape of a plan that parses: a bug
    /// in planc, since the printer runs only on files that parsed.
    Bug(String),
    /// Sections nest deeper than `MAX_SECTION_DEPTH`; the offset of the first too deep.
    TooDeep(usize),
}

type Result<T> = std::result::Result<T, Failure>;

/// What stood before an element in an item list, for blank lines.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    Nothing,
    Comment,
    Item { multiline: bool },
}

pub struct Printer<'s, 't> {
    toks: &'t [Token<'s>],
    pos: usize,
    out: String,
    /// Only indentation (or nothing) is on the current line.
    at_line_start: bool,
    /// The current line ends in a comment: the next token starts a new line.
    pending_break: bool,
    /// The last token written on the current line, for spacing.
    last: Option<Token<'s>>,
    /// Indentation of the continuation lines of the current element.
    cont: usize,
    /// Where the comments after the last element of a list begin: the offset
    /// of the line break before them, whether a blank line is there, and what
    /// stood before them. A block that follows them gets a blank line there.
    comment_group: Option<(usize, bool, Prev)>,
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
    fn bug(&self, what: &str) -> Failure {
        let at = self.toks.get(self.pos).map(|t| t.start);
        Failure::Bug(format!("{what} (at byte {at:?})"))
    }

    // ── the token stream ────────────────────────────────────────────────────

    /// The next token that is not a comment.
    fn peek(&self) -> Option<Token<'s>> {
        self.peek_nth(0)
    }

    /// The `n`th next token that is not a comment.
    fn peek_nth(&self, n: usize) -> Option<Token<'s>> {
        self.toks[self.pos..]
            .iter()
            .filter(|t| t.kind != Kind::Comment)
            .nth(n)
            .copied()
    }

    fn peek_is(&self, kind: Kind, text: &str) -> bool {
        self.peek().is_some_and(|t| t.is(kind, text))
    }

    /// Writes the next code token, after the comments before it (which break
    /// the line: a comment runs to the end of its line).
    fn take(&mut self) -> Result<Token<'s>> {
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

    fn take_kind(&mut self, kind: Kind) -> Result<Token<'s>> {
        match self.peek() {
            Some(t) if t.kind == kind => self.take(),
            _ => Err(self.bug(&format!("expected a {kind:?} token"))),
        }
    }

    fn take_punct(&mut self, text: &str) -> Result<Token<'s>> {
        if self.peek_is(Kind::Punct, text) {
            self.take()
        } else {
            Err(self.bug(&format!("expected `{text}`")))
        }
    }

    // ── output ──────────────────────────────────────────────────────────────

    /// Ends the current line (if any), adds a blank line if asked, indents.
    fn begin_line(&mut self, indent: usize, blank: bool) {
        if !self.out.is_empty() {
            self.out.push('\n');
            if blank {
                self.out.push('\n');
            }
        }
        self.push_indent(indent);
    }

    fn push_indent(&mut self, indent: usize) {
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
        self.out.push_str(t.text);
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
    fn list_comments(&mut self, indent: usize, first: &mut bool, prev: &mut Prev) {
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
    fn line_width(&self) -> usize {
        let start = self.out.rfind('\n').map(|i| i + 1).unwrap_or(0);
        self.out[start..].width()
    }

    // ── items ───────────────────────────────────────────────────────────────

    /// The items of the file (`in_section` false) or of a section, up to its `}`.
    fn items(&mut self, indent: usize, in_section: bool) -> Result<()> {
        let mut first = true;
        let mut prev = Prev::Nothing;
        loop {
            self.list_comments(indent, &mut first, &mut prev);
            let comment_group = self.comment_group.take();
            let Some(next) = self.peek() else { break };
            if in_section && next.is_punct("}") {
                break;
            }
            // Printed apart first: whether it takes several lines decides the blank line before it.
            let outer = std::mem::take(&mut self.out);
            self.push_indent(indent);
            self.cont = indent + INDENT;
            self.item(indent)?;
            let text = std::mem::replace(&mut self.out, outer);
            let multiline = text.contains('\n');
            let blank = !first
                && (next.newlines_before >= 2
                    || prev == Prev::Item { multiline: true }
                    || (multiline && matches!(prev, Prev::Item { .. })));
            // The comments just above a block stay with it; the blank line goes above them.
            if multiline
                && prev == Prev::Comment
                && let Some((at, false, Prev::Item { .. })) = comment_group
            {
                self.out.insert(at, '\n');
            }
            if !self.out.is_empty() {
                self.out.push('\n');
                if blank {
                    self.out.push('\n');
                }
            }
            self.out.push_str(&text);
            self.at_line_start = false;
            self.pending_break = false;
            first = false;
            prev = Prev::Item { multiline };
        }
        Ok(())
    }

    fn item(&mut self, indent: usize) -> Result<()> {
        let keyword = self.take_kind(Kind::Word)?;
        match keyword.text {
            "plan" => {
                self.take_kind(Kind::Str)?;
                self.optional_block(indent)
            }
            "section" => {
                if indent / INDENT >= MAX_SECTION_DEPTH {
                    return Err(Failure::TooDeep(keyword.start));
                }
                self.take_kind(Kind::Str)?;
                self.section_body(indent)
            }
            "text" => self.take_kind(Kind::Str).map(drop),
            "role" | "external" | "step" | "routine" | "drill" => {
                self.take_kind(Kind::Word)?;
                self.take_kind(Kind::Str)?;
                self.optional_block(indent)
            }
            "level" => {
                self.take_kind(Kind::Word)?;
                self.take_kind(Kind::Str).map(drop)
            }
            "fact" => {
                self.take_kind(Kind::Word)?;
                self.take_kind(Kind::Str)?;
                self.take_punct(":")?;
                let ty = self.take_kind(Kind::Word)?;
                if ty.text == "one_of" {
                    self.one_of(indent)?;
                }
                Ok(())
            }
            "trigger" => {
                self.take_kind(Kind::Word)?;
                self.take_kind(Kind::Str)?;
                self.take_kind(Kind::Word)?; // when
                self.condition()?;
                // `level I` ends the trigger; `level I "label"` is the next item.
                let level_follows = self.peek().is_some_and(|t| t.is_word("level"))
                    && self.peek_nth(1).is_some_and(|t| t.kind == Kind::Word)
                    && self.peek_nth(2).is_none_or(|t| t.kind != Kind::Str);
                if level_follows {
                    self.take()?;
                    self.take()?;
                }
                Ok(())
            }
            other => Err(self.bug(&format!("`{other}` does not start an item"))),
        }
    }

    /// True when the next two tokens are `{` `}` with nothing between them.
    fn empty_braces_follow(&self) -> bool {
        matches!(
            (self.toks.get(self.pos), self.toks.get(self.pos + 1)),
            (Some(a), Some(b)) if a.is_punct("{") && b.is_punct("}")
        )
    }

    fn section_body(&mut self, indent: usize) -> Result<()> {
        if self.empty_braces_follow() {
            self.pos += 2;
            self.out.push_str(" {}");
            return Ok(());
        }
        self.take_punct("{")?;
        self.items(indent + INDENT, true)?;
        self.close(indent)
    }

    /// The `}` of a block, on a line of its own.
    fn close(&mut self, indent: usize) -> Result<()> {
        self.begin_line(indent, false);
        self.take_punct("}").map(drop)
    }

    /// The statement block of a `plan`, `role`, `external`, `step`, `routine`
    /// or `drill`, if it has one; an empty block is dropped.
    fn optional_block(&mut self, indent: usize) -> Result<()> {
        if !self.peek_is(Kind::Punct, "{") {
            return Ok(());
        }
        if self.empty_braces_follow() {
            self.pos += 2;
            return Ok(());
        }
        self.take()?;
        let inner = indent + INDENT;
        let mut first = true;
        let mut prev = Prev::Nothing;
        loop {
            self.list_comments(inner, &mut first, &mut prev);
            let next = self
                .peek()
                .ok_or_else(|| self.bug("a block is not closed"))?;
            if next.is_punct("}") {
                break;
            }
            self.begin_line(inner, !first && next.newlines_before >= 2);
            self.cont = inner + INDENT;
            self.statement()?;
            first = false;
            prev = Prev::Item { multiline: false };
        }
        self.close(indent)
    }

    /// One statement: its keyword, then its values up to the next keyword or `}`.
    fn statement(&mut self) -> Result<()> {
        let keyword = self.take_kind(Kind::Word)?;
        let escalates = keyword.text == "escalates";
        while let Some(t) = self.peek() {
            let continues = match t.kind {
                Kind::Word if crate::syntax::scan::is_keyword(t.text) => {
                    escalates && matches!(t.text, "to" | "within")
                }
                Kind::Punct => t.text == ",",
                _ => true,
            };
            if !continues {
                break;
            }
            self.take()?;
        }
        Ok(())
    }

    /// The variants of a `one_of` type, from its `{`: on the item's line when
    /// they fit and hold no comment, else one variant a line.
    fn one_of(&mut self, indent: usize) -> Result<()> {
        let close = self.toks[self.pos..]
            .iter()
            .position(|t| t.is_punct("}"))
            .map(|i| self.pos + i)
            .ok_or_else(|| self.bug("a one_of list is not closed"))?;
        let inside = &self.toks[self.pos..=close];
        if inside.iter().all(|t| t.kind != Kind::Comment) {
            let mut one_line = String::new();
            let mut last: Option<&Token> = None;
            for t in inside {
                if last.is_none_or(|l| spaced(l, t)) {
                    one_line.push(' ');
                }
                one_line.push_str(t.text);
                last = Some(t);
            }
            if !one_line.contains('\n') && self.line_width() + one_line.width() <= MAX_WIDTH {
                while self.pos <= close {
                    self.take()?;
                }
                return Ok(());
            }
        }
        self.take_punct("{")?;
        let inner = indent + INDENT;
        let mut first = true;
        let mut prev = Prev::Nothing;
        loop {
            self.list_comments(inner, &mut first, &mut prev);
            let next = self
                .peek()
                .ok_or_else(|| self.bug("a one_of list is not closed"))?;
            if next.is_punct("}") {
                break;
            }
            self.begin_line(inner, !first && next.newlines_before >= 2);
            self.cont = inner + INDENT;
            self.take_kind(Kind::Word)?;
            self.take_kind(Kind::Str)?;
            if self.peek_is(Kind::Punct, ",") {
                self.take()?;
            }
            first = false;
            prev = Prev::Item { multiline: false };
        }
        self.close(indent)
    }

    /// A trigger's condition, recognised without recursion: atoms (each with
    /// its `not`s and `(`s) joined by `and`/`or`, closing `)`s after an atom.
    fn condition(&mut self) -> Result<()> {
        let mut depth = 0usize;
        loop {
            while let Some(t) = self.peek() {
                if t.is_word("not") {
                    self.take()?;
                } else if t.is_punct("(") {
                    self.take()?;
                    depth += 1;
                } else {
                    break;
                }
            }
            self.take_kind(Kind::Word)?;
            match self.peek() {
                Some(t)
                    if t.kind == Kind::Punct
                        && !matches!(t.text, "(" | ")" | "{" | "}" | "," | ":") =>
                {
                    self.take()?;
                    self.take_kind(Kind::Num)?;
                }
                Some(t) if t.is_word("in") => {
                    self.take()?;
                    self.take_punct("{")?;
                    self.take_kind(Kind::Word)?;
                    while self.peek_is(Kind::Punct, ",") {
                        self.take()?;
                        self.take_kind(Kind::Word)?;
                    }
                    self.take_punct("}")?;
                }
                _ => {}
            }
            while depth > 0 && self.peek_is(Kind::Punct, ")") {
                self.take()?;
                depth -= 1;
            }
            if self
                .peek()
                .is_some_and(|t| t.is_word("and") || t.is_word("or"))
            {
                self.take()?;
            } else if depth == 0 {
                return Ok(());
            } else {
                return Err(self.bug("a `(` in a condition is not closed"));
            }
        }
    }
}

/// Whether one space separates `a` and `b` on a line.
fn spaced(a: &Token, b: &Token) -> bool {
    !(a.is_punct("(") || (b.kind == Kind::Punct && matches!(b.text, ")" | "," | ":")))
}
