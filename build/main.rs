//! Builds the pest parser from the one grammar written by hand,
//! `grammar/plan.pest`, and the language table, `src/syntax/language.rs`:
//! the keyword rules come from the table, the fast rules from the reference
//! rules (`fast_rules.rs`), and pest's generator turns the whole grammar into
//! `$OUT_DIR/parser.rs`, which `src/syntax/parser.rs` includes. The grammar it
//! read is written next to it, `$OUT_DIR/grammar.pest`, for reading.

use std::path::PathBuf;

#[allow(dead_code)] // the build uses the table's keywords only
#[path = "../src/syntax/language.rs"]
mod language;

mod fast_rules;

fn main() {
    for input in [
        "grammar/plan.pest",
        "src/syntax/language.rs",
        "build/main.rs",
        "build/fast_rules.rs",
    ] {
        println!("cargo:rerun-if-changed={input}");
    }
    let reference = std::fs::read_to_string("grammar/plan.pest").expect("grammar/plan.pest");
    let (generated, rust) = fast_rules::generate(&reference);
    let grammar = format!("{reference}{generated}");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    std::fs::write(out.join("grammar.pest"), &grammar).expect("writing grammar.pest");
    let input = format!("#[grammar_inline = {grammar:?}] pub(crate) struct PlanParser;");
    let input: proc_macro2::TokenStream = input.parse().expect("a struct with its grammar");
    let parser = pest_generator::derive_parser(input, false);
    std::fs::write(out.join("parser.rs"), format!("{parser}\n{rust}")).expect("writing parser.rs");
}
