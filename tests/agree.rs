//! Differential tests: the checklists (render), the exercise (simulate) and
//! the checks agree with one another and with a naive reading of "When a
//! step runs" written here (a fixpoint over the steps, nothing shared with
//! planc's schedule), on every bundled plan and on generated plans.

mod support;
#[path = "../benches/support/synth/mod.rs"]
#[allow(dead_code)]
mod synth;

use planc::config::Config;
use planc::decimal::Decimal;
use planc::diagnostic::Code;
use planc::model::{FactType, Model, StepId, TriggerId};
use planc::render::{Document, Lang};
use planc::simulate::{self, Facts, Value};
use support::*;

/// Which steps run when `fired` fire, by the rule as the spec words it:
/// repeat until nothing changes — a step runs when its `on` meets the fired
/// triggers (or it has no `on` but an `after`) and every step of its
/// `after` runs.
/// The triggers a step's `on` names: its own, and (v1) every trigger whose
/// `level` is a level it names — read off the model here, not through
/// `Model::on`, which is under test.
fn naive_on(model: &Model, step: &planc::model::Step) -> Vec<usize> {
    let mut on: Vec<usize> = step.on_direct.iter().map(|t| t.id.index()).collect();
    for level in step.on_levels() {
        on.extend(
            (0..model.triggers.len())
                .filter(|&t| model.triggers[t].level.is_some_and(|l| l.id == level.id)),
        );
    }
    on
}

fn naive_runs(model: &Model, fired: &[bool]) -> Vec<bool> {
    let mut runs = vec![false; model.steps.len()];
    loop {
        let mut changed = false;
        for (i, step) in model.steps.iter().enumerate() {
            if runs[i] {
                continue;
            }
            let on = naive_on(model, step);
            let own = if on.is_empty() {
                !step.after.is_empty()
            } else {
                on.iter().any(|&t| fired[t])
            };
            if own && step.after.iter().all(|p| runs[p.id.index()]) {
                runs[i] = true;
                changed = true;
            }
        }
        if !changed {
            return runs;
        }
    }
}

/// The phase of each step by the rule: 0 without `after`, else one more
/// than the latest of its `after` steps (steps in cycles: none).
fn naive_phases(model: &Model) -> Vec<Option<u32>> {
    let mut phase: Vec<Option<u32>> = vec![None; model.steps.len()];
    loop {
        let mut changed = false;
        for (i, step) in model.steps.iter().enumerate() {
            if phase[i].is_some() {
                continue;
            }
            let preds: Option<Vec<u32>> = step.after.iter().map(|p| phase[p.id.index()]).collect();
            if let Some(preds) = preds {
                phase[i] = Some(preds.into_iter().map(|p| p + 1).max().unwrap_or(0));
                changed = true;
            }
        }
        if !changed {
            return phase;
        }
    }
}

fn step_named(model: &Model, name: &str) -> StepId {
    model
        .step_ids()
        .find(|s| model.name(&model.step(*s).named) == name)
        .unwrap_or_else(|| panic!("no step {name}"))
}

fn trigger_named(model: &Model, name: &str) -> TriggerId {
    model
        .trigger_ids()
        .find(|t| model.name(&model.trigger(*t).named) == name)
        .unwrap_or_else(|| panic!("no trigger {name}"))
}

/// Each running step's latest due time in seconds by the rule: of the
/// deadlines that hold for the triggers that set it off (a `for` deadline
/// when it names one of them; a plain one when one of them has no `for` of
/// its own), the earliest, each counted from its `from` step's due time or
/// from the moment the plan is set off. Repeated until nothing changes.
fn naive_dues(model: &Model, fired: &[bool], runs: &[bool]) -> Vec<Option<u64>> {
    let n = model.steps.len();
    // What sets each running step off.
    let mut by: Vec<Option<Vec<usize>>> = vec![None; n];
    loop {
        let mut changed = false;
        for (i, step) in model.steps.iter().enumerate() {
            if !runs[i] || by[i].is_some() {
                continue;
            }
            let on = naive_on(model, step);
            let set: Option<Vec<usize>> = if on.is_empty() {
                let preds: Option<Vec<&Vec<usize>>> = step
                    .after
                    .iter()
                    .map(|p| by[p.id.index()].as_ref())
                    .collect();
                preds.map(|ps| {
                    let mut v: Vec<usize> = ps.into_iter().flatten().copied().collect();
                    v.sort();
                    v.dedup();
                    v
                })
            } else {
                let mut v: Vec<usize> = on.into_iter().filter(|&t| fired[t]).collect();
                v.sort();
                v.dedup();
                Some(v)
            };
            if set.is_some() {
                by[i] = set;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut due: Vec<Option<Option<u64>>> = vec![None; n];
    loop {
        let mut changed = false;
        for (i, step) in model.steps.iter().enumerate() {
            let (Some(set), None) = (&by[i], due[i]) else {
                continue;
            };
            let named = |t: usize| {
                step.deadlines()
                    .iter()
                    .any(|d| d.only_for.iter().any(|r| r.id.index() == t))
            };
            let holds = |d: &planc::model::Deadline| {
                if d.only_for.is_empty() {
                    set.is_empty() || set.iter().any(|t| !named(*t))
                } else {
                    d.only_for.iter().any(|r| set.contains(&r.id.index()))
                }
            };
            let mut ready = true;
            let mut best: Option<u64> = None;
            for d in step.deadlines().iter().filter(|d| holds(d)) {
                let base = match &d.from {
                    None => Some(0),
                    Some(a) => match due[a.id.index()] {
                        Some(v) => v,
                        None => {
                            ready = false;
                            None
                        }
                    },
                };
                if let Some(b) = base {
                    let at = b + d.within.seconds;
                    best = Some(best.map_or(at, |x: u64| x.min(at)));
                }
            }
            if ready {
                due[i] = Some(best);
                changed = true;
            }
        }
        if !changed {
            return due.into_iter().map(Option::flatten).collect();
        }
    }
}

/// Every checklist holds exactly the steps the rule runs for its trigger and
/// the triggers it says fire with it, in phase, due-time and source order,
/// every step after the steps it waits for; every role card lists the role's
/// part of them.
fn checklists_follow_the_rule(what: &str, model: &Model, doc: &Document) {
    let phases = naive_phases(model);
    for t in &doc.triggers {
        // What fires with it: `sets_off`, followed; named (the first ones)
        // and counted in `also`.
        let mut fired = vec![false; model.triggers.len()];
        let mut stack = vec![t];
        while let Some(u) = stack.pop() {
            for next in &u.sets_off {
                let i = trigger_named(model, &next.name).index();
                if !std::mem::replace(&mut fired[i], true) {
                    stack.push(doc.triggers.iter().find(|x| x.name == next.name).unwrap());
                }
            }
        }
        fired[trigger_named(model, &t.name).index()] = false;
        let also: Vec<TriggerId> = model.trigger_ids().filter(|u| fired[u.index()]).collect();
        let named: Vec<TriggerId> = t
            .also
            .iter()
            .map(|a| trigger_named(model, &a.name))
            .collect();
        assert_eq!(named, also[..named.len()], "{what}: also of {}", t.name);
        assert_eq!(named.len() + t.also_more, also.len(), "{what}: {}", t.name);
        fired[trigger_named(model, &t.name).index()] = true;
        let runs = naive_runs(model, &fired);
        let dues = naive_dues(model, &fired, &runs);
        let whole = doc.checklist(t);
        let listed: Vec<StepId> = whole.iter().map(|s| step_named(model, &s.name)).collect();
        let mut want: Vec<StepId> = model.step_ids().filter(|s| runs[s.index()]).collect();
        let mut got = listed.clone();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{what}: checklist of {}", t.name);
        for (i, item) in whole.iter().enumerate() {
            let s = listed[i];
            assert_eq!(
                Some(item.phase),
                phases[s.index()].map(|p| p + 1),
                "{what}: {}",
                item.name
            );
            let due = item.within.map(|d| d.seconds);
            assert_eq!(due, dues[s.index()], "{what}: {}", item.name);
            for p in &model.step(s).after {
                let at = listed.iter().position(|x| *x == p.id);
                assert!(
                    at.is_some_and(|at| at < i),
                    "{what}: {} before {}",
                    p.id.0,
                    item.name
                );
            }
        }
        let key = |i: usize| {
            let item = &whole[i];
            let due = item.within.map(|d| d.seconds);
            (item.phase, due.is_none(), due, listed[i])
        };
        for i in 1..listed.len() {
            assert!(key(i - 1) < key(i), "{what}: order of {}", t.name);
        }
    }
    for card in &doc.roles {
        let role = model
            .role_ids()
            .find(|r| model.name(&model.role(*r).named) == card.name)
            .unwrap();
        for group in &card.triggers {
            for trigger in &group.triggers {
                let section = doc
                    .triggers
                    .iter()
                    .find(|t| t.name == trigger.name)
                    .unwrap();
                let mine: Vec<&str> = doc
                    .checklist(section)
                    .into_iter()
                    .filter(|s| {
                        let step = model.step(step_named(model, &s.name));
                        let me = planc::model::Party::Role(role);
                        step.owner.is_some_and(|o| o.id == role)
                            || step.with().iter().any(|p| p.id == me)
                            || step.notify().iter().any(|p| p.id == me)
                    })
                    .map(|s| s.name.as_str())
                    .collect();
                // The entry's tasks and those of the entries it builds on.
                let mut tasks: Vec<&str> = Vec::new();
                let mut entry = Some(group);
                while let Some(e) = entry {
                    tasks.extend(e.tasks.iter().map(|t| t.name.as_str()));
                    entry = e.builds_on.as_ref().map(|b| {
                        card.triggers
                            .iter()
                            .find(|g| g.triggers.iter().any(|t| t.name == b.name))
                            .unwrap()
                    });
                }
                let (mut tasks, mut mine) = (tasks, mine);
                tasks.sort_unstable();
                mine.sort_unstable();
                assert_eq!(
                    tasks, mine,
                    "{what}: card {} under {}",
                    card.name, trigger.name
                );
            }
        }
    }
}

/// A small deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Facts for an exercise: counts spread over the thresholds plans use, flags
/// either way, one_of facts unknown or one of their variants.
fn facts(model: &Model, rng: &mut Rng) -> Facts {
    let values = model
        .facts
        .iter()
        .map(|f| match &f.ty {
            FactType::Count => Some(Value::Count(
                [0, 1, 3, 5, 9, 10, 30, 49, 50, 60, 100, 250][(rng.next() % 12) as usize],
            )),
            FactType::Number { .. } => Some(Value::Number(Decimal::from_scaled(
                [0, 5, 10, 49, 50, 51, 100, 1000][(rng.next() % 8) as usize],
                2,
            ))),
            FactType::Flag => match rng.next() % 3 {
                0 => None,
                n => Some(Value::Flag(n == 1)),
            },
            FactType::OneOf(vs) => match rng.next() % (vs.len() as u64 + 1) {
                0 => None,
                n => Some(Value::Variant(n as u32 - 1)),
            },
        })
        .collect();
    Facts { values }
}

/// The exercise runs exactly the steps the rule runs for the triggers that
/// fire, by phase and due time; each fired trigger's checklist is part of
/// it, with the same phases, due no later.
fn exercises_follow_the_rule(
    what: &str,
    model: &Model,
    graphs: &planc::graph::Graphs,
    doc: &Document,
    rounds: usize,
) {
    let phases = naive_phases(model);
    let mut rng = Rng(0x5eed ^ model.steps.len() as u64);
    for round in 0..rounds {
        let sim = simulate::run(model, graphs, facts(model, &mut rng), None);
        let mut fired = vec![false; model.triggers.len()];
        for t in sim.triggers.iter().filter(|t| t.fired) {
            fired[t.trigger.index()] = true;
        }
        let runs = naive_runs(model, &fired);
        let dues = naive_dues(model, &fired, &runs);
        let mut want: Vec<StepId> = model.step_ids().filter(|s| runs[s.index()]).collect();
        let mut got: Vec<StepId> = sim.steps.iter().map(|s| s.step).collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{what}, round {round}");
        let not_run: Vec<StepId> = sim.skipped.iter().map(|(s, _)| *s).collect();
        let want_not: Vec<StepId> = model.step_ids().filter(|s| !runs[s.index()]).collect();
        assert_eq!(not_run, want_not, "{what}, round {round}");
        for s in &sim.steps {
            assert_eq!(
                Some(s.phase),
                phases[s.step.index()],
                "{what}, round {round}"
            );
            assert_eq!(s.due.map(|d| d.seconds), dues[s.step.index()], "{what}");
        }
        for t in doc
            .triggers
            .iter()
            .filter(|t| fired[trigger_named(model, &t.name).index()])
        {
            for item in doc.checklist(t) {
                let s = step_named(model, &item.name);
                let run = sim.steps.iter().find(|r| r.step == s);
                let run = run.unwrap_or_else(|| panic!("{what}: {} of {} runs", item.name, t.name));
                assert_eq!(run.phase + 1, item.phase);
                // More triggers fire in the exercise: more deadlines may hold,
                // and the earliest holds, so it is due no later.
                let later =
                    |d: Option<planc::logic::schedule::Due>| d.map_or(u64::MAX, |d| d.seconds);
                assert!(
                    later(run.due) <= later(item.within),
                    "{what}: {}",
                    item.name
                );
            }
        }
    }
}

/// `unreachable-step` reports exactly the steps the rule never runs when
/// every trigger that can fire does; `disjoint-after` only steps that can run.
fn checks_follow_the_rule(what: &str, source: &str, model: &Model) {
    let diagnostics = planc::check_source(source, &Config::default());
    let at = |code: Code| -> Vec<StepId> {
        let mut v: Vec<StepId> = diagnostics
            .iter()
            .filter(|d| d.code == code)
            .filter_map(|d| {
                model
                    .step_ids()
                    .find(|s| model.step(*s).named.name_span == d.primary.span)
            })
            .collect();
        v.sort();
        v
    };
    let never = diagnostics
        .iter()
        .filter(|d| d.code == Code::UnsatisfiableTrigger)
        .count();
    assert_eq!(never, 0, "{what}");
    let runs = naive_runs(model, &vec![true; model.triggers.len()]);
    let dead: Vec<StepId> = model.step_ids().filter(|s| !runs[s.index()]).collect();
    assert_eq!(at(Code::UnreachableStep), dead, "{what}");
    for s in at(Code::DisjointAfter) {
        assert!(runs[s.index()], "{what}");
    }
}

#[test]
fn render_simulate_and_checks_agree_on_every_bundled_plan() {
    for (stem, _, source) in bundled() {
        with_plan(&source, |file, model, graphs| {
            let doc = Document::build(file, model, graphs, Lang::Zh);
            checklists_follow_the_rule(&stem, model, &doc);
            exercises_follow_the_rule(&stem, model, graphs, &doc, 40);
            checks_follow_the_rule(&stem, &source, model);
        });
    }
}

#[test]
fn render_simulate_and_checks_agree_on_generated_plans() {
    for seed in 1..=4 {
        let plan = synth::generate(30, seed, synth::Forms::PLANC);
        let what = format!("synthetic plan, seed {seed}");
        with_plan(&plan.planc, |file, model, graphs| {
            let doc = Document::build(file, model, graphs, Lang::Zh);
            checklists_follow_the_rule(&what, model, &doc);
            exercises_follow_the_rule(&what, model, graphs, &doc, 10);
            checks_follow_the_rule(&what, &plan.planc, model);
        });
    }
}
