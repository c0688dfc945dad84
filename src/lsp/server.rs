//! The server's main loop: documents kept in memory, diagnostics published on
//! open and shortly after the last change, requests answered from a fresh
//! analysis of the current text.

use std::collections::HashMap;
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
use super::position::LineIndex;
use super::{Options, file_path};
use crate::ide::{self, Analysis};

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
/// away). The caller must drop nothing of the connection before this returns;
/// the connection is dropped here, before the caller joins its IO threads.
pub fn run(connection: Connection, options: Options) -> Result<Exit, ProtocolError> {
    let capabilities = serde_json::to_value(capabilities(&options)).unwrap_or_default();
    let (id, _params) = connection.initialize_start()?;
    connection.initialize_finish(
        id,
        serde_json::json!({
            "capabilities": capabilities,
            "serverInfo": { "name": "planc", "version": env!("CARGO_PKG_VERSION") },
        }),
    )?;
    let mut server = Server {
        connection,
        options,
        documents: HashMap::new(),
        due: HashMap::new(),
        shutdown: false,
    };
    server.main_loop()
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
        let analysis = Analysis::new(&doc.text);
        let text = Text {
            uri,
            text: &doc.text,
            index: &doc.index,
        };
        let diagnostics = analysis
            .diagnostics(&config)
            .iter()
            .map(|d| convert::diagnostic(&text, d))
            .collect();
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
            req::GotoDefinition::METHOD => self.handle(request, definition),
            req::References::METHOD => self.handle(request, references),
            req::HoverRequest::METHOD => self.handle(request, hover),
            req::Completion::METHOD => self.handle(request, completion),
            req::PrepareRenameRequest::METHOD => self.handle(request, prepare_rename),
            req::Rename::METHOD => self.handle(request, rename),
            req::DocumentSymbolRequest::METHOD => self.handle(request, document_symbols),
            req::SemanticTokensFullRequest::METHOD => self.handle(request, semantic_tokens),
            req::CodeActionRequest::METHOD => self.handle(request, code_actions),
            req::Formatting::METHOD if self.options.formatter.is_some() => {
                self.handle(request, formatting)
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
        let params: P = serde_json::from_value(request.params)
            .map_err(|e| (ErrorCode::InvalidParams, e.to_string()))?;
        let uri = params.uri().clone();
        let doc = self.documents.get(&uri).ok_or((
            ErrorCode::InvalidParams,
            format!("`{}` is not open", uri.as_str()),
        ))?;
        let ctx = Context {
            text: Text {
                uri: &uri,
                text: &doc.text,
                index: &doc.index,
            },
            analysis: Analysis::new(&doc.text),
            options: &self.options,
        };
        let result = handler(&ctx, params).map_err(|m| (ErrorCode::RequestFailed, m))?;
        serde_json::to_value(result).map_err(|e| (ErrorCode::InternalError, e.to_string()))
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

/// What a handler sees.
struct Context<'a> {
    text: Text<'a>,
    analysis: Analysis<'a>,
    options: &'a Options,
}

impl Context<'_> {
    fn offset(&self, position: lsp::Position) -> usize {
        self.text.index.offset(self.text.text, position)
    }
}

trait HasDocument {
    fn uri(&self) -> &Uri;
}

macro_rules! has_document {
    ($($t:ty => |$p:ident| $e:expr),* $(,)?) => {$(
        impl HasDocument for $t {
            fn uri(&self) -> &Uri {
                let $p = self;
                &$e.uri
            }
        }
    )*};
}

has_document!(
    lsp::GotoDefinitionParams => |p| p.text_document_position_params.text_document,
    lsp::ReferenceParams => |p| p.text_document_position.text_document,
    lsp::HoverParams => |p| p.text_document_position_params.text_document,
    lsp::CompletionParams => |p| p.text_document_position.text_document,
    lsp::TextDocumentPositionParams => |p| p.text_document,
    lsp::RenameParams => |p| p.text_document_position.text_document,
    lsp::DocumentSymbolParams => |p| p.text_document,
    lsp::SemanticTokensParams => |p| p.text_document,
    lsp::CodeActionParams => |p| p.text_document,
    lsp::DocumentFormattingParams => |p| p.text_document,
);

fn definition(
    ctx: &Context,
    p: lsp::GotoDefinitionParams,
) -> Result<Option<lsp::GotoDefinitionResponse>, String> {
    let offset = ctx.offset(p.text_document_position_params.position);
    Ok(ctx
        .analysis
        .definition(offset)
        .map(|span| lsp::GotoDefinitionResponse::Scalar(ctx.text.location(span))))
}

fn references(ctx: &Context, p: lsp::ReferenceParams) -> Result<Vec<lsp::Location>, String> {
    let offset = ctx.offset(p.text_document_position.position);
    Ok(ctx
        .analysis
        .references(offset, p.context.include_declaration)
        .into_iter()
        .map(|span| ctx.text.location(span))
        .collect())
}

fn hover(ctx: &Context, p: lsp::HoverParams) -> Result<Option<lsp::Hover>, String> {
    let offset = ctx.offset(p.text_document_position_params.position);
    Ok(
        ide::hover::hover(&ctx.analysis, offset).map(|h| lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: h.markdown,
            }),
            range: Some(ctx.text.range(h.span)),
        }),
    )
}

fn completion(
    ctx: &Context,
    p: lsp::CompletionParams,
) -> Result<Option<lsp::CompletionResponse>, String> {
    let offset = ctx.offset(p.text_document_position.position);
    let mut items = ide::completion::complete(&ctx.analysis, offset);
    // Typing a space pops up what the position wants (`owner ` → roles), not
    // every keyword after every word: those come once a word is begun.
    let after_space = p
        .context
        .and_then(|c| c.trigger_character)
        .is_some_and(|c| c == " ");
    if after_space {
        items.retain(|c| c.kind != ide::completion::CompletionKind::Keyword);
    }
    Ok(Some(lsp::CompletionResponse::Array(convert::completions(
        &ctx.text, items,
    ))))
}

fn prepare_rename(
    ctx: &Context,
    p: lsp::TextDocumentPositionParams,
) -> Result<Option<lsp::PrepareRenameResponse>, String> {
    let (span, placeholder) = ide::rename::prepare(&ctx.analysis, ctx.offset(p.position))?;
    Ok(Some(lsp::PrepareRenameResponse::RangeWithPlaceholder {
        range: ctx.text.range(span),
        placeholder,
    }))
}

fn rename(ctx: &Context, p: lsp::RenameParams) -> Result<Option<lsp::WorkspaceEdit>, String> {
    let offset = ctx.offset(p.text_document_position.position);
    let edits = ide::rename::rename(&ctx.analysis, offset, &p.new_name)?;
    Ok(Some(ctx.text.workspace_edit(&edits)))
}

fn document_symbols(
    ctx: &Context,
    _: lsp::DocumentSymbolParams,
) -> Result<Option<lsp::DocumentSymbolResponse>, String> {
    let outline = ide::symbols::outline(&ctx.analysis.file);
    Ok(Some(lsp::DocumentSymbolResponse::Nested(convert::symbols(
        &ctx.text, outline,
    ))))
}

fn semantic_tokens(
    ctx: &Context,
    _: lsp::SemanticTokensParams,
) -> Result<Option<lsp::SemanticTokensResult>, String> {
    let highlights = ide::highlight::highlights(&ctx.analysis);
    Ok(Some(lsp::SemanticTokensResult::Tokens(
        lsp::SemanticTokens {
            result_id: None,
            data: convert::semantic_tokens(&ctx.text, &highlights),
        },
    )))
}

fn code_actions(
    ctx: &Context,
    p: lsp::CodeActionParams,
) -> Result<Option<lsp::CodeActionResponse>, String> {
    let config = (ctx.options.config_for)(file_path(ctx.text.uri).as_deref());
    let diagnostics = ctx.analysis.diagnostics(&config);
    let range = ctx.text.index.span(ctx.text.text, p.range);
    let fixes = ide::fixes::fixes(&ctx.analysis, &diagnostics, range);
    Ok(Some(
        fixes
            .into_iter()
            .map(|fix| {
                lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: fix.title,
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: fix
                        .diagnostic
                        .and_then(|i| diagnostics.get(i))
                        .map(|d| vec![convert::diagnostic(&ctx.text, d)]),
                    edit: Some(ctx.text.workspace_edit(&fix.edits)),
                    is_preferred: Some(fix.preferred),
                    ..Default::default()
                })
            })
            .collect(),
    ))
}

fn formatting(
    ctx: &Context,
    _: lsp::DocumentFormattingParams,
) -> Result<Option<Vec<lsp::TextEdit>>, String> {
    let Some(format) = ctx.options.formatter else {
        return Ok(None);
    };
    // A file that does not parse is left alone; its diagnostics say why.
    let Ok(formatted) = format(ctx.text.text) else {
        return Ok(None);
    };
    if formatted == ctx.text.text {
        return Ok(Some(Vec::new()));
    }
    let whole = crate::span::Span::new(0, ctx.text.text.len());
    Ok(Some(ctx.text.edits(&[(whole, formatted)])))
}
