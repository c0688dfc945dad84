//! planc against the `toml` and `serde_json` crates on the same synthetic plan
//! at about 1 MB, 10 MB and 50 MB of planc source, plus the full check of a
//! plan of 100,000 steps and 10,000 roles and of each bundled plan.
//!
//! `cargo bench --bench throughput -- --quick` (under a minute) or without
//! `--quick` for criterion's full statistics. It ends with one line per size:
//! `size=10MB threads=… check_MBps=… parse_MBps=… toml_MBps=… json_MBps=… ratio_check_over_toml=… ratio_one_thread=… peak_heap_over_input=…`
//! MB is 10^6 bytes; each MB/s is of that form's own bytes; the ratio is planc's
//! full-check time (on `threads` threads, as the binary runs) over toml's parse
//! time for the same plan, `ratio_one_thread` the same on one; the peak heap is
//! what `check_source` allocates at its peak beyond the input it is handed.
//! Times are medians of criterion's samples (parse and drop of the result);
//! with `--quick`, 50 MB is timed once per stage. `PLANC_BENCH_ALL_PEAKS=1`
//! also prints toml's and serde_json's peak heap. See docs/performance.md.

#[path = "support/counting.rs"]
mod counting;
#[path = "support/synth/mod.rs"]
mod synth;

use std::hint::black_box;
use std::time::{Duration, Instant};

use counting::Counting;
use criterion::{Criterion, Throughput};
use planc::config::Config;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes allocated at the peak of `f`, beyond what was live before it.
fn peak_heap<T>(f: impl FnOnce() -> T) -> usize {
    let before = counting::in_use();
    counting::peak_during(f) - before
}

/// Per-iteration times of every sample criterion took of one benchmark.
#[derive(Default)]
struct Samples(Vec<f64>);

impl Samples {
    fn median(&self) -> Option<f64> {
        let mut v = self.0.clone();
        v.sort_by(f64::total_cmp);
        (!v.is_empty()).then(|| v[v.len() / 2])
    }
}

/// Times `iters` runs of `f` and records the time per run.
fn timed<T>(samples: &mut Samples, iters: u64, mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    for _ in 0..iters {
        black_box(f());
    }
    let elapsed = start.elapsed();
    samples.0.push(elapsed.as_secs_f64() / iters.max(1) as f64);
    elapsed
}

/// A benchmark of `f` whose samples are also kept in `samples`. It runs `f`
/// once untimed first: with `--quick`, a 50 MB stage is timed once, and the
/// first touches of fresh memory are not the stage's but the process's.
fn timed_bench<T>(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    id: &str,
    samples: &mut Samples,
    mut f: impl FnMut() -> T,
) {
    let mut warm = false;
    group.bench_function(id, |b| {
        if !warm {
            warm = true;
            drop(black_box(f()));
        }
        b.iter_custom(|n| timed(samples, n, &mut f))
    });
}

struct SizeResult {
    label: &'static str,
    planc_bytes: usize,
    toml_bytes: usize,
    json_bytes: usize,
    check: Samples,
    /// The check on one thread (`PLANC_THREADS=1`).
    check_one: Samples,
    parse: Samples,
    toml: Samples,
    json: Samples,
    peak: usize,
}

const SEED: u64 = 2026;

fn sizes(c: &mut Criterion, results: &mut Vec<SizeResult>) {
    let config = Config::default();
    let Ok(one_thread) = rayon::ThreadPoolBuilder::new().num_threads(1).build() else {
        return;
    };
    for (megabytes, label) in [(1, "1MB"), (10, "10MB"), (50, "50MB")] {
        let roles = synth::roles_for_bytes(megabytes * 1_000_000, SEED);
        let plan = synth::generate(roles, SEED, synth::Forms::ALL);
        let mut r = SizeResult {
            label,
            planc_bytes: plan.planc.len(),
            toml_bytes: plan.toml.len(),
            json_bytes: plan.json.len(),
            check: Samples::default(),
            check_one: Samples::default(),
            parse: Samples::default(),
            toml: Samples::default(),
            json: Samples::default(),
            peak: 0,
        };
        let mut group = c.benchmark_group(format!("size={label}"));
        // With `--quick` criterion stops at this time (at 50 MB, after one run);
        // without, it takes 10 samples whatever the time.
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(1));
        group.throughput(Throughput::Bytes(r.planc_bytes as u64));
        timed_bench(&mut group, "planc_check", &mut r.check, || {
            planc::check_source(&plan.planc, &config)
        });
        timed_bench(
            &mut group,
            "planc_check_one_thread",
            &mut r.check_one,
            || one_thread.install(|| planc::check_source(&plan.planc, &config)),
        );
        timed_bench(&mut group, "planc_parse", &mut r.parse, || {
            planc::syntax::parse(&plan.planc)
        });
        group.throughput(Throughput::Bytes(r.toml_bytes as u64));
        timed_bench(&mut group, "toml_table", &mut r.toml, || {
            plan.toml.parse::<toml::Table>()
        });
        group.throughput(Throughput::Bytes(r.json_bytes as u64));
        timed_bench(&mut group, "serde_json_value", &mut r.json, || {
            serde_json::from_str::<serde_json::Value>(&plan.json)
        });
        group.finish();
        r.peak = peak_heap(|| planc::check_source(&plan.planc, &config));
        println!(
            "size={label}: {} roles, {} steps, {} triggers; planc {} B, toml {} B, json {} B",
            plan.roles, plan.steps, plan.triggers, r.planc_bytes, r.toml_bytes, r.json_bytes,
        );
        // The others' peaks, for comparison (two more runs each size).
        if std::env::var_os("PLANC_BENCH_ALL_PEAKS").is_some() {
            let toml_peak = peak_heap(|| plan.toml.parse::<toml::Table>());
            let json_peak = peak_heap(|| serde_json::from_str::<serde_json::Value>(&plan.json));
            println!(
                "size={label}: peak heap over its input: planc {:.2}, toml {:.2}, json {:.2}",
                r.peak as f64 / r.planc_bytes as f64,
                toml_peak as f64 / r.toml_bytes as f64,
                json_peak as f64 / r.json_bytes as f64,
            );
        }
        results.push(r);
    }
}

/// The issue-3 target: 100,000 steps and 10,000 roles, fully checked.
fn hundred_thousand_steps(c: &mut Criterion) -> Option<String> {
    let plan = synth::generate(10_000, SEED, synth::Forms::PLANC);
    let config = Config::default();
    let mut samples = Samples::default();
    let mut group = c.benchmark_group("steps=100000,roles=10000");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(1))
        .throughput(Throughput::Bytes(plan.planc.len() as u64));
    timed_bench(&mut group, "planc_check", &mut samples, || {
        planc::check_source(&plan.planc, &config)
    });
    group.finish();
    let ms = samples.median()? * 1e3;
    Some(format!(
        "plan steps={} roles={} bytes={} check_ms={ms:.0}",
        plan.steps,
        plan.roles,
        plan.planc.len()
    ))
}

/// Each bundled plan, checked in-process (the binary's end-to-end time is
/// measured with hyperfine: see docs/performance.md).
fn bundled(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("bundled");
    group
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(500));
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/plans");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "plan"))
        .collect();
    paths.sort();
    for path in paths {
        let Ok(source) = std::fs::read_to_string(&path) else {
            continue;
        };
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        group.throughput(Throughput::Bytes(source.len() as u64));
        group.bench_function(name, |b| b.iter(|| planc::check_source(&source, &config)));
    }
    group.finish();
}

fn mbps(bytes: usize, seconds: Option<f64>) -> String {
    seconds.map_or("n/a".into(), |s| format!("{:.1}", bytes as f64 / 1e6 / s))
}

fn main() {
    // Fewer bootstrap resamples than criterion's 100,000: the analysis of a
    // few slow samples need not take longer than taking them.
    let mut c = Criterion::default()
        .nresamples(10_000)
        .configure_from_args();
    let mut results = Vec::new();
    sizes(&mut c, &mut results);
    let hundred = hundred_thousand_steps(&mut c);
    bundled(&mut c);
    c.final_summary();

    if let Some(line) = hundred {
        println!("{line}");
    }
    for r in &results {
        let check = r.check.median();
        let toml = r.toml.median();
        let ratio = |check: Option<f64>| match (check, toml) {
            (Some(c), Some(t)) => format!("{:.2}", c / t),
            _ => "n/a".into(),
        };
        println!(
            "size={} threads={} check_MBps={} parse_MBps={} toml_MBps={} json_MBps={} ratio_check_over_toml={} ratio_one_thread={} peak_heap_over_input={:.2}",
            r.label,
            rayon::current_num_threads(),
            mbps(r.planc_bytes, check),
            mbps(r.planc_bytes, r.parse.median()),
            mbps(r.toml_bytes, toml),
            mbps(r.json_bytes, r.json.median()),
            ratio(check),
            ratio(r.check_one.median()),
            r.peak as f64 / r.planc_bytes as f64,
        );
    }
}
