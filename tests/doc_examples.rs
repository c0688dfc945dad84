//! Every check's documentation (`planc explain`, docs/checks/), in English
//! and in Chinese: its Example (示例) fires its code, and its Fix (修改方法)
//! does not.
//!
//! The blocks are fragments of a plan, so each is laid over `CONTEXT`, a small
//! plan of the names the examples share, item by item: an item of the Example
//! replaces the context's item of the same name, and an item of the Fix
//! replaces the Example's (or the context's). A finding counts only when it
//! lies on an item of the Example or the Fix, so the context may have findings
//! of its own. The first fenced block of each section is the plan text.

mod common;

use planc::check::RULES;
use planc::config::Config;
use planc::diagnostic::{Code, Diagnostic, Severity};
use planc::explain;
use planc::lang::Lang;

/// The names the examples use without defining them. No plan header and no
/// drill (missing-plan-header's and no-drill's examples leave them out), and
/// no use of `liaison`, `police` or `act` (orphan-role's, unused-external's
/// and unused-fact's examples need them unused).
const CONTEXT: &str = r#"role leader "领导小组组长" { holder "张三" }
role office "信访工作办公室" { holder "李四"; escalates to leader within 10m }
role scene "现场处置组" { holder "王五"; escalates to leader within 10m }
role liaison "办公室联络员" { holder "赵六"; escalates to office within 10m }
role duty_officer "值班员" { holder "钱七"; escalates to office within 10m }
fact visitors "到场上访人数": count
fact act "过激行为": one_of { self_harm "自残", suicide "自杀", violence "暴力冲击" }
trigger mass_visit "集体上访" when visitors >= 50
step to_scene "到达现场" { owner scene; on mass_visit; within 30m }
step report "向组长通报情况" { owner office; on mass_visit; within 10m }
"#;

/// One item of a block with the comments and blank lines above it: its text
/// and the name it defines (`plan` for the header; none for `section`, `text`).
#[derive(Debug, Clone)]
struct Chunk {
    key: Option<String>,
    text: String,
}

/// Splits plan text into items by their lines: an item starts on a line that
/// begins with a word; indented lines and `}` continue it; comments and blank
/// lines belong to the item below them.
fn chunks(text: &str) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut pending = String::new();
    for line in text.lines() {
        let starts_item = line
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && c != '#' && c != '}');
        if starts_item {
            let mut words = line.split_whitespace();
            let keyword = words.next().unwrap_or_default();
            let key = match keyword {
                "plan" => Some("plan".to_string()),
                "section" | "text" => None,
                _ => words.next().map(|name| {
                    name.split(['"', ':', '{'])
                        .next()
                        .unwrap_or_default()
                        .to_string()
                }),
            };
            pending.push_str(line);
            pending.push('\n');
            out.push(Chunk {
                key,
                text: std::mem::take(&mut pending),
            });
        } else if line.starts_with([' ', '\t', '}']) && pending.is_empty() && !out.is_empty() {
            let last = out.last_mut().expect("an item");
            last.text.push_str(line);
            last.text.push('\n');
        } else {
            pending.push_str(line);
            pending.push('\n');
        }
    }
    if !pending.is_empty() {
        out.push(Chunk {
            key: None,
            text: pending,
        });
    }
    out
}

/// `layers`, most specific first, as one plan: each layer keeps the items
/// whose name no more specific layer defines. Returns the text and the byte
/// range of the first `own` layers' items (they come first).
fn compose(layers: &[&[Chunk]], own: usize) -> (String, usize) {
    let mut text = String::new();
    let mut defined: Vec<&str> = Vec::new();
    let mut own_end = 0;
    for (i, layer) in layers.iter().enumerate() {
        for chunk in layer.iter() {
            if chunk.key.as_deref().is_some_and(|k| defined.contains(&k)) {
                continue;
            }
            text.push_str(&chunk.text);
        }
        defined.extend(layer.iter().filter_map(|c| c.key.as_deref()));
        if i + 1 == own {
            own_end = text.len();
        }
    }
    (text, own_end)
}

/// The first fenced block of the section `## {title}` of a rule's doc.
fn block<'d>(doc: &'d str, title: &str) -> Option<&'d str> {
    let section = doc.split(&format!("## {title}\n")).nth(1)?;
    let section = section.split("\n## ").next()?;
    let start = section.find("```")?;
    let body = &section[start..];
    let body = &body[body.find('\n')? + 1..];
    Some(&body[..body.find("```")?])
}

/// Diagnostics of `text` with `code` on, whose primary label starts before `own_end`.
fn own_findings(text: &str, own_end: usize, code: Code) -> Vec<Diagnostic> {
    // The date checks compare with today: a fixed one, as `--today` gives.
    let mut config = Config {
        today: planc::calendar::parse_date("2026-11-28").ok(),
        ..Config::default()
    };
    if planc::check::rule(code).default_severity.is_none() {
        config.severities.insert(code, Some(Severity::Warning));
    }
    planc::check_source(text, &config)
        .into_iter()
        .filter(|d| d.code == code && d.primary.span.start() < own_end)
        .collect()
}

#[test]
fn every_example_fires_its_code_and_every_fix_does_not() {
    let context = chunks(CONTEXT);
    let mut failures = Vec::new();
    for rule in RULES {
        for (lang, example, fix) in [(Lang::En, "Example", "Fix"), (Lang::Zh, "示例", "修改方法")]
        {
            let code = rule.code;
            let at = format!("{code} ({lang})");
            let body = explain::doc(rule, lang).body;
            let (Some(example), Some(fix)) = (block(body, example), block(body, fix)) else {
                failures.push(format!("{at}: no plan text in its {example} or its {fix}"));
                continue;
            };
            let example = chunks(example);
            let fix = chunks(fix);

            let (text, own_end) = compose(&[&example, &context], 1);
            if own_findings(&text, own_end, code).is_empty() {
                failures.push(format!(
                    "{at}: the Example does not fire it:\n{text}\n{:#?}",
                    common::summary(&text, &planc::check_source(&text, &Config::default()))
                ));
            }

            let (text, own_end) = compose(&[&fix, &example, &context], 2);
            let fired = own_findings(&text, own_end, code);
            if !fired.is_empty() {
                failures.push(format!(
                    "{at}: the Fix still fires it:\n{text}\n{:#?}",
                    common::summary(&text, &fired)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn items_are_split_with_the_comments_above_them() {
    let text = "# planc: allow(orphan-role) — 说明\nrole liaison \"联络员\" {\n  holder \"王五\"\n}\n\nplan \"预案\" { commander leader }\nfact act \"行为\": one_of { a \"甲\" }\n";
    let got: Vec<(Option<String>, String)> =
        chunks(text).into_iter().map(|c| (c.key, c.text)).collect();
    assert_eq!(
        got,
        [
            (
                Some("liaison".to_string()),
                "# planc: allow(orphan-role) — 说明\nrole liaison \"联络员\" {\n  holder \"王五\"\n}\n"
                    .to_string()
            ),
            (
                Some("plan".to_string()),
                "\nplan \"预案\" { commander leader }\n".to_string()
            ),
            (
                Some("act".to_string()),
                "fact act \"行为\": one_of { a \"甲\" }\n".to_string()
            ),
        ]
    );
    let fix = chunks("role liaison \"联络员\" { holder \"赵六\" }\n");
    let (composed, own_end) = compose(&[&fix, &chunks(text)], 1);
    assert_eq!(
        composed,
        "role liaison \"联络员\" { holder \"赵六\" }\n\nplan \"预案\" { commander leader }\nfact act \"行为\": one_of { a \"甲\" }\n"
    );
    assert_eq!(
        own_end,
        "role liaison \"联络员\" { holder \"赵六\" }\n".len()
    );
}
