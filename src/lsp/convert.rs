//! The editor features' results (byte spans) as LSP values (UTF-16 positions).

use std::collections::HashMap;

use lsp_types as lsp;
use lsp_types::{SemanticTokenModifier, SemanticTokenType, Uri};
use serde::{Serialize, Serializer};

use super::position::LineIndex;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::i18n::msg;
use crate::ide::NameKind;
use crate::ide::completion::{Completion, CompletionKind};
use crate::ide::highlight::{Highlight, HighlightKind};
use crate::ide::symbols::{OutlineKind, OutlineSymbol};
use crate::lang::Lang;
use crate::span::Span;

/// One open document's text and line index.
pub struct Text<'a> {
    pub uri: &'a Uri,
    pub text: &'a str,
    pub index: &'a LineIndex,
    /// The language of diagnostics and fix titles.
    pub lang: Lang,
}

impl Text<'_> {
    pub fn range(&self, span: Span) -> lsp::Range {
        self.index.range(self.text, span)
    }

    pub fn location(&self, span: Span) -> lsp::Location {
        lsp::Location::new(self.uri.clone(), self.range(span))
    }

    pub fn edits(&self, edits: &[(Span, String)]) -> Vec<lsp::TextEdit> {
        edits
            .iter()
            .map(|(span, new_text)| lsp::TextEdit::new(self.range(*span), new_text.clone()))
            .collect()
    }

    pub fn workspace_edit(&self, edits: &[(Span, String)]) -> lsp::WorkspaceEdit {
        lsp::WorkspaceEdit::new(HashMap::from([(self.uri.clone(), self.edits(edits))]))
    }
}

/// A diagnostic as `planc check` reports it: same code, severity and message;
/// the help on a line of its own after the message; the primary label and the
/// secondary labels as related information.
pub fn diagnostic(text: &Text, d: &Diagnostic) -> lsp::Diagnostic {
    let words = d.text(text.lang);
    let mut message = words.message;
    if let Some(help) = &d.help {
        message.push('\n');
        message.push_str(&msg!("report-help", help = help.clone()).text(text.lang));
    }
    let related: Vec<lsp::DiagnosticRelatedInformation> = words
        .labels
        .into_iter()
        .filter(|(_, message)| !message.is_empty())
        .map(|(span, message)| lsp::DiagnosticRelatedInformation {
            location: text.location(span),
            message,
        })
        .collect();
    let unnecessary = matches!(d.code, Code::UnusedExternal | Code::UnusedFact);
    lsp::Diagnostic {
        range: text.range(d.primary.span),
        severity: Some(match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        }),
        code: Some(lsp::NumberOrString::String(d.code.as_str().to_string())),
        code_description: None,
        source: Some("planc".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: unnecessary.then(|| vec![lsp::DiagnosticTag::UNNECESSARY]),
        data: None,
    }
}

/// `textDocument/publishDiagnostics`'s parameters (`lsp::PublishDiagnosticsParams`),
/// each diagnostic converted only as it is written out.
#[derive(Serialize)]
pub struct PublishDiagnostics<'a> {
    pub uri: &'a Uri,
    pub diagnostics: Diagnostics<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
}

/// Diagnostics that serialize as LSP diagnostics (see `diagnostic`).
pub struct Diagnostics<'a> {
    text: &'a Text<'a>,
    diagnostics: &'a [Diagnostic],
}

impl<'a> Diagnostics<'a> {
    pub fn new(text: &'a Text<'a>, diagnostics: &'a [Diagnostic]) -> Self {
        Diagnostics { text, diagnostics }
    }
}

impl Serialize for Diagnostics<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.diagnostics.iter().map(|d| diagnostic(self.text, d)))
    }
}

pub fn completion_kind(kind: CompletionKind) -> lsp::CompletionItemKind {
    use lsp::CompletionItemKind as K;
    match kind {
        CompletionKind::Keyword => K::KEYWORD,
        CompletionKind::Name(kind) => match kind {
            NameKind::Role => K::CLASS,
            NameKind::External => K::INTERFACE,
            NameKind::Fact => K::VARIABLE,
            NameKind::Variant => K::ENUM_MEMBER,
            NameKind::Level => K::CONSTANT,
            NameKind::Trigger => K::EVENT,
            NameKind::Step => K::FUNCTION,
            NameKind::Routine | NameKind::Drill => K::METHOD,
        },
    }
}

/// Completions in the order given (the plan's own order).
pub fn completions(text: &Text, completions: Vec<Completion>) -> Vec<lsp::CompletionItem> {
    completions
        .into_iter()
        .enumerate()
        .map(|(i, c)| lsp::CompletionItem {
            kind: Some(completion_kind(c.kind)),
            detail: c.detail,
            sort_text: Some(format!("{i:04}")),
            filter_text: Some(c.label.clone()),
            text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit::new(
                text.range(c.replace),
                c.insert,
            ))),
            label: c.label,
            ..Default::default()
        })
        .collect()
}

fn symbol_kind(kind: OutlineKind) -> lsp::SymbolKind {
    use lsp::SymbolKind as K;
    match kind {
        OutlineKind::Plan => K::FILE,
        OutlineKind::Section => K::NAMESPACE,
        OutlineKind::Name(kind) => match kind {
            NameKind::Role => K::CLASS,
            NameKind::External => K::INTERFACE,
            NameKind::Fact => K::VARIABLE,
            NameKind::Variant => K::ENUM_MEMBER,
            NameKind::Level => K::CONSTANT,
            NameKind::Trigger => K::EVENT,
            NameKind::Step => K::FUNCTION,
            NameKind::Routine | NameKind::Drill => K::METHOD,
        },
    }
}

/// The outline as LSP document symbols (`lsp::DocumentSymbol`), each
/// converted only as it is written out; sections nest at most
/// `syntax::MAX_SECTION_DEPTH` deep.
pub struct DocumentSymbols<'a> {
    text: &'a Text<'a>,
    outline: &'a [OutlineSymbol<'a>],
}

impl<'a> DocumentSymbols<'a> {
    pub fn new(text: &'a Text<'a>, outline: &'a [OutlineSymbol<'a>]) -> Self {
        DocumentSymbols { text, outline }
    }
}

/// `lsp::DocumentSymbol`, borrowing its words.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DocumentSymbol<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<&'a str>,
    kind: lsp::SymbolKind,
    range: lsp::Range,
    selection_range: lsp::Range,
    #[serde(skip_serializing_if = "Option::is_none")]
    children: Option<DocumentSymbols<'a>>,
}

impl Serialize for DocumentSymbols<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.outline.iter().map(|s| DocumentSymbol {
            name: if s.name.is_empty() {
                "(untitled)"
            } else {
                &s.name
            },
            detail: s.detail.as_deref(),
            kind: symbol_kind(s.kind),
            range: self.text.range(s.span),
            selection_range: self.text.range(s.selection),
            children:
                (!s.children.is_empty()).then(|| DocumentSymbols::new(self.text, &s.children)),
        }))
    }
}

/// The semantic token types, in legend order (`token_type` indexes it).
pub const TOKEN_TYPES: &[SemanticTokenType] = &[
    SemanticTokenType::KEYWORD,
    SemanticTokenType::STRING,
    SemanticTokenType::COMMENT,
    SemanticTokenType::NUMBER,
    SemanticTokenType::OPERATOR,
    SemanticTokenType::CLASS,
    SemanticTokenType::INTERFACE,
    SemanticTokenType::VARIABLE,
    SemanticTokenType::ENUM_MEMBER,
    SemanticTokenType::TYPE,
    SemanticTokenType::EVENT,
    SemanticTokenType::FUNCTION,
    SemanticTokenType::METHOD,
];
pub const TOKEN_MODIFIERS: &[SemanticTokenModifier] = &[SemanticTokenModifier::DECLARATION];

fn token_type(kind: HighlightKind) -> u32 {
    match kind {
        HighlightKind::Keyword => 0,
        HighlightKind::String => 1,
        HighlightKind::Comment => 2,
        HighlightKind::Number => 3,
        HighlightKind::Operator => 4,
        HighlightKind::Name(kind) => match kind {
            NameKind::Role => 5,
            NameKind::External => 6,
            NameKind::Fact => 7,
            NameKind::Variant => 8,
            NameKind::Level => 9,
            NameKind::Trigger => 10,
            NameKind::Step => 11,
            NameKind::Routine | NameKind::Drill => 12,
        },
    }
}

pub fn legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend {
        token_types: TOKEN_TYPES.to_vec(),
        token_modifiers: TOKEN_MODIFIERS.to_vec(),
    }
}

/// Highlights encoded as LSP semantic tokens: relative positions, one token
/// per line (a string spanning lines becomes one token per line).
pub fn semantic_tokens(text: &Text, highlights: &[Highlight]) -> Vec<lsp::SemanticToken> {
    let mut out = Vec::with_capacity(highlights.len());
    let (mut prev_line, mut prev_start) = (0u32, 0u32);
    for h in highlights {
        let modifiers = u32::from(h.definition);
        let mut start = h.span.start();
        while start < h.span.end() {
            let line_end = text.text[start..h.span.end()]
                .find(['\n', '\r'])
                .map_or(h.span.end(), |i| start + i);
            if line_end > start {
                let from = text.index.position(text.text, start);
                let to = text.index.position(text.text, line_end);
                let delta_line = from.line - prev_line;
                let delta_start = if delta_line == 0 {
                    from.character - prev_start
                } else {
                    from.character
                };
                out.push(lsp::SemanticToken {
                    delta_line,
                    delta_start,
                    length: to.character - from.character,
                    token_type: token_type(h.kind),
                    token_modifiers_bitset: modifiers,
                });
                (prev_line, prev_start) = (from.line, from.character);
            }
            // Skip the line break (CRLF is two bytes).
            start = line_end + 1;
            if text.text.as_bytes().get(line_end) == Some(&b'\r')
                && text.text.as_bytes().get(line_end + 1) == Some(&b'\n')
            {
                start += 1;
            }
        }
    }
    out
}
