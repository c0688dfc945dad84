//! The rule registry: every code has exactly one rule, and every rule's
//! documentation is its page under docs/checks/ (regenerate the pages with
//! `UPDATE_DOCS=1 cargo test --test registry`), in English and, under
//! docs/checks/zh/, in Chinese.

use std::collections::HashSet;
use std::path::Path;

use planc::check::RULES;
use planc::diagnostic::Code;
use planc::explain;
use planc::lang::Lang;

#[test]
fn every_code_has_exactly_one_rule() {
    let mut seen = HashSet::new();
    for rule in RULES {
        assert!(seen.insert(rule.code), "{} is registered twice", rule.code);
    }
    for code in Code::ALL {
        assert!(
            seen.contains(code),
            "{code} has no rule in check::rules::ALL (see src/codes.rs)"
        );
    }
    let names: HashSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(names.len(), Code::ALL.len(), "codes are not unique");
}

/// The sections of a check's page, in each language.
const SECTIONS: [(Lang, [&str; 4]); 2] = [
    (
        Lang::En,
        [
            "## What it means",
            "## Why it matters",
            "## Example",
            "## Fix",
        ],
    ),
    (
        Lang::Zh,
        ["## 含义", "## 为什么重要", "## 示例", "## 修改方法"],
    ),
];

#[test]
fn every_rule_documents_meaning_reason_example_and_fix_in_both_languages() {
    for rule in RULES {
        for (lang, sections) in SECTIONS {
            let doc = explain::doc(rule, lang);
            let at = format!("{} ({lang})", rule.code);
            assert_eq!(doc.title, format!("# {}\n", rule.code), "{at}: the title");
            assert!(
                !doc.summary.is_empty() && !doc.summary.contains('\n'),
                "{at}: one line says what it finds"
            );
            assert!(
                doc.body.starts_with('\n'),
                "{at}: a blank line after the summary"
            );
            let mut from = 0;
            for section in sections {
                let found = doc.body[from..].find(&format!("{section}\n"));
                assert!(found.is_some(), "{at}: lacks `{section}`, or out of order");
                from += found.unwrap_or_default();
            }
        }
    }
}

/// Where a language's pages are, and how they say they are generated.
fn folder(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "docs/checks",
        Lang::Zh => "docs/checks/zh",
    }
}

/// The docs page of a rule: `planc explain`'s page with a comment saying where it comes from.
fn page(rule: &planc::check::Rule, lang: Lang) -> String {
    let mut page = explain::page(rule, lang);
    let title_end = page.find('\n').map(|i| i + 1).unwrap_or(page.len());
    let source = match lang {
        Lang::En => format!(
            "src/check/rules/{}.rs: edit the rule's DOC",
            rule.code.as_str().replace('-', "_")
        ),
        Lang::Zh => format!("src/i18n/zh/checks/{}.md: edit that file", rule.code),
    };
    page.insert_str(
        title_end,
        &format!(
            "\n<!-- generated from {source}, then run `UPDATE_DOCS=1 cargo test --test registry` -->\n"
        ),
    );
    page
}

fn index(lang: Lang) -> String {
    let (title, intro, head) = match lang {
        Lang::En => (
            "Checks",
            "`planc explain CODE` prints a check's page. 中文：[zh/README.md](zh/README.md).",
            "| code | default | finds |",
        ),
        Lang::Zh => (
            "检查项",
            "`planc explain 代码 --lang zh` 显示一项检查的说明。English: [../README.md](../README.md).",
            "| 代码 | 默认级别 | 查找的问题 |",
        ),
    };
    let mut out = format!(
        "# {title}\n\n<!-- generated: run `UPDATE_DOCS=1 cargo test --test registry` -->\n\n{intro}\n\n{head}\n| --- | --- | --- |\n"
    );
    for rule in RULES {
        out.push_str(&format!(
            "| [{0}]({0}.md) | {1} | {2} |\n",
            rule.code,
            explain::severity_word(rule),
            explain::doc(rule, lang).summary
        ));
    }
    out
}

#[test]
fn docs_pages_are_generated_from_the_rules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for lang in Lang::ALL {
        let dir = root.join(folder(lang));
        let mut pages: Vec<(String, String)> = RULES
            .iter()
            .map(|r| (format!("{}.md", r.code), page(r, lang)))
            .collect();
        pages.push(("README.md".into(), index(lang)));
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::create_dir_all(&dir).expect("docs/checks");
            for (name, text) in &pages {
                std::fs::write(dir.join(name), text).expect("write page");
            }
        }
        for (name, text) in &pages {
            let on_disk = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
            assert!(
                on_disk == *text,
                "{}/{name} is out of date: run `UPDATE_DOCS=1 cargo test --test registry`",
                folder(lang)
            );
        }
    }
}
