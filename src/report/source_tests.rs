//! The excerpt miette is shown, drawn as `planc check` draws it.

use miette::LabeledSpan;

use super::*;
use crate::report::human::{HumanOptions, Shown};

/// The drawing of one problem with a label on each span, without colour.
fn draw(name: &str, text: &str, spans: &[(usize, usize)]) -> String {
    let source = PlanSource::new(name, text);
    let labels = spans
        .iter()
        .enumerate()
        .map(|(i, &(start, end))| {
            let message = Some(format!("label {i}"));
            let span = SourceSpan::new(start.into(), end - start);
            if i == 0 {
                LabeledSpan::new_primary_with_span(message, span)
            } else {
                LabeledSpan::new_with_span(message, span)
            }
        })
        .collect();
    let shown = Shown {
        code: "test",
        severity: None,
        message: "a problem",
        help: None,
        labels,
        source: &source,
    };
    let mut out = String::new();
    let options = HumanOptions {
        color: false,
        width: 80,
        lang: crate::lang::Lang::En,
        not_read: 0,
    };
    shown.draw(&options.handler(), &mut out);
    out
}

#[test]
fn a_lone_cr_ends_a_line_in_the_header_and_the_snippet() {
    let text = "plan \"x\" { commander a }\nrole a \"甲\" { holder \"张三\" }\nstep s \"s\" { owner a\r\r; on t }\n";
    let t = text.find("t }").unwrap();
    let drawn = draw("cr.plan", text, &[(t, t + 1)]);
    assert!(drawn.contains("[cr.plan:5:6]"), "{drawn}");
    assert!(drawn.contains(" 5 │ ; on t }"), "{drawn}");
    assert!(drawn.contains(" 4 │ \n"), "{drawn}");
    assert!(!drawn.contains('\r'), "{drawn:?}");
}

#[test]
fn control_and_bidi_characters_are_shown_escaped() {
    let text = "role a \"\u{1b}[2J\u{1b}]0;owned\u{7}\u{9b}31m\u{202e}cba\" { x }\n";
    let x = text.find('x').unwrap();
    let drawn = draw("a\n::error file=x::b\u{1b}.plan", text, &[(x, x + 1)]);
    for hazard in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(!drawn.contains(hazard), "{hazard:?} in {drawn}");
    }
    assert!(
        drawn.contains("role a \"␛[2J␛]0;owned␇\\u{9b}31m\\u{202e}cba\" { x }"),
        "{drawn}"
    );
    assert!(drawn.contains("[a␊::error file=x::b␛.plan:1:"), "{drawn}");
    assert!(!drawn.lines().any(|l| l.starts_with("::")), "{drawn}");
    // The label still points at `x`.
    let source_line = drawn.lines().find(|l| l.contains("role a")).unwrap();
    let marker_line = drawn.lines().find(|l| l.contains('┬')).unwrap();
    let column = |line: &str, c: char| line.chars().position(|d| d == c).unwrap();
    assert_eq!(column(source_line, 'x'), column(marker_line, '┬'));
}

#[test]
fn a_label_past_column_65535_is_drawn_on_a_cut_line() {
    let text = format!("plan \"P\" {{{}@ }}\n", " ".repeat(65_536));
    let at = text.find('@').unwrap();
    let drawn = draw("wide.plan", &text, &[(at, at + 1)]);
    assert!(drawn.contains("[wide.plan:1:65547]"), "{drawn}");
    let source_line = drawn.lines().find(|l| l.contains('@')).unwrap();
    assert!(
        source_line.starts_with(" 1 │ plan \"P\" {"),
        "{source_line}"
    );
    assert!(source_line.contains('…'), "{source_line}");
    assert!(source_line.chars().count() < 300, "{source_line}");
    // Many labels on one long line, and one across it.
    let spans: Vec<(usize, usize)> = (0..2_000).map(|i| (10 + i * 30, 11 + i * 30)).collect();
    let drawn = draw("wide.plan", &text, &spans);
    assert!(drawn.lines().all(|l| l.chars().count() < 40_000));
    draw("wide.plan", &text, &[(0, at + 1), (at, at + 1)]);
}

#[test]
fn labels_far_apart_get_snippets_of_their_own() {
    let text: String = (1..=40).map(|i| format!("line {i}\n")).collect();
    let second = text.find("line 2\n").unwrap();
    let thirtieth = text.find("line 30\n").unwrap();
    let drawn = draw(
        "f",
        &text,
        &[(second, second + 4), (thirtieth, thirtieth + 4)],
    );
    assert!(drawn.contains("[f:2:1]"), "{drawn}");
    assert!(drawn.contains(" 1 │ line 1"), "{drawn}");
    assert!(drawn.contains(" 3 │ line 3"), "{drawn}");
    assert!(!drawn.contains("line 4\n"), "{drawn}");
    assert!(drawn.contains("29 │ line 29"), "{drawn}");
    assert!(drawn.contains("31 │ line 31"), "{drawn}");
}

#[test]
fn columns_count_characters_and_spans_end_before_their_line_break() {
    let text = "第一行\r\nab 组长 cd\r\n";
    let zu = text.find("组长").unwrap();
    let drawn = draw("f", text, &[(zu, zu + 6)]);
    assert!(drawn.contains("[f:2:4]"), "{drawn}");
    // A label ending with its line's break stays on its line.
    let line = text.find("ab").unwrap();
    let drawn = draw("f", text, &[(line, text.len())]);
    assert!(drawn.contains("[f:2:1]"), "{drawn}");
    assert!(!drawn.contains("─▶"), "a one-line label: {drawn}");
}

mod drawn_without_panics {
    use proptest::prelude::*;

    use super::draw;

    /// Text from pieces that are hard to draw: line ends of every kind,
    /// tabs, wide, astral, control and bidi characters, and long runs.
    fn text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("a".to_string()),
            Just("组".to_string()),
            Just("𝄞".to_string()),
            Just("\n".to_string()),
            Just("\r".to_string()),
            Just("\r\n".to_string()),
            Just("\t".to_string()),
            Just("\u{1b}[2J".to_string()),
            Just("\u{9b}".to_string()),
            Just("\u{202e}".to_string()),
            Just(" ".repeat(1500)),
            Just("组".repeat(700)),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        #[test]
        fn any_labels_on_any_text(text in text(), spans in proptest::collection::vec((0.0f64..=1.0, 0.0f64..=1.0), 1..6)) {
            let len = text.len();
            let spans: Vec<(usize, usize)> = spans
                .iter()
                .map(|&(a, b)| {
                    let (a, b) = ((a * len as f64) as usize, (b * len as f64) as usize);
                    (a.min(b), a.max(b))
                })
                .collect();
            let drawn = draw("f", &text, &spans);
            prop_assert!(drawn.contains("a problem"));
            for hazard in ['\u{1b}', '\u{9b}', '\u{202e}', '\r'] {
                prop_assert!(!drawn.contains(hazard));
            }
        }
    }
}
