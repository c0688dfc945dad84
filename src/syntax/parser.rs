//! The pest parser, built by build/main.rs from the one grammar written by
//! hand (`grammar/plan.pest`) and the language table (`language.rs`): the
//! reference rules, the keyword rules and the fast rules (`f_*`), with
//! `canonical` (the reference rule of a fast rule's pair) and
//! `is_keyword_rule`.

pub(crate) struct PlanParser;

// pest's generated code holds helpers planc does not call (`Rule::all_rules`).
#[allow(dead_code)]
mod generated {
    use super::PlanParser;
    include!(concat!(env!("OUT_DIR"), "/parser.rs"));
}

pub(crate) use generated::{Rule, canonical, is_keyword_rule};
