//! Sitrep: annotate conflict-event news in the browser.
//!
//! - [`extract`]: the pure core (text + publication date → entities and incidents), the
//!   `sitrep-engine` crate under `crates/engine/`.
//! - [`format`]: the `sitrep` JSON document, version 1: build, validate, import.
//! - [`ui`]: the Yew page; thin, over a plain-Rust reducer.
#![forbid(unsafe_code)]

pub use sitrep_engine as extract;
pub mod format;
pub mod review;
pub mod ui;
pub mod workspace;

/// "sitrep 0.1.0": the `generator` of every document.
pub const GENERATOR: &str = concat!("sitrep ", env!("CARGO_PKG_VERSION"));
