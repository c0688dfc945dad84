//! Whether a `holder` names someone: the spec's placeholders (v1), shared by
//! `unassigned-role`, `unassigned-deputy` and `deputy-same-holder`.
//!
//! A holder is a placeholder when it is empty or white space, contains a run
//! of two or more blank marks (`_____`, `×××`, `XXX同志`, `某某`, `_ _`) or
//! is only blank marks (`X`), an
//! ellipsis `…`, or the word 待定 or TBD (any case, bracketed or not:
//! `（待定）`, `tbd`), or is one of the texts `planc.toml` adds. Beyond the
//! spec's list, the full-width and lower-case forms of the marks count too
//! (`ｘｘ`, `xx`, `＊＊`, `．．`): typed with a Chinese input method they mean
//! the same blank.

use crate::diagnostic::Label;
use crate::i18n::msg;
use crate::model::Role;

/// Where a role names nobody, labelled: its name when it has no `holder`,
/// its holder when that is a placeholder; `None` when it names someone.
pub fn unassigned(role: &Role, extra: &[String]) -> Option<Label> {
    match &role.holder {
        None => Some(Label::new(
            role.named.name_span,
            msg!("unassigned-role.none"),
        )),
        Some(h) if is_placeholder(&h.value, extra) => {
            Some(Label::new(h.span, msg!("unassigned-role.placeholder")))
        }
        Some(_) => None,
    }
}

/// The marks that, two or more in a row, leave a blank for a name.
const BLANK_MARKS: &[char] = &[
    '_', '＿', '*', '＊', '×', 'X', 'x', 'Ｘ', 'ｘ', '○', '〇', '某', '.', '．',
];

/// Whether a holder text names nobody (see the module's documentation);
/// `extra` are further whole texts that count as placeholders.
pub fn is_placeholder(holder: &str, extra: &[String]) -> bool {
    let text = holder.trim();
    text.is_empty()
        || has_blank_run(text)
        || text.contains('…')
        || text.contains("待定")
        || has_word_tbd(text)
        || extra.iter().any(|w| w.trim() == text)
}

/// Two or more blank marks in a row (white space after a mark that is not
/// a letter does not end the run: `_ _`, but `Max Xu` is a name), or a text
/// of nothing but blank marks (`X`).
fn has_blank_run(text: &str) -> bool {
    let mut run = 0;
    let mut last: Option<char> = None;
    for c in text.chars() {
        if BLANK_MARKS.contains(&c) {
            run += 1;
            if run >= 2 {
                return true;
            }
            last = Some(c);
        } else if !(c.is_whitespace() && last.is_some_and(|m| !m.is_alphabetic())) {
            run = 0;
            last = None;
        }
    }
    text.chars()
        .all(|c| c.is_whitespace() || BLANK_MARKS.contains(&c))
}

/// `TBD` in any case, not inside a longer word of Latin letters.
fn has_word_tbd(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    lower.match_indices("tbd").any(|(i, _)| {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + 3).copied();
        !before.is_some_and(|b| b.is_ascii_alphabetic())
            && !after.is_some_and(|b| b.is_ascii_alphabetic())
    })
}

/// A holder text for comparing holders: without white space, so `张三` and
/// `张 三` (a space typed to line names up) are one person.
pub fn normalised(holder: &str) -> String {
    holder.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spec_placeholders_and_more() {
        for text in [
            "",
            "  ",
            "　",
            "_____",
            "＿＿＿",
            "_ _",
            "X",
            "***",
            "×××",
            "XXX",
            "XXX同志",
            "xx",
            "ＸＸ主任",
            "某某",
            "○○○",
            "〇〇",
            "...",
            "张…",
            "……",
            "待定",
            "（待定）",
            "人选待定",
            " TBD ",
            "tbd",
            "(TBD)",
            "Tbd later",
        ] {
            assert!(is_placeholder(text, &[]), "{text:?}");
        }
    }

    #[test]
    fn real_names_are_not_placeholders() {
        for text in [
            "张三",
            "uu同志",
            "X光室主任",
            "Max Xu",
            "x1",
            "办公室主任",
            "某局",
            "J.R. Smith",
            "tbdx",
            "outbound",
        ] {
            assert!(!is_placeholder(text, &[]), "{text:?}");
        }
        assert!(is_placeholder("待填", &["待填".to_string()]));
        assert!(!is_placeholder("待填写", &["待填".to_string()]));
    }

    #[test]
    fn holders_compare_without_extra_white_space() {
        assert_eq!(normalised(" 张  三 "), normalised("张三"));
        assert_ne!(normalised("张三"), normalised("张山"));
    }
}
