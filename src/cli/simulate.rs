//! `planc simulate FILE --set FACT=VALUE ... [--start 2026-11-28T09:00]`

use std::path::PathBuf;

use clap::ValueEnum;
use planc::i18n::Message;
use planc::simulate::{self, Clock, Facts};

use super::EXIT_TROUBLE;
use super::lang::LangArg;
use super::{output, say};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SimulateFormat {
    /// Text for people.
    Text,
    /// JSON (schema: docs/render-json.md).
    Json,
}

#[derive(clap::Args)]
pub struct SimulateArgs {
    /// The plan file.
    file: PathBuf,
    /// A fact of the incident: `visitors=60`, `act=self_harm`, `cross_department=true`
    /// (a flag alone means true). Facts not set count as 0 or false; a `one_of`
    /// fact not set is not known yet.
    #[arg(long = "set", value_name = "FACT=VALUE")]
    set: Vec<String>,
    /// The moment the plan is set off, to show deadlines as clock times: 2026-11-28T09:00.
    #[arg(long, value_name = "TIME")]
    start: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SimulateFormat::Text)]
    format: SimulateFormat,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Language of the fixed words; by default the plan's own.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

pub fn run(args: SimulateArgs) -> u8 {
    output::with_plan(
        &args.file,
        args.output.as_deref(),
        args.lang,
        |_, model, graphs, lang| {
            let start = match args.start.as_deref().map(Clock::parse).transpose() {
                Ok(start) => start,
                Err(why) => {
                    say::trouble(lang, Message::new("start-problem").with("why", why));
                    return EXIT_TROUBLE;
                }
            };
            let facts = match Facts::parse(model, &args.set) {
                Ok(facts) => facts,
                Err(why) => {
                    say::trouble(lang, say::option("--set", why));
                    return EXIT_TROUBLE;
                }
            };
            let sim = simulate::run(model, graphs, facts, start);
            if let (Some(start), Some(why)) = (&args.start, simulate::due_out_of_range(&sim, model))
            {
                let why = Message::new("start-at")
                    .with("text", start)
                    .with("why", why);
                say::trouble(lang, Message::new("start-problem").with("why", why));
                return EXIT_TROUBLE;
            }
            let text = match args.format {
                SimulateFormat::Text => simulate::text::render(&sim, model, lang),
                SimulateFormat::Json => simulate::json::render(&sim, model, lang),
            };
            output::emit(&text, args.output.as_ref(), lang)
        },
    )
}
