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
}

impl Default for Config {
    fn default() -> Self {
        Config {
            severities: HashMap::new(),
            span_of_control: 7,
            placeholders: Vec::new(),
        }
    }
}
