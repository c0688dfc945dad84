//! Settings that change what the checks report. `planc.toml` (issue 5) fills
//! these in; the library only receives them.

use std::collections::HashMap;

use crate::diagnostic::{Code, Severity};

/// A rule's configured severity; `None` turns it off.
pub type RuleSeverity = Option<Severity>;

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Severity overrides by code; codes not listed use the rule's default.
    pub severities: HashMap<Code, RuleSeverity>,
    /// `span-of-control`: the most roles that may escalate directly to one role.
    pub span_of_control: usize,
    /// Extra holder texts that count as unassigned (besides the built-in list).
    pub placeholders: Vec<String>,
    /// (v1) Today's date for the date checks (`check --today`, else
    /// `SOURCE_DATE_EPOCH`, else the clock: the binary decides). `None`:
    /// unknown, and the checks that need it stay quiet.
    pub today: Option<jiff::civil::Date>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            severities: HashMap::new(),
            span_of_control: 7,
            placeholders: Vec::new(),
            today: None,
        }
    }
}

mod file;
mod overrides;

pub use file::{ConfigError, ConfigFile, parse};
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
