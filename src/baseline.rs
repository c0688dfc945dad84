//! Baselines, for adopting planc on an existing library of plans:
//! `check --write-baseline FILE` records today's findings, and
//! `check --baseline FILE` reports only findings that are not in it.
//!
//! A finding is keyed by its file (a path relative to the baseline file's
//! folder, `/`-separated, which the caller computes), its code and its message
//! — never its line, so editing elsewhere in a file does not make old findings
//! new. Messages name the item (`step `report` has no owner`), so renaming an
//! item makes its findings new. Identical keys are counted: when a file has
//! more findings with one key than the baseline recorded, the later ones (in
//! file order) are reported.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Findings, Listing};
use crate::i18n::{Message, msg};
use crate::lang::Lang;

const VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    counts: BTreeMap<Key, usize>,
}

type Key = (String, String, String);

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileFormat {
    planc_baseline: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    file: String,
    code: String,
    message: String,
    count: usize,
}

impl Baseline {
    /// Records the findings of one file under its key path.
    pub fn record(&mut self, file: &str, diagnostics: &(impl Listing + ?Sized)) {
        for d in diagnostics.each() {
            *self.counts.entry(key(file, &d)).or_default() += 1;
        }
    }

    /// How many findings the baseline holds.
    pub fn len(&self) -> usize {
        self.counts.values().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The baseline file's text: JSON, sorted, one finding per entry.
    pub fn to_json(&self) -> String {
        let findings = self
            .counts
            .iter()
            .map(|((file, code, message), &count)| Entry {
                file: file.clone(),
                code: code.clone(),
                message: message.clone(),
                count,
            })
            .collect();
        let format = FileFormat {
            planc_baseline: VERSION,
            findings,
        };
        serde_json::to_string_pretty(&format).unwrap_or_default() + "\n"
    }

    /// Reads a baseline file; the error says why it cannot be used.
    pub fn parse(text: &str) -> Result<Baseline, Message> {
        let format: FileFormat = serde_json::from_str(text)
            .map_err(|e| msg!("baseline-not-ours", error = e.to_string()))?;
        if format.planc_baseline != VERSION {
            return Err(msg!(
                "baseline-version",
                version = format.planc_baseline,
                current = VERSION
            ));
        }
        let mut counts = BTreeMap::new();
        for e in format.findings {
            *counts.entry((e.file, e.code, e.message)).or_default() += e.count;
        }
        Ok(Baseline { counts })
    }

    /// Removes from `findings` those the baseline holds for `file`, using up
    /// its counts (each read back as it is looked up); returns how many were
    /// removed.
    pub fn take(&mut self, file: &str, findings: &mut Findings) -> usize {
        let before = findings.len();
        findings.retain(|d| !self.use_up(file, d));
        before - findings.len()
    }

    /// Whether the baseline holds `d` for `file`, using one of its count.
    fn use_up(&mut self, file: &str, d: &Diagnostic) -> bool {
        match self.counts.get_mut(&key(file, d)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }

    /// Findings of the baseline that `take` has not used up: fixed since.
    pub fn remaining(&self) -> usize {
        self.counts.values().sum()
    }
}

/// A finding's key: its message in English whatever language is reported,
/// so that one baseline serves every user of a repository.
fn key(file: &str, d: &Diagnostic) -> Key {
    (
        file.to_string(),
        d.code.as_str().to_string(),
        d.message.text(Lang::En),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Label};
    use crate::i18n::msg;
    use crate::span::Span;

    /// A finding of `code`: `missing-owner` of step `a`, or `no-drill`.
    fn finding(code: Code, at: usize) -> Diagnostic {
        let message = match code {
            Code::MissingOwner => msg!(
                "missing-owner",
                kind = msg!("missing-owner-step"),
                name = "a"
            ),
            _ => msg!("no-drill"),
        };
        Diagnostic::new(
            code,
            message,
            Label::new(Span::new(at, at + 1), msg!("no-drill.label")),
        )
    }

    #[test]
    fn round_trip_ignores_positions_and_counts_duplicates() {
        let mut baseline = Baseline::default();
        let old = [
            finding(Code::MissingOwner, 10),
            finding(Code::MissingOwner, 50),
        ];
        baseline.record("plans/x.plan", &old);
        let mut read = Baseline::parse(&baseline.to_json()).unwrap();
        assert_eq!(read, baseline);
        let mut now: Findings = vec![
            finding(Code::MissingOwner, 90),
            finding(Code::NoDrill, 0),
            finding(Code::MissingOwner, 95),
            finding(Code::MissingOwner, 99),
        ]
        .into();
        assert_eq!(read.take("plans/x.plan", &mut now), 2);
        let left: Vec<usize> = now.iter().map(|d| d.primary.span.start()).collect();
        assert_eq!(left, [0, 99]);
        assert_eq!(read.remaining(), 0);
        let mut other: Findings = vec![finding(Code::MissingOwner, 1)].into();
        assert_eq!(
            Baseline::parse(&baseline.to_json())
                .unwrap()
                .take("y.plan", &mut other),
            0
        );
    }

    #[test]
    fn rejects_other_files_and_versions() {
        assert_eq!(
            Baseline::parse("{}").unwrap_err().text(Lang::En),
            "not a planc baseline: missing field `planc_baseline` at line 1 column 2"
        );
        assert_eq!(
            Baseline::parse(r#"{"planc_baseline": 2, "findings": []}"#)
                .unwrap_err()
                .text(Lang::En),
            "baseline version 2 is not supported (this planc writes version 1); write it again with --write-baseline"
        );
        assert_eq!(
            Baseline::parse(r#"{"planc_baseline": 2, "findings": []}"#)
                .unwrap_err()
                .text(Lang::Zh),
            "基线文件是第 2 版，这个 planc 只能读第 1 版：请用 --write-baseline 重新生成"
        );
        assert_eq!(
            Baseline::parse(r#"{"planc_baseline": 1, "findings": []}"#),
            Ok(Baseline::default())
        );
    }
}
