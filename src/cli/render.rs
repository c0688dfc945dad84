//! `planc render FILE`: the checklist as Markdown, HTML, JSON or Word (.docx).

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::ValueEnum;
use planc::i18n::{Arg, Message};
use planc::model::{Model, Symbol};
use planc::render::{self, Document, Lang};

use super::EXIT_TROUBLE;
use super::lang::LangArg;
use super::{output, say};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    /// GitHub-flavoured Markdown with a task list per trigger.
    #[value(alias = "markdown")]
    Md,
    /// One self-contained, printable HTML page.
    Html,
    /// The compiled plan (schema: docs/render-json.md).
    Json,
    /// A Word document (.docx), for Word and WPS; needs `-o FILE` on a terminal.
    Docx,
}

#[derive(clap::Args)]
pub struct RenderArgs {
    /// The plan file.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RenderFormat::Md)]
    format: RenderFormat,
    /// Render only the card of this role (its name, label or holder).
    #[arg(long, value_name = "NAME")]
    role: Option<String>,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Language of headings and fixed words; by default the plan's own.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

pub fn run(args: RenderArgs) -> u8 {
    output::with_plan(
        &args.file,
        args.output.as_deref(),
        args.lang,
        |compiled, model, graphs, lang| {
            let doc = Document::build(&compiled.file, model, graphs, lang);
            let card = match &args.role {
                None => None,
                Some(name) => match doc.role(name) {
                    Some(card) => Some(card),
                    None => {
                        say::trouble(lang, unknown_role(model, name));
                        return EXIT_TROUBLE;
                    }
                },
            };
            let text = match (args.format, card) {
                (RenderFormat::Md, None) => render::markdown::render(&doc),
                (RenderFormat::Md, Some(card)) => render::markdown::render_role(&doc, card),
                (RenderFormat::Html, None) => render::html::render(&doc),
                (RenderFormat::Html, Some(card)) => render::html::render_role(&doc, card),
                (RenderFormat::Json, None) => render::json::render(&doc, model),
                (RenderFormat::Json, Some(card)) => render::json_card::render(&doc, card),
                (RenderFormat::Docx, card) => {
                    return docx(&doc, card, args.output.as_ref(), lang);
                }
            };
            output::emit(&text, args.output.as_ref(), lang)
        },
    )
}

/// The document as a .docx, to `output` or stdout (not a terminal).
fn docx(
    doc: &Document,
    card: Option<&render::document::RoleCard>,
    output: Option<&PathBuf>,
    lang: Lang,
) -> u8 {
    if output.is_none() && std::io::stdout().is_terminal() {
        say::trouble(lang, Message::new("render-docx-not-text"));
        return EXIT_TROUBLE;
    }
    let bytes = match card {
        None => render::docx::render(doc),
        Some(card) => render::docx::render_role(doc, card),
    };
    match bytes {
        Ok(bytes) => output::emit_bytes(&bytes, output, lang),
        Err(e) => {
            say::trouble(
                lang,
                Message::new("render-docx-failed").with("why", e.to_string()),
            );
            EXIT_TROUBLE
        }
    }
}

/// Why `--role NAME` names no role, with the closest role name if any.
pub fn unknown_role(model: &Model, name: &str) -> Message {
    let why = match model.symbols.lookup(name) {
        Some((Symbol::Role(_), _)) | None => Message::new("role-unknown").with("name", name),
        Some((_, kind)) => Message::new("role-wrong-kind")
            .with("name", name)
            .with("kind", kind.article()),
    };
    let roles: Vec<&str> = model.roles.iter().map(|r| model.name(&r.named)).collect();
    match planc::suggest::closest(name, &roles) {
        Some(best) => Message::new("role-did-you-mean")
            .with("why", why)
            .with("best", best),
        None => Message::new("role-list")
            .with("why", why)
            .with("roles", Arg::names(roles, usize::MAX)),
    }
}
