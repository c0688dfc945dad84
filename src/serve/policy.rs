//! What the server refuses: requests for another host (a web page that
//! rebinds its own name to 127.0.0.1 to read the plans), writes from
//! another origin (a web page posting to the local server), and plan names
//! that lead out of the folder.

use std::collections::HashMap;

use crate::i18n::{Message, msg};

/// Why a request is refused. Its status and words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The Host is not this server's loopback address and port.
    Host,
    /// A write whose Origin is missing or not this server's.
    Origin,
    /// A plan name that leads out of the folder or is not a `.plan` file.
    Path,
    NotFound,
    /// The file changed since the page loaded it.
    Stale,
    Method,
    BadRequest,
    /// The plan has errors: no handout.
    HasErrors,
    /// This build cannot write Word files.
    NoDocx,
    /// The file is not UTF-8 (saved as GBK, say): the page cannot edit it.
    NotUtf8,
    /// The store could not do it.
    Failed,
    /// A body larger than the server reads (plans are kilobytes): refused unread.
    TooLarge,
}

impl Refusal {
    pub fn status(self) -> u16 {
        match self {
            Refusal::Host | Refusal::Origin | Refusal::Path => 403,
            Refusal::NotFound | Refusal::NoDocx => 404,
            Refusal::Stale => 409,
            Refusal::Method => 405,
            Refusal::BadRequest => 400,
            Refusal::HasErrors | Refusal::NotUtf8 => 422,
            Refusal::Failed => 500,
            Refusal::TooLarge => 413,
        }
    }

    /// A stable word for tests and scripts.
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::Host => "host",
            Refusal::Origin => "origin",
            Refusal::Path => "path",
            Refusal::NotFound => "not-found",
            Refusal::Stale => "stale",
            Refusal::Method => "method",
            Refusal::BadRequest => "bad-request",
            Refusal::HasErrors => "has-errors",
            Refusal::NoDocx => "no-docx",
            Refusal::NotUtf8 => "not-utf8",
            Refusal::Failed => "failed",
            Refusal::TooLarge => "too-large",
        }
    }

    pub fn message(self) -> Message {
        match self {
            Refusal::Host => msg!("serve-refused-host"),
            Refusal::Origin => msg!("serve-refused-origin"),
            Refusal::Path => msg!("serve-refused-path"),
            Refusal::NotFound => msg!("serve-not-found"),
            Refusal::Stale => msg!("serve-conflict"),
            Refusal::Method | Refusal::BadRequest => msg!("serve-bad-request"),
            Refusal::HasErrors => msg!("serve-blocked-errors"),
            Refusal::NoDocx => msg!("serve-no-docx"),
            Refusal::NotUtf8 => msg!("serve-not-utf8"),
            Refusal::Failed => msg!("serve-save-failed"),
            Refusal::TooLarge => msg!("serve-refused-too-large"),
        }
    }
}

/// The names this server answers to on `port`: the loopback address it
/// listens on, and `localhost`.
fn ours(authority: &str, port: u16) -> bool {
    let authority = authority.trim();
    authority == format!("127.0.0.1:{port}")
        || authority.eq_ignore_ascii_case(&format!("localhost:{port}"))
}

/// The Host header must name this server: a page of another site whose
/// name was rebound to 127.0.0.1 sends its own name and is refused.
pub fn host(host: Option<&str>, port: u16) -> Result<(), Refusal> {
    match host {
        Some(host) if ours(host, port) => Ok(()),
        _ => Err(Refusal::Host),
    }
}

/// A write must come from this server's own page: browsers send the page's
/// origin with every POST, so another site's page (or a missing origin) is
/// refused.
pub fn origin(origin: Option<&str>, port: u16) -> Result<(), Refusal> {
    match origin.and_then(|o| o.trim().strip_prefix("http://")) {
        Some(authority) if ours(authority, port) => Ok(()),
        _ => Err(Refusal::Origin),
    }
}

/// A plan's name below the folder: relative, `/` between folders, no `.` or
/// `..` part, no hidden part, ends in `.plan`. Symlinks that lead out are
/// the store's to refuse (only it sees the disk).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanName(String);

impl PlanName {
    pub fn parse(name: &str) -> Result<PlanName, Refusal> {
        let ok = !name.is_empty()
            && name.len() <= 1024
            && name.ends_with(".plan")
            && !name.starts_with('/')
            && !name.contains(['\\', ':'])
            && !name.chars().any(char::is_control)
            && name
                .split('/')
                .all(|part| !part.is_empty() && !part.starts_with('.'));
        if ok {
            Ok(PlanName(name.to_string()))
        } else {
            Err(Refusal::Path)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Its parts, folders then the file.
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        self.0.split('/')
    }
}

/// The parameters of a query string, percent-decoded (`+` is a space).
pub fn query(query: &str) -> HashMap<String, String> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key), decode(value))
        })
        .collect()
}

/// Percent-decoding; a broken escape is kept as written.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encoding of a query value (the inverse of `decode`).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Headers on every response: nothing is loaded from elsewhere, no other
/// site may frame the page, nothing is cached.
pub fn headers() -> Vec<(&'static str, String)> {
    vec![
        (
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
             img-src 'self' data:; connect-src 'self'; frame-src 'self'; \
             frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
                .to_string(),
        ),
        ("X-Content-Type-Options", "nosniff".to_string()),
        ("Referrer-Policy", "no-referrer".to_string()),
        ("Cache-Control", "no-store".to_string()),
    ]
}
