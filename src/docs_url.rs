//! Where an organisation's copy of planc's documentation can be read: the
//! address of the folder that holds each check's page (`checks/CODE.md`)
//! and the other pages of `docs/`. SARIF links every rule (`helpUri`) and
//! planc itself (`informationUri`) there, so that code scanning's links lead
//! to a page that exists (docs/ci.md, "Where the links point").
//!
//! The binary decides which address applies — `check --docs-url`, else
//! `docs-url` in planc.toml, else the one derived from Cargo.toml's
//! `repository` (`of_this_build`) — and hands it to the SARIF writer.

use crate::escape;
use crate::i18n::{Message, msg};

/// Each check's page, below the base: `checks/CODE.md`.
const CHECK_PAGES: &str = "checks/";

/// The page about planc in CI (its outputs, exit codes and planc.toml),
/// below the base: SARIF's `informationUri`.
const TOOL_PAGE: &str = "ci.md";

/// planc's public repository (Cargo.toml's `repository`); none while planc
/// has no public home.
pub fn repository() -> Option<&'static str> {
    Some(env!("CARGO_PKG_REPOSITORY")).filter(|r| !r.is_empty())
}

/// An absolute `http`/`https` address of a docs folder, ending in `/`, with
/// no user name, password, query or fragment, every character one a URI may
/// hold (other than ASCII, percent-encoded as UTF-8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocsUrl(String);

/// Why a text is not the address of a docs folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocsUrlError {
    /// It does not start with `https://` or `http://`.
    NotWeb,
    /// Nothing follows `https://`.
    NoHost,
    /// `user:password@` before the server.
    Credentials,
    /// White space (an ASCII or an ideographic space, a line break).
    Space,
    /// A character no URI holds there.
    Character(char),
    /// `?` or `#`: the pages are appended to the address.
    QueryOrFragment,
}

impl DocsUrl {
    /// Reads an address as a user gave it; white space around it is dropped
    /// and a missing final `/` added.
    pub fn parse(text: &str) -> Result<DocsUrl, DocsUrlError> {
        let text = text.trim();
        let scheme_len = ["https://", "http://"]
            .iter()
            .find(|scheme| {
                text.get(..scheme.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
            })
            .map(|scheme| scheme.len())
            .ok_or(DocsUrlError::NotWeb)?;
        let (scheme, rest) = text.split_at(scheme_len);
        let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if let Some(c) = text.chars().find(|c| c.is_whitespace()) {
            return Err(if c == ' ' || c == '\u{3000}' || escape::is_hazard(c) {
                DocsUrlError::Space
            } else {
                DocsUrlError::Character(c)
            });
        }
        if text.contains(['?', '#']) {
            return Err(DocsUrlError::QueryOrFragment);
        }
        if host.contains('@') {
            return Err(DocsUrlError::Credentials);
        }
        if host.is_empty() {
            return Err(DocsUrlError::NoHost);
        }
        if let Some(c) = host
            .chars()
            .find(|&c| !(c.is_ascii_alphanumeric() || "-._~:[]".contains(c)))
        {
            return Err(DocsUrlError::Character(c));
        }
        let mut url = scheme.to_ascii_lowercase() + host;
        for c in path.chars() {
            if c.is_ascii_alphanumeric() || "-._~/!$&'()*+,;=:@%".contains(c) {
                url.push(c);
            } else if c.is_ascii() || escape::is_hazard(c) {
                return Err(DocsUrlError::Character(c));
            } else {
                let mut bytes = [0; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    url.push_str(&format!("%{b:02X}"));
                }
            }
        }
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(DocsUrl(url))
    }

    /// The docs folder of a repository on GitHub or GitLab (github.com, or a
    /// server named `gitlab.…`), as its web page shows the default branch:
    /// `https://github.com/ORG/planc(.git)` → `…/ORG/planc/blob/HEAD/docs/`,
    /// GitLab's `…/-/blob/HEAD/docs/`. `None` for any other server, whose
    /// addresses planc cannot know.
    pub fn from_repository(repository: &str) -> Option<DocsUrl> {
        let repository = repository.trim().trim_end_matches('/');
        let repository = repository.strip_suffix(".git").unwrap_or(repository);
        let rest = repository.strip_prefix("https://")?;
        let (host, path) = rest.split_once('/')?;
        let host = host.to_ascii_lowercase();
        if path.split('/').filter(|s| !s.is_empty()).count() < 2 {
            return None;
        }
        let tree = if host == "github.com" {
            "blob"
        } else if host.starts_with("gitlab.") {
            "-/blob"
        } else {
            return None;
        };
        DocsUrl::parse(&format!("{repository}/{tree}/HEAD/docs/")).ok()
    }

    /// The docs of this build of planc: derived from Cargo.toml's
    /// `repository`, if it names one on GitHub or GitLab.
    pub fn of_this_build() -> Option<DocsUrl> {
        repository().and_then(DocsUrl::from_repository)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The page of the check `code`.
    pub fn check_page(&self, code: &str) -> String {
        format!("{}{CHECK_PAGES}{code}.md", self.0)
    }

    /// The page about planc itself.
    pub fn tool_page(&self) -> String {
        format!("{}{TOOL_PAGE}", self.0)
    }
}

impl DocsUrlError {
    /// What is wrong with `text`, in words.
    pub fn message(&self, text: &str) -> Message {
        let url = escape::visible(text.trim()).into_owned();
        match self {
            DocsUrlError::NotWeb => msg!("docs-url-not-web", url = url),
            DocsUrlError::NoHost => msg!("docs-url-no-host", url = url),
            DocsUrlError::Credentials => msg!("docs-url-credentials", url = url),
            DocsUrlError::Space => msg!("docs-url-space", url = url),
            DocsUrlError::Character(c) => msg!(
                "docs-url-character",
                url = url,
                character = escape::visible(&c.to_string()).into_owned()
            ),
            DocsUrlError::QueryOrFragment => msg!("docs-url-query", url = url),
        }
    }

    /// How to write it instead.
    pub fn help() -> Message {
        msg!("docs-url-help")
    }

    /// The same, as the line under an error (`help: …`).
    pub fn help_line() -> Message {
        msg!("report-help", help = DocsUrlError::help())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<String, DocsUrlError> {
        DocsUrl::parse(text).map(|url| url.as_str().to_string())
    }

    #[test]
    fn an_address_ends_with_a_slash_and_encodes_chinese() {
        assert_eq!(
            parsed(" https://github.com/ORG/planc/blob/HEAD/docs "),
            Ok("https://github.com/ORG/planc/blob/HEAD/docs/".into())
        );
        assert_eq!(
            parsed("HTTP://docs.intranet:8080/planc/"),
            Ok("http://docs.intranet:8080/planc/".into())
        );
        assert_eq!(
            parsed("https://git.example.cn/应急/docs"),
            Ok("https://git.example.cn/%E5%BA%94%E6%80%A5/docs/".into())
        );
        assert_eq!(parsed("https://x.cn"), Ok("https://x.cn/".into()));
        let url = DocsUrl::parse("https://x.cn/docs/").unwrap();
        assert_eq!(
            url.check_page("no-drill"),
            "https://x.cn/docs/checks/no-drill.md"
        );
        assert_eq!(url.tool_page(), "https://x.cn/docs/ci.md");
    }

    #[test]
    fn what_is_not_the_address_of_a_docs_folder() {
        assert_eq!(parsed("github.com/ORG/planc"), Err(DocsUrlError::NotWeb));
        assert_eq!(parsed("https：//x.cn/docs"), Err(DocsUrlError::NotWeb));
        assert_eq!(parsed("file:///srv/docs"), Err(DocsUrlError::NotWeb));
        assert_eq!(
            parsed("git@github.com:ORG/planc.git"),
            Err(DocsUrlError::NotWeb)
        );
        assert_eq!(parsed("https://"), Err(DocsUrlError::NoHost));
        assert_eq!(parsed("https:///docs"), Err(DocsUrlError::NoHost));
        assert_eq!(
            parsed("https://me:token@github.com/ORG/planc"),
            Err(DocsUrlError::Credentials)
        );
        assert_eq!(parsed("https://x.cn/my docs"), Err(DocsUrlError::Space));
        assert_eq!(
            parsed("https://x.cn/文档\u{3000}/"),
            Err(DocsUrlError::Space)
        );
        assert_eq!(
            parsed("https://x.cn/a\u{1b}[2J"),
            Err(DocsUrlError::Character('\u{1b}'))
        );
        assert_eq!(
            parsed("https://x.cn/a\"b"),
            Err(DocsUrlError::Character('"'))
        );
        assert_eq!(
            parsed("https://单位.cn/docs"),
            Err(DocsUrlError::Character('单'))
        );
        assert_eq!(
            parsed("https://x.cn/docs?ref=main"),
            Err(DocsUrlError::QueryOrFragment)
        );
        assert_eq!(
            parsed("https://x.cn/docs#top"),
            Err(DocsUrlError::QueryOrFragment)
        );
    }

    #[test]
    fn repositories_on_github_and_gitlab_give_their_docs_folder() {
        let derived = |r: &str| DocsUrl::from_repository(r).map(|u| u.0);
        assert_eq!(
            derived("https://github.com/ORG/planc"),
            Some("https://github.com/ORG/planc/blob/HEAD/docs/".into())
        );
        assert_eq!(
            derived("https://github.com/ORG/planc.git"),
            Some("https://github.com/ORG/planc/blob/HEAD/docs/".into())
        );
        assert_eq!(
            derived("https://gitlab.example.org/group/sub/planc/"),
            Some("https://gitlab.example.org/group/sub/planc/-/blob/HEAD/docs/".into())
        );
        assert_eq!(derived("https://git.intranet.cn/ORG/planc.git"), None);
        assert_eq!(derived("git@github.com:ORG/planc.git"), None);
        assert_eq!(derived("http://github.com/ORG/planc"), None);
        assert_eq!(derived("https://github.com/ORG"), None);
        // Cargo.toml names no repository yet: no link rather than a made-up one.
        assert_eq!(DocsUrl::of_this_build(), None);
    }

    #[test]
    fn problems_are_told_in_both_languages() {
        use crate::lang::Lang;
        let text = "ftp://x.cn/docs";
        let message = DocsUrl::parse(text).unwrap_err().message(text);
        assert_eq!(
            message.text(Lang::En),
            "`ftp://x.cn/docs` is not a web address: it must start with `https://` or `http://`"
        );
        assert_eq!(
            message.text(Lang::Zh),
            "`ftp://x.cn/docs` 不是网址：应以 `https://` 或 `http://` 开头"
        );
        let text = "https://x.cn/a\u{1b}";
        assert_eq!(
            DocsUrl::parse(text)
                .unwrap_err()
                .message(text)
                .text(Lang::En),
            "`https://x.cn/a␛` contains `␛`, which a web address cannot hold"
        );
    }
}
