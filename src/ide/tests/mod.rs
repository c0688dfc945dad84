//! In-process tests of the editor features over one small plan. `‸` in a
//! source marks the cursor.

mod completion;
mod edits;
mod navigation;
mod robustness;

use super::*;

pub(crate) const PLAN: &str = r#"plan "信访应急预案" { issuer "XX站"; commander leader }

role leader "领导小组组长" { holder "张三"; phone "0000-1"; deputy vice }
role vice "副组长" { holder "李四"; escalates to leader }
role office "信访工作办公室" {
  holder "王五"
  escalates to leader within 10m
  duty "日常排查"
}
external police "公安机关" { phone "110" }

fact visitors "到场上访人数": count
fact act "过激行为": one_of { self_harm "自残", violence "暴力冲击" }
fact cross "需要跨部门协调": flag

level I "特别重大"
level II "重大"

trigger mass_visit "集体上访" when visitors >= 50 level II
trigger extreme "极端行为" when act in { self_harm, violence } or (mass_visit and not cross) level I

step receive "接待" { owner office; on mass_visit, extreme; within 5m }
step report "通报" { owner office; after receive; with police; notify leader; within 10m; until "事态平息" }
drill annual "演练" { owner office; with vice; every 1y }
"#;

/// The source without the cursor mark, and the cursor's offset.
pub(crate) fn cursor(marked: &str) -> (String, usize) {
    let offset = marked.find('‸').expect("a cursor mark");
    (marked.replacen('‸', "", 1), offset)
}

/// An offset in `PLAN` just after the `n`th (from 0) match of `needle`.
fn after(needle: &str, n: usize) -> usize {
    PLAN.match_indices(needle).nth(n).expect("needle").0 + needle.len()
}

/// An offset in `PLAN` inside the last word of the `n`th match of `needle`.
fn on(needle: &str, n: usize) -> usize {
    after(needle, n) - 1
}

/// `line:column text` (1-based, columns in characters) of each span.
fn places(source: &str, spans: &[Span]) -> Vec<String> {
    let index = crate::span::LineIndex::new(source);
    spans
        .iter()
        .map(|s| {
            let (l, c) = index.line_col(source, s.start());
            format!("{l}:{c} {}", &source[s.range()])
        })
        .collect()
}

/// The other tests navigate a plan with no findings at all, so that a
/// feature's answer is never shaped by a diagnostic (a quick fix, a broken name).
#[test]
fn the_test_plan_is_clean() {
    let found: Vec<String> = Analysis::new(PLAN)
        .diagnostics(&Config::default())
        .iter()
        .map(|d| format!("{} {}", d.code, d.message.text(crate::lang::Lang::En)))
        .collect();
    assert_eq!(found, Vec::<String>::new());
}

/// The editor's diagnostics are `planc check`'s: same pipeline, same order.
#[test]
fn diagnostics_are_those_of_check_source() {
    let mut sources = vec![PLAN.to_string()];
    for dir in ["plans", "tests/fixtures/checks"] {
        let mut stack = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir)];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "plan") {
                sources.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    assert!(sources.len() > 20, "found the fixtures");
    let mut config = Config::default();
    config.severities.insert(
        crate::diagnostic::Code::NoDeputy,
        Some(crate::diagnostic::Severity::Warning),
    );
    for source in &sources {
        for config in [&Config::default(), &config] {
            assert_eq!(
                Analysis::new(source).diagnostics(config),
                check_source(source, config),
                "{source}"
            );
        }
    }
}
