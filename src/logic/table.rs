//! The plan's decision table (`planc triggers`): the regions of fact values,
//! for each the triggers that fire there and the response level, and the
//! regions where nothing fires. A region's key is the set of triggers that
//! fire, so a row is as large as the logic allows; every row is exact.

use std::collections::HashMap;

use super::Lowered;
use super::conditions::Conditions;
use super::regions::{Diagram, Limits, Space, Undecided};
use super::sets::FactSet;
use crate::model::{FactId, LevelId, Model, TriggerId};

/// The most rows a table may have; past it the table is not printed.
pub const TABLE_MAX_ROWS: usize = 10_000;

#[derive(Debug, Clone, PartialEq)]
pub struct DecisionTable {
    /// The facts some trigger reads, in the plan's order: the columns.
    pub facts: Vec<FactId>,
    pub rows: Vec<DecisionRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DecisionRow {
    /// A set of values for each column fact this row constrains; any value
    /// for the others.
    pub region: Vec<(FactId, FactSet)>,
    /// The triggers that fire everywhere in the region, in the plan's order;
    /// none fires anywhere else in it.
    pub fired: Vec<TriggerId>,
    /// The most severe level among them.
    pub level: Option<LevelId>,
}

/// Why a table could not be made exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotExact {
    /// A trigger's condition is not known (an error is reported for it).
    Unknown(TriggerId),
    /// A trigger's condition has too many alternatives to write out.
    TooLarge(TriggerId),
    /// The sweep or the table reached a bound.
    Bound(Undecided),
}

/// The decision table of the plan's triggers.
pub fn decision_table(model: &Model, conditions: &Conditions) -> Result<DecisionTable, NotExact> {
    let mut dnfs = Vec::with_capacity(model.triggers.len());
    for t in model.trigger_ids() {
        match &conditions.triggers[t.index()] {
            Lowered::Exact(d) => dnfs.push(&d[..]),
            Lowered::Unknown => return Err(NotExact::Unknown(t)),
            Lowered::TooLarge => return Err(NotExact::TooLarge(t)),
        }
    }
    let mut space = Space::full(conditions.domains.clone());
    space.order = cut_order(&conditions.domains, &dnfs);
    // A key per distinct set of fired triggers.
    let mut keys: HashMap<Vec<u32>, u32> = HashMap::new();
    let mut fired_sets: Vec<Vec<u32>> = Vec::new();
    let mut key = |holding: &[u32]| {
        *keys.entry(holding.to_vec()).or_insert_with(|| {
            fired_sets.push(holding.to_vec());
            fired_sets.len() as u32 - 1
        })
    };
    let diagram =
        Diagram::build(space, &dnfs, &mut key, Limits::DEFAULT).map_err(NotExact::Bound)?;
    let rows = diagram.rows(TABLE_MAX_ROWS).map_err(NotExact::Bound)?;

    let mut facts: Vec<FactId> = dnfs
        .iter()
        .flat_map(|d| d.iter().flat_map(|c| c.iter().map(|(f, _)| FactId(*f))))
        .collect();
    facts.sort_unstable();
    facts.dedup();
    let level_of = |fired: &[TriggerId]| {
        fired
            .iter()
            .filter_map(|t| model.trigger(*t).level.map(|l| l.id))
            .min()
    };
    let mut rows: Vec<DecisionRow> = rows
        .into_iter()
        .map(|row| {
            let fired: Vec<TriggerId> = fired_sets[row.key as usize]
                .iter()
                .map(|&t| TriggerId(t))
                .collect();
            DecisionRow {
                region: row
                    .region
                    .into_iter()
                    .map(|(f, s)| (FactId(f), s))
                    .collect(),
                level: level_of(&fired),
                fired,
            }
        })
        .collect();
    // Rows in the order of their values, fact by fact (any value first).
    rows.sort_by_cached_key(|row| {
        facts
            .iter()
            .map(|f| {
                let set = row.region.iter().find(|(g, _)| g == f).map(|(_, s)| s);
                (set.is_some(), set.and_then(|s| s.first()))
            })
            .collect::<Vec<_>>()
    });
    Ok(DecisionTable { facts, rows })
}

/// Facts cut by fewer distinct sets first: the diagram branches late.
pub fn cut_order(domains: &[super::sets::Domain], dnfs: &[&[super::Cube]]) -> Vec<u32> {
    let mut sets: Vec<Vec<&FactSet>> = vec![Vec::new(); domains.len()];
    for dnf in dnfs {
        for cube in dnf.iter() {
            for (f, s) in cube {
                if let Some(list) = sets.get_mut(*f as usize) {
                    list.push(s);
                }
            }
        }
    }
    let mut order: Vec<(usize, u32)> = sets
        .iter_mut()
        .enumerate()
        .map(|(f, list)| {
            list.sort_by_key(|s| s.first());
            list.dedup();
            (list.len(), f as u32)
        })
        .collect();
    order.sort_unstable();
    order.into_iter().map(|(_, f)| f).collect()
}
