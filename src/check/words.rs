//! Small pieces of message text shared by several rules (lists of names
//! are `i18n::Arg::names` and `Arg::path`).

use crate::i18n::{Arg, Message, msg};
use crate::logic::split::Point;
use crate::model::{FactId, FactType, Model};

/// A duration in the plan's own notation, largest units first (`1h30m`).
/// Days are the largest unit: `mo` and `y` are only conventions (30 and 365 days).
pub fn duration(seconds: u64) -> String {
    if seconds == 0 {
        return "0s".into();
    }
    let mut rest = seconds;
    let mut out = String::with_capacity(16);
    for (unit, size) in [('d', 86_400), ('h', 3_600), ('m', 60), ('s', 1)] {
        if rest >= size {
            push_digits(&mut out, rest / size);
            out.push(unit);
            rest %= size;
        }
    }
    out
}

/// Appends `n` in decimal digits (a check writes thousands of durations:
/// without the formatting machinery).
fn push_digits(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// One value of a count or `number` fact as the plan writes it (`5`,
/// `0.49`): the logic counts a `number` fact in units (see
/// `model::FactType::Number`), and a unit between two limits is a value
/// strictly between them, which this one is.
pub fn value(model: &Model, fact: u32, point: Point) -> String {
    match (model.facts.get(fact as usize).map(|f| &f.ty), point) {
        (Some(FactType::Number { places }), Point::Count(v)) => {
            crate::decimal::Decimal::from_scaled(v, *places).to_string()
        }
        (_, Point::Count(v)) => v.to_string(),
        (_, Point::Variant(v)) => v.to_string(),
    }
}

/// A range of a count or `number` fact's values as the plan would bound
/// them: `30` to `49`, or for a number "1 to 2 (1 included, 2 not)" — in
/// words, not interval notation, which a clerk need not read.
pub fn hole(model: &Model, fact: u32, (from, to): (u64, u64)) -> Message {
    match model.facts.get(fact as usize).map(|f| &f.ty) {
        Some(FactType::Number { places }) => {
            match crate::decimal::range_of_units(from, to, *places) {
                (lower, Some(upper)) if lower.value != upper.value => {
                    let ends = match (lower.inclusive, upper.inclusive) {
                        (true, true) => "both",
                        (true, false) => "from",
                        (false, true) => "to",
                        (false, false) => "neither",
                    };
                    msg!(
                        "trigger-gap-hole-number",
                        from = lower.value.to_string(),
                        to = upper.value.to_string(),
                        ends = ends
                    )
                }
                (lower, upper) => msg!(
                    "trigger-gap-hole-one",
                    value = crate::decimal::range_words(lower, upper)
                ),
            }
        }
        _ if from == to => msg!("trigger-gap-hole-one", value = from.to_string()),
        _ => msg!(
            "trigger-gap-hole",
            from = from.to_string(),
            to = to.to_string()
        ),
    }
}

/// Values of facts as `` `crowd` = 5, `act` = violence `` (a `one_of` fact
/// past its variants: not known), joined in the message's language.
pub fn point(model: &Model, values: &[(u32, Point)]) -> Message {
    let parts: Vec<Message> = values
        .iter()
        .filter_map(|&(f, p)| {
            let fact = model.facts.get(f as usize)?;
            let name = model.name(&fact.named);
            Some(match (&fact.ty, p) {
                (FactType::Count | FactType::Number { .. }, Point::Count(_)) => {
                    msg!("review-value", fact = name, value = value(model, f, p))
                }
                (FactType::Flag, Point::Variant(v)) => {
                    msg!("review-value", fact = name, value = (v == 1).to_string())
                }
                (FactType::OneOf(vs), Point::Variant(v)) => match vs.get(v as usize) {
                    Some(variant) => msg!("review-value", fact = name, value = variant.name),
                    None => msg!("review-not-known", fact = name),
                },
                _ => return None,
            })
        })
        .collect();
    join(parts)
}

/// Messages one after another, each joined to the rest by the language's
/// separator.
fn join(parts: Vec<Message>) -> Message {
    let mut parts = parts.into_iter().rev();
    let Some(mut out) = parts.next() else {
        return msg!("review-nothing");
    };
    for part in parts {
        out = msg!("review-and", first = part, rest = out);
    }
    out
}

/// What values the facts can take, for a message: "`crowd` is a count: a
/// whole number from 0 up".
pub fn ranges(model: &Model, facts: &[FactId]) -> Message {
    let parts = facts
        .iter()
        .map(|&f| {
            let fact = model.fact(f);
            let name = model.name(&fact.named);
            match &fact.ty {
                FactType::Count => msg!("review-range-count", fact = name),
                FactType::Number { .. } => msg!("review-range-number", fact = name),
                FactType::Flag => msg!("review-range-flag", fact = name),
                FactType::OneOf(vs) => msg!(
                    "review-range-one-of",
                    fact = name,
                    variants = Arg::names(vs.iter().map(|v| v.name), 6)
                ),
            }
        })
        .collect();
    join(parts)
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
        assert_eq!(duration(86_400 * 1_205 + 7), "1205d7s");
    }
}
