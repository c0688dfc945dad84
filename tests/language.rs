//! The language table (`src/syntax/language.rs`) is the one list of keywords;
//! the grammar, the reference in docs/language.md and the editor grammar in
//! editors/vscode/ are checked against it here.

use std::collections::BTreeSet;
use std::path::Path;

use planc::syntax::language::{self, Block, ITEMS, Place, STATEMENTS, WORDS};

fn read(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn set<'a>(words: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    words.into_iter().map(str::to_string).collect()
}

/// The body of the grammar rule `name` (after `=`, up to the line that ends it).
fn rule<'g>(grammar: &'g str, name: &str) -> &'g str {
    let start = grammar
        .lines()
        .position(|l| l.split_whitespace().next() == Some(name) && l.contains('='))
        .unwrap_or_else(|| panic!("grammar/plan.pest has no rule `{name}`"));
    let mut depth = 0i32;
    let from = grammar
        .match_indices('\n')
        .nth(start.wrapping_sub(1))
        .map_or(0, |(i, _)| i + 1);
    let text = &grammar[from..];
    let open = text.find('{').expect("a rule body");
    for (i, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[open + 1..open + i];
                }
            }
            _ => {}
        }
    }
    panic!("rule `{name}` does not end")
}

/// The rule names an alternation such as `owner_stmt | on_stmt` chooses among.
fn alternatives(body: &str) -> Vec<String> {
    body.split('|').map(|a| a.trim().to_string()).collect()
}

/// The keyword a `kw_x` rule matches (the keyword rules are generated from
/// the table, build/main.rs).
fn keyword_of(kw_rule: &str) -> String {
    let word = kw_rule.strip_prefix("kw_").expect("a keyword rule first");
    assert!(
        language::keywords().any(|(k, _)| k == word),
        "`{kw_rule}`: no such keyword in the table"
    );
    word.to_string()
}

#[test]
fn the_grammar_allows_in_each_block_the_statements_of_the_table() {
    let grammar = read("grammar/plan.pest");
    for (block, rule_name) in [
        (Block::Plan, "plan_stmt"),
        (Block::Role, "role_stmt"),
        (Block::External, "external_stmt"),
        (Block::Step, "step_stmt"),
        (Block::Routine, "routine_stmt"),
    ] {
        let in_grammar: BTreeSet<String> = alternatives(rule(&grammar, rule_name))
            .iter()
            .map(|stmt| {
                let first = rule(&grammar, stmt).split_whitespace().next().unwrap_or("");
                keyword_of(first)
            })
            .collect();
        let in_table = set(language::statements_of(block).map(|s| s.text));
        assert_eq!(in_grammar, in_table, "{rule_name} against {block:?}");
    }
}

/// Words of a row and whether each is given once.
type Entries = Vec<(String, bool)>;

/// The backticked words of `text`, each with whether a `*` follows it.
fn ticked(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('`') else { break };
        let word = after[..close].split(' ').next().unwrap_or("").to_string();
        rest = &after[close + 1..];
        out.push((word, rest.starts_with('*')));
    }
    out
}

/// The table of the statements each block allows in `doc` (English or
/// Chinese): per block, its row's statements and whether each is given once
/// (not marked `*`).
fn block_rows(doc: &str) -> Vec<(Block, String, Entries)> {
    let mut rows = Vec::new();
    for line in doc.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.split('|').collect();
        let (Some(head), Some(cell)) = (cells.get(1), cells.get(2)) else {
            continue;
        };
        let block = match ticked(head)
            .iter()
            .map(|(w, _)| w.as_str())
            .collect::<Vec<_>>()[..]
        {
            ["plan"] => Block::Plan,
            ["role"] => Block::Role,
            ["external"] => Block::External,
            ["step"] => Block::Step,
            ["routine", "drill"] => Block::Routine,
            _ => continue,
        };
        let entries = ticked(cell)
            .into_iter()
            .map(|(w, star)| (w, !star))
            .collect();
        rows.push((block, line.to_string(), entries));
    }
    assert_eq!(rows.len(), 5, "a row for each block with statements");
    rows
}

#[test]
fn the_syntax_error_pages_list_the_statements_of_each_block() {
    let zh = read("src/i18n/zh/checks/syntax-error.md");
    for (page, doc) in [
        (
            "src/check/rules/syntax_error.rs",
            planc::check::rules::syntax_error::RULE.doc,
        ),
        ("src/i18n/zh/checks/syntax-error.md", zh.as_str()),
    ] {
        for (block, row, entries) in block_rows(doc) {
            let words: Vec<&str> = entries.iter().map(|(w, _)| w.as_str()).collect();
            let in_table: Vec<&str> = language::statements_of(block).map(|s| s.text).collect();
            assert_eq!(words, in_table, "{page}, row {row}");
        }
    }
}

#[test]
fn the_duplicate_definition_pages_list_the_statements_given_once() {
    let zh = read("src/i18n/zh/checks/duplicate-definition.md");
    for (page, doc, (from, to)) in [
        (
            "src/check/rules/duplicate_definition.rs",
            planc::check::rules::duplicate_definition::RULE.doc,
            ("given once —", "— may not"),
        ),
        (
            "src/i18n/zh/checks/duplicate-definition.md",
            zh.as_str(),
            ("只能写一次的语句——", "——\n在同一块"),
        ),
    ] {
        let start = doc.find(from).unwrap_or_else(|| panic!("{page}: `{from}`")) + from.len();
        let end = start
            + doc[start..]
                .find(to)
                .unwrap_or_else(|| panic!("{page}: `{to}`"));
        let listed = set(ticked(&doc[start..end]).iter().map(|(w, _)| w.as_str()));
        let once = set(STATEMENTS.iter().filter(|s| s.once).map(|s| s.text));
        assert_eq!(listed, once, "{page}");
    }
}

#[test]
fn the_reference_lists_the_keywords_and_the_statements_of_each_block() {
    let doc = read("docs/language.md");
    // §1: "Keywords are lowercase, case-sensitive and reserved: `plan issuer …`."
    let start = doc
        .find("Keywords are lowercase, case-sensitive and reserved:")
        .expect("the keyword paragraph");
    let list = doc[start..].split('`').nth(1).expect("the keyword list");
    let reserved = set(language::keywords().filter(|k| k.1).map(|k| k.0));
    assert_eq!(
        set(list.split_whitespace()),
        reserved,
        "docs/language.md §1"
    );

    // §2: `| block | statements it allows |`, `*` marking a repeatable statement.
    for (block, row, in_doc) in block_rows(&doc) {
        let in_table: Vec<(String, bool)> = language::statements_of(block)
            .map(|s| (s.text.to_string(), s.once))
            .collect();
        assert_eq!(in_doc, in_table, "docs/language.md, row {row}");
    }
}

/// Every `(?:a|b|c)` or `(a|b)` group of lowercase words in a pattern.
fn word_groups(pattern: &str) -> Vec<Vec<String>> {
    let mut groups = Vec::new();
    for part in pattern.split('(').skip(1) {
        let inner = part.strip_prefix("?:").unwrap_or(part);
        let Some(end) = inner.find(')') else { continue };
        let words: Vec<String> = inner[..end].split('|').map(str::to_string).collect();
        let is_words = words
            .iter()
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        if is_words {
            groups.push(words);
        }
    }
    groups
}

fn patterns(value: &serde_json::Value, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::Object(map) => {
            let scope = map
                .get("name")
                .and_then(|n| n.as_str())
                .unwrap_or("")
                .to_string();
            for key in ["match", "begin"] {
                if let Some(p) = map.get(key).and_then(|p| p.as_str()) {
                    out.push((scope.clone(), p.to_string()));
                }
            }
            map.values().for_each(|v| patterns(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| patterns(v, out)),
        _ => {}
    }
}

#[test]
fn the_editor_grammar_highlights_exactly_the_keywords() {
    let text = read("editors/vscode/syntaxes/plan.tmLanguage.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let mut found = Vec::new();
    patterns(&json, &mut found);
    let mut all = BTreeSet::new();
    let mut items = None;
    for (scope, pattern) in &found {
        if scope.starts_with("constant.") {
            continue; // duration units
        }
        for group in word_groups(pattern) {
            if scope == "storage.type.plan" {
                items = Some(set(group.iter().map(String::as_str)));
            }
            all.extend(group);
        }
    }
    let keywords = set(language::keywords().map(|k| k.0));
    assert_eq!(
        all, keywords,
        "every keyword, and only keywords, is highlighted"
    );
    // `level` and `text` also stand elsewhere (`trigger … level I`, the
    // statement `text`): they are highlighted as other keywords.
    let items = items.expect("a storage.type list of item keywords");
    assert!(
        items.is_subset(&set(ITEMS.iter().map(|i| i.text))),
        "storage.type holds item keywords only: {items:?}"
    );
}

#[test]
fn statement_words_begin_with_their_keyword() {
    for s in STATEMENTS {
        assert!(s.words.starts_with(s.text), "{:?}", s.keyword);
        assert!(!s.blocks.is_empty(), "{:?} stands in no block", s.keyword);
    }
    for w in WORDS {
        assert!(w.words.starts_with(w.text));
        assert!(w.place != Place::FactType || !w.text.is_empty());
    }
}
