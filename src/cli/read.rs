//! Reading input files safely: only regular files (a FIFO without a writer
//! would block forever, a device never ends), and never more than planc
//! reads: the size is checked before reading, and the read stops at the
//! limit whatever the file system said.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::Path;

use planc::i18n::Message;
use planc::pipeline::MAX_FILE_BYTES;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Larger than `MAX_FILE_BYTES` (its size, or at least that much).
    TooLarge(u64),
    /// Not a regular file: a FIFO, a socket, a device, a folder.
    NotAFile(Special),
    /// Read whole, but not UTF-8 (a file planc reads as text).
    NotUtf8,
    Io(io::Error),
}

impl ReadError {
    /// Why, in words: `cannot read `x`: WHY`.
    pub fn message(&self) -> Message {
        match self {
            ReadError::TooLarge(len) => Message::new("file-too-large")
                .with("size", *len)
                .with("max", MAX_FILE_BYTES),
            ReadError::NotAFile(kind) => {
                Message::new("read-not-a-file").with("kind", kind.message())
            }
            ReadError::NotUtf8 => Message::new("read-not-utf8"),
            ReadError::Io(e) => io_message(e),
        }
    }
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// `cannot read `PATH`: WHY`.
pub fn cannot_read(path: &str, why: Message) -> Message {
    Message::new("cannot-read")
        .with("path", path)
        .with("why", why)
}

/// What the operating system said, in words: the common cases in the
/// user's language, any other in the system's own.
pub fn io_message(e: &io::Error) -> Message {
    use io::ErrorKind::*;
    match e.kind() {
        NotFound => Message::new("io-not-found"),
        PermissionDenied => Message::new("io-permission-denied"),
        IsADirectory => Message::new("io-is-a-folder"),
        NotADirectory => Message::new("io-not-a-folder"),
        ReadOnlyFilesystem => Message::new("io-read-only-fs"),
        StorageFull => Message::new("io-disk-full"),
        _ => Message::new("io-other").with("error", e.to_string()),
    }
}

/// What a file is when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    Folder,
    Fifo,
    Socket,
    Device,
    Other,
}

impl Special {
    /// "a folder", "a FIFO (named pipe)", …
    pub fn message(self) -> Message {
        match self {
            Special::Folder => Message::new("file-kind-folder"),
            Special::Fifo => Message::new("file-kind-fifo"),
            Special::Socket => Message::new("file-kind-socket"),
            Special::Device => Message::new("file-kind-device"),
            Special::Other => Message::new("file-kind-special"),
        }
    }
}

/// What a file is when it is not a regular file (symlinks followed).
pub fn special_kind(meta: &Metadata) -> Option<Special> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(Special::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(Special::Fifo);
        }
        if kind.is_socket() {
            return Some(Special::Socket);
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some(Special::Device);
        }
    }
    Some(Special::Other)
}

/// The bytes of the regular file at `path` (symlinks followed), at most
/// `MAX_FILE_BYTES` of them.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    // Opening a FIFO blocks until a writer comes: look before opening.
    check(&fs::metadata(path)?)?;
    let file = File::open(path)?;
    // What was opened may not be what was looked at.
    let meta = file.metadata()?;
    check(&meta)?;
    let limit = MAX_FILE_BYTES as u64;
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    // A file may grow, or say it is smaller than it is (/proc): stop past the limit.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(meta.len().max(limit + 1)));
    }
    Ok(bytes)
}

/// A file as text, for small files planc reads whole (`planc.toml`, baselines).
pub fn read_text_limited(path: &Path) -> Result<String, ReadError> {
    let bytes = read_limited(path)?;
    String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8)
}

fn check(meta: &Metadata) -> Result<(), ReadError> {
    if let Some(kind) = special_kind(meta) {
        return Err(ReadError::NotAFile(kind));
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(ReadError::TooLarge(meta.len()));
    }
    Ok(())
}
