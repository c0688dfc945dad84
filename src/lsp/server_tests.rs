//! The server driven in process over an in-memory connection: the protocol
//! plumbing (positions, debouncing, seams, shutdown). The features themselves
//! are tested in `ide::tests`; a real client drives the binary in tests/lsp/.

use std::thread::JoinHandle;
use std::time::Duration;

use lsp_server::{Connection, Message, Notification, ProtocolError, Request, RequestId};
use serde_json::{Value, json};

use super::*;
use crate::diagnostic::{Code, Severity};

const URI: &str = "file:///plans/%E9%A2%84%E6%A1%88.plan";

pub(crate) struct Client {
    connection: Connection,
    server: Option<JoinHandle<Result<Exit, ProtocolError>>>,
    next_id: i32,
    /// Notifications received while waiting for a response.
    pending: Vec<Notification>,
    pub capabilities: Value,
}

impl Client {
    pub(crate) fn start(options: Options) -> Client {
        let (server, connection) = Connection::memory();
        let handle = std::thread::spawn(move || run(server, options));
        let mut client = Client {
            connection,
            server: Some(handle),
            next_id: 0,
            pending: Vec::new(),
            capabilities: Value::Null,
        };
        let result = client.request("initialize", json!({ "capabilities": {} }));
        client.capabilities = result["capabilities"].clone();
        client.notify("initialized", json!({}));
        client
    }

    pub(crate) fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.to_string(), params);
        self.connection.sender.send(n.into()).unwrap();
    }

    /// Sends a request and waits for its answer: the result, or the error.
    pub(crate) fn call(&mut self, method: &str, params: Value) -> Result<Value, String> {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        let r = Request::new(id.clone(), method.to_string(), params);
        self.connection.sender.send(r.into()).unwrap();
        loop {
            match self.receive() {
                Message::Response(r) if r.id == id => {
                    return r.response_result.map_err(|e| e.message);
                }
                Message::Notification(n) => self.pending.push(n),
                _ => {}
            }
        }
    }

    pub(crate) fn request(&mut self, method: &str, params: Value) -> Value {
        self.call(method, params).unwrap()
    }

    fn receive(&self) -> Message {
        self.connection
            .receiver
            .recv_timeout(Duration::from_secs(10))
            .expect("the server answers within 10 s")
    }

    /// The next `publishDiagnostics` notification.
    pub(crate) fn diagnostics(&mut self) -> Value {
        if let Some(i) = self
            .pending
            .iter()
            .position(|n| n.method == "textDocument/publishDiagnostics")
        {
            return self.pending.remove(i).params;
        }
        loop {
            if let Message::Notification(n) = self.receive()
                && n.method == "textDocument/publishDiagnostics"
            {
                return n.params;
            }
        }
    }

    pub(crate) fn open(&mut self, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": URI, "languageId": "plan", "version": 1, "text": text } }),
        );
        self.diagnostics()
    }

    /// Ends the session as the protocol asks and returns how the server ended.
    pub(crate) fn stop(mut self, shutdown: bool) -> Exit {
        if shutdown {
            assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        }
        self.notify("exit", Value::Null);
        self.server.take().unwrap().join().unwrap().unwrap()
    }
}

fn position(line: u32, character: u32) -> Value {
    json!({ "textDocument": { "uri": URI }, "position": { "line": line, "character": character } })
}

/// `(line, character)` of each diagnostic's start, its code and severity.
fn summary(published: &Value) -> Vec<(u64, u64, String, u64)> {
    published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["range"]["start"]["character"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_string(),
                d["severity"].as_u64().unwrap(),
            )
        })
        .collect()
}

const CLEAN: &str = "plan \"预案\" { commander leader }\nrole leader \"组长\" { holder \"张三\" }\ndrill d \"演练\" { owner leader; every 1y }\n";

#[test]
fn diagnostics_on_open_count_columns_in_utf16_units() {
    let mut client = Client::start(Options::default());
    // 𠮷 is outside the BMP: two UTF-16 units, one character, four bytes.
    let text = format!("{CLEAN}step s \"向𠮷组长通报\" {{ owner ofice; on t }}\n");
    let published = client.open(&text);
    assert_eq!(published["version"], 1);
    assert_eq!(
        summary(&published),
        [
            (3, 25, "undefined-name".into(), 1),
            (3, 35, "undefined-name".into(), 1)
        ]
    );
    let d = &published["diagnostics"][0];
    assert_eq!(d["range"]["end"]["character"], 30);
    assert_eq!(d["source"], "planc");
    assert_eq!(
        d["message"],
        "`ofice` is not defined\nhelp: define an internal role named `ofice`, or use the name of one that exists"
    );
    assert_eq!(
        d["relatedInformation"][0]["message"],
        "expected an internal role"
    );
    assert_eq!(d["relatedInformation"][0]["location"]["uri"], URI);
    assert_eq!(client.stop(true), Exit::Clean);
}

fn change(version: i32, line: u32, character: u32, text: &str) -> Value {
    json!({
        "textDocument": { "uri": URI, "version": version },
        "contentChanges": [{
            "range": { "start": { "line": line, "character": character },
                       "end": { "line": line, "character": character } },
            "text": text
        }]
    })
}

/// No clock is raced: the pause is an hour, so nothing is checked until the
/// save, and the answer to a request proves both edits were read before it.
#[test]
fn changes_are_applied_incrementally_and_checked_once_after_a_burst() {
    let mut client = Client::start(Options {
        debounce: Duration::from_secs(3600),
        ..Options::default()
    });
    assert_eq!(summary(&client.open(CLEAN)), []);
    // Two edits on line 1 (`"组长"` is 4 units).
    client.notify("textDocument/didChange", change(2, 1, 30, "; deputy x"));
    client.notify("textDocument/didChange", change(3, 1, 40, "y"));
    // Hover sees the new text at once.
    let hover = client.request("textDocument/hover", position(1, 7));
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .starts_with("**role** `leader` — 组长")
    );
    assert!(
        client.pending.is_empty(),
        "published before the pause ended: {:?}",
        client.pending
    );
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": URI } }),
    );
    let published = client.diagnostics();
    assert_eq!(published["version"], 3);
    assert_eq!(summary(&published), [(1, 39, "undefined-name".into(), 1)]);
    assert_eq!(
        published["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .lines()
            .next(),
        Some("`xy` is not defined")
    );
    assert_eq!(client.stop(true), Exit::Clean);
}

/// Without a save, the check comes by itself once the pause is over: the
/// test waits for the version that must arrive, however slow the machine.
#[test]
fn a_change_is_checked_after_the_pause_without_a_save() {
    let mut client = Client::start(Options::default());
    assert_eq!(summary(&client.open(CLEAN)), []);
    client.notify("textDocument/didChange", change(2, 1, 30, "; deputy x"));
    let published = client.diagnostics();
    assert_eq!(published["version"], 2);
    assert_eq!(summary(&published), [(1, 39, "undefined-name".into(), 1)]);
    assert_eq!(client.stop(true), Exit::Clean);
}

#[test]
fn the_configuration_comes_from_the_seam() {
    let options = Options {
        config_for: Box::new(|path| {
            assert_eq!(path, Some(std::path::Path::new("/plans/预案.plan")));
            let mut config = Config::default();
            config
                .severities
                .insert(Code::UndefinedName, Some(Severity::Warning));
            config
        }),
        ..Options::default()
    };
    let mut client = Client::start(options);
    let published = client.open("plan \"p\" {}\nrole r \"r\" { deputy x }\n");
    // undefined-name is an error by default: the seam's config made it a warning
    assert_eq!(
        summary(&published),
        [
            (0, 0, "no-drill".into(), 2),
            (1, 5, "orphan-role".into(), 2),
            (1, 20, "undefined-name".into(), 2)
        ]
    );
    client.stop(true);
}

fn trim_trailing_spaces(text: &str) -> Result<String, Vec<crate::diagnostic::Diagnostic>> {
    Ok(text
        .lines()
        .map(|l| l.trim_end().to_string() + "\n")
        .collect())
}

#[test]
fn formatting_is_offered_only_with_a_formatter() {
    let mut client = Client::start(Options::default());
    assert_eq!(
        client.capabilities["documentFormattingProvider"],
        Value::Null
    );
    client.open(CLEAN);
    let refused = client.call(
        "textDocument/formatting",
        json!({
            "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true }
        }),
    );
    assert_eq!(
        refused,
        Err("planc does not handle `textDocument/formatting`".to_string())
    );
    client.stop(true);

    let mut client = Client::start(Options {
        formatter: Some(trim_trailing_spaces),
        ..Options::default()
    });
    assert_eq!(client.capabilities["documentFormattingProvider"], true);
    client.open("plan \"预案\" {}   \n");
    let edits = client.request(
        "textDocument/formatting",
        json!({
            "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true }
        }),
    );
    assert_eq!(
        edits,
        json!([{ "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 1, "character": 0 } },
                 "newText": "plan \"预案\" {}\n" }])
    );
    client.stop(true);
}

#[test]
fn requests_for_unknown_documents_and_methods_fail_cleanly() {
    let mut client = Client::start(Options::default());
    assert!(
        client
            .call("textDocument/hover", position(0, 0))
            .unwrap_err()
            .contains("is not open")
    );
    assert_eq!(
        client.call("workspace/symbol", json!({ "query": "" })),
        Err("planc does not handle `workspace/symbol`".to_string())
    );
    assert_eq!(client.stop(false), Exit::WithoutShutdown);
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let mut client = Client::start(Options::default());
    client.open("step s \"s\" {}\n");
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": URI } }),
    );
    assert_eq!(client.diagnostics()["diagnostics"], json!([]));
    client.stop(true);
}

#[test]
fn semantic_tokens_are_relative_and_split_per_line() {
    let mut client = Client::start(Options::default());
    client.open("role 组长 \"\"\"\n  多\n  \"\"\" # c\n");
    let tokens = client.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": URI } }),
    );
    // [deltaLine, deltaStart, length, type, modifiers]
    assert_eq!(
        tokens["data"],
        json!([
            0, 0, 4, 0, 0, 0, 5, 2, 5, 1, 0, 3, 3, 1, 0, 1, 0, 3, 1, 0, 1, 0, 5, 1, 0, 0, 6, 3, 2,
            0
        ])
    );
    client.stop(true);
}
