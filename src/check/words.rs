//! Small pieces of message text shared by several rules (lists of names
//! are `i18n::Arg::names` and `Arg::path`).

/// A duration in the plan's own notation, largest units first (`1h30m`).
/// Days are the largest unit: `mo` and `y` are only conventions (30 and 365 days).
pub fn duration(seconds: u64) -> String {
    if seconds == 0 {
        return "0s".into();
    }
    let mut rest = seconds;
    let mut out = String::new();
    for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] {
        if rest >= size {
            out.push_str(&format!("{}{unit}", rest / size));
            rest %= size;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_written() {
        assert_eq!(duration(600), "10m");
        assert_eq!(duration(5_400), "1h30m");
        assert_eq!(duration(86_400 * 30), "30d");
        assert_eq!(duration(90_061), "1d1h1m1s");
        assert_eq!(duration(0), "0s");
    }
}
