//! Mermaid flowcharts. Node ids are generated (`n0`, `n1`…: words such as
//! `end` and `call` are Mermaid keywords); user text stands only inside
//! double-quoted labels, with the characters Mermaid would read as syntax
//! written as its entity codes (`#quot;`, `#35;`…).

use std::fmt::Write;

use super::graph::{EdgeKind, NodeKind, Picture, one_line};

/// A quoted Mermaid label; `lines` are joined with `<br/>`.
pub fn quote(lines: &[String]) -> String {
    let mut out = String::from("\"");
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("<br/>");
        }
        for c in one_line(line).chars() {
            match c {
                '"' => out.push_str("#quot;"),
                '#' => out.push_str("#35;"),
                '&' => out.push_str("#amp;"),
                '<' => out.push_str("#lt;"),
                '>' => out.push_str("#gt;"),
                '`' => out.push_str("#96;"),
                c => out.push(c),
            }
        }
    }
    out.push('"');
    out
}

/// The picture as a Mermaid flowchart. `escalation` draws bottom to top
/// (the commander on top).
pub fn render(picture: &Picture, escalation: bool) -> String {
    // planc wraps long labels itself (`graph::wrap`, at `WRAP` columns);
    // Mermaid would wrap them again at 200 pixels, breaking its lines twice.
    let mut out = String::from("---\nconfig:\n  flowchart:\n    wrappingWidth: 480\n---\n");
    let _ = writeln!(out, "flowchart {}", if escalation { "BT" } else { "TB" });
    for (i, node) in picture.nodes.iter().enumerate() {
        let label = quote(&node.lines);
        let shape = match node.kind {
            NodeKind::Role | NodeKind::Step => format!("[{label}]"),
            NodeKind::External => format!("([{label}])"),
            NodeKind::Trigger => format!("{{{{{label}}}}}"),
        };
        let _ = writeln!(out, "  n{i}{shape}");
    }
    for edge in &picture.edges {
        let arrow = match edge.kind {
            EdgeKind::Condition => "-.->",
            _ => "-->",
        };
        match &edge.label {
            Some(label) => {
                let label = quote(std::slice::from_ref(label));
                let _ = writeln!(out, "  n{} {arrow}|{label}| n{}", edge.from, edge.to);
            }
            None => {
                let _ = writeln!(out, "  n{} {arrow} n{}", edge.from, edge.to);
            }
        }
    }
    let class = |kind: NodeKind, commander: bool| -> Vec<String> {
        picture
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.kind == kind && n.commander == commander)
            .map(|(i, _)| format!("n{i}"))
            .collect()
    };
    let classes = [
        (
            "commander",
            "stroke:#aa0000,stroke-width:4px,fill:#fde8e8",
            class(NodeKind::Role, true),
        ),
        (
            "external",
            "stroke-dasharray:5 5",
            class(NodeKind::External, false),
        ),
        ("trigger", "fill:#fff3cd", class(NodeKind::Trigger, false)),
    ];
    for (name, style, ids) in classes {
        if !ids.is_empty() {
            let _ = writeln!(out, "  classDef {name} {style}");
            let _ = writeln!(out, "  class {} {name}", ids.join(","));
        }
    }
    out
}
