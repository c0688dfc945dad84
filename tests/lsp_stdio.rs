//! `planc lsp` driven through its stdin and stdout as an editor drives it,
//! with broken frames between the valid ones: the server answers what it can
//! (`-32700`, `-32600`), logs the rest, keeps answering the valid requests,
//! and ends only with the stream or `exit`.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

const URI: &str = "file:///tmp/planc-lsp-stdio/a.plan";

struct Editor {
    child: Child,
    stdin: ChildStdin,
    from_server: Receiver<Value>,
    /// Messages received while waiting for another.
    seen: Vec<Value>,
}

impl Editor {
    fn start() -> Editor {
        let mut child = support::command(&support::root())
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start planc lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, from_server) = channel();
        std::thread::spawn(move || {
            let mut out = BufReader::new(stdout);
            // The server's own frames, read as simply as the protocol says.
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if out.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length from the server")];
                out.read_exact(&mut body).unwrap();
                let value: Value = serde_json::from_slice(&body).expect("the server writes JSON");
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        Editor {
            child,
            stdin,
            from_server,
            seen: Vec::new(),
        }
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn request(&mut self, id: i64, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The first message (seen before or arriving within 20 s) that `wanted` accepts.
    fn wait(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&wanted) {
            return self.seen.remove(i);
        }
        loop {
            let Ok(message) = self.from_server.recv_timeout(Duration::from_secs(20)) else {
                panic!("no {what} from the server; it sent {:#?}", self.seen);
            };
            if wanted(&message) {
                return message;
            }
            self.seen.push(message);
        }
    }

    fn answer(&mut self, id: Value) -> Value {
        self.wait(&format!("answer to {id}"), |m| {
            m["id"] == id && m.get("method").is_none()
        })
    }

    fn log(&mut self) -> String {
        let log = self.wait("window/logMessage", |m| m["method"] == "window/logMessage");
        log["params"]["message"].as_str().unwrap().to_string()
    }

    fn exit_code(mut self) -> Option<i32> {
        drop(self.stdin);
        for _ in 0..400 {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!("planc lsp did not end");
    }
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// Outline requests, each answered with the document's symbols.
fn outline(editor: &mut Editor, id: i64) {
    editor.request(
        id,
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let answer = editor.answer(json!(id));
    assert!(answer["result"].is_array(), "{answer}");
}

#[test]
fn garbage_frames_are_answered_or_logged_and_the_valid_ones_served() {
    let mut editor = Editor::start();
    // Before `initialize`, too.
    editor.raw(b"Content-Length: 12\r\n\r\n{not json!!}");
    let parse = editor.answer(Value::Null);
    assert_eq!(parse["error"]["code"], -32700, "{parse}");
    editor.request(1, "initialize", json!({"capabilities": {}}));
    assert!(editor.answer(json!(1))["result"]["capabilities"].is_object());
    editor.notify("initialized", json!({}));
    editor.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "plan", "version": 1,
               "text": "plan \"P\" { commander a }\nrole a \"A\" { holder \"h\" }\n"}}),
    );
    outline(&mut editor, 2);

    // A body that is not JSON, and one that is not UTF-8.
    editor.raw(b"Content-Length: 12\r\n\r\n{not json!!}");
    assert_eq!(editor.answer(Value::Null)["error"]["code"], -32700);
    outline(&mut editor, 3);
    editor.raw(&frame(b"{\"jsonrpc\": \"2.0\", \"id\": 5, \xff\xfe}"));
    assert_eq!(editor.answer(Value::Null)["error"]["code"], -32700);
    outline(&mut editor, 4);

    // JSON that is not JSON-RPC: answered with its id where it has one.
    editor.raw(&frame(br#"{"jsonrpc": "2.0", "id": 77}"#));
    assert_eq!(editor.answer(json!(77))["error"]["code"], -32600);
    editor.raw(&frame(b"[1, 2, 3]"));
    assert_eq!(editor.answer(Value::Null)["error"]["code"], -32600);
    outline(&mut editor, 6);

    // A message without a header, and one whose body is cut short.
    editor.raw(br#"{"jsonrpc": "2.0", "id": 8, "method": "shutdown"}"#);
    outline(&mut editor, 9);
    assert!(editor.log().contains("not a message"));
    editor.raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 10, \"meth");
    outline(&mut editor, 11);
    assert_eq!(editor.answer(Value::Null)["error"]["code"], -32700);

    // Lengths that must not be allocated, nor overflow.
    for length in ["99999999999", "9223372036854775808", "4000000000"] {
        editor.raw(format!("Content-Length: {length}\r\n\r\n").as_bytes());
        outline(&mut editor, 12);
        assert!(editor.log().contains("more than planc reads"), "{length}");
    }

    // Still serving, and still ending as the protocol says.
    editor.request(20, "shutdown", Value::Null);
    assert_eq!(editor.answer(json!(20))["result"], Value::Null);
    editor.notify("exit", Value::Null);
    assert_eq!(editor.exit_code(), Some(0));
}

#[test]
fn the_server_ends_when_the_stream_ends() {
    let mut editor = Editor::start();
    editor.raw(b"Content-Length: 3\r\n\r\n{x}");
    assert_eq!(editor.answer(Value::Null)["error"]["code"], -32700);
    // The stream ends inside a message: no shutdown, so exit code 1.
    editor.raw(b"Content-Length: 50\r\n\r\n{\"a\":");
    assert_eq!(editor.exit_code(), Some(1));
}

#[test]
fn a_problem_past_column_65535_is_published() {
    let mut editor = Editor::start();
    editor.request(1, "initialize", json!({"capabilities": {}}));
    editor.answer(json!(1));
    editor.notify("initialized", json!({}));
    let text = format!("plan \"P\" {{{}@ }}\n", " ".repeat(65_536));
    editor.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "plan", "version": 1, "text": text}}),
    );
    let published = editor.wait("diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics"
    });
    let first = &published["params"]["diagnostics"][0];
    assert_eq!(first["range"]["start"]["character"], 65_546, "{published}");
    outline(&mut editor, 2);
    editor.request(3, "shutdown", Value::Null);
    editor.answer(json!(3));
    editor.notify("exit", Value::Null);
    assert_eq!(editor.exit_code(), Some(0));
}

#[test]
fn a_lone_cr_ends_a_line_and_a_broken_planc_toml_far_right_is_survived() {
    let dir = support::temp_root();
    std::fs::write(
        dir.path().join("planc.toml"),
        format!("[span-of-control]\nlimit = {}-1\n", " ".repeat(65_536)),
    )
    .unwrap();
    let uri = format!("file://{}/cr.plan", dir.path().display());
    let mut editor = Editor::start();
    editor.request(1, "initialize", json!({"capabilities": {}}));
    editor.answer(json!(1));
    editor.notify("initialized", json!({}));
    // The plans of tests/terminal_output.rs (LONE_CRS): 0-based here.
    let plans = [
        (
            "plan \"x\" { commander a }\nrole a \"甲\" { holder \"张三\" }\nstep s \"s\" { owner a\r\r; on t }\n",
            "undefined-name",
            json!({"line": 4, "character": 5}),
        ),
        (
            "plan \"x\" { commander a } # 注\r释\r\nrole a \"甲\" { holder \"张三\" }\nstep s \"s\" { owner a; on t }\n",
            "undefined-name",
            json!({"line": 3, "character": 25}),
        ),
        (
            "plan \"x\" { commander a }\nrole a \"甲\" { holder \"张\r三\" }\nstep s \"s\" { owner a; on t }\n",
            "syntax-error",
            json!({"line": 1, "character": 20}),
        ),
    ];
    for (version, (text, code, at)) in plans.into_iter().enumerate() {
        editor.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plan", "version": version, "text": text}}),
        );
        let published = editor.wait("diagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version
        });
        let undefined = published["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code)
            .cloned()
            .unwrap_or_else(|| panic!("{published}"));
        assert_eq!(undefined["range"]["start"], at);
    }
    editor.request(2, "shutdown", Value::Null);
    editor.answer(json!(2));
    editor.notify("exit", Value::Null);
    assert_eq!(editor.exit_code(), Some(0));
}
