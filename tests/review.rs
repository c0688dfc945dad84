//! The defect corpus of a plan reviewer (评审专家): a hospital crowd-incident
//! plan without defects (`tests/fixtures/review/hospital.plan`), and one
//! planted defect at a time, each of which must be reported under its code
//! with its primary label on the line that holds the given text — and
//! nothing else. The quiet twins are near misses that must change nothing.

mod common;

use std::path::Path;

fn base() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review/hospital.plan");
    std::fs::read_to_string(path).expect("the hospital plan")
}

/// The plan with `from` (which must occur once) replaced by `to`.
fn planted(from: &str, to: &str) -> String {
    let source = base();
    assert_eq!(source.matches(from).count(), 1, "`{from}` must occur once");
    source.replacen(from, to, 1)
}

/// Each diagnostic as (code, the text of its primary label's line).
fn findings(source: &str) -> Vec<(String, String)> {
    common::diagnostics(source)
        .iter()
        .map(|d| {
            let start = d.primary.span.start();
            let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = source[start..]
                .find('\n')
                .map_or(source.len(), |i| start + i);
            (d.code.to_string(), source[line_start..line_end].to_string())
        })
        .collect()
}

#[test]
fn the_base_plan_is_clean() {
    assert_eq!(findings(&base()), vec![]);
}

/// (what is planted, replaced text, replacement, code, text on the line of the finding).
const DEFECTS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "a role that is its own deputy",
        "deputy vice_president",
        "deputy president",
        "self-deputy",
        "deputy president",
    ),
    (
        "a deputy with the same holder as its principal",
        "holder \"李明\"",
        "holder \"王建国\"",
        "deputy-same-holder",
        "holder \"王建国\"",
    ),
    (
        "a deputy with no holder",
        "holder \"李明\"\n",
        "",
        "unassigned-deputy",
        "role vice_president",
    ),
    (
        "a deputy that is an external",
        "deputy vice_president",
        "deputy police",
        "wrong-kind",
        "deputy police",
    ),
    (
        "a placeholder ×××",
        "赵强（保卫科科长）",
        "×××",
        "unassigned-role",
        "holder \"×××\"",
    ),
    (
        "a placeholder XXX同志",
        "赵强（保卫科科长）",
        "XXX同志",
        "unassigned-role",
        "holder \"XXX同志\"",
    ),
    (
        "a placeholder 某某",
        "赵强（保卫科科长）",
        "某某",
        "unassigned-role",
        "holder \"某某\"",
    ),
    (
        "a placeholder （待定）",
        "赵强（保卫科科长）",
        "（待定）",
        "unassigned-role",
        "holder \"（待定）\"",
    ),
    (
        "a placeholder tbd",
        "赵强（保卫科科长）",
        "tbd",
        "unassigned-role",
        "holder \"tbd\"",
    ),
    (
        "swapped level thresholds",
        "when crowd >= 50 level I\ntrigger medium \"较大规模聚集\" when crowd >= 20 and crowd < 50 or violence level II\ntrigger small \"人员聚集\" when crowd >= 5 and crowd < 20 level III",
        "when crowd >= 5 level I\ntrigger medium \"较大规模聚集\" when violence level II\ntrigger small \"人员聚集\" when crowd >= 30 level III",
        "level-order",
        "trigger small",
    ),
    (
        "a tautology",
        "when crowd >= 5 and crowd < 20 level III",
        "when crowd >= 0 level III",
        "always-true-trigger",
        "trigger small",
    ),
    (
        "a step that notifies its own owner",
        "on small, medium, large\n  within 30m\n  notify vice_president",
        "on small, medium, large\n  within 30m\n  notify medical",
        "notify-owner",
        "notify medical",
    ),
    (
        "a level nobody uses",
        "crowd < 20 level III",
        "crowd < 20 level II",
        "unused-level",
        "level III \"较大\"",
    ),
    (
        "a count range that sets off nothing between two that do",
        "crowd >= 20 and crowd < 50",
        "crowd >= 30 and crowd < 50",
        "trigger-gap",
        "trigger small",
    ),
];

#[test]
fn each_planted_defect_is_reported_under_its_code_on_its_line() {
    let mut failures = Vec::new();
    for &(what, from, to, code, line) in DEFECTS {
        let got = findings(&planted(from, to));
        let ok = matches!(got.as_slice(), [(c, l)] if c == code && l.contains(line));
        if !ok {
            failures.push(format!(
                "{what}: want {code} on the line with `{line}`, got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// (the near miss, replaced text, replacement).
const QUIET_TWINS: &[(&str, &str, &str)] = &[
    (
        "a chain of deputies that ends outside itself",
        "holder \"李明\"\n",
        "holder \"李明\"\n  deputy office\n",
    ),
    (
        "a real name containing X",
        "赵强（保卫科科长）",
        "X光室主任 赵强",
    ),
    (
        "a Latin name with two X's apart",
        "赵强（保卫科科长）",
        "Max Xu",
    ),
    (
        "nested thresholds in the right order",
        "when crowd >= 20 and crowd < 50 or violence level II\ntrigger small \"人员聚集\" when crowd >= 5 and crowd < 20 level III",
        "when crowd >= 20 or violence level II\ntrigger small \"人员聚集\" when crowd >= 5 level III",
    ),
    (
        "a gap below every threshold",
        "when crowd >= 5 and crowd < 20 level III",
        "when crowd >= 10 and crowd < 20 level III",
    ),
    (
        "a step that notifies the owner's superior",
        "on small, medium, large\n  within 30m\n  notify vice_president",
        "on small, medium, large\n  within 30m\n  notify vice_president, president",
    ),
];

#[test]
fn quiet_twins_give_no_finding() {
    let mut failures = Vec::new();
    for &(what, from, to) in QUIET_TWINS {
        let got = findings(&planted(from, to));
        if !got.is_empty() {
            failures.push(format!("{what}: {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
