//! The canonical layout, case by case (docs/formatting.md).

use crate::support::{assert_format_laws, fixture};

fn fmt(source: &str) -> String {
    assert_format_laws(source)
}

#[test]
fn messy_plan_snapshot() {
    let formatted = fmt(&fixture("messy.plan"));
    insta::assert_snapshot!("messy", formatted);
}

#[test]
fn bundled_plans_are_fmt_clean() {
    for (name, source) in crate::support::bundled_plans() {
        let formatted = fmt(&source);
        if formatted != source {
            let diff = similar::TextDiff::from_lines(&source, &formatted);
            panic!(
                "plans/{name} is not fmt-clean (run `planc fmt plans`):\n{}",
                diff.unified_diff().context_radius(1)
            );
        }
    }
}

#[test]
fn statements_one_a_line_braces_on_the_item_line() {
    assert_eq!(
        fmt("routine screening \"排查\" { owner office; with a,b ;every 1mo }"),
        "routine screening \"排查\" {\n  owner office\n  with a, b\n  every 1mo\n}\n"
    );
    assert_eq!(
        fmt("role a \"A\"\n{\n\n  holder \"h\"\n\n\n  duty \"d\"\n\n}"),
        "role a \"A\" {\n  holder \"h\"\n\n  duty \"d\"\n}\n"
    );
}

#[test]
fn empty_blocks_are_dropped_but_sections_keep_theirs() {
    assert_eq!(fmt("external p \"P\" { ; }"), "external p \"P\"\n");
    assert_eq!(fmt("section \"s\" {  }"), "section \"s\" {}\n");
    assert_eq!(
        fmt("external p \"P\" { # none yet\n}"),
        "external p \"P\" {  # none yet\n}\n"
    );
}

#[test]
fn blank_lines_between_items_kept_up_to_one_and_around_blocks() {
    assert_eq!(
        fmt("level I \"a\"\nlevel II \"b\"\n\n\n\nlevel III \"c\""),
        "level I \"a\"\nlevel II \"b\"\n\nlevel III \"c\"\n"
    );
    assert_eq!(
        fmt("level I \"a\"\nrole r \"R\" { holder \"h\" }\nlevel II \"b\""),
        "level I \"a\"\n\nrole r \"R\" {\n  holder \"h\"\n}\n\nlevel II \"b\"\n"
    );
    // a comment just above an item stays with it
    assert_eq!(
        fmt("level I \"a\"\n# about r\nrole r \"R\" { holder \"h\" }"),
        "level I \"a\"\n\n# about r\nrole r \"R\" {\n  holder \"h\"\n}\n"
    );
}

#[test]
fn trailing_and_own_line_comments_stay_where_they_were() {
    let source = "\
# header
role r \"R\" {  # on the brace
  # before holder
  holder \"h\"  # after holder
  # at the end
}  # after the block

# the end
";
    assert_eq!(fmt(source), source);
}

#[test]
fn comments_inside_a_statement_break_the_line() {
    assert_eq!(
        fmt("step s \"S\" { owner o; with a, # first\n b, c }"),
        "step s \"S\" {\n  owner o\n  with a,  # first\n    b, c\n}\n"
    );
    assert_eq!(
        fmt("trigger t \"T\" when a\n# why b\nor b level I"),
        "trigger t \"T\" when a\n  # why b\n  or b level I\n"
    );
}

#[test]
fn conditions_keep_their_parentheses_and_take_single_spaces() {
    assert_eq!(
        fmt("trigger t \"T\" when not(a)and( b or(c>=5) )or d in{x,y}"),
        "trigger t \"T\" when not (a) and (b or (c >= 5)) or d in { x, y }\n"
    );
}

#[test]
fn a_trigger_level_is_told_from_a_level_declaration() {
    assert_eq!(
        fmt("trigger t \"T\" when a level I\nlevel II \"b\""),
        "trigger t \"T\" when a level I\nlevel II \"b\"\n"
    );
    assert_eq!(
        fmt("trigger t \"T\" when a\nlevel I \"a\""),
        "trigger t \"T\" when a\nlevel I \"a\"\n"
    );
}

#[test]
fn strings_numbers_and_durations_as_written() {
    let source = "plan \"a\\\"b\\u{4E2D}\\n\\\\\" {\n  date 2015-09-11\n}\n\nstep s \"\"\"\n  多行\n    文本\n  \"\"\" {\n  within 1h30m\n}\n";
    assert_eq!(fmt(source), source);
    assert_eq!(
        fmt("trigger t \"T\" when v >= 0050"),
        "trigger t \"T\" when v >= 0050\n"
    );
}

#[test]
fn one_of_on_one_line_when_it_fits() {
    assert_eq!(
        fmt("fact f \"F\": one_of {\n a \"A\",\n b \"B\" }"),
        "fact f \"F\": one_of { a \"A\", b \"B\" }\n"
    );
    let long = "fact f \"很长的事实标签很长的事实标签\": one_of { a \"很长的变体标签很长的变体标签\", b \"很长的变体标签很长的变体标签\" }";
    assert_eq!(
        fmt(long),
        "fact f \"很长的事实标签很长的事实标签\": one_of {\n  a \"很长的变体标签很长的变体标签\",\n  b \"很长的变体标签很长的变体标签\"\n}\n"
    );
}

#[test]
fn files_without_items() {
    assert_eq!(fmt(""), "");
    assert_eq!(fmt("\n\n  \n"), "");
    assert_eq!(
        fmt("\n# only\n\n\n# comments   \n"),
        "# only\n\n# comments\n"
    );
}

#[test]
fn bom_and_crlf_are_kept() {
    assert_eq!(
        fmt("\u{FEFF}plan \"x\" { issuer \"y\" }\r\n"),
        "\u{FEFF}plan \"x\" {\r\n  issuer \"y\"\r\n}\r\n"
    );
}

#[test]
fn nested_sections_indent_by_two() {
    assert_eq!(
        fmt("section \"a\" { section \"b\" { text \"t\" } }"),
        "section \"a\" {\n  section \"b\" {\n    text \"t\"\n  }\n}\n"
    );
}

#[test]
fn a_file_that_does_not_parse_is_refused_with_its_syntax_error() {
    let errors = planc::fmt::format("role r \"R\" { holder }").unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code, planc::diagnostic::Code::SyntaxError);
    let message = errors[0].message.text(planc::lang::Lang::En);
    assert!(message.contains("expected a string"), "{message}");
}
