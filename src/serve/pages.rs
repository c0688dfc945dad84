//! The two pages: the list of the folder's plans, and the editor's shell
//! (its script, `assets/editor.js`, fetches the text and fills it in).
//! Written with maud, which escapes every interpolated string.

use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde_json::json;

use super::analyze::{plan_lang, read_text};
use super::policy::encode;
use super::{PlanName, Refusal, Store, words};
use crate::diagnostic::Severity;
use crate::i18n::msg;
use crate::lang::Lang;
use crate::pipeline;

fn page(lang: Lang, title: &str, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang=(lang.html_tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href="/assets/editor.css";
            }
            (body)
        }
    }
    .into_string()
}

/// `?lang=en` for English pages; Chinese is the default.
fn lang_query(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "",
        Lang::En => "&lang=en",
    }
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    }
}

/// One row of the list: what `check` finds in the plan.
struct Row {
    name: String,
    title: Option<String>,
    issuer: Option<String>,
    errors: usize,
    warnings: usize,
    /// Why it cannot be opened, if it cannot.
    refused: Option<Refusal>,
}

fn row(name: String, store: &dyn Store) -> Row {
    let mut row = Row {
        name,
        title: None,
        issuer: None,
        errors: 0,
        warnings: 0,
        refused: None,
    };
    let read = PlanName::parse(&row.name)
        .and_then(|plan| read_text(&plan, store).map(|(text, _)| (plan, text)));
    let (plan, text) = match read {
        Ok(read) => read,
        Err(refusal) => {
            row.refused = Some(refusal);
            return row;
        }
    };
    let compiled = pipeline::compile(&text, &store.config(&plan));
    row.errors = compiled
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    row.warnings = compiled.diagnostics.len() - row.errors;
    if let Some(header) = compiled.model.as_ref().and_then(|m| m.header.as_ref()) {
        row.title = header.title.as_ref().map(|t| t.value.to_string());
        row.issuer = header.issuer.as_ref().map(|t| t.value.to_string());
    }
    row
}

/// `GET /`: the folder's plans, each with its title, issuer, errors and
/// warnings, linked to its editor.
pub fn list(store: &dyn Store, lang: Lang) -> String {
    let rows: Vec<Row> = store.list().into_iter().map(|n| row(n, store)).collect();
    let t = |m: crate::i18n::Message| m.text(lang);
    let heading = t(msg!("serve-plans"));
    page(
        lang,
        &format!("{heading} — planc"),
        html! {
            body.list {
                header.bar {
                    h1 { (heading) }
                    span.folder { (t(msg!("serve-folder", dir = store.shown()))) }
                    span.spacer {}
                    a.lang href={ "/?lang=" (other(lang).as_str()) } { (t(msg!("serve-other-lang"))) }
                }
                main.listing {
                    @if rows.is_empty() {
                        p.empty { (t(msg!("serve-list-none"))) }
                    } @else {
                        p.hint { (t(msg!("serve-list-hint"))) }
                        table.plans {
                            thead { tr {
                                th { (t(msg!("serve-list-title"))) }
                                th { (t(msg!("serve-list-issuer"))) }
                                th.n { (t(msg!("serve-list-errors"))) }
                                th.n { (t(msg!("serve-list-warnings"))) }
                                th { (t(msg!("serve-list-file"))) }
                            } }
                            tbody {
                                @for r in &rows {
                                    tr {
                                        td { a href={ "/edit?file=" (encode(&r.name)) (lang_query(lang)) } {
                                            (r.title.as_deref().unwrap_or(&r.name))
                                        } }
                                        @if let Some(refusal) = r.refused {
                                            td.refused colspan="3" { (t(refusal.message())) }
                                        } @else {
                                            td { (r.issuer.as_deref().unwrap_or("")) }
                                            td.n.errors[r.errors > 0] { (r.errors) }
                                            td.n.warnings[r.warnings > 0] { (r.warnings) }
                                        }
                                        td.file { (r.name) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// `GET /edit?file=…`: the editor's shell, in the language asked for, else
/// the plan's.
pub fn editor(name: &PlanName, store: &dyn Store, asked: Option<Lang>) -> Result<String, Refusal> {
    let (text, _) = read_text(name, store)?;
    let lang = asked.unwrap_or_else(|| plan_lang(&crate::ide::Analysis::new(&text).model));
    let t = |m: crate::i18n::Message| m.text(lang);
    let data = json!({ "file": name.as_str(), "lang": lang.as_str(), "words": words::table(lang) });
    // Inside <script>, `<` must not open `</script>`.
    let data = data.to_string().replace('<', "\\u003c");
    let file = encode(name.as_str());
    Ok(page(
        lang,
        &format!("{} — planc", name.as_str()),
        html! {
            body.edit {
                header.bar {
                    a.back href={ "/?lang=" (lang.as_str()) } { (t(msg!("serve-back"))) }
                    span.file { (name.as_str()) }
                    span #status .status {}
                    span.spacer {}
                    button #save type="button" { (t(msg!("serve-save"))) }
                    button #print type="button" disabled { (t(msg!("serve-print"))) }
                    button #word type="button" disabled { (t(msg!("serve-word"))) }
                    a.lang href={ "/edit?file=" (file) "&lang=" (other(lang).as_str()) } { (t(msg!("serve-other-lang"))) }
                }
                div #notice .notice hidden {}
                main.work {
                    section.left {
                        div.editor {
                            div #gutter .gutter aria-hidden="true" {}
                            div.code {
                                pre #hl aria-hidden="true" {}
                                textarea #src spellcheck="false" autocomplete="off" autocapitalize="off" aria-label=(name.as_str()) {}
                            }
                        }
                        section.problems {
                            h2 { (t(msg!("serve-problems"))) " " span #counts {} }
                            ol #problems {}
                        }
                    }
                    section.right {
                        nav.tabs {
                            button #tab-preview .on type="button" { (t(msg!("serve-preview"))) }
                            button #tab-exercise type="button" { (t(msg!("serve-exercise"))) }
                        }
                        p #blocked .blocked hidden {}
                        iframe #preview sandbox="allow-same-origin allow-modals" title=(t(msg!("serve-preview"))) {}
                        div #exercise .exercise hidden {
                            p { (t(msg!("serve-exercise-intro"))) }
                            form #facts {}
                            pre #outcome {}
                        }
                    }
                }
                script #data type="application/json" { (PreEscaped(data)) }
                script src="/assets/editor.js" {}
            }
        },
    ))
}

/// A page that says why a page was refused, with the way back.
pub fn refused(refusal: Refusal, lang: Lang) -> String {
    let words = refusal.message().text(lang);
    page(
        lang,
        &words,
        html! {
            body.list {
                main.listing {
                    p.refused { (words) }
                    p { a href={ "/?lang=" (lang.as_str()) } { (msg!("serve-back").text(lang)) } }
                }
            }
        },
    )
}

/// `GET /explain?code=…`: what `planc explain CODE` says, for the link on
/// each problem.
pub fn explain(code: &str, lang: Lang) -> Option<String> {
    let rule = crate::explain::lookup(code).ok()?;
    // planc's own pages, compiled in: their HTML is trusted.
    let markdown = crate::explain::page(rule, lang);
    let mut text = String::new();
    pulldown_cmark::html::push_html(&mut text, pulldown_cmark::Parser::new(&markdown));
    Some(page(
        lang,
        code,
        html! {
            body.list {
                main.listing {
                    article.explain { (PreEscaped(text)) }
                }
            }
        },
    ))
}
