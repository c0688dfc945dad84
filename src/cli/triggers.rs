//! `planc triggers FILE --format md|json`: the plan's decision table.

use std::path::PathBuf;

use clap::ValueEnum;
use planc::logic::{self, NotExact, regions::Undecided};
use planc::render::{self, Lang};

use super::EXIT_TROUBLE;
use super::lang::LangArg;
use super::output;

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
    output::with_plan(&args.file, args.output.as_deref(), |_, model, graphs| {
        let conditions = logic::Conditions::of(model, graphs);
        let table = match logic::decision_table(model, &conditions) {
            Ok(table) => table,
            Err(why) => {
                let name = |t: planc::model::TriggerId| model.trigger(t).named.name;
                let reason = match why {
                    NotExact::Unknown(t) => format!(
                        "the condition of trigger `{}` is not known: fix the errors `planc check` reports",
                        name(t)
                    ),
                    NotExact::TooLarge(t) => format!(
                        "the condition of trigger `{}` has more than {} alternatives once the triggers it names are written out: split it into smaller triggers",
                        name(t),
                        logic::dnf::MAX_CUBES
                    ),
                    NotExact::Bound(Undecided::Steps(n)) => format!(
                        "the triggers' conditions cut the facts into too many pieces to work out within {n} steps"
                    ),
                    NotExact::Bound(Undecided::Rows(n)) => format!(
                        "the table would have more than {n} rows: the triggers read too many facts independently of each other to list every combination"
                    ),
                };
                eprintln!("planc: could not make the decision table: {reason}");
                return EXIT_TROUBLE;
            }
        };
        let text = match args.format {
            TriggersFormat::Md => {
                let lang = args
                    .lang
                    .map(Lang::from)
                    .unwrap_or_else(|| Lang::detect(model));
                render::triggers::markdown(model, &table, lang)
            }
            TriggersFormat::Json => render::triggers::json(model, &table),
        };
        output::emit(&text, args.output.as_ref())
    })
}
