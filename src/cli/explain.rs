//! `planc explain CODE` and `planc explain --list`.

use super::lang::{self, LangArg};
use super::{EXIT_OK, EXIT_TROUBLE};

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// The check's code, e.g. `orphan-role`.
    #[arg(required_unless_present = "list", conflicts_with = "list")]
    code: Option<String>,
    /// List every check with its default severity and what it finds.
    #[arg(long)]
    list: bool,
    /// The language of the page (default: `lang` in the planc.toml of the
    /// working folder, else the locale's).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

pub fn run(args: ExplainArgs) -> u8 {
    let lang = lang::choose(args.lang, lang::configured_here());
    if args.list {
        print!("{}", planc::explain::list(lang));
        return EXIT_OK;
    }
    match planc::explain::lookup(args.code.as_deref().unwrap_or_default()) {
        Ok(rule) => {
            print!("{}", planc::explain::page(rule, lang));
            EXIT_OK
        }
        Err(message) => {
            super::say::trouble(lang, message);
            EXIT_TROUBLE
        }
    }
}
