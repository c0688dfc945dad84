//! The words of the diff reports, in Chinese and English, and how a value
//! reads in them. The category names themselves never change with the
//! language.

use super::category::Category;
use super::value::{Item, ItemKind, Value};
use crate::render::Lang;
use crate::render::words::{duration_words, within_words};

/// The title of a category as a reviewer would say it.
pub fn title(category: Category, lang: Lang) -> &'static str {
    use Category::*;
    let (zh, en) = match category {
        PlanAdded => ("新增预案", "Plan added"),
        PlanRemoved => ("删除预案", "Plan removed"),
        BasisChanged => ("编制依据变化", "Basis changed"),
        HeaderChanged => ("预案信息变化", "Plan details changed"),
        CommanderChanged => ("总指挥变化", "Commander changed"),
        RoleAdded => ("新增角色", "Role added"),
        RoleRemoved => ("删除角色", "Role removed"),
        RoleRenamed => ("角色更名", "Role renamed"),
        HolderChanged => ("人员变动", "Holder changed"),
        PhoneChanged => ("电话变化", "Phone changed"),
        DeputyChanged => ("代理人变化", "Deputy changed"),
        DutiesChanged => ("职责调整", "Duties changed"),
        MembersChanged => ("成员变化", "Members changed"),
        EscalationAdded => ("新增上报关系", "Escalation added"),
        EscalationRemoved => ("删除上报关系", "Escalation removed"),
        EscalationDelayChanged => ("上报时限变化", "Escalation delay changed"),
        ExternalAdded => ("新增外部单位", "Outside party added"),
        ExternalRemoved => ("删除外部单位", "Outside party removed"),
        ExternalRenamed => ("外部单位更名", "Outside party renamed"),
        FactChanged => ("事实取值变化", "Fact changed"),
        TriggerAdded => ("新增触发条件", "Trigger added"),
        TriggerRemoved => ("删除触发条件", "Trigger removed"),
        ConditionChanged => ("触发范围变化", "Condition changed"),
        LevelChanged => ("响应级别变化", "Level changed"),
        StepAdded => ("新增任务", "Step added"),
        StepRemoved => ("删除任务", "Step removed"),
        OwnerChanged => ("负责人变化", "Owner changed"),
        StartChanged => ("启动方式变化", "Start changed"),
        ParticipantsChanged => ("配合单位变化", "Participants changed"),
        NotifyChanged => ("通知对象变化", "Notified parties changed"),
        DeadlineTightened => ("时限收紧", "Deadline tightened"),
        DeadlineLoosened => ("时限放宽", "Deadline loosened"),
        RepeatChanged => ("重复周期变化", "Repeat changed"),
        DrillChanged => ("演练变化", "Drill changed"),
        RoutineChanged => ("日常工作变化", "Routine changed"),
        TextChanged => ("文字变化", "Wording changed"),
    };
    pick(lang, zh, en)
}

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The attribute an aspect names.
pub fn aspect(aspect: &str, lang: Lang) -> &'static str {
    let (zh, en) = match aspect {
        "title" => ("标题", "title"),
        "issuer" => ("发布单位", "issuer"),
        "date" => ("日期", "date"),
        "scope" => ("适用范围", "scope"),
        "version" => ("版本", "version"),
        "text" => ("说明", "text"),
        "label" => ("名称", "label"),
        "name" => ("标识", "name"),
        "until" => ("直至", "until"),
        "every" => ("周期", "every"),
        "owner" => ("负责", "owner"),
        "with" => ("配合", "with"),
        "kind" => ("类别", "kind"),
        "added" => ("新增", "added"),
        "removed" => ("删除", "removed"),
        "type" => ("类型", "type"),
        "variants" => ("取值", "variants"),
        "approver" => ("批准人", "approver"),
        "distribution" => ("发放范围", "distribution"),
        "effective" => ("施行日期", "effective"),
        "reviewed" => ("评估日期", "reviewed"),
        "revision" => ("修订记录", "revision record"),
        "last" => ("上次日期", "last done"),
        _ => ("", ""),
    };
    pick(lang, zh, en)
}

/// Fixed words of the reports.
pub struct Words {
    pub colon: &'static str,
    pub comma: &'static str,
    pub open: &'static str,
    pub close: &'static str,
    pub none: &'static str,
    pub old: &'static str,
    pub new: &'static str,
    pub arrow: &'static str,
    pub revision_trigger: &'static str,
    pub on: &'static str,
    pub after: &'static str,
    pub under: &'static str,
    pub no_changes: &'static str,
    /// No plan file differs at all (`--git` found none).
    pub no_plans: &'static str,
    /// A condition whose words are the same on both sides.
    pub same_words: &'static str,
    pub changes: fn(usize) -> String,
    pub plans: fn(usize) -> String,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

static ZH: Words = Words {
    colon: "：",
    comma: "；",
    open: "（",
    close: "）",
    none: "无",
    old: "旧",
    new: "新",
    arrow: " → ",
    revision_trigger: "修订依据",
    on: "启动于",
    after: "须先完成",
    under: "触发条件",
    no_changes: "无实质变化（只改了格式、顺序或注释）",
    no_plans: "没有预案文件变化",
    same_words: "（文字未变，所引用的触发条件或事实有变化）",
    changes: |n| format!("{n} 处变化"),
    plans: |n| format!("{n} 个预案"),
};

static EN: Words = Words {
    colon: ": ",
    comma: "; ",
    open: " (",
    close: ")",
    none: "none",
    old: "old",
    new: "new",
    arrow: " → ",
    revision_trigger: "Revision trigger",
    on: "on",
    after: "after",
    under: "under",
    no_changes: "no change in substance (only layout, order or comments)",
    no_plans: "no plan file changed",
    same_words: " (same words; a trigger or fact it names changed)",
    changes: |n| {
        if n == 1 {
            "1 change".into()
        } else {
            format!("{n} changes")
        }
    },
    plans: |n| {
        if n == 1 {
            "1 plan".into()
        } else {
            format!("{n} plans")
        }
    },
};

/// An item as a reader knows it: its label, with its name.
pub fn item(item: &Item, lang: Lang) -> String {
    let w = words(lang);
    if item.kind == ItemKind::Plan || item.name.is_empty() {
        return item.label.clone();
    }
    if item.label.is_empty() {
        return item.name.clone();
    }
    format!("{}{}{}{}", item.label, w.open, item.name, w.close)
}

/// An item's label (its name when it has none).
pub fn label(item: &Item) -> &str {
    if item.label.is_empty() {
        &item.name
    } else {
        &item.label
    }
}

/// A list of items by label.
pub fn items(items: &[Item], lang: Lang) -> String {
    let w = words(lang);
    if items.is_empty() {
        return w.none.to_string();
    }
    let labels: Vec<&str> = items.iter().map(label).collect();
    labels.join(if lang == Lang::Zh { "、" } else { ", " })
}

fn quoted(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("“{text}”"),
        Lang::En => format!("\"{text}\""),
    }
}

/// A value in words.
pub fn value(value: &Value, lang: Lang) -> String {
    let w = words(lang);
    match value {
        Value::Absent => w.none.to_string(),
        Value::Text(t) => quoted(t, lang),
        Value::Texts(ts) if ts.is_empty() => w.none.to_string(),
        Value::Texts(ts) => ts
            .iter()
            .map(|t| quoted(t, lang))
            .collect::<Vec<_>>()
            .join(w.comma),
        Value::Item(i) => item(i, lang),
        Value::Items(is) => items(is, lang),
        Value::Duration(d) => duration_words(d.0, lang),
        Value::Escalation { to, within } => match within {
            Some(d) => format!(
                "{}{}{}{}",
                label(to),
                w.open,
                within_words(d.0, lang),
                w.close
            ),
            None => label(to).to_string(),
        },
        Value::Start { on, after } => {
            let mut parts = Vec::new();
            if !on.is_empty() {
                parts.push(format!("{} {}", w.on, items(on, lang)));
            }
            if !after.is_empty() {
                parts.push(format!("{} {}", w.after, items(after, lang)));
            }
            if parts.is_empty() {
                w.none.to_string()
            } else {
                parts.join(w.comma)
            }
        }
    }
}

/// A deadline in words: `10分钟内`, `none`.
pub fn deadline(value: &Value, lang: Lang) -> String {
    match value {
        Value::Duration(d) => within_words(d.0, lang),
        other => self::value(other, lang),
    }
}

/// A region of a condition change in words:
/// `到场上访人数 50–99：以前启动（II 重大），现在不启动`.
pub fn region(region: &super::Region, lang: Lang) -> String {
    let w = words(lang);
    let facts: Vec<String> = region
        .facts
        .iter()
        .map(|f| format!("{} {}", f.label, f.values))
        .collect();
    let place = if facts.is_empty() {
        pick(lang, "任意取值", "any values").to_string()
    } else {
        facts.join(pick(lang, "，", ", "))
    };
    let level = region
        .level
        .as_ref()
        .map(|l| format!("{}{} {}{}", w.open, l.name, l.label, w.close))
        .unwrap_or_default();
    let outcome = match (lang, region.before) {
        (Lang::Zh, true) => format!("以前启动{level}，现在不启动"),
        (Lang::Zh, false) => format!("以前不启动，现在启动{level}"),
        (Lang::En, true) => format!("set off before{level}, not now"),
        (Lang::En, false) => format!("not set off before, set off now{level}"),
    };
    format!("{place}{}{outcome}", w.colon)
}
