//! Review helpers for the annotation workflow, pure Rust: codebook checks on incident records
//! ([`checks`]) and re-anchoring manual spans after the text changes ([`reanchor`]).

pub mod checks;
pub mod links;
pub mod reanchor;
