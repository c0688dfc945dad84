//! The one table of the language: every keyword, where it may stand, and what
//! the tools say about it. Everything else that lists keywords is derived from
//! here: the statement `Keyword` of the syntax tree, the once-only check, the
//! words of syntax errors (`expected.rs`), completion (`ide/completion`), the
//! scanner's and the formatter's keyword tests; `tests/language.rs` checks the
//! grammar, the keyword table of docs/language.md and the TextMate grammar
//! against it.
//!
//! Adding a statement: its rule in grammar/plan.pest (and in its blocks'
//! `*_stmt` choice) and a row under `statements` here; then its model field,
//! its resolution and docs/language.md (see docs/ARCHITECTURE.md).
//!
//! A keyword is *reserved* (never a name) or *contextual* (a keyword only
//! where the grammar expects it — where a statement of a block that allows it
//! starts, where a fact type stands, inside `within` — and a name
//! everywhere else, so that adding one breaks no plan). `aliases` are words an
//! author may write for the keyword (e.g. in Chinese), for error help only:
//! the grammar does not accept them.

/// The blocks statements and items stand in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Block {
    /// The top level of a file.
    File,
    /// `section "…" { … }`: items.
    Section,
    /// The `plan` header.
    Plan,
    Role,
    External,
    Step,
    /// `routine` and `drill`.
    Routine,
    /// (v1) `level I "…" { … }`.
    Level,
}

impl Block {
    /// How an error names an attribute of this block ("a step attribute").
    pub fn attribute_words(self) -> &'static str {
        match self {
            Block::Plan => "a plan header attribute",
            Block::Role => "a role attribute",
            Block::External => "an external attribute",
            Block::Step => "a step attribute",
            Block::Routine => "a routine attribute",
            Block::Level => "a level attribute",
            Block::File | Block::Section => "an item",
        }
    }
}

/// What a statement's value is, after its keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// `"…"`
    Str,
    /// `"…", "…"`
    Strs,
    /// `NAME`
    Name,
    /// `NAME, NAME`
    Names,
    /// `10m`
    Duration,
    /// `2015-09-11`
    Date,
    /// `to NAME [within DURATION]`
    Escalation,
    /// (v1) `DURATION [from NAME] [for NAME, NAME]`: a step's deadline.
    Deadline,
    /// (v1) `2024-06-30 "…"`: a line of the revision record.
    Revision,
    /// (v1) `special`: one of the plan kinds (`model::PlanKind`).
    Kind,
    /// (v1) `support`: one of the required elements (`model::Element`).
    Element,
}

/// A statement of a block: `owner office`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Statement {
    pub keyword: Keyword,
    /// Its first word, as the grammar reads it: `escalates`.
    pub text: &'static str,
    /// How completion and errors write it: `escalates to`.
    pub words: &'static str,
    pub value: ValueKind,
    /// May be given once per block; a second one is a `duplicate-definition`.
    pub once: bool,
    /// The blocks that allow it.
    pub blocks: &'static [Block],
    pub reserved: bool,
    pub aliases: &'static [&'static str],
}

/// A keyword that starts an item: `role`, `section`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemWord {
    pub text: &'static str,
    /// The block its `{ … }` holds, if it has one.
    pub opens: Option<Block>,
    /// Where the item may stand.
    pub blocks: &'static [Block],
    pub reserved: bool,
    pub aliases: &'static [&'static str],
}

/// Where a keyword other than an item's or a statement's stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// A fact's type: `count`.
    FactType,
    /// An operator of a condition: `and`, `in`.
    Condition,
    /// A fixed word inside an item or statement: `escalates to`, `trigger … when`.
    Part,
}

/// Any other keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub text: &'static str,
    /// How completion and errors write it: `one_of { … }`.
    pub words: &'static str,
    pub place: Place,
    pub reserved: bool,
    pub aliases: &'static [&'static str],
}

macro_rules! once {
    (once) => {
        true
    };
    (many) => {
        false
    };
}

macro_rules! reserved {
    (reserved) => {
        true
    };
    (contextual) => {
        false
    };
}

macro_rules! language {
    (
        items {
            $($item:literal opens $opens:ident in [$($item_in:ident),*] $item_reserved:ident [$($item_alias:literal),*],)*
        }
        statements {
            $($variant:ident $text:literal $words:literal $value:ident $once:ident [$($block:ident),*] $reserved:ident [$($alias:literal),*],)*
        }
        words {
            $($word:literal $word_words:literal $place:ident $word_reserved:ident [$($word_alias:literal),*],)*
        }
    ) => {
        /// The keyword of a statement (`Stmt::keyword`), one per row of `STATEMENTS`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Keyword {
            $($variant,)*
        }

        /// Every statement, in the order errors and completion list them.
        pub const STATEMENTS: &[Statement] = &[$(Statement {
            keyword: Keyword::$variant,
            text: $text,
            words: $words,
            value: ValueKind::$value,
            once: once!($once),
            blocks: &[$(Block::$block),*],
            reserved: reserved!($reserved),
            aliases: &[$($alias),*],
        },)*];

        /// Every item keyword, in the order errors and completion list them.
        pub const ITEMS: &[ItemWord] = &[$(ItemWord {
            text: $item,
            opens: opens!($opens),
            blocks: &[$(Block::$item_in),*],
            reserved: reserved!($item_reserved),
            aliases: &[$($item_alias),*],
        },)*];

        /// The other keywords.
        pub const WORDS: &[Word] = &[$(Word {
            text: $word,
            words: $word_words,
            place: Place::$place,
            reserved: reserved!($word_reserved),
            aliases: &[$($word_alias),*],
        },)*];

        /// The statement that starts with the keyword `text` (a `match`: it
        /// runs for every statement read).
        pub fn statement(text: &str) -> Option<&'static Statement> {
            match text {
                $($text => Some(&STATEMENTS[Keyword::$variant as usize]),)*
                _ => None,
            }
        }

        /// True when `word` is a reserved keyword, never a name (a `match`: it
        /// runs for every name read).
        #[allow(unreachable_patterns)] // `text` is an item and a statement
        pub fn is_keyword(word: &str) -> bool {
            match word {
                $($item => reserved!($item_reserved),)*
                $($text => reserved!($reserved),)*
                $($word => reserved!($word_reserved),)*
                _ => false,
            }
        }
    };
}

macro_rules! opens {
    (nothing) => {
        None
    };
    ($block:ident) => {
        Some(Block::$block)
    };
}

language! {
    items {
        // keyword     its block         where it stands   aliases
        "plan"     opens Plan     in [File]            reserved ["预案"],
        "role"     opens Role     in [File, Section]   reserved ["角色", "岗位"],
        "external" opens External in [File, Section]   reserved ["外部单位", "外部"],
        "fact"     opens nothing  in [File, Section]   reserved ["事实", "情况"],
        "level"    opens Level    in [File, Section]   reserved ["响应级别", "级别", "等级"],
        "trigger"  opens nothing  in [File, Section]   reserved ["触发条件", "触发"],
        "step"     opens Step     in [File, Section]   reserved ["步骤"],
        "routine"  opens Routine  in [File, Section]   reserved ["日常工作", "日常", "例行工作"],
        "drill"    opens Routine  in [File, Section]   reserved ["演练"],
        "section"  opens Section  in [File, Section]   reserved ["章节", "部分"],
        "text"     opens nothing  in [File, Section]   reserved ["正文", "说明", "文字"],
    }
    statements {
        // Keyword   keyword         words           value      once  blocks                         aliases
        Issuer       "issuer"        "issuer"        Str        once [Plan]                  reserved ["发布单位", "发布", "印发", "制定单位"],
        Date         "date"          "date"          Date       once [Plan]                  reserved ["日期", "印发日期"],
        Basis        "basis"         "basis"         Strs       many [Plan]                  reserved ["编制依据", "依据"],
        Scope        "scope"         "scope"         Str        once [Plan]                  reserved ["适用范围", "范围"],
        Commander    "commander"     "commander"     Name       once [Plan]                  reserved ["总指挥", "指挥"],
        Version      "version"       "version"       Str        once [Plan]                  reserved ["版本"],
        Kind         "kind"          "kind"          Kind       once [Plan]                  contextual ["类别", "预案类别"],
        Approver     "approver"      "approver"      Str        once [Plan]                  contextual ["批准人", "签发人", "批准", "签发", "审批"],
        Effective    "effective"     "effective"     Date       once [Plan]                  contextual ["施行日期", "生效日期"],
        Reviewed     "reviewed"      "reviewed"      Date       once [Plan]                  contextual ["评估日期"],
        Distribution "distribution"  "distribution"  Str        once [Plan]                  contextual ["发放范围"],
        Revision     "revision"      "revision"      Revision   many [Plan]                  contextual ["修订记录"],
        Holder       "holder"        "holder"        Str        once [Role, External]        reserved ["担任", "人员", "姓名", "由"],
        Phone        "phone"         "phone"         Str        many [Role, External]        reserved ["联系电话", "电话", "手机"],
        Deputy       "deputy"        "deputy"        Name       once [Role]                  reserved ["代理人", "代理", "副职", "B角"],
        Duty         "duty"          "duty"          Str        many [Role]                  reserved ["职责"],
        Escalates    "escalates"     "escalates to"  Escalation many [Role]                  reserved ["上报", "升级", "上报至", "升级至", "报告"],
        Members      "members"       "members"       Names      many [Role]                  reserved ["成员", "组成"],
        Owner        "owner"         "owner"         Name       once [Step, Routine]         reserved ["负责", "负责人", "牵头"],
        On           "on"            "on"            Names      many [Step]                  reserved ["触发", "启动"],
        After        "after"         "after"         Names      many [Step]                  reserved ["之后", "随后"],
        With         "with"          "with"          Names      many [Step, Routine]         reserved ["配合", "协同", "参与", "参加"],
        Within       "within"        "within"        Deadline   many [Step]                  reserved ["时限", "限时"],
        Notify       "notify"        "notify"        Names      many [Step]                  reserved ["通知"],
        Until        "until"         "until"         Str        once [Step, Level]           reserved ["直至", "直到"],
        Every        "every"         "every"         Duration   once [Step, Routine]         reserved ["每隔", "每", "周期", "频次"],
        Last         "last"          "last"          Date       once [Routine]               contextual ["上次"],
        Element      "element"       "element"       Element    once [Section]               contextual ["要素"],
        Text         "text"          "text"          Str        many [Plan, Role, External, Step, Routine, Level] reserved ["正文", "说明", "文字"],
    }
    words {
        // keyword  words            where      aliases
        "count"     "count"          FactType  reserved ["计数", "数量", "人数"],
        "flag"      "flag"           FactType  reserved ["是否", "是非"],
        "one_of"    "one_of { … }"   FactType  reserved ["之一", "选项"],
        "when"      "when"           Part      reserved ["条件", "当"],
        "to"        "to"             Part      reserved ["至", "到", "给"],
        "not"       "not"            Condition reserved ["非", "不"],
        "and"       "and"            Condition reserved ["并且", "且", "和"],
        "or"        "or"             Condition reserved ["或者", "或"],
        "in"        "in"             Condition reserved ["属于"],
        "number"    "number"         FactType  contextual [],
        "from"      "from"           Part      contextual [],
        "for"       "for"            Part      contextual [],
    }
}

impl Keyword {
    /// Its row of `STATEMENTS`.
    pub fn statement(self) -> &'static Statement {
        &STATEMENTS[self as usize]
    }

    /// How completion and errors write it: `escalates to`.
    pub fn as_str(self) -> &'static str {
        self.statement().words
    }

    /// May be given once per block (spec §2).
    pub fn is_single(self) -> bool {
        self.statement().once
    }
}

/// The statements `block` allows, in table order.
pub fn statements_of(block: Block) -> impl Iterator<Item = &'static Statement> {
    STATEMENTS.iter().filter(move |s| s.blocks.contains(&block))
}

/// The items that may stand in `block`, in table order.
pub fn items_in(block: Block) -> impl Iterator<Item = &'static ItemWord> {
    ITEMS.iter().filter(move |i| i.blocks.contains(&block))
}

/// The item keyword `text`.
pub fn item(text: &str) -> Option<&'static ItemWord> {
    ITEMS.iter().find(|i| i.text == text)
}

/// True when `text` is a keyword that starts an item.
pub fn is_item_keyword(text: &str) -> bool {
    item(text).is_some()
}

/// Every keyword, each once (items, statements, then the others), and
/// whether it is reserved.
pub fn keywords() -> impl Iterator<Item = (&'static str, bool)> {
    let items = ITEMS.iter().map(|i| (i.text, i.reserved));
    let statements = STATEMENTS
        .iter()
        .filter(|s| !is_item_keyword(s.text))
        .map(|s| (s.text, s.reserved));
    items
        .chain(statements)
        .chain(WORDS.iter().map(|w| (w.text, w.reserved)))
}

/// The keywords an author may have meant by `word` (it is one of their
/// `aliases`, e.g. `负责` for `owner`): each keyword's text and how it is
/// written in full (`escalates to`, `one_of`). A word may stand for several
/// (`触发`: `trigger` or `on`); where it stands decides.
pub fn meant_by(word: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    let items = ITEMS.iter().map(|i| (i.text, i.text, i.aliases));
    let statements = STATEMENTS.iter().map(|s| (s.text, s.words, s.aliases));
    let words = WORDS.iter().map(|w| (w.text, w.text, w.aliases));
    items
        .chain(statements)
        .chain(words)
        .filter(move |(_, _, aliases)| aliases.contains(&word))
        .map(|(text, written, _)| (text, written))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_in_keyword_order_and_unique() {
        for (i, s) in STATEMENTS.iter().enumerate() {
            assert_eq!(s.keyword as usize, i);
        }
        let mut all: Vec<&str> = keywords().map(|(k, _)| k).collect();
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "a keyword is listed twice");
    }

    #[test]
    fn is_keyword_is_exactly_the_reserved_keywords() {
        for (k, reserved) in keywords() {
            assert_eq!(is_keyword(k), reserved, "{k}");
            assert!(!is_keyword(&format!("{k}_")), "{k}_");
        }
        assert_eq!(keywords().filter(|&(_, reserved)| reserved).count(), 40);
        assert!(!is_keyword("") && !is_keyword("Plan") && !is_keyword("组长"));
    }

    #[test]
    fn an_alias_names_one_keyword_wherever_it_stands() {
        let blocks = [
            Block::File,
            Block::Section,
            Block::Plan,
            Block::Role,
            Block::External,
            Block::Step,
            Block::Routine,
        ];
        for block in blocks {
            let here: Vec<(&str, &[&str])> = statements_of(block)
                .map(|s| (s.text, s.aliases))
                .chain(items_in(block).map(|i| (i.text, i.aliases)))
                .collect();
            for (keyword, aliases) in &here {
                for alias in *aliases {
                    assert!(
                        !alias.is_ascii() || alias.contains(char::is_alphabetic),
                        "{alias}"
                    );
                    let meant: Vec<&str> = here
                        .iter()
                        .filter(|(k, a)| a.contains(alias) && k != keyword)
                        .map(|(k, _)| *k)
                        .collect();
                    assert!(
                        meant.is_empty(),
                        "{alias}: {keyword} and {meant:?} in {block:?}"
                    );
                }
            }
        }
        assert_eq!(meant_by("负责").collect::<Vec<_>>(), [("owner", "owner")]);
        assert_eq!(
            meant_by("上报").collect::<Vec<_>>(),
            [("escalates", "escalates to")]
        );
    }
}
