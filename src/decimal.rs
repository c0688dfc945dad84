//! Exact non-negative decimals (v1 `number` facts): `0.5`, `12.75`, `3`.
//! Fixed point with 18 digits after the point, so comparisons are exact and
//! a value has one form however it was written (`0.50` is `0.5`).

use std::fmt;

/// Digits after the point a decimal may have.
pub const MAX_PLACES: u32 = 18;
const ONE: u128 = 10u128.pow(MAX_PLACES);

/// 10^n for n up to `MAX_PLACES`, looked up: a condition's `number`
/// comparison works its decimal out of its units each time it is read.
const POWERS: [u128; MAX_PLACES as usize + 1] = {
    let mut powers = [1; MAX_PLACES as usize + 1];
    let mut n = 1;
    while n < powers.len() {
        powers[n] = powers[n - 1] * 10;
        n += 1;
    }
    powers
};

/// 10^n, for `n <= MAX_PLACES`.
fn pow10(n: u32) -> u128 {
    POWERS[n.min(MAX_PLACES) as usize]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Decimal {
    /// The value in units of 10^-18, high half first (so that the derived
    /// order is the number's): a `u128` would align every condition node
    /// that holds a decimal to 16 bytes (issue 19, memory per byte).
    halves: [u64; 2],
}

/// Why a text is not a decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalError {
    /// Not digits, optionally a point and digits.
    Shape,
    /// The part before the point does not fit in 64 bits.
    TooLarge,
    /// More than 18 digits after the point.
    TooPrecise,
}

impl fmt::Display for DecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DecimalError::Shape => "write digits, a point and digits, e.g. `0.5`",
            DecimalError::TooLarge => "the part before the point does not fit in 64 bits",
            DecimalError::TooPrecise => "at most 18 digits may follow the point",
        })
    }
}

impl Decimal {
    pub const ZERO: Decimal = Decimal { halves: [0, 0] };

    const fn new(units: u128) -> Decimal {
        Decimal {
            halves: [(units >> 64) as u64, units as u64],
        }
    }

    fn units(self) -> u128 {
        (u128::from(self.halves[0]) << 64) | u128::from(self.halves[1])
    }

    pub fn from_integer(n: u64) -> Decimal {
        Decimal::new(u128::from(n) * ONE)
    }

    /// `12`, `12.75` (no sign, no exponent).
    pub fn parse(text: &str) -> Result<Decimal, DecimalError> {
        let (whole, fraction) = match text.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (text, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
            return Err(DecimalError::Shape);
        }
        let whole: u64 = whole.parse().map_err(|_| DecimalError::TooLarge)?;
        let mut units = u128::from(whole) * ONE;
        if let Some(f) = fraction {
            if f.len() > MAX_PLACES as usize {
                return Err(DecimalError::TooPrecise);
            }
            let value: u128 = f.parse().map_err(|_| DecimalError::TooPrecise)?;
            units += value * 10u128.pow(MAX_PLACES - f.len() as u32);
        }
        Ok(Decimal::new(units))
    }

    /// How many digits after the point it needs (`0.5` → 1, `3` → 0).
    pub fn places(self) -> u32 {
        // Below 10^18: counted down in 64 bits, not 128.
        let mut fraction = (self.units() % ONE) as u64;
        if fraction == 0 {
            return 0;
        }
        let mut places = MAX_PLACES;
        while fraction.is_multiple_of(10) {
            fraction /= 10;
            places -= 1;
        }
        places
    }

    /// The value in units of 10^-`places`, rounded down, saturating at `u64::MAX`:
    /// how the logic counts a `number` fact whose comparisons need `places - 1`
    /// digits (one more, so that a value lies strictly between any two limits).
    pub fn scaled(self, places: u32) -> u64 {
        let places = places.min(MAX_PLACES);
        let units = self.units() / pow10(MAX_PLACES - places);
        u64::try_from(units).unwrap_or(u64::MAX)
    }

    /// The decimal `scaled` units of 10^-`places` stand for (`scaled`'s inverse).
    pub fn from_scaled(scaled: u64, places: u32) -> Decimal {
        let places = places.min(MAX_PLACES);
        Decimal::new(u128::from(scaled) * pow10(MAX_PLACES - places))
    }
}

/// One end of a range of a `number` fact's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    pub value: Decimal,
    /// The value itself belongs to the range.
    pub inclusive: bool,
}

/// The values of a `number` fact that the logic's units `from..=to` stand
/// for (`places` as in `Decimal::scaled`). The limits a plan compares with
/// are multiples of ten units; a unit between two of them stands for every
/// value strictly between, so a range that ends off a multiple of ten is
/// open there. `None` as the upper end: no upper end.
pub fn range_of_units(from: u64, to: u64, places: u32) -> (Bound, Option<Bound>) {
    let lower = if from.is_multiple_of(10) {
        Bound {
            value: Decimal::from_scaled(from, places),
            inclusive: true,
        }
    } else {
        Bound {
            value: Decimal::from_scaled(from - from % 10, places),
            inclusive: false,
        }
    };
    let upper = (to != u64::MAX).then(|| {
        if to.is_multiple_of(10) {
            Bound {
                value: Decimal::from_scaled(to, places),
                inclusive: true,
            }
        } else {
            Bound {
                value: Decimal::from_scaled((to - to % 10).saturating_add(10), places),
                inclusive: false,
            }
        }
    });
    (lower, upper)
}

/// A range in words: `≥ 0.5`, `> 0.1`, `[0.5, 1)` (interval notation), `0.5`.
pub fn range_words(lower: Bound, upper: Option<Bound>) -> String {
    match upper {
        None if lower.inclusive => format!("≥ {}", lower.value),
        None => format!("> {}", lower.value),
        Some(u) if lower.inclusive && u.inclusive && u.value == lower.value => {
            lower.value.to_string()
        }
        Some(u) => format!(
            "{}{}, {}{}",
            if lower.inclusive { '[' } else { '(' },
            lower.value,
            u.value,
            if u.inclusive { ']' } else { ')' }
        ),
    }
}

impl fmt::Display for Decimal {
    /// The shortest form: `0.5`, `12`, `12.75`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.units() / ONE;
        let places = self.places();
        if places == 0 {
            return write!(f, "{whole}");
        }
        let fraction = (self.units() % ONE) / 10u128.pow(MAX_PLACES - places);
        write!(f, "{whole}.{fraction:0width$}", width = places as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_the_shortest_form() {
        let d = |s| Decimal::parse(s).unwrap().to_string();
        assert_eq!(d("0.5"), "0.5");
        assert_eq!(d("0.50"), "0.5");
        assert_eq!(d("12.75"), "12.75");
        assert_eq!(d("3"), "3");
        assert_eq!(d("3.0"), "3");
        assert_eq!(d("0.000000000000000001"), "0.000000000000000001");
        assert_eq!(d("18446744073709551615.5"), "18446744073709551615.5");
    }

    #[test]
    fn compares_exactly() {
        let d = |s| Decimal::parse(s).unwrap();
        assert!(d("0.5") == d("0.50"));
        assert!(d("0.1") < d("0.5"));
        assert!(d("0.49999999999999999") < d("0.5"));
        assert!(Decimal::from_integer(1) == d("1.0"));
    }

    #[test]
    fn refuses_what_is_not_a_plain_decimal() {
        assert_eq!(Decimal::parse("-1"), Err(DecimalError::Shape));
        assert_eq!(Decimal::parse("1e3"), Err(DecimalError::Shape));
        assert_eq!(Decimal::parse(".5"), Err(DecimalError::Shape));
        assert_eq!(Decimal::parse("5."), Err(DecimalError::Shape));
        assert_eq!(
            Decimal::parse("99999999999999999999999.5"),
            Err(DecimalError::TooLarge)
        );
        assert_eq!(
            Decimal::parse("0.1234567890123456789"),
            Err(DecimalError::TooPrecise)
        );
    }

    #[test]
    fn ranges_of_units_in_words() {
        // Limits 0.5 and 1 (one digit), so units are hundredths.
        let words = |from, to| {
            let (l, u) = range_of_units(from, to, 2);
            range_words(l, u)
        };
        assert_eq!(words(50, 99), "[0.5, 1)");
        assert_eq!(words(100, u64::MAX), "≥ 1");
        assert_eq!(words(51, u64::MAX), "> 0.5");
        assert_eq!(words(0, 50), "[0, 0.5]");
        assert_eq!(words(1, 49), "(0, 0.5)");
        assert_eq!(words(50, 50), "0.5");
    }

    #[test]
    fn scales_for_the_logic() {
        let d = |s| Decimal::parse(s).unwrap();
        assert_eq!(d("0.5").places(), 1);
        assert_eq!(d("0.5").scaled(2), 50);
        assert_eq!(d("0.555").scaled(2), 55);
        assert_eq!(Decimal::from_scaled(5, 2).to_string(), "0.05");
        assert_eq!(d("18446744073709551615").scaled(1), u64::MAX);
    }
}
