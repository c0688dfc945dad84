//! `planc explain`: a check's documentation, and the list of every check, in
//! Chinese or English. The English page is the rule's `DOC`; the Chinese one
//! is `i18n/zh/checks/<code>.md` (`i18n::zh_page`). The pages under
//! docs/checks/ (English) and docs/checks/zh/ (Chinese) are these texts
//! (generated and tested by tests/registry.rs).

use crate::check::{RULES, Rule};
use crate::config::find_code;
use crate::i18n::{Arg, Message, msg, zh_page};
use crate::lang::Lang;
use crate::profiles::{self, Source};

/// A check's documentation in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// One line: what the check finds, without a full stop.
    pub summary: &'static str,
    /// The title line `# <code>` with its line end.
    pub title: &'static str,
    /// The sections after the title: what it means, why it matters, an
    /// example and the fix.
    pub body: &'static str,
}

/// The documentation of `rule` in `lang`. A Chinese page's first line after
/// its title is its summary.
pub fn doc(rule: &Rule, lang: Lang) -> Doc {
    let (text, summary) = match lang {
        Lang::En => (rule.doc, Some(rule.summary)),
        Lang::Zh => (zh_page(rule.code), None),
    };
    let title_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let (title, rest) = text.split_at(title_end);
    match summary {
        Some(summary) => Doc {
            summary,
            title,
            body: rest,
        },
        None => {
            // `\n<summary>\n` then the sections, as after an English title.
            let rest = rest.trim_start_matches('\n');
            let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
            Doc {
                summary: rest[..line_end].trim_end().trim_end_matches('。'),
                title,
                body: &rest[line_end..],
            }
        }
    }
}

/// The documentation of a check, as `planc explain CODE` prints it: the
/// page with its default severity and summary under the title, then, for a
/// check of a profile, the profile, its severity there and its source.
pub fn page(rule: &Rule, lang: Lang) -> String {
    let doc = doc(rule, lang);
    let default = msg!(
        "explain-default",
        severity = severity_word(rule),
        summary = capitalise(doc.summary)
    );
    let mut head = default.text(lang);
    for (profile, cited) in profiles::listing(rule.code) {
        let source = Source {
            profile: profile.id,
            clause: cited.clause,
        };
        head.push_str("\n\n");
        head.push_str(
            &msg!(
                "explain-profile",
                profile = profile.name,
                severity = cited.severity.as_str(),
                source = source.text(lang)
            )
            .text(lang),
        );
    }
    format!("{}\n{}\n{}", doc.title, head, doc.body)
}

/// `error`, `warning` or `off`, as `planc.toml` writes them.
pub fn severity_word(rule: &Rule) -> &'static str {
    rule.default_severity.map_or("off", |s| s.as_str())
}

/// The first letter in upper case (English sentences; Chinese has none).
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// The rule a user named, or a message saying there is none and which codes
/// are close (`orphan_role` and `Orphan-Role` name `orphan-role`).
pub fn lookup(name: &str) -> Result<&'static Rule, Message> {
    match find_code(name) {
        Ok(code) => Ok(crate::check::rule(code)),
        Err(close) if close.is_empty() => Err(msg!("explain-unknown", name = name)),
        Err(close) => Err(msg!(
            "explain-unknown-close",
            name = name,
            codes = Arg::names(close.iter().map(|c| c.as_str()), close.len())
        )),
    }
}

/// Every check, one a line: code, default severity, summary; the core
/// checks first, then each profile's under its name and document, with the
/// severity it gives them.
pub fn list(lang: Lang) -> String {
    let width = RULES
        .iter()
        .map(|r| r.code.as_str().len())
        .max()
        .unwrap_or(0);
    let column = |text: &str, width: usize| {
        let shown = columns(text);
        format!("{text}{}", " ".repeat(width.saturating_sub(shown)))
    };
    let mut out = format!(
        "{}  {}  {}\n",
        column(&msg!("explain-list-code").text(lang), width),
        column(&msg!("explain-list-default").text(lang), 7),
        msg!("explain-list-finds").text(lang)
    );
    let row = |rule: &Rule, severity: &str| {
        format!(
            "{}  {}  {}\n",
            column(rule.code.as_str(), width),
            column(severity, 7),
            doc(rule, lang).summary
        )
    };
    for rule in RULES.iter().filter(|r| !profiles::only_in_profiles(r.code)) {
        out.push_str(&row(rule, severity_word(rule)));
    }
    for profile in profiles::PROFILES {
        let heading = msg!(
            "explain-list-profile",
            profile = profile.name,
            document = profile.id.document()
        );
        out.push_str(&format!("\n{}\n", heading.text(lang)));
        for cited in profile.rules {
            out.push_str(&row(
                crate::check::rule(cited.code),
                cited.severity.as_str(),
            ));
        }
    }
    out
}

/// docs/profiles.md: every profile with its document, and each of its checks
/// with its severity, its source and its example, in Chinese and English,
/// read from the profiles' table and the checks' pages.
pub fn profiles_page() -> String {
    let mut out = String::from(
        "# Profiles 规范包\n\n<!-- generated from src/profiles.rs and the checks' pages: run `UPDATE_DOCS=1 cargo test --test profiles` -->\n\n",
    );
    out.push_str(PROFILES_INTRO);
    for profile in profiles::PROFILES {
        out.push_str(&format!(
            "\n## `{}`: {} / {}\n\n",
            profile.name,
            profile.id.document().text(Lang::Zh),
            profile.id.document().text(Lang::En)
        ));
        for cited in profile.rules {
            let rule = crate::check::rule(cited.code);
            let source = Source {
                profile: profile.id,
                clause: cited.clause,
            };
            let (zh, en) = (doc(rule, Lang::Zh), doc(rule, Lang::En));
            out.push_str(&format!(
                "### [{code}](checks/{code}.md) ({severity})\n\n- 查找：{}\n- Finds: {}\n- 依据：{}\n- Source: {}\n",
                zh.summary,
                en.summary,
                source.text(Lang::Zh),
                source.text(Lang::En),
                code = rule.code,
                severity = cited.severity.as_str(),
            ));
            if let Some(example) = example(en.body, "Example") {
                out.push_str(&format!("\n示例 / Example:\n\n```\n{example}```\n"));
            }
            out.push('\n');
        }
    }
    out
}

const PROFILES_INTRO: &str = "A profile is a set of checks a plan reviewer applies, taken from a regulation or a practice and
turned on in `planc.toml` (`profiles = [\"gbt29639\", \"xinfang\"]`). Each finding names its source:
the document and, where its text was read, the clause (human output: `依据：GB/T 29639-2020 5.1`;
JSON: `\"source\": {\"document\", \"clause\"}`; SARIF: the result's and the rule's `properties`).
Where a clause number could not be verified, the document alone is cited and the check's page says
so. Without profiles none of these checks runs (each is `off` by default) and `span-of-control`
keeps its limit of 7. Limits that differ by jurisdiction are settings: `[settings] report-within =
\"15m\"` (default 1 hour, for `report-deadline`). Under `ics`, `span-of-control` allows 5 roles
unless `[span-of-control] limit` says otherwise.

规范包是评审应急预案时适用的一组检查，取自一部法规或一种通行做法，在 `planc.toml` 里启用
（`profiles = [\"gbt29639\", \"xinfang\"]`）。每条诊断都注明依据：文件名，以及核对过原文的条款
（终端输出：`依据：GB/T 29639-2020 5.1`；JSON：`\"source\": {\"document\", \"clause\"}`；SARIF：结果和
规则的 `properties`）。没能核对条款号的，只注明文件名，并在检查的说明里写明。不启用规范包时这些检查都不运行
（默认 `off`），`span-of-control` 的上限仍是 7。各地要求不同的时限写在设置里：`[settings] report-within =
\"15m\"`（默认 1 小时，用于 `report-deadline`）。启用 `ics` 时，除非 `[span-of-control] limit` 另有设置，
`span-of-control` 的上限为 5。

Where each clause was read / 各条款在哪里核对：GB/T 29639-2020 5.1, 6.1, 6.2, ch. 7, ch. 8 and annex
C.2 in a clause-by-clause verification of the standard's public text (repository
`PerryLink/dsh-emergency-plan`, `rules/evidence/clause-verification-gbt29639.md`); 信访工作条例
Art. 25 and 生产安全事故报告和调查处理条例 Art. 9 in the full texts of `LawRefBook/Laws`; 生产安全事故
应急预案管理办法 Art. 33 in public quotations of its text. The article numbers of 国办发〔2024〕5号
were not verified.
";

/// The first fenced block of the section `## {title}` of a page.
fn example<'d>(body: &'d str, title: &str) -> Option<&'d str> {
    let section = body.split(&format!("## {title}\n")).nth(1)?;
    let start = section.find("```")?;
    let rest = &section[start..];
    let rest = &rest[rest.find('\n')? + 1..];
    Some(&rest[..rest.find("```")?])
}

/// Terminal columns of `text`: two for a CJK character, one for others.
fn columns(text: &str) -> usize {
    text.chars()
        .map(|c| if c >= '\u{2E80}' { 2 } else { 1 })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_finds_codes_and_suggests_close_ones() {
        assert_eq!(
            lookup("missing_owner").unwrap().code.as_str(),
            "missing-owner"
        );
        let en = |name| lookup(name).err().unwrap().text(Lang::En);
        let zh = |name| lookup(name).err().unwrap().text(Lang::Zh);
        assert_eq!(
            en("missing-ownr"),
            "no check has the code `missing-ownr`; did you mean `missing-owner`, `missing-kind`?"
        );
        assert_eq!(
            zh("missing-ownr"),
            "没有代码为 `missing-ownr` 的检查；是不是想写 `missing-owner`、`missing-kind`？"
        );
        assert_eq!(
            en("zzzzzzzzzzzzzzzzzz"),
            "no check has the code `zzzzzzzzzzzzzzzzzz`; `planc explain --list` lists every code"
        );
        assert_eq!(
            zh("zzzzzzzzzzzzzzzzzz"),
            "没有代码为 `zzzzzzzzzzzzzzzzzz` 的检查；`planc explain --list` 列出全部代码"
        );
    }

    #[test]
    fn a_chinese_page_has_its_summary_under_the_title() {
        let rule = crate::check::rule(crate::diagnostic::Code::NoDrill);
        let doc = doc(rule, Lang::Zh);
        assert_eq!(doc.title, "# no-drill\n");
        assert_eq!(doc.summary, "预案里没有安排演练（`drill`）");
        assert!(doc.body.starts_with("\n## 含义\n"), "{:?}", doc.body);
        let page = page(rule, Lang::Zh);
        assert!(
            page.starts_with(
                "# no-drill\n\n默认级别：**警告**（`warning`）。预案里没有安排演练（`drill`）。\n\n## 含义\n"
            ),
            "{page}"
        );
    }
}
