//! The grammar and the syntax tree: spec §1 (lexical rules) and §2 (items).

use planc::lang::Lang;
use planc::syntax::ast::{CondNode, Item, Keyword, Value};
use planc::syntax::{parse, parse_reference};

fn items(source: &str) -> Vec<Item<'_>> {
    let parsed = parse(source);
    assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
    parsed.file.items.into_iter().collect()
}

fn first_error(source: &str) -> (usize, String, Option<String>) {
    let parsed = parse(source);
    let d = parsed.diagnostics.first().expect("a syntax error");
    (
        d.primary.span.start(),
        d.message.text(Lang::En),
        d.help.as_ref().map(|h| h.text(Lang::En)),
    )
}

/// Prints a condition with explicit parentheses, to show its structure.
fn show(c: &[CondNode], id: planc::syntax::ast::CondId) -> String {
    match &c[id.0 as usize] {
        CondNode::Compare(c) => format!("{} {} {}", c.fact.text, c.op.as_str(), c.value),
        CondNode::In(m) => format!(
            "{} in {{{}}}",
            m.fact.text,
            m.variants
                .iter()
                .map(|v| v.text)
                .collect::<Vec<_>>()
                .join(",")
        ),
        CondNode::Name(n) => n.text.to_string(),
        CondNode::Not(x, _) => format!("(not {})", show(c, *x)),
        CondNode::And(xs, _) => format!(
            "({})",
            xs.iter()
                .map(|x| show(c, *x))
                .collect::<Vec<_>>()
                .join(" and ")
        ),
        CondNode::Or(xs, _) => format!(
            "({})",
            xs.iter()
                .map(|x| show(c, *x))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
    }
}

fn condition(text: &str) -> String {
    let source = format!("trigger t \"t\" when {text}");
    let items = items(&source);
    let Item::Trigger(t) = &items[0] else {
        panic!("not a trigger")
    };
    show(&t.condition.to_nodes(), t.condition.root)
}

#[test]
fn not_binds_tighter_than_and_tighter_than_or() {
    assert_eq!(condition("a or b and not c"), "(a or (b and (not c)))");
    assert_eq!(condition("not a and b or c"), "(((not a) and b) or c)");
    assert_eq!(condition("(a or b) and c"), "((a or b) and c)");
    assert_eq!(condition("not not a"), "(not (not a))");
    assert_eq!(
        condition("v >= 50 and act in { x, y } or f"),
        "((v >= 50 and act in {x,y}) or f)"
    );
}

#[test]
fn trigger_level_versus_level_declaration() {
    let items = items("trigger t \"t\" when a level II\nlevel I \"特别重大\"");
    assert_eq!(items.len(), 2);
    let Item::Trigger(t) = &items[0] else {
        panic!()
    };
    assert_eq!(t.level.map(|l| l.text), Some("II"));
    let Item::Level(l) = &items[1] else { panic!() };
    assert_eq!(l.name.text, "I");
    // Without `level` after the condition, `level I` on the next line is a declaration.
    let plain = crate::items("trigger t \"t\" when a\nlevel I \"特别重大\"");
    assert_eq!(plain.len(), 2);
    let Item::Trigger(t) = &plain[0] else {
        panic!()
    };
    assert_eq!(t.level, None);
    let Item::Level(l) = &plain[1] else { panic!() };
    assert_eq!((l.name.text, &*l.label.value), ("I", "特别重大"));
}

#[test]
fn bom_crlf_comments_and_semicolons() {
    let source = "\u{FEFF}# 注释\r\nrole 组长 \"领导小组组长\" {\r\n  holder \"张三\"; phone \"110\" # 值班\r\n}\r\n";
    let items = items(source);
    let Item::Decl(d) = &items[0] else { panic!() };
    assert_eq!(d.name.text, "组长");
    assert_eq!(&source[d.name.span.range()], "组长");
    assert_eq!(d.stmts.len(), 2);
    assert_eq!(d.stmts[1].keyword, Keyword::Phone);
}

#[test]
fn semicolons_may_separate_top_level_items() {
    for source in [
        "role a \"A\" { holder \"h\" }; role b \"B\"",
        ";;role a \"A\";\n;\nrole b \"B\";",
        "section \"s\" { role a \"A\"; }; role b \"B\"",
    ] {
        let parsed = parse(source);
        assert_eq!(parsed.diagnostics, [], "{source}");
        let items: Vec<String> = parsed
            .file
            .items
            .iter()
            .map(|item| match item {
                Item::Decl(d) => d.name.text.to_string(),
                Item::Section(s) => format!("section {}", s.title.value),
                other => panic!("{other:?}"),
            })
            .collect();
        let want = if source.starts_with("section") {
            ["section s", "b"]
        } else {
            ["a", "b"]
        };
        assert_eq!(items, want, "{source}");
        assert_eq!(parsed.file, parse_reference(source).file, "{source}");
    }
}

#[test]
fn strings_escapes_and_lines() {
    // (v1) a `"…"` string is one line; `"""` strings hold lines (CRLF read as LF)
    let items = items(
        "text \"a\\\"b\\\\c\\n\\t\\u{4E2D}\"\ntext \"\"\"\r\n    d\r\n\r\n      e \"\\u{4E2D}\"\r\n    \"\"\"",
    );
    let Item::Text(t) = &items[0] else { panic!() };
    assert_eq!(t.value, "a\"b\\c\n\t中");
    let Item::Text(t) = &items[1] else { panic!() };
    assert_eq!(t.value, "d\n\n  e \"中\"");
    let (at, message, _) = first_error("role r \"R\" {\n  holder \"张三\n}\nrole s \"S\"");
    assert_eq!(
        (at, message.as_str()),
        (22, "unterminated string: it is not closed on its line")
    );
    // A `"""` never closed is one error at its quotes, wherever it stands,
    // even when later lines hold `"""` (it swallows the rest of the file).
    for source in [
        "text \"\"\"\ntext \"\"\"\ntext \"\"\"\n",
        "plan \"p\" {\n  text \"\"\"\n  x\n",
    ] {
        let parsed = parse(source);
        let found: Vec<_> = parsed
            .diagnostics
            .iter()
            .map(|d| (d.primary.span.start(), d.message.text(Lang::En)))
            .collect();
        let at = source.find("\"\"\"").unwrap_or_default();
        assert_eq!(
            found,
            [(at, "this multi-line string is never closed".to_string())],
            "{source:?}"
        );
    }
    let (_, message, _) = first_error("text \"bad \\u{110000}\"");
    assert!(message.contains("invalid unicode escape"), "{message}");
    let (_, message, _) = first_error("text \"bad \\x\"");
    assert_eq!(message, "unknown escape `\\x` in a string");
}

#[test]
fn names_are_unicode_and_may_contain_dashes_and_keywords_inside() {
    let items = items(
        "role on-call \"值班\"\nrole deputy_director \"副主任\"\nlevel Ⅱ \"重大\"\nrole 现场处置组 \"现场处置组\"",
    );
    let names: Vec<(&str, &str)> = items
        .iter()
        .map(|item| match item {
            Item::Decl(d) => (d.kind.keyword(), d.name.text),
            Item::Level(l) => ("level", l.name.text),
            other => panic!("not a declaration: {other:?}"),
        })
        .collect();
    assert_eq!(
        names,
        [
            ("role", "on-call"),
            ("role", "deputy_director"),
            ("level", "Ⅱ"),
            ("role", "现场处置组"),
        ]
    );
}

#[test]
fn durations_and_dates() {
    let items = items("step s \"s\" { within 1h30m }\nplan \"p\" { date 2024-02-29 }");
    let Item::Decl(d) = &items[0] else { panic!() };
    assert!(matches!(&d.stmts[0].value, Value::Deadline(w) if w.within.seconds == 5400));
    let (_, message, _) = first_error("plan \"p\" { date 2023-02-29 }");
    assert_eq!(message, "`2023-02-29` is not a date that exists");
    let (_, message, _) = first_error("step s \"s\" { within 10 m }");
    assert_eq!(message, "the duration `10 m` is written `10m`");
}

#[test]
fn keyword_as_name_gets_a_help() {
    let (at, message, help) = first_error("role owner \"负责人\"");
    assert_eq!(at, 5);
    assert_eq!(message, "expected a name, found the keyword `owner`");
    assert!(help.unwrap().contains("reserved keyword"));
}

#[test]
fn full_width_punctuation_names_the_ascii_character() {
    for (text, ascii) in [
        ("，", ","),
        ("；", ";"),
        ("｛", "{"),
        ("（", "("),
        ("“", "\""),
    ] {
        let source = format!("step s \"s\" {{ on a{text} b }}");
        let (_, _, help) = first_error(&source);
        let help = help.unwrap_or_default();
        assert!(help.contains(&format!("ASCII `{ascii}`")), "{text}: {help}");
    }
}

#[test]
fn lists_take_no_trailing_comma() {
    let (_, message, help) = first_error("step s \"s\" { on a, }");
    assert_eq!(message, "expected a name, found `}`");
    assert_eq!(help, None);
    let (_, _, help) = first_error("step s \"s\" { on a,\n owner x }");
    assert!(help.unwrap().contains("reserved keyword"));
}

#[test]
fn one_error_per_broken_item_and_parsing_resumes() {
    let source = "step a \"a\" { ownr x }\nrole r \"r\"\nstep b \"b\" { owner }\nrole q \"q\"\n";
    let parsed = parse(source);
    // One error in each broken step: at `ownr`, and at the `}` where owner's name is missing.
    let errors: Vec<(usize, &str)> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.primary.span.start(), &source[d.primary.span.range()]))
        .collect();
    assert_eq!(errors, [(13, "ownr"), (52, "}")]);
    // The two roles between and after them are read.
    let names: Vec<&str> = parsed
        .file
        .items
        .iter()
        .map(|item| match item {
            Item::Decl(d) => d.name.text,
            other => panic!("not a declaration: {other:?}"),
        })
        .collect();
    assert_eq!(names, ["r", "q"]);
}

#[test]
fn deep_parentheses_give_a_diagnostic_not_a_crash() {
    // Deep enough for the walker's own limit; pest may refuse earlier on a small test stack.
    let depth = planc::syntax::MAX_CONDITION_DEPTH + 1;
    let source = format!(
        "trigger t \"t\" when {}a{}",
        "(".repeat(depth),
        ")".repeat(depth)
    );
    let parsed = parse(&source);
    let found: Vec<(usize, String)> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.primary.span.start(), d.message.text(Lang::En)))
        .collect();
    assert_eq!(
        found,
        // At the first parenthesis past the limit.
        [(
            "trigger t \"t\" when ".len() + planc::syntax::MAX_CONDITION_DEPTH,
            format!(
                "this condition nests parentheses more than {} deep",
                planc::syntax::MAX_CONDITION_DEPTH
            )
        )]
    );
}

/// `depth` sections, one inside the other, around a `text`.
fn nested_sections(depth: usize) -> String {
    format!(
        "{}text \"x\"{}",
        "section \"s\" {\n".repeat(depth),
        "}\n".repeat(depth)
    )
}

#[test]
fn deep_sections_give_one_diagnostic_at_the_first_section_too_deep() {
    let limit = planc::syntax::MAX_SECTION_DEPTH;
    // Just past the limit, and far past it (where the parser itself gives up).
    for depth in [limit + 1, 27_000] {
        let source = nested_sections(depth);
        let parsed = parse(&source);
        assert_eq!(parsed.diagnostics.len(), 1, "{:#?}", parsed.diagnostics);
        let d = &parsed.diagnostics[0];
        assert_eq!(
            d.message.text(Lang::En),
            format!("sections nest more than {limit} deep")
        );
        let title = "section \"s\" {\n".len() * limit + "section ".len();
        assert_eq!(d.primary.span.start(), title, "depth {depth}");
    }
}

/// A statement's span ends at its last token: never the white space, line
/// breaks or comments before the next statement or the closing brace (a
/// label on `escalates to o` must not run onto the next line).
#[test]
fn statements_end_at_their_last_token() {
    let source = "role u \"乙\" {\n  holder \"李四\"  # 值班\n    escalates to o\n  escalates to p within 10m\t\n  members a, b   ,   c\n  text \"x\"\r\n  deputy d # 副\n  phone \"1\"\n  duty \"d\" ; }\nstep s \"s\" { on t1, t2 \n after x\n with a, b\n notify a\n within 1h }\nroutine r \"r\" { owner a\n every 1y\n }\n";
    let mut found = Vec::new();
    for parse in [parse, parse_reference] {
        let parsed = parse(source);
        assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
        let spans: Vec<&str> = parsed
            .file
            .items
            .iter()
            .flat_map(|item| match item {
                Item::Decl(d) => d.stmts.iter().map(|s| &source[s.span.range()]).collect(),
                _ => Vec::new(),
            })
            .collect();
        found.push(spans);
    }
    assert_eq!(found[0], found[1], "the fast and the reference rules agree");
    assert_eq!(
        found[0],
        [
            "holder \"李四\"",
            "escalates to o",
            "escalates to p within 10m",
            "members a, b   ,   c",
            "text \"x\"",
            "deputy d",
            "phone \"1\"",
            "duty \"d\"",
            "on t1, t2",
            "after x",
            "with a, b",
            "notify a",
            "within 1h",
            "owner a",
            "every 1y",
        ]
    );
}

#[test]
fn a_label_on_a_statement_ends_on_its_line() {
    // Issue 19: the `no-escalation-path` label ran on to the closing brace.
    let source = "plan \"p\" { commander c }\nrole c \"丙\" { holder \"王\" }\nrole o \"甲\" { holder \"张三\" }\nrole u \"乙\" {\n  holder \"李四\"\n    escalates to o\n  }\n";
    let config = planc::config::Config::default();
    let diagnostics = planc::check_source(source, &config);
    let path = diagnostics
        .iter()
        .find(|d| d.code.as_str() == "no-escalation-path")
        .expect("no-escalation-path");
    let labelled: Vec<&str> = path
        .secondary()
        .iter()
        .map(|l| &source[l.span.range()])
        .collect();
    assert_eq!(labelled, ["escalates to o"]);
}

#[test]
fn approver_is_a_plan_header_statement_and_a_name_elsewhere() {
    let source = "plan \"p\" { issuer \"i\"; approver \"站长 张三\" }\n\
                  role approver \"批准人\" { holder \"张三\" }\n\
                  step s \"s\" { owner approver; with approver }\n";
    let (parsed, fallbacks) = planc::syntax::parse_counting(source);
    assert_eq!(parsed.diagnostics, []);
    assert_eq!(fallbacks, 0, "a clean plan is read by the fast rules");
    assert_eq!(parsed.file, parse_reference(source).file);
    let Some(Item::Plan(header)) = parsed.file.items.iter().next() else {
        panic!()
    };
    assert_eq!(header.stmts[1].keyword, Keyword::Approver);
    let Value::Str(approver) = &header.stmts[1].value else {
        panic!()
    };
    assert_eq!(approver.value, "站长 张三");
    let Some(Item::Decl(role)) = parsed.file.items.iter().nth(1) else {
        panic!()
    };
    assert_eq!(role.name.text, "approver");

    // Only the plan header allows it.
    let (_, message, _) = first_error("role r \"r\" { approver \"x\" }");
    assert!(
        message.starts_with("expected a role attribute"),
        "{message}"
    );
}

#[test]
fn approver_is_given_once_and_reaches_the_model() {
    let source = "plan \"p\" { approver \"甲\"; approver \"乙\" }\n";
    let codes: Vec<&str> = planc::check_source(source, &Default::default())
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert!(codes.contains(&"duplicate-definition"), "{codes:?}");
    let parsed = parse(source);
    let model = planc::model::build(&parsed.file);
    let approver = model.header.as_ref().and_then(|h| h.approver.as_ref());
    assert_eq!(approver.map(|s| s.value.as_ref()), Some("甲"));
}
