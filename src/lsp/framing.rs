//! Reading the protocol's frames (`Content-Length: N\r\n\r\n` and N bytes of
//! JSON) from a byte stream that may carry anything. A broken frame never
//! ends the session: a body that is not JSON is answered with `-32700`, JSON
//! that is not JSON-RPC with `-32600`, and what cannot be answered (a frame
//! without its header, a length past the limit, bytes that are no frame) is
//! told to the client's log; then the reader finds the next frame.
//!
//! The declared length is never trusted for memory: a body is read as its
//! bytes arrive, and a length over `MAX_MESSAGE_BYTES` is refused unread.
//! When a body turns out shorter than declared (the next frame's header
//! arrives inside it), the reader answers what it got and goes on from that
//! header instead of swallowing the next message.

use std::io::{self, Read};

use lsp_server::Message;
use memchr::memmem;
use serde_json::{Value, json};

use crate::pipeline::MAX_FILE_BYTES;

/// The largest message read: a document at planc's file-size limit, with room
/// for JSON's escapes.
pub const MAX_MESSAGE_BYTES: u64 = 2 * MAX_FILE_BYTES as u64;

/// A header block longer than this is not a header.
const MAX_HEADER_BYTES: usize = 8 * 1024;

/// The buffer kept between messages: one large message (a 20 MB plan)
/// does not hold its size of memory for the rest of the session.
const KEPT_BUFFER_BYTES: usize = 1024 * 1024;

/// The one header that matters, compared without case.
const CONTENT_LENGTH: &[u8] = b"content-length:";

/// What the reader made of the next frame.
#[derive(Debug)]
pub enum Incoming {
    /// A message for the server.
    Message(Message),
    /// A JSON-RPC error response to send back as it is.
    Answer(Value),
    /// Something to tell the client's log (`window/logMessage`).
    Log(String),
}

pub struct FrameReader<R> {
    input: R,
    buf: Vec<u8>,
    /// Where the unread bytes of `buf` start.
    start: usize,
    eof: bool,
    /// Bytes skipped since the last frame, told once the next frame is found.
    skipped: usize,
}

impl<R: Read> FrameReader<R> {
    pub fn new(input: R) -> Self {
        FrameReader {
            input,
            buf: Vec::new(),
            start: 0,
            eof: false,
            skipped: 0,
        }
    }

    /// The next frame, or `None` when the stream has ended.
    pub fn next_incoming(&mut self) -> io::Result<Option<Incoming>> {
        self.release();
        loop {
            let pending = &self.buf[self.start..];
            let blank = pending
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            self.start += blank;
            let pending = &self.buf[self.start..];
            let Some(end) = memmem::find(pending, b"\r\n\r\n") else {
                if self.eof {
                    self.skipped += pending.len();
                    self.start = self.buf.len();
                    return Ok(self.flush_skipped());
                }
                if pending.len() > MAX_HEADER_BYTES {
                    // No header end in sight: skip to the next `Content-Length:`, or
                    // all but what could be the start of one.
                    let at = find_header(&pending[1..])
                        .map(|p| p + 1)
                        .unwrap_or(pending.len() - CONTENT_LENGTH.len());
                    self.skipped += at;
                    self.start += at;
                    continue;
                }
                self.fill()?;
                continue;
            };
            let header = header(&pending[..end]);
            if let Header::Garbage(Some(at)) = header {
                self.skipped += at;
                self.start += at;
                continue;
            }
            // Tell about skipped bytes before what follows them.
            if let Some(log) = self.flush_skipped() {
                return Ok(Some(log));
            }
            let body_start = self.start + end + 4;
            return match header {
                Header::Length(n) if n <= MAX_MESSAGE_BYTES => {
                    self.body(body_start, n as usize).map(Some)
                }
                Header::Length(n) => {
                    self.start = body_start;
                    Ok(Some(Incoming::Log(format!(
                        "a message of {n} bytes is more than planc reads \
                         ({MAX_MESSAGE_BYTES} bytes); it was skipped"
                    ))))
                }
                Header::Garbage(_) => {
                    self.start = body_start;
                    Ok(Some(Incoming::Log(
                        "a message without a valid Content-Length header was skipped".into(),
                    )))
                }
            };
        }
    }

    /// Gives back the memory of a large message once it is read (most of the
    /// buffer then lies before `start`).
    fn release(&mut self) {
        if self.buf.capacity() > KEPT_BUFFER_BYTES && self.start * 2 >= self.buf.len() {
            self.buf.drain(..self.start);
            self.start = 0;
            self.buf.shrink_to(KEPT_BUFFER_BYTES.max(self.buf.len()));
        }
    }

    /// Reads more of the stream into the buffer, first dropping what was
    /// consumed; returns by how many bytes the buffer's contents moved.
    fn fill(&mut self) -> io::Result<usize> {
        let mut moved = 0;
        if self.start > 0 && self.start * 2 >= self.buf.len() {
            self.buf.drain(..self.start);
            moved = self.start;
            self.start = 0;
        }
        let mut chunk = [0u8; 64 * 1024];
        let n = loop {
            match self.input.read(&mut chunk) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        if n == 0 {
            self.eof = true;
        }
        self.buf.extend_from_slice(&chunk[..n]);
        Ok(moved)
    }

    /// The body of `len` bytes at `body_start`, read as it arrives. A valid
    /// frame header inside it means it was cut short (raw line breaks cannot
    /// be part of JSON text): what came before is the message, or is answered
    /// as broken, and reading goes on from that header.
    fn body(&mut self, mut body_start: usize, len: usize) -> io::Result<Incoming> {
        let mut searched = body_start;
        loop {
            let have = self.buf.len() - body_start;
            if have >= len {
                let body_end = body_start + len;
                if let Ok(value) = serde_json::from_slice::<Value>(&self.buf[body_start..body_end])
                {
                    self.start = body_end;
                    return Ok(incoming(value));
                }
                let window_end = (body_end + CONTENT_LENGTH.len()).min(self.buf.len());
                return Ok(match find_header(&self.buf[body_start..window_end]) {
                    Some(p) => self.cut_short(body_start, body_start + p),
                    None => {
                        self.start = body_end;
                        parse_error("the message is not JSON")
                    }
                });
            }
            if self.eof {
                self.start = self.buf.len();
                return Ok(Incoming::Log(format!(
                    "the stream ended inside a message ({have} of {len} bytes)"
                )));
            }
            let moved = self.fill()?;
            body_start -= moved;
            searched = searched.saturating_sub(moved).max(body_start);
            while let Some(at) = find_header(&self.buf[searched..]).map(|p| searched + p) {
                match header_block(&self.buf[at..]) {
                    Some(Header::Length(_)) => return Ok(self.cut_short(body_start, at)),
                    Some(Header::Garbage(_)) => searched = at + 1,
                    // Not all here yet: look again when more has come.
                    None => break,
                }
            }
            if !self.buf[searched..].is_empty() && find_header(&self.buf[searched..]).is_none() {
                searched = self
                    .buf
                    .len()
                    .saturating_sub(CONTENT_LENGTH.len())
                    .max(searched);
            }
        }
    }

    /// A body that ends at `next`, where the next frame starts.
    fn cut_short(&mut self, body_start: usize, next: usize) -> Incoming {
        self.start = next;
        let rest = &self.buf[body_start..next];
        match serde_json::from_slice::<Value>(rest.trim_ascii_end()) {
            Ok(value) => incoming(value),
            Err(_) => parse_error("the message is cut short, or is not JSON"),
        }
    }

    /// The log line for bytes skipped so far, if any (and forgets them).
    fn flush_skipped(&mut self) -> Option<Incoming> {
        let n = std::mem::take(&mut self.skipped);
        (n > 0).then(|| Incoming::Log(format!("{n} byte(s) that are not a message were skipped")))
    }
}

/// The header block at the start of `bytes`, if its end has arrived.
fn header_block(bytes: &[u8]) -> Option<Header> {
    match memmem::find(&bytes[..bytes.len().min(MAX_HEADER_BYTES)], b"\r\n\r\n") {
        Some(end) => Some(header(&bytes[..end])),
        None if bytes.len() > MAX_HEADER_BYTES => Some(Header::Garbage(None)),
        None => None,
    }
}

enum Header {
    /// The declared length (`u64::MAX` for a number too large to read).
    Length(u64),
    /// Not a header block; where a `Content-Length:` starts inside it, if anywhere.
    Garbage(Option<usize>),
}

/// Reads a header block (the lines before the blank line).
fn header(block: &[u8]) -> Header {
    let mut length = None;
    for line in block.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return garbage(block);
        };
        let (name, value) = (&line[..colon], &line[colon + 1..]);
        if name.is_empty() || !name.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-') {
            return garbage(block);
        }
        if name.eq_ignore_ascii_case(b"content-length") {
            let value = value.trim_ascii();
            if value.is_empty() || !value.iter().all(u8::is_ascii_digit) {
                return garbage(block);
            }
            // Digits only: a parse error can only be an overflow.
            let n = std::str::from_utf8(value)
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(u64::MAX);
            length = Some(n);
        }
    }
    // `xyzContent-Length: 5` reads as a header named `xyzContent-Length`.
    length.map_or_else(|| garbage(block), Header::Length)
}

fn garbage(block: &[u8]) -> Header {
    Header::Garbage(find_header(block.get(1..).unwrap_or_default()).map(|p| p + 1))
}

/// Where `Content-Length:` (any case) first occurs.
fn find_header(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = memchr::memchr2(b'c', b'C', &bytes[from..]) {
        let at = from + p;
        let candidate = bytes.get(at..at + CONTENT_LENGTH.len())?;
        if candidate.eq_ignore_ascii_case(CONTENT_LENGTH) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// A JSON value as a message, or the `-32600` answer when it is not JSON-RPC.
fn incoming(value: Value) -> Incoming {
    let id = value
        .get("id")
        .filter(|id| id.is_number() || id.is_string())
        .cloned()
        .unwrap_or(Value::Null);
    let has_id = value.get("id").is_some();
    let invalid = |why: &str| {
        Incoming::Answer(error_response(
            id.clone(),
            -32600,
            &format!("Invalid Request: {why}"),
        ))
    };
    match serde_json::from_value::<Message>(value) {
        // A request whose id is not one (a number too large, a fraction) reads
        // as a notification, which would leave the client waiting.
        Ok(Message::Notification(_)) if has_id => {
            invalid("the id is not a 32-bit integer or a string")
        }
        Ok(message) => Incoming::Message(message),
        Err(e) => invalid(&format!(
            "not a JSON-RPC request, notification or response ({e})"
        )),
    }
}

fn parse_error(why: &str) -> Incoming {
    Incoming::Answer(error_response(
        Value::Null,
        -32700,
        &format!("Parse error: {why}"),
    ))
}

fn error_response(id: Value, code: i64, message: &str) -> Value {
    json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } })
}

/// A message to the client's log (`window/logMessage`, type Error).
pub fn log_message(message: &str) -> Value {
    json!({
        "jsonrpc": "2.0",
        "method": "window/logMessage",
        "params": { "type": 1, "message": format!("planc: {message}") },
    })
}

/// A value as a frame, header and body.
pub fn frame(value: &Value) -> Vec<u8> {
    let body = value.to_string();
    let mut out = header_for(body.len()).into_bytes();
    out.extend_from_slice(body.as_bytes());
    out
}

/// The header that goes before a body of `len` bytes.
pub fn header_for(len: usize) -> String {
    format!("Content-Length: {len}\r\n\r\n")
}

#[cfg(test)]
#[path = "framing_tests.rs"]
mod tests;
