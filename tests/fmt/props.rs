//! Properties of the formatter over the bundled plans, mutations of their
//! layout and comments, and generated plans.

use proptest::prelude::*;

use crate::generate::{Generator, Rng};
use crate::support::{assert_format_laws, bundled_plans, model_without_spans};

#[test]
fn generated_plans_parse() {
    // The generator itself must be right, or the properties below test little.
    for seed in 0..200 {
        let plan = Generator::plan(seed);
        let parsed = planc::syntax::parse(&plan);
        assert!(
            parsed.diagnostics.is_empty(),
            "seed {seed}: {:?}\n{plan}",
            parsed.diagnostics
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_plans_obey_the_laws(seed in any::<u64>()) {
        let plan = Generator::plan(seed);
        let formatted = assert_format_laws(&plan);
        // CRLF files are laid out the same, and stay CRLF
        let crlf = |s: &str| s.replace("\r\n", "\n").replace('\n', "\r\n");
        if plan.contains('\n') {
            prop_assert_eq!(
                planc::fmt::format(&crlf(&plan)).expect("the CRLF plan formats"),
                crlf(&formatted)
            );
        }
    }
}

proptest! {
    // Each case formats a whole bundled plan several times: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn bundled_plans_with_their_layout_mutated(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let plans = bundled_plans();
        let (name, source) = rng.pick(&plans);
        let mutated = mutate_layout(source, &mut rng);
        prop_assert_eq!(
            model_without_spans(&mutated),
            model_without_spans(source),
            "the mutation changed {}'s meaning", name
        );
        let formatted = assert_format_laws(&mutated);
        prop_assert_eq!(model_without_spans(&formatted), model_without_spans(source));
    }
}

/// Replaces some runs of white space (outside strings and comments) with other
/// white space, blank lines or new comments.
fn mutate_layout(source: &str, rng: &mut Rng) -> String {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len() + 256);
    let mut i = 0;
    let mut after_comment = false;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str(&source[start..i]);
                after_comment = false;
            }
            b'#' => {
                let end = source[i..].find('\n').map_or(source.len(), |e| i + e);
                out.push_str(&source[i..end]);
                i = end;
                after_comment = true;
            }
            b' ' | b'\t' | b'\r' | b'\n' => {
                let start = i;
                while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n') {
                    i += 1;
                }
                let run = &source[start..i];
                if rng.chance(15) {
                    let choice = *rng.pick(&[
                        " ",
                        "\n",
                        "\n\n\n",
                        "\t ",
                        "  # inserted\n",
                        "\n# inserted on its own line\n\n",
                    ]);
                    // a comment runs to the end of its line: keep the line break after one
                    if after_comment && !choice.starts_with('\n') {
                        out.push('\n');
                    }
                    out.push_str(choice);
                } else {
                    out.push_str(run);
                }
                after_comment = false;
            }
            _ => {
                let c = source[i..].chars().next().expect("a char");
                out.push(c);
                i += c.len_utf8();
                after_comment = false;
            }
        }
    }
    out
}
