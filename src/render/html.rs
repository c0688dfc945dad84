//! The checklist as one self-contained HTML page (inline CSS, no scripts,
//! fonts or requests): readable on a phone, printable on A4 with a page per
//! trigger and per role card and tick boxes that show on paper. Built with
//! maud, which escapes every interpolated string.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::document::*;
use super::words::{Lang, Words, every_words, phase_title, within_words};

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
h4.phase { margin: 1rem 0 0; color: #333; break-after: avoid; }
ol.steps { list-style: none; padding: 0; margin: .4rem 0 .6rem; }
li.step { border: 1px solid #888; border-radius: 4px; padding: .5rem .7rem; margin: .5rem 0; break-inside: avoid; }
.step-head { display: flex; gap: .6rem; align-items: flex-start; font-weight: bold; }
.step-head .num { flex: none; min-width: 1.4rem; }
input.tick { flex: none; width: 1.25rem; height: 1.25rem; margin: .15rem 0 0; }
li.step dl.fields { margin-left: 3.2rem; }
.deadline { color: #a00; font-weight: bold; }
.commander { border: 1px solid #a00; color: #a00; border-radius: 3px; padding: 0 .3rem; font-size: .9rem; font-weight: normal; }
ul.tasks { margin: .2rem 0; padding-left: 1.2rem; }
article.card { border: 2px solid #333; border-radius: 6px; padding: .2rem 1rem .6rem; margin: 1rem 0; break-inside: avoid; }
p.note { color: #444; }
p, dd, label, li { white-space: pre-line; }
@media (max-width: 30rem) {
  dl.fields { grid-template-columns: 1fr; }
  dl.fields dd { margin-left: .8rem; }
  li.step dl.fields { margin-left: 0; }
}
@media print {
  @page { size: A4; margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .page { break-before: page; }
  input.tick { -webkit-appearance: none; appearance: none; border: 1.5pt solid #000; border-radius: 2pt; background: #fff; }
  article.card { border-width: 1.5pt; }
}
"#;

struct Page<'a> {
    doc: &'a Document,
    w: &'static Words,
    lang: Lang,
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
            (p.externals())
            (p.outline())
        },
    )
}

/// One role's card as a page of its own.
pub fn render_role(doc: &Document, card: &RoleCard) -> String {
    let p = Page::new(doc);
    let title = format!("{} · {}", card.label, doc.header.title);
    p.page(
        &title,
        html! {
            p.note { (doc.header.title) }
            (p.card(card, 0, 1))
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
                    style { (PreEscaped(CSS)) }
                }
                body { (body) }
            }
        }
        .into_string()
    }

    fn party(&self, p: &Party) -> String {
        match &p.holder {
            Some(h) => format!("{}{}{h}{}", p.label, self.w.open, self.w.close),
            None => p.label.clone(),
        }
    }

    fn parties(&self, ps: &[Party]) -> String {
        ps.iter()
            .map(|p| self.party(p))
            .collect::<Vec<_>>()
            .join(self.w.comma)
    }

    fn title(&self) -> Markup {
        let (w, h) = (self.w, &self.doc.header);
        html! {
            header {
                h1 { (h.title) }
                dl.fields {
                    @if let Some(v) = &h.issuer { dt { (w.issuer) } dd { (v) } }
                    @if let Some(v) = &h.date { dt { (w.date) } dd { (v) } }
                    @if !h.basis.is_empty() { dt { (w.basis) } dd { (h.basis.join(w.comma)) } }
                    @if let Some(v) = &h.scope { dt { (w.scope) } dd { (v) } }
                    @if let Some(c) = &h.commander { dt { (w.commander) } dd { (self.party(c)) } }
                    @if let Some(v) = &h.version { dt { (w.version) } dd { (v) } }
                }
                @for t in &h.texts { p { (t) } }
            }
        }
    }

    fn checklists(&self) -> Markup {
        let w = self.w;
        html! {
            h2 { (w.checklists) }
            @for (i, t) in self.doc.triggers.iter().enumerate() {
                section.trigger.page[i > 0] id=(format!("trigger-{i}")) {
                    h3 {
                        (w.trigger) (w.colon) (t.label)
                        @if let Some(l) = &t.level {
                            " " span.level { (w.open.trim()) (w.level) (w.colon) (l.name) " " (l.label) (w.close) }
                        }
                    }
                    p.condition { strong { (w.condition) (w.colon) } (t.condition) }
                    @if !t.also.is_empty() {
                        p { strong { (w.also_sets_off) (w.colon) } (t.also.iter().map(|a| a.label.as_str()).collect::<Vec<_>>().join(w.comma)) }
                    }
                    @if t.steps.is_empty() { p.note { (w.no_steps) } }
                    @for (start, phase) in phases(&t.steps) {
                        h4.phase { (phase_title(phase[0].phase, phase.len(), self.lang)) }
                        ol.steps {
                            @for (k, s) in phase.iter().enumerate() {
                                (self.step(s, &format!("t{i}s{}", start + k), start + k + 1))
                            }
                        }
                    }
                }
            }
        }
    }

    fn step(&self, s: &StepItem, id: &str, number: usize) -> Markup {
        let w = self.w;
        html! {
            li.step {
                div.step-head {
                    input.tick type="checkbox" id=(id);
                    span.num { (number) "." }
                    label for=(id) { (s.label) }
                }
                dl.fields {
                    @if let Some(o) = &s.owner { dt { (w.owner) } dd { (self.party(o)) } }
                    @if !s.with.is_empty() { dt { (w.with) } dd { (self.parties(&s.with)) } }
                    @if let Some(d) = s.within {
                        dt { (w.deadline) } dd.deadline { (within_words(d, self.lang)) }
                    }
                    @if !s.notify.is_empty() { dt { (w.notify) } dd { (self.parties(&s.notify)) } }
                    @if let Some(u) = &s.until { dt { (w.until) } dd { (u) } }
                    @if !s.after.is_empty() { dt { (w.after) } dd { (s.after.join(w.comma)) } }
                    @for t in &s.texts { dt { (w.detail) } dd { (t) } }
                }
            }
        }
    }

    fn cards<'c>(&self, cards: impl Iterator<Item = &'c RoleCard>) -> Markup {
        html! {
            section.cards.page {
                h2 { (self.w.role_cards) }
                @for (i, card) in cards.enumerate() { (self.card(card, i, 2)) }
            }
        }
    }

    fn card(&self, card: &RoleCard, index: usize, depth: u8) -> Markup {
        let w = self.w;
        let heading = html! {
            (card.label)
            @if card.commander { " " span.commander { (w.commander_mark) } }
        };
        html! {
            article.card.page[index > 0] {
                @if depth == 1 { h1 { (heading) } } @else { h3 { (heading) } }
                dl.fields {
                    @if let Some(h) = &card.holder { dt { (w.holder) } dd { (h) } }
                    @if !card.phones.is_empty() { dt { (w.phone) } dd { (card.phones.join(w.comma)) } }
                    @if let Some(d) = &card.deputy { dt { (w.deputy) } dd { (self.party(d)) } }
                    @if !card.members.is_empty() { dt { (w.members) } dd { (self.parties(&card.members)) } }
                    @if !card.escalations.is_empty() {
                        dt { (w.escalates_to) }
                        dd {
                            @for (k, e) in card.escalations.iter().enumerate() {
                                @if k > 0 { (w.comma) }
                                (self.party(&e.to))
                                @if let Some(d) = e.within {
                                    (w.open) span.deadline { (within_words(d, self.lang)) } (w.close)
                                }
                            }
                        }
                    }
                    @for t in &card.texts { dt { (w.detail) } dd { (t) } }
                }
                @if !card.duties.is_empty() {
                    h4 { (w.duties) }
                    ul.tasks { @for d in &card.duties { li { (d) } } }
                }
                @if !card.triggers.is_empty() {
                    h4 { (w.steps) }
                    @for t in &card.triggers {
                        h5 {
                            (w.trigger) (w.colon)
                            @for (k, r) in t.triggers.iter().enumerate() {
                                @if k > 0 { (w.comma) }
                                (r.label)
                            }
                        }
                        ul.tasks { @for task in &t.tasks { li { (self.task(task)) } } }
                    }
                }
                @if !card.routines.is_empty() {
                    h4 { (w.routines) }
                    ul.tasks { @for task in &card.routines { li { (self.task(task)) } } }
                }
            }
        }
    }

    fn task(&self, task: &Task) -> Markup {
        let w = self.w;
        let relation = match task.relation {
            Relation::Owns => w.owns,
            Relation::Joins => w.joins,
            Relation::Notified => w.is_notified,
        };
        html! {
            strong { (relation) (w.colon) } (task.label)
            @if let Some(d) = task.within {
                (w.open) span.deadline { (within_words(d, self.lang)) } (w.close)
            }
        }
    }

    fn routines(&self) -> Markup {
        let w = self.w;
        html! {
            @if !self.doc.routines.is_empty() {
                section.routines.page {
                    h2 { (w.routines) }
                    @for r in &self.doc.routines {
                        h3 { (if r.drill { w.drill } else { w.routine }) (w.colon) (r.label) }
                        dl.fields {
                            @if let Some(o) = &r.owner { dt { (w.owner) } dd { (self.party(o)) } }
                            @if !r.with.is_empty() { dt { (w.with) } dd { (self.parties(&r.with)) } }
                            @if let Some(e) = r.every { dt { (w.every) } dd { (every_words(e, self.lang)) } }
                            @for t in &r.texts { dt { (w.detail) } dd { (t) } }
                        }
                    }
                }
            }
        }
    }

    fn externals(&self) -> Markup {
        let w = self.w;
        html! {
            @if !self.doc.externals.is_empty() {
                section.externals {
                    h2 { (w.externals) }
                    dl.fields {
                        @for e in &self.doc.externals {
                            dt { (e.label) }
                            dd {
                                @if let Some(h) = &e.holder { (h) " " }
                                @if !e.phones.is_empty() { (w.phone) (w.colon) (e.phones.join(w.comma)) " " }
                                @for t in &e.texts { (t) " " }
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
                section.outline.page {
                    h2 { (self.w.plan_text) }
                    @for entry in &self.doc.outline {
                        @match entry {
                            OutlineEntry::Section { depth, title } => {
                                @match depth {
                                    0 => h3 { (title) },
                                    1 => h4 { (title) },
                                    2 => h5 { (title) },
                                    _ => h6 { (title) },
                                }
                            }
                            OutlineEntry::Text { text, .. } => p { (text) },
                        }
                    }
                }
            }
        }
    }
}

/// The steps of a checklist as runs of one phase, each with the index of
/// its first step.
fn phases(steps: &[StepItem]) -> Vec<(usize, &[StepItem])> {
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
