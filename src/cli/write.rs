//! Writing files safely. Every file planc writes (`-o`, `--write-baseline`,
//! `fmt`) is written to a temporary file in the target's folder that is then
//! renamed over the target: readers see the old file or the new one, never
//! half of one, and on any error the old file is left as it was. Only a
//! regular file (or a new one) is ever replaced: never a FIFO, a device or a
//! socket, and never an output over one of the run's inputs.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use planc::i18n::Message;

use super::read::{Special, io_message, special_kind};

/// Refuses an output path that names one of `inputs` (the same file, under
/// any name: a symlink or a hard link to it too).
pub fn not_an_input(output: &Path, inputs: &[&Path]) -> Result<(), Message> {
    let Ok(target) = fs::metadata(output) else {
        return Ok(());
    };
    for input in inputs {
        if fs::metadata(input).is_ok_and(|meta| same_file(&meta, &target)) {
            let why = Message::new("write-is-input").with("input", super::shown(input));
            return Err(cannot_write(output, why));
        }
    }
    Ok(())
}

/// `cannot write `PATH`: WHY`.
pub fn cannot_write(path: &Path, why: Message) -> Message {
    Message::new("cannot-write")
        .with("path", super::shown(path))
        .with("why", why)
}

/// Why a file was not written; the old file, if any, is as it was.
#[derive(Debug)]
pub enum WriteError {
    /// A FIFO, a device, a socket, a folder.
    NotAFile(Special),
    ReadOnly,
    /// The path ends in `..` or names no file at all.
    NoName,
    NoTemporaryName,
    Io(io::Error),
}

impl WriteError {
    /// Why, in words: `cannot write `x`: WHY`.
    pub fn message(&self) -> Message {
        match self {
            WriteError::NotAFile(kind) => {
                Message::new("write-not-a-file").with("kind", kind.message())
            }
            WriteError::ReadOnly => Message::new("write-read-only"),
            WriteError::NoName => Message::new("write-no-name"),
            WriteError::NoTemporaryName => Message::new("write-no-temp"),
            WriteError::Io(e) => io_message(e),
        }
    }
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> Self {
        WriteError::Io(e)
    }
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
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e.into()),
    };
    if let Some(meta) = &existing {
        if let Some(kind) = special_kind(meta) {
            return Err(WriteError::NotAFile(kind));
        }
        if meta.permissions().readonly() {
            return Err(WriteError::ReadOnly);
        }
    }
    let name = target
        .file_name()
        .ok_or(WriteError::NoName)?
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
    Ok(written?)
}

fn create_temp(dir: &Path, name: &str) -> Result<(PathBuf, fs::File), WriteError> {
    let pid = std::process::id();
    for attempt in 0..100 {
        let tmp = dir.join(format!(".{name}.planc-{pid}-{attempt}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e.into()),
        }
    }
    Err(WriteError::NoTemporaryName)
}

/// Gives the new file the old one's owner, where the process may (as root).
#[cfg(unix)]
fn keep_owner(file: &fs::File, meta: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_: &fs::File, _: &fs::Metadata) {}
