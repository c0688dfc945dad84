//! Completion by position, mid-typing: the text after `PLAN` rarely parses.

use super::*;
use crate::ide::completion::{CompletionKind, complete};

/// Labels offered at the cursor of `marked`, appended to `PLAN`.
fn offered(marked: &str) -> Vec<String> {
    let (text, offset) = cursor(marked);
    let source = format!("{PLAN}{text}");
    let a = Analysis::new(&source);
    complete(&a, PLAN.len() + offset)
        .into_iter()
        .map(|c| c.label)
        .collect()
}

#[test]
fn owner_offers_internal_roles_in_plan_order() {
    assert_eq!(
        offered("step x \"x\" { owner ‸ }"),
        ["leader", "vice", "office"]
    );
    assert_eq!(
        offered("routine x \"x\" { owner ‸"),
        ["leader", "vice", "office"]
    );
    assert_eq!(
        offered("plan \"p\" { commander ‸"),
        ["leader", "vice", "office"]
    );
}

#[test]
fn with_notify_and_escalates_to_offer_roles_and_externals() {
    let parties = ["leader", "vice", "office", "police"];
    assert_eq!(offered("step x \"x\" { with ‸"), parties);
    assert_eq!(offered("step x \"x\" { with leader, ‸ }"), parties);
    assert_eq!(offered("step x \"x\" {\n  notify vice,\n    ‸"), parties);
    assert_eq!(offered("role r \"r\" { escalates to ‸"), parties);
    assert_eq!(
        offered("role r \"r\" { escalates ‸"),
        ["to"],
        "`escalates` goes on with `to`"
    );
}

#[test]
fn a_role_is_not_offered_to_escalate_to_itself() {
    assert_eq!(
        offered("role r \"r\" { }\nrole x \"x\" { escalates to ‸"),
        ["leader", "vice", "office", "police", "r"]
    );
}

#[test]
fn on_offers_triggers_and_after_offers_other_steps() {
    assert_eq!(offered("step x \"x\" { on ‸"), ["mass_visit", "extreme"]);
    assert_eq!(
        offered("step x \"x\" { on extreme, ‸"),
        ["mass_visit", "extreme"]
    );
    assert_eq!(
        offered("step x \"x\" { after ‸"),
        ["receive", "report", "x"][..2].to_vec()
    );
    assert_eq!(
        offered("step y \"y\" { on extreme }\nstep x \"x\" { after ‸"),
        ["receive", "report", "y"]
    );
}

#[test]
fn inside_in_braces_the_facts_variants_not_yet_listed() {
    assert_eq!(
        offered("trigger t \"t\" when act in { ‸"),
        ["self_harm", "violence"]
    );
    assert_eq!(
        offered("trigger t \"t\" when act in { self_harm, ‸"),
        ["violence"]
    );
    assert_eq!(
        offered("trigger t \"t\" when visitors in { ‸"),
        Vec::<String>::new()
    );
}

#[test]
fn conditions_offer_facts_triggers_and_not() {
    let atoms = ["visitors", "act", "cross", "mass_visit", "extreme", "not"];
    assert_eq!(offered("trigger t \"t\" when ‸"), atoms);
    assert_eq!(offered("trigger t \"t\" when cross and (‸"), atoms);
    assert_eq!(offered("trigger t \"t\" when cross or not ‸"), atoms);
    assert_eq!(offered("trigger t \"t\" when cross level ‸"), ["I", "II"]);
    assert_eq!(
        offered("trigger t \"t\" when visitors > 5 ‸"),
        [
            "and", "or", "level", "role", "external", "fact", "trigger", "step", "routine",
            "drill", "section", "text"
        ]
    );
}

#[test]
fn statement_starts_offer_the_keywords_the_block_allows() {
    assert_eq!(
        offered("step x \"x\" { ‸"),
        [
            "owner", "on", "after", "with", "within", "notify", "until", "every", "text"
        ]
    );
    assert_eq!(
        offered("step x \"x\" { owner office; every 5m\n  ‸ }"),
        ["on", "after", "with", "within", "notify", "until", "text"],
        "attributes given once are not offered again (v1: `within` may be repeated)"
    );
    assert_eq!(
        offered("role r \"r\" {\n  ‸"),
        [
            "holder",
            "phone",
            "deputy",
            "duty",
            "escalates to",
            "members",
            "text"
        ]
    );
    assert_eq!(
        offered("role r \"r\" { escalates to leader ‸"),
        [
            "within",
            "holder",
            "phone",
            "deputy",
            "duty",
            "escalates to",
            "members",
            "text"
        ]
    );
    assert_eq!(offered("external e \"e\" { ‸"), ["holder", "phone", "text"]);
    assert_eq!(
        offered("plan \"p\" { issuer \"i\"; approver \"a\"\n  ‸"),
        [
            "date",
            "basis",
            "scope",
            "commander",
            "version",
            "kind",
            "effective",
            "reviewed",
            "distribution",
            "revision",
            "text"
        ],
        "a second plan header: its statements, those given once not again"
    );
    assert_eq!(
        offered("drill d \"d\" { every 1y; ‸"),
        ["owner", "with", "last", "text"]
    );
    assert_eq!(
        offered("drill d \"d\" { last 2025-05-20; ‸"),
        ["owner", "with", "every", "text"],
        "a contextual keyword given once is not offered again"
    );
    let items = [
        "role", "external", "fact", "level", "trigger", "step", "routine", "drill", "section",
        "text",
    ];
    assert_eq!(offered("‸"), items, "no second `plan` header");
    let in_section: Vec<&str> = items.iter().copied().chain(["element"]).collect();
    assert_eq!(offered("section \"s\" {\n  ‸\n}"), in_section);
    assert_eq!(
        offered("section \"s\" { step x \"x\" { owner office }\n  ‸"),
        in_section
    );
    assert_eq!(
        offered("fact f \"f\": ‸"),
        ["count", "flag", "one_of", "number"]
    );
}

#[test]
fn a_file_without_header_offers_plan() {
    let a = Analysis::new("");
    let labels: Vec<String> = complete(&a, 0).into_iter().map(|c| c.label).collect();
    assert_eq!(labels.first().map(String::as_str), Some("plan"));
}

#[test]
fn nothing_inside_strings_comments_values_or_new_names() {
    for marked in [
        "step x \"x‸",
        "step x \"x‸\" {}",
        "# owner ‸",
        "role ‸",
        "role r ‸",
        "step x \"x\" { within 1‸",
        "trigger t \"t\" when visitors >= ‸",
    ] {
        assert_eq!(offered(marked), Vec::<String>::new(), "{marked}");
    }
}

#[test]
fn the_word_being_typed_is_replaced() {
    let (text, offset) = cursor("step x \"x\" { owner 办公‸ }");
    let source = format!("{PLAN}{text}");
    let a = Analysis::new(&source);
    let items = complete(&a, PLAN.len() + offset);
    let office = items.iter().find(|c| c.label == "office").unwrap();
    assert_eq!(&source[office.replace.range()], "办公");
    assert_eq!(office.insert, "office");
    assert_eq!(office.detail.as_deref(), Some("信访工作办公室"));
    assert_eq!(office.kind, CompletionKind::Name(NameKind::Role));
}
