//! Small pieces of message text shared by several rules.

/// Names as `` `a`, `b`, `c` ``; past `max` names, the rest are counted.
pub fn names<'a>(names: impl IntoIterator<Item = &'a str>, max: usize) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    let mut out: Vec<String> = names.iter().take(max).map(|n| format!("`{n}`")).collect();
    if names.len() > max {
        out.push(format!("and {} more", names.len() - max));
    }
    out.join(", ")
}

/// A path of names as `` `a` → `b` → `a` ``; a long one keeps both ends.
pub fn path<'a>(names: impl IntoIterator<Item = &'a str>, max: usize) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    let quoted = |ns: &[&str]| {
        ns.iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(" → ")
    };
    if names.len() <= max.max(2) {
        return quoted(&names);
    }
    let head = max / 2;
    let tail = max - head;
    format!(
        "{} → … ({} more) → {}",
        quoted(&names[..head]),
        names.len() - max,
        quoted(&names[names.len() - tail..])
    )
}

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

    #[test]
    fn long_lists_and_paths_are_shortened() {
        assert_eq!(names(["a", "b"], 5), "`a`, `b`");
        assert_eq!(names(["a", "b", "c"], 2), "`a`, `b`, and 1 more");
        assert_eq!(path(["a", "b", "a"], 8), "`a` → `b` → `a`");
        assert_eq!(
            path(["a", "b", "c", "d", "e", "a"], 4),
            "`a` → `b` → … (2 more) → `e` → `a`"
        );
    }
}
