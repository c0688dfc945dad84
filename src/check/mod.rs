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

use std::sync::OnceLock;

use crate::config::{Config, RuleSeverity};
use crate::diagnostic::{Code, Diagnostic, Label, Message, Severity};
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
        }
    }

    /// Which triggers can fire (see `logic`), computed once per plan.
    pub fn analysis(&self) -> &Analysis {
        self.analysis
            .get_or_init(|| logic::analyse(self.model, self.graphs))
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
        self.conditions
            .get_or_init(|| Conditions::of(self.model, self.graphs))
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
    /// Appends the rule's diagnostics. Rules whose findings come from an
    /// earlier stage (syntax errors, name resolution) turn those into diagnostics here.
    pub run: fn(&Context, &mut Vec<Diagnostic>),
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
/// rule when it is done). Their findings are put together in one vector
/// without a second copy of them all: `finish` sorts them by position and
/// code, keeping each rule's own order, so the order of the rules does not
/// show.
pub fn run(ctx: &Context) -> Vec<Diagnostic> {
    let rules: Vec<&Rule> = RULES
        .iter()
        .copied()
        .filter(|rule| severity(rule.code, ctx.config).is_some())
        .collect();
    let m = ctx.model;
    let size = m.steps.len() + m.roles.len() + m.triggers.len();
    if size < PARALLEL_FROM {
        let mut out = Vec::new();
        for rule in rules {
            (rule.run)(ctx, &mut out);
        }
        return out;
    }
    // rayon's pool, shared with the files the CLI checks at once.
    use rayon::prelude::*;
    let mut found: Vec<Vec<Diagnostic>> = rules
        .par_iter()
        .with_max_len(1)
        .map(|rule| {
            let mut out = Vec::new();
            (rule.run)(ctx, &mut out);
            out
        })
        .collect();
    join(&mut found)
}

/// The vectors' findings in one: the largest vector (on a plan with
/// hundreds of thousands of findings, usually nearly all of them) takes the
/// others' in, so its findings are never copied.
fn join(found: &mut [Vec<Diagnostic>]) -> Vec<Diagnostic> {
    let Some(largest) = (0..found.len()).max_by_key(|&i| found[i].len()) else {
        return Vec::new();
    };
    let mut all = std::mem::take(&mut found[largest]);
    let rest: usize = found.iter().map(Vec::len).sum();
    all.reserve_exact(rest);
    for more in found {
        all.append(more);
        *more = Vec::new();
    }
    all
}

/// A plan with this many steps, roles and triggers or more is checked on
/// several threads: below it, starting them costs more than they save.
const PARALLEL_FROM: usize = 2_000;

/// Gives each diagnostic its configured severity, drops those that are off,
/// and sorts them by position.
pub fn finish(mut diagnostics: Vec<Diagnostic>, config: &Config) -> Vec<Diagnostic> {
    diagnostics.retain_mut(|d| match severity(d.code, config) {
        Some(s) => {
            d.severity = s;
            if d.source().is_none() {
                d.set_source(crate::profiles::cited(d.code, &config.profiles).map(
                    |(profile, cited)| Source {
                        profile,
                        clause: cited.clause,
                    },
                ));
            }
            true
        }
        None => false,
    });
    sort_by_position(&mut diagnostics);
    diagnostics
}

/// Sorts the diagnostics by `Diagnostic::sort_key`, keeping the order of
/// those with equal keys (as a stable sort does), without the stable
/// sort's buffer of half the diagnostics: their positions are sorted, and
/// the diagnostics moved into place by swaps.
fn sort_by_position(diagnostics: &mut [Diagnostic]) {
    if diagnostics.is_sorted_by_key(Diagnostic::sort_key) {
        return;
    }
    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    order.sort_unstable_by_key(|&i| (diagnostics[i].sort_key(), i));
    // `order[i]` is the diagnostic that goes to `i`: follow each cycle of
    // the permutation, marking each place done as it is filled.
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let next = order[at];
            order[at] = at;
            if next == start || next == at {
                break;
            }
            diagnostics.swap(at, next);
            at = next;
        }
    }
}
