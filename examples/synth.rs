//! Writes a synthetic plan in its three forms, for profiling and for timing
//! the binary: `cargo run --release --example synth -- MEGABYTES DIR [SEED]`
//! writes DIR/synth.plan, DIR/synth.toml and DIR/synth.json; `roles=N` for
//! MEGABYTES gives N roles (and 10·N steps) instead of a size. A fourth
//! argument `revise=PERCENT` also writes DIR/synth-revised.plan, the plan
//! with that share of its items revised (what `benches/diff.rs` compares).

#[path = "../benches/support/synth/mod.rs"]
mod synth;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let size = args.first().map(String::as_str).unwrap_or("");
    let seed = args.get(2).map_or(Some(1), |s| s.parse::<u64>().ok());
    let roles = match (size.strip_prefix("roles="), size.parse::<f64>(), seed) {
        (Some(n), _, Some(_)) => n.parse().unwrap_or(0),
        (None, Ok(mb), Some(seed)) => synth::roles_for_bytes((mb * 1e6) as usize, seed),
        _ => 0,
    };
    let (Some(dir), Some(seed), true) = (args.get(1), seed, roles > 0) else {
        eprintln!("usage: synth MEGABYTES|roles=N DIR [SEED]");
        std::process::exit(2);
    };
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
    if let Some(percent) = args.get(3).and_then(|a| a.strip_prefix("revise="))
        && let Ok(percent) = percent.parse::<u64>()
    {
        let (revised, what) = synth::revise(&plan.planc, percent, seed);
        let path = dir.join("synth-revised.plan");
        if let Err(e) = std::fs::write(&path, revised) {
            eprintln!("{}: {e}", path.display());
            std::process::exit(1);
        }
        println!("revised {} items: {what:?}", what.total());
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
