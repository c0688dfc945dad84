//! `planc serve [DIR] [--port N] [--no-open]`: the plan editor in the
//! browser. The HTTP server is tiny_http (a small, synchronous, well-kept
//! server: no async runtime to carry); requests are answered one at a time
//! by `planc::serve::App`, so two saves never interleave. This file owns
//! what the library may not do: the socket, the folder, the disk.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use planc::config::Config;
use planc::i18n::Message;
use planc::lang::Lang;
use planc::serve::{App, PlanName, Refusal, Request, Response, Store, StoreError};

use super::config::Configs;
use super::files::{Input, plan_paths};
use super::read::{ReadError, io_message, read_limited};
use super::{EXIT_TROUBLE, say, write};

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The folder of plans to edit (default: the current folder).
    dir: Option<PathBuf>,
    /// The port on 127.0.0.1 (default 8765, or a free one if that is taken; 0: any free one).
    #[arg(long)]
    port: Option<u16>,
    /// Do not open the browser.
    #[arg(long)]
    no_open: bool,
}

const DEFAULT_PORT: u16 = 8765;
/// A request body larger than this is refused unread (plans are kilobytes).
const MAX_BODY: u64 = 32 * 1024 * 1024;

pub fn run(args: ServeArgs) -> u8 {
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    // What the terminal is told is in the language of the folder's planc.toml, else the locale's.
    let configured = Configs::new(None, false, Default::default())
        .for_dir(&dir)
        .lang;
    let lang = super::lang::choose(None, configured);
    let root = match dir.canonicalize() {
        Ok(root) if root.is_dir() => root,
        Ok(_) => {
            let why = Message::new("serve-not-a-folder").with("path", super::shown(&dir));
            say::trouble(lang, why);
            return EXIT_TROUBLE;
        }
        Err(e) => {
            let why = Message::new("cannot-open")
                .with("path", super::shown(&dir))
                .with("why", io_message(&e));
            say::trouble(lang, why);
            return EXIT_TROUBLE;
        }
    };
    let server = match bind(args.port) {
        Ok(server) => server,
        Err(e) => {
            let why = Message::new("io-other").with("error", e.to_string());
            say::trouble(lang, Message::new("serve-cannot-listen").with("why", why));
            return EXIT_TROUBLE;
        }
    };
    let Some(port) = server.server_addr().to_ip().map(|a| a.port()) else {
        return EXIT_TROUBLE;
    };
    let app = App::new(port);
    let store = Folder {
        shown: super::shown(&dir),
        root,
    };
    let url = app.url();
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{url}");
        let started = Message::new("serve-started").with("path", store.shown.as_str());
        let _ = writeln!(out, "{}", started.text(lang));
        let _ = out.flush();
    }
    if !args.no_open {
        open_browser(&url, lang);
    }
    for mut request in server.incoming_requests() {
        let response = match read_request(&mut request) {
            Ok(req) => app.handle(&req, &store),
            Err(refusal) => app.refuse(request.url(), refusal),
        };
        let _ = request.respond(to_tiny(response));
    }
    super::EXIT_OK
}

fn bind(port: Option<u16>) -> Result<tiny_http::Server, Box<dyn std::error::Error + Send + Sync>> {
    match port {
        Some(port) => tiny_http::Server::http(("127.0.0.1", port)),
        None => tiny_http::Server::http(("127.0.0.1", DEFAULT_PORT))
            .or_else(|_| tiny_http::Server::http(("127.0.0.1", 0))),
    }
}

fn header(request: &tiny_http::Request, name: &'static str) -> Option<String> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str().to_string())
}

/// The request as the library reads it; `None` when its body is too large.
/// The request, its body read whole; refused when the body is larger than
/// `MAX_BODY` (unread past it) or cut off.
fn read_request(request: &mut tiny_http::Request) -> Result<Request, Refusal> {
    let mut body = Vec::new();
    let reader = request.as_reader();
    if reader.take(MAX_BODY + 1).read_to_end(&mut body).is_err() {
        return Err(Refusal::BadRequest);
    }
    if body.len() as u64 > MAX_BODY {
        return Err(Refusal::TooLarge);
    }
    Ok(Request {
        method: request.method().as_str().to_string(),
        url: request.url().to_string(),
        host: header(request, "Host"),
        origin: header(request, "Origin"),
        body,
    })
}

fn to_tiny(response: Response) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let mut out = tiny_http::Response::from_data(response.body).with_status_code(response.status);
    let headers = std::iter::once(("Content-Type", response.content_type.to_string()))
        .chain(response.headers);
    for (name, value) in headers {
        if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            out.add_header(h);
        }
    }
    out
}

/// Opens `url` in the default browser; if none can be started the printed
/// address is the way in.
fn open_browser(url: &str, lang: Lang) {
    let command = if cfg!(target_os = "windows") {
        Command::new("cmd").args(["/C", "start", "", url]).spawn()
    } else if cfg!(target_os = "macos") {
        Command::new("open").arg(url).spawn()
    } else {
        Command::new("xdg-open")
            .arg(url)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
    };
    if command.is_err() {
        let why = Message::new("serve-no-browser").with("url", url);
        eprintln!("{}", why.text(lang));
    }
}

/// The folder of plans: every name is resolved below it, symlinks followed
/// and the result required to still be inside it.
struct Folder {
    root: PathBuf,
    shown: String,
}

impl Folder {
    /// The file a name stands for, if it is a regular file inside the folder.
    fn resolve(&self, name: &PlanName) -> Result<PathBuf, StoreError> {
        let mut path = self.root.clone();
        path.extend(name.parts());
        let real = path.canonicalize().map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => StoreError::NotFound,
            _ => StoreError::Other(e.to_string()),
        })?;
        if !real.starts_with(&self.root) {
            return Err(StoreError::Outside);
        }
        if !real.is_file() {
            return Err(StoreError::NotFound);
        }
        Ok(real)
    }
}

impl Store for Folder {
    fn list(&self) -> Vec<String> {
        let mut names: Vec<String> = plan_paths(std::slice::from_ref(&self.root))
            .into_iter()
            .filter_map(|input| match input {
                Input::File { path, .. } => relative(&self.root, &path),
                _ => None,
            })
            .collect();
        names.sort();
        names
    }

    fn read(&self, name: &PlanName) -> Result<Vec<u8>, StoreError> {
        let path = self.resolve(name)?;
        read_limited(&path).map_err(|e| match e {
            ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => StoreError::NotFound,
            e => StoreError::Other(e.message().text(planc::lang::Lang::En)),
        })
    }

    fn write(&self, name: &PlanName, bytes: &[u8]) -> Result<(), StoreError> {
        let path = self.resolve(name)?;
        write::write_atomically(&path, bytes)
            .map_err(|e| StoreError::Other(e.message().text(planc::lang::Lang::En)))
    }

    fn config(&self, name: &PlanName) -> Config {
        let mut path = self.root.clone();
        path.extend(name.parts());
        // Read afresh each time, so that an edit of planc.toml takes effect.
        Configs::new(None, false, super::today::overrides())
            .for_file(&path)
            .config
            .clone()
    }

    fn shown(&self) -> String {
        self.shown.clone()
    }
}

/// `path` below `root` as a plan name (`a/b.plan`), if it is one.
fn relative(root: &Path, path: &Path) -> Option<String> {
    let rest = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = rest.components().map(|c| c.as_os_str().to_str()).collect();
    let name = parts?.join("/");
    PlanName::parse(&name).ok().map(|_| name)
}
