//! Shared test helpers: one way to check a plan and describe its diagnostics.
#![allow(dead_code)]

use planc::config::Config;
use planc::diagnostic::{Code, Diagnostic, Severity};
use planc::lang::Lang;
use planc::report::{FileReport, human};
use planc::span::LineIndex;

/// Checks `source` with the default configuration, changed by the fixture's
/// `# config: <code>=<error|warning|off>` lines, its `# today: YYYY-MM-DD`
/// line (today's date for the date checks; none: they stay quiet), its
/// `# profiles: a, b` line and its `# report-within: 15m` line (`[settings]`).
pub fn diagnostics(source: &str) -> Vec<Diagnostic> {
    planc::check_source(source, &config_of(source))
}

/// The configuration a fixture's comment lines ask for (see `diagnostics`).
pub fn config_of(source: &str) -> Config {
    let mut config = Config::default();
    for line in source.lines() {
        if let Some(names) = line.trim().strip_prefix("# profiles:") {
            config.profiles = names
                .split(',')
                .map(|n| planc::profiles::ProfileId::from_name(n.trim()).expect("a profile"))
                .collect();
            config.profiles.sort();
            continue;
        }
        if let Some(within) = line.trim().strip_prefix("# report-within:") {
            let (seconds, _) = planc::syntax::parse_duration(within.trim()).expect("a duration");
            config.report_within = Some(seconds);
            continue;
        }
        if let Some(today) = line.trim().strip_prefix("# today:") {
            config.today = Some(planc::calendar::parse_date(today).expect("# today: YYYY-MM-DD"));
            continue;
        }
        let Some(setting) = line.trim().strip_prefix("# config:") else {
            continue;
        };
        let (code, severity) = setting
            .trim()
            .split_once('=')
            .expect("# config: code=severity");
        let code = Code::from_name(code.trim()).expect("a known code");
        let severity = match severity.trim() {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "off" => None,
            other => panic!("unknown severity {other}"),
        };
        config.severities.insert(code, severity);
    }
    config
}

/// One line per diagnostic: `line:column severity code`.
pub fn summary(source: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    let index = LineIndex::new(source);
    diagnostics
        .iter()
        .map(|d| {
            let (line, col) = index.line_col(source, d.primary.span.start());
            format!("{line}:{col} {} {}", d.severity.as_str(), d.code)
        })
        .collect()
}

/// Asserts that checking `source` gives exactly `expect` (see `summary`).
pub fn check(source: &str, expect: &[&str]) {
    let got = summary(source, &diagnostics(source));
    assert_eq!(got, expect, "diagnostics of:\n{source}");
}

/// The human report of `source` as `path`: no colour, 80 columns wide.
pub fn human(path: &str, source: &str) -> String {
    human_in(path, source, Lang::En)
}

/// The human report of `source` as `path` in `lang`.
pub fn human_in(path: &str, source: &str, lang: Lang) -> String {
    let diagnostics = diagnostics(source);
    human::render(
        &[FileReport {
            path,
            source,
            diagnostics: &diagnostics,
        }],
        human::HumanOptions {
            color: false,
            width: 80,
            lang,
            not_read: 0,
        },
    )
}

/// The `# expect: …` lines of a fixture, in order.
pub fn expectations(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|l| l.trim().strip_prefix("# expect:"))
        .map(|l| l.trim().to_string())
        .collect()
}
