//! The pest parser generated from `grammar/plan.pest`.

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/plan.pest"]
pub(crate) struct PlanParser;
