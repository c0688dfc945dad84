//! Where a checked file is, as SARIF says it: relative to `%SRCROOT%` (the
//! working directory, or the folder `--sarif-root` names) when it lies below
//! it, else as an absolute `file:` URI with no base. GitHub code scanning
//! maps the relative ones into the repository; a `../` URI it cannot map.

use std::path::Path;

/// The base id relative artifact URIs are under.
pub const SRCROOT: &str = "%SRCROOT%";

/// A file's URI, and the base it is relative to (`None` for an absolute URI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArtifactUri {
    pub uri: String,
    pub base: Option<&'static str>,
}

/// The URI of the file at `path` (as given on the command line). A relative
/// path is read from `working_dir`; the result is relative to `root` (by
/// default `working_dir`) when below it. Without a working directory,
/// relative paths stay as given (for reproducible tests).
pub fn artifact(path: &str, working_dir: Option<&str>, root: Option<&str>) -> ArtifactUri {
    let path = slashes(path);
    let absolute = if is_absolute(&path) {
        normalize(&path)
    } else if let Some(dir) = working_dir {
        normalize(&format!("{}/{path}", slashes(dir)))
    } else {
        let mut rel = path.as_str();
        while let Some(rest) = rel.strip_prefix("./") {
            rel = rest.trim_start_matches('/');
        }
        return ArtifactUri {
            uri: encode(rel),
            base: Some(SRCROOT),
        };
    };
    if let Some(root) = root.or(working_dir) {
        let root = normalize(&slashes(root));
        let below = if root == "/" {
            absolute.strip_prefix('/')
        } else {
            absolute
                .strip_prefix(root.as_str())
                .and_then(|r| r.strip_prefix('/'))
        };
        if let Some(rel) = below.filter(|r| !r.is_empty()) {
            return ArtifactUri {
                uri: encode(rel),
                base: Some(SRCROOT),
            };
        }
    }
    ArtifactUri {
        uri: file_uri(&absolute),
        base: None,
    }
}

/// The `file:` URI of a folder, ending with `/` (as `originalUriBaseIds` requires).
pub fn directory_uri(dir: &str) -> String {
    let dir = normalize(&slashes(dir));
    let uri = file_uri(&dir);
    if uri.ends_with('/') { uri } else { uri + "/" }
}

fn file_uri(absolute: &str) -> String {
    // `C:/plans` on Windows has no leading slash.
    let slash = if absolute.starts_with('/') { "" } else { "/" };
    format!("file://{slash}{}", encode(absolute))
}

fn slashes(path: &str) -> String {
    path.replace(std::path::MAIN_SEPARATOR, "/")
}

fn is_absolute(path: &str) -> bool {
    path.starts_with('/') || Path::new(path).is_absolute()
}

/// An absolute path without `.`, `..` or doubled slashes (lexically: planc
/// names files as the user did, without resolving symlinks).
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    let joined = parts.join("/");
    if path.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Percent-encodes what RFC 3986 does not allow in a path.
fn encode(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relative(uri: &str) -> ArtifactUri {
        ArtifactUri {
            uri: uri.into(),
            base: Some(SRCROOT),
        }
    }

    fn absolute(uri: &str) -> ArtifactUri {
        ArtifactUri {
            uri: uri.into(),
            base: None,
        }
    }

    #[test]
    fn uris_are_relative_below_the_root_and_absolute_elsewhere() {
        assert_eq!(
            artifact("./plans/a b.plan", None, None),
            relative("plans/a%20b.plan")
        );
        assert_eq!(
            artifact("预案.plan", None, None),
            relative("%E9%A2%84%E6%A1%88.plan")
        );
        assert_eq!(artifact("a:b.plan", None, None), relative("a%3Ab.plan"));
        let cwd = Some("/w/x");
        assert_eq!(
            artifact("/w/x/plans/a.plan", cwd, None),
            relative("plans/a.plan")
        );
        assert_eq!(
            artifact("plans/./a.plan", cwd, None),
            relative("plans/a.plan")
        );
        assert_eq!(
            artifact("/elsewhere/a.plan", cwd, None),
            absolute("file:///elsewhere/a.plan")
        );
        assert_eq!(
            artifact("../y/a.plan", cwd, None),
            absolute("file:///w/y/a.plan")
        );
        assert_eq!(
            artifact("/w/xy/a.plan", cwd, None),
            absolute("file:///w/xy/a.plan")
        );
        // A root above the working directory: `../` paths map below it.
        assert_eq!(
            artifact("../y/a.plan", cwd, Some("/w")),
            relative("y/a.plan")
        );
        assert_eq!(artifact("a.plan", cwd, Some("/w/")), relative("x/a.plan"));
        // The file system's root as the working directory.
        assert_eq!(
            artifact("tmp/x/a.plan", Some("/"), None),
            relative("tmp/x/a.plan")
        );
        assert_eq!(
            artifact("/tmp/x/a.plan", Some("/"), None),
            relative("tmp/x/a.plan")
        );
    }

    #[test]
    fn folder_uris_end_with_one_slash() {
        assert_eq!(directory_uri("/w/x/"), "file:///w/x/");
        assert_eq!(directory_uri("/w/x"), "file:///w/x/");
        assert_eq!(directory_uri("/"), "file:///");
        assert_eq!(
            directory_uri("/home/u/预案 库"),
            "file:///home/u/%E9%A2%84%E6%A1%88%20%E5%BA%93/"
        );
    }
}
