//! Reading and writing baseline files (`--baseline`, `--write-baseline`). The
//! library keys findings; this side turns each file's path into its key: the
//! path relative to the baseline file's folder, `/`-separated, so a baseline
//! works from any working directory.

use std::path::{Component, Path, PathBuf};

use planc::baseline::Baseline;
use planc::diagnostic::Diagnostic;

pub fn read(path: &Path) -> Result<Baseline, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read baseline `{shown}`: {e}"))?;
    Baseline::parse(&text).map_err(|e| format!("baseline `{shown}`: {e}"))
}

/// Records `files` (absolute path if known, path as shown, findings) and
/// writes the baseline atomically. Returns what to tell the user.
pub fn write(
    path: &Path,
    files: &[(Option<&Path>, &str, &[Diagnostic])],
) -> Result<String, String> {
    let mut baseline = Baseline::default();
    for (absolute, shown, diagnostics) in files {
        baseline.record(&key(path, *absolute, shown), diagnostics);
    }
    write_atomically(path, baseline.to_json().as_bytes())
        .map_err(|e| format!("cannot write baseline `{}`: {e}", path.display()))?;
    Ok(format!(
        "recorded {} finding(s) of {} file(s) in `{}`",
        baseline.len(),
        files.len(),
        path.display()
    ))
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

/// Writes to a temporary file in the same folder, then renames it over `path`.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp: PathBuf = folder(path).join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
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
