//! Command-line interface: argument parsing and dispatch to subcommands.

mod baseline;
mod check;
mod config;
mod diff;
mod explain;
mod files;
mod fmt;
mod git;
mod graph;
mod help;
mod lang;
mod lsp;
mod output;
mod read;
mod render;
mod say;
mod serve;
mod simulate;
mod terminal;
mod today;
mod triggers;
mod usage;
mod write;

use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use planc::lang::Lang;

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
    /// Rewrite plan files in the canonical layout, keeping every comment and text.
    Fmt(fmt::FmtArgs),
    /// Explain a check: what it means, why it matters, an example and the fix.
    Explain(explain::ExplainArgs),
    /// Render a plan as a checklist with role cards (Markdown, HTML, JSON or Word).
    Render(render::RenderArgs),
    /// Draw the escalation graph (or with --steps the response graph) as DOT or Mermaid.
    Graph(graph::GraphArgs),
    /// Dry-run a plan (桌面推演): which triggers fire for the given facts, which steps run, by when.
    Simulate(simulate::SimulateArgs),
    /// The plan's decision table: for each range of fact values, the triggers set off and the response level.
    Triggers(triggers::TriggersArgs),
    /// What a revision changes in who does what, when and by when (compared on the compiled plans).
    Diff(diff::DiffArgs),
    /// Run the language server (Language Server Protocol over stdin/stdout) for editors.
    Lsp(lsp::LspArgs),
    /// Edit the plans of a folder in the browser (a local web page on 127.0.0.1).
    Serve(serve::ServeArgs),
}

/// Exit codes: 0 no error, 1 errors found, 2 could not run.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_TROUBLE: u8 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let e = in_users_language(e);
            if !e.use_stderr() {
                // `--help`, `--version`: asked for, on stdout.
                let _ = e.print();
                return ExitCode::from(EXIT_OK);
            }
            usage::tell(&e);
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    // `PLANC_THREADS=N`: how many threads check files and read and check a
    // large plan (the result is the same; see docs/performance.md).
    if let Some(n) = std::env::var("PLANC_THREADS")
        .ok()
        .and_then(|n| n.trim().parse::<usize>().ok())
    {
        // Fails only if the pool already exists, which it cannot here.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    let code = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Render(args) => render::run(args),
        Command::Graph(args) => graph::run(args),
        Command::Simulate(args) => simulate::run(args),
        Command::Triggers(args) => triggers::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Lsp(args) => lsp::run(args),
        Command::Serve(args) => serve::run(args),
    };
    ExitCode::from(code)
}

/// Help asked for, or a mistake in the command line: in Chinese, clap's
/// answer is made again over the Chinese commands (`help::localized`), so
/// the page and the names of values (`<文件>`) are Chinese. Only then is the
/// language worked out: a command line that parses reads no planc.toml here.
fn in_users_language(error: clap::Error) -> clap::Error {
    match usage::lang_of_command_line() {
        Lang::En => error,
        Lang::Zh => match help::localized(Cli::command(), Lang::Zh).try_get_matches() {
            Err(chinese) => chinese,
            Ok(_) => error,
        },
    }
}

/// A path as shown in messages: lossy UTF-8, with control and bidi
/// characters escaped (a file name must not move the cursor, clear the
/// screen or start a GitHub workflow command on a line of its own).
pub fn shown(path: &Path) -> String {
    planc::escape::visible(&path.to_string_lossy()).into_owned()
}
