use crate::graph::Graphs;
use crate::logic::split::Point;
use crate::logic::{Conditions, DecisionTable, decision_table};
use crate::model::{self, Cond, FactType, Model};
use crate::syntax::{self, ast::CmpOp};

const FACTS: &str = r#"plan "p" { issuer "i" }
level I "一级"
level II "二级"
level III "三级"
fact v "人数": count
fact w "另一人数": count
fact x "标志": flag
fact act "行为": one_of { a "甲", b "乙", c "丙" }
"#;

fn with_model<T>(triggers: &str, f: impl FnOnce(&Model) -> T) -> T {
    let source = format!("{FACTS}{triggers}");
    let parsed = syntax::parse(&source);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let model = model::build(&parsed.file);
    assert!(model.problems.is_empty(), "{:?}", model.problems);
    f(&model)
}

fn table_of(model: &Model) -> DecisionTable {
    let graphs = Graphs::build(model);
    let conditions = Conditions::of(model, &graphs);
    decision_table(model, &conditions).expect("exact table")
}

/// The table as lines `fact=values … : fired (level)`.
fn table(triggers: &str) -> Vec<String> {
    with_model(triggers, |model| {
        let t = table_of(model);
        t.rows
            .iter()
            .map(|row| {
                let mut parts: Vec<String> = row
                    .region
                    .iter()
                    .map(|(f, set)| {
                        let fact = model.fact(*f);
                        let values = match &fact.ty {
                            FactType::Count => set
                                .ranges()
                                .iter()
                                .map(|&(a, b)| match b {
                                    u64::MAX => format!("{a}.."),
                                    b if a == b => format!("{a}"),
                                    b => format!("{a}..{b}"),
                                })
                                .collect::<Vec<_>>()
                                .join(","),
                            _ => (0..5)
                                .filter(|&i| set.contains(Point::Variant(i)))
                                .map(|i| i.to_string())
                                .collect::<Vec<_>>()
                                .join(","),
                        };
                        format!("{}={values}", model.name(&fact.named))
                    })
                    .collect();
                let fired: Vec<&str> = row
                    .fired
                    .iter()
                    .map(|t| model.name(&model.trigger(*t).named))
                    .collect();
                let level = row
                    .level
                    .map(|l| model.name(&model.levels[l.index()].named))
                    .unwrap_or("-");
                parts.push(format!(": {} ({level})", fired.join(" ")));
                parts.join(" ")
            })
            .collect()
    })
}

#[test]
fn nested_thresholds_give_one_row_per_band() {
    assert_eq!(
        table(
            "trigger small \"小\" when v >= 5 level III\n\
             trigger big \"大\" when v >= 30 level I\n"
        ),
        vec![
            "v=0..4 :  (-)",
            "v=5..29 : small (III)",
            "v=30.. : small big (I)",
        ]
    );
}

#[test]
fn independent_flags_give_every_combination() {
    assert_eq!(
        table(
            "trigger t1 \"1\" when x level II\n\
             trigger t2 \"2\" when act in { a } level I\n"
        ),
        vec![
            "x=0 act=0 : t2 (I)",
            "x=0 act=1,2,3 :  (-)",
            "x=1 act=0 : t1 t2 (I)",
            "x=1 act=1,2,3 : t1 (II)",
        ]
    );
}

#[test]
fn variants_are_grouped_by_what_they_set_off() {
    assert_eq!(
        table(
            "trigger t1 \"1\" when act in { a, b }\n\
             trigger t2 \"2\" when act in { b, c }\n"
        ),
        vec![
            "act=0 : t1 (-)",
            "act=1 : t1 t2 (-)",
            "act=2 : t2 (-)",
            "act=3 :  (-)"
        ]
    );
}

#[test]
fn rows_that_differ_in_one_fact_are_merged() {
    // Where t fires is an L shape: two rows, not three.
    assert_eq!(
        table("trigger t \"t\" when v >= 10 or x\n"),
        vec!["v=0..9 x=0 :  (-)", "v=0..9 x=1 : t (-)", "v=10.. : t (-)"]
    );
}

#[test]
fn a_gap_between_bands_is_a_row_of_its_own() {
    assert_eq!(
        table(
            "trigger mid \"中\" when v >= 5 and v < 30 level III\n\
             trigger high \"高\" when v >= 50 level I\n"
        ),
        vec![
            "v=0..4,30..49 :  (-)",
            "v=5..29 : mid (III)",
            "v=50.. : high (I)",
        ]
    );
}

#[test]
fn named_triggers_are_written_out() {
    assert_eq!(
        table(
            "trigger a1 \"1\" when v >= 10\n\
             trigger a2 \"2\" when a1 and not x\n"
        ),
        vec![
            "v=0..9 :  (-)",
            "v=10.. x=0 : a1 a2 (-)",
            "v=10.. x=1 : a1 (-)"
        ]
    );
}

/// The value of a condition at a point, read straight off the model.
fn holds(model: &Model, t: usize, point: &[u64]) -> bool {
    let cond = model.condition(crate::model::TriggerId(t as u32));
    let mut value = vec![false; cond.len()];
    for (i, node) in cond.nodes().enumerate() {
        value[i] = match &node {
            Cond::Compare {
                fact, op, value: k, ..
            } => {
                let v = point[fact.index()];
                match op {
                    CmpOp::Ge => v >= *k,
                    CmpOp::Gt => v > *k,
                    CmpOp::Le => v <= *k,
                    CmpOp::Lt => v < *k,
                    CmpOp::Eq => v == *k,
                    CmpOp::Ne => v != *k,
                }
            }
            Cond::In { fact, variants, .. } => variants.contains(&(point[fact.index()] as u32)),
            Cond::Flag { fact, .. } => point[fact.index()] == 1,
            Cond::Trigger { trigger, .. } => holds(model, trigger.index(), point),
            Cond::Not(c, _) => !value[c.0 as usize],
            Cond::And(cs, _) => cs.iter().all(|c| value[c.0 as usize]),
            Cond::Or(cs, _) => cs.iter().any(|c| value[c.0 as usize]),
            Cond::Unknown(_) => false,
        };
    }
    value[cond.root.0 as usize]
}

/// A small deterministic generator (xorshift).
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn random_condition(r: &mut Rng, earlier: usize, depth: u32) -> String {
    let ops = [">=", ">", "<=", "<", "==", "!="];
    match r.below(if depth == 0 { 4 } else { 8 }) {
        0 => format!(
            "{} {} {}",
            ["v", "w"][r.below(2) as usize],
            ops[r.below(6) as usize],
            r.below(12)
        ),
        1 => "x".to_string(),
        2 => {
            let vs: Vec<&str> = ["a", "b", "c"]
                .into_iter()
                .filter(|_| r.below(2) == 0)
                .collect();
            if vs.is_empty() {
                "act in { a }".into()
            } else {
                format!("act in {{ {} }}", vs.join(", "))
            }
        }
        3 if earlier > 0 => format!("t{}", r.below(earlier as u64)),
        3 => "x".into(),
        4 | 5 => format!("not ({})", random_condition(r, earlier, depth - 1)),
        6 => format!(
            "({}) and ({})",
            random_condition(r, earlier, depth - 1),
            random_condition(r, earlier, depth - 1)
        ),
        _ => format!(
            "({}) or ({})",
            random_condition(r, earlier, depth - 1),
            random_condition(r, earlier, depth - 1)
        ),
    }
}

#[test]
fn every_point_is_in_exactly_one_row_and_the_row_is_right() {
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..60 {
        let n = 1 + r.below(5) as usize;
        let mut triggers = String::new();
        for i in 0..n {
            let level = ["", " level I", " level II", " level III"][r.below(4) as usize];
            let cond = random_condition(&mut r, i, 3);
            triggers.push_str(&format!("trigger t{i} \"t\" when {cond}{level}\n"));
        }
        with_model(&triggers, |model| {
            let t = table_of(model);
            for v in 0..14u64 {
                for w in [0u64, 3, 6, 11, 12, 1000] {
                    for x in 0..2u64 {
                        for act in 0..4u64 {
                            let point = [v, w, x, act];
                            let rows: Vec<_> = t
                                .rows
                                .iter()
                                .filter(|row| {
                                    row.region.iter().all(|(f, set)| {
                                        let p = match model.fact(*f).ty {
                                            FactType::Count => Point::Count(point[f.index()]),
                                            _ => Point::Variant(point[f.index()] as u32),
                                        };
                                        set.contains(p)
                                    })
                                })
                                .collect();
                            assert_eq!(rows.len(), 1, "{triggers}{point:?}");
                            let want: Vec<usize> =
                                (0..n).filter(|&i| holds(model, i, &point)).collect();
                            let got: Vec<usize> = rows[0].fired.iter().map(|t| t.index()).collect();
                            assert_eq!(got, want, "{triggers}{point:?}");
                        }
                    }
                }
            }
        });
    }
}

/// The gaps of a plan's triggers, as `fact below [hole] above (others)`.
fn gaps_of(triggers: &str) -> Vec<String> {
    with_model(triggers, |model| {
        let graphs = Graphs::build(model);
        let conditions = Conditions::of(model, &graphs);
        let dnfs: Vec<&[crate::logic::Cube]> = model
            .trigger_ids()
            .filter_map(|t| conditions.dnf(t))
            .collect();
        crate::logic::gaps(&conditions.domains, &dnfs, super::Limits::DEFAULT)
            .expect("decided")
            .into_iter()
            .map(|g| {
                let others: Vec<String> = g
                    .others
                    .iter()
                    .map(|(f, p)| format!("{}={p:?}", model.name(&model.facts[*f as usize].named)))
                    .collect();
                format!(
                    "{} {} [{}..{}] {} ({})",
                    model.name(&model.facts[g.fact as usize].named),
                    g.below,
                    g.hole.0,
                    g.hole.1,
                    g.above,
                    others.join(" ")
                )
            })
            .collect()
    })
}

#[test]
fn a_count_that_sets_off_nothing_between_two_that_do_is_a_gap() {
    assert_eq!(
        gaps_of(
            "trigger mid \"中\" when v >= 5 and v < 30\n\
             trigger high \"高\" when v >= 50\n"
        ),
        vec!["v 29 [30..49] 50 ()"]
    );
    // Below every threshold is no gap; nested thresholds leave none.
    assert!(gaps_of("trigger a \"a\" when v >= 5\ntrigger b \"b\" when v >= 30\n").is_empty());
    assert!(
        gaps_of("trigger a \"a\" when v >= 5 and v < 30\ntrigger b \"b\" when v >= 30\n")
            .is_empty()
    );
    // Only one value missing.
    assert_eq!(
        gaps_of("trigger a \"a\" when v != 7\n"),
        vec!["v 6 [7..7] 8 ()"]
    );
}

#[test]
fn a_gap_names_the_other_facts_that_open_it() {
    // With x, 10 to 19 sets off nothing; without x, v >= 10 does not hold at
    // all below 20 either, but nothing fires below 20 then: no gap.
    assert_eq!(
        gaps_of(
            "trigger low \"低\" when x and v < 10\n\
             trigger high \"高\" when v >= 20\n"
        ),
        vec!["v 9 [10..19] 20 (x=Variant(1))"]
    );
    // Another trigger that fills the hole whatever x is: no gap.
    assert!(
        gaps_of(
            "trigger low \"低\" when x and v < 10\n\
             trigger high \"高\" when v >= 20\n\
             trigger fill \"填\" when v >= 10 and v < 20\n"
        )
        .is_empty()
    );
}

/// Whether trigger `a` implies `b`, and else where `a` holds alone.
fn counter(triggers: &str, a: usize, b: usize) -> Option<String> {
    with_model(triggers, |model| {
        let graphs = Graphs::build(model);
        let c = Conditions::of(model, &graphs);
        let dnf = |i: u32| c.dnf(crate::model::TriggerId(i)).expect("exact");
        let mut budget = 1_000_000;
        crate::logic::counterexample(&c.domains, dnf(a as u32), dnf(b as u32), &mut budget)
            .expect("decided")
            .map(|w| {
                w.iter()
                    .map(|(f, p)| format!("{}={p:?}", model.name(&model.facts[*f as usize].named)))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
    })
}

#[test]
fn implication_and_where_it_fails() {
    let swapped = "trigger big \"大\" when v >= 5 level I\n\
                   trigger small \"小\" when v >= 30 level III\n";
    assert_eq!(counter(swapped, 1, 0), None);
    assert_eq!(counter(swapped, 0, 1), Some("v=Count(5)".into()));
    let split = "trigger a \"a\" when v >= 10 and (x or act in { a })\n\
                 trigger b \"b\" when v >= 10 and x or v >= 10 and act in { a, b }\n";
    assert_eq!(counter(split, 0, 1), None);
    assert_eq!(
        counter(split, 1, 0),
        Some("v=Count(10) x=Variant(0) act=Variant(1)".into())
    );
}

#[test]
fn implication_and_counterexamples_agree_with_every_point() {
    let mut r = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..80 {
        let mut triggers = String::new();
        for i in 0..4 {
            let cond = random_condition(&mut r, i, 3);
            triggers.push_str(&format!("trigger t{i} \"t\" when {cond}\n"));
        }
        with_model(&triggers, |model| {
            let graphs = Graphs::build(model);
            let c = Conditions::of(model, &graphs);
            let points: Vec<[u64; 4]> = (0..14u64)
                .flat_map(|v| (0..14u64).map(move |w| (v, w)))
                .flat_map(|(v, w)| {
                    (0..2u64).flat_map(move |x| (0..4u64).map(move |a| [v, w, x, a]))
                })
                .collect();
            for a in 0..4usize {
                for b in 0..4usize {
                    let (da, db) = (
                        c.dnf(crate::model::TriggerId(a as u32)).expect("exact"),
                        c.dnf(crate::model::TriggerId(b as u32)).expect("exact"),
                    );
                    let want = points
                        .iter()
                        .all(|p| !holds(model, a, p) || holds(model, b, p));
                    let mut budget = 1_000_000;
                    let got =
                        crate::logic::implies(&c.domains, da, db, &mut budget).expect("decided");
                    assert_eq!(got, want, "t{a} implies t{b}?\n{triggers}");
                    // By subtraction, and by the sweep alone.
                    for subtract in [256, 0] {
                        let witness = crate::logic::review::counterexample_with(
                            &c.domains,
                            da,
                            db,
                            &mut budget,
                            subtract,
                        )
                        .expect("decided");
                        assert_eq!(witness.is_none(), want, "{triggers}");
                        if let Some(w) = witness {
                            // Facts the witness leaves free may take any value.
                            for free in [0u64, 1] {
                                let mut p = [free, free, free, free];
                                for (f, value) in &w {
                                    p[*f as usize] = match value {
                                        Point::Count(n) => *n,
                                        Point::Variant(n) => u64::from(*n),
                                    };
                                }
                                assert!(
                                    holds(model, a, &p) && !holds(model, b, &p),
                                    "t{a} but not t{b} at {p:?}\n{triggers}"
                                );
                            }
                        }
                    }
                }
            }
        });
    }
}

#[test]
fn a_union_swept_with_its_cubes_merged_gives_the_same_diagram() {
    use super::{Diagram, Limits, Space};
    use crate::logic::{Cube, cut_order};
    let mut r = Rng(0x51f1_5eed_0bad_cafe);
    let mut merged = 0;
    for _ in 0..80 {
        let mut triggers = String::new();
        for i in 0..4 + r.below(8) as usize {
            let cond = random_condition(&mut r, i, 3);
            triggers.push_str(&format!("trigger t{i} \"t\" when {cond}\n"));
        }
        merged += with_model(&triggers, |model| {
            let graphs = Graphs::build(model);
            let c = Conditions::of(model, &graphs);
            let any: Vec<Cube> = model
                .trigger_ids()
                .filter_map(|t| c.dnf(t))
                .flatten()
                .cloned()
                .collect();
            let union = crate::logic::review::merged_union(&c.domains, &any);
            // As `gaps` sweeps: each fact cut last in turn.
            for last in 0..c.domains.len() as u32 {
                let sweep = |cubes: &[Cube]| {
                    let mut space = Space::full(c.domains.clone());
                    space.order = cut_order(&c.domains, &[&any]);
                    space.order.retain(|&f| f != last);
                    space.order.push(last);
                    let mut key = |holding: &[u32]| u32::from(!holding.is_empty());
                    let d = Diagram::build(space, &[cubes], &mut key, Limits::DEFAULT);
                    let d = d.expect("decided");
                    (d.nodes, d.root)
                };
                assert_eq!(sweep(&any), sweep(&union), "{triggers}");
            }
            usize::from(union.len() < any.len())
        });
    }
    // The test means something only if cubes were merged.
    assert!(merged > 40, "{merged}");
}
