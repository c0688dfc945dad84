//! The 应急处置卡 (`planc render --role NAME --format html`) of every role of
//! every bundled plan, printed by headless Chromium: one A4 page, with the
//! phone numbers of everyone the role must call on it (read back with
//! `pdftotext`). Skips without Chromium, fails under CI (tests/support/consumers.rs).

mod support;

use std::process::Command;

use planc::model::{Model, Party, RoleId};
use support::consumers::{Consumer, available, pdf_pages, print_to_pdf, squeeze};
use support::*;

/// The phones a role's card must show, read from the model (not from the
/// card): its own, its deputy's, those it escalates to, and those it must
/// tell when it has done a step it owns.
fn phones_to_call(model: &Model, id: RoleId) -> Vec<String> {
    let phones = |p: Party| -> Vec<String> {
        let list = match p {
            Party::Role(r) => &model.role(r).phones,
            Party::External(e) => &model.external(e).phones,
        };
        list.iter().map(|s| s.value.to_string()).collect()
    };
    let role = model.role(id);
    let mut out = phones(Party::Role(id));
    out.extend(role.deputy.iter().flat_map(|d| phones(Party::Role(d.id))));
    out.extend(role.escalations.iter().flat_map(|e| phones(e.target.id)));
    for step in &model.steps {
        // A step with neither `on` nor `after` never runs: it is on no card.
        let runs = model.has_on(step) || !step.after.is_empty();
        if runs && step.owner.is_some_and(|o| o.id == id) {
            out.extend(step.notify().iter().flat_map(|n| phones(n.id)));
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_card_prints_on_one_page_with_the_phones_its_role_must_call() {
    if !available(Consumer::ChromiumPdf) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let handles: Vec<_> = bundled()
        .into_iter()
        .map(|(stem, _, source)| {
            let dir = dir.path().to_path_buf();
            std::thread::spawn(move || {
                // One print of every card, each on a page of its own: as many
                // pages as cards means that each card fits on one.
                let (html, cards): (String, Vec<(String, Vec<String>)>) =
                    with_plan(&source, |file, model, graphs| {
                        let doc = planc::render::Document::build(
                            file,
                            model,
                            graphs,
                            planc::render::Lang::detect(model),
                        );
                        let phones = model
                            .role_ids()
                            .zip(&doc.roles)
                            .map(|(id, card)| (card.name.clone(), phones_to_call(model, id)))
                            .collect();
                        (planc::render::html::render_cards(&doc, &doc.roles), phones)
                    });
                let page = dir.join(format!("{stem}.html"));
                std::fs::write(&page, html).unwrap();
                let pdf = dir.join(format!("{stem}.pdf"));
                assert!(print_to_pdf(&page, &pdf), "{stem}: no PDF");
                assert_eq!(
                    pdf_pages(&pdf),
                    Some(cards.len()),
                    "{stem}: {} cards do not print on one page each",
                    cards.len()
                );
                for (i, (name, phones)) in cards.iter().enumerate() {
                    let page = (i + 1).to_string();
                    let text = Command::new("pdftotext")
                        .args(["-f", &page, "-l", &page])
                        .arg(&pdf)
                        .arg("-")
                        .output()
                        .unwrap();
                    let text = squeeze(&String::from_utf8_lossy(&text.stdout));
                    for phone in phones {
                        assert!(
                            text.contains(&squeeze(phone)),
                            "{stem}: the card of `{name}` lacks the phone `{phone}`"
                        );
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}
