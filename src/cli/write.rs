//! Writing files safely. Every file planc writes (`-o`, `--write-baseline`,
//! `fmt`) is written to a temporary file in the target's folder that is then
//! renamed over the target: readers see the old file or the new one, never
//! half of one, and on any error the old file is left as it was. Only a
//! regular file (or a new one) is ever replaced: never a FIFO, a device or a
//! socket, and never an output over one of the run's inputs.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::read::special_kind;

/// Refuses an output path that names one of `inputs` (the same file, under
/// any name: a symlink or a hard link to it too).
pub fn not_an_input(output: &Path, inputs: &[&Path]) -> Result<(), String> {
    let Ok(target) = fs::metadata(output) else {
        return Ok(());
    };
    for input in inputs {
        if fs::metadata(input).is_ok_and(|meta| same_file(&meta, &target)) {
            return Err(format!(
                "cannot write `{}`: it is also an input of this run (`{}`); choose another output file",
                super::shown(output),
                super::shown(input)
            ));
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// Writes `bytes` atomically over `path`. A symlink is followed to the file
/// it names; an existing file keeps its permissions (and owner, where the
/// process may); a read-only file, a folder or anything but a regular file is
/// refused.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(meta) = &existing {
        if let Some(kind) = special_kind(meta) {
            return Err(io::Error::other(format!(
                "it is {kind}, not a regular file (planc writes only regular files)"
            )));
        }
        if meta.permissions().readonly() {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the file is read-only",
            ));
        }
    }
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::other("it does not name a file"))?
        .to_string_lossy()
        .into_owned();
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (tmp, mut file) = create_temp(&dir, &name)?;
    let written = (|| {
        file.write_all(bytes)?;
        if let Some(meta) = &existing {
            file.set_permissions(meta.permissions())?;
            keep_owner(&file, meta);
        }
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, &target)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, fs::File)> {
    let pid = std::process::id();
    let mut last = None;
    for attempt in 0..100 {
        let tmp = dir.join(format!(".{name}.planc-{pid}-{attempt}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no temporary name was free")))
}

/// Gives the new file the old one's owner, where the process may (as root).
#[cfg(unix)]
fn keep_owner(file: &fs::File, meta: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_: &fs::File, _: &fs::Metadata) {}
