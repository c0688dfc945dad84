//! `missing-element` (profile `gbt29639`): an element the plan's kind
//! requires is absent. A section marked with `element`, or titled with the
//! element's Chinese name, is the element; some elements are also read from
//! the plan itself, where its items say what the section would.

use crate::check::reporting::{first_report, reports_out};
use crate::check::{Context, Rule};
use crate::diagnostic::{Findings, Clause, Code, Label};
use crate::i18n::{Message, msg};
use crate::model::{Element, PlanKind, TriggerId};

pub const RULE: Rule = Rule {
    code: Code::MissingElement,
    default_severity: None,
    summary: "an element the plan's kind requires is absent (profile `gbt29639`)",
    doc: DOC,
    run,
};

/// An element and the clause that asks for it.
type Required = (Element, Option<Clause>);

/// The elements each kind requires, with the clause of GB/T 29639-2020 that
/// asks for each. `None`: the clause was not verified (see the DOC).
const REQUIRED: &[(PlanKind, &[Required])] = &[
    (
        PlanKind::Comprehensive,
        &[
            (Element::General, Some(Clause::Section("6.1"))),
            (Element::Organization, Some(Clause::Section("6.2"))),
            (Element::Response, Some(Clause::Chapter(6))),
            (Element::Reporting, None),
            (Element::Recovery, Some(Clause::Chapter(6))),
            (Element::Support, Some(Clause::Chapter(6))),
        ],
    ),
    (
        PlanKind::Special,
        &[
            (Element::Organization, Some(Clause::Section("7.2"))),
            (Element::Response, Some(Clause::Section("7.3"))),
            (Element::Reporting, None),
            (Element::Measures, Some(Clause::Section("7.4"))),
            (Element::Support, Some(Clause::Section("7.5"))),
        ],
    ),
    (
        PlanKind::Onsite,
        &[
            (Element::Risk, Some(Clause::Section("8.1"))),
            (Element::Organization, Some(Clause::Section("8.2"))),
            (Element::Measures, Some(Clause::Section("8.3"))),
            (Element::Cautions, Some(Clause::Section("8.4"))),
        ],
    ),
];

/// Whether the plan's items say what the element's section would; for
/// reporting, the first trigger under which no step reports out.
enum Read {
    Present,
    Absent,
    /// Reporting: no step that notifies an outside authority runs when this trigger fires.
    NoReportUnder(TriggerId),
}

fn read(ctx: &Context, element: Element) -> Read {
    let model = ctx.model;
    let present = |yes: bool| if yes { Read::Present } else { Read::Absent };
    match element {
        // The roles and their `duty` are the organization and its duties.
        Element::Organization => present(model.roles.iter().any(|r| !r.duties.is_empty())),
        // A trigger that sets steps off is a response that starts.
        Element::Response => present(model.trigger_ids().any(|t| ctx.schedule().starts(t))),
        // The steps are the measures.
        Element::Measures => present(!model.steps.is_empty()),
        // Under every trigger, some step tells an outside authority.
        Element::Reporting => {
            if model.triggers.is_empty() || !model.steps.iter().any(reports_out) {
                return Read::Absent;
            }
            match model
                .trigger_ids()
                .find(|&t| first_report(model, &ctx.checklists().of(t)).is_none())
            {
                Some(t) => Read::NoReportUnder(t),
                None => Read::Present,
            }
        }
        _ => Read::Absent,
    }
}

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    let Some((kind, kind_span)) = model.header.as_ref().and_then(|h| h.kind) else {
        return; // missing-kind reports it
    };
    let Some((_, required)) = REQUIRED.iter().find(|(k, _)| *k == kind) else {
        return;
    };
    for &(element, clause) in *required {
        if model.sections.iter().any(|s| s.element == Some(element)) {
            continue;
        }
        let (name, chinese) = (element.name(), element.chinese());
        let (message, help): (Message, Message) = match read(ctx, element) {
            Read::Present => continue,
            Read::Absent => (
                msg!(
                    "missing-element",
                    kind = kind.title(),
                    element = name,
                    chinese = chinese
                ),
                match element {
                    Element::Reporting => msg!("missing-element.help-reporting"),
                    Element::Organization => msg!("missing-element.help-organization"),
                    _ => msg!("missing-element.help", element = name, chinese = chinese),
                },
            ),
            Read::NoReportUnder(t) => {
                let trigger = model.name(&model.trigger(t).named);
                (
                    msg!(
                        "missing-element-reporting",
                        kind = kind.title(),
                        trigger = trigger
                    ),
                    msg!("missing-element.help-trigger", trigger = trigger),
                )
            }
        };
        let mut diagnostic = RULE
            .diagnostic(
                message,
                Label::new(
                    kind_span,
                    msg!("missing-element.label", kind = kind.title()),
                ),
            )
            .with_help(help);
        if let Some(clause) = clause {
            diagnostic = diagnostic.with_clause(clause);
        }
        out.push(diagnostic);
    }
}

const DOC: &str = r#"# missing-element

## What it means
The plan lacks an element its kind requires (the header's `kind`; without one, `missing-kind`
reports that instead). The elements, after GB/T 29639-2020:

| kind | required elements |
| --- | --- |
| `comprehensive` 综合应急预案 | `general` 总则 (6.1), `organization` 组织机构及职责 (6.2), `response` 应急响应, `reporting` 信息报告, `recovery` 后期处置, `support` 应急保障 (ch. 6) |
| `special` 专项应急预案 | `organization` (7.2), `response` 响应启动 (7.3), `reporting` 信息报告, `measures` 处置措施 (7.4), `support` 应急保障 (7.5) |
| `onsite` 现场处置方案 | `risk` 事故风险描述 (8.1), `organization` 应急工作职责 (8.2), `measures` 应急处置 (8.3), `cautions` 注意事项 (8.4) |

A section is an element when it says so (`element support`) or when its title contains the
element's Chinese name (`section "五、应急保障"`). Some elements are also read from the plan
itself, because its items say what such a section would:

- `organization`: a role with a `duty`;
- `response`: a trigger that sets a step off;
- `measures`: a step;
- `reporting`: under every trigger, a step that runs then and `notify`s an external (an outside
  authority such as the 上级主管部门). When only some triggers lack one, the diagnostic names the
  first such trigger rather than asking for a heading.

Each finding cites the clause of its element. The clauses 6.1, 6.2, 7.1–7.5 and 8.1–8.4 were read
in the standard's text; 6.3–6.5 were not, so `response`, `recovery` and `support` of a
comprehensive plan cite chapter 6 as a whole. 信息报告 is a sub-clause of 应急响应 (6.3.1) in
public templates that quote the standard, not verified on the standard itself: `reporting` cites
the document alone. Chapter 7 calls 7.1–7.4 the minimum (包括但不限于); 7.5 应急保障 is required
here because the language's specification asks for it. Part of the profile `gbt29639`.

## Why it matters
Reviewers check the elements first (要素评审): a special plan without its response procedure or a
plan without an information-reporting procedure fails review, however good the rest is.

## Example
```
plan "XX预案" { issuer "XX站"; kind onsite }
```

## Fix
```
plan "XX预案" { issuer "XX站"; kind onsite }
section "一、事故风险描述" { text "…" }
section "二、应急工作职责" { element organization }
section "三、应急处置" { element measures }
section "四、注意事项" { text "…" }
```
"#;
