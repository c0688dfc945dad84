//! planc's outputs read by their real consumers: Graphviz `dot`, GitHub's
//! `cmark-gfm`, the Mermaid parser (node + mermaid@11 + jsdom@26), the Nu Html
//! Checker (vnu-jar + java) and headless Chromium printing to PDF, read back
//! with `pdftotext`.
//!
//! `.ci/run` installs them (see docs/rendering.md). Where one is missing the
//! test writes a `SKIPPED` line to the terminal and passes, and
//! `every_consumer_test_runs_here_or_is_counted_as_skipped` says how many
//! consumer tests (of this file, tests/github_output.rs and tests/editors.rs)
//! skip here; under CI a missing consumer fails (see tests/support/consumers.rs).

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use support::consumers::{
    self, Consumer, assert_printed_whole, available, page_budget, pdf_pages, print_to_pdf, vnu_jar,
};
use support::*;

/// Counts the consumer tests that skip here, on the terminal whatever the
/// capture: `cargo test` without the consumers must say that it did not run them.
#[test]
fn every_consumer_test_runs_here_or_is_counted_as_skipped() {
    let missing: Vec<&(Consumer, &str)> = consumers::ALL
        .iter()
        .filter(|(consumer, _)| !consumer.installed())
        .collect();
    if missing.is_empty() {
        consumers::tell(&format!(
            "consumer tests: all {} run here",
            consumers::ALL.len()
        ));
        return;
    }
    let mut lines = vec![format!(
        "consumer tests: {} of {} SKIPPED here (they pass without running; with CI set they fail):",
        missing.len(),
        consumers::ALL.len()
    )];
    for (consumer, test) in &missing {
        lines.push(format!(
            "  {test}: needs {} ({})",
            consumer.name(),
            consumer.install()
        ));
    }
    consumers::tell(&lines.join("\n"));
    assert!(
        !consumers::in_ci(),
        "{}\n.ci/run installs every consumer",
        lines.join("\n")
    );
}

/// `CI` empty, `0` or `false` is as if it were not set, in every consumer
/// test (they all ask `consumers::in_ci`).
#[test]
fn ci_set_to_empty_zero_or_false_is_no_ci() {
    for unset in [
        None,
        Some(""),
        Some("  "),
        Some("0"),
        Some("false"),
        Some("FALSE"),
    ] {
        assert!(!consumers::ci_means_yes(unset), "{unset:?}");
    }
    for set in [Some("1"), Some("true"), Some("yes"), Some("github")] {
        assert!(consumers::ci_means_yes(set), "{set:?}");
    }
}

/// Every bundled plan and the markup plan: `(name, source)`.
fn all_plans() -> Vec<(String, String)> {
    let mut plans: Vec<(String, String)> = bundled()
        .into_iter()
        .map(|(stem, _, source)| (stem, source))
        .collect();
    plans.push(("markup".to_string(), markup()));
    plans
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn graphviz_draws_every_graph_with_its_labels() {
    if !available(Consumer::Graphviz) {
        return;
    }
    for (name, source) in all_plans() {
        for steps in [false, true] {
            let (dot, _) = graphs(&source, steps);
            let mut child = Command::new("dot")
                .arg("-Tsvg")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(dot.as_bytes())
                .unwrap();
            let out = child.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{name}: dot refused:\n{err}\n{dot}");
            let svg = String::from_utf8_lossy(&out.stdout);
            if !steps {
                // Every role's label (its first line) is drawn as text.
                let doc = document(&source, None);
                for role in &doc.roles {
                    let first: String = flat(&role.label).chars().take(8).collect();
                    let escaped = first
                        .replace('&', "&amp;")
                        .replace('<', "&lt;")
                        .replace('>', "&gt;")
                        .replace('"', "&quot;");
                    assert!(svg.contains(&escaped), "{name}: `{first}` not in the SVG");
                }
            }
        }
    }
}

#[test]
fn cmark_gfm_finds_one_unticked_task_per_step() {
    if !available(Consumer::CmarkGfm) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (name, source) in all_plans() {
        let doc = document(&source, None);
        let md = planc::render::markdown::render(&doc);
        let path = write(dir.path(), &format!("{name}.md"), &md);
        let out = Command::new("cmark-gfm")
            .args([
                "--extension",
                "tasklist",
                "--extension",
                "table",
                "--extension",
                "autolink",
                "-t",
                "xml",
            ])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success());
        let xml = String::from_utf8_lossy(&out.stdout);
        // A checklist that builds on another prints its whole when short,
        // else only its other steps (`TriggerSection::printed`).
        let steps: usize = doc.triggers.iter().map(|t| t.printed().len()).sum();
        assert_eq!(
            xml.matches("<tasklist completed=\"false\"").count(),
            steps,
            "{name}"
        );
        assert_eq!(xml.matches("completed=\"true\"").count(), 0, "{name}");
        for raw in [
            "<html_block",
            "<html_inline",
            "<code",
            "<link",
            "<image",
            "<table",
            "<block_quote",
        ] {
            assert!(!xml.contains(raw), "{name}: user text became {raw}");
        }
    }
}

#[test]
fn mermaid_parses_every_graph() {
    let script = root().join("tests/consumers/mermaid-parse.mjs");
    if !available(Consumer::Mermaid) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (name, source) in all_plans() {
        for steps in [false, true] {
            let (_, mermaid) = graphs(&source, steps);
            files.push(write(dir.path(), &format!("{name}-{steps}.mmd"), &mermaid));
        }
    }
    let out = Command::new("node")
        .arg(&script)
        .args(&files)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        report.lines().filter(|l| l.starts_with("ok ")).count(),
        files.len()
    );
}

#[test]
fn nu_html_checker_finds_no_error() {
    if !available(Consumer::NuHtmlChecker) {
        return;
    }
    let jar = vnu_jar();
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (name, source) in all_plans() {
        let doc = document(&source, None);
        files.push(write(
            dir.path(),
            &format!("{name}.html"),
            &planc::render::html::render(&doc),
        ));
        assert!(!doc.roles.is_empty(), "{name} has no role card");
        for (i, card) in doc.roles.iter().enumerate() {
            let role = planc::render::html::render_role(&doc, card);
            files.push(write(dir.path(), &format!("{name}-role{i}.html"), &role));
        }
        // In English fixed words, the plan's own words marked as Chinese:
        // the whole plan and every role card.
        let en = document(&source, Some(planc::render::Lang::En));
        files.push(write(
            dir.path(),
            &format!("{name}-en.html"),
            &planc::render::html::render(&en),
        ));
        for (i, card) in en.roles.iter().enumerate() {
            let role = planc::render::html::render_role(&en, card);
            files.push(write(dir.path(), &format!("{name}-en-role{i}.html"), &role));
        }
    }
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .arg("--errors-only")
        .args(&files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn chromium_prints_every_bundled_plan_within_its_page_budget_with_every_step_deadline_and_phone() {
    if !available(Consumer::ChromiumPdf) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let handles: Vec<_> = bundled()
        .into_iter()
        .map(|(stem, _, source)| {
            let dir = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let doc = document(&source, None);
                let html = write(
                    &dir,
                    &format!("{stem}.html"),
                    &planc::render::html::render(&doc),
                );
                let pdf = dir.join(format!("{stem}.pdf"));
                assert!(print_to_pdf(&html, &pdf), "{stem}: no PDF");
                let out = Command::new("pdftotext")
                    .arg(&pdf)
                    .arg("-")
                    .output()
                    .unwrap();
                assert!(out.status.success());
                assert_printed_whole(&stem, &doc, &String::from_utf8_lossy(&out.stdout));
                let pages = pdf_pages(&pdf).expect("pdfinfo says how many pages");
                let budget = page_budget(&stem);
                assert!(
                    pages <= budget,
                    "{stem}: {pages} A4 pages, more than its budget of {budget}"
                );
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

#[test]
fn cmark_gfm_reads_the_diff_comment_with_user_text_kept_as_text() {
    use planc::diff::{self, FileDiff, Plan, Source};
    if !available(Consumer::CmarkGfm) {
        return;
    }
    let old = std::fs::read_to_string(root().join("tests/fixtures/diff/base.plan")).unwrap();
    let new = old
        .replace("holder \"张三\"", "holder \"<b>王|五</b> *新任* `组长`\"")
        .replace("within 30m", "within 1h");
    let (a, b) = (
        planc::pipeline::front(&old).unwrap(),
        planc::pipeline::front(&new).unwrap(),
    );
    let changes = diff::compare(Plan::of(&a), Plan::of(&b), planc::render::Lang::Zh);
    assert!(!changes.is_empty());
    let file = FileDiff {
        old: Source {
            path: "plans/old_*x*.plan",
            text: &old,
        },
        new: Source {
            path: "plans/new.plan",
            text: &new,
        },
        changes: &changes,
    };
    let md = diff::markdown::render(&[file], planc::render::Lang::Zh);
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "diff.md", &md);
    let out = Command::new("cmark-gfm")
        .args(["--extension", "table", "-t", "xml"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let xml = String::from_utf8_lossy(&out.stdout);
    // The summary table: a header row and a row per category present.
    let categories = changes
        .iter()
        .map(|c| c.category)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    assert_eq!(xml.matches("<table_row").count(), categories, "{xml}");
    assert!(xml.contains("<table_header"), "{xml}");
    // One list item per change, folded in <details>.
    assert_eq!(xml.matches("<item>").count(), changes.len(), "{xml}");
    assert!(xml.contains("&lt;details&gt;") && xml.contains("&lt;/details&gt;"));
    // The user's markup stays text: no emphasis or HTML made of it; the only
    // bold text and code are the category headings planc writes.
    assert!(!xml.contains("<emph"), "user text became emphasis: {xml}");
    assert_eq!(xml.matches("<strong").count(), categories, "{xml}");
    assert_eq!(xml.matches("<code ").count(), 2 * categories, "{xml}");
    assert!(
        xml.contains("&lt;b&gt;王|五&lt;/b&gt; *新任* `组长`"),
        "{xml}"
    );
    assert!(xml.contains("plans/old_*x*.plan"), "{xml}");
}
