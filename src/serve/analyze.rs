//! The page's API: a plan's text and version, its analysis as the author
//! types (diagnostics, quick fixes, colours, preview, facts), the exercise,
//! and saving. Positions go out in UTF-16 units, as the browser counts them.

use serde_json::{Value, json};

use super::{PlanName, Refusal, Response, Store, StoreError, version};
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::graph::Graphs;
use crate::i18n::msg;
use crate::ide::{self, Analysis, NameKind, highlight::HighlightKind};
use crate::lang::Lang;
use crate::model::{FactType, Model};
use crate::pipeline;
use crate::render::{self, Document};
use crate::simulate::{self, Clock, Facts};
use crate::span::{LineIndex, Span};

/// The JSON body of a POST.
pub fn body(bytes: &[u8]) -> Result<Value, Refusal> {
    serde_json::from_slice(bytes).map_err(|_| Refusal::BadRequest)
}

fn text_of<'v>(body: &'v Value, key: &str) -> Option<&'v str> {
    body.get(key).and_then(Value::as_str)
}

fn lang_of(body: &Value) -> Lang {
    text_of(body, "lang")
        .and_then(Lang::from_name)
        .unwrap_or(Lang::Zh)
}

/// The configuration of the plan the body names (`check`'s), else the default.
fn config_of(body: &Value, store: &dyn Store) -> Config {
    match text_of(body, "file").map(PlanName::parse) {
        Some(Ok(name)) => store.config(&name),
        _ => Config::default(),
    }
}

fn refused_by_store(e: StoreError) -> Refusal {
    match e {
        StoreError::NotFound => Refusal::NotFound,
        StoreError::Outside => Refusal::Path,
        StoreError::Other(_) => Refusal::Failed,
    }
}

/// A plan's text, to edit.
pub fn read_text(name: &PlanName, store: &dyn Store) -> Result<(String, Vec<u8>), Refusal> {
    let bytes = store.read(name).map_err(refused_by_store)?;
    let text = String::from_utf8(bytes.clone()).map_err(|_| Refusal::NotUtf8)?;
    Ok((text, bytes))
}

/// `GET /api/plan?file=…`: the text and its version token.
pub fn load(name: &PlanName, store: &dyn Store) -> Result<Response, Refusal> {
    let (text, bytes) = read_text(name, store)?;
    Ok(Response::json(
        200,
        &json!({ "file": name.as_str(), "text": text, "version": version(&bytes) }),
    ))
}

/// Byte offsets → UTF-16 offsets of one text.
struct Utf16(Vec<u32>);

impl Utf16 {
    fn new(text: &str) -> Utf16 {
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut units = 0u32;
        for c in text.chars() {
            table.extend(std::iter::repeat_n(units, c.len_utf8()));
            units += c.len_utf16() as u32;
        }
        table.push(units);
        Utf16(table)
    }

    fn at(&self, offset: usize) -> u32 {
        self.0[offset.min(self.0.len() - 1)]
    }
}

/// The plan's language, for a page that did not ask for one: Chinese when
/// its labels are (`Lang::detect`), and for a plan with no labels yet.
pub fn plan_lang(model: &Model) -> Lang {
    let empty = model.header.as_ref().is_none_or(|h| h.title.is_none())
        && model.roles.is_empty()
        && model.steps.is_empty()
        && model.triggers.is_empty();
    if empty { Lang::Zh } else { Lang::detect(model) }
}

/// `POST /api/analyze {file, text, lang}`: what the page shows for the text.
pub fn analyze(body: &Value, store: &dyn Store, docx: bool) -> Response {
    let text = text_of(body, "text").unwrap_or("");
    let lang = lang_of(body);
    let config = config_of(body, store);
    Response::json(200, &analysis(text, &config, lang, docx))
}

/// The analysis of a text in `lang`, as the page reads it (`docx`: whether
/// this build writes Word files).
pub fn analysis(text: &str, config: &Config, lang: Lang, docx: bool) -> Value {
    let a = Analysis::new(text);
    let diagnostics = a.diagnostics(config);
    let units = Utf16::new(text);
    let lines = LineIndex::new(text);
    let range = |span: Span| json!([units.at(span.start()), units.at(span.end())]);
    let edits = |edits: &[(Span, String)]| -> Vec<Value> {
        edits
            .iter()
            .map(|(span, new)| json!({ "range": range(*span), "text": new }))
            .collect()
    };
    let fixes = ide::fixes::fixes(&a, &diagnostics, Span::new(0, text.len()));
    let fix_json = |fix: &ide::fixes::Fix| json!({ "title": fix.title.text(lang), "edits": edits(&fix.edits) });
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    let shown: Vec<Value> = diagnostics
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let words = d.text(lang);
            let line = lines.line(d.primary.span.start()) + 1;
            json!({
                "code": d.code.as_str(),
                "severity": d.severity.as_str(),
                "range": range(d.primary.span),
                "line": line,
                "where": msg!("serve-line", line = line).text(lang),
                "message": words.message,
                "label": words.labels.first().map(|(_, l)| l.clone()),
                "help": words.help,
                "fixes": fixes.iter().filter(|f| f.diagnostic == Some(i)).map(fix_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    let fix_all: Vec<Value> = fixes
        .iter()
        .filter(|f| f.diagnostic.is_none())
        .map(fix_json)
        .collect();
    let highlights: Vec<Value> = ide::highlight::highlights(&a)
        .iter()
        .map(|h| {
            json!([
                units.at(h.span.start()),
                units.at(h.span.end()),
                class(h.kind)
            ])
        })
        .collect();
    let (preview, blocked) = if errors == 0 && a.parses() {
        let graphs = Graphs::build(&a.model);
        // The analysis keeps no tree (see `ide::Analysis`): the preview,
        // which renders the whole plan anyway, parses it again.
        let parsed = crate::syntax::parse(a.source);
        let doc = Document::build(&parsed.file, &a.model, &graphs, lang);
        (Some(render::html::render(&doc)), None)
    } else {
        (
            None,
            Some(msg!("serve-blocked-errors", count = errors).text(lang)),
        )
    };
    let docx_blocked = blocked
        .clone()
        .or_else(|| (!docx).then(|| msg!("serve-no-docx").text(lang)));
    json!({
        "diagnostics": shown,
        "fix_all": fix_all,
        "highlights": highlights,
        "errors": errors,
        "warnings": warnings,
        "counts": msg!("serve-counts", errors = errors, warnings = warnings).text(lang),
        "preview": preview,
        "blocked": blocked,
        "docx_blocked": docx_blocked,
        "facts": facts(&a.model),
    })
}

/// The CSS class of a colour.
fn class(kind: HighlightKind) -> &'static str {
    match kind {
        HighlightKind::Keyword => "kw",
        HighlightKind::String => "str",
        HighlightKind::Comment => "com",
        HighlightKind::Number => "num",
        HighlightKind::Operator => "op",
        HighlightKind::Name(kind) => match kind {
            NameKind::Role | NameKind::External => "who",
            NameKind::Fact | NameKind::Variant => "fact",
            NameKind::Level | NameKind::Trigger => "when",
            NameKind::Step | NameKind::Routine | NameKind::Drill => "what",
        },
    }
}

/// The facts of the plan, for the exercise's form.
fn facts(model: &Model) -> Vec<Value> {
    model
        .facts
        .iter()
        .map(|f| {
            let (kind, variants) = match &f.ty {
                FactType::Count => ("count", Vec::new()),
                FactType::Number { .. } => ("number", Vec::new()),
                FactType::Flag => ("flag", Vec::new()),
                FactType::OneOf(variants) => (
                    "one_of",
                    variants
                        .iter()
                        .map(|v| json!({ "name": v.name, "label": v.label.value }))
                        .collect(),
                ),
            };
            json!({ "name": model.name(&f.named), "label": model.label(&f.named), "kind": kind, "variants": variants })
        })
        .collect()
}

/// `POST /api/simulate {file, text, set: ["fact=value"], start, lang}`: the
/// exercise as `planc simulate` tells it.
pub fn simulate(body: &Value, store: &dyn Store) -> Response {
    let text = text_of(body, "text").unwrap_or("");
    let lang = lang_of(body);
    let config = config_of(body, store);
    let set: Vec<String> = body
        .get("set")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    let start = match text_of(body, "start").filter(|s| !s.trim().is_empty()) {
        None => None,
        Some(s) => match Clock::parse(s.trim()) {
            Ok(clock) => Some(clock),
            Err(why) => return Response::json(200, &json!({ "error": why.text(lang) })),
        },
    };
    let compiled = pipeline::compile(text, &config);
    let (false, Some(model), Some(graphs)) =
        (compiled.has_errors(), &compiled.model, &compiled.graphs)
    else {
        return Response::refused(Refusal::HasErrors, lang);
    };
    let facts = match Facts::parse(model, &set) {
        Ok(facts) => facts,
        Err(why) => return Response::json(200, &json!({ "error": why.text(lang) })),
    };
    let sim = simulate::run(model, graphs, facts, start);
    if let (Some(_), Some(why)) = (start, simulate::due_out_of_range(&sim, model)) {
        return Response::json(200, &json!({ "error": why.text(lang) }));
    }
    Response::json(
        200,
        &json!({ "text": simulate::text::render(&sim, model, lang) }),
    )
}

/// `POST /api/save {file, text, version}`: writes the text when the file is
/// still the version the page loaded; a plan with errors is saved too
/// (authors save half-written work). The file's line endings are kept.
pub fn save(body: &Value, store: &dyn Store) -> Result<Response, Refusal> {
    let name = PlanName::parse(text_of(body, "file").ok_or(Refusal::BadRequest)?)?;
    let text = text_of(body, "text").ok_or(Refusal::BadRequest)?;
    let loaded = text_of(body, "version").ok_or(Refusal::BadRequest)?;
    let current = store.read(&name).map_err(refused_by_store)?;
    let now = version(&current);
    if now != loaded {
        let lang = lang_of(body);
        return Ok(Response::json(
            409,
            &json!({
                "error": Refusal::Stale.message().text(lang),
                "refused": Refusal::Stale.as_str(),
                "version": now,
            }),
        ));
    }
    let bytes = with_line_endings_of(&current, text);
    store
        .write(&name, bytes.as_bytes())
        .map_err(refused_by_store)?;
    Ok(Response::json(
        200,
        &json!({ "saved": true, "version": version(bytes.as_bytes()) }),
    ))
}

/// The browser's text (its lines end at LF) with the file's CRLF kept.
fn with_line_endings_of(current: &[u8], text: &str) -> String {
    if current.windows(2).any(|w| w == b"\r\n") {
        text.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        text.to_string()
    }
}

/// `GET /docx?file=…`: the saved plan's handout as a Word file, in the
/// language asked for, else the plan's.
pub fn docx(
    name: &PlanName,
    store: &dyn Store,
    asked: Option<Lang>,
    make: Option<super::MakeDocx>,
) -> Result<Response, Refusal> {
    let (text, _) = read_text(name, store)?;
    let compiled = pipeline::compile(&text, &store.config(name));
    let (false, Some(model), Some(graphs)) =
        (compiled.has_errors(), &compiled.model, &compiled.graphs)
    else {
        return Err(Refusal::HasErrors);
    };
    let make = make.ok_or(Refusal::NoDocx)?;
    let lang = asked.unwrap_or_else(|| Lang::detect(model));
    let doc = Document::build(&compiled.file, model, graphs, lang);
    let bytes = make(&doc).map_err(|_| Refusal::Failed)?;
    let file = name.parts().last().unwrap_or("plan.plan");
    let stem = file.strip_suffix(".plan").unwrap_or(file);
    let mut response = Response::new(
        200,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        bytes,
    );
    response.headers.push((
        "Content-Disposition",
        format!(
            "attachment; filename=\"plan.docx\"; filename*=UTF-8''{}.docx",
            super::policy::encode(stem)
        ),
    ));
    Ok(response)
}
