//! `planc serve`: a plan editor in the browser, for authors who use Word and
//! a browser rather than a code editor. This module is the application as
//! data: a request in, a response out, and the files of the plans' folder
//! behind a `Store` the caller implements (the binary: `cli/serve.rs`, which
//! owns the HTTP server, the folder and the atomic writer). No I/O here.
//!
//! What the page shows is what the other outputs compute: diagnostics are
//! `check`'s (`ide::Analysis`), quick fixes the language server's
//! (`ide::fixes`), colours its highlighting, the preview and print are
//! `render::html`, the exercise is `simulate`.

mod analyze;
mod assets;
mod pages;
pub mod policy;
mod words;

use serde_json::json;

use crate::config::Config;
use std::collections::HashMap;

use crate::lang::Lang;
use crate::render::Document;
pub use policy::{PlanName, Refusal};

/// One HTTP request, as the server read it.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub method: String,
    /// The path and query, as sent: `/edit?file=a.plan`.
    pub url: String,
    pub host: Option<String>,
    pub origin: Option<String>,
    pub body: Vec<u8>,
}

/// One HTTP response: status, content type, extra headers and body.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Response {
    fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            content_type,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    fn html(body: String) -> Response {
        Response::new(200, "text/html; charset=utf-8", body)
    }

    fn json(status: u16, value: &serde_json::Value) -> Response {
        Response::new(status, "application/json; charset=utf-8", value.to_string())
    }

    /// A refusal, as JSON `{"error": …}` in the page's language.
    fn refused(refusal: Refusal, lang: Lang) -> Response {
        Response::json(
            refusal.status(),
            &json!({ "error": refusal.message().text(lang), "refused": refusal.as_str() }),
        )
    }
}

/// The path of `url`, its query's parameters and the language they ask for.
fn asked(url: &str) -> (&str, HashMap<String, String>, Option<Lang>) {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let params = policy::query(query);
    let lang = params.get("lang").and_then(|l| Lang::from_name(l));
    (path, params, lang)
}

/// Why the store could not read or write a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    NotFound,
    /// The name leads out of the folder (a symlink to elsewhere).
    Outside,
    /// Anything else, in the operating system's words.
    Other(String),
}

/// The plans' folder, as the binary gives access to it.
pub trait Store {
    /// The plan files below the folder (as `check DIR` finds them), as names
    /// relative to it with `/` between folders, sorted.
    fn list(&self) -> Vec<String>;
    fn read(&self, name: &PlanName) -> Result<Vec<u8>, StoreError>;
    /// Replaces the plan's bytes atomically.
    fn write(&self, name: &PlanName, bytes: &[u8]) -> Result<(), StoreError>;
    /// The configuration `check` uses for the plan (its planc.toml).
    fn config(&self, name: &PlanName) -> Config;
    /// The folder, as shown on the list page.
    fn shown(&self) -> String;
}

/// Writes a plan's handout as a Word file (.docx bytes).
pub type MakeDocx = fn(&Document) -> std::io::Result<Vec<u8>>;

/// The Word writer: `render::docx`. (`None` would show 下载 Word disabled,
/// saying why; the tests use it so.)
pub const DOCX: Option<MakeDocx> = Some(crate::render::docx::render);

/// The application for one address: `127.0.0.1:PORT`.
pub struct App {
    port: u16,
    docx: Option<MakeDocx>,
}

impl App {
    pub fn new(port: u16) -> App {
        App { port, docx: DOCX }
    }

    /// With another Word writer (or none).
    pub fn with_docx(self, docx: Option<MakeDocx>) -> App {
        App { docx, ..self }
    }

    /// The address the browser opens.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Refuses a request at `url` that could not be read whole (its body
    /// too large, or cut off), in the language its address asks for, as
    /// `handle` refuses one.
    pub fn refuse(&self, url: &str, refusal: Refusal) -> Response {
        let (_, _, asked_lang) = asked(url);
        Response::refused(refusal, asked_lang.unwrap_or(Lang::Zh))
    }

    /// Answers one request. Requests for another host are refused first
    /// (DNS rebinding), then writes from another origin.
    pub fn handle(&self, request: &Request, store: &dyn Store) -> Response {
        let (path, params, asked_lang) = asked(&request.url);
        let lang = asked_lang.unwrap_or(Lang::Zh);
        if let Err(refusal) = policy::host(request.host.as_deref(), self.port) {
            return Response::refused(refusal, lang);
        }
        let get = request.method == "GET" || request.method == "HEAD";
        if !get {
            if request.method != "POST" {
                return Response::refused(Refusal::Method, lang);
            }
            if let Err(refusal) = policy::origin(request.origin.as_deref(), self.port) {
                return Response::refused(refusal, lang);
            }
        }
        let file = params.get("file").map(|f| PlanName::parse(f));
        let response = match (get, path) {
            (true, "/") => Ok(Response::html(pages::list(store, lang))),
            (true, "/edit") => file
                .ok_or(Refusal::BadRequest)
                .and_then(|name| pages::editor(&name?, store, asked_lang).map(Response::html)),
            (true, "/api/plan") => file
                .ok_or(Refusal::BadRequest)
                .and_then(|name| analyze::load(&name?, store)),
            (true, "/explain") => {
                pages::explain(params.get("code").map_or("", String::as_str), lang)
                    .map(Response::html)
                    .ok_or(Refusal::NotFound)
            }
            (true, "/docx") => file
                .ok_or(Refusal::BadRequest)
                .and_then(|name| analyze::docx(&name?, store, asked_lang, self.docx)),
            (true, _) => assets::get(path).ok_or(Refusal::NotFound),
            (false, "/api/analyze") => analyze::body(&request.body)
                .map(|b| analyze::analyze(&b, store, self.docx.is_some())),
            (false, "/api/simulate") => {
                analyze::body(&request.body).map(|b| analyze::simulate(&b, store))
            }
            (false, "/api/save") => {
                analyze::body(&request.body).and_then(|b| analyze::save(&b, store))
            }
            (false, _) => Err(Refusal::NotFound),
        };
        let mut response = response.unwrap_or_else(|refusal| {
            if get && !path.starts_with("/api/") {
                let mut page = Response::html(pages::refused(refusal, lang));
                page.status = refusal.status();
                page
            } else {
                Response::refused(refusal, lang)
            }
        });
        response.headers.extend(policy::headers());
        response
    }
}

/// The version token of a file's bytes: the page sends back the one it
/// loaded, and a save over bytes that changed since is refused (two tabs, or
/// another program, editing the same file).
pub fn version(bytes: &[u8]) -> String {
    // FNV-1a, 64 bits: stable across runs and platforms, and a change of any
    // byte changes it; not a defence against someone forging collisions
    // (the page is on the author's own machine).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}-{}", bytes.len())
}

#[cfg(test)]
mod tests;
