//! Which files to check: files as given, folders walked for the files their
//! planc.toml includes (`*.plan` by default) and does not exclude.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::config::{Configs, Loaded};
use planc::i18n::Message;
use planc::lang::Lang;

use super::read::{Special, cannot_read, io_message, special_kind};
use super::say;

/// A plan file to check with its configuration, a path that could not be
/// used, or a file a folder walk left out because it is not a regular file
/// (a FIFO would block the walk; a named one is refused when it is read).
pub enum Input {
    File { path: PathBuf, config: Arc<Loaded> },
    Trouble { path: String, reason: Message },
    Skipped { path: String, kind: Special },
}

impl Input {
    /// Tells about a path that is not a plan to read (on stderr, in `lang`);
    /// whether it is trouble (exit 2) rather than a note.
    pub fn tell(&self, lang: Lang) -> bool {
        match self {
            Input::File { .. } => false,
            Input::Trouble { path, reason } => {
                say::trouble(lang, cannot_read(path, reason.clone()));
                true
            }
            Input::Skipped { path, kind } => {
                let skipped = Message::new("skipped-not-a-file")
                    .with("path", path.as_str())
                    .with("kind", kind.message());
                say::trouble(lang, skipped);
                false
            }
        }
    }
}

/// Expands the command line's paths: a file is taken as is (whatever its
/// extension, even if excluded); a folder contributes the files below it that
/// its configuration includes, sorted.
pub fn collect(paths: &[PathBuf], configs: &mut Configs) -> Vec<Input> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            let mut troubles = Vec::new();
            let mut walk = Walk {
                found: &mut found,
                troubles: &mut troubles,
                seen: HashSet::new(),
                configs,
            };
            walk.dir(path);
            found.sort_by(|a, b| a.0.cmp(&b.0));
            out.extend(troubles);
            out.extend(
                found
                    .into_iter()
                    .map(|(path, config)| Input::File { path, config }),
            );
        } else {
            let config = configs.for_file(path);
            out.push(Input::File {
                path: path.clone(),
                config,
            });
        }
    }
    out
}

pub fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

struct Walk<'a> {
    found: &'a mut Vec<(PathBuf, Arc<Loaded>)>,
    troubles: &'a mut Vec<Input>,
    seen: HashSet<PathBuf>,
    configs: &'a mut Configs,
}

impl Walk<'_> {
    fn trouble(&mut self, path: &Path, e: std::io::Error) {
        self.troubles.push(Input::Trouble {
            path: super::shown(path),
            reason: io_message(&e),
        });
    }

    /// Walks `dir` (as the user will see it) without entering a folder twice
    /// (symlink loops end). Folders to visit are kept on a stack, not recursed into.
    fn dir(&mut self, root: &Path) {
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let canonical = match dir.canonicalize() {
                Ok(c) => c,
                Err(e) => {
                    self.trouble(&dir, e);
                    continue;
                }
            };
            if !self.seen.insert(canonical.clone()) {
                continue;
            }
            let config = self.configs.for_dir(&canonical);
            let entries = match std::fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) => {
                    self.trouble(&dir, e);
                    continue;
                }
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let absolute = canonical.join(entry.file_name());
                // Symlinks followed; one that leads nowhere is reported when read.
                let meta = std::fs::metadata(&path).ok();
                if meta.as_ref().is_some_and(|m| m.is_dir()) {
                    if config.includes_dir(&absolute) {
                        stack.push(path);
                    }
                } else if config.includes_file(&absolute) {
                    match meta.as_ref().and_then(special_kind) {
                        Some(kind) => self.troubles.push(Input::Skipped {
                            path: super::shown(&path),
                            kind,
                        }),
                        None => self.found.push((path, config.clone())),
                    }
                }
            }
        }
    }
}

/// The plan files the command line names, unread: a file as given, a folder's
/// plan files (as its planc.toml includes them) sorted, and the paths that
/// could not be walked or were skipped.
pub fn plan_paths(paths: &[PathBuf]) -> Vec<Input> {
    let mut configs = Configs::new(None, false, Default::default());
    collect(paths, &mut configs)
}
