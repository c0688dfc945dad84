//! Hostile and broken input: whatever the bytes, the pipeline answers with
//! diagnostics whose spans lie inside the file, and never panics; every
//! output (render, graph, simulate, fmt) runs on whatever compiles. The
//! inputs: the bundled plans and plans generated from the grammar
//! (tests/generate), mutated; extreme shapes; and the fuzz target's seeds,
//! corpus and crashes, replayed.

mod generate;
#[path = "../fuzz/fuzz_targets/well_formed.rs"]
mod well_formed;

use std::fs;
use std::path::Path;

use proptest::prelude::*;

use planc::config::Config;
use planc::pipeline::compile;
use planc::render::{self, Document, Lang};
use planc::simulate::{self, facts::Facts};

fn bundled() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut paths: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths.into_iter().map(|p| fs::read(p).unwrap()).collect()
}

/// Fragments that stress the grammar: brackets, quotes, keywords, paste artefacts.
const FRAGMENTS: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "\"",
    "\\",
    "#",
    ";",
    ",",
    ":",
    "not ",
    " and ",
    " or ",
    "step ",
    "role ",
    "owner ",
    "after ",
    "within 10m",
    "，",
    "；",
    "｛",
    "“",
    "\u{00A0}",
    "\u{3000}",
    "\r\n",
    "\u{FEFF}",
    "9999999999999999999999",
    "2023-02-29",
    "1m1h",
    "\\u{D800}",
    "level ",
    "section \"s\" {",
    // language version 1
    "\"\"\"",
    "\"\"\"\n",
    "0.5",
    "99999999999999999999.99999999999999999999",
    "99999999wd",
    " from ",
    " for ",
    "every 1s",
    "last 9999-12-31",
    "element ",
];

/// Runs every output on a plan that compiles without errors, and the
/// formatter on anything: none may panic, and formatting is idempotent.
fn run_outputs(source: &str) {
    let compiled = compile(source, &Config::default());
    if let (false, Some(model), Some(graphs)) =
        (compiled.has_errors(), &compiled.model, &compiled.graphs)
    {
        for lang in [Lang::Zh, Lang::En] {
            let doc = Document::build(&compiled.file, model, graphs, lang);
            assert!(!render::markdown::render(&doc).is_empty());
            assert!(!render::html::render(&doc).is_empty());
            assert!(!render::json::render(&doc, model).is_empty());
            let picture = render::graph::escalation(model, lang);
            assert!(!render::dot::render(&picture, "g").is_empty());
            assert!(!render::mermaid::render(&picture, true).is_empty());
            let steps = render::graph::response(model, lang);
            assert!(!render::mermaid::render(&steps, false).is_empty());
            let sim = simulate::run(model, graphs, Facts::none(model), None);
            assert!(!simulate::text::render(&sim, model, lang).is_empty());
        }
    }
    if let Ok(formatted) = planc::fmt::format(source) {
        assert_eq!(
            planc::fmt::format(&formatted).as_deref(),
            Ok(formatted.as_str())
        );
    }
}

fn assert_well_formed(bytes: &[u8]) {
    let checked = well_formed::assert_well_formed(bytes);
    run_outputs(&checked.source);
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, bit: u8 },
    Insert { at: usize, fragment: usize },
    Delete { at: usize, len: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (any::<usize>(), 0..FRAGMENTS.len())
            .prop_map(|(at, fragment)| Mutation::Insert { at, fragment }),
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let n = bytes.len().max(1);
        match *m {
            Mutation::Flip { at, bit } => {
                if !bytes.is_empty() {
                    bytes[at % n] ^= 1 << bit;
                }
            }
            Mutation::Insert { at, fragment } => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, FRAGMENTS[fragment].bytes());
            }
            Mutation::Delete { at, len } => {
                let at = at % n;
                let end = (at + len).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            Mutation::Truncate { at } => bytes.truncate(at % n),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn mutated_bundled_plans_get_diagnostics_not_panics(
        plan in 0usize..4,
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let plans = bundled();
        let bytes = apply(plans[plan % plans.len()].clone(), &mutations);
        assert_well_formed(&bytes);
    }

    /// Plans of every shape the grammar allows, then broken: the mutations
    /// reach every stage, where random bytes would rarely pass the lexer.
    #[test]
    fn mutated_generated_plans_get_diagnostics_not_panics(
        plan in generate::plan(),
        mutations in proptest::collection::vec(mutation(), 0..4),
    ) {
        let bytes = apply(plan.text().into_bytes(), &mutations);
        assert_well_formed(&bytes);
    }
}

#[test]
fn extreme_but_valid_shapes_are_handled() {
    let long_name = "名".repeat(100_000);
    let long_string = "x".repeat(1 << 20);
    let cases = [
        format!("role {long_name} \"长名\""),
        format!("text \"{long_string}\""),
        format!("trigger t \"t\" when {}a", "not ".repeat(100_000)),
        format!("trigger t \"t\" when {}a", "(".repeat(100_000)),
        "section \"s\" {\n".repeat(10_000),
        "\"".repeat(10_001),
        "}".repeat(10_000),
        // language version 1: huge decimals, working days and repeats, and
        // multi-line strings opened and never closed.
        "plan \"p\" { commander o }\nrole o \"o\" { holder \"h\" }\n\
         fact loss \"l\": number\n\
         trigger t \"t\" when loss >= 9999999999.999999\n\
         step s \"s\" { owner o; on t; within 99999999wd; every 1s }\n\
         step u \"u\" { owner o; after s; within 99999999y from s; every 1s }\n"
            .to_string(),
        format!(
            "fact n \"n\": number\ntrigger t \"t\" when n >= {}.5",
            "9".repeat(10_000)
        ),
        "text \"\"\"\n".repeat(10_000),
        format!("text \"\"\"\n{}", "  x\n".repeat(100_000)),
    ];
    for source in cases {
        assert_well_formed(source.as_bytes());
    }
}

#[test]
fn every_output_runs_on_the_bundled_plans() {
    for bytes in bundled() {
        let source = String::from_utf8(bytes).unwrap();
        assert!(!compile(&source, &Config::default()).has_errors());
        run_outputs(&source);
    }
}

/// What the fuzz target was started from and what it found: every file of
/// `fuzz/seeds/`, and of `fuzz/corpus/check/` and `fuzz/artifacts/check/` where
/// a fuzzing run left them, passes the target's own check here.
#[test]
fn the_fuzz_seeds_corpus_and_crashes_replay() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut replayed = 0;
    for dir in ["seeds", "corpus/check", "artifacts/check"] {
        let Ok(entries) = fs::read_dir(fuzz.join(dir)) else {
            assert_ne!(dir, "seeds", "fuzz/seeds/ is missing");
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths.into_iter().filter(|p| p.is_file()) {
            let bytes = fs::read(&path).unwrap();
            let replay = std::panic::catch_unwind(|| assert_well_formed(&bytes));
            assert!(
                replay.is_ok(),
                "{} fails the fuzz target's check",
                path.display()
            );
            replayed += 1;
        }
    }
    assert!(replayed >= 4, "only {replayed} fuzz inputs");
}
