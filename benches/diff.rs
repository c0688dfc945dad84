//! `planc diff` of two synthetic plans of about 10 MB that differ in about
//! 1 % of their items, against `planc check` of one of them (the target:
//! under twice its time).
//!
//! `cargo bench --bench diff -- --quick` (about a minute) or without
//! `--quick` for criterion's full statistics. It ends with one line:
//! `diff bytes=… changes=… check_ms=… diff_ms=… diff_over_check=…` — medians
//! of criterion's samples. The diff is timed from the two texts to the list
//! of changes, as the command runs it: both plans parsed and resolved (at
//! the same time, on two threads), then compared. See docs/performance.md.

// Only the planc form and `revise` are used here.
#[allow(dead_code)]
#[path = "support/synth/mod.rs"]
mod synth;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use planc::config::Config;
use planc::diff::{self, Change, Plan};
use planc::pipeline;
use planc::render::Lang;

const SEED: u64 = 2026;

/// What `planc diff OLD NEW` does between reading the files and writing.
fn diff(old: &str, new: &str) -> Vec<Change> {
    let (a, b) = rayon::join(|| pipeline::front(old), || pipeline::front(new));
    let (Ok(a), Ok(b)) = (a, b) else {
        return Vec::new();
    };
    diff::compare(Plan::of(&a), Plan::of(&b), Lang::Zh)
}

/// Per-iteration times of every sample criterion took.
#[derive(Default)]
struct Samples(Vec<f64>);

impl Samples {
    fn median(&self) -> Option<f64> {
        let mut v = self.0.clone();
        v.sort_by(f64::total_cmp);
        (!v.is_empty()).then(|| v[v.len() / 2])
    }
}

fn timed<T>(samples: &mut Samples, iters: u64, mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    for _ in 0..iters {
        black_box(f());
    }
    let elapsed = start.elapsed();
    samples.0.push(elapsed.as_secs_f64() / iters.max(1) as f64);
    elapsed
}

fn main() {
    let mut c = Criterion::default()
        .nresamples(10_000)
        .configure_from_args();
    let roles = synth::roles_for_bytes(10_000_000, SEED);
    let old = synth::generate(roles, SEED, synth::Forms::PLANC).planc;
    let (new, revised) = synth::revise(&old, 1, SEED);
    let changes = diff(&old, &new);
    let config = Config::default();

    let (mut check, mut compared) = (Samples::default(), Samples::default());
    let mut group = c.benchmark_group("diff=10MB");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .throughput(Throughput::Bytes(old.len() as u64));
    group.bench_function("planc_check", |b| {
        b.iter_custom(|n| timed(&mut check, n, || planc::check_source(&old, &config)))
    });
    group.bench_function("planc_diff", |b| {
        b.iter_custom(|n| timed(&mut compared, n, || diff(&old, &new)))
    });
    group.finish();
    c.final_summary();

    println!(
        "revised: {} holders, {} deadlines, {} conditions, {} routines ({} items)",
        revised.holders,
        revised.deadlines,
        revised.conditions,
        revised.routines,
        revised.total()
    );
    if let (Some(check), Some(compared)) = (check.median(), compared.median()) {
        println!(
            "diff bytes={} changes={} check_ms={:.0} diff_ms={:.0} diff_over_check={:.2}",
            old.len(),
            changes.len(),
            check * 1e3,
            compared * 1e3,
            compared / check
        );
    }
}
