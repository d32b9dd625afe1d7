//! The Yew page: thin components over a plain-Rust reducer.
//!
//! - [`state`]: `State` + `Action` + the reducer (pure; tested natively, like the core).
//! - [`render`]: text + entities → nested highlight segments, and the words the page shows for
//!   values and counts (pure; tested natively).
//! - [`export`]: the export file name (pure) and the browser download.
//! - [`app`]: the root component; [`components`]: the pieces it is made of.
//!
//! The element ids, labels and `data-*` attributes the page carries are a contract with the
//! browser tests (`tests/web.rs`) and the end-to-end test: see [`app`].

pub mod app;
pub mod components;
pub mod edit;
pub mod export;
pub mod keys;
pub mod render;
pub mod state;
pub mod storage;
pub mod workspace_panel;

pub use app::App;
