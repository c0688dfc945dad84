use super::*;
use crate::model::{self, Cond, CondId, OwnedCondition};
use crate::syntax::{self, ast::CmpOp};

const FACTS: &str = r#"plan "p" { issuer "i" }
fact v "人数": count
fact w "另一人数": count
fact x "标志": flag
fact y "标志二": flag
fact z "标志三": flag
fact act "行为": one_of { a "甲", b "乙", c "丙" }
fact pair "二选一": one_of { left "左", right "右" }
"#;

fn analysed(triggers: &str) -> (Vec<String>, Analysis, String) {
    let source = format!("{FACTS}{triggers}");
    let parsed = syntax::parse(&source);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let model = model::build(&parsed.file);
    let graphs = Graphs::build(&model);
    let names = model
        .triggers
        .iter()
        .map(|t| model.name(&t.named).to_string())
        .collect();
    let analysis = analyse(&model, &graphs);
    // The model's lists may read what they borrow when dropped: before
    // the source moves.
    drop(model);
    (names, analysis, source)
}

/// The verdict of each trigger, in a short form: sat, unsat, undecided, cycle.
fn verdicts(triggers: &str) -> Vec<(String, &'static str)> {
    let (names, analysis, _) = analysed(triggers);
    names
        .into_iter()
        .zip(analysis.verdicts.iter().map(|v| match v {
            Verdict::Satisfiable => "sat",
            Verdict::Unsatisfiable(_) => "unsat",
            Verdict::Undecided => "undecided",
            Verdict::InCycle => "cycle",
        }))
        .collect()
}

fn verdict_of(condition: &str) -> &'static str {
    verdicts(&format!("trigger t \"t\" when {condition}\n"))[0].1
}

/// The literals of the core of an unsatisfiable trigger `t`.
fn core_of(triggers: &str, name: &str) -> Vec<String> {
    let (names, analysis, _) = analysed(triggers);
    let i = names.iter().position(|n| n == name).unwrap();
    match &analysis.verdicts[i] {
        Verdict::Unsatisfiable(u) => u.core.iter().map(|l| l.literal.clone()).collect(),
        other => panic!("{name} is {other:?}"),
    }
}

#[test]
fn contradicting_comparisons_are_unsatisfiable() {
    assert_eq!(verdict_of("v >= 50 and v < 10"), "unsat");
    assert_eq!(verdict_of("v >= 10 and v < 50"), "sat");
    assert_eq!(verdict_of("v > 5 and v < 6"), "unsat");
    assert_eq!(verdict_of("v >= 5 and v <= 5"), "sat");
    assert_eq!(
        core_of("trigger t \"t\" when v >= 50 and w > 3 and v < 10\n", "t"),
        ["v >= 50", "v < 10"]
    );
}

#[test]
fn the_ends_of_u64() {
    const MAX: u64 = u64::MAX;
    assert_eq!(verdict_of("v < 0"), "unsat");
    assert_eq!(verdict_of("v >= 0"), "sat");
    assert_eq!(verdict_of(&format!("v > {MAX}")), "unsat");
    assert_eq!(verdict_of(&format!("v >= {MAX}")), "sat");
    assert_eq!(verdict_of(&format!("not (v <= {MAX})")), "unsat");
    assert_eq!(verdict_of("not (v >= 0)"), "unsat");
    assert_eq!(verdict_of(&format!("v == {MAX} and v != {MAX}")), "unsat");
    assert_eq!(
        verdict_of(&format!("v > {} and v < {MAX}", MAX - 1)),
        "unsat"
    );
    assert_eq!(verdict_of("v <= 0 and v >= 0"), "sat");
    assert_eq!(verdict_of("v <= 0 and v != 0"), "unsat");
    assert_eq!(
        core_of("trigger t \"t\" when v < 0 or x and not x\n", "t"),
        ["v < 0", "x", "not x"]
    );
}

#[test]
fn not_equal() {
    assert_eq!(verdict_of("v != 5 and v == 5"), "unsat");
    assert_eq!(verdict_of("v != 5 and v >= 5 and v <= 5"), "unsat");
    assert_eq!(verdict_of("v != 5 and v >= 5 and v <= 6"), "sat");
    assert_eq!(verdict_of("not (v != 5) and v > 4 and v < 6"), "sat");
    assert_eq!(
        core_of("trigger t \"t\" when not (v != 5) and v > 5\n", "t"),
        ["v == 5", "v > 5"]
    );
}

#[test]
fn variant_sets_and_not_in() {
    assert_eq!(
        verdict_of("act in { a, b } and not act in { a, b }"),
        "unsat"
    );
    // A one_of fact holds one variant once known, and may be unknown: then
    // it holds none of them, as in simulate.
    assert_eq!(verdict_of("not act in { a, b, c }"), "sat");
    assert_eq!(
        verdict_of("not act in { a, b, c } and act in { c }"),
        "unsat"
    );
    assert_eq!(verdict_of("not act in { a } and not act in { b }"), "sat");
    assert_eq!(
        verdict_of("not pair in { left } and not pair in { right }"),
        "sat"
    );
    assert_eq!(
        verdict_of("not pair in { left } and not pair in { right } and pair in { left, right }"),
        "unsat"
    );
    assert_eq!(verdict_of("act in { a } and act in { b }"), "unsat");
    assert_eq!(verdict_of("act in { a, b } and act in { b, c }"), "sat");
    assert_eq!(
        core_of(
            "trigger t \"t\" when act in { a } and not act in { a, b }\n",
            "t"
        ),
        ["act in { a }", "not act in { a, b }"]
    );
}

#[test]
fn contradictory_flags() {
    assert_eq!(verdict_of("x and not x"), "unsat");
    assert_eq!(verdict_of("x and not not not x"), "unsat");
    assert_eq!(verdict_of("x or not x"), "sat");
    assert_eq!(verdict_of("not (x or not x)"), "unsat");
    assert_eq!(verdict_of("x and y and not (x and y)"), "unsat");
    assert_eq!(verdict_of("(x or y) and not x and not y"), "unsat");
    assert_eq!(verdict_of("(x or y) and not x"), "sat");
    assert_eq!(
        core_of("trigger t \"t\" when z and x and y and not x\n", "t"),
        ["x", "not x"]
    );
}

#[test]
fn core_labels_say_which_parts_are_needed() {
    let (_, analysis, _) = analysed("trigger t \"t\" when (x or y) and not x and not y\n");
    let Verdict::Unsatisfiable(u) = &analysis.verdicts[0] else {
        panic!()
    };
    let needed: Vec<(&str, bool)> = u
        .core
        .iter()
        .map(|l| (l.literal.as_str(), l.necessary))
        .collect();
    assert_eq!(
        needed,
        [("x", false), ("y", false), ("not x", true), ("not y", true)]
    );
}

#[test]
fn named_triggers_are_expanded() {
    let triggers = "trigger big \"b\" when v >= 50
trigger small_big \"s\" when big and v < 10
trigger not_big \"n\" when not big and v >= 60
trigger either \"e\" when big or x
trigger both \"bo\" when either and not x and v < 50
trigger fine \"f\" when either and not x
";
    assert_eq!(
        verdicts(triggers),
        [
            ("big".to_string(), "sat"),
            ("small_big".to_string(), "unsat"),
            ("not_big".to_string(), "unsat"),
            ("either".to_string(), "sat"),
            ("both".to_string(), "unsat"),
            ("fine".to_string(), "sat"),
        ]
    );
    assert_eq!(core_of(triggers, "small_big"), ["big", "v < 10"]);
    assert_eq!(core_of(triggers, "not_big"), ["not big", "v >= 60"]);
}

#[test]
fn a_trigger_that_only_names_an_unsatisfiable_one_blames_it() {
    let triggers = "trigger never \"n\" when x and not x
trigger after_never \"a\" when never and y
trigger own_fault \"o\" when never and y and not y
trigger negated \"g\" when not never
";
    let (names, analysis, _) = analysed(triggers);
    let v = |name: &str| &analysis.verdicts[names.iter().position(|n| n == name).unwrap()];
    let Verdict::Unsatisfiable(u) = v("after_never") else {
        panic!()
    };
    assert_eq!(u.because_of.len(), 1);
    assert_eq!(u.because_of[0].id, TriggerId(0));
    assert!(u.core.is_empty());
    let Verdict::Unsatisfiable(u) = v("own_fault") else {
        panic!()
    };
    assert!(u.because_of.is_empty());
    assert_eq!(u.core.len(), 2);
    assert_eq!(*v("negated"), Verdict::Satisfiable);
}

#[test]
fn unresolved_parts_never_make_a_condition_unsatisfiable() {
    assert_eq!(verdict_of("ghost and not ghost"), "sat");
    assert_eq!(verdict_of("v >= 50 and ghost and v < 10"), "unsat");
    assert_eq!(verdict_of("act in { nope } and not act in { nope }"), "sat");
    assert_eq!(verdict_of("act >= 5 and not (act >= 5)"), "sat");
    assert_eq!(
        core_of("trigger t \"t\" when v >= 50 and ghost and v < 10\n", "t"),
        ["v >= 50", "v < 10"]
    );
    // An unresolved trigger named twice is still two unknowns.
    let triggers = "trigger u \"u\" when ghost\ntrigger t \"t\" when u and not u\n";
    assert_eq!(verdicts(triggers)[1].1, "sat");
}

#[test]
fn triggers_in_cycles_are_set_aside() {
    let triggers = "trigger a \"a\" when b or x
trigger b \"b\" when a and y
trigger self_ref \"s\" when self_ref
trigger uses_a \"u\" when a and not a
trigger own \"o\" when a and z and not z
";
    let got: Vec<&str> = verdicts(triggers).into_iter().map(|(_, v)| v).collect();
    assert_eq!(got, ["cycle", "cycle", "cycle", "sat", "unsat"]);
}

#[test]
fn an_or_of_conjunctions() {
    assert_eq!(verdict_of("(v >= 50 and v < 10) or (x and not x)"), "unsat");
    assert_eq!(verdict_of("(v >= 50 and v < 10) or (x and not y)"), "sat");
    assert_eq!(
        verdict_of("(v > 3 and x) or (v < 2 and y) and v == 2"),
        "sat"
    );
    assert_eq!(
        verdict_of("((v > 3 and x) or (v < 2 and y)) and v == 2"),
        "unsat"
    );
    assert_eq!(
        verdict_of("((v > 3 and x) or (v < 2 and y)) and (v == 2 or v == 1) and not y"),
        "unsat"
    );
}

/// `(x or y) and (not x or z)`-like conditions: exact, through the search
/// when the product of the `or`s is too large to list.
fn pigeons(pigeons: usize, holes: usize) -> String {
    let mut facts = String::new();
    for p in 0..pigeons {
        for h in 0..holes {
            facts.push_str(&format!("fact p{p}_{h} \"p\": flag\n"));
        }
    }
    let mut clauses = Vec::new();
    for p in 0..pigeons {
        let any: Vec<String> = (0..holes).map(|h| format!("p{p}_{h}")).collect();
        clauses.push(format!("({})", any.join(" or ")));
    }
    for h in 0..holes {
        for p in 0..pigeons {
            for q in p + 1..pigeons {
                clauses.push(format!("(not p{p}_{h} or not p{q}_{h})"));
            }
        }
    }
    format!("{facts}trigger t \"t\" when {}\n", clauses.join(" and "))
}

#[test]
fn and_of_ors_sharing_facts_is_searched_exactly() {
    assert_eq!(verdicts(&pigeons(3, 2))[0].1, "unsat");
    assert_eq!(verdicts(&pigeons(4, 3))[0].1, "unsat");
    assert_eq!(verdicts(&pigeons(3, 3))[0].1, "sat");
    assert_eq!(verdicts(&pigeons(5, 5))[0].1, "sat");
}

#[test]
fn the_search_says_when_it_stops_at_its_bound() {
    // Nine pigeons in eight holes: exponential for a search without learning.
    assert_eq!(verdicts(&pigeons(9, 8))[0].1, "undecided");
}

#[test]
fn independent_ors_are_decided_without_search() {
    // 40 `or`s of fresh flags (2^40 combinations) and one contradiction.
    let mut facts = String::new();
    let mut clauses = Vec::new();
    for i in 0..40 {
        facts.push_str(&format!("fact a{i} \"a\": flag\nfact b{i} \"b\": flag\n"));
        clauses.push(format!("(a{i} or b{i})"));
    }
    let sat = format!("{facts}trigger t \"t\" when {}\n", clauses.join(" and "));
    assert_eq!(verdicts(&sat)[0].1, "sat");
    let unsat = format!(
        "{facts}trigger t \"t\" when {} and (x and not x or v < 0)\n",
        clauses.join(" and ")
    );
    assert_eq!(verdicts(&unsat)[0].1, "unsat");
}

#[test]
fn a_fact_outside_a_big_nodes_range_is_not_searched_with_it() {
    use super::net::{FALSE, Net};
    use super::sets::{FLAG, FactSet};
    // Every atom first (so `first_use` alone would not tell them apart),
    // then an `and` chain over facts 0..100, too big to list its facts.
    let mut net = Net::new(vec![FLAG; 200]);
    let atoms: Vec<_> = (0..200).map(|f| net.atom(f, FactSet::flag(true))).collect();
    let mut chain = atoms[0];
    for &atom in &atoms[1..100] {
        chain = net.and(vec![chain, atom]);
    }
    assert_eq!(
        net.budget.spent, 0,
        "each link adds a fact outside the chain's range"
    );
    let outside = net.and(vec![chain, atoms[150]]);
    assert_ne!(outside, FALSE);
    assert_eq!(
        net.budget.spent, 0,
        "fact 150 lies outside the chain's facts 0..=99"
    );
    // A fact inside the range is still searched, and the contradiction found.
    let inside = net.atom(50, FactSet::flag(false));
    assert_eq!(net.and(vec![chain, inside]), FALSE);
    assert!(net.budget.spent > 0);
}

/// A model whose only trigger's condition is `nodes`, root last.
fn with_condition(mut nodes: OwnedCondition) -> Verdict {
    let source = format!("{FACTS}trigger t \"t\" when x\n");
    let parsed = syntax::parse(&source);
    let mut model = model::build(&parsed.file);
    nodes.root = CondId(nodes.len() as u32 - 1);
    model.triggers[0].condition = model.conditions.add(nodes.view());
    let graphs = Graphs::build(&model);
    analyse(&model, &graphs).verdicts[0].clone()
}

fn flag(fact: u32) -> Cond<'static> {
    Cond::Flag {
        fact: crate::model::FactId(fact),
        span: Span::new(0, 1),
    }
}

#[test]
fn a_hundred_thousand_nested_nots() {
    let span = Span::new(0, 1);
    let deep = |depth: u32| {
        // x, then `not` 100,000 times, then `and x`.
        let mut nodes = OwnedCondition::from_nodes([flag(2)], CondId(0));
        for i in 0..depth {
            nodes.push(Cond::Not(CondId(i), span));
        }
        nodes.push(flag(2));
        nodes.push(Cond::And(&[CondId(depth), CondId(depth + 1)], span));
        with_condition(nodes)
    };
    assert_eq!(deep(100_000), Verdict::Satisfiable);
    assert!(matches!(deep(100_001), Verdict::Unsatisfiable(_)));
}

#[test]
fn a_hundred_thousand_alternating_ands_and_ors() {
    // ((((v > 0 and x) or y) and v > 1) or y) ... : deep in both connectives.
    let span = Span::new(0, 1);
    let first = Cond::Compare {
        fact: crate::model::FactId(0),
        op: CmpOp::Gt,
        value: 0,
        decimal: None,
        span,
    };
    let mut nodes = OwnedCondition::from_nodes([first], CondId(0));
    for i in 0..50_000u32 {
        let below = CondId(nodes.len() as u32 - 1);
        nodes.push(Cond::Compare {
            fact: crate::model::FactId(0),
            op: CmpOp::Gt,
            value: u64::from(i),
            decimal: None,
            span,
        });
        nodes.push(Cond::And(&[below, CondId(nodes.len() as u32 - 1)], span));
        let and = CondId(nodes.len() as u32 - 1);
        nodes.push(flag(3 + i % 2));
        nodes.push(Cond::Or(&[and, CondId(nodes.len() as u32 - 1)], span));
    }
    let top = CondId(nodes.len() as u32 - 1);
    nodes.push(flag(3));
    nodes.push(Cond::Not(CondId(nodes.len() as u32 - 1), span));
    nodes.push(flag(4));
    nodes.push(Cond::Not(CondId(nodes.len() as u32 - 1), span));
    let (not_y, not_z) = (
        CondId(nodes.len() as u32 - 3),
        CondId(nodes.len() as u32 - 1),
    );
    nodes.push(Cond::And(&[top, not_y, not_z], span));
    // Without y and z, the innermost chain needs v > 49,999: satisfiable.
    assert_eq!(with_condition(nodes.clone()), Verdict::Satisfiable);
    nodes.push(Cond::Compare {
        fact: crate::model::FactId(0),
        op: CmpOp::Lt,
        value: 10,
        decimal: None,
        span,
    });
    let last = nodes.len() as u32;
    nodes.push(Cond::And(&[CondId(last - 2), CondId(last - 1)], span));
    assert!(matches!(with_condition(nodes), Verdict::Unsatisfiable(_)));
}

/// Whether trigger `name` always holds: its core's literals, or why not.
fn always(triggers: &str, name: &str) -> Result<Vec<String>, String> {
    let source = format!("{FACTS}{triggers}");
    let parsed = syntax::parse(&source);
    let model = model::build(&parsed.file);
    let graphs = Graphs::build(&model);
    let i = model
        .triggers
        .iter()
        .position(|t| model.name(&t.named) == name)
        .unwrap();
    match &always_true(&model, &graphs)[i] {
        Always::Yes(why) if !why.because_of.is_empty() => Err(format!(
            "because of {}",
            model.name(&model.trigger(why.because_of[0].id).named)
        )),
        Always::Yes(why) => Ok(why.core.iter().map(|l| l.literal.clone()).collect()),
        other => Err(format!("{other:?}")),
    }
}

#[test]
fn conditions_that_always_hold() {
    let t = |c: &str| always(&format!("trigger t \"t\" when {c}\n"), "t");
    assert_eq!(t("v >= 0"), Ok(vec!["v >= 0".to_string()]));
    assert_eq!(t("x or not x"), Ok(vec!["x".into(), "not x".into()]));
    assert_eq!(
        t("v >= 5 and w > 3 or v < 10 or v > 7"),
        Ok(vec!["v < 10".into(), "v > 7".into()])
    );
    assert_eq!(
        t("act in { a } or not act in { a }"),
        Ok(vec!["act in { a }".into(), "not act in { a }".into()])
    );
    // Naming every variant holds only once the fact is known.
    assert_eq!(t("act in { a, b, c }"), Err("No".into()));
    assert_eq!(t("not act in { a }"), Err("No".into()));
    assert_eq!(t("v >= 1"), Err("No".into()));
    assert_eq!(
        always(
            "trigger t1 \"1\" when v >= 0\ntrigger t2 \"2\" when t1 or x\n",
            "t2"
        ),
        Err("because of t1".into())
    );
}
