//! The request handlers: decode a position, ask `crate::ide`, encode the
//! answer (serialized as it is converted: no copy of a large answer is made
//! in between).

use lsp_server::{ErrorCode, RequestId};
use lsp_types as lsp;
use lsp_types::Uri;
use serde::Serialize;

use super::Options;
use super::convert::{self, Text};
use super::outgoing::Outgoing;
use crate::diagnostic::Diagnostic;
use crate::ide::{self, Analysis};

/// A handler's outcome: its answer sent, or why there is none.
pub(super) type Answer = Result<(), (ErrorCode, String)>;

/// What a handler sees.
pub(super) struct Context<'a> {
    pub(super) id: &'a RequestId,
    pub(super) text: Text<'a>,
    pub(super) analysis: &'a Analysis<'a>,
    /// The document's diagnostics, for the handlers that read them (empty for the others).
    pub(super) diagnostics: &'a [Diagnostic],
    pub(super) options: &'a Options,
    pub(super) out: &'a Outgoing,
}

impl Context<'_> {
    /// Sends the answer to the request, serialized straight from `result`.
    fn answer(&self, result: impl Serialize) -> Answer {
        self.out
            .answer(self.id, result)
            .map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }

    fn offset(&self, position: lsp::Position) -> usize {
        self.text.index.offset(self.text.text, position)
    }
}

/// A request that `crate::ide` refuses (rename a keyword, …): the editor shows why.
fn refused(message: String) -> (ErrorCode, String) {
    (ErrorCode::RequestFailed, message)
}

pub(super) trait HasDocument {
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

pub(super) fn definition(ctx: &Context, p: lsp::GotoDefinitionParams) -> Answer {
    let offset = ctx.offset(p.text_document_position_params.position);
    ctx.answer(
        ctx.analysis
            .definition(offset)
            .map(|span| lsp::GotoDefinitionResponse::Scalar(ctx.text.location(span))),
    )
}

pub(super) fn references(ctx: &Context, p: lsp::ReferenceParams) -> Answer {
    let offset = ctx.offset(p.text_document_position.position);
    ctx.answer(
        ctx.analysis
            .references(offset, p.context.include_declaration)
            .into_iter()
            .map(|span| ctx.text.location(span))
            .collect::<Vec<lsp::Location>>(),
    )
}

pub(super) fn hover(ctx: &Context, p: lsp::HoverParams) -> Answer {
    let offset = ctx.offset(p.text_document_position_params.position);
    ctx.answer(ide::hover::hover(ctx.analysis, offset).map(|h| lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: h.markdown,
        }),
        range: Some(ctx.text.range(h.span)),
    }))
}

pub(super) fn completion(ctx: &Context, p: lsp::CompletionParams) -> Answer {
    let offset = ctx.offset(p.text_document_position.position);
    let mut items = ide::completion::complete(ctx.analysis, offset);
    // Typing a space pops up what the position wants (`owner ` → roles), not
    // every keyword after every word: those come once a word is begun.
    let after_space = p
        .context
        .and_then(|c| c.trigger_character)
        .is_some_and(|c| c == " ");
    if after_space {
        items.retain(|c| c.kind != ide::completion::CompletionKind::Keyword);
    }
    ctx.answer(Some(lsp::CompletionResponse::Array(convert::completions(
        &ctx.text, items,
    ))))
}

pub(super) fn prepare_rename(ctx: &Context, p: lsp::TextDocumentPositionParams) -> Answer {
    let (span, placeholder) =
        ide::rename::prepare(ctx.analysis, ctx.offset(p.position)).map_err(refused)?;
    ctx.answer(Some(lsp::PrepareRenameResponse::RangeWithPlaceholder {
        range: ctx.text.range(span),
        placeholder,
    }))
}

pub(super) fn rename(ctx: &Context, p: lsp::RenameParams) -> Answer {
    let offset = ctx.offset(p.text_document_position.position);
    let edits = ide::rename::rename(ctx.analysis, offset, &p.new_name).map_err(refused)?;
    ctx.answer(Some(ctx.text.workspace_edit(&edits)))
}

pub(super) fn document_symbols(ctx: &Context, _: lsp::DocumentSymbolParams) -> Answer {
    ctx.answer(convert::DocumentSymbols::new(
        &ctx.text,
        &ctx.analysis.outline,
    ))
}

pub(super) fn semantic_tokens(ctx: &Context, _: lsp::SemanticTokensParams) -> Answer {
    let highlights = ide::highlight::highlights(ctx.analysis);
    ctx.answer(Some(lsp::SemanticTokensResult::Tokens(
        lsp::SemanticTokens {
            result_id: None,
            data: convert::semantic_tokens(&ctx.text, &highlights),
        },
    )))
}

pub(super) fn code_actions(ctx: &Context, p: lsp::CodeActionParams) -> Answer {
    let diagnostics = ctx.diagnostics;
    let range = ctx.text.index.span(ctx.text.text, p.range);
    let fixes = ide::fixes::fixes(ctx.analysis, diagnostics, range);
    ctx.answer(Some(
        fixes
            .into_iter()
            .map(|fix| {
                lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: fix.title.text(ctx.text.lang),
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
            .collect::<lsp::CodeActionResponse>(),
    ))
}

pub(super) fn formatting(ctx: &Context, _: lsp::DocumentFormattingParams) -> Answer {
    let Some(format) = ctx.options.formatter else {
        return ctx.answer(None::<Vec<lsp::TextEdit>>);
    };
    // A file that does not parse is left alone; its diagnostics say why.
    let Ok(formatted) = format(ctx.text.text) else {
        return ctx.answer(None::<Vec<lsp::TextEdit>>);
    };
    if formatted == ctx.text.text {
        return ctx.answer(Some(Vec::<lsp::TextEdit>::new()));
    }
    let whole = crate::span::Span::new(0, ctx.text.text.len());
    ctx.answer(Some(ctx.text.edits(&[(whole, formatted)])))
}
