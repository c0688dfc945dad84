//! pest pairs → typed syntax tree. Values the grammar accepts loosely (escapes,
//! dates, duration units, integer sizes) are validated here, so that their
//! errors can say exactly what is wrong.

use std::borrow::Cow;

use pest::iterators::{Pair, Pairs};

use super::ast::*;
use super::parser::{Rule, canonical, fast_statement, keyword_inline};
use crate::diagnostic::{Code, Diagnostic, Label};
use crate::span::Span;

/// Parentheses nested deeper than this are refused with a diagnostic instead of
/// being walked (the walk is recursive in the nesting depth).
pub const MAX_CONDITION_DEPTH: usize = 200;

pub(crate) struct Lowerer<'s, 'd> {
    /// Byte offset of the parsed slice in the whole file.
    pub base: usize,
    pub diagnostics: &'d mut Vec<Diagnostic>,
    /// Set when a fast rule read a keyword as a name (see grammar/plan.pest).
    pub keyword_as_name: bool,
    pub _marker: std::marker::PhantomData<&'s str>,
}

type P<'s> = Pair<'s, Rule>;

/// The children of a pair, without the comments that the fast rules keep as
/// `comment_text` pairs (they skip white space inline, see grammar/plan.pest).
type Kids<'s> = std::iter::Filter<Pairs<'s, Rule>, fn(&P<'s>) -> bool>;

fn kids(pair: P<'_>) -> Kids<'_> {
    pair.into_inner().filter(not_comment as fn(&P<'_>) -> bool)
}

fn not_comment(pair: &P<'_>) -> bool {
    pair.as_rule() != Rule::comment_text
}

/// The reference rule of a pair (fast rules build the pairs of reference rules).
fn rule_of(pair: &P<'_>) -> Rule {
    canonical(pair.as_rule())
}

impl<'s> Lowerer<'s, '_> {
    fn span(&self, pair: &P<'s>) -> Span {
        let s = pair.as_span();
        Span::new(self.base + s.start(), self.base + s.end())
    }

    fn error(&mut self, span: Span, message: impl Into<String>, label: &str, help: Option<String>) {
        let mut d = Diagnostic::new(Code::SyntaxError, message, Label::new(span, label));
        d.help = help;
        self.diagnostics.push(d);
    }

    /// Lowers one item pair (any of the `*_item` rules).
    pub fn item(&mut self, pair: P<'s>, in_section: bool) -> Option<Item<'s>> {
        let span = self.span(&pair);
        let inline = keyword_inline(pair.as_rule());
        // A fast item has its statements inline, not in a block pair.
        let fast = pair.as_rule() != canonical(pair.as_rule());
        let rule = rule_of(&pair);
        let mut inner = kids(pair);
        if !inline && rule != Rule::plan_item {
            inner.next()?;
        }
        Some(match rule {
            Rule::plan_item => {
                let keyword = inner.next()?;
                let title = self.string(inner.next()?);
                let stmts = self.stmts(inner, fast);
                Item::Plan(PlanHeader {
                    title,
                    stmts,
                    span,
                    keyword: self.span(&keyword),
                    nested: in_section,
                })
            }
            Rule::section_item => {
                let title = self.string(inner.next()?);
                let mut items = Vec::new();
                if let Some(block) = inner.next() {
                    for p in kids(block) {
                        if !matches!(rule_of(&p), Rule::block_end | Rule::open_brace) {
                            items.extend(self.item(p, true));
                        }
                    }
                }
                Item::Section(Section { title, items, span })
            }
            Rule::text_item => {
                let mut text = self.string(inner.next()?);
                text.span = span;
                Item::Text(text)
            }
            Rule::role_item
            | Rule::external_item
            | Rule::step_item
            | Rule::routine_item
            | Rule::drill_item => {
                let kind = match rule {
                    Rule::role_item => DeclKind::Role,
                    Rule::external_item => DeclKind::External,
                    Rule::step_item => DeclKind::Step,
                    Rule::routine_item => DeclKind::Routine,
                    _ => DeclKind::Drill,
                };
                let name = self.name(inner.next()?);
                let label = self.string(inner.next()?);
                let stmts = self.stmts(inner, fast);
                Item::Decl(Decl {
                    kind,
                    name,
                    label,
                    stmts,
                    span,
                })
            }
            Rule::level_item => Item::Level(Level {
                name: self.name(inner.next()?),
                label: self.string(inner.next()?),
                span,
            }),
            Rule::fact_item => {
                let name = self.name(inner.next()?);
                let label = self.string(inner.next()?);
                let _colon = inner.next()?;
                let ty_pair = inner.next()?;
                let ty = match rule_of(&ty_pair) {
                    Rule::kw_count => FactType::Count,
                    Rule::kw_flag => FactType::Flag,
                    _ => FactType::OneOf(
                        ty_pair
                            .into_inner()
                            .filter(|p| rule_of(p) == Rule::variant)
                            .filter_map(|v| {
                                let mut vi = kids(v);
                                let name = self.name(vi.next()?);
                                let label = self.string(vi.next()?);
                                Some(Variant { name, label })
                            })
                            .collect(),
                    ),
                };
                Item::Fact(Fact {
                    name,
                    label,
                    ty,
                    span,
                })
            }
            Rule::trigger_item => {
                let name = self.name(inner.next()?);
                let label = self.string(inner.next()?);
                if !inline {
                    inner.next()?; // `when`
                }
                let condition = self.condition(inner.next()?);
                let level = inner
                    .next()
                    .and_then(|l| kids(l).find(|p| rule_of(p) == Rule::name))
                    .map(|n| self.name(n));
                Item::Trigger(Trigger {
                    name,
                    label,
                    condition,
                    level,
                    span,
                })
            }
            _ => return None,
        })
    }

    /// A `section_open` pair (`section "title" {`): the title and where the section starts.
    pub fn section_open(&mut self, pair: P<'s>) -> (Str<'s>, usize) {
        let start = self.span(&pair).start;
        let title = pair
            .into_inner()
            .find(|p| rule_of(p) == Rule::string)
            .map(|p| self.string(p))
            .unwrap_or(Str {
                value: Cow::Borrowed(""),
                span: Span::new(start, start),
            });
        (title, start)
    }

    /// The statements of an item: the pairs left (fast rules) or those of its
    /// block pair, if any (reference rules).
    fn stmts(&mut self, mut rest: Kids<'s>, fast: bool) -> Vec<Stmt<'s>> {
        if fast {
            self.statements(rest)
        } else {
            rest.next()
                .map(|block| self.statements(kids(block)))
                .unwrap_or_default()
        }
    }

    fn statements(&mut self, pairs: Kids<'s>) -> Vec<Stmt<'s>> {
        let mut stmts = Vec::with_capacity(pairs.size_hint().1.unwrap_or(0));
        for p in pairs {
            if rule_of(&p) != Rule::block_end {
                stmts.extend(self.stmt(p));
            }
        }
        stmts
    }

    fn stmt(&mut self, pair: P<'s>) -> Option<Stmt<'s>> {
        let span = self.span(&pair);
        let (rule, inline) = match fast_statement(pair.as_rule(), pair.as_str()) {
            Some(rule) => (rule, true),
            None => (rule_of(&pair), keyword_inline(pair.as_rule())),
        };
        let mut inner = kids(pair);
        if !inline {
            inner.next()?;
        }
        let (keyword, value) = match rule {
            Rule::issuer_stmt => (Keyword::Issuer, Value::Str(self.string(inner.next()?))),
            Rule::scope_stmt => (Keyword::Scope, Value::Str(self.string(inner.next()?))),
            Rule::version_stmt => (Keyword::Version, Value::Str(self.string(inner.next()?))),
            Rule::text_stmt => (Keyword::Text, Value::Str(self.string(inner.next()?))),
            Rule::holder_stmt => (Keyword::Holder, Value::Str(self.string(inner.next()?))),
            Rule::phone_stmt => (Keyword::Phone, Value::Str(self.string(inner.next()?))),
            Rule::duty_stmt => (Keyword::Duty, Value::Str(self.string(inner.next()?))),
            Rule::until_stmt => (Keyword::Until, Value::Str(self.string(inner.next()?))),
            Rule::basis_stmt => (
                Keyword::Basis,
                Value::Strs(kids(inner.next()?).map(|s| self.string(s)).collect()),
            ),
            Rule::date_stmt => (Keyword::Date, Value::Date(self.date(inner.next()?))),
            Rule::commander_stmt => (Keyword::Commander, Value::Name(self.name(inner.next()?))),
            Rule::deputy_stmt => (Keyword::Deputy, Value::Name(self.name(inner.next()?))),
            Rule::owner_stmt => (Keyword::Owner, Value::Name(self.name(inner.next()?))),
            Rule::members_stmt => (Keyword::Members, Value::Names(self.list(inner)?)),
            Rule::on_stmt => (Keyword::On, Value::Names(self.list(inner)?)),
            Rule::after_stmt => (Keyword::After, Value::Names(self.list(inner)?)),
            Rule::with_stmt => (Keyword::With, Value::Names(self.list(inner)?)),
            Rule::notify_stmt => (Keyword::Notify, Value::Names(self.list(inner)?)),
            Rule::within_stmt => (
                Keyword::Within,
                Value::Duration(self.duration(inner.next()?)),
            ),
            Rule::every_stmt => (
                Keyword::Every,
                Value::Duration(self.duration(inner.next()?)),
            ),
            Rule::escalates_stmt => {
                // `to` and `within` are pairs of the reference rule only
                let target = self.name(inner.find(|p| rule_of(p) == Rule::name)?);
                let within = inner
                    .find(|p| rule_of(p) == Rule::duration)
                    .map(|d| self.duration(d));
                (Keyword::Escalates, Value::Escalation { target, within })
            }
            _ => return None,
        };
        Some(Stmt {
            keyword,
            value,
            span,
        })
    }

    fn name(&mut self, pair: P<'s>) -> Name<'s> {
        let text = pair.as_str();
        if pair.as_rule() == Rule::f_name && super::scan::is_keyword(text) {
            self.keyword_as_name = true;
        }
        Name {
            text,
            span: self.span(&pair),
        }
    }

    /// The names of a statement: those of its `names` pair (reference rules)
    /// or the name pairs left (fast rules).
    fn list(&mut self, mut rest: Kids<'s>) -> Option<Vec<Name<'s>>> {
        let first = rest.next()?;
        if rule_of(&first) == Rule::names {
            return Some(self.names(first));
        }
        let mut names = Vec::with_capacity(1 + rest.size_hint().1.unwrap_or(0));
        names.push(self.name(first));
        names.extend(rest.map(|p| self.name(p)));
        Some(names)
    }

    fn names(&mut self, pair: P<'s>) -> Vec<Name<'s>> {
        kids(pair).map(|p| self.name(p)).collect()
    }

    /// A `string` pair: resolves escapes and CRLF, reporting bad escapes.
    fn string(&mut self, pair: P<'s>) -> Str<'s> {
        let span = self.span(&pair);
        // The text between the quotes (a `string` pair is `"`, `str_body`, `"`).
        let text = pair.as_str();
        let raw = text.get(1..text.len().saturating_sub(1)).unwrap_or("");
        let body_start = span.start + 1;
        let value = if memchr::memchr2(b'\\', b'\r', raw.as_bytes()).is_some() {
            Cow::Owned(self.unescape(raw, body_start))
        } else {
            Cow::Borrowed(raw)
        };
        Str { value, span }
    }

    fn unescape(&mut self, raw: &str, start: usize) -> String {
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '\r' if matches!(chars.peek(), Some((_, '\n'))) => {}
                '\\' => {
                    let Some((_, e)) = chars.next() else { break };
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'u' => match unicode_escape(&raw[i..]) {
                            Ok((ch, len)) => {
                                out.push(ch);
                                // skip the rest of `\u{...}` (the `\u` is consumed)
                                for _ in 0..raw[i + 2..i + len].chars().count() {
                                    chars.next();
                                }
                            }
                            Err(why) => {
                                let end = raw[i..]
                                    .find('}')
                                    .map(|e| i + e + 1)
                                    .unwrap_or(i + 2)
                                    .min(raw.len());
                                self.error(
                                    Span::new(start + i, start + end),
                                    format!("invalid unicode escape: {why}"),
                                    "invalid escape",
                                    Some("write `\\u{` and 1 to 6 hex digits naming a Unicode scalar value, then `}`, e.g. `\\u{4E2D}`".into()),
                                );
                            }
                        },
                        other => {
                            let len = 1 + other.len_utf8();
                            self.error(
                                Span::new(start + i, start + i + len),
                                format!("unknown escape `\\{other}` in a string"),
                                "unknown escape",
                                Some("the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{…}`; write `\\\\` for a backslash".into()),
                            );
                        }
                    }
                }
                c => out.push(c),
            }
        }
        out
    }

    fn date(&mut self, pair: P<'s>) -> Date {
        let span = self.span(&pair);
        let text = pair.as_str();
        let year: u16 = text[0..4].parse().unwrap_or(0);
        let month: u8 = text[5..7].parse().unwrap_or(0);
        let day: u8 = text[8..10].parse().unwrap_or(0);
        if !date_exists(year, month, day) {
            self.error(
                span,
                format!("`{text}` is not a date that exists"),
                "no such date",
                Some("write the date as YYYY-MM-DD, e.g. `2015-09-11`".into()),
            );
        }
        Date {
            year,
            month,
            day,
            span,
        }
    }

    fn duration(&mut self, pair: P<'s>) -> Duration {
        let span = self.span(&pair);
        match parse_duration(pair.as_str()) {
            Ok(seconds) => Duration { seconds, span },
            Err(why) => {
                self.error(
                    span,
                    format!("invalid duration `{}`: {why}", pair.as_str()),
                    "invalid duration",
                    Some("units go from largest to smallest, each at most once: `y`, `mo`, `w`, `d`, `h`, `m` (minutes), `s`, e.g. `1h30m`".into()),
                );
                Duration { seconds: 0, span }
            }
        }
    }

    fn integer(&mut self, pair: &P<'s>) -> u64 {
        pair.as_str().parse().unwrap_or_else(|_| {
            self.error(
                self.span(pair),
                format!("the number `{}` is too large", pair.as_str()),
                "does not fit in 64 bits",
                Some(format!("numbers go up to {}", u64::MAX)),
            );
            u64::MAX
        })
    }

    fn condition(&mut self, pair: P<'s>) -> Condition<'s> {
        let mut nodes = Vec::new();
        let root = self.cond_node(pair, &mut nodes, 0);
        Condition { nodes, root }
    }

    fn push(nodes: &mut Vec<CondNode<'s>>, node: CondNode<'s>) -> CondId {
        nodes.push(node);
        CondId((nodes.len() - 1) as u32)
    }

    fn cond_node(&mut self, pair: P<'s>, nodes: &mut Vec<CondNode<'s>>, depth: usize) -> CondId {
        let span = self.span(&pair);
        match rule_of(&pair) {
            Rule::condition | Rule::conjunction => {
                let is_or = rule_of(&pair) == Rule::condition;
                let mut parts = Vec::new();
                for p in kids(pair) {
                    if !matches!(rule_of(&p), Rule::kw_or | Rule::kw_and) {
                        parts.push(self.cond_node(p, nodes, depth));
                    }
                }
                if parts.len() == 1 {
                    parts[0]
                } else if is_or {
                    Self::push(nodes, CondNode::Or(parts, span))
                } else {
                    Self::push(nodes, CondNode::And(parts, span))
                }
            }
            Rule::negation => {
                let mut nots = Vec::new();
                let mut id = None;
                for p in kids(pair) {
                    if rule_of(&p) == Rule::kw_not {
                        nots.push(self.span(&p).start);
                    } else {
                        id = Some(self.cond_node(p, nodes, depth));
                    }
                }
                let mut id = id.unwrap_or_else(|| Self::push(nodes, CondNode::And(vec![], span)));
                for start in nots.into_iter().rev() {
                    id = Self::push(nodes, CondNode::Not(id, Span::new(start, span.end)));
                }
                id
            }
            Rule::group => {
                if depth >= MAX_CONDITION_DEPTH {
                    self.error(
                        span,
                        format!("this condition nests parentheses more than {MAX_CONDITION_DEPTH} deep"),
                        "nested too deeply",
                        Some("split the condition into several triggers and name them in one another".into()),
                    );
                    return Self::push(nodes, CondNode::And(vec![], span));
                }
                match kids(pair).next() {
                    Some(inner) => self.cond_node(inner, nodes, depth + 1),
                    None => Self::push(nodes, CondNode::And(vec![], span)),
                }
            }
            Rule::comparison => {
                let mut inner = kids(pair);
                let (Some(fact), Some(op), Some(value)) =
                    (inner.next(), inner.next(), inner.next())
                else {
                    return Self::push(nodes, CondNode::And(vec![], span));
                };
                let op = match op.as_str() {
                    ">=" => CmpOp::Ge,
                    ">" => CmpOp::Gt,
                    "<=" => CmpOp::Le,
                    "<" => CmpOp::Lt,
                    "==" => CmpOp::Eq,
                    _ => CmpOp::Ne,
                };
                let value = self.integer(&value);
                let fact = self.name(fact);
                Self::push(
                    nodes,
                    CondNode::Compare {
                        fact,
                        op,
                        value,
                        span,
                    },
                )
            }
            Rule::membership => {
                let mut inner = kids(pair);
                let Some(fact) = inner.next() else {
                    return Self::push(nodes, CondNode::And(vec![], span));
                };
                let fact = self.name(fact);
                let variants = inner
                    .find(|p| rule_of(p) == Rule::names)
                    .map(|p| self.names(p))
                    .unwrap_or_default();
                Self::push(
                    nodes,
                    CondNode::In {
                        fact,
                        variants,
                        span,
                    },
                )
            }
            _ => {
                let name = self.name(pair);
                Self::push(nodes, CondNode::Name(name))
            }
        }
    }
}

/// Parses `\u{X…}` at the start of `s`: the character and the escape's byte length.
fn unicode_escape(s: &str) -> Result<(char, usize), &'static str> {
    let rest = s.get(2..).unwrap_or("");
    let Some(body) = rest.strip_prefix('{') else {
        return Err("expected `{` after `\\u`");
    };
    let Some(close) = body.find('}') else {
        return Err("missing `}`");
    };
    let hex = &body[..close];
    if hex.is_empty() || hex.len() > 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err("expected 1 to 6 hex digits");
    }
    let value = u32::from_str_radix(hex, 16).map_err(|_| "expected hex digits")?;
    let ch = char::from_u32(value).ok_or("not a Unicode scalar value")?;
    Ok((ch, 2 + 1 + close + 1))
}

/// Seconds in a duration such as `1h30m`; units decreasing, each at most once.
pub fn parse_duration(text: &str) -> Result<u64, String> {
    const UNITS: [(&str, u64); 7] = [
        ("y", 365 * 86_400),
        ("mo", 30 * 86_400),
        ("w", 7 * 86_400),
        ("d", 86_400),
        ("h", 3_600),
        ("m", 60),
        ("s", 1),
    ];
    let mut rest = text;
    let mut total: u64 = 0;
    let mut last_rank: Option<usize> = None;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let amount: u64 = rest[..digits]
            .parse()
            .map_err(|_| "the number is too large".to_string())?;
        rest = &rest[digits..];
        let (rank, (unit, factor)) = UNITS
            .iter()
            .enumerate()
            .find(|(_, (u, _))| rest.starts_with(u))
            .ok_or_else(|| "missing unit".to_string())?;
        if let Some(last) = last_rank {
            if rank == last {
                return Err(format!("the unit `{unit}` is given twice"));
            }
            if rank < last {
                return Err(format!("`{unit}` comes after a smaller unit"));
            }
        }
        last_rank = Some(rank);
        rest = &rest[unit.len()..];
        total = amount
            .checked_mul(*factor)
            .and_then(|s| total.checked_add(s))
            .ok_or_else(|| "it is too long".to_string())?;
    }
    Ok(total)
}

fn date_exists(year: u16, month: u8, day: u8) -> bool {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year > 0 && day >= 1 && day <= days
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("1h30m"), Ok(5400));
        assert_eq!(parse_duration("6mo"), Ok(6 * 30 * 86_400));
        assert_eq!(parse_duration("2w"), Ok(14 * 86_400));
        assert!(parse_duration("30m1h").is_err());
        assert!(parse_duration("1m1m").is_err());
    }

    #[test]
    fn dates() {
        assert!(date_exists(2015, 9, 11));
        assert!(date_exists(2024, 2, 29));
        assert!(!date_exists(2023, 2, 29));
        assert!(!date_exists(2015, 13, 1));
    }
}
