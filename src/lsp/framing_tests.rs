//! The frame reader over streams of broken frames, whole and in small pieces.

use std::io::Read;

use lsp_server::Message;
use serde_json::{Value, json};

use super::*;

/// A reader that hands out at most `step` bytes per read.
struct Trickle<'a> {
    bytes: &'a [u8],
    step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = self.step.min(out.len()).min(self.bytes.len());
        out[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

fn raw(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn request(id: i64) -> Vec<u8> {
    frame(&json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": {}}))
}

/// What the reader makes of `stream`, in words: `request 3`, `answer -32700 null`, `log`.
fn read_all(stream: &[u8]) -> Vec<String> {
    let mut outcomes = Vec::new();
    for step in [stream.len().max(1), 7, 1] {
        let mut reader = FrameReader::new(Trickle {
            bytes: stream,
            step,
        });
        let mut these = Vec::new();
        while let Some(incoming) = reader.next_incoming().unwrap() {
            these.push(match incoming {
                Incoming::Message(Message::Request(r)) => format!("request {}", r.id),
                Incoming::Message(m) => format!("other {m:?}"),
                Incoming::Answer(v) => format!("answer {} {}", v["error"]["code"], v["id"]),
                Incoming::Log(_) => "log".to_string(),
            });
        }
        outcomes.push(these);
    }
    assert!(
        outcomes.windows(2).all(|w| w[0] == w[1]),
        "the outcome depends on how the bytes arrive: {outcomes:?}"
    );
    outcomes.swap_remove(0)
}

#[test]
fn bodies_that_are_not_json_rpc_are_answered() {
    let mut stream = request(1);
    stream.extend(raw(b"{not json!!}"));
    stream.extend(request(2));
    stream.extend(raw(b"\xff\xfe{}"));
    stream.extend(raw(br#"{"id": 7}"#));
    stream.extend(raw(b"[1, 2]"));
    stream.extend(raw(
        br#"{"jsonrpc": "2.0", "id": 4294967296, "method": "x"}"#,
    ));
    stream.extend(request(3));
    assert_eq!(
        read_all(&stream),
        [
            "request 1",
            "answer -32700 null",
            "request 2",
            "answer -32700 null",
            "answer -32600 7",
            "answer -32600 null",
            "answer -32600 4294967296",
            "request 3",
        ]
    );
}

#[test]
fn frames_without_a_header_are_skipped_and_reading_resumes() {
    let mut stream = br#"{"jsonrpc": "2.0", "id": 9, "method": "x"}"#.to_vec();
    stream.extend(request(1));
    stream.extend(b"Content-Type: text/plain\r\n\r\n");
    stream.extend(request(2));
    stream.extend(b"Content-Length: twelve\r\n\r\n{}");
    stream.extend(request(3));
    assert_eq!(
        read_all(&stream),
        [
            "log",
            "request 1",
            "log",
            "request 2",
            "log",
            "log",
            "request 3"
        ]
    );
}

#[test]
fn huge_lengths_are_refused_unread() {
    for length in [
        "99999999999",
        "9223372036854775808",
        "4000000000",
        "99999999999999999999999999",
    ] {
        let mut stream = format!("Content-Length: {length}\r\n\r\n{{}}").into_bytes();
        stream.extend(request(1));
        assert_eq!(read_all(&stream), ["log", "log", "request 1"], "{length}");
    }
}

#[test]
fn a_body_shorter_than_declared_does_not_swallow_the_next_frame() {
    // Cut off inside the JSON: answered as not JSON.
    let mut stream =
        b"Content-Length: 100\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 5, \"meth".to_vec();
    stream.extend(request(1));
    // Whole JSON, but a length that claims more: read as the message it is.
    stream.extend(b"Content-Length: 500\r\n\r\n");
    stream.extend(br#"{"jsonrpc": "2.0", "id": 6, "method": "x"}"#);
    stream.extend(request(2));
    assert_eq!(
        read_all(&stream),
        ["answer -32700 null", "request 1", "request 6", "request 2"]
    );
}

#[test]
fn a_body_may_mention_content_length() {
    let text = "Content-Length: 5\r\n\r\n{}".repeat(3);
    let body = json!({"jsonrpc": "2.0", "id": 4, "method": "x", "params": {"text": text}});
    let mut stream = frame(&body);
    stream.extend(request(1));
    assert_eq!(read_all(&stream), ["request 4", "request 1"]);
}

#[test]
fn long_garbage_and_a_cut_stream_end_cleanly() {
    let mut stream = vec![b'x'; 20_000];
    stream.extend(request(1));
    // A large body arriving in pieces, past the buffer's compaction.
    let big =
        json!({"jsonrpc": "2.0", "id": 2, "method": "x", "params": {"t": "y".repeat(70_000)}});
    stream.extend(frame(&big));
    stream.extend(b"Content-Length: 50\r\n\r\n{\"a\":");
    let outcomes = read_all(&stream);
    assert_eq!(outcomes.last().map(String::as_str), Some("log"));
    let requests: Vec<&String> = outcomes
        .iter()
        .filter(|o| o.starts_with("request"))
        .collect();
    assert_eq!(requests, ["request 1", "request 2"]);
    assert_eq!(read_all(b"Content-Len"), ["log"]);
    assert!(read_all(b"").is_empty());
    assert!(read_all(b"\r\n\r\n").is_empty());
}

#[test]
fn frames_are_what_the_reader_reads() {
    let value = json!({"jsonrpc": "2.0", "method": "exit"});
    let bytes = frame(&value);
    let mut reader = FrameReader::new(&bytes[..]);
    let Some(Incoming::Message(Message::Notification(n))) = reader.next_incoming().unwrap() else {
        panic!("not read back");
    };
    assert_eq!(n.method, "exit");
    let log: Value = log_message("x");
    assert_eq!(log["params"]["message"], "planc: x");
}

#[test]
fn a_large_message_does_not_keep_its_buffer() {
    let text = "x".repeat(8 * KEPT_BUFFER_BYTES);
    let open =
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"text": text}});
    let mut stream = frame(&open);
    stream.extend(request(2));
    let mut reader = FrameReader::new(stream.as_slice());
    assert!(matches!(
        reader.next_incoming().unwrap(),
        Some(Incoming::Message(Message::Notification(_)))
    ));
    assert!(matches!(
        reader.next_incoming().unwrap(),
        Some(Incoming::Message(Message::Request(_)))
    ));
    assert!(
        reader.buf.capacity() <= KEPT_BUFFER_BYTES,
        "{} bytes kept",
        reader.buf.capacity()
    );
}
