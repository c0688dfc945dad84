//! Reading input files safely: only regular files (a FIFO without a writer
//! would block forever, a device never ends), and never more than planc
//! reads: the size is checked before reading, and the read stops at the
//! limit whatever the file system said.

use std::fmt;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::Path;

use planc::pipeline::MAX_FILE_BYTES;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Larger than `MAX_FILE_BYTES` (its size, or at least that much).
    TooLarge(u64),
    /// Not a regular file: a FIFO, a socket, a device, a folder.
    NotAFile(&'static str),
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::TooLarge(len) => write!(
                f,
                "the file is {len} bytes, more than planc reads ({MAX_FILE_BYTES} bytes)"
            ),
            ReadError::NotAFile(kind) => write!(f, "it is {kind}, not a regular file"),
            ReadError::Io(e) => e.fmt(f),
        }
    }
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// What a file is when it is not a regular file (symlinks followed), in words.
pub fn special_kind(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
    }
    Some("a special file")
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
    String::from_utf8(bytes)
        .map_err(|_| ReadError::Io(io::Error::new(io::ErrorKind::InvalidData, "not UTF-8")))
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
