//! Data-driven tests of every check: `tests/fixtures/checks/<code>/*.plan`.
//!
//! Each fixture lists the diagnostics it must get, exactly, as comments
//! `# expect: line:column severity code` (none: the file must be clean). Every
//! check has a `fires*.plan` (the defect, alone) and a `quiet*.plan` (a near
//! miss it must not report). The human output of each `fires*` fixture is
//! kept as an insta snapshot, so a change of wording or alignment shows.
//! A fixture may change severities with `# config: code=error|warning|off`.

mod common;

use std::fs;
use std::path::Path;

use planc::diagnostic::Code;
use planc::lang::Lang;

fn fixtures() -> Vec<(String, String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/checks");
    let mut out = Vec::new();
    let mut dirs: Vec<_> = fs::read_dir(&root)
        .expect("fixtures folder")
        .flatten()
        .collect();
    dirs.sort_by_key(|e| e.file_name());
    for dir in dirs {
        let code = dir.file_name().to_string_lossy().into_owned();
        let mut files: Vec<_> = fs::read_dir(dir.path())
            .expect("fixture folder")
            .flatten()
            .collect();
        files.sort_by_key(|e| e.file_name());
        for file in files {
            let name = file.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".plan") {
                let source = fs::read_to_string(file.path()).expect("fixture");
                out.push((code.clone(), stem.to_string(), source));
            }
        }
    }
    out
}

#[test]
fn every_fixture_gets_exactly_its_expected_diagnostics() {
    let mut failures = Vec::new();
    for (code, stem, source) in fixtures() {
        let got = common::summary(&source, &common::diagnostics(&source));
        let want = common::expectations(&source);
        if got != want {
            failures.push(format!(
                "{code}/{stem}.plan:\n  want {want:?}\n  got  {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn fires_fixtures_report_their_code_and_quiet_ones_do_not() {
    for (code, stem, source) in fixtures() {
        let codes: Vec<String> = common::diagnostics(&source)
            .iter()
            .map(|d| d.code.to_string())
            .collect();
        if stem.starts_with("fires") {
            assert!(
                codes.contains(&code),
                "{code}/{stem} does not fire {code}: {codes:?}"
            );
        } else {
            assert!(
                stem.starts_with("quiet"),
                "{code}/{stem}: fixtures are fires*.plan or quiet*.plan"
            );
            assert!(!codes.contains(&code), "{code}/{stem} fires {code}");
        }
    }
}

#[test]
fn every_code_has_fixtures_that_fire_and_stay_quiet() {
    let all = fixtures();
    for code in Code::ALL {
        let code = code.as_str();
        assert!(
            all.iter()
                .any(|(c, s, _)| c == code && s.starts_with("fires")),
            "no fires*.plan fixture for {code}"
        );
        assert!(
            all.iter()
                .any(|(c, s, _)| c == code && s.starts_with("quiet")),
            "no quiet*.plan fixture for {code}"
        );
    }
}

#[test]
fn human_output_of_each_fires_fixture() {
    for (code, stem, source) in fixtures() {
        if stem.starts_with("fires") {
            let path = format!("{code}/{stem}.plan");
            insta::assert_snapshot!(format!("{code}__{stem}"), common::human(&path, &source));
        }
    }
}

/// `check --lang zh` of every fixture, quiet ones too (their summary line).
#[test]
fn chinese_output_of_every_fixture() {
    for (code, stem, source) in fixtures() {
        let path = format!("{code}/{stem}.plan");
        let text = common::human_in(&path, &source, Lang::Zh);
        insta::assert_snapshot!(format!("zh__{code}__{stem}"), text);
    }
}

/// Every message, label and help of every fixture is written out in both
/// languages: each id exists and gets every placeholder it uses.
#[test]
fn every_diagnostic_of_every_fixture_has_its_words_in_both_languages() {
    let mut problems = Vec::new();
    for (code, stem, source) in fixtures() {
        for d in common::diagnostics(&source) {
            let messages = std::iter::once(&d.message)
                .chain(std::iter::once(&d.primary.message))
                .chain(d.secondary().iter().map(|l| &l.message))
                .chain(d.help.as_ref());
            for m in messages {
                for lang in Lang::ALL {
                    let (_, wrong) = m.format(lang);
                    problems.extend(wrong.into_iter().map(|w| format!("{code}/{stem}: {w}")));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
