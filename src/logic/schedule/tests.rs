//! The schedule on small hand-made plans, one clause of "When a step runs"
//! at a time; every expectation written by hand.

use super::*;
use crate::model::{self, Deadline, Model};
use crate::syntax;

/// Runs `f` on the model of `source` (which must parse).
fn with_model<T>(source: &str, f: impl FnOnce(&Model) -> T) -> T {
    let parsed = syntax::parse(source);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let model = model::build(&parsed.file);
    f(&model)
}

fn trigger(model: &Model, name: &str) -> TriggerId {
    model
        .trigger_ids()
        .find(|t| model.name(&model.trigger(*t).named) == name)
        .unwrap_or_else(|| panic!("no trigger {name}"))
}

fn step(model: &Model, name: &str) -> StepId {
    model
        .step_ids()
        .find(|s| model.name(&model.step(*s).named) == name)
        .unwrap_or_else(|| panic!("no step {name}"))
}

/// `(name, phase, due in seconds)` of each step that runs, in order.
fn run(model: &Model, fired: &[&str]) -> Vec<(String, u32, Option<u64>)> {
    let fired: Vec<TriggerId> = fired.iter().map(|t| trigger(model, t)).collect();
    Schedule::build(model)
        .respond(model, &fired)
        .steps
        .iter()
        .map(|s| {
            let name = model.name(&model.step(s.step).named).to_string();
            (name, s.phase, s.due.map(|d| d.seconds))
        })
        .collect()
}

fn entry(name: &str, phase: u32, due: Option<u64>) -> (String, u32, Option<u64>) {
    (name.to_string(), phase, due)
}

const HEAD: &str = "plan \"p\" { commander boss }\nrole boss \"组长\" { holder \"张伟\" }\n";

/// The plan of issue 11: a step guarded by `on big` after a shared step.
const GRADED: &str = "fact n \"人数\": count
trigger small \"一般\" when n >= 1
trigger big \"重大\" when n >= 50
step report \"报告\" { owner boss; on small, big; within 10m }
step call_gov \"请求县政府支援\" { owner boss; on big; after report; within 1h }
";

#[test]
fn on_limits_a_step_that_also_has_after() {
    with_model(&format!("{HEAD}{GRADED}"), |m| {
        assert_eq!(run(m, &["small"]), [entry("report", 0, Some(600))]);
        assert_eq!(
            run(m, &["small", "big"]),
            [
                entry("report", 0, Some(600)),
                entry("call_gov", 1, Some(3600))
            ]
        );
        // `big` alone sets off both: `report` names it too.
        assert_eq!(
            run(m, &["big"]),
            [
                entry("report", 0, Some(600)),
                entry("call_gov", 1, Some(3600))
            ]
        );
    });
}

#[test]
fn a_step_without_on_inherits_the_occasions_of_the_steps_it_waits_for() {
    let plan = format!(
        "{HEAD}{GRADED}step record \"记录\" {{ owner boss; after report }}\n\
         step county \"县级报告\" {{ owner boss; after call_gov; within 2h }}\n"
    );
    with_model(&plan, |m| {
        assert_eq!(
            run(m, &["small"]),
            [entry("report", 0, Some(600)), entry("record", 1, None)]
        );
        assert_eq!(
            run(m, &["big"]),
            [
                entry("report", 0, Some(600)),
                entry("call_gov", 1, Some(3600)),
                entry("record", 1, None),
                entry("county", 2, Some(7200)),
            ]
        );
        let schedule = Schedule::build(m);
        let response = schedule.respond(m, &[trigger(m, "big"), trigger(m, "small")]);
        let record = response.get(step(m, "record")).unwrap();
        assert_eq!(record.set_off_by, [trigger(m, "small"), trigger(m, "big")]);
        let county = response.get(step(m, "county")).unwrap();
        assert_eq!(county.set_off_by, [trigger(m, "big")]);
    });
}

#[test]
fn a_step_with_neither_on_nor_after_never_runs() {
    let plan = format!("{HEAD}{GRADED}step idle \"闲置\" {{ owner boss }}\n");
    with_model(&plan, |m| {
        let schedule = Schedule::build(m);
        let response = schedule.respond(m, &[trigger(m, "small"), trigger(m, "big")]);
        assert!(response.get(step(m, "idle")).is_none());
        assert_eq!(
            response.not_run(&schedule, m),
            [(step(m, "idle"), NotRun::NothingStartsIt)]
        );
        let reach = schedule.reach(m, |_| Some(true));
        assert_eq!(reach[step(m, "idle").index()], Reach::No);
    });
}

#[test]
fn why_a_step_does_not_run() {
    with_model(&format!("{HEAD}{GRADED}"), |m| {
        let schedule = Schedule::build(m);
        let none = schedule.respond(m, &[]);
        assert!(none.steps.is_empty());
        assert_eq!(
            none.not_run(&schedule, m),
            [
                (
                    step(m, "report"),
                    NotRun::NotSetOff(vec![trigger(m, "small"), trigger(m, "big")])
                ),
                (
                    step(m, "call_gov"),
                    NotRun::NotSetOff(vec![trigger(m, "big")])
                ),
            ]
        );
    });
    // Its own trigger fires, but a step it waits for does not run.
    let plan =
        format!("{HEAD}{GRADED}step confirm \"确认\" {{ owner boss; on small; after call_gov }}\n");
    with_model(&plan, |m| {
        let schedule = Schedule::build(m);
        let small = schedule.respond(m, &[trigger(m, "small")]);
        assert_eq!(
            small.not_run(&schedule, m)[1],
            (step(m, "confirm"), NotRun::Waits(vec![step(m, "call_gov")]))
        );
    });
}

#[test]
fn phases_then_due_times_then_source_order() {
    let plan = format!(
        "{HEAD}fact n \"人数\": count\ntrigger t \"T\" when n >= 1\n\
         step slow \"慢\" {{ owner boss; on t }}\n\
         step late \"晚\" {{ owner boss; on t; within 1h }}\n\
         step stop \"制止\" {{ owner boss; on t; within 5m }}\n\
         step also_late \"同样晚\" {{ owner boss; on t; within 1h }}\n\
         step next \"其次\" {{ owner boss; on t; after stop, late }}\n\
         step first_of_two \"二之一\" {{ owner boss; after slow; within 2h }}\n"
    );
    with_model(&plan, |m| {
        assert_eq!(
            run(m, &["t"]),
            [
                entry("stop", 0, Some(300)),
                entry("late", 0, Some(3600)),
                entry("also_late", 0, Some(3600)),
                entry("slow", 0, None),
                entry("first_of_two", 1, Some(7200)),
                entry("next", 1, None),
            ]
        );
        let schedule = Schedule::build(m);
        let names: Vec<&str> = schedule
            .dependency_order()
            .iter()
            .map(|s| m.name(&m.step(*s).named))
            .collect();
        assert_eq!(
            names,
            ["slow", "late", "stop", "also_late", "next", "first_of_two"]
        );
        let phases: Vec<Vec<&str>> = schedule
            .respond(m, &[trigger(m, "t")])
            .phases()
            .map(|p| p.iter().map(|s| m.name(&m.step(s.step).named)).collect())
            .collect();
        assert_eq!(
            phases,
            [
                vec!["stop", "late", "also_late", "slow"],
                vec!["first_of_two", "next"]
            ]
        );
    });
}

#[test]
fn steps_in_or_behind_an_after_cycle_have_no_phase_and_never_run() {
    let plan = format!(
        "{HEAD}fact n \"人数\": count\ntrigger t \"T\" when n >= 1\n\
         step a \"甲\" {{ owner boss; on t; after b }}\n\
         step b \"乙\" {{ owner boss; on t; after a }}\n\
         step c \"丙\" {{ owner boss; on t; after b }}\n\
         step d \"丁\" {{ owner boss; on t }}\n"
    );
    with_model(&plan, |m| {
        let schedule = Schedule::build(m);
        for s in ["a", "b", "c"] {
            assert_eq!(schedule.phase(step(m, s)), None, "{s}");
        }
        assert_eq!(schedule.phase(step(m, "d")), Some(0));
        assert_eq!(run(m, &["t"]), [entry("d", 0, None)]);
        let response = schedule.respond(m, &[trigger(m, "t")]);
        assert_eq!(
            response.not_run(&schedule, m)[2],
            (step(m, "c"), NotRun::InCycle)
        );
        let reach = schedule.reach(m, |_| Some(true));
        assert_eq!(reach[step(m, "c").index()], Reach::Unknown);
        assert_eq!(reach[step(m, "d").index()], Reach::Yes);
    });
}

#[test]
fn reach_asks_whether_the_triggers_that_can_each_fire_run_the_step() {
    let plan = format!(
        "{HEAD}fact n \"人数\": count\n\
         trigger low \"少\" when n < 10\ntrigger high \"多\" when n >= 50\ntrigger odd \"怪\" when n >= 5\n\
         step a \"甲\" {{ owner boss; on low }}\n\
         step b \"乙\" {{ owner boss; on high; after a }}\n\
         step c \"丙\" {{ owner boss; on odd; after a }}\n\
         step d \"丁\" {{ owner boss; after c }}\n"
    );
    with_model(&plan, |m| {
        let schedule = Schedule::build(m);
        let odd = trigger(m, "odd");
        let high = trigger(m, "high");
        // `low` and `high` never hold at once, but each can fire: `b` is reachable.
        let reach = schedule.reach(m, |t| if t == odd { None } else { Some(true) });
        let names = ["a", "b", "c", "d"];
        let got: Vec<Reach> = names.iter().map(|s| reach[step(m, s).index()]).collect();
        assert_eq!(
            got,
            [Reach::Yes, Reach::Yes, Reach::Unknown, Reach::Unknown]
        );
        let reach = schedule.reach(m, |t| Some(t != high));
        let got: Vec<Reach> = names.iter().map(|s| reach[step(m, s).index()]).collect();
        assert_eq!(got, [Reach::Yes, Reach::No, Reach::Yes, Reach::Yes]);
    });
}

/// Gives step `name` these deadlines (v1's `within D [from S] [for NAMES]`,
/// which the v0 syntax cannot write).
fn set_deadlines(m: &mut Model, name: &str, deadlines: &[(u64, Option<&str>, &[&str])]) {
    let id = step(m, name);
    let made: thin_vec::ThinVec<Deadline> = deadlines
        .iter()
        .map(|(seconds, from, only_for)| Deadline {
            within: crate::syntax::ast::Duration {
                seconds: *seconds,
                working_days: 0,
                years: 0,
                months: 0,
                span: crate::span::Span::default(),
            },
            from: from.map(|f| model::Ref {
                id: step(m, f),
                span: crate::span::Span::default(),
            }),
            only_for: only_for
                .iter()
                .map(|t| model::Ref {
                    id: trigger(m, t),
                    span: crate::span::Span::default(),
                })
                .collect(),
            for_levels: thin_vec::ThinVec::new(),
            span: crate::span::Span::default(),
        })
        .collect();
    m.steps[id.index()].more.get_or_insert_default().deadlines = made;
}

#[test]
fn deadlines_from_a_step_and_for_some_triggers() {
    let source = format!(
        "{HEAD}fact n \"人数\": count\n\
         trigger i \"Ⅰ\" when n >= 100\ntrigger ii \"Ⅱ\" when n >= 50\ntrigger iii \"Ⅲ\" when n >= 10\n\
         step report \"报告\" {{ owner boss; on i, ii, iii; within 10m }}\n\
         step progress \"续报\" {{ owner boss; on i, ii, iii; after report }}\n\
         step county \"县级\" {{ owner boss; on i; after report }}\n"
    );
    let parsed = syntax::parse(&source);
    let mut m = model::build(&parsed.file);
    // progress: within 30m for i, within 1h for ii, within 2h otherwise.
    set_deadlines(
        &mut m,
        "progress",
        &[
            (1800, None, &["i"]),
            (3600, None, &["ii"]),
            (7200, None, &[]),
        ],
    );
    // county: within 1h from report.
    set_deadlines(&mut m, "county", &[(3600, Some("report"), &[])]);
    fn due_of(m: &Model, fired: &[&str], s: &str) -> Option<u64> {
        run(m, fired)
            .into_iter()
            .find(|(n, ..)| n == s)
            .and_then(|(_, _, due)| due)
    }
    let due = |fired: &[&str], s: &str| due_of(&m, fired, s);
    assert_eq!(due(&["iii"], "progress"), Some(7200));
    assert_eq!(due(&["ii"], "progress"), Some(3600));
    // Several apply: the earliest holds.
    assert_eq!(due(&["i", "ii", "iii"], "progress"), Some(1800));
    // Measured from `report`'s latest due time.
    assert_eq!(due(&["i"], "county"), Some(600 + 3600));
    let schedule = Schedule::build(&m);
    let plain = schedule.dues(&m, Occasion::Otherwise);
    assert_eq!(
        plain[step(&m, "progress").index()].map(|d| d.seconds),
        Some(7200)
    );
    let ii = [trigger(&m, "ii")];
    let under_ii = schedule.dues(&m, Occasion::SetOffBy(&ii));
    assert_eq!(
        under_ii[step(&m, "progress").index()].map(|d| d.seconds),
        Some(3600)
    );
    // Without a plain `within`, a trigger no `for` names leaves it without a deadline.
    set_deadlines(&mut m, "progress", &[(1800, None, &["i"])]);
    assert_eq!(due_of(&m, &["iii"], "progress"), None);
    assert_eq!(due_of(&m, &["i", "iii"], "progress"), Some(1800));
}

#[test]
fn on_sets_are_sorted_without_repeats_and_say_which_triggers_start_steps() {
    let plan = format!(
        "{HEAD}fact n \"人数\": count\n\
         trigger a \"A\" when n >= 1\ntrigger b \"B\" when n >= 2\ntrigger c \"C\" when a\n\
         step s \"S\" {{ owner boss; on b, a, b }}\n"
    );
    with_model(&plan, |m| {
        let schedule = Schedule::build(m);
        assert_eq!(
            schedule.on(step(m, "s")),
            [trigger(m, "a"), trigger(m, "b")]
        );
        assert!(schedule.starts(trigger(m, "a")));
        assert!(!schedule.starts(trigger(m, "c")));
    });
}

#[test]
fn a_step_written_before_the_steps_it_waits_for_comes_after_them() {
    let plan = format!(
        "{HEAD}fact n \"人数\": count\ntrigger t \"T\" when n >= 1\n\
         step record \"记录\" {{ owner boss; after calm, report }}\n\
         step report \"报告\" {{ owner boss; on t; within 10m }}\n\
         step calm \"劝解\" {{ owner boss; after check }}\n\
         step check \"核实\" {{ owner boss; on t }}\n"
    );
    with_model(&plan, |m| {
        let schedule = Schedule::build(m);
        let names: Vec<&str> = schedule
            .dependency_order()
            .iter()
            .map(|s| m.name(&m.step(*s).named))
            .collect();
        assert_eq!(names, ["report", "check", "calm", "record"]);
        assert_eq!(
            run(m, &["t"]),
            [
                entry("report", 0, Some(600)),
                entry("check", 0, None),
                entry("calm", 1, None),
                entry("record", 2, None),
            ]
        );
    });
}

/// A `for` that names only a level no trigger carries holds on no occasion;
/// it is not the plain deadline (it was, when only the level's triggers
/// were looked at, and they are none).
#[test]
fn a_deadline_for_a_level_without_triggers_never_holds() {
    let source = format!(
        "{HEAD}level I \"特别重大\"\nlevel III \"较大\"\nfact n \"人数\": count\n\
         trigger t \"t\" when n > 1 level I\n\
         step report \"报告\" {{ owner boss; on t; within 30m for III }}\n\
         step call \"请示\" {{ owner boss; on t; within 2h for III; within 1h }}\n"
    );
    with_model(&source, |m| {
        assert!(m.step(step(m, "report")).plain_deadline().is_none());
        assert_eq!(
            run(m, &["t"]),
            [entry("call", 0, Some(3600)), entry("report", 0, None)]
        );
    });
}
