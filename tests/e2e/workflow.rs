//! The annotation workflow on the release page: label a selection (menu and keys), edit an
//! incident count, undo and redo by keyboard with byte-exact exports, manual spans surviving
//! text edits (and lost ones surviving a reload), a keyboard-only session; and the latency
//! benchmark for typing and selecting in 3 KB and 100 KB articles (ignored by default:
//! `cargo test --test e2e -- --ignored bench --nocapture`).

use std::time::Duration;

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::common::*;

/// An article written for these tests (no outlet's text): one attack with a casualty figure, a
/// date, a place, an armed group and a source.
const ARTICLE: &str = "Fighters of the Northern Hills Brigade stormed a police post near \
Sabrela on Sunday, killing at least 9 officers, the provincial council said.

Residents said the attackers arrived on motorcycles before dawn and left two hours later.";
const PUBLISHED: &str = "2024-06-11";

/// Selects the first `needle` in the article view, as a mouse drag over it would (a DOM
/// selection across the view's text nodes). Returns false when the view does not hold it.
const SELECT_JS: &str = r#"
const [needle, nth] = arguments;
const view = document.querySelector('.article-view');
const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
const nodes = []; let text = '';
while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
let at = -1;
for (let i = 0; i <= (nth || 0); i++) { at = text.indexOf(needle, at + 1); if (at < 0) return false; }
const end = at + needle.length;
const pos = (off) => {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const [n, s] = nodes[i];
    if (off >= s) return [n, off - s];
  }
  return null;
};
const [a, ao] = pos(at); const [f, fo] = pos(end);
window.getSelection().setBaseAndExtent(a, ao, f, fo);
return window.getSelection().toString() === needle;
"#;

async fn select(s: &Session, needle: &str) -> CmdResult<()> {
    let ok = s.js(SELECT_JS, vec![json!(needle), json!(0)]).await?;
    assert_eq!(ok, Value::Bool(true), "select {needle:?} in the view");
    Ok(())
}

/// Opens the page and pastes the article with its publication date; waits for highlights.
async fn start_with(s: &Session, article: &str) -> CmdResult<()> {
    s.open_page().await?;
    s.set_value("published", PUBLISHED).await?;
    s.set_value("article-text", article).await?;
    s.wait_until(
        "highlights",
        "return document.querySelectorAll('mark[data-kind]').length > 0;",
        30,
    )
    .await?;
    Ok(())
}

/// Sends keys to the focused element (WebDriver "send keys": real key events; modifier keys
/// stay down until the end of the string).
async fn keys(s: &Session, k: &str) -> CmdResult<()> {
    s.client.active_element().await?.send_keys(k).await
}

/// The exported document, parsed.
async fn export_doc(s: &Session) -> CmdResult<(Vec<u8>, Value)> {
    let bytes = s.export().await?;
    let v = serde_json::from_slice(&bytes).expect("the export is JSON");
    Ok((bytes, v))
}

fn entity<'a>(doc: &'a Value, id: &str) -> Option<&'a Value> {
    doc["entities"]
        .as_array()?
        .iter()
        .find(|e| e["id"].as_str() == Some(id))
}

/// Select → the label menu → the export holds a manual entity with that kind, text, offsets
/// and review state; the digit key does the same for a second selection.
#[tokio::test]
async fn select_then_label_puts_a_manual_entity_in_the_export() {
    let owned = Session::start().await;
    let s = &owned;
    let result: CmdResult<()> = async {
        start_with(s, ARTICLE).await?;
        let (before, _) = export_doc(s).await?;
        assert!(!String::from_utf8_lossy(&before).contains("\"manual\""));

        // Menu: select, then click "Figure" in the menu under the selection.
        select(s, "a police post").await?;
        s.client
            .wait()
            .at_most(Duration::from_secs(5))
            .for_element(Locator::Css("#label-menu.open"))
            .await?;
        s.client
            .find(Locator::Css("#label-menu button[data-kind=figure]"))
            .await?
            .click()
            .await?;
        s.wait_until(
            "m1",
            "return !!document.querySelector('mark[data-id=m1][data-kind=figure]');",
            5,
        )
        .await?;

        // Keys: select, press 2 (location).
        select(s, "two hours").await?;
        s.client
            .find(Locator::Css(".article-view"))
            .await?
            .send_keys("2")
            .await?;
        s.wait_until(
            "m2",
            "return !!document.querySelector('mark[data-id=m2][data-kind=location]');",
            5,
        )
        .await?;

        let (_, doc) = export_doc(s).await?;
        let start = ARTICLE[..ARTICLE.find("a police post").unwrap()]
            .chars()
            .count();
        let m1 = entity(&doc, "m1").expect("m1 in the export");
        assert_eq!(m1["kind"], "figure");
        assert_eq!(m1["text"], "a police post");
        assert_eq!(m1["origin"], "manual");
        assert_eq!(m1["status"], "edited");
        assert_eq!(m1["start"], json!(start));
        assert_eq!(m1["end"], json!(start + "a police post".len()));
        let m2 = entity(&doc, "m2").expect("m2 in the export");
        assert_eq!(
            (m2["kind"].as_str(), m2["text"].as_str()),
            (Some("location"), Some("two hours"))
        );
        Ok(())
    }
    .await;
    owned.finish(result).await;
}

const KILLED_BEST: &str = "[data-incident] [data-rows=killed] input[data-bound=best]";

/// Editing a killed row's best estimate: the card's fatalities total follows, the export holds
/// the count with the field marked edited; Ctrl+Z restores the previous export byte for byte,
/// Ctrl+Shift+Z and Ctrl+Y redo it.
#[tokio::test]
async fn edit_a_count_then_undo_and_redo_by_keyboard() {
    let owned = Session::start().await;
    let s = &owned;
    let result: CmdResult<()> = async {
        start_with(s, ARTICLE).await?;
        let (a, doc_a) = export_doc(s).await?;
        let inc = doc_a["incidents"][0].clone();
        assert_eq!(inc["killed"][0]["best"], json!(9), "{inc}");
        let id = inc["id"].as_str().unwrap_or_default().to_string();

        // Select the old figure and type over it (one change event, so one undo step).
        let input = s.client.find(Locator::Css(KILLED_BEST)).await?;
        input
            .send_keys(&format!("{}a{}14{}", &*Key::Control, &*Key::Null, &*Key::Tab))
            .await?;
        s.wait_until(
            "the total",
            &format!(
                "return document.querySelector('[data-incident={id}] .fatalities').textContent.includes('14');"
            ),
            5,
        )
        .await?;
        let (b, doc_b) = export_doc(s).await?;
        let inc_b = &doc_b["incidents"][0];
        assert_eq!(inc_b["killed"][0]["best"], json!(14));
        assert_eq!(inc_b["fatalities"]["best"], json!(14));
        assert_eq!(inc_b["review"]["killed"], "edited");
        assert_ne!(a, b);

        // Undo (Ctrl+Z on whatever has focus): the export is the one before, exactly.
        keys(s, &format!("{}z", &*Key::Control)).await?;
        s.wait_until(
            "undo",
            &format!(
                "return !document.querySelector('[data-incident={id}] .fatalities').textContent.includes('14');"
            ),
            5,
        )
        .await?;
        let (c, _) = export_doc(s).await?;
        assert!(c == a, "undo restores the previous export byte for byte:\n{}\nvs\n{}", String::from_utf8_lossy(&c), String::from_utf8_lossy(&a));

        // Redo both ways.
        keys(s, &format!("{}{}z", &*Key::Control, &*Key::Shift)).await?;
        let (d, _) = export_doc(s).await?;
        assert!(d == b, "Ctrl+Shift+Z redoes: {}", String::from_utf8_lossy(&d));
        keys(s, &format!("{}z", &*Key::Control)).await?;
        keys(s, &format!("{}y", &*Key::Control)).await?;
        let (e, _) = export_doc(s).await?;
        assert!(e == b, "Ctrl+Y redoes: {}", String::from_utf8_lossy(&e));
        Ok(())
    }
    .await;
    owned.finish(result).await;
}

/// A manual span moves with its words when text is typed before it; when its words are edited
/// away it is listed as lost, and the list survives a reload.
#[tokio::test]
async fn editing_the_text_keeps_manual_spans_and_lost_ones_survive_reload() {
    let owned = Session::start().await;
    let s = &owned;
    let result: CmdResult<()> = async {
        start_with(s, ARTICLE).await?;
        select(s, "before dawn").await?;
        s.client
            .find(Locator::Css(".article-view"))
            .await?
            .send_keys("1")
            .await?;
        s.wait_until("m1", "return !!document.querySelector('mark[data-id=m1]');", 5)
            .await?;

        // Type at the very start of the article.
        let ta = s.client.find(Locator::Id("article-text")).await?;
        ta.send_keys(&format!("{}{}Update: ", Key::Control + &*Key::Home, &*Key::Null))
            .await?;
        s.wait_until(
            "the typed words",
            "return document.getElementById('article-text').value.startsWith('Update: Fighters');",
            10,
        )
        .await?;
        s.wait_until(
            "the view follows",
            "return document.querySelector('.article-view').textContent.startsWith('Update: ');",
            10,
        )
        .await?;
        let (_, doc) = export_doc(s).await?;
        let m1 = entity(&doc, "m1").expect("m1 kept after typing");
        let start = ARTICLE[..ARTICLE.find("before dawn").unwrap()].chars().count() + 8;
        assert_eq!(m1["text"], "before dawn");
        assert_eq!(m1["start"], json!(start));
        assert_eq!(m1["kind"], "date");

        // Edit its words away (a paste over the whole text): flagged, not dropped.
        let edited = format!("Update: {ARTICLE}").replace("before dawn", "at first light");
        s.set_value("article-text", &edited).await?;
        s.wait_until(
            "the lost list",
            "const l = document.getElementById('lost-spans'); return !!l && l.textContent.includes('before dawn');",
            10,
        )
        .await?;
        let (_, doc) = export_doc(s).await?;
        assert!(entity(&doc, "m1").is_none());

        // Reload: the workspace restores the article and the lost list.
        s.client.refresh().await?;
        s.wait_for_page().await?;
        s.wait_until(
            "the restored lost list",
            "const l = document.getElementById('lost-spans'); return !!l && l.textContent.includes('before dawn');",
            15,
        )
        .await?;
        assert_eq!(s.value_of("article-text").await?, edited);
        Ok(())
    }
    .await;
    owned.finish(result).await;
}

/// Presses `key` until the focused element matches `css` (at most `max` presses); fails
/// otherwise. Only keys: no clicks.
async fn tab_to(s: &Session, key: &str, css: &str, max: usize) -> CmdResult<()> {
    let check = "const e = document.activeElement; return !!e && e.matches(arguments[0]);";
    for _ in 0..max {
        if s.js(check, vec![json!(css)]).await? == Value::Bool(true) {
            return Ok(());
        }
        keys(s, key).await?;
    }
    panic!("{css} never got the focus with {max} key presses");
}

/// Keyboard only (no clicks): Tab to a highlight, Shift+arrows to select, a digit to label,
/// Enter to open the editor and Escape to close it, Tab to a casualty count and type a new
/// one, Shift+Tab back to "Export JSON" and press Enter: the export holds both edits.
#[tokio::test]
async fn a_keyboard_only_session_labels_a_span_and_edits_a_field() {
    let owned = Session::start().await;
    let s = &owned;
    let result: CmdResult<()> = async {
        start_with(s, ARTICLE).await?;
        // Start from the page itself.
        s.js("document.activeElement && document.activeElement.blur();", vec![])
            .await?;
        let tab = Key::Tab.to_string();
        tab_to(s, &tab, "mark[data-kind=location]", 80).await?;
        let word = "Sabrela";
        let shift_right = format!("{}{}", &*Key::Shift, Key::Right.repeat(word.len()));
        keys(s, &shift_right).await?;
        let sel = s.js("return window.getSelection().toString();", vec![]).await?;
        assert_eq!(sel, json!(word), "Shift+arrows select from the focused highlight");
        keys(s, "3").await?; // actor
        s.wait_until(
            "m1",
            "return !!document.querySelector('mark[data-id=m1][data-kind=actor]');",
            5,
        )
        .await?;

        // Enter on the new highlight opens its editor; Escape closes it and returns focus.
        tab_to(s, &tab, "mark[data-id=m1]", 40).await?;
        keys(s, &Key::Enter.to_string()).await?;
        s.wait_until(
            "the editor, focused",
            "return !!document.getElementById('span-editor') && document.activeElement.id === 'span-kind';",
            5,
        )
        .await?;
        keys(s, &Key::Escape.to_string()).await?;
        s.wait_until(
            "focus back on the highlight",
            "return !document.getElementById('span-editor') && document.activeElement.matches('mark[data-id=m1]');",
            5,
        )
        .await?;

        // Tab to the killed count, replace it, Tab away (the change is sent).
        tab_to(s, &tab, KILLED_BEST, 200).await?;
        keys(s, &format!("{}a{}", &*Key::Control, &*Key::Null)).await?;
        keys(s, &format!("11{tab}")).await?;
        s.wait_until(
            "the total",
            "return document.querySelector('[data-incident] .fatalities').textContent.includes('11');",
            5,
        )
        .await?;

        // Back to "Export JSON" and Enter.
        let back = format!("{}{}", &*Key::Shift, &*Key::Tab);
        tab_to(s, &back, "#export-json", 400).await?;
        let before = s.export_with_key(&Key::Enter.to_string()).await?;
        let doc: Value = serde_json::from_slice(&before).expect("JSON");
        let m1 = entity(&doc, "m1").expect("m1 exported");
        assert_eq!((m1["kind"].as_str(), m1["text"].as_str()), (Some("actor"), Some(word)));
        assert_eq!(doc["incidents"][0]["killed"][0]["best"], json!(11));
        Ok(())
    }
    .await;
    owned.finish(result).await;
}

// ---- latency benchmark ------------------------------------------------------------------------

/// In-page measurement, run through `execute_async`. Keystroke-to-paint: for each real key
/// press (WebDriver sends them), from the keydown event's timestamp to the first task after the
/// next animation frame (the frame that paints the echo). Selection-to-menu: from setting a
/// selection to the first task after the frame in which `#label-menu` is open.
const LATENCY_JS: &str = r#"
const [mode, runs, done] = arguments;
const after_paint = (f) => requestAnimationFrame(() => setTimeout(f, 0));
if (mode === 'keys-install') {
  window.__keyTimes = [];
  document.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    after_paint(() => window.__keyTimes.push(performance.now() - t0));
  }, true);
  done(true);
} else if (mode === 'keys-read') {
  const t = window.__keyTimes; window.__keyTimes = []; done(t);
} else if (mode === 'baseline-textarea') {
  // A bare textarea outside the app: what the browser itself needs per key here.
  const ta = document.createElement('textarea');
  ta.id = 'bench-baseline';
  document.body.appendChild(ta);
  done(true);
} else if (mode === 'baseline-select') {
  // Selecting in a plain paragraph outside the app, to the next paint (no menu).
  const p = document.createElement('p');
  p.textContent = 'A plain paragraph outside the app, used to time a selection alone.';
  document.body.appendChild(p);
  const times = []; let n = 0;
  const once = () => {
    if (n === runs) { window.getSelection().removeAllRanges(); p.remove(); done(times); return; }
    n += 1;
    const t0 = performance.now();
    window.getSelection().setBaseAndExtent(p.firstChild, 2, p.firstChild, 10);
    after_paint(() => { times.push(performance.now() - t0); window.getSelection().removeAllRanges(); setTimeout(once, 60); });
  };
  setTimeout(once, 100);
} else if (mode === 'select') {
  const view = document.querySelector('.article-view');
  const spans = [...view.querySelectorAll('span[data-start]')].filter(s => s.textContent.length > 12);
  const times = [];
  let n = 0;
  const once = () => {
    if (n === runs) { window.getSelection().removeAllRanges(); done(times); return; }
    const span = spans[(n * 7919) % spans.length];
    n += 1;
    const node = span.firstChild;
    const t0 = performance.now();
    let seen = false;
    const obs = new MutationObserver(() => {
      if (!seen && document.querySelector('#label-menu.open')) {
        seen = true; obs.disconnect();
        after_paint(() => {
          times.push(performance.now() - t0);
          window.getSelection().removeAllRanges();
          setTimeout(once, 60);
        });
      }
    });
    obs.observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ['class']});
    window.getSelection().setBaseAndExtent(node, 2, node, 10);
    setTimeout(() => { if (!seen) { obs.disconnect(); times.push(NaN); once(); } }, 3000);
  };
  // Start without a selection (and without a menu).
  window.getSelection().removeAllRanges();
  setTimeout(once, 100);
}
"#;

fn summary(times: &[f64]) -> (f64, f64, f64) {
    let mut v = times.to_vec();
    v.sort_by(f64::total_cmp);
    let pct = |p: f64| v[((v.len() - 1) as f64 * p).round() as usize];
    (pct(0.5), pct(0.95), v[v.len() - 1])
}

/// Keystroke-to-paint and selection-to-menu latency on a ~3 KB and a ~100 KB article; also the
/// time until the highlights show what was typed. Prints median, 95th percentile and maximum.
///
/// Chromium runs with [`UNPACED`] frames: the figures are the browser's and the page's work
/// for a key or a selection, without the wait for a 60 Hz display's next refresh (add up to
/// 16.7 ms on such a display, as for any page). `E2E_PACED=1` measures with Chromium's usual
/// frame pacing instead. Each run also times the same key presses in a bare textarea and a
/// selection in a plain paragraph outside the app, as baselines.
#[tokio::test]
#[ignore = "benchmark: cargo test --test e2e -- --ignored bench --nocapture"]
async fn bench_typing_and_selection_latency() {
    let paced = std::env::var_os("E2E_PACED").is_some();
    let flags: &[&str] = if paced { &[] } else { UNPACED };
    let mut report = vec![format!("Chromium flags: {flags:?}")];
    for size in [3_000usize, 100_000] {
        let article = crate::support::bench_article(size);
        let s = Session::start_with(flags).await;
        let result: CmdResult<()> = async {
            start_with(&s, &article).await?;
            // Typing: a sentence at the end of the text, one real key press per send_keys call.
            s.client.execute_async(LATENCY_JS, vec![json!("keys-install"), json!(0)]).await?;
            let ta = s.client.find(Locator::Id("article-text")).await?;
            ta.send_keys(&Key::End.to_string()).await?;
            ta.send_keys(&(Key::Control + &*Key::End)).await?;
            let typed = " Gunmen killed 17 farmers on Friday.";
            s.profile_start().await;
            let t = std::time::Instant::now();
            for c in typed.chars() {
                ta.send_keys(&c.to_string()).await?;
            }
            let send = t.elapsed();
            s.profile_stop(&format!("typing-{size}")).await;
            // Until the highlights show the last figure typed.
            let settle = s
                .wait_until(
                    "the typed text highlighted",
                    "return [...document.querySelectorAll('mark[data-kind]')].some(m => m.textContent.includes('killed 17'));",
                    30,
                )
                .await?;
            let times: Vec<f64> = serde_json::from_value(
                s.client.execute_async(LATENCY_JS, vec![json!("keys-read"), json!(0)]).await?,
            )
            .unwrap_or_default();
            assert!(!times.is_empty() && times.iter().all(|t| t.is_finite()), "{times:?}");
            let (med, p95, max) = summary(&times);
            report.push(format!(
                "{:>6} B article: keystroke-to-paint median {med:.1} ms, p95 {p95:.1} ms, max {max:.1} ms ({} keys in {:.0} ms); highlights updated {:.0} ms after the last key",
                article.len(),
                times.len(),
                send.as_secs_f64() * 1000.0,
                settle.as_secs_f64() * 1000.0
            ));
            // Selecting: 30 selections.
            s.profile_start().await;
            let sel: Vec<f64> = serde_json::from_value(
                s.client.execute_async(LATENCY_JS, vec![json!("select"), json!(30)]).await?,
            )
            .unwrap_or_default();
            s.profile_stop(&format!("select-{size}")).await;
            assert!(!sel.is_empty() && sel.iter().all(|t| t.is_finite()), "menu never showed: {sel:?}");
            let (med, p95, max) = summary(&sel);
            report.push(format!(
                "{:>6} B article: selection-to-menu median {med:.1} ms, p95 {p95:.1} ms, max {max:.1} ms ({} selections)",
                article.len(),
                sel.len()
            ));
            // Baselines on the same page: a bare textarea and a plain paragraph outside the
            // app (the browser's own cost on this machine, under its current load).
            s.client.execute_async(LATENCY_JS, vec![json!("baseline-textarea"), json!(0)]).await?;
            let bare = s.client.find(Locator::Id("bench-baseline")).await?;
            for c in typed.chars() {
                bare.send_keys(&c.to_string()).await?;
            }
            let base_keys: Vec<f64> = serde_json::from_value(
                s.client.execute_async(LATENCY_JS, vec![json!("keys-read"), json!(0)]).await?,
            )
            .unwrap_or_default();
            let base_sel: Vec<f64> = serde_json::from_value(
                s.client.execute_async(LATENCY_JS, vec![json!("baseline-select"), json!(30)]).await?,
            )
            .unwrap_or_default();
            if !base_keys.is_empty() && !base_sel.is_empty() {
                let (km, _, _) = summary(&base_keys);
                let (sm, _, _) = summary(&base_sel);
                report.push(format!(
                    "{:>6} B article page, baseline outside the app: key-to-paint median {km:.1} ms, selection-to-paint median {sm:.1} ms",
                    article.len()
                ));
            }
            Ok(())
        }
        .await;
        s.close().await;
        result.expect("webdriver commands");
    }
    for line in report {
        println!("{line}");
    }
}
