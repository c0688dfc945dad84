//! Values the grammar accepts loosely (escapes, dates, duration units,
//! integer sizes), validated while the tree is built, so that their errors
//! can say exactly what is wrong.

use super::ast::{Date, Duration, Number, Str};
use super::lower::{Lowerer, P};
use super::strings::{Slip, decode};
use crate::i18n::{Message, msg};
use crate::span::Span;

impl<'s> Lowerer<'s, '_> {
    /// A `string` pair: its value (`strings::decode`), each slip in it
    /// reported as a syntax error.
    pub(super) fn string(&mut self, pair: P<'s>) -> Str<'s> {
        let span = self.span(&pair);
        let value = decode(pair.as_str(), span.start(), &mut |slip| match slip {
            Slip::Indent(at) => self.error(
                at,
                msg!("syntax-multiline-indent"),
                msg!("syntax-multiline-indent.label"),
                msg!("syntax-multiline-indent.help"),
            ),
            Slip::UnicodeEscape(at, why) => self.error(
                at,
                msg!("syntax-unicode-escape", why = why),
                msg!("syntax-unicode-escape.label"),
                msg!("syntax-unicode-escape.help"),
            ),
            Slip::UnknownEscape(at, other) => self.error(
                at,
                msg!("syntax-unknown-escape", escape = other.to_string()),
                msg!("syntax-unknown-escape.label"),
                msg!("syntax-unknown-escape.help"),
            ),
        });
        Str { value, span }
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
        match duration_units(pair.as_str()) {
            Ok(units) => Duration {
                seconds: units.seconds,
                working_days: units.working_days,
                years: units.years,
                months: units.months,
                span,
            },
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
                Duration {
                    seconds: 0,
                    working_days: 0,
                    years: 0,
                    months: 0,
                    span,
                }
            }
        }
    }

    /// The number of a comparison: (v1) a decimal when it has a point. What
    /// is wrong with it is reported; the number is then `quiet_number`'s.
    pub(super) fn number(&mut self, text: &str, span: Span) -> Number {
        use crate::decimal::{Decimal, DecimalError};
        if !text.contains('.') {
            return Number::Integer(self.integer(text, span));
        }
        if let Err(why) = Decimal::parse(text) {
            let (message, help) = match why {
                DecimalError::TooPrecise => (
                    msg!("syntax-decimal-too-precise", number = text),
                    msg!("syntax-decimal-too-precise.help"),
                ),
                DecimalError::TooLarge | DecimalError::Shape => (
                    msg!("syntax-number-too-large", number = text),
                    msg!("syntax-number-too-large.help", max = u64::MAX.to_string()),
                ),
            };
            self.error(span, message, msg!("syntax-number-too-large.label"), help);
        }
        quiet_number(text, span)
    }

    /// (v1) The kind a `kind` statement names (`special`, `专项`, …).
    pub(super) fn plan_kind(
        &mut self,
        name: super::ast::Name<'s>,
    ) -> Option<super::document::PlanKind> {
        let kind = super::document::PlanKind::from_name(name.text);
        if kind.is_none() {
            let names: Vec<String> = super::document::PlanKind::names()
                .map(|n| format!("`{n}`"))
                .collect();
            self.error(
                name.span,
                msg!("syntax-unknown-kind", name = name.text),
                msg!("syntax-unknown-kind.label"),
                msg!("syntax-unknown-kind.help", names = names.join(", ")),
            );
        }
        kind
    }

    /// (v1) The element an `element` statement names (`support`, …).
    pub(super) fn element(
        &mut self,
        name: super::ast::Name<'s>,
    ) -> Option<super::document::Element> {
        let element = super::document::Element::from_name(name.text);
        if element.is_none() {
            let names: Vec<String> = super::document::ELEMENTS
                .iter()
                .map(|(_, en, zh)| format!("`{en}` {}", zh.join("/")))
                .collect();
            self.error(
                name.span,
                msg!("syntax-unknown-element", name = name.text),
                msg!("syntax-unknown-element.label"),
                msg!("syntax-unknown-element.help", names = names.join(", ")),
            );
        }
        element
    }

    pub(super) fn integer(&mut self, text: &str, span: Span) -> u64 {
        text.parse().unwrap_or_else(|_| {
            self.error(
                span,
                msg!("syntax-number-too-large", number = text),
                msg!("syntax-number-too-large.label"),
                msg!("syntax-number-too-large.help", max = u64::MAX.to_string()),
            );
            INTEGER_TOO_LARGE
        })
    }
}

/// What an integer too large for 64 bits reads as (reported).
const INTEGER_TOO_LARGE: u64 = u64::MAX;

/// The number of a comparison as `Lowerer::number` reads it, saying nothing
/// of what is wrong with it (reported once, when it was parsed): a condition
/// kept as text is read again each time it is visited.
pub(super) fn quiet_number(text: &str, _span: Span) -> Number {
    if text.contains('.') {
        Number::Decimal(
            crate::decimal::Decimal::parse(text).unwrap_or(crate::decimal::Decimal::ZERO),
        )
    } else {
        Number::Integer(text.parse().unwrap_or(INTEGER_TOO_LARGE))
    }
}

/// Seconds of working day: 7/5 of a day (v1 `wd`), where durations are compared.
pub const WORKING_DAY: u64 = 7 * 86_400 / 5;

/// A duration such as `1h30m` or `15wd` (units decreasing, each at most once):
/// its length in seconds as durations are compared (`wd` = 7/5 day), and how
/// many working days it holds (which a calendar counts Monday to Friday).
/// What a duration's text holds: its length as durations compare, and the
/// working days, years and months written in it (already counted in `seconds`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DurationUnits {
    pub seconds: u64,
    pub working_days: u64,
    pub years: u64,
    pub months: u64,
}

/// A duration's length in seconds and its working days (see `duration_units`).
pub fn parse_duration(text: &str) -> Result<(u64, u64), Message> {
    duration_units(text).map(|u| (u.seconds, u.working_days))
}

pub fn duration_units(text: &str) -> Result<DurationUnits, Message> {
    const UNITS: [(&str, u64); 8] = [
        ("y", 365 * 86_400),
        ("mo", 30 * 86_400),
        ("w", 7 * 86_400),
        ("wd", WORKING_DAY),
        ("d", 86_400),
        ("h", 3_600),
        ("m", 60),
        ("s", 1),
    ];
    let mut rest = text;
    let mut units = DurationUnits::default();
    let mut last_rank: Option<usize> = None;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let amount: u64 = rest[..digits]
            .parse()
            .map_err(|_| msg!("duration-number-too-large"))?;
        rest = &rest[digits..];
        // The longest unit that fits (`wd` rather than `w`, `mo` rather than `m`).
        let (rank, (unit, factor)) = UNITS
            .iter()
            .enumerate()
            .filter(|(_, (u, _))| rest.starts_with(u))
            .max_by_key(|(_, (u, _))| u.len())
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
        units.seconds = amount
            .checked_mul(*factor)
            .and_then(|s| units.seconds.checked_add(s))
            .ok_or_else(|| msg!("duration-too-long"))?;
        match *unit {
            "wd" => units.working_days = amount,
            "y" => units.years = amount,
            "mo" => units.months = amount,
            _ => {}
        }
    }
    Ok(units)
}

fn date_exists(year: u16, month: u8, day: u8) -> bool {
    crate::calendar::date(year, month, day).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("1h30m"), Ok((5400, 0)));
        assert_eq!(parse_duration("6mo"), Ok((6 * 30 * 86_400, 0)));
        assert_eq!(parse_duration("2w"), Ok((14 * 86_400, 0)));
        let units = duration_units("1y6mo2d").map(|u| (u.years, u.months, u.seconds));
        assert_eq!(units, Ok((1, 6, (365 + 180 + 2) * 86_400)));
        let refused = |text: &str| {
            parse_duration(text)
                .unwrap_err()
                .text(crate::lang::Lang::En)
        };
        assert_eq!(refused("30m1h"), "`h` comes after a smaller unit");
        assert_eq!(refused("1m1m"), "the unit `m` is given twice");
        // (v1) working days: 7/5 day each where compared; between `w` and `d`.
        assert_eq!(parse_duration("15wd"), Ok((21 * 86_400, 15)));
        assert_eq!(parse_duration("5wd"), Ok((7 * 86_400, 5)));
        assert_eq!(
            parse_duration("1w2wd3d"),
            Ok((7 * 86_400 + 241_920 + 3 * 86_400, 2))
        );
        assert_eq!(refused("1d2wd"), "`wd` comes after a smaller unit");
        assert_eq!(refused("2wd1w"), "`w` comes after a smaller unit");
        assert_eq!(
            parse_duration("99999999wd"),
            Ok((99_999_999 * 120_960, 99_999_999))
        );
        assert_eq!(refused("999999999999999999wd"), "it is too long");
    }

    #[test]
    fn dates() {
        assert!(date_exists(2015, 9, 11));
        assert!(date_exists(2024, 2, 29));
        assert!(!date_exists(2023, 2, 29));
        assert!(!date_exists(2015, 13, 1));
    }
}
