//! The document's own data (v1): the plan's kind and the required elements a
//! section may stand for, with their names in the language and in Chinese.
//! One table each; resolution, the checks, render and the editor read them.

/// `kind` of the `plan` header: the three kinds of GB/T 29639-2020.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlanKind {
    /// 综合应急预案
    Comprehensive,
    /// 专项应急预案
    Special,
    /// 现场处置方案
    Onsite,
}

/// Each kind: its name, its Chinese form (also accepted), and its title.
pub const PLAN_KINDS: [(PlanKind, &str, &str, &str); 3] = [
    (
        PlanKind::Comprehensive,
        "comprehensive",
        "综合",
        "综合应急预案",
    ),
    (PlanKind::Special, "special", "专项", "专项应急预案"),
    (PlanKind::Onsite, "onsite", "现场处置", "现场处置方案"),
];

impl PlanKind {
    /// The kind a `kind` statement names, in English or Chinese.
    pub fn from_name(name: &str) -> Option<PlanKind> {
        PLAN_KINDS
            .iter()
            .find(|(_, en, zh, _)| *en == name || *zh == name)
            .map(|(k, ..)| *k)
    }

    pub fn name(self) -> &'static str {
        PLAN_KINDS.iter().find(|r| r.0 == self).map_or("", |r| r.1)
    }

    /// 专项应急预案
    pub fn title(self) -> &'static str {
        PLAN_KINDS.iter().find(|r| r.0 == self).map_or("", |r| r.3)
    }

    /// Every name a `kind` statement accepts, for errors and completion.
    pub fn names() -> impl Iterator<Item = &'static str> {
        PLAN_KINDS.iter().flat_map(|(_, en, zh, _)| [*en, *zh])
    }
}

/// `element` of a section: which required element of a plan it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Element {
    General,
    Risk,
    Organization,
    Warning,
    Reporting,
    Response,
    Measures,
    Recovery,
    Support,
    Management,
    Cautions,
}

/// Each element: its name and the Chinese names a section title may carry
/// (the first is how it is shown).
pub const ELEMENTS: [(Element, &str, &[&str]); 11] = [
    (Element::General, "general", &["总则"]),
    (Element::Risk, "risk", &["风险描述", "危险性分析"]),
    (
        Element::Organization,
        "organization",
        &["组织机构及职责", "应急工作职责"],
    ),
    (Element::Warning, "warning", &["监测预警"]),
    (Element::Reporting, "reporting", &["信息报告"]),
    (Element::Response, "response", &["应急响应", "响应启动"]),
    (Element::Measures, "measures", &["处置措施", "应急处置"]),
    (Element::Recovery, "recovery", &["后期处置"]),
    (Element::Support, "support", &["应急保障"]),
    (Element::Management, "management", &["预案管理"]),
    (Element::Cautions, "cautions", &["注意事项"]),
];

impl Element {
    pub fn from_name(name: &str) -> Option<Element> {
        ELEMENTS.iter().find(|r| r.1 == name).map(|r| r.0)
    }

    pub fn name(self) -> &'static str {
        ELEMENTS.iter().find(|r| r.0 == self).map_or("", |r| r.1)
    }

    /// 组织机构及职责
    pub fn chinese(self) -> &'static str {
        ELEMENTS
            .iter()
            .find(|r| r.0 == self)
            .and_then(|r| r.2.first().copied())
            .unwrap_or("")
    }

    /// The element a section title names, for a section without `element`:
    /// the first (in table order) whose Chinese name the title contains.
    pub fn from_title(title: &str) -> Option<Element> {
        ELEMENTS
            .iter()
            .find(|(_, _, zh)| zh.iter().any(|z| title.contains(z)))
            .map(|r| r.0)
    }

    pub fn names() -> impl Iterator<Item = &'static str> {
        ELEMENTS.iter().map(|r| r.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_in_both_languages() {
        assert_eq!(PlanKind::from_name("special"), Some(PlanKind::Special));
        assert_eq!(PlanKind::from_name("专项"), Some(PlanKind::Special));
        assert_eq!(PlanKind::from_name("现场处置"), Some(PlanKind::Onsite));
        assert_eq!(PlanKind::from_name("综合"), Some(PlanKind::Comprehensive));
        assert_eq!(PlanKind::from_name("Special"), None);
        assert_eq!(PlanKind::Onsite.title(), "现场处置方案");
    }

    #[test]
    fn elements_by_name_and_by_title() {
        assert_eq!(Element::from_name("support"), Some(Element::Support));
        assert_eq!(Element::from_name("应急保障"), None);
        assert_eq!(Element::from_title("五、应急保障"), Some(Element::Support));
        assert_eq!(Element::from_title("2 危险性分析"), Some(Element::Risk));
        assert_eq!(Element::from_title("4 信息报告"), Some(Element::Reporting));
        assert_eq!(Element::from_title("一、指导思想"), None);
        assert_eq!(Element::Organization.chinese(), "组织机构及职责");
        // GB/T 29639-2020 8.2 and 8.3 name them so in an onsite plan.
        assert_eq!(
            Element::from_title("二、应急工作职责"),
            Some(Element::Organization)
        );
        assert_eq!(Element::from_title("三、应急处置"), Some(Element::Measures));
    }
}
