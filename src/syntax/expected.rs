//! pest errors rewritten in words a plan author understands: what was expected
//! (never internal rule names), what was found, and how to fix it.

use pest::error::{Error, ErrorVariant, InputLocation};

use super::language::{self, Block, Place};
use super::lex::{self, TokenKind};
use super::lower::MAX_SECTION_DEPTH;
use super::parser::Rule;
use super::scan;
use crate::diagnostic::{Code, Diagnostic, Label};
use crate::span::Span;

/// A group of keywords that reads better as one phrase ("a step attribute —
/// owner, on, …"), from the language table.
struct Group {
    phrase: String,
    keywords: Vec<&'static str>,
}

/// The groups, tried in order: each block's statements (larger blocks first,
/// so that a block is not taken for a smaller one sharing its keywords), the
/// items that may stand in a section, the fact types.
fn groups() -> Vec<Group> {
    let mut blocks = [
        Block::Plan,
        Block::Role,
        Block::External,
        Block::Step,
        Block::Routine,
    ];
    blocks.sort_by_key(|&b| std::cmp::Reverse(language::statements_of(b).count()));
    let mut groups: Vec<Group> = blocks
        .into_iter()
        .map(|b| {
            let statements: Vec<_> = language::statements_of(b).collect();
            let words: Vec<&str> = statements.iter().map(|s| s.words).collect();
            Group {
                phrase: format!("{} — {}", b.attribute_words(), either(&words)),
                keywords: statements.iter().map(|s| s.text).collect(),
            }
        })
        .collect();
    let items: Vec<&str> = language::items_in(Block::Section).map(|i| i.text).collect();
    groups.push(Group {
        phrase: format!("{} — {}", Block::Section.attribute_words(), either(&items)),
        keywords: items,
    });
    let types: Vec<_> = language::WORDS
        .iter()
        .filter(|w| w.place == Place::FactType)
        .collect();
    let words: Vec<&str> = types.iter().map(|w| w.words).collect();
    groups.push(Group {
        phrase: format!("a fact type — {}", either(&words)),
        keywords: types.iter().map(|w| w.text).collect(),
    });
    groups
}

/// `a, b or c`.
fn either(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

fn rule_words(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::name => "a name",
        Rule::string => "a string in double quotes",
        Rule::str_close => "a closing `\"`",
        Rule::integer => "a whole number",
        Rule::date => "a date such as `2015-09-11`",
        Rule::duration => "a duration such as `10m`, `2h` or `1h30m`",
        Rule::cmp_op => "a comparison (`>=`, `>`, `<=`, `<`, `==`, `!=`)",
        Rule::block_end => "`}`",
        Rule::open_brace => "`{`",
        Rule::close_paren => "`)`",
        Rule::colon => "`:`",
        Rule::EOI => "the end of the file",
        Rule::kw_plan => "`plan`",
        Rule::kw_to => "`to`",
        Rule::kw_when => "`when`",
        Rule::kw_in => "`in`",
        Rule::kw_and => "`and`",
        Rule::kw_or => "`or`",
        Rule::kw_not => "`not`",
        Rule::kw_within => "`within`",
        Rule::kw_level | Rule::trigger_level => "`level`",
        Rule::condition | Rule::conjunction | Rule::negation | Rule::group => "a condition",
        Rule::comparison | Rule::membership => "a condition",
        Rule::variant => "a variant (a name and a label)",
        _ => return None,
    })
}

/// The keyword text of a `kw_*` rule, for "did you mean".
fn keyword_text(rule: Rule) -> Option<&'static str> {
    let name = format!("{rule:?}");
    let word = name.strip_prefix("kw_")?;
    language::keywords().map(|(k, _)| k).find(|k| *k == word)
}

/// Full-width and look-alike characters pasted from a Chinese input method or Word.
pub fn ascii_for(c: char) -> Option<(&'static str, &'static str)> {
    Some(match c {
        '，' => (",", "a full-width comma"),
        '；' => (";", "a full-width semicolon"),
        '：' => (":", "a full-width colon"),
        '“' | '”' | '＂' => ("\"", "a curly or full-width quote"),
        '‘' | '’' => ("\"", "a curly single quote"),
        '（' => ("(", "a full-width parenthesis"),
        '）' => (")", "a full-width parenthesis"),
        '｛' => ("{", "a full-width brace"),
        '｝' => ("}", "a full-width brace"),
        '＝' => ("=", "a full-width equals sign"),
        '＞' => (">", "a full-width greater-than sign"),
        '＜' => ("<", "a full-width less-than sign"),
        '\u{00A0}' => (" ", "a non-breaking space (U+00A0)"),
        '\u{3000}' => (" ", "an ideographic space (U+3000)"),
        '\u{2002}'..='\u{200B}' => (" ", "a special-width space"),
        _ => return None,
    })
}

/// Turns a pest error for the slice starting at `base` into a diagnostic; also
/// returns the absolute offset of the error.
pub fn describe(error: &Error<Rule>, source: &str, base: usize) -> (Diagnostic, usize) {
    let at = base
        + match error.location {
            InputLocation::Pos(p) => p,
            InputLocation::Span((s, _)) => s,
        };
    let at = crate::span::floor_char_boundary(source, at.min(source.len()));
    let positives: Vec<Rule> = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };

    // A string left open swallows the rest of the file: point at its start.
    if positives.contains(&Rule::str_close)
        && let Some(&(start, None)) = scan::strings(source, base, at).last()
    {
        let d = Diagnostic::new(
            Code::SyntaxError,
            "this string is never closed",
            Label::new(Span::new(start, start + 1), "the string starts here"),
        )
        .with_help("add the closing `\"`; strings may span lines, so one missing quote takes in the rest of the file");
        return (d, source.len());
    }

    if std::env::var_os("PLANC_DEBUG_PEST").is_some() {
        eprintln!("pest positives at {at}: {positives:?}");
    }
    let (found, found_span) = found_token(source, at);
    let expected = expected_words(&positives);
    let message = match &expected {
        Some(words) => format!("expected {words}, found {found}"),
        None if matches!(error.variant, ErrorVariant::CustomError { .. }) => {
            return too_deep(source, base, at, found_span);
        }
        None => format!("unexpected {found}"),
    };
    let label = match &expected {
        Some(words) => format!("expected {}", short(words)),
        None => "not expected here".to_string(),
    };
    let mut d = Diagnostic::new(Code::SyntaxError, message, Label::new(found_span, label));
    d.help = help(source, at, &positives);
    (d, at)
}

/// pest gave up on nesting (its recursion guard): say what nests at `at` in
/// the item starting at `base` — sections, or a condition's parentheses —
/// and where to resume: after the item's sections, so that one slip gives
/// one diagnostic.
fn too_deep(source: &str, base: usize, at: usize, found_span: Span) -> (Diagnostic, usize) {
    // Open blocks (whether each is a section, and its title) and parentheses.
    let mut blocks: Vec<Option<Span>> = Vec::new();
    let mut parens = 0usize;
    let mut last: [Option<lex::Token>; 2] = [None, None];
    for t in lex::tokens(source, base).take_while(|t| t.span.start < at) {
        match t.kind {
            TokenKind::Punct('{') => blocks.push(match last {
                [Some(k), Some(title)]
                    if k.is_keyword(source, "section")
                        && matches!(title.kind, TokenKind::String { .. }) =>
                {
                    Some(title.span)
                }
                _ => None,
            }),
            TokenKind::Punct('}') => {
                blocks.pop();
            }
            TokenKind::Punct('(') => parens += 1,
            TokenKind::Punct(')') => parens = parens.saturating_sub(1),
            TokenKind::Comment => continue,
            _ => {}
        }
        last = [last[1], Some(t)];
    }
    let sections: Vec<Span> = blocks.into_iter().flatten().collect();
    if sections.len() > parens {
        let span = sections
            .get(MAX_SECTION_DEPTH)
            .copied()
            .unwrap_or(found_span);
        let d = Diagnostic::new(
            Code::SyntaxError,
            format!("sections nest more than {MAX_SECTION_DEPTH} deep"),
            Label::new(span, "nested too deeply"),
        )
        .with_help(
            "flatten the document structure: a plan rarely needs more than three levels of headings",
        );
        return (d, block_end(source, base));
    }
    let d = Diagnostic::new(
        Code::SyntaxError,
        "this item nests too deeply for planc to read (parentheses or `not` in a condition)",
        Label::new(found_span, "nesting too deep from here"),
    )
    .with_help("split the condition into several triggers and name them in one another");
    (d, at)
}

/// The end of the `}` that closes the first `{` after `from`, or of the file.
fn block_end(source: &str, from: usize) -> usize {
    let mut depth = 0usize;
    for t in lex::tokens(source, from) {
        match t.kind {
            TokenKind::Punct('{') => depth += 1,
            TokenKind::Punct('}') if depth == 1 => return t.span.end,
            TokenKind::Punct('}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    source.len()
}

/// The short form of an expected-phrase for a label: up to the dash.
fn short(words: &str) -> &str {
    words.split(" — ").next().unwrap_or(words)
}

fn expected_words(positives: &[Rule]) -> Option<String> {
    // Each rule and, for a keyword, its text.
    let mut remaining: Vec<(Rule, Option<&str>)> =
        positives.iter().map(|&r| (r, keyword_text(r))).collect();
    let mut phrases: Vec<String> = Vec::new();
    for group in groups() {
        let listed = |k: &&str| remaining.iter().any(|(_, text)| text == &Some(*k));
        if group.keywords.iter().all(listed) {
            remaining.retain(|(_, text)| !text.is_some_and(|t| group.keywords.contains(&t)));
            phrases.push(group.phrase);
        }
    }
    for (rule, _) in remaining {
        let words = rule_words(rule)
            .map(str::to_string)
            .or_else(|| keyword_text(rule).map(|k| format!("`{k}`")));
        if let Some(w) = words
            && !phrases.contains(&w)
        {
            phrases.push(w);
        }
    }
    // closing tokens read best last
    phrases.sort_by_key(|p| matches!(p.as_str(), "`}`" | "`)`" | "the end of the file"));
    let mut out = String::new();
    for (i, phrase) in phrases.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == phrases.len() { " or " } else { ", " });
        }
        out.push_str(phrase);
        // close a dashed list unless it ends the phrase
        if phrase.contains(" — ") && i + 1 < phrases.len() {
            out.push_str(" —");
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Describes the token at `at` and its span.
fn found_token(source: &str, at: usize) -> (String, Span) {
    let rest = &source[at..];
    let Some(c) = rest.chars().next() else {
        return ("the end of the file".into(), Span::new(at, at));
    };
    if let Some(word) = lex::word_at(source, at) {
        let span = Span::new(at, at + word.len());
        return if language::is_keyword(word) {
            (format!("the keyword `{word}`"), span)
        } else {
            (format!("`{word}`"), span)
        };
    }
    if c.is_ascii_digit() {
        let len = rest
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .unwrap_or(rest.len());
        return (format!("`{}`", &rest[..len]), Span::new(at, at + len));
    }
    if c == '"' {
        return ("a string".into(), Span::new(at, at + 1));
    }
    let span = Span::new(at, at + c.len_utf8());
    match c {
        '\n' | '\r' => ("the end of the line".into(), span),
        c if c.is_control() => (format!("the character U+{:04X}", c as u32), span),
        c => (format!("`{c}`"), span),
    }
}

fn help(source: &str, at: usize, positives: &[Rule]) -> Option<String> {
    let c = source[at..].chars().next()?;
    if let Some((ascii, what)) = ascii_for(c) {
        return Some(format!(
            "`{c}` is {what}, not part of the syntax; type the ASCII `{ascii}` instead"
        ));
    }
    let word = lex::word_at(source, at);
    if let Some(word) = word {
        if positives.contains(&Rule::name) && language::is_keyword(word) {
            return Some(format!(
                "`{word}` is a reserved keyword and cannot be a name; choose another name, such as `{word}_1` or a Chinese name"
            ));
        }
        // A misspelt keyword: suggest the closest one that fits here.
        let candidates: Vec<&str> = positives.iter().filter_map(|&r| keyword_text(r)).collect();
        if let Some(meant) = language::alias_of(word)
            && candidates.contains(&meant)
        {
            return Some(format!("did you mean `{meant}`?"));
        }
        if let Some(best) = crate::suggest::closest(word, &candidates) {
            return Some(format!("did you mean `{best}`?"));
        }
        let is_statement = language::is_keyword(word) && !language::is_item_keyword(word);
        if positives.contains(&Rule::kw_role) && is_statement {
            return Some(format!(
                "`{word}` belongs inside a block; is the `{{` missing after the item above?"
            ));
        }
        if positives.contains(&Rule::block_end) && language::is_item_keyword(word) {
            return Some(
                "a `}` is probably missing before this line, to close the block above".into(),
            );
        }
        if positives.contains(&Rule::kw_text) && !language::is_keyword(word) {
            return Some(format!(
                "`{word}` is not a statement this block allows; see `planc explain syntax-error` for the statements of each block"
            ));
        }
    }
    if positives.contains(&Rule::name) && c == ',' {
        return Some("lists take no trailing comma".into());
    }
    if positives.contains(&Rule::block_end) && positives.contains(&Rule::EOI) {
        return Some("a `}` is missing".into());
    }
    if positives == [Rule::EOI] || (positives.contains(&Rule::kw_role) && c == '}') {
        return Some("this `}` closes no block; remove it".into());
    }
    if positives.contains(&Rule::duration) && c.is_ascii_digit() {
        return Some("a duration is a number and a unit without a space: `10m`, `2h`, `1h30m`, `1d`, `2w`, `6mo`, `1y`".into());
    }
    None
}
