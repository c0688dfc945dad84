//! `planc explain`: a check's documentation, and the list of every check, in
//! Chinese or English. The English page is the rule's `DOC`; the Chinese one
//! is `i18n/zh/checks/<code>.md` (`i18n::zh_page`). The pages under
//! docs/checks/ (English) and docs/checks/zh/ (Chinese) are these texts
//! (generated and tested by tests/registry.rs).

use crate::check::{RULES, Rule};
use crate::config::find_code;
use crate::i18n::{Arg, Message, msg, zh_page};
use crate::lang::Lang;

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
/// page with its default severity and summary under the title.
pub fn page(rule: &Rule, lang: Lang) -> String {
    let doc = doc(rule, lang);
    let default = msg!(
        "explain-default",
        severity = severity_word(rule),
        summary = capitalise(doc.summary)
    );
    format!("{}\n{}\n{}", doc.title, default.text(lang), doc.body)
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

/// Every check, one a line: code, default severity, summary.
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
    for rule in RULES {
        out.push_str(&format!(
            "{}  {}  {}\n",
            column(rule.code.as_str(), width),
            column(severity_word(rule), 7),
            doc(rule, lang).summary
        ));
    }
    out
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
            "no check has the code `missing-ownr`; did you mean `missing-owner`?"
        );
        assert_eq!(
            zh("missing-ownr"),
            "没有代码为 `missing-ownr` 的检查；是不是想写 `missing-owner`？"
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
