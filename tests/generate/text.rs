//! A generated plan written out as plan text.

use proptest::sample::Index;

use super::*;

/// Writes a block: `{ a; b }` on one line, or a statement a line.
fn block(layout: &Layout, head: &str, stmts: &[String], indent: &str) -> String {
    if stmts.is_empty() {
        return format!("{indent}{head}\n");
    }
    if layout.multiline {
        let sep = if layout.semicolons { ";" } else { "" };
        let mut out = format!("{indent}{head} {{\n");
        for (i, s) in stmts.iter().enumerate() {
            let sep = if i + 1 < stmts.len() { sep } else { "" };
            out.push_str(&format!("{indent}  {s}{sep}\n"));
        }
        out.push_str(&format!("{indent}}}\n"));
        out
    } else {
        format!("{indent}{head} {{ {} }}\n", stmts.join("; "))
    }
}

impl Plan {
    fn party(&self, i: Index) -> &'static str {
        let n = self.roles.len() + self.externals;
        let k = i.index(n);
        if k < self.roles.len() {
            ROLES[k]
        } else {
            EXTERNALS[k - self.roles.len()]
        }
    }

    fn cond(&self, c: &Cond, trigger: usize) -> String {
        match c {
            Cond::Fact {
                fact,
                op,
                value,
                variants,
            } => {
                let f = fact.index(self.facts.len());
                let name = FACTS[f];
                match self.facts[f] {
                    FactKind::Count => format!("{name} {} {value}", OPS[*op]),
                    FactKind::Flag => name.to_string(),
                    FactKind::OneOf(n) => {
                        let mut chosen: Vec<&str> = (0..n)
                            .filter(|&v| variants[v])
                            .map(|v| VARIANTS[v])
                            .collect();
                        if chosen.is_empty() {
                            chosen.push(VARIANTS[0]);
                        }
                        format!("{name} in {{ {} }}", chosen.join(", "))
                    }
                }
            }
            Cond::Trigger(i) if trigger > 0 => TRIGGERS[i.index(trigger)].to_string(),
            Cond::Trigger(i) => self.cond(
                &Cond::Fact {
                    fact: *i,
                    op: 0,
                    value: 1,
                    variants: vec![true; 3],
                },
                trigger,
            ),
            Cond::Not(x) => match **x {
                Cond::And(_) | Cond::Or(_) => format!("not ({})", self.cond(x, trigger)),
                _ => format!("not {}", self.cond(x, trigger)),
            },
            Cond::And(xs) => xs
                .iter()
                .map(|x| match x {
                    Cond::Or(_) => format!("({})", self.cond(x, trigger)),
                    _ => self.cond(x, trigger),
                })
                .collect::<Vec<_>>()
                .join(" and "),
            Cond::Or(xs) => xs
                .iter()
                .map(|x| self.cond(x, trigger))
                .collect::<Vec<_>>()
                .join(" or "),
            Cond::Paren(x) => format!("({})", self.cond(x, trigger)),
        }
    }

    /// Each item's text, in definition order, and whether it is a role (sections hold roles).
    fn items(&self) -> Vec<(String, bool)> {
        let l = &self.layout;
        let comment = |text: &str| {
            if l.comments {
                format!("  # {text}")
            } else {
                String::new()
            }
        };
        let mut items = Vec::new();
        let mut header = Vec::new();
        if self.issuer {
            header.push("issuer \"测试单位\"".to_string());
        }
        if self.date {
            header.push("date 2024-02-29".to_string());
        }
        if self.commander {
            header.push(format!("commander {}", ROLES[0]));
        }
        items.push((block(l, "plan \"测试预案\"", &header, ""), false));
        for (i, r) in self.roles.iter().enumerate() {
            let mut stmts = Vec::new();
            if let Some(h) = r.holder {
                stmts.push(format!("holder \"{}\"", HOLDERS[h]));
            }
            if r.phone {
                stmts.push("phone \"0000-1234567\"".to_string());
            }
            for _ in 0..r.duties {
                stmts.push("duty \"负责，落实；\"".to_string());
            }
            if let Some(d) = r.deputy
                && i + 1 < self.roles.len()
            {
                stmts.push(format!(
                    "deputy {}",
                    ROLES[i + 1 + d.index(self.roles.len() - i - 1)]
                ));
            }
            let above = i + self.externals;
            for (target, within) in &r.escalates {
                if above == 0 {
                    break;
                }
                let k = target.index(above);
                let to = if k < i { ROLES[k] } else { EXTERNALS[k - i] };
                let within = within.map_or(String::new(), |d| format!(" within {}", DURATIONS[d]));
                stmts.push(format!("escalates to {to}{within}"));
            }
            let head = format!("role {} {}", ROLES[i], LABELS[r.label]);
            items.push((block(l, &head, &stmts, ""), true));
        }
        for name in &EXTERNALS[..self.externals] {
            items.push((
                format!("external {name} \"外部单位\"{}\n", comment("外部")),
                false,
            ));
        }
        for (i, kind) in self.facts.iter().enumerate() {
            let ty = match kind {
                FactKind::Count => "count".to_string(),
                FactKind::Flag => "flag".to_string(),
                FactKind::OneOf(n) => format!(
                    "one_of {{ {} }}",
                    VARIANTS[..*n]
                        .iter()
                        .map(|v| format!("{v} \"{v}情形\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            items.push((format!("fact {} \"事实\": {ty}\n", FACTS[i]), false));
        }
        for name in &LEVELS[..self.levels] {
            items.push((format!("level {name} \"级别\"\n"), false));
        }
        for (i, t) in self.triggers.iter().enumerate() {
            let level = match t.level {
                Some(x) if self.levels > 0 => format!(" level {}", LEVELS[x.index(self.levels)]),
                _ => String::new(),
            };
            let text = format!(
                "trigger {} {} when {}{level}{}\n",
                TRIGGERS[i],
                LABELS[t.label],
                self.cond(&t.cond, i),
                comment("启动条件")
            );
            items.push((text, false));
        }
        // Every trigger starts a step (else no-response): the ones no step names go to the first.
        let mut unstarted: Vec<usize> = (0..self.triggers.len()).collect();
        for s in &self.steps {
            for t in &s.on {
                let t = t.index(self.triggers.len());
                unstarted.retain(|&u| u != t);
            }
        }
        for (i, s) in self.steps.iter().enumerate() {
            let names = |list: &[Index], all: &[&'static str]| -> Vec<&'static str> {
                let mut out: Vec<&str> = Vec::new();
                for x in list {
                    let name = all[x.index(all.len())];
                    if !out.contains(&name) {
                        out.push(name);
                    }
                }
                out
            };
            let mut on = names(&s.on, &TRIGGERS[..self.triggers.len()]);
            if i == 0 {
                on.extend(unstarted.iter().map(|&t| TRIGGERS[t]));
            }
            let after = if i > 0 {
                names(&s.after, &STEPS[..i])
            } else {
                Vec::new()
            };
            if on.is_empty() && after.is_empty() {
                on.push(TRIGGERS[0]);
            }
            let mut stmts = vec![format!("owner {}", ROLES[s.owner.index(self.roles.len())])];
            if !on.is_empty() {
                stmts.push(format!("on {}", on.join(", ")));
            }
            if !after.is_empty() {
                stmts.push(format!("after {}", after.join(", ")));
            }
            let parties = |list: &[Index]| {
                let mut out: Vec<&str> = Vec::new();
                for x in list {
                    let p = self.party(*x);
                    if !out.contains(&p) {
                        out.push(p);
                    }
                }
                out.join(", ")
            };
            if !s.with.is_empty() {
                stmts.push(format!("with {}", parties(&s.with)));
            }
            if !s.notify.is_empty() {
                stmts.push(format!("notify {}", parties(&s.notify)));
            }
            if let Some(d) = s.within {
                stmts.push(format!("within {}", DURATIONS[d]));
            }
            if s.until {
                stmts.push("until \"事态平息\"".to_string());
            }
            if s.text {
                stmts.push("text \"说明：“先报告”。\"".to_string());
            }
            let head = format!("step {} {}", STEPS[i], LABELS[s.label]);
            items.push((block(l, &head, &stmts, ""), false));
        }
        if self.routine {
            items.push((
                format!(
                    "routine screening \"排查\" {{ owner {}; every 1mo }}\n",
                    ROLES[0]
                ),
                false,
            ));
        }
        if self.drill {
            items.push((
                format!("drill annual \"演练\" {{ owner {}; every 1y }}\n", ROLES[0]),
                false,
            ));
        }
        items
    }

    /// The plan's text.
    pub fn text(&self) -> String {
        let mut items = self.items();
        if self.layout.reverse {
            items.reverse();
        }
        let mut out = String::new();
        if self.layout.comments {
            out.push_str("# 生成的预案：用于性质测试\n");
        }
        let mut in_section = false;
        for (text, is_role) in items {
            if self.layout.sections && is_role != in_section {
                out.push_str(if is_role {
                    "section \"二、组织机构\" {\n  section \"(一)领导小组\" {\n"
                } else {
                    "  }\n}\n"
                });
                in_section = is_role;
            }
            if in_section {
                for line in text.lines() {
                    out.push_str("    ");
                    out.push_str(line);
                    out.push('\n');
                }
            } else {
                out.push_str(&text);
            }
            if self.layout.multiline {
                out.push('\n');
            }
        }
        if in_section {
            out.push_str("  }\n}\n");
        }
        if self.layout.crlf {
            out = out.replace('\n', "\r\n");
        }
        out
    }

    pub fn has_drill(&self) -> bool {
        self.drill
    }
}

impl std::fmt::Debug for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "\n{}", self.text())
    }
}
