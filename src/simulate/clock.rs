//! Wall-clock times for `--start 2026-11-28T09:00`: a local date and time
//! without a time zone (the exercise happens where the reader is).

/// Seconds since 1970-01-01 00:00 in the proleptic Gregorian calendar, local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Clock(i64);

impl Clock {
    /// Parses `YYYY-MM-DDTHH:MM`, with optional `:SS`; a space may stand for `T`.
    pub fn parse(text: &str) -> Result<Clock, String> {
        let bad = || {
            format!(
                "`{text}` is not a start time: write it as YYYY-MM-DDTHH:MM, e.g. 2026-11-28T09:00"
            )
        };
        let (date, time) = text.trim().split_once(['T', ' ']).ok_or_else(bad)?;
        let mut d = date.split('-');
        let (Some(y), Some(m), Some(day), None) = (d.next(), d.next(), d.next(), d.next()) else {
            return Err(bad());
        };
        let mut t = time.split(':');
        let (Some(h), Some(min), s, None) = (t.next(), t.next(), t.next(), t.next()) else {
            return Err(bad());
        };
        let num = |s: &str, digits: usize| -> Result<i64, String> {
            if s.len() != digits || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            s.parse::<i64>().map_err(|_| bad())
        };
        let (y, m, day) = (num(y, 4)?, num(m, 2)?, num(day, 2)?);
        let (h, min) = (num(h, 2)?, num(min, 2)?);
        let s = match s {
            Some(s) => num(s, 2)?,
            None => 0,
        };
        // Year 0 does not exist in a plan's `date` either.
        if y < 1 || !(1..=12).contains(&m) || day < 1 || day > days_in_month(y, m) {
            return Err(format!("`{text}`: the date {date} does not exist"));
        }
        if h > 23 || min > 59 || s > 59 {
            return Err(format!("`{text}`: the time {time} does not exist"));
        }
        Ok(Clock(
            days_from_civil(y, m, day) * 86_400 + h * 3600 + min * 60 + s,
        ))
    }

    /// This time plus `seconds`, or `None` past 9999-12-31 23:59:59, the last
    /// moment the calendar counts (a due time there is out of range, not clamped).
    pub fn checked_plus(self, seconds: u64) -> Option<Clock> {
        let last = days_from_civil(9999, 12, 31) * 86_400 + 86_399;
        let later = self.0.checked_add(i64::try_from(seconds).ok()?)?;
        (later <= last).then_some(Clock(later))
    }

    /// This time plus `seconds` (saturating far in the future: check with
    /// `checked_plus` first).
    pub fn plus(self, seconds: u64) -> Clock {
        Clock(
            self.0
                .saturating_add(i64::try_from(seconds).unwrap_or(i64::MAX)),
        )
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
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        let (h, min, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
        if s == 0 {
            format!("{y:04}-{m:02}-{d:02}{sep}{h:02}:{min:02}")
        } else {
            format!("{y:04}-{m:02}-{d:02}{sep}{h:02}:{min:02}:{s:02}")
        }
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_calendar_ends_with_9999() {
        let start = Clock::parse("9999-12-31T23:50").unwrap();
        assert_eq!(
            start.checked_plus(599).map(Clock::iso).as_deref(),
            Some("9999-12-31T23:59:59")
        );
        assert_eq!(start.checked_plus(600), None);
        assert_eq!(start.checked_plus(u64::MAX), None);
    }

    #[test]
    fn refuses_what_does_not_exist() {
        let refused = |text: &str| Clock::parse(text).unwrap_err();
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
    }
}
