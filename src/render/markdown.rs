//! The checklist as GitHub-flavoured Markdown: one task-list item per step.
//!
//! User text goes through `escape` only, so no label or text can change the
//! document's structure (open a heading, list, task box, table cell, code
//! span, link or HTML tag).

use std::fmt::Write;

use super::document::*;
use super::say;
use super::words::{Lang, Words, every_words, phase_title, within_words};

/// User text for one line of Markdown: line breaks and tabs become spaces,
/// bidi characters are shown escaped (`crate::escape::one_line`), the ends
/// are trimmed, inline markup characters are backslash-escaped, and so is a
/// leading character that would start a block (`-`, `+`, `>`, `=`, `1.`).
/// Bare URLs, `www.` addresses and e-mail addresses, which GitHub's
/// autolink extension would turn into links, are broken up invisibly: the
/// `:` after a scheme and the `.` after `www` are backslash-escaped, and a
/// word joiner (U+2060) follows an `@`.
pub fn escape(text: &str) -> String {
    let flat = crate::escape::one_line(text);
    let flat = flat.trim();
    let mut out = String::with_capacity(flat.len() + 8);
    let digits = flat.chars().take_while(|c| c.is_ascii_digit()).count();
    let mut previous = '\0';
    for (i, c) in flat.chars().enumerate() {
        let block_start = (i == 0 && matches!(c, '-' | '+' | '=' | '>'))
            || (i == digits && digits > 0 && matches!(c, '.' | ')'));
        let autolink = (c == ':' && previous.is_ascii_alphabetic())
            || (c == '.'
                && out.len() >= 3
                && out.as_bytes()[out.len() - 3..].eq_ignore_ascii_case(b"www"));
        if block_start
            || autolink
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#'
            )
        {
            out.push('\\');
        }
        out.push(c);
        if c == '@' {
            out.push('\u{2060}');
        }
        previous = c;
    }
    out
}

struct Md<'a> {
    out: String,
    w: &'static Words,
    lang: Lang,
    doc: &'a Document,
}

/// The whole plan: title block, checklists, role cards, routines, outside
/// parties and the plan's own text.
pub fn render(doc: &Document) -> String {
    let mut md = Md::new(doc);
    md.title();
    md.checklists();
    md.cards(doc.roles.iter());
    md.routines();
    md.externals();
    md.outline();
    md.finish()
}

/// One role's card, under the plan's title.
pub fn render_role(doc: &Document, card: &RoleCard) -> String {
    let mut md = Md::new(doc);
    let _ = writeln!(md.out, "# {}\n", escape(&doc.header.title));
    md.cards(std::iter::once(card));
    md.finish()
}

impl<'a> Md<'a> {
    fn new(doc: &'a Document) -> Self {
        Md {
            out: String::new(),
            w: doc.lang.words(),
            lang: doc.lang,
            doc,
        }
    }

    fn finish(mut self) -> String {
        while self.out.ends_with("\n\n") {
            self.out.pop();
        }
        self.out
    }

    /// A party with its holder and phones (`say::party`), escaped.
    fn party(&self, p: &Party) -> String {
        escape(&say::party(p, self.w))
    }

    fn parties(&self, ps: &[Party]) -> String {
        escape(&say::parties(ps, self.w))
    }

    fn field(&mut self, indent: &str, name: &str, value: &str) {
        let _ = writeln!(self.out, "{indent}- **{name}**{}{value}", self.w.colon);
    }

    fn paragraphs(&mut self, texts: &[String]) {
        for t in texts {
            let _ = writeln!(self.out, "{}\n", escape(t));
        }
    }

    fn title(&mut self) {
        let (w, h) = (self.w, &self.doc.header);
        let _ = writeln!(self.out, "# {}\n", escape(&h.title));
        let mut any = false;
        if let Some(v) = &h.issuer {
            self.field("", w.issuer, &escape(v));
            any = true;
        }
        if let Some(v) = &h.date {
            self.field("", w.date, &escape(v));
            any = true;
        }
        if !h.basis.is_empty() {
            let basis: Vec<String> = h.basis.iter().map(|b| escape(b)).collect();
            self.field("", w.basis, &basis.join(w.comma));
            any = true;
        }
        if let Some(v) = &h.scope {
            self.field("", w.scope, &escape(v));
            any = true;
        }
        if let Some(c) = &h.commander {
            let c = self.party(c);
            self.field("", w.commander, &c);
            any = true;
        }
        if let Some(v) = &h.version {
            self.field("", w.version, &escape(v));
            any = true;
        }
        let document = [
            (w.kind, &h.kind),
            (w.approver, &h.approver),
            (w.effective, &h.effective),
            (w.reviewed, &h.reviewed),
            (w.distribution, &h.distribution),
        ];
        for (name, value) in document {
            if let Some(v) = value {
                self.field("", name, &escape(v));
                any = true;
            }
        }
        if any {
            self.out.push('\n');
        }
        if !h.revisions.is_empty() {
            // (v1) the revision record, one line each (a list: Markdown tables are not
            // something every reader of the file renders)
            let _ = writeln!(self.out, "**{}**\n", w.revisions);
            for (date, note) in &h.revisions {
                let _ = writeln!(self.out, "- {}{}{}", escape(date), w.colon, escape(note));
            }
            self.out.push('\n');
        }
        self.paragraphs(&h.texts);
    }

    fn checklists(&mut self) {
        let w = self.w;
        let _ = writeln!(self.out, "## {}\n", w.checklists);
        for t in &self.doc.triggers {
            let level = match &t.level {
                Some(l) => format!(
                    "{}{}{}{}{}",
                    w.open,
                    w.level,
                    w.colon,
                    escape(&say::level(&l.name, &l.label)),
                    w.close
                ),
                None => String::new(),
            };
            let _ = writeln!(
                self.out,
                "### {}{}{}{level}\n",
                w.trigger,
                w.colon,
                escape(&t.label)
            );
            let _ = writeln!(
                self.out,
                "**{}**{}{}\n",
                w.condition,
                w.colon,
                escape(&t.condition)
            );
            if let Some(until) = t.level.as_ref().and_then(|l| l.until.as_ref()) {
                let _ = writeln!(
                    self.out,
                    "**{}**{}{}\n",
                    w.level_until,
                    w.colon,
                    escape(until)
                );
            }
            if let Some(also) = say::also(t, w, escape) {
                let _ = writeln!(self.out, "**{}**{}{also}\n", w.also_sets_off, w.colon);
            }
            // Blanks to fill in on paper, and where every deadline counts from.
            let _ = writeln!(self.out, "{}\n", say::blanks(w));
            if t.steps.is_empty() && t.builds_on.is_none() {
                let _ = writeln!(self.out, "{}\n", w.no_steps);
            }
            if let Some(base) = say::builds_on(t, w) {
                let _ = writeln!(self.out, "**{}**\n", escape(&base));
            }
            for phase in t.printed().chunk_by(|a, b| a.phase == b.phase) {
                let title = phase_title(phase[0].phase, phase.len(), self.lang);
                let _ = writeln!(self.out, "#### {title}\n");
                for s in phase {
                    self.step(s);
                }
                self.out.push('\n');
            }
        }
    }

    fn step(&mut self, s: &StepItem) {
        let w = self.w;
        let _ = writeln!(self.out, "- [ ] **{}**", escape(&s.label));
        if let Some(o) = &s.owner {
            let o = self.party(o);
            self.field("  ", w.owner, &o);
        }
        if !s.with.is_empty() {
            let v = self.parties(&s.with);
            self.field("  ", w.with, &v);
        }
        let anchor = s.anchor.as_ref().map(|a| (a, say::anchor_ref(a, None, w)));
        if let Some(d) = say::deadline(s.within, anchor, s.every.as_ref(), self.lang) {
            self.field("  ", w.deadline, &escape(&d));
        }
        if !s.notify.is_empty() {
            let v = self.parties(&s.notify);
            self.field("  ", w.notify, &v);
        }
        if let Some(u) = &s.until {
            self.field("  ", w.until, &escape(u));
        }
        if !s.after.is_empty() {
            let v: Vec<String> = s.after.iter().map(|a| escape(a)).collect();
            self.field("  ", w.after, &v.join(w.comma));
        }
        for t in &s.texts {
            self.field("  ", w.detail, &escape(t));
        }
    }

    fn cards<'c>(&mut self, cards: impl Iterator<Item = &'c RoleCard>) {
        let w = self.w;
        let _ = writeln!(self.out, "## {}\n", w.role_cards);
        for card in cards {
            let mark = if card.commander {
                format!("{}{}{}", w.open, w.commander_mark, w.close)
            } else {
                String::new()
            };
            let _ = writeln!(self.out, "### {}{mark}\n", escape(&card.label));
            if let Some(h) = &card.holder {
                self.field("", w.holder, &escape(h));
            }
            if !card.phones.is_empty() {
                let v: Vec<String> = card.phones.iter().map(|p| escape(p)).collect();
                self.field("", w.phone, &v.join(w.comma));
            }
            if let Some(d) = &card.deputy {
                let d = self.party(d);
                self.field("", w.deputy, &d);
            }
            if !card.members.is_empty() {
                let v = self.parties(&card.members);
                self.field("", w.members, &v);
            }
            if !card.escalations.is_empty() {
                let v: Vec<String> = card
                    .escalations
                    .iter()
                    .map(|e| match e.within {
                        Some(d) => format!(
                            "{}{}{}{}",
                            self.party(&e.to),
                            w.open,
                            within_words(d, self.lang),
                            w.close
                        ),
                        None => self.party(&e.to),
                    })
                    .collect();
                self.field("", w.escalates_to, &v.join(w.comma));
            }
            if !card.duties.is_empty() {
                let _ = writeln!(self.out, "- **{}**{}", w.duties, w.colon.trim_end());
                for d in &card.duties {
                    let _ = writeln!(self.out, "  - {}", escape(d));
                }
            }
            if !card.triggers.is_empty() {
                let _ = writeln!(self.out, "- **{}**{}", w.steps, w.colon.trim_end());
                for t in &card.triggers {
                    let labels: Vec<String> = t.triggers.iter().map(|r| escape(&r.label)).collect();
                    let _ = writeln!(
                        self.out,
                        "  - {}{}",
                        labels.join(w.comma),
                        w.colon.trim_end()
                    );
                    if let Some(base) = say::tasks_build_on(t, w) {
                        let _ = writeln!(self.out, "    - **{}**", escape(&base));
                    }
                    for task in &t.tasks {
                        let line = self.task(task);
                        let _ = writeln!(self.out, "    - {line}");
                    }
                }
            }
            if !card.routines.is_empty() {
                let _ = writeln!(self.out, "- **{}**{}", w.routines, w.colon.trim_end());
                for task in &card.routines {
                    let line = self.task(task);
                    let _ = writeln!(self.out, "  - {line}");
                }
            }
            for t in &card.texts {
                self.field("", w.detail, &escape(t));
            }
            self.out.push('\n');
        }
    }

    fn task(&self, task: &Task) -> String {
        let w = self.w;
        let relation = say::relation(task.relation, w);
        let anchor = task
            .anchor
            .as_ref()
            .map(|a| (a, say::anchor_ref(a, None, w)));
        let mut line = format!("{relation}{}{}", w.colon, escape(&task.label));
        if let Some(d) = say::deadline(task.within, anchor, task.every.as_ref(), self.lang) {
            let _ = write!(line, "{}{}{}{}", w.comma, w.deadline, w.colon, escape(&d));
        }
        if let Some(o) = &task.owner {
            let _ = write!(line, "{}{}{}{}", w.comma, w.led_by, w.colon, self.party(o));
        }
        if !task.notify.is_empty() {
            let _ = write!(
                line,
                "{}{}{}{}",
                w.comma,
                w.notify,
                w.colon,
                self.parties(&task.notify)
            );
        }
        line
    }

    fn routines(&mut self) {
        let w = self.w;
        if self.doc.routines.is_empty() {
            return;
        }
        let _ = writeln!(self.out, "## {}\n", w.routines);
        for r in &self.doc.routines {
            let kind = if r.drill { w.drill } else { w.routine };
            let _ = writeln!(self.out, "### {kind}{}{}\n", w.colon, escape(&r.label));
            if let Some(o) = &r.owner {
                let o = self.party(o);
                self.field("", w.owner, &o);
            }
            if !r.with.is_empty() {
                let v = self.parties(&r.with);
                self.field("", w.with, &v);
            }
            if let Some(e) = r.every {
                self.field("", w.every, &every_words(e, self.lang));
            }
            for t in &r.texts {
                self.field("", w.detail, &escape(t));
            }
            self.out.push('\n');
        }
    }

    fn externals(&mut self) {
        let w = self.w;
        if self.doc.externals.is_empty() {
            return;
        }
        let _ = writeln!(self.out, "## {}\n", w.externals);
        for e in &self.doc.externals {
            let mut line = format!("- **{}**", escape(&e.label));
            if let Some(h) = &e.holder {
                let _ = write!(line, "{}{}{}", w.open, escape(h), w.close);
            }
            if !e.phones.is_empty() {
                let v: Vec<String> = e.phones.iter().map(|p| escape(p)).collect();
                let _ = write!(
                    line,
                    "{}{}{}{}{}",
                    w.open,
                    w.phone,
                    w.colon,
                    v.join(w.comma),
                    w.close
                );
            }
            for t in &e.texts {
                let _ = write!(line, " {}", escape(t));
            }
            let _ = writeln!(self.out, "{line}");
        }
        self.out.push('\n');
    }

    fn outline(&mut self) {
        if self.doc.outline.is_empty() {
            return;
        }
        let _ = writeln!(self.out, "## {}\n", self.w.plan_text);
        for entry in &self.doc.outline {
            match entry {
                OutlineEntry::Section { depth, title } => {
                    let hashes = "#".repeat((depth + 3).min(6));
                    let _ = writeln!(self.out, "{hashes} {}\n", escape(title));
                }
                OutlineEntry::Text { text, .. } => {
                    let _ = writeln!(self.out, "{}\n", escape(text));
                }
            }
        }
    }
}
