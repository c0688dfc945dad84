//! A forgiving tokenizer for editor features. The parser gives no tree for an
//! item that does not parse, but completion and highlighting must still work
//! while the author is typing: they read these tokens instead. It never fails
//! and never decides what is valid — that stays with `syntax::parse`.

use crate::syntax::lex;

pub use crate::syntax::lex::{Token, TokenKind};

/// All tokens of `source` (the language's lexer, `syntax::lex`), white space
/// dropped, comments kept.
pub fn tokenize(source: &str) -> Vec<Token> {
    let from = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    lex::tokens(source, from).collect()
}

/// The index of the token that contains `offset` strictly inside it, or that
/// ends exactly at `offset` when it is a name or keyword (the cursor just
/// after a word belongs to that word).
pub fn at(tokens: &[Token], offset: usize) -> Option<usize> {
    let i = tokens.partition_point(|t| t.span.end() < offset);
    let token = tokens.get(i)?;
    let inside = token.span.start() < offset && offset < token.span.end();
    let touches_word =
        token.span.end() == offset && matches!(token.kind, TokenKind::Name | TokenKind::Keyword);
    let starts_word =
        token.span.start() == offset && matches!(token.kind, TokenKind::Name | TokenKind::Keyword);
    if inside || touches_word {
        return Some(i);
    }
    // The cursor just before a word, with nothing word-like ending there.
    if starts_word {
        return Some(i);
    }
    let next = tokens.get(i + 1)?;
    (next.span.start() == offset && matches!(next.kind, TokenKind::Name | TokenKind::Keyword))
        .then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(source: &str) -> Vec<(String, TokenKind)> {
        tokenize(source)
            .into_iter()
            .map(|t| (t.text(source).to_string(), t.kind))
            .collect()
    }

    #[test]
    fn tokens_of_a_step() {
        let source =
            "step 上报 \"立即\\\"通报\" { owner office-1; within 1h30m } # 注释\nvisitors>=50，";
        let got = kinds(source);
        let expected = vec![
            ("step", TokenKind::Keyword),
            ("上报", TokenKind::Name),
            ("\"立即\\\"通报\"", TokenKind::String { closed: true }),
            ("{", TokenKind::Punct('{')),
            ("owner", TokenKind::Keyword),
            ("office-1", TokenKind::Name),
            (";", TokenKind::Punct(';')),
            ("within", TokenKind::Keyword),
            ("1h30m", TokenKind::Number),
            ("}", TokenKind::Punct('}')),
            ("# 注释", TokenKind::Comment),
            ("visitors", TokenKind::Name),
            (">=", TokenKind::Operator),
            ("50", TokenKind::Number),
            ("，", TokenKind::Other('，')),
        ];
        let expected: Vec<(String, TokenKind)> = expected
            .into_iter()
            .map(|(s, k)| (s.to_string(), k))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn an_open_string_runs_to_the_end() {
        assert_eq!(
            kinds("role a \"组长"),
            vec![
                ("role".to_string(), TokenKind::Keyword),
                ("a".to_string(), TokenKind::Name),
                ("\"组长".to_string(), TokenKind::String { closed: false }),
            ]
        );
    }

    #[test]
    fn keywords_need_a_word_boundary() {
        assert_eq!(kinds("owner_x on-call")[0].1, TokenKind::Name);
        assert_eq!(kinds("owner_x on-call")[1].1, TokenKind::Name);
    }

    #[test]
    fn token_at_a_cursor() {
        let source = "owner office";
        let tokens = tokenize(source);
        assert_eq!(at(&tokens, 12), Some(1), "just after a word");
        assert_eq!(at(&tokens, 8), Some(1), "inside a word");
        assert_eq!(at(&tokens, 6), Some(1), "just before a word");
        assert_eq!(at(&tokens, 5), Some(0), "between: the word that ends here");
        assert_eq!(at(&tokens, 0), Some(0));
    }
}
