//! Properties of what planc makes of a valid plan, over plans generated from
//! the grammar (tests/generate): it reads them without a syntax or name error;
//! every label lies inside the file; formatting keeps the meaning and every
//! comment; a rename there and back gives the text again and changes no
//! finding; every output of an error-free plan parses in its format.
//! A failure shrinks to a small plan (proptest), printed in the report.

mod generate;
mod readers;

use std::collections::HashMap;

use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser};

use planc::config::Config;
use planc::diagnostic::{Code, Diagnostic};
use planc::ide::{Analysis, rename};
use planc::pipeline::compile;
use planc::render::{self, Document, Lang};
use planc::report::{FileReport, json, sarif};
use planc::simulate::{self, facts::Facts};
use planc::span::Span;

/// Codes a generated plan never gets: it is written by the grammar, every
/// reference fits, and escalations, `after`s and trigger references never loop.
const NEVER: &[Code] = &[
    Code::SyntaxError,
    Code::MissingPlanHeader,
    Code::DuplicateDefinition,
    Code::UndefinedName,
    Code::WrongKind,
    Code::TypeMismatch,
    Code::EscalationCycle,
    Code::StepCycle,
    Code::TriggerCycle,
    Code::MissingOwner,
    Code::NoResponse,
];

fn check(source: &str) -> Vec<Diagnostic> {
    planc::check_source(source, &Config::default())
}

/// `(code, message)` of each finding, sorted: what a finding says, not where.
fn meaning(diagnostics: &[Diagnostic]) -> Vec<(Code, String)> {
    let mut out: Vec<_> = diagnostics
        .iter()
        .map(|d| (d.code, d.message.text(Lang::En)))
        .collect();
    out.sort();
    out
}

fn inside(source: &str, span: Span) -> bool {
    span.start() <= span.end()
        && span.end() <= source.len()
        && source.is_char_boundary(span.start())
        && source.is_char_boundary(span.end())
}

/// The comments of a text, in order (labels hold no `#`).
fn comments(source: &str) -> Vec<&str> {
    source
        .lines()
        .filter_map(|l| l.find('#').map(|i| l[i..].trim_end()))
        .collect()
}

fn apply(source: &str, edits: &[(Span, String)]) -> String {
    let mut out = source.to_string();
    for (span, text) in edits.iter().rev() {
        out.replace_range(span.range(), text);
    }
    out
}

/// Every output of a plan without errors, read back in its format.
fn outputs_parse(source: &str) -> Result<(), String> {
    let compiled = compile(source, &Config::default());
    let (false, Some(model), Some(graphs)) =
        (compiled.has_errors(), &compiled.model, &compiled.graphs)
    else {
        return Ok(());
    };
    for lang in [Lang::Zh, Lang::En] {
        let doc = Document::build(&compiled.file, model, graphs, lang);
        let json: serde_json::Value = serde_json::from_str(&render::json::render(&doc, model))
            .map_err(|e| format!("render JSON: {e}"))?;
        if !json.is_object() {
            return Err("render JSON is not an object".into());
        }
        // A checklist that builds on another prints its whole when short,
        // else only its other steps (`TriggerSection::printed`).
        let steps: usize = doc.triggers.iter().map(|t| t.printed().len()).sum();
        let md = render::markdown::render(&doc);
        let tasks = Parser::new_ext(&md, Options::ENABLE_TASKLISTS | Options::ENABLE_TABLES)
            .filter(|e| matches!(e, Event::TaskListMarker(false)))
            .count();
        if tasks != steps {
            return Err(format!("{tasks} Markdown tasks for {steps} steps:\n{md}"));
        }
        readers::html_nests(&render::html::render(&doc)).map_err(|e| format!("HTML: {e}"))?;
        for card in &doc.roles {
            readers::html_nests(&render::html::render_role(&doc, card))
                .map_err(|e| format!("card: {e}"))?;
        }
        for picture in [
            render::graph::escalation(model, lang),
            render::graph::response(model, lang),
        ] {
            let dot = render::dot::render(&picture, "g");
            let labels = readers::dot_labels(&dot).map_err(|e| format!("DOT: {e}\n{dot}"))?;
            // Each node's label reads back as its lines, DOT's `\n` between them.
            for node in &picture.nodes {
                // Control characters become spaces, `\` is escaped, lines are joined by `\n`.
                let lines: Vec<String> = node
                    .lines
                    .iter()
                    .map(|l| {
                        l.chars()
                            .map(|c| if c.is_control() { ' ' } else { c })
                            .collect::<String>()
                            .replace('\\', "\\\\")
                    })
                    .collect();
                let want = lines.join("\\n");
                if !labels.contains(&want) {
                    return Err(format!("DOT: no label {want:?} in {labels:?}"));
                }
            }
        }
        let sim = simulate::run(model, graphs, Facts::none(model), None);
        if simulate::text::render(&sim, model, lang).is_empty() {
            return Err("empty simulation".into());
        }
    }
    Ok(())
}

/// Each defined name renamed to a new one and back: the text comes back, and
/// the renamed plan has the same findings.
fn renames_round_trip(source: &str) -> Result<(), String> {
    let a = Analysis::new(source);
    let before: Vec<Code> = meaning(&check(source))
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    let definitions: Vec<Span> = a
        .occurrences
        .iter()
        .filter(|o| o.definition)
        .map(|o| o.span)
        .collect();
    for def in definitions {
        let old = &source[def.range()];
        let edits = rename::rename(&a, def.start(), "新名").map_err(|e| format!("{old}: {e}"))?;
        let renamed = apply(source, &edits);
        let after: Vec<Code> = meaning(&check(&renamed))
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        if after != before {
            return Err(format!(
                "renaming `{old}` changed the findings: {before:?} -> {after:?}"
            ));
        }
        let b = Analysis::new(&renamed);
        let back = rename::rename(&b, edits[0].0.start(), old)
            .map_err(|e| format!("back to {old}: {e}"))?;
        if apply(&renamed, &back) != source {
            return Err(format!("renaming `{old}` and back changed the text"));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_generated_plan_is_read_as_written(plan in generate::plan()) {
        let source = plan.text();
        let diagnostics = check(&source);
        let wrong: Vec<String> = diagnostics
            .iter()
            .filter(|d| NEVER.contains(&d.code))
            .map(|d| format!("{} {}", d.code, d.message.text(Lang::En)))
            .collect();
        prop_assert!(wrong.is_empty(), "{wrong:#?}\n{source}");
        for d in &diagnostics {
            for label in std::iter::once(&d.primary).chain(d.secondary()) {
                prop_assert!(inside(&source, label.span), "{d:?}");
            }
        }
        prop_assert_eq!(
            diagnostics.iter().any(|d| d.code == Code::NoDrill),
            !plan.has_drill()
        );
        // Reports of any plan are JSON.
        let report = FileReport { path: "p.plan", source: &source, diagnostics: &diagnostics };
        let parsed: Result<serde_json::Value, _> = serde_json::from_str(&json::render(&[report], Lang::Zh));
        prop_assert!(parsed.is_ok(), "{parsed:?}");
        let report = FileReport { path: "p.plan", source: &source, diagnostics: &diagnostics };
        let sarif_text = sarif::render(&[report], &sarif::SarifOptions::default());
        let parsed: Result<serde_json::Value, _> = serde_json::from_str(&sarif_text);
        prop_assert!(parsed.is_ok(), "{parsed:?}");
    }

    #[test]
    fn formatting_keeps_the_meaning_and_every_comment(plan in generate::plan()) {
        let source = plan.text();
        let formatted = planc::fmt::format(&source);
        prop_assert!(formatted.is_ok(), "{formatted:?}\n{source}");
        let formatted = formatted.unwrap();
        prop_assert_eq!(planc::fmt::format(&formatted), Ok(formatted.clone()));
        prop_assert_eq!(meaning(&check(&formatted)), meaning(&check(&source)), "{}", formatted);
        prop_assert_eq!(comments(&formatted), comments(&source));
    }

    #[test]
    fn renames_round_trip_and_keep_the_findings(plan in generate::plan()) {
        let source = plan.text();
        let result = renames_round_trip(&source);
        prop_assert!(result.is_ok(), "{result:?}\n{source}");
    }

    #[test]
    fn every_output_of_an_error_free_plan_parses(plan in generate::plan()) {
        let source = plan.text();
        let result = outputs_parse(&source);
        prop_assert!(result.is_ok(), "{result:?}\n{source}");
    }
}

/// The generator reaches what the properties are about: plans without errors
/// (whose outputs are drawn) and plans with findings, in a fixed sample.
#[test]
fn the_generator_reaches_clean_plans_and_findings() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config as RunnerConfig, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        RunnerConfig::default(),
        proptest::test_runner::TestRng::deterministic_rng(
            proptest::test_runner::RngAlgorithm::ChaCha,
        ),
    );
    let mut codes: HashMap<Code, usize> = HashMap::new();
    let mut error_free = 0;
    for _ in 0..64 {
        let plan = generate::plan().new_tree(&mut runner).unwrap().current();
        let source = plan.text();
        let compiled = compile(&source, &Config::default());
        if !compiled.has_errors() {
            error_free += 1;
        }
        for d in &compiled.diagnostics {
            *codes.entry(d.code).or_default() += 1;
        }
    }
    assert!(
        error_free >= 16,
        "only {error_free} of 64 plans are free of errors"
    );
    for code in [
        Code::UnassignedRole,
        Code::OrphanRole,
        Code::NoDrill,
        Code::UnusedFact,
    ] {
        assert!(
            codes.contains_key(&code),
            "no {code} in 64 plans: {codes:?}"
        );
    }
}
