//! The lines planc itself prints when it cannot do something (a file it
//! cannot read or write, an argument it cannot use): `planc: …` on stderr,
//! in the language the command speaks. The words are Fluent messages
//! (`src/i18n/*/cli.ftl`), never written here.

use planc::i18n::Message;
use planc::lang::Lang;

/// Prints `planc: MESSAGE` (`planc：…` in Chinese) on stderr.
pub fn trouble(lang: Lang, message: Message) {
    eprintln!("{}", line(lang, message));
}

/// `planc: MESSAGE` in `lang`, without a line break.
pub fn line(lang: Lang, message: Message) -> String {
    Message::new("cli-line").with("message", message).text(lang)
}

/// `OPTION: WHY`: what is wrong with the value of an option (`--set`, `--today`, …).
pub fn option(option: &str, why: Message) -> Message {
    Message::new("option-problem")
        .with("option", option)
        .with("why", why)
}
