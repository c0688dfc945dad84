//! `planc fmt`: rewrites a plan in the one canonical layout described in
//! docs/formatting.md, keeping every token, string (exactly as written) and
//! comment. A pure function of the text: the CLI reads and writes the files.
//!
//! Comments are not in the syntax tree, so the formatter works on the file's
//! tokens (`lex`), using the fact that the file parsed to know its structure
//! (`print`). Before it answers, it checks its own work: the result must hold
//! the same tokens and comments in the same order and must parse; if not, the
//! file is refused rather than changed.

mod layout;
mod lex;
mod print;

pub use crate::syntax::paste::{Fix, Fixed, fix_paste_artefacts};
pub use print::{MAX_SECTION_DEPTH, MAX_WIDTH};

use crate::diagnostic::{Code, Diagnostic, Label};
use crate::i18n::{Arg, msg};
use crate::span::Span;
use crate::syntax;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Replace paste artefacts used as syntax by the ASCII meant (`--fix`).
    pub fix: bool,
}

/// A formatted file and the paste artefacts fixed in it (empty without `fix`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formatted {
    pub text: String,
    pub fixes: Vec<Fix>,
}

/// The canonical layout of `source`, or the syntax errors that prevent it.
pub fn format(source: &str) -> Result<String, Vec<Diagnostic>> {
    format_with(source, Options::default()).map(|f| f.text)
}

/// Like `format`; with `options.fix`, paste artefacts and the slips whose
/// fix is mechanical are fixed first and the errors that remain are reported
/// at their place in `source`.
pub fn format_with(source: &str, options: Options) -> Result<Formatted, Vec<Diagnostic>> {
    if !options.fix {
        return layout(source).map(|text| Formatted {
            text,
            fixes: Vec::new(),
        });
    }
    let mut rounds = fix_rounds(source, false);
    let mut laid_out = layout(fixed_text(source, &rounds));
    // A long plan pasted from Word has slips in most lines, and one error per
    // top-level item per round can take more rounds than MAX_FIX_ROUNDS; then
    // its paste artefacts are fixed all at once first. Not always: a slip's
    // own repair keeps what it puts in quotes as typed (`holder 张三（站长）`
    // becomes `"张三（站长）"`), which fixing `（` first would change.
    if laid_out.is_err() {
        let pasted_first = fix_rounds(source, true);
        if let Ok(text) = layout(fixed_text(source, &pasted_first)) {
            rounds = pasted_first;
            laid_out = Ok(text);
        }
    }
    let to_original = |span: Span, rounds: &[Fixed]| {
        rounds
            .iter()
            .rev()
            .fold(span, |span, round| round.original_span(span))
    };
    match laid_out {
        Ok(text) => {
            // Each fix where it is in `source`; a later one over the same
            // text (`，` → `,` → `;`) replaces the earlier.
            let mut fixes: Vec<Fix> = Vec::new();
            for (i, round) in rounds.iter().enumerate() {
                for fix in &round.fixes {
                    let span = to_original(fix.span, &rounds[..i]);
                    fixes.retain(|f| f.span != span);
                    fixes.push(Fix {
                        span,
                        found: source[span.range()].to_string(),
                        ..fix.clone()
                    });
                }
            }
            fixes.sort_by_key(|f| f.span.start());
            Ok(Formatted { text, fixes })
        }
        Err(mut diagnostics) => {
            for d in &mut diagnostics {
                d.primary.span = to_original(d.primary.span, &rounds);
                for label in d.secondary_mut() {
                    label.span = to_original(label.span, &rounds);
                }
            }
            Err(diagnostics)
        }
    }
}

/// The text after the last round of fixes (`source` when there is none).
fn fixed_text<'a>(source: &'a str, rounds: &'a [Fixed]) -> &'a str {
    rounds.last().map_or(source, |r| r.text.as_str())
}

/// At most this many rounds of fixes: an item with several slips needs a
/// round for each (a syntax error hides the rest of its item).
const MAX_FIX_ROUNDS: usize = 200;

/// The rounds of fixes of `source`, each over the text of the one before:
/// (with `paste_first`) the paste artefacts the lexer can see; then the repairs of the syntax errors (a slip or a full-width character each);
/// when none is left, the paste artefacts the errors do not reach (pairs of
/// curly quotes, characters behind another error). Done when neither finds
/// anything.
fn fix_rounds(source: &str, paste_first: bool) -> Vec<Fixed> {
    let mut rounds: Vec<Fixed> = Vec::new();
    if paste_first {
        let first = fix_paste_artefacts(source);
        if !first.fixes.is_empty() {
            rounds.push(first);
        }
    }
    for _ in 0..MAX_FIX_ROUNDS {
        let text = fixed_text(source, &rounds);
        let mut fixes: Vec<Fix> = syntax::parse(text)
            .diagnostics
            .iter()
            .filter_map(|d| d.repair())
            .filter(|repair| repair.certain)
            .filter_map(|repair| as_fix(text, &repair.edits))
            .collect();
        fixes.sort_by_key(|f| f.span.start());
        fixes.dedup_by(|b, a| b.span.start() < a.span.end());
        let fixed = if fixes.is_empty() {
            fix_paste_artefacts(text)
        } else {
            crate::syntax::paste::apply(text, fixes)
        };
        if fixed.fixes.is_empty() {
            break;
        }
        rounds.push(fixed);
    }
    rounds
}

/// A repair's edits as one replacement of the text they span.
fn as_fix(text: &str, edits: &[(Span, String)]) -> Option<Fix> {
    let start = edits.iter().map(|(s, _)| s.start()).min()?;
    let end = edits.iter().map(|(s, _)| s.end()).max()?;
    let mut replacement = String::new();
    let mut copied = start;
    for (span, new) in edits {
        replacement.push_str(text.get(copied..span.start())?);
        replacement.push_str(new);
        copied = span.end();
    }
    replacement.push_str(text.get(copied..end)?);
    let found = text.get(start..end)?;
    // A pasted character keeps saying what it is.
    let mut chars = found.chars();
    let what = match (chars.next(), chars.next()) {
        (Some(c), None) => crate::syntax::ascii_for(c).map(|(_, what)| what),
        _ => None,
    };
    Some(Fix {
        span: Span::new(start, end),
        found: found.to_string(),
        replacement,
        what,
    })
}

fn layout(source: &str) -> Result<String, Vec<Diagnostic>> {
    let parsed = syntax::parse(source);
    if !parsed.diagnostics.is_empty() {
        return Err(parsed.diagnostics);
    }
    let bom = if source.starts_with('\u{FEFF}') {
        "\u{FEFF}"
    } else {
        ""
    };
    let tokens = lex::lex(source, bom.len()).map_err(|at| bug(at, msg!("fmt-bug-character")))?;
    let text = print::print(&tokens).map_err(|failure| match failure {
        print::Failure::Bug(what) => bug(0, what),
        print::Failure::TooDeep(at) => too_deep(at),
    })?;
    let out_tokens = lex::lex(&text, 0).map_err(|at| bug(at, msg!("fmt-bug-read-back")))?;
    if let Some(at) = first_difference(&tokens, &out_tokens) {
        return Err(bug(at, msg!("fmt-bug-token")));
    }
    let mut text = format!("{bom}{text}");
    if uses_crlf(source) {
        text = to_crlf(&text);
    }
    if !syntax::parse(&text).diagnostics.is_empty() {
        return Err(bug(0, msg!("fmt-bug-parse")));
    }
    Ok(text)
}

/// The file's line ends are CRLF when its first one is.
fn uses_crlf(source: &str) -> bool {
    source
        .find('\n')
        .is_some_and(|i| source[..i].ends_with('\r'))
}

/// The line breaks the layout made, as CRLF; each token's text is copied as
/// it is. (No token holds a bare LF here: a one-line string or a comment
/// ends at a line end, and a multi-line string's lines were laid out
/// already, each ending as its file's first line does: its value is the same,
/// as a CRLF reads as LF.)
fn to_crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 32);
    let mut copied = 0;
    for t in crate::syntax::lex::tokens(text, 0) {
        out.push_str(&text[copied..t.span.start()].replace('\n', "\r\n"));
        out.push_str(t.text(text));
        copied = t.span.end();
    }
    out.push_str(&text[copied..].replace('\n', "\r\n"));
    out
}

/// Where (in the original) the formatted tokens first differ from the
/// original ones, if they do. `;` is trivia and the braces of an empty block
/// may be dropped; everything else, comments included, must match in order.
fn first_difference(original: &[lex::Token], formatted: &[lex::Token]) -> Option<usize> {
    fn signature<'a>(tokens: &[lex::Token<'a>]) -> Vec<lex::Token<'a>> {
        let mut out: Vec<lex::Token> = Vec::with_capacity(tokens.len());
        for &t in tokens {
            if t.is_punct("}") && out.last().is_some_and(|l| l.is_punct("{")) {
                out.pop();
            } else {
                out.push(t);
            }
        }
        out
    }
    let a = signature(original);
    let b = signature(formatted);
    // (v1) a multi-line string may move, its value may not
    let same = |x: &lex::Token, y: &lex::Token| {
        x.kind == y.kind
            && (x.text == y.text
                || x.text.starts_with(crate::syntax::lex::TRIPLE)
                    && crate::syntax::lex::multiline_text(x.text)
                        == crate::syntax::lex::multiline_text(y.text))
    };
    let differ = a.iter().zip(&b).position(|(x, y)| !same(x, y));
    match differ {
        Some(i) => Some(a[i].start),
        None if a.len() != b.len() => Some(a.get(b.len()).map_or(0, |t| t.start)),
        None => None,
    }
}

fn too_deep(at: usize) -> Vec<Diagnostic> {
    vec![
        Diagnostic::new(
            Code::SyntaxError,
            msg!("fmt-too-deep", max = print::MAX_SECTION_DEPTH),
            Label::new(
                Span::new(at, at + "section".len()),
                msg!("fmt-too-deep.label"),
            ),
        )
        .with_help(msg!("fmt-too-deep.help")),
    ]
}

/// The formatter failed its own check: the file is refused, not changed.
fn bug(at: usize, what: impl Into<Arg>) -> Vec<Diagnostic> {
    vec![
        Diagnostic::new(
            Code::SyntaxError,
            msg!("fmt-bug", what = what),
            Label::new(Span::new(at, at), msg!("fmt-bug.label")),
        )
        .with_help(msg!("fmt-bug.help")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_files_stay_crlf() {
        let source = "plan \"x\" {\r\n  issuer \"y\"\r\n}\r\n";
        assert_eq!(format(source).unwrap(), source);
    }

    #[test]
    fn a_contextual_keyword_starts_its_own_statement() {
        let source = "plan \"p\" { issuer \"i\" approver \"甲\" }\nrole approver \"批准人\"\n";
        assert_eq!(
            format(source).unwrap(),
            "plan \"p\" {\n  issuer \"i\"\n  approver \"甲\"\n}\n\nrole approver \"批准人\"\n"
        );
    }

    #[test]
    fn a_multi_line_string_of_a_crlf_file_keeps_its_crlf_and_moves_with_its_statement() {
        let source = "plan \"x\" {\r\n      issuer \"\"\"\r\n        第一行\r\n\r\n          第二行\r\n        \"\"\"\r\n}\r\n";
        let want = "plan \"x\" {\r\n  issuer \"\"\"\r\n    第一行\r\n\r\n      第二行\r\n    \"\"\"\r\n}\r\n";
        assert_eq!(format(source).unwrap(), want);
        assert_eq!(format(want).unwrap(), want);
    }

    #[test]
    fn a_bare_lf_inside_a_multi_line_string_of_a_crlf_file_ends_its_line_as_the_file_does() {
        let source = "plan \"x\" {\r\n  issuer \"\"\"\r\n    a\n    b\r\n    \"\"\"\r\n}\r\n";
        let want = "plan \"x\" {\r\n  issuer \"\"\"\r\n    a\r\n    b\r\n    \"\"\"\r\n}\r\n";
        assert_eq!(format(source).unwrap(), want);
        let issuer = |text: &str| {
            let parsed = crate::syntax::parse(text);
            let Some(crate::syntax::ast::Item::Plan(plan)) = parsed.file.items.first() else {
                panic!("{text:?}")
            };
            let crate::syntax::ast::Value::Str(s) = &plan.stmts[0].value else {
                panic!("{text:?}")
            };
            s.value.to_string()
        };
        assert_eq!(issuer(source), "a\nb");
        assert_eq!(issuer(want), "a\nb");
    }

    #[test]
    fn a_comment_keeps_an_ideographic_space_form_feed_or_vertical_tab_at_its_end() {
        for end in ["\u{3000}", "\u{0C}", "\u{0B}"] {
            let source = format!("# 说明{end}\nplan \"x\"\n");
            assert_eq!(format(&source).unwrap(), source, "{end:?}");
        }
        // Trailing spaces and tabs are layout, and go.
        assert_eq!(
            format("# 说明 \t\nplan \"x\"\n").unwrap(),
            "# 说明\nplan \"x\"\n"
        );
    }

    #[test]
    fn a_file_that_does_not_parse_is_refused() {
        let errors = format("role a {").unwrap_err();
        assert_eq!(errors[0].code, Code::SyntaxError);
    }

    #[test]
    fn sections_nested_too_deeply_are_refused() {
        let depth = print::MAX_SECTION_DEPTH + 1;
        let source = format!(
            "{}{}",
            "section \"s\" {\n".repeat(depth),
            "}\n".repeat(depth)
        );
        // the parser recurses too: give it room, as the CLI's main thread has
        let errors = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || format(&source).unwrap_err())
            .unwrap()
            .join()
            .unwrap();
        let expected = format!("sections nest more than {MAX_SECTION_DEPTH} deep");
        let message = errors[0].message.text(crate::lang::Lang::En);
        assert!(message.starts_with(&expected), "{message}");
        let ok = format!(
            "{}{}",
            "section \"s\" {\n".repeat(depth - 1),
            "}\n".repeat(depth - 1)
        );
        let formatted = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || format(&ok))
            .unwrap()
            .join()
            .unwrap();
        assert!(formatted.is_ok());
    }

    #[test]
    fn fix_errors_point_into_the_original() {
        // `，` is fixed; the `@` that remains is reported at its original offset.
        let source = "plan \"x\"\nstep a \"b\" { on t，u @ }\n";
        let errors = format_with(source, Options { fix: true }).unwrap_err();
        let at = errors[0].primary.span.start();
        assert_eq!(&source[at..at + 1], "@");
    }
}
