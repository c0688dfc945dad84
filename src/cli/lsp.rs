//! `planc lsp`: the language server over stdin and stdout.

use std::path::Path;

use lsp_server::Connection;
use planc::config::Config;
use planc::lsp::{Exit, Formatter, Options};

use super::config::Configs;
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

/// The configuration `planc check` would use for the file: the nearest
/// `planc.toml` above it, read afresh each time so that edits to it take
/// effect (an unsaved buffer, or a broken planc.toml, gets the defaults).
fn config_for(path: Option<&Path>) -> Config {
    match path {
        Some(path) => Configs::new(None, false, super::today::overrides())
            .for_file(path)
            .config
            .clone(),
        None => Config::default(),
    }
}

/// Document formatting through `planc fmt`'s formatter.
fn formatter() -> Option<Formatter> {
    Some(planc::fmt::format)
}
