//! The facts of a tabletop exercise, as given with `--set FACT=VALUE`.
//!
//! A count that is not set counts as 0 and a flag as false ("nothing
//! happened"); a `one_of` fact that is not set is unknown (once known it
//! holds exactly one of its variants, as `check` assumes too).

use crate::i18n::{Arg, Message, msg};
use crate::model::{FactId, FactType, Model, Symbol};

/// The value of one fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Count(u64),
    /// (v1) A `number` fact's value.
    Number(crate::decimal::Decimal),
    Flag(bool),
    /// Index into the fact's variants.
    Variant(u32),
}

/// A value per fact; `None`: not set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub values: Vec<Option<Value>>,
}

impl Facts {
    /// No fact set.
    pub fn none(model: &Model) -> Facts {
        Facts {
            values: vec![None; model.facts.len()],
        }
    }

    /// Whether `fact` is a `one_of` fact that is not set.
    pub fn is_unknown(&self, model: &Model, fact: FactId) -> bool {
        self.get(fact).is_none() && matches!(model.fact(fact).ty, FactType::OneOf(_))
    }

    pub fn get(&self, fact: FactId) -> Option<Value> {
        self.values.get(fact.index()).copied().flatten()
    }

    /// Parses `FACT=VALUE` settings (a flag may be given as just `FACT`,
    /// meaning true). The message of an error says what is wrong and how to
    /// write it instead.
    pub fn parse(model: &Model, settings: &[String]) -> Result<Facts, Message> {
        let mut facts = Facts::none(model);
        let mut given: Vec<Option<&str>> = vec![None; model.facts.len()];
        for setting in settings {
            let (name, value) = match setting.split_once('=') {
                Some((n, v)) => (n.trim(), Some(v.trim())),
                None => (setting.trim(), None),
            };
            let id = fact_named(model, name, setting)?;
            if let Some(first) = given[id.index()] {
                return Err(msg!(
                    "set-twice",
                    name = name,
                    first = first,
                    second = setting.as_str()
                ));
            }
            given[id.index()] = Some(setting);
            facts.values[id.index()] = Some(value_of(model, id, value)?);
        }
        Ok(facts)
    }
}

fn fact_named(model: &Model, name: &str, setting: &str) -> Result<FactId, Message> {
    if name.is_empty() {
        return Err(msg!("set-no-fact-named", setting = setting));
    }
    let facts: Vec<&str> = model.facts.iter().map(|f| model.name(&f.named)).collect();
    // (v1) A fact may be named by its label (`--set 到场上访人数=60`); a name wins.
    if !model.symbols.contains_key(name) {
        let mut labelled = model
            .facts
            .iter()
            .enumerate()
            .filter(|(_, f)| model.label(&f.named) == name);
        if let Some((i, _)) = labelled.next() {
            if labelled.next().is_some() {
                return Err(msg!("set-label-twice", name = name, facts = list(&facts)));
            }
            return Ok(FactId(i as u32));
        }
    }
    match model.symbols.lookup(name) {
        Some((Symbol::Fact(id), _)) => Ok(id),
        Some((_, kind)) => Err(msg!(
            "set-wrong-kind",
            name = name,
            kind = kind.article(),
            facts = list(&facts)
        )),
        None => Err(match crate::suggest::closest(name, &facts) {
            Some(best) => msg!("set-unknown", name = name, best = best),
            None => msg!("set-unknown-list", name = name, facts = list(&facts)),
        }),
    }
}

/// Every name, or a word for none.
fn list(names: &[&str]) -> Arg {
    if names.is_empty() {
        Arg::from(msg!("set-no-facts"))
    } else {
        Arg::names(names.iter().copied(), usize::MAX)
    }
}

fn value_of(model: &Model, id: FactId, value: Option<&str>) -> Result<Value, Message> {
    let fact = model.fact(id);
    let name = model.name(&fact.named);
    match (&fact.ty, value) {
        (FactType::Flag, None) => Ok(Value::Flag(true)),
        (FactType::Flag, Some("true" | "yes" | "1")) => Ok(Value::Flag(true)),
        (FactType::Flag, Some("false" | "no" | "0")) => Ok(Value::Flag(false)),
        (FactType::Flag, Some(v)) => Err(msg!("set-flag-value", name = name, value = v)),
        (FactType::Count, Some(v)) => v.parse::<u64>().map(Value::Count).map_err(|e| {
            if *e.kind() == std::num::IntErrorKind::PosOverflow {
                msg!(
                    "set-count-too-large",
                    name = name,
                    value = v,
                    max = u64::MAX.to_string()
                )
            } else {
                msg!("set-count-not-whole", name = name, value = v)
            }
        }),
        (FactType::Number { .. }, Some(v)) => crate::decimal::Decimal::parse(v)
            .map(Value::Number)
            .map_err(|_| msg!("set-number-bad", name = name, value = v)),
        (FactType::Number { .. }, None) => Err(msg!("set-number-missing", name = name)),
        (FactType::Count, None) => Err(msg!("set-count-missing", name = name)),
        (FactType::OneOf(variants), v) => {
            let Some(v) = v else {
                return Err(msg!(
                    "set-variant-missing",
                    name = name,
                    variant = variants.first().map(|v| v.name).unwrap_or("…")
                ));
            };
            if let Some(i) = variants
                .iter()
                .position(|d| d.name == v || d.label.value == v)
            {
                return Ok(Value::Variant(i as u32));
            }
            let described = || {
                Arg::Either(
                    variants
                        .iter()
                        .map(|d| msg!("set-variant", name = d.name, label = d.label.value.as_ref()))
                        .collect(),
                )
            };
            let names: Vec<&str> = variants.iter().map(|d| d.name).collect();
            Err(match crate::suggest::closest(v, &names) {
                Some(best) => msg!(
                    "set-no-variant-close",
                    name = name,
                    value = v,
                    best = best,
                    variants = described()
                ),
                None => msg!(
                    "set-no-variant",
                    name = name,
                    value = v,
                    variants = described()
                ),
            })
        }
    }
}
