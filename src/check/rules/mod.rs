//! One rule per file. Add a rule: write its file, add it to `ALL`, and run
//! `cargo test` (the registry test checks codes and docs pages).

pub mod deadline_inversion;
pub mod duplicate_definition;
pub mod escalation_cycle;
pub mod missing_owner;
pub mod missing_plan_header;
pub mod multiple_commanders;
pub mod no_deputy;
pub mod no_drill;
pub mod no_escalation_path;
pub mod no_response;
pub mod orphan_role;
pub mod span_of_control;
pub mod step_cycle;
pub mod syntax_error;
pub mod trigger_cycle;
pub mod type_mismatch;
pub mod unassigned_role;
pub mod undefined_name;
pub mod unreachable_step;
pub mod unsatisfiable_trigger;
pub mod unused_external;
pub mod unused_fact;
pub mod unused_suppression;
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
    &escalation_cycle::RULE,
    &step_cycle::RULE,
    &trigger_cycle::RULE,
    &missing_owner::RULE,
    &no_response::RULE,
    &unreachable_step::RULE,
    &unsatisfiable_trigger::RULE,
    &orphan_role::RULE,
    &unused_external::RULE,
    &unused_fact::RULE,
    &multiple_commanders::RULE,
    &no_escalation_path::RULE,
    &deadline_inversion::RULE,
    &span_of_control::RULE,
    &unassigned_role::RULE,
    &no_deputy::RULE,
    &no_drill::RULE,
    &unused_suppression::RULE,
];
