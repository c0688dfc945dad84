//! Today's date for the date checks: `--today`, else `SOURCE_DATE_EPOCH`
//! (a UTC date, as reproducible builds define it), else the local clock.
//! Reading the environment and the clock is I/O, so it lives in the binary.

use jiff::civil::Date;
use planc::calendar;
use planc::config::Overrides;
use planc::i18n::Message;

pub fn today(flag: Option<&str>) -> Result<Date, Message> {
    if let Some(text) = flag {
        return calendar::parse_date(text)
            .map_err(|why| super::say::option("--today", why.message(text)));
    }
    if let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") {
        let value = value.to_string_lossy();
        return calendar::date_of_epoch(&value).ok_or_else(|| {
            Message::new("source-date-epoch-bad").with("value", value.into_owned())
        });
    }
    Ok(jiff::ZonedDateTime::now().date())
}

/// No overrides but today's date (for the commands that take no `--today`).
/// An unreadable `SOURCE_DATE_EPOCH` leaves the date checks quiet there;
/// `check` reports it.
pub fn overrides() -> Overrides {
    Overrides {
        today: today(None).ok(),
        ..Overrides::default()
    }
}
