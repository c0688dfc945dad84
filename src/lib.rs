//! planc: a compiler and validator for written emergency response plans.
//!
//! The pipeline, one module per stage, data flowing one way:
//! `syntax` → `model` → `graph` → `check` → outputs (`report`).
//! See docs/ARCHITECTURE.md.

// First, so that its table macro is in scope in every module below.
#[macro_use]
mod codes;

pub mod allocator;
pub mod baseline;
pub mod calendar;
pub mod check;
pub mod config;
pub mod decimal;
pub mod diagnostic;
pub mod diff;
pub mod docs_url;
pub mod escape;
pub mod explain;
pub mod fmt;
pub mod graph;
pub mod i18n;
pub mod ide;
pub mod lang;
pub mod logic;
pub mod lsp;
pub mod model;
pub mod pipeline;
pub mod profiles;
pub mod render;
pub mod report;
pub mod serve;
pub mod simulate;
pub mod span;
pub mod suggest;
pub mod suppress;
pub mod syntax;

pub use pipeline::check_source;
