//! Any bytes through the whole checking pipeline: must never panic, hang or
//! abort, and every label must lie inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planc::config::Config;

fuzz_target!(|data: &[u8]| {
    let checked = planc::pipeline::check_bytes(data, &Config::default());
    for d in &checked.diagnostics {
        for label in std::iter::once(&d.primary).chain(&d.secondary) {
            assert!(label.span.start <= label.span.end && label.span.end <= checked.source.len());
        }
    }
});
