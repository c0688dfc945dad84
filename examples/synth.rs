//! Writes a synthetic plan in its three forms, for profiling and for timing
//! the binary: `cargo run --release --example synth -- MEGABYTES DIR [SEED]`
//! writes DIR/synth.plan, DIR/synth.toml and DIR/synth.json.

#[path = "../benches/support/synth/mod.rs"]
mod synth;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(mb), Some(dir)) = (
        args.first().and_then(|a| a.parse::<f64>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: synth MEGABYTES DIR [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let roles = synth::roles_for_bytes((mb * 1e6) as usize, seed);
    let plan = synth::generate(roles, seed, synth::Forms::ALL);
    let dir = std::path::Path::new(dir);
    for (ext, text) in [
        ("plan", &plan.planc),
        ("toml", &plan.toml),
        ("json", &plan.json),
    ] {
        let path = dir.join(format!("synth.{ext}"));
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("{}: {e}", path.display());
            std::process::exit(1);
        }
    }
    println!(
        "{} roles, {} steps, {} triggers: planc {} B, toml {} B, json {} B",
        plan.roles,
        plan.steps,
        plan.triggers,
        plan.planc.len(),
        plan.toml.len(),
        plan.json.len()
    );
}
