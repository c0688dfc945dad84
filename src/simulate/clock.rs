//! Wall-clock times for `--start 2026-11-28T09:00`: a local date and time
//! without a time zone (the exercise happens where the reader is). The
//! calendar is jiff's (`crate::calendar`); working days skip weekends.

use jiff::civil::DateTime;

use crate::calendar;
use crate::i18n::{Message, msg};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Clock(DateTime);

impl Clock {
    /// Parses `YYYY-MM-DDTHH:MM`, with optional `:SS`; a space may stand for `T`.
    /// The error says what is wrong and how to write it.
    pub fn parse(text: &str) -> Result<Clock, Message> {
        let bad = || msg!("start-bad", text = text);
        let (date, time) = text.trim().split_once(['T', ' ']).ok_or_else(bad)?;
        let mut t = time.split(':');
        let (Some(h), Some(min), s, None) = (t.next(), t.next(), t.next(), t.next()) else {
            return Err(bad());
        };
        let num = |s: &str| -> Result<i8, Message> {
            if s.len() != 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            s.parse::<i8>().map_err(|_| bad())
        };
        let (h, min) = (num(h)?, num(min)?);
        let s = s.map(num).transpose()?.unwrap_or(0);
        let day = calendar::parse_date(date).map_err(|why| match why {
            calendar::BadDate::NoSuchDay => msg!("start-no-date", text = text, date = date),
            calendar::BadDate::Shape => bad(),
        })?;
        let time = jiff::civil::Time::new(h, min, s, 0)
            .map_err(|_| msg!("start-no-time", text = text, time = time))?;
        Ok(Clock(DateTime::from_parts(day, time)))
    }

    /// This time plus `seconds`, or `None` past 9999-12-31, the last day the
    /// calendar counts (a due time there is out of range, not clamped).
    pub fn checked_plus(self, seconds: u64) -> Option<Clock> {
        self.checked_plus_working(0, seconds)
    }

    /// `plus_working`, or `None` past the calendar's last day.
    pub fn checked_plus_working(self, working_days: u64, seconds: u64) -> Option<Clock> {
        let later = calendar::add(self.0, working_days, seconds);
        (later < DateTime::MAX).then_some(Clock(later))
    }

    /// This time plus `seconds` (saturating far in the future: check with
    /// `checked_plus` first).
    pub fn plus(self, seconds: u64) -> Clock {
        Clock(calendar::add(self.0, 0, seconds))
    }

    /// This time plus `working_days` working days (Monday to Friday), then
    /// `seconds` more.
    pub fn plus_working(self, working_days: u64, seconds: u64) -> Clock {
        Clock(calendar::add(self.0, working_days, seconds))
    }

    /// `2026-11-28 09:10` (seconds only when not zero).
    pub fn display(self) -> String {
        self.format(' ')
    }

    /// `2026-11-28T09:10`, ISO 8601 without a zone.
    pub fn iso(self) -> String {
        self.format('T')
    }

    fn format(self, sep: char) -> String {
        let t = self.0;
        let (y, m, d) = (t.year(), t.month(), t.day());
        let (h, min, s) = (t.hour(), t.minute(), t.second());
        if s == 0 {
            format!("{y:04}-{m:02}-{d:02}{sep}{h:02}:{min:02}")
        } else {
            format!("{y:04}-{m:02}-{d:02}{sep}{h:02}:{min:02}:{s:02}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn parses_and_adds() {
        let start = Clock::parse("2026-11-28T09:00").unwrap();
        assert_eq!(start.display(), "2026-11-28 09:00");
        assert_eq!(start.plus(600).display(), "2026-11-28 09:10");
        assert_eq!(start.plus(15 * 3600).iso(), "2026-11-29T00:00");
        assert_eq!(start.plus(34 * 86_400).display(), "2027-01-01 09:00");
        assert_eq!(start.plus(5).display(), "2026-11-28 09:00:05");
        assert_eq!(
            Clock::parse("2028-02-28 23:59:59").unwrap().plus(1).iso(),
            "2028-02-29T00:00"
        );
    }

    #[test]
    fn working_days_skip_the_weekend() {
        // 2026-11-28 is a Saturday: two working days from it end on Tuesday.
        let start = Clock::parse("2026-11-28T09:00").unwrap();
        assert_eq!(start.plus_working(2, 0).display(), "2026-12-01 09:00");
        assert_eq!(start.plus_working(10, 1800).display(), "2026-12-11 09:30");
    }

    #[test]
    fn refuses_what_does_not_exist() {
        let refused = |text: &str| Clock::parse(text).unwrap_err().text(Lang::En);
        assert_eq!(
            refused("2026-02-29T09:00"),
            "`2026-02-29T09:00`: the date 2026-02-29 does not exist"
        );
        assert_eq!(
            refused("2026-11-28T24:00"),
            "`2026-11-28T24:00`: the time 24:00 does not exist"
        );
        let shape = |text: &str| {
            format!(
                "`{text}` is not a start time: write it as YYYY-MM-DDTHH:MM, e.g. 2026-11-28T09:00"
            )
        };
        assert_eq!(
            refused("0000-01-01T00:00"),
            "`0000-01-01T00:00`: the date 0000-01-01 does not exist"
        );
        for text in ["2026-11-28", "2026-1-28T09:00", "tomorrow"] {
            assert_eq!(refused(text), shape(text));
        }
        let refused = |text: &str| Clock::parse(text).unwrap_err().text(Lang::Zh);
        assert_eq!(
            refused("2026-02-29T09:00"),
            "`2026-02-29T09:00`：没有 2026-02-29 这一天"
        );
        assert_eq!(
            refused("2026-11-28T24:00"),
            "`2026-11-28T24:00`：没有 24:00 这个时刻"
        );
        assert_eq!(
            refused("明天九点"),
            "`明天九点` 不是开始时间：请写成 年-月-日T时:分，例如 2026-11-28T09:00"
        );
    }
}
