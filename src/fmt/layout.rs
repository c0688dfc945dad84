//! The structure of a plan, read from its tokens: items, sections, statement
//! blocks, `one_of` lists and conditions, each laid out with the primitives
//! of `print`.

use super::lex::{Kind, Token};
use super::print::{Failure, INDENT, MAX_SECTION_DEPTH, MAX_WIDTH, Prev, Printer, Result, spaced};
use unicode_width::UnicodeWidthStr;

use crate::syntax::language::{self, ValueKind};

impl<'s> Printer<'s, '_> {
    // ── items ───────────────────────────────────────────────────────────────

    /// The items of the file (`in_section` false) or of a section, up to its `}`.
    pub(super) fn items(&mut self, indent: usize, in_section: bool) -> Result<()> {
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
                self.take_kind(Kind::Str)?;
                // (v1) its block: `until`, `text`
                self.optional_block(indent)
            }
            // (v1) a section's statement (the file parsed, so it is in a section)
            "element" => self.take_kind(Kind::Word).map(drop),
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

    /// One statement: its keyword, then its value, of the kind the language
    /// table gives (the file parsed, so the tokens are there).
    fn statement(&mut self) -> Result<()> {
        let keyword = self.take_kind(Kind::Word)?;
        let statement = language::statement(keyword.text)
            .ok_or_else(|| self.bug(&format!("`{}` does not start a statement", keyword.text)))?;
        match statement.value {
            ValueKind::Str => self.list(Kind::Str, false),
            ValueKind::Strs => self.list(Kind::Str, true),
            ValueKind::Name => self.list(Kind::Word, false),
            ValueKind::Names => self.list(Kind::Word, true),
            ValueKind::Duration | ValueKind::Date => self.list(Kind::Num, false),
            ValueKind::Kind | ValueKind::Element => self.list(Kind::Word, false),
            ValueKind::Revision => {
                self.take_kind(Kind::Num)?;
                self.take_kind(Kind::Str).map(drop)
            }
            ValueKind::Deadline => {
                self.take_kind(Kind::Num)?;
                if self.peek().is_some_and(|t| t.is_word("from")) {
                    self.take()?;
                    self.take_kind(Kind::Word)?;
                }
                if self.peek().is_some_and(|t| t.is_word("for")) {
                    self.take()?;
                    self.list(Kind::Word, true)?;
                }
                Ok(())
            }
            ValueKind::Escalation => {
                self.take_kind(Kind::Word)?; // to
                self.take_kind(Kind::Word)?;
                if self.peek().is_some_and(|t| t.is_word("within")) {
                    self.take()?;
                    self.take_kind(Kind::Num)?;
                }
                Ok(())
            }
        }
    }

    /// One token of `kind`, or (`many`) a list of them separated by `,`.
    fn list(&mut self, kind: Kind, many: bool) -> Result<()> {
        self.take_kind(kind)?;
        while many && self.peek_is(Kind::Punct, ",") {
            self.take()?;
            self.take_kind(kind)?;
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
