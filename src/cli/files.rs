//! Reading what the user named: files as given, folders walked for `*.plan`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A plan file to check, or a path that could not be used.
pub enum Input {
    File { path: String, bytes: Vec<u8> },
    Trouble { path: String, reason: String },
}

/// Expands the command line's paths: a file is taken as is (whatever its
/// extension); a folder contributes every `*.plan` below it, sorted.
pub fn collect(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            let mut troubles = Vec::new();
            walk(path, &mut found, &mut troubles, &mut HashSet::new());
            found.sort();
            out.extend(troubles);
            out.extend(found.into_iter().map(|p| read(&p)));
        } else {
            out.push(read(path));
        }
    }
    out
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn read(path: &Path) -> Input {
    match std::fs::read(path) {
        Ok(bytes) => Input::File {
            path: display(path),
            bytes,
        },
        Err(e) => Input::Trouble {
            path: display(path),
            reason: e.to_string(),
        },
    }
}

/// Walks `dir` without following a symlinked folder twice (loops end).
fn walk(
    dir: &Path,
    found: &mut Vec<PathBuf>,
    troubles: &mut Vec<Input>,
    seen: &mut HashSet<PathBuf>,
) {
    let canonical = match dir.canonicalize() {
        Ok(c) => c,
        Err(e) => {
            troubles.push(Input::Trouble {
                path: display(dir),
                reason: e.to_string(),
            });
            return;
        }
    };
    if !seen.insert(canonical) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            troubles.push(Input::Trouble {
                path: display(dir),
                reason: e.to_string(),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, found, troubles, seen);
        } else if path.extension().is_some_and(|e| e == "plan") {
            found.push(path);
        }
    }
}

/// The plan files the command line names, unread: a file as given, a folder's
/// `*.plan` files sorted; a path that cannot be walked is `Err((path, reason))`.
pub fn plan_paths(paths: &[PathBuf]) -> Vec<Result<PathBuf, (String, String)>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            let mut troubles = Vec::new();
            walk(path, &mut found, &mut troubles, &mut HashSet::new());
            found.sort();
            out.extend(troubles.into_iter().filter_map(|t| match t {
                Input::Trouble { path, reason } => Some(Err((path, reason))),
                Input::File { .. } => None,
            }));
            out.extend(found.into_iter().map(Ok));
        } else {
            out.push(Ok(path.clone()));
        }
    }
    out
}
