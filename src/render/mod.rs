//! Outputs for a plan without errors: the checklist (Markdown, HTML, JSON),
//! the escalation and response graphs (DOT, Mermaid). Each is a pure function
//! from the compiled plan to a string; only `cli` reads and writes files.

pub mod card;
pub mod condition;
pub mod document;
pub mod docx;
mod docx_parts;
pub mod dot;
pub mod graph;
pub mod html;
mod html_card;
pub mod json;
pub mod json_card;
pub mod markdown;
pub mod mermaid;
pub mod order;
pub mod say;
pub mod triggers;
pub mod view;
pub mod words;

pub use document::Document;
pub use words::Lang;
