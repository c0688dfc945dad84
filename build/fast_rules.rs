//! The fast rules, generated from the reference grammar (see build/main.rs).
//!
//! Each reference rule the batch reader (`top_batch`, `section_batch`,
//! `section_open`) reaches becomes a fast rule `f_…`: compound-atomic, with
//! the white space pest skips written out exactly where pest skips it (so
//! that every pair has the same extent as the reference rule's), keywords
//! matched inline (no pair), strings read whole (no pairs inside) and names
//! without the keyword lookahead (the tree walk rejects a keyword used as a
//! name, and the item is then read again by the reference rules).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use pest_meta::ast::{Expr, Rule as AstRule, RuleType};
use pest_meta::parser::{self as meta, Rule as MetaRule};

use super::language;

const ENTRIES: &[&str] = &["top_batch", "section_batch", "section_open"];

/// Rules whose fast form is atomic: a condition is one pair, nothing inside
/// it, and the tree walk reads its text with the lexer
/// (src/syntax/condition_text.rs): pest kept four tokens for every operand
/// (issue 19: a 6 MB `f and f …` held 400 MB of them). The rules only a
/// condition uses are atomic too: a compound-atomic rule inside it would
/// make pairs again. A list of names is one pair as well, its names read by
/// the lexer (`Lowerer::names`): pest kept two tokens a name (a line of
/// 32,000 names held 2.6 MB of them).
const READ_BY_LEXER: &[&str] = &[
    "names",
    "condition",
    "conjunction",
    "negation",
    "group",
    "comparison",
    "membership",
];

/// The lookahead that ends a keyword: `owner_x` and `on-call` are names.
const WORD_END: &str = "!(XID_CONTINUE | '-'..'-')";

/// The keyword rules, from the language table.
pub fn keyword_rules() -> String {
    let mut out = String::new();
    let mut reserved: Vec<&str> = language::keywords().filter(|k| k.1).map(|k| k.0).collect();
    // Longest first: a keyword that begins another (`on`, `one_of`) must not
    // be taken for it.
    reserved.sort_by_key(|k| std::cmp::Reverse(k.len()));
    let quoted: Vec<String> = reserved.iter().map(|k| format!("\"{k}\"")).collect();
    writeln!(
        out,
        "// The reserved keywords: never a name.\nkeyword = @{{ ({}) ~ {WORD_END} }}\n",
        quoted.join(" | ")
    )
    .unwrap();
    out.push_str("// One rule per keyword, reserved or contextual.\n");
    for (k, _) in language::keywords() {
        writeln!(out, "kw_{k} = @{{ \"{k}\" ~ {WORD_END} }}").unwrap();
    }
    out
}

fn parse_rules(text: &str) -> Vec<AstRule> {
    let pairs = meta::parse(MetaRule::grammar_rules, text).unwrap_or_else(|e| panic!("{e}"));
    meta::consume_rules(pairs).unwrap_or_else(|e| panic!("{e:?}"))
}

fn is_builtin(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

struct Generator {
    rules: BTreeMap<String, AstRule>,
    /// The white space pest skips between tokens (`WHITESPACE*`), written out.
    skip: Expr,
}

fn seq(a: Expr, b: Expr) -> Expr {
    Expr::Seq(Box::new(a), Box::new(b))
}

/// `a ~ b ~ …`
fn sequence(parts: Vec<Expr>) -> Expr {
    parts
        .into_iter()
        .rev()
        .reduce(|rest, part| seq(part, rest))
        .expect("a sequence of at least one part")
}

/// The alternatives of a choice, however it is nested.
fn choices(e: &Expr) -> Vec<Expr> {
    match e {
        Expr::Choice(a, b) => {
            let mut out = choices(a);
            out.extend(choices(b));
            out
        }
        other => vec![other.clone()],
    }
}

/// The word of a keyword rule, `"owner" ~ !(…)`.
fn keyword_word(e: &Expr) -> String {
    match parts(e).first() {
        Some(Expr::Str(word)) => word.clone(),
        _ => panic!("a keyword rule is `\"word\" ~ …`: {e}"),
    }
}

/// The parts of a sequence, however it is nested.
fn parts(e: &Expr) -> Vec<Expr> {
    match e {
        Expr::Seq(a, b) => {
            let mut out = parts(a);
            out.extend(parts(b));
            out
        }
        other => vec![other.clone()],
    }
}

fn opt(e: Expr) -> Expr {
    Expr::Opt(Box::new(e))
}

fn rep(e: Expr) -> Expr {
    Expr::Rep(Box::new(e))
}

impl Generator {
    fn new(rules: Vec<AstRule>) -> Generator {
        let rules: BTreeMap<String, AstRule> =
            rules.into_iter().map(|r| (r.name.clone(), r)).collect();
        let white = rules["WHITESPACE"].expr.clone();
        Generator {
            rules,
            skip: rep(white),
        }
    }

    fn ty(&self, name: &str) -> Option<RuleType> {
        self.rules.get(name).map(|r| r.ty)
    }

    /// The rules the fast rules are made of: those the entries reach, but
    /// keywords (inlined) and atomic rules (used as they are).
    fn reached(&self) -> Vec<String> {
        let mut seen = BTreeSet::new();
        let mut order = Vec::new();
        let mut work: Vec<String> = ENTRIES.iter().rev().map(|s| s.to_string()).collect();
        while let Some(name) = work.pop() {
            if is_builtin(&name) || name.starts_with("kw_") || !seen.insert(name.clone()) {
                continue;
            }
            // A one-literal rule is inlined but in the entries (`}` closing a section).
            if !self.is_inlined(&name) || self.is_literal(&name) {
                order.push(name.clone());
            }
            // Atomic rules are used as they are, compound-atomic ones written in.
            if matches!(
                self.ty(&name),
                Some(RuleType::Atomic | RuleType::CompoundAtomic)
            ) {
                continue;
            }
            let mut idents = Vec::new();
            for e in self.rules[&name].expr.iter_top_down() {
                if let Expr::Ident(id) = e {
                    idents.push(id);
                }
            }
            work.extend(idents.into_iter().rev());
        }
        order
    }

    /// Rules the fast rules write in where they are used, for their pairs
    /// are not needed by the tree walk (`lower.rs` reads both forms): blocks
    /// (`*_block`), lists (`x ~ ("," ~ x)*`), one-literal rules (`"}"`, kept
    /// as pairs in the entries, where `}` closes a section), the statements
    /// of a block choice (`*_stmt`, which becomes one rule, see `merged`).
    fn is_inlined(&self, name: &str) -> bool {
        let Some(rule) = self.rules.get(name) else {
            return false;
        };
        if rule.ty != RuleType::Normal || ENTRIES.contains(&name) || READ_BY_LEXER.contains(&name) {
            return false;
        }
        let is_list = matches!(parts(&rule.expr).as_slice(),
            [Expr::Ident(x), Expr::Rep(r)] if parts(r) == [Expr::Str(",".into()), Expr::Ident(x.clone())]);
        name.ends_with("_block")
            || is_list
            || matches!(rule.expr, Expr::Str(_))
            || self.merged_into(name)
    }

    /// True for a statement rule that a block choice (`step_stmt = _{
    /// owner_stmt | … }`) holds: the choice becomes one rule whose
    /// alternatives are the statements written in (the tree walk tells the
    /// statement by its keyword), cheaper than a failed rule per statement.
    fn merged_into(&self, name: &str) -> bool {
        self.rules.values().any(|r| {
            self.merged(&r.name)
                .is_some_and(|alts| alts.iter().any(|a| a == name))
        })
    }

    /// The statements of a block choice (`*_stmt`, silent, a choice of rules).
    fn merged(&self, name: &str) -> Option<Vec<String>> {
        let rule = self.rules.get(name)?;
        if rule.ty != RuleType::Silent || !name.ends_with("_stmt") {
            return None;
        }
        choices(&rule.expr)
            .into_iter()
            .map(|alt| match alt {
                Expr::Ident(id) if self.ty(&id) == Some(RuleType::Normal) => Some(id),
                _ => None,
            })
            .collect()
    }

    /// The name a fast rule uses for rule `name`.
    fn fast_name(&self, name: &str) -> String {
        match self.ty(name) {
            None => name.to_string(), // built-in
            Some(RuleType::Atomic) if name != "name" => name.to_string(),
            Some(_) => format!("f_{name}"),
        }
    }

    /// A rule's expression with the rules it calls written in, for an atomic
    /// rule (no pairs are made inside it anyway), one-character literals as
    /// ranges (but in a `!(…)`, where pest's optimizer turns `(!"\"" ~ ANY)*`
    /// into a memchr skip).
    fn inlined(&self, e: &Expr) -> Expr {
        match e {
            Expr::Ident(id) if !is_builtin(id) => self.inlined(&self.rules[id].expr),
            Expr::Str(s) if s.chars().count() == 1 => Expr::Range(s.clone(), s.clone()),
            Expr::NegPred(_) => e.clone(),
            Expr::Seq(a, b) => seq(self.inlined(a), self.inlined(b)),
            Expr::Choice(a, b) => {
                Expr::Choice(Box::new(self.inlined(a)), Box::new(self.inlined(b)))
            }
            Expr::Opt(x) => opt(self.inlined(x)),
            Expr::Rep(x) => rep(self.inlined(x)),
            Expr::RepOnce(x) => Expr::RepOnce(Box::new(self.inlined(x))),
            Expr::PosPred(x) => Expr::PosPred(Box::new(self.inlined(x))),
            other => other.clone(),
        }
    }

    /// The fast form of a non-atomic expression: pest's implicit white space
    /// written out where pest skips it (between the parts of a sequence and
    /// the rounds of a repetition; bounded repetitions unrolled as pest does).
    fn fast(&self, e: &Expr, entry: bool) -> Expr {
        let w = || self.skip.clone();
        match e {
            Expr::Seq(a, b) => seq(self.fast(a, entry), seq(w(), self.fast(b, entry))),
            Expr::Rep(x) => {
                let x = self.fast(x, entry);
                opt(seq(x.clone(), rep(seq(w(), x))))
            }
            // As pest's optimizer unrolls them: `x+` is `x ~ x*`, `x{n,}` is
            // `x ~ … ~ x ~ x*`, `x{m, n}` is `x ~ … ~ x ~ x? ~ … ~ x?`.
            Expr::RepOnce(x) => self.fast(&seq((**x).clone(), rep((**x).clone())), entry),
            Expr::RepExact(x, n) => self.unrolled(x, *n, *n, entry),
            Expr::RepMin(x, n) => {
                let parts = (0..*n).map(|_| (**x).clone()).chain([rep((**x).clone())]);
                self.fast(&sequence(parts.collect()), entry)
            }
            Expr::RepMax(x, n) => self.unrolled(x, 0, *n, entry),
            Expr::RepMinMax(x, min, max) => self.unrolled(x, *min, *max, entry),
            Expr::Opt(x) => opt(self.fast(x, entry)),
            Expr::Choice(a, b) => {
                Expr::Choice(Box::new(self.fast(a, entry)), Box::new(self.fast(b, entry)))
            }
            Expr::PosPred(x) => Expr::PosPred(Box::new(self.fast(x, entry))),
            Expr::NegPred(x) => Expr::NegPred(Box::new(self.fast(x, entry))),
            // One character: a range, which pest matches without memcmp.
            Expr::Str(s) if s.chars().count() == 1 => Expr::Range(s.clone(), s.clone()),
            Expr::Ident(id) if id.starts_with("kw_") => self.rules[id].expr.clone(),
            Expr::Ident(id) if self.is_inlined(id) && !(entry && self.is_literal(id)) => {
                self.fast(&self.rules[id].expr, entry)
            }
            Expr::Ident(id) => Expr::Ident(self.fast_name(id)),
            other => other.clone(),
        }
    }

    /// The fast form of the body of a rule that makes a pair. A keyword that
    /// starts it is followed by at least one unit of white space rather than
    /// the keyword lookahead (one rule call less): `text"…"` then fails here,
    /// and the item is read by the reference rules. (Only at the start of an
    /// item or a statement: a keyword that fails there fails the item; one
    /// inside a condition would end it early instead.)
    fn body(&self, name: &str, e: &Expr) -> Expr {
        let mut parts = parts(e);
        match parts.first().cloned() {
            Some(Expr::Ident(k)) if k.starts_with("kw_") && parts.len() > 1 => {
                let rest = sequence(parts.split_off(1));
                let word = keyword_word(&self.rules[&k].expr);
                let unit = self.rules["WHITESPACE"].expr.clone();
                seq(
                    Expr::Str(word),
                    seq(unit, seq(self.skip.clone(), self.fast(&rest, false))),
                )
            }
            _ => self.fast(e, ENTRIES.contains(&name)),
        }
    }

    /// A statement rule's keyword, and the fast form of what follows it
    /// (one unit of white space, then the rest as in `body`).
    fn keyword_and_tail(&self, name: &str) -> (String, Expr) {
        match self.body(name, &self.rules[name].expr) {
            Expr::Seq(word, tail) => match *word {
                Expr::Str(word) => (word, *tail),
                other => panic!("statement `{name}` does not start with a keyword: {other}"),
            },
            other => panic!("statement `{name}` does not start with a keyword: {other}"),
        }
    }

    fn unrolled(&self, x: &Expr, min: u32, max: u32, entry: bool) -> Expr {
        let parts = (0..max).map(|i| if i < min { x.clone() } else { opt(x.clone()) });
        self.fast(&sequence(parts.collect()), entry)
    }

    /// A rule that is one literal (`block_end = { "}" }`).
    fn is_literal(&self, name: &str) -> bool {
        self.rules
            .get(name)
            .is_some_and(|r| matches!(r.expr, Expr::Str(_)))
    }

    fn rule(&self, name: &str) -> String {
        let rule = &self.rules[name];
        let fast = self.fast_name(name);
        match rule.ty {
            // `name` without `!keyword`: the tree walk checks it.
            RuleType::Atomic => {
                let mut parts = parts(&rule.expr);
                let is_lookahead = |e: &Expr| matches!(e, Expr::NegPred(k) if matches!(k.as_ref(), Expr::Ident(i) if i == "keyword"));
                assert!(
                    parts.first().is_some_and(is_lookahead),
                    "rule `{name}` is atomic but not `!keyword ~ …`"
                );
                let body = sequence(parts.split_off(1));
                format!("{fast} = @{{ {body} }}")
            }
            RuleType::CompoundAtomic => format!("{fast} = @{{ {} }}", self.inlined(&rule.expr)),
            RuleType::Silent => match self.merged(name) {
                Some(statements) => {
                    // Statements that take the same value share one
                    // alternative: `("holder" | "phone" | "text") ~ W1 ~ W ~ f_string`.
                    let mut groups: Vec<(Vec<String>, Expr)> = Vec::new();
                    for s in &statements {
                        let (word, tail) = self.keyword_and_tail(s);
                        match groups.iter_mut().find(|(_, t)| *t == tail) {
                            Some((words, _)) => words.push(word),
                            None => groups.push((vec![word], tail)),
                        }
                    }
                    let alternatives = groups
                        .into_iter()
                        .map(|(mut words, tail)| {
                            // Longest first: `on` must not be taken for `one_of`.
                            words.sort_by_key(|w| std::cmp::Reverse(w.len()));
                            let words = words
                                .into_iter()
                                .map(Expr::Str)
                                .reduce(|a, b| Expr::Choice(Box::new(a), Box::new(b)))
                                .expect("a word");
                            seq(words, tail)
                        })
                        .reduce(|a, b| Expr::Choice(Box::new(a), Box::new(b)))
                        .expect("a choice of at least one statement");
                    format!("{fast} = ${{ {alternatives} }}")
                }
                None => format!("{fast} = _{{ {} }}", self.fast(&rule.expr, false)),
            },
            RuleType::Normal | RuleType::NonAtomic if READ_BY_LEXER.contains(&name) => {
                format!("{fast} = @{{ {} }}", self.body(name, &rule.expr))
            }
            RuleType::Normal | RuleType::NonAtomic => {
                format!("{fast} = ${{ {} }}", self.body(name, &rule.expr))
            }
        }
    }
}

/// The generated part of the grammar (keyword rules and fast rules) and the
/// Rust that maps fast rules to reference rules, from the text of
/// grammar/plan.pest.
pub fn generate(reference: &str) -> (String, String) {
    let keywords = keyword_rules();
    let generator = Generator::new(parse_rules(&format!("{reference}\n{keywords}")));
    let mut pest = String::from("\n// ══ generated by build/main.rs from the language table ══\n");
    pest.push_str(&keywords);
    pest.push_str(
        "\n// ── fast rules: the reference rules the batch reader reaches, read with fewer pest calls ──\n",
    );
    let mut canonical = String::new();
    for name in generator.reached() {
        let fast = generator.fast_name(&name);
        if fast == name {
            continue;
        }
        writeln!(pest, "{}", generator.rule(&name)).unwrap();
        if generator.ty(&name) != Some(RuleType::Silent) || generator.merged(&name).is_some() {
            writeln!(canonical, "        Rule::{fast} => Rule::{name},").unwrap();
        }
    }
    let kw_rules: Vec<String> = language::keywords()
        .map(|(k, _)| format!("Rule::kw_{k}"))
        .collect();
    let rust = format!(
        "
/// The reference rule whose pair a fast rule (`f_*`) builds; any other rule
/// stands for itself.
pub(crate) fn canonical(rule: Rule) -> Rule {{
    match rule {{
{canonical}        other => other,
    }}
}}

/// True for the pair of a keyword rule: the tree walk skips them (the fast
/// rules match keywords inline, without a pair).
pub(crate) fn is_keyword_rule(rule: Rule) -> bool {{
    matches!(
        rule,
        {}
    )
}}
",
        kw_rules.join("\n            | ")
    );
    (pest, rust)
}
