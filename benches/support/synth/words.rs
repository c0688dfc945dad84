//! Chinese labels, names and paragraphs in the style of the seed plans.

use super::Rng;

const ADVERBS: &[&str] = &[
    "立即",
    "迅速",
    "及时",
    "第一时间",
    "按规定",
    "认真",
    "妥善",
    "全力",
];
const VERBS: &[&str] = &[
    "赶赴现场",
    "通报情况",
    "疏导群众",
    "核实情况",
    "报告",
    "组织协调",
    "稳控事态",
    "接待来访群众",
    "调查取证",
    "做好解释工作",
    "开展救治",
    "维护现场秩序",
    "收集信息",
    "落实责任",
];
const OBJECTS: &[&str] = &[
    "领导小组组长",
    "信访工作办公室",
    "上级主管部门",
    "有关部门",
    "现场群众",
    "新闻媒体",
    "公安机关",
    "相关单位负责人",
    "值班领导",
    "各工作组",
];
const UNITS: &[&str] = &[
    "现场处置组",
    "信访接待组",
    "宣传报道组",
    "后勤保障组",
    "医疗救护组",
    "调查核实组",
    "安全保卫组",
    "综合协调组",
    "联络组",
    "督查组",
];
const TITLES: &[&str] = &["组长", "副组长", "负责人", "联络员", "值班员", "成员"];
const SURNAMES: &[&str] = &[
    "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛",
];
const EVENTS: &[&str] = &[
    "集体上访",
    "极端行为",
    "群体性事件",
    "网络舆情",
    "越级上访",
    "缠访闹访",
    "堵塞交通",
    "冲击机关",
];
const SENTENCES: &[&str] = &[
    "各部门要密切配合,形成合力,共同做好信访突发事件的处置工作。",
    "严格按照法律法规和政策规定处理信访问题,确保处置工作的合法性和公正性。",
    "加强信访工作的排查和预测,及时发现和化解可能引发突发事件的隐患。",
    "一旦发生突发事件,能够迅速响应,果断处置,将影响降到最低程度。",
    "以保障人民群众的合法权益和生命财产安全为首要任务。",
    "对重点信访人员落实稳控措施,做到早发现、早报告、早处置。",
    "事件处置结束后,及时总结经验教训,完善应急预案。",
];
const NUMERALS: &[&str] = &["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

pub fn action(r: &mut Rng) -> String {
    let verb = r.pick(VERBS);
    if r.chance(50) {
        format!("{}向{}{}", r.pick(ADVERBS), r.pick(OBJECTS), verb)
    } else {
        format!("{}{}", r.pick(ADVERBS), verb)
    }
}

pub fn duty(r: &mut Rng) -> String {
    format!(
        "负责{}{},{}",
        r.pick(ADVERBS),
        r.pick(VERBS),
        r.pick(SENTENCES)
    )
}

pub fn role_label(r: &mut Rng, i: usize) -> String {
    format!("第{}{}{}", i / 7 + 1, r.pick(UNITS), r.pick(TITLES))
}

pub fn person(r: &mut Rng) -> String {
    format!("{}{}同志", r.pick(SURNAMES), r.pick(GIVEN))
}

pub fn event(r: &mut Rng) -> String {
    format!("{}({}级)", r.pick(EVENTS), r.below(4) + 1)
}

pub fn routine(r: &mut Rng) -> String {
    format!("{}信访隐患矛盾排查", r.pick(UNITS))
}

pub fn comment(r: &mut Rng) -> String {
    format!("说明: {}", r.pick(SENTENCES))
}

pub fn paragraph(r: &mut Rng) -> String {
    let n = 1 + r.below(3);
    (0..n).map(|_| r.pick(SENTENCES)).collect()
}

/// (v1) A paragraph of several lines, one sentence a line (a multi-line string).
pub fn lines(r: &mut Rng) -> String {
    let n = 2 + r.below(3);
    (0..n)
        .map(|_| r.pick(SENTENCES))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `一` … `十`, then digits.
pub fn ordinal(n: usize) -> String {
    match NUMERALS.get(n.wrapping_sub(1)) {
        Some(s) => (*s).to_string(),
        None => n.to_string(),
    }
}
