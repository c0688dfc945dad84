//! Mistakes in the command line itself — a command or option that does not
//! exist, a value not among the choices, a missing file name — told in the
//! user's language. clap finds them and knows what went wrong (its error's
//! kind and context); the words are ours (`i18n/*/cli.ftl`). Kinds without
//! words of ours (rare: conflicting options, too many values) are printed
//! as clap says them.

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};
use planc::i18n::{Arg, Message};
use planc::lang::Lang;

use super::say;

/// Prints the mistake on stderr, in the language `--lang` names on the
/// command line, else planc.toml's of the working folder, else the locale's.
pub fn tell(error: &Error) {
    let lang = lang_of_command_line();
    match said(error) {
        Some((message, usage)) => {
            say::trouble(lang, message);
            if let Some(usage) = usage {
                eprintln!(
                    "{}",
                    Message::new("usage-line")
                        .with("usage", super::help::usage_in(&usage, lang))
                        .text(lang)
                );
            }
        }
        None => {
            let _ = error.print();
        }
    }
}

/// `--lang zh` or `--lang=zh` as typed, though the rest did not parse.
pub fn lang_of_command_line() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let flag = args
        .iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.strip_prefix("--lang") {
            Some("") => args.get(i + 1).and_then(|v| exact(v)),
            Some(rest) => rest.strip_prefix('=').and_then(exact),
            None => None,
        });
    flag.unwrap_or_else(|| super::lang::choose(None, super::lang::configured_here()))
}

fn exact(value: &str) -> Option<Lang> {
    match value {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The message and the usage line for a mistake planc has words for.
fn said(error: &Error) -> Option<(Message, Option<String>)> {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let texts = |kind| match error.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let usage = match error.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(s)) => {
            let plain = s.to_string();
            let plain = plain.trim();
            Some(
                plain
                    .strip_prefix("Usage:")
                    .unwrap_or(plain)
                    .trim()
                    .to_string(),
            )
        }
        _ => None,
    };
    // `--format <FORMAT>` is named by the option alone.
    let option = || {
        text(ContextKind::InvalidArg)
            .map(|a| a.split_whitespace().next().unwrap_or_default().to_string())
    };
    let message = match error.kind() {
        ErrorKind::InvalidSubcommand => {
            let name = text(ContextKind::InvalidSubcommand)?;
            match texts(ContextKind::SuggestedSubcommand).first() {
                Some(best) => Message::new("usage-unknown-command-close")
                    .with("name", name)
                    .with("best", best.as_str()),
                None => Message::new("usage-unknown-command").with("name", name),
            }
        }
        ErrorKind::UnknownArgument => {
            let name = text(ContextKind::InvalidArg)?;
            match text(ContextKind::SuggestedArg) {
                Some(best) => Message::new("usage-unknown-option-close")
                    .with("name", name)
                    .with("best", best),
                None => Message::new("usage-unknown-option").with("name", name),
            }
        }
        ErrorKind::InvalidValue => {
            let option = option()?;
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let choices: Vec<Message> = texts(ContextKind::ValidValue)
                .into_iter()
                .map(|v| Message::new("usage-choice").with("value", v))
                .collect();
            // A missing value is named with its placeholder: `--set <FACT=VALUE>`.
            let whole = text(ContextKind::InvalidArg).unwrap_or_default();
            match (value.is_empty(), choices.is_empty()) {
                (true, true) => Message::new("usage-value-missing").with("option", whole),
                (true, false) => Message::new("usage-value-missing-choose")
                    .with("option", whole)
                    .with("choices", Arg::Either(choices.into())),
                (false, true) => return None,
                (false, false) => Message::new("usage-bad-value")
                    .with("option", option)
                    .with("value", value)
                    .with("choices", Arg::Either(choices.into())),
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = texts(ContextKind::InvalidArg);
            if missing.is_empty() {
                return None;
            }
            Message::new("usage-missing").with("missing", missing.join(" "))
        }
        _ => return None,
    };
    Some((message, usage))
}
