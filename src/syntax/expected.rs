//! pest errors rewritten in words a plan author understands: what was expected
//! (never internal rule names), what was found, and how to fix it.

use pest::error::{Error, ErrorVariant, InputLocation};

use super::language::{self, Block, Place};
use super::lex::{self, TokenKind};
use super::lower::MAX_SECTION_DEPTH;
use super::parser::Rule;
use super::scan;
use super::slips;
use crate::diagnostic::{Code, Diagnostic, Label, Repair};
use crate::i18n::{Arg, Message, msg};
use crate::span::Span;

/// A group of keywords that reads better as one phrase ("a step attribute —
/// owner, on, …"), from the language table: the phrase, its short form for
/// the label, and the keywords it stands for.
struct Group {
    phrase: Message,
    short: Message,
    keywords: Vec<&'static str>,
}

/// The words a block's statements are called by ("a step attribute").
fn attribute_words(block: Block) -> Message {
    match block {
        Block::Plan => msg!("expected-plan-attribute"),
        Block::Role => msg!("expected-role-attribute"),
        Block::External => msg!("expected-external-attribute"),
        Block::Step => msg!("expected-step-attribute"),
        Block::Routine => msg!("expected-routine-attribute"),
        Block::Level => msg!("expected-level-attribute"),
        Block::File | Block::Section => msg!("expected-item"),
    }
}

fn group(what: Message, words: &[&str], keywords: Vec<&'static str>) -> Group {
    let members: Box<[Message]> = words
        .iter()
        .map(|w| msg!("expected-member", word = *w))
        .collect();
    Group {
        phrase: msg!(
            "expected-group",
            what = what.clone(),
            members = Arg::Either(members)
        ),
        short: what,
        keywords,
    }
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
            group(
                attribute_words(b),
                &words,
                statements.iter().map(|s| s.text).collect(),
            )
        })
        .collect();
    let items: Vec<&str> = language::items_in(Block::Section).map(|i| i.text).collect();
    groups.push(group(
        attribute_words(Block::Section),
        &items,
        items.clone(),
    ));
    let types: Vec<_> = language::WORDS
        .iter()
        .filter(|w| w.place == Place::FactType)
        .collect();
    let words: Vec<&str> = types.iter().map(|w| w.words).collect();
    groups.push(group(
        msg!("expected-fact-type"),
        &words,
        types.iter().map(|w| w.text).collect(),
    ));
    groups
}

fn rule_words(rule: Rule) -> Option<Message> {
    Some(match rule {
        Rule::name => msg!("expected-name"),
        Rule::string => msg!("expected-string"),
        Rule::str_close => msg!("expected-closing-quote"),
        Rule::integer => msg!("expected-integer"),
        Rule::date => msg!("expected-date"),
        Rule::duration => msg!("expected-duration"),
        Rule::cmp_op => msg!("expected-comparison"),
        Rule::block_end => msg!("expected-close-brace"),
        Rule::open_brace => msg!("expected-open-brace"),
        Rule::close_paren => msg!("expected-close-paren"),
        Rule::colon => msg!("expected-colon"),
        Rule::EOI => msg!("expected-end-of-file"),
        Rule::kw_plan => msg!("expected-keyword", keyword = "plan"),
        Rule::kw_to => msg!("expected-keyword", keyword = "to"),
        Rule::kw_when => msg!("expected-keyword", keyword = "when"),
        Rule::kw_in => msg!("expected-keyword", keyword = "in"),
        Rule::kw_and => msg!("expected-keyword", keyword = "and"),
        Rule::kw_or => msg!("expected-keyword", keyword = "or"),
        Rule::kw_not => msg!("expected-keyword", keyword = "not"),
        Rule::kw_within => msg!("expected-keyword", keyword = "within"),
        Rule::kw_level | Rule::trigger_level => msg!("expected-keyword", keyword = "level"),
        Rule::condition | Rule::conjunction | Rule::negation | Rule::group => {
            msg!("expected-condition")
        }
        Rule::comparison | Rule::membership => msg!("expected-condition"),
        Rule::variant => msg!("expected-variant"),
        _ => return None,
    })
}

/// The keyword text of a `kw_*` rule, for "did you mean".
pub(super) fn keyword_text(rule: Rule) -> Option<&'static str> {
    let name = format!("{rule:?}");
    let word = name.strip_prefix("kw_")?;
    language::keywords().map(|(k, _)| k).find(|k| *k == word)
}

/// Full-width and look-alike characters pasted from a Chinese input method
/// or Word: the ASCII meant, and what the character is.
pub fn ascii_for(c: char) -> Option<(&'static str, Message)> {
    Some(match c {
        '，' => (",", msg!("char-comma")),
        '；' => (";", msg!("char-semicolon")),
        '：' => (":", msg!("char-colon")),
        '“' | '”' | '＂' => ("\"", msg!("char-quote")),
        '‘' | '’' => ("\"", msg!("char-single-quote")),
        '（' => ("(", msg!("char-paren")),
        '）' => (")", msg!("char-paren")),
        '｛' => ("{", msg!("char-brace")),
        '｝' => ("}", msg!("char-brace")),
        '＝' => ("=", msg!("char-equals")),
        '＞' => (">", msg!("char-greater")),
        '＜' => ("<", msg!("char-less")),
        '≥' => (">=", msg!("char-greater-equal")),
        '≤' => ("<=", msg!("char-less-equal")),
        '≠' => ("!=", msg!("char-not-equal")),
        '、' => (",", msg!("char-enumeration-comma")),
        '\u{00A0}' => (" ", msg!("char-nbsp")),
        '\u{3000}' => (" ", msg!("char-ideographic-space")),
        '\u{2002}'..='\u{200B}' => (" ", msg!("char-special-space")),
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

    // (v1) A `"…"` string left open at the end of its line: at its opening
    // quote; reading goes on at the next item, since it took in nothing more.
    if positives.contains(&Rule::str_close)
        && let Some(&(start, None)) = scan::strings(source, base, at).last()
    {
        let d = Diagnostic::new(
            Code::SyntaxError,
            msg!("syntax-unclosed-string"),
            Label::new(
                Span::new(start, start + 1),
                msg!("syntax-unclosed-string.label"),
            ),
        )
        .with_help(msg!("syntax-unclosed-string.help"));
        return (d, at);
    }
    // (v1) A `"""` string never closed, or with text after its opening quotes.
    if let Some(&(start, end)) = scan::strings(source, base, at.saturating_add(1)).last()
        && source[start..].starts_with(super::lex::TRIPLE)
        && (end.is_none() || positives.contains(&Rule::ml_open))
    {
        let (message, at_end) = match end {
            None => ("syntax-unclosed-multiline", source.len()),
            Some(_) => ("syntax-multiline-open", at),
        };
        let d = if message == "syntax-unclosed-multiline" {
            Diagnostic::new(
                Code::SyntaxError,
                msg!("syntax-unclosed-multiline"),
                Label::new(
                    Span::new(start, start + 3),
                    msg!("syntax-unclosed-multiline.label"),
                ),
            )
            .with_help(msg!("syntax-unclosed-multiline.help"))
        } else {
            Diagnostic::new(
                Code::SyntaxError,
                msg!("syntax-multiline-open"),
                Label::new(
                    Span::new(start + 3, at.max(start + 4)),
                    msg!("syntax-multiline-open.label"),
                ),
            )
            .with_help(msg!("syntax-multiline-open.help"))
        };
        return (d, at_end);
    }

    if std::env::var_os("PLANC_DEBUG_PEST").is_some() {
        eprintln!("pest positives at {at}: {positives:?}");
    }
    // The file ends inside a block: point at the `{` never closed.
    if positives.contains(&Rule::block_end)
        && source[at..].trim().is_empty()
        && let Some(d) = slips::unclosed(source, base)
    {
        return (d, source.len());
    }
    if let Some(d) = slips::recognise(source, base, at, &positives) {
        return (d, at);
    }
    let (found, found_span) = found_token(source, at);
    let (message, label) = match expected_words(&positives) {
        Some((all, short)) => (
            msg!(
                "syntax-expected",
                expected = Arg::Either(all.into()),
                found = found
            ),
            msg!("syntax-expected.label", expected = short),
        ),
        None if matches!(error.variant, ErrorVariant::CustomError { .. }) => {
            return too_deep(source, base, at, found_span);
        }
        None => (
            msg!("syntax-unexpected", found = found),
            msg!("syntax-unexpected.label"),
        ),
    };
    let mut d = Diagnostic::new(Code::SyntaxError, message, Label::new(found_span, label));
    d.help = help(source, at, &positives);
    d.set_repair(repair(source, found_span, d.help.as_ref()));
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
    for t in lex::tokens(source, base).take_while(|t| t.span.start() < at) {
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
            msg!("syntax-sections-too-deep", max = MAX_SECTION_DEPTH),
            Label::new(span, msg!("syntax-sections-too-deep.label")),
        )
        .with_help(msg!("syntax-sections-too-deep.help"));
        return (d, block_end(source, base));
    }
    let d = Diagnostic::new(
        Code::SyntaxError,
        msg!("syntax-too-deep"),
        Label::new(found_span, msg!("syntax-too-deep.label")),
    )
    .with_help(msg!("syntax-too-deep.help"));
    (d, at)
}

/// The end of the `}` that closes the first `{` after `from`, or of the file.
fn block_end(source: &str, from: usize) -> usize {
    let mut depth = 0usize;
    for t in lex::tokens(source, from) {
        match t.kind {
            TokenKind::Punct('{') => depth += 1,
            TokenKind::Punct('}') if depth == 1 => return t.span.end(),
            TokenKind::Punct('}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    source.len()
}

/// The phrases of what was expected, and the label's shorter form of them:
/// a group's short name when one leads, else all of them.
fn expected_words(positives: &[Rule]) -> Option<(Vec<Message>, Arg)> {
    // Each rule and, for a keyword, its text.
    let mut remaining: Vec<(Rule, Option<&str>)> =
        positives.iter().map(|&r| (r, keyword_text(r))).collect();
    let mut phrases: Vec<Message> = Vec::new();
    let mut first_short = None;
    for group in groups() {
        let listed = |k: &&str| remaining.iter().any(|(_, text)| text == &Some(*k));
        if group.keywords.iter().all(listed) {
            remaining.retain(|(_, text)| !text.is_some_and(|t| group.keywords.contains(&t)));
            first_short.get_or_insert(group.short);
            phrases.push(group.phrase);
        }
    }
    for (rule, _) in remaining {
        let words = rule_words(rule)
            .or_else(|| keyword_text(rule).map(|k| msg!("expected-keyword", keyword = k)));
        if let Some(w) = words
            && !phrases.contains(&w)
        {
            phrases.push(w);
        }
    }
    // closing tokens read best last
    phrases.sort_by_key(|p| {
        matches!(
            p.id(),
            "expected-close-brace" | "expected-close-paren" | "expected-end-of-file"
        )
    });
    if phrases.is_empty() {
        return None;
    }
    // Groups come first, so a group's short name leads the label.
    let short = match first_short {
        Some(short) => Arg::from(short),
        None => Arg::Either(phrases.clone().into()),
    };
    Some((phrases, short))
}

/// Describes the token at `at` and its span.
fn found_token(source: &str, at: usize) -> (Message, Span) {
    let rest = &source[at..];
    let Some(c) = rest.chars().next() else {
        return (msg!("found-end-of-file"), Span::new(at, at));
    };
    if let Some(word) = lex::word_at(source, at) {
        let span = Span::new(at, at + word.len());
        return if language::is_keyword(word) {
            (msg!("found-keyword", word = word), span)
        } else {
            (msg!("found-text", text = word), span)
        };
    }
    if c.is_ascii_digit() {
        let len = rest
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .unwrap_or(rest.len());
        return (
            msg!("found-text", text = &rest[..len]),
            Span::new(at, at + len),
        );
    }
    if c == '"' {
        return (msg!("found-string"), Span::new(at, at + 1));
    }
    let span = Span::new(at, at + c.len_utf8());
    match c {
        '\n' | '\r' => (msg!("found-end-of-line"), span),
        c if c.is_control() => (
            msg!("found-character", code = format!("U+{:04X}", c as u32)),
            span,
        ),
        c => (msg!("found-text", text = c.to_string()), span),
    }
}

fn help(source: &str, at: usize, positives: &[Rule]) -> Option<Message> {
    let c = source[at..].chars().next()?;
    if let Some((ascii, what)) = ascii_for(c) {
        return Some(msg!(
            "syntax-full-width",
            char = c.to_string(),
            what = what,
            ascii = ascii
        ));
    }
    let word = lex::word_at(source, at);
    if let Some(word) = word {
        if positives.contains(&Rule::name) && language::is_keyword(word) {
            return Some(msg!("syntax-reserved", word = word));
        }
        // A misspelt keyword: suggest the closest one that fits here.
        let candidates: Vec<&str> = positives.iter().filter_map(|&r| keyword_text(r)).collect();
        if let Some(best) = crate::suggest::closest(word, &candidates) {
            return Some(msg!("did-you-mean", name = best));
        }
        let is_statement = language::is_keyword(word) && !language::is_item_keyword(word);
        if positives.contains(&Rule::kw_role) && is_statement {
            return Some(msg!("syntax-belongs-in-block", word = word));
        }
        if positives.contains(&Rule::block_end) && language::is_item_keyword(word) {
            return Some(msg!("syntax-missing-close-before"));
        }
        if positives.contains(&Rule::kw_text) && !language::is_keyword(word) {
            return Some(msg!("syntax-not-allowed", word = word));
        }
    }
    if positives.contains(&Rule::name) && c == ',' {
        return Some(msg!("syntax-trailing-comma"));
    }
    if positives.contains(&Rule::block_end) && positives.contains(&Rule::EOI) {
        return Some(msg!("syntax-missing-close"));
    }
    if positives == [Rule::EOI] || (positives.contains(&Rule::kw_role) && c == '}') {
        return Some(msg!("syntax-stray-close"));
    }
    if positives.contains(&Rule::duration) && c.is_ascii_digit() {
        return Some(msg!("syntax-duration-form"));
    }
    None
}

/// The mechanical fix a help names: a full-width character replaced by its
/// ASCII (not a quote: its pair is fixed together by `planc fmt --fix`), or
/// the keyword of a "did you mean".
fn repair(source: &str, found: Span, help: Option<&Message>) -> Option<Repair> {
    let help = help?;
    let old = source.get(found.range())?;
    match help.id() {
        "syntax-full-width" => {
            let c = old.chars().next()?;
            let (ascii, what) = ascii_for(c)?;
            if ascii == "\"" {
                return None;
            }
            Some(Repair::replace(
                msg!(
                    "fix-replace-character",
                    char = c.to_string(),
                    what = what,
                    ascii = ascii
                ),
                found,
                ascii,
            ))
        }
        "did-you-mean" => {
            let Some(Arg::Text(meant)) = help.arg("name") else {
                return None;
            };
            Some(Repair {
                certain: false,
                ..Repair::replace(
                    msg!("fix-replace", old = old, new = meant.as_str()),
                    found,
                    meant.as_str(),
                )
            })
        }
        _ => None,
    }
}
