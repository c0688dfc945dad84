//! `planc explain CODE` and `planc explain --list`.

use super::{EXIT_OK, EXIT_TROUBLE};

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// The check's code, e.g. `orphan-role`.
    #[arg(required_unless_present = "list", conflicts_with = "list")]
    code: Option<String>,
    /// List every check with its default severity and what it finds.
    #[arg(long)]
    list: bool,
}

pub fn run(args: ExplainArgs) -> u8 {
    if args.list {
        print!("{}", planc::explain::list());
        return EXIT_OK;
    }
    match planc::explain::lookup(args.code.as_deref().unwrap_or_default()) {
        Ok(rule) => {
            print!("{}", planc::explain::page(rule));
            EXIT_OK
        }
        Err(message) => {
            eprintln!("planc: {message}");
            EXIT_TROUBLE
        }
    }
}
