//! What `planc diff --git` asks git, through the `git` command: which plans a
//! revision range changed, and a file's bytes as of a revision.

use std::path::{Path, PathBuf};
use std::process::Command;

use planc::i18n::Message;

use super::read::io_message;

/// The two sides of `--git`: commits, or the working tree for `new: None`.
pub struct Revisions {
    pub old: String,
    pub new: Option<String>,
}

/// How a plan changed between the two sides. Paths are relative to the
/// repository's top folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Changed { old: String, new: String },
    Added(String),
    Removed(String),
}

/// Runs git in the current folder; its stdout, or what it said went wrong.
fn git(args: &[&str]) -> Result<Vec<u8>, Message> {
    let out = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| Message::new("git-cannot-run").with("why", io_message(&e)))?;
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
        return Err(Message::new("git-failed")
            .with("command", args.join(" "))
            .with("said", said));
    }
    Ok(out.stdout)
}

fn line(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes).trim_end().to_string()
}

/// The commit a revision names.
fn commit(rev: &str) -> Result<String, Message> {
    let spec = format!("{rev}^{{commit}}");
    git(&["rev-parse", "--verify", "--quiet", &spec])
        .map(line)
        .map_err(|_| Message::new("git-no-commit").with("rev", rev))
}

/// `REV` (against the working tree), `REV..REV2`, or `REV...REV2` (REV2
/// against where it left REV, as a pull request shows it). An empty side of
/// `..` is `HEAD`, as in git.
pub fn resolve(spec: &str) -> Result<Revisions, Message> {
    let or_head = |s: &str| {
        if s.is_empty() {
            "HEAD".to_string()
        } else {
            s.to_string()
        }
    };
    if let Some((a, b)) = spec.split_once("...") {
        let (a, b) = (or_head(a), or_head(b));
        let base = git(&["merge-base", &commit(&a)?, &commit(&b)?])
            .map(line)
            .map_err(|_| {
                Message::new("git-no-ancestor")
                    .with("a", a.as_str())
                    .with("b", b.as_str())
            })?;
        return Ok(Revisions {
            old: base,
            new: Some(commit(&b)?),
        });
    }
    if let Some((a, b)) = spec.split_once("..") {
        return Ok(Revisions {
            old: commit(&or_head(a))?,
            new: Some(commit(&or_head(b))?),
        });
    }
    Ok(Revisions {
        old: commit(spec)?,
        new: None,
    })
}

/// The repository's top folder, and the current folder relative to it
/// (`plans/` or empty).
pub fn top() -> Result<(PathBuf, String), Message> {
    let root = git(&["rev-parse", "--show-toplevel"])
        .map(line)
        .map_err(|e| Message::new("git-no-repository").with("why", e))?;
    let prefix = line(git(&["rev-parse", "--show-prefix"])?);
    Ok((PathBuf::from(root), prefix))
}

fn is_plan(path: &str) -> bool {
    path.ends_with(".plan")
}

/// The `*.plan` files that differ between the two sides, below `paths`
/// (every file of the repository when empty), sorted by path. Against the
/// working tree, plans git does not track yet (and does not ignore) count as
/// added.
pub fn changed_plans(revs: &Revisions, paths: &[PathBuf]) -> Result<Vec<Entry>, Message> {
    let specs: Vec<String> = paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut args: Vec<&str> = vec!["diff", "--name-status", "-z", "-M", "--no-ext-diff"];
    args.push(&revs.old);
    if let Some(new) = &revs.new {
        args.push(new);
    }
    args.push("--");
    args.extend(specs.iter().map(String::as_str));
    let out = git(&args)?;
    let mut fields = out
        .split(|&b| b == 0)
        .map(|f| String::from_utf8_lossy(f).into_owned());
    let mut entries = Vec::new();
    while let Some(status) = fields.next() {
        if status.is_empty() {
            continue;
        }
        let Some(path) = fields.next() else { break };
        let entry = match status.as_bytes()[0] {
            b'R' => {
                let Some(to) = fields.next() else { break };
                match (is_plan(&path), is_plan(&to)) {
                    (true, true) => Entry::Changed { old: path, new: to },
                    (true, false) => Entry::Removed(path),
                    (false, true) => Entry::Added(to),
                    (false, false) => continue,
                }
            }
            b'C' => {
                let Some(to) = fields.next() else { break };
                if !is_plan(&to) {
                    continue;
                }
                Entry::Added(to)
            }
            _ if !is_plan(&path) => continue,
            b'A' => Entry::Added(path),
            b'D' => Entry::Removed(path),
            _ => Entry::Changed {
                old: path.clone(),
                new: path,
            },
        };
        entries.push(entry);
    }
    if revs.new.is_none() {
        let mut args = vec![
            "ls-files",
            "--others",
            "--exclude-standard",
            "--full-name",
            "-z",
            "--",
        ];
        args.extend(specs.iter().map(String::as_str));
        let out = git(&args)?;
        entries.extend(
            out.split(|&b| b == 0)
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .filter(|p| is_plan(p))
                .map(Entry::Added),
        );
    }
    entries.sort_by(|a, b| new_path(a).cmp(new_path(b)));
    Ok(entries)
}

fn new_path(entry: &Entry) -> &str {
    match entry {
        Entry::Changed { new, .. } | Entry::Added(new) | Entry::Removed(new) => new,
    }
}

/// A file's bytes as of a commit (`path` relative to the top folder).
pub fn show(rev: &str, path: &str) -> Result<Vec<u8>, Message> {
    git(&["show", &format!("{rev}:{path}")])
}

/// A path relative to the top folder, as seen from the current folder.
pub fn display(path: &str, prefix: &str) -> String {
    if let Some(rest) = path.strip_prefix(prefix) {
        return rest.to_string();
    }
    let up = prefix.split('/').filter(|c| !c.is_empty()).count();
    let mut out = "../".repeat(up);
    out.push_str(path);
    out
}

/// A path relative to the top folder, in the working tree.
pub fn in_tree(root: &Path, path: &str) -> PathBuf {
    root.join(path)
}
