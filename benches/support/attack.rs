//! Hostile plans, one generator per shape that once made planc super-linear
//! (issue 19): shared by `benches/attack.rs` (figures at three sizes, and the
//! files themselves for `/usr/bin/time`) and `tests/attack.rs` (behaviour at
//! small sizes). Each takes its size `n` and returns the plan's text.

/// A header and a commander every generated plan starts with.
const HEAD: &str =
    "plan \"P\" { issuer \"u\"; commander boss }\nrole boss \"组长\" { holder \"张三\" }\n";

/// One generator: its name (the file name in `write`), what `n` counts, and the plan.
pub struct Shape {
    pub name: &'static str,
    pub what: &'static str,
    pub plan: fn(usize) -> String,
}

pub const SHAPES: &[Shape] = &[
    Shape {
        name: "cycle",
        what: "roles in one escalation loop",
        plan: cycle,
    },
    Shape {
        name: "wide",
        what: "roles escalating to one (span-of-control)",
        plan: wide,
    },
    Shape {
        name: "per-line",
        what: "undefined names on one line",
        plan: undefined_on_one_line,
    },
    Shape {
        name: "puzzle",
        what: "pigeonhole triggers (9 pigeons, 8 holes)",
        plan: pigeons,
    },
    Shape {
        name: "suppressed",
        what: "roles, each with a used suppression",
        plan: suppressed,
    },
    Shape {
        name: "chain",
        what: "triggers `tᵢ when tᵢ₋₁`, a step each",
        plan: trigger_chain,
    },
    Shape {
        name: "star",
        what: "triggers `aᵢ when n == i`, each setting off one `hub` (a step each)",
        plan: trigger_star,
    },
    Shape {
        name: "levels",
        what: "levels and triggers `tᵢ when n >= N - i`, each setting off all below (a step each)",
        plan: trigger_levels,
    },
    Shape {
        name: "or-chain",
        what: "triggers `tᵢ when tᵢ₋₁ or n == i` (a step each)",
        plan: trigger_or_chain,
    },
    Shape {
        name: "long",
        what: "MB of one `f and f …` condition",
        plan: and_chain,
    },
    Shape {
        name: "long-or",
        what: "MB of one `f or f …` condition",
        plan: or_chain,
    },
    Shape {
        name: "long-not",
        what: "MB of one `not not … f` condition",
        plan: not_chain,
    },
    Shape {
        name: "long-mixed",
        what: "MB of one condition of `and`, `or`, `not`, groups, comparisons and memberships",
        plan: mixed_chain,
    },
    Shape {
        name: "long-distinct",
        what: "MB of one mixed condition whose parts all differ (a number of its own in each comparison)",
        plan: distinct_mixed_chain,
    },
    Shape {
        name: "long-in",
        what: "MB of one `k in { a, b, … }`",
        plan: long_membership,
    },
    Shape {
        name: "deep",
        what: "nested parentheses in one condition",
        plan: deep,
    },
    Shape {
        name: "deep-many",
        what: "triggers, each with a condition nested 100 parentheses deep",
        plan: deep_many,
    },
    Shape {
        name: "broken",
        what: "broken lines, one syntax error each (error recovery)",
        plan: broken_lines,
    },
];

/// `n` roles escalating in one loop: `r0 → r1 → … → r0`.
pub fn cycle(n: usize) -> String {
    let mut s = String::from(HEAD);
    for i in 0..n {
        s += &format!(
            "role r{i} \"r\" {{ holder \"h\"; escalates to r{} }}\n",
            (i + 1) % n
        );
    }
    s
}

/// `n` roles that all escalate to the commander.
pub fn wide(n: usize) -> String {
    let mut s = String::from(HEAD);
    for i in 0..n {
        s += &format!("role r{i} \"r\" {{ holder \"h\"; escalates to boss }}\n");
    }
    s
}

/// One step taking part with `n` roles that do not exist, on one line.
pub fn undefined_on_one_line(n: usize) -> String {
    let names: Vec<String> = (0..n).map(|i| format!("u{i}")).collect();
    format!(
        "{HEAD}step s \"s\" {{ owner boss; with {} }}\n",
        names.join(", ")
    )
}

/// `n` triggers, each "9 pigeons in 8 holes" over the same 72 flags (its
/// clauses rotated so no two are the same text): past the search's bound.
pub fn pigeons(n: usize) -> String {
    let (pigeons, holes) = (9, 8);
    let mut s = String::from(HEAD);
    for p in 0..pigeons {
        for h in 0..holes {
            s += &format!("fact p{p}_{h} \"p\": flag\n");
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
    for t in 0..n {
        clauses.rotate_left(1);
        s += &format!("trigger t{t} \"t\" when {}\n", clauses.join(" and "));
    }
    s
}

/// `n` roles without a holder, each under `# planc: allow(unassigned-role)`,
/// each escalating to the one before and owning a step.
pub fn suppressed(n: usize) -> String {
    let mut s = String::from(HEAD);
    s += "fact f \"f\": flag\ntrigger t \"t\" when f\n";
    for i in 0..n {
        let up = if i == 0 {
            "boss".to_string()
        } else {
            format!("r{}", i - 1)
        };
        s += &format!(
            "# planc: allow(unassigned-role) — 待定\nrole r{i} \"r\" {{ holder \"_____\"; escalates to {up} }}\nstep s{i} \"s\" {{ owner r{i}; on t }}\n"
        );
    }
    s
}

/// `n` triggers, each set off by the one before, and a step on each.
pub fn trigger_chain(n: usize) -> String {
    let mut s = String::from(HEAD);
    s += "fact f \"f\": flag\ntrigger t0 \"t0\" when f\n";
    for i in 1..n {
        s += &format!("trigger t{i} \"t{i}\" when t{}\n", i - 1);
    }
    for i in 0..n {
        s += &format!("step s{i} \"s{i}\" {{ owner boss; on t{i} }}\n");
    }
    s
}

/// A step on each of `triggers`, owned by the commander.
fn steps_on(triggers: impl Iterator<Item = String>) -> String {
    triggers
        .enumerate()
        .map(|(i, t)| format!("step s{i} \"s{i}\" {{ owner boss; on {t} }}\n"))
        .collect()
}

/// `n` triggers on values of one count, and a `hub` that any of them sets off.
pub fn trigger_star(n: usize) -> String {
    let mut s = String::from(HEAD);
    s += "fact n \"n\": count\n";
    let alternatives: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
    s += &format!("trigger hub \"hub\" when {}\n", alternatives.join(" or "));
    for i in 0..n {
        s += &format!("trigger a{i} \"a{i}\" when n == {}\n", i + 1);
    }
    s + &steps_on(std::iter::once("hub".to_string()).chain(alternatives))
}

/// `n` levels, most severe first, and a trigger at each: `tᵢ when n >= N - i`,
/// so each sets off every one below it.
pub fn trigger_levels(n: usize) -> String {
    let mut s = String::from(HEAD);
    s += "fact n \"n\": count\n";
    for i in 0..n {
        s += &format!("level L{i} \"L{i}\"\n");
    }
    for i in 0..n {
        s += &format!("trigger t{i} \"t{i}\" when n >= {} level L{i}\n", n - i);
    }
    s + &steps_on((0..n).map(|i| format!("t{i}")))
}

/// `n` triggers, each set off by the one before or a value of its own.
pub fn trigger_or_chain(n: usize) -> String {
    let mut s = String::from(HEAD);
    s += "fact n \"n\": count\ntrigger t0 \"t0\" when n == 0\n";
    for i in 1..n {
        s += &format!("trigger t{i} \"t{i}\" when t{} or n == {i}\n", i - 1);
    }
    s + &steps_on((0..n).map(|i| format!("t{i}")))
}

/// About `n` MB (10^6 bytes) of one condition `f and f and …`.
pub fn and_chain(n: usize) -> String {
    let mut s = String::from(HEAD);
    s += "fact f \"f\": flag\ntrigger t \"t\" when f";
    s += &" and f".repeat(n * 1_000_000 / 6);
    s += "\nstep s \"s\" { owner boss; on t }\n";
    s
}

/// The plan of one trigger whose condition is `head` then `tail` repeated
/// to about `n` MB, and the facts it uses.
fn long_condition(n: usize, facts: &str, head: &str, tail: &str) -> String {
    let mut s = String::from(HEAD);
    s += facts;
    s += "trigger t \"t\" when ";
    s += head;
    s += &tail.repeat(n * 1_000_000 / tail.len());
    s += "\nstep s \"s\" { owner boss; on t }\n";
    s
}

/// About `n` MB of one condition `f or f or …`.
pub fn or_chain(n: usize) -> String {
    long_condition(n, "fact f \"f\": flag\n", "f", " or f")
}

/// About `n` MB of `not`s before one flag.
pub fn not_chain(n: usize) -> String {
    let mut s = long_condition(n, "fact f \"f\": flag\n", "", "not ");
    let at = s.rfind("\nstep").unwrap_or(s.len());
    s.insert(at, 'f');
    s
}

/// About `n` MB of one condition mixing every form: `and`, `or`, `not`,
/// parentheses, comparisons, memberships, comments and line breaks.
pub fn mixed_chain(n: usize) -> String {
    long_condition(
        n,
        "fact f \"f\": flag\nfact v \"v\": count\nfact x \"x\": number\nfact k \"k\": one_of { a \"a\", b \"b\" }\n",
        "f",
        " and (not f or v >= 50 # 注\n or k in { a, b }) or x < 0.5 and not not (f)",
    )
}

/// About `n` MB of the mixed condition with a number of its own in each
/// comparison, so no part of it is written twice: nothing of the logic's
/// net is shared (its nodes and their models are made for each part).
pub fn distinct_mixed_chain(n: usize) -> String {
    let mut s = String::from(HEAD);
    s += "fact f \"f\": flag\nfact v \"v\": count\nfact x \"x\": number\nfact k \"k\": one_of { a \"a\", b \"b\" }\n";
    s += "trigger t \"t\" when f";
    let end = s.len() + n * 1_000_000;
    let mut i = 0;
    while s.len() < end {
        s += &format!(
            " and (not f or v >= {i} # 注\n or k in {{ a, b }}) or x < {i}.5 and not not (f)"
        );
        i += 1;
    }
    s += "\nstep s \"s\" { owner boss; on t }\n";
    s
}

/// One membership test naming a variant about `n` MB of times.
pub fn long_membership(n: usize) -> String {
    let mut s = long_condition(
        n,
        "fact k \"k\": one_of { a \"a\", b \"b\" }\n",
        "k in { a",
        ", b",
    );
    let at = s.rfind("\nstep").unwrap_or(s.len());
    s.insert_str(at, " }");
    s
}

/// One condition nested `n` parentheses deep.
pub fn deep(n: usize) -> String {
    format!(
        "{HEAD}fact f \"f\": flag\ntrigger t \"t\" when {}f{}\n",
        "(".repeat(n),
        ")".repeat(n)
    )
}

/// `n` triggers, each with a condition nested 100 parentheses deep: the
/// nesting of `deep` at a size where memory per byte means something (one
/// condition can only be so deep).
pub fn deep_many(n: usize) -> String {
    let mut s = format!("{HEAD}fact f \"f\": flag\n");
    let (open, close) = ("(".repeat(100), ")".repeat(100));
    for i in 0..n {
        s.push_str(&format!("trigger t{i} \"t\" when {open}f{close}\n"));
    }
    s
}

/// `n` broken lines, each one syntax error that recovery steps over: a
/// step whose `owner` names no one (the error on its line; a pasted `，`
/// after it, which `planc fmt --fix` would repair), then a role without its
/// label (the error at the next line's first word).
pub fn broken_lines(n: usize) -> String {
    let mut s = String::from(HEAD);
    for i in 0..n {
        s += &if i % 2 == 0 {
            format!("step s{i} \"s\" {{ owner }}，\n")
        } else {
            format!("role r{i}\n")
        };
    }
    s
}
