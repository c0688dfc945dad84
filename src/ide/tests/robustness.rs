//! Editor features never panic, whatever the text and wherever the cursor:
//! plan fragments glued together at random, with stray characters.

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

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_feature_at_every_cursor(source in source()) {
        let a = Analysis::new(&source);
        let diagnostics = a.diagnostics(&Config::default());
        let index = LineIndex::new(&source);
        for offset in (0..=source.len()).filter(|&o| source.is_char_boundary(o)) {
            let _ = a.definition(offset);
            let _ = a.references(offset, true);
            let _ = hover::hover(&a, offset);
            for c in completion::complete(&a, offset) {
                prop_assert!(c.replace.end == offset && source.is_char_boundary(c.replace.start));
            }
            if let Ok((span, _)) = rename::prepare(&a, offset) {
                let edits = rename::rename(&a, offset, "新名").unwrap();
                prop_assert!(edits.iter().any(|(s, _)| *s == span) || edits.is_empty());
            }
            let position = index.position(&source, offset);
            let inside_crlf = source[..offset].ends_with('\r') && source[offset..].starts_with('\n');
            if !inside_crlf {
                prop_assert_eq!(index.offset(&source, position), offset);
            }
            let _ = fixes::fixes(&a, &diagnostics, Span::new(offset, offset));
        }
        let _ = highlight::highlights(&a);
        let _ = symbols::outline(&a.file);
    }
}
