//! The TOML and JSON forms of each item.

use std::fmt::Write as _;

use super::super::{ACTS, Item, Role, Step};
use super::{Emitter, quoted, quoted_list};

impl Emitter {
    // ── TOML ───────────────────────────────────────────────────────────────

    pub(super) fn toml_item(&mut self, item: &Item) {
        let section = self.section();
        let t = &mut self.toml;
        match item {
            Item::Header => {
                t.push_str("[plan]\ntitle = \"合成应急预案\"\nissuer = \"XX市信访工作领导小组\"\ndate = 2015-09-11\n");
                t.push_str("basis = [\"《信访条例》\", \"《信访工作流程》\"]\nscope = \"本单位信访突发事件的预防和应急处置\"\n");
                t.push_str("commander = \"role_0\"\nversion = \"1.0\"\n");
                t.push_str("kind = \"special\"\napprover = \"组长 张三\"\neffective = 2015-10-01\nreviewed = 2024-06-30\n");
                t.push_str("distribution = \"领导小组成员、各工作组\"\n");
                t.push_str("revision = [{ date = 2015-09-11, note = \"首次发布\" }, { date = 2024-06-30, note = \"调整领导小组成员\" }]\n\n");
            }
            Item::Comment(text) => {
                let _ = writeln!(t, "# {text}");
            }
            Item::Open {
                title,
                texts,
                element,
            } => {
                let _ = writeln!(
                    t,
                    "[[section]]\ntitle = {}\nparent = {section}",
                    quoted(title)
                );
                if let Some(e) = element {
                    let _ = writeln!(t, "element = \"{e}\"");
                }
                if !texts.is_empty() {
                    let _ = writeln!(t, "text = {}", quoted_list(texts));
                }
                t.push('\n');
            }
            Item::Close => {}
            Item::Fact { name, label, ty } => {
                let _ = writeln!(
                    t,
                    "[[fact]]\nname = \"{name}\"\nlabel = {}\ntype = \"{ty}\"",
                    quoted(label)
                );
                if *ty == "one_of" {
                    let variants: Vec<String> = ACTS
                        .iter()
                        .map(|(n, l)| format!("{{ name = \"{n}\", label = {} }}", quoted(l)))
                        .collect();
                    let _ = writeln!(t, "variants = [{}]", variants.join(", "));
                }
                t.push('\n');
            }
            Item::Level { name, label, until } => {
                let _ = writeln!(
                    t,
                    "[[level]]\nname = \"{name}\"\nlabel = {}\nuntil = {}\n",
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
                let _ = writeln!(
                    t,
                    "[[trigger]]\nname = \"{name}\"\nlabel = {}\nsection = {section}\nwhen = {}",
                    quoted(label),
                    quoted(when)
                );
                if let Some(l) = level {
                    let _ = writeln!(t, "level = \"{l}\"");
                }
                t.push('\n');
            }
            Item::External { name, label, phone } => {
                let _ = writeln!(
                    t,
                    "[[external]]\nname = \"{name}\"\nlabel = {}\nsection = {section}\nphone = [{}]\n",
                    quoted(label),
                    quoted(phone)
                );
            }
            Item::Role(r) => toml_role(t, &section, r),
            Item::Step(s) => toml_step(t, &section, s),
            Item::Routine {
                drill,
                name,
                label,
                owner,
                with,
                every,
                last,
            } => {
                let _ = writeln!(
                    t,
                    "[[routine]]\nname = \"{name}\"\nlabel = {}\nsection = {section}\ndrill = {drill}\nowner = \"{owner}\"\nwith = {}\nevery = \"{every}\"",
                    quoted(label),
                    quoted_list(with)
                );
                if let Some(d) = last {
                    let _ = writeln!(t, "last = {d}");
                }
                t.push('\n');
            }
        }
    }

    // ── JSON ───────────────────────────────────────────────────────────────

    pub(super) fn json_item(&mut self, item: &Item) {
        let section = self.section();
        let (kind, object) = match item {
            Item::Header => {
                self.json.push_str("\"plan\": {\"title\": \"合成应急预案\", \"issuer\": \"XX市信访工作领导小组\", \"date\": \"2015-09-11\", \"basis\": [\"《信访条例》\", \"《信访工作流程》\"], \"scope\": \"本单位信访突发事件的预防和应急处置\", \"commander\": \"role_0\", \"version\": \"1.0\", ");
                self.json.push_str("\"kind\": \"special\", \"approver\": \"组长 张三\", \"effective\": \"2015-10-01\", \"reviewed\": \"2024-06-30\", \"distribution\": \"领导小组成员、各工作组\", ");
                self.json.push_str("\"revision\": [{\"date\": \"2015-09-11\", \"note\": \"首次发布\"}, {\"date\": \"2024-06-30\", \"note\": \"调整领导小组成员\"}]},\n");
                return;
            }
            Item::Comment(_) | Item::Close => return,
            Item::Open {
                title,
                texts,
                element,
            } => {
                let element = element
                    .map(|e| format!(", \"element\": \"{e}\""))
                    .unwrap_or_default();
                self.json_sections.push(format!(
                    "{{\"title\": {}, \"parent\": {section}, \"text\": {}{element}}}",
                    quoted(title),
                    quoted_list(texts)
                ));
                return;
            }
            Item::Fact { name, label, ty } => {
                let mut o = format!(
                    "{{\"name\": \"{name}\", \"label\": {}, \"type\": \"{ty}\"",
                    quoted(label)
                );
                if *ty == "one_of" {
                    let variants: Vec<String> = ACTS
                        .iter()
                        .map(|(n, l)| format!("{{\"name\": \"{n}\", \"label\": {}}}", quoted(l)))
                        .collect();
                    let _ = write!(o, ", \"variants\": [{}]", variants.join(", "));
                }
                o.push('}');
                ("fact", o)
            }
            Item::Level { name, label, until } => (
                "level",
                format!(
                    "{{\"name\": \"{name}\", \"label\": {}, \"until\": {}}}",
                    quoted(label),
                    quoted(until)
                ),
            ),
            Item::Trigger {
                name,
                label,
                when,
                level,
            } => {
                let mut o = format!(
                    "{{\"name\": \"{name}\", \"label\": {}, \"section\": {section}, \"when\": {}",
                    quoted(label),
                    quoted(when)
                );
                if let Some(l) = level {
                    let _ = write!(o, ", \"level\": \"{l}\"");
                }
                o.push('}');
                ("trigger", o)
            }
            Item::External { name, label, phone } => (
                "external",
                format!(
                    "{{\"name\": \"{name}\", \"label\": {}, \"section\": {section}, \"phone\": [{}]}}",
                    quoted(label),
                    quoted(phone)
                ),
            ),
            Item::Role(r) => ("role", json_role(&section, r)),
            Item::Step(s) => ("step", json_step(&section, s)),
            Item::Routine {
                drill,
                name,
                label,
                owner,
                with,
                every,
                last,
            } => (
                "routine",
                format!(
                    "{{\"name\": \"{name}\", \"label\": {}, \"section\": {section}, \"drill\": {drill}, \"owner\": \"{owner}\", \"with\": {}, \"every\": \"{every}\"{}}}",
                    quoted(label),
                    quoted_list(with),
                    last.as_ref()
                        .map(|d| format!(", \"last\": \"{d}\""))
                        .unwrap_or_default()
                ),
            ),
        };
        match &mut self.json_array {
            Some((open, has)) if *open == kind => {
                if *has {
                    self.json.push_str(",\n");
                }
                *has = true;
            }
            other => {
                if other.is_some() {
                    self.json.push_str("\n],\n");
                }
                let _ = writeln!(self.json, "\"{kind}\": [");
                *other = Some((kind, true));
            }
        }
        self.json.push_str(&object);
    }
}

fn toml_role(t: &mut String, section: &str, r: &Role) {
    let _ = writeln!(
        t,
        "[[role]]\nname = \"{}\"\nlabel = {}\nsection = {section}\nholder = {}\nphone = [{}]",
        r.name,
        quoted(&r.label),
        quoted(&r.holder),
        quoted(&r.phone)
    );
    if !r.members.is_empty() {
        let _ = writeln!(t, "members = {}", quoted_list(&r.members));
    }
    if let Some(d) = &r.deputy {
        let _ = writeln!(t, "deputy = \"{d}\"");
    }
    let _ = writeln!(t, "duty = {}", quoted_list(&r.duties));
    let _ = writeln!(t, "escalates = [{}]\n", escalations(&r.escalates, false));
}

/// `escalates` as inline tables (TOML) or objects (JSON).
fn escalations(list: &[(String, Option<String>)], json: bool) -> String {
    let (to, within, sep) = if json {
        ("\"to\"", "\"within\"", ": ")
    } else {
        ("to", "within", " = ")
    };
    let parts: Vec<String> = list
        .iter()
        .map(|(target, w)| match w {
            Some(w) => format!("{{ {to}{sep}\"{target}\", {within}{sep}\"{w}\" }}"),
            None => format!("{{ {to}{sep}\"{target}\" }}"),
        })
        .collect();
    parts.join(", ")
}

fn toml_step(t: &mut String, section: &str, s: &Step) {
    let _ = writeln!(
        t,
        "[[step]]\nname = \"{}\"\nlabel = {}\nsection = {section}\nowner = \"{}\"",
        s.name,
        quoted(&s.label),
        s.owner
    );
    for (key, list) in [("on", &s.on), ("after", &s.after), ("with", &s.with)] {
        if !list.is_empty() {
            let _ = writeln!(t, "{key} = {}", quoted_list(list));
        }
    }
    if !s.within.is_empty() {
        let _ = writeln!(t, "within = {}", quoted_list(&s.within));
    }
    if let Some(e) = &s.every {
        let _ = writeln!(t, "every = \"{e}\"");
    }
    if !s.notify.is_empty() {
        let _ = writeln!(t, "notify = {}", quoted_list(&s.notify));
    }
    if let Some(u) = &s.until {
        let _ = writeln!(t, "until = {}", quoted(u));
    }
    if let Some(x) = &s.text {
        let _ = writeln!(t, "text = [{}]", quoted(x));
    }
    t.push('\n');
}

fn json_role(section: &str, r: &Role) -> String {
    let mut o = format!(
        "{{\"name\": \"{}\", \"label\": {}, \"section\": {section}, \"holder\": {}, \"phone\": [{}]",
        r.name,
        quoted(&r.label),
        quoted(&r.holder),
        quoted(&r.phone)
    );
    if !r.members.is_empty() {
        let _ = write!(o, ", \"members\": {}", quoted_list(&r.members));
    }
    if let Some(d) = &r.deputy {
        let _ = write!(o, ", \"deputy\": \"{d}\"");
    }
    let _ = write!(
        o,
        ", \"duty\": {}, \"escalates\": [{}]}}",
        quoted_list(&r.duties),
        escalations(&r.escalates, true)
    );
    o
}

fn json_step(section: &str, s: &Step) -> String {
    let mut o = format!(
        "{{\"name\": \"{}\", \"label\": {}, \"section\": {section}, \"owner\": \"{}\"",
        s.name,
        quoted(&s.label),
        s.owner
    );
    for (key, list) in [
        ("on", &s.on),
        ("after", &s.after),
        ("with", &s.with),
        ("notify", &s.notify),
    ] {
        if !list.is_empty() {
            let _ = write!(o, ", \"{key}\": {}", quoted_list(list));
        }
    }
    if !s.within.is_empty() {
        let _ = write!(o, ", \"within\": {}", quoted_list(&s.within));
    }
    if let Some(e) = &s.every {
        let _ = write!(o, ", \"every\": \"{e}\"");
    }
    if let Some(u) = &s.until {
        let _ = write!(o, ", \"until\": {}", quoted(u));
    }
    if let Some(x) = &s.text {
        let _ = write!(o, ", \"text\": [{}]", quoted(x));
    }
    o.push('}');
    o
}
