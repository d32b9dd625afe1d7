//! End-to-end tests of "never lose work, work offline, share without a server": the release
//! page in `dist/` (`trunk build --release`) in headless Chromium through chromedriver.
//!
//! - autosave: an edit reaches `localStorage` within a second; a reload restores the text, the
//!   workspace list and the undo history;
//! - offline: after the first visit the service worker serves the page with the server stopped;
//!   an article pasted then is annotated and exported;
//! - share link: "Copy share link" in one browser, opening the link in another (fresh profile)
//!   adds the article as a new workspace entry;
//! - hostile imports (truncated, wrong version, offsets out of range, quote mismatch, deeply
//!   nested, over the size limit; pasted and dropped) are refused with a message and leave the
//!   open work as it was; markup in a valid document's text is shown as text, never run;
//! - storage full: a clear message, the work stays, saving resumes once there is room.
//!
//! The static server and WebDriver helpers are a copy of those in `tests/e2e.rs` plus a switch
//! that takes the server offline. Environment: `E2E_DIST`, `CHROMEDRIVER`, `CHROME` as there.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

/// Articles written for these tests.
const ARTICLE: &str =
    "Armed men attacked a police station in Veltana on Monday, killing 4 officers \
and wounding 6 others, a district official said.";
const SECOND: &str =
    "Two days later, a roadside bomb struck a bus near Orsk, killing 9 passengers.";
const OFFLINE_ARTICLE: &str = "Militia fighters raided the village of Pemba Ridge on Sunday, \
killing at least 11 civilians, according to a local chief.";

// ---------------------------------------------------------------------------------------------
// Static file server with an off switch

struct Server {
    port: u16,
    up: Arc<AtomicBool>,
}

impl Server {
    fn start(dir: PathBuf) -> Server {
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

    fn stop(&self) {
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

struct Driver(Child);
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
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "sitrep-e2e-offline-{}-{tag}-{n}",
            std::process::id()
        ));
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

type CmdResult<T> = Result<T, fantoccini::error::CmdError>;

/// One browser (its own profile) on the page.
struct Session {
    client: Client,
    server: Server,
    site: String,
    downloads: TempDir,
    _profile: TempDir,
    _driver: Driver,
}

impl Session {
    async fn start() -> Session {
        let server = Server::start(dist_dir());
        let (driver, wd_port) = start_chromedriver();
        let downloads = TempDir::new("downloads");
        let profile = TempDir::new("profile");
        let chrome = std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let caps = json!({
            "goog:chromeOptions": {
                "binary": chrome,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-quic", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                         format!("--user-data-dir={}", profile.path().display())],
                "prefs": {
                    "download.default_directory": downloads.path().to_string_lossy(),
                    "download.prompt_for_download": false,
                    "download.directory_upgrade": true,
                    "safebrowsing.enabled": false
                }
            }
        });
        let caps = caps.as_object().cloned().unwrap_or_default();
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{wd_port}"))
            .await
            .expect("webdriver session (is chromium installed, same version as chromedriver?)");
        let site = format!("http://127.0.0.1:{}/", server.port);
        Session {
            client,
            server,
            site,
            downloads,
            _profile: profile,
            _driver: driver,
        }
    }

    async fn wait_for_page(&self) -> CmdResult<()> {
        self.client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(Locator::Css("#workspace-list"))
            .await?;
        Ok(())
    }

    async fn open(&self, url: &str) -> CmdResult<()> {
        self.client.goto(url).await?;
        self.wait_for_page().await
    }

    async fn js(&self, script: &str) -> CmdResult<Value> {
        self.client.execute(script, vec![]).await
    }

    async fn js_args(&self, script: &str, args: Vec<Value>) -> CmdResult<Value> {
        self.client.execute(script, args).await
    }

    async fn value_of(&self, id: &str) -> CmdResult<String> {
        let v = self
            .js_args(
                "const e = document.getElementById(arguments[0]); return e ? e.value : null;",
                vec![json!(id)],
            )
            .await?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    /// Sets an input's value as a paste does, then fires input + change.
    async fn set_value(&self, id: &str, value: &str) -> CmdResult<()> {
        self.js_args(
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

    async fn click(&self, id: &str) -> CmdResult<()> {
        self.client.find(Locator::Id(id)).await?.click().await
    }

    /// Polls `script` (true when done) for up to `secs`; returns the time it took.
    async fn wait_until(&self, what: &str, script: &str, secs: u64) -> CmdResult<Duration> {
        let start = Instant::now();
        let deadline = start + Duration::from_secs(secs);
        loop {
            if self.js(script).await? == Value::Bool(true) {
                return Ok(start.elapsed());
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    async fn entries(&self) -> CmdResult<Vec<String>> {
        let v = self
            .js("return [...document.querySelectorAll('#workspace-list [data-entry] .entry-title')].map(e => e.textContent);")
            .await?;
        Ok(serde_json::from_value(v).unwrap_or_default())
    }

    async fn marks(&self) -> CmdResult<usize> {
        let v = self
            .js("return document.querySelectorAll('mark[data-kind]').length;")
            .await?;
        Ok(v.as_u64().unwrap_or(0) as usize)
    }

    /// Clicks a button and returns the one file it downloads.
    async fn download(&self, id: &str) -> CmdResult<(String, Vec<u8>)> {
        for f in std::fs::read_dir(self.downloads.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let _ = std::fs::remove_file(f.path());
        }
        self.click(id).await?;
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
                "no download after clicking #{id} (found {files:?})"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn close(self) {
        let _ = self.client.close().await;
    }
}

fn js_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// True when the saved index lists an article titled `title`.
fn saved_with_title(title: &str) -> String {
    format!(
        "const ix = JSON.parse(localStorage.getItem('sitrep.workspace') || '{{\"entries\":[]}}');
         return ix.entries.some(e => e.title === {});",
        js_str(title)
    )
}

// ---------------------------------------------------------------------------------------------
// Tests

/// An edit is in localStorage within a second; a reload restores text, list and undo history.
#[tokio::test]
async fn autosave_and_reload_restore_everything() {
    let s = Session::start().await;
    let result: CmdResult<()> = async {
        s.open(&s.site).await?;
        s.set_value("title", "Station attack").await?;
        s.set_value("article-text", ARTICLE).await?;
        let took = s
            .wait_until("the autosave", &saved_with_title("Station attack"), 5)
            .await?;
        assert!(
            took < Duration::from_millis(1000),
            "saved after {took:?}, more than a second"
        );
        // A second edit: one more undo step.
        let both = format!("{ARTICLE}\n\n{SECOND}");
        s.set_value("article-text", &both).await?;
        s.wait_until(
            "the second save",
            "const ix = JSON.parse(localStorage.getItem('sitrep.workspace'));
             return ix.entries.length === 1 && ix.entries[0].chars > 150;",
            5,
        )
        .await?;
        let marks = s.marks().await?;
        assert!(marks > 0, "the article has highlights");

        s.client.refresh().await?;
        s.wait_for_page().await?;
        s.wait_until(
            "the restored text",
            &format!(
                "return document.getElementById('article-text').value === {};",
                js_str(&both)
            ),
            20,
        )
        .await?;
        assert_eq!(s.value_of("title").await?, "Station attack");
        assert_eq!(s.entries().await?, vec!["Station attack".to_string()]);
        assert_eq!(s.marks().await?, marks, "highlights after reload");
        let meta = s
            .js("return document.querySelector('#workspace-list [data-entry] .entry-meta').textContent;")
            .await?;
        assert!(
            meta.as_str().unwrap_or_default().contains("incident"),
            "list shows the incident count: {meta}"
        );

        // The undo history came back too.
        s.client
            .find(Locator::XPath("//button[normalize-space(.)='Undo']"))
            .await?
            .click()
            .await?;
        s.wait_until(
            "undo after reload",
            &format!(
                "return document.getElementById('article-text').value === {};",
                js_str(ARTICLE)
            ),
            10,
        )
        .await?;

        // Reopening the page (a new navigation) shows the same.
        s.wait_until("the undo to be saved", &saved_with_title("Station attack"), 5)
            .await?;
        s.open(&s.site).await?;
        s.wait_until(
            "the text after reopening",
            &format!(
                "return document.getElementById('article-text').value === {};",
                js_str(ARTICLE)
            ),
            20,
        )
        .await?;
        Ok(())
    }
    .await;
    s.close().await;
    result.expect("webdriver commands");
}

/// After one visit, the page works with the server stopped: reload, paste, export.
#[tokio::test]
async fn works_offline_after_the_first_visit() {
    let s = Session::start().await;
    let result: CmdResult<()> = async {
        s.open(&s.site).await?;
        // The service worker controls the page and has cached the wasm.
        s.wait_until(
            "the service worker",
            "return !!navigator.serviceWorker && !!navigator.serviceWorker.controller;",
            30,
        )
        .await?;
        s.wait_until(
            "the cached wasm",
            "return caches.keys()
               .then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))
               .then(lists => lists.flat().some(r => r.url.endsWith('.wasm')));",
            30,
        )
        .await?;
        let manifest = s
            .js("return document.querySelector('link[rel=manifest]').href;")
            .await?;
        assert!(manifest
            .as_str()
            .unwrap_or_default()
            .ends_with("manifest.webmanifest"));

        s.server.stop();
        s.client.refresh().await?;
        s.wait_for_page().await?;
        s.set_value("title", "Offline article").await?;
        s.set_value("article-text", OFFLINE_ARTICLE).await?;
        s.wait_until(
            "highlights offline",
            "return document.querySelectorAll('mark[data-kind]').length > 0;",
            20,
        )
        .await?;
        let (name, bytes) = s.download("export-json").await?;
        assert_eq!(name, "offline-article.json");
        let doc: Value = serde_json::from_slice(&bytes).expect("the export is JSON");
        assert_eq!(doc["document"]["text"], OFFLINE_ARTICLE);
        sitrep::format::parse(&String::from_utf8_lossy(&bytes)).expect("a valid document");
        // The manifest and icon are served from the cache too.
        let icon = s
            .js("return fetch('icon-192.png').then(r => r.ok, () => false);")
            .await?;
        assert_eq!(icon, Value::Bool(true), "icon from the cache");
        Ok(())
    }
    .await;
    s.close().await;
    result.expect("webdriver commands");
}

/// A share link made in one browser opens in another as a new workspace entry.
#[tokio::test]
async fn share_link_round_trip() {
    let a = Session::start().await;
    let result: CmdResult<String> = async {
        a.open(&a.site).await?;
        a.set_value("title", "Shared report").await?;
        a.set_value("published", "2025-06-02").await?;
        a.set_value("article-text", ARTICLE).await?;
        a.wait_until("the save", &saved_with_title("Shared report"), 5)
            .await?;
        a.click("share-link-button").await?;
        a.wait_until(
            "the share link",
            "const e = document.getElementById('share-link'); return !!e && e.value.includes('#sitrep=1.');",
            10,
        )
        .await?;
        a.value_of("share-link").await
    }
    .await;
    a.close().await;
    let link = result.expect("webdriver commands");

    let b = Session::start().await;
    let result: CmdResult<()> = async {
        // Something of b's own first, which must stay.
        b.open(&b.site).await?;
        b.set_value("title", "Own work").await?;
        b.set_value("article-text", SECOND).await?;
        b.wait_until("b's save", &saved_with_title("Own work"), 5).await?;
        let link = link.replacen(
            &link[..link.find('#').unwrap_or(0)],
            &b.site,
            1,
        );
        b.open(&link).await?;
        b.wait_until(
            "the shared text",
            &format!(
                "return document.getElementById('article-text').value === {};",
                js_str(ARTICLE)
            ),
            20,
        )
        .await?;
        assert_eq!(b.value_of("title").await?, "Shared report");
        assert_eq!(b.value_of("published").await?, "2025-06-02");
        let mut entries = b.entries().await?;
        entries.sort();
        assert_eq!(entries, vec!["Own work".to_string(), "Shared report".to_string()]);
        // The link left the address bar: a reload does not import it twice.
        b.wait_until("the save", &saved_with_title("Shared report"), 5).await?;
        b.client.refresh().await?;
        b.wait_for_page().await?;
        b.wait_until(
            "the list after reload",
            "return document.querySelectorAll('#workspace-list [data-entry]').length === 2;",
            10,
        )
        .await?;
        // A damaged link says so and changes nothing.
        b.open(&format!("{}#sitrep=1.AAAA!!", b.site)).await?;
        b.wait_until(
            "an alert about the damaged link",
            "return [...document.querySelectorAll('[role=alert]')].some(e => e.textContent.includes('share link'));",
            10,
        )
        .await?;
        assert_eq!(b.entries().await?.len(), 2);
        Ok(())
    }
    .await;
    b.close().await;
    result.expect("webdriver commands");
}

/// A valid document to mutate into hostile ones.
fn valid_doc() -> Value {
    let doc = sitrep::format::annotate(sitrep::format::Meta {
        text: ARTICLE.to_string(),
        title: Some("Valid".into()),
        source: None,
        published: Some("2025-01-06".into()),
    });
    serde_json::from_str(&sitrep::format::to_json(&doc)).expect("own JSON")
}

/// Hostile files are refused with a reason and leave the open work alone; markup in a valid
/// document's text is shown as text.
#[tokio::test]
async fn hostile_imports_leave_the_work_untouched() {
    let mut wrong_version = valid_doc();
    wrong_version["version"] = json!(7);
    let mut out_of_range = valid_doc();
    out_of_range["entities"][0]["end"] = json!(100_000);
    let mut mismatch = valid_doc();
    mismatch["entities"][0]["text"] = json!("<b>not the text</b>");
    let full = serde_json::to_string(&valid_doc()).unwrap_or_default();
    let truncated = full[..full.len() / 2].to_string();
    let nested = format!("{}{}", "[".repeat(5_000), "]".repeat(5_000));
    let cases: Vec<(&str, String, &str)> = vec![
        ("truncated", truncated, "not valid JSON"),
        ("wrong version", wrong_version.to_string(), "version 7"),
        (
            "offsets out of range",
            out_of_range.to_string(),
            "outside the text",
        ),
        ("quote mismatch", mismatch.to_string(), "does not match"),
        ("deeply nested", nested, "JSON"),
        ("not sitrep", "{\"hello\": 1}".to_string(), "Sitrep"),
    ];

    let s = Session::start().await;
    let result: CmdResult<()> = async {
        s.open(&s.site).await?;
        s.set_value("title", "My work").await?;
        s.set_value("article-text", ARTICLE).await?;
        s.wait_until("the save", &saved_with_title("My work"), 5).await?;
        tokio::time::sleep(Duration::from_millis(1200)).await;
        let marks = s.marks().await?;
        let stored = s.js("return JSON.stringify(localStorage);").await?;

        for (i, (name, json, want)) in cases.iter().enumerate() {
            // Odd cases pasted into the Import box, even ones dropped as a file.
            if i % 2 == 0 {
                s.set_value("import-text", json).await?;
                s.click("import-button").await?;
            } else {
                s.js_args(
                    "const dt = new DataTransfer();
                     dt.items.add(new File([arguments[0]], 'hostile.json', {type: 'application/json'}));
                     document.body.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
                    vec![json!(json)],
                )
                .await?;
            }
            s.wait_until(
                &format!("the refusal of the {name} file"),
                &format!(
                    "return [...document.querySelectorAll('[role=alert]')].some(e => e.textContent.includes({}) && e.textContent.includes('unchanged'));",
                    js_str(want)
                ),
                20,
            )
            .await?;
            assert_eq!(s.value_of("article-text").await?, ARTICLE, "{name}: text");
            assert_eq!(s.value_of("title").await?, "My work", "{name}: title");
            assert_eq!(s.marks().await?, marks, "{name}: highlights");
            assert_eq!(s.entries().await?, vec!["My work".to_string()], "{name}: list");
            // Dismiss the alert for the next case.
            s.js("document.querySelectorAll('[role=alert] button').forEach(b => b.click());")
                .await?;
            s.wait_until(
                "the alert to go",
                "return document.querySelectorAll('[role=alert]').length === 0;",
                10,
            )
            .await?;
        }

        // Over the size limit (built in the page: 33 MB).
        s.js("const box = document.getElementById('import-text');
              box.value = '{\"format\":\"sitrep\",\"pad\":\"' + 'x'.repeat(33 * 1024 * 1024) + '\"}';
              box.dispatchEvent(new Event('input', {bubbles: true}));
              document.getElementById('import-button').click();")
            .await?;
        s.wait_until(
            "the refusal of the huge file",
            "return [...document.querySelectorAll('[role=alert]')].some(e => e.textContent.includes('MB'));",
            30,
        )
        .await?;
        s.js("document.getElementById('import-text').value = '';").await?;
        assert_eq!(s.value_of("article-text").await?, ARTICLE, "huge: text");
        s.js("document.querySelectorAll('[role=alert] button').forEach(b => b.click());")
            .await?;
        tokio::time::sleep(Duration::from_millis(1200)).await;
        let after = s.js("return JSON.stringify(localStorage);").await?;
        assert_eq!(after, stored, "storage is as it was");

        // Markup in a valid document: imported, and shown as text only.
        let mut markup = valid_doc();
        let evil = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
        markup["document"]["title"] = json!(evil);
        s.set_value("import-text", &markup.to_string()).await?;
        s.click("import-button").await?;
        s.wait_until(
            "the markup document",
            &format!(
                "return [...document.querySelectorAll('#workspace-list .entry-title')].some(e => e.textContent === {});",
                js_str(evil)
            ),
            10,
        )
        .await?;
        let pwned = s
            .js("return [window.__pwned || 0, document.querySelectorAll('img[src=x], #workspace-list script').length];")
            .await?;
        assert_eq!(pwned, json!([0, 0]), "markup from a file was run or inserted");
        assert_eq!(s.entries().await?.len(), 2, "the valid import is a new entry");
        Ok(())
    }
    .await;
    s.close().await;
    result.expect("webdriver commands");
}

/// A full storage says so, keeps the work, and saving resumes once there is room.
#[tokio::test]
async fn storage_full_is_reported_and_work_kept() {
    let s = Session::start().await;
    let result: CmdResult<()> = async {
        s.open(&s.site).await?;
        s.set_value("title", "Before full").await?;
        s.set_value("article-text", ARTICLE).await?;
        s.wait_until("the save", &saved_with_title("Before full"), 5).await?;
        // Fill the rest of localStorage.
        s.js("let n = 0, size = 1 << 20;
              while (size >= 64) {
                try { localStorage.setItem('junk' + n, 'x'.repeat(size)); n++; }
                catch (e) { size = size >> 1; }
              }
              return n;")
            .await?;
        let both = format!("{ARTICLE}\n\n{SECOND}");
        s.set_value("article-text", &both).await?;
        s.wait_until(
            "the storage message",
            "const e = document.getElementById('storage-status');
             return !!e && e.getAttribute('role') === 'alert' && e.textContent.includes('storage is full');",
            10,
        )
        .await?;
        assert_eq!(s.value_of("article-text").await?, both, "work kept");
        // Make room: the next change is saved and the message goes.
        s.js("Object.keys(localStorage).filter(k => k.startsWith('junk')).forEach(k => localStorage.removeItem(k));")
            .await?;
        s.set_value("title", "After full").await?;
        s.wait_until("the save after room", &saved_with_title("After full"), 5)
            .await?;
        s.wait_until(
            "the message to go",
            "return document.getElementById('storage-status').getAttribute('role') === 'status';",
            5,
        )
        .await?;
        Ok(())
    }
    .await;
    s.close().await;
    result.expect("webdriver commands");
}
