//! Never lose work, work offline, share without a server: autosave and reload, the service worker,
//! share links, hostile imports and a full storage.

use std::time::Duration;

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::common::*;

/// Articles written for these tests.
const ARTICLE: &str =
    "Armed men attacked a police station in Veltana on Monday, killing 4 officers \
and wounding 6 others, a district official said.";
const SECOND: &str =
    "Two days later, a roadside bomb struck a bus near Orsk, killing 9 passengers.";
const OFFLINE_ARTICLE: &str = "Militia fighters raided the village of Pemba Ridge on Sunday, \
killing at least 11 civilians, according to a local chief.";

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
        let marks = s.mark_count().await?;
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
        assert_eq!(s.mark_count().await?, marks, "highlights after reload");
        let meta = s
            .js("return document.querySelector('#workspace-list [data-entry] .entry-meta').textContent;", vec![])
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
            .js(
                "return document.querySelector('link[rel=manifest]').href;",
                vec![],
            )
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
            .js(
                "return fetch('icon-192.png').then(r => r.ok, () => false);",
                vec![],
            )
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
        let marks = s.mark_count().await?;
        let stored = s.js("return JSON.stringify(localStorage);", vec![]).await?;

        for (i, (name, json, want)) in cases.iter().enumerate() {
            // Odd cases pasted into the Import box, even ones dropped as a file.
            if i % 2 == 0 {
                s.set_value("import-text", json).await?;
                s.click("import-button").await?;
            } else {
                s.js(
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
            assert_eq!(s.mark_count().await?, marks, "{name}: highlights");
            assert_eq!(s.entries().await?, vec!["My work".to_string()], "{name}: list");
            // Dismiss the alert for the next case.
            s.js("document.querySelectorAll('[role=alert] button').forEach(b => b.click());", vec![])
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
              document.getElementById('import-button').click();", vec![])
            .await?;
        s.wait_until(
            "the refusal of the huge file",
            "return [...document.querySelectorAll('[role=alert]')].some(e => e.textContent.includes('MB'));",
            30,
        )
        .await?;
        s.js("document.getElementById('import-text').value = '';", vec![]).await?;
        assert_eq!(s.value_of("article-text").await?, ARTICLE, "huge: text");
        s.js("document.querySelectorAll('[role=alert] button').forEach(b => b.click());", vec![])
            .await?;
        tokio::time::sleep(Duration::from_millis(1200)).await;
        let after = s.js("return JSON.stringify(localStorage);", vec![]).await?;
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
            .js("return [window.__pwned || 0, document.querySelectorAll('img[src=x], #workspace-list script').length];", vec![])
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
              return n;", vec![])
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
        s.js("Object.keys(localStorage).filter(k => k.startsWith('junk')).forEach(k => localStorage.removeItem(k));", vec![])
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
