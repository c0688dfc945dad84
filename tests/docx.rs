//! `planc render --format docx` read by a real consumer: LibreOffice converts
//! the .docx of every bundled plan (and one role's card) to PDF, and
//! `pdftotext` finds the title, every step, deadline and phone number, within
//! the page budget of the printed HTML. Skips without LibreOffice, fails
//! under CI (tests/support/consumers.rs).

mod support;

use std::process::Command;

use support::consumers::{
    Consumer, assert_printed_whole, available, libreoffice_to_pdf, page_budget, pdf_pages, squeeze,
};
use support::*;

/// The Word files are zip archives with the parts Word needs, headings as
/// Word's own heading styles, and the footer's page fields.
#[test]
fn a_docx_is_a_word_document_with_headings_and_page_numbers() {
    let (_, _, source) = &bundled()[0];
    let doc = document(source, None);
    let bytes = planc::render::docx::render(&doc).unwrap();
    assert_eq!(&bytes[..2], b"PK", "a zip archive");
    let text = String::from_utf8_lossy(&bytes);
    for part in [
        "[Content_Types].xml",
        "word/document.xml",
        "word/styles.xml",
        "word/footer1.xml",
    ] {
        assert!(text.contains(part), "no {part}");
    }
    // Stored, not compressed: the XML can be read in the bytes.
    assert!(text.contains("<w:pStyle w:val=\"Heading1\" />"));
    assert!(text.contains("w:name w:val=\"heading 1\""));
    assert!(text.contains("<w:instrText>PAGE</w:instrText>"));
    assert!(text.contains("<w:instrText>NUMPAGES</w:instrText>"));
}

#[test]
fn libreoffice_prints_every_bundled_plan_within_its_page_budget_with_every_step_and_phone() {
    if !available(Consumer::LibreOffice) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    let mut docs = Vec::new();
    for (stem, _, source) in bundled() {
        let doc = document(&source, None);
        let path = dir.path().join(format!("{stem}.docx"));
        std::fs::write(&path, planc::render::docx::render(&doc).unwrap()).unwrap();
        files.push(path);
        docs.push((stem, doc));
    }
    let (stem, doc) = &docs[docs.len() - 1];
    let office = doc.role("office").expect("the office's card");
    let card = dir.path().join(format!("{stem}-office.docx"));
    std::fs::write(
        &card,
        planc::render::docx::render_role(doc, office).unwrap(),
    )
    .unwrap();
    files.push(card.clone());
    assert!(libreoffice_to_pdf(&files, dir.path()), "soffice failed");
    let text_of = |pdf: &std::path::Path| {
        let out = Command::new("pdftotext")
            .arg(pdf)
            .arg("-")
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for (stem, doc) in &docs {
        let pdf = dir.path().join(format!("{stem}.pdf"));
        assert_printed_whole(stem, doc, &text_of(&pdf));
        let pages = pdf_pages(&pdf).expect("pdfinfo says how many pages");
        let budget = page_budget(stem);
        assert!(
            pages <= budget,
            "{stem}: {pages} A4 pages, more than its budget of {budget}"
        );
    }
    // The card: one page, with the phones of those the office must tell.
    let pdf = card.with_extension("pdf");
    assert_eq!(
        pdf_pages(&pdf),
        Some(1),
        "the office's card is not one page"
    );
    let text = squeeze(&text_of(&pdf));
    for phone in ["0000-1234567", "0000-1234568", "0000-7654321"] {
        assert!(text.contains(phone), "the card lacks {phone}");
    }
}
