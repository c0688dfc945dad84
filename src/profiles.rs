//! Profiles (language spec §3, v1): the rules a plan reviewer applies, named
//! after the regulation or practice they come from and enabled in
//! `planc.toml` (`profiles = ["gbt29639", "xinfang"]`).
//!
//! This table is the one place that says which checks a profile turns on, at
//! which severity, and the document and clause each rests on. The severity a
//! check gets (`check::severity`), the source shown under its diagnostics
//! (`check::finish`), `planc explain`, the SARIF rules and docs/profiles.md
//! are all read from it. A clause is written here only when its text was
//! read (see docs/profiles.md for where); otherwise the document alone is
//! cited and the rule's documentation says so.

use crate::diagnostic::{Code, Severity};
use crate::i18n::{Message, msg};
use crate::lang::Lang;

/// A profile, by the name `planc.toml` uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProfileId {
    Gbt29639,
    Management2024,
    Safety2019,
    AccidentReport,
    Xinfang,
    Ics,
}

/// Where a rule comes from, as a reviewer cites it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Clause {
    /// A numbered clause of a standard: `6.1`, `C.2` (an annex).
    Section(&'static str),
    /// A whole chapter of a standard: 第6章.
    Chapter(u8),
    /// An article of a regulation: 第二十五条.
    Article(u16),
}

/// A rule of a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cited {
    pub code: Code,
    /// Its severity when the profile is on.
    pub severity: Severity,
    /// The clause it rests on; `None`: not verified, the document alone is cited.
    pub clause: Option<Clause>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profile {
    pub id: ProfileId,
    /// Its name in `planc.toml`.
    pub name: &'static str,
    pub rules: &'static [Cited],
}

const fn warn(code: Code, clause: Option<Clause>) -> Cited {
    Cited {
        code,
        severity: Severity::Warning,
        clause,
    }
}

use Clause::{Article, Section};

/// Every profile, in the order of the spec's table.
pub static PROFILES: &[Profile] = &[
    Profile {
        id: ProfileId::Gbt29639,
        name: "gbt29639",
        rules: &[
            warn(Code::MissingKind, Some(Section("5.1"))),
            // Each missing element cites its own clause (`missing_element.rs`).
            warn(Code::MissingElement, None),
            warn(Code::MissingApproval, Some(Section("C.2"))),
        ],
    },
    Profile {
        id: ProfileId::Management2024,
        name: "management2024",
        rules: &[
            warn(Code::NoEndCondition, None),
            warn(Code::NoPhone, None),
            warn(Code::ReviewOverdue, None),
        ],
    },
    Profile {
        id: ProfileId::Safety2019,
        name: "safety2019",
        rules: &[
            warn(Code::DrillFrequency, Some(Article(33))),
            warn(Code::DrillOverdue, Some(Article(33))),
        ],
    },
    Profile {
        id: ProfileId::AccidentReport,
        name: "accident-report",
        rules: &[warn(Code::ReportDeadline, Some(Article(9)))],
    },
    Profile {
        id: ProfileId::Xinfang,
        name: "xinfang",
        rules: &[warn(Code::NoUpwardReport, Some(Article(25)))],
    },
    Profile {
        id: ProfileId::Ics,
        name: "ics",
        rules: &[
            warn(Code::UnityOfCommand, None),
            // Not a rule of its own: the profile lowers its limit (`ICS_SPAN_OF_CONTROL`).
            warn(Code::SpanOfControl, None),
        ],
    },
];

/// `report-deadline`'s limit when `[settings] report-within` is not given:
/// 1 hour, 生产安全事故报告和调查处理条例 第九条.
pub const REPORT_WITHIN_DEFAULT: u64 = 3_600;

/// `span-of-control`'s limit under `ics` when `[span-of-control] limit` is
/// not given: 1:5, the span ICS recommends.
pub const ICS_SPAN_OF_CONTROL: usize = 5;

/// `review-overdue`: the longest time between two evaluations, in years.
pub const REVIEW_YEARS: i16 = 3;

impl ProfileId {
    pub fn profile(self) -> &'static Profile {
        &PROFILES[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.profile().name
    }

    /// The profile `planc.toml` names.
    pub fn from_name(name: &str) -> Option<ProfileId> {
        PROFILES.iter().find(|p| p.name == name).map(|p| p.id)
    }

    /// The document the profile takes its rules from, as it is cited.
    pub fn document(self) -> Message {
        match self {
            ProfileId::Gbt29639 => msg!("document-gbt29639"),
            ProfileId::Management2024 => msg!("document-management2024"),
            ProfileId::Safety2019 => msg!("document-safety2019"),
            ProfileId::AccidentReport => msg!("document-accident-report"),
            ProfileId::Xinfang => msg!("document-xinfang"),
            ProfileId::Ics => msg!("document-ics"),
        }
    }
}

/// Every profile's name, for errors and completion.
pub fn names() -> impl Iterator<Item = &'static str> {
    PROFILES.iter().map(|p| p.name)
}

/// The profiles that list `code`, with its entry, in table order.
pub fn listing(code: Code) -> impl Iterator<Item = (&'static Profile, &'static Cited)> {
    PROFILES
        .iter()
        .flat_map(|p| p.rules.iter().map(move |c| (p, c)))
        .filter(move |(_, c)| c.code == code)
}

/// Whether `code` is a check only a profile turns on (not one of the core
/// checks a profile adjusts, like `span-of-control` under `ics`).
pub fn only_in_profiles(code: Code) -> bool {
    listing(code).next().is_some() && !ADJUSTED.contains(&code)
}

/// Core checks that a profile adjusts rather than adds.
const ADJUSTED: &[Code] = &[Code::SpanOfControl];

/// The entry of `code` under the enabled `profiles`: the first enabled
/// profile that lists it; else, for a check only a profile turns on (enabled
/// by hand in `[rules]`), the profile it belongs to.
pub fn cited(code: Code, profiles: &[ProfileId]) -> Option<(ProfileId, &'static Cited)> {
    listing(code)
        .find(|(p, _)| profiles.contains(&p.id))
        .or_else(|| listing(code).next().filter(|_| only_in_profiles(code)))
        .map(|(p, c)| (p.id, c))
}

/// The source of a finding: the document of a profile and, when verified,
/// the clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Source {
    pub profile: ProfileId,
    pub clause: Option<Clause>,
}

impl Source {
    pub fn document(self) -> Message {
        self.profile.document()
    }

    /// The clause as a reviewer writes it: `6.5`, `附录C.2`, `第九条`; `art. 9`.
    pub fn clause_text(self, lang: Lang) -> Option<String> {
        self.clause.map(|c| c.text(lang))
    }

    /// `GB/T 29639-2020 6.5`, `《信访工作条例》（2022年）第二十五条`: the
    /// document, then the clause (a space between them, except after a
    /// Chinese closing bracket).
    pub fn text(self, lang: Lang) -> String {
        let document = self.document().text(lang);
        match self.clause_text(lang) {
            Some(clause) if document.ends_with(['》', '）']) => format!("{document}{clause}"),
            Some(clause) => format!("{document} {clause}"),
            None => document,
        }
    }
}

impl Clause {
    pub fn text(self, lang: Lang) -> String {
        match (self, lang) {
            (Clause::Section(s), Lang::Zh) if s.starts_with(|c: char| c.is_ascii_uppercase()) => {
                format!("附录{s}")
            }
            (Clause::Section(s), Lang::En) if s.starts_with(|c: char| c.is_ascii_uppercase()) => {
                format!("annex {s}")
            }
            (Clause::Section(s), _) => s.to_string(),
            (Clause::Chapter(n), Lang::Zh) => format!("第{n}章"),
            (Clause::Chapter(n), Lang::En) => format!("ch. {n}"),
            (Clause::Article(n), Lang::Zh) => format!("第{}条", chinese_number(n)),
            (Clause::Article(n), Lang::En) => format!("art. {n}"),
        }
    }
}

/// A number as articles are numbered in Chinese law: 九, 二十五, 一百零三.
fn chinese_number(n: u16) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (hundreds, tens, ones) = (n / 100, n / 10 % 10, n % 10);
    let mut out = String::new();
    if hundreds > 0 {
        out.push_str(DIGITS[hundreds as usize % 10]);
        out.push('百');
        if tens == 0 && ones != 0 {
            out.push('零');
        }
    }
    if tens > 0 {
        if !(tens == 1 && hundreds == 0) {
            out.push_str(DIGITS[tens as usize]);
        }
        out.push('十');
    }
    if ones > 0 || n == 0 {
        out.push_str(DIGITS[ones as usize]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_are_in_id_order_and_named_once() {
        for (i, p) in PROFILES.iter().enumerate() {
            assert_eq!(p.id as usize, i, "{}", p.name);
            assert_eq!(ProfileId::from_name(p.name), Some(p.id));
        }
        assert_eq!(ProfileId::from_name("GBT29639"), None);
    }

    #[test]
    fn clauses_read_as_reviewers_write_them() {
        assert_eq!(Clause::Article(9).text(Lang::Zh), "第九条");
        assert_eq!(Clause::Article(25).text(Lang::Zh), "第二十五条");
        assert_eq!(Clause::Article(33).text(Lang::Zh), "第三十三条");
        assert_eq!(Clause::Article(10).text(Lang::Zh), "第十条");
        assert_eq!(Clause::Article(103).text(Lang::Zh), "第一百零三条");
        assert_eq!(Clause::Article(120).text(Lang::Zh), "第一百二十条");
        assert_eq!(Clause::Article(25).text(Lang::En), "art. 25");
        assert_eq!(Clause::Section("6.5").text(Lang::Zh), "6.5");
        assert_eq!(Clause::Section("C.2").text(Lang::Zh), "附录C.2");
        assert_eq!(Clause::Section("C.2").text(Lang::En), "annex C.2");
        assert_eq!(Clause::Chapter(6).text(Lang::Zh), "第6章");
        assert_eq!(Clause::Chapter(6).text(Lang::En), "ch. 6");
    }

    #[test]
    fn a_core_check_has_a_source_only_under_its_profile() {
        assert_eq!(cited(Code::SpanOfControl, &[]), None);
        assert_eq!(
            cited(Code::SpanOfControl, &[ProfileId::Ics]).map(|(p, _)| p),
            Some(ProfileId::Ics)
        );
        assert_eq!(
            cited(Code::MissingKind, &[]).map(|(p, _)| p),
            Some(ProfileId::Gbt29639)
        );
        assert!(!only_in_profiles(Code::NoDrill));
    }
}
