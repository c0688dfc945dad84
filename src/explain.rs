//! `planc explain`: a check's documentation (its rule's `DOC`, the same text
//! as its page under docs/checks/), and the list of every check.

use crate::check::{RULES, Rule};
use crate::config::find_code;

/// The documentation of a check, as `planc explain CODE` prints it: the
/// rule's `DOC` with its default severity and summary under the title.
pub fn page(rule: &Rule) -> String {
    let doc = rule.doc;
    let title_end = doc.find('\n').map_or(doc.len(), |i| i + 1);
    format!(
        "{}\nDefault severity: **{}**. {}.\n{}",
        &doc[..title_end],
        severity_word(rule),
        capitalise(rule.summary),
        &doc[title_end..]
    )
}

/// `error`, `warning` or `off`.
pub fn severity_word(rule: &Rule) -> &'static str {
    rule.default_severity.map_or("off", |s| s.as_str())
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// The rule a user named, or a message saying there is none and which codes
/// are close (`orphan_role` and `Orphan-Role` name `orphan-role`).
pub fn lookup(name: &str) -> Result<&'static Rule, String> {
    match find_code(name) {
        Ok(code) => RULES
            .iter()
            .find(|r| r.code == code)
            .copied()
            .ok_or_else(|| format!("`{code}` has no documentation yet")),
        Err(close) if close.is_empty() => Err(format!(
            "no check has the code `{name}`; `planc explain --list` lists every code"
        )),
        Err(close) => Err(format!(
            "no check has the code `{name}`; did you mean {}?",
            close
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        )),
    }
}

/// Every check, one a line: code, default severity, summary.
pub fn list() -> String {
    let width = RULES
        .iter()
        .map(|r| r.code.as_str().len())
        .max()
        .unwrap_or(0);
    let mut out = format!("{:width$}  {:7}  finds\n", "code", "default");
    for rule in RULES {
        out.push_str(&format!(
            "{:width$}  {:7}  {}\n",
            rule.code.as_str(),
            severity_word(rule),
            rule.summary
        ));
    }
    out
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
        assert_eq!(
            lookup("missing-ownr").err().unwrap(),
            "no check has the code `missing-ownr`; did you mean `missing-owner`?"
        );
        assert_eq!(
            lookup("zzzzzzzzzzzzzzzzzz").err().unwrap(),
            "no check has the code `zzzzzzzzzzzzzzzzzz`; `planc explain --list` lists every code"
        );
    }
}
