//! Reading and writing baseline files (`--baseline`, `--write-baseline`). The
//! library keys findings; this side turns each file's path into its key: the
//! path relative to the baseline file's folder, `/`-separated, so a baseline
//! works from any working directory.

use std::path::{Component, Path};

use planc::baseline::Baseline;
use planc::diagnostic::Findings;
use planc::i18n::Message;

pub fn read(path: &Path) -> Result<Baseline, Message> {
    let shown = super::shown(path);
    let text = super::read::read_text_limited(path).map_err(|e| {
        Message::new("baseline-cannot-read")
            .with("path", shown.as_str())
            .with("why", e.message())
    })?;
    Baseline::parse(&text).map_err(|why| {
        Message::new("baseline-bad")
            .with("path", shown.as_str())
            .with("why", why)
    })
}

/// Records `files` (absolute path if known, path as shown, findings) and
/// writes the baseline atomically. Returns what to tell the user.
pub fn write(path: &Path, files: &[(Option<&Path>, &str, &Findings)]) -> Result<Message, Message> {
    let mut baseline = Baseline::default();
    for (absolute, shown, diagnostics) in files {
        baseline.record(&key(path, *absolute, shown), *diagnostics);
    }
    let shown = super::shown(path);
    super::write::write_atomically(path, baseline.to_json().as_bytes()).map_err(|e| {
        Message::new("baseline-cannot-write")
            .with("path", shown.as_str())
            .with("why", e.message())
    })?;
    Ok(Message::new("baseline-written")
        .with("findings", baseline.len())
        .with("files", files.len())
        .with("path", shown))
}

/// A file's key in the baseline at `baseline_path`.
pub fn key(baseline_path: &Path, absolute: Option<&Path>, shown: &str) -> String {
    let base = folder(baseline_path).canonicalize().ok();
    match (absolute, base) {
        (Some(file), Some(base)) => relative(file, &base),
        _ => shown.replace(std::path::MAIN_SEPARATOR, "/"),
    }
}

fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// `path` relative to `base`, both absolute, with `..` where needed.
fn relative(path: &Path, base: &Path) -> String {
    let path: Vec<Component> = path.components().collect();
    let base: Vec<Component> = base.components().collect();
    let common = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); base.len() - common];
    parts.extend(
        path[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::relative;
    use std::path::Path;

    #[test]
    fn relative_paths_climb_where_needed() {
        assert_eq!(
            relative(Path::new("/a/b/c.plan"), Path::new("/a")),
            "b/c.plan"
        );
        assert_eq!(
            relative(Path::new("/a/b/c.plan"), Path::new("/a/x/y")),
            "../../b/c.plan"
        );
    }
}
