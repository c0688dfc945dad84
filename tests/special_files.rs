//! Every command that reads or writes files (plans, a planc.toml named with
//! `--config`, a baseline), against files that are not regular files (a FIFO
//! without a writer, a socket, a character device), a file far larger than
//! planc reads, and an output named like one of the run's inputs: nothing
//! hangs, nothing is read past the limit, and nothing but a regular file (or
//! a new one) is ever written.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use support::*;

/// Runs planc with at most 1 GiB of address space, and fails the test if it
/// has not finished within 30 s (a FIFO without a writer blocks forever).
fn planc_bounded(args: &[&str]) -> Output {
    planc_within(1 << 20, args)
}

/// `planc_bounded` with at most `kib` KiB of address space.
fn planc_within(kib: u32, args: &[&str]) -> Output {
    let child = isolate(Command::new("sh").arg("-c"))
        .arg(format!("ulimit -v {kib}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_planc"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run planc");
    let pid = child.id();
    let started = Instant::now();
    let waiter = std::thread::spawn(move || child.wait_with_output().expect("wait for planc"));
    while !waiter.is_finished() {
        if started.elapsed() > Duration::from_secs(30) {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            let _ = waiter.join();
            panic!("planc {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    waiter.join().expect("planc's output")
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(ok.success());
}

fn socket(path: &Path) -> std::os::unix::net::UnixListener {
    std::os::unix::net::UnixListener::bind(path).expect("bind a socket")
}

/// A character device node like /dev/null inside `dir`, where the process
/// may create one (as root); writing over it harms nothing outside `dir`.
fn char_device(path: &Path) -> bool {
    Command::new("mknod")
        .arg(path)
        .args(["c", "1", "3"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn kind(path: &Path) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    match fs::symlink_metadata(path) {
        Err(_) => "missing",
        Ok(m) if m.file_type().is_fifo() => "fifo",
        Ok(m) if m.file_type().is_socket() => "socket",
        Ok(m) if m.file_type().is_char_device() => "char device",
        Ok(m) if m.is_file() => "file",
        Ok(_) => "other",
    }
}

fn a_plan(dir: &Path) -> PathBuf {
    let (_, plan, _) = &bundled()[0];
    let path = dir.join("a.plan");
    fs::copy(plan, &path).unwrap();
    path
}

/// The commands that read a named file: `special` where a plan, a
/// configuration or a baseline is read, `good` (a plan) for the rest.
fn readers<'a>(special: &'a str, good: &'a str) -> Vec<Vec<&'a str>> {
    vec![
        vec!["check", special],
        vec!["fmt", special],
        vec!["fmt", "--check", special],
        vec!["render", special],
        vec!["graph", special],
        vec!["simulate", special],
        vec!["triggers", special],
        vec!["diff", good, special],
        vec!["diff", special, good],
        vec!["check", "--config", special, good],
        vec!["check", "--no-config", "--baseline", special, good],
    ]
}

#[test]
fn named_special_files_are_refused_without_hanging() {
    let dir = temp_root();
    let good = a_plan(dir.path());
    let fifo = dir.path().join("fifo.plan");
    mkfifo(&fifo);
    let sock = dir.path().join("socket.plan");
    let _listener = socket(&sock);
    for (path, what) in [
        (fifo.as_path(), "fifo"),
        (sock.as_path(), "socket"),
        (Path::new("/dev/zero"), "char device"),
    ] {
        for args in readers(path_str(path), path_str(&good)) {
            let out = planc_bounded(&args);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains("not a regular file"), "{args:?}: {err}");
            assert_eq!(kind(path), what, "{args:?} replaced it");
        }
    }
}

#[test]
fn folder_walks_skip_special_files_with_a_note() {
    let dir = temp_root();
    a_plan(dir.path());
    mkfifo(&dir.path().join("b.plan"));
    let _listener = socket(&dir.path().join("c.plan"));
    let folder = path_str(dir.path());
    for args in [
        vec!["check", folder],
        vec!["check", "--format", "json", folder],
        vec!["fmt", folder],
        vec!["fmt", "--check", folder],
    ] {
        let out = planc_bounded(&args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(err.contains("b.plan") && err.contains("c.plan"), "{err}");
        assert!(err.contains("skipped: not a regular file"), "{err}");
        assert_eq!(kind(&dir.path().join("b.plan")), "fifo");
    }
    let out = planc_bounded(&["check", "--format", "json", folder]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["files"], 1);
}

/// `(command, its output option)` for every command that writes a file.
fn writers<'a>(plan: &'a str, target: &'a str) -> Vec<Vec<&'a str>> {
    vec![
        vec!["render", plan, "-o", target],
        vec!["render", plan, "--format", "html", "-o", target],
        vec!["simulate", plan, "-o", target],
        vec!["render", plan, "--format", "docx", "-o", target],
        vec!["render", plan, "--role", "office", "-o", target],
        vec!["graph", plan, "-o", target],
        vec!["triggers", plan, "-o", target],
        vec!["diff", plan, plan, "-o", target],
        vec!["check", "--write-baseline", target, plan],
    ]
}

#[test]
fn outputs_are_never_written_over_special_files() {
    let dir = temp_root();
    let plan = a_plan(dir.path());
    let fifo = dir.path().join("out.fifo");
    mkfifo(&fifo);
    let sock = dir.path().join("out.socket");
    let _listener = socket(&sock);
    let mut targets = vec![(fifo, "fifo"), (sock, "socket")];
    let device = dir.path().join("null");
    if char_device(&device) {
        targets.push((device, "char device"));
    }
    for (target, what) in &targets {
        for args in writers(path_str(&plan), path_str(target)) {
            let out = planc_bounded(&args);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            // In the language of the output: the bundled plan is Chinese.
            assert!(
                err.contains("not a regular file") || err.contains("不是普通文件"),
                "{args:?}: {err}"
            );
            assert_eq!(kind(target), *what, "{args:?} replaced it");
        }
    }
}

#[test]
fn outputs_are_never_written_over_an_input_of_the_same_run() {
    let dir = temp_root();
    let plan = a_plan(dir.path());
    let original = fs::read(&plan).unwrap();
    // The plan itself, a symlink to it and a hard link to it.
    let link = dir.path().join("link.plan");
    std::os::unix::fs::symlink(&plan, &link).unwrap();
    let hard = dir.path().join("hard.plan");
    fs::hard_link(&plan, &hard).unwrap();
    for target in [&plan, &link, &hard] {
        for args in writers(path_str(&plan), path_str(target)) {
            let out = planc_bounded(&args);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains("is also an input"), "{args:?}: {err}");
            assert_eq!(fs::read(&plan).unwrap(), original, "{args:?}");
        }
    }
    // A plan found in a folder walk is an input too.
    let out = planc_bounded(&[
        "check",
        "--write-baseline",
        path_str(&plan),
        path_str(dir.path()),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(fs::read(&plan).unwrap(), original);
}

#[test]
fn the_size_limit_is_checked_before_reading() {
    let dir = temp_root();
    let big = dir.path().join("big.plan");
    // 4 GiB of nothing: sparse, so cheap to make. planc runs in 128 MiB of
    // address space: reading even the 256 MiB planc reads at most would fail,
    // so only a look at the size before reading passes.
    fs::File::create(&big).unwrap().set_len(4 << 30).unwrap();
    let big = path_str(&big);
    let planc_bounded = |args: &[&str]| planc_within(128 << 10, args);
    let out = planc_bounded(&["check", "--format", "json", big]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["diagnostics"][0]["message"],
        "the file is 4294967296 bytes, more than planc reads (268435456 bytes)"
    );
    let good = a_plan(dir.path());
    let good = path_str(&good);
    // A plan too large is a finding (exit 1); diff, a planc.toml or a
    // baseline too large is trouble (exit 2).
    for (args, code) in [
        (vec!["fmt", big], 1),
        (vec!["render", big], 1),
        (vec!["graph", big], 1),
        (vec!["simulate", big], 1),
        (vec!["triggers", big], 1),
        (vec!["diff", good, big], 2),
        (vec!["check", "--config", big, good], 2),
        (vec!["check", "--no-config", "--baseline", big, good], 2),
    ] {
        let out = planc_bounded(&args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(
            err.contains("the file is 4294967296 bytes, more than planc reads (268435456 bytes)"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(fs::metadata(big).unwrap().len(), 4 << 30);
}
