//! The one table of diagnostic codes. Each row names a `Code` variant, its
//! stable string (what users write in `planc.toml`, suppressions and `explain`)
//! and the file under `src/check/rules/` holding its rule. `diagnostic::Code`
//! (the enum, `ALL`, `as_str`) and `check::rules::ALL` (the registry) are
//! generated from it, so adding a check is a row here and a rule file.
//!
//! Rows are in the order of the spec's table; that is also the order of
//! `Code::ALL`, of the registry and of `Code`'s `Ord`.

/// Calls the macro `$then` with every row of the table, as
/// `Variant "string" module, ...`.
macro_rules! for_each_code {
    ($then:ident) => {
        $then! {
            SyntaxError "syntax-error" syntax_error,
            MissingPlanHeader "missing-plan-header" missing_plan_header,
            DuplicateDefinition "duplicate-definition" duplicate_definition,
            UndefinedName "undefined-name" undefined_name,
            WrongKind "wrong-kind" wrong_kind,
            TypeMismatch "type-mismatch" type_mismatch,
            EscalationCycle "escalation-cycle" escalation_cycle,
            StepCycle "step-cycle" step_cycle,
            TriggerCycle "trigger-cycle" trigger_cycle,
            MissingOwner "missing-owner" missing_owner,
            NoResponse "no-response" no_response,
            UnreachableStep "unreachable-step" unreachable_step,
            UnsatisfiableTrigger "unsatisfiable-trigger" unsatisfiable_trigger,
            OrphanRole "orphan-role" orphan_role,
            UnusedExternal "unused-external" unused_external,
            UnusedFact "unused-fact" unused_fact,
            MultipleCommanders "multiple-commanders" multiple_commanders,
            NoEscalationPath "no-escalation-path" no_escalation_path,
            DeadlineInversion "deadline-inversion" deadline_inversion,
            SpanOfControl "span-of-control" span_of_control,
            UnassignedRole "unassigned-role" unassigned_role,
            NoDeputy "no-deputy" no_deputy,
            NoDrill "no-drill" no_drill,
            AnchorNotBefore "anchor-not-before" anchor_not_before,
            SelfDeputy "self-deputy" self_deputy,
            DeputySameHolder "deputy-same-holder" deputy_same_holder,
            UnassignedDeputy "unassigned-deputy" unassigned_deputy,
            NotifyOwner "notify-owner" notify_owner,
            UnusedLevel "unused-level" unused_level,
            AlwaysTrueTrigger "always-true-trigger" always_true_trigger,
            LevelOrder "level-order" level_order,
            TriggerGap "trigger-gap" trigger_gap,
            DisjointAfter "disjoint-after" disjoint_after,
            UnusedSuppression "unused-suppression" unused_suppression,
            FutureDate "future-date" future_date,
            // (v1) Profiles' checks, off unless their profile is on (`profiles.rs`).
            MissingKind "missing-kind" missing_kind,
            MissingElement "missing-element" missing_element,
            MissingApproval "missing-approval" missing_approval,
            NoEndCondition "no-end-condition" no_end_condition,
            NoPhone "no-phone" no_phone,
            ReviewOverdue "review-overdue" review_overdue,
            DrillFrequency "drill-frequency" drill_frequency,
            DrillOverdue "drill-overdue" drill_overdue,
            ReportDeadline "report-deadline" report_deadline,
            NoUpwardReport "no-upward-report" no_upward_report,
            UnityOfCommand "unity-of-command" unity_of_command,
        }
    };
}
