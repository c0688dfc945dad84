//! The synthetic plans of the benchmarks: deterministic, error-free, and the
//! same plan in all three forms.

#[path = "../benches/support/synth/mod.rs"]
#[allow(dead_code)]
mod synth;

use planc::config::Config;
use planc::diagnostic::Severity;

fn small() -> synth::Plan {
    synth::generate(60, 7, synth::Forms::ALL)
}

#[test]
fn a_synthetic_plan_compiles_without_errors() {
    let plan = small();
    let diagnostics = planc::check_source(&plan.planc, &Config::default());
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            format!(
                "{} {:?}: {}",
                d.code,
                d.primary.span,
                d.message.text(planc::lang::Lang::En)
            )
        })
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_same_seed_gives_the_same_plan_and_another_seed_another() {
    let a = small();
    let b = small();
    assert_eq!(a.planc, b.planc);
    assert_eq!(a.toml, b.toml);
    assert_eq!(a.json, b.json);
    assert_ne!(a.planc, synth::generate(60, 8, synth::Forms::ALL).planc);
}

#[test]
fn toml_and_json_hold_the_same_items() {
    let plan = small();
    let toml: toml::Table = plan.toml.parse().expect("valid TOML");
    let json: serde_json::Value = serde_json::from_str(&plan.json).expect("valid JSON");
    for (key, count) in [
        ("role", plan.roles + 1),
        ("step", plan.steps),
        ("trigger", plan.triggers),
    ] {
        assert_eq!(
            toml[key].as_array().map(Vec::len),
            Some(count),
            "toml {key}"
        );
        assert_eq!(
            json[key].as_array().map(Vec::len),
            Some(count),
            "json {key}"
        );
    }
    let model_steps = plan.planc.matches("\nstep ").count() + plan.planc.matches(" step s").count();
    assert_eq!(model_steps, plan.steps);
}

#[test]
fn size_targets_are_met_roughly() {
    let roles = synth::roles_for_bytes(200_000, 1);
    let plan = synth::generate(roles, 1, synth::Forms::PLANC);
    let ratio = plan.planc.len() as f64 / 200_000.0;
    assert!((0.9..1.1).contains(&ratio), "{ratio}");
    assert_eq!(plan.steps, 10 * plan.roles);
}

/// A plan large enough to be read in parts and checked on several threads
/// gets exactly the findings, in the same order, on one thread and on four.
#[test]
fn a_large_plan_gets_the_same_findings_on_one_thread_and_on_four() {
    let plan = synth::generate(240, 5, synth::Forms::PLANC);
    assert!(
        plan.planc.len() > 2 * 256 * 1024,
        "{} bytes",
        plan.planc.len()
    );
    assert!(plan.steps + plan.roles + plan.triggers >= 2_000);
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        let found = pool.install(|| planc::check_source(&plan.planc, &Config::default()));
        format!("{found:#?}")
    };
    let one = on(1);
    assert!(one.contains("Warning"), "some findings to compare");
    assert!(on(4) == one, "the findings differ on four threads");
}
