//! Command-line interface: argument parsing and dispatch to subcommands.

mod check;
mod files;
mod lsp;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// A compiler and validator for written emergency response plans (应急预案).
#[derive(Parser)]
#[command(name = "planc", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check plan files and folders (every `*.plan` below a folder) and report problems.
    Check(check::CheckArgs),
    /// Run the language server (Language Server Protocol over stdin/stdout) for editors.
    Lsp(lsp::LspArgs),
}

/// Exit codes: 0 no error, 1 errors found, 2 could not run.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_TROUBLE: u8 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_TROUBLE
            } else {
                EXIT_OK
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Lsp(args) => lsp::run(args),
    };
    ExitCode::from(code)
}
