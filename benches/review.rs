//! The reviewer's checks and `planc triggers` on a decision table of 1,500
//! triggers over 5 facts (the size the DMN verification literature uses:
//! Calvanese et al. report overlaps of 1,500 rules × 5 columns in < 3 s).
//!
//! `cargo bench --bench review` prints one line per stage, each the median
//! of 5 runs after an untimed one:
//! `stage=… ms=…` and the sizes (`rows=…`, `findings=…`). See docs/performance.md.
//! `cargo bench --bench review -- --write DIR` also writes the plan to
//! `DIR/review.plan` (to time the binary on it); `-- --plan FILE` times the
//! same stages on another plan.

use std::fmt::Write;
use std::hint::black_box;
use std::time::Instant;

use planc::check::{Context, Rule, rules};
use planc::config::Config;
use planc::logic::{Conditions, decision_table};
use planc::render::{Lang, triggers};

const KINDS: usize = 9;
/// Visitors, injured and hours bands: [from, to) with `None` open above.
const VISITORS: &[(u64, Option<u64>)] = &[
    (5, Some(20)),
    (20, Some(50)),
    (50, Some(100)),
    (100, Some(300)),
    (300, None),
];
const INJURED: &[(u64, Option<u64>)] = &[(0, Some(1)), (1, Some(5)), (5, None)];
const HOURS: &[(u64, Option<u64>)] = &[
    (0, Some(2)),
    (2, Some(6)),
    (6, Some(12)),
    (12, Some(24)),
    (24, None),
];
const LEVELS: [&str; 4] = ["I", "II", "III", "IV"];

fn band(fact: &str, (from, to): (u64, Option<u64>)) -> Vec<String> {
    let mut parts = Vec::new();
    if from > 0 {
        parts.push(format!("{fact} >= {from}"));
    }
    if let Some(to) = to {
        parts.push(format!("{fact} < {to}"));
    }
    parts
}

/// A grading table as a plan: 1,350 rules that tile kind × visitors ×
/// injured × hours × media, and 150 broader rules over the same thresholds.
fn plan() -> String {
    let mut p = String::new();
    p.push_str("plan \"聚集事件分级响应表\" { issuer \"某市信访局\"; date 2025-01-01; commander leader }\n");
    p.push_str("role leader \"领导小组组长\" { holder \"张三\" }\n");
    p.push_str("role office \"信访办\" { holder \"李四\"; escalates to leader within 10m }\n");
    for (l, label) in LEVELS.iter().zip(["特别重大", "重大", "较大", "一般"]) {
        let _ = writeln!(p, "level {l} \"{label}\"");
    }
    p.push_str("fact visitors \"到场人数\": count\nfact injured \"受伤人数\": count\n");
    p.push_str("fact hours \"持续小时数\": count\nfact media \"媒体已介入\": flag\n");
    let kinds: Vec<String> = (0..KINDS).map(|k| format!("k{k} \"类别{k}\"")).collect();
    let _ = writeln!(
        p,
        "fact kind \"事件类别\": one_of {{ {} }}",
        kinds.join(", ")
    );
    let mut names = Vec::new();
    let mut rule = |p: &mut String, parts: Vec<String>, level: usize| {
        let name = format!("t{}", names.len());
        let _ = writeln!(
            p,
            "trigger {name} \"规则{}\" when {} level {}",
            names.len(),
            parts.join(" and "),
            LEVELS[level.min(3)]
        );
        names.push(name);
    };
    for k in 0..KINDS {
        for (v, &vb) in VISITORS.iter().enumerate() {
            for (j, &jb) in INJURED.iter().enumerate() {
                for (h, &hb) in HOURS.iter().enumerate() {
                    for media in [false, true] {
                        let mut parts = vec![format!("kind in {{ k{k} }}")];
                        parts.extend(band("visitors", vb));
                        parts.extend(band("injured", jb));
                        parts.extend(band("hours", hb));
                        parts.push(if media { "media" } else { "not media" }.into());
                        let score = v + j + h / 2 + usize::from(media);
                        rule(&mut p, parts, 3usize.saturating_sub(score / 2));
                    }
                }
            }
        }
    }
    let thresholds = |bands: &[(u64, Option<u64>)]| -> Vec<u64> {
        bands.iter().map(|b| b.0).filter(|&t| t > 0).collect()
    };
    let (tv, tj, th) = (thresholds(VISITORS), thresholds(INJURED), thresholds(HOURS));
    for k in 0..KINDS {
        for (i, t) in tv.iter().enumerate() {
            rule(
                &mut p,
                vec![format!("kind in {{ k{k} }}"), format!("visitors >= {t}")],
                4 - i,
            );
        }
        for (i, t) in tj.iter().enumerate() {
            rule(
                &mut p,
                vec![format!("kind in {{ k{k} }}"), format!("injured >= {t}")],
                3 - i,
            );
        }
        for (i, t) in th.iter().enumerate() {
            rule(
                &mut p,
                vec![format!("kind in {{ k{k} }}"), format!("hours >= {t}")],
                3 - i,
            );
        }
        rule(
            &mut p,
            vec![format!("kind in {{ k{k} }}"), "media".into()],
            3,
        );
    }
    for (i, v) in tv.iter().enumerate() {
        for (j, t) in tj.iter().enumerate() {
            rule(
                &mut p,
                vec![format!("visitors >= {v}"), format!("injured >= {t}")],
                3 - (i + j) / 2,
            );
        }
        for (j, t) in th.iter().enumerate() {
            rule(
                &mut p,
                vec![format!("visitors >= {v}"), format!("hours >= {t}")],
                3 - (i + j) / 2,
            );
        }
        rule(
            &mut p,
            vec![format!("visitors >= {v}"), "media".into()],
            3 - i / 2,
        );
    }
    for t in &th {
        rule(&mut p, vec![format!("hours >= {t}"), "media".into()], 3);
    }
    for t in &tj {
        rule(&mut p, vec![format!("injured >= {t}"), "media".into()], 2);
    }
    rule(&mut p, vec!["injured >= 5".into(), "hours >= 24".into()], 0);
    assert_eq!(names.len(), 1_500, "the table has 1,500 rules");
    let _ = writeln!(
        p,
        "step report \"上报\" {{ owner office; on {}; within 10m; notify leader }}",
        names.join(", ")
    );
    p.push_str("drill annual \"演练\" { owner office; with leader; every 1y }\n");
    p
}

/// The median of 5 timed runs, after an untimed one, in milliseconds.
fn time<T>(mut f: impl FnMut() -> T) -> (f64, T) {
    let out = f();
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[2], out)
}

/// The checks of issue 15 (the placeholder rule is part of `unassigned-role`).
const NEW: [&Rule; 9] = [
    &rules::self_deputy::RULE,
    &rules::deputy_same_holder::RULE,
    &rules::unassigned_deputy::RULE,
    &rules::unassigned_role::RULE,
    &rules::notify_owner::RULE,
    &rules::unused_level::RULE,
    &rules::always_true_trigger::RULE,
    &rules::level_order::RULE,
    &rules::trigger_gap::RULE,
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `--plan FILE`: time the same stages on another plan.
    let source = match args.iter().position(|a| a == "--plan") {
        Some(at) => std::fs::read_to_string(&args[at + 1]).expect("read the plan"),
        None => plan(),
    };
    if let Some(at) = args.iter().position(|a| a == "--write")
        && let Some(dir) = args.get(at + 1)
    {
        let path = std::path::Path::new(dir).join("review.plan");
        std::fs::write(&path, &source).expect("write the plan");
        println!("wrote {}", path.display());
    }
    let config = Config::default();
    let compiled = planc::pipeline::compile(&source, &config);
    let (Some(model), Some(graphs)) = (&compiled.model, &compiled.graphs) else {
        panic!("the plan compiles");
    };
    println!(
        "plan triggers={} facts={} bytes={}",
        model.triggers.len(),
        model.facts.len(),
        source.len()
    );

    let (ms, findings) = time(|| {
        let ctx = Context::new(model, graphs, &config);
        let mut out = planc::diagnostic::Findings::new();
        for rule in NEW {
            (rule.run)(&ctx, &mut out);
        }
        out
    });
    let mut by_code: Vec<String> = findings.iter().map(|d| d.code.to_string()).collect();
    by_code.dedup();
    println!(
        "stage=new_checks ms={ms:.1} findings={} codes={}",
        findings.len(),
        by_code.join(",")
    );
    for rule in NEW {
        let (ms, n) = time(|| {
            let ctx = Context::new(model, graphs, &config);
            let mut out = planc::diagnostic::Findings::new();
            (rule.run)(&ctx, &mut out);
            out.len()
        });
        println!("stage=rule code={} ms={ms:.1} findings={n}", rule.code);
    }
    let (ms, rows) = time(|| {
        let conditions = Conditions::of(model, graphs);
        match decision_table(model, &conditions) {
            Ok(table) => {
                let md = triggers::markdown(model, &table, Lang::Zh);
                (table.rows.len(), md.len())
            }
            Err(_) => (0, 0),
        }
    });
    println!(
        "stage=triggers_md ms={ms:.1} rows={} bytes={}",
        rows.0, rows.1
    );
    let (ms, _) = time(|| planc::check_source(&source, &config));
    println!("stage=check_all ms={ms:.1}");
}
