//! Definition, references and hover.

use super::*;
use crate::ide::hover::hover;

fn definition(offset: usize) -> Vec<String> {
    let a = Analysis::new(PLAN);
    places(PLAN, &a.definition(offset).into_iter().collect::<Vec<_>>())
}

#[test]
fn definition_of_every_kind_of_name() {
    assert_eq!(definition(on("owner office", 0)), ["5:6 office"], "role");
    assert_eq!(
        definition(on("with police", 0)),
        ["10:10 police"],
        "external"
    );
    assert_eq!(
        definition(on("when visitors", 0)),
        ["12:6 visitors"],
        "fact"
    );
    assert_eq!(
        definition(on("{ self_harm", 1)),
        ["13:27 self_harm"],
        "variant"
    );
    assert_eq!(definition(on("level II", 1)), ["17:7 II"], "level");
    assert_eq!(
        definition(on("on mass_visit", 0)),
        ["19:9 mass_visit"],
        "trigger"
    );
    assert_eq!(
        definition(on("(mass_visit", 0)),
        ["19:9 mass_visit"],
        "trigger in a condition"
    );
    assert_eq!(definition(on("after receive", 0)), ["22:6 receive"], "step");
    assert_eq!(
        definition(on("commander leader", 0)),
        ["3:6 leader"],
        "commander"
    );
    assert_eq!(
        definition(on("role office", 0)),
        ["5:6 office"],
        "a definition is its own"
    );
    assert_eq!(
        definition(on("owner", 0)),
        Vec::<String>::new(),
        "a keyword"
    );
    assert_eq!(definition(on("\"接待", 0)), Vec::<String>::new(), "a label");
}

#[test]
fn a_cursor_just_after_a_name_is_on_it() {
    assert_eq!(definition(after("owner office", 0)), ["5:6 office"]);
}

#[test]
fn definition_inside_an_item_that_does_not_parse() {
    let (source, offset) = cursor("role a \"a\" { holder \"x\" }\nstep s \"s\" { owner a‸ ;; }\n");
    let a = Analysis::new(&source);
    assert!(!a.diagnostics(&Config::default()).is_empty());
    assert_eq!(places(&source, &[a.definition(offset).unwrap()]), ["1:6 a"]);
}

#[test]
fn references_with_and_without_the_definition() {
    let a = Analysis::new(PLAN);
    assert_eq!(
        places(PLAN, &a.references(on("owner office", 1), true)),
        ["5:6 office", "22:27 office", "23:26 office", "24:27 office"]
    );
    assert_eq!(
        places(PLAN, &a.references(on("role leader", 0), false)),
        ["1:41 leader", "4:45 leader", "7:16 leader", "23:69 leader"]
    );
    assert_eq!(
        places(PLAN, &a.references(on("act in { self_harm", 0), true)),
        ["13:27 self_harm", "20:38 self_harm"],
        "variants belong to their fact"
    );
}

#[test]
fn hover_on_a_role_shows_its_card() {
    let a = Analysis::new(PLAN);
    let h = hover(&a, on("owner office", 0)).unwrap();
    assert_eq!(places(PLAN, &[h.span]), ["22:27 office"]);
    assert_eq!(
        h.markdown,
        "**role** `office` — 信访工作办公室\n\n\
         - holder: 王五\n\
         - escalates to: `leader` — 领导小组组长 within 10m\n\
         - duty: 日常排查\n"
    );
    let h = hover(&a, on("role leader", 0)).unwrap();
    assert_eq!(
        h.markdown,
        "**role** `leader` — 领导小组组长\n\n- holder: 张三\n- phone: 0000-1\n- deputy: `vice` — 副组长\n"
    );
}

#[test]
fn hover_on_a_trigger_says_its_condition_in_words() {
    let a = Analysis::new(PLAN);
    let h = hover(&a, on("on mass_visit, extreme", 0)).unwrap();
    assert_eq!(
        h.markdown,
        "**trigger** `extreme` — 极端行为\n\n\
         - when: 过激行为 is one of 自残, 暴力冲击 or (集体上访 is set off and not 需要跨部门协调)\n\
         - level: `I` — 特别重大\n"
    );
    let h = hover(&a, on("trigger mass_visit", 0)).unwrap();
    assert_eq!(
        h.markdown,
        "**trigger** `mass_visit` — 集体上访\n\n- when: 到场上访人数 is at least 50\n- level: `II` — 重大\n"
    );
}

#[test]
fn hover_on_a_step_shows_owner_deadline_and_predecessors() {
    let a = Analysis::new(PLAN);
    let h = hover(&a, on("step report", 0)).unwrap();
    assert_eq!(
        h.markdown,
        "**step** `report` — 通报\n\n\
         - owner: `office` — 信访工作办公室\n\
         - deadline: within 10m of the plan being set off\n\
         - phase: 2 (the steps of a phase can be done at the same time)\n\
         - after: `receive` — 接待\n\
         - set off by: `mass_visit` — 集体上访, `extreme` — 极端行为\n\
         - with: `police` — 公安机关\n\
         - notify: `leader` — 领导小组组长\n\
         - until: 事态平息\n"
    );
}

#[test]
fn hover_on_facts_variants_levels_and_drills() {
    let a = Analysis::new(PLAN);
    let card = |needle, n| hover(&a, on(needle, n)).unwrap().markdown;
    assert_eq!(
        card("fact act", 0),
        "**fact** `act` — 过激行为\n\n- type: one of `self_harm` — 自残, `violence` — 暴力冲击\n"
    );
    assert_eq!(
        card("self_harm", 1),
        "**variant** `self_harm` — 自残\n\n- of fact: `act` — 过激行为\n"
    );
    assert_eq!(
        card("level I ", 0),
        "**level** `I` — 特别重大\n\n- rank: 1 of 2, most severe first\n"
    );
    assert_eq!(
        card("drill annual", 0),
        "**drill** `annual` — 演练\n\n- owner: `office` — 信访工作办公室\n- with: `vice` — 副组长\n- every: 1y\n"
    );
    assert_eq!(hover(&a, on("owner", 0)), None, "keywords have no card");
}

#[test]
fn a_deep_condition_is_described_without_recursion_and_cut_short() {
    let nots = "not ".repeat(5000);
    let source = format!("fact f \"旗\": flag\ntrigger t \"t\" when {nots}f\n");
    let a = Analysis::new(&source);
    let h = hover(&a, source.find("trigger t").unwrap() + 8).unwrap();
    assert!(h.markdown.contains("- when: not not not"), "{}", h.markdown);
    assert!(h.markdown.len() < 2000);
}
