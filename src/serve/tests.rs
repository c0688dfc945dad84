//! The application's answers, over a folder held in memory. What only the
//! disk can show (a symlink out of the folder, the atomic write) is tested
//! through the binary in tests/serve.rs.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::*;

const PORT: u16 = 4321;
const OURS: &str = "127.0.0.1:4321";
const ORIGIN: &str = "http://127.0.0.1:4321";

/// A small Chinese plan without findings; line 10 is the step's owner.
const PLAN: &str = "plan \"值班预案\" {\n  issuer \"信访办\"\n  commander chief\n}\nrole chief \"主任\" { holder \"张三\" }\nfact visitors \"来访人数\": count\ntrigger crowd \"集体来访\" when visitors >= 5\nstep report \"报告主任\" {\n  on crowd\n  owner chief\n  within 30m\n}\ndrill yearly \"年度演练\" { owner chief; every 1y }\n";

#[derive(Default)]
struct Memory(RefCell<BTreeMap<String, Vec<u8>>>);

impl Memory {
    fn with(files: &[(&str, &str)]) -> Memory {
        let m = Memory::default();
        for (name, text) in files {
            m.0.borrow_mut()
                .insert(name.to_string(), text.as_bytes().to_vec());
        }
        m
    }

    fn text(&self, name: &str) -> String {
        String::from_utf8(self.0.borrow()[name].clone()).unwrap()
    }
}

impl Store for Memory {
    fn list(&self) -> Vec<String> {
        self.0.borrow().keys().cloned().collect()
    }
    fn read(&self, name: &PlanName) -> Result<Vec<u8>, StoreError> {
        self.0
            .borrow()
            .get(name.as_str())
            .cloned()
            .ok_or(StoreError::NotFound)
    }
    fn write(&self, name: &PlanName, bytes: &[u8]) -> Result<(), StoreError> {
        self.0
            .borrow_mut()
            .insert(name.as_str().to_string(), bytes.to_vec());
        Ok(())
    }
    fn config(&self, _: &PlanName) -> Config {
        Config::default()
    }
    fn shown(&self) -> String {
        "plans".into()
    }
}

fn get(url: &str) -> Request {
    Request {
        method: "GET".into(),
        url: url.into(),
        host: Some(OURS.into()),
        ..Request::default()
    }
}

fn post(url: &str, body: Value) -> Request {
    Request {
        method: "POST".into(),
        url: url.into(),
        host: Some(OURS.into()),
        origin: Some(ORIGIN.into()),
        body: body.to_string().into_bytes(),
    }
}

fn answer(request: &Request, store: &Memory) -> (u16, Value) {
    let r = App::new(PORT).handle(request, store);
    let body = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
    (r.status, body)
}

fn body_text(request: &Request, store: &Memory) -> (u16, String) {
    let r = App::new(PORT).handle(request, store);
    (r.status, String::from_utf8(r.body).unwrap())
}

#[test]
fn a_foreign_host_is_refused_before_anything_is_read() {
    let store = Memory::with(&[("a.plan", PLAN)]);
    for host in [
        Some("evil.example:4321"),
        Some("127.0.0.1:80"),
        Some("127.0.0.1"),
        Some("127.0.0.1.evil.example:4321"),
        None,
    ] {
        let mut request = get("/api/plan?file=a.plan");
        request.host = host.map(String::from);
        let (status, body) = answer(&request, &store);
        assert_eq!(status, 403, "{host:?}");
        assert_eq!(body["refused"], "host", "{host:?}");
        assert!(!body.to_string().contains("值班预案"));
    }
    let mut request = get("/api/plan?file=a.plan");
    request.host = Some("localhost:4321".into());
    assert_eq!(answer(&request, &store).0, 200);
}

/// A body too large to read is refused as JSON in the language the address
/// asks for (Chinese unless it asks), not in a fixed English word.
#[test]
fn a_request_too_large_to_read_is_refused_in_the_pages_language() {
    let refused = |url: &str| {
        let r = App::new(PORT).refuse(url, Refusal::TooLarge);
        let body: Value = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
        (r.status, r.content_type, body)
    };
    let (status, kind, body) = refused("/api/save?file=a.plan");
    assert_eq!((status, kind), (413, "application/json; charset=utf-8"));
    assert_eq!(body["refused"], "too-large");
    assert_eq!(
        body["error"],
        "拒绝接收：请求太大，没有读取（预案只有几十 KB）"
    );
    let (_, _, body) = refused("/api/analyze?lang=en");
    assert_eq!(
        body["error"],
        "Refused: the request is too large, and was not read (a plan is some kilobytes)"
    );
}

#[test]
fn a_write_from_another_origin_or_none_is_refused_and_the_file_is_untouched() {
    let store = Memory::with(&[("a.plan", PLAN)]);
    let version = version(PLAN.as_bytes());
    let save = json!({ "file": "a.plan", "text": "changed", "version": version });
    for origin in [
        Some("http://evil.example"),
        Some("http://127.0.0.1:9999"),
        Some("https://127.0.0.1:4321"),
        Some("null"),
        None,
    ] {
        let mut request = post("/api/save", save.clone());
        request.origin = origin.map(String::from);
        let (status, body) = answer(&request, &store);
        assert_eq!(
            (status, body["refused"].as_str()),
            (403, Some("origin")),
            "{origin:?}"
        );
        assert_eq!(store.text("a.plan"), PLAN);
    }
    let (status, body) = answer(&post("/api/save", save), &store);
    assert_eq!((status, &body["saved"]), (200, &json!(true)));
    assert_eq!(store.text("a.plan"), "changed");
}

#[test]
fn names_outside_the_folder_are_refused() {
    let store = Memory::with(&[("a.plan", PLAN)]);
    for name in [
        "../a.plan",
        "sub/../../a.plan",
        "/etc/a.plan",
        "%2Fetc%2Fa.plan",
        "..%2Fa.plan",
        "sub\\..\\a.plan",
        "C:a.plan",
        ".hidden.plan",
        "a.txt",
        "",
    ] {
        let (status, body) = answer(&get(&format!("/api/plan?file={name}")), &store);
        assert_eq!(
            (status, body["refused"].as_str()),
            (403, Some("path")),
            "{name}"
        );
        let save = json!({ "file": policy::decode(name), "text": "x", "version": "0" });
        let (status, _) = answer(&post("/api/save", save), &store);
        assert_eq!(status, 403, "{name}");
    }
    let (status, body) = body_text(&get("/edit?file=../a.plan"), &store);
    assert_eq!(status, 403);
    assert!(
        body.contains("只能打开和保存这个文件夹里的 .plan 文件"),
        "{body}"
    );
}

#[test]
fn a_save_over_a_file_changed_since_it_was_loaded_is_refused() {
    let store = Memory::with(&[("a.plan", PLAN)]);
    let (_, loaded) = answer(&get("/api/plan?file=a.plan"), &store);
    let first = loaded["version"].as_str().unwrap().to_string();
    // One tab saves …
    let one = json!({ "file": "a.plan", "text": "one", "version": first });
    let (status, saved) = answer(&post("/api/save", one), &store);
    assert_eq!(status, 200);
    // … the other, still on the first version, is told, and nothing is lost.
    let two = json!({ "file": "a.plan", "text": "two", "version": first });
    let (status, body) = answer(&post("/api/save", two), &store);
    assert_eq!(status, 409);
    assert_eq!(body["refused"], "stale");
    assert_eq!(
        body["error"],
        "这个文件在你打开之后被别处（另一个标签页或程序）改过了，这次没有保存"
    );
    assert_eq!(body["version"], saved["version"]);
    assert_eq!(store.text("a.plan"), "one");
}

#[test]
fn a_plan_with_errors_is_saved_and_its_line_endings_kept() {
    let crlf = PLAN.replace('\n', "\r\n");
    let store = Memory::with(&[("a.plan", &crlf)]);
    let broken = PLAN.replacen("owner chief", "负责 chief", 1);
    let save = json!({ "file": "a.plan", "text": broken, "version": version(crlf.as_bytes()) });
    let (status, _) = answer(&post("/api/save", save), &store);
    assert_eq!(status, 200);
    assert_eq!(store.text("a.plan"), broken.replace('\n', "\r\n"));
}

#[test]
fn a_slip_is_reported_at_its_line_in_chinese_with_the_language_servers_fix() {
    let store = Memory::with(&[("a.plan", PLAN)]);
    let broken = PLAN.replacen("owner chief", "负责 chief", 1);
    let body = json!({ "file": "a.plan", "text": broken, "lang": "zh" });
    let (status, a) = answer(&post("/api/analyze", body), &store);
    assert_eq!(status, 200);
    let d = &a["diagnostics"][0];
    assert_eq!(a["diagnostics"].as_array().unwrap().len(), 1, "{a:#}");
    assert_eq!(d["code"], "syntax-error");
    assert_eq!(d["line"], 10);
    assert_eq!(d["where"], "第 10 行");
    assert_eq!(d["message"], "预案里 `负责` 要写作 `owner`");
    // Offsets in UTF-16 units: `负责` is two units, after 9 lines.
    let at = broken.find("负责").unwrap();
    let units = broken[..at].encode_utf16().count() as u64;
    assert_eq!(d["range"], json!([units, units + 2]));
    let fix = &d["fixes"][0];
    assert_eq!(fix["edits"][0]["text"], "owner");
    assert_eq!(
        a["blocked"],
        "预案还有 1 个错误，改正后才能预览、打印、下载 Word 和推演"
    );
    assert_eq!(a["preview"], Value::Null);
    // Applied, the fix gives back the plan, which previews.
    let fixed = json!({ "text": PLAN, "lang": "zh" });
    let (_, a) = answer(&post("/api/analyze", fixed), &store);
    assert_eq!(a["diagnostics"], json!([]));
    assert_eq!(a["counts"], "0 个错误，0 个警告");
    assert!(a["preview"].as_str().unwrap().contains("报告主任"));
    assert_eq!(
        a["facts"],
        json!([{ "name": "visitors", "label": "来访人数", "kind": "count", "variants": [] }])
    );
}

#[test]
fn the_exercise_is_simulates_answer() {
    let store = Memory::with(&[]);
    let body = json!({ "text": PLAN, "set": ["visitors=6"], "lang": "zh" });
    let (status, a) = answer(&post("/api/simulate", body), &store);
    assert_eq!(status, 200);
    let text = a["text"].as_str().unwrap();
    assert!(
        text.contains("集体来访") && text.contains("报告主任"),
        "{text}"
    );
    let body = json!({ "text": PLAN, "set": ["nobody=1"], "lang": "zh" });
    let (_, a) = answer(&post("/api/simulate", body), &store);
    assert_eq!(
        a["error"],
        "预案里没有事实 `nobody`：预案里的事实有：`visitors`"
    );
}

#[test]
fn pages_speak_the_plans_language_unless_asked() {
    let english =
        "plan \"Duty\" {\n  commander chief\n}\nrole chief \"Chief\" { holder \"Ann\" }\n";
    let store = Memory::with(&[("a.plan", PLAN), ("b.plan", english)]);
    let (status, list) = body_text(&get("/"), &store);
    assert_eq!(status, 200);
    assert!(list.contains("<html lang=\"zh-CN\">"), "{list}");
    assert!(list.contains(">值班预案</a></td><td>信访办</td>"), "{list}");
    let (_, list) = body_text(&get("/?lang=en"), &store);
    assert!(list.contains("<th>Issued by</th>"), "{list}");
    let (_, page) = body_text(&get("/edit?file=a.plan"), &store);
    assert!(page.contains(">保存</button>"), "{page}");
    let (_, page) = body_text(&get("/edit?file=b.plan"), &store);
    assert!(page.contains(">Save</button>"), "{page}");
    let (_, page) = body_text(&get("/edit?file=a.plan&lang=en"), &store);
    assert!(page.contains(">Save</button>"), "{page}");
}

#[test]
fn the_editors_data_cannot_close_its_script() {
    let name = "a</script><script>alert(1)</script>.plan";
    let store = Memory::with(&[(name, PLAN)]);
    let url = format!("/edit?file={}", policy::encode(name));
    let (status, page) = body_text(&get(&url), &store);
    assert_eq!(status, 200);
    assert!(!page.contains("<script>alert"), "{page}");
}

#[test]
fn every_answer_forbids_loading_from_elsewhere() {
    let store = Memory::with(&[]);
    let r = App::new(PORT).handle(&get("/assets/editor.js"), &store);
    assert_eq!(r.status, 200);
    let csp = r
        .headers
        .iter()
        .find(|(name, _)| *name == "Content-Security-Policy")
        .map(|(_, v)| v.as_str());
    assert!(csp.is_some_and(|v| v.starts_with("default-src 'none'; script-src 'self';")));
}

#[test]
fn a_file_saved_as_gbk_is_listed_with_what_to_do_and_not_opened() {
    let store = Memory::with(&[("a.plan", PLAN)]);
    // `预案` in GBK.
    let gbk = [b"plan \"".as_slice(), &[0xD4, 0xA4, 0xB0, 0xB8], b"\" {}\n"].concat();
    store.0.borrow_mut().insert("gbk.plan".into(), gbk);
    let (_, list) = body_text(&get("/"), &store);
    assert!(
        list.contains("<td class=\"refused\" colspan=\"3\">这个文件不是 UTF-8 编码，页面打不开"),
        "{list}"
    );
    let (status, page) = body_text(&get("/edit?file=gbk.plan"), &store);
    assert_eq!(status, 422);
    assert!(page.contains("用记事本另存为… → 编码选 UTF-8"), "{page}");
}

#[test]
fn a_problems_code_links_to_its_explanation_in_the_pages_language() {
    let store = Memory::with(&[]);
    let (status, page) = body_text(&get("/explain?code=no-drill"), &store);
    assert_eq!(status, 200);
    assert!(page.contains("<h2>修改方法</h2>"), "{page}");
    let (_, page) = body_text(&get("/explain?code=no-drill&lang=en"), &store);
    assert!(page.contains("<h2>Fix</h2>"), "{page}");
    let (status, _) = body_text(&get("/explain?code=nothing"), &store);
    assert_eq!(status, 404);
}

/// A stand-in for the Word writer: the title it was given.
fn fake_docx(doc: &crate::render::Document) -> std::io::Result<Vec<u8>> {
    Ok(format!("DOCX {}", doc.header.title).into_bytes())
}

#[test]
fn word_is_the_saved_plans_handout_or_disabled_saying_why() {
    let broken = PLAN.replacen("owner chief", "负责 chief", 1);
    let store = Memory::with(&[("值班.plan", PLAN), ("b.plan", &broken)]);
    let app = App::new(PORT).with_docx(Some(fake_docx));
    let r = app.handle(&get("/docx?file=%E5%80%BC%E7%8F%AD.plan"), &store);
    assert_eq!(r.status, 200);
    assert_eq!(r.body, "DOCX 值班预案".as_bytes());
    assert_eq!(
        r.content_type,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    let disposition = r.headers.iter().find(|(n, _)| *n == "Content-Disposition");
    assert_eq!(
        disposition.map(|(_, v)| v.as_str()),
        Some("attachment; filename=\"plan.docx\"; filename*=UTF-8''%E5%80%BC%E7%8F%AD.docx")
    );
    assert_eq!(app.handle(&get("/docx?file=b.plan"), &store).status, 422);
    let analyze = json!({ "text": PLAN, "lang": "zh" });
    let a = |app: &App| -> Value {
        serde_json::from_slice(
            &app.handle(&post("/api/analyze", analyze.clone()), &store)
                .body,
        )
        .unwrap()
    };
    assert_eq!(a(&app)["docx_blocked"], Value::Null);
    let without = App::new(PORT).with_docx(None);
    assert_eq!(
        a(&without)["docx_blocked"],
        "这个版本的 planc 还不能生成 Word 文件"
    );
    let r = without.handle(&get("/docx?file=%E5%80%BC%E7%8F%AD.plan"), &store);
    assert_eq!(r.status, 404);
}
