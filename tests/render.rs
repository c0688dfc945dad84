//! The rendered checklist of the bundled plans (insta snapshots of the
//! Markdown), its task list as a Markdown parser reads it, the JSON's shape,
//! and a plan with markup in every kind of text that must not change the
//! structure of any output. `INSTA_UPDATE=always cargo test --test render`
//! writes new snapshots; review them before committing.

mod support;

use planc::render::Lang;
use pulldown_cmark::{Event, Options, Parser, Tag};
use support::*;

#[test]
fn markdown_of_every_bundled_plan() {
    for (stem, _, source) in bundled() {
        insta::assert_snapshot!(format!("markdown_{stem}"), markdown(&source, None));
    }
}

#[test]
fn markdown_follows_lang_override() {
    let (_, _, source) = &bundled()[3];
    insta::assert_snapshot!("markdown_english", markdown(source, Some(Lang::En)));
}

#[test]
fn role_card_alone() {
    let (_, _, source) = &bundled()[1];
    let doc = document(source, None);
    let card = doc.role("leader").expect("a leader role");
    insta::assert_snapshot!(
        "markdown_role_leader",
        planc::render::markdown::render_role(&doc, card)
    );
}

#[test]
fn bundled_plans_are_chinese_and_markup_plan_is_english() {
    for (stem, _, source) in bundled() {
        assert_eq!(document(&source, None).lang, Lang::Zh, "{stem}");
    }
    assert_eq!(document(&markup(), None).lang, Lang::En);
}

fn options() -> Options {
    Options::ENABLE_TASKLISTS | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// The task-list markers a Markdown parser finds: (unticked, ticked).
fn task_markers(md: &str) -> (usize, usize) {
    let mut counts = (0, 0);
    for event in Parser::new_ext(md, options()) {
        match event {
            Event::TaskListMarker(false) => counts.0 += 1,
            Event::TaskListMarker(true) => counts.1 += 1,
            _ => {}
        }
    }
    counts
}

#[test]
fn one_unticked_task_item_per_step_of_every_checklist() {
    let mut sources: Vec<String> = bundled().into_iter().map(|(_, _, s)| s).collect();
    sources.push(markup());
    for source in sources {
        let doc = document(&source, None);
        // A checklist that builds on another lists only its other steps.
        let steps: usize = doc.triggers.iter().map(|t| t.printed().len()).sum();
        assert!(steps > 0);
        let md = planc::render::markdown::render(&doc);
        assert_eq!(task_markers(&md), (steps, 0), "{}", doc.header.title);
    }
}

#[test]
fn markup_does_not_change_the_markdown_structure() {
    let source = markup();
    let doc = document(&source, None);
    let md = planc::render::markdown::render(&doc);
    let mut headings = 0;
    let mut text = String::new();
    for event in Parser::new_ext(&md, options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => headings += 1,
            Event::Start(
                tag @ (Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::CodeBlock(_)
                | Tag::BlockQuote(_)
                | Tag::Table(_)
                | Tag::Emphasis
                | Tag::Strikethrough
                | Tag::HtmlBlock),
            ) => panic!("user text made markup: {tag:?}\n{md}"),
            Event::Html(h) | Event::InlineHtml(h) => panic!("user text made HTML: {h}\n{md}"),
            Event::Code(c) => panic!("user text made a code span: {c}\n{md}"),
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    // title, checklists, each trigger and each phase of its checklist, role
    // cards, each role, routines, each routine, outside parties, plan text,
    // each section
    let phases: usize = doc
        .triggers
        .iter()
        .map(|t| t.printed().chunk_by(|a, b| a.phase == b.phase).count())
        .sum();
    let expected = 1
        + 1
        + doc.triggers.len()
        + phases
        + 1
        + doc.roles.len()
        + 1
        + doc.routines.len()
        + 1
        + 1
        + 2;
    assert_eq!(headings, expected, "{md}");
    for label in [
        "<script>alert(\"title\")</script> | *plan* # \\N",
        "\"><img src=x onerror=alert(1)>",
        "[x] done",
        "`code` & &amp; <br/>",
        "- [ ] fake task - [x] ticked",
        "[x] already ticked? | no *",
        "![img](http://x) [link](javascript:alert(1)) <http://auto>",
        "<b>Lead</b> \"quoted\" \\ backslash",
        "## section <h1>title</h1>",
        "# not a heading - not a list",
        "``` fence ```",
    ] {
        assert!(
            text.contains(label),
            "`{label}` is not read back as text:\n{text}"
        );
    }
}

#[test]
fn bidi_characters_are_shown_escaped_in_every_document() {
    let source = markup();
    assert!(source.contains("\\u{202E}"));
    let doc = document(&source, None);
    let (dot, mermaid) = graphs(&source, true);
    let simulated = with_plan(&source, |_, model, graphs| {
        let facts = planc::simulate::Facts::parse(model, &["people=60".to_string()]).unwrap();
        let sim = planc::simulate::run(model, graphs, facts, None);
        planc::simulate::text::render(&sim, model, Lang::En)
    });
    for (what, text) in [
        ("markdown", planc::render::markdown::render(&doc)),
        ("html", html(&source)),
        ("dot", dot),
        ("mermaid", mermaid),
        ("simulate", simulated),
    ] {
        assert!(!text.contains('\u{202E}'), "{what}: {text}");
        assert!(text.contains("\\u{202e}txt.exe"), "{what}: {text}");
    }
}

#[test]
fn markup_is_text_in_html() {
    let page = html(&markup());
    for raw in [
        "<script>",
        "<img",
        "<b>",
        "<i>",
        "<a href",
        "<h1>title",
        "<u>",
        "<br/>",
        "<!--",
    ] {
        assert!(!page.contains(raw), "`{raw}` reached the HTML unescaped");
    }
    assert!(page.contains("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;"));
    assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert_eq!(page.matches("<script").count(), 0);
    assert_eq!(page.matches("<style>").count(), 1);
    // One checkbox per step a checklist prints (those of the checklist it
    // builds on are repeated only when the whole is short), each with its
    // own label.
    let doc = document(&markup(), None);
    let steps: usize = doc.triggers.iter().map(|t| t.printed().len()).sum();
    assert_eq!(page.matches("type=\"checkbox\"").count(), steps);
}

/// The quoted strings of one DOT or Mermaid line, if its quotes balance
/// (an escaped quote `\"` does not end a string).
fn quoted(line: &str, escaped_quote: bool) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        loop {
            match chars.next()? {
                '\\' if escaped_quote => {
                    s.push('\\');
                    s.push(chars.next()?);
                }
                '"' => break,
                c => s.push(c),
            }
        }
        out.push(s);
    }
    Some(out)
}

#[test]
fn markup_stays_inside_quoted_labels_in_dot() {
    for steps in [false, true] {
        let (dot, _) = graphs(&markup(), steps);
        for line in dot.lines() {
            let strings = quoted(line, true).unwrap_or_else(|| panic!("unbalanced: {line}"));
            let mut outside = line.to_string();
            for s in &strings {
                outside = outside.replacen(&format!("\"{s}\""), "\"\"", 1);
            }
            assert!(
                !outside.contains('<') && !outside.contains("onerror"),
                "{line}"
            );
        }
        if !steps {
            assert!(dot.contains(r#"label="\"> outside {{x}} [y] (z)"#), "{dot}");
            assert!(
                dot.contains(r#"label="<b>Lead</b> \"quoted\" \\ backslash\n"#),
                "{dot}"
            );
        }
    }
}

/// `n12` → true.
fn is_id(t: &str) -> bool {
    t.strip_prefix('n')
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// A Mermaid line with its labels replaced by `L` is a node or an edge.
fn mermaid_shape(shape: &str) -> bool {
    let tokens: Vec<&str> = shape.split_whitespace().collect();
    match tokens[..] {
        ["classDef", ..] | ["class", ..] => !shape.contains('"'),
        [node] => ["[L]", "([L])", "{{L}}"]
            .iter()
            .any(|end| node.strip_suffix(end).is_some_and(is_id)),
        [a, "-->" | "-.->" | "-->|L|", b] => is_id(a) && is_id(b),
        _ => false,
    }
}

#[test]
fn markup_stays_inside_quoted_labels_in_mermaid() {
    for steps in [false, true] {
        let (_, mermaid) = graphs(&markup(), steps);
        // The fixed configuration (no user text), then the chart.
        let chart = mermaid
            .strip_prefix("---\nconfig:\n  flowchart:\n    wrappingWidth: 480\n---\n")
            .expect("the configuration that stops Mermaid wrapping labels again");
        for line in chart.lines().skip(1) {
            let strings = quoted(line, false).unwrap_or_else(|| panic!("unbalanced: {line}"));
            let mut shape = line.to_string();
            for s in &strings {
                let text = s.replace("<br/>", "");
                assert!(
                    !text.contains(['<', '>', '`']),
                    "raw markup in a label: {s}"
                );
                for (i, _) in text.match_indices('#') {
                    let entity = &text[i + 1..];
                    let end = entity.find(';').expect("# starts an entity");
                    assert!(
                        entity[..end].bytes().all(|b| b.is_ascii_alphanumeric()),
                        "{s}"
                    );
                }
                shape = shape.replacen(&format!("\"{s}\""), "L", 1);
            }
            assert!(mermaid_shape(&shape), "user text outside a label: {line}");
        }
    }
}

/// The JSON's shape; which steps a checklist holds is tested by hand on
/// hand-made plans in tests/checklists.rs.
#[test]
fn json_of_every_bundled_plan_names_its_schema() {
    for (stem, _, source) in bundled() {
        let value: serde_json::Value = serde_json::from_str(&json(&source)).unwrap();
        assert_eq!(value["schema"], "planc-plan", "{stem}");
        assert_eq!(value["version"], 2);
        assert_eq!(value["language"], "zh");
        for t in value["triggers"].as_array().unwrap() {
            let cond = &t["condition"];
            assert!(
                cond["root"].as_u64().unwrap() < cond["nodes"].as_array().unwrap().len() as u64
            );
        }
    }
    insta::assert_snapshot!("json_yunguanzhan-2015", json(&bundled()[3].2));
}

/// A condition 100 000 `not`s deep and one with 5 000 alternatives.
fn deep_plan() -> String {
    let nots = "not ".repeat(100_000);
    let alternatives: Vec<String> = (0..5_000).map(|i| format!("n >= {i}")).collect();
    format!(
        "plan \"deep\" {{ commander a }}\nrole a \"A\" {{ holder \"x\" }}\nfact f \"F\": flag\nfact n \"N\": count\n\
         trigger t \"T\" when {nots}f\ntrigger u \"U\" when {}\n\
         step s \"S\" {{ owner a; on t, u }}\ndrill d \"D\" {{ owner a; every 1y }}\n",
        alternatives.join(" or ")
    )
}

#[test]
fn deep_conditions_render_cut_short_without_recursion() {
    let source = deep_plan();
    with_plan(&source, |file, model, graphs| {
        let doc = planc::render::Document::build(file, model, graphs, Lang::En);
        let t = doc.triggers.iter().find(|t| t.name == "t").unwrap();
        assert!(t.condition.starts_with("not (not ("), "{}", t.condition);
        assert!(t.condition.contains('…'));
        let u = doc.triggers.iter().find(|t| t.name == "u").unwrap();
        assert!(u.condition.starts_with("N ≥ 0 or N ≥ 1 or"));
        assert!(u.condition.ends_with('…') && u.condition.chars().count() <= 601);
        assert!(planc::render::markdown::render(&doc).contains("- [ ] **S**"));
        assert!(planc::render::html::render(&doc).contains("N ≥ 0 or"));
        let json = planc::render::json::render(&doc, model);
        assert!(json.contains("\"kind\": \"not\""));
        let picture = planc::render::graph::response(model, Lang::En);
        assert!(planc::render::dot::render(&picture, "steps").contains("not (not ("));
    });
}

const WORDS: &str = r#"
plan "条件" { commander a }
role a "甲方" { holder "x" }
fact n "人数": count
fact f "甲": flag
fact g "乙": flag
fact k "类": one_of { a1 "自残", b1 "自杀", c1 "暴力" }
level I "重大"
trigger t "触发" when (n >= 5 or f) and not g and not (n < 3) and k in { a1, b1 } level I
trigger u "其他" when t or n != 7
step late "后" { owner a; after early2, early1 }
step early2 "前二" { owner a; on u }
step early1 "前一" { owner a; on u }
step first "首" { owner a; on t; within 5m }
drill d "演练" { owner a; every 1y }
"#;

#[test]
fn conditions_in_plain_words() {
    let zh = document(WORDS, Some(Lang::Zh));
    assert_eq!(
        zh.triggers[0].condition,
        "（人数 ≥ 5 或 甲） 且 不（乙） 且 不（人数 < 3） 且 类 为 自残、自杀"
    );
    assert_eq!(zh.triggers[1].condition, "触发 或 人数 ≠ 7");
    let en = document(WORDS, Some(Lang::En));
    assert_eq!(
        en.triggers[0].condition,
        "(人数 ≥ 5 or 甲) and not 乙 and not (人数 < 3) and 类 is 自残 or 自杀"
    );
}

#[test]
fn checklists_go_by_phase_then_due_time_then_source_order() {
    let doc = document(WORDS, None);
    let order = |i: usize| -> Vec<String> {
        doc.checklist(&doc.triggers[i])
            .iter()
            .map(|s| s.name.clone())
            .collect()
    };
    // `t` implies `u` (an alternative of its condition), so it sets off u's steps too.
    assert_eq!(doc.triggers[0].name, "t");
    let also: Vec<&str> = doc.triggers[0]
        .also
        .iter()
        .map(|a| a.label.as_str())
        .collect();
    assert_eq!(also, ["其他"]);
    // Phase 1: the steps that wait for nothing, `first` (due in 5m) before
    // those without a deadline, which keep source order; phase 2: `late`,
    // written first but waiting for both.
    assert_eq!(order(0), ["first", "early2", "early1", "late"]);
    let phases: Vec<u32> = doc
        .checklist(&doc.triggers[0])
        .iter()
        .map(|s| s.phase)
        .collect();
    assert_eq!(phases, [1, 1, 1, 2]);
    assert_eq!(order(1), ["early2", "early1", "late"]);
}

#[test]
fn a_role_is_found_by_name_label_or_holder_and_the_contact_sheet_lists_everyone() {
    let plan = r#"
plan "p" { commander boss }
role boss "组长" { holder "张伟"; phone "0571-1111"; deputy office }
role office "办公室" { holder "李娜"; phone "0571-2222"; escalates to boss within 10m }
external city "市信访局" { phone "12345" }
fact a "甲": flag
trigger ta "甲事件" when a
step report "报告" { owner office; on ta; within 10m; notify city }
"#;
    let doc = planc_document(plan);
    for key in ["office", "办公室", "李娜", " 李娜 "] {
        assert_eq!(
            doc.role(key).map(|r| r.name.as_str()),
            Some("office"),
            "{key}"
        );
    }
    assert!(doc.role("王强").is_none());
    let page = planc::render::html::render(&doc);
    let sheet = &page[page.find("通讯录").expect("a contact sheet")..];
    for want in [
        "组长",
        "张伟",
        "0571-1111",
        "办公室",
        "李娜",
        "0571-2222",
        "市信访局",
        "12345",
    ] {
        assert!(sheet.contains(want), "`{want}` is not on the contact sheet");
    }
    // Phones beside the parties a step and a card name.
    assert!(page.contains("市信访局（电话<span class=\"phone\">12345</span>）"));
    assert!(page.contains("组长（张伟，电话<span class=\"phone\">0571-1111</span>）"));
    let card = planc::render::html::render_role(&doc, doc.role("李娜").unwrap());
    assert!(card.contains("<h1>应急处置卡：办公室") && card.contains("<h2>"));
    assert!(!card.contains("<h4>"));
}

/// Under `--lang en` a Chinese plan's page is English (`lang="en"`) and its
/// own words are marked Chinese; in its own language nothing is marked.
#[test]
fn the_plans_own_words_keep_their_language_under_another_lang() {
    let (_, _, source) = &bundled()[1];
    let en = planc::render::html::render(&document(source, Some(Lang::En)));
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("<th>Step</th>"), "fixed words in English");
    assert!(
        en.contains("<label class=\"what\" for=\"t0s0\">1. <span lang=\"zh-CN\">迅速启动应急预案,全面负责应急指挥</span></label>"),
        "{en}"
    );
    assert!(
        en.contains("Owner: <span lang=\"zh-CN\">领导小组组长</span>"),
        "{en}"
    );
    let zh = planc::render::html::render(&document(source, None));
    assert!(zh.contains("<html lang=\"zh-CN\">"));
    assert!(
        !zh.contains("<span lang="),
        "no marks when the page speaks the plan's language"
    );
}

fn planc_document(source: &str) -> planc::render::Document {
    document(source, None)
}

/// (v1) A step's deadlines as written, its repeat and working days: what
/// `within` alone could not say (it was `1h` for `within 1h from report`,
/// `4w` for `20wd`, and nothing at all for `within 30m for I`).
#[test]
fn json_steps_carry_every_deadline_as_written() {
    let source = "plan \"预案\" { commander boss }\n\
        role boss \"组长\" { holder \"张伟\" }\n\
        level I \"特别重大\"\nlevel II \"重大\"\n\
        fact n \"人数\": count\n\
        trigger big \"重大事件\" when n >= 50 level I\n\
        trigger small \"一般事件\" when n >= 5 level II\n\
        step report \"报告\" { owner boss; on big, small; within 10m }\n\
        step call \"请示县政府\" { owner boss; on I; after report; within 1h from report }\n\
        step progress \"续报\" { owner boss; on big, small; after report; within 30m for I; within 1h for small, II; every 30m }\n\
        step file \"备案\" { owner boss; on big; after report; within 20wd }\n\
        drill d \"演练\" { owner boss; every 1y }\n";
    let value: serde_json::Value = serde_json::from_str(&json(source)).unwrap();
    let step = |name: &str| {
        let steps = value["steps"].as_array().unwrap();
        let s = steps.iter().find(|s| s["name"] == name).unwrap();
        serde_json::json!([s["within"], s["deadlines"], s["every"]])
    };
    let d = |seconds: u64, text: &str| serde_json::json!({"seconds": seconds, "text": text});
    assert_eq!(
        step("call"),
        serde_json::json!([null, [{"within": d(3600, "1h"), "from": "report", "for": []}], null])
    );
    assert_eq!(
        step("progress"),
        serde_json::json!([
            null,
            [
                {"within": d(1800, "30m"), "from": null, "for": ["I"]},
                {"within": d(3600, "1h"), "from": null, "for": ["small", "II"]}
            ],
            d(1800, "30m")
        ])
    );
    assert_eq!(
        step("file"),
        serde_json::json!([
            d(2_419_200, "20wd"),
            [{"within": d(2_419_200, "20wd"), "from": null, "for": []}],
            null
        ])
    );
}

/// Bare URLs, `www.` addresses and e-mail addresses in a label are broken up
/// in Markdown, so GitHub's autolinks make no link of them (issue 19).
#[test]
fn bare_urls_and_addresses_are_no_links_in_markdown() {
    let md = markdown(&markup(), None);
    let written = "call https\\://evil.example/x or www\\.evil.example, mail a@\u{2060}b.example, \\\\u{202e}txt.exe";
    assert!(md.contains(written), "{md}");
    assert!(!md.contains("https://") && !md.contains("www.evil"), "{md}");
}
