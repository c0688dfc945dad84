//! The report for a pull-request comment (GitHub-flavoured Markdown): a short
//! summary first (a count per category with its revision trigger), then each
//! file's changes folded in `<details>`. The first line is a hidden marker,
//! so that a CI job can find and update its own comment (docs/ci.md).

use super::output::{FileDiff, Indexed, by_category, heading, line};
use super::words::{self, words};
use crate::render::Lang;
use crate::render::markdown::escape;

/// The marker on the first line of every Markdown report.
pub const MARKER: &str = "<!-- planc-diff -->";

pub fn render(files: &[FileDiff], lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!("{MARKER}\n");
    let all: Vec<_> = files.iter().flat_map(|f| f.changes.iter()).collect();
    let changed = files.iter().filter(|f| !f.changes.is_empty()).count();
    if all.is_empty() {
        let none = if files.is_empty() {
            w.no_plans
        } else {
            w.no_changes
        };
        out.push_str(&format!("### planc diff{}{none}\n", w.colon));
        return out;
    }
    out.push_str(&format!(
        "### planc diff{}{}{}{}\n\n",
        w.colon,
        (w.changes)(all.len()),
        if lang == Lang::Zh { "，" } else { ", " },
        (w.plans)(changed)
    ));
    let (kind, count, trigger) = match lang {
        Lang::Zh => ("变化", "数量", "修订依据（生产安全事故应急预案管理办法）"),
        Lang::En => (
            "Change",
            "Count",
            "Revision trigger (生产安全事故应急预案管理办法)",
        ),
    };
    out.push_str(&format!(
        "| {kind} | {count} | {trigger} |\n| --- | ---: | --- |\n"
    ));
    for (category, group) in by_category(&all) {
        let clause = category
            .revision_trigger()
            .map(|t| match lang {
                Lang::Zh => format!("{}：{}", t.clause, t.text),
                Lang::En => format!("{}: {}", t.english_clause, t.english),
            })
            .unwrap_or_default();
        out.push_str(&format!(
            "| {} `{category}` | {} | {} |\n",
            words::title(category, lang),
            group.len(),
            clause
        ));
    }
    for file in files.iter().filter(|f| !f.changes.is_empty()) {
        let indexed = Indexed::new(*file);
        let path = escape(&heading(file, lang));
        out.push_str(&format!(
            "\n<details>\n<summary>{path}{}{}</summary>\n",
            w.colon,
            (w.changes)(file.changes.len())
        ));
        let changes: Vec<_> = file.changes.iter().collect();
        for (category, group) in by_category(&changes) {
            out.push_str(&format!(
                "\n**{}** `{category}`\n\n",
                words::title(category, lang)
            ));
            for change in group {
                out.push_str(&format!(
                    "- {} <sub>{}</sub>\n",
                    escape(&line(change, lang)),
                    escape(&indexed.places(change, lang))
                ));
                for region in &change.regions {
                    out.push_str(&format!("  - {}\n", escape(&words::region(region, lang))));
                }
            }
        }
        out.push_str("\n</details>\n");
    }
    out
}
