//! The message files are complete: they parse, both languages define the
//! same ids with the same placeholders, every id the code names is defined,
//! and every definition is used.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::{FILES, Message, msg};
use crate::lang::Lang;

/// Every id (`message` or `message.attribute`) of a language, with the
/// placeholders its text uses.
fn definitions(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (_, file, text) in FILES.iter().filter(|(l, ..)| *l == lang) {
        let resource = match fluent_syntax::parser::parse(*text) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{file} does not parse: {errors:?}"),
        };
        for entry in resource.body {
            match entry {
                Entry::Message(m) => {
                    let id = m.id.name.to_string();
                    if let Some(value) = &m.value {
                        let fresh = out.insert(id.clone(), variables(value)).is_none();
                        assert!(fresh, "{file}: `{id}` is defined twice");
                    }
                    for a in &m.attributes {
                        out.insert(format!("{id}.{}", a.id.name), variables(&a.value));
                    }
                }
                Entry::Term(t) => panic!("{file}: use messages, not terms (`-{}`)", t.id.name),
                Entry::Junk { content } => panic!("{file}: cannot read {content:?}"),
                _ => {}
            }
        }
    }
    out
}

fn variables(pattern: &Pattern<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, &mut out);
        }
    }
    out
}

fn expression_variables(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_variables(i, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                out.extend(variables(&v.value));
            }
        }
    }
}

fn inline_variables(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
        }
        // Each message is parsed alone when first shown (`store.rs`).
        InlineExpression::MessageReference { id, .. } => {
            panic!(
                "`{}` is named inside another message: write its words out",
                id.name
            )
        }
        _ => {}
    }
}

/// The ids named in the source as `msg!("…"` or `Message::new("…"`.
fn ids_in_code() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut folders = vec![root];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("i18n/tests.rs")
            {
                let text = std::fs::read_to_string(&path).expect("source");
                for opener in ["msg!(", "Message::new("] {
                    for (at, _) in text.match_indices(opener) {
                        let rest = text[at + opener.len()..].trim_start();
                        let Some(rest) = rest.strip_prefix('"') else {
                            continue;
                        };
                        let id = &rest[..rest.find('"').unwrap_or(0)];
                        if !id.is_empty() {
                            out.insert(id.to_string(), path.display().to_string());
                        }
                    }
                }
            }
        }
    }
    out
}

#[test]
fn both_languages_define_the_same_messages_with_the_same_placeholders() {
    let zh = definitions(Lang::Zh);
    let en = definitions(Lang::En);
    let mut problems = Vec::new();
    for id in en.keys().filter(|id| !zh.contains_key(*id)) {
        problems.push(format!("`{id}` has no Chinese text (zh/*.ftl)"));
    }
    for id in zh.keys().filter(|id| !en.contains_key(*id)) {
        problems.push(format!("`{id}` has no English text (en/*.ftl)"));
    }
    for (id, vars) in &en {
        if let Some(zh_vars) = zh.get(id)
            && zh_vars != vars
        {
            problems.push(format!(
                "`{id}`: English uses {vars:?}, Chinese {zh_vars:?}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_id_the_code_names_is_defined_and_every_definition_used() {
    let en = definitions(Lang::En);
    let used = ids_in_code();
    let mut problems = Vec::new();
    for (id, file) in &used {
        if !en.contains_key(id) {
            problems.push(format!("{file}: `{id}` is in no message file"));
        }
    }
    for id in en.keys().filter(|id| !used.contains_key(*id)) {
        problems.push(format!("`{id}` is defined but no code uses it"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn messages_format_in_both_languages() {
    let m = msg!(
        "span-of-control",
        count = 8u64,
        role = "leader",
        limit = 7u64,
        roles = super::Arg::names(["a", "b", "c"], 2)
    );
    assert_eq!(
        m.text(Lang::En),
        "8 roles escalate directly to `leader`, more than 7: `a`, `b`, and 1 more"
    );
    assert_eq!(
        m.text(Lang::Zh),
        "有 8 个角色直接升级到 `leader`，超过了 7 个：`a`、`b` 以及另外 1 个"
    );
    let one = msg!("unassigned-role", role = "office", count = 1u64);
    assert_eq!(
        one.text(Lang::En),
        "role `office` owns a step but no one is named to hold it"
    );
    let path = msg!(
        "step-cycle",
        path = super::Arg::path(["a", "b", "c", "d", "e", "a"], 4)
    );
    assert_eq!(
        path.text(Lang::En),
        "steps wait for each other in a loop, so none of them can start: `a` → `b` → … (2 more) → `e` → `a`"
    );
}

#[test]
fn a_missing_placeholder_or_id_is_reported_not_hidden() {
    let (text, problems) = msg!("no-response").format(Lang::En);
    assert!(text.contains("{$trigger}"), "{text}");
    assert_eq!(problems.len(), 1, "{problems:?}");
    let (text, problems) = Message::new("no-such-message").format(Lang::Zh);
    assert_eq!(text, "no-such-message");
    assert_eq!(problems.len(), 2, "{problems:?}");
}
