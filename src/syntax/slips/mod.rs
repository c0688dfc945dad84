//! The slips of an author who types with a Chinese input method or pastes
//! from Word, recognised where a syntax error stands: a Chinese keyword
//! (`负责` for `owner`), `：` after a keyword, `，` between statements, a
//! duration or date written the Chinese way, `≥`, text without quotes, `//`
//! for a comment, a `{` never closed. Each is one diagnostic at the slip whose
//! help names the fix and, where the fix is mechanical, a `Repair` (the
//! editor's quick fix, `planc fmt --fix`).

use super::language::{self, ValueKind};
use super::lex::{self, TokenKind};
use super::parser::Rule;
use crate::diagnostic::{Code, Diagnostic, Label, Repair};
use crate::i18n::msg;
use crate::span::Span;

mod values;
use values::{date, duration};

/// The slip at `at`, in the item starting at `base`, where the grammar
/// expected `positives`; `None` when the error is no slip planc knows.
pub(super) fn recognise(
    source: &str,
    base: usize,
    at: usize,
    positives: &[Rule],
) -> Option<Diagnostic> {
    let rest = &source[at..];
    if rest.starts_with("//") || rest.starts_with("／／") {
        return Some(comment(at, if rest.starts_with("//") { 2 } else { 6 }));
    }
    if positives.contains(&Rule::duration)
        && let Some(d) = duration(source, at)
    {
        return Some(d);
    }
    if positives.contains(&Rule::date)
        && let Some(d) = date(source, at)
    {
        return Some(d);
    }
    let c = rest.chars().next()?;
    if let Some(written) = match c {
        '≥' => Some(">="),
        '≤' => Some("<="),
        '≠' => Some("!="),
        _ => None,
    } {
        let span = Span::new(at, at + c.len_utf8());
        let found = c.to_string();
        return Some(replaced(
            span,
            &found,
            written,
            [
                msg!("slip-operator", found = found.as_str(), written = written),
                msg!("slip-operator.label", written = written),
                msg!("slip-operator.help"),
            ],
        ));
    }
    let previous = previous_token(source, base, at);
    if matches!(c, ':' | '：')
        && let Some(keyword) = previous.filter(|t| t.kind == TokenKind::Keyword)
    {
        return Some(colon(source, keyword, at, c));
    }
    if matches!(c, '，' | ',' | '、') && positives.contains(&Rule::block_end) {
        return Some(if in_list(source, base, at) {
            list_comma(at, c)
        } else {
            separator(at, c)
        });
    }
    if positives.contains(&Rule::string)
        && let Some(keyword) = previous.filter(|t| t.kind == TokenKind::Keyword)
    {
        return unquoted(source, keyword.text(source), at);
    }
    chinese_keyword(source, at, positives)
}

/// The significant token before `at` in the item starting at `base`.
fn previous_token(source: &str, base: usize, at: usize) -> Option<lex::Token> {
    lex::tokens(source, base)
        .take_while(|t| t.span.start() < at)
        .filter(|t| t.is_significant())
        .last()
}

/// Whether `at` follows the value of a statement that takes a list
/// (`on a, b`, `basis "…", "…"`, `within 1h for I, II`) or stands in the braces of a list of
/// variants (`one_of { … }`, `in { … }`), where a comma continues the list.
fn in_list(source: &str, base: usize, at: usize) -> bool {
    let mut value = None;
    // For each open `{`: whether it holds variants.
    let mut braces: Vec<bool> = Vec::new();
    let mut last: Option<lex::Token> = None;
    for t in lex::tokens(source, base).take_while(|t| t.span.start() < at) {
        if !t.is_significant() {
            continue;
        }
        match t.kind {
            TokenKind::Punct('{') => braces.push(
                last.is_some_and(|l| l.is_keyword(source, "one_of") || l.is_keyword(source, "in")),
            ),
            TokenKind::Punct('}') => {
                braces.pop();
            }
            _ => {}
        }
        let starts_statement = last
            .is_none_or(|l| matches!(l.kind, TokenKind::Punct('{' | ';')) || t.newlines_before > 0);
        if starts_statement && t.kind == TokenKind::Keyword {
            value = language::statement(t.text(source)).map(|s| s.value);
        } else if value == Some(ValueKind::Deadline) && t.text(source) == "for" {
            // `within 1h for I, II`: the levels a deadline is for.
            value = Some(ValueKind::Names);
        }
        last = Some(t);
    }
    braces.last() == Some(&true) || matches!(value, Some(ValueKind::Names | ValueKind::Strs))
}

fn comment(at: usize, len: usize) -> Diagnostic {
    let span = Span::new(at, at + len);
    replaced(
        span,
        "//",
        "#",
        [
            msg!("slip-comment"),
            msg!("slip-comment.label"),
            msg!("slip-comment.help"),
        ],
    )
}

fn colon(source: &str, keyword: lex::Token, at: usize, c: char) -> Diagnostic {
    let span = Span::new(at, at + c.len_utf8());
    let keyword_text = keyword.text(source);
    let written = language::statement(keyword_text).map_or(keyword_text, |s| s.words);
    let next = lex::tokens(source, span.end())
        .find(|t| t.is_significant())
        .filter(|t| t.newlines_before == 0 && t.span.len() <= 40);
    let example = match next {
        Some(t) => format!("{written} {}", t.text(source)),
        None => written.to_string(),
    };
    // `owner：vice` needs a space where the colon was; `owner： vice` does not.
    let spaced = source[..at].ends_with([' ', '\t'])
        || source[span.end()..].starts_with(|c: char| c.is_whitespace());
    let replacement = if spaced { "" } else { " " };
    Diagnostic::new(
        Code::SyntaxError,
        msg!("slip-colon", char = c.to_string(), keyword = written),
        Label::new(span, msg!("slip-colon.label", char = c.to_string())),
    )
    .with_help(msg!(
        "slip-colon.help",
        char = c.to_string(),
        example = example
    ))
    .with_repair(Repair::replace(
        msg!("fix-delete", old = c.to_string()),
        span,
        replacement,
    ))
}

fn separator(at: usize, c: char) -> Diagnostic {
    let found = c.to_string();
    replaced(
        Span::new(at, at + c.len_utf8()),
        &found,
        ";",
        [
            msg!("slip-separator", char = found.as_str()),
            msg!("slip-separator.label"),
            msg!("slip-separator.help", char = found.as_str()),
        ],
    )
}

/// `on a、b`: names of a list are separated by `,`.
fn list_comma(at: usize, c: char) -> Diagnostic {
    let found = c.to_string();
    replaced(
        Span::new(at, at + c.len_utf8()),
        &found,
        ",",
        [
            msg!("slip-list-comma", char = found.as_str()),
            msg!("slip-list-comma.label"),
            msg!("slip-list-comma.help", char = found.as_str()),
        ],
    )
}

/// Text after a keyword that takes a string, without quotes: `holder 李明`,
/// `phone 13900000000`. The text runs to the end of the statement.
fn unquoted(source: &str, keyword: &str, at: usize) -> Option<Diagnostic> {
    let rest = &source[at..];
    let first = rest.chars().next()?;
    if matches!(first, '"' | '“' | '”' | '＂' | '‘' | '’') || first.is_whitespace() {
        return None;
    }
    let end = rest
        .find(['；', ';', '｝', '}', '#', '\n', '\r'])
        .unwrap_or(rest.len());
    let text = rest[..end].trim_end();
    if text.is_empty() || text.contains(['"', '\\']) {
        return None;
    }
    let span = Span::new(at, at + text.len());
    Some(
        Diagnostic::new(
            Code::SyntaxError,
            msg!("slip-unquoted", text = text),
            Label::new(span, msg!("slip-unquoted.label")),
        )
        .with_help(msg!("slip-unquoted.help", keyword = keyword, text = text))
        .with_repair(Repair {
            title: msg!("fix-quote", text = text),
            edits: vec![
                (Span::new(span.start(), span.start()), "\"".to_string()),
                (Span::new(span.end(), span.end()), "\"".to_string()),
            ],
            certain: true,
        }),
    )
}

/// A Chinese word for a keyword that fits here: `负责` for `owner`.
fn chinese_keyword(source: &str, at: usize, positives: &[Rule]) -> Option<Diagnostic> {
    let word = lex::word_at(source, at)?;
    let fits = |keyword: &str| {
        positives
            .iter()
            .any(|&r| super::expected::keyword_text(r) == Some(keyword))
            || (positives.contains(&Rule::next_item) && language::is_item_keyword(keyword))
    };
    let (_, written) = language::meant_by(word).find(|(text, _)| fits(text))?;
    Some(replaced(
        Span::new(at, at + word.len()),
        word,
        written,
        [
            msg!("slip-keyword", word = word, keyword = written),
            msg!("slip-keyword.label", keyword = written),
            msg!("slip-keyword.help", word = word, keyword = written),
        ],
    ))
}

/// The slip `found` at `span`, to be written `written` (`10分钟` → `10m`),
/// with its message, label and help.
fn replaced(
    span: Span,
    found: &str,
    written: &str,
    [message, label, help]: [crate::i18n::Message; 3],
) -> Diagnostic {
    Diagnostic::new(Code::SyntaxError, message, Label::new(span, label))
        .with_help(help)
        .with_repair(Repair::replace(
            msg!("fix-replace", old = found, new = written),
            span,
            written,
        ))
}

/// The file ends inside a block: label the `{` never closed, with the
/// title of its item (a section's, usually), and where the file ends.
pub(super) fn unclosed(source: &str, base: usize) -> Option<Diagnostic> {
    // Each open `{` with its item's keyword and title, and the tokens since
    // the last `{`, `}` or `;`: the item's head when a `{` comes.
    let mut open: Vec<(Span, Option<&str>, Option<&str>)> = Vec::new();
    let mut head: Vec<lex::Token> = Vec::new();
    let mut last = None;
    for t in lex::tokens(source, base).filter(|t| t.is_significant()) {
        match t.kind {
            TokenKind::Punct('{') => {
                let item = head
                    .iter()
                    .rposition(|k| language::is_item_keyword(k.text(source)));
                let keyword = item.map(|i| head[i].text(source));
                let title = item.and_then(|i| {
                    head[i..]
                        .iter()
                        .find(|k| k.kind == TokenKind::String { closed: true })
                        .and_then(|k| k.text(source).get(1..k.span.len() - 1))
                });
                open.push((t.span, keyword, title));
                head.clear();
            }
            TokenKind::Punct('}') | TokenKind::Punct(';') => {
                if t.kind == TokenKind::Punct('}') {
                    open.pop();
                }
                head.clear();
            }
            _ => head.push(t),
        }
        last = Some(t.span);
    }
    let &(brace, keyword, title) = open.last()?;
    let keyword = keyword.unwrap_or("section");
    let title = title.filter(|t| !t.is_empty()).unwrap_or(keyword);
    let mut d = Diagnostic::new(
        Code::SyntaxError,
        msg!("slip-unclosed", keyword = keyword, title = title),
        Label::new(brace, msg!("slip-unclosed.label")),
    )
    .with_help(msg!("slip-unclosed.help", keyword = keyword, title = title));
    if let Some(end) = last.filter(|&l| l != brace) {
        d = d.with_label(Label::new(end, msg!("slip-unclosed.end")));
    }
    Some(d)
}
