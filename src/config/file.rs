//! Reading `planc.toml`. Every key is known or an error pointing at it; a
//! value of the wrong kind is an error pointing at the value. Nothing is
//! silently ignored.
//!
//! ```toml
//! lang = "zh"                  # the language of diagnostics: "zh" or "en"
//!                              # (default: the locale's; `--lang` wins)
//! docs-url = "https://github.com/ORG/planc/blob/HEAD/docs/"
//!                              # where SARIF links each check's page
//!                              # (`--docs-url` wins)
//! [rules]                      # severities by code: "error", "warning" or "off"
//! orphan-role = "off"
//! no-deputy = "warning"
//!
//! [span-of-control]
//! limit = 9                    # roles that may escalate directly to one role
//!
//! [unassigned-role]
//! placeholders = ["待填", "某某"] # holder texts that also count as unassigned
//!
//! profiles = ["gbt29639", "xinfang"]   # (v1) the regulations plans are reviewed against
//! [settings]                   # (v1) limits that differ by jurisdiction
//! report-within = "15m"        # report-deadline's limit (default 1h)
//!
//! [files]                      # which files a folder walk checks; globs
//! include = ["*.plan"]         # relative to the folder of planc.toml
//! exclude = ["drafts/**"]
//! ```

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Config, find_code};
use crate::diagnostic::{Code, Severity};
use crate::docs_url::{DocsUrl, DocsUrlError};
use crate::lang::Lang;
use crate::profiles::ProfileId;
use crate::span::Span;

/// A parsed `planc.toml`: the settings the checks see, and the file filter
/// of folder walks.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigFile {
    pub config: Config,
    /// Globs of files a folder walk checks (default `*.plan`).
    pub include: Vec<String>,
    /// Globs of files and folders a folder walk skips.
    pub exclude: Vec<String>,
    /// The language of diagnostics (`lang = "zh"`); `None`: the locale's.
    pub lang: Option<Lang>,
    /// Where planc's docs are read (`docs-url = "https://…"`), for SARIF's links.
    pub docs_url: Option<DocsUrl>,
}

impl Default for ConfigFile {
    fn default() -> Self {
        ConfigFile {
            config: Config::default(),
            include: vec!["*.plan".to_string()],
            exclude: Vec::new(),
            lang: None,
            docs_url: None,
        }
    }
}

/// A problem in `planc.toml`, at a byte span of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub message: String,
    pub span: Span,
    pub label: String,
    pub help: Option<String>,
}

const TABLES: &[&str] = &[
    "rules",
    "span-of-control",
    "unassigned-role",
    "files",
    "settings",
];

/// The keys of `[settings]`.
const SETTINGS: &[&str] = &["report-within"];

/// Parses the text of a `planc.toml`. All problems are reported, in file order.
pub fn parse(text: &str) -> Result<ConfigFile, Vec<ConfigError>> {
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(e) => {
            let range = e.span().unwrap_or(0..0);
            return Err(vec![ConfigError {
                message: format!("planc.toml is not valid TOML: {}", e.message().trim()),
                span: Span::new(range.start, range.end),
                label: "here".into(),
                help: None,
            }]);
        }
    };
    let mut reader = Reader {
        file: ConfigFile::default(),
        errors: Vec::new(),
    };
    for (key, value) in root.get_ref().iter() {
        let name = key.get_ref().as_ref();
        if name == "lang" {
            reader.lang(value);
            continue;
        }
        if name == "profiles" {
            reader.profiles(key, value);
            continue;
        }
        if name == "docs-url" {
            reader.docs_url(value);
            continue;
        }
        if !TABLES.contains(&name) {
            let known: Vec<&str> = TABLES
                .iter()
                .copied()
                .chain(["lang", "profiles", "docs-url"])
                .collect();
            reader.unknown(key, &known, "planc.toml has the keys");
            continue;
        }
        let Some(table) = reader.table(key, value) else {
            continue;
        };
        match name {
            "rules" => reader.rules(table),
            "span-of-control" => reader.span_of_control(table),
            "unassigned-role" => reader.unassigned_role(table),
            "settings" => reader.settings(table),
            _ => reader.files(table),
        }
    }
    if reader.errors.is_empty() {
        Ok(reader.file)
    } else {
        reader.errors.sort_by_key(|e| (e.span.start, e.span.end));
        Err(reader.errors)
    }
}

type Key<'i> = Spanned<std::borrow::Cow<'i, str>>;
type Value<'i> = Spanned<DeValue<'i>>;

struct Reader {
    file: ConfigFile,
    errors: Vec<ConfigError>,
}

fn span_of<T>(spanned: &Spanned<T>) -> Span {
    let r = spanned.span();
    Span::new(r.start, r.end)
}

impl Reader {
    fn error(&mut self, span: Span, message: String, label: &str, help: Option<String>) {
        self.errors.push(ConfigError {
            message,
            span,
            label: label.into(),
            help,
        });
    }

    fn unknown(&mut self, key: &Key, known: &[&str], listing: &str) {
        let name = key.get_ref();
        let help = match crate::suggest::closest(name, known) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("{listing} {}", quoted_list(known)),
        };
        self.error(
            span_of(key),
            format!("unknown key `{name}` in planc.toml"),
            "planc does not know this key",
            Some(help),
        );
    }

    /// A top-level entry that must be a table; `None` (and an error) otherwise.
    fn table<'a, 'i>(&mut self, key: &Key, value: &'a Value<'i>) -> Option<&'a DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                self.error(
                    span_of(value),
                    format!(
                        "`{}` must be a table, not {}",
                        key.get_ref(),
                        other.type_str()
                    ),
                    "expected a table",
                    Some(format!(
                        "write it as a table: `[{}]` on a line of its own",
                        key.get_ref()
                    )),
                );
                None
            }
        }
    }

    /// `lang = "zh"` or `"en"`.
    fn lang(&mut self, value: &Value) {
        match value.get_ref().as_str().and_then(Lang::from_name) {
            Some(lang) => self.file.lang = Some(lang),
            None => self.error(
                span_of(value),
                "`lang` must be \"zh\" or \"en\"".into(),
                "not a language planc speaks",
                Some("write `lang = \"zh\"` for Chinese or `lang = \"en\"` for English".into()),
            ),
        }
    }

    /// `docs-url = "https://…"`: the address of a docs folder.
    fn docs_url(&mut self, value: &Value) {
        let Some(text) = value.get_ref().as_str() else {
            self.error(
                span_of(value),
                "`docs-url` must be a web address in quotes".into(),
                "not a string",
                Some(DocsUrlError::help().text(Lang::En)),
            );
            return;
        };
        match DocsUrl::parse(text) {
            Ok(url) => self.file.docs_url = Some(url),
            Err(why) => self.error(
                span_of(value),
                why.message(text).text(Lang::En),
                "not the address of a docs folder",
                Some(DocsUrlError::help().text(Lang::En)),
            ),
        }
    }

    fn rules(&mut self, table: &DeTable) {
        for (key, value) in table.iter() {
            let name = key.get_ref();
            let code = match find_code(name) {
                Ok(code) if code.as_str() == name.as_ref() => code,
                Ok(code) => {
                    self.error(
                        span_of(key),
                        format!("unknown check `{name}` in [rules]"),
                        "not a check's code",
                        Some(format!("codes are written in kebab-case: `{code}`")),
                    );
                    continue;
                }
                Err(close) => {
                    let help = match close.first() {
                        Some(c) => format!("did you mean `{c}`?"),
                        None => "`planc explain --list` lists every code".into(),
                    };
                    self.error(
                        span_of(key),
                        format!("unknown check `{name}` in [rules]"),
                        "not a check's code",
                        Some(help),
                    );
                    continue;
                }
            };
            let severity = match value.get_ref().as_str() {
                Some("error") => Some(Severity::Error),
                Some("warning") => Some(Severity::Warning),
                Some("off") => None,
                _ => {
                    self.error(
                        span_of(value),
                        format!(
                            "the severity of `{code}` must be \"error\", \"warning\" or \"off\""
                        ),
                        "not a severity",
                        Some(format!("for example `{code} = \"warning\"`")),
                    );
                    continue;
                }
            };
            if code == Code::SyntaxError && severity != Some(Severity::Error) {
                self.error(
                    span_of(value),
                    "`syntax-error` is always an error".into(),
                    "cannot be changed",
                    Some(
                        "a file that does not parse cannot be checked at all; fix the file instead"
                            .into(),
                    ),
                );
                continue;
            }
            self.file.config.severities.insert(code, severity);
        }
    }

    fn span_of_control(&mut self, table: &DeTable) {
        for (key, value) in table.iter() {
            if key.get_ref() != "limit" {
                self.unknown(key, &["limit"], "[span-of-control] has the key");
                continue;
            }
            let limit = match value.get_ref() {
                DeValue::Integer(i) => usize::from_str_radix(i.as_str(), i.radix()).ok(),
                _ => None,
            };
            match limit {
                Some(limit) if limit >= 1 => self.file.config.span_of_control = Some(limit),
                _ => self.error(
                    span_of(value),
                    "`limit` must be a whole number of roles, 1 or more".into(),
                    "not a positive integer",
                    Some("for example `limit = 7` (the default)".into()),
                ),
            }
        }
    }

    /// `profiles = ["gbt29639", …]`: every name one of `profiles::PROFILES`.
    fn profiles(&mut self, key: &Key, value: &Value) {
        let Some(names) = self.strings(key, value) else {
            return;
        };
        let known: Vec<&str> = crate::profiles::names().collect();
        for (name, span) in names {
            match ProfileId::from_name(&name) {
                Some(id) => self.file.config.profiles.push(id),
                None => {
                    let help = match crate::suggest::closest(&name, &known) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => format!("the profiles are {}", quoted_list(&known)),
                    };
                    self.error(
                        span,
                        format!("unknown profile `{name}` in planc.toml"),
                        "planc has no profile of this name",
                        Some(help),
                    );
                }
            }
        }
        self.file.config.profiles.sort();
        self.file.config.profiles.dedup();
    }

    fn settings(&mut self, table: &DeTable) {
        for (key, value) in table.iter() {
            if !SETTINGS.contains(&key.get_ref().as_ref()) {
                self.unknown(key, SETTINGS, "[settings] has the keys");
                continue;
            }
            let parsed = value
                .get_ref()
                .as_str()
                .and_then(|text| crate::syntax::parse_duration(text).ok())
                .filter(|&(seconds, _)| seconds > 0);
            match parsed {
                Some((seconds, _)) => self.file.config.report_within = Some(seconds),
                None => self.error(
                    span_of(value),
                    "`report-within` must be a duration such as \"1h\" or \"15m\"".into(),
                    "not a duration",
                    Some(
                        "write it as the plan writes `within`, in quotes: `report-within = \"1h\"`"
                            .into(),
                    ),
                ),
            }
        }
    }

    fn unassigned_role(&mut self, table: &DeTable) {
        for (key, value) in table.iter() {
            if key.get_ref() != "placeholders" {
                self.unknown(key, &["placeholders"], "[unassigned-role] has the key");
                continue;
            }
            if let Some(words) = self.strings(key, value) {
                self.file.config.placeholders = words.into_iter().map(|(w, _)| w).collect();
            }
        }
    }

    fn files(&mut self, table: &DeTable) {
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            if name != "include" && name != "exclude" {
                self.unknown(key, &["include", "exclude"], "[files] has the keys");
                continue;
            }
            let Some(globs) = self.strings(key, value) else {
                continue;
            };
            let mut good = Vec::new();
            for (glob, span) in globs {
                match globset::Glob::new(&glob) {
                    Ok(_) => good.push(glob),
                    Err(e) => self.error(
                        span,
                        format!("`{glob}` is not a valid glob: {}", e.kind()),
                        "bad glob",
                        Some(
                            "globs use `*`, `**`, `?`, `[abc]` and `{a,b}`, e.g. `drafts/**`"
                                .into(),
                        ),
                    ),
                }
            }
            if name == "include" {
                self.file.include = good;
            } else {
                self.file.exclude = good;
            }
        }
    }

    /// An array of strings, each with its span; `None` (and an error) otherwise.
    fn strings(&mut self, key: &Key, value: &Value) -> Option<Vec<(String, Span)>> {
        let mut out = Vec::new();
        if let DeValue::Array(items) = value.get_ref() {
            for item in items.iter() {
                match item.get_ref().as_str() {
                    Some(s) => out.push((s.to_string(), span_of(item))),
                    None => {
                        self.error(
                            span_of(item),
                            format!("`{}` must list strings", key.get_ref()),
                            "not a string",
                            Some("write each entry in double quotes".into()),
                        );
                        return None;
                    }
                }
            }
            return Some(out);
        }
        self.error(
            span_of(value),
            format!("`{}` must be an array of strings", key.get_ref()),
            "expected an array",
            Some(format!("for example `{} = [\"...\"]`", key.get_ref())),
        );
        None
    }
}

fn quoted_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<(String, &str, Option<String>)> {
        parse(text)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.message, &text[e.span.start..e.span.end], e.help))
            .collect()
    }

    #[test]
    fn reads_every_setting() {
        let text = "[rules]\norphan-role = \"off\"\nno-deputy = \"warning\"\nmissing-owner = \"error\"\n\n[span-of-control]\nlimit = 9\n\n[unassigned-role]\nplaceholders = [\"待填\"]\n\n[files]\ninclude = [\"*.yuan\"]\nexclude = [\"drafts/**\"]\n";
        let file = parse(text).unwrap();
        let c = &file.config;
        assert_eq!(c.severities.get(&Code::OrphanRole), Some(&None));
        assert_eq!(
            c.severities.get(&Code::NoDeputy),
            Some(&Some(Severity::Warning))
        );
        assert_eq!(
            c.severities.get(&Code::MissingOwner),
            Some(&Some(Severity::Error))
        );
        assert_eq!(c.span_of_control, Some(9));
        assert_eq!(c.placeholders, ["待填"]);
        assert_eq!(file.include, ["*.yuan"]);
        assert_eq!(file.exclude, ["drafts/**"]);
        assert_eq!(parse("").unwrap(), ConfigFile::default());
    }

    #[test]
    fn unknown_keys_point_at_the_key_with_a_suggestion() {
        let text = "[rule]\nx = 1\n[rules]\norphan-rol = \"off\"\n[files]\nincludes = []\n";
        let got = errors(text);
        assert_eq!(got[0].0, "unknown key `rule` in planc.toml");
        assert_eq!(got[0].1, "rule");
        assert_eq!(got[0].2.as_deref(), Some("did you mean `rules`?"));
        assert_eq!(got[1].1, "orphan-rol");
        assert_eq!(got[1].2.as_deref(), Some("did you mean `orphan-role`?"));
        assert_eq!(got[2].1, "includes");
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn bad_values_point_at_the_value() {
        let text = "[rules]\nno-drill = \"warn\"\nsyntax-error = \"off\"\n[span-of-control]\nlimit = 0\n[unassigned-role]\nplaceholders = \"x\"\n[files]\nexclude = [\"a/[\", 3]\n";
        let got = errors(text);
        let spans: Vec<&str> = got.iter().map(|e| e.1).collect();
        assert_eq!(spans, ["\"warn\"", "\"off\"", "0", "\"x\"", "3"]);
        assert_eq!(
            got[0].0,
            "the severity of `no-drill` must be \"error\", \"warning\" or \"off\""
        );
        assert_eq!(errors("[files]\nexclude = [\"a/[\"]\n")[0].1, "\"a/[\"");
    }

    #[test]
    fn profiles_and_settings() {
        let text = "profiles = [\"xinfang\", \"gbt29639\", \"xinfang\"]\n[settings]\nreport-within = \"15m\"\n";
        let file = parse(text).unwrap();
        assert_eq!(
            file.config.profiles,
            [ProfileId::Gbt29639, ProfileId::Xinfang]
        );
        assert_eq!(file.config.report_within, Some(900));
        let text = "profiles = [\"gbt2963\", \"osha-1910\"]\n[settings]\nreport-witin = \"1h\"\n[setting]\n";
        let got = errors(text);
        assert_eq!(got[0].0, "unknown profile `gbt2963` in planc.toml");
        assert_eq!(got[0].1, "\"gbt2963\"");
        assert_eq!(got[0].2.as_deref(), Some("did you mean `gbt29639`?"));
        assert_eq!(got[1].1, "\"osha-1910\"");
        assert!(
            got[1]
                .2
                .as_deref()
                .unwrap()
                .starts_with("the profiles are `gbt29639`")
        );
        assert_eq!(got[2].1, "report-witin");
        assert_eq!(got[2].2.as_deref(), Some("did you mean `report-within`?"));
        assert_eq!(got[3].1, "setting");
        assert_eq!(got[3].2.as_deref(), Some("did you mean `settings`?"));
        let got = errors("profiles = \"ics\"\n[settings]\nreport-within = \"soon\"\n");
        assert_eq!((got[0].1, got[1].1), ("\"ics\"", "\"soon\""));
    }

    #[test]
    fn docs_url_is_an_address_or_an_error_at_the_value() {
        let file =
            parse("docs-url = \"https://git.example.cn/ORG/planc/blob/HEAD/docs\"\n").unwrap();
        assert_eq!(
            file.docs_url.as_ref().map(DocsUrl::as_str),
            Some("https://git.example.cn/ORG/planc/blob/HEAD/docs/")
        );
        let got =
            errors("docs-url = \"git.example.cn/docs\"\ndocs_url = 1\n[rules]\ndocs-url = 3\n");
        assert_eq!(
            got[0],
            (
                "`git.example.cn/docs` is not a web address: it must start with `https://` or `http://`".into(),
                "\"git.example.cn/docs\"",
                Some("give the address of the folder that holds your copy of planc's docs, e.g. `https://github.com/ORG/planc/blob/HEAD/docs/`".into())
            )
        );
        assert_eq!(got[1].1, "docs_url");
        assert_eq!(got[1].2.as_deref(), Some("did you mean `docs-url`?"));
        assert_eq!(got[2].1, "docs-url");
        assert_eq!(got.len(), 3);
        let got = errors("docs-url = [\"https://x.cn/\"]\n");
        assert_eq!(
            (got[0].0.as_str(), got[0].1),
            (
                "`docs-url` must be a web address in quotes",
                "[\"https://x.cn/\"]"
            )
        );
    }

    #[test]
    fn toml_syntax_errors_and_non_tables() {
        let got = errors("[rules\n");
        assert!(
            got[0].0.starts_with("planc.toml is not valid TOML"),
            "{got:?}"
        );
        let got = errors("rules = 3\n");
        assert_eq!(
            (got[0].0.as_str(), got[0].1),
            ("`rules` must be a table, not integer", "3")
        );
    }
}
