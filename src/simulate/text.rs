//! The exercise as text for people, in the plan's language.

use std::fmt::Write;

use super::{Chain, Simulation, Value, due_clock};
use crate::logic::schedule::{NotRun, Scheduled};
use crate::model::{FactId, FactType, Model, Party};
use crate::render::condition;
use crate::render::words::{
    Lang, Words, due_code, duration_code, every_written_words, phase_title,
};

struct SimWords {
    title: &'static str,
    start: &'static str,
    facts: &'static str,
    unset_count: &'static str,
    unset_flag: &'static str,
    unset_one_of: &'static str,
    yes: &'static str,
    no: &'static str,
    fired: &'static str,
    none_fired: &'static str,
    response_level: &'static str,
    not_fired: &'static str,
    because: &'static str,
    fired_word: &'static str,
    not_fired_word: &'static str,
    steps: &'static str,
    no_steps: &'static str,
    set_off_by: &'static str,
    skipped: &'static str,
    skipped_reason: &'static str,
    waits_for: &'static str,
    nothing_starts_it: &'static str,
    in_cycle: &'static str,
    unknown: &'static str,
    may_change: &'static str,
    chains: &'static str,
    at_top: &'static str,
    no_chain: &'static str,
    cumulative: &'static str,
    open_ended: &'static str,
    /// Between a hop's own time and the running total.
    sep: &'static str,
}

static ZH: SimWords = SimWords {
    title: "桌面推演",
    start: "开始时间",
    facts: "事实",
    unset_count: "未设定，按 0 计",
    unset_flag: "未设定，按“否”计",
    unset_one_of: "未设定，尚不确定",
    yes: "是",
    no: "否",
    fired: "启动的触发条件",
    none_fired: "没有触发条件启动：预案不启动。",
    response_level: "响应级别",
    not_fired: "未启动的触发条件",
    because: "依据",
    fired_word: "已启动",
    not_fired_word: "未启动",
    steps: "响应步骤（按执行顺序；同一阶段的步骤可同时进行）",
    no_steps: "（无）",
    set_off_by: "启动自",
    skipped: "未执行的步骤",
    skipped_reason: "其触发条件未启动",
    waits_for: "须先完成的步骤未执行",
    nothing_starts_it: "既无触发条件（on）也无前序步骤（after），不会执行",
    in_cycle: "处于前序步骤（after）的循环中",
    unknown: "尚不确定的事实",
    may_change: "（确定后结果可能改变）",
    chains: "升级链（至总指挥）",
    at_top: "本人即总指挥",
    no_chain: "无法经升级关系到达总指挥",
    cumulative: "累计",
    open_ended: "无时限",
    sep: "，",
};

static EN: SimWords = SimWords {
    title: "Tabletop exercise",
    start: "Start",
    facts: "Facts",
    unset_count: "not set, counts as 0",
    unset_flag: "not set, counts as false",
    unset_one_of: "not set, not known yet",
    yes: "true",
    no: "false",
    fired: "Triggers that fire",
    none_fired: "No trigger fires: the plan is not set off.",
    response_level: "response level",
    not_fired: "Triggers that do not fire",
    because: "Because",
    fired_word: "fires",
    not_fired_word: "does not fire",
    steps: "Steps, in the order to do them (the steps of one phase at the same time)",
    no_steps: "(none)",
    set_off_by: "Set off by",
    skipped: "Steps that do not run",
    skipped_reason: "its triggers did not fire",
    waits_for: "it waits for steps that do not run",
    nothing_starts_it: "it has neither `on` nor `after`, so nothing starts it",
    in_cycle: "it is in an `after` cycle",
    unknown: "Not known yet",
    may_change: " (the result may change once known)",
    chains: "Escalation chains (to the commander)",
    at_top: "is the commander",
    no_chain: "cannot reach the commander through `escalates to`",
    cumulative: "total",
    open_ended: "no time limit",
    sep: ", ",
};

struct Out<'a> {
    out: String,
    model: &'a Model<'a>,
    lang: Lang,
    w: &'static Words,
    s: &'static SimWords,
}

/// The exercise as text.
pub fn render(sim: &Simulation, model: &Model, lang: Lang) -> String {
    let mut o = Out {
        out: String::new(),
        model,
        lang,
        w: lang.words(),
        s: match lang {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        },
    };
    o.body(sim);
    o.out
}

impl Out<'_> {
    /// One line of output; control characters in user text (line breaks,
    /// terminal escapes) become spaces, bidi characters are shown escaped.
    fn line(&mut self, indent: usize, text: &str) {
        let text = crate::escape::one_line(text);
        let _ = writeln!(self.out, "{}{text}", "  ".repeat(indent));
    }

    fn field(&mut self, indent: usize, name: &str, value: &str) {
        let line = format!("{name}{}{value}", self.w.colon);
        self.line(indent, &line);
    }

    fn party(&self, p: Party) -> String {
        let holder = match p {
            Party::Role(r) => self.model.role(r).holder.as_ref(),
            Party::External(e) => self.model.external(e).holder.as_ref(),
        };
        let label = &self.model.label(self.model.party(p));
        match holder {
            Some(h) => format!("{label}{}{}{}", self.w.open, h.value, self.w.close),
            None => label.to_string(),
        }
    }

    fn parties(&self, ps: &[crate::model::Ref<Party>]) -> String {
        let v: Vec<String> = ps.iter().map(|p| self.party(p.id)).collect();
        v.join(self.w.comma)
    }

    /// `集体上访人数 = 60` or `集体上访人数：未设定，按 0 计`; with
    /// `named`, the fact's name follows its label: `集体上访人数（visitors）= 60`.
    fn fact_value(&self, sim: &Simulation, id: FactId, named: bool) -> String {
        let fact = self.model.fact(id);
        let label = if named {
            format!(
                "{}{}{}{}",
                self.model.label(&fact.named),
                self.w.open,
                self.model.name(&fact.named),
                self.w.close
            )
        } else {
            self.model.label(&fact.named).to_string()
        };
        match (sim.facts.get(id), &fact.ty) {
            (Some(Value::Count(n)), _) => format!("{label} = {n}"),
            (Some(Value::Number(d)), _) => format!("{label} = {d}"),
            (Some(Value::Flag(b)), _) => {
                format!("{label} = {}", if b { self.s.yes } else { self.s.no })
            }
            (Some(Value::Variant(v)), FactType::OneOf(vs)) => match vs.get(v as usize) {
                Some(v) => format!("{label} = {}", v.label.value),
                None => format!("{label} = ?"),
            },
            (_, FactType::Count | FactType::Number { .. }) => {
                format!("{label}{}{}", self.w.colon, self.s.unset_count)
            }
            (_, FactType::Flag) => format!("{label}{}{}", self.w.colon, self.s.unset_flag),
            (_, FactType::OneOf(_)) => format!("{label}{}{}", self.w.colon, self.s.unset_one_of),
        }
    }

    fn body(&mut self, sim: &Simulation) {
        let (w, s, model) = (self.w, self.s, self.model);
        let title = model.title();
        self.line(0, &format!("{}{}{title}", s.title, w.colon));
        if let Some(start) = sim.start {
            self.field(0, s.start, &start.display());
        }
        self.out.push('\n');

        self.line(0, s.facts);
        for i in 0..model.facts.len() {
            let line = self.fact_value(sim, FactId(i as u32), true);
            self.line(1, &line);
        }
        self.out.push('\n');

        let fired: Vec<_> = sim.triggers.iter().filter(|t| t.fired).collect();
        let level = match sim.level {
            Some(l) => {
                let l = &model.levels[l.index()].named;
                format!(
                    "{}{}{}{} {}{}",
                    w.open,
                    s.response_level,
                    w.colon,
                    model.name(l),
                    model.label(l),
                    w.close
                )
            }
            None => String::new(),
        };
        self.line(0, &format!("{}{level}", s.fired));
        if fired.is_empty() {
            self.line(1, s.none_fired);
        }
        for t in &fired {
            self.outcome(sim, t);
        }
        let not_fired: Vec<_> = sim.triggers.iter().filter(|t| !t.fired).collect();
        if !not_fired.is_empty() {
            self.out.push('\n');
            self.line(0, s.not_fired);
            for t in &not_fired {
                self.outcome(sim, t);
            }
        }
        self.out.push('\n');

        self.line(0, s.steps);
        if sim.steps.is_empty() {
            self.line(1, s.no_steps);
        }
        let mut number = 0;
        for phase in sim.steps.chunk_by(|a, b| a.phase == b.phase) {
            let title = phase_title(phase[0].phase + 1, phase.len(), self.lang);
            self.line(1, &title);
            for run in phase {
                number += 1;
                self.step(sim, run, number);
            }
        }
        if !sim.skipped.is_empty() {
            self.out.push('\n');
            self.line(0, s.skipped);
            for (step, why) in &sim.skipped {
                let labels = |names: Vec<String>| names.join(w.comma);
                let reason = match why {
                    NotRun::NotSetOff(ts) => format!(
                        "{}{}{}{}",
                        s.skipped_reason,
                        w.open,
                        labels(
                            ts.iter()
                                .map(|t| model.label(&model.trigger(*t).named).to_string())
                                .collect()
                        ),
                        w.close
                    ),
                    NotRun::Waits(ss) => format!(
                        "{}{}{}{}",
                        s.waits_for,
                        w.open,
                        labels(
                            ss.iter()
                                .map(|p| model.label(&model.step(*p).named).to_string())
                                .collect()
                        ),
                        w.close
                    ),
                    NotRun::NothingStartsIt => s.nothing_starts_it.to_string(),
                    NotRun::InCycle => s.in_cycle.to_string(),
                };
                let line = format!(
                    "- {}{}{reason}",
                    model.label(&model.step(*step).named),
                    w.colon
                );
                self.line(1, &line);
            }
        }
        if !sim.chains.is_empty() {
            self.out.push('\n');
            self.line(0, s.chains);
            for chain in &sim.chains {
                let line = self.chain(chain);
                self.line(1, &line);
            }
        }
    }

    /// One step that runs, numbered across phases.
    fn step(&mut self, sim: &Simulation, run: &Scheduled, number: usize) {
        let (w, s, model) = (self.w, self.s, self.model);
        let step = model.step(run.step);
        self.line(2, &format!("{number}. {}", model.label(&step.named)));
        let deadline = match run.due {
            Some(d) => {
                let offset = format!("+{}", due_code(d));
                match sim.start {
                    Some(start) => format!(
                        "{offset}{}{}{}",
                        w.open,
                        due_clock(start, d).display(),
                        w.close
                    ),
                    None => offset,
                }
            }
            None => w.no_deadline.to_string(),
        };
        self.field(4, w.deadline, &deadline);
        if let Some(every) = step.every() {
            let repeat = repeats(sim, run, every, self.lang);
            self.field(4, w.repeat, &repeat);
        }
        if let Some(o) = step.owner {
            let owner = self.party(Party::Role(o.id));
            self.field(4, w.owner, &owner);
        }
        if !step.with().is_empty() {
            let with = self.parties(step.with());
            self.field(4, w.with, &with);
        }
        if !step.notify().is_empty() {
            let notify = self.parties(step.notify());
            self.field(4, w.notify, &notify);
        }
        if let Some(u) = step.until() {
            self.field(4, w.until, &u.value);
        }
        let by: Vec<String> = run
            .set_off_by
            .iter()
            .map(|t| model.label(&model.trigger(*t).named).to_string())
            .collect();
        self.field(4, s.set_off_by, &by.join(w.comma));
    }

    fn outcome(&mut self, sim: &Simulation, t: &super::TriggerOutcome) {
        let (w, s, model) = (self.w, self.s, self.model);
        let trigger = model.trigger(t.trigger);
        let mark = if t.fired { "✓" } else { "✗" };
        let level = match trigger.level {
            Some(l) => {
                let l = &model.levels[l.id.index()].named;
                format!(
                    "{}{}{}{} {}{}",
                    w.open,
                    w.level,
                    w.colon,
                    model.name(l),
                    model.label(l),
                    w.close
                )
            }
            None => String::new(),
        };
        self.line(
            1,
            &format!(
                "{mark} {}{}{}{}{level}",
                model.label(&trigger.named),
                w.open,
                model.name(&trigger.named),
                w.close
            ),
        );
        let words = condition::words(model, &model.conditions.get(trigger.condition), self.lang);
        self.field(2, w.condition, &words);
        let mut because: Vec<String> = t
            .facts
            .iter()
            .map(|f| self.fact_value(sim, *f, false))
            .collect();
        because.extend(t.triggers.iter().map(|(u, fired)| {
            format!(
                "{}{}{}",
                model.label(&model.trigger(*u).named),
                w.colon,
                if *fired {
                    s.fired_word
                } else {
                    s.not_fired_word
                }
            )
        }));
        self.field(2, s.because, &because.join(w.comma));
        if !t.unknown.is_empty() {
            let unknown: Vec<_> = t
                .unknown
                .iter()
                .map(|f| model.label(&model.fact(*f).named))
                .collect();
            let value = format!("{}{}", unknown.join(w.comma), s.may_change);
            self.field(2, s.unknown, &value);
        }
    }

    fn chain(&self, chain: &Chain) -> String {
        let (w, s) = (self.w, self.s);
        let mut line = self.party(Party::Role(chain.owner));
        if chain.at_top {
            line.push_str(w.colon);
            line.push_str(s.at_top);
            return line;
        }
        if !chain.reaches {
            line.push_str(w.colon);
            line.push_str(s.no_chain);
            return line;
        }
        for hop in &chain.hops {
            let time = match (hop.within, hop.cumulative) {
                (Some(d), Some(total)) => format!(
                    "+{}{}{} {}",
                    duration_code(d),
                    s.sep,
                    s.cumulative,
                    duration_code(total)
                ),
                (Some(d), None) => format!("+{}", duration_code(d)),
                (None, _) => s.open_ended.to_string(),
            };
            let _ = write!(line, " → {}{}{time}{}", self.party(hop.to), w.open, w.close);
        }
        line
    }
}

/// (v1) How a step repeats: `每30分钟：+1h10m、+1h40m、+2h10m …` (its first
/// three repeats on the timeline, after its latest due time; with `--start`,
/// as clock times). Without a latest due time, only the interval.
fn repeats(
    sim: &Simulation,
    run: &crate::logic::schedule::Scheduled,
    every: &crate::syntax::ast::Duration,
    lang: Lang,
) -> String {
    let interval = every_written_words(every, lang);
    let Some(due) = run.due else {
        return interval;
    };
    let step = crate::logic::schedule::Due::of(every);
    let mut at = due;
    let times: Vec<String> = (0..3)
        .map(|_| {
            at = at.plus(step);
            match sim.start {
                Some(start) => due_clock(start, at).display(),
                None => format!("+{}", due_code(at)),
            }
        })
        .collect();
    let (colon, comma) = match lang {
        Lang::Zh => ("：", "、"),
        Lang::En => (": ", ", "),
    };
    format!("{interval}{colon}{} …", times.join(comma))
}
