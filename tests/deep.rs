//! Long chains, built in memory, go through the whole pipeline without
//! recursion. Correctness, not timing: a stage that recursed on the depth of
//! a chain would overflow the test thread's small stack.
//!
//! One plan holds both shapes, each a "lollipop": a long chain whose far end
//! loops back into its middle, so the checks must walk an open chain and
//! report a long loop.
//! - 100,000 steps: `s0` … `s99999`, each `after` the one before, and
//!   `s50000` also after `s99999`.
//! - 20,000 roles: `r0` escalates to `leader`, each other to the one before,
//!   and `r10000` also to `r19999`.

use planc::config::Config;
use planc::diagnostic::{Code, Diagnostic};
use planc::lang::Lang;

const STEPS: usize = 100_000;
const ROLES: usize = 20_000;

fn plan() -> String {
    let mut plan = String::from(
        r#"plan "长链预案" { issuer "测试单位"; commander leader }
role leader "领导小组组长" { holder "张三" }
role office "信访工作办公室" { holder "李四"; escalates to leader }
fact visitors "到场上访人数": count
trigger mass_visit "集体上访" when visitors >= 50
drill annual "应急演练" { owner office; with leader; every 1y }
role r0 "" { escalates to leader }
"#,
    );
    for i in 1..ROLES {
        let back = if i == ROLES / 2 {
            format!(" escalates to r{}", ROLES - 1)
        } else {
            String::new()
        };
        plan.push_str(&format!("role r{i}\"\"{{escalates to r{}{back}}}\n", i - 1));
    }
    plan.push_str("step s0 \"\" { owner office; on mass_visit; within 10m; with r0 }\n");
    for i in 1..STEPS {
        let within = if i == STEPS / 2 - 1 { " within 5m" } else { "" };
        let back = if i == STEPS / 2 {
            format!(", s{}", STEPS - 1)
        } else {
            String::new()
        };
        plan.push_str(&format!(
            "step s{i}\"\"{{owner office after s{}{back}{within}}}\n",
            i - 1
        ));
    }
    plan
}

/// The plan's checks, with the step-reachability check off: a step on a
/// loop cannot run, which is not what this test is about.
fn check(source: &str) -> Vec<Diagnostic> {
    let mut config = Config::default();
    config.severities.insert(Code::UnreachableStep, None);
    planc::check_source(source, &config)
}

#[test]
fn long_chains_and_loops_are_checked_without_recursion() {
    let diagnostics = check(&plan());
    let codes: Vec<Code> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        [
            Code::EscalationCycle,
            Code::DeadlineInversion,
            Code::StepCycle
        ]
    );

    // The escalation loop r10000 → r19999 → … → r10000: r10000 is the
    // closest to the commander, so its edge back down is the one to cut.
    let cycle = &diagnostics[0];
    assert_eq!(cycle.secondary().len(), ROLES / 2 - 1);
    assert_eq!(
        cycle.help.as_ref().map(|h| h.text(Lang::En)).as_deref(),
        Some(
            format!(
                "remove `escalates to r{}` from `r{}`: `r{1}` is the closest of these roles to the commander `leader`, so this edge leads back down",
                ROLES - 1,
                ROLES / 2
            )
            .as_str()
        )
    );

    // s49999 is due in 5m but waits, through 49,998 steps, for s0 (10m).
    let inversion = &diagnostics[1];
    assert_eq!(
        inversion.message.text(Lang::En),
        format!(
            "step `s{}` is due within 5m, sooner than `s0` (10m), which it comes after through `s{}`",
            STEPS / 2 - 1,
            STEPS / 2 - 2
        )
    );

    // The step loop s50000 → … → s99999 → s50000: every `after` of it is labelled.
    let loop_ = &diagnostics[2];
    assert_eq!(loop_.secondary().len(), STEPS / 2 - 1);
    assert_eq!(
        loop_.help.as_ref().map(|h| h.text(Lang::En)).as_deref(),
        Some(
            format!(
                "remove `s{}` from the `after` of `s{}`: `s{1}` is the first of these steps in the plan, and waiting for a later one closes the loop",
                STEPS - 1,
                STEPS / 2
            )
            .as_str()
        )
    );
}
