//! The fixed words of every output, in the plan's language, and durations in
//! words. A plan whose labels are mostly Chinese gets Chinese words.

pub use crate::lang::Lang;
use crate::model::Model;

impl Lang {
    /// The plan's language: Chinese when more than half of its labels (the
    /// title and every item's label) contain a Han character, else English.
    pub fn detect(model: &Model) -> Lang {
        let header = model.header.iter().filter_map(|h| h.title.as_ref());
        let named = (model.roles.iter().map(|r| &r.named))
            .chain(model.externals.iter().map(|e| &e.named))
            .chain(model.facts.iter().map(|f| &f.named))
            .chain(model.levels.iter().map(|l| &l.named))
            .chain(model.triggers.iter().map(|t| &t.named))
            .chain(model.steps.iter().map(|s| &s.named))
            .chain(model.routines.iter().map(|r| &r.named));
        let labels = (header.map(|t| t.value.clone())).chain(named.map(|n| model.label(n)));
        let (mut chinese, mut total) = (0usize, 0usize);
        for label in labels {
            total += 1;
            if label.chars().any(is_han) {
                chinese += 1;
            }
        }
        if chinese * 2 > total {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    pub fn words(self) -> &'static Words {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The `lang` attribute of an HTML page.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// Han ideographs (the CJK blocks a Chinese label is written in).
fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Every fixed word the outputs use.
#[derive(Debug)]
pub struct Words {
    /// Between a field name and its value: `：` or `: `.
    pub colon: &'static str,
    /// Between the labels of a list: `；` or `; ` (labels often contain `、` or `,`).
    pub comma: &'static str,
    /// Between the variants of a one_of fact in a condition: `、` or `, `.
    pub variant_comma: &'static str,
    /// Around a holder or note after a label: `（` `）` or ` (` `)`.
    pub open: &'static str,
    pub close: &'static str,
    pub issuer: &'static str,
    pub date: &'static str,
    pub basis: &'static str,
    pub scope: &'static str,
    pub commander: &'static str,
    pub version: &'static str,
    /// (v1) The header block: the plan's kind, who approved it, from when it
    /// is in force, its last evaluation, who receives copies, its revisions.
    pub kind: &'static str,
    pub approver: &'static str,
    pub effective: &'static str,
    pub reviewed: &'static str,
    pub distribution: &'static str,
    pub revisions: &'static str,
    pub revision_date: &'static str,
    pub revision_note: &'static str,
    /// (v1) A level's end condition (响应结束条件).
    pub level_until: &'static str,
    /// (v1) A step's repeat: `每30分钟`.
    pub repeat: &'static str,
    pub checklists: &'static str,
    pub trigger: &'static str,
    pub condition: &'static str,
    pub level: &'static str,
    pub also_sets_off: &'static str,
    /// Around the number of triggers not named after `also_sets_off`
    /// (`…、t20 以及另外 7979 个`).
    pub more_before: &'static str,
    pub more_after: &'static str,
    pub no_steps: &'static str,
    pub owner: &'static str,
    pub with: &'static str,
    pub deadline: &'static str,
    pub no_deadline: &'static str,
    pub notify: &'static str,
    pub until: &'static str,
    pub after: &'static str,
    pub detail: &'static str,
    pub role_cards: &'static str,
    pub holder: &'static str,
    pub phone: &'static str,
    pub deputy: &'static str,
    pub duties: &'static str,
    pub members: &'static str,
    pub escalates_to: &'static str,
    pub steps: &'static str,
    pub owns: &'static str,
    pub joins: &'static str,
    pub is_notified: &'static str,
    pub routines: &'static str,
    pub routine: &'static str,
    pub drill: &'static str,
    pub every: &'static str,
    pub externals: &'static str,
    pub plan_text: &'static str,
    pub commander_mark: &'static str,
    pub not: &'static str,
    pub and: &'static str,
    pub or: &'static str,
    /// `过激行为 为 自残、自杀`: between a one_of fact and its variants.
    pub is_one_of: &'static str,
    pub paren_open: &'static str,
    pub paren_close: &'static str,
    /// The blanks at the head of a checklist and on each of its rows.
    pub started_at: &'static str,
    pub done_at: &'static str,
    pub done_by: &'static str,
    pub step: &'static str,
    /// Where every deadline of a checklist counts from, said once.
    pub deadline_from: &'static str,
    /// Before and after the label of the checklist another builds on:
    /// `「集体上访」的全部步骤，另加：`.
    pub base_before: &'static str,
    /// On a role card: `「一般事件」下的全部任务，另加：`.
    pub base_tasks_before: &'static str,
    pub base_tasks_after: &'static str,
    pub base_after: &'static str,
    /// Steps it must wait for, by number: `须先完成第 2、3 项`.
    pub after_numbers_before: &'static str,
    pub after_numbers_after: &'static str,
    pub number_comma: &'static str,
    /// Between a party's holder and phones in brackets: `，`.
    pub note_comma: &'static str,
    pub base_same_after: &'static str,
    /// A checklist printed in full that adds steps to another:
    /// `下列步骤包括「…」的全部步骤（时限相同）和本条新增的步骤：`.
    pub whole_before: &'static str,
    pub whole_after: &'static str,
    /// A checklist printed in full with the same steps as another.
    pub whole_same_before: &'static str,
    pub whole_same_after: &'static str,
    pub lead: &'static str,
    pub contacts: &'static str,
    pub contact: &'static str,
    /// Around a step named by its label in a sentence: `「接报」`.
    pub quote_open: &'static str,
    pub quote_close: &'static str,
    /// Who owns a step a role joins or is told of, on its card: `牵头`.
    pub led_by: &'static str,
    /// Before a repeat after a first deadline: `此后每30分钟`.
    pub then: &'static str,
    /// The title of a role's card printed alone.
    pub card_title: &'static str,
    /// The page number in a printed page's footer: `第 2 页 / 共 9 页`.
    pub page_before: &'static str,
    pub page_middle: &'static str,
    pub page_after: &'static str,
}

pub static ZH: Words = Words {
    colon: "：",
    comma: "；",
    variant_comma: "、",
    open: "（",
    close: "）",
    issuer: "发布单位",
    date: "日期",
    basis: "依据",
    scope: "适用范围",
    commander: "总指挥",
    version: "版本",
    kind: "预案类别",
    approver: "批准人",
    effective: "施行日期",
    reviewed: "评估日期",
    distribution: "发放范围",
    revisions: "修订记录",
    revision_date: "修订日期",
    revision_note: "修订内容",
    level_until: "响应结束条件",
    repeat: "重复",
    checklists: "响应清单",
    trigger: "触发条件",
    condition: "条件",
    level: "级别",
    also_sets_off: "同时启动",
    more_before: " 以及另外 ",
    more_after: " 个",
    no_steps: "本触发条件不直接启动任何步骤。",
    owner: "负责",
    with: "配合",
    deadline: "时限",
    no_deadline: "无时限",
    notify: "通知",
    until: "直至",
    after: "须先完成",
    detail: "说明",
    role_cards: "角色卡",
    holder: "人员",
    phone: "电话",
    deputy: "代理人",
    duties: "职责",
    members: "成员",
    escalates_to: "升级至",
    steps: "任务",
    owns: "负责",
    joins: "配合",
    is_notified: "接收通知",
    routines: "日常工作与演练",
    routine: "日常工作",
    drill: "演练",
    every: "周期",
    externals: "外部单位",
    plan_text: "预案正文",
    commander_mark: "总指挥",
    not: "不",
    and: "且",
    or: "或",
    is_one_of: "为",
    paren_open: "（",
    paren_close: "）",
    started_at: "启动时间",
    done_at: "完成时间",
    done_by: "执行人",
    step: "步骤",
    deadline_from: "时限自启动预案时起算",
    base_before: "「",
    base_tasks_before: "「",
    base_tasks_after: "」下的全部任务，另加：",
    base_after: "」的全部步骤，另加：",
    after_numbers_before: "第 ",
    after_numbers_after: " 项",
    number_comma: "、",
    note_comma: "，",
    base_same_after: "」的全部步骤，时限相同。",
    whole_before: "下列步骤包括「",
    whole_after: "」的全部步骤（时限相同）和本条新增的步骤：",
    whole_same_before: "下列步骤与「",
    whole_same_after: "」的步骤相同，时限也相同：",
    lead: "指挥人",
    contacts: "通讯录",
    contact: "岗位或单位",
    quote_open: "「",
    quote_close: "」",
    led_by: "牵头",
    then: "此后",
    card_title: "应急处置卡",
    page_before: "第 ",
    page_middle: " 页 / 共 ",
    page_after: " 页",
};

pub static EN: Words = Words {
    colon: ": ",
    comma: "; ",
    variant_comma: ", ",
    open: " (",
    close: ")",
    issuer: "Issuer",
    date: "Date",
    basis: "Basis",
    scope: "Scope",
    commander: "Commander",
    version: "Version",
    kind: "Kind",
    approver: "Approved by",
    effective: "In force from",
    reviewed: "Last reviewed",
    distribution: "Distribution",
    revisions: "Revision record",
    revision_date: "Date",
    revision_note: "Change",
    level_until: "Response ends when",
    repeat: "Repeat",
    checklists: "Checklists",
    trigger: "Trigger",
    condition: "Condition",
    level: "Level",
    also_sets_off: "Also sets off",
    more_before: ", and ",
    more_after: " more",
    no_steps: "This trigger starts no step by itself.",
    owner: "Owner",
    with: "With",
    deadline: "Deadline",
    no_deadline: "no deadline",
    notify: "Notify",
    until: "Until",
    after: "After",
    detail: "Detail",
    role_cards: "Role cards",
    holder: "Holder",
    phone: "Phone",
    deputy: "Deputy",
    duties: "Duties",
    members: "Members",
    escalates_to: "Escalates to",
    steps: "Steps",
    owns: "owns",
    joins: "takes part",
    is_notified: "is notified",
    routines: "Routines and drills",
    routine: "Routine",
    drill: "Drill",
    every: "Every",
    externals: "Outside parties",
    plan_text: "Plan text",
    commander_mark: "commander",
    not: "not",
    and: "and",
    or: "or",
    is_one_of: "is",
    paren_open: "(",
    paren_close: ")",
    started_at: "Started at",
    done_at: "Done at",
    done_by: "Done by",
    step: "Step",
    deadline_from: "Deadlines count from the moment the plan is set off",
    base_before: "Every step of \u{201c}",
    base_tasks_before: "Every task under \u{201c}",
    base_tasks_after: "\u{201d}, and:",
    base_after: "\u{201d}, and:",
    after_numbers_before: "no. ",
    after_numbers_after: "",
    number_comma: ", ",
    note_comma: ", ",
    base_same_after: "\u{201d}, with the same deadlines.",
    whole_before: "Below: every step of \u{201c}",
    whole_after: "\u{201d} (same deadlines) and this trigger's own steps:",
    whole_same_before: "Below: the same steps as \u{201c}",
    whole_same_after: "\u{201d}, with the same deadlines:",
    lead: "In command",
    contacts: "Contacts",
    contact: "Role or party",
    quote_open: "\u{201c}",
    quote_close: "\u{201d}",
    led_by: "Led by",
    then: "then ",
    card_title: "Response card",
    page_before: "Page ",
    page_middle: " of ",
    page_after: "",
};

const UNITS: [(u64, &str, &str, &str); 7] = [
    (365 * 86_400, "y", "年", "year"),
    (30 * 86_400, "mo", "个月", "month"),
    (7 * 86_400, "w", "周", "week"),
    (86_400, "d", "天", "day"),
    (3_600, "h", "小时", "hour"),
    (60, "m", "分钟", "minute"),
    (1, "s", "秒", "second"),
];

/// Splits seconds into the plan's units, largest first (`w` = 7 days,
/// `mo` = 30 days, `y` = 365 days, as the language compares them).
fn parts(seconds: u64) -> Vec<(u64, usize)> {
    let mut rest = seconds;
    let mut out = Vec::new();
    for (i, (size, ..)) in UNITS.iter().enumerate() {
        if rest >= *size {
            out.push((rest / size, i));
            rest %= size;
        }
    }
    out
}

/// A duration as the plan language writes it: `1h30m`, `0s`.
pub fn duration_code(seconds: u64) -> String {
    if seconds == 0 {
        return "0s".to_string();
    }
    parts(seconds)
        .iter()
        .map(|(n, i)| format!("{n}{}", UNITS[*i].1))
        .collect()
}

/// (v1) A latest due time as the plan language writes it, its working days
/// as working days: `20wd`, `1wd2h`, `1h10m` (`duration_code` would say
/// `4w` for `20wd`, which a calendar does not count the same way).
pub fn due_code(due: crate::logic::schedule::Due) -> String {
    if due.working_days == 0 {
        return duration_code(due.seconds);
    }
    match due.other_seconds() {
        0 => format!("{}wd", due.working_days),
        rest => format!("{}wd{}", due.working_days, duration_code(rest)),
    }
}

/// A duration in words: `1小时30分钟`, `1 hour 30 minutes`.
pub fn duration_words(seconds: u64, lang: Lang) -> String {
    if seconds == 0 {
        return match lang {
            Lang::Zh => "0分钟".to_string(),
            Lang::En => "0 minutes".to_string(),
        };
    }
    let words: Vec<String> = parts(seconds)
        .iter()
        .map(|(n, i)| match lang {
            Lang::Zh => format!("{n}{}", UNITS[*i].2),
            Lang::En if *n == 1 => format!("1 {}", UNITS[*i].3),
            Lang::En => format!("{n} {}s", UNITS[*i].3),
        })
        .collect();
    match lang {
        Lang::Zh => words.concat(),
        Lang::En => words.join(" "),
    }
}

/// (v1) A duration as written, in words: its working days as working days
/// (`10个工作日`, `10 working days`), the rest as `duration_words` says it.
pub fn written_words(d: &crate::syntax::ast::Duration, lang: Lang) -> String {
    if d.working_days == 0 {
        return duration_words(d.seconds, lang);
    }
    let rest = d
        .seconds
        .saturating_sub(d.working_days.saturating_mul(crate::syntax::WORKING_DAY));
    let days = match (lang, d.working_days) {
        (Lang::Zh, n) => format!("{n}个工作日"),
        (Lang::En, 1) => "1 working day".to_string(),
        (Lang::En, n) => format!("{n} working days"),
    };
    if rest == 0 {
        return days;
    }
    let rest = duration_words(rest, lang);
    match lang {
        Lang::Zh => format!("{days}{rest}"),
        Lang::En => format!("{days} {rest}"),
    }
}

/// (v1) A latest due time in words, its working days as working days:
/// `10个工作日1小时内`, `within 10 working days 1 hour`.
pub fn due_within_words(due: crate::logic::schedule::Due, lang: Lang) -> String {
    let written = crate::syntax::ast::Duration {
        seconds: due.seconds,
        working_days: due.working_days,
        years: 0,
        months: 0,
        span: crate::span::Span::new(0, 0),
    };
    match lang {
        Lang::Zh => format!("{}内", written_words(&written, lang)),
        Lang::En => format!("within {}", written_words(&written, lang)),
    }
}

/// A step's deadline: `10分钟内`, `within 10 minutes`.
pub fn within_words(seconds: u64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}内", duration_words(seconds, lang)),
        Lang::En => format!("within {}", duration_words(seconds, lang)),
    }
}

/// (v1) A period as written, working days included: `每30分钟`, `每5个工作日`.
pub fn every_written_words(d: &crate::syntax::ast::Duration, lang: Lang) -> String {
    if d.working_days == 0 {
        return every_words(d.seconds, lang);
    }
    match lang {
        Lang::Zh => format!("每{}", written_words(d, lang)),
        Lang::En => format!("every {}", written_words(d, lang)),
    }
}

/// A routine's period: `每月`, `每2周`, `every month`, `every 2 weeks`.
pub fn every_words(seconds: u64, lang: Lang) -> String {
    if let [(1, i)] = parts(seconds)[..] {
        return match lang {
            Lang::Zh => format!("每{}", UNITS[i].2.trim_start_matches('个')),
            Lang::En => format!("every {}", UNITS[i].3),
        };
    }
    match lang {
        Lang::Zh => format!("每{}", duration_words(seconds, lang)),
        Lang::En => format!("every {}", duration_words(seconds, lang)),
    }
}

/// The heading of a phase of a checklist or exercise (`number` from 1):
/// `第 2 阶段（同时进行）`, `Phase 2 (at the same time)`; the note only when
/// the phase holds several steps.
pub fn phase_title(number: u32, steps: usize, lang: Lang) -> String {
    match (lang, steps > 1) {
        (Lang::Zh, false) => format!("第 {number} 阶段"),
        (Lang::Zh, true) => format!("第 {number} 阶段（{steps} 项同时进行）"),
        (Lang::En, false) => format!("Phase {number}"),
        (Lang::En, true) => format!("Phase {number} ({steps} steps at the same time)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_code_and_words() {
        assert_eq!(duration_code(5400), "1h30m");
        assert_eq!(duration_code(0), "0s");
        assert_eq!(duration_code(30 * 86_400 + 61), "1mo1m1s");
        assert_eq!(duration_words(5400, Lang::Zh), "1小时30分钟");
        let due = |working_days: u64, other: u64| crate::logic::schedule::Due {
            seconds: working_days * crate::syntax::WORKING_DAY + other,
            working_days,
        };
        assert_eq!(due_code(due(20, 0)), "20wd");
        assert_eq!(due_code(due(1, 7200)), "1wd2h");
        assert_eq!(due_code(due(0, 4200)), "1h10m");
        assert_eq!(duration_words(5400, Lang::En), "1 hour 30 minutes");
        assert_eq!(duration_words(600, Lang::En), "10 minutes");
        assert_eq!(within_words(600, Lang::Zh), "10分钟内");
        assert_eq!(every_words(7 * 86_400, Lang::Zh), "每周");
        assert_eq!(every_words(30 * 86_400, Lang::Zh), "每月");
        assert_eq!(every_words(14 * 86_400, Lang::Zh), "每2周");
        assert_eq!(every_words(86_400, Lang::En), "every day");
        assert_eq!(every_words(2 * 86_400, Lang::En), "every 2 days");
        assert_eq!(every_words(1800, Lang::Zh), "每30分钟");
    }

    #[test]
    fn working_days_in_words() {
        let d = |text: &str| {
            let (seconds, working_days) = crate::syntax::parse_duration(text).unwrap();
            crate::syntax::ast::Duration {
                seconds,
                working_days,
                years: 0,
                months: 0,
                span: crate::span::Span::new(0, 0),
            }
        };
        assert_eq!(written_words(&d("10wd"), Lang::Zh), "10个工作日");
        assert_eq!(written_words(&d("1wd"), Lang::En), "1 working day");
        assert_eq!(
            written_words(&d("2wd4h"), Lang::En),
            "2 working days 4 hours"
        );
        assert_eq!(written_words(&d("1h30m"), Lang::Zh), "1小时30分钟");
    }
}
