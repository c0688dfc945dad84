//! The 应急处置卡 (response card) of a role in HTML: who holds it and how to
//! reach them, the deputy, whom to escalate to and by when, and under each
//! trigger the tasks in order with tick boxes, each with whom to tell and
//! their phones. Alone (`--role`) it is one printed page; in the whole
//! document each role's card follows the checklists.

use maud::{Markup, html};

use super::document::*;
use super::html::{Page, heading};
use super::say;

impl Page<'_> {
    pub(super) fn cards<'c>(&self, cards: impl Iterator<Item = &'c RoleCard>) -> Markup {
        html! {
            section.cards {
                h2 { (self.w.role_cards) }
                @for card in cards { (self.card(card, 3)) }
            }
        }
    }

    /// A role's card under a heading of level `depth` (1: a page of its own,
    /// titled 应急处置卡).
    pub(super) fn card(&self, card: &RoleCard, depth: u8) -> Markup {
        let w = self.w;
        let title = html! {
            @if depth <= 1 { (w.card_title) (w.colon) }
            (self.u(&card.label))
            @if card.commander { " " span.commander { (w.commander_mark) } }
        };
        html! {
            article.card {
                (heading(depth, title))
                table.who { tbody {
                    @if let Some(h) = &card.holder { tr { th { (w.holder) } td { (self.u(h)) } } }
                    @if !card.phones.is_empty() { tr { th { (w.phone) } td { (self.phones(&card.phones)) } } }
                    @if let Some(d) = &card.deputy { tr { th { (w.deputy) } td { (self.party(d)) } } }
                    @if !card.members.is_empty() { tr { th { (w.members) } td { (self.parties(&card.members)) } } }
                    @if !card.escalations.is_empty() {
                        tr {
                            th { (w.escalates_to) }
                            td {
                                @for (k, e) in card.escalations.iter().enumerate() {
                                    @if k > 0 { (w.comma) }
                                    (self.party(&e.to))
                                    @if let Some(d) = e.within {
                                        (w.open) span.deadline { (super::words::within_words(d, self.lang)) } (w.close)
                                    }
                                }
                            }
                        }
                    }
                    @if !card.duties.is_empty() { tr { th { (w.duties) } td { (self.u(&card.duties.join(w.comma))) } } }
                    @for t in &card.texts { tr { th { (w.detail) } td { (self.u(t)) } } }
                } }
                @for group in &card.triggers {
                    (heading(depth + 1, html! {
                        (w.trigger) (w.colon)
                        @for (k, r) in group.triggers.iter().enumerate() {
                            @if k > 0 { (w.comma) }
                            (self.u(&r.label))
                        }
                    }))
                    @if let Some(base) = say::tasks_build_on(group, w) { p.base { strong { (base) } } }
                    table.tasks { tbody {
                        @for task in &group.tasks { (self.task_row(task)) }
                    } }
                }
                @if !card.routines.is_empty() {
                    p.routines {
                        strong { (w.routines) (w.colon) }
                        @for (k, task) in card.routines.iter().enumerate() {
                            @if k > 0 { (w.comma) }
                            (say::relation(task.relation, w)) (w.colon) (self.u(&task.label))
                        }
                    }
                }
            }
        }
    }

    /// One task of a card: a tick box, what the role does, whom it tells
    /// (with phones) or who leads, and by when.
    fn task_row(&self, task: &Task) -> Markup {
        let w = self.w;
        let deadline = say::deadline(
            task.within,
            task.anchor
                .as_ref()
                .map(|a| (a, say::anchor_ref(a, None, w))),
            task.every.as_ref(),
            self.lang,
        );
        html! {
            tr {
                td.tick { span.box {} }
                td {
                    strong { (say::relation(task.relation, w)) (w.colon) } (self.u(&task.label))
                    @if let Some(o) = &task.owner { br; span.who { (w.led_by) (w.colon) (self.party(o)) } }
                    @if !task.notify.is_empty() { br; span.who { (w.notify) (w.colon) (self.parties(&task.notify)) } }
                }
                td.due { @if let Some(d) = deadline { span.deadline { (d) } } }
            }
        }
    }
}
