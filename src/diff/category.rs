//! The kinds of change a revision can make, with their stable names (the
//! JSON `category`, `--fail-on`), and the revision trigger of the regulation
//! each falls under.

use serde::Serialize;

macro_rules! categories {
    ($($variant:ident = $name:literal,)*) => {
        /// What a change is. The order is the order of the reports.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Category { $($variant,)* }

        impl Category {
            pub const ALL: &'static [Category] = &[$(Category::$variant,)*];

            /// The stable kebab-case name.
            pub fn as_str(self) -> &'static str {
                match self { $(Category::$variant => $name,)* }
            }
        }
    };
}

categories! {
    PlanAdded = "plan-added",
    PlanRemoved = "plan-removed",
    BasisChanged = "basis-changed",
    HeaderChanged = "header-changed",
    CommanderChanged = "commander-changed",
    RoleAdded = "role-added",
    RoleRemoved = "role-removed",
    RoleRenamed = "role-renamed",
    HolderChanged = "holder-changed",
    PhoneChanged = "phone-changed",
    DeputyChanged = "deputy-changed",
    DutiesChanged = "duties-changed",
    MembersChanged = "members-changed",
    EscalationAdded = "escalation-added",
    EscalationRemoved = "escalation-removed",
    EscalationDelayChanged = "escalation-delay-changed",
    ExternalAdded = "external-added",
    ExternalRemoved = "external-removed",
    ExternalRenamed = "external-renamed",
    FactChanged = "fact-changed",
    TriggerAdded = "trigger-added",
    TriggerRemoved = "trigger-removed",
    ConditionChanged = "condition-changed",
    LevelChanged = "level-changed",
    StepAdded = "step-added",
    StepRemoved = "step-removed",
    OwnerChanged = "owner-changed",
    StartChanged = "start-changed",
    ParticipantsChanged = "participants-changed",
    NotifyChanged = "notify-changed",
    DeadlineTightened = "deadline-tightened",
    DeadlineLoosened = "deadline-loosened",
    RepeatChanged = "repeat-changed",
    DrillChanged = "drill-changed",
    RoutineChanged = "routine-changed",
    TextChanged = "text-changed",
}

impl Serialize for Category {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Category {
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.as_str() == name)
    }

    /// The revision trigger of 生产安全事故应急预案管理办法 (2019) Art. 36 that
    /// a change of this kind falls under, where one fits.
    pub fn revision_trigger(self) -> Option<&'static RevisionTrigger> {
        use Category::*;
        let item = match self {
            BasisChanged => 1,
            CommanderChanged | RoleAdded | RoleRemoved | RoleRenamed | HolderChanged
            | DeputyChanged | DutiesChanged | MembersChanged | EscalationAdded
            | EscalationRemoved | OwnerChanged | ParticipantsChanged => 2,
            FactChanged | TriggerAdded | TriggerRemoved | ConditionChanged | LevelChanged => 3,
            ExternalAdded | ExternalRemoved => 4,
            _ => return None,
        };
        REVISION_TRIGGERS.iter().find(|t| t.item == item)
    }
}

/// One of the situations in which a plan must be revised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RevisionTrigger {
    pub document: &'static str,
    /// `第三十六条第（二）项`
    pub clause: &'static str,
    #[serde(skip)]
    pub item: u8,
    /// The item's words.
    pub text: &'static str,
    /// The item in English, for `--lang en`.
    #[serde(skip)]
    pub english: &'static str,
    /// `Art. 36 (2)`
    #[serde(skip)]
    pub english_clause: &'static str,
}

const DOCUMENT: &str = "生产安全事故应急预案管理办法";

/// Art. 36 (应急管理部令第2号, 2019), items (一)–(四); (五) and (六) are
/// reasons a revision is made, not kinds of change.
pub const REVISION_TRIGGERS: &[RevisionTrigger] = &[
    RevisionTrigger {
        document: DOCUMENT,
        clause: "第三十六条第（一）项",
        item: 1,
        english_clause: "Art. 36 (1)",
        text: "依据的法律、法规、规章、标准及上位预案中的有关规定发生重大变化",
        english: "the laws, rules, standards or higher-level plans it is based on changed",
    },
    RevisionTrigger {
        document: DOCUMENT,
        clause: "第三十六条第（二）项",
        item: 2,
        english_clause: "Art. 36 (2)",
        text: "应急指挥机构及其职责发生调整",
        english: "the command structure or its duties changed",
    },
    RevisionTrigger {
        document: DOCUMENT,
        clause: "第三十六条第（三）项",
        item: 3,
        english_clause: "Art. 36 (3)",
        text: "安全生产面临的风险发生重大变化",
        english: "the risks faced changed significantly",
    },
    RevisionTrigger {
        document: DOCUMENT,
        clause: "第三十六条第（四）项",
        item: 4,
        english_clause: "Art. 36 (4)",
        text: "重要应急资源发生重大变化",
        english: "important emergency resources changed significantly",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for &c in Category::ALL {
            assert!(seen.insert(c.as_str()), "{c} twice");
            assert!(
                c.as_str()
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '-')
            );
            assert_eq!(Category::from_name(c.as_str()), Some(c));
        }
        assert_eq!(Category::from_name("holder-change"), None);
    }

    #[test]
    fn organisation_changes_fall_under_item_two() {
        let t = Category::HolderChanged.revision_trigger().map(|t| t.clause);
        assert_eq!(t, Some("第三十六条第（二）项"));
        assert_eq!(Category::DeadlineLoosened.revision_trigger(), None);
    }
}
