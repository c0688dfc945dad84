//! The parts of the Word document after the checklists: each role's card,
//! the routines and drills, the contact sheet (通讯录) and the plan's own text.

use docx_rs::{Paragraph, TableCell, TableRow, WidthType};

use super::document::*;
use super::docx::{
    Block, Writer, bold, cell, due_cell, fields, parties, party, pieces, table, text, tick,
};
use super::say;
use super::words::every_words;

impl Writer<'_> {
    pub(super) fn card(&mut self, card: &RoleCard, depth: usize) {
        let (w, lang) = (self.w, self.doc.lang);
        let mut title = String::new();
        if depth <= 1 {
            title.push_str(&format!("{}{}", w.card_title, w.colon));
        }
        title.push_str(&card.label);
        if card.commander {
            title.push_str(&format!("{}{}{}", w.open, w.commander_mark, w.close));
        }
        self.heading(depth, &title);
        let mut rows: Vec<(&str, Paragraph)> = Vec::new();
        if let Some(h) = &card.holder {
            rows.push((w.holder, Paragraph::new().add_run(text(h))));
        }
        if !card.phones.is_empty() {
            rows.push((
                w.phone,
                Paragraph::new().add_run(text(&card.phones.join(w.number_comma))),
            ));
        }
        if let Some(d) = &card.deputy {
            rows.push((w.deputy, party(d, w)));
        }
        if !card.members.is_empty() {
            rows.push((w.members, parties(&card.members, w)));
        }
        if !card.escalations.is_empty() {
            let mut p = Paragraph::new();
            for (k, e) in card.escalations.iter().enumerate() {
                if k > 0 {
                    p = p.add_run(text(w.comma));
                }
                p = pieces(p, &say::party_pieces(&e.to, w));
                if let Some(d) = e.within {
                    p = p.add_run(text(&format!(
                        "{}{}{}",
                        w.open,
                        super::words::within_words(d, lang),
                        w.close
                    )));
                }
            }
            rows.push((w.escalates_to, p));
        }
        if !card.duties.is_empty() {
            rows.push((
                w.duties,
                Paragraph::new().add_run(text(&card.duties.join(w.comma))),
            ));
        }
        for t in &card.texts {
            rows.push((w.detail, Paragraph::new().add_run(text(t))));
        }
        self.push_table(fields(rows));
        for group in &card.triggers {
            let labels: Vec<&str> = group.triggers.iter().map(|r| r.label.as_str()).collect();
            self.heading(
                depth + 1,
                &format!("{}{}{}", w.trigger, w.colon, labels.join(w.comma)),
            );
            if let Some(base) = say::tasks_build_on(group, w) {
                self.body
                    .push(Block::para(Paragraph::new().add_run(bold(&base))));
            }
            let grid = vec![500, 6638, 2500];
            let rows = group
                .tasks
                .iter()
                .map(|task| self.task_row(task, &grid))
                .collect();
            self.push_table(Some(table(rows, grid)));
        }
        if !card.routines.is_empty() {
            let list: Vec<String> = card
                .routines
                .iter()
                .map(|t| format!("{}{}{}", say::relation(t.relation, w), w.colon, t.label))
                .collect();
            self.body.push(Block::para(
                Paragraph::new()
                    .add_run(bold(&format!("{}{}", w.routines, w.colon)))
                    .add_run(text(&list.join(w.comma))),
            ));
        }
    }

    fn task_row(&self, task: &Task, grid: &[usize]) -> TableRow {
        let (w, lang) = (self.w, self.doc.lang);
        let mut what = TableCell::new()
            .width(grid[1], WidthType::Dxa)
            .add_paragraph(
                Paragraph::new()
                    .add_run(bold(&format!(
                        "{}{}",
                        say::relation(task.relation, w),
                        w.colon
                    )))
                    .add_run(text(&task.label)),
            );
        if let Some(o) = &task.owner {
            let p = Paragraph::new().add_run(text(&format!("{}{}", w.led_by, w.colon)));
            what = what.add_paragraph(pieces(p, &say::party_pieces(o, w)));
        }
        if !task.notify.is_empty() {
            let p = Paragraph::new().add_run(text(&format!("{}{}", w.notify, w.colon)));
            what = what.add_paragraph(pieces(p, &say::parties_pieces(&task.notify, w)));
        }
        let anchor = task
            .anchor
            .as_ref()
            .map(|a| (a, say::anchor_ref(a, None, w)));
        let due = say::deadline(task.within, anchor, task.every.as_ref(), lang).unwrap_or_default();
        TableRow::new(vec![tick(grid[0]), what, due_cell(&due, grid[2])]).cant_split()
    }

    pub(super) fn routines(&mut self) {
        let (w, lang) = (self.w, self.doc.lang);
        if self.doc.routines.is_empty() {
            return;
        }
        self.heading(1, w.routines);
        for r in &self.doc.routines {
            let kind = if r.drill { w.drill } else { w.routine };
            self.heading(2, &format!("{kind}{}{}", w.colon, r.label));
            let mut rows: Vec<(&str, Paragraph)> = Vec::new();
            if let Some(o) = &r.owner {
                rows.push((w.owner, party(o, w)));
            }
            if !r.with.is_empty() {
                rows.push((w.with, parties(&r.with, w)));
            }
            if let Some(e) = r.every {
                rows.push((
                    w.every,
                    Paragraph::new().add_run(text(&every_words(e, lang))),
                ));
            }
            for t in &r.texts {
                rows.push((w.detail, Paragraph::new().add_run(text(t))));
            }
            self.push_table(fields(rows));
        }
    }

    /// The contact sheet (通讯录).
    pub(super) fn contacts(&mut self) {
        let w = self.w;
        self.heading(1, w.contacts);
        let grid = vec![3000, 2200, 2200, 2238];
        let row = |cells: [Paragraph; 4]| {
            TableRow::new(
                cells
                    .into_iter()
                    .zip(&grid)
                    .map(|(p, width)| cell(p, *width))
                    .collect(),
            )
            .cant_split()
        };
        let p = |t: &str| Paragraph::new().add_run(text(t));
        let mut rows = vec![row([
            Paragraph::new().add_run(bold(w.contact)),
            Paragraph::new().add_run(bold(w.holder)),
            Paragraph::new().add_run(bold(w.phone)),
            Paragraph::new().add_run(bold(w.deputy)),
        ])];
        for r in &self.doc.roles {
            let deputy = match &r.deputy {
                Some(d) => party(d, w),
                None => Paragraph::new(),
            };
            rows.push(row([
                p(&r.label),
                p(r.holder.as_deref().unwrap_or("")),
                p(&r.phones.join(w.number_comma)),
                deputy,
            ]));
        }
        for e in &self.doc.externals {
            rows.push(row([
                p(&e.label),
                p(e.holder.as_deref().unwrap_or("")),
                p(&e.phones.join(w.number_comma)),
                Paragraph::new(),
            ]));
        }
        self.push_table(Some(table(rows, grid)));
    }

    pub(super) fn outline(&mut self) {
        if self.doc.outline.is_empty() {
            return;
        }
        self.heading(1, self.w.plan_text);
        for entry in &self.doc.outline {
            match entry {
                OutlineEntry::Section { depth, title } => self.heading((depth + 2).min(3), title),
                OutlineEntry::Text { text, .. } => {
                    for line in text.lines() {
                        self.para(line);
                    }
                }
            }
        }
    }
}
