//! Helpers: a span-free view of the compiled model, and the comments of a file.

use std::fs;
use std::path::Path;

/// The compiled model of `source` with every span left out, as text, so that
/// two files that mean the same compare equal whatever their layout.
pub fn model_without_spans(source: &str) -> String {
    let parsed = planc::syntax::parse(source);
    assert!(
        parsed.diagnostics.is_empty(),
        "does not parse: {:?}\n{source}",
        parsed.diagnostics
    );
    let mut model = planc::model::build(&parsed.file);
    // a HashMap's order is not the same in two maps: compare it sorted
    let taken = std::mem::take(&mut model.symbols);
    let mut symbols: Vec<_> = taken
        .iter()
        .map(|(name, s)| (name.to_string(), *s))
        .collect();
    symbols.sort_by(|a, b| a.0.cmp(&b.0));
    // Undefined names are kept as spans: compare their text, not the
    // source, which formatting changes.
    let undefined: Vec<&str> = model
        .problems
        .iter()
        .filter_map(|p| match p {
            planc::model::Problem::Undefined(u) => Some(model.text(u.span)),
            _ => None,
        })
        .collect();
    model.source = "";
    strip_spans(&format!("{model:?}\n{symbols:?}\n{undefined:?}"))
}

/// Replaces every `Span { start: N, end: M }` by `Span`.
fn strip_spans(text: &str) -> String {
    const OPEN: &str = "Span { start: ";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(OPEN) {
        out.push_str(&rest[..i]);
        out.push_str("Span");
        let after = &rest[i..];
        let close = after.find('}').expect("a span's closing brace");
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The comments of a plan (outside strings), in order, trailing white space removed.
pub fn comments(source: &str) -> Vec<String> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'#' => {
                let end = source[i..].find('\n').map_or(source.len(), |e| i + e);
                out.push(source[i..end].trim_end().to_string());
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// Formats `source` and asserts what every formatted file must satisfy: the
/// result is a fixed point, compiles to the same model and keeps every
/// comment in order. Returns the formatted text.
pub fn assert_format_laws(source: &str) -> String {
    let once = planc::fmt::format(source)
        .unwrap_or_else(|e| panic!("refused: {e:?}\n--- source ---\n{source}"));
    let twice = planc::fmt::format(&once)
        .unwrap_or_else(|e| panic!("formatted text refused: {e:?}\n--- formatted ---\n{once}"));
    assert_eq!(
        twice, once,
        "not idempotent\n--- source ---\n{source}\n--- once ---\n{once}"
    );
    assert_eq!(
        model_without_spans(&once),
        model_without_spans(source),
        "the model changed\n--- source ---\n{source}\n--- formatted ---\n{once}"
    );
    assert_eq!(
        comments(&once),
        comments(source),
        "comments changed\n--- source ---\n{source}\n--- formatted ---\n{once}"
    );
    once
}

/// The bundled plans, `(file name, text)`, sorted.
pub fn bundled_plans() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut plans: Vec<_> = fs::read_dir(dir)
        .expect("plans/")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "plan"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read_to_string(e.path()).expect("a bundled plan"),
            )
        })
        .collect();
    plans.sort();
    assert!(plans.len() >= 4, "the bundled plans are missing");
    plans
}

pub fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fmt")
        .join(name);
    fs::read_to_string(path).expect("a fmt fixture")
}
