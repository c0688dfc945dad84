//! Durations and dates written the way an author says them: `10分钟`,
//! `1小时30分`, `1.5h`, `2024年9月1日`, `2024/09/01`, and what the language
//! writes for them.

use super::replaced;
use crate::diagnostic::Diagnostic;
use crate::i18n::msg;
use crate::span::Span;

/// The units of a duration as an author may write them, longest first, and
/// the unit the language writes.
const UNITS: &[(&str, &str)] = &[
    ("个小时", "h"),
    ("个星期", "w"),
    ("minutes", "m"),
    ("seconds", "s"),
    ("个月", "mo"),
    ("小时", "h"),
    ("分钟", "m"),
    ("秒钟", "s"),
    ("星期", "w"),
    ("hours", "h"),
    ("weeks", "w"),
    ("years", "y"),
    ("hour", "h"),
    ("mins", "m"),
    ("days", "d"),
    ("week", "w"),
    ("year", "y"),
    ("min", "m"),
    ("hrs", "h"),
    ("day", "d"),
    ("hr", "h"),
    ("mo", "mo"),
    ("秒", "s"),
    ("分", "m"),
    ("时", "h"),
    ("天", "d"),
    ("日", "d"),
    ("周", "w"),
    ("月", "mo"),
    ("年", "y"),
    ("s", "s"),
    ("m", "m"),
    ("h", "h"),
    ("d", "d"),
    ("w", "w"),
    ("y", "y"),
];

/// How many of the next smaller unit make one of `unit`, where that is
/// exact (a month is 30 days, docs/language.md; a year of 365 days is left
/// in years: `1y182d12h` is not what anybody meant).
fn smaller(unit: &str) -> Option<(u64, &'static str)> {
    Some(match unit {
        "mo" => (30, "d"),
        "w" => (7, "d"),
        "d" => (24, "h"),
        "h" => (60, "m"),
        "m" => (60, "s"),
        _ => return None,
    })
}

/// A duration written with Chinese units or a decimal point: `10分钟`,
/// `1小时30分`, `1年`, `1.5h`.
pub(super) fn duration(source: &str, at: usize) -> Option<Diagnostic> {
    let rest = &source[at..];
    let mut pos = 0;
    let mut written = String::new();
    while let Some(len) = digits_len(&rest[pos..]) {
        let whole: u64 = rest[pos..pos + len].parse().ok()?;
        let mut end = pos + len;
        // A decimal fraction: `1.5`, `0.5`.
        let mut fraction = (0u64, 1u64);
        if rest[end..].starts_with('.')
            && let Some(flen) = digits_len(&rest[end + 1..])
            && flen <= 6
        {
            let digits = &rest[end + 1..end + 1 + flen];
            fraction = (digits.parse().ok()?, 10u64.pow(flen as u32));
            end += 1 + flen;
        }
        let gap = rest[end..].len() - rest[end..].trim_start_matches([' ', '\u{3000}']).len();
        let after = &rest[end + gap..];
        // An English unit is a whole word (`m`, not the `m` of `min`).
        let &(word, unit) = UNITS.iter().find(|(w, _)| {
            after.starts_with(w)
                && !(w.is_ascii()
                    && after[w.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphabetic()))
        })?;
        written.push_str(&in_units(whole, fraction, unit)?);
        pos = end + gap + word.len();
    }
    if written.is_empty() {
        return None;
    }
    // `10分钟内`, `10分钟以内`: "within" is the keyword already.
    for within in ["以内", "内"] {
        if rest[pos..].starts_with(within) {
            pos += within.len();
            break;
        }
    }
    let found = &rest[..pos];
    if found == written {
        return None;
    }
    let span = Span::new(at, at + pos);
    Some(replaced(
        span,
        found,
        &written,
        [
            msg!("slip-duration", found = found, written = written.as_str()),
            msg!("slip-duration.label", written = written.as_str()),
            msg!("slip-duration.help"),
        ],
    ))
}

/// `whole + numerator/denominator` of `unit`, in whole units: `1.5h` is `1h30m`.
fn in_units(whole: u64, (numerator, denominator): (u64, u64), unit: &str) -> Option<String> {
    let mut out = String::new();
    if whole > 0 || numerator == 0 {
        out.push_str(&format!("{whole}{unit}"));
    }
    let (mut numerator, mut unit) = (numerator, unit);
    while numerator > 0 {
        let (factor, next) = smaller(unit)?;
        let scaled = numerator.checked_mul(factor)?;
        let (n, remainder) = (scaled / denominator, scaled % denominator);
        if n > 0 {
            out.push_str(&format!("{n}{next}"));
        }
        numerator = remainder;
        unit = next;
    }
    Some(out)
}

fn digits_len(text: &str) -> Option<usize> {
    let len = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (len > 0 && len <= 18).then_some(len)
}

/// A date written `2024年9月1日`, `2024/09/01`, `2024.9.1` or `2024-9-1`.
pub(super) fn date(source: &str, at: usize) -> Option<Diagnostic> {
    let rest = &source[at..];
    let mut pos = 0;
    let mut parts = Vec::new();
    for separators in [
        &["年", "/", ".", "-", "－"][..],
        &["月", "/", ".", "-", "－"][..],
    ] {
        let len = digits_len(&rest[pos..])?;
        parts.push(&rest[pos..pos + len]);
        pos += len;
        let separator = separators.iter().find(|s| rest[pos..].starts_with(**s))?;
        pos += separator.len();
    }
    let len = digits_len(&rest[pos..])?;
    parts.push(&rest[pos..pos + len]);
    pos += len;
    for end in ["日", "号"] {
        if rest[pos..].starts_with(end) {
            pos += end.len();
            break;
        }
    }
    let [year, month, day] = parts[..] else {
        return None;
    };
    let (month, day): (u32, u32) = (month.parse().ok()?, day.parse().ok()?);
    if year.len() != 4 || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let written = format!("{year}-{month:02}-{day:02}");
    let found = &rest[..pos];
    if found == written {
        return None;
    }
    let span = Span::new(at, at + pos);
    Some(replaced(
        span,
        found,
        &written,
        [
            msg!("slip-date", found = found, written = written.as_str()),
            msg!("slip-date.label", written = written.as_str()),
            msg!("slip-date.help", date = written.as_str()),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_become_whole_units() {
        assert_eq!(in_units(1, (5, 10), "h").as_deref(), Some("1h30m"));
        assert_eq!(in_units(0, (5, 10), "h").as_deref(), Some("30m"));
        assert_eq!(in_units(2, (0, 1), "y").as_deref(), Some("2y"));
        assert_eq!(in_units(1, (5, 10), "mo").as_deref(), Some("1mo15d"));
        assert_eq!(in_units(1, (25, 100), "d").as_deref(), Some("1d6h"));
        assert_eq!(in_units(0, (0, 1), "m").as_deref(), Some("0m"));
        // Not whole seconds; half a year is no whole number of months.
        assert_eq!(in_units(1, (1, 3), "s"), None);
        assert_eq!(in_units(1, (5, 10), "y"), None);
    }
}
