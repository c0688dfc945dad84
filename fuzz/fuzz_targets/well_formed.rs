//! The property the fuzz target checks on any bytes, shared with
//! tests/robustness.rs, which replays `fuzz/seeds/`, `fuzz/corpus/check/` and
//! the crashes found (`fuzz/artifacts/check/`) in `cargo test`.

use planc::config::Config;
use planc::lang::Lang;
use planc::pipeline::{CheckedBytes, check_bytes};

/// Checks `bytes` and asserts that the answer is well formed: every label of
/// every diagnostic lies inside the text, on character boundaries, and every
/// diagnostic says something. Returns what was checked.
pub fn assert_well_formed(bytes: &[u8]) -> CheckedBytes {
    let checked = check_bytes(bytes, &Config::default());
    for d in &checked.diagnostics {
        for label in std::iter::once(&d.primary).chain(d.secondary()) {
            assert!(label.span.start() <= label.span.end(), "{d:?}");
            assert!(label.span.end() <= checked.source.len(), "{d:?}");
            assert!(checked.source.is_char_boundary(label.span.start()), "{d:?}");
            assert!(checked.source.is_char_boundary(label.span.end()), "{d:?}");
        }
        for lang in Lang::ALL {
            let (text, problems) = d.message.format(lang);
            assert!(!text.is_empty() && problems.is_empty(), "{problems:?}");
        }
    }
    checked
}
