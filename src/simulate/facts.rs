//! The facts of a tabletop exercise, as given with `--set FACT=VALUE`.
//!
//! A count that is not set counts as 0 and a flag as false ("nothing
//! happened"); a `one_of` fact that is not set is unknown (once known it
//! holds exactly one of its variants, as `check` assumes too).

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
    pub fn parse(model: &Model, settings: &[String]) -> Result<Facts, String> {
        let mut facts = Facts::none(model);
        let mut given: Vec<Option<&str>> = vec![None; model.facts.len()];
        for setting in settings {
            let (name, value) = match setting.split_once('=') {
                Some((n, v)) => (n.trim(), Some(v.trim())),
                None => (setting.trim(), None),
            };
            let id = fact_named(model, name, setting)?;
            if let Some(first) = given[id.index()] {
                return Err(format!(
                    "`{name}` is set twice (`--set {first}` and `--set {setting}`): give each fact once"
                ));
            }
            given[id.index()] = Some(setting);
            facts.values[id.index()] = Some(value_of(model, id, value)?);
        }
        Ok(facts)
    }
}

fn fact_named(model: &Model, name: &str, setting: &str) -> Result<FactId, String> {
    if name.is_empty() {
        return Err(format!(
            "`--set {setting}` names no fact: write `--set FACT=VALUE`, e.g. `--set visitors=60`"
        ));
    }
    let facts: Vec<&str> = model.facts.iter().map(|f| f.named.name).collect();
    // (v1) A fact may be named by its label (`--set 到场上访人数=60`); a name wins.
    if !model.symbols.contains_key(name) {
        let mut labelled = model
            .facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.named.label.value == name);
        if let Some((i, _)) = labelled.next() {
            if labelled.next().is_some() {
                return Err(format!(
                    "several facts have the label `{name}`: name the fact instead ({})",
                    list(&facts)
                ));
            }
            return Ok(FactId(i as u32));
        }
    }
    match model.symbols.get(name) {
        Some(Symbol::Fact(id)) => Ok(*id),
        Some(other) => {
            let kind = match other {
                Symbol::Role(_) => "a role",
                Symbol::External(_) => "an external",
                Symbol::Level(_) => "a level",
                Symbol::Trigger(_) => "a trigger",
                Symbol::Step(_) => "a step",
                Symbol::Routine(_) => "a routine",
                Symbol::Fact(_) => "a fact",
            };
            Err(format!(
                "`{name}` is {kind}, not a fact: set the facts the triggers are written over ({})",
                list(&facts)
            ))
        }
        None => {
            let hint = match crate::suggest::closest(name, &facts) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("the plan's facts are: {}", list(&facts)),
            };
            Err(format!("the plan has no fact `{name}`: {hint}"))
        }
    }
}

fn list(names: &[&str]) -> String {
    if names.is_empty() {
        "none".to_string()
    } else {
        names.join(", ")
    }
}

fn value_of(model: &Model, id: FactId, value: Option<&str>) -> Result<Value, String> {
    let fact = model.fact(id);
    let name = fact.named.name;
    match (&fact.ty, value) {
        (FactType::Flag, None) => Ok(Value::Flag(true)),
        (FactType::Flag, Some("true" | "yes" | "1")) => Ok(Value::Flag(true)),
        (FactType::Flag, Some("false" | "no" | "0")) => Ok(Value::Flag(false)),
        (FactType::Flag, Some(v)) => Err(format!(
            "`{name}` is a flag: `{name}={v}` must be `{name}=true` or `{name}=false`"
        )),
        (FactType::Count, Some(v)) => v.parse::<u64>().map(Value::Count).map_err(|e| {
            if *e.kind() == std::num::IntErrorKind::PosOverflow {
                format!(
                    "`{name}` is a count: `{name}={v}` is too large (a count is at most {})",
                    u64::MAX
                )
            } else {
                format!(
                    "`{name}` is a count: `{name}={v}` must be a whole number such as `{name}=60`"
                )
            }
        }),
        (FactType::Number { .. }, Some(v)) => crate::decimal::Decimal::parse(v)
            .map(Value::Number)
            .map_err(|_| {
                format!(
                    "`{name}` is a number: `{name}={v}` must be a number such as `{name}=0.5` (digits, a point, digits)"
                )
            }),
        (FactType::Number { .. }, None) => Err(format!(
            "`{name}` is a number: give its value, e.g. `--set {name}=0.5`"
        )),
        (FactType::Count, None) => Err(format!(
            "`{name}` is a count: give its value, e.g. `--set {name}=60`"
        )),
        (FactType::OneOf(variants), v) => {
            let described: Vec<String> = variants
                .iter()
                .map(|v| format!("{} ({})", v.name, v.label.value))
                .collect();
            let Some(v) = v else {
                return Err(format!(
                    "`{name}` is a one_of fact: give one of its variants, e.g. `--set {name}={}`",
                    variants.first().map(|v| v.name).unwrap_or("…")
                ));
            };
            if let Some(i) = variants
                .iter()
                .position(|d| d.name == v || d.label.value == v)
            {
                return Ok(Value::Variant(i as u32));
            }
            let names: Vec<&str> = variants.iter().map(|d| d.name).collect();
            let hint = match crate::suggest::closest(v, &names) {
                Some(best) => format!("did you mean `{best}`? "),
                None => String::new(),
            };
            Err(format!(
                "`{name}` has no variant `{v}`: {hint}its variants are {}",
                described.join(", ")
            ))
        }
    }
}
