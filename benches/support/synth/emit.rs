//! Writes each item of a synthetic plan as planc source, TOML and JSON.
//!
//! TOML and JSON have no nesting of sections: each item names its innermost
//! `section` by title, and each section its `parent`. Comments are kept in
//! TOML and dropped in JSON, which has none.

mod data;

use std::fmt::Write as _;

use super::{ACTS, Item, Role, Step};

/// Which forms to write (planc source is always written).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Forms {
    pub toml: bool,
    pub json: bool,
}

impl Forms {
    pub const PLANC: Forms = Forms {
        toml: false,
        json: false,
    };
    pub const ALL: Forms = Forms {
        toml: true,
        json: true,
    };
}

pub(crate) struct Emitter {
    forms: Forms,
    planc: String,
    toml: String,
    json: String,
    /// The JSON array being written, and whether it has an element yet.
    json_array: Option<(&'static str, bool)>,
    json_sections: Vec<String>,
    /// Titles of the open sections, innermost last.
    sections: Vec<String>,
}

/// A string literal, escaped the same way in all three languages.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn quoted_list(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| quoted(s)).collect();
    format!("[{}]", inner.join(", "))
}

impl Emitter {
    pub fn new(forms: Forms) -> Self {
        Emitter {
            forms,
            planc: String::new(),
            toml: String::new(),
            json: String::from("{\n"),
            json_array: None,
            json_sections: Vec::new(),
            sections: Vec::new(),
        }
    }

    pub fn item(&mut self, item: &Item) {
        self.planc_item(item);
        if self.forms.toml {
            self.toml_item(item);
        }
        if self.forms.json {
            self.json_item(item);
        }
        match item {
            Item::Open { title, .. } => self.sections.push(title.clone()),
            Item::Close => {
                self.sections.pop();
            }
            _ => {}
        }
    }

    fn section(&self) -> String {
        quoted(self.sections.last().map_or("", String::as_str))
    }

    // ── planc ──────────────────────────────────────────────────────────────

    fn planc_item(&mut self, item: &Item) {
        let pad = "  ".repeat(self.sections.len());
        let p = &mut self.planc;
        match item {
            Item::Header => {
                p.push_str("plan \"合成应急预案\" {\n  issuer \"XX市信访工作领导小组\"\n  date 2015-09-11\n");
                p.push_str("  basis \"《信访条例》\", \"《信访工作流程》\"\n  scope \"本单位信访突发事件的预防和应急处置\"\n");
                p.push_str("  commander role_0\n  version \"1.0\"\n");
                p.push_str("  kind special\n  approver \"组长 张三\"\n  effective 2015-10-01\n  reviewed 2024-06-30\n");
                p.push_str("  distribution \"领导小组成员、各工作组\"\n");
                p.push_str("  revision 2015-09-11 \"首次发布\"\n  revision 2024-06-30 \"调整领导小组成员\"\n}\n\n");
            }
            Item::Comment(text) => {
                let _ = writeln!(p, "{pad}# {text}");
            }
            Item::Open {
                title,
                texts,
                element,
            } => {
                let _ = writeln!(p, "{pad}section {} {{", quoted(title));
                if let Some(e) = element {
                    let _ = writeln!(p, "{pad}  element {e}");
                }
                for t in texts {
                    if t.contains('\n') {
                        // (v1) a multi-line string, indented with its statement
                        let _ = writeln!(p, "{pad}  text \"\"\"");
                        for line in t.lines() {
                            let _ = writeln!(p, "{pad}    {line}");
                        }
                        let _ = writeln!(p, "{pad}    \"\"\"");
                    } else {
                        let _ = writeln!(p, "{pad}  text {}", quoted(t));
                    }
                }
            }
            Item::Close => {
                let _ = writeln!(p, "{}}}\n", &pad[2..]);
            }
            Item::Fact { name, label, ty } => {
                let _ = write!(p, "{pad}fact {name} {}: ", quoted(label));
                if *ty == "one_of" {
                    let variants: Vec<String> = ACTS
                        .iter()
                        .map(|(n, l)| format!("{n} {}", quoted(l)))
                        .collect();
                    let _ = writeln!(p, "one_of {{ {} }}", variants.join(", "));
                } else {
                    let _ = writeln!(p, "{ty}");
                }
            }
            Item::Level { name, label, until } => {
                let _ = writeln!(
                    p,
                    "{pad}level {name} {} {{ until {} }}",
                    quoted(label),
                    quoted(until)
                );
            }
            Item::Trigger {
                name,
                label,
                when,
                level,
            } => {
                let _ = write!(p, "{pad}trigger {name} {} when {when}", quoted(label));
                match level {
                    Some(l) => {
                        let _ = writeln!(p, " level {l}");
                    }
                    None => p.push('\n'),
                }
            }
            Item::External { name, label, phone } => {
                let _ = writeln!(
                    p,
                    "{pad}external {name} {} {{ phone {} }}",
                    quoted(label),
                    quoted(phone)
                );
            }
            Item::Role(r) => planc_role(p, &pad, r),
            Item::Step(s) => planc_step(p, &pad, s),
            Item::Routine {
                drill,
                name,
                label,
                owner,
                with,
                every,
                last,
            } => {
                let kw = if *drill { "drill" } else { "routine" };
                let last = last
                    .as_ref()
                    .map(|d| format!("; last {d}"))
                    .unwrap_or_default();
                let _ = writeln!(
                    p,
                    "{pad}{kw} {name} {} {{ owner {owner}; with {}; every {every}{last} }}",
                    quoted(label),
                    with.join(", ")
                );
            }
        }
    }

    /// The three texts: planc, TOML and JSON.
    pub fn finish(mut self) -> (String, String, String) {
        if !self.forms.json {
            return (self.planc, self.toml, String::new());
        }
        if self.json_array.is_some() {
            self.json.push_str("\n],\n");
        }
        self.json.push_str("\"section\": [\n");
        self.json.push_str(&self.json_sections.join(",\n"));
        self.json.push_str("\n]\n}\n");
        (self.planc, self.toml, self.json)
    }
}

fn planc_role(p: &mut String, pad: &str, r: &Role) {
    let _ = writeln!(p, "{pad}role {} {} {{", r.name, quoted(&r.label));
    if !r.members.is_empty() {
        let _ = writeln!(p, "{pad}  members {}", r.members.join(", "));
    }
    let _ = writeln!(
        p,
        "{pad}  holder {}\n{pad}  phone {}",
        quoted(&r.holder),
        quoted(&r.phone)
    );
    if let Some(d) = &r.deputy {
        let _ = writeln!(p, "{pad}  deputy {d}");
    }
    for d in &r.duties {
        let _ = writeln!(p, "{pad}  duty {}", quoted(d));
    }
    for (to, within) in &r.escalates {
        match within {
            Some(w) => {
                let _ = writeln!(p, "{pad}  escalates to {to} within {w}");
            }
            None => {
                let _ = writeln!(p, "{pad}  escalates to {to}");
            }
        }
    }
    let _ = writeln!(p, "{pad}}}\n");
}

fn planc_step(p: &mut String, pad: &str, s: &Step) {
    let _ = writeln!(
        p,
        "{pad}step {} {} {{\n{pad}  owner {}",
        s.name,
        quoted(&s.label),
        s.owner
    );
    for (kw, list) in [("on", &s.on), ("after", &s.after), ("with", &s.with)] {
        if !list.is_empty() {
            let _ = writeln!(p, "{pad}  {kw} {}", list.join(", "));
        }
    }
    for w in &s.within {
        let _ = writeln!(p, "{pad}  within {w}");
    }
    if let Some(e) = &s.every {
        let _ = writeln!(p, "{pad}  every {e}");
    }
    if !s.notify.is_empty() {
        let _ = writeln!(p, "{pad}  notify {}", s.notify.join(", "));
    }
    if let Some(u) = &s.until {
        let _ = writeln!(p, "{pad}  until {}", quoted(u));
    }
    if let Some(t) = &s.text {
        let _ = writeln!(p, "{pad}  text {}", quoted(t));
    }
    let _ = writeln!(p, "{pad}}}\n");
}
