//! The real consumers of planc's outputs that some tests hand them to, and
//! what such a test does when its consumer is not installed here.
//!
//! `cargo test` captures what a passing test prints, so a skip note printed
//! with `eprintln!` would never be seen. A test whose consumer is missing
//! instead writes its note straight to the terminal's standard error, past the
//! capture, and `every_consumer_test_runs_here_or_is_counted_as_skipped`
//! (tests/consumers.rs) writes how many consumer tests skip here. Under CI
//! (`CI` set to anything but empty, `0` or `false`) a missing consumer fails
//! the test instead: `.ci/run` installs them all.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use super::root;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consumer {
    Graphviz,
    CmarkGfm,
    Mermaid,
    NuHtmlChecker,
    ChromiumPdf,
    ActionsCore,
    PytestLsp,
    TextMate,
    Playwright,
    LibreOffice,
}

/// Each consumer test and the consumer it needs.
pub const ALL: &[(Consumer, &str)] = &[
    (
        Consumer::Graphviz,
        "consumers::graphviz_draws_every_graph_with_its_labels",
    ),
    (
        Consumer::CmarkGfm,
        "consumers::cmark_gfm_finds_one_unticked_task_per_step",
    ),
    (
        Consumer::CmarkGfm,
        "consumers::cmark_gfm_reads_the_diff_comment_with_user_text_kept_as_text",
    ),
    (Consumer::Mermaid, "consumers::mermaid_parses_every_graph"),
    (
        Consumer::NuHtmlChecker,
        "consumers::nu_html_checker_finds_no_error",
    ),
    (
        Consumer::ChromiumPdf,
        "consumers::chromium_prints_every_bundled_plan_within_its_page_budget_with_every_step_deadline_and_phone",
    ),
    (
        Consumer::ChromiumPdf,
        "cards::every_card_prints_on_one_page_with_the_phones_its_role_must_call",
    ),
    (
        Consumer::ActionsCore,
        "github_output::annotations_print_as_actions_core_prints_them",
    ),
    (
        Consumer::PytestLsp,
        "editors::a_real_lsp_client_drives_the_server",
    ),
    (
        Consumer::TextMate,
        "editors::the_textmate_grammar_tokenizes_the_bundled_plans",
    ),
    (
        Consumer::Playwright,
        "serve::a_real_browser_edits_a_plan_and_saves_the_fix",
    ),
    (
        Consumer::LibreOffice,
        "docx::libreoffice_prints_every_bundled_plan_within_its_page_budget_with_every_step_and_phone",
    ),
];

impl Consumer {
    pub fn name(self) -> &'static str {
        match self {
            Consumer::Graphviz => "Graphviz `dot`",
            Consumer::CmarkGfm => "cmark-gfm",
            Consumer::Mermaid => "node with mermaid@11 and jsdom@26",
            Consumer::NuHtmlChecker => "java with the Nu Html Checker (vnu-jar)",
            Consumer::ChromiumPdf => "headless Chromium and pdftotext",
            Consumer::ActionsCore => "node with @actions/core",
            Consumer::PytestLsp => "Python with pytest-lsp and pytest-timeout",
            Consumer::TextMate => "npm with vscode-tmgrammar-test",
            Consumer::Playwright => "headless Chromium driven by node with playwright-core",
            Consumer::LibreOffice => "LibreOffice (soffice) and pdftotext",
        }
    }

    pub fn install(self) -> &'static str {
        match self {
            Consumer::Graphviz => "apt-get install graphviz",
            Consumer::CmarkGfm => "apt-get install cmark-gfm",
            Consumer::Mermaid => "npm ci --prefix tests/consumers",
            Consumer::NuHtmlChecker => {
                "apt-get install default-jre-headless; npm ci --prefix tests/consumers"
            }
            Consumer::ChromiumPdf => "apt-get install chromium poppler-utils fonts-wqy-microhei",
            Consumer::ActionsCore => "npm ci --prefix tests/actions-core",
            Consumer::PytestLsp => {
                "pip install -r tests/lsp/requirements.txt in a venv, named by PYTHON"
            }
            Consumer::TextMate => "npm ci --prefix editors/vscode",
            Consumer::Playwright => "apt-get install chromium; npm ci --prefix tests/serve",
            Consumer::LibreOffice => {
                "apt-get install --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-wqy-microhei"
            }
        }
    }

    pub fn installed(self) -> bool {
        match self {
            Consumer::Graphviz => runs("dot", &["-V"]),
            Consumer::CmarkGfm => runs("cmark-gfm", &["--version"]),
            Consumer::Mermaid => {
                runs("node", &["--version"]) && node_modules().join("mermaid").is_dir()
            }
            Consumer::NuHtmlChecker => runs("java", &["-version"]) && vnu_jar().is_file(),
            Consumer::ChromiumPdf => chromium().is_some() && runs("pdftotext", &["-v"]),
            Consumer::ActionsCore => {
                runs("node", &["--version"])
                    && root()
                        .join("tests/actions-core/node_modules/@actions/core/package.json")
                        .is_file()
            }
            Consumer::PytestLsp => runs(&python(), &["-c", "import pytest_lsp, pytest_timeout"]),
            Consumer::TextMate => {
                runs("npm", &["--version"])
                    && root()
                        .join("editors/vscode/node_modules/vscode-tmgrammar-test")
                        .is_dir()
            }
            Consumer::LibreOffice => runs("soffice", &["--version"]) && runs("pdftotext", &["-v"]),
            Consumer::Playwright => {
                chromium().is_some()
                    && runs("node", &["--version"])
                    && root()
                        .join("tests/serve/node_modules/playwright-core")
                        .is_dir()
            }
        }
    }
}

/// Whether this run is CI's: `CI` set to anything but empty, `0` or `false`.
pub fn in_ci() -> bool {
    ci_means_yes(std::env::var("CI").ok().as_deref())
}

/// Whether a value of `CI` (`None`: not set) means a CI run.
pub fn ci_means_yes(value: Option<&str>) -> bool {
    value.is_some_and(|v| {
        let v = v.trim();
        !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false")
    })
}

/// Whether the calling test can run with `consumer`. When it is missing, the
/// test fails under CI; otherwise a note goes to the terminal and the test
/// is to return (passing, but not silently).
pub fn available(consumer: Consumer) -> bool {
    if consumer.installed() {
        return true;
    }
    let note = format!(
        "needs {}, not installed here ({})",
        consumer.name(),
        consumer.install()
    );
    if in_ci() {
        panic!("{note}; CI needs every consumer: .ci/run installs them");
    }
    let test = std::thread::current()
        .name()
        .unwrap_or("a consumer test")
        .to_string();
    tell(&format!("SKIPPED {test}: {note}; with CI set it fails"));
    false
}

/// A line on the terminal, past the test harness's capture of `eprintln!`.
pub fn tell(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

pub fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

pub fn node_modules() -> PathBuf {
    root().join("tests/consumers/node_modules")
}

pub fn vnu_jar() -> PathBuf {
    node_modules().join("vnu-jar/build/dist/vnu.jar")
}

pub fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| runs(c, &["--version"]))
}

/// Prints the page `html` to `pdf` with headless Chromium (A4, no header
/// or footer of the browser's own); whether it succeeded.
pub fn print_to_pdf(html: &std::path::Path, pdf: &std::path::Path) -> bool {
    let Some(browser) = chromium() else {
        return false;
    };
    let Ok(profile) = tempfile::tempdir() else {
        return false;
    };
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
        && pdf.is_file()
}

/// Text with all white space removed: a PDF breaks lines wherever it likes.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// How many pages `pdfinfo` counts in `pdf`.
pub fn pdf_pages(pdf: &std::path::Path) -> Option<usize> {
    let info = Command::new("pdfinfo").arg(pdf).output().ok()?;
    String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
}

/// The Python that runs the LSP client: `PYTHON`, else `python3`.
pub fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".into())
}

/// How many A4 pages a bundled plan may print on, as HTML or .docx: at most
/// half the pages the plans printed before the checklists built on each
/// other (issue 17).
pub fn page_budget(stem: &str) -> usize {
    match stem {
        "yunguanzhan-2015" => 10,
        "xinfang-chuzhi" => 9,
        "xinfang-tufa" => 6,
        "jiaotongju-2022" => 5,
        // (v1) the bundled example of every v1 statement: five triggers, four
        // levels, 17 steps, as long as the county plan it follows (measured);
        // 16 since a short checklist that builds on another is printed whole
        "yunshu-zhuanxiang-2024" => 16,
        other => panic!("no page budget for {other}"),
    }
}

/// Asserts that the text of a printed plan (`pdftotext`) holds its title,
/// every step, every deadline and every phone number.
pub fn assert_printed_whole(stem: &str, doc: &planc::render::Document, printed: &str) {
    let text = squeeze(printed);
    assert!(
        text.contains(&squeeze(&doc.header.title)),
        "{stem}: no title"
    );
    // A step's label wraps beside its deadline, and pdftotext reads a
    // table's lines across: the deadlines taken out of the text (and of the
    // labels), every label is whole.
    let mut deadlines: Vec<String> = doc
        .triggers
        .iter()
        .flat_map(|t| &t.steps)
        .filter_map(|s| s.within)
        .map(|d| squeeze(&planc::render::words::due_within_words(d, doc.lang)))
        .collect();
    // Longest first: `1小时15分钟内` before `15分钟内`.
    deadlines.sort_by_key(|d| std::cmp::Reverse(d.chars().count()));
    let without = |text: &str| {
        deadlines
            .iter()
            .fold(text.to_string(), |t, d| t.replace(d.as_str(), ""))
    };
    let text_without_deadlines = without(&text);
    for s in doc.triggers.iter().flat_map(|t| &t.steps) {
        assert!(
            text_without_deadlines.contains(&without(&squeeze(&s.label))),
            "{stem}: `{}` is not in the PDF",
            s.label
        );
        if let Some(d) = s.within {
            let words = planc::render::words::due_within_words(d, doc.lang);
            assert!(
                text.contains(&squeeze(&words)),
                "{stem}: the deadline `{words}` of `{}` is not in the PDF",
                s.label
            );
        }
    }
    let phones = doc
        .roles
        .iter()
        .flat_map(|r| &r.phones)
        .chain(doc.externals.iter().flat_map(|e| &e.phones));
    for phone in phones {
        assert!(
            text.contains(&squeeze(phone)),
            "{stem}: the phone `{phone}` is not in the PDF"
        );
    }
}

/// Converts `.docx` files to PDF in `dir` with LibreOffice (one run, a
/// profile of its own); whether it succeeded.
pub fn libreoffice_to_pdf(files: &[std::path::PathBuf], dir: &std::path::Path) -> bool {
    let Ok(profile) = tempfile::tempdir() else {
        return false;
    };
    Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .args(files)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
