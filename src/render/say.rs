//! The phrases every document builds from the fixed words: a party with its
//! holder and phones, a deadline as the schedule gives it. Plain text: each
//! writer escapes it as its format needs.

use crate::logic::schedule::Due;
use crate::syntax::ast::Duration;

use super::view::{Anchor, Party};
use super::words::{Lang, Words, due_within_words, every_written_words, written_words};

/// A piece of a phrase: words, or a phone number (which HTML keeps on one
/// line: a number broken over two lines is misread, and `pdftotext` drops
/// the hyphen at such a break).
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Fixed words and punctuation.
    Text(String),
    /// The plan's own words (a label, a holder).
    User(String),
    Phone(String),
}

/// Pieces as plain text.
pub fn text(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) | Piece::User(t) | Piece::Phone(t) => t.as_str(),
        })
        .collect()
}

/// A party with its holder (unless the same words) and phones:
/// `信访工作办公室（李娜，电话0571-1234）`.
pub fn party(p: &Party, w: &Words) -> String {
    text(&party_pieces(p, w))
}

/// `party` in pieces.
pub fn party_pieces(p: &Party, w: &Words) -> Vec<Piece> {
    let mut out = vec![Piece::User(p.label.clone())];
    let holder = p.holder.as_ref().filter(|h| **h != p.label);
    if holder.is_none() && p.phones.is_empty() {
        return out;
    }
    out.push(Piece::Text(w.open.to_string()));
    if let Some(h) = holder {
        out.push(Piece::User(h.clone()));
        if !p.phones.is_empty() {
            out.push(Piece::Text(w.note_comma.to_string()));
        }
    }
    out.extend(phones_pieces(&p.phones, w));
    out.push(Piece::Text(w.close.to_string()));
    out
}

/// Parties, each as `party` says it.
pub fn parties(ps: &[Party], w: &Words) -> String {
    text(&parties_pieces(ps, w))
}

/// `parties` in pieces.
pub fn parties_pieces(ps: &[Party], w: &Words) -> Vec<Piece> {
    let mut out = Vec::new();
    for (i, p) in ps.iter().enumerate() {
        if i > 0 {
            out.push(Piece::Text(w.comma.to_string()));
        }
        out.extend(party_pieces(p, w));
    }
    out
}

/// Phone numbers, `电话` before them unless the first says what it is
/// (`值班室 0571-1234`, `24小时值班电话 0000`): a number alone is digits
/// and `+ - ( ) 转` and spaces.
pub fn phones(list: &[String], w: &Words) -> String {
    text(&phones_pieces(list, w))
}

/// `phones` in pieces.
pub fn phones_pieces(list: &[String], w: &Words) -> Vec<Piece> {
    let plain = list.first().is_some_and(|p| {
        p.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '(' | ')' | ' ' | '转'))
    });
    let mut out = Vec::new();
    if plain {
        out.push(Piece::Text(w.phone.to_string()));
    }
    for (i, p) in list.iter().enumerate() {
        if i > 0 {
            out.push(Piece::Text(w.number_comma.to_string()));
        }
        out.push(Piece::Phone(p.clone()));
    }
    out
}

/// What a role does in a step: `负责`, `配合`, `接收通知`.
pub fn relation(relation: super::view::Relation, w: &Words) -> &'static str {
    match relation {
        super::view::Relation::Owns => w.owns,
        super::view::Relation::Joins => w.joins,
        super::view::Relation::Notified => w.is_notified,
    }
}

/// The line to fill in at the head of a printed checklist:
/// `启动时间：＿＿＿＿＿＿　指挥人：＿＿＿＿＿＿　（时限自启动预案时起算）`.
pub fn blanks(w: &Words) -> String {
    const BLANK: &str = "＿＿＿＿＿＿";
    format!(
        "{}{}{BLANK}　{}{}{BLANK}　（{}）",
        w.started_at, w.colon, w.lead, w.colon, w.deadline_from
    )
}

/// The triggers a checklist says also fire (`同时启动`), each through
/// `label` (an output's escaping): those named, then how many more
/// (`t1、t2 以及另外 7979 个`). `None` when there are none.
pub fn also(
    section: &super::view::TriggerSection,
    w: &Words,
    label: impl Fn(&str) -> String,
) -> Option<String> {
    if section.also.is_empty() {
        return None;
    }
    let mut out = section
        .also
        .iter()
        .map(|a| label(&a.label))
        .collect::<Vec<_>>()
        .join(w.comma);
    if section.also_more > 0 {
        out += &format!("{}{}{}", w.more_before, section.also_more, w.more_after);
    }
    Some(out)
}

/// What a checklist that builds on another says before its own steps:
/// `「集体上访」的全部步骤，另加：` (or `…，时限相同。` when it has none).
/// Printed in full (`TriggerSection::whole`): `下列步骤与「集体上访」的步骤相同，时限也相同：`
/// or `下列步骤包括「集体上访」的全部步骤（时限相同）和本条新增的步骤：`.
pub fn builds_on(section: &super::view::TriggerSection, w: &Words) -> Option<String> {
    let base = section.builds_on.as_ref()?;
    let rest = !section.steps.is_empty();
    if !section.whole.is_empty() {
        let (before, after) = if rest {
            (w.whole_before, w.whole_after)
        } else {
            (w.whole_same_before, w.whole_same_after)
        };
        return Some(format!("{before}{}{after}", base.label));
    }
    let after = if rest {
        w.base_after
    } else {
        w.base_same_after
    };
    Some(format!("{}{}{after}", w.base_before, base.label))
}

/// What a card's entry that builds on another says before its tasks:
/// `「一般事件」下的全部任务，另加：`.
pub fn tasks_build_on(tasks: &super::view::TriggerTasks, w: &Words) -> Option<String> {
    let base = tasks.builds_on.as_ref()?;
    Some(format!(
        "{}{}{}",
        w.base_tasks_before, base.label, w.base_tasks_after
    ))
}

/// A level as `Ⅰ级`, or `I 重大` when the label does not already hold the name.
pub fn level(name: &str, label: &str) -> String {
    if label.contains(name) {
        label.to_string()
    } else {
        format!("{name} {label}")
    }
}

/// How a step that counts its deadline from another is named: by its number
/// in the table being printed (`第 2 项`), else by its label (`「接报」`).
pub fn anchor_ref(anchor: &Anchor, number: Option<usize>, w: &Words) -> String {
    match number {
        Some(n) => format!("{}{n}{}", w.after_numbers_before, w.after_numbers_after),
        None => format!("{}{}{}", w.quote_open, anchor.label, w.quote_close),
    }
}

/// The deadline column of a checklist: the latest due time from the start
/// (`45分钟内`), or for a repeat without one its period (`每30分钟`).
pub fn latest(due: Option<Due>, every: Option<&Duration>, lang: Lang) -> Option<String> {
    match (due, every) {
        (Some(d), _) => Some(due_within_words(d, lang)),
        (None, Some(e)) => Some(every_written_words(e, lang)),
        (None, None) => None,
    }
}

/// A deadline counted from another step, as written: `第 1 项完成后30分钟内`.
pub fn anchored(anchor: &Anchor, named: &str, lang: Lang) -> String {
    let from = written_words(&anchor.within, lang);
    match lang {
        Lang::Zh => format!("{named}完成后{from}内"),
        Lang::En => format!("within {from} after {named} is done"),
    }
}

/// A step's deadline as the schedule gives it: `15分钟内`; counted from
/// another step, as written and then the latest moment the schedule worked
/// out (`第 1 项完成后30分钟内（最迟45分钟内）`); a repeat after it
/// (`，此后每30分钟`), or alone (`每30分钟`). `None`: nothing to say.
pub fn deadline(
    due: Option<Due>,
    anchor: Option<(&Anchor, String)>,
    every: Option<&Duration>,
    lang: Lang,
) -> Option<String> {
    let first = due.map(|d| match anchor {
        Some((a, named)) => {
            let latest = due_within_words(d, lang);
            match lang {
                Lang::Zh => format!("{}（最迟{latest}）", anchored(a, &named, lang)),
                Lang::En => format!("{} (at the latest {latest})", anchored(a, &named, lang)),
            }
        }
        None => due_within_words(d, lang),
    });
    let repeat = every.map(|e| every_written_words(e, lang));
    match (first, repeat) {
        (Some(f), Some(r)) => Some(match lang {
            Lang::Zh => format!("{f}，此后{r}"),
            Lang::En => format!("{f}, then {r}"),
        }),
        (f, r) => f.or(r),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn minutes(m: u64) -> Duration {
        Duration {
            seconds: m * 60,
            working_days: 0,
            years: 0,
            months: 0,
            span: Span::new(0, 0),
        }
    }

    fn due(m: u64) -> Option<Due> {
        Some(Due {
            seconds: m * 60,
            working_days: 0,
        })
    }

    #[test]
    fn deadlines_are_said_from_where_they_count() {
        let anchor = Anchor {
            name: "receive".into(),
            label: "接报".into(),
            within: minutes(30),
        };
        let zh = Lang::Zh.words();
        assert_eq!(deadline(due(15), None, None, Lang::Zh).unwrap(), "15分钟内");
        assert_eq!(
            deadline(
                due(45),
                Some((&anchor, anchor_ref(&anchor, Some(1), zh))),
                None,
                Lang::Zh
            )
            .unwrap(),
            "第 1 项完成后30分钟内（最迟45分钟内）"
        );
        assert_eq!(
            deadline(
                due(45),
                Some((&anchor, anchor_ref(&anchor, None, zh))),
                None,
                Lang::Zh
            )
            .unwrap(),
            "「接报」完成后30分钟内（最迟45分钟内）"
        );
        let en = Lang::En.words();
        assert_eq!(
            deadline(
                due(45),
                Some((&anchor, anchor_ref(&anchor, Some(1), en))),
                None,
                Lang::En
            )
            .unwrap(),
            "within 30 minutes after no. 1 is done (at the latest within 45 minutes)"
        );
        assert_eq!(
            deadline(due(15), None, Some(&minutes(30)), Lang::Zh).unwrap(),
            "15分钟内，此后每30分钟"
        );
        assert_eq!(
            deadline(None, None, Some(&minutes(60)), Lang::En).unwrap(),
            "every hour"
        );
        assert_eq!(deadline(None, None, None, Lang::Zh), None);
    }

    #[test]
    fn a_level_is_named_once() {
        assert_eq!(level("Ⅰ", "Ⅰ级"), "Ⅰ级");
        assert_eq!(level("I", "特别重大"), "I 特别重大");
    }

    #[test]
    fn a_phone_that_says_what_it_is_gets_no_second_word_phone() {
        let zh = Lang::Zh.words();
        assert_eq!(phones(&["0571-1234".into()], zh), "电话0571-1234");
        assert_eq!(
            phones(&["24小时值班电话 0000-0000000".into()], zh),
            "24小时值班电话 0000-0000000"
        );
        assert_eq!(phones(&["110".into(), "120".into()], zh), "电话110、120");
    }
}
