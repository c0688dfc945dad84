//! The server's messages, serialized from typed values straight into the JSON
//! body that goes out: no `serde_json::Value` tree in between (on a 20 MB plan
//! such trees took gigabytes). A large body is not held whole either: it is
//! serialized once to count its bytes, then again in pieces as it is written
//! (the diagnostics of a 20 MB plan can be hundreds of megabytes of JSON).
//! Whoever receives the bodies frames them (`Content-Length`), or reads them
//! back into messages (`super::run`).

use std::io::{self, Write};

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{ErrorCode, RequestId};
use serde::Serialize;

const JSONRPC: &str = "2.0";

#[derive(Serialize)]
struct Answer<'a, R> {
    jsonrpc: &'static str,
    id: &'a RequestId,
    result: R,
}

#[derive(Serialize)]
struct Refusal<'a> {
    jsonrpc: &'static str,
    id: &'a RequestId,
    error: Error<'a>,
}

#[derive(Serialize)]
struct Error<'a> {
    code: i32,
    message: &'a str,
}

#[derive(Serialize)]
struct Note<'a, P> {
    jsonrpc: &'static str,
    method: &'a str,
    params: P,
}

/// A message's JSON body as it goes out.
pub enum Outbound {
    /// The whole body.
    Whole(Vec<u8>),
    /// A large body: its length in bytes, then the body itself in pieces as
    /// it is serialized (the receiver ends after the last piece, or early if
    /// the server failed on the way).
    Pieces {
        len: usize,
        pieces: Receiver<Vec<u8>>,
    },
}

/// Bodies up to this size are sent whole; larger ones in pieces of `PIECE` bytes.
const WHOLE_UP_TO: usize = 1 << 20;
const PIECE: usize = 64 * 1024;

/// Where the server's messages go, as JSON bodies.
pub(super) struct Outgoing(Sender<Outbound>);

impl Outgoing {
    pub(super) fn new(bodies: Sender<Outbound>) -> Self {
        Outgoing(bodies)
    }

    /// Sends the answer to a request: `Err` (and nothing sent) if it cannot
    /// be serialized.
    pub(super) fn answer(&self, id: &RequestId, result: impl Serialize) -> serde_json::Result<()> {
        self.send(&Answer {
            jsonrpc: JSONRPC,
            id,
            result,
        })
    }

    pub(super) fn refuse(&self, id: &RequestId, code: ErrorCode, message: &str) {
        let refusal = Refusal {
            jsonrpc: JSONRPC,
            id,
            error: Error {
                code: code as i32,
                message,
            },
        };
        // Two numbers and two strings: this cannot fail to serialize.
        let _ = self.send(&refusal);
    }

    /// Sends a notification: `Err` (and nothing sent) if its parameters
    /// cannot be serialized.
    pub(super) fn notify(&self, method: &str, params: impl Serialize) -> serde_json::Result<()> {
        self.send(&Note {
            jsonrpc: JSONRPC,
            method,
            params,
        })
    }

    /// Serializes `message` and sends it: whole if it is small, else counted
    /// first and then sent in pieces as it is serialized again (the same
    /// values serialize to the same bytes).
    fn send(&self, message: &impl Serialize) -> serde_json::Result<()> {
        let mut small = Capped(Vec::new());
        match serde_json::to_writer(&mut small, message) {
            Ok(()) => {
                // A closed channel means the client is gone; the main loop ends on its next receive.
                let _ = self.0.send(Outbound::Whole(small.0));
                return Ok(());
            }
            Err(e) if !e.is_io() => return Err(e),
            Err(_) => {}
        }
        drop(small);
        let mut counted = Counted(0);
        serde_json::to_writer(&mut counted, message)?;
        let (to_writer, pieces) = crossbeam_channel::bounded(1);
        let len = counted.0;
        if self.0.send(Outbound::Pieces { len, pieces }).is_err() {
            return Ok(());
        }
        let mut out = io::BufWriter::with_capacity(PIECE, Piecewise(to_writer));
        // A write fails only when the client is gone.
        let _ = serde_json::to_writer(&mut out, message).map(|()| out.flush());
        Ok(())
    }
}

/// Holds a body up to `WHOLE_UP_TO` bytes; past that, writing fails.
struct Capped(Vec<u8>);

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.0.len() + buf.len() > WHOLE_UP_TO {
            return Err(io::Error::other("large: sent in pieces"));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Counts the bytes of a body.
struct Counted(usize);

impl Write for Counted {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Sends each piece a `BufWriter` hands it to the writer of the frame.
struct Piecewise(Sender<Vec<u8>>);

impl Write for Piecewise {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .send(buf.to_vec())
            .map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
