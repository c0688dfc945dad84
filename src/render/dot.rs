//! Graphviz DOT. Node ids are generated (`n0`, `n1`…); every piece of user
//! text is inside a double-quoted string, escaped by `quote`.

use std::fmt::Write;

use super::graph::{EdgeKind, NodeKind, Picture, one_line};

const FONT: &str = "Noto Sans CJK SC,WenQuanYi Micro Hei,sans-serif";

/// A DOT string literal: `"` and `\` are escaped (a backslash would
/// otherwise start an escape such as `\N` in a label); control characters
/// become spaces. `lines` are joined with DOT's centred line break `\n`.
pub fn quote(lines: &[String]) -> String {
    let mut out = String::from("\"");
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("\\n");
        }
        for c in one_line(line).chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c => out.push(c),
            }
        }
    }
    out.push('"');
    out
}

/// The picture as a DOT digraph. `name` is a fixed identifier (`escalation`, `steps`).
pub fn render(picture: &Picture, name: &str) -> String {
    let mut out = String::new();
    let rankdir = if name == "escalation" { "BT" } else { "TB" };
    let _ = writeln!(out, "digraph {name} {{");
    let _ = writeln!(
        out,
        "  graph [label={}, labelloc=t, rankdir={rankdir}, fontname=\"{FONT}\"];",
        quote(std::slice::from_ref(&picture.title))
    );
    let _ = writeln!(
        out,
        "  node [fontname=\"{FONT}\", shape=box, style=rounded];"
    );
    let _ = writeln!(out, "  edge [fontname=\"{FONT}\", fontsize=10];");
    for (i, node) in picture.nodes.iter().enumerate() {
        let style = match (node.kind, node.commander) {
            (NodeKind::Role, true) => {
                ", style=\"rounded,bold,filled\", fillcolor=\"#fde8e8\", color=\"#aa0000\", penwidth=2, peripheries=2"
            }
            (NodeKind::Role, false) => "",
            (NodeKind::External, _) => ", shape=ellipse, style=dashed",
            (NodeKind::Trigger, _) => ", shape=hexagon, style=filled, fillcolor=\"#fff3cd\"",
            (NodeKind::Step, _) => "",
        };
        let _ = writeln!(out, "  n{i} [label={}{style}];", quote(&node.lines));
    }
    for edge in &picture.edges {
        let mut attrs = Vec::new();
        if let Some(label) = &edge.label {
            attrs.push(format!("label={}", quote(std::slice::from_ref(label))));
        }
        match edge.kind {
            EdgeKind::Escalation | EdgeKind::On => {}
            EdgeKind::After => attrs.push("color=\"#555555\"".to_string()),
            EdgeKind::Condition => attrs.push("style=dashed".to_string()),
        }
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!(" [{}]", attrs.join(", "))
        };
        let _ = writeln!(out, "  n{} -> n{}{attrs};", edge.from, edge.to);
    }
    out.push_str("}\n");
    out
}
