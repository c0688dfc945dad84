//! Severity overrides from the command line, which win over `planc.toml`:
//! `--select` (only these codes), then `--warn` and `--error` (these codes at
//! that severity), then `--ignore` (these codes off: ignore wins). A list is
//! comma-separated codes; `ALL` stands for every code. `syntax-error` is
//! always an error: a file that does not parse cannot be checked.

use super::{Config, find_code};
use crate::diagnostic::{Code, Severity};
use crate::i18n::{Arg, Message, msg};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `None` when `--select` was not given.
    pub select: Option<Vec<Code>>,
    pub warn: Vec<Code>,
    pub error: Vec<Code>,
    pub ignore: Vec<Code>,
    /// (v1) Today's date for the date checks (see `Config::today`).
    pub today: Option<jiff::civil::Date>,
}

impl Overrides {
    /// Reads one flag's comma-separated list of codes (`flag` names it in errors).
    pub fn codes(flag: &str, list: &str) -> Result<Vec<Code>, Message> {
        let mut out = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if name == "ALL" {
                out.extend(
                    Code::ALL
                        .iter()
                        .copied()
                        .filter(|&c| c != Code::SyntaxError),
                );
                continue;
            }
            match find_code(name) {
                Ok(Code::SyntaxError) if flag != "--select" && flag != "--error" => {
                    return Err(msg!("override-syntax-error", flag = flag));
                }
                Ok(code) => out.push(code),
                Err(close) if close.is_empty() => {
                    return Err(msg!("override-unknown", flag = flag, name = name));
                }
                Err(close) => {
                    let codes = Arg::names(close.iter().map(|c| c.as_str()), close.len());
                    return Err(msg!(
                        "override-unknown-close",
                        flag = flag,
                        name = name,
                        codes = codes
                    ));
                }
            }
        }
        Ok(out)
    }

    /// Applies the overrides to `config`. `default` gives a code's default
    /// severity (`check::rule(code).default_severity`), so that selecting a
    /// check that is off turns it on as a warning.
    pub fn apply(&self, config: &mut Config, default: impl Fn(Code) -> Option<Severity>) {
        if self.today.is_some() {
            config.today = self.today;
        }
        if let Some(select) = &self.select {
            // `--select ALL` (every code) turns on what is off by default,
            // but not the checks of a profile that is not enabled: those
            // are turned on by the profile, or by naming them.
            let all = Code::ALL
                .iter()
                .all(|c| *c == Code::SyntaxError || select.contains(c));
            for &code in Code::ALL {
                if code == Code::SyntaxError {
                    continue;
                }
                let current = match config.severities.get(&code) {
                    Some(configured) => *configured,
                    None => default(code),
                };
                let wanted = if all && current.is_none() && crate::profiles::only_in_profiles(code)
                {
                    None
                } else if select.contains(&code) {
                    Some(current.unwrap_or(Severity::Warning))
                } else {
                    None
                };
                config.severities.insert(code, wanted);
            }
        }
        for &code in &self.warn {
            config.severities.insert(code, Some(Severity::Warning));
        }
        for &code in &self.error {
            config.severities.insert(code, Some(Severity::Error));
        }
        for &code in &self.ignore {
            if code != Code::SyntaxError {
                config.severities.insert(code, None);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn default(code: Code) -> Option<Severity> {
        match code {
            Code::NoDeputy => None,
            Code::NoDrill => Some(Severity::Warning),
            _ => Some(Severity::Error),
        }
    }

    fn effective(config: &Config, code: Code) -> Option<Severity> {
        config
            .severities
            .get(&code)
            .copied()
            .unwrap_or_else(|| default(code))
    }

    #[test]
    fn select_keeps_only_its_codes_and_turns_them_on() {
        let mut config = Config::default();
        let overrides = Overrides {
            select: Some(vec![Code::NoDeputy, Code::MissingOwner]),
            ..Overrides::default()
        };
        overrides.apply(&mut config, default);
        assert_eq!(effective(&config, Code::NoDeputy), Some(Severity::Warning));
        assert_eq!(
            effective(&config, Code::MissingOwner),
            Some(Severity::Error)
        );
        assert_eq!(effective(&config, Code::NoDrill), None);
        assert_eq!(effective(&config, Code::SyntaxError), Some(Severity::Error));
    }

    #[test]
    fn ignore_wins_over_warn_and_error() {
        let mut config = Config::default();
        let overrides = Overrides {
            warn: vec![Code::MissingOwner],
            error: vec![Code::NoDrill],
            ignore: vec![Code::NoDrill],
            ..Overrides::default()
        };
        overrides.apply(&mut config, default);
        assert_eq!(
            effective(&config, Code::MissingOwner),
            Some(Severity::Warning)
        );
        assert_eq!(effective(&config, Code::NoDrill), None);
    }

    #[test]
    fn lists_read_codes_all_and_report_unknown_ones() {
        assert_eq!(
            Overrides::codes("--ignore", "no-drill, orphan_role"),
            Ok(vec![Code::NoDrill, Code::OrphanRole])
        );
        assert_eq!(
            Overrides::codes("--select", "ALL").unwrap().len(),
            Code::ALL.len() - 1
        );
        let refused = |flag, list, lang| Overrides::codes(flag, list).unwrap_err().text(lang);
        assert_eq!(
            refused("--ignore", "orphan-rol", Lang::En),
            "--ignore orphan-rol: no check has this code; did you mean `orphan-role`?"
        );
        assert_eq!(
            refused("--ignore", "orphan-rol", Lang::Zh),
            "--ignore orphan-rol：没有这个代码的检查；是不是想写 `orphan-role`？"
        );
        assert_eq!(
            refused("--ignore", "syntax-error", Lang::En),
            "--ignore syntax-error: `syntax-error` is always an error (a file that does not parse cannot be checked)"
        );
    }
}
