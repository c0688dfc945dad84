//! The words of one language, read one message at a time.
//!
//! Parsed whole, the message files of a language take 0.6 MB of heap for
//! as long as the process runs, while a report uses a dozen of their five
//! hundred messages; for a small plan that was most of the memory `planc
//! check` used (issue 19, memory per byte). So the files are only cut into
//! entries at first (an id and the text of its entry, pointing into the
//! files built into the program), and an entry is parsed and added to the
//! language's bundle the first time it is asked for. A message never names
//! another (`tests.rs` holds the files to that), so an entry alone is
//! enough to format it.

use std::collections::HashMap;
use std::sync::{LazyLock, PoisonError, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use super::FILES;
use crate::lang::Lang;

type Bundle = FluentBundle<FluentResource>;

/// The messages of a language: the text of each entry, and a bundle of
/// those asked for so far.
pub(super) struct Store {
    entries: HashMap<&'static str, &'static str>,
    bundle: RwLock<Bundle>,
}

static ZH: LazyLock<Store> = LazyLock::new(|| Store::new(Lang::Zh));
static EN: LazyLock<Store> = LazyLock::new(|| Store::new(Lang::En));

/// The store of `lang`'s messages.
pub(super) fn store(lang: Lang) -> &'static Store {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

impl Store {
    fn new(lang: Lang) -> Store {
        let tag = match lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en-US",
        };
        let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().unwrap_or_default()]);
        // No Unicode isolation marks around placeholders: the text goes to
        // terminals, JSON and SARIF, where they would show as stray characters.
        bundle.set_use_isolating(false);
        let mut entries = HashMap::new();
        for (_, _, text) in FILES.iter().filter(|(l, ..)| *l == lang) {
            for (id, entry) in entries_of(text) {
                // The first definition wins, as in a bundle of whole files.
                entries.entry(id).or_insert(entry);
            }
        }
        Store {
            entries,
            bundle: RwLock::new(bundle),
        }
    }

    /// Whether the files define `id` (a message, or `message.attribute`).
    pub(super) fn has(&self, id: &str) -> bool {
        let (message, attribute) = split(id);
        self.load(message)
            && self
                .bundle
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .get_message(message)
                .is_some_and(|m| match attribute {
                    Some(a) => m.get_attribute(a).is_some(),
                    None => m.value().is_some(),
                })
    }

    /// `id` (a message, or `message.attribute`) formatted with `args`, and
    /// what went wrong formatting it; `None` when the files lack it.
    pub(super) fn format(
        &self,
        id: &str,
        args: &FluentArgs,
        errors: &mut Vec<fluent_bundle::FluentError>,
    ) -> Option<String> {
        let (message, attribute) = split(id);
        if !self.load(message) {
            return None;
        }
        let bundle = self.bundle.read().unwrap_or_else(PoisonError::into_inner);
        let found = bundle.get_message(message).and_then(|m| match attribute {
            Some(a) => m.get_attribute(a).map(|a| a.value()),
            None => m.value(),
        })?;
        Some(
            bundle
                .format_pattern(found, Some(args), errors)
                .into_owned(),
        )
    }

    /// Whether `message` is in the bundle, parsed from its entry if it was
    /// not yet.
    fn load(&self, message: &str) -> bool {
        let has = |bundle: &Bundle| bundle.has_message(message);
        if has(&self.bundle.read().unwrap_or_else(PoisonError::into_inner)) {
            return true;
        }
        let Some(entry) = self.entries.get(message) else {
            return false;
        };
        let mut bundle = self.bundle.write().unwrap_or_else(PoisonError::into_inner);
        // Another thread may have added it meanwhile: adding it twice is an
        // error the bundle reports and ignores.
        if !has(&bundle) {
            // An entry with a syntax error still yields what it can; the
            // tests reject the error itself.
            let resource = FluentResource::try_new(entry.to_string()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
        }
        has(&bundle)
    }
}

/// A message id and the attribute `id` names, if any.
fn split(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((message, attribute)) => (message, Some(attribute)),
        None => (id, None),
    }
}

/// The messages of a file: each one's id and the text of its entry, from
/// its first line to the next entry or comment. An entry starts with its id
/// at the start of a line; its other lines are indented or blank (Fluent's
/// own rule).
fn entries_of(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut starts: Vec<usize> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let first = line.chars().next();
        let begins = first.is_some_and(|c| c.is_ascii_alphabetic());
        let closes = begins || matches!(first, Some('#' | '-'));
        if closes && starts.len() > ends.len() {
            ends.push(at);
        }
        if begins {
            starts.push(at);
        }
        at += line.len();
    }
    if starts.len() > ends.len() {
        ends.push(text.len());
    }
    starts
        .into_iter()
        .zip(ends)
        .filter_map(move |(start, end)| {
            let entry = &text[start..end];
            let id = entry.split('=').next()?.trim();
            Some((id, entry))
        })
}

#[cfg(test)]
mod tests {
    use super::entries_of;

    #[test]
    fn an_entry_runs_to_the_next_entry_or_comment() {
        let text =
            "# words\none = One\n    .help = Help\n\ntwo =\n    Two\n    lines\n## more\nthree = 3";
        let entries: Vec<_> = entries_of(text).collect();
        assert_eq!(
            entries,
            [
                ("one", "one = One\n    .help = Help\n\n"),
                ("two", "two =\n    Two\n    lines\n"),
                ("three", "three = 3"),
            ]
        );
    }
}
