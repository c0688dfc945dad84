//! The server's main loop: documents kept in memory, diagnostics published on
//! open and shortly after the last change, requests answered from a fresh
//! analysis of the current text.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::time::Instant;

use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, ProtocolError, Request, Response};
use lsp_types as lsp;
use lsp_types::Uri;
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::convert::{self, Text};
use super::handlers::{self, Context, HasDocument};
use super::position::LineIndex;
use super::{Options, file_path};
use crate::ide::Analysis;

/// How the session ended: `exit` after `shutdown` (exit code 0), or not
/// (exit code 1, as the protocol asks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Clean,
    WithoutShutdown,
}

/// What the server offers; document formatting only with a formatter.
pub fn capabilities(options: &Options) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        position_encoding: Some(lsp::PositionEncodingKind::UTF16),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec![" ".into(), ",".into(), "{".into()]),
            ..Default::default()
        }),
        rename_provider: Some(lsp::OneOf::Right(lsp::RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
                ..Default::default()
            },
        )),
        semantic_tokens_provider: Some(
            lsp::SemanticTokensServerCapabilities::SemanticTokensOptions(
                lsp::SemanticTokensOptions {
                    legend: convert::legend(),
                    full: Some(lsp::SemanticTokensFullOptions::Bool(true)),
                    range: None,
                    work_done_progress_options: Default::default(),
                },
            ),
        ),
        document_formatting_provider: options.formatter.map(|_| lsp::OneOf::Left(true)),
        ..Default::default()
    }
}

struct Document {
    text: String,
    version: i32,
    index: LineIndex,
}

impl Document {
    fn new(text: String, version: i32) -> Self {
        let index = LineIndex::new(&text);
        Document {
            text,
            version,
            index,
        }
    }
}

struct Server {
    connection: Connection,
    options: Options,
    documents: HashMap<Uri, Document>,
    /// Documents whose diagnostics are due, and when.
    due: HashMap<Uri, Instant>,
    shutdown: bool,
}

/// Runs the protocol on `connection` until `exit` (or until the client goes
/// away). The connection is dropped when this returns, so the caller can then
/// join the stdio IO threads: their writer ends only once every sender is gone.
pub fn run(connection: Connection, options: Options) -> Result<Exit, ProtocolError> {
    let capabilities = serde_json::to_value(capabilities(&options)).unwrap_or_default();
    let Some(id) = initialize(&connection) else {
        return Ok(Exit::WithoutShutdown);
    };
    let _ = connection.sender.send(
        Response::new_ok(
            id,
            serde_json::json!({
                "capabilities": capabilities,
                "serverInfo": { "name": "planc", "version": env!("CARGO_PKG_VERSION") },
            }),
        )
        .into(),
    );
    let mut server = Server {
        connection,
        options,
        documents: HashMap::new(),
        due: HashMap::new(),
        shutdown: false,
    };
    server.main_loop()
}

/// Waits for `initialize` and returns its id; `None` if the client leaves
/// first (the stream ends, or `exit`). Requests before it are refused as the
/// protocol asks; anything else is ignored. (lsp-server's own handshake ends
/// the session on a stray response, or on a request before `initialized`.)
fn initialize(connection: &Connection) -> Option<lsp_server::RequestId> {
    loop {
        match connection.receiver.recv().ok()? {
            Message::Request(r) if r.method == req::Initialize::METHOD => return Some(r.id),
            Message::Request(r) => {
                let refusal = Response::new_err(
                    r.id,
                    ErrorCode::ServerNotInitialized as i32,
                    "the server is not initialized yet: send `initialize` first".into(),
                );
                let _ = connection.sender.send(refusal.into());
            }
            Message::Notification(n) if n.method == notif::Exit::METHOD => return None,
            Message::Notification(_) | Message::Response(_) => {}
        }
    }
}

impl Server {
    fn main_loop(&mut self) -> Result<Exit, ProtocolError> {
        loop {
            // Before reading: a steady stream of requests must not hold diagnostics back.
            self.publish_due();
            let next_due = self.due.values().min().copied();
            let received = match next_due {
                Some(deadline) => self.connection.receiver.recv_deadline(deadline),
                None => self
                    .connection
                    .receiver
                    .recv()
                    .map_err(|_| RecvTimeoutError::Disconnected),
            };
            let message = match received {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return Ok(Exit::WithoutShutdown),
            };
            match message {
                Message::Request(request) => self.request(request),
                Message::Notification(n) if n.method == notif::Exit::METHOD => {
                    return Ok(if self.shutdown {
                        Exit::Clean
                    } else {
                        Exit::WithoutShutdown
                    });
                }
                Message::Notification(n) => self.notification(n),
                Message::Response(_) => {}
            }
        }
    }

    fn send(&self, message: impl Into<Message>) {
        // A closed channel means the client is gone; the loop ends on the next receive.
        let _ = self.connection.sender.send(message.into());
    }

    fn publish_due(&mut self) {
        let now = Instant::now();
        let due: Vec<Uri> = self
            .due
            .iter()
            .filter(|&(_, &at)| at <= now)
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in due {
            self.due.remove(&uri);
            self.publish(&uri);
        }
    }

    /// Checks a document and publishes its diagnostics.
    fn publish(&self, uri: &Uri) {
        let Some(doc) = self.documents.get(uri) else {
            return;
        };
        let config = (self.options.config_for)(file_path(uri).as_deref());
        let text = Text {
            uri,
            text: &doc.text,
            index: &doc.index,
            lang: self.options.lang,
        };
        let checked = std::panic::catch_unwind(AssertUnwindSafe(|| {
            let analysis = Analysis::new(&doc.text);
            analysis
                .diagnostics(&config)
                .iter()
                .map(|d| convert::diagnostic(&text, d))
                .collect()
        }));
        let Ok(diagnostics) = checked else {
            self.log_error(
                "textDocument/publishDiagnostics",
                "planc failed to check this file (a bug: please report it)",
            );
            return;
        };
        self.notify::<notif::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version: Some(doc.version),
        });
    }

    fn notify<N: notif::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params));
    }

    /// Tells the client's log that a message could not be read.
    fn log_error(&self, method: &str, error: impl std::fmt::Display) {
        self.notify::<notif::LogMessage>(lsp::LogMessageParams {
            typ: lsp::MessageType::ERROR,
            message: format!("planc: cannot read `{method}`: {error}"),
        });
    }

    /// The parameters of a notification, or `None` (logged) when they do not decode.
    fn params<P: DeserializeOwned>(&self, n: Notification) -> Option<P> {
        match serde_json::from_value(n.params) {
            Ok(p) => Some(p),
            Err(e) => {
                self.log_error(&n.method, e);
                None
            }
        }
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            notif::DidOpenTextDocument::METHOD => {
                if let Some(p) = self.params::<lsp::DidOpenTextDocumentParams>(n) {
                    let uri = p.text_document.uri;
                    self.documents.insert(
                        uri.clone(),
                        Document::new(p.text_document.text, p.text_document.version),
                    );
                    self.due.remove(&uri);
                    self.publish(&uri);
                }
            }
            notif::DidChangeTextDocument::METHOD => {
                if let Some(p) = self.params::<lsp::DidChangeTextDocumentParams>(n) {
                    let uri = p.text_document.uri;
                    if let Some(doc) = self.documents.get_mut(&uri) {
                        apply_changes(doc, p.content_changes);
                        doc.version = p.text_document.version;
                        self.due.insert(uri, Instant::now() + self.options.debounce);
                    }
                }
            }
            notif::DidSaveTextDocument::METHOD => {
                // `planc.toml` may have changed alongside: check again.
                if let Some(p) = self.params::<lsp::DidSaveTextDocumentParams>(n)
                    && self.documents.contains_key(&p.text_document.uri)
                {
                    self.due.insert(p.text_document.uri, Instant::now());
                }
            }
            notif::DidCloseTextDocument::METHOD => {
                if let Some(p) = self.params::<lsp::DidCloseTextDocumentParams>(n) {
                    let uri = p.text_document.uri;
                    self.documents.remove(&uri);
                    self.due.remove(&uri);
                    self.notify::<notif::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
                        uri,
                        diagnostics: Vec::new(),
                        version: None,
                    });
                }
            }
            _ => {}
        }
    }

    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        if self.shutdown {
            self.send(Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".into(),
            ));
            return;
        }
        let result = match request.method.as_str() {
            req::Shutdown::METHOD => {
                self.shutdown = true;
                Ok(serde_json::Value::Null)
            }
            req::GotoDefinition::METHOD => self.handle(request, handlers::definition),
            req::References::METHOD => self.handle(request, handlers::references),
            req::HoverRequest::METHOD => self.handle(request, handlers::hover),
            req::Completion::METHOD => self.handle(request, handlers::completion),
            req::PrepareRenameRequest::METHOD => self.handle(request, handlers::prepare_rename),
            req::Rename::METHOD => self.handle(request, handlers::rename),
            req::DocumentSymbolRequest::METHOD => self.handle(request, handlers::document_symbols),
            req::SemanticTokensFullRequest::METHOD => {
                self.handle(request, handlers::semantic_tokens)
            }
            req::CodeActionRequest::METHOD => self.handle(request, handlers::code_actions),
            req::Formatting::METHOD if self.options.formatter.is_some() => {
                self.handle(request, handlers::formatting)
            }
            method => Err((
                ErrorCode::MethodNotFound,
                format!("planc does not handle `{method}`"),
            )),
        };
        let response = match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(response);
    }

    /// Decodes the parameters, finds the document and runs `handler`.
    fn handle<P: DeserializeOwned + HasDocument, R: Serialize>(
        &self,
        request: Request,
        handler: fn(&Context, P) -> Result<R, String>,
    ) -> Result<serde_json::Value, (ErrorCode, String)> {
        let request_method = request.method;
        let params: P = serde_json::from_value(request.params)
            .map_err(|e| (ErrorCode::InvalidParams, e.to_string()))?;
        let uri = params.uri().clone();
        let doc = self.documents.get(&uri).ok_or((
            ErrorCode::InvalidParams,
            format!("`{}` is not open", uri.as_str()),
        ))?;
        // A bug in one feature fails that request, not the editor's session.
        let answer = std::panic::catch_unwind(AssertUnwindSafe(|| {
            let ctx = Context {
                text: Text {
                    uri: &uri,
                    text: &doc.text,
                    index: &doc.index,
                    lang: self.options.lang,
                },
                analysis: Analysis::new(&doc.text),
                options: &self.options,
            };
            handler(&ctx, params).map(serde_json::to_value)
        }));
        match answer {
            Ok(Ok(Ok(value))) => Ok(value),
            Ok(Ok(Err(e))) => Err((ErrorCode::InternalError, e.to_string())),
            Ok(Err(message)) => Err((ErrorCode::RequestFailed, message)),
            Err(_) => Err((
                ErrorCode::InternalError,
                format!(
                    "planc failed on `{}` (a bug: please report it)",
                    request_method
                ),
            )),
        }
    }
}

/// Applies edits in order; each range is in the text as the previous edits left it.
fn apply_changes(doc: &mut Document, changes: Vec<lsp::TextDocumentContentChangeEvent>) {
    for change in changes {
        match change.range {
            None => doc.text = change.text,
            Some(range) => {
                let span = doc.index.span(&doc.text, range);
                doc.text.replace_range(span.start..span.end, &change.text);
            }
        }
        doc.index = LineIndex::new(&doc.text);
    }
}
