//! `--format json`: `{"schema": "planc-diff", "version": 1, "language",
//! "changes": [...], "summary": {...}}`,
//! documented in docs/diff.md. Lines and columns count from 1, columns in
//! characters; offsets and lengths in bytes.

use std::collections::BTreeMap;

use serde::Serialize;

use super::category::{Category, RevisionTrigger};
use super::output::{FileDiff, Indexed};
use super::value::{Item, Value};
use super::{Change, Sided};
use crate::render::Lang;

/// The version of the JSON format: raised on any incompatible change.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    schema: &'static str,
    version: u32,
    /// The language of words derived from the plans (conditions).
    language: Lang,
    changes: Vec<JsonChange<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonChange<'a> {
    category: Category,
    item: &'a Item,
    aspect: Option<&'static str>,
    old: Option<JsonSide<'a>>,
    new: Option<JsonSide<'a>>,
    triggers: &'a [Item],
    regions: &'a [super::Region],
    revision_trigger: Option<&'static RevisionTrigger>,
}

#[derive(Serialize)]
struct JsonSide<'a> {
    value: &'a Value,
    file: String,
    line: usize,
    column: usize,
    span: JsonSpan,
}

#[derive(Serialize)]
struct JsonSpan {
    offset: usize,
    length: usize,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    changed_files: usize,
    changes: usize,
    /// Count per category, only those present.
    categories: BTreeMap<&'static str, usize>,
}

pub fn render(files: &[FileDiff], language: Lang) -> String {
    let mut changes = Vec::new();
    let mut categories = BTreeMap::new();
    for file in files {
        let indexed = Indexed::new(*file);
        for change in file.changes {
            *categories.entry(change.category.as_str()).or_insert(0) += 1;
            changes.push(json_change(&indexed, change));
        }
    }
    let output = Output {
        schema: "planc-diff",
        version: VERSION,
        language,
        summary: Summary {
            files: files.len(),
            changed_files: files.iter().filter(|f| !f.changes.is_empty()).count(),
            changes: changes.len(),
            categories,
        },
        changes,
    };
    // Plain structs of strings and numbers: serializing cannot fail.
    crate::escape::json_text(serde_json::to_string_pretty(&output).unwrap_or_default()) + "\n"
}

fn json_change<'a>(indexed: &Indexed, change: &'a Change) -> JsonChange<'a> {
    let side = |s: &'a Sided, old: bool| {
        let place = if old {
            indexed.old_place(s)
        } else {
            indexed.new_place(s)
        };
        JsonSide {
            value: &s.value,
            file: place.path,
            line: place.line,
            column: place.column,
            span: JsonSpan {
                offset: s.span.start(),
                length: s.span.len(),
            },
        }
    };
    JsonChange {
        category: change.category,
        item: &change.item,
        aspect: change.aspect,
        old: change.old.as_ref().map(|s| side(s, true)),
        new: change.new.as_ref().map(|s| side(s, false)),
        triggers: &change.triggers,
        regions: &change.regions,
        revision_trigger: change.category.revision_trigger(),
    }
}
