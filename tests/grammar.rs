//! One grammar is written by hand, `grammar/plan.pest`; build/main.rs derives
//! the keyword rules (from the language table) and the fast rules from it.
//! `tests/syntax_corpus.rs` checks that the fast rules read what the
//! reference rules read.

use std::path::Path;

fn reference() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("grammar/plan.pest");
    std::fs::read_to_string(path).expect("grammar/plan.pest")
}

/// The names of the rules `grammar` defines.
fn rule_names(grammar: &str) -> Vec<&str> {
    grammar
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .filter_map(|l| {
            let (name, rest) = l.split_once('=')?;
            let name = name.trim();
            let is_rule = !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && rest.trim_start().starts_with(['{', '_', '@', '$', '!']);
            is_rule.then_some(name)
        })
        .collect()
}

#[test]
fn the_reference_grammar_is_the_only_one_written_by_hand() {
    let grammar = reference();
    let names = rule_names(&grammar);
    assert!(names.contains(&"step_item"), "rules are found: {names:?}");
    for name in names {
        assert!(
            !name.starts_with("f_") && !name.starts_with("kw_") && name != "keyword",
            "`{name}` is generated (build/main.rs), not written in grammar/plan.pest"
        );
    }
    assert!(grammar.matches("comment_text").count() <= 10);
}
