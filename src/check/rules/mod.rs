//! One rule per file. Add a rule: write its file, add it to `ALL`, and run
//! `cargo test` (the registry test checks codes and docs pages).

pub mod duplicate_definition;
pub mod missing_owner;
pub mod missing_plan_header;
pub mod syntax_error;
pub mod trigger_cycle;
pub mod type_mismatch;
pub mod undefined_name;
pub mod unreachable_step;
pub mod unsatisfiable_trigger;
pub mod wrong_kind;

use super::Rule;

/// Every rule, in the order of the spec's table.
pub static ALL: &[&Rule] = &[
    &syntax_error::RULE,
    &missing_plan_header::RULE,
    &duplicate_definition::RULE,
    &undefined_name::RULE,
    &wrong_kind::RULE,
    &type_mismatch::RULE,
    &trigger_cycle::RULE,
    &missing_owner::RULE,
    &unreachable_step::RULE,
    &unsatisfiable_trigger::RULE,
];
