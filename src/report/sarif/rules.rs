//! `tool.driver`: planc and its checks as SARIF describes tools and rules,
//! filled from each rule's documentation (what GitHub code scanning shows
//! for an alert, and what its ingestion checks ask for).

use serde_sarif::sarif::{
    MultiformatMessageString, PropertyBag, ReportingConfiguration, ReportingDescriptor,
    ToolComponent,
};

use crate::check::{RULES, Rule};
use crate::diagnostic::{Severity, Source};
use crate::docs_url::DocsUrl;
use crate::lang::Lang;
use crate::profiles;
use crate::report::json::JsonSource;

/// The driver: planc, its version and every check; with the address of
/// planc's docs, a link to its page and to each check's.
pub fn driver(docs: Option<&DocsUrl>) -> ToolComponent {
    let mut driver = ToolComponent::builder()
        .name("planc")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(
            RULES
                .iter()
                .map(|r| descriptor(r, docs))
                .collect::<Vec<_>>(),
        )
        .build();
    driver.information_uri = docs.map(DocsUrl::tool_page);
    driver
}

/// A code as SARIF's `name` wants it, in PascalCase: `no-drill` → `NoDrill`.
pub fn pascal_case(code: &str) -> String {
    code.split('-')
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// The first paragraph of a documentation's "What it means" section, on one
/// line: the check in full, without the example.
pub fn full_description(doc: &str) -> String {
    let section = doc
        .split_once("## What it means")
        .map_or(doc, |(_, rest)| rest);
    let paragraph = section
        .trim_start()
        .split("\n\n")
        .next()
        .unwrap_or_default();
    paragraph.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn descriptor(rule: &Rule, docs: Option<&DocsUrl>) -> ReportingDescriptor {
    let configuration = match rule.default_severity {
        Some(Severity::Error) => ReportingConfiguration::builder()
            .level(serde_json::json!("error"))
            .build(),
        Some(Severity::Warning) => ReportingConfiguration::builder()
            .level(serde_json::json!("warning"))
            .build(),
        None => ReportingConfiguration::builder()
            .enabled(false)
            .level(serde_json::json!("warning"))
            .build(),
    };
    let code = rule.code.as_str();
    let mut descriptor = ReportingDescriptor::builder()
        .id(code)
        .name(pascal_case(code))
        .short_description(
            MultiformatMessageString::builder()
                .text(rule.summary)
                .build(),
        )
        .full_description(
            MultiformatMessageString::builder()
                .text(full_description(rule.doc))
                .build(),
        )
        .help(
            MultiformatMessageString::builder()
                .text(rule.doc)
                .markdown(rule.doc)
                .build(),
        )
        .default_configuration(configuration)
        .build();
    descriptor.help_uri = docs.map(|d| d.check_page(code));
    descriptor.properties = profile_properties(rule);
    descriptor
}

/// A profile's check: the profiles that turn it on (`"profiles"`, with
/// the tag `profile:<name>` for filtering) and, when it has one source for
/// all its findings, that source (`"source"`), in English like all rule
/// metadata.
fn profile_properties(rule: &Rule) -> Option<PropertyBag> {
    let listed: Vec<_> = profiles::listing(rule.code).collect();
    let (first, cited) = listed.first()?;
    let mut bag = PropertyBag::builder()
        .tags(
            listed
                .iter()
                .map(|(p, _)| format!("profile:{}", p.name))
                .collect::<Vec<_>>(),
        )
        .build();
    bag.additional_properties.insert(
        "profiles".into(),
        serde_json::json!(listed.iter().map(|(p, _)| p.name).collect::<Vec<_>>()),
    );
    let source = Source {
        profile: first.id,
        clause: cited.clause,
    };
    bag.additional_properties.insert(
        "source".into(),
        serde_json::to_value(JsonSource::of(source, Lang::En)).unwrap_or_default(),
    );
    Some(bag)
}

/// A result's `properties`: its source (`{"document", "clause"}`).
pub fn source_properties(source: Source, lang: Lang) -> PropertyBag {
    let mut bag = PropertyBag::builder().build();
    bag.additional_properties.insert(
        "source".into(),
        serde_json::to_value(JsonSource::of(source, lang)).unwrap_or_default(),
    );
    bag
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_descriptions_come_from_the_documentation() {
        assert_eq!(pascal_case("no-drill"), "NoDrill");
        assert_eq!(pascal_case("syntax-error"), "SyntaxError");
        assert_eq!(pascal_case("escalation-cycle"), "EscalationCycle");
        let doc = "# x\n\n## What it means\nThe plan schedules no `drill`:\nno exercise.\n\nMore.\n\n## Why";
        assert_eq!(
            full_description(doc),
            "The plan schedules no `drill`: no exercise."
        );
    }
}
