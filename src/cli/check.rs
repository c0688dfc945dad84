//! `planc check PATH...`

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use planc::config::Config;
use planc::diagnostic::Diagnostic;
use planc::report::{self, FileReport, Summary};

use super::files::{self, Input};
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, Format};

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Plan files, or folders to search for `*.plan` files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit 1 when there are warnings, too.
    #[arg(long)]
    deny_warnings: bool,
}

struct Checked {
    path: String,
    source: String,
    diagnostics: Vec<Diagnostic>,
}

pub fn run(args: CheckArgs) -> u8 {
    let config = Config::default();
    let mut checked = Vec::new();
    let mut trouble = false;
    for input in files::collect(&args.paths) {
        match input {
            Input::File { path, bytes } => checked.push(check_bytes(path, bytes, &config)),
            Input::Trouble { path, reason } => {
                trouble = true;
                eprintln!("planc: cannot read `{path}`: {reason}");
            }
        }
    }
    let reports: Vec<FileReport> = checked
        .iter()
        .map(|c| FileReport {
            path: &c.path,
            source: &c.source,
            diagnostics: &c.diagnostics,
        })
        .collect();
    let text = match args.format {
        Format::Human => {
            let stdout = std::io::stdout();
            let color =
                stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let width = terminal_width();
            report::human::render(&reports, report::human::HumanOptions { color, width })
        }
        Format::Json => report::json::render(&reports),
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    let summary = Summary::of(&reports);
    if trouble {
        EXIT_TROUBLE
    } else if summary.errors > 0 || (args.deny_warnings && summary.warnings > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

/// Checks a file's bytes (text that is not UTF-8 is reported, and checked as far as possible).
fn check_bytes(path: String, bytes: Vec<u8>, config: &Config) -> Checked {
    let checked = planc::pipeline::check_bytes(&bytes, config);
    Checked {
        path,
        source: checked.source,
        diagnostics: checked.diagnostics,
    }
}
