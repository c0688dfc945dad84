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
use crate::i18n::{Arg, Message, msg};
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

/// A problem in `planc.toml`, at a byte span of its text. Its words are
/// `Message`s, shown in the language of the run like a plan's diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub message: Message,
    pub span: Span,
    pub label: Message,
    pub help: Option<Message>,
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
                message: msg!("config-not-toml", detail = e.message().trim()),
                span: Span::new(range.start, range.end),
                label: msg!("config-not-toml.label"),
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
            let keys = msg!(
                "config-keys-file",
                keys = Arg::names(known.iter().copied(), usize::MAX)
            );
            reader.unknown(key, &known, keys);
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
        reader
            .errors
            .sort_by_key(|e| (e.span.start(), e.span.end()));
        Err(reader.errors)
    }
}

/// The `lang` a `planc.toml` asks for, read even when the file has other
/// problems (so that they are told in it); `None` when it says none or
/// is not TOML.
pub fn declared_lang(text: &str) -> Option<Lang> {
    let root = DeTable::parse(text).ok()?;
    let value = root.get_ref().get("lang")?;
    value.get_ref().as_str().and_then(Lang::from_name)
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
    fn error(&mut self, span: Span, message: Message, label: Message, help: Option<Message>) {
        self.errors.push(ConfigError {
            message,
            span,
            label,
            help,
        });
    }

    /// An unknown key: the closest known one, or `listing` (the keys there are).
    fn unknown(&mut self, key: &Key, known: &[&str], listing: Message) {
        let name = key.get_ref();
        let help = match crate::suggest::closest(name, known) {
            Some(near) => msg!("did-you-mean", name = near),
            None => listing,
        };
        self.error(
            span_of(key),
            msg!("config-unknown-key", name = name.as_ref()),
            msg!("config-unknown-key.label"),
            Some(help),
        );
    }

    /// An unknown key of `[table]`, whose keys are `known`.
    fn unknown_in(&mut self, key: &Key, table: &str, known: &[&str]) {
        let listing = msg!(
            "config-keys-table",
            table = table,
            count = known.len(),
            keys = Arg::names(known.iter().copied(), usize::MAX)
        );
        self.unknown(key, known, listing);
    }

    /// A top-level entry that must be a table; `None` (and an error) otherwise.
    fn table<'a, 'i>(&mut self, key: &Key, value: &'a Value<'i>) -> Option<&'a DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                let key = key.get_ref().as_ref();
                self.error(
                    span_of(value),
                    msg!("config-not-table", key = key, kind = kind(other)),
                    msg!("config-not-table.label"),
                    Some(msg!("config-not-table.help", key = key)),
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
                msg!("config-lang"),
                msg!("config-lang.label"),
                Some(msg!("config-lang.help")),
            ),
        }
    }

    /// `docs-url = "https://…"`: the address of a docs folder.
    fn docs_url(&mut self, value: &Value) {
        let Some(text) = value.get_ref().as_str() else {
            self.error(
                span_of(value),
                msg!("config-docs-url-not-string"),
                msg!("config-docs-url-not-string.label"),
                Some(DocsUrlError::help()),
            );
            return;
        };
        match DocsUrl::parse(text) {
            Ok(url) => self.file.docs_url = Some(url),
            Err(why) => self.error(
                span_of(value),
                why.message(text),
                msg!("config-docs-url-label"),
                Some(DocsUrlError::help()),
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
                        msg!("config-unknown-check", name = name.as_ref()),
                        msg!("config-unknown-check.label"),
                        Some(msg!("config-unknown-check.kebab", code = code.as_str())),
                    );
                    continue;
                }
                Err(close) => {
                    let help = match close.first() {
                        Some(c) => msg!("did-you-mean", name = c.as_str()),
                        None => msg!("config-unknown-check.list"),
                    };
                    self.error(
                        span_of(key),
                        msg!("config-unknown-check", name = name.as_ref()),
                        msg!("config-unknown-check.label"),
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
                        msg!("config-severity", code = code.as_str()),
                        msg!("config-severity.label"),
                        Some(msg!("config-severity.help", code = code.as_str())),
                    );
                    continue;
                }
            };
            if code == Code::SyntaxError && severity != Some(Severity::Error) {
                self.error(
                    span_of(value),
                    msg!("config-syntax-error-fixed"),
                    msg!("config-syntax-error-fixed.label"),
                    Some(msg!("config-syntax-error-fixed.help")),
                );
                continue;
            }
            self.file.config.severities.insert(code, severity);
        }
    }

    fn span_of_control(&mut self, table: &DeTable) {
        for (key, value) in table.iter() {
            if key.get_ref() != "limit" {
                self.unknown_in(key, "span-of-control", &["limit"]);
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
                    msg!("config-limit"),
                    msg!("config-limit.label"),
                    Some(msg!("config-limit.help")),
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
                        Some(near) => msg!("did-you-mean", name = near),
                        None => msg!(
                            "config-profiles",
                            names = Arg::names(known.iter().copied(), usize::MAX)
                        ),
                    };
                    self.error(
                        span,
                        msg!("config-unknown-profile", name = name.as_str()),
                        msg!("config-unknown-profile.label"),
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
                self.unknown_in(key, "settings", SETTINGS);
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
                    msg!("config-report-within"),
                    msg!("config-report-within.label"),
                    Some(msg!("config-report-within.help")),
                ),
            }
        }
    }

    fn unassigned_role(&mut self, table: &DeTable) {
        for (key, value) in table.iter() {
            if key.get_ref() != "placeholders" {
                self.unknown_in(key, "unassigned-role", &["placeholders"]);
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
                self.unknown_in(key, "files", &["include", "exclude"]);
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
                        msg!(
                            "config-glob",
                            glob = glob.as_str(),
                            detail = e.kind().to_string()
                        ),
                        msg!("config-glob.label"),
                        Some(msg!("config-glob.help")),
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
                            msg!("config-list-strings", key = key.get_ref().as_ref()),
                            msg!("config-list-strings.label"),
                            Some(msg!("config-list-strings.help")),
                        );
                        return None;
                    }
                }
            }
            return Some(out);
        }
        let key = key.get_ref().as_ref();
        self.error(
            span_of(value),
            msg!("config-array", key = key),
            msg!("config-array.label"),
            Some(msg!("config-array.help", key = key)),
        );
        None
    }
}

/// The kind of a TOML value, in words (`rules = 3`: "not a number").
fn kind(value: &DeValue) -> Message {
    match value {
        DeValue::String(_) => msg!("config-kind-string"),
        DeValue::Integer(_) => msg!("config-kind-integer"),
        DeValue::Float(_) => msg!("config-kind-float"),
        DeValue::Boolean(_) => msg!("config-kind-boolean"),
        DeValue::Datetime(_) => msg!("config-kind-datetime"),
        DeValue::Array(_) => msg!("config-kind-array"),
        DeValue::Table(_) => msg!("config-kind-table"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<(String, &str, Option<String>)> {
        errors_in(text, Lang::En)
    }

    fn errors_in(text: &str, lang: Lang) -> Vec<(String, &str, Option<String>)> {
        parse(text)
            .unwrap_err()
            .into_iter()
            .map(|e| {
                (
                    e.message.text(lang),
                    &text[e.span.range()],
                    e.help.map(|h| h.text(lang)),
                )
            })
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
    fn problems_are_told_in_chinese_too() {
        let text = "lang = \"zh\"\n[rules]\nno-dril = \"warn\"\nno-drill = \"warn\"\n[files]\nignore = []\n[span-of-control]\nlimt = 3\nlimit = \"七\"\nx = 1\n";
        assert_eq!(declared_lang(text), Some(Lang::Zh));
        let got = errors_in(text, Lang::Zh);
        assert_eq!(
            got,
            [
                (
                    "[rules] 里的 `no-dril` 不是 planc 的检查".to_string(),
                    "no-dril",
                    Some("是不是想写 `no-drill`？".to_string())
                ),
                (
                    "`no-drill` 的级别只能是 \"error\"、\"warning\" 或 \"off\"".to_string(),
                    "\"warn\"",
                    Some("例如 `no-drill = \"warning\"`".to_string())
                ),
                (
                    "planc.toml 里没有 `ignore` 这个键".to_string(),
                    "ignore",
                    Some("[files] 可用的键有 `include`、`exclude`".to_string())
                ),
                (
                    "planc.toml 里没有 `limt` 这个键".to_string(),
                    "limt",
                    Some("是不是想写 `limit`？".to_string())
                ),
                (
                    "`limit` 应当是角色个数，1 或更大的整数".to_string(),
                    "\"七\"",
                    Some("例如 `limit = 7`（默认值）".to_string())
                ),
                (
                    "planc.toml 里没有 `x` 这个键".to_string(),
                    "x",
                    Some("[span-of-control] 只有键 `limit`".to_string())
                ),
            ]
        );
        assert_eq!(
            errors("[files]\nignore = []\n")[0].2.as_deref(),
            Some("[files] has the keys `include`, `exclude`")
        );
        assert_eq!(
            errors("[span-of-control]\nx = 1\n")[0].2.as_deref(),
            Some("[span-of-control] has the key `limit`")
        );
        assert_eq!(
            errors_in("rules = [1]\n", Lang::Zh)[0].0,
            "`rules` 应当是一个表，不能是数组"
        );
        assert_eq!(declared_lang("lang = 3\n"), None);
        assert_eq!(declared_lang("[rules\nlang = \"zh\""), None);
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
            ("`rules` must be a table, not a number", "3")
        );
    }
}
