//! Values the grammar accepts loosely (escapes, dates, duration units,
//! integer sizes), validated while the tree is built, so that their errors
//! can say exactly what is wrong.

use std::borrow::Cow;

use super::ast::{Date, Duration, Str};
use super::lower::{Lowerer, P};
use crate::i18n::{Message, msg};
use crate::span::Span;

impl<'s> Lowerer<'s, '_> {
    /// A `string` pair: resolves escapes and CRLF, reporting bad escapes.
    pub(super) fn string(&mut self, pair: P<'s>) -> Str<'s> {
        let span = self.span(&pair);
        // The text between the quotes (a `string` pair is `"`, `str_body`, `"`).
        let text = pair.as_str();
        let raw = text.get(1..text.len().saturating_sub(1)).unwrap_or("");
        let body_start = span.start + 1;
        let value = if memchr::memchr2(b'\\', b'\r', raw.as_bytes()).is_some() {
            Cow::Owned(self.unescape(raw, body_start))
        } else {
            Cow::Borrowed(raw)
        };
        Str { value, span }
    }

    fn unescape(&mut self, raw: &str, start: usize) -> String {
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '\r' if matches!(chars.peek(), Some((_, '\n'))) => {}
                '\\' => {
                    let Some((_, e)) = chars.next() else { break };
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'u' => match unicode_escape(&raw[i..]) {
                            Ok((ch, len)) => {
                                out.push(ch);
                                // skip the rest of `\u{...}` (the `\u` is consumed)
                                for _ in 0..raw[i + 2..i + len].chars().count() {
                                    chars.next();
                                }
                            }
                            Err(why) => {
                                let end = raw[i..]
                                    .find('}')
                                    .map(|e| i + e + 1)
                                    .unwrap_or(i + 2)
                                    .min(raw.len());
                                self.error(
                                    Span::new(start + i, start + end),
                                    msg!("syntax-unicode-escape", why = why),
                                    msg!("syntax-unicode-escape.label"),
                                    msg!("syntax-unicode-escape.help"),
                                );
                            }
                        },
                        other => {
                            let len = 1 + other.len_utf8();
                            self.error(
                                Span::new(start + i, start + i + len),
                                msg!("syntax-unknown-escape", escape = other.to_string()),
                                msg!("syntax-unknown-escape.label"),
                                msg!("syntax-unknown-escape.help"),
                            );
                        }
                    }
                }
                c => out.push(c),
            }
        }
        out
    }

    pub(super) fn date(&mut self, pair: P<'s>) -> Date {
        let span = self.span(&pair);
        let text = pair.as_str();
        let year: u16 = text[0..4].parse().unwrap_or(0);
        let month: u8 = text[5..7].parse().unwrap_or(0);
        let day: u8 = text[8..10].parse().unwrap_or(0);
        if !date_exists(year, month, day) {
            self.error(
                span,
                msg!("syntax-no-such-date", date = text),
                msg!("syntax-no-such-date.label"),
                msg!("syntax-no-such-date.help"),
            );
        }
        Date {
            year,
            month,
            day,
            span,
        }
    }

    pub(super) fn duration(&mut self, pair: P<'s>) -> Duration {
        let span = self.span(&pair);
        match parse_duration(pair.as_str()) {
            Ok(seconds) => Duration { seconds, span },
            Err(why) => {
                self.error(
                    span,
                    msg!(
                        "syntax-invalid-duration",
                        duration = pair.as_str(),
                        why = why
                    ),
                    msg!("syntax-invalid-duration.label"),
                    msg!("syntax-invalid-duration.help"),
                );
                Duration { seconds: 0, span }
            }
        }
    }

    pub(super) fn integer(&mut self, pair: &P<'s>) -> u64 {
        pair.as_str().parse().unwrap_or_else(|_| {
            self.error(
                self.span(pair),
                msg!("syntax-number-too-large", number = pair.as_str()),
                msg!("syntax-number-too-large.label"),
                msg!("syntax-number-too-large.help", max = u64::MAX.to_string()),
            );
            u64::MAX
        })
    }
}

/// Parses `\u{X…}` at the start of `s`: the character and the escape's byte length.
fn unicode_escape(s: &str) -> Result<(char, usize), Message> {
    let rest = s.get(2..).unwrap_or("");
    let Some(body) = rest.strip_prefix('{') else {
        return Err(msg!("escape-open"));
    };
    let Some(close) = body.find('}') else {
        return Err(msg!("escape-close"));
    };
    let hex = &body[..close];
    if hex.is_empty() || hex.len() > 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(msg!("escape-digits"));
    }
    let value = u32::from_str_radix(hex, 16).map_err(|_| msg!("escape-digits"))?;
    let ch = char::from_u32(value).ok_or(msg!("escape-scalar"))?;
    Ok((ch, 2 + 1 + close + 1))
}

/// Seconds in a duration such as `1h30m`; units decreasing, each at most once.
pub fn parse_duration(text: &str) -> Result<u64, Message> {
    const UNITS: [(&str, u64); 7] = [
        ("y", 365 * 86_400),
        ("mo", 30 * 86_400),
        ("w", 7 * 86_400),
        ("d", 86_400),
        ("h", 3_600),
        ("m", 60),
        ("s", 1),
    ];
    let mut rest = text;
    let mut total: u64 = 0;
    let mut last_rank: Option<usize> = None;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let amount: u64 = rest[..digits]
            .parse()
            .map_err(|_| msg!("duration-number-too-large"))?;
        rest = &rest[digits..];
        let (rank, (unit, factor)) = UNITS
            .iter()
            .enumerate()
            .find(|(_, (u, _))| rest.starts_with(u))
            .ok_or_else(|| msg!("duration-missing-unit"))?;
        if let Some(last) = last_rank {
            if rank == last {
                return Err(msg!("duration-unit-twice", unit = *unit));
            }
            if rank < last {
                return Err(msg!("duration-unit-order", unit = *unit));
            }
        }
        last_rank = Some(rank);
        rest = &rest[unit.len()..];
        total = amount
            .checked_mul(*factor)
            .and_then(|s| total.checked_add(s))
            .ok_or_else(|| msg!("duration-too-long"))?;
    }
    Ok(total)
}

fn date_exists(year: u16, month: u8, day: u8) -> bool {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year > 0 && day >= 1 && day <= days
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("1h30m"), Ok(5400));
        assert_eq!(parse_duration("6mo"), Ok(6 * 30 * 86_400));
        assert_eq!(parse_duration("2w"), Ok(14 * 86_400));
        assert!(parse_duration("30m1h").is_err());
        assert!(parse_duration("1m1m").is_err());
    }

    #[test]
    fn dates() {
        assert!(date_exists(2015, 9, 11));
        assert!(date_exists(2024, 2, 29));
        assert!(!date_exists(2023, 2, 29));
        assert!(!date_exists(2015, 13, 1));
    }
}
