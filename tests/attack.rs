//! The shapes of hostile plans that once made planc super-linear (issue 19),
//! at sizes small enough for `cargo test`: what each must give, not how fast
//! (the figures are in `benches/attack.rs` and docs/robustness.md).

#[path = "../benches/support/attack.rs"]
#[allow(dead_code)] // the shapes' table is the benchmark's
mod attack;

use planc::config::Config;
use planc::diagnostic::{Code, Diagnostic};
use planc::lang::Lang;
use planc::report::FileReport;
use planc::report::human::{self, HumanOptions};

fn check(source: &str) -> Vec<Diagnostic> {
    planc::check_source(source, &Config::default())
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<Code> {
    diagnostics.iter().map(|d| d.code).collect()
}

fn human_report(source: &str, diagnostics: &[Diagnostic], lang: Lang) -> String {
    let files = [FileReport {
        path: "a.plan",
        source,
        diagnostics,
    }];
    let options = HumanOptions {
        color: false,
        width: 100,
        lang,
        not_read: 0,
    };
    human::render(&files, options)
}

#[test]
fn a_long_loop_draws_at_most_32_labels_and_counts_the_rest() {
    let source = attack::cycle(200);
    let diagnostics = check(&source);
    let cycle: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.code == Code::EscalationCycle)
        .collect();
    assert_eq!(cycle.len(), 1);
    // Every `escalates to` of the loop stays a label (JSON, SARIF, the editor).
    assert_eq!(cycle[0].secondary().len() + 1, 200);
    let report = human_report(&source, &diagnostics, Lang::En);
    // The loop and the roles that cannot reach the commander: 200 labels each.
    // (The note is wrapped with the help, so only its start is looked for twice.)
    assert_eq!(report.matches("(168 more places").count(), 2, "{report}");
    assert!(
        report.contains("(168 more places are not drawn here: `--format json` lists them all)"),
        "{report}"
    );
    assert!(report.contains("role r31 "), "{report}");
    assert!(!report.contains("role r40 "), "{report}");
    let zh = human_report(&source, &diagnostics, Lang::Zh);
    assert!(
        zh.contains("（另有 168 处未在此画出：`--format json` 列出全部）"),
        "{zh}"
    );
}

#[test]
fn span_of_control_over_many_reports_names_and_labels_the_first_20() {
    let source = attack::wide(500);
    let wide: Vec<Diagnostic> = check(&source)
        .into_iter()
        .filter(|d| d.code == Code::SpanOfControl)
        .collect();
    assert_eq!(wide.len(), 1);
    // The finding itself is cut, so every output (JSON, SARIF, the editor) says the same.
    assert_eq!(wide[0].secondary().len(), 20);
    let message = wide[0].text(Lang::En).message;
    assert!(
        message.starts_with("500 roles escalate directly to `boss`, more than 7: `r0`, `r1`,"),
        "{message}"
    );
    assert!(message.ends_with("`r18`, `r19`, and 480 more"), "{message}");
    let report = human_report(&source, &wide, Lang::En);
    assert!(report.contains("`r19` reports directly"), "{report}");
    assert!(!report.contains("`r20` reports directly"), "{report}");
    assert!(!report.contains("not drawn"), "{report}");
    let zh = wide[0].text(Lang::Zh).message;
    assert!(zh.ends_with("`r19` 以及另外 480 个"), "{zh}");
}

#[test]
fn a_label_count_at_the_limit_gets_no_note() {
    // 31 roles in a loop, the loop's 31 labels all drawn.
    let source = attack::cycle(31);
    let diagnostics: Vec<Diagnostic> = check(&source)
        .into_iter()
        .filter(|d| d.code == Code::EscalationCycle)
        .collect();
    let report = human_report(&source, &diagnostics, Lang::En);
    assert!(!report.contains("not drawn"), "{report}");
    assert!(report.contains("role r30 "), "{report}");
}

#[test]
fn many_undefined_names_on_one_line_stay_short_each() {
    let source = attack::undefined_on_one_line(2_000);
    let diagnostics = check(&source);
    let undefined = codes(&diagnostics)
        .iter()
        .filter(|&&c| c == Code::UndefinedName)
        .count();
    assert_eq!(undefined, 2_000);
    // Each drawing cuts the 15 KB line to the parts around its own label.
    let report = human_report(&source, &diagnostics, Lang::En);
    assert!(report.len() < 2_000 * 1_500, "{} bytes", report.len());
}

#[test]
fn a_puzzle_past_the_search_bound_could_not_be_decided() {
    let diagnostics = check(&attack::pigeons(2));
    let undecided: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.code == Code::UnsatisfiableTrigger)
        .map(|d| d.text(Lang::En).message)
        .collect();
    assert_eq!(
        undecided,
        [
            "could not decide whether the condition of trigger `t0` can ever be true",
            "could not decide whether the condition of trigger `t1` can ever be true"
        ]
    );
}

#[test]
fn every_used_suppression_silences_its_own_role() {
    assert_eq!(codes(&check(&attack::suppressed(3_000))), [Code::NoDrill]);
}

#[test]
fn a_suppression_that_names_a_code_twice_uses_it_once() {
    let source = "plan \"P\" { commander boss }\nrole boss \"组长\" { holder \"张三\" }\n\
                  # planc: allow(unassigned-role, unassigned-role) — 待定\n\
                  role r \"r\" { holder \"_____\"; escalates to boss }\n\
                  step s \"s\" { owner r; on t }\nfact f \"f\": flag\ntrigger t \"t\" when f\n";
    let diagnostics = check(source);
    assert_eq!(
        codes(&diagnostics),
        [Code::NoDrill, Code::UnusedSuppression],
        "{diagnostics:#?}"
    );
    // The second mention is the unused one.
    let at = diagnostics[1].primary.span.start();
    assert_eq!(at, source.rfind("unassigned-role)").unwrap());
}

#[test]
fn each_checklist_of_a_trigger_chain_builds_on_the_first() {
    let source = attack::trigger_chain(60);
    let compiled = planc::pipeline::compile(&source, &Config::default());
    let (Some(model), Some(graphs)) = (&compiled.model, &compiled.graphs) else {
        panic!("{:?}", compiled.diagnostics);
    };
    let doc = planc::render::document::Document::build(&compiled.file, model, graphs, Lang::En);
    assert_eq!(doc.triggers.len(), 60);
    // The triggers all fire together: one checklist of 60 steps, listed
    // once; the others build on it and list nothing.
    for (i, t) in doc.triggers.iter().enumerate() {
        assert_eq!(t.steps.len(), if i == 0 { 60 } else { 0 }, "{i}");
        assert_eq!(doc.checklist(t).len(), 60);
        // 20 named, 39 counted.
        assert_eq!((t.also.len(), t.also_more), (20, 39), "{i}");
        let first = if i == 0 { "t1" } else { "t0" };
        assert_eq!(t.also[0].name, first);
        // It sets off the next (the last the first): a ring, not 59 names.
        let next = format!("t{}", (i + 1) % 60);
        let sets_off: Vec<&str> = t.sets_off.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(sets_off, [next.as_str()]);
        let base = t.builds_on.as_ref().map(|b| b.name.as_str());
        assert_eq!(base, if i == 0 { None } else { Some("t0") }, "{i}");
    }
    let md = planc::render::markdown::render(&doc);
    assert!(md.contains("**Also sets off**: t1; t2; "), "{md}");
    assert!(md.contains("; t20, and 39 more\n"), "{md}");
    assert_eq!(md.matches("- [ ] ").count(), 60);
    let json = planc::render::json::render(&doc, model);
    assert_eq!(json.matches("\"step\": ").count(), 60);
}

#[test]
fn each_checklist_and_card_entry_of_graded_levels_builds_on_the_next_one_down() {
    let source = attack::trigger_levels(40);
    let compiled = planc::pipeline::compile(&source, &Config::default());
    let (Some(model), Some(graphs)) = (&compiled.model, &compiled.graphs) else {
        panic!("{:?}", compiled.diagnostics);
    };
    let doc = planc::render::document::Document::build(&compiled.file, model, graphs, Lang::En);
    // t0 (n >= 40) sets off t1 … t39; it names t1 only as set off directly.
    for (i, t) in doc.triggers.iter().enumerate() {
        assert_eq!(t.name, format!("t{i}"));
        let steps: Vec<&str> = t.steps.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(steps, [format!("s{i}")], "{i}");
        assert_eq!(doc.checklist(t).len(), 40 - i);
        let base = t.builds_on.as_ref().map(|b| b.name.clone());
        assert_eq!(base, (i < 39).then(|| format!("t{}", i + 1)));
        let sets_off: Vec<String> = t.sets_off.iter().map(|a| a.name.clone()).collect();
        assert_eq!(sets_off, base.into_iter().collect::<Vec<_>>());
        assert_eq!(
            (t.also.len(), t.also_more),
            ((39 - i).min(20), (39 - i).saturating_sub(20))
        );
        // Printed in full from 30 steps down (t10 … t38; t39 builds on none).
        let whole: Vec<String> = t.whole.iter().map(|s| s.name.clone()).collect();
        let expected: Vec<String> = if (10..39).contains(&i) {
            (i..40).map(|k| format!("s{k}")).collect()
        } else {
            Vec::new()
        };
        assert_eq!(whole, expected, "{i}");
    }
    // The card: each entry refers to the next one down while the whole
    // would be over 30 tasks; from 30 down it lists them all.
    let card = doc.role("boss").unwrap();
    let entries: Vec<(Vec<&str>, Option<&str>, Vec<String>)> = card
        .triggers
        .iter()
        .map(|e| {
            (
                e.triggers.iter().map(|t| t.name.as_str()).collect(),
                e.builds_on.as_ref().map(|b| b.name.as_str()),
                e.tasks.iter().map(|t| t.name.clone()).collect(),
            )
        })
        .collect();
    for (i, (triggers, base, tasks)) in entries.iter().enumerate() {
        assert_eq!(triggers, &[format!("t{i}").as_str()]);
        if i < 10 {
            assert_eq!(*base, Some(format!("t{}", i + 1).as_str()), "{i}");
            assert_eq!(tasks, &[format!("s{i}")], "{i}");
        } else {
            assert_eq!(*base, None, "{i}");
            let all: Vec<String> = (i..40).map(|k| format!("s{k}")).collect();
            assert_eq!(tasks, &all, "{i}");
        }
    }
    assert_eq!(entries.len(), 40);
    let md = planc::render::markdown::render(&doc);
    assert!(
        md.contains(
            "  - t1:\n    - **Every task under \u{201c}t2\u{201d}, and\\:**\n    - owns: s1"
        ),
        "{md}"
    );
    assert!(
        md.contains("**Below\\: every step of \u{201c}t11\u{201d} (same deadlines) and this trigger's own steps\\:**"),
        "{md}"
    );
    // t0 … t9 one step each, t10 … t38 their whole (30 down to 2), t39 one.
    assert_eq!(
        md.matches("- [ ] ").count(),
        10 + (2..=30).sum::<usize>() + 1
    );
}

#[test]
fn a_long_and_chain_is_read_and_checked() {
    assert_eq!(codes(&check(&attack::and_chain(1))), [Code::NoDrill]);
}

/// The long conditions of the memory figures, 1 MB each: read by the fast
/// rules (one pest pair, the lexer inside it: nothing falls back to the
/// reference rules) and checked.
#[test]
fn long_conditions_of_every_form_are_read_fast_and_checked() {
    for (source, expected) in [
        (attack::or_chain(1), vec![Code::NoDrill]),
        (attack::not_chain(1), vec![Code::NoDrill]),
        (attack::mixed_chain(1), vec![Code::NoDrill]),
        (attack::long_membership(1), vec![Code::NoDrill]),
    ] {
        let (parsed, fallbacks) = planc::syntax::parse_counting(&source);
        assert_eq!(fallbacks, 0);
        assert!(parsed.diagnostics.is_empty());
        assert_eq!(codes(&check(&source)), expected);
    }
}

/// `and_chain(1)` cut to about `bytes`: its condition ends earlier.
fn short_and_chain(bytes: usize) -> String {
    let source = attack::and_chain(1);
    let cut = source[..bytes].rfind(" and f").unwrap();
    let rest = source.find("\nstep").unwrap();
    format!("{}{}", &source[..cut], &source[rest..])
}

#[test]
fn a_slip_inside_a_long_condition_is_reported_where_it_is() {
    let mut source = short_and_chain(100_000);
    let at = source[50_000..].find(" and f").unwrap() + 50_000 + 5;
    source.replace_range(at..at + 1, "g");
    let (_, fallbacks) = planc::syntax::parse_counting(&source);
    assert_eq!(fallbacks, 0);
    let diagnostics = check(&source);
    assert_eq!(codes(&diagnostics), [Code::NoDrill, Code::UndefinedName]);
    assert_eq!(
        diagnostics[1].primary.span,
        planc::span::Span::new(at, at + 1)
    );
    // A keyword where a name belongs: the reference rules read the item
    // again and blame the `and` that cannot be followed by `or`.
    source.replace_range(at..at + 1, "or");
    let diagnostics = check(&source);
    assert_eq!(codes(&diagnostics), [Code::SyntaxError]);
    assert_eq!(diagnostics[0].primary.span.start(), at - 4);
}

#[test]
fn parentheses_past_the_limit_are_one_syntax_error() {
    assert_eq!(codes(&check(&attack::deep(300))), [Code::SyntaxError]);
    assert_eq!(
        codes(&check(&attack::deep(200))),
        [Code::NoDrill, Code::NoResponse]
    );
}

#[test]
fn every_broken_line_is_one_syntax_error_where_it_is() {
    let source = attack::broken_lines(4);
    let index = planc::span::LineIndex::new(&source);
    let found: Vec<(String, (usize, usize))> = check(&source)
        .iter()
        .map(|d| {
            let at = index.line_col(&source, d.primary.span.start());
            (d.text(Lang::En).message, at)
        })
        .collect();
    let name = "expected a name, found `}`".to_string();
    let label = |found: &str| format!("expected a string in double quotes, found {found}");
    assert_eq!(
        found,
        [
            (name.clone(), (3, 21)),
            (label("the keyword `step`"), (5, 1)),
            (name, (5, 21)),
            (label("the end of the file"), (7, 1)),
        ]
    );
    // Recovery goes on to the end of a long file, one error a line.
    let many = check(&attack::broken_lines(3_000));
    assert_eq!(many.len(), 3_000);
    assert!(many.iter().all(|d| d.code == Code::SyntaxError));
}

/// The syntax arena of a condition is given back as the model's is filled
/// (`model::build_owned`), from its last node to its first: the model, and
/// the order of its problems, are those `model::build` gives.
#[test]
fn a_condition_given_back_as_it_is_resolved_gives_the_same_model() {
    let source = "plan \"P\" { issuer \"u\"; commander boss }\nrole boss \"组长\" { holder \"张三\" }\n\
        fact k \"k\": one_of { a \"a\" }\nfact v \"v\": count\n\
        trigger t \"t\" when zz and k in { q, r } or v and not yy\n\
        step s \"s\" { owner boss; on t }\n";
    let parsed = planc::syntax::parse(source);
    let borrowed = format!("{:?}", planc::model::build(&parsed.file));
    let owned = planc::model::build_owned(parsed.file);
    assert_eq!(format!("{owned:?}"), borrowed);
    // Each problem's name: an undefined one's read back from the source.
    let problems: Vec<String> = owned
        .problems
        .iter()
        .map(|p| match p {
            planc::model::Problem::Undefined(u) => format!("{:?}", owned.text(u.span)),
            p => format!("{p:?}"),
        })
        .collect();
    let order: Vec<usize> = ["\"zz\"", "\"q\"", "\"r\"", "\"v\"", "\"yy\""]
        .iter()
        .map(|name| problems.iter().position(|p| p.contains(name)).unwrap())
        .collect();
    assert_eq!(order, [0, 1, 2, 3, 4], "{problems:#?}");
}
