//! The order in which triggers are shown, shared by the checklists and the
//! simulation. Which steps a trigger sets off, and in what order, is the
//! response schedule's (`logic::schedule`).

use crate::model::{Model, TriggerId};

/// Triggers most severe level first (levels in declaration order), triggers
/// without a level last; ties in source order.
pub fn by_severity(model: &Model) -> Vec<TriggerId> {
    let mut ids: Vec<TriggerId> = model.trigger_ids().collect();
    ids.sort_by_key(|t| {
        let rank = model
            .trigger(*t)
            .level
            .map(|l| l.id.index())
            .unwrap_or(usize::MAX);
        (rank, t.index())
    });
    ids
}
