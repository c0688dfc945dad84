//! Hostile and broken input: whatever the bytes, the pipeline answers with
//! diagnostics whose spans lie inside the file, and never panics; every
//! output (render, graph, simulate, fmt) runs on whatever compiles.

use std::fs;
use std::path::Path;

use proptest::prelude::*;

use planc::config::Config;
use planc::pipeline::{check_bytes, compile};
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
    let checked = check_bytes(bytes, &Config::default());
    run_outputs(&checked.source);
    for d in &checked.diagnostics {
        for label in std::iter::once(&d.primary).chain(&d.secondary) {
            assert!(label.span.start <= label.span.end, "{d:?}");
            assert!(label.span.end <= checked.source.len(), "{d:?}");
            assert!(checked.source.is_char_boundary(label.span.start), "{d:?}");
            assert!(checked.source.is_char_boundary(label.span.end), "{d:?}");
        }
        assert!(!d.message.is_empty());
    }
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

    #[test]
    fn arbitrary_bytes_get_diagnostics_not_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
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
