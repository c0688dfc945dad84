//! Any bytes through the whole checking pipeline: must never panic, hang or
//! abort, and every label must lie inside the file (`well_formed.rs`).
#![no_main]

mod well_formed;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    well_formed::assert_well_formed(data);
});
