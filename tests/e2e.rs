//! End-to-end tests: the release page in `dist/` (built by `trunk build --release`), driven in
//! headless Chromium through chromedriver (WebDriver) with fantoccini.
//!
//! Each test serves `dist/` itself on 127.0.0.1 (a small std-only HTTP server on a free port),
//! starts its own chromedriver and browser, and stops both when it ends, pass or fail.
//! Environment: `E2E_DIST` (default `dist/`), `CHROMEDRIVER` (default `/usr/bin/chromedriver`),
//! `CHROME` (default `/usr/bin/chromium`).
//!
//! The page contract these tests rely on: `textarea#article-text` labelled "Article text",
//! `input#published` (type date), `input#title`, `input#source`, highlights as
//! `<mark data-kind=KIND>`, incident cards carrying `data-incident`, a button "Export JSON" that
//! downloads the document, and a hidden `input#open-json` (type file) behind a button "Open JSON".
//!
//! The browser benchmark is an ignored test here:
//! `cargo test --test e2e -- --ignored bench --nocapture` (see README "Benchmarks").
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

/// An article written for these tests (not taken from any outlet): two incidents, dates,
/// places, armed actors, casualty figures, a weapon and attributed sources.
const ARTICLE: &str = "Gunmen from the Eastern Liberation Front attacked an army checkpoint near \
Karvana on Tuesday, killing at least 12 soldiers and wounding 7 others, the regional governor said.

Police said the attackers used rocket-propelled grenades and fled towards the border.

On March 3, an airstrike on a market in Dolmet killed 5 civilians, according to a local hospital official. \
Three people remain missing.";
const PUBLISHED: &str = "2024-03-08";
const TITLE: &str = "Checkpoint attack near Karvana";
const SOURCE: &str = "https://news.example.org/karvana-checkpoint";

// ---------------------------------------------------------------------------------------------
// Static file server for dist/

fn serve(dir: PathBuf) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind the static server");
    let port = listener.local_addr().expect("server address").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            std::thread::spawn(move || handle(stream, &dir));
        }
    });
    port
}

fn mime(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn handle(mut stream: TcpStream, dir: &Path) {
    let Ok(clone) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(clone);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) <= 2 {
            break;
        }
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let target = target.split(['?', '#']).next().unwrap_or("/");
    let rel = match target.trim_start_matches('/') {
        "" => "index.html",
        r => r,
    };
    let file = dir.join(rel);
    let (status, body, ctype) = match std::fs::read(&file) {
        Ok(b) if !rel.contains("..") => ("200 OK", b, mime(&file)),
        _ => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(&body);
}

fn dist_dir() -> PathBuf {
    let dist = PathBuf::from(
        std::env::var("E2E_DIST")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/dist").into()),
    );
    assert!(
        dist.join("index.html").exists(),
        "{} missing: run `trunk build --release` first (./test does)",
        dist.display()
    );
    dist
}

// ---------------------------------------------------------------------------------------------
// chromedriver + browser session

struct Driver(Child); // kills chromedriver when the test ends, pass or panic
impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn start_chromedriver() -> (Driver, u16) {
    let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let port = free_port();
    let child = Command::new(&bin)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {bin}: {e} (apt-get install chromium-driver)"));
    let driver = Driver(child);
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    (driver, port)
}

/// A temporary directory removed on drop.
struct TempDir(PathBuf);
impl TempDir {
    fn new(tag: &str) -> TempDir {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("sitrep-e2e-{}-{tag}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a temp dir");
        TempDir(dir)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// One browser on the page: the server, chromedriver, the WebDriver client, a download dir.
struct Session {
    client: Client,
    site: String,
    wd_port: u16,
    downloads: TempDir,
    _driver: Driver,
}

type CmdResult<T> = Result<T, fantoccini::error::CmdError>;

impl Session {
    async fn start() -> Session {
        let site = serve(dist_dir());
        let (driver, wd_port) = start_chromedriver();
        let downloads = TempDir::new("downloads");
        let chrome = std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let caps = json!({
            "goog:chromeOptions": {
                "binary": chrome,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-quic", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--window-size=1280,1000"],
                "prefs": {
                    "download.default_directory": downloads.path().to_string_lossy(),
                    "download.prompt_for_download": false,
                    "download.directory_upgrade": true,
                    "safebrowsing.enabled": false
                }
            },
            "goog:loggingPrefs": { "browser": "ALL" }
        });
        let caps = caps.as_object().cloned().unwrap_or_default();
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{wd_port}"))
            .await
            .expect("webdriver session (is chromium installed, same version as chromedriver?)");
        let s = Session {
            client,
            site: format!("http://127.0.0.1:{site}/"),
            wd_port,
            downloads,
            _driver: driver,
        };
        // Headless Chromium may ignore the download prefs; this makes downloads land there.
        let _ = s
            .chromedriver(
                "goog/cdp/execute",
                json!({"cmd": "Browser.setDownloadBehavior",
                       "params": {"behavior": "allow",
                                  "downloadPath": s.downloads.path().to_string_lossy()}}),
            )
            .await;
        s
    }

    /// POSTs `body` to a chromedriver endpoint of this session (for what fantoccini does not
    /// wrap: the browser console log, CDP commands). Returns the JSON `value`.
    async fn chromedriver(&self, endpoint: &str, body: Value) -> Option<Value> {
        let sid = self.client.session_id().await.ok().flatten()?;
        let port = self.wd_port;
        let path = format!("/session/{sid}/{endpoint}");
        tokio::task::spawn_blocking(move || http_post(port, &path, &body.to_string()))
            .await
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str::<Value>(&text).ok())
            .and_then(|v| v.get("value").cloned())
    }

    /// The browser console entries since the last call: (level, message).
    async fn console(&self) -> Vec<(String, String)> {
        let Some(Value::Array(entries)) = self
            .chromedriver("se/log", json!({"type": "browser"}))
            .await
        else {
            return Vec::new();
        };
        entries
            .iter()
            .map(|e| {
                (
                    e["level"].as_str().unwrap_or("").to_string(),
                    e["message"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    }

    async fn open_page(&self) -> CmdResult<()> {
        self.client.goto(&self.site).await?;
        // The textarea exists once the wasm module has loaded and Yew has rendered.
        self.client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(Locator::Css("#article-text"))
            .await?;
        Ok(())
    }

    async fn js(&self, script: &str, args: Vec<Value>) -> CmdResult<Value> {
        self.client.execute(script, args).await
    }

    async fn value_of(&self, id: &str) -> CmdResult<String> {
        let v = self
            .js(
                "const e = document.getElementById(arguments[0]); return e ? e.value : null;",
                vec![json!(id)],
            )
            .await?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    /// Sets an input's value the way a paste or a date picker does, then fires input + change.
    async fn set_value(&self, id: &str, value: &str) -> CmdResult<()> {
        self.js(
            "const e = document.getElementById(arguments[0]);
             e.focus();
             e.value = arguments[1];
             e.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));
             e.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![json!(id), json!(value)],
        )
        .await?;
        Ok(())
    }

    /// Polls `script` (which returns true when done) until it does, or fails after `secs`.
    async fn wait_until(&self, what: &str, script: &str, secs: u64) -> CmdResult<()> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if self.js(script, vec![]).await? == Value::Bool(true) {
                return Ok(());
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// (kind, text) of every highlight, in document order.
    async fn marks(&self) -> CmdResult<Vec<(String, String)>> {
        let v = self
            .js(
                "return [...document.querySelectorAll('mark[data-kind]')]
                   .map(m => [m.dataset.kind, m.textContent]);",
                vec![],
            )
            .await?;
        Ok(serde_json::from_value(v).unwrap_or_default())
    }

    async fn incident_cards(&self) -> CmdResult<usize> {
        let v = self
            .js(
                "return document.querySelectorAll('[data-incident]').length;",
                vec![],
            )
            .await?;
        Ok(v.as_u64().unwrap_or(0) as usize)
    }

    async fn button(&self, label: &str) -> CmdResult<fantoccini::elements::Element> {
        self.client
            .find(Locator::XPath(&format!(
                "//button[normalize-space(.)='{label}' or @aria-label='{label}']"
            )))
            .await
    }

    /// Clicks "Export JSON" and returns the downloaded file's bytes.
    async fn export(&self) -> CmdResult<Vec<u8>> {
        for f in std::fs::read_dir(self.downloads.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let _ = std::fs::remove_file(f.path());
        }
        self.button("Export JSON").await?.click().await?;
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let files: Vec<PathBuf> = std::fs::read_dir(self.downloads.path())
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .collect();
            let partial = files.iter().any(|p| {
                p.extension()
                    .is_some_and(|e| e == "crdownload" || e == "tmp")
            });
            if let [file] = files.as_slice() {
                if !partial {
                    // A finished download is renamed into place; give the rename a moment.
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    if let Ok(bytes) = std::fs::read(file) {
                        return Ok(bytes);
                    }
                }
            }
            assert!(
                Instant::now() < deadline,
                "no download appeared in {} after clicking Export JSON (found {files:?})",
                self.downloads.path().display()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// A minimal HTTP/1.1 POST over std (to chromedriver on 127.0.0.1); returns the body.
fn http_post(port: u16, path: &str, body: &str) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    write!(
        s,
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut reader = BufReader::new(s);
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    // chromedriver answers with a Content-Length (it may keep the connection open).
    let mut buf = vec![0; length?];
    reader.read_exact(&mut buf).ok()?;
    String::from_utf8(buf).ok()
}

/// What the CLI prints for the test article: `sitrep annotate --published … FILE`.
fn cli_export(dir: &Path) -> Vec<u8> {
    let file = dir.join("article.txt");
    std::fs::write(&file, ARTICLE).expect("write the article");
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args([
            "annotate",
            "--published",
            PUBLISHED,
            "--title",
            TITLE,
            "--source",
            SOURCE,
        ])
        .arg(&file)
        .output()
        .expect("run the sitrep CLI");
    assert!(
        out.status.success(),
        "sitrep annotate failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn js_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// Console entries that mean the page broke its CSP or threw.
fn bad_console_entries(entries: &[(String, String)]) -> Vec<String> {
    entries
        .iter()
        .filter(|(level, msg)| {
            level == "SEVERE"
                || msg.contains("Content Security Policy")
                || msg.contains("Content-Security-Policy")
        })
        .map(|(level, msg)| format!("{level}: {msg}"))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Tests

/// The page loads under its strict CSP, logs no CSP violation or error, and every resource it
/// fetched came from its own origin.
#[tokio::test]
async fn page_loads_same_origin_only_under_csp() {
    let s = Session::start().await;
    let result: CmdResult<()> = async {
        s.open_page().await?;
        assert_eq!(s.client.title().await?, "Sitrep");
        let csp = s
            .js(
                "const m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]');
                 return m ? m.content : '';",
                vec![],
            )
            .await?;
        let csp = csp.as_str().unwrap_or_default();
        assert!(
            csp.contains("default-src 'self'"),
            "CSP meta missing or loose: {csp:?}"
        );
        let script_src = csp
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src "))
            .unwrap_or_default();
        assert!(
            script_src.contains("'self'")
                && !script_src.contains("unsafe-inline")
                && !script_src.contains("'unsafe-eval'")
                && !script_src.contains("http"),
            "script-src missing, or allows inline code or other origins: {csp:?}"
        );

        // Use the page a little so lazily loaded parts (if any) load too.
        s.set_value("article-text", ARTICLE).await?;
        s.wait_until(
            "highlights",
            "return document.querySelectorAll('mark[data-kind]').length > 0;",
            20,
        )
        .await?;

        // The highlight tooltip is placed with a style attribute: pointing at a mark shows it,
        // positioned, without a CSP violation (checked in the console below).
        s.js(
            "document.querySelector('mark[data-kind]')
               .dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));",
            vec![],
        )
        .await?;
        s.wait_until(
            "the tooltip of a highlight",
            "const t = document.querySelector('[role=tooltip]');
             return !!t && t.style.top !== '';",
            10,
        )
        .await?;

        let foreign = s
            .js(
                "return performance.getEntriesByType('resource')
                   .map(e => e.name)
                   .filter(u => new URL(u, location.href).origin !== location.origin
                                && !u.startsWith('blob:') && !u.startsWith('data:'));",
                vec![],
            )
            .await?;
        assert_eq!(foreign, json!([]), "requests to other origins");
        let resources = s
            .js(
                "return performance.getEntriesByType('resource').length;",
                vec![],
            )
            .await?;
        assert!(
            resources.as_u64().unwrap_or(0) >= 2,
            "expected the wasm and JS among the resources, got {resources}"
        );
        Ok(())
    }
    .await;
    let console = s.console().await;
    s.close().await;
    if let Err(e) = result {
        panic!("webdriver commands failed: {e}\nbrowser console: {console:#?}");
    }
    let bad = bad_console_entries(&console);
    assert!(bad.is_empty(), "console errors / CSP violations: {bad:#?}");
}

/// Paste an article, set the metadata, see highlights and incident cards; Export JSON equals
/// the CLI's output byte for byte and passes the schema; after a reload, Open JSON restores
/// text, metadata, highlights and incidents exactly (re-export is identical); a malformed file
/// is refused with an alert and leaves the text alone.
#[tokio::test]
async fn export_matches_cli_and_open_restores_it() {
    let work = TempDir::new("work");
    let expected = cli_export(work.path());
    let expected_doc: Value = serde_json::from_slice(&expected).expect("CLI output is JSON");

    let s = Session::start().await;
    let result: CmdResult<()> = async {
        s.open_page().await?;

        // The textarea is labelled "Article text".
        let label = s
            .js(
                "const e = document.getElementById('article-text');
                 const l = e.labels && e.labels.length ? e.labels[0].textContent : '';
                 return (e.getAttribute('aria-label') || '') + '|' + l;",
                vec![],
            )
            .await?;
        assert!(
            label.as_str().unwrap_or_default().contains("Article text"),
            "#article-text is not labelled \"Article text\": {label}"
        );

        // Metadata first, then the article: paste all but the last sentence, type the rest.
        s.set_value("published", PUBLISHED).await?;
        s.set_value("title", TITLE).await?;
        s.set_value("source", SOURCE).await?;
        let cut = ARTICLE.rfind("Three").unwrap_or(ARTICLE.len());
        s.set_value("article-text", &ARTICLE[..cut]).await?;
        s.client
            .find(Locator::Id("article-text"))
            .await?
            .send_keys(&ARTICLE[cut..])
            .await?;
        s.wait_until(
            "the typed text",
            &format!(
                "return document.getElementById('article-text').value === {};",
                js_str(ARTICLE)
            ),
            20,
        )
        .await?;
        assert_eq!(s.value_of("published").await?, PUBLISHED);

        // Highlights of several kinds and incident cards, as many as the CLI finds.
        let want_kinds: std::collections::BTreeSet<String> = expected_doc["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["kind"].as_str().map(str::to_string))
            .collect();
        let want_incidents = expected_doc["incidents"].as_array().map_or(0, Vec::len);
        assert!(
            want_kinds.len() >= 3 && want_incidents >= 1,
            "the engine finds too little in the test article: kinds {want_kinds:?}, {want_incidents} incidents"
        );
        s.wait_until(
            "highlights of every kind the CLI finds",
            &format!(
                "const want = {};
                 const have = new Set([...document.querySelectorAll('mark[data-kind]')]
                                       .map(m => m.dataset.kind));
                 return want.every(k => have.has(k));",
                serde_json::to_string(&want_kinds).unwrap_or_default()
            ),
            20,
        )
        .await?;
        let marks = s.marks().await?;
        assert_eq!(s.incident_cards().await?, want_incidents, "incident cards");

        // Export = CLI output, byte for byte, and valid against the schema.
        let exported = s.export().await?;
        if exported != expected {
            panic!(
                "Export JSON differs from `sitrep annotate`:\n--- page ---\n{}\n--- cli ---\n{}",
                String::from_utf8_lossy(&exported),
                String::from_utf8_lossy(&expected)
            );
        }
        let exported_text = String::from_utf8(exported.clone()).expect("export is UTF-8");
        sitrep::format::schema::check(&exported_text).expect("export passes the v1 schema");

        // Reload with the browser's storage cleared, then Open JSON.
        let saved = work.path().join("saved.json");
        std::fs::write(&saved, &exported).expect("write the export");
        s.js("localStorage.clear(); sessionStorage.clear();", vec![])
            .await?;
        s.client.refresh().await?;
        s.client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(Locator::Css("#article-text"))
            .await?;
        s.set_value("article-text", "").await?;
        s.button("Open JSON").await?; // the visible control exists
        s.client
            .find(Locator::Id("open-json"))
            .await?
            .send_keys(&saved.to_string_lossy())
            .await?;
        s.wait_until(
            "the opened text",
            &format!(
                "return document.getElementById('article-text').value === {};",
                js_str(ARTICLE)
            ),
            20,
        )
        .await?;
        assert_eq!(s.value_of("published").await?, PUBLISHED);
        assert_eq!(s.value_of("title").await?, TITLE);
        assert_eq!(s.value_of("source").await?, SOURCE);
        let deadline = Instant::now() + Duration::from_secs(10);
        while s.marks().await? != marks && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(s.marks().await?, marks, "highlights after Open JSON");
        assert_eq!(s.incident_cards().await?, want_incidents, "incident cards after Open JSON");
        let again = s.export().await?;
        assert!(
            again == exported,
            "re-export after Open JSON differs:\n{}",
            String::from_utf8_lossy(&again)
        );

        // A malformed file: an alert, and the text stays.
        let broken = work.path().join("broken.json");
        std::fs::write(&broken, b"{\"format\": \"sitrep\", \"version\": 1, \"document\": ")
            .expect("write the broken file");
        s.client
            .find(Locator::Id("open-json"))
            .await?
            .send_keys(&broken.to_string_lossy())
            .await?;
        s.wait_until(
            "an alert about the malformed file",
            "return [...document.querySelectorAll('[role=alert]')]
                 .some(e => e.textContent.trim().length > 0);",
            20,
        )
        .await?;
        assert_eq!(s.value_of("article-text").await?, ARTICLE, "text after a bad file");
        assert_eq!(s.marks().await?, marks, "highlights after a bad file");
        Ok(())
    }
    .await;
    let console = s.console().await;
    s.close().await;
    if let Err(e) = result {
        panic!("webdriver commands failed: {e}\nbrowser console: {console:#?}");
    }
    let bad = bad_console_entries(&console);
    assert!(bad.is_empty(), "console errors / CSP violations: {bad:#?}");
}

/// Browser benchmark (ignored by default; run it on the release page):
/// `cargo test --test e2e -- --ignored bench --nocapture`.
/// Median time, over 30 edits of a ~3 KB article, from the input event to the DOM showing the
/// re-extracted highlights.
#[tokio::test]
#[ignore = "benchmark: cargo test --test e2e -- --ignored bench --nocapture"]
async fn bench_reextract_after_edit() {
    // ~3 KB: the test article with varied figures, repeated.
    let mut article = String::new();
    let mut i = 0;
    while article.len() < 3000 {
        article.push_str(&ARTICLE.replace("12", &(20 + i).to_string()));
        article.push_str("\n\n");
        i += 1;
    }
    let article = article.trim_end().to_string();
    let s = Session::start().await;
    let result: CmdResult<Value> = async {
        s.open_page().await?;
        s.set_value("published", PUBLISHED).await?;
        s.set_value("article-text", &article).await?;
        s.wait_until(
            "highlights",
            "return document.querySelectorAll('mark[data-kind]').length > 0;",
            20,
        )
        .await?;
        // Each run changes the first casualty figure to a new number, then times until a
        // highlight shows that number (checked on every DOM mutation).
        s.client
            .execute_async(
                r#"
const [text, runs, done] = arguments;
const ta = document.getElementById('article-text');
const first = text.indexOf('at least ') + 'at least '.length;
const numEnd = text.indexOf(' ', first);
const times = [];
let n = 0;
function once(value, resolve) {
  const needle = 'at least ' + value;
  const seen = () => [...document.querySelectorAll('mark[data-kind]')]
      .some(m => m.textContent.includes(needle));
  const t0 = performance.now();
  const obs = new MutationObserver(() => {
    if (seen()) { obs.disconnect(); resolve(performance.now() - t0); }
  });
  obs.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
  ta.value = text.slice(0, first) + value + text.slice(numEnd);
  ta.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertText', data: '1'}));
  setTimeout(() => { obs.disconnect(); resolve(NaN); }, 5000);
}
function next() {
  if (n === runs) { done(times); return; }
  const value = String(100 + n);
  n += 1;
  new Promise(r => once(value, r)).then(t => { times.push(t); setTimeout(next, 20); });
}
next();
"#,
                vec![json!(article), json!(30)],
            )
            .await
    }
    .await;
    s.close().await;
    let times: Vec<f64> =
        serde_json::from_value(result.expect("webdriver commands")).expect("a list of times");
    assert!(
        times.iter().all(|t| t.is_finite()),
        "some edits never showed their highlight: {times:?}"
    );
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];
    println!(
        "browser re-extract + re-render after an edit ({} B article, {} runs): median {median:.1} ms, min {:.1} ms, max {:.1} ms",
        article.len(),
        sorted.len(),
        sorted[0],
        sorted[sorted.len() - 1]
    );
}
