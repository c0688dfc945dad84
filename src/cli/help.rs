//! The help pages (`planc --help`, `planc check -h`) in the user's language.
//!
//! English is clap's: each command's and option's doc comment in `cli/*.rs`.
//! Chinese is `i18n/zh/help.ftl`, one entry per command and option (and per
//! documented choice of a `--format`), laid over the same clap `Command`:
//! the options, their order and what they accept stay clap's, only the words
//! change. A test keeps the file and the commands in step.

use std::sync::LazyLock;

use clap::builder::PossibleValue;
use clap::{Arg, Command};
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use planc::lang::Lang;

const ZH: &str = include_str!("../i18n/zh/help.ftl");

type Bundle = FluentBundle<FluentResource>;

static BUNDLE: LazyLock<Bundle> = LazyLock::new(|| {
    let mut bundle = FluentBundle::new_concurrent(vec![]);
    bundle.set_use_isolating(false);
    // A syntax error still yields the good entries; the tests reject it.
    let resource = FluentResource::try_new(ZH.to_string()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
});

/// The words of `id` (or of its attribute `id.attr`), if the file has them.
fn words(id: &str) -> Option<String> {
    let (id, attribute) = match id.split_once('.') {
        Some((id, a)) => (id, Some(a)),
        None => (id, None),
    };
    let message = BUNDLE.get_message(id)?;
    let pattern = match attribute {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    Some(
        BUNDLE
            .format_pattern(pattern, None::<&fluent_bundle::FluentArgs>, &mut errors)
            .into_owned(),
    )
}

/// `command` (the whole tree, built) with its words in `lang`.
pub fn localized(mut command: Command, lang: Lang) -> Command {
    command.build();
    match lang {
        Lang::En => command,
        Lang::Zh => in_chinese(command, "planc"),
    }
}

/// The key of a command's words: `planc`, `planc-check`, `planc-help`.
/// `planc help`'s own list of commands says what the commands themselves say.
fn key_of(path: &str, name: &str) -> String {
    match (path, name) {
        ("planc-help", "help") => path.to_string(),
        ("planc-help", _) => format!("planc-{name}"),
        _ => format!("{path}-{name}"),
    }
}

/// The name shown for the values of `arg` (`--config <FILE>`, `<PATHS>...`),
/// none for a flag.
fn value_name(arg: &Arg) -> Option<String> {
    if is_flag(arg) {
        return None;
    }
    match arg.get_value_names().and_then(|names| names.first()) {
        Some(name) => Some(name.as_str().to_string()),
        None => Some(arg.get_id().as_str().to_uppercase()),
    }
}

/// The key of an option's words: `planc-check-deny-warnings`.
fn arg_key(path: &str, arg: &Arg) -> String {
    format!("{path}-{}", arg.get_id().as_str().replace('_', "-"))
}

fn in_chinese(command: Command, path: &str) -> Command {
    let mut command = command;
    if let Some(about) = words(path) {
        command = command.about(about).long_about(None);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().as_str().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(id, |arg| arg_in_chinese(arg, path));
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let key = key_of(path, &name);
        command = command.mut_subcommand(name, |c| in_chinese(c, &key));
    }
    let layout = template(&mut command);
    command.help_template(layout)
}

/// What clap calls the options and the command in a usage line, and our
/// words for them (the headings of the help page say the same).
const OPTIONS: (&str, &str) = ("[OPTIONS]", "选项");
const COMMAND: (&str, &str) = ("<COMMAND>", "命令");

/// A usage line of clap's (`planc check [OPTIONS] <路径>...`) in `lang`:
/// the value names are already ours, its placeholders for the options and
/// the command are clap's English.
pub fn usage_in(usage: &str, lang: Lang) -> String {
    match lang {
        Lang::En => usage.to_string(),
        Lang::Zh => usage
            .replace(OPTIONS.0, &format!("[{}]", OPTIONS.1))
            .replace(COMMAND.0, &format!("<{}>", COMMAND.1)),
    }
}

/// Clap's layout, with Chinese headings; a heading only over what there
/// is. The usage line is written out, in Chinese, not left to clap.
fn template(command: &mut Command) -> String {
    let usage = command.render_usage().to_string();
    let usage = usage.trim();
    let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
    let mut t = format!(
        "{{before-help}}{{about-with-newline}}\n用法：{}\n",
        usage_in(usage, Lang::Zh)
    );
    if command.has_subcommands() {
        t.push_str(&format!("\n{}：\n{{subcommands}}\n", COMMAND.1));
    }
    if command.get_positionals().next().is_some() {
        t.push_str("\n参数：\n{positionals}\n");
    }
    if command.get_opts().next().is_some() || command.get_arguments().any(is_flag) {
        t.push_str(&format!("\n{}：\n{{options}}\n", OPTIONS.1));
    }
    t.push_str("{after-help}");
    t
}

fn is_flag(arg: &Arg) -> bool {
    !arg.is_positional() && !arg.get_num_args().is_some_and(|n| n.takes_values())
}

fn arg_in_chinese(arg: Arg, path: &str) -> Arg {
    let key = match arg.get_id().as_str() {
        // clap's own `-h` and `-V`, the same on every command.
        "help" => "help".to_string(),
        "version" => "version".to_string(),
        _ => arg_key(path, &arg),
    };
    let Some(mut help) = words(&key) else {
        return arg;
    };
    let mut arg = arg;
    if let Some(zh) =
        value_name(&arg).and_then(|name| words(&format!("value.{}", value_key(&name))))
    {
        arg = arg.value_name(zh);
    }
    let choices: Vec<PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    // As clap writes them: the default, then the choices (in `--help`,
    // choices with words of their own each on a line, the default last).
    let default = (!defaults.is_empty() && !arg.is_hide_default_value_set() && !is_flag(&arg))
        .then(|| format!("[默认：{}]", defaults.join("、")));
    let listed = !choices.is_empty() && !arg.is_hide_possible_values_set();
    let names: Vec<&str> = choices.iter().map(PossibleValue::get_name).collect();
    let mut long = None;
    if listed && choices.iter().any(|v| v.get_help().is_some()) {
        let mut text = format!("{help}\n可取：");
        for name in &names {
            let said = words(&format!("{key}-{name}")).unwrap_or_default();
            text.push_str(&format!("\n- {name}：{said}"));
        }
        if let Some(default) = &default {
            text.push_str(&format!("\n{default}"));
        }
        long = Some(text);
    }
    if let Some(default) = &default {
        help.push_str(&format!(" {default}"));
    }
    if listed {
        help.push_str(&format!(" [可取：{}]", names.join("、")));
    }
    let arg = arg
        .help(help)
        .hide_possible_values(true)
        .hide_default_value(true);
    match long {
        Some(text) => arg.long_help(text),
        None => arg.long_help(None),
    }
}

/// `FACT=VALUE` → `fact-value`: an id Fluent accepts.
fn value_key(name: &str) -> String {
    name.to_lowercase().replace(['=', '_'], "-")
}

#[cfg(test)]
mod tests;
