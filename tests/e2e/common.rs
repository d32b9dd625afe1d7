//! What every end-to-end test needs: a static server for `dist/` with an off switch, chromedriver,
//! one headless Chromium session with its own profile and download directory, and helpers to
//! drive the page.
#![allow(dead_code)] // each test module uses its own subset

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

pub type CmdResult<T> = Result<T, fantoccini::error::CmdError>;

// ---------------------------------------------------------------------------------------------
// Static file server for dist/, with an off switch (for the offline tests)

pub struct Server {
    pub port: u16,
    up: Arc<AtomicBool>,
}

impl Server {
    pub fn start(dir: PathBuf) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the static server");
        let port = listener.local_addr().expect("server address").port();
        let up = Arc::new(AtomicBool::new(true));
        let flag = up.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if !flag.load(Ordering::SeqCst) {
                    // Offline: close the connection without an answer.
                    drop(stream);
                    continue;
                }
                let dir = dir.clone();
                std::thread::spawn(move || handle(stream, &dir));
            }
        });
        Server { port, up }
    }

    pub fn stop(&self) {
        self.up.store(false, Ordering::SeqCst);
    }
}

fn mime(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
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

// ---------------------------------------------------------------------------------------------
// chromedriver + browser session

pub fn dist_dir() -> PathBuf {
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

pub struct Driver(Child);
impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

pub fn start_chromedriver() -> (Driver, u16) {
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
pub struct TempDir(PathBuf);
impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("sitrep-e2e-{}-{tag}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a temp dir");
        TempDir(dir)
    }
    pub fn path(&self) -> &Path {
        &self.0
    }
}
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// One browser (its own profile) on the page: the server, chromedriver, the WebDriver client,
/// a download directory.
pub struct Session {
    pub client: Client,
    pub server: Server,
    pub site: String,
    wd_port: u16,
    downloads: TempDir,
    _profile: TempDir,
    _driver: Driver,
}

/// Chromium flags for the latency benchmarks: frames are drawn as soon as they are ready
/// instead of at the next tick of a 60 Hz clock. A key or a selection then costs what the
/// browser and the page do for it, without the wait for the display's next refresh (up to
/// 16.7 ms, the same for every page) that would otherwise dominate a figure of a few ms.
pub const UNPACED: &[&str] = &["--disable-frame-rate-limit", "--disable-gpu-vsync"];

impl Session {
    pub async fn start() -> Session {
        Session::start_with(&[]).await
    }

    /// As [`Session::start`], with extra Chromium flags; `E2E_CHROME_ARGS` (space-separated)
    /// adds more.
    pub async fn start_with(extra: &[&str]) -> Session {
        let server = Server::start(dist_dir());
        let (driver, wd_port) = start_chromedriver();
        let downloads = TempDir::new("downloads");
        let profile = TempDir::new("profile");
        let chrome = std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let mut args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--window-size=1280,1000".into(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        args.extend(extra.iter().map(|a| a.to_string()));
        if let Ok(more) = std::env::var("E2E_CHROME_ARGS") {
            args.extend(more.split_whitespace().map(String::from));
        }
        let caps = json!({
            "goog:chromeOptions": {
                "binary": chrome,
                "args": args,
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
        let site = format!("http://127.0.0.1:{}/", server.port);
        let s = Session {
            client,
            server,
            site,
            wd_port,
            downloads,
            _profile: profile,
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
    pub async fn chromedriver(&self, endpoint: &str, body: Value) -> Option<Value> {
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

    /// Starts Chromium's sampling CPU profiler (100 µs) when `E2E_PROFILE` names a directory.
    pub async fn profile_start(&self) {
        if std::env::var_os("E2E_PROFILE").is_none() {
            return;
        }
        for (cmd, params) in [
            ("Profiler.enable", json!({})),
            ("Profiler.setSamplingInterval", json!({"interval": 100})),
            ("Profiler.start", json!({})),
        ] {
            let _ = self
                .chromedriver("goog/cdp/execute", json!({"cmd": cmd, "params": params}))
                .await;
        }
    }

    /// Stops the profiler started by [`Session::profile_start`] and writes the profile to
    /// `$E2E_PROFILE/NAME.cpuprofile` (opens in Chromium's DevTools, Performance panel).
    pub async fn profile_stop(&self, name: &str) {
        let Some(dir) = std::env::var_os("E2E_PROFILE") else {
            return;
        };
        let got = self
            .chromedriver(
                "goog/cdp/execute",
                json!({"cmd": "Profiler.stop", "params": {}}),
            )
            .await;
        if let Some(profile) = got.and_then(|v| v.get("profile").cloned()) {
            let path = std::path::Path::new(&dir).join(format!("{name}.cpuprofile"));
            let _ = std::fs::write(&path, profile.to_string());
            println!("profile written to {}", path.display());
        }
    }

    /// The browser console entries since the last call: (level, message).
    pub async fn console(&self) -> Vec<(String, String)> {
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

    /// Waits until the app has rendered (the wasm module loaded and Yew mounted).
    pub async fn wait_for_page(&self) -> CmdResult<()> {
        self.client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(Locator::Css("#article-text"))
            .await?;
        self.client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(Locator::Css("#workspace-list"))
            .await?;
        Ok(())
    }

    /// Opens the site's page.
    pub async fn open_page(&self) -> CmdResult<()> {
        self.open(&self.site.clone()).await
    }

    /// Opens `url` (the site with a fragment, say) and waits for the app.
    pub async fn open(&self, url: &str) -> CmdResult<()> {
        self.client.goto(url).await?;
        self.wait_for_page().await
    }

    pub async fn js(&self, script: &str, args: Vec<Value>) -> CmdResult<Value> {
        self.client.execute(script, args).await
    }

    pub async fn value_of(&self, id: &str) -> CmdResult<String> {
        let v = self
            .js(
                "const e = document.getElementById(arguments[0]); return e ? e.value : null;",
                vec![json!(id)],
            )
            .await?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    /// Sets an input's value the way a paste or a date picker does, then fires input + change.
    pub async fn set_value(&self, id: &str, value: &str) -> CmdResult<()> {
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

    pub async fn click(&self, id: &str) -> CmdResult<()> {
        self.client.find(Locator::Id(id)).await?.click().await
    }

    /// Polls `script` (which returns true when done) until it does, or fails after `secs`;
    /// returns the time it took.
    pub async fn wait_until(&self, what: &str, script: &str, secs: u64) -> CmdResult<Duration> {
        let start = Instant::now();
        let deadline = start + Duration::from_secs(secs);
        loop {
            if self.js(script, vec![]).await? == Value::Bool(true) {
                return Ok(start.elapsed());
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// (kind, text) of every highlight, in document order.
    pub async fn marks(&self) -> CmdResult<Vec<(String, String)>> {
        let v = self
            .js(
                "return [...document.querySelectorAll('mark[data-kind]')]
                   .map(m => [m.dataset.kind, m.textContent]);",
                vec![],
            )
            .await?;
        Ok(serde_json::from_value(v).unwrap_or_default())
    }

    pub async fn mark_count(&self) -> CmdResult<usize> {
        let v = self
            .js(
                "return document.querySelectorAll('mark[data-kind]').length;",
                vec![],
            )
            .await?;
        Ok(v.as_u64().unwrap_or(0) as usize)
    }

    pub async fn incident_cards(&self) -> CmdResult<usize> {
        let v = self
            .js(
                "return document.querySelectorAll('[data-incident]').length;",
                vec![],
            )
            .await?;
        Ok(v.as_u64().unwrap_or(0) as usize)
    }

    /// The titles in the workspace list.
    pub async fn entries(&self) -> CmdResult<Vec<String>> {
        let v = self
            .js("return [...document.querySelectorAll('#workspace-list [data-entry] .entry-title')].map(e => e.textContent);", vec![])
            .await?;
        Ok(serde_json::from_value(v).unwrap_or_default())
    }

    pub async fn button(&self, label: &str) -> CmdResult<fantoccini::elements::Element> {
        self.client
            .find(Locator::XPath(&format!(
                "//button[normalize-space(.)='{label}' or @aria-label='{label}']"
            )))
            .await
    }

    /// Clicks "Export JSON" and returns the downloaded file's bytes.
    pub async fn export(&self) -> CmdResult<Vec<u8>> {
        let button = self.button("Export JSON").await?;
        Ok(self.download_from(button).await?.1)
    }

    /// Clicks the button with this id and returns the one file it downloads: (name, bytes).
    pub async fn download(&self, id: &str) -> CmdResult<(String, Vec<u8>)> {
        let button = self.client.find(Locator::Id(id)).await?;
        self.download_from(button).await
    }

    async fn download_from(
        &self,
        button: fantoccini::elements::Element,
    ) -> CmdResult<(String, Vec<u8>)> {
        self.clear_downloads();
        button.click().await?;
        self.wait_for_download().await
    }

    /// Presses `key` on the focused element (a focused "Export JSON" button, say) and returns
    /// the exported file's bytes: a download without a click.
    pub async fn export_with_key(&self, key: &str) -> CmdResult<Vec<u8>> {
        self.clear_downloads();
        self.client.active_element().await?.send_keys(key).await?;
        Ok(self.wait_for_download().await?.1)
    }

    fn clear_downloads(&self) {
        for f in std::fs::read_dir(self.downloads.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let _ = std::fs::remove_file(f.path());
        }
    }

    async fn wait_for_download(&self) -> CmdResult<(String, Vec<u8>)> {
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
                        let name = file
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        return Ok((name, bytes));
                    }
                }
            }
            assert!(
                Instant::now() < deadline,
                "no download appeared in {} (found {files:?})",
                self.downloads.path().display()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Closes the session; fails if `result` is an error (the panic carries the browser
    /// console) or if the console shows an error or a CSP violation.
    pub async fn finish(self, result: CmdResult<()>) {
        let console = self.console().await;
        self.close().await;
        if let Err(e) = result {
            panic!("webdriver commands failed: {e}\nbrowser console: {console:#?}");
        }
        let bad = bad_console_entries(&console);
        assert!(bad.is_empty(), "console errors / CSP violations: {bad:#?}");
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// A minimal HTTP/1.1 POST over std (to chromedriver on 127.0.0.1); returns the body.
pub fn http_post(port: u16, path: &str, body: &str) -> Option<String> {
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

pub fn js_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// Console entries that mean the page broke its CSP or threw.
pub fn bad_console_entries(entries: &[(String, String)]) -> Vec<String> {
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
