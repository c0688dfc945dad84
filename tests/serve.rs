//! `planc serve` through the binary, over real HTTP on 127.0.0.1: the
//! refusals that need the real folder (a symlink out of it) and the real
//! socket, the atomic save, and the page in headless Chromium
//! (tests/serve/editor.mjs, driven by playwright-core).

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use support::consumers::{self, Consumer};
use support::{root, temp_root};

/// A running `planc serve DIR --port 0 --no-open`, stopped when dropped.
struct Served {
    child: Child,
    /// `127.0.0.1:PORT`
    authority: String,
    url: String,
}

impl Served {
    fn start(dir: &Path) -> Served {
        Served::start_in(Path::new("."), dir)
    }

    /// Started in the folder `cwd` (the list shows `dir` as given).
    fn start_in(cwd: &Path, dir: &Path) -> Served {
        let mut command = support::command(cwd);
        let mut child = command
            .args(["serve", "--port", "0", "--no-open"])
            .arg(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("planc serve starts");
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .expect("the first line");
        let url = first.trim().to_string();
        let authority = url
            .strip_prefix("http://")
            .and_then(|rest| rest.strip_suffix('/'))
            .unwrap_or_else(|| panic!("the first line is the URL: {first:?}"))
            .to_string();
        assert!(authority.starts_with("127.0.0.1:"), "{authority}");
        Served {
            child,
            authority,
            url,
        }
    }

    /// Sends one request; the status and the body.
    fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.authority).expect("connect");
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
            body.len()
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        request.push_str(body);
        stream.write_all(request.as_bytes()).expect("send");
        let mut answer = String::new();
        stream.read_to_string(&mut answer).expect("answer");
        let status = answer
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status: {answer}"));
        let body = answer
            .split_once("\r\n\r\n")
            .map_or("", |(_, b)| b)
            .to_string();
        (status, body)
    }

    fn get(&self, path: &str) -> (u16, String) {
        self.send("GET", path, &[("Host", &self.authority.clone())], "")
    }

    fn save(&self, origin: Option<&str>, body: &str) -> (u16, String) {
        let own = format!("http://{}", self.authority);
        let host = self.authority.clone();
        let mut headers = vec![
            ("Host", host.as_str()),
            ("Content-Type", "application/json"),
        ];
        match origin {
            Some(o) => headers.push(("Origin", o)),
            None => headers.push(("Origin", &own)),
        }
        self.send("POST", "/api/save", &headers, body)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const PLAN: &str =
    "plan \"值班预案\" {\n  commander chief\n}\nrole chief \"主任\" { holder \"张三\" }\n";

fn version_of(served: &Served, file: &str) -> String {
    let (status, body) = served.get(&format!("/api/plan?file={file}"));
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    v["version"].as_str().unwrap().to_string()
}

fn save_body(file: &str, text: &str, version: &str) -> String {
    serde_json::json!({ "file": file, "text": text, "version": version }).to_string()
}

#[test]
fn refusals_foreign_host_foreign_origin_and_paths_out_of_the_folder() {
    let tmp = temp_root();
    let dir = tmp.path().join("plans");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.plan"), PLAN).unwrap();
    let outside = tmp.path().join("outside.plan");
    std::fs::write(&outside, PLAN).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, dir.join("escape.plan")).unwrap();
    let served = Served::start(&dir);

    // DNS rebinding: another name for 127.0.0.1 is not this server.
    let (status, body) = served.send(
        "GET",
        "/api/plan?file=a.plan",
        &[("Host", "evil.example")],
        "",
    );
    assert_eq!(status, 403, "{body}");
    assert!(!body.contains("值班预案"), "{body}");

    // Another site's page posting a save.
    let version = version_of(&served, "a.plan");
    let (status, _) = served.save(
        Some("http://evil.example"),
        &save_body("a.plan", "x", &version),
    );
    assert_eq!(status, 403);
    assert_eq!(std::fs::read_to_string(dir.join("a.plan")).unwrap(), PLAN);

    // Out of the folder: `..`, an absolute path, a symlink that leads out.
    for name in ["..%2Foutside.plan", "%2Ftmp%2Foutside.plan", "escape.plan"] {
        let (status, body) = served.get(&format!("/api/plan?file={name}"));
        assert_eq!(status, 403, "{name}: {body}");
        assert!(body.contains("\"refused\":\"path\""), "{name}: {body}");
    }
    let (status, _) = served.save(None, &save_body("escape.plan", "x", "0"));
    assert_eq!(status, 403);
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), PLAN);
}

#[test]
fn a_save_replaces_the_file_and_a_stale_version_is_refused() {
    let tmp = temp_root();
    std::fs::write(tmp.path().join("a.plan"), PLAN).unwrap();
    let served = Served::start(tmp.path());
    assert_eq!(served.url, format!("http://{}/", served.authority));
    let (status, list) = served.get("/");
    assert_eq!(status, 200);
    assert!(
        list.contains("<a href=\"/edit?file=a.plan\">值班预案</a>"),
        "{list}"
    );

    let first = version_of(&served, "a.plan");
    let one = PLAN.replace("张三", "王五");
    let (status, body) = served.save(None, &save_body("a.plan", &one, &first));
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("a.plan")).unwrap(),
        one
    );
    // The other tab still holds the first version.
    let (status, body) = served.save(None, &save_body("a.plan", "lost", &first));
    assert_eq!(status, 409, "{body}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("a.plan")).unwrap(),
        one
    );
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, [".git", "a.plan"]);
}

/// The whole page in headless Chromium (tests/serve/editor.mjs): the list,
/// a plan, a slip typed, its diagnostic at its line in Chinese, the quick
/// fix, the save, the file on disk fixed, the exercise, a phone.
/// `PLANC_SCREENSHOTS=docs/serve cargo test --test serve browser` also
/// writes the screenshots of docs/serve.md.
#[test]
fn a_real_browser_edits_a_plan_and_saves_the_fix() {
    if !consumers::available(Consumer::Playwright) {
        return;
    }
    // The bundled plans, in a folder named as an office would name it.
    let tmp = temp_root();
    let dir = tmp.path().join("预案");
    std::fs::create_dir(&dir).unwrap();
    for (stem, _, source) in support::bundled() {
        std::fs::write(dir.join(format!("{stem}.plan")), source).unwrap();
    }
    let file = dir.join("xinfang-tufa.plan");
    let original = std::fs::read_to_string(&file).unwrap();
    // The line of the first step's `owner`, where the slip is typed.
    let line = original
        .lines()
        .position(|l| l.trim_start().starts_with("owner "))
        .expect("an owner")
        + 1;
    let served = Served::start_in(tmp.path(), Path::new("预案"));
    let mut command = Command::new("node");
    command
        .current_dir(root().join("tests/serve"))
        .arg("editor.mjs")
        .arg(&served.url)
        .arg(&dir)
        .arg("xinfang-tufa.plan")
        .arg(line.to_string());
    if let Some(shots) = std::env::var_os("PLANC_SCREENSHOTS") {
        command.arg(root().join(shots));
    }
    let out = command.output().expect("node runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("ok: 保存 wrote the fixed plan to disk"),
        "{said}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original);
}
