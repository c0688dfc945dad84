//! `planc lsp`: the language server over stdin and stdout.

use std::path::Path;

use lsp_server::Connection;
use planc::config::Config;
use planc::lsp::{Exit, Formatter, Options};

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE};

#[derive(clap::Args)]
pub struct LspArgs {
    /// Talk over stdin and stdout (the only transport; accepted because
    /// editor clients such as vscode-languageclient pass it).
    #[arg(long)]
    stdio: bool,
}

pub fn run(_args: LspArgs) -> u8 {
    let (connection, io_threads) = Connection::stdio();
    let options = Options {
        config_for: Box::new(config_for),
        formatter: formatter(),
        ..Options::default()
    };
    // `run` consumes the connection and drops it before returning: the
    // writer thread ends only once every sender is gone, so joining the IO
    // threads with the connection still alive would hang.
    let result = planc::lsp::run(connection, options);
    if let Err(e) = io_threads.join() {
        eprintln!("planc lsp: {e}");
    }
    match result {
        Ok(Exit::Clean) => EXIT_OK,
        Ok(Exit::WithoutShutdown) => EXIT_FINDINGS,
        Err(e) => {
            eprintln!("planc lsp: {e}");
            EXIT_TROUBLE
        }
    }
}

/// The configuration for a plan file. SEAM: returns the defaults until
/// `planc.toml` discovery exists; then it should return what `planc check`
/// would use for the same path (`None`: an unsaved buffer — use the
/// workspace's or the defaults).
fn config_for(_path: Option<&Path>) -> Config {
    Config::default()
}

/// Document formatting. SEAM: `None` (no capability announced) until `fmt`
/// exists; then `Some(planc::fmt::format)`.
fn formatter() -> Option<Formatter> {
    None
}
