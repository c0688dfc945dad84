//! Rename, outline, highlighting and quick fixes.

use super::*;
use crate::diagnostic::Code;
use crate::ide::fixes::fixes;
use crate::ide::highlight::{HighlightKind, highlights};
use crate::ide::rename::{prepare, rename};
use crate::ide::symbols::{OutlineKind, OutlineSymbol};
use crate::lang::Lang;

/// `source` with the edits applied (in source order, not overlapping).
pub(super) fn apply(source: &str, edits: &[(Span, String)]) -> String {
    let mut out = source.to_string();
    for (span, text) in edits.iter().rev() {
        out.replace_range(span.range(), text);
    }
    out
}

#[test]
fn rename_changes_every_occurrence_and_nothing_else() {
    let a = Analysis::new(PLAN);
    let offset = on("owner office", 2);
    assert_eq!(
        prepare(&a, offset),
        Ok((Span::new(offset - 5, offset + 1), "office".into()))
    );
    let edits = rename(&a, offset, "信访办").unwrap();
    assert_eq!(edits.len(), 4);
    let renamed = apply(PLAN, &edits);
    assert_eq!(renamed, PLAN.replace(" office", " 信访办"));
    let codes = |source: &str| -> Vec<Code> {
        check_source(source, &Config::default())
            .iter()
            .map(|d| d.code)
            .collect()
    };
    assert_eq!(codes(&renamed), codes(PLAN), "the plan means the same");
}

#[test]
fn rename_a_variant_keeps_to_its_fact() {
    let source = format!("{PLAN}fact other \"o\": one_of {{ self_harm \"x\" }}\n");
    let a = Analysis::new(&source);
    let edits = rename(&a, source.find("self_harm, violence }").unwrap(), "harm").unwrap();
    assert_eq!(
        places(&source, &edits.iter().map(|e| e.0).collect::<Vec<_>>()),
        ["13:27 self_harm", "20:38 self_harm"]
    );
}

#[test]
fn rename_refuses_keywords_labels_and_bad_names() {
    let a = Analysis::new(PLAN);
    assert_eq!(
        prepare(&a, on("owner", 0)),
        Err("`owner` is a keyword of the plan language; only names can be renamed".into())
    );
    assert_eq!(
        prepare(&a, on("\"接待", 0)),
        Err("this is a label (text in quotes), not a name: edit the text itself".into())
    );
    let office = on("owner office", 0);
    assert_eq!(
        rename(&a, office, "leader"),
        Err("`leader` is already the name of a role".into())
    );
    assert_eq!(
        rename(&a, office, "police"),
        Err("`police` is already the name of an external".into())
    );
    assert_eq!(
        rename(&a, office, "step"),
        Err("`step` is a keyword and cannot be a name".into())
    );
    assert!(
        rename(&a, office, "办 公")
            .unwrap_err()
            .contains("is not a valid name")
    );
    assert!(
        rename(&a, office, "1st")
            .unwrap_err()
            .contains("is not a valid name")
    );
    let broken = format!("{PLAN}step y \"y\" {{ owner office，}}\n");
    let c = Analysis::new(&broken);
    assert_eq!(
        prepare(&c, on("owner office", 0)),
        Err(
            "the file has syntax errors: fix them first, so that every use of the name is found"
                .into()
        )
    );
    let b = Analysis::new("plan \"p\" {}\nstep s \"s\" { owner nobody }");
    assert_eq!(
        prepare(&b, 33),
        Err("`nobody` is not defined, so there is nothing to rename".into())
    );
}

fn shape(symbols: &[OutlineSymbol], depth: usize, out: &mut Vec<String>) {
    for s in symbols {
        let kind = match s.kind {
            OutlineKind::Plan => "plan".to_string(),
            OutlineKind::Section => "section".to_string(),
            OutlineKind::Name(k) => k.word().to_string(),
        };
        out.push(format!(
            "{}{kind} {} {}",
            "  ".repeat(depth),
            s.name,
            s.detail.as_deref().unwrap_or_default()
        ));
        shape(&s.children, depth + 1, out);
    }
}

#[test]
fn outline_nests_sections_and_lists_named_items() {
    let source = "plan \"预案\" {}\nsection \"一、组织\" {\n  role a \"组长\"\n  section \"（一）\" { step s \"上报\" {} }\n  text \"x\"\n}\nfact f \"事实\": one_of { x \"甲\" }\n";
    let a = Analysis::new(source);
    let mut got = Vec::new();
    shape(&a.outline, 0, &mut got);
    assert_eq!(
        got,
        [
            "plan 预案 plan",
            "section 一、组织 ",
            "  role a 组长",
            "  section （一） ",
            "    step s 上报",
            "fact f 事实",
            "  variant x 甲",
        ]
    );
}

#[test]
fn highlights_colour_names_by_what_they_name() {
    let a = Analysis::new(PLAN);
    let line: Vec<String> = highlights(&a)
        .into_iter()
        .filter(|h| {
            (after("step receive", 0) - 12..after("within 5m", 0)).contains(&h.span.start())
        })
        .map(|h| {
            let kind = match h.kind {
                HighlightKind::Name(k) => k.word().to_string(),
                other => format!("{other:?}").to_lowercase(),
            };
            let def = if h.definition { " (definition)" } else { "" };
            format!("{kind} {}{def}", a.text(h.span))
        })
        .collect();
    assert_eq!(
        line,
        [
            "keyword step",
            "step receive (definition)",
            "string \"接待\"",
            "keyword owner",
            "role office",
            "keyword on",
            "trigger mass_visit",
            "trigger extreme",
            "keyword within",
            "number 5m",
        ]
    );
}

#[test]
fn did_you_mean_fixes_replace_the_name() {
    let source = PLAN.replace("owner office; after", "owner ofice; after");
    let a = Analysis::new(&source);
    let diagnostics = a.diagnostics(&Config::default());
    let at = source.find("ofice").unwrap();
    let found = fixes(&a, &diagnostics, Span::new(at, at));
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].title.text(Lang::En),
        "Replace `ofice` with `office`"
    );
    assert_eq!(found[0].title.text(Lang::Zh), "把 `ofice` 改为 `office`");
    assert_eq!(
        diagnostics[found[0].diagnostic.unwrap()].code,
        Code::UndefinedName
    );
    assert_eq!(apply(&source, &found[0].edits), PLAN);
    assert!(
        fixes(&a, &diagnostics, Span::new(0, 0)).is_empty(),
        "not where nothing is wrong"
    );
}

#[test]
fn misspelt_keywords_are_fixed_too() {
    let source = PLAN.replace("{ owner office; on", "{ ownr office; on");
    let a = Analysis::new(&source);
    let diagnostics = a.diagnostics(&Config::default());
    let at = source.find("ownr").unwrap();
    let found = fixes(&a, &diagnostics, Span::new(at, at + 4));
    assert_eq!(found[0].title.text(Lang::En), "Replace `ownr` with `owner`");
    assert_eq!(apply(&source, &found[0].edits), PLAN);
}

#[test]
fn full_width_punctuation_becomes_ascii_outside_strings() {
    let source = PLAN.replace(
        "{ owner office; on mass_visit, extreme; within 5m }",
        "{ owner office； on mass_visit， extreme； within 5m }",
    );
    let a = Analysis::new(&source);
    let diagnostics = a.diagnostics(&Config::default());
    let at = source.find('；').unwrap();
    let found = fixes(&a, &diagnostics, Span::new(at, at));
    let titles: Vec<String> = found.iter().map(|f| f.title.text(Lang::En)).collect();
    assert_eq!(
        titles,
        [
            "Replace `；` (a full-width semicolon) with `;`",
            "Replace all 3 full-width punctuation marks outside strings with ASCII",
        ]
    );
    assert_eq!(apply(&source, &found[1].edits), PLAN);
    // The full-width comma in a label stays: it is text.
    let labelled = source.replace("\"接待\"", "\"接待，登记\"");
    let a = Analysis::new(&labelled);
    let at = labelled.find('；').unwrap();
    let found = fixes(&a, &a.diagnostics(&Config::default()), Span::new(at, at));
    assert_eq!(
        apply(&labelled, &found[1].edits),
        PLAN.replace("\"接待\"", "\"接待，登记\"")
    );
}

#[test]
fn slips_of_a_chinese_typist_are_fixed_by_their_repair() {
    // (slip typed, where the cursor is, the fix's title in Chinese)
    let cases = [
        ("{ 负责 office; on", "负责", "把 `负责` 改为 `owner`"),
        ("{ owner：office; on", "：", "删掉 `：`"),
        ("{ owner office， on", "，", "把 `，` 改为 `;`"),
        ("on mass_visit、 extreme;", "、", "把 `、` 改为 `,`"),
        ("within 5分钟 }", "5分钟", "把 `5分钟` 改为 `5m`"),
        ("holder 张三;", "张三", "给 `张三` 加上英文双引号"),
        ("visitors ≥ 50", "≥", "把 `≥` 改为 `>=`"),
    ];
    let originals = [
        "{ owner office; on",
        "{ owner office; on",
        "{ owner office; on",
        "on mass_visit, extreme;",
        "within 5m }",
        "holder \"张三\";",
        "visitors >= 50",
    ];
    for ((slip, at, title), original) in cases.into_iter().zip(originals) {
        assert!(PLAN.contains(original), "{original}");
        let source = PLAN.replacen(original, slip, 1);
        let a = Analysis::new(&source);
        let diagnostics = a.diagnostics(&Config::default());
        let at = source.find(at).unwrap();
        let found = fixes(&a, &diagnostics, Span::new(at, at));
        assert_eq!(found[0].title.text(Lang::Zh), title, "{slip}");
        assert!(found[0].preferred);
        let fixed = apply(&source, &found[0].edits);
        assert_eq!(fixed, PLAN, "{slip}");
    }
}

/// (v1) A step named as an anchor (`within 1h from report`) and a level named
/// in `on` and `for` are renamed there too: rename never leaves a deadline
/// counted from a step that no longer exists.
#[test]
fn rename_reaches_anchors_and_levels_in_deadlines() {
    let source = "plan \"p\" { issuer \"i\" date 2024-01-01 basis \"b\" scope \"s\" }\n\
level I \"特别重大\"\n\
role r \"r\" { holder \"张三\" }\n\
fact n \"n\": count\n\
trigger t \"t\" when n > 1 level I\n\
step report \"报告\" { owner r on t within 10m }\n\
step call \"请示\" { owner r on I after report within 1h from report within 30m for I }\n";
    let a = Analysis::new(source);
    let step = rename(&a, source.find("from report").unwrap() + 6, "通报").unwrap();
    assert_eq!(
        places(source, &step.iter().map(|e| e.0).collect::<Vec<_>>()),
        ["6:6 report", "7:37 report", "7:59 report"]
    );
    let level = rename(&a, source.find("for I").unwrap() + 4, "一级").unwrap();
    assert_eq!(
        places(source, &level.iter().map(|e| e.0).collect::<Vec<_>>()),
        ["2:7 I", "5:32 I", "7:29 I", "7:81 I"]
    );
}
