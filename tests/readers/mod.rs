//! Small readers of planc's output formats for the property tests: they
//! accept only what the format's grammar allows, so an escaping slip shows.

/// Whether the HTML's elements open and close in order (void elements aside).
pub fn html_nests(html: &str) -> Result<(), String> {
    const VOID: &[&str] = &["meta", "link", "br", "hr", "img", "input", "col", "wbr"];
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').ok_or("a `<` is never closed")?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(o) if o == name.trim() => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else {
            let name = tag.split([' ', '/']).next().unwrap_or_default();
            if !VOID.contains(&name) && !tag.ends_with('/') {
                open.push(name);
            }
        }
    }
    if open.is_empty() {
        Ok(())
    } else {
        Err(format!("never closed: {open:?}"))
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Dot {
    /// An identifier, a number or a quoted string (decoded: `\"` is `"`).
    Id(String),
    Punct(char),
    Arrow,
}

/// DOT's tokens (https://graphviz.org/doc/info/lang.html), as a reader sees them.
fn dot_tokens(dot: &str) -> Result<Vec<Dot>, String> {
    let mut out = Vec::new();
    let mut chars = dot.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '{' | '}' | '[' | ']' | '=' | ';' | ',' => out.push(Dot::Punct(c)),
            '-' if chars.peek() == Some(&'>') => {
                chars.next();
                out.push(Dot::Arrow);
            }
            '"' => {
                let mut text = String::new();
                loop {
                    match chars.next().ok_or("an unclosed string")? {
                        '"' => break,
                        '\\' => match chars.next().ok_or("an unclosed string")? {
                            '"' => text.push('"'),
                            c => {
                                text.push('\\');
                                text.push(c);
                            }
                        },
                        c => text.push(c),
                    }
                }
                out.push(Dot::Id(text));
            }
            c if c.is_alphanumeric() || c == '_' || c == '.' => {
                let mut id = c.to_string();
                while let Some(&c) = chars.peek() {
                    if !(c.is_alphanumeric() || c == '_' || c == '.') {
                        break;
                    }
                    id.push(c);
                    chars.next();
                }
                out.push(Dot::Id(id));
            }
            c => return Err(format!("`{c}` is no DOT token")),
        }
    }
    Ok(out)
}

fn dot_id(t: Option<&Dot>) -> Result<String, String> {
    match t {
        Some(Dot::Id(s)) => Ok(s.clone()),
        other => Err(format!("expected an ID, found {other:?}")),
    }
}

/// Reads DOT as `digraph ID { stmt* }`, where a statement is `ID = ID`,
/// `ID (-> ID)* [attrs]?` (`graph`, `node`, `edge` included), attributes
/// `ID = ID` separated by `,` or `;`; returns the value of every `label`.
pub fn dot_labels(dot: &str) -> Result<Vec<String>, String> {
    let tokens = dot_tokens(dot)?;
    let mut t = tokens.iter().peekable();
    let mut labels = Vec::new();
    if dot_id(t.next())? != "digraph" {
        return Err("not a digraph".into());
    }
    dot_id(t.next())?;
    if t.next() != Some(&Dot::Punct('{')) {
        return Err("no `{` after the graph's name".into());
    }
    loop {
        match t.next() {
            Some(Dot::Punct('}')) => break,
            Some(Dot::Id(_)) => {
                if t.next_if_eq(&&Dot::Punct('=')).is_some() {
                    dot_id(t.next())?;
                } else {
                    while t.next_if_eq(&&Dot::Arrow).is_some() {
                        dot_id(t.next())?;
                    }
                    if t.next_if_eq(&&Dot::Punct('[')).is_some() {
                        while t.next_if_eq(&&Dot::Punct(']')).is_none() {
                            let key = dot_id(t.next())?;
                            if t.next() != Some(&Dot::Punct('=')) {
                                return Err(format!("no `=` after the attribute {key}"));
                            }
                            let value = dot_id(t.next())?;
                            if key == "label" {
                                labels.push(value);
                            }
                            let _ = t.next_if(|x| matches!(x, Dot::Punct(',' | ';')));
                        }
                    }
                }
                let _ = t.next_if_eq(&&Dot::Punct(';'));
            }
            other => return Err(format!("expected a statement, found {other:?}")),
        }
    }
    match t.next() {
        None => Ok(labels),
        Some(extra) => Err(format!("{extra:?} after the graph")),
    }
}
