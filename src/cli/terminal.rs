//! How human output looks on the stream it goes to.

use std::io::IsTerminal;

use planc::lang::Lang;
use planc::report::human::HumanOptions;

/// Colour only on a terminal and never with `NO_COLOR` set; the width from
/// `COLUMNS`, else 100. `not_read`: files named but not read.
pub fn human_options(stream: &impl IsTerminal, lang: Lang, not_read: usize) -> HumanOptions {
    let color = stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100);
    HumanOptions {
        color,
        width,
        lang,
        not_read,
    }
}
