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
        "plan"     opens Plan     in [File]            reserved [],
        "role"     opens Role     in [File, Section]   reserved [],
        "external" opens External in [File, Section]   reserved [],
        "fact"     opens nothing  in [File, Section]   reserved [],
        "level"    opens Level    in [File, Section]   reserved [],
        "trigger"  opens nothing  in [File, Section]   reserved [],
        "step"     opens Step     in [File, Section]   reserved [],
        "routine"  opens Routine  in [File, Section]   reserved [],
        "drill"    opens Routine  in [File, Section]   reserved [],
        "section"  opens Section  in [File, Section]   reserved [],
        "text"     opens nothing  in [File, Section]   reserved [],
    }
    statements {
        // Keyword   keyword         words           value      once  blocks                         aliases
        Issuer       "issuer"        "issuer"        Str        once [Plan]                  reserved [],
        Date         "date"          "date"          Date       once [Plan]                  reserved [],
        Basis        "basis"         "basis"         Strs       many [Plan]                  reserved [],
        Scope        "scope"         "scope"         Str        once [Plan]                  reserved [],
        Commander    "commander"     "commander"     Name       once [Plan]                  reserved [],
        Version      "version"       "version"       Str        once [Plan]                  reserved [],
        Kind         "kind"          "kind"          Kind       once [Plan]                  contextual ["类别", "预案类别"],
        Approver     "approver"      "approver"      Str        once [Plan]                  contextual ["批准人"],
        Effective    "effective"     "effective"     Date       once [Plan]                  contextual ["施行日期", "生效日期"],
        Reviewed     "reviewed"      "reviewed"      Date       once [Plan]                  contextual ["评估日期"],
        Distribution "distribution"  "distribution"  Str        once [Plan]                  contextual ["发放范围"],
        Revision     "revision"      "revision"      Revision   many [Plan]                  contextual ["修订记录"],
        Holder       "holder"        "holder"        Str        once [Role, External]        reserved [],
        Phone        "phone"         "phone"         Str        many [Role, External]        reserved [],
        Deputy       "deputy"        "deputy"        Name       once [Role]                  reserved [],
        Duty         "duty"          "duty"          Str        many [Role]                  reserved [],
        Escalates    "escalates"     "escalates to"  Escalation many [Role]                  reserved [],
        Members      "members"       "members"       Names      many [Role]                  reserved [],
        Owner        "owner"         "owner"         Name       once [Step, Routine]         reserved [],
        On           "on"            "on"            Names      many [Step]                  reserved [],
        After        "after"         "after"         Names      many [Step]                  reserved [],
        With         "with"          "with"          Names      many [Step, Routine]         reserved [],
        Within       "within"        "within"        Deadline   many [Step]                  reserved [],
        Notify       "notify"        "notify"        Names      many [Step]                  reserved [],
        Until        "until"         "until"         Str        once [Step, Level]           reserved [],
        Every        "every"         "every"         Duration   once [Step, Routine]         reserved [],
        Last         "last"          "last"          Date       once [Routine]               contextual ["上次"],
        Element      "element"       "element"       Element    once [Section]               contextual ["要素"],
        Text         "text"          "text"          Str        many [Plan, Role, External, Step, Routine, Level] reserved [],
    }
    words {
        // keyword  words            where      aliases
        "count"     "count"          FactType  reserved [],
        "flag"      "flag"           FactType  reserved [],
        "one_of"    "one_of { … }"   FactType  reserved [],
        "when"      "when"           Part      reserved [],
        "to"        "to"             Part      reserved [],
        "not"       "not"            Condition reserved [],
        "and"       "and"            Condition reserved [],
        "or"        "or"             Condition reserved [],
        "in"        "in"             Condition reserved [],
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

/// The keyword an author may have meant by `word` (one of its `aliases`).
pub fn alias_of(word: &str) -> Option<&'static str> {
    let items = ITEMS.iter().map(|i| (i.text, i.aliases));
    let statements = STATEMENTS.iter().map(|s| (s.text, s.aliases));
    let words = WORDS.iter().map(|w| (w.text, w.aliases));
    items
        .chain(statements)
        .chain(words)
        .find(|(_, aliases)| aliases.contains(&word))
        .map(|(text, _)| text)
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
}
