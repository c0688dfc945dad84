//! Inline suppressions: `# planc: allow(CODE, ...) — reason` on the line (or
//! the run of comment lines) directly above an item silences those codes for
//! every diagnostic whose primary span lies inside that item.
//!
//! A suppression must give a reason. One that names an unknown code, has no
//! reason, is not directly above an item, or silences nothing is reported as
//! `unused-suppression`. Comments are not in the syntax tree, so directives
//! are found by scanning the text.

use crate::check::rules::unused_suppression::RULE as UNUSED_SUPPRESSION;
use crate::config::{Config, find_code};
use crate::diagnostic::{Code, Findings, Label};
use crate::i18n::{Message, msg};
use crate::span::Span;
use crate::syntax::ast::{File, Item};

/// The marker that makes a comment a planc directive.
const MARKER: &str = "planc:";

/// One `# planc: allow(...)` comment, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The whole comment, `#` included.
    pub span: Span,
    /// The codes it names that planc knows, each with its span.
    pub codes: Vec<(Code, Span)>,
    /// The reason after the parentheses, `None` when missing.
    pub reason: Option<String>,
    /// The item it stands above, `None` when it stands above no item.
    pub target: Option<Span>,
}

/// A comment that starts with `planc:` but cannot be read as a directive, or
/// names a code planc does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub span: Span,
    pub message: Message,
    pub label: Message,
    pub help: Message,
}

/// A file's directive comments, and the malformed ones.
pub type Suppressions = (Vec<Suppression>, Vec<Malformed>);

/// Every directive comment of `source`, with the item each stands above.
pub fn find(source: &str, file: &File) -> Suppressions {
    let mut item_starts = Vec::new();
    outermost_items(&file.items, &mut item_starts);
    let mut suppressions = Vec::new();
    let mut malformed = Vec::new();
    for comment in comments(source) {
        let body = source[comment.start() + 1..comment.end()].trim_start();
        let Some(rest) = body.strip_prefix(MARKER) else {
            continue;
        };
        let rest_at = comment.end() - rest.len();
        match parse_allow(rest, rest_at, &mut malformed) {
            Some((codes, reason)) => suppressions.push(Suppression {
                span: comment,
                codes,
                reason,
                target: target(source, comment, &item_starts),
            }),
            None => malformed.push(Malformed {
                span: comment,
                message: msg!("suppression-unreadable"),
                label: msg!("suppression-unreadable.label"),
                help: msg!("suppression-unreadable.help"),
            }),
        }
    }
    (suppressions, malformed)
}

/// Removes the diagnostics that suppressions silence and adds an
/// `unused-suppression` diagnostic for each that silences nothing. Suppressions
/// of codes that are off under `config` are not reported: they may matter
/// under another configuration.
/// `found` is what `find` returned for the file.
pub fn apply(
    found: (Vec<Suppression>, Vec<Malformed>),
    mut diagnostics: Findings,
    config: &Config,
    is_on: impl Fn(Code, &Config) -> bool,
) -> Findings {
    let (suppressions, malformed) = found;
    if suppressions.is_empty() && malformed.is_empty() {
        // Nothing to silence or report: no index of the diagnostics (on a
        // plan of hundreds of thousands of findings it was 8 bytes each).
        return diagnostics;
    }
    // The diagnostics by where they start, so that each suppression visits
    // only those inside its item (one pass per suppression would be
    // quadratic: a plan of 100,000 roles, each with its own suppression).
    let at = |i: usize| {
        diagnostics
            .code_and_span(i)
            .unwrap_or((Code::SyntaxError, Span::new(0, 0)))
    };
    let mut by_start: Vec<usize> = (0..diagnostics.len()).collect();
    by_start.sort_by_key(|&i| at(i).1.start());
    let mut silenced = vec![false; diagnostics.len()];
    let mut findings = Vec::new();
    for m in malformed {
        findings.push(
            UNUSED_SUPPRESSION
                .diagnostic(m.message, Label::new(m.span, m.label))
                .with_help(m.help),
        );
    }
    for s in &suppressions {
        let Some(target) = s.target else {
            findings.push(
                UNUSED_SUPPRESSION
                    .diagnostic(
                        msg!("suppression-no-target"),
                        Label::new(s.span, msg!("suppression-no-target.label")),
                    )
                    .with_help(msg!("suppression-no-target.help")),
            );
            continue;
        };
        if s.reason.is_none() {
            findings.push(
                UNUSED_SUPPRESSION
                    .diagnostic(
                        msg!("suppression-no-reason"),
                        Label::new(s.span, msg!("suppression-no-reason.label")),
                    )
                    .with_help(msg!("suppression-no-reason.help")),
            );
            continue;
        }
        // A code silences the diagnostics of that code in the item that no
        // earlier suppression (or earlier mention of the code) has silenced.
        let mut used = vec![false; s.codes.len()];
        let mut first_mention = std::collections::HashMap::new();
        for (k, &(code, _)) in s.codes.iter().enumerate().rev() {
            first_mention.insert(code, k);
        }
        let first = by_start.partition_point(|&i| at(i).1.start() < target.start());
        for &i in &by_start[first..] {
            let (code, span) = at(i);
            if !inside(span.start(), target) {
                break;
            }
            if silenced[i] {
                continue;
            }
            if let Some(&k) = first_mention.get(&code) {
                silenced[i] = true;
                used[k] = true;
            }
        }
        for (&(code, code_span), used) in s.codes.iter().zip(used) {
            if !used && is_on(code, config) {
                findings.push(
                    UNUSED_SUPPRESSION
                        .diagnostic(
                            msg!("suppression-unused", code = code.as_str()),
                            Label::new(code_span, msg!("suppression-unused.label")),
                        )
                        .with_help(msg!("suppression-unused.help")),
                );
            }
        }
    }
    // In place: the diagnostics are never all copied.
    diagnostics.retain_indices(|i| !silenced[i]);
    diagnostics.extend(findings);
    diagnostics
}

fn inside(offset: usize, span: Span) -> bool {
    span.start() <= offset && offset < span.end().max(span.start() + 1)
}

/// The codes (with their spans) and the reason of an `allow(...)`.
type Allow = (Vec<(Code, Span)>, Option<String>);

/// Parses `allow(a, b) reason` after the marker. `None` when it is not of
/// that form; unknown codes are reported into `malformed` and left out.
fn parse_allow(rest: &str, at: usize, malformed: &mut Vec<Malformed>) -> Option<Allow> {
    let trimmed = rest.trim_start();
    let mut at = at + (rest.len() - trimmed.len());
    let after_allow = trimmed.strip_prefix("allow")?.trim_start();
    let inner_and_rest = after_allow.strip_prefix('(')?;
    at += trimmed.len() - inner_and_rest.len();
    let close = inner_and_rest.find(')')?;
    let mut codes = Vec::new();
    let mut offset = at;
    for part in inner_and_rest[..close].split(',') {
        let name = part.trim();
        let start = offset + (part.len() - part.trim_start().len());
        offset += part.len() + 1;
        if name.is_empty() {
            return None;
        }
        let span = Span::new(start, start + name.len());
        match find_code(name) {
            Ok(code) => codes.push((code, span)),
            Err(close) => malformed.push(Malformed {
                span,
                message: msg!("suppression-unknown-code", name = name),
                label: msg!("suppression-unknown-code.label"),
                help: match close.first() {
                    Some(c) => msg!("did-you-mean", name = c.as_str()),
                    None => msg!("suppression-unknown-code.help"),
                },
            }),
        }
    }
    let reason = inner_and_rest[close + 1..]
        .trim_start_matches(|c: char| c.is_whitespace() || "—–-:：,，;；".contains(c))
        .trim_end();
    let reason = (!reason.is_empty()).then(|| reason.to_string());
    Some((codes, reason))
}

/// The spans of items, outermost first: a section and then the items inside.
fn outermost_items(items: &crate::syntax::ast::Items, out: &mut Vec<Span>) {
    // Sections nest, but the tree is built from the file's text by a parser
    // that itself limits nothing; walk with an explicit stack, not recursion.
    let mut stack: Vec<&Item> = items.iter().rev().collect();
    while let Some(item) = stack.pop() {
        out.push(item.span());
        if let Item::Section(section) = item {
            stack.extend(section.items.iter().rev());
        }
    }
    out.sort_by_key(|s| (s.start(), std::cmp::Reverse(s.end())));
}

/// The item that starts on the first line after `comment` that is neither
/// blank nor only a comment — if that line follows without a blank line.
fn target(source: &str, comment: Span, item_starts: &[Span]) -> Option<Span> {
    let line_start = source[..comment.start()].rfind('\n').map_or(0, |i| i + 1);
    // A comment after code on its line is not a suppression of the next item.
    let before = source[line_start..comment.start()].trim_start_matches('\u{FEFF}');
    if !before.trim().is_empty() {
        return None;
    }
    let mut pos = source[comment.end()..]
        .find('\n')
        .map(|i| comment.end() + i + 1)?;
    loop {
        let line_end = source[pos..].find('\n').map_or(source.len(), |i| pos + i);
        let line = &source[pos..line_end];
        let text = line.trim_start();
        if text.trim_end().is_empty() {
            return None;
        }
        if text.starts_with('#') {
            pos = line_end.checked_add(1).filter(|&p| p <= source.len())?;
            continue;
        }
        let first_token = pos + (line.len() - text.len());
        let index = item_starts.partition_point(|s| s.start() < first_token);
        return item_starts
            .get(index)
            .copied()
            .filter(|s| s.start() == first_token);
    }
}

/// The `#` comments of `source` (outside strings), each from `#` to the end of its line.
pub fn comments(source: &str) -> Vec<Span> {
    crate::syntax::lex::comments(source).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::syntax;

    fn suppressions(source: &str) -> (Vec<Suppression>, Vec<Malformed>) {
        let parsed = syntax::parse(source);
        find(source, &parsed.file)
    }

    #[test]
    fn comments_skip_strings_and_escapes() {
        let source = "text \"a # \\\" b\" # real\r\n# two";
        let found: Vec<&str> = comments(source)
            .iter()
            .map(|s| &source[s.range()])
            .collect();
        assert_eq!(found, ["# real", "# two"]);
    }

    #[test]
    fn reads_codes_reason_and_target() {
        let source = "plan \"p\" {}\n# planc: allow(missing-owner, wrong-kind) — 由上级指定\nstep s \"x\" { on t }\n";
        let (found, malformed) = suppressions(source);
        assert!(malformed.is_empty());
        assert_eq!(found.len(), 1);
        let s = &found[0];
        assert_eq!(
            s.codes
                .iter()
                .map(|(c, sp)| (*c, &source[sp.range()]))
                .collect::<Vec<_>>(),
            [
                (Code::MissingOwner, "missing-owner"),
                (Code::WrongKind, "wrong-kind")
            ]
        );
        assert_eq!(s.reason.as_deref(), Some("由上级指定"));
        let target = s.target.unwrap();
        assert!(source[target.range()].starts_with("step s"));
    }

    #[test]
    fn stacked_comments_reach_the_item_but_a_blank_line_does_not() {
        let source = "# planc: allow(no-drill) -- a\n# note\n\nplan \"p\" {}\n# planc: allow(no-drill): b\n  # more\nplan \"q\" {}\n";
        let (found, _) = suppressions(source);
        assert_eq!(found[0].target, None);
        assert_eq!(found[1].reason.as_deref(), Some("b"));
        assert!(found[1].target.is_some());
    }

    #[test]
    fn missing_reason_unknown_code_and_garbage() {
        let source = "# planc: allow(missing-owner)\nplan \"p\" {}\n# planc: allow(missing-ownr) x\n# planc: deny(x)\n# planc: allow() x\n";
        let (found, malformed) = suppressions(source);
        assert_eq!(found[0].reason, None);
        assert_eq!(found[1].codes, []);
        let messages: Vec<String> = malformed.iter().map(|m| m.help.text(Lang::En)).collect();
        assert_eq!(messages[0], "did you mean `missing-owner`?");
        assert_eq!(malformed.len(), 3);
    }

    #[test]
    fn a_byte_order_mark_does_not_count_as_code() {
        let source = "\u{FEFF}# planc: allow(no-drill) x\r\nplan \"p\" {}\r\n";
        assert!(suppressions(source).0[0].target.is_some());
    }

    #[test]
    fn a_comment_after_code_is_not_above_an_item() {
        let source = "plan \"p\" {} # planc: allow(no-drill) x\nrole r \"r\"\n";
        let (found, _) = suppressions(source);
        assert_eq!(found[0].target, None);
    }
}
