//! What `planc check` does with a plan, in process: check it, keeping the
//! findings packed, and write the human report (English, no colour, 100
//! columns) to a sink that only counts. Shared by `benches/attack.rs` (its
//! memory figures) and `examples/stage.rs` (`report`, for heap profiles of
//! the same run).

use planc::config::Config;
use planc::lang::Lang;
use planc::report::FileReport;
use planc::report::human::{self, HumanOptions};

/// Checks `source` and writes its human report; the bytes written.
pub fn check_and_report(source: &str) -> usize {
    // Packed until reported, as `planc check` holds them.
    let diagnostics = planc::pipeline::check_packed(source, &Config::default());
    let files = [FileReport {
        path: "attack.plan",
        source,
        diagnostics: &diagnostics,
    }];
    let options = HumanOptions {
        color: false,
        width: 100,
        lang: Lang::En,
        not_read: 0,
    };
    // Written as `planc check` writes it, as it is drawn: the bytes counted.
    let mut written = Written(0);
    let _ = human::write(&files, options, &mut written);
    written.0
}

/// A sink that counts the bytes written to it.
struct Written(usize);

impl std::io::Write for Written {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
