//! The report for people: per file, the changes grouped by category, each
//! with its old and new place.
//!
//! ```text
//! old.plan → new.plan：2 处变化
//!
//! 人员变动 holder-changed（1）
//!   修订依据：生产安全事故应急预案管理办法第三十六条第（二）项（应急指挥机构及其职责发生调整）
//!   · 领导小组组长（leader）：“张三” → “李四”
//!     旧 old.plan:8:10　新 new.plan:8:10
//! ```

use super::output::{FileDiff, Indexed, by_category, heading, line, revision_trigger};
use super::words::{self, words};
use crate::render::Lang;

pub fn render(files: &[FileDiff], lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    if files.is_empty() {
        out.push_str(w.no_plans);
        out.push('\n');
    }
    for (n, file) in files.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let indexed = Indexed::new(*file);
        let heading = heading(file, lang);
        let count = file.changes.len();
        let summary = if count == 0 {
            w.no_changes.to_string()
        } else {
            (w.changes)(count)
        };
        out.push_str(&format!("{heading}{}{summary}\n", w.colon));
        let changes: Vec<_> = file.changes.iter().collect();
        for (category, group) in by_category(&changes) {
            out.push('\n');
            let count = match lang {
                Lang::Zh => format!("（{}）", group.len()),
                Lang::En => format!(", {}", group.len()),
            };
            match lang {
                Lang::Zh => out.push_str(&format!(
                    "{} {category}{count}\n",
                    words::title(category, lang)
                )),
                Lang::En => out.push_str(&format!(
                    "{} ({category}{count})\n",
                    words::title(category, lang)
                )),
            }
            if let Some(trigger) = revision_trigger(category, lang) {
                out.push_str(&format!("  {trigger}\n"));
            }
            for change in group {
                out.push_str(&format!("  · {}\n", line(change, lang)));
                for region in &change.regions {
                    out.push_str(&format!("      {}\n", words::region(region, lang)));
                }
                out.push_str(&format!("    {}\n", indexed.places(change, lang)));
            }
        }
    }
    out
}
