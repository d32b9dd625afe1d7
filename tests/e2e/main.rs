//! End-to-end tests: the release page in `dist/` (built by `trunk build --release`), driven in
//! headless Chromium through chromedriver (WebDriver) with fantoccini. One test binary, so the
//! browser-driving code is compiled and linked once.
//!
//! Each test serves `dist/` itself on 127.0.0.1 (a small std-only HTTP server on a free port, with
//! a switch that takes it offline), starts its own chromedriver and browser with a fresh profile,
//! and stops both when it ends, pass or fail. Environment: `E2E_DIST` (default `dist/`),
//! `CHROMEDRIVER` (default `/usr/bin/chromedriver`), `CHROME` (default `/usr/bin/chromium`).
//!
//! The page contract these tests rely on: `textarea#article-text` labelled "Article text",
//! `input#published` (type date), `input#title`, `input#source`, highlights as
//! `<mark data-kind=KIND>`, incident cards carrying `data-incident`, a button "Export JSON" that
//! downloads the document, a hidden `input#open-json` (type file) behind a button "Open JSON",
//! and the workspace list `#workspace-list`.
//!
//! - `page`: CSP, same-origin loading, export = CLI output, Open JSON restores it; the browser
//!   benchmark (`cargo test --test e2e -- --ignored bench --nocapture`, see README "Benchmarks");
//! - `offline`: autosave and reload, the service worker, share links, hostile imports, full storage;
//! - `workflow`: label by menu and keys, edit a count, undo/redo exports byte for byte, manual
//!   spans across text edits and reloads, a keyboard-only session; the typing and selection
//!   latency benchmark (ignored, like the other `bench_*`).
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod offline;
mod page;
#[path = "../support/bench_article.rs"]
mod support;
mod workflow;
