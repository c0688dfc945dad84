//! The store gives back exactly what was pushed, in the order a stable sort
//! by position would, and its severities, suppressions and baseline act on
//! the packed findings as they did on diagnostics.

use super::*;
use crate::diagnostic::{Arg, Message, Repair};
use crate::profiles::{Clause, ProfileId};

fn at(start: usize, end: usize) -> Span {
    Span::new(start, end)
}

/// A finding of `code` at `start..end` whose message names `name`.
fn named(code: Code, start: usize, end: usize, name: &str) -> Diagnostic {
    Diagnostic::new(
        code,
        Message::new("undefined-name").with("name", name),
        Label::new(at(start, end), Message::new("undefined-name.label")),
    )
}

/// The names of the findings in order, as `named` gave them.
fn names(findings: &Findings) -> Vec<String> {
    findings
        .iter()
        .map(|d| match d.message.arg("name") {
            Some(Arg::Text(t)) => t.to_string(),
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn every_kind_of_placeholder_and_the_rare_parts_come_back_as_pushed() {
    let long = "一个很长很长很长很长的名字，远超二十四个字节"; // held on the heap
    let message = Message::new("deadline-inversion")
        .with("text", "r0")
        .with("long", long)
        .with("empty", "")
        .with("number", 0u64)
        .with("big", u64::MAX)
        .with("words", Arg::Words("kind-role"))
        .with(
            "message",
            Message::new("did-you-mean")
                .with("name", "leader")
                .with("n", 300u32),
        )
        .with("names", Arg::names(["a", "b", "丙"], 2))
        .with("path", Arg::path(["x", "y", "x"], 8))
        .with(
            "either",
            Arg::Either(Box::new([
                Message::new("kind-role"),
                Message::new("kind-fact").with("n", 1u8),
            ])),
        );
    let d = Diagnostic::new(
        Code::DeadlineInversion,
        message,
        Label::new(at(70_000, 70_400), Message::new("deadline-inversion.label")),
    )
    .with_help(Message::new("deadline-inversion.help").with("name", "s"))
    .with_label(Label::new(at(3, 9), Message::new("no-drill.label")))
    .with_label(Label::new(at(9, 9), Message::new("no-drill")))
    .with_repair(Repair::replace(
        Message::new("did-you-mean"),
        at(1, 2),
        "leader",
    ))
    .with_clause(Clause::Article(25));
    let bare = Diagnostic::new(
        Code::NoDrill,
        Message::new("no-drill"),
        Label::new(at(0, 0), Message::new("no-drill.label")),
    );
    let mut warning = bare.clone();
    warning.severity = Severity::Warning;
    let pushed = vec![d, bare, warning];
    let findings = Findings::from(pushed.clone());
    assert_eq!(findings.len(), 3);
    assert_eq!(findings.get(0).as_ref(), Some(&pushed[0]));
    assert_eq!(findings.get(3), None);
    // Joined into another store (its ids numbered anew), they are the same.
    let mut joined = Findings::from(vec![named(Code::NoDrill, 1, 2, "before")]);
    joined.append(findings.clone());
    assert_eq!(joined.into_vec()[1..], pushed);
    assert_eq!(findings.into_vec(), pushed);
    // Labels written one by one are those given at once.
    let (first, more) = pushed[0].secondary().split_first().unwrap();
    let mut streamed = Findings::new();
    let without = |d: &Diagnostic| {
        let mut d = d.clone();
        d.more().secondary.clear();
        d
    };
    streamed.push_with_labels(
        without(&pushed[0]).with_label(first.clone()),
        more.iter().cloned(),
    );
    streamed.push_with_labels(pushed[1].clone(), [first.clone()]);
    assert_eq!(streamed.get(0).as_ref(), Some(&pushed[0]));
    assert_eq!(
        streamed.get(1),
        Some(pushed[1].clone().with_label(first.clone()))
    );
}

#[test]
fn sorted_by_start_end_and_code_with_ties_in_the_order_pushed() {
    let mut findings = Findings::new();
    findings.push(named(Code::UndefinedName, 50, 60, "late"));
    findings.push(named(Code::UndefinedName, 10, 20, "tie-1"));
    findings.push(named(Code::OrphanRole, 10, 20, "other code"));
    findings.push(named(Code::UndefinedName, 10, 15, "shorter"));
    findings.push(named(Code::UndefinedName, 10, 20, "tie-2"));
    findings.push(named(Code::UndefinedName, 0, 300, "first"));
    findings.push(named(Code::UndefinedName, 10, 20, "tie-3"));
    findings.sort_by_position();
    // `Code` follows the spec's table: undefined-name before orphan-role.
    assert!(Code::UndefinedName < Code::OrphanRole);
    assert_eq!(
        names(&findings),
        [
            "first",
            "shorter",
            "tie-1",
            "tie-2",
            "tie-3",
            "other code",
            "late"
        ]
    );
    // Sorting again keeps it.
    findings.sort_by_position();
    assert_eq!(names(&findings)[2..5], ["tie-1", "tie-2", "tie-3"]);
}

#[test]
fn many_findings_cross_chunks_and_stores_join_in_order() {
    let mut first = Findings::new();
    let mut second = Findings::new();
    for i in 0..5_000 {
        first.push(named(
            Code::UndefinedName,
            i * 10,
            i * 10 + 2,
            &format!("u{i}"),
        ));
    }
    second.push(named(Code::OrphanRole, 5, 6, "r"));
    second.push(
        named(Code::OrphanRole, 1, 2, "with more")
            .with_label(Label::new(at(7, 8), Message::new("no-drill"))),
    );
    assert!(first.records.chunks.len() > 3);
    assert_eq!(first.get(4_321).unwrap().primary.span, at(43_210, 43_212));
    first.append(second);
    assert_eq!(first.len(), 5_002);
    let last = first.get(5_001).unwrap();
    assert_eq!(
        last.secondary(),
        [Label::new(at(7, 8), Message::new("no-drill"))]
    );
    first.sort_by_position();
    assert_eq!(names(&first)[..4], ["u0", "with more", "r", "u1"]);
}

#[test]
fn settle_sets_severities_drops_what_is_off_and_cites_unless_cited() {
    let own = Source {
        profile: ProfileId::Xinfang,
        clause: Some(Clause::Article(25)),
    };
    let given = Source {
        profile: ProfileId::Gbt29639,
        clause: Some(Clause::Section("6.1")),
    };
    let mut findings = Findings::new();
    findings.push(named(Code::NoDrill, 0, 1, "off"));
    findings.push(named(Code::OrphanRole, 2, 3, "warned"));
    let mut cited = named(Code::UndefinedName, 4, 5, "own clause");
    cited.set_source(Some(own));
    findings.push(cited);
    findings.push(
        named(Code::UndefinedName, 6, 7, "given clause")
            .with_label(Label::new(at(8, 9), Message::new("no-drill"))),
    );
    findings.settle(
        |code| match code {
            Code::NoDrill => None,
            Code::OrphanRole => Some(Severity::Warning),
            _ => Some(Severity::Error),
        },
        |code| (code == Code::UndefinedName).then_some(given),
    );
    assert_eq!(names(&findings), ["warned", "own clause", "given clause"]);
    let severities: Vec<Severity> = findings.severities().collect();
    assert_eq!(
        severities,
        [Severity::Warning, Severity::Error, Severity::Error]
    );
    let sources: Vec<Option<Source>> = findings.iter().map(|d| d.source()).collect();
    assert_eq!(sources, [None, Some(own), Some(given)]);
    // The label is in the record, the source cited beside it.
    let last = findings.get(2).unwrap();
    assert_eq!(
        last.secondary(),
        [Label::new(at(8, 9), Message::new("no-drill"))]
    );
    assert_eq!(findings.records.rare.len(), 2);
    assert_eq!(
        findings.code_and_span(2),
        Some((Code::UndefinedName, at(6, 7)))
    );
}

#[test]
fn retain_by_index_and_by_finding() {
    let mut findings: Findings = (0..6)
        .map(|i| named(Code::UndefinedName, i, i + 1, &format!("n{i}")))
        .collect();
    findings.retain_indices(|i| i % 2 == 0);
    assert_eq!(names(&findings), ["n0", "n2", "n4"]);
    findings.retain(|d| d.primary.span.start() != 2);
    assert_eq!(names(&findings), ["n0", "n4"]);
}

#[test]
fn suppressions_and_the_baseline_act_on_packed_findings() {
    let source = "plan \"P\" { issuer \"u\"; commander boss }\n\
                  role boss \"组长\" { holder \"张三\" }\n\
                  # planc: allow(orphan-role) — 待定\n\
                  role a \"甲\" { holder \"_____\"; escalates to boss }\n\
                  role b \"乙\" { holder \"_____\"; escalates to boss }\n";
    let config = crate::config::Config::default();
    let findings = crate::pipeline::check_packed(source, &config);
    let found: Vec<(Code, usize)> = (0..findings.len())
        .filter_map(|i| findings.code_and_span(i))
        .map(|(c, s)| (c, s.start()))
        .collect();
    // Role `a` (bytes 118..169) is silenced; role `b` (169..220) is not,
    // and the suppression is used.
    let orphans = |range: std::ops::Range<usize>| {
        found
            .iter()
            .filter(|&&(c, at)| c == Code::OrphanRole && range.contains(&at))
            .count()
    };
    assert_eq!((orphans(118..169), orphans(169..220)), (0, 1), "{found:?}");
    assert!(!found.iter().any(|&(c, _)| c == Code::UnusedSuppression));
    let mut baseline = crate::baseline::Baseline::default();
    baseline.record("x.plan", &findings);
    let mut again = crate::pipeline::check_packed(source, &config);
    assert_eq!(baseline.take("x.plan", &mut again), found.len());
    assert!(again.is_empty());
    assert_eq!(baseline.remaining(), 0);
}
