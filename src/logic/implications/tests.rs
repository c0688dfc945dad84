use super::*;
use crate::graph::Graphs;
use crate::model;
use crate::syntax;

/// For each trigger by name: its group, what `of`, `first(_, 2)`,
/// `count` and `direct` give (names).
fn implications(triggers: &str, f: impl FnOnce(&dyn Fn(&str) -> Row)) {
    let source = format!(
        "plan \"p\" {{ issuer \"i\" }}\nfact n \"n\": count\nfact g \"g\": flag\n{triggers}"
    );
    let parsed = syntax::parse(&source);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let model = model::build(&parsed.file);
    let graphs = Graphs::build(&model);
    let implications = Implications::build(&model, &Conditions::of(&model, &graphs));
    let id = |name: &str| {
        model
            .trigger_ids()
            .find(|t| model.name(&model.trigger(*t).named) == name)
            .unwrap()
    };
    let names = |ts: Vec<TriggerId>| -> Vec<String> {
        ts.iter()
            .map(|t| model.name(&model.trigger(*t).named).to_string())
            .collect()
    };
    f(&|name| {
        let t = id(name);
        Row {
            group: implications.group_of(t),
            of: names(implications.of(t)),
            first: names(implications.first(t, 2)),
            count: implications.count(t),
            direct: names(implications.direct(t)),
        }
    });
}

#[derive(Debug)]
struct Row {
    group: usize,
    of: Vec<String>,
    first: Vec<String>,
    count: usize,
    direct: Vec<String>,
}

#[test]
fn a_chain_is_one_group_named_in_a_ring() {
    implications(
        "trigger a \"a\" when g\ntrigger b \"b\" when a\ntrigger c \"c\" when b\ntrigger d \"d\" when c or g\n",
        |row| {
            for name in ["a", "b", "c", "d"] {
                assert_eq!(row(name).group, 0, "{name}");
            }
            assert_eq!(row("b").of, ["a", "c", "d"]);
            assert_eq!(row("b").first, ["a", "c"]);
            assert_eq!(row("b").count, 3);
            assert_eq!(row("b").direct, ["c"]);
            assert_eq!(row("d").direct, ["a"]);
        },
    );
}

#[test]
fn graded_levels_name_only_the_next_one_down() {
    implications(
        "trigger minor \"m\" when n >= 5\ntrigger any \"x\" when n >= 1 or g\ntrigger major \"M\" when n >= 50\ntrigger big \"B\" when n >= 50\n",
        |row| {
            // `major` and `big` have the same condition: one group.
            assert_eq!(row("major").group, row("big").group);
            assert_ne!(row("major").group, row("minor").group);
            assert_eq!(row("major").of, ["minor", "any", "big"]);
            assert_eq!(row("major").count, 3);
            assert_eq!(row("major").first, ["minor", "any"]);
            // The other of its group, then `minor`, which sets off `any`.
            assert_eq!(row("major").direct, ["big", "minor"]);
            assert_eq!(row("minor").direct, ["any"]);
            assert_eq!(row("any").of, Vec::<String>::new());
            assert_eq!(row("any").direct, Vec::<String>::new());
        },
    );
}

/// Asked in spread order with what is found carried along, the groups
/// give what asking every pair gives.
#[test]
fn the_same_as_asking_every_pair() {
    same_as_every_pair(
        &[
            "n >= 1",
            "n >= 5",
            "n >= 5 and g",
            "n == 3",
            "n == 4",
            "n >= 3 and n <= 4",
            "n >= 3 and n <= 4 and not g",
            "g",
            "g or n >= 9",
            "n == 7 or n == 9",
            "n >= 50",
            "n >= 1 and n <= 100",
            "t3 or t4",
            "t12 or n == 2",
            "not g",
            "n == 3 or n == 4",
            // The same bounds, one inside the other.
            "n == 3 or n == 5",
            "n >= 3 and n <= 5",
        ],
        false,
    );
    // No two fire together (each its own group): chains of levels and
    // of alternatives, either way round, and some apart.
    same_as_every_pair(
        &[
            "n >= 10",
            "n >= 20",
            "n >= 30",
            "n >= 5 and n <= 40",
            "n == 25",
            "t4 or n == 1",
            "t5 or n == 2",
            "t6 or g",
            "n >= 30 and g",
            "n <= 3",
            "n <= 2",
            "n <= 1",
            "n == 3 or n == 1",
        ],
        true,
    );
}

/// `of`, `count` and (when no two fire together: `alone`) `direct` are
/// what asking every pair gives.
fn same_as_every_pair(triggers: &[&str], alone: bool) {
    let mut source =
        String::from("plan \"p\" { issuer \"i\" }\nfact n \"n\": count\nfact g \"g\": flag\n");
    for (i, c) in triggers.iter().enumerate() {
        source += &format!("trigger t{i} \"t{i}\" when {c}\n");
    }
    let parsed = syntax::parse(&source);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let model = model::build(&parsed.file);
    let graphs = Graphs::build(&model);
    let conditions = Conditions::of(&model, &graphs);
    let implications = Implications::build(&model, &conditions);
    let mut implier = Implier::new(&model, &conditions);
    let pairwise: Vec<Vec<TriggerId>> = model
        .trigger_ids()
        .map(|t| {
            model
                .trigger_ids()
                .filter(|&u| implier.implies(t, u))
                .collect()
        })
        .collect();
    assert_eq!(implications.groups() == model.triggers.len(), alone);
    for t in model.trigger_ids() {
        let all = &pairwise[t.index()];
        assert_eq!(implications.of(t), *all, "t{}", t.index());
        assert_eq!(implications.count(t), all.len());
        if alone {
            let direct: Vec<TriggerId> = all
                .iter()
                .copied()
                .filter(|u| !all.iter().any(|v| pairwise[v.index()].contains(u)))
                .collect();
            assert_eq!(implications.direct(t), direct, "t{}", t.index());
        }
    }
}
