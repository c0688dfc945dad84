//! Editor features, whatever the text and wherever the cursor (plan fragments
//! glued together at random, with stray characters), answer with spans inside
//! the text that name what is under the cursor, and never panic.

use proptest::prelude::*;

use super::*;
use crate::ide::{completion, fixes, highlight, hover, rename, symbols};
use crate::lsp::position::LineIndex;

const FRAGMENTS: &[&str] = &[
    "plan \"预案\" { commander r }\n",
    "role r \"组长\" { holder \"张三\"; escalates to s within 10m }\n",
    "external s \"上级\"\n",
    "fact f \"人数\": count\n",
    "fact g \"行为\": one_of { a \"甲\", b \"乙\" }\n",
    "level I \"重大\"\n",
    "trigger t \"集体上访\" when f >= 5 and not (g in { a, b } or t) level I\n",
    "step x \"上报\" { owner r; on t; after x; with s; notify r, s; within 5m }\n",
    "drill d \"演练\" { owner r; every 1y }\n",
    "section \"一、\" {\n",
    "}\n",
    "{",
    "(",
    ",",
    "，",
    "“",
    "\"",
    "\\",
    "#注释\n",
    "owner ",
    "with ",
    "in { ",
    "escalates ",
    "𠮷",
    "\r\n",
    "\r",
    " ",
    "x-1",
    "Ⅱ",
];

fn source() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
            1 => any::<char>().prop_map(|c| c.to_string()),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

/// Whether `span` lies inside `source`, on character boundaries.
fn inside(source: &str, span: Span) -> bool {
    span.start() <= span.end()
        && span.end() <= source.len()
        && source.is_char_boundary(span.start())
        && source.is_char_boundary(span.end())
}

/// Whether `spans` are in source order and do not overlap.
fn ordered(spans: impl IntoIterator<Item = Span>) -> bool {
    let mut end = 0;
    spans.into_iter().all(|s| {
        let ok = s.start() >= end;
        end = s.end();
        ok
    })
}

/// Every symbol of the outline lies inside its parent, its selection inside itself.
fn outline_nests(source: &str, symbols: &[symbols::OutlineSymbol], parent: Span) -> bool {
    symbols.iter().all(|s| {
        inside(source, s.span)
            && parent.start() <= s.span.start()
            && s.span.end() <= parent.end()
            && s.span.start() <= s.selection.start()
            && s.selection.end() <= s.span.end()
            && outline_nests(source, &s.children, s.span)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// At every cursor: what a feature points at lies inside the text and is
    /// the name under the cursor; a rename there and back gives the text again.
    #[test]
    fn every_feature_at_every_cursor(source in source()) {
        let a = Analysis::new(&source);
        let diagnostics = a.diagnostics(&Config::default());
        let index = LineIndex::new(&source);
        let mut renamed_back: Vec<String> = Vec::new();
        for offset in (0..=source.len()).filter(|&o| source.is_char_boundary(o)) {
            let name = a.key_at(offset).map(|k| k.text().to_string());
            if let Some(def) = a.definition(offset) {
                prop_assert!(inside(&source, def), "definition {def:?}");
                prop_assert_eq!(Some(&source[def.range()]), name.as_deref());
            }
            let references = a.references(offset, true);
            for r in &references {
                prop_assert!(inside(&source, *r), "reference {r:?}");
                prop_assert_eq!(Some(&source[r.range()]), name.as_deref());
            }
            prop_assert!(ordered(references.iter().copied()), "{references:?}");
            if let Some(h) = hover::hover(&a, offset) {
                prop_assert!(inside(&source, h.span) && !h.markdown.is_empty(), "{h:?}");
            }
            for c in completion::complete(&a, offset) {
                prop_assert!(c.replace.end() == offset && source.is_char_boundary(c.replace.start()));
            }
            if let Ok((span, old)) = rename::prepare(&a, offset) {
                prop_assert!(inside(&source, span));
                prop_assert_eq!(&source[span.range()], old.as_str());
                let edits = rename::rename(&a, offset, "新名").unwrap();
                prop_assert!(edits.iter().any(|(s, _)| *s == span), "{edits:?}");
                prop_assert!(ordered(edits.iter().map(|(s, _)| *s)), "{edits:?}");
                for (s, _) in &edits {
                    prop_assert_eq!(&source[s.range()], old.as_str());
                }
                if !renamed_back.contains(&old) {
                    renamed_back.push(old.clone());
                    let renamed = edits::apply(&source, &edits);
                    let b = Analysis::new(&renamed);
                    let back = rename::rename(&b, edits[0].0.start(), &old).unwrap();
                    prop_assert_eq!(edits::apply(&renamed, &back), source.clone());
                }
            }
            let position = index.position(&source, offset);
            let inside_crlf = source[..offset].ends_with('\r') && source[offset..].starts_with('\n');
            if !inside_crlf {
                prop_assert_eq!(index.offset(&source, position), offset);
            }
            for fix in fixes::fixes(&a, &diagnostics, Span::new(offset, offset)) {
                prop_assert!(fix.edits.iter().all(|(s, _)| inside(&source, *s)), "{fix:?}");
                prop_assert!(ordered(fix.edits.iter().map(|(s, _)| *s)), "{fix:?}");
            }
        }
        let highlights = highlight::highlights(&a);
        prop_assert!(highlights.iter().all(|h| inside(&source, h.span)), "{highlights:?}");
        prop_assert!(ordered(highlights.iter().map(|h| h.span)), "{highlights:?}");
        let outline = &a.outline;
        prop_assert!(outline_nests(&source, outline, Span::new(0, source.len())), "{outline:?}");
    }
}
