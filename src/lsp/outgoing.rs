//! The server's messages, serialized from typed values straight into the JSON
//! body that goes out: no `serde_json::Value` tree in between (on a 20 MB plan
//! such trees took gigabytes). Whoever receives the bodies frames them
//! (`Content-Length`), or reads them back into messages (`super::run`).

use crossbeam_channel::Sender;
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

/// Where the server's messages go, as JSON bodies.
pub(super) struct Outgoing(Sender<Vec<u8>>);

impl Outgoing {
    pub(super) fn new(bodies: Sender<Vec<u8>>) -> Self {
        Outgoing(bodies)
    }

    /// The answer to a request, serialized now: `Err` (and nothing sent) if
    /// it cannot be.
    pub(super) fn answer_body(
        id: &RequestId,
        result: impl Serialize,
    ) -> Result<Vec<u8>, serde_json::Error> {
        serde_json::to_vec(&Answer {
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
        if let Ok(body) = serde_json::to_vec(&refusal) {
            self.send(body);
        }
    }

    /// A notification; its parameters serialized now (`Err` if they cannot be).
    pub(super) fn notification_body(
        method: &str,
        params: impl Serialize,
    ) -> Result<Vec<u8>, serde_json::Error> {
        serde_json::to_vec(&Note {
            jsonrpc: JSONRPC,
            method,
            params,
        })
    }

    pub(super) fn notify(&self, method: &str, params: impl Serialize) {
        if let Ok(body) = Self::notification_body(method, params) {
            self.send(body);
        }
    }

    pub(super) fn send(&self, body: Vec<u8>) {
        // A closed channel means the client is gone; the main loop ends on its next receive.
        let _ = self.0.send(body);
    }
}
