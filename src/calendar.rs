//! Dates and wall-clock times, on jiff's proleptic Gregorian calendar:
//! whether a written date exists, today's date from `SOURCE_DATE_EPOCH`, and
//! a plan's durations added to a start time with working days (`wd`) counted
//! Monday to Friday. No I/O: the binary reads the clock and the environment.

use jiff::civil::{Date, DateTime, Weekday};
use jiff::{SignedDuration, Timestamp};

use crate::i18n::{Message, msg};

/// The date `year-month-day`, if it exists (`2023-02-29` does not).
pub fn date(year: u16, month: u8, day: u8) -> Option<Date> {
    let year = i16::try_from(year).ok()?;
    let month = i8::try_from(month).ok()?;
    let day = i8::try_from(day).ok()?;
    if year < 1 {
        return None;
    }
    Date::new(year, month, day).ok()
}

/// Why a written date was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadDate {
    /// Not written as `YYYY-MM-DD`.
    Shape,
    /// Written so, but no such day (`2026-02-29`).
    NoSuchDay,
}

impl BadDate {
    /// What is wrong with `text`, in words.
    pub fn message(self, text: &str) -> Message {
        match self {
            BadDate::Shape => msg!("date-bad", text = text),
            BadDate::NoSuchDay => msg!("date-no-such-day", text = text),
        }
    }
}

/// Parses `YYYY-MM-DD` (as `check --today` takes it).
pub fn parse_date(text: &str) -> Result<Date, BadDate> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape {
        return Err(BadDate::Shape);
    }
    let num =
        |range: std::ops::Range<usize>| text[range].parse::<u16>().map_err(|_| BadDate::Shape);
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    date(y, m as u8, d as u8).ok_or(BadDate::NoSuchDay)
}

/// The UTC date of a `SOURCE_DATE_EPOCH` value (seconds since 1970-01-01 UTC),
/// as reproducible builds define it; `None` when it is not such a number.
pub fn date_of_epoch(value: &str) -> Option<Date> {
    let seconds: i64 = value.trim().parse().ok()?;
    let ts = Timestamp::from_second(seconds).ok()?;
    Some(ts.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
}

/// Whether `day` is Saturday or Sunday.
fn weekend(day: Date) -> bool {
    matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// `start` plus `n` working days, Monday to Friday, at the same time of day:
/// from a Friday, one working day is the Monday; from a Saturday too.
/// Saturates at the calendar's last day.
pub fn add_working_days(start: DateTime, n: u64) -> DateTime {
    // Counting from a Saturday or Sunday is counting from the Friday before.
    let mut day = start.date();
    while weekend(day) {
        match day.yesterday() {
            Ok(before) => day = before,
            Err(_) => break,
        }
    }
    // From a weekday, each five working days are seven days.
    let weeks = i64::try_from((n / 5).saturating_mul(7)).unwrap_or(i64::MAX);
    day = match jiff::Span::new().try_days(weeks) {
        Ok(span) => match day.checked_add(span) {
            Ok(later) => later,
            Err(_) => return DateTime::MAX,
        },
        Err(_) => return DateTime::MAX,
    };
    for _ in 0..n % 5 {
        loop {
            match day.tomorrow() {
                Ok(next) => day = next,
                Err(_) => return DateTime::MAX,
            }
            if !weekend(day) {
                break;
            }
        }
    }
    DateTime::from_parts(day, start.time())
}

/// `start` plus a duration of `working_days` working days and `seconds` more
/// (the rest of the duration, with `w` = 7 days, `mo` = 30 days, `y` = 365
/// days): the working days are counted first. Saturates at the calendar's end.
pub fn add(start: DateTime, working_days: u64, seconds: u64) -> DateTime {
    let after_days = if working_days == 0 {
        start
    } else {
        add_working_days(start, working_days)
    };
    let seconds = i64::try_from(seconds).unwrap_or(i64::MAX);
    after_days.saturating_add(SignedDuration::from_secs(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn at(text: &str) -> DateTime {
        text.parse().expect("a datetime")
    }

    #[test]
    fn dates_that_exist() {
        assert!(date(2015, 9, 11).is_some());
        assert!(date(2024, 2, 29).is_some());
        assert!(date(2023, 2, 29).is_none());
        assert!(date(2015, 13, 1).is_none());
        assert!(date(0, 1, 1).is_none());
        assert!(date(9999, 12, 31).is_some());
    }

    #[test]
    fn parses_today() {
        assert_eq!(parse_date("2026-11-28"), Ok(Date::constant(2026, 11, 28)));
        let refused = |text: &str| parse_date(text).unwrap_err().message(text).text(Lang::En);
        assert_eq!(
            refused("2026-02-29"),
            "`2026-02-29`: that date does not exist"
        );
        for text in ["2026-1-28", "tomorrow", "2026-11-28T09:00"] {
            assert_eq!(
                refused(text),
                format!("`{text}` is not a date: write it as YYYY-MM-DD, e.g. 2026-11-28")
            );
        }
        let refused = |text: &str| parse_date(text).unwrap_err().message(text).text(Lang::Zh);
        assert_eq!(refused("2026-02-29"), "`2026-02-29`：没有这一天");
        assert_eq!(
            refused("明天"),
            "`明天` 不是日期：请写成 年-月-日，例如 2026-11-28"
        );
    }

    #[test]
    fn source_date_epoch_is_utc() {
        // 2026-11-28 23:30 UTC is already the 29th in Beijing: reproducible builds mean UTC.
        assert_eq!(
            date_of_epoch("1795908600"),
            Some(Date::constant(2026, 11, 28))
        );
        assert_eq!(date_of_epoch("soon"), None);
        assert_eq!(date_of_epoch("99999999999999999999"), None);
    }

    #[test]
    fn working_days_skip_weekends() {
        // 2026-11-27 is a Friday.
        let friday = at("2026-11-27T09:00");
        assert_eq!(add_working_days(friday, 1), at("2026-11-30T09:00"));
        assert_eq!(add_working_days(friday, 5), at("2026-12-04T09:00"));
        assert_eq!(add_working_days(friday, 6), at("2026-12-07T09:00"));
        let saturday = at("2026-11-28T10:00");
        assert_eq!(add_working_days(saturday, 1), at("2026-11-30T10:00"));
        assert_eq!(add_working_days(saturday, 5), at("2026-12-04T10:00"));
        let monday = at("2026-11-30T08:00");
        assert_eq!(add_working_days(monday, 15), at("2026-12-21T08:00"));
        assert_eq!(add_working_days(monday, 0), monday);
    }

    #[test]
    fn working_days_then_the_rest() {
        let friday = at("2026-11-27T17:00");
        assert_eq!(add(friday, 1, 3600), at("2026-11-30T18:00"));
        assert_eq!(add(friday, 0, 86_400), at("2026-11-28T17:00"));
    }

    #[test]
    fn huge_durations_saturate() {
        let start = at("2026-11-27T09:00");
        assert_eq!(add_working_days(start, 99_999_999), DateTime::MAX);
        assert_eq!(add(start, u64::MAX, u64::MAX), DateTime::MAX);
        assert_eq!(add(start, 0, u64::MAX), DateTime::MAX);
    }
}
