//! What the three writers share: the changes of each file with the texts
//! their spans point into, and one line of words per change.

use super::category::Category;
use super::words::{self, words};
use super::{Change, Sided};
use crate::escape::visible;
use crate::render::Lang;
use crate::span::LineIndex;

/// One side of a file's comparison: how to name it, and its text.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// As the reader knows it: a path, or `REV:path`.
    pub path: &'a str,
    pub text: &'a str,
}

/// The changes between two versions of one plan.
#[derive(Debug, Clone, Copy)]
pub struct FileDiff<'a> {
    pub old: Source<'a>,
    pub new: Source<'a>,
    pub changes: &'a [Change],
}

/// A side's place: its file, 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub path: String,
    pub line: usize,
    pub column: usize,
}

/// Shown with the path's control and bidi characters escaped.
impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", visible(&self.path), self.line, self.column)
    }
}

/// The heading of a file: its path, or both when they differ, escaped.
pub fn heading(file: &FileDiff, lang: Lang) -> String {
    if file.old.path == file.new.path {
        visible(file.new.path).into_owned()
    } else {
        format!(
            "{}{}{}",
            visible(file.old.path),
            words(lang).arrow,
            visible(file.new.path)
        )
    }
}

/// Line indexes of both texts of a file, built once.
pub struct Indexed<'a> {
    pub file: FileDiff<'a>,
    old: LineIndex,
    new: LineIndex,
}

impl<'a> Indexed<'a> {
    pub fn new(file: FileDiff<'a>) -> Indexed<'a> {
        Indexed {
            old: LineIndex::new(file.old.text),
            new: LineIndex::new(file.new.text),
            file,
        }
    }

    pub fn old_place(&self, side: &Sided) -> Place {
        place(&self.old, self.file.old, side)
    }

    pub fn new_place(&self, side: &Sided) -> Place {
        place(&self.new, self.file.new, side)
    }

    /// `旧 a.plan:3:5　新 b.plan:4:5`: both places of a change.
    pub fn places(&self, change: &Change, lang: Lang) -> String {
        let w = words(lang);
        let mut parts = Vec::new();
        if let Some(old) = &change.old {
            parts.push(format!("{} {}", w.old, self.old_place(old)));
        }
        if let Some(new) = &change.new {
            parts.push(format!("{} {}", w.new, self.new_place(new)));
        }
        parts.join(if lang == Lang::Zh { "　" } else { "  " })
    }
}

fn place(index: &LineIndex, source: Source, side: &Sided) -> Place {
    let (line, column) = index.line_col(source.text, side.span.start());
    Place {
        path: source.path.to_string(),
        line,
        column,
    }
}

/// The changes of every file, grouped by category in category order.
pub fn by_category<'c>(changes: &[&'c Change]) -> Vec<(Category, Vec<&'c Change>)> {
    let mut groups: Vec<(Category, Vec<&Change>)> = Vec::new();
    for &c in changes {
        match groups.iter_mut().find(|(cat, _)| *cat == c.category) {
            Some((_, list)) => list.push(c),
            None => groups.push((c.category, vec![c])),
        }
    }
    groups.sort_by_key(|(c, _)| *c);
    groups
}

/// One change in words: the item, what about it, old → new.
pub fn line(change: &Change, lang: Lang) -> String {
    let w = words(lang);
    let deadline = matches!(
        change.category,
        Category::DeadlineTightened | Category::DeadlineLoosened
    );
    let value = |v: &super::Value| {
        if deadline {
            words::deadline(v, lang)
        } else {
            words::value(v, lang)
        }
    };
    use super::Value::{Escalation, Item};
    match (change.category, &change.old, &change.new) {
        // A rename: the item as it was and as it is.
        (Category::RoleRenamed | Category::ExternalRenamed, Some(o), Some(n)) => {
            if let (Item(a), Item(b)) = (&o.value, &n.value) {
                return format!(
                    "{}{}{}",
                    words::item(a, lang),
                    w.arrow,
                    words::item(b, lang)
                );
            }
        }
        // One edge's delay: `office → 组长：10分钟内 → 30分钟内`.
        (Category::EscalationDelayChanged, Some(o), Some(n)) => {
            if let (Escalation { to, within: a }, Escalation { within: b, .. }) =
                (&o.value, &n.value)
            {
                let within = |d: &Option<super::value::Duration>| match d {
                    Some(d) => crate::render::words::within_words(d.0, lang),
                    None => w.none.to_string(),
                };
                return format!(
                    "{}{}{}{}{}{}{}",
                    words::item(&change.item, lang),
                    w.arrow,
                    words::label(to),
                    w.colon,
                    within(a),
                    w.arrow,
                    within(b)
                );
            }
        }
        _ => {}
    }
    let mut out = words::item(&change.item, lang);
    if let Some(aspect) = change.aspect {
        out.push_str(w.colon);
        out.push_str(words::aspect(aspect, lang));
    }
    let is_item = |s: &Sided| matches!(&s.value, super::Value::Item(i) if *i == change.item);
    match (&change.old, &change.new) {
        // A condition that reads the same but covers other values (a trigger
        // or fact it names changed): its words once, and why.
        (Some(o), Some(n))
            if change.category == Category::ConditionChanged
                && value(&o.value) == value(&n.value) =>
        {
            out.push_str(w.colon);
            out.push_str(&value(&n.value));
            out.push_str(w.same_words);
        }
        (Some(o), Some(n)) => {
            out.push_str(w.colon);
            out.push_str(&value(&o.value));
            out.push_str(w.arrow);
            out.push_str(&value(&n.value));
        }
        (Some(s), None) | (None, Some(s)) if !is_item(s) => {
            out.push_str(w.colon);
            out.push_str(&value(&s.value));
        }
        _ => {}
    }
    if !change.triggers.is_empty() {
        out.push_str(&format!(
            "{}{}{}{}{}",
            w.open,
            w.under,
            w.colon,
            words::items(&change.triggers, lang),
            w.close
        ));
    }
    out
}

/// `修订依据：生产安全事故应急预案管理办法第三十六条第（二）项（应急指挥机构及其职责发生调整）`
pub fn revision_trigger(category: Category, lang: Lang) -> Option<String> {
    let t = category.revision_trigger()?;
    let w = words(lang);
    let (clause, text) = match lang {
        Lang::Zh => (t.clause, t.text),
        Lang::En => (t.english_clause, t.english),
    };
    Some(format!(
        "{}{}{}{}{clause}{}{text}{}",
        w.revision_trigger,
        w.colon,
        t.document,
        if lang == Lang::En { " " } else { "" },
        w.open,
        w.close
    ))
}
