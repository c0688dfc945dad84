//! The language planc speaks in: the words of diagnostics, of `explain` and
//! of rendered documents. Codes, JSON keys and SARIF rule ids never change
//! with it. The library is handed a `Lang`; only the binary reads the
//! environment (`from_locale`) and `planc.toml`.

use serde::Serialize;

/// English by default: the language of a locale that is not Chinese.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Zh,
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// `zh` or `en`, as `--lang` and `planc.toml` write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// `zh`, `en`, or a locale such as `zh_CN.UTF-8` / `en-US`.
    pub fn from_name(name: &str) -> Option<Lang> {
        let lower = name.trim().to_ascii_lowercase();
        let primary = lower.split(['_', '-', '.', '@']).next().unwrap_or("");
        match primary {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the user's locale, from the values of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` (POSIX order: the first one set and not
    /// empty decides): a Chinese locale (`zh*`) gives Chinese, anything
    /// else (`C`, `POSIX`, `en_US.UTF-8`, `de_DE`, none) English.
    pub fn from_locale(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        let setting = [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|v| !v.trim().is_empty());
        match setting.and_then(Lang::from_name) {
            Some(Lang::Zh) => Lang::Zh,
            _ => Lang::En,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_decides_by_posix_precedence() {
        assert_eq!(Lang::from_locale(None, None, Some("zh_CN.UTF-8")), Lang::Zh);
        assert_eq!(Lang::from_locale(None, None, Some("zh_TW")), Lang::Zh);
        assert_eq!(
            Lang::from_locale(Some("C"), None, Some("zh_CN.UTF-8")),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(Some(""), Some("zh_CN.GB18030"), Some("en_US")),
            Lang::Zh
        );
        assert_eq!(Lang::from_locale(None, None, Some("POSIX")), Lang::En);
        assert_eq!(Lang::from_locale(None, None, None), Lang::En);
        assert_eq!(Lang::from_locale(None, None, Some("zhuang")), Lang::En);
    }

    #[test]
    fn names_and_locales_read() {
        assert_eq!(Lang::from_name("ZH"), Some(Lang::Zh));
        assert_eq!(Lang::from_name("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_name("fr"), None);
    }
}
