//! "Did you mean" for undefined names, without a pass over every defined name
//! per undefined one (that is quadratic: thousands of typos in a large plan
//! took minutes). The answer is `suggest::closest`'s over the same names:
//! - the names of each set of accepted kinds are listed once, by length;
//! - only names whose length allows the distance `closest` accepts are
//!   compared (an edit distance is at least the difference in length);
//! - each undefined name is answered once per set of kinds;
//! - the comparisons of one plan have a budget: past it, names get no
//!   suggestion (a plan with that many typos has other problems first).

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::{Kind, Model, Routine};

/// Levenshtein cells (characters × characters) one plan may spend: about a
/// quarter of a second; a plan of 10,000 names can have hundreds of typos
/// before it runs out.
const BUDGET: u64 = 100_000_000;

const KINDS: [Kind; 8] = [
    Kind::Role,
    Kind::External,
    Kind::Fact,
    Kind::Level,
    Kind::Trigger,
    Kind::Step,
    Kind::Routine,
    Kind::Drill,
];

pub(super) struct Suggestions<'s> {
    /// For each set of kinds (a bit per `KINDS` entry): its names with their
    /// length in characters, sorted by length then name.
    lists: HashMap<u8, Vec<(usize, &'s str)>, FixedState>,
    answers: HashMap<(&'s str, u8), Option<&'s str>, FixedState>,
    budget: u64,
}

impl Default for Suggestions<'_> {
    fn default() -> Self {
        Suggestions {
            lists: HashMap::default(),
            answers: HashMap::default(),
            budget: BUDGET,
        }
    }
}

/// The kinds `accepts` takes, a bit per `KINDS` entry.
pub(super) fn kinds(accepts: impl Fn(Kind) -> bool) -> u8 {
    KINDS
        .iter()
        .enumerate()
        .filter(|(_, k)| accepts(**k))
        .fold(0u8, |m, (i, _)| m | 1 << i)
}

/// Every name the model defines, with its kind: each item of the model
/// holds a name defined once (a second definition makes no item).
pub(super) fn defined<'s>(model: &Model<'s>) -> Vec<(Kind, &'s str)> {
    let routine = |r: &Routine<'s>| {
        let kind = if r.drill { Kind::Drill } else { Kind::Routine };
        (kind, model.name(&r.named))
    };
    let m = model;
    (m.roles.iter().map(|r| (Kind::Role, model.name(&r.named))))
        .chain(
            m.externals
                .iter()
                .map(|e| (Kind::External, model.name(&e.named))),
        )
        .chain(m.facts.iter().map(|f| (Kind::Fact, model.name(&f.named))))
        .chain(m.levels.iter().map(|l| (Kind::Level, model.name(&l.named))))
        .chain(
            m.triggers
                .iter()
                .map(|t| (Kind::Trigger, model.name(&t.named))),
        )
        .chain(m.steps.iter().map(|s| (Kind::Step, model.name(&s.named))))
        .chain(m.routines.iter().map(routine))
        .collect()
}

impl<'s> Suggestions<'s> {
    /// The defined name of an accepted kind closest to `word`, if close
    /// enough (`suggest::closest`'s rule and tie-break).
    #[cfg(test)]
    pub fn closest(
        &mut self,
        defined: &[(Kind, &'s str)],
        word: &'s str,
        accepts: impl Fn(Kind) -> bool,
    ) -> Option<&'s str> {
        self.closest_of(defined, word, kinds(accepts))
    }

    /// `closest`, of the kinds `mask` holds (`kinds`).
    pub fn closest_of(
        &mut self,
        defined: &[(Kind, &'s str)],
        word: &'s str,
        mask: u8,
    ) -> Option<&'s str> {
        let accepts = |k: Kind| {
            KINDS
                .iter()
                .position(|&x| x == k)
                .is_some_and(|i| mask & 1 << i != 0)
        };
        let list = self.lists.entry(mask).or_insert_with(|| {
            let mut list: Vec<(usize, &'s str)> = defined
                .iter()
                .filter(|(k, _)| accepts(*k))
                .map(|&(_, n)| (n.chars().count(), n))
                .collect();
            list.sort_unstable();
            list
        });
        // A few comparisons cost less than remembering their answer (an
        // entry of about 40 bytes: a plan of 32,000 distinct undefined names
        // held 4 MB of them), and are not counted against the budget: it
        // bounds the work that grows with the number of names.
        if is_small(list, word) {
            let mut unbudgeted = u64::MAX;
            return closest_in(list, word, &mut unbudgeted);
        }
        if let Some(answer) = self.answers.get(&(word, mask)) {
            return *answer;
        }
        let answer = closest_in(list, word, &mut self.budget);
        self.answers.insert((word, mask), answer);
        answer
    }
}

/// Levenshtein cells below which an answer is worked out each time it is
/// asked for (about a microsecond), not remembered.
const NOT_REMEMBERED: u64 = 1_024;

/// The names of `list` that `closest_in` may compare with `word`: from the
/// first to the last whose length in characters allows the distance
/// `closest` accepts (an edit distance is at least the difference in
/// length: only lengths from min(l - 2, 3l/4) to max(l + 2, 3l/2) can qualify).
fn window<'l, 's>(list: &'l [(usize, &'s str)], l: usize) -> &'l [(usize, &'s str)] {
    let lo = l.saturating_sub(2).min((3 * l).div_ceil(4));
    let hi = (l + 2).max(3 * l / 2);
    let from = list.partition_point(|&(c, _)| c < lo);
    let to = list.partition_point(|&(c, _)| c <= hi).max(from);
    &list[from..to]
}

/// Whether `closest_in` compares at most `NOT_REMEMBERED` cells for `word`.
fn is_small(list: &[(usize, &str)], word: &str) -> bool {
    let l = word.chars().count();
    let mut cells = 0;
    window(list, l).iter().all(|&(c, _)| {
        cells += (l * c) as u64;
        cells <= NOT_REMEMBERED
    })
}

/// `suggest::closest(word, names)` over `list`, the names with their length
/// in characters, sorted; `None` as well once `budget` is spent.
fn closest_in<'s>(list: &[(usize, &'s str)], word: &str, budget: &mut u64) -> Option<&'s str> {
    let l = word.chars().count();
    let mut best: Option<(usize, &'s str)> = None;
    for &(c, name) in window(list, l) {
        if l.abs_diff(c) > 2.max(c / 3) {
            continue;
        }
        let cost = (l * c) as u64;
        if cost > *budget {
            *budget = 0;
            return None;
        }
        *budget -= cost;
        let d = strsim::levenshtein(word, name);
        if crate::suggest::is_near(l, c, d) && best.is_none_or(|b| (d, name) < b) {
            best = Some((d, name));
        }
    }
    best.map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Model;

    /// The names the model defines of `kind`.
    fn names<'m, 's>(model: &'m Model<'s>, kind: Kind) -> Box<dyn Iterator<Item = &'s str> + 'm> {
        match kind {
            Kind::Role => Box::new(model.roles.iter().map(|r| model.name(&r.named))),
            Kind::External => Box::new(model.externals.iter().map(|e| model.name(&e.named))),
            Kind::Fact => Box::new(model.facts.iter().map(|f| model.name(&f.named))),
            Kind::Level => Box::new(model.levels.iter().map(|l| model.name(&l.named))),
            Kind::Trigger => Box::new(model.triggers.iter().map(|t| model.name(&t.named))),
            Kind::Step => Box::new(model.steps.iter().map(|s| model.name(&s.named))),
            Kind::Routine => Box::new(
                model
                    .routines
                    .iter()
                    .filter(|r| !r.drill)
                    .map(|r| model.name(&r.named)),
            ),
            Kind::Drill => Box::new(
                model
                    .routines
                    .iter()
                    .filter(|r| r.drill)
                    .map(|r| model.name(&r.named)),
            ),
        }
    }

    #[test]
    fn answers_as_closest_over_every_name_would() {
        let source = "plan \"p\" { issuer \"i\" }\n\
            role leader \"l\"\nrole office \"o\"\nrole duty_officer \"d\"\nrole 组长 \"z\"\n\
            external police \"p\"\nstep report \"r\" { owner office }\n\
            step reports \"r\" { owner office }\nstep a_rather_long_step_name \"r\" { owner office }\n";
        let parsed = crate::syntax::parse(source);
        assert!(parsed.diagnostics.is_empty());
        let model = crate::model::build(&parsed.file);
        let defined = defined(&model);
        let mut suggestions = Suggestions::default();
        let kinds: [&dyn Fn(Kind) -> bool; 3] = [
            &|k| k == Kind::Role,
            &|k| matches!(k, Kind::Role | Kind::External),
            &|k| k == Kind::Step,
        ];
        let words = [
            "leadr",
            "ofice",
            "offcie",
            "duty_oficer",
            "组",
            "副组长",
            "polic",
            "report",
            "repor",
            "reportss",
            "a_rather_lng_step_nme",
            "x",
            "",
        ];
        for accepts in kinds {
            let all: Vec<&str> = KINDS
                .iter()
                .filter(|k| accepts(**k))
                .flat_map(|k| names(&model, *k))
                .collect();
            for word in words {
                let want = crate::suggest::closest(word, &all);
                assert_eq!(suggestions.closest(&defined, word, accepts), want, "{word}");
                assert_eq!(
                    suggestions.closest(&defined, word, accepts),
                    want,
                    "{word} again"
                );
            }
        }
    }

    #[test]
    fn the_length_window_loses_no_answer() {
        // Random names over a small alphabet, so that many are close.
        let alphabet: Vec<char> = "abcde组长_".chars().collect();
        let mut seed = 1u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) % n as u64) as usize
        };
        let word = |next: &mut dyn FnMut(usize) -> usize| -> String {
            (0..1 + next(14))
                .map(|_| alphabet[next(alphabet.len())])
                .collect()
        };
        let names: Vec<String> = (0..300).map(|_| word(&mut next)).collect();
        let mut list: Vec<(usize, &str)> = names
            .iter()
            .map(|n| (n.chars().count(), n.as_str()))
            .collect();
        list.sort_unstable();
        let all: Vec<&str> = names.iter().map(String::as_str).collect();
        for _ in 0..500 {
            let w = word(&mut next);
            let mut budget = u64::MAX;
            assert_eq!(
                closest_in(&list, &w, &mut budget),
                crate::suggest::closest(&w, &all),
                "{w}"
            );
        }
        let mut spent = 0;
        assert_eq!(closest_in(&list, "abcde", &mut spent), None);
    }

    #[test]
    fn answers_over_a_few_names_are_not_remembered_nor_budgeted() {
        let few = [
            (Kind::Role, "leader"),
            (Kind::Role, "boss"),
            (Kind::Fact, "leeds"),
        ];
        let roles = |k: Kind| k == Kind::Role;
        let mut s = Suggestions {
            budget: 0,
            ..Suggestions::default()
        };
        assert_eq!(s.closest(&few, "leeder", roles), Some("leader"));
        assert_eq!(s.closest(&few, "bos", roles), Some("boss"));
        assert_eq!(s.closest(&few, "u1", roles), None);
        assert!(s.answers.is_empty());
        // 40 roles of six letters: 36 cells each, 1,440 for a six-letter word.
        let many: Vec<String> = (0..40).map(|i| format!("role{i:02}")).collect();
        let many: Vec<(Kind, &str)> = many.iter().map(|n| (Kind::Role, n.as_str())).collect();
        let mut s = Suggestions::default();
        assert_eq!(s.closest(&many, "rol_07", roles), Some("role07"));
        assert_eq!(s.answers.len(), 1);
        assert_eq!(s.budget, BUDGET - 40 * 36);
    }
}
