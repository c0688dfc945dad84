//! `planc graph FILE --format dot|mermaid [--steps]`

use std::path::PathBuf;

use clap::ValueEnum;
use planc::render;

use super::lang::LangArg;
use super::output;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz (`dot -Tsvg`, `dot -Tpng`).
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
}

#[derive(clap::Args)]
pub struct GraphArgs {
    /// The plan file.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    format: GraphFormat,
    /// Draw the response graph (triggers → steps) instead of the escalation graph.
    #[arg(long)]
    steps: bool,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Language of the fixed words; by default the plan's own.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

pub fn run(args: GraphArgs) -> u8 {
    output::with_plan(
        &args.file,
        args.output.as_deref(),
        args.lang,
        |_, model, _, lang| {
            let picture = if args.steps {
                render::graph::response(model, lang)
            } else {
                render::graph::escalation(model, lang)
            };
            let text = match args.format {
                GraphFormat::Dot => {
                    render::dot::render(&picture, if args.steps { "steps" } else { "escalation" })
                }
                GraphFormat::Mermaid => render::mermaid::render(&picture, !args.steps),
            };
            output::emit(&text, args.output.as_ref(), lang)
        },
    )
}
