//! The slips of an author typing with a Chinese input method (issue 14): each
//! is one syntax error at the slip, its help names the fix, and where the fix
//! is mechanical it is a `Repair` that `planc fmt --fix` applies. The exact
//! words of every slip, in both languages, are in the snapshots of
//! tests/fixtures/checks/syntax-error/fires_slip_*.plan.

use planc::fmt::{Options, format_with};
use planc::lang::Lang;
use planc::syntax::parse;

const PLAN: &str = r#"plan "测试预案" { issuer "测试单位"; date 2026-01-01; commander leader }
role leader "领导小组组长" { holder "张三" }
role office "信访工作办公室" { holder "李四"; escalates to leader within 10m }
fact visitors "到场上访人数": count
trigger mass_visit "集体上访" when visitors >= 50
step report "向组长通报情况" { owner office; on mass_visit; within 10m; notify leader }
step calm "劝解疏导" { owner office; after report }
drill annual "应急演练" { owner office; every 1y }
"#;

/// `PLAN` with `old` (which must be in it) replaced by `new`.
fn slip(old: &str, new: &str) -> String {
    assert!(PLAN.contains(old), "{old}");
    PLAN.replacen(old, new, 1)
}

/// The one syntax error of `source`: where, its help in English, and the
/// text its repair makes.
fn one_error(source: &str) -> (usize, String, String) {
    let parsed = parse(source);
    assert_eq!(parsed.diagnostics.len(), 1, "{:#?}", parsed.diagnostics);
    let d = &parsed.diagnostics[0];
    let repair = d.repair().unwrap_or_else(|| panic!("no repair: {d:#?}"));
    assert!(repair.certain);
    let mut fixed = source.to_string();
    for (span, text) in repair.edits.iter().rev() {
        fixed.replace_range(span.range(), text);
    }
    let help = d
        .help
        .as_ref()
        .map(|h| h.text(Lang::En))
        .unwrap_or_default();
    (d.primary.span.start(), help, fixed)
}

#[test]
fn the_chinese_keywords_of_the_issue_get_their_english_keyword() {
    // (keyword, the Chinese word an author types for it in its place)
    let cases = [
        ("role leader", "角色 leader", "角色", "role"),
        ("step report", "步骤 report", "步骤", "step"),
        ("{ owner office; on", "{ 负责 office; on", "负责", "owner"),
        (
            "on mass_visit; within",
            "触发 mass_visit; within",
            "触发",
            "on",
        ),
        ("trigger mass_visit", "触发 mass_visit", "触发", "trigger"),
        ("\"集体上访\" when", "\"集体上访\" 条件", "条件", "when"),
        ("within 10m; notify", "时限 10m; notify", "时限", "within"),
        ("notify leader", "通知 leader", "通知", "notify"),
        ("after report", "之后 report", "之后", "after"),
        ("drill annual", "演练 annual", "演练", "drill"),
        ("escalates to leader", "上报 leader", "上报", "escalates to"),
        ("holder \"张三\"", "担任 \"张三\"", "担任", "holder"),
    ];
    for (old, new, word, keyword) in cases {
        let source = slip(old, new);
        let (at, help, fixed) = one_error(&source);
        assert_eq!(
            at,
            source.find(new).unwrap() + new.find(word).unwrap(),
            "{word}"
        );
        assert_eq!(
            help,
            format!(
                "keywords are English words (the checklists print them in Chinese): replace `{word}` with `{keyword}`"
            )
        );
        assert_eq!(fixed, PLAN, "{word}");
    }
}

#[test]
fn each_slip_is_repaired_to_what_was_meant() {
    // (as written in PLAN, the slip)
    let cases = [
        ("{ owner office; on", "{ owner：office; on"),
        ("{ owner office; on", "{ owner: office; on"),
        ("{ owner office; on", "{ owner office，on"),
        ("within 10m; notify", "within 10分钟; notify"),
        ("within 10m; notify", "within 10 分钟; notify"),
        ("within 10m; notify", "within 10分钟内; notify"),
        ("every 1y", "every 1年"),
        ("date 2026-01-01", "date 2026年1月1日"),
        ("date 2026-01-01", "date 2026/1/1"),
        ("date 2026-01-01", "date 2026.01.01"),
        ("visitors >= 50", "visitors ≥ 50"),
        ("holder \"张三\"", "holder 张三"),
        ("fact visitors", "// 事实\nfact visitors"),
    ];
    for (old, new) in cases {
        let source = slip(old, new);
        let (_, _, fixed) = one_error(&source);
        let expected = match new {
            "{ owner office，on" => PLAN.replacen("{ owner office; on", "{ owner office;on", 1),
            "// 事实\nfact visitors" => {
                PLAN.replacen("fact visitors", "# 事实\nfact visitors", 1)
            }
            _ => PLAN.to_string(),
        };
        assert_eq!(fixed, expected, "{new}");
    }
    // Decimals become whole units.
    let source = slip("within 10m; notify", "within 1.5h; notify");
    let (_, _, fixed) = one_error(&source);
    assert_eq!(fixed, slip("within 10m; notify", "within 1h30m; notify"));
    let source = slip("within 10m; notify", "within 1小时30分钟; notify");
    let (_, _, fixed) = one_error(&source);
    assert_eq!(fixed, slip("within 10m; notify", "within 1h30m; notify"));
}

#[test]
fn a_slip_that_is_not_one_is_left_alone() {
    // A colon after a label is the language's own (`fact f "…": count`).
    assert!(parse(PLAN).diagnostics.is_empty());
    // `，` inside a list is a list's comma, not a statement's end.
    let source = slip("on mass_visit;", "on mass_visit，mass_visit;");
    let (_, help, fixed) = one_error(&source);
    assert!(
        help.starts_with("replace `，` with the ASCII `,`"),
        "{help}"
    );
    assert_eq!(fixed, slip("on mass_visit;", "on mass_visit,mass_visit;"));
    // A duration in a unit no whole number of a smaller unit makes.
    let source = slip("every 1y", "every 1.5y");
    assert!(parse(&source).diagnostics[0].repair().is_none());
}

#[test]
fn fmt_fix_repairs_every_slip_of_a_file_and_lists_them() {
    let source = "plan \"测试预案\" { issuer \"测试单位\"； date 2026年1月1日; commander leader }\n\
角色 leader \"领导小组组长\" { holder 张三（站长）； phone 13900000000 }\n\
role office \"信访工作办公室\" { holder \"李四\"; 上报：leader within 10分钟 }\n\
fact visitors \"到场上访人数\": count\n\
trigger mass_visit \"集体上访\" 条件 visitors ≥ 50\n\
// 响应\n\
步骤 report “向组长通报情况” ｛ 负责 office， on mass_visit; 时限 1.5h ｝\n\
drill annual \"应急演练\" { owner office; every 1年 }\n";
    let formatted = format_with(source, Options { fix: true }).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(
        formatted.text,
        "plan \"测试预案\" {\n  issuer \"测试单位\"\n  date 2026-01-01\n  commander leader\n}\n\n\
role leader \"领导小组组长\" {\n  holder \"张三（站长）\"\n  phone \"13900000000\"\n}\n\n\
role office \"信访工作办公室\" {\n  holder \"李四\"\n  escalates to leader within 10m\n}\n\n\
fact visitors \"到场上访人数\": count\n\
trigger mass_visit \"集体上访\" when visitors >= 50\n\n\
# 响应\n\
step report \"向组长通报情况\" {\n  owner office\n  on mass_visit\n  within 1h30m\n}\n\n\
drill annual \"应急演练\" {\n  owner office\n  every 1y\n}\n"
    );
    let fixes: Vec<(usize, &str, &str)> = formatted
        .fixes
        .iter()
        .map(|f| (f.span.start(), f.found.as_str(), f.replacement.as_str()))
        .collect();
    let at = |needle: &str| source.find(needle).unwrap();
    assert_eq!(
        fixes,
        [
            (at("；"), "；", ";"),
            (at("2026年"), "2026年1月1日", "2026-01-01"),
            (at("角色"), "角色", "role"),
            (at("张三"), "张三（站长）", "\"张三（站长）\""),
            (at("）；") + "）".len(), "；", ";"),
            (at("13900000000"), "13900000000", "\"13900000000\""),
            (at("上报"), "上报", "escalates to"),
            (at("："), "：", " "),
            (at("10分钟"), "10分钟", "10m"),
            (at("条件"), "条件", "when"),
            (at("≥"), "≥", ">="),
            (at("//"), "//", "#"),
            (at("步骤"), "步骤", "step"),
            (at("“"), "“", "\""),
            (at("”"), "”", "\""),
            (at("｛"), "｛", "{"),
            (at("负责"), "负责", "owner"),
            (at("，"), "，", ";"),
            (at("时限"), "时限", "within"),
            (at("1.5h"), "1.5h", "1h30m"),
            (at("｝"), "｝", "}"),
            (at("1年"), "1年", "1y"),
        ]
    );
}
