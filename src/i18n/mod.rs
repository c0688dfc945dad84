//! The words of every diagnostic, in every language: one folder of Fluent
//! files per language (`zh/`, `en/`), nothing else. Code never writes a
//! sentence: it builds a `Message` — an id of those files and its arguments
//! (`msg!("no-drill")`, `msg!("missing-owner", name = step)`) — and the
//! language is chosen when the message is shown (`Message::text`). So a
//! diagnostic is data: checked once, reported in Chinese or English.
//!
//! An id names a Fluent message or one of its attributes (`deadline-inversion`,
//! `deadline-inversion.help`). Tests (`tests.rs`) keep the files complete:
//! every id in both languages with the same placeholders, every id the code
//! uses defined, and every definition used.

use std::collections::VecDeque;

use fluent_bundle::{FluentArgs, FluentValue};

use crate::lang::Lang;

pub(crate) mod packed;
mod pages;
mod store;
#[cfg(test)]
mod tests;

pub use pages::zh_page;

/// The text of a placeholder (`Arg::Text`): a name, a keyword, a piece of
/// the plan. A check may give hundreds of thousands of findings, each
/// naming something, and nearly every name is short: up to 24 bytes it is
/// held in place, not in an allocation of its own.
pub type Text = compact_str::CompactString;

// A placeholder stays small: its text in place, the rare kinds boxed, the
// others beside the text's spare byte (a message holds its placeholders
// with their names, 40 bytes each).
const _: () = assert!(std::mem::size_of::<Arg>() <= 24);

/// Something to say, in no language yet: an id of the message files and
/// the values of its placeholders. Small (32 bytes, its placeholders in one
/// allocation, none without): a diagnostic holds three or more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    id: &'static str,
    args: Option<Box<[(&'static str, Arg)]>>,
}

/// The value of a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is: a name, a keyword, a duration (`10m`), a piece of the plan.
    Text(Text),
    /// A number: shown as digits, and English picks "1 role" / "2 roles" by it.
    Number(u64),
    /// Words of their own, shown in the same language.
    Message(Box<Message>),
    /// Words of their own without placeholders: only the id (`Message::id`),
    /// not boxed (nearly every finding names what its position wants so).
    Words(&'static str),
    /// Names as `` `a`, `b` `` (`` `a`、`b` ``); past `max`, the rest are counted.
    Names(Box<Names>),
    /// A path of names `` `a` → `b` → `a` ``; a long one keeps both ends.
    Path(Box<Names>),
    /// Alternatives: "a, b or c" (`a、b 或 c`).
    Either(Box<[Message]>),
}

/// Names, and how many of them are shown (`Arg::Names`, `Arg::Path`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    /// Only the names shown: a path's two ends, a list's first `max`. The
    /// rest are only counted (a loop of 20,000 roles is one path: issue 19,
    /// memory per byte).
    names: Vec<String>,
    /// How many names are not shown.
    omitted: usize,
    max: usize,
}

impl Names {
    /// A list of `names`, the first `max` shown.
    fn list<'a>(names: impl IntoIterator<Item = &'a str>, max: usize) -> Names {
        let mut shown = Vec::new();
        let mut omitted = 0;
        for name in names {
            if shown.len() < max {
                shown.push(name.to_string());
            } else {
                omitted += 1;
            }
        }
        Names {
            names: shown,
            omitted,
            max,
        }
    }

    /// A path of `names`: past `max` (at least 2), the first `max / 2` and
    /// the last `max - max / 2` shown. Only those are held while the names
    /// are read.
    fn path<'a>(names: impl IntoIterator<Item = &'a str>, max: usize) -> Names {
        let limit = max.max(2);
        let tail = max - max / 2;
        let mut names = names.into_iter();
        let first: Vec<&str> = names.by_ref().take(limit).collect();
        // The last `tail` names past the first `limit`, and how many there are.
        let mut last: VecDeque<&str> = VecDeque::new();
        let mut more = 0;
        for name in names {
            more += 1;
            if tail == 0 {
                continue;
            }
            if last.len() == tail {
                last.pop_front();
            }
            last.push_back(name);
        }
        if more == 0 {
            return Names {
                names: first.into_iter().map(str::to_string).collect(),
                omitted: 0,
                max,
            };
        }
        let from_first = tail - last.len();
        let head = first[..max / 2].iter();
        let ends = head.chain(&first[first.len() - from_first..]).chain(&last);
        Names {
            names: ends.map(|n| n.to_string()).collect(),
            omitted: first.len() + more - max,
            max,
        }
    }
}

/// `msg!(ID, name = value, …)`: a `Message` with its placeholders, e.g.
/// `msg!("missing-owner.help", name = step)`; values are anything that
/// converts into an `Arg` (strings, numbers, messages). ID is a literal, so
/// the completeness test finds every id the code uses.
macro_rules! msg {
    ($id:literal $(,)?) => {
        $crate::i18n::Message::new($id)
    };
    ($id:literal $(, $name:ident = $value:expr)+ $(,)?) => {
        $crate::i18n::Message::with_args(
            $id,
            ::std::boxed::Box::new([$((stringify!($name), ::std::convert::Into::<$crate::i18n::Arg>::into($value))),+]),
        )
    };
}
pub(crate) use msg;

impl Message {
    /// A message without placeholders; prefer `msg!`, which the completeness
    /// test reads.
    pub fn new(id: &'static str) -> Message {
        Message { id, args: None }
    }

    /// A message with all its placeholders (`msg!` gives them at once: a
    /// check may build hundreds of thousands of messages, each allocated once).
    pub fn with_args(id: &'static str, args: Box<[(&'static str, Arg)]>) -> Message {
        Message {
            id,
            args: (!args.is_empty()).then_some(args),
        }
    }

    /// Sets placeholder `name` to `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        let mut args = self.args.take().map(Vec::from).unwrap_or_default();
        args.push((name, value.into()));
        self.args = Some(args.into_boxed_slice());
        self
    }

    fn args(&self) -> &[(&'static str, Arg)] {
        self.args.as_deref().unwrap_or_default()
    }

    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The value given to placeholder `name`.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args().iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.format(lang).0
    }

    /// The message in `lang` and what went wrong formatting it (an unknown id,
    /// a placeholder without a value): empty when the files and the code agree.
    pub fn format(&self, lang: Lang) -> (String, Vec<String>) {
        let mut problems = Vec::new();
        let text = format(self, lang, &mut problems);
        (text, problems)
    }
}

impl Arg {
    pub fn names<'a>(names: impl IntoIterator<Item = &'a str>, max: usize) -> Arg {
        Arg::Names(Box::new(Names::list(names, max)))
    }

    pub fn path<'a>(names: impl IntoIterator<Item = &'a str>, max: usize) -> Arg {
        Arg::Path(Box::new(Names::path(names, max)))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(Text::from(s))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(Text::from(s))
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(Text::from(s.as_str()))
    }
}

impl From<&Text> for Arg {
    fn from(s: &Text) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        match m.args {
            None => Arg::Words(m.id),
            Some(_) => Arg::Message(Box::new(m)),
        }
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as u64)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize);

/// The message files of each language, in the order they are loaded.
pub(crate) const FILES: &[(Lang, &str, &str)] = &[
    (Lang::En, "en/words.ftl", include_str!("en/words.ftl")),
    (Lang::En, "en/syntax.ftl", include_str!("en/syntax.ftl")),
    (Lang::En, "en/names.ftl", include_str!("en/names.ftl")),
    (Lang::En, "en/checks.ftl", include_str!("en/checks.ftl")),
    (Lang::En, "en/tools.ftl", include_str!("en/tools.ftl")),
    (Lang::En, "en/profiles.ftl", include_str!("en/profiles.ftl")),
    (Lang::En, "en/serve.ftl", include_str!("en/serve.ftl")),
    (Lang::En, "en/config.ftl", include_str!("en/config.ftl")),
    (Lang::En, "en/cli.ftl", include_str!("en/cli.ftl")),
    (Lang::Zh, "zh/words.ftl", include_str!("zh/words.ftl")),
    (Lang::Zh, "zh/syntax.ftl", include_str!("zh/syntax.ftl")),
    (Lang::Zh, "zh/names.ftl", include_str!("zh/names.ftl")),
    (Lang::Zh, "zh/checks.ftl", include_str!("zh/checks.ftl")),
    (Lang::Zh, "zh/tools.ftl", include_str!("zh/tools.ftl")),
    (Lang::Zh, "zh/profiles.ftl", include_str!("zh/profiles.ftl")),
    (Lang::Zh, "zh/serve.ftl", include_str!("zh/serve.ftl")),
    (Lang::Zh, "zh/config.ftl", include_str!("zh/config.ftl")),
    (Lang::Zh, "zh/cli.ftl", include_str!("zh/cli.ftl")),
];

fn format(message: &Message, lang: Lang, problems: &mut Vec<String>) -> String {
    let words = store::store(lang);
    if !words.has(message.id) {
        problems.push(format!("{lang}: no message `{}`", message.id));
        // Never a blank: the other language, else the id itself.
        return match lang {
            Lang::Zh => format(message, Lang::En, problems),
            Lang::En => message.id.to_string(),
        };
    }
    let mut args = FluentArgs::with_capacity(message.args().len());
    for (name, arg) in message.args() {
        let value = match arg {
            Arg::Text(s) => FluentValue::from(s.as_str()),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Message(m) => FluentValue::from(format(m, lang, problems)),
            Arg::Words(id) => FluentValue::from(format(&Message::new(id), lang, problems)),
            Arg::Names(n) => FluentValue::from(list(n, lang, problems)),
            Arg::Path(n) => FluentValue::from(path(n, lang, problems)),
            Arg::Either(items) => FluentValue::from(either(items, lang, problems)),
        };
        args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = words.format(message.id, &args, &mut errors);
    problems.extend(
        errors
            .iter()
            .map(|e| format!("{lang}: `{}`: {e}", message.id)),
    );
    text.unwrap_or_default()
}

fn quoted(names: &[String]) -> Vec<String> {
    names.iter().map(|n| format!("`{n}`")).collect()
}

fn list(names: &Names, lang: Lang, problems: &mut Vec<String>) -> String {
    let separator = format(&msg!("list-separator"), lang, problems);
    let shown = quoted(&names.names).join(&separator);
    if names.omitted == 0 {
        return shown;
    }
    let more = msg!("list-more", list = shown, more = names.omitted);
    format(&more, lang, problems)
}

fn either(items: &[Message], lang: Lang, problems: &mut Vec<String>) -> String {
    let separator = format(&msg!("list-separator"), lang, problems);
    let or = format(&msg!("list-or"), lang, problems);
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() {
                &or
            } else {
                &separator
            });
        }
        let text = format(item, lang, problems);
        out.push_str(&text);
        // An item listing its own members after a dash ("a step attribute —
        // owner, on …") is closed by a dash unless it ends the phrase.
        if text.contains(" — ") && i + 1 < items.len() {
            out.push_str(" —");
        }
    }
    out
}

fn path(names: &Names, lang: Lang, problems: &mut Vec<String>) -> String {
    if names.omitted == 0 {
        return quoted(&names.names).join(" → ");
    }
    let (head, tail) = names.names.split_at(names.max / 2);
    let more = msg!(
        "path-more",
        head = quoted(head).join(" → "),
        more = names.omitted,
        tail = quoted(tail).join(" → ")
    );
    format(&more, lang, problems)
}
