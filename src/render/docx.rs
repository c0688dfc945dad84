//! The document as a Word file (.docx): the same content as the HTML page,
//! with real Word headings (styles `Heading1`–`Heading3`, outline levels, so
//! Word's navigation pane and table of contents see them), tables, tick boxes
//! (☐) and a footer with the plan's title, version and 第 x 页 / 共 y 页.
//! Word and WPS are what these offices edit and file. Bytes in memory only:
//! the caller writes them.

use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, NumPages, PageMargin, PageNum, Paragraph, Run,
    RunFonts, Shading, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use super::document::*;
use super::say::{self, Piece};
use super::words::{Words, every_written_words, phase_title};

/// The whole plan.
pub fn render(doc: &Document) -> std::io::Result<Vec<u8>> {
    let w = doc.lang.words();
    let mut d = Writer {
        doc,
        w,
        body: Vec::new(),
    };
    d.title();
    d.checklists();
    d.heading(1, w.role_cards);
    for card in &doc.roles {
        d.card(card, 2);
    }
    d.routines();
    d.contacts();
    d.outline();
    pack(doc, d.body)
}

/// One role's 应急处置卡.
pub fn render_role(doc: &Document, card: &RoleCard) -> std::io::Result<Vec<u8>> {
    let mut d = Writer {
        doc,
        w: doc.lang.words(),
        body: Vec::new(),
    };
    d.para(&doc.header.title);
    d.card(card, 1);
    pack(doc, d.body)
}

pub(super) enum Block {
    Para(Box<Paragraph>),
    Table(Box<Table>),
}

impl Block {
    pub(super) fn para(p: Paragraph) -> Block {
        Block::Para(Box::new(p))
    }
}

/// The tick box of a row.
pub(super) fn tick(width: usize) -> TableCell {
    cell(Paragraph::new().add_run(text("☐")), width)
}

/// A deadline in its column, in red.
pub(super) fn due_cell(due: &str, width: usize) -> TableCell {
    cell(Paragraph::new().add_run(bold(due).color("AA0000")), width)
}

pub(super) struct Writer<'a> {
    pub(super) doc: &'a Document,
    pub(super) w: &'static Words,
    pub(super) body: Vec<Block>,
}

/// Width of the text on A4 with 2 cm margins, in twentieths of a point.
pub(super) const TEXT_WIDTH: usize = 9638;
const BODY_FONT: &str = "宋体";
const HEADING_FONT: &str = "黑体";

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii("Arial")
        .hi_ansi("Arial")
}

pub(super) fn text(t: &str) -> Run {
    Run::new().add_text(t)
}

pub(super) fn bold(t: &str) -> Run {
    Run::new().add_text(t).bold()
}

/// A paragraph of pieces (phones kept whole by a no-break hyphen would
/// change the number: Word keeps them as written).
pub(super) fn pieces(p: Paragraph, pieces: &[Piece]) -> Paragraph {
    pieces.iter().fold(p, |p, piece| match piece {
        Piece::Text(t) | Piece::User(t) | Piece::Phone(t) => p.add_run(text(t)),
    })
}

/// A party with its holder and phones, as a paragraph.
pub(super) fn party(p: &Party, w: &Words) -> Paragraph {
    pieces(Paragraph::new(), &say::party_pieces(p, w))
}

pub(super) fn parties(ps: &[Party], w: &Words) -> Paragraph {
    pieces(Paragraph::new(), &say::parties_pieces(ps, w))
}

pub(super) fn cell(p: Paragraph, width: usize) -> TableCell {
    TableCell::new()
        .add_paragraph(p)
        .width(width, WidthType::Dxa)
}

pub(super) fn table(rows: Vec<TableRow>, grid: Vec<usize>) -> Table {
    Table::new(rows)
        .set_grid(grid)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// A two-column table of names and values.
pub(super) fn fields(rows: Vec<(&str, Paragraph)>) -> Option<Table> {
    if rows.is_empty() {
        return None;
    }
    let first = 1600;
    let rows = rows
        .into_iter()
        .map(|(name, value)| {
            TableRow::new(vec![
                cell(Paragraph::new().add_run(bold(name)), first)
                    .shading(Shading::new().fill("F2F2F2")),
                cell(value, TEXT_WIDTH - first),
            ])
            .cant_split()
        })
        .collect();
    Some(table(rows, vec![first, TEXT_WIDTH - first]))
}

impl Writer<'_> {
    pub(super) fn heading(&mut self, level: usize, t: &str) {
        let p = Paragraph::new()
            .style(&format!("Heading{level}"))
            .keep_next(true)
            .line_spacing(LineSpacing::new().before(160).after(60))
            .add_run(text(t));
        self.body.push(Block::para(p));
    }

    pub(super) fn para(&mut self, t: &str) {
        self.body
            .push(Block::para(Paragraph::new().add_run(text(t))));
    }

    pub(super) fn push_table(&mut self, t: Option<Table>) {
        if let Some(t) = t {
            self.body.push(Block::Table(Box::new(t)));
            // Word joins two tables that touch.
            self.body.push(Block::para(Paragraph::new()));
        }
    }

    fn title(&mut self) {
        let (w, h) = (self.w, &self.doc.header);
        self.body.push(Block::para(
            Paragraph::new()
                .style("Title")
                .align(AlignmentType::Center)
                .add_run(text(&h.title)),
        ));
        let value = |v: &str| Paragraph::new().add_run(text(v));
        let mut rows: Vec<(&str, Paragraph)> = Vec::new();
        let items = [
            (w.issuer, h.issuer.as_deref()),
            (w.kind, h.kind.as_deref()),
            (w.version, h.version.as_deref()),
            (w.date, h.date.as_deref()),
            (w.approver, h.approver.as_deref()),
            (w.effective, h.effective.as_deref()),
            (w.reviewed, h.reviewed.as_deref()),
            (w.distribution, h.distribution.as_deref()),
            (w.scope, h.scope.as_deref()),
        ];
        for (name, v) in items {
            if let Some(v) = v {
                rows.push((name, value(v)));
            }
        }
        if !h.basis.is_empty() {
            rows.push((w.basis, value(&h.basis.join(w.comma))));
        }
        if let Some(c) = &h.commander {
            rows.push((w.commander, party(c, w)));
        }
        self.push_table(fields(rows));
        if !h.revisions.is_empty() {
            self.body
                .push(Block::para(Paragraph::new().add_run(bold(w.revisions))));
            let mut rows = vec![TableRow::new(vec![
                cell(Paragraph::new().add_run(bold(w.revision_date)), 1600),
                cell(
                    Paragraph::new().add_run(bold(w.revision_note)),
                    TEXT_WIDTH - 1600,
                ),
            ])];
            for (date, note) in &h.revisions {
                rows.push(
                    TableRow::new(vec![
                        cell(value(date), 1600),
                        cell(value(note), TEXT_WIDTH - 1600),
                    ])
                    .cant_split(),
                );
            }
            self.push_table(Some(table(rows, vec![1600, TEXT_WIDTH - 1600])));
        }
        for t in &h.texts {
            self.para(t);
        }
    }

    fn checklists(&mut self) {
        let w = self.w;
        let lang = self.doc.lang;
        self.heading(1, w.checklists);
        for t in &self.doc.triggers {
            let mut title = format!("{}{}{}", w.trigger, w.colon, t.label);
            if let Some(l) = &t.level {
                title.push_str(&format!(
                    "{}{}{}{}{}",
                    w.open,
                    w.level,
                    w.colon,
                    say::level(&l.name, &l.label),
                    w.close
                ));
            }
            self.heading(2, &title);
            let line = |name: &str, value: &str| {
                Block::para(
                    Paragraph::new()
                        .add_run(bold(&format!("{name}{}", w.colon)))
                        .add_run(text(value)),
                )
            };
            self.body.push(line(w.condition, &t.condition));
            if let Some(until) = t.level.as_ref().and_then(|l| l.until.as_ref()) {
                self.body.push(line(w.level_until, until));
            }
            if let Some(also) = say::also(t, w, str::to_string) {
                self.body.push(line(w.also_sets_off, &also));
            }
            self.para(&say::blanks(w));
            if t.steps.is_empty() && t.builds_on.is_none() {
                self.para(w.no_steps);
            }
            let shown: Vec<&StepItem> = t.printed().iter().collect();
            if let Some(base) = say::builds_on(t, w) {
                self.body
                    .push(Block::para(Paragraph::new().add_run(bold(&base))));
            }
            if shown.is_empty() {
                continue;
            }
            let grid = vec![500, 5638, 1500, 1000, 1000];
            let head = |t: &str, width: usize| {
                cell(Paragraph::new().add_run(bold(t)), width)
                    .shading(Shading::new().fill("EEEEEE"))
            };
            let mut rows = vec![TableRow::new(vec![
                head("☐", grid[0]),
                head(w.step, grid[1]),
                head(w.deadline, grid[2]),
                head(w.done_at, grid[3]),
                head(w.done_by, grid[4]),
            ])];
            let mut number = 0;
            for phase in shown.chunk_by(|a, b| a.phase == b.phase) {
                rows.push(
                    TableRow::new(vec![
                        cell(
                            Paragraph::new().keep_next(true).add_run(bold(&phase_title(
                                phase[0].phase,
                                phase.len(),
                                lang,
                            ))),
                            TEXT_WIDTH,
                        )
                        .grid_span(5)
                        .shading(Shading::new().fill("F6F6F6")),
                    ])
                    .cant_split(),
                );
                for s in phase {
                    number += 1;
                    rows.push(self.step_row(s, number, &shown, &grid));
                }
            }
            self.push_table(Some(table(rows, grid)));
        }
    }

    fn step_row(
        &self,
        s: &StepItem,
        number: usize,
        shown: &[&StepItem],
        grid: &[usize],
    ) -> TableRow {
        let (w, lang) = (self.w, self.doc.lang);
        let mut what = TableCell::new()
            .width(grid[1], WidthType::Dxa)
            .add_paragraph(Paragraph::new().add_run(bold(&format!("{number}. {}", s.label))));
        let mut field = |name: &str, value: Vec<Piece>| {
            let p = Paragraph::new()
                .size(18)
                .add_run(text(&format!("{name}{}", w.colon)).size(18));
            what = std::mem::take(&mut what).add_paragraph(pieces(p, &value));
        };
        let plain = |t: String| vec![Piece::Text(t)];
        if let Some(o) = &s.owner {
            field(w.owner, say::party_pieces(o, w));
        }
        if !s.with.is_empty() {
            field(w.with, say::parties_pieces(&s.with, w));
        }
        if !s.notify.is_empty() {
            field(w.notify, say::parties_pieces(&s.notify, w));
        }
        if let Some(a) = &s.anchor {
            let n = shown.iter().position(|x| x.name == a.name).map(|k| k + 1);
            field(
                w.deadline,
                plain(say::anchored(a, &say::anchor_ref(a, n, w), lang)),
            );
        }
        if let (Some(_), Some(e)) = (s.within, &s.every) {
            field(
                w.repeat,
                plain(format!("{}{}", w.then, every_written_words(e, lang))),
            );
        }
        if let Some(u) = &s.until {
            field(w.until, plain(u.clone()));
        }
        if !s.after.is_empty() {
            let labels: Vec<String> = s
                .after
                .iter()
                .map(|a| match shown.iter().position(|x| &x.label == a) {
                    Some(k) => format!(
                        "{}{}{}",
                        w.after_numbers_before,
                        k + 1,
                        w.after_numbers_after
                    ),
                    None => a.clone(),
                })
                .collect();
            field(w.after, plain(labels.join(w.comma)));
        }
        for t in &s.texts {
            field(w.detail, plain(t.clone()));
        }
        let due = say::latest(s.within, s.every.as_ref(), lang).unwrap_or_default();
        TableRow::new(vec![
            tick(grid[0]),
            what,
            due_cell(&due, grid[2]),
            cell(Paragraph::new(), grid[3]),
            cell(Paragraph::new(), grid[4]),
        ])
        .cant_split()
    }
}

/// The styles, page, footer and body as the bytes of a .docx file.
fn pack(doc: &Document, body: Vec<Block>) -> std::io::Result<Vec<u8>> {
    let w = doc.lang.words();
    let mut footer_text = doc.header.title.clone();
    if let Some(v) = &doc.header.version {
        footer_text = format!("{footer_text} · {}{}{v}", w.version, w.colon);
    }
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .size(16)
            .add_run(text(&format!("{footer_text}    {}", w.page_before)).size(16))
            .add_page_num(PageNum::new())
            .add_run(text(w.page_middle).size(16))
            .add_num_pages(NumPages::new())
            .add_run(text(w.page_after).size(16)),
    );
    let heading = |level: usize, size: usize| {
        Style::new(format!("Heading{level}"), StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .outline_lvl(level - 1)
            .fonts(fonts(HEADING_FONT))
            .size(size)
            .bold()
    };
    let mut docx = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(1134)
                .bottom(1134)
                .left(1134)
                .right(1134)
                .footer(567),
        )
        .default_fonts(fonts(BODY_FONT))
        .default_size(21)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .fonts(fonts(HEADING_FONT))
                .size(36)
                .bold(),
        )
        .add_style(heading(1, 30))
        .add_style(heading(2, 26))
        .add_style(heading(3, 23))
        .footer(footer);
    for block in body {
        docx = match block {
            Block::Para(p) => docx.add_paragraph(*p),
            Block::Table(t) => docx.add_table(*t),
        };
    }
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(out.into_inner())
}
