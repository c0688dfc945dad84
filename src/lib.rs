//! planc: a compiler and validator for written emergency response plans.
//!
//! The pipeline, one module per stage, data flowing one way:
//! `syntax` → `model` → `graph` → `check` → outputs (`report`).
//! See docs/ARCHITECTURE.md.

pub mod check;
pub mod config;
pub mod diagnostic;
pub mod graph;
pub mod ide;
pub mod lsp;
pub mod model;
pub mod pipeline;
pub mod report;
pub mod span;
pub mod suggest;
pub mod syntax;

pub use pipeline::check_source;
