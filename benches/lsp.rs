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

use std::hint::black_box;
use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use lsp_server::{Connection, Message, Notification, ProtocolError, Request, RequestId};
use planc::config::Config;
use planc::ide::Analysis;
use planc::lsp::position::LineIndex;
use planc::lsp::{Exit, Options};
use serde_json::json;

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

criterion_group!(benches, check, change_to_diagnostics);
criterion_main!(benches);
