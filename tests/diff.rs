//! `planc diff` on pairs of plans: every fixture folder under
//! `tests/fixtures/diff/` holds a `new.plan` (and an `old.plan`, else the
//! shared `base.plan` is the old one) whose `# expect:` lines list the
//! changes, in report order, as `category [item name] [aspect]`; `# region:`
//! lines the regions of condition changes and `# line:` lines (optional)
//! each change's line of the Chinese report.

use std::fs;
use std::path::{Path, PathBuf};

use planc::diff::{self, Change, FileDiff, Plan, Source};
use planc::pipeline::{self, Front};
use planc::render::Lang;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff")
}

fn front(source: &str) -> Front<'_> {
    pipeline::front(source).expect("the fixture parses")
}

/// The changes from `old` to `new` (sources).
pub fn changes(old: &str, new: &str, lang: Lang) -> Vec<Change> {
    let (a, b) = (front(old), front(new));
    diff::compare(Plan::of(&a), Plan::of(&b), lang)
}

/// One line per change: `category [item name] [aspect]`.
fn summary(changes: &[Change]) -> Vec<String> {
    changes
        .iter()
        .map(|c| {
            let mut line = c.category.to_string();
            if !c.item.name.is_empty() {
                line.push(' ');
                line.push_str(&c.item.name);
            }
            if let Some(aspect) = c.aspect {
                line.push(' ');
                line.push_str(aspect);
            }
            line
        })
        .collect()
}

fn old_of(dir: &Path) -> String {
    let own = dir.join("old.plan");
    let path = if own.exists() {
        own
    } else {
        fixtures().join("base.plan")
    };
    fs::read_to_string(path).unwrap()
}

#[test]
fn every_fixture_reports_exactly_its_expected_changes() {
    let mut dirs: Vec<PathBuf> = fs::read_dir(fixtures())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 25, "fixtures missing: {dirs:?}");
    let mut failures = Vec::new();
    for dir in &dirs {
        let old = old_of(dir);
        let new = fs::read_to_string(dir.join("new.plan")).unwrap();
        // The fixture's `# PREFIX:` lines against what was found; `optional`:
        // no such line means no expectation.
        let mut compare = |prefix: &str, got: Vec<String>, optional: bool| {
            let expect: Vec<&str> = new
                .lines()
                .filter_map(|l| l.strip_prefix(prefix))
                .map(str::trim)
                .collect();
            if !(optional && expect.is_empty()) && got != expect {
                failures.push(format!(
                    "{} ({prefix}):\n  expected {expect:?}\n  got      {got:?}",
                    dir.display()
                ));
            }
        };
        let found = changes(&old, &new, Lang::Zh);
        compare("# expect:", summary(&found), false);
        let regions = found.iter().flat_map(|c| &c.regions);
        let regions = regions.map(|r| diff::words::region(r, Lang::Zh)).collect();
        compare("# region:", regions, false);
        let lines = found.iter().map(|c| diff::output::line(c, Lang::Zh));
        compare("# line:", lines.collect(), true);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_category_of_the_issue_has_a_fixture() {
    let mut seen = std::collections::HashSet::new();
    for entry in fs::read_dir(fixtures()).unwrap().flatten() {
        let new = entry.path().join("new.plan");
        if let Ok(text) = fs::read_to_string(new) {
            for line in text.lines().filter_map(|l| l.strip_prefix("# expect:")) {
                seen.insert(line.split_whitespace().next().unwrap_or("").to_string());
            }
        }
    }
    let missing: Vec<&str> = diff::Category::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !c.starts_with("plan-") && !seen.contains(*c))
        .collect();
    assert!(missing.is_empty(), "no fixture for {missing:?}");
}

#[test]
fn a_plan_compared_with_itself_has_no_changes() {
    for entry in fs::read_dir(fixtures()).unwrap().flatten() {
        let path = entry.path().join("new.plan");
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        assert_eq!(
            changes(&text, &text, Lang::Zh),
            vec![],
            "{}",
            path.display()
        );
    }
}

#[test]
fn swapping_the_sides_reports_the_opposite_changes() {
    let base = fs::read_to_string(fixtures().join("base.plan")).unwrap();
    let new = fs::read_to_string(fixtures().join("step-removed/new.plan")).unwrap();
    let back = summary(&changes(&new, &base, Lang::Zh));
    assert_eq!(back, ["external-added police", "step-added command"]);
}

/// The fixture pair of `name` as a `FileDiff` for the writers.
fn pair_report(name: &str, lang: Lang, write: impl Fn(&[FileDiff], Lang) -> String) -> String {
    let dir = fixtures().join(name);
    let old = old_of(&dir);
    let new = fs::read_to_string(dir.join("new.plan")).unwrap();
    let changes = changes(&old, &new, lang);
    let file = FileDiff {
        old: Source {
            path: "old.plan",
            text: &old,
        },
        new: Source {
            path: "new.plan",
            text: &new,
        },
        changes: &changes,
    };
    write(&[file], lang)
}

#[test]
fn reports_in_every_format() {
    let name = "revision";
    let human = diff::human::render;
    let markdown = diff::markdown::render;
    insta::assert_snapshot!("human_zh", pair_report(name, Lang::Zh, human));
    insta::assert_snapshot!("human_en", pair_report(name, Lang::En, human));
    insta::assert_snapshot!("markdown_zh", pair_report(name, Lang::Zh, markdown));
    insta::assert_snapshot!("markdown_en", pair_report(name, Lang::En, markdown));
    insta::assert_snapshot!("json", pair_report(name, Lang::Zh, diff::json::render));
}

/// Whether `trigger` fires in `simulate` with these `--set` facts; `None`
/// when a fact or value is not in this plan.
fn fires(source: &str, trigger: &str, set: &[String]) -> Option<bool> {
    let f = front(source);
    let facts = planc::simulate::Facts::parse(&f.model, set).ok()?;
    let sim = planc::simulate::run(&f.model, &f.graphs, facts, None);
    let outcome = sim
        .triggers
        .iter()
        .find(|o| f.model.name(&f.model.trigger(o.trigger).named) == trigger)?;
    Some(outcome.fired)
}

#[test]
fn condition_regions_agree_with_simulate() {
    let mut checked = 0;
    for name in [
        "condition-changed",
        "condition-regions",
        "condition-named",
        "v1",
    ] {
        let dir = fixtures().join(name);
        let old = old_of(&dir);
        let new = fs::read_to_string(dir.join("new.plan")).unwrap();
        // The fixtures keep the triggers' names.
        for change in changes(&old, &new, Lang::Zh) {
            for region in &change.regions {
                // The region's example point; a fact only one plan has is
                // set on that side only.
                let set: Vec<String> = region
                    .facts
                    .iter()
                    .filter_map(|f| f.example.clone())
                    .collect();
                let on = |source: &str| {
                    let f = front(source);
                    set.iter()
                        .filter(|s| {
                            planc::simulate::Facts::parse(&f.model, &[s.to_string()]).is_ok()
                        })
                        .cloned()
                        .collect::<Vec<_>>()
                };
                let before = fires(&old, &change.item.name, &on(&old));
                let after = fires(&new, &change.item.name, &on(&new));
                assert_eq!(before, Some(region.before), "{name}: {region:?} {set:?}");
                assert_eq!(after, Some(region.after), "{name}: {region:?} {set:?}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 4, "{checked} regions checked");
}

// The synthetic plans of the benchmarks, revised in a share of their items.
#[allow(dead_code)]
#[path = "../benches/support/synth/mod.rs"]
mod synth;

type Deadline = (String, Option<u64>, Option<u64>, Vec<String>);

/// The deadline changes as the definition reads: every trigger's checklist
/// on both sides, written out whole (`Checklists`), compared step by step.
fn deadlines_by_definition(old: &str, new: &str) -> std::collections::BTreeSet<Deadline> {
    use planc::logic::schedule::{Checklists, Schedule};
    use std::collections::{BTreeMap, BTreeSet, HashMap};
    let (a, b) = (front(old), front(new));
    let lists = |f: &Front| Checklists::build(&f.model, &f.graphs, &Schedule::build(&f.model));
    let (la, lb) = (lists(&a), lists(&b));
    let mut changed: BTreeMap<(String, Option<u64>, Option<u64>), BTreeSet<String>> =
        BTreeMap::new();
    for t in a.model.trigger_ids() {
        let name = a.model.name(&a.model.trigger(t).named);
        let Some(planc::model::Symbol::Trigger(u)) = b.model.symbols.get(name) else {
            continue;
        };
        let before: HashMap<&str, Option<u64>> = la
            .of(t)
            .steps
            .iter()
            .map(|s| {
                (
                    a.model.name(&a.model.step(s.step).named),
                    s.due.map(|d| d.seconds),
                )
            })
            .collect();
        for s in &lb.of(*u).steps {
            let step = b.model.name(&b.model.step(s.step).named);
            let now = s.due.map(|d| d.seconds);
            if let Some(&was) = before.get(step)
                && was != now
            {
                changed
                    .entry((step.to_string(), was, now))
                    .or_default()
                    .insert(name.to_string());
            }
        }
    }
    changed
        .into_iter()
        .map(|((s, a, b), ts)| (s, a, b, ts.into_iter().collect()))
        .collect()
}

#[test]
fn deadline_changes_are_those_of_every_checklist_written_out() {
    let (mut compared, mut conditions) = (0, 0);
    for (roles, percent, seed) in [(40, 10, 1), (60, 20, 2), (24, 40, 3)] {
        let old = synth::generate(roles, seed, synth::Forms::PLANC).planc;
        let (new, revised) = synth::revise(&old, percent, seed);
        assert!(revised.deadlines > 0, "{revised:?}");
        conditions += revised.conditions;
        let seconds = |v: &Option<diff::Sided>| match v.as_ref().map(|s| &s.value) {
            Some(diff::Value::Duration(d)) => Some(d.0),
            _ => None,
        };
        let got: std::collections::BTreeSet<Deadline> = changes(&old, &new, Lang::Zh)
            .into_iter()
            .filter(|c| {
                matches!(
                    c.category,
                    diff::Category::DeadlineTightened | diff::Category::DeadlineLoosened
                )
            })
            .map(|c| {
                let mut ts: Vec<String> = c.triggers.iter().map(|t| t.name.clone()).collect();
                ts.sort();
                (c.item.name.clone(), seconds(&c.old), seconds(&c.new), ts)
            })
            .collect();
        let expected = deadlines_by_definition(&old, &new);
        assert!(!expected.is_empty());
        assert_eq!(got, expected, "roles={roles} percent={percent}");
        compared += expected.len();
    }
    assert!(compared > 10 && conditions > 0, "{compared} {conditions}");
}

#[test]
fn a_condition_that_reads_the_same_says_why_it_changed_in_english() {
    let dir = fixtures().join("condition-named");
    let old = old_of(&dir);
    let new = fs::read_to_string(dir.join("new.plan")).unwrap();
    let lines: Vec<String> = changes(&old, &new, Lang::En)
        .iter()
        .map(|c| diff::output::line(c, Lang::En))
        .collect();
    assert_eq!(
        lines[1],
        "任一突发情形 (any): \"集体上访 or 极端行为\" (same words; a trigger or fact it names changed)"
    );
}
