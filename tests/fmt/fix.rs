//! `--fix`: paste artefacts used as syntax become ASCII; strings and comments are untouched.

use planc::fmt::{Options, format_with};

fn fix(source: &str) -> (String, Vec<String>) {
    let f = format_with(source, Options { fix: true }).unwrap_or_else(|e| panic!("{e:?}"));
    let fixes = f
        .fixes
        .iter()
        .map(|x| {
            format!(
                "{}..{} {} -> {}",
                x.span.start(),
                x.span.end(),
                x.found,
                x.replacement
            )
        })
        .collect();
    (f.text, fixes)
}

#[test]
fn the_paste_artefacts_of_the_syntax_error_fixture_are_fixed() {
    let source = "step report “通报” ｛ owner office； on a，b\u{3000}within 10m ｝ # 注：“好”；\n";
    let (text, fixes) = fix(source);
    assert_eq!(
        text,
        "step report \"通报\" {\n  owner office\n  on a, b\n  within 10m\n}  # 注：“好”；\n"
    );
    assert_eq!(fixes.len(), 7, "{fixes:?}");
    // without --fix the same file is refused, at its first paste artefact
    let refused: Vec<(usize, String, String)> = planc::fmt::format(source)
        .unwrap_err()
        .into_iter()
        .map(|d| {
            let message = d.message.text(planc::lang::Lang::En);
            (d.primary.span.start(), d.code.to_string(), message)
        })
        .collect();
    assert_eq!(
        refused,
        [(
            12,
            "syntax-error".to_string(),
            "expected a string in double quotes, found `“`".to_string()
        )]
    );
}

#[test]
fn strings_keep_their_full_width_text() {
    let source = "text \"确保“零上访”，目标；\"\n";
    let (text, fixes) = fix(source);
    assert_eq!(text, source);
    assert!(fixes.is_empty());
}

#[test]
fn a_nested_curly_quote_is_not_guessed() {
    let errors = format_with("text “他说“好”了”\n", Options { fix: true }).unwrap_err();
    assert_eq!(errors[0].code, planc::diagnostic::Code::SyntaxError);
}

#[test]
fn full_width_comparison_and_parentheses() {
    let (text, _) = fix("trigger t \"T\" when （v ＞＝ 5）");
    assert_eq!(text, "trigger t \"T\" when (v >= 5)\n");
}
