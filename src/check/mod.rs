//! Stage 4: the checks. One rule per file under `rules/`, each with its code,
//! default severity, documentation (the text of `planc explain` and of its
//! page under docs/checks/) and a `run` function over the shared context.
//!
//! Invariant: rules only read the model and graphs; they never see source
//! text or do I/O, and every rule is listed exactly once in `RULES`.

pub(crate) mod hierarchy;
pub(crate) mod holder;
pub(crate) mod mentions;
pub(crate) mod reporting;
pub mod rules;
pub(crate) mod words;

use std::sync::{Mutex, OnceLock};

use crate::config::{Config, RuleSeverity};
use crate::diagnostic::{Code, Diagnostic, Findings, Label, Message, Severity};
use crate::graph::Graphs;
use crate::logic::schedule::{Checklists, Schedule};
use crate::logic::{self, Analysis, Conditions};
use crate::model::Model;
use crate::profiles::{ProfileId, Source};

/// What every rule may look at.
pub struct Context<'a, 's> {
    pub model: &'a Model<'s>,
    pub graphs: &'a Graphs,
    pub config: &'a Config,
    /// The trigger logic, worked out once on first use and shared by the rules.
    analysis: OnceLock<Analysis>,
    /// The response schedule, likewise.
    schedule: OnceLock<Schedule>,
    /// The triggers' conditions written out (see `logic::regions`), once.
    conditions: OnceLock<Conditions>,
    /// Each trigger's checklist (see `logic::schedule::Checklists`), once.
    checklists: OnceLock<Checklists>,
    /// Held while one of the logic's large jobs runs: a net built
    /// (`analysis`, `conditions`, `always_true`) or the conditions' regions
    /// swept (`trigger-gap`, `disjoint-after`). On two threads two nets were
    /// alive at once, and then a sweep beside a net, the peak of a plan of
    /// many small conditions (issue 19, memory per byte).
    large: Mutex<()>,
}

impl<'a, 's> Context<'a, 's> {
    pub fn new(model: &'a Model<'s>, graphs: &'a Graphs, config: &'a Config) -> Self {
        Context {
            model,
            graphs,
            config,
            analysis: OnceLock::new(),
            schedule: OnceLock::new(),
            conditions: OnceLock::new(),
            checklists: OnceLock::new(),
            large: Mutex::new(()),
        }
    }

    /// Runs `job`, one of the logic's large jobs (see `large`), when no
    /// other is running. Nothing in it may ask the context for anything
    /// not yet worked out (`analysis`, `conditions`): that would wait for
    /// itself.
    pub fn one_large_job_at_a_time<T>(&self, job: impl FnOnce() -> T) -> T {
        // A panic elsewhere while holding it left nothing half-done.
        let _turn = self.large.lock().unwrap_or_else(|e| e.into_inner());
        job()
    }

    /// Whether each trigger always holds (see `logic::always_true`); not
    /// kept: one rule reads it.
    pub fn always_true(&self) -> Vec<logic::Always> {
        self.one_large_job_at_a_time(|| logic::always_true(self.model, self.graphs))
    }

    /// Which triggers can fire (see `logic`), computed once per plan.
    pub fn analysis(&self) -> &Analysis {
        self.analysis.get_or_init(|| {
            self.one_large_job_at_a_time(|| logic::analyse(self.model, self.graphs))
        })
    }

    /// Which steps run, in which order, by when (see `logic::schedule`),
    /// computed once per plan.
    pub fn schedule(&self) -> &Schedule {
        self.schedule.get_or_init(|| Schedule::build(self.model))
    }

    /// What is done when each trigger fires (the trigger and every trigger
    /// that fires whenever it does), once per plan.
    pub fn checklists(&self) -> &Checklists {
        self.checklists.get_or_init(|| {
            Checklists::from_conditions(self.model, self.conditions(), self.schedule())
        })
    }

    /// Every trigger's condition as a DNF (see `logic::Conditions`), once per plan.
    pub fn conditions(&self) -> &Conditions {
        self.conditions.get_or_init(|| {
            self.one_large_job_at_a_time(|| Conditions::of(self.model, self.graphs))
        })
    }
}

/// A check: its identity, documentation and logic.
pub struct Rule {
    pub code: Code,
    /// `None`: off unless configured.
    pub default_severity: RuleSeverity,
    /// One line: what the check finds.
    pub summary: &'static str,
    /// Markdown: what it means, why it matters, a failing example and the fix.
    pub doc: &'static str,
    /// Appends the rule's diagnostics (packed as they are pushed: see
    /// `Findings`). Rules whose findings come from an earlier stage (syntax
    /// errors, name resolution) turn those into diagnostics here.
    pub run: fn(&Context, &mut Findings),
}

impl Rule {
    /// A diagnostic of this rule, labelled at `primary`: a rule reports
    /// through its own `RULE`, so its code is written once.
    /// Its words are `Message`s: `RULE.diagnostic(msg!("no-drill"), …)`, the
    /// texts in `src/i18n/{zh,en}/checks.ftl`.
    pub fn diagnostic(&self, message: Message, primary: Label) -> Diagnostic {
        Diagnostic::new(self.code, message, primary)
    }
}

/// The registry: every rule, in the order of the spec's table.
pub static RULES: &[&Rule] = rules::ALL;

/// The rule for a code. The registry and `Code` come from one table in
/// the same order, so a code's position is its rule's.
pub fn rule(code: Code) -> &'static Rule {
    RULES[code as usize]
}

/// The severity a code has under `config`, `None` when it is off.
pub fn severity(code: Code, config: &Config) -> Option<Severity> {
    match config.severities.get(&code) {
        Some(configured) => *configured,
        None => default_severity(code, &config.profiles),
    }
}

/// The severity of a code when `planc.toml` does not set it: the rule's
/// default, or, for a check of an enabled profile, the profile's.
pub fn default_severity(code: Code, profiles: &[ProfileId]) -> Option<Severity> {
    rule(code).default_severity.or_else(|| {
        crate::profiles::listing(code)
            .find(|(p, _)| profiles.contains(&p.id))
            .map(|(_, cited)| cited.severity)
    })
}

/// Runs every rule that is not off.
/// On a large plan the rules run on rayon's threads (each takes the next
/// rule when it is done). Their findings are put together in one store:
/// `finish` sorts them by position and code, keeping each rule's own
/// order, so the order of the rules does not show.
pub fn run(ctx: &Context) -> Findings {
    let rules: Vec<&Rule> = RULES
        .iter()
        .copied()
        .filter(|rule| severity(rule.code, ctx.config).is_some())
        .collect();
    let m = ctx.model;
    let size = m.steps.len() + m.roles.len() + m.triggers.len();
    if size < PARALLEL_FROM {
        let mut out = Findings::new();
        for rule in rules {
            (rule.run)(ctx, &mut out);
        }
        return out;
    }
    // rayon's pool, shared with the files the CLI checks at once.
    use rayon::prelude::*;
    let found: Vec<Findings> = rules
        .par_iter()
        .with_max_len(1)
        .map(|rule| {
            let mut out = Findings::new();
            (rule.run)(ctx, &mut out);
            out
        })
        .collect();
    join(found)
}

/// The stores' findings in one: the largest in bytes (on a plan with
/// hundreds of thousands of findings, usually nearly all of them; or one
/// finding with a label for every role) takes the others' in, so its
/// findings are never copied.
fn join(mut found: Vec<Findings>) -> Findings {
    let Some(largest) = (0..found.len()).max_by_key(|&i| found[i].packed_bytes()) else {
        return Findings::new();
    };
    let mut all = found.swap_remove(largest);
    for more in found {
        all.append(more);
    }
    all
}

/// A plan with this many steps, roles and triggers or more is checked on
/// several threads: below it, starting them costs more than they save.
const PARALLEL_FROM: usize = 2_000;

/// Gives each diagnostic its configured severity, drops those that are off,
/// and sorts them by position.
pub fn finish(diagnostics: impl Into<Findings>, config: &Config) -> Vec<Diagnostic> {
    finish_packed(diagnostics.into(), config).into_vec()
}

/// `finish` of packed findings.
pub fn finish_packed(mut findings: Findings, config: &Config) -> Findings {
    findings.settle(
        |code| severity(code, config),
        |code| {
            crate::profiles::cited(code, &config.profiles).map(|(profile, cited)| Source {
                profile,
                clause: cited.clause,
            })
        },
    );
    findings.sort_by_position();
    findings
}
