//! The hostile shapes of `support/attack.rs` at three sizes each, doubling:
//! the time to check each plan and draw its human report, and the ratio to
//! the size before (about 2 when linear, 4 when quadratic). Figures of
//! docs/robustness.md.
//!
//! `cargo bench --bench attack` prints one line per shape and size:
//! `shape=cycle n=5000 bytes=… ms=… ratio=…`.
//! `cargo bench --bench attack -- broken chain` measures those shapes only.
//! `cargo bench --bench attack -- write DIR` writes every plan to DIR instead
//! (`cycle-5000.plan` …), for `/usr/bin/time -f '%e s %M KB' planc check DIR/…`.
//! `cargo bench --bench attack -- memory` prints, instead of times, the peak
//! heap while checking each long condition (and writing its human report,
//! as `planc check` does, each plan in a fresh process of its own) over its
//! size in bytes (the
//! target, issue 19: at most `PER_BYTE_BOUND` = 10, and the same at each
//! size); a shape over it is marked `OVER` and the run ends with exit 1:
//! `shape=long n=2 bytes=… peak_mb=… per_byte=… ratio=… ok`.
//! `cargo bench --bench attack -- render` renders each trigger shape (chain,
//! star, graded levels, or-chain) as Markdown, HTML and JSON in process and
//! prints the wall and CPU time (each the least of 5 runs), the peak heap
//! and the output's size, with the ratios of CPU time and peak heap to the
//! size before; a ratio over 2.5 at a doubling (not linear or n·log n) is
//! marked `OVER` and the run ends with exit 1:
//! `shape=levels n=4000 ms=… cpu_ms=… peak_mb=… out_mb=… ratio=… ok`.

#[path = "support/attack.rs"]
mod attack;
#[path = "support/counting.rs"]
mod counting;
#[path = "support/report.rs"]
mod report;

use std::hint::black_box;
use std::time::Instant;

use counting::Counting;
use planc::config::Config;
use planc::lang::Lang;
use report::check_and_report;

/// The sizes of each shape: large enough that a quadratic part shows.
fn sizes(shape: &str) -> [usize; 3] {
    match shape {
        "cycle" | "wide" => [5_000, 10_000, 20_000],
        "per-line" => [8_000, 16_000, 32_000],
        "puzzle" => [6, 12, 24],
        "suppressed" => [20_000, 40_000, 80_000],
        "chain" | "star" | "levels" | "or-chain" => [2_000, 4_000, 8_000],
        "long" | "long-or" | "long-not" | "long-mixed" | "long-distinct" | "long-in" => [2, 4, 8],
        "deep" => [100, 200, 250],
        "deep-many" => [1_000, 2_000, 4_000],
        "broken" => [10_000, 20_000, 40_000],
        _ => [2_500, 5_000, 10_000],
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The shapes whose memory grows with one long condition.
const MEMORY_SHAPES: &[&str] = &[
    "long",
    "long-or",
    "long-not",
    "long-mixed",
    "long-distinct",
    "long-in",
];

/// The peak heap while checking a plan may be at most this many times its size.
const PER_BYTE_BOUND: f64 = 10.0;

/// The shapes named on the command line, else those of `default` (every
/// shape when `None`).
fn chosen<'a>(
    named: &'a [&str],
    default: Option<&'a [&str]>,
) -> impl Iterator<Item = &'static attack::Shape> + 'a {
    attack::SHAPES
        .iter()
        .filter(move |shape| match (named, default) {
            ([], Some(default)) => default.contains(&shape.name),
            ([], None) => true,
            _ => named.contains(&shape.name),
        })
}

/// The peak heap while checking each long condition, over its size; false
/// when one was over `PER_BYTE_BOUND`. Each plan is measured in a process
/// of its own (`memory_one`), as `planc check` runs: in one process, what
/// the plans before had left in use (caches made once, rayon's threads:
/// about 0.1 MB) was counted in every later plan's peak, most of it for
/// the smallest (+1.5 bytes a byte for puzzle-6).
fn memory(named: &[&str]) -> bool {
    let mut within = true;
    for shape in chosen(named, Some(MEMORY_SHAPES)) {
        let mut before: Option<f64> = None;
        for n in sizes(shape.name) {
            let Some((bytes, peak)) = measured_alone(shape.name, n) else {
                println!("shape={} n={n} could not be measured", shape.name);
                within = false;
                continue;
            };
            let ratio = before.map_or(String::from("-"), |b| format!("{:.2}", peak / b));
            let per_byte = peak / bytes as f64;
            let fine = per_byte <= PER_BYTE_BOUND;
            within &= fine;
            println!(
                "shape={} n={n} bytes={bytes} peak_mb={:.1} per_byte={per_byte:.1} ratio={ratio} {}  ({})",
                shape.name,
                peak / 1e6,
                if fine { "ok" } else { "OVER" },
                shape.what
            );
            before = Some(peak);
        }
    }
    within
}

/// The size of shape `name` at `n` and its peak heap, measured by this
/// program run again (`memory-one NAME N`).
fn measured_alone(name: &str, n: usize) -> Option<(usize, f64)> {
    let exe = std::env::current_exe().ok()?;
    let out = std::process::Command::new(exe)
        .args(["memory-one", name, &n.to_string()])
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let mut words = text.split_whitespace();
    let bytes = words.next()?.parse().ok()?;
    let peak = words.next()?.parse().ok()?;
    Some((bytes, peak))
}

/// Prints the size of shape `name` at `n` and the peak heap while it is
/// checked and its human report written.
fn memory_one(name: &str, n: usize) {
    let Some(shape) = attack::SHAPES.iter().find(|s| s.name == name) else {
        return;
    };
    // The source itself counts, as `planc check` holds it: read at its
    // size. Generated by appending, it had room for up to twice as much,
    // and that room was counted too (up to 1.0 byte a byte: long, or-chain).
    let source = (shape.plan)(n).into_boxed_str();
    let peak = counting::peak_during(|| check_and_report(black_box(&source)));
    println!("{} {peak}", source.len());
}

/// The shapes whose checklists and role cards once grew with N².
const RENDER_SHAPES: &[&str] = &["chain", "star", "levels", "or-chain"];

/// Doubling a shape's size may at most multiply its time and memory by this.
const DOUBLING_BOUND: f64 = 2.5;

/// Each shape and size is rendered this often; its time is the fastest run.
const RENDER_RUNS: usize = 5;

/// Renders each trigger shape at its sizes; false when one grew faster
/// than `DOUBLING_BOUND` from one size to the next.
fn render(named: &[&str]) -> bool {
    let mut within = true;
    for shape in chosen(named, Some(RENDER_SHAPES)) {
        let mut before: Option<(f64, f64)> = None;
        for n in sizes(shape.name) {
            let source = (shape.plan)(n);
            let (mut ms, mut cpu_ms, mut peak, mut out) = (f64::INFINITY, f64::INFINITY, 0.0, 0);
            // The fastest of a few runs: a busy machine only slows a run down.
            // The verdict reads CPU time, which waiting for a core does not
            // add to (wall time flipped verdicts on the shared machine).
            for _ in 0..RENDER_RUNS {
                let started = Instant::now();
                let cpu_started = cpu_seconds();
                peak = counting::peak_during(|| {
                    out = render_all(black_box(&source));
                }) as f64;
                cpu_ms = cpu_ms.min((cpu_seconds() - cpu_started) * 1e3);
                ms = ms.min(started.elapsed().as_secs_f64() * 1e3);
            }
            let (verdict, ratio) = match before {
                None => ("ok", String::from("-")),
                Some((t, m)) => {
                    let fine = cpu_ms / t <= DOUBLING_BOUND && peak / m <= DOUBLING_BOUND;
                    within &= fine;
                    let verdict = if fine { "ok" } else { "OVER" };
                    (verdict, format!("{:.2}/{:.2}", cpu_ms / t, peak / m))
                }
            };
            println!(
                "shape={} n={n} ms={ms:.1} cpu_ms={cpu_ms:.1} peak_mb={:.1} out_mb={:.1} ratio={ratio} {verdict}  ({})",
                shape.name,
                peak / 1e6,
                out as f64 / 1e6,
                shape.what
            );
            before = Some((cpu_ms, peak));
        }
    }
    within
}

/// The CPU time this process has used (all its threads, user and system).
#[cfg(unix)]
fn cpu_seconds() -> f64 {
    // SAFETY: getrusage writes only into the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return 0.0;
    }
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Elsewhere the wall clock since the first call stands in for it.
#[cfg(not(unix))]
fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64()
}

/// The bytes of the plan's Markdown, HTML and JSON (as `planc render` makes them).
fn render_all(source: &str) -> usize {
    let compiled = planc::pipeline::compile(source, &Config::default());
    let (Some(model), Some(graphs)) = (&compiled.model, &compiled.graphs) else {
        return 0;
    };
    let doc = planc::render::document::Document::build(&compiled.file, model, graphs, Lang::En);
    planc::render::markdown::render(&doc).len()
        + planc::render::html::render(&doc).len()
        + planc::render::json::render(&doc, model).len()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = args.iter().position(|a| a == "write") {
        let dir = std::path::PathBuf::from(args.get(at + 1).map_or("attack", String::as_str));
        std::fs::create_dir_all(&dir).expect("create the folder");
        for shape in attack::SHAPES {
            for n in sizes(shape.name) {
                let path = dir.join(format!("{}-{n}.plan", shape.name));
                std::fs::write(&path, (shape.plan)(n)).expect("write a plan");
                println!("{}", path.display());
            }
        }
        return;
    }
    if let [first, name, n, ..] = args.as_slice()
        && first == "memory-one"
    {
        memory_one(name, n.parse().unwrap_or(0));
        return;
    }
    let named: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| attack::SHAPES.iter().any(|s| s.name == *a))
        .collect();
    if args.iter().any(|a| a == "memory") {
        if !memory(&named) {
            std::process::exit(1);
        }
        return;
    }
    if args.iter().any(|a| a == "render") {
        if !render(&named) {
            std::process::exit(1);
        }
        return;
    }
    for shape in chosen(&named, None) {
        let mut before: Option<f64> = None;
        for n in sizes(shape.name) {
            let source = (shape.plan)(n);
            let started = Instant::now();
            black_box(check_and_report(black_box(&source)));
            let ms = started.elapsed().as_secs_f64() * 1e3;
            let ratio = before.map_or(String::from("-"), |b| format!("{:.2}", ms / b));
            println!(
                "shape={} n={n} bytes={} ms={ms:.1} ratio={ratio}  ({})",
                shape.name,
                source.len(),
                shape.what
            );
            before = Some(ms);
        }
    }
}
