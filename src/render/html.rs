//! The checklist as one self-contained HTML page (inline CSS, no scripts,
//! fonts or requests): readable on a phone, printable on A4 with a page per
//! trigger and per role card and tick boxes that show on paper. Built with
//! maud, which escapes every interpolated string.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::document::*;
use super::say;
use super::words::{Lang, Words, every_words, every_written_words, phase_title};

const CSS: &str = r#"
:root { color-scheme: light; }
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; line-height: 1.5;
  color: #111; background: #fff; margin: 0 auto; max-width: 48rem; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .6rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin: 1.4rem 0 .6rem; }
h3 { font-size: 1.15rem; margin: 1rem 0 .4rem; }
h4, h5, h6 { font-size: 1rem; margin: .8rem 0 .3rem; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: .3rem 0; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; }
.level { font-weight: normal; font-size: 1rem; color: #444; }
.condition { background: #f3f3f3; border-left: 4px solid #a00; padding: .4rem .6rem; margin: .4rem 0; }
h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
p.blanks { display: flex; flex-wrap: wrap; gap: .3rem 1.5rem; margin: .3rem 0; }
span.blank { display: inline-block; min-width: 8rem; border-bottom: 1px solid #000; height: 1.1em; vertical-align: bottom; }
p.base { margin: .4rem 0; }
table.revisions, table.who, table.tasks { border-collapse: collapse; width: 100%; margin: .3rem 0; }
table.revisions caption { font-weight: bold; text-align: left; }
table.revisions th, table.revisions td, table.who th, table.who td, table.tasks td { border: 1px solid #666; padding: .15rem .35rem; text-align: left; vertical-align: top; }
table.who th { width: 5.5rem; background: #f6f6f6; font-weight: bold; }
table.tasks tr { break-inside: avoid; page-break-inside: avoid; }
table.tasks td.due { width: 9rem; }
span.who { font-size: .88rem; }
span.phone { white-space: nowrap; }
span.box { border: 1.2pt solid #000; border-radius: 2pt; }
p.routines { font-size: .88rem; }
table.contacts { border-collapse: collapse; width: 100%; }
table.contacts th, table.contacts td { border: 1px solid #666; padding: .2rem .35rem; text-align: left; vertical-align: top; }
table.contacts thead th { background: #eee; }
table.contacts tr { break-inside: avoid; page-break-inside: avoid; }
table.steps { border-collapse: collapse; width: 100%; margin: .3rem 0 .8rem; }
table.steps th, table.steps td { border: 1px solid #666; padding: .2rem .35rem; vertical-align: top; text-align: left; }
table.steps thead th { background: #eee; font-size: .9rem; }
tr.phase th { background: #f6f6f6; font-weight: bold; font-size: .9rem; }
tr.step, tr.phase { break-inside: avoid; page-break-inside: avoid; }
tr.phase { break-after: avoid; page-break-after: avoid; }
th.tick, td.tick { width: 1.6rem; text-align: center; }
span.box { display: inline-block; width: .9rem; height: .9rem; }
td.due, th.due { width: 6.5rem; }
th.blankcol, td.blankcol { width: 5.5rem; }
label.what { font-weight: bold; }
div.fields { font-size: .88rem; color: #222; }
div.fields span { display: inline; }
div.fields span + span::before { content: " · "; color: #888; }
input.tick { width: 1.1rem; height: 1.1rem; margin: .1rem 0 0; }
.deadline { color: #a00; font-weight: bold; }
.commander { border: 1px solid #a00; color: #a00; border-radius: 3px; padding: 0 .3rem; font-size: .9rem; font-weight: normal; }
ul.tasks { margin: .2rem 0; padding-left: 1.2rem; }
article.card { border: 2px solid #333; border-radius: 6px; padding: .2rem 1rem .6rem; margin: .8rem 0; }
section.cards article.card { border-width: 0 0 0 3px; border-radius: 0; padding: 0 0 0 .6rem; }
p.note { color: #444; }
p, dd, label, li { white-space: pre-line; }
@media (max-width: 30rem) {
  dl.fields { grid-template-columns: 1fr; }
  dl.fields dd { margin-left: .8rem; }
  li.step dl.fields { margin-left: 0; }
}
@media print {
  @page { size: A4; margin: 12mm 12mm 14mm; }
  body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.35; }
  .page { break-before: page; }
  input.tick { -webkit-appearance: none; appearance: none; border: 1.5pt solid #000; border-radius: 2pt; background: #fff; }
  article.card { border-width: 1.5pt; }
}
"#;

pub(super) struct Page<'a> {
    pub(super) doc: &'a Document,
    pub(super) w: &'static Words,
    pub(super) lang: Lang,
}

/// The whole plan as one page.
pub fn render(doc: &Document) -> String {
    let p = Page::new(doc);
    p.page(
        &doc.header.title,
        html! {
            (p.title())
            (p.checklists())
            (p.cards(doc.roles.iter()))
            (p.routines())
            (p.contacts())
            (p.outline())
        },
    )
}

/// One role's 应急处置卡 as a page of its own (one printed A4 page).
pub fn render_role(doc: &Document, card: &RoleCard) -> String {
    render_cards(doc, std::slice::from_ref(card))
}

/// Role cards to print and hand out, each on a printed page of its own.
pub fn render_cards(doc: &Document, cards: &[RoleCard]) -> String {
    let p = Page::new(doc);
    let title = match cards {
        [card] => format!("{} · {}", card.label, doc.header.title),
        _ => format!("{} · {}", p.w.card_title, doc.header.title),
    };
    p.page(
        &title,
        html! {
            @for (i, card) in cards.iter().enumerate() {
                div class=(if i > 0 { "page" } else { "first" }) {
                    p.note { (p.u(&doc.header.title)) }
                    (p.card(card, 1))
                }
            }
        },
    )
}

impl<'a> Page<'a> {
    fn new(doc: &'a Document) -> Self {
        Page {
            doc,
            w: doc.lang.words(),
            lang: doc.lang,
        }
    }

    fn page(&self, title: &str, body: Markup) -> String {
        html! {
            (DOCTYPE)
            html lang=(self.lang.html_tag()) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (title) }
                    style { (PreEscaped(CSS)) (PreEscaped(self.footer_css())) }
                }
                body { (body) }
            }
        }
        .into_string()
    }

    /// The footer of every printed page: the plan's title and version, and
    /// `第 x 页 / 共 y 页`.
    fn footer_css(&self) -> String {
        let (w, h) = (self.w, &self.doc.header);
        let mut text = h.title.clone();
        if let Some(v) = &h.version {
            text = format!("{text} · {}{}{v}", w.version, w.colon);
        }
        format!(
            "@media print {{ @page {{ @bottom-center {{ content: {} {} counter(page) {} counter(pages) {}; \
             font-size: 8pt; color: #444; font-family: \"Noto Sans CJK SC\", \"WenQuanYi Micro Hei\", sans-serif; }} }} }}\n",
            css_string(&format!("{text}    ")),
            css_string(w.page_before),
            css_string(w.page_middle),
            css_string(w.page_after),
        )
    }

    /// A party with its holder (unless the same words) and phones.
    pub(super) fn party(&self, p: &Party) -> Markup {
        self.pieces(&say::party_pieces(p, self.w))
    }

    pub(super) fn parties(&self, ps: &[Party]) -> Markup {
        self.pieces(&say::parties_pieces(ps, self.w))
    }

    /// A phrase: its phone numbers each kept on one line, the plan's own
    /// words marked with their language (`u`).
    fn pieces(&self, pieces: &[say::Piece]) -> Markup {
        html! {
            @for p in pieces {
                @match p {
                    say::Piece::Text(t) => (t),
                    say::Piece::User(t) => (self.u(t)),
                    say::Piece::Phone(t) => span.phone { (t) },
                }
            }
        }
    }

    /// The plan's own words, marked with the plan's language when the page
    /// speaks another (a Chinese plan under `--lang en`): browsers, screen
    /// readers and fonts then read each part in its own language.
    pub(super) fn u(&self, text: &str) -> Markup {
        html! {
            @if self.doc.text_lang == self.lang { (text) }
            @else { span lang=(self.doc.text_lang.html_tag()) { (text) } }
        }
    }

    /// Phone numbers, each kept on one line.
    pub(super) fn phones(&self, list: &[String]) -> Markup {
        html! {
            @for (i, p) in list.iter().enumerate() {
                @if i > 0 { (self.w.number_comma) }
                span.phone { (p) }
            }
        }
    }

    fn title(&self) -> Markup {
        let (w, h) = (self.w, &self.doc.header);
        html! {
            header {
                h1 { (self.u(&h.title)) }
                dl.fields {
                    @if let Some(v) = &h.issuer { dt { (w.issuer) } dd { (self.u(v)) } }
                    @if let Some(v) = &h.date { dt { (w.date) } dd { (v) } }
                    @if !h.basis.is_empty() { dt { (w.basis) } dd { (self.u(&h.basis.join(w.comma))) } }
                    @if let Some(v) = &h.scope { dt { (w.scope) } dd { (self.u(v)) } }
                    @if let Some(c) = &h.commander { dt { (w.commander) } dd { (self.party(c)) } }
                    @if let Some(v) = &h.version { dt { (w.version) } dd { (v) } }
                    @if let Some(v) = &h.kind { dt { (w.kind) } dd { (v) } }
                    @if let Some(v) = &h.approver { dt { (w.approver) } dd { (self.u(v)) } }
                    @if let Some(v) = &h.effective { dt { (w.effective) } dd { (v) } }
                    @if let Some(v) = &h.reviewed { dt { (w.reviewed) } dd { (v) } }
                    @if let Some(v) = &h.distribution { dt { (w.distribution) } dd { (self.u(v)) } }
                }
                @if !h.revisions.is_empty() {
                    table.revisions {
                        caption { (w.revisions) }
                        thead { tr { th { (w.revision_date) } th { (w.revision_note) } } }
                        tbody {
                            @for (date, note) in &h.revisions { tr { td { (date) } td { (self.u(note)) } } }
                        }
                    }
                }
                @for t in &h.texts { p { (self.u(t)) } }
            }
        }
    }

    fn checklists(&self) -> Markup {
        let w = self.w;
        html! {
            h2 { (w.checklists) }
            @for (i, t) in self.doc.triggers.iter().enumerate() {
                section.trigger id=(format!("trigger-{i}")) {
                    h3 {
                        (w.trigger) (w.colon) (self.u(&t.label))
                        @if let Some(l) = &t.level {
                            " " span.level { (w.open.trim()) (w.level) (w.colon) (say::level(&l.name, &l.label)) (w.close) }
                        }
                    }
                    p.condition { strong { (w.condition) (w.colon) } (t.condition) }
                    @if let Some(until) = t.level.as_ref().and_then(|l| l.until.as_ref()) {
                        p.until { strong { (w.level_until) (w.colon) } (self.u(until)) }
                    }
                    @if let Some(also) = say::also(t, w, str::to_string) {
                        p { strong { (w.also_sets_off) (w.colon) } (also) }
                    }
                    p.blanks {
                        span { (w.started_at) (w.colon) span.blank {} }
                        span { (w.lead) (w.colon) span.blank {} }
                        span.note { (w.deadline_from) }
                    }
                    @if t.steps.is_empty() && t.builds_on.is_none() { p.note { (w.no_steps) } }
                    @if let Some(base) = say::builds_on(t, w) { p.base { strong { (base) } } }
                    (self.step_table(t, i))
                }
            }
        }
    }

    /// The steps of one checklist (those its base does not list) as a table,
    /// a row per step under a row per phase, with blanks for who did it when.
    fn step_table(&self, t: &TriggerSection, i: usize) -> Markup {
        let w = self.w;
        let shown: Vec<&StepItem> = t.printed().iter().collect();
        html! {
            @if !shown.is_empty() {
                table.steps {
                    thead { tr {
                        th.tick { span.box {} }
                        th { (w.step) }
                        th.due { (w.deadline) }
                        th.blankcol { (w.done_at) }
                        th.blankcol { (w.done_by) }
                    } }
                    @for (start, phase) in phases(&shown) {
                        tbody {
                            tr.phase { th colspan="5" { (phase_title(phase[0].phase, phase.len(), self.lang)) } }
                            @for (k, s) in phase.iter().enumerate() {
                                (self.step(s, &shown, &format!("t{i}s{}", start + k), start + k + 1))
                            }
                        }
                    }
                }
            }
        }
    }

    fn step(&self, s: &StepItem, shown: &[&StepItem], id: &str, number: usize) -> Markup {
        let w = self.w;
        // Steps to wait for by their number in this table; those the base
        // checklist lists, by label.
        let (numbers, labels): (Vec<_>, Vec<_>) = s
            .after
            .iter()
            .map(|a| match shown.iter().position(|x| &x.label == a) {
                Some(k) => Ok((k + 1).to_string()),
                None => Err(a.as_str()),
            })
            .partition(|r| r.is_ok());
        let numbers: Vec<String> = numbers.into_iter().filter_map(|r| r.ok()).collect();
        let labels: Vec<&str> = labels.into_iter().filter_map(|r| r.err()).collect();
        html! {
            tr.step {
                td.tick { input.tick type="checkbox" id=(id); }
                td {
                    label.what for=(id) { (number) ". " (self.u(&s.label)) }
                    div.fields {
                        @if let Some(o) = &s.owner { span { (w.owner) (w.colon) (self.party(o)) } }
                        @if !s.with.is_empty() { span { (w.with) (w.colon) (self.parties(&s.with)) } }
                        @if !s.notify.is_empty() { span { (w.notify) (w.colon) (self.parties(&s.notify)) } }
                        @if let Some(a) = self.anchored(s, shown) { span { (w.deadline) (w.colon) (a) } }
                        @if let (Some(_), Some(e)) = (s.within, &s.every) { span { (w.repeat) (w.colon) (w.then) (every_written_words(e, self.lang)) } }
                        @if let Some(u) = &s.until { span { (w.until) (w.colon) (self.u(u)) } }
                        @if !numbers.is_empty() || !labels.is_empty() {
                            span {
                                (w.after) (w.colon)
                                @if !numbers.is_empty() {
                                    (w.after_numbers_before) (numbers.join(w.number_comma)) (w.after_numbers_after)
                                    @if !labels.is_empty() { (w.comma) }
                                }
                                (labels.join(w.comma))
                            }
                        }
                        @for t in &s.texts { span { (w.detail) (w.colon) (self.u(t)) } }
                    }
                }
                td.due { @if let Some(d) = say::latest(s.within, s.every.as_ref(), self.lang) { span.deadline { (d) } } }
                td.blankcol {}
                td.blankcol {}
            }
        }
    }

    /// A deadline counted from another step, that step named by its number
    /// in this table (`第 1 项完成后30分钟内`): said beside the step, while
    /// the deadline column holds the latest moment from the start.
    fn anchored(&self, s: &StepItem, shown: &[&StepItem]) -> Option<String> {
        let a = s.anchor.as_ref()?;
        let number = shown.iter().position(|x| x.name == a.name).map(|k| k + 1);
        Some(say::anchored(
            a,
            &say::anchor_ref(a, number, self.w),
            self.lang,
        ))
    }

    fn routines(&self) -> Markup {
        let w = self.w;
        html! {
            @if !self.doc.routines.is_empty() {
                section.routines {
                    h2 { (w.routines) }
                    @for r in &self.doc.routines {
                        h3 { (if r.drill { w.drill } else { w.routine }) (w.colon) (self.u(&r.label)) }
                        dl.fields {
                            @if let Some(o) = &r.owner { dt { (w.owner) } dd { (self.party(o)) } }
                            @if !r.with.is_empty() { dt { (w.with) } dd { (self.parties(&r.with)) } }
                            @if let Some(e) = r.every { dt { (w.every) } dd { (every_words(e, self.lang)) } }
                            @for t in &r.texts { dt { (w.detail) } dd { (self.u(t)) } }
                        }
                    }
                }
            }
        }
    }

    /// The contact sheet (通讯录): every role and outside party with its
    /// holder, phones and deputy.
    fn contacts(&self) -> Markup {
        let w = self.w;
        html! {
            section.contacts {
                h2 { (w.contacts) }
                table.contacts {
                    thead { tr { th { (w.contact) } th { (w.holder) } th { (w.phone) } th { (w.deputy) } } }
                    tbody {
                        @for r in &self.doc.roles {
                            tr {
                                td { (self.u(&r.label)) }
                                td { @if let Some(h) = &r.holder { (self.u(h)) } }
                                td { (self.phones(&r.phones)) }
                                td { @if let Some(d) = &r.deputy { (self.party(d)) } }
                            }
                        }
                        @for e in &self.doc.externals {
                            tr {
                                td { (self.u(&e.label)) @for t in &e.texts { br; small { (self.u(t)) } } }
                                td { @if let Some(h) = &e.holder { (self.u(h)) } }
                                td { (self.phones(&e.phones)) }
                                td {}
                            }
                        }
                    }
                }
            }
        }
    }

    fn outline(&self) -> Markup {
        html! {
            @if !self.doc.outline.is_empty() {
                section.outline {
                    h2 { (self.w.plan_text) }
                    @for entry in &self.doc.outline {
                        @match entry {
                            OutlineEntry::Section { depth, title } => {
                                @match depth {
                                    0 => h3 { (self.u(title)) },
                                    1 => h4 { (self.u(title)) },
                                    2 => h5 { (self.u(title)) },
                                    _ => h6 { (self.u(title)) },
                                }
                            }
                            OutlineEntry::Text { text, .. } => p { (self.u(text)) },
                        }
                    }
                }
            }
        }
    }
}

/// Text as a CSS string: every ASCII character but letters, digits and the
/// space as a hex escape, so no user text can end the string or the style.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' || (!c.is_ascii() && !c.is_control()) {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out.push('"');
    out
}

/// A heading of level `level` (1 to 6).
pub(super) fn heading(level: u8, inner: Markup) -> Markup {
    html! {
        @match level {
            0 | 1 => h1 { (inner) },
            2 => h2 { (inner) },
            3 => h3 { (inner) },
            4 => h4 { (inner) },
            5 => h5 { (inner) },
            _ => h6 { (inner) },
        }
    }
}

/// The steps of a checklist as runs of one phase, each with the index of
/// its first step.
fn phases<'s>(steps: &'s [&'s StepItem]) -> Vec<(usize, &'s [&'s StepItem])> {
    let mut start = 0;
    steps
        .chunk_by(|a, b| a.phase == b.phase)
        .map(|phase| {
            let at = start;
            start += phase.len();
            (at, phase)
        })
        .collect()
}
