//! The logic checks on large plans: `trigger-cycle`, `unsatisfiable-trigger`
//! and `unreachable-step` are decided (not timed) on conditions and chains
//! far larger than any written plan. The large plans are built directly as
//! models, so the tests stay quick in debug builds; the parser's own limits
//! are tested through `check_source`.

mod common;

use planc::check::{self, Context};
use planc::config::Config;
use planc::diagnostic::{Code, Diagnostic};
use planc::graph::Graphs;
use planc::lang::Lang;
use planc::model::{
    Cond, CondId, Fact, FactId, FactType, Model, Named, OwnedCondition, Ref, Step, StepId, Trigger,
    TriggerId,
};
use planc::span::Span;
use planc::syntax::ast::CmpOp;

/// A model built item by item, each name at its own span of `source`
/// (where the model reads names and labels back).
#[derive(Default)]
struct Synth {
    model: Model<'static>,
    source: String,
}

impl Synth {
    /// A span of its own (of one byte).
    fn span(&mut self) -> Span {
        self.text("x")
    }

    /// `text` written into the source, and its span there.
    fn text(&mut self, text: &str) -> Span {
        let start = self.source.len();
        self.source.push_str(text);
        self.source.push(' ');
        Span::new(start, start + text.len())
    }

    fn named(&mut self, name: String) -> Named {
        Named {
            name_span: self.text(&name),
            label_span: self.text("\"标签\""),
            span: self.span(),
        }
    }

    fn fact(&mut self, name: String, ty: FactType<'static>) -> FactId {
        let named = self.named(name);
        self.model.facts.push(Fact { named, ty });
        FactId(self.model.facts.len() as u32 - 1)
    }

    /// A trigger whose condition is `nodes`, the root last.
    fn trigger(&mut self, name: String, mut condition: OwnedCondition) -> TriggerId {
        let named = self.named(name);
        condition.root = CondId(condition.len() as u32 - 1);
        let condition = self.model.conditions.add(condition.view());
        self.model.triggers.push(Trigger {
            named,
            condition,
            level: None,
        });
        TriggerId(self.model.triggers.len() as u32 - 1)
    }

    fn step(&mut self, name: String, on: &[TriggerId], after: &[StepId]) -> StepId {
        let named = self.named(name);
        let on = on
            .iter()
            .map(|&id| Ref {
                id,
                span: self.span(),
            })
            .collect();
        let after = after
            .iter()
            .map(|&id| Ref {
                id,
                span: self.span(),
            })
            .collect();
        self.model.steps.push(Step {
            named,
            owner: None,
            owner_written: true,
            on_direct: on,
            after,
            start_unresolved: false,
            more: None,
        });
        StepId(self.model.steps.len() as u32 - 1)
    }

    /// The diagnostics of the logic checks.
    fn check(&mut self) -> Vec<Diagnostic> {
        self.model.source = Box::leak(self.source.clone().into_boxed_str());
        let graphs = Graphs::build(&self.model);
        let config = Config::default();
        let ctx = Context::new(&self.model, &graphs, &config);
        let logic = [
            Code::TriggerCycle,
            Code::UnsatisfiableTrigger,
            Code::UnreachableStep,
        ];
        check::finish(check::run(&ctx), &config)
            .into_iter()
            .filter(|d| logic.contains(&d.code))
            .collect()
    }
}

/// `name: code` for each diagnostic, with the first name its message quotes.
fn found(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| {
            let message = d.message.text(Lang::En);
            let name = message.split('`').nth(1).unwrap_or("?");
            format!("{name}: {}", d.code)
        })
        .collect()
}

fn compare(fact: FactId, op: CmpOp, value: u64) -> Cond<'static> {
    Cond::Compare {
        fact,
        op,
        value,
        decimal: None,
        span: Span::new(0, 1),
    }
}

fn flag(fact: FactId) -> Cond<'static> {
    Cond::Flag {
        fact,
        span: Span::new(0, 1),
    }
}

fn named(trigger: TriggerId) -> Cond<'static> {
    Cond::Trigger {
        trigger,
        span: Span::new(0, 1),
    }
}

/// `parts` joined by `and` (or `or`), as an arena with the root last.
fn join(parts: Vec<Cond<'static>>, and: bool) -> OwnedCondition {
    let ids = (0..parts.len() as u32).map(CondId);
    let mut nodes = OwnedCondition::from_nodes(parts, CondId(0));
    nodes.push_join(and, ids, Span::new(0, 1));
    nodes
}

#[test]
fn a_chain_of_twenty_thousand_triggers_is_checked() {
    let n = 20_000;
    let mut s = Synth::default();
    let v = s.fact("v".into(), FactType::Count);
    let flags: Vec<FactId> = (0..n)
        .map(|i| s.fact(format!("f{i}"), FactType::Flag))
        .collect();
    // t0 when v >= 1; t(i) when t(i-1) and f(i)
    let mut chain = vec![s.trigger(
        "t0".into(),
        OwnedCondition::from_nodes([compare(v, CmpOp::Ge, 1)], CondId(0)),
    )];
    for i in 1..n {
        let previous = chain[i - 1];
        let t = s.trigger(
            format!("t{i}"),
            join(vec![named(previous), flag(flags[i])], true),
        );
        chain.push(t);
    }
    let last = chain[n - 1];
    // 20,000 links down, `v >= 1` contradicts `v < 1`.
    let never = s.trigger(
        "never".into(),
        join(vec![named(last), compare(v, CmpOp::Lt, 1)], true),
    );
    let wider = s.trigger(
        "wider".into(),
        join(
            vec![named(last), flag(flags[1]), compare(v, CmpOp::Ge, 2)],
            true,
        ),
    );
    // o0 when v < 1; o(i) when o(i-1) or f(i)
    let mut ors = vec![s.trigger(
        "o0".into(),
        OwnedCondition::from_nodes([compare(v, CmpOp::Lt, 1)], CondId(0)),
    )];
    for i in 1..n {
        let t = s.trigger(
            format!("o{i}"),
            join(vec![named(ors[i - 1]), flag(flags[i])], false),
        );
        ors.push(t);
    }
    let o_last = ors[n - 1];
    let mut o_never =
        OwnedCondition::from_nodes([named(o_last), compare(v, CmpOp::Ge, 1)], CondId(0));
    let mut alternatives = Vec::new();
    for &f in &flags[1..] {
        o_never.push(flag(f));
        o_never.push(Cond::Not(CondId(o_never.len() as u32 - 1), Span::new(0, 1)));
        alternatives.push(CondId(o_never.len() as u32 - 1));
    }
    o_never.push_join(
        true,
        [CondId(0), CondId(1)].into_iter().chain(alternatives),
        Span::new(0, 1),
    );
    let o_never = s.trigger("o_never".into(), o_never);

    s.step("runs".into(), &[last], &[]);
    s.step("runs_too".into(), &[wider, o_last], &[]);
    s.step("dead".into(), &[never], &[]);
    s.step("dead_too".into(), &[o_never], &[]);
    let diagnostics = s.check();
    // `o_never` is too large to minimise: its whole condition is labelled,
    // and synthetic conditions sit at the start of the file.
    assert_eq!(
        found(&diagnostics),
        [
            "o_never: unsatisfiable-trigger",
            "never: unsatisfiable-trigger",
            "dead: unreachable-step",
            "dead_too: unreachable-step",
        ]
    );
}

#[test]
fn a_condition_of_ten_thousand_ored_comparisons_is_checked() {
    let mut s = Synth::default();
    let v = s.fact("v".into(), FactType::Count);
    let counts: Vec<FactId> = (0..10_000)
        .map(|i| s.fact(format!("c{i}"), FactType::Count))
        .collect();
    // (v == 0 or v == 2 or … or v == 19998) and v == <x>
    let one_fact = |x: u64| {
        let mut nodes = join(
            (0..10_000).map(|i| compare(v, CmpOp::Eq, 2 * i)).collect(),
            false,
        );
        nodes.push(compare(v, CmpOp::Eq, x));
        let n = nodes.len() as u32;
        nodes.push(Cond::And(&[CondId(n - 2), CondId(n - 1)], Span::new(0, 1)));
        nodes
    };
    let odd = s.trigger("odd".into(), one_fact(1));
    let even = s.trigger("even".into(), one_fact(19_998));
    // (c0 > 0 or c1 > 1 or …) and c0 <= 0 and c1 <= 1 and …
    let mut many = join(
        counts
            .iter()
            .enumerate()
            .map(|(i, &c)| compare(c, CmpOp::Gt, i as u64))
            .collect(),
        false,
    );
    let any = CondId(many.len() as u32 - 1);
    let mut parts = vec![any];
    for (i, &c) in counts.iter().enumerate() {
        many.push(compare(c, CmpOp::Le, i as u64));
        parts.push(CondId(many.len() as u32 - 1));
    }
    let all_but_last = parts[..parts.len() - 1].to_vec();
    let mut almost = many.clone();
    almost.push(Cond::And(&all_but_last, Span::new(0, 1)));
    many.push(Cond::And(&parts, Span::new(0, 1)));
    let none = s.trigger("none".into(), many);
    let one_left = s.trigger("one_left".into(), almost);
    s.step("a".into(), &[odd, even], &[]);
    s.step("b".into(), &[none, one_left], &[]);
    let diagnostics = s.check();
    assert_eq!(
        found(&diagnostics),
        ["odd: unsatisfiable-trigger", "none: unsatisfiable-trigger",]
    );
    // Too large to minimise: the whole condition is labelled, without parts.
    assert!(diagnostics.iter().all(|d| d.secondary().is_empty()));
}

#[test]
fn a_loop_of_twenty_thousand_triggers_is_one_cycle() {
    let n = 20_000u32;
    let mut s = Synth::default();
    let x = s.fact("x".into(), FactType::Flag);
    for i in 0..n {
        let next = TriggerId((i + 1) % n);
        s.trigger(format!("t{i}"), join(vec![named(next), flag(x)], false));
    }
    let outside = s.trigger(
        "outside".into(),
        join(vec![named(TriggerId(0)), flag(x)], true),
    );
    s.step("on_loop".into(), &[TriggerId(5)], &[]);
    s.step("on_outside".into(), &[outside], &[]);
    let diagnostics = s.check();
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].code, Code::TriggerCycle);
    assert_eq!(diagnostics[0].secondary().len() as u32, n - 1);
}

#[test]
fn a_step_after_a_twenty_thousand_step_chain_that_never_starts() {
    let mut s = Synth::default();
    let v = s.fact("v".into(), FactType::Count);
    let t = s.trigger(
        "t".into(),
        OwnedCondition::from_nodes([compare(v, CmpOp::Ge, 1)], CondId(0)),
    );
    let head = s.step("head".into(), &[], &[]);
    let mut previous = head;
    for i in 1..20_000 {
        previous = s.step(format!("s{i}"), &[t], &[previous]);
    }
    let found = found(&s.check());
    assert_eq!(found.len(), 20_000);
    assert_eq!(found[0], "head: unreachable-step");
    assert_eq!(found[19_999], "s19999: unreachable-step");
}

#[test]
fn a_hundred_thousand_nots_do_not_crash() {
    let base = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/checks/undefined-name/quiet.plan"
    ))
    .unwrap();
    let fact = "fact x \"标志\": flag\n";
    // `not not … x`: a flat list of `not`s for the parser.
    let nots = "not ".repeat(100_000);
    let plan = format!("{base}{fact}trigger deep \"深\" when {nots}x and x\n");
    let codes: Vec<String> = common::diagnostics(&plan)
        .iter()
        .map(|d| d.code.to_string())
        .collect();
    // Even: `x and x`, which can fire (it starts no step: not this check's business).
    assert!(
        !codes.iter().any(|c| c == "unsatisfiable-trigger"),
        "{codes:?}"
    );
    let plan = format!("{base}{fact}trigger deep \"深\" when not {nots}x and x\n");
    let codes: Vec<String> = common::diagnostics(&plan)
        .iter()
        .map(|d| d.code.to_string())
        .collect();
    assert!(
        codes.iter().any(|c| c == "unsatisfiable-trigger"),
        "{codes:?}"
    );
    // `not (not (… x))`: nested groups, refused by the parser's depth limit.
    let nested = format!("{}x{}", "not (".repeat(100_000), ")".repeat(100_000));
    let plan = format!("{base}{fact}trigger deep \"深\" when {nested}\n");
    let codes: Vec<String> = common::diagnostics(&plan)
        .iter()
        .map(|d| d.code.to_string())
        .collect();
    assert!(!codes.is_empty());
    assert!(codes.iter().all(|c| c == "syntax-error"), "{codes:?}");
}

#[test]
#[allow(clippy::needless_range_loop)] // pigeons and holes read best as indexes
fn a_condition_too_hard_to_decide_says_so() {
    // Nine pigeons in eight holes, as flags: exponential for any search
    // without learning, so planc stops at its bound and says it did.
    let mut s = Synth::default();
    let p: Vec<Vec<FactId>> = (0..9)
        .map(|i| {
            (0..8)
                .map(|h| s.fact(format!("p{i}_{h}"), FactType::Flag))
                .collect()
        })
        .collect();
    let mut nodes = OwnedCondition::default();
    let mut clauses = Vec::new();
    for row in &p {
        let first = nodes.len() as u32;
        for &f in row {
            nodes.push(flag(f));
        }
        nodes.push_join(false, (first..first + 8).map(CondId), Span::new(0, 1));
        clauses.push(CondId(nodes.len() as u32 - 1));
    }
    for h in 0..8 {
        for i in 0..9 {
            for j in i + 1..9 {
                let at = nodes.len() as u32;
                nodes.push(flag(p[i][h]));
                nodes.push(Cond::Not(CondId(at), Span::new(0, 1)));
                nodes.push(flag(p[j][h]));
                nodes.push(Cond::Not(CondId(at + 2), Span::new(0, 1)));
                nodes.push(Cond::Or(&[CondId(at + 1), CondId(at + 3)], Span::new(0, 1)));
                clauses.push(CondId(at + 4));
            }
        }
    }
    nodes.push(Cond::And(&clauses, Span::new(0, 1)));
    let hard = s.trigger("hard".into(), nodes);
    s.step("maybe".into(), &[hard], &[]);
    let diagnostics = s.check();
    assert_eq!(found(&diagnostics), ["hard: unsatisfiable-trigger"]);
    let text = diagnostics[0].text(Lang::En);
    assert!(text.message.starts_with("could not decide"));
    assert!(text.help.unwrap_or_default().contains("bound"));
}
