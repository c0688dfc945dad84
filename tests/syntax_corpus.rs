//! Syntax errors stay put, and the fast rules read what the reference rules
//! read: a plan that uses every piece of syntax, mutated in hundreds of seeded
//! ways (a character or a token deleted, inserted or doubled); for each mutant
//! `parse` (fast rules, falling back to the reference rules) must give exactly
//! the tree and diagnostics of `parse_reference` (reference rules only), and
//! the diagnostics of all of them are kept in one snapshot. Guards the wording
//! and positions of syntax errors against changes made for speed.
//!
//! `PLANC_CORPUS_DUMP=FILE` also writes the full syntax tree of every mutant,
//! to compare two versions of the parser by `diff`; `PLANC_CORPUS_N` sets the
//! number of mutants (default 300).

use std::fmt::Write as _;

use planc::lang::Lang;
use planc::span::LineIndex;

const BASE: &str = include_str!("fixtures/syntax-corpus/base.plan");
/// The statements of language version 1 (multi-line strings, decimals,
/// `wd`, anchored and per-level deadlines, `every` on steps, `last`, the
/// header's document data, `element`, level blocks).
const V1: &str = include_str!("fixtures/syntax-corpus/v1.plan");
/// Comments wherever white space may stand (the fast rules keep them as pairs).
const COMMENTS: &str = include_str!("fixtures/syntax-corpus/comments.plan");

/// Inserted text: structure, look-alikes, keywords and values.
const INSERTS: &[&str] = &[
    "{",
    "}",
    "\"",
    ",",
    ";",
    "(",
    ")",
    "#",
    "\n",
    " ",
    "x",
    "，",
    "：",
    "“",
    "1",
    "\\",
    "-",
    ":",
    "role",
    "step",
    "owner",
    "within",
    "when",
    "and",
    "not",
    "in",
    "level",
    "section",
    "to",
    "10m",
    "1h1h",
    "2024-13-01",
    "99999999999999999999",
    ">=",
    "=",
    "_",
    "组长",
    "\u{3000}",
    "one_of",
];

/// Inserted text for the version 1 corpus: its lexemes and contextual
/// keywords on top of the structure and look-alikes.
const V1_INSERTS: &[&str] = &[
    "{",
    "}",
    "\"",
    "\"\"\"",
    "\n",
    ",",
    ";",
    " ",
    "x",
    "，",
    "：",
    "0.5",
    "1.",
    ".5",
    "12.75.1",
    "20wd",
    "99999999wd",
    "1wd30m",
    "from",
    "for",
    "every",
    "last",
    "kind",
    "element",
    "until",
    "approver",
    "revision",
    "2024-02-30",
    "within",
    "on",
    "I",
    "level",
];

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn boundary(text: &str, rng: &mut Rng) -> usize {
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The `n`th mutant of `base` and a short description of the mutation.
fn mutant(base: &str, n: usize, rng: &mut Rng) -> (String, String) {
    mutant_with(base, INSERTS, n, rng)
}

/// The `n`th mutant of `base`, inserting from `inserts`.
fn mutant_with(base: &str, inserts: &[&str], n: usize, rng: &mut Rng) -> (String, String) {
    let mut text = base.to_string();
    let at = boundary(&text, rng);
    let what = match n % 4 {
        0 => {
            let end = (at + 1..=text.len())
                .find(|&e| text.is_char_boundary(e))
                .unwrap_or(at);
            let gone = text[at..end].to_string();
            text.replace_range(at..end, "");
            format!("delete {gone:?}")
        }
        1 | 2 => {
            let insert = inserts[rng.below(inserts.len())];
            text.insert_str(at, insert);
            format!("insert {insert:?}")
        }
        _ => {
            // delete or double the rest of a word
            let end = text[at..]
                .find(|c: char| c.is_whitespace() || "{}\",;()".contains(c))
                .map_or(text.len(), |e| at + e.max(1).min(text.len() - at));
            let word = text[at..end].to_string();
            if rng.below(2) == 0 {
                text.replace_range(at..end, "");
                format!("delete {word:?}")
            } else {
                text.insert_str(end, &word);
                format!("double {word:?}")
            }
        }
    };
    let index = LineIndex::new(base);
    let (line, col) = index.line_col(base, at);
    (text, format!("{what} at {line}:{col}"))
}

#[test]
fn syntax_errors_of_mutated_plans() {
    if let Some(report) = corpus(BASE, INSERTS, 2026) {
        insta::assert_snapshot!(report);
    }
}

#[test]
fn syntax_errors_of_mutated_v1_plans() {
    assert!(
        planc::syntax::parse(V1).diagnostics.is_empty(),
        "the v1 corpus base parses"
    );
    if let Some(report) = corpus(V1, V1_INSERTS, 2027) {
        insta::assert_snapshot!(report);
    }
}

/// Mutants of `base`: each must read the same with the fast rules and the
/// reference rules. Their diagnostics, one line per mutant, when the count is
/// the default 300 (the snapshot's).
fn corpus(base: &str, inserts: &[&str], seed: u64) -> Option<String> {
    let count: usize = std::env::var("PLANC_CORPUS_N")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let dump_path = std::env::var_os("PLANC_CORPUS_DUMP");
    let mut dump = String::new();
    let mut report = String::new();
    let mut rng = Rng(seed);
    let mut differ = Vec::new();
    for n in 0..count {
        let (text, what) = mutant_with(base, inserts, n, &mut rng);
        let parsed = planc::syntax::parse(&text);
        let reference = planc::syntax::parse_reference(&text);
        let (fast, slow) = (format!("{parsed:#?}"), format!("{reference:#?}"));
        if fast != slow {
            differ.push(format!("{n:03} {what}"));
            if differ.len() == 1 {
                eprintln!("{n:03} {what}:\n{}", first_difference(&fast, &slow));
            }
        }
        let index = LineIndex::new(&text);
        let _ = write!(report, "{n:03} {what}:");
        if parsed.diagnostics.is_empty() {
            let _ = writeln!(report, " ok, {} items", parsed.file.items.len());
        }
        for d in &parsed.diagnostics {
            let (line, col) = index.line_col(&text, d.primary.span.start());
            let _ = writeln!(
                report,
                " {line}:{col}+{} {} | {} | {}",
                d.primary.span.len(),
                d.message.text(Lang::En),
                d.primary.message.text(Lang::En),
                d.help.as_ref().map_or("-".into(), |h| h.text(Lang::En))
            );
        }
        if dump_path.is_some() {
            let _ = writeln!(dump, "{n} {what}\n{parsed:#?}");
        }
    }
    if let Some(path) = dump_path {
        std::fs::write(path, dump).expect("dump file");
    }
    assert!(
        differ.is_empty(),
        "the fast rules and the reference rules read these mutants differently: {differ:?}"
    );
    (count == 300).then_some(report)
}

/// The lines around the first line where two texts differ.
fn first_difference(a: &str, b: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let at = a
        .iter()
        .zip(&b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let from = at.saturating_sub(8);
    format!(
        "fast:\n{}\nreference:\n{}",
        a[from..(at + 4).min(a.len())].join("\n"),
        b[from..(at + 4).min(b.len())].join("\n")
    )
}

#[test]
fn mutants_with_comments_everywhere_read_the_same_both_ways() {
    let count: usize = std::env::var("PLANC_CORPUS_N")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let mut rng = Rng(7);
    let mut differ = Vec::new();
    let mut clean = 0;
    for n in 0..count {
        let (text, what) = if n == 0 {
            (COMMENTS.to_string(), "unchanged".to_string())
        } else {
            mutant(COMMENTS, n, &mut rng)
        };
        let parsed = planc::syntax::parse(&text);
        clean += usize::from(parsed.diagnostics.is_empty());
        let (fast, slow) = (
            format!("{parsed:#?}"),
            format!("{:#?}", planc::syntax::parse_reference(&text)),
        );
        if fast != slow {
            if differ.is_empty() {
                eprintln!("{n:03} {what}:\n{}", first_difference(&fast, &slow));
            }
            differ.push(format!("{n:03} {what}"));
        }
        if n == 0 {
            assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
            assert_eq!(planc::syntax::parse_counting(&text).1, 0, "fell back");
        }
    }
    assert!(differ.is_empty(), "read differently: {differ:?}");
    // Most mutants still parse, so the fast rules are what is compared.
    assert!(clean > count / 3, "{clean} of {count} parse");
}

/// Layouts where the fast rules and the reference rules part ways (a keyword
/// against the next token, a keyword as a name, comments), each of which the
/// reference rules must decide.
#[test]
fn edge_layouts_read_the_same_both_ways() {
    let cases = [
        "trigger t \"x\" when a in{ b } or(c)",
        "trigger t \"x\" when a in { b }or (c) and(d)",
        "trigger t \"x\" when not(a)and not b level I",
        "trigger t \"x\" when(a)",
        "trigger t \"x\" when a level\"I\"",
        "trigger t \"x\" when a and level I",
        "trigger t \"x\" when a or step",
        "text\"x\"\nrole r \"x\"",
        "step s \"x\" { text\"y\" }",
        "step s \"x\" { owner o;text\"y\";within 1h }",
        "role r \"x\" { escalates to r within10m }",
        "role r \"x\" { escalates to\"r\" }",
        "role r \"x\" { escalates to r within(10m) }",
        "role r \"x\" { escalates#c\nto#c\nr#c\nwithin#c\n10m }",
        "step s \"x\" { on a, step }",
        "step step \"x\"",
        "stepx \"y\"",
        "step s\"x\"{owner o}",
        "role r \"x\"{members a,b ,c}",
        "plan\"p\"{issuer\"i\"}",
        "section\"s\"{text\"t\"}",
        "section \"s\" { text\"t\" }",
        "fact f \"x\":one_of{a\"a\",b\"b\"}",
        "fact f \"x\": one_of { a \"a\" , }",
        "step s \"x\" { within 1h1h }",
        "step s \"x\" { within 10 }",
        "step s \"x\" { owner o }\nstep t \"\\q\" { owner o }",
        "level I \"x\" level II \"y\"",
        "drill d \"x\" { every 1y } routine r \"y\"",
    ];
    for case in cases {
        let fast = format!("{:#?}", planc::syntax::parse(case));
        let slow = format!("{:#?}", planc::syntax::parse_reference(case));
        assert!(fast == slow, "{case}:\n{}", first_difference(&fast, &slow));
    }
}

#[path = "../benches/support/synth/mod.rs"]
#[allow(dead_code)]
mod synth;

#[test]
fn bundled_and_synthetic_plans_read_the_same_both_ways() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/plans");
    let mut texts: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("plans folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "plan"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).expect("plan"),
            )
        })
        .collect();
    let synthetic = synth::generate(30, 3, synth::Forms::PLANC);
    texts.push(("synthetic".into(), synthetic.planc));
    for (name, text) in texts {
        let (parsed, fallbacks) = planc::syntax::parse_counting(&text);
        assert_eq!(fallbacks, 0, "{name}: the fast rules fell back");
        let fast = format!("{parsed:#?}");
        let slow = format!("{:#?}", planc::syntax::parse_reference(&text));
        assert!(fast == slow, "{name}:\n{}", first_difference(&fast, &slow));
    }
}

/// The line starts of `text` after the first line.
fn line_starts(text: &str) -> Vec<usize> {
    text.match_indices('\n').map(|(i, _)| i + 1).collect()
}

/// A large file is read in parts at once (`syntax::parse_cut`): wherever it
/// is cut — between items, inside a section, a string, a comment, a broken
/// item — the tree, the diagnostics and the fallbacks are those of reading
/// it in one go. Every line start of each text is tried as a cut, then two
/// cuts at once.
#[test]
fn cutting_a_file_anywhere_reads_it_the_same() {
    let mut rng = Rng(11);
    let mut texts: Vec<(String, String)> = Vec::new();
    for (base, name) in [(BASE, "base"), (V1, "v1"), (COMMENTS, "comments")] {
        texts.push((base.to_string(), format!("{name} unchanged")));
        for n in 1..=12 {
            let (text, what) = mutant(base, n, &mut rng);
            texts.push((text, format!("{name} {n:03} {what}")));
        }
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/plans");
    for entry in std::fs::read_dir(dir).expect("plans folder").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "plan") {
            let text = std::fs::read_to_string(&path).expect("plan");
            texts.push((text, path.display().to_string()));
        }
    }
    // Sections past the fast reader's limit, a `plan` header and a stray
    // `}` or `element` in and out of sections, a section left open.
    let deep = planc::syntax::MAX_SECTION_DEPTH + 3;
    let nested = |depth: usize| {
        format!(
            "{}step s \"S\" {{ owner a }}\n{}",
            "section \"s\" {\nrole a \"A\"\n".repeat(depth),
            "}\n".repeat(depth)
        )
    };
    texts.push((nested(deep), "deep sections".into()));
    texts.push((
        nested(planc::syntax::MAX_SECTION_DEPTH - 1),
        "sections at the limit".into(),
    ));
    texts.push((
        "section \"a\" {\nplan \"p\" { commander a }\nelement scope\n}\nplan \"q\"\n}\nelement scope\nrole a \"A\"\nsection \"b\" {\nrole b \"B\"\n".into(),
        "stray and open".into(),
    ));
    let mut compared = 0;
    for (text, what) in &texts {
        let (whole, fallbacks, parts) = planc::syntax::parse_cut(text, &[]);
        assert_eq!(parts, 1);
        let whole = format!("{whole:?}");
        let starts = line_starts(text);
        let pairs = starts
            .iter()
            .zip(starts.iter().skip(3))
            .step_by(5)
            .map(|(&a, &b)| vec![a, b]);
        for cuts in starts.iter().map(|&c| vec![c]).chain(pairs) {
            let (cut, cut_fallbacks, _) = planc::syntax::parse_cut(text, &cuts);
            let cut = format!("{cut:?}");
            assert!(
                cut == whole && cut_fallbacks == fallbacks,
                "{what}, cut at {cuts:?}:\n{}",
                first_difference(&cut, &whole)
            );
            compared += 1;
        }
    }
    assert!(compared > 2_000, "{compared}");
}

/// Cut where an item begins, at top level or in a section, or where a
/// section ends, a clean plan is read in two parts (one thread each); cut
/// inside an item or a multi-line string, in one.
#[test]
fn a_cut_at_an_item_is_used_and_one_inside_an_item_is_not() {
    let text = "plan \"p\" { commander a }\nrole a \"A\" { holder \"h\" }\n\n# c\nstep s \"S\" {\n  owner a\n}\nsection \"x\" {\nstep t \"T\" { owner a }\n}\ntext \"\"\"\nstep u \"U\" { owner a }\n\"\"\"\nrole b \"B\" { holder \"h\" }\n";
    let at = |needle: &str| text.find(needle).expect(needle);
    for (cut, parts) in [
        (at("role a"), 2),
        (at("\n# c") + 1, 2),
        (at("step s"), 2),
        (at("  owner a"), 1),
        (at("section"), 2),
        (at("step t"), 2),
        (at("}\ntext"), 2),
        (at("step u"), 1),
        (at("role b"), 2),
    ] {
        let (parsed, _, used) = planc::syntax::parse_cut(text, &[cut]);
        assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
        assert_eq!(used, parts, "cut at {:?}", &text[cut..]);
    }
}
