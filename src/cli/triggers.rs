//! `planc triggers FILE --format md|json`: the plan's decision table.

use std::path::PathBuf;

use clap::ValueEnum;
use planc::i18n::Message;
use planc::logic::{self, NotExact, regions::Undecided};
use planc::model::{Model, TriggerId};
use planc::render;

use super::EXIT_TROUBLE;
use super::lang::LangArg;
use super::{output, say};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TriggersFormat {
    /// A Markdown table, with headings in the plan's language.
    #[value(alias = "markdown")]
    Md,
    /// The table as data (schema: docs/triggers.md).
    Json,
}

#[derive(clap::Args)]
pub struct TriggersArgs {
    /// The plan file.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TriggersFormat::Md)]
    format: TriggersFormat,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Language of headings and fixed words; by default the plan's own.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

pub fn run(args: TriggersArgs) -> u8 {
    output::with_plan(
        &args.file,
        args.output.as_deref(),
        args.lang,
        |_, model, graphs, lang| {
            let conditions = logic::Conditions::of(model, graphs);
            let table = match logic::decision_table(model, &conditions) {
                Ok(table) => table,
                Err(why) => {
                    let why = Message::new("triggers-failed").with("why", not_made(model, why));
                    say::trouble(lang, why);
                    return EXIT_TROUBLE;
                }
            };
            let text = match args.format {
                TriggersFormat::Md => render::triggers::markdown(model, &table, lang),
                TriggersFormat::Json => render::triggers::json(model, &table),
            };
            output::emit(&text, args.output.as_ref(), lang)
        },
    )
}

/// Why the decision table could not be made, in words.
fn not_made(model: &Model, why: NotExact) -> Message {
    let name = |t: TriggerId| model.name(&model.trigger(t).named);
    match why {
        NotExact::Unknown(t) => Message::new("triggers-unknown").with("trigger", name(t)),
        NotExact::TooLarge(t) => Message::new("triggers-too-large")
            .with("trigger", name(t))
            .with("max", logic::dnf::MAX_CUBES),
        NotExact::Bound(Undecided::Steps(n)) => {
            Message::new("triggers-too-many-steps").with("count", n)
        }
        NotExact::Bound(Undecided::Rows(n)) => {
            Message::new("triggers-too-many-rows").with("count", n)
        }
    }
}
