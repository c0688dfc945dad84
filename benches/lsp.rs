//! How long an author waits for diagnostics after typing, for each bundled
//! plan (target: under 50 ms).
//!
//! - `check/<plan>`: the analysis alone — parse, resolve, every check, the
//!   diagnostics converted to LSP (UTF-16) positions.
//! - `change_to_diagnostics/<plan>`: end to end through the server over an
//!   in-memory connection, from sending `didChange` to receiving
//!   `publishDiagnostics`, with the server's default debounce included.
//!
//! Run: `cargo bench --bench lsp` (add `-- --quick` for a fast pass).
//!
//! For a large plan, measured on the binary as an editor drives it:
//! `cargo bench --bench lsp -- session PLAN OUT [REQUEST…]` writes the
//! framed messages of a session to OUT: initialize, didOpen of PLAN (a file,
//! or `wide:N` for N roles escalating to one), each REQUEST (`symbols`,
//! `tokens`, `hover:LINE:CHARACTER`, `change`: a line inserted at the top),
//! shutdown and exit. Then
//! `/usr/bin/time -f '%e s %M KB' target/release/planc lsp < OUT > /dev/null`
//! (docs/robustness.md).

use std::hint::black_box;
use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use lsp_server::{Connection, Message, Notification, ProtocolError, Request, RequestId};
use planc::config::Config;
use planc::ide::Analysis;
use planc::lsp::position::LineIndex;
use planc::lsp::{Exit, Options};
use serde_json::{Value, json};

#[path = "support/attack.rs"]
#[allow(dead_code)] // only `wide` is used here
mod attack;

const URI: &str = "file:///bench/plan.plan";

fn bundled_plans() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut plans: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "plan"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    plans.sort();
    plans
}

fn check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    for (name, text) in bundled_plans() {
        group.bench_function(&name, |b| {
            b.iter(|| {
                let analysis = Analysis::new(black_box(&text));
                let diagnostics = analysis.diagnostics(&Config::default());
                let index = LineIndex::new(&text);
                let ranges: Vec<_> = diagnostics
                    .iter()
                    .map(|d| index.range(&text, d.primary.span))
                    .collect();
                black_box(ranges)
            })
        });
    }
    group.finish();
}

struct Server {
    client: Connection,
    handle: JoinHandle<Result<Exit, ProtocolError>>,
}

impl Server {
    fn start(text: &str) -> Server {
        let (server, client) = Connection::memory();
        let handle = std::thread::spawn(move || planc::lsp::run(server, Options::default()));
        let init = Request::new(
            RequestId::from(1),
            "initialize".into(),
            json!({ "capabilities": {} }),
        );
        client.sender.send(init.into()).unwrap();
        let _ = client.receiver.recv().unwrap();
        let s = Server { client, handle };
        s.notify("initialized", json!({}));
        s.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": URI, "languageId": "plan", "version": 0, "text": text } }),
        );
        s.wait_for_diagnostics();
        s
    }

    fn notify(&self, method: &str, params: serde_json::Value) {
        let n = Notification::new(method.into(), params);
        self.client.sender.send(n.into()).unwrap();
    }

    fn wait_for_diagnostics(&self) {
        loop {
            match self.client.receiver.recv_timeout(Duration::from_secs(10)) {
                Ok(Message::Notification(n)) if n.method == "textDocument/publishDiagnostics" => {
                    return;
                }
                Ok(_) => {}
                Err(e) => panic!("no diagnostics: {e}"),
            }
        }
    }

    fn stop(self) {
        let shutdown = Request::new(RequestId::from(2), "shutdown".into(), json!(null));
        self.client.sender.send(shutdown.into()).unwrap();
        self.notify("exit", json!(null));
        drop(self.client);
        let _ = self.handle.join();
    }
}

fn change_to_diagnostics(c: &mut Criterion) {
    let mut group = c.benchmark_group("change_to_diagnostics");
    group.sample_size(30);
    for (name, text) in bundled_plans() {
        let server = Server::start(&text);
        // Alternate between the plan and the plan with a typo, so every change
        // is real and the diagnostics differ.
        let typo = text.replacen("owner ", "owner x", 1);
        let mut version = 0;
        group.bench_function(&name, |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    version += 1;
                    let body = if version % 2 == 0 { &text } else { &typo };
                    let start = Instant::now();
                    server.notify(
                        "textDocument/didChange",
                        json!({
                            "textDocument": { "uri": URI, "version": version },
                            "contentChanges": [{ "text": body }]
                        }),
                    );
                    server.wait_for_diagnostics();
                    total += start.elapsed();
                }
                total
            })
        });
        server.stop();
    }
    group.finish();
}

/// Writes a session for `planc lsp` (see the top of this file).
fn write_session(args: &[String]) {
    let [plan, out, requests @ ..] = args else {
        panic!("usage: session PLAN OUT [symbols|tokens|hover:L:C|change]…");
    };
    let text = match plan.strip_prefix("wide:") {
        Some(n) => attack::wide(n.parse().expect("wide:N, N a number")),
        None => std::fs::read_to_string(plan).expect("read the plan"),
    };
    let document = json!({ "uri": URI });
    let mut messages = vec![
        json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "capabilities": {} } }),
        json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": { "uri": URI, "languageId": "plan", "version": 1, "text": text } } }),
    ];
    let mut id = 1;
    for request in requests {
        id += 1;
        let (method, params): (&str, Value) = match request.split(':').collect::<Vec<_>>()[..] {
            ["symbols"] => (
                "textDocument/documentSymbol",
                json!({ "textDocument": document }),
            ),
            ["tokens"] => (
                "textDocument/semanticTokens/full",
                json!({ "textDocument": document }),
            ),
            ["hover", line, character] => (
                "textDocument/hover",
                json!({ "textDocument": document, "position": {
                    "line": line.parse::<u32>().expect("a line"),
                    "character": character.parse::<u32>().expect("a character") } }),
            ),
            ["change"] => {
                let at = json!({ "line": 0, "character": 0 });
                messages.push(json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                    "textDocument": { "uri": URI, "version": id },
                    "contentChanges": [{ "range": { "start": at, "end": at }, "text": "# 修改\n" }] } }));
                continue;
            }
            _ => panic!("unknown request `{request}`"),
        };
        messages.push(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
    }
    messages.push(json!({ "jsonrpc": "2.0", "id": id + 1, "method": "shutdown" }));
    messages.push(json!({ "jsonrpc": "2.0", "method": "exit" }));
    let mut bytes = Vec::new();
    for message in messages {
        bytes.extend(planc::lsp::framing::frame(&message));
    }
    std::fs::write(out, bytes).expect("write the session");
}

criterion_group!(benches, check, change_to_diagnostics);

fn main() {
    // `cargo bench` adds `--bench` of its own.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if let Some(at) = args.iter().position(|a| a == "session") {
        write_session(&args[at + 1..]);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
