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

/// One value of a fact as the plan writes it: `5`, `true`, `violence`, or
/// `not known` for the value after a `one_of` fact's variants.
pub fn value(model: &crate::model::Model, fact: u32, point: crate::logic::split::Point) -> String {
    use crate::logic::split::Point;
    use crate::model::FactType;
    let Some(f) = model.facts.get(fact as usize) else {
        return String::new();
    };
    match (&f.ty, point) {
        (FactType::Count, Point::Count(v)) => v.to_string(),
        (FactType::Flag, Point::Variant(v)) => (v == 1).to_string(),
        (FactType::OneOf(vs), Point::Variant(v)) => vs
            .get(v as usize)
            .map_or_else(|| "not known".to_string(), |v| v.name.to_string()),
        _ => String::new(),
    }
}

/// Values of facts as `` `crowd` = 5, `act` = violence ``.
pub fn point(model: &crate::model::Model, values: &[(u32, crate::logic::split::Point)]) -> String {
    values
        .iter()
        .filter_map(|&(f, p)| {
            let fact = model.facts.get(f as usize)?;
            Some(format!("`{}` = {}", fact.named.name, value(model, f, p)))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What values a fact can take, for a message: "`crowd` is a count: a whole
/// number from 0 up".
pub fn range(model: &crate::model::Model, fact: crate::model::FactId) -> String {
    use crate::model::FactType;
    let f = model.fact(fact);
    match &f.ty {
        FactType::Count => format!("`{}` is a count: a whole number from 0 up", f.named.name),
        FactType::Flag => format!("`{}` is a flag: true or false", f.named.name),
        FactType::OneOf(vs) => format!(
            "`{}` is one of {}, or not known yet",
            f.named.name,
            names(vs.iter().map(|v| v.name), 6)
        ),
    }
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
