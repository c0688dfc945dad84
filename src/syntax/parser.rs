//! The pest parser generated from `grammar/plan.pest`.

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/plan.pest"]
pub(crate) struct PlanParser;

/// The reference rule whose pair a fast rule (`f_*`) builds, for the tree
/// walk; any other rule stands for itself.
pub(crate) fn canonical(rule: Rule) -> Rule {
    match rule {
        Rule::f_name => Rule::name,
        Rule::f_string => Rule::string,
        Rule::f_names => Rule::names,
        Rule::f_strings => Rule::strings,
        Rule::f_plan_item => Rule::plan_item,
        Rule::f_text_item => Rule::text_item,
        Rule::f_role_item => Rule::role_item,
        Rule::f_external_item => Rule::external_item,
        Rule::f_step_item => Rule::step_item,
        Rule::f_routine_item => Rule::routine_item,
        Rule::f_drill_item => Rule::drill_item,
        Rule::f_level_item => Rule::level_item,
        Rule::f_fact_item => Rule::fact_item,
        Rule::f_one_of_type => Rule::one_of_type,
        Rule::f_variant => Rule::variant,
        Rule::f_trigger_item => Rule::trigger_item,
        Rule::f_trigger_level => Rule::trigger_level,
        Rule::f_condition => Rule::condition,
        Rule::f_conjunction => Rule::conjunction,
        Rule::f_negation => Rule::negation,
        Rule::f_group => Rule::group,
        Rule::f_comparison => Rule::comparison,
        Rule::f_membership => Rule::membership,
        other => other,
    }
}

/// True for a pair of a fast rule that has no keyword pair where the
/// reference rule has one (every fast item and statement but `plan`).
pub(crate) fn keyword_inline(rule: Rule) -> bool {
    rule != canonical(rule) && rule != Rule::f_plan_item
}

/// True for a pair of a fast block statement rule (`f_step_stmt`, …): its
/// keyword is inline, and tells the statement (see `lower::stmt`).
pub(crate) fn is_fast_statement(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::f_plan_stmt
            | Rule::f_role_stmt
            | Rule::f_external_stmt
            | Rule::f_step_stmt
            | Rule::f_routine_stmt
    )
}
