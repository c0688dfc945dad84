//! Settings that change what the checks report. `planc.toml` (issue 5) fills
//! these in; the library only receives them.

use std::collections::HashMap;

use crate::diagnostic::{Code, Severity};
use crate::profiles::{self, ProfileId};

/// A rule's configured severity; `None` turns it off.
pub type RuleSeverity = Option<Severity>;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// Severity overrides by code; codes not listed use the rule's default.
    pub severities: HashMap<Code, RuleSeverity>,
    /// `span-of-control`: the most roles that may escalate directly to one
    /// role, as `[span-of-control] limit` sets it (`None`: the default, see
    /// `span_of_control_limit`).
    pub span_of_control: Option<usize>,
    /// Extra holder texts that count as unassigned (besides the built-in list).
    pub placeholders: Vec<String>,
    /// (v1) Today's date for the date checks (`check --today`, else
    /// `SOURCE_DATE_EPOCH`, else the clock: the binary decides). `None`:
    /// unknown, and the checks that need it stay quiet.
    pub today: Option<jiff::civil::Date>,
    /// (v1) The profiles enabled (`profiles = [...]`), sorted, each once.
    pub profiles: Vec<ProfileId>,
    /// (v1) `[settings] report-within`: the time within which the report of
    /// `report-deadline` must be due, in seconds (`None`: the default).
    pub report_within: Option<u64>,
}

impl Config {
    /// Whether `profile` is enabled.
    pub fn has_profile(&self, profile: ProfileId) -> bool {
        self.profiles.contains(&profile)
    }

    /// The limit of `span-of-control`: as configured, else 5 under `ics`, else 7.
    pub fn span_of_control_limit(&self) -> usize {
        self.span_of_control
            .unwrap_or(if self.has_profile(ProfileId::Ics) {
                profiles::ICS_SPAN_OF_CONTROL
            } else {
                7
            })
    }

    /// The limit of `report-deadline` in seconds: as configured, else 1 hour.
    pub fn report_within_seconds(&self) -> u64 {
        self.report_within
            .unwrap_or(profiles::REPORT_WITHIN_DEFAULT)
    }
}

mod file;
mod overrides;

pub use file::{ConfigError, ConfigFile, declared_lang, parse};
pub use overrides::Overrides;

/// The code a user typed (`orphan-role`; `orphan_role` and `ORPHAN-ROLE` are
/// read the same), or the known codes closest to it, nearest first.
pub fn find_code(name: &str) -> Result<Code, Vec<Code>> {
    let normal = name.trim().to_lowercase().replace('_', "-");
    if let Some(code) = Code::from_name(&normal) {
        return Ok(code);
    }
    let mut close: Vec<(usize, Code)> = Code::ALL
        .iter()
        .map(|c| (strsim::levenshtein(&normal, c.as_str()), *c))
        .filter(|&(d, c)| {
            d <= 3.max(c.as_str().len() / 3) || (normal.len() >= 3 && c.as_str().contains(&normal))
        })
        .collect();
    close.sort();
    Err(close.into_iter().take(3).map(|(_, c)| c).collect())
}
