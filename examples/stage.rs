//! Runs one stage on a file, for profiling (perf, callgrind) and for A/B of
//! code changes by instruction count:
//! `cargo run --release --example stage -- check|report|parse|model|toml|json FILE [TIMES]`
//! (`report`: check and write the human report in English to nowhere, as
//! `planc check` does and `cargo bench --bench attack -- memory` measures).

use std::hint::black_box;

/// The `planc` binary's allocator, so a profile is of what runs.
#[global_allocator]
static ALLOCATOR: planc::allocator::Binary = planc::allocator::BINARY;

#[path = "../benches/support/report.rs"]
mod report;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(stage), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: stage check|report|parse|model|toml|json FILE [TIMES]");
        std::process::exit(2);
    };
    let times: usize = args.get(2).and_then(|t| t.parse().ok()).unwrap_or(1);
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    if let Some(n) = std::env::var("PLANC_THREADS")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    let config = planc::config::Config::default();
    for _ in 0..times {
        match stage.as_str() {
            "check" => drop(black_box(planc::pipeline::check_packed(&text, &config))),
            "report" => drop(black_box(report::check_and_report(&text))),
            "parse" => drop(black_box(planc::syntax::parse(&text))),
            "model" => {
                let parsed = planc::syntax::parse(&text);
                drop(black_box(planc::model::build_owned(parsed.file)));
            }
            "toml" => drop(black_box(text.parse::<toml::Table>())),
            "json" => drop(black_box(serde_json::from_str::<serde_json::Value>(&text))),
            other => {
                eprintln!("unknown stage {other}");
                std::process::exit(2);
            }
        }
    }
}
