//! The server's main loop: documents kept in memory, diagnostics published on
//! open and shortly after the last change, requests answered from the
//! analysis of the current text (made once per version of it, see
//! `document`).

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::time::Instant;

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification, ProtocolError, Request, RequestId};
use lsp_types as lsp;
use lsp_types::Uri;
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use serde::de::DeserializeOwned;

use super::convert::{self, Text};
use super::document::Document;
use super::handlers::{self, Context, HasDocument};
use super::outgoing::{Outbound, Outgoing};
use super::{Options, file_path};

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

struct Server {
    receiver: Receiver<Message>,
    out: Outgoing,
    options: Options,
    documents: HashMap<Uri, Document>,
    /// Documents whose diagnostics are due, and when.
    due: HashMap<Uri, Instant>,
    shutdown: bool,
}

/// Runs the protocol on `connection` until `exit` (or until the client goes
/// away). The connection is dropped when this returns, so the caller can then
/// join the stdio IO threads: their writer ends only once every sender is gone.
///
/// For clients in the same process (tests, benchmarks): the server's
/// messages are read back from their JSON. Over a byte stream, `serve`
/// hands the JSON on as it is.
pub fn run(connection: Connection, options: Options) -> Result<Exit, ProtocolError> {
    let Connection { sender, receiver } = connection;
    let (bodies, from_server) = crossbeam_channel::bounded::<Outbound>(0);
    let forward = std::thread::spawn(move || {
        for outbound in from_server {
            let body = match outbound {
                Outbound::Whole(body) => body,
                Outbound::Pieces { pieces, .. } => pieces.iter().flatten().collect(),
            };
            // The server writes only messages: a body that does not read back is a bug.
            let message: Message =
                serde_json::from_slice(&body).expect("the server writes JSON-RPC messages");
            if sender.send(message).is_err() {
                return;
            }
        }
    });
    let exit = serve(receiver, bodies, options);
    // `serve` has dropped its sender of bodies: the forwarding ends, and with it `sender`.
    let _ = forward.join();
    Ok(exit)
}

/// Runs the protocol on the client's messages until `exit` (or until the
/// client goes away), sending the server's messages as JSON bodies for the
/// caller to frame. Both channels are dropped when this returns.
pub fn serve(receiver: Receiver<Message>, bodies: Sender<Outbound>, options: Options) -> Exit {
    let out = Outgoing::new(bodies);
    let Some(id) = initialize(&receiver, &out) else {
        return Exit::WithoutShutdown;
    };
    let result = lsp::InitializeResult {
        capabilities: capabilities(&options),
        server_info: Some(lsp::ServerInfo {
            name: "planc".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    if let Err(e) = out.answer(&id, result) {
        out.refuse(&id, ErrorCode::InternalError, &e.to_string());
    }
    let mut server = Server {
        receiver,
        out,
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
fn initialize(receiver: &Receiver<Message>, out: &Outgoing) -> Option<RequestId> {
    loop {
        match receiver.recv().ok()? {
            Message::Request(r) if r.method == req::Initialize::METHOD => return Some(r.id),
            Message::Request(r) => out.refuse(
                &r.id,
                ErrorCode::ServerNotInitialized,
                "the server is not initialized yet: send `initialize` first",
            ),
            Message::Notification(n) if n.method == notif::Exit::METHOD => return None,
            Message::Notification(_) | Message::Response(_) => {}
        }
    }
}

impl Server {
    fn main_loop(&mut self) -> Exit {
        loop {
            // Before reading: a steady stream of requests must not hold diagnostics back.
            self.publish_due();
            let next_due = self.due.values().min().copied();
            let received = match next_due {
                Some(deadline) => self.receiver.recv_deadline(deadline),
                None => self
                    .receiver
                    .recv()
                    .map_err(|_| RecvTimeoutError::Disconnected),
            };
            let message = match received {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return Exit::WithoutShutdown,
            };
            match message {
                Message::Request(request) => self.request(request),
                Message::Notification(n) if n.method == notif::Exit::METHOD => {
                    return if self.shutdown {
                        Exit::Clean
                    } else {
                        Exit::WithoutShutdown
                    };
                }
                Message::Notification(n) => self.notification(n),
                Message::Response(_) => {}
            }
        }
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
    fn publish(&mut self, uri: &Uri) {
        let config = (self.options.config_for)(file_path(uri).as_deref());
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        doc.prepare(Some(&config));
        let doc = &*doc;
        let lang = self.options.lang;
        // Each diagnostic is converted as it is written out.
        let out = &self.out;
        let sent = doc.diagnostics().ok().is_some_and(|diagnostics| {
            std::panic::catch_unwind(AssertUnwindSafe(|| {
                let text = Text {
                    uri,
                    text: doc.text(),
                    index: doc.index(),
                    lang,
                };
                let params = convert::PublishDiagnostics {
                    uri,
                    diagnostics: convert::Diagnostics::new(&text, diagnostics),
                    version: Some(doc.version),
                };
                out.notify(notif::PublishDiagnostics::METHOD, params)
                    .is_ok()
            }))
            .unwrap_or(false)
        });
        if !sent {
            self.log_error(
                "textDocument/publishDiagnostics",
                "planc failed to check this file (a bug: please report it)",
            );
        }
    }

    /// Tells the client's log that a message could not be read.
    fn log_error(&self, method: &str, error: impl std::fmt::Display) {
        let _ = self.out.notify(
            notif::LogMessage::METHOD,
            lsp::LogMessageParams {
                typ: lsp::MessageType::ERROR,
                message: format!("planc: cannot read `{method}`: {error}"),
            },
        );
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
                        // Each range is in the text as the previous edits left it.
                        for change in p.content_changes {
                            doc.edit(change.range, change.text);
                        }
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
                    let _ = self.out.notify(
                        notif::PublishDiagnostics::METHOD,
                        lsp::PublishDiagnosticsParams {
                            uri,
                            diagnostics: Vec::new(),
                            version: None,
                        },
                    );
                }
            }
            _ => {}
        }
    }

    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        if self.shutdown {
            self.out.refuse(
                &id,
                ErrorCode::InvalidRequest,
                "the server is shutting down",
            );
            return;
        }
        let answer = match request.method.as_str() {
            req::Shutdown::METHOD => {
                self.shutdown = true;
                self.out
                    .answer(&id, ())
                    .map_err(|e| (ErrorCode::InternalError, e.to_string()))
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
            req::CodeActionRequest::METHOD => self.handle_checked(request, handlers::code_actions),
            req::Formatting::METHOD if self.options.formatter.is_some() => {
                self.handle(request, handlers::formatting)
            }
            method => Err((
                ErrorCode::MethodNotFound,
                format!("planc does not handle `{method}`"),
            )),
        };
        if let Err((code, message)) = answer {
            self.out.refuse(&id, code, &message);
        }
    }

    fn handle<P: DeserializeOwned + HasDocument>(
        &mut self,
        request: Request,
        handler: fn(&Context, P) -> handlers::Answer,
    ) -> handlers::Answer {
        self.answer(request, handler, false)
    }

    /// `handle` for a handler that reads the document's diagnostics.
    fn handle_checked<P: DeserializeOwned + HasDocument>(
        &mut self,
        request: Request,
        handler: fn(&Context, P) -> handlers::Answer,
    ) -> handlers::Answer {
        self.answer(request, handler, true)
    }

    /// Decodes the parameters, finds the document and runs `handler` on its
    /// analysis (and, when `checked`, its diagnostics); the answer is
    /// serialized as it is made.
    fn answer<P: DeserializeOwned + HasDocument>(
        &mut self,
        request: Request,
        handler: fn(&Context, P) -> handlers::Answer,
        checked: bool,
    ) -> handlers::Answer {
        let Request { id, method, params } = request;
        let failed = || {
            (
                ErrorCode::InternalError,
                format!("planc failed on `{method}` (a bug: please report it)"),
            )
        };
        let params: P = serde_json::from_value(params)
            .map_err(|e| (ErrorCode::InvalidParams, e.to_string()))?;
        let uri = params.uri().clone();
        let config = checked.then(|| (self.options.config_for)(file_path(&uri).as_deref()));
        let doc = self.documents.get_mut(&uri).ok_or((
            ErrorCode::InvalidParams,
            format!("`{}` is not open", uri.as_str()),
        ))?;
        doc.prepare(config.as_ref());
        let doc = &*doc;
        let analysis = doc.analysis().ok_or_else(failed)?;
        let diagnostics = match config {
            Some(_) => doc.diagnostics().map_err(|_| failed())?,
            None => &[],
        };
        // A bug in one feature fails that request, not the editor's session.
        let answer = std::panic::catch_unwind(AssertUnwindSafe(|| {
            let ctx = Context {
                id: &id,
                text: Text {
                    uri: &uri,
                    text: doc.text(),
                    index: doc.index(),
                    lang: self.options.lang,
                },
                analysis,
                diagnostics,
                options: &self.options,
                out: &self.out,
            };
            handler(&ctx, params)
        }));
        answer.unwrap_or_else(|_| Err(failed()))
    }
}
