//! `planc lsp`: the language server over stdin and stdout.

use std::io::{self, Stdout, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;

use crossbeam_channel::{Sender, bounded};
use lsp_server::Message;
use planc::config::Config;
use planc::lsp::framing::{FrameReader, Incoming, frame, header_for, log_message};
use planc::lsp::{Exit, Formatter, Options, Outbound};

use super::config::Configs;
use super::lang::{self, LangArg};
use super::{EXIT_FINDINGS, EXIT_OK};

#[derive(clap::Args)]
pub struct LspArgs {
    /// Talk over stdin and stdout (the only transport; accepted because
    /// editor clients such as vscode-languageclient pass it).
    #[arg(long)]
    stdio: bool,
    /// The language of diagnostics (default: `lang` in the planc.toml of the
    /// working folder, else the locale's).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

pub fn run(args: LspArgs) -> u8 {
    let configured = lang::configured_here();
    let stdout = Arc::new(Mutex::new(io::stdout()));
    let (to_server, from_client) = bounded::<Message>(0);
    // The server's messages come as JSON bodies, serialized from typed values.
    let (to_client, from_server) = bounded::<Outbound>(0);
    let writer = {
        let stdout = stdout.clone();
        thread::spawn(move || {
            for outbound in from_server {
                if write_frame(&mut lock(&stdout), outbound).is_err() {
                    break;
                }
            }
        })
    };
    // Not joined: after `exit` it may still be waiting for input that never comes.
    thread::spawn(move || read_client(to_server, &stdout));
    let options = Options {
        config_for: Box::new(config_for),
        formatter: formatter(),
        lang: lang::choose(args.lang, configured),
        ..Options::default()
    };
    // `serve` consumes the channels and drops them before returning: the
    // writer ends once every sender is gone, so joining it with them still
    // alive would hang.
    let exit = planc::lsp::serve(from_client, to_client, options);
    let _ = writer.join();
    match exit {
        Exit::Clean => EXIT_OK,
        Exit::WithoutShutdown => EXIT_FINDINGS,
    }
}

/// Writes one of the server's messages as a frame (a large body as it is
/// serialized, under the lock all along so nothing comes between).
fn write_frame(out: &mut Stdout, outbound: Outbound) -> io::Result<()> {
    match outbound {
        Outbound::Whole(body) => {
            out.write_all(header_for(body.len()).as_bytes())?;
            out.write_all(&body)?;
        }
        Outbound::Pieces { len, pieces } => {
            out.write_all(header_for(len).as_bytes())?;
            for piece in pieces {
                out.write_all(&piece)?;
            }
        }
    }
    out.flush()
}

/// Reads the client's frames until the stream ends (which ends the server):
/// messages go to the server; a frame that is broken is answered or logged
/// here, and reading goes on (see `planc::lsp::framing`).
fn read_client(to_server: Sender<Message>, stdout: &Mutex<Stdout>) {
    let mut reader = FrameReader::new(io::stdin().lock());
    while let Ok(Some(incoming)) = reader.next_incoming() {
        let raw = match incoming {
            Incoming::Message(message) => {
                if to_server.send(message).is_err() {
                    return;
                }
                continue;
            }
            Incoming::Answer(answer) => frame(&answer),
            Incoming::Log(text) => frame(&log_message(&text)),
        };
        let mut out = lock(stdout);
        if out.write_all(&raw).and_then(|()| out.flush()).is_err() {
            return;
        }
    }
}

/// The shared stdout: each frame is written whole under the lock.
fn lock(stdout: &Mutex<Stdout>) -> std::sync::MutexGuard<'_, Stdout> {
    stdout
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The configuration `planc check` would use for the file: the nearest
/// `planc.toml` above it, read afresh each time so that edits to it take
/// effect (an unsaved buffer, or a broken planc.toml, gets the defaults).
fn config_for(path: Option<&Path>) -> Config {
    match path {
        Some(path) => Configs::new(None, false, super::today::overrides())
            .for_file(path)
            .config
            .clone(),
        None => Config::default(),
    }
}

/// Document formatting through `planc fmt`'s formatter.
fn formatter() -> Option<Formatter> {
    Some(planc::fmt::format)
}
