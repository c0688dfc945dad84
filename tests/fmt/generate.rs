//! A small generator of plans that parse, with comments, blank lines, `;` and
//! odd spacing in every place the syntax allows them. Driven by a seed so that
//! a failing case is reproduced by its seed; bounded in size so that a case
//! takes milliseconds.

/// xorshift64*: enough randomness for layouts, and no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Where a token stands, which decides what may go before it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Inside an item or statement.
    Inner,
    /// Before a statement or a block's `}`: `;` may stand here too.
    Stmt,
    /// Before an item.
    Item,
}

const COMMENTS: &[&str] = &[
    "# a comment",
    "#",
    "#no space",
    "# 注：含“引号”和 { 括号 } 与 \"quotes\"",
    "# trailing spaces   ",
    "# ；full-width；",
    "## banner ##",
];

const NAMES: &[&str] = &[
    "leader",
    "office",
    "组长",
    "值班-室",
    "_x",
    "a1",
    "Ⅱ",
    "police",
    "visitors",
    "act",
    "t1",
    "s1",
    "flag_1",
    "on-call",
    "deputy_director",
];

const STRINGS: &[&str] = &[
    "\"标签\"",
    "\"含\\\"转义\\\"\"",
    "\"\\u{4E2D}\\n\\t\\\\\"",
    "\"\"\"\n  多行\n    文本\n  \"\"\"",
    "\"# 不是注释\"",
    "\"“弯引号”，全角；\"",
    "\"\"",
    "\"  spaces  \"",
    "\"{ braces } ; (x)\"",
    "\"很长的标签很长的标签很长的标签很长的标签很长的标签\"",
];

const DURATIONS: &[&str] = &["10m", "1h30m", "6mo", "1y", "0s", "2w", "1d"];

pub struct Generator {
    rng: Rng,
    out: String,
}

impl Generator {
    pub fn plan(seed: u64) -> String {
        let mut g = Generator {
            rng: Rng::new(seed),
            out: String::new(),
        };
        if g.rng.chance(30) {
            let header = *g.rng.pick(&["# header\n", "\n\n", "# a\n# b\n\n"]);
            g.out.push_str(header);
        }
        g.plan_header();
        for _ in 0..g.rng.below(10) {
            g.item(0);
        }
        let end = *g.rng.pick(&["", "\n", "\n\n# end\n", " # end", "\n\n\n"]);
        g.out.push_str(end);
        g.out
    }

    fn gap(&mut self, gap: Gap) {
        if self.out.is_empty() {
            return;
        }
        let comment = *self.rng.pick(COMMENTS);
        let roll = self.rng.below(100);
        let sep = match (gap, roll) {
            (_, 0..=49) => " ".to_string(),
            (Gap::Item, 50..=69) => "\n".to_string(),
            (_, 50..=59) => "\n".to_string(),
            (_, 60..=64) => "\n      ".to_string(),
            (_, 65..=69) => "\t".to_string(),
            (_, 70..=77) => format!("  {comment}\n"),
            (_, 78..=83) => format!("\n{comment}\n"),
            (Gap::Stmt, 84..=91) => (*self.rng.pick(&[";", " ; ", ";\n", " ;;"])).to_string(),
            (_, 84..=91) => "\n\n".to_string(),
            (_, _) => format!("\n\n\n{comment}\n\n"),
        };
        self.out.push_str(&sep);
    }

    fn tok(&mut self, gap: Gap, text: &str) {
        self.gap(gap);
        self.out.push_str(text);
    }

    fn name(&mut self) {
        let n = *self.rng.pick(NAMES);
        self.tok(Gap::Inner, n);
    }

    fn string(&mut self) {
        let s = *self.rng.pick(STRINGS);
        self.tok(Gap::Inner, s);
    }

    fn list(&mut self, item: fn(&mut Self)) {
        item(self);
        for _ in 0..self.rng.below(4) {
            self.tok(Gap::Inner, ",");
            item(self);
        }
    }

    fn plan_header(&mut self) {
        self.tok(Gap::Item, "plan");
        self.string();
        self.block(&[
            "issuer",
            "date",
            "basis",
            "scope",
            "commander",
            "version",
            "text",
        ]);
    }

    /// An optional block of statements chosen from `keywords`.
    fn block(&mut self, keywords: &[&str]) {
        if self.rng.chance(20) {
            return;
        }
        self.tok(Gap::Inner, "{");
        for _ in 0..self.rng.below(6) {
            let keyword = *self.rng.pick(keywords);
            self.statement(keyword);
        }
        self.tok(Gap::Stmt, "}");
    }

    fn statement(&mut self, keyword: &str) {
        self.tok(Gap::Stmt, keyword);
        match keyword {
            "issuer" | "scope" | "version" | "text" | "holder" | "phone" | "duty" | "until" => {
                self.string()
            }
            "date" => {
                let d = *self.rng.pick(&["2015-09-11", "2024-02-29"]);
                self.tok(Gap::Inner, d);
            }
            "basis" => self.list(Self::string),
            "commander" | "deputy" | "owner" => self.name(),
            "members" | "on" | "after" | "with" | "notify" => self.list(Self::name),
            "within" | "every" => {
                let d = *self.rng.pick(DURATIONS);
                self.tok(Gap::Inner, d);
            }
            "escalates" => {
                self.tok(Gap::Inner, "to");
                self.name();
                if self.rng.chance(50) {
                    self.tok(Gap::Inner, "within");
                    let d = *self.rng.pick(DURATIONS);
                    self.tok(Gap::Inner, d);
                }
            }
            other => unreachable!("no statement {other}"),
        }
    }

    fn item(&mut self, depth: usize) {
        let kinds: &[&str] = if depth < 2 {
            &[
                "role", "external", "step", "routine", "drill", "fact", "level", "trigger", "text",
                "section",
            ]
        } else {
            &["role", "step", "fact", "trigger", "text"]
        };
        let kind = *self.rng.pick(kinds);
        self.tok(Gap::Item, kind);
        match kind {
            "role" => {
                self.name();
                self.string();
                self.block(&[
                    "holder",
                    "phone",
                    "deputy",
                    "duty",
                    "escalates",
                    "members",
                    "text",
                ]);
            }
            "external" => {
                self.name();
                self.string();
                self.block(&["holder", "phone", "text"]);
            }
            "step" => {
                self.name();
                self.string();
                self.block(&[
                    "owner", "on", "after", "with", "within", "notify", "until", "text",
                ]);
            }
            "routine" | "drill" => {
                self.name();
                self.string();
                self.block(&["owner", "with", "every", "text"]);
            }
            "fact" => {
                self.name();
                self.string();
                self.tok(Gap::Inner, ":");
                match self.rng.below(3) {
                    0 => self.tok(Gap::Inner, "count"),
                    1 => self.tok(Gap::Inner, "flag"),
                    _ => {
                        self.tok(Gap::Inner, "one_of");
                        self.tok(Gap::Inner, "{");
                        self.list(|g| {
                            g.name();
                            g.string();
                        });
                        self.tok(Gap::Inner, "}");
                    }
                }
            }
            "level" => {
                self.name();
                self.string();
            }
            "trigger" => {
                self.name();
                self.string();
                self.tok(Gap::Inner, "when");
                self.condition(0);
                if self.rng.chance(40) {
                    self.tok(Gap::Inner, "level");
                    self.name();
                }
            }
            "text" => self.string(),
            "section" => {
                self.string();
                self.tok(Gap::Inner, "{");
                for _ in 0..self.rng.below(4) {
                    self.item(depth + 1);
                }
                self.tok(Gap::Stmt, "}");
            }
            other => unreachable!("no item {other}"),
        }
    }

    fn condition(&mut self, depth: usize) {
        self.conjunct(depth);
        while self.rng.chance(30) {
            self.tok(Gap::Inner, "or");
            self.conjunct(depth);
        }
    }

    fn conjunct(&mut self, depth: usize) {
        self.negation(depth);
        while self.rng.chance(30) {
            self.tok(Gap::Inner, "and");
            self.negation(depth);
        }
    }

    fn negation(&mut self, depth: usize) {
        while self.rng.chance(15) {
            self.tok(Gap::Inner, "not");
        }
        match self.rng.below(if depth < 3 { 4 } else { 3 }) {
            0 => self.name(),
            1 => {
                self.name();
                let op = *self.rng.pick(&[">=", ">", "<=", "<", "==", "!="]);
                self.tok(Gap::Inner, op);
                let n = *self.rng.pick(&["0", "50", "007"]);
                self.tok(Gap::Inner, n);
            }
            2 => {
                self.name();
                self.tok(Gap::Inner, "in");
                self.tok(Gap::Inner, "{");
                self.list(Self::name);
                self.tok(Gap::Inner, "}");
            }
            _ => {
                self.tok(Gap::Inner, "(");
                self.condition(depth + 1);
                self.tok(Gap::Inner, ")");
            }
        }
    }
}
