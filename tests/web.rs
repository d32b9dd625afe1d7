//! Browser tests of the page: render the app into a div, drive its fields as a user would
//! (set a value, send the event), and read the DOM.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (headless Chrome through
//! `wasm-bindgen-test-runner`; no `-q`, the runner refuses it).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

#[path = "support/bench_article.rs"]
mod support;
use support::bench_article;

use sitrep::extract::{ActorValue, Entity, Kind, Origin, Side, Value};
use sitrep::format::{self, Meta};
use sitrep::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

/// A sentence written for these tests: a casualty figure, a date, a place, an actor.
const SENTENCE: &str =
    "Gunmen killed at least 12 villagers in Tillabéri on Monday, security sources said.";

struct Page {
    root: Element,
    handle: Option<AppHandle<App>>,
}

impl Page {
    async fn new() -> Page {
        // Each page starts with an empty workspace (the page restores what was saved).
        if let Ok(Some(storage)) = web_sys::window().unwrap().local_storage() {
            storage.clear().unwrap();
        }
        // As `main` does for the page.
        sitrep::extract::memo::enable(true);
        let document = gloo_utils_document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<App>::with_root(root.clone()).render();
        yew::scheduler::flush().await;
        Page {
            root,
            handle: Some(handle),
        }
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn get(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("{selector} is on the page"))
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect()
    }

    fn text_value(&self) -> String {
        self.get("#article-text")
            .dyn_into::<HtmlTextAreaElement>()
            .unwrap()
            .value()
    }

    /// Sets a field's value and sends `event`, as typing or pasting does.
    async fn set(&self, selector: &str, value: &str, event: &str) {
        let el = self.get(selector);
        if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
            t.set_value(value);
        } else {
            el.dyn_ref::<HtmlInputElement>().unwrap().set_value(value);
        }
        fire(&el, event);
        yew::scheduler::flush().await;
    }

    async fn type_text(&self, text: &str) {
        self.set("#article-text", text, "input").await;
    }

    async fn click(&self, selector: &str) {
        self.get(selector)
            .dyn_into::<HtmlElement>()
            .unwrap()
            .click();
        yew::scheduler::flush().await;
    }

    /// Waits up to `ms` for `selector` (the file reader and debounce are asynchronous).
    async fn wait_for(&self, selector: &str, ms: u64) -> Option<Element> {
        for _ in 0..ms / 10 {
            yew::scheduler::flush().await;
            if let Some(e) = self.find(selector) {
                return Some(e);
            }
            gloo_timers::future::sleep(Duration::from_millis(10)).await;
        }
        None
    }

    /// Hands `contents` to the Open input as file `name`.
    async fn open_file(&self, name: &str, contents: &str) {
        let input: HtmlInputElement = self.get("#open-json").dyn_into().unwrap();
        let file = web_sys::File::new_with_str_sequence(
            &wasm_bindgen::JsValue::from(vec![wasm_bindgen::JsValue::from_str(contents)]),
            name,
        )
        .unwrap();
        let dt = web_sys::DataTransfer::new().unwrap();
        dt.items().add_with_file(&file).unwrap();
        input.set_files(dt.files().as_ref());
        fire(&input, "change");
        yew::scheduler::flush().await;
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

fn gloo_utils_document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Sends a bubbling event (the app listens at its root, so events must bubble).
fn fire(el: &Element, name: &str) {
    let ev = gloo_utils_document().create_event("Event").unwrap();
    ev.init_event_with_bubbles_and_cancelable(name, true, true);
    el.dispatch_event(&ev).unwrap();
}

fn kinds(page: &Page) -> Vec<String> {
    page.all("mark[data-kind]")
        .iter()
        .filter_map(|m| m.get_attribute("data-kind"))
        .collect()
}

#[wasm_bindgen_test]
async fn page_has_the_labelled_fields_buttons_and_credit() {
    let page = Page::new().await;
    for (id, label) in [
        ("article-text", "Article text"),
        ("published", "Published"),
        ("title", "Title"),
        ("source", "Source URL"),
    ] {
        let l = page.get(&format!("label[for={id}]"));
        assert_eq!(l.text_content().unwrap(), label);
        page.get(&format!("#{id}"));
    }
    assert_eq!(page.get("textarea#article-text").tag_name(), "TEXTAREA");
    assert_eq!(
        page.get("#published").get_attribute("type").as_deref(),
        Some("date")
    );
    let buttons: Vec<String> = page
        .all("button")
        .iter()
        .filter_map(|b| b.text_content())
        .collect();
    assert!(buttons.contains(&"Export JSON".to_string()), "{buttons:?}");
    assert!(buttons.contains(&"Open JSON".to_string()), "{buttons:?}");
    let open = page.get("input#open-json");
    assert_eq!(open.get_attribute("type").as_deref(), Some("file"));
    assert_eq!(
        open.get_attribute("accept").as_deref(),
        Some(".json,application/json")
    );
    assert!(page
        .get("footer")
        .text_content()
        .unwrap()
        .contains("Place data: GeoNames (geonames.org), CC BY 4.0"));
    assert_eq!(
        page.all("[data-legend-kind]").len(),
        7,
        "legend names 7 kinds"
    );
    assert!(page.find("[role=alert]").is_none());
}

#[wasm_bindgen_test]
async fn typing_an_article_highlights_it_and_builds_an_incident() {
    let page = Page::new().await;
    page.set("#published", "2025-02-12", "input").await;
    page.type_text(SENTENCE).await;

    let kinds = kinds(&page);
    for k in ["casualty", "date"] {
        assert!(kinds.iter().any(|x| x == k), "a {k} mark in {kinds:?}");
    }
    for k in &kinds {
        assert!(Kind::parse(k).is_some(), "known kind {k}");
    }
    // The marks only wrap the text: the view reads exactly as typed.
    assert_eq!(page.get(".article-view").text_content().unwrap(), SENTENCE);
    // Every highlight is focusable and tells its kind and value to screen readers.
    for m in page.all("mark[data-kind]") {
        assert_eq!(m.get_attribute("tabindex").as_deref(), Some("0"));
        let label = m.get_attribute("aria-label").unwrap();
        assert!(label.contains('='), "{label}");
        assert_eq!(m.get_attribute("title").as_deref(), Some(label.as_str()));
    }
    // Focusing a highlight shows the tooltip with its value and rule.
    let mark: HtmlElement = page.get("mark[data-kind=date]").dyn_into().unwrap();
    mark.focus().unwrap();
    let tip = page.wait_for("#mark-tip[role=tooltip]", 500).await;
    let tip = tip.expect("a tooltip on focus");
    let top = tip
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .style()
        .get_property_value("top")
        .unwrap();
    assert!(
        top.ends_with("px"),
        "tooltip placed under the mark: top {top:?}"
    );
    let tip_text = tip.text_content().unwrap();
    assert!(
        tip_text.contains("Date") && tip_text.contains("Rule"),
        "{tip_text}"
    );
    // Last, as it needs the incident builder: the sentence makes an incident card.
    assert!(
        !page.all("[data-incident]").is_empty(),
        "an incident card appears"
    );
}

#[wasm_bindgen_test]
async fn editing_the_text_updates_marks_and_undo_restores_it() {
    let page = Page::new().await;
    page.type_text("first draft").await;
    page.type_text("second draft").await;
    assert_eq!(
        page.get(".article-view").text_content().unwrap(),
        "second draft"
    );
    page.click("button[title^=Undo]").await;
    assert_eq!(page.text_value(), "first draft");
    assert_eq!(
        page.get(".article-view").text_content().unwrap(),
        "first draft"
    );
    page.click("button[title^=Redo]").await;
    assert_eq!(page.text_value(), "second draft");
}

#[wasm_bindgen_test]
async fn a_bad_file_shows_an_alert_and_keeps_the_work() {
    let page = Page::new().await;
    page.type_text(SENTENCE).await;
    page.set("#title", "My notes", "input").await;
    let marks_before = page.all("mark[data-kind]").len();

    for (name, contents) in [
        ("broken.json", "{ this is not json"),
        (
            "other.json",
            r#"{"format": "something-else", "version": 1}"#,
        ),
        ("deep.json", &"[".repeat(5000)),
    ] {
        page.open_file(name, contents).await;
        let alert = page.wait_for("[role=alert]", 2000).await;
        let alert = alert.unwrap_or_else(|| panic!("an alert for {name}"));
        let msg = alert.text_content().unwrap();
        assert!(msg.contains(name), "{msg}");
        assert_eq!(page.text_value(), SENTENCE);
        let title: HtmlInputElement = page.get("#title").dyn_into().unwrap();
        assert_eq!(title.value(), "My notes");
        assert_eq!(page.all("mark[data-kind]").len(), marks_before);
        page.click(".alert button").await;
        assert!(page.find("[role=alert]").is_none());
    }
}

#[wasm_bindgen_test]
async fn an_opened_document_is_shown_exactly_as_saved() {
    let text = "Masked gunmen raided the market at dawn. 😀";
    let mut doc = format::annotate(Meta {
        text: text.into(),
        title: Some("Saved raid".into()),
        source: Some("https://example.org/raid".into()),
        published: Some("2024-03-05".into()),
    });
    // A hand-made span that no rule would produce.
    doc.entities = vec![Entity {
        id: "m1".into(),
        kind: Kind::Actor,
        start: 0,
        end: 13,
        start_utf16: 0,
        end_utf16: 13,
        text: "Masked gunmen".into(),
        rule: "manual".into(),
        origin: Origin::Manual,
        status: Default::default(),
        value: Value::Actor(ActorValue {
            name: "unidentified gunmen".into(),
            side: Side::Rebel,
            ..ActorValue::default()
        }),
    }];
    doc.incidents = Vec::new();
    let json = format::to_json(&doc);
    assert!(format::parse(&json).is_ok());

    let page = Page::new().await;
    page.type_text("work before opening").await;
    page.open_file("saved.json", &json).await;
    let m = page.wait_for("mark[data-id=m1]", 2000).await;
    let m = m.expect("the saved span");
    assert_eq!(m.get_attribute("data-kind").as_deref(), Some("actor"));
    assert_eq!(page.all("mark[data-kind]").len(), 1);
    assert_eq!(page.text_value(), text);
    let value = |sel: &str| {
        page.get(sel)
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .value()
    };
    assert_eq!(value("#title"), "Saved raid");
    assert_eq!(value("#source"), "https://example.org/raid");
    assert_eq!(value("#published"), "2024-03-05");
    assert!(
        page.find("[role=status]").is_some(),
        "says it is the saved document"
    );
    assert!(page.find("[role=alert]").is_none());

    // The opened file is a new workspace entry with nothing to undo; the work before opening
    // stays, as it was, in its own entry.
    assert!(page.get("button[title^=Undo]").has_attribute("disabled"));
    let entries = page.all("#workspace-list [data-entry]");
    assert_eq!(entries.len(), 2, "the work and the opened file");
    let older = entries
        .iter()
        .find(|e| !e.class_list().contains("open"))
        .expect("the work before opening");
    let open: HtmlElement = older
        .query_selector(".entry-title")
        .unwrap()
        .expect("its Open button")
        .dyn_into()
        .unwrap();
    open.click();
    yew::scheduler::flush().await;
    assert_eq!(page.text_value(), "work before opening");
    // Opening the same file again adds another entry.
    page.open_file("saved.json", &json).await;
    page.wait_for("mark[data-id=m1]", 2000)
        .await
        .expect("opened again");
    assert_eq!(page.all("#workspace-list [data-entry]").len(), 3);
}

#[wasm_bindgen_test]
async fn hostile_texts_leave_the_page_usable() {
    let page = Page::new().await;
    for text in [
        "",
        "\u{202e}قُتل ١٢ شخصاً في هجوم\u{202c} 😀👩🏽‍🚒 e\u{301}",
        "<script>window.__x = 1</script><b>bold</b>",
        "line\r\nline\r\n\u{0}\u{fffd}",
    ] {
        page.type_text(text).await;
        // A textarea's value has its line breaks normalised to LF.
        let text = text.replace("\r\n", "\n");
        assert_eq!(page.text_value(), text);
        if !text.is_empty() {
            assert_eq!(page.get(".article-view").text_content().unwrap(), text);
        }
    }
    assert!(
        page.find(".article-view b").is_none(),
        "text is never parsed as HTML"
    );

    // A megabyte is re-extracted only after a pause in typing: typing on before the pause
    // cancels it. (The extraction itself is timed natively: a debug build of the engine on a
    // megabyte takes longer than the test runner waits.)
    page.type_text("before").await;
    let big = "Lorem ipsum dolor sit amet, 😀 مرحبا consectetur. ".repeat(20_000);
    page.type_text(&big).await;
    assert_eq!(page.text_value().len(), big.len());
    assert_eq!(page.get(".article-view").text_content().unwrap(), "before");
    page.type_text("small again").await;
    gloo_timers::future::sleep(Duration::from_millis(500)).await;
    yew::scheduler::flush().await;
    assert_eq!(
        page.get(".article-view").text_content().unwrap(),
        "small again"
    );
}

#[wasm_bindgen_test]
async fn export_offers_a_download_without_error() {
    let page = Page::new().await;
    page.type_text(SENTENCE).await;
    page.click("#export-json").await;
    assert!(page.find("[role=alert]").is_none());
}

// ---- Annotation workflow: label, edit, undo, re-extract -------------------------------------

/// Modifier keys held with a key press.
#[derive(Clone, Copy, Default)]
struct Mods {
    shift: bool,
    alt: bool,
    ctrl: bool,
}

/// Sends a bubbling, cancelable keydown with `key` to `el` (`KeyboardEventInit`: Chromium's
/// `initKeyboardEvent` leaves `key` empty). Returns false when a handler called
/// `preventDefault`.
fn key_with(el: &Element, key: &str, m: Mods) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_shift_key(m.shift);
    init.set_alt_key(m.alt);
    init.set_ctrl_key(m.ctrl);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap()
}

/// Sends a plain keydown with `key` to `el`.
fn key(el: &Element, k: &str) {
    key_with(el, k, Mods::default());
}

/// The code point offset in the article of a text piece: its block's `data-base` plus its own
/// `data-start`.
fn piece_start(span: &Element) -> usize {
    let block = span
        .closest("[data-base]")
        .unwrap()
        .expect("a block around the piece");
    let base: usize = block.get_attribute("data-base").unwrap().parse().unwrap();
    let rel: usize = span.get_attribute("data-start").unwrap().parse().unwrap();
    base + rel
}

/// The text node and UTF-16 offset of code point `cp` in the article view.
fn dom_point(page: &Page, cp: usize) -> (web_sys::Node, u32) {
    for span in page.all(".article-view [data-start]") {
        let start = piece_start(&span);
        let text = span.text_content().unwrap();
        let n = text.chars().count();
        if cp >= start && cp <= start + n && n > 0 {
            let u: usize = text.chars().take(cp - start).map(char::len_utf16).sum();
            return (span.first_child().unwrap(), u as u32);
        }
    }
    panic!("code point {cp} is in the view");
}

/// Selects the first `needle` of `text` in the article view, as a mouse drag would.
fn select(page: &Page, text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).unwrap();
    let s = text[..b].chars().count();
    let e = s + needle.chars().count();
    let (an, ao) = dom_point(page, s);
    let (fnode, fo) = dom_point(page, e);
    let sel = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    sel.set_base_and_extent(&an, ao, &fnode, fo).unwrap();
    (s, e)
}

/// Selects code points `s..e` of the article in the article view.
fn select_range(page: &Page, s: usize, e: usize) {
    let (an, ao) = dom_point(page, s);
    let (fnode, fo) = dom_point(page, e);
    let sel = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    sel.set_base_and_extent(&an, ao, &fnode, fo).unwrap();
}

/// The article is drawn in blocks whose offsets are relative: after text is typed into the
/// first paragraph, the later blocks' bases move, and a selection, a label and a tooltip in the
/// last paragraph still find the right words and the right entity.
#[wasm_bindgen_test]
async fn blocks_map_offsets_after_an_edit_before_them() {
    let page = Page::new().await;
    let text = format!("{SENTENCE}\n\nA quiet day in Niamey.\n\n{SENTENCE}");
    page.type_text(&text).await;
    assert!(
        page.all(".article-view [data-base]").len() >= 3,
        "a block per paragraph"
    );
    let base_of = |page: &Page| -> usize {
        let m = page
            .all("mark[data-kind=location]")
            .pop()
            .expect("a place in the last paragraph");
        let block = m.closest("[data-base]").unwrap().expect("its block");
        block.get_attribute("data-base").unwrap().parse().unwrap()
    };
    let before = base_of(&page);
    let edited = format!("Update: {text}");
    page.type_text(&edited).await;
    assert_eq!(base_of(&page), before + "Update: ".chars().count());
    assert_eq!(page.get(".article-view").text_content().unwrap(), edited);
    // Label "security sources" of the last paragraph from a selection.
    let needle = "security sources";
    let b = edited.rfind(needle).unwrap();
    let s = edited[..b].chars().count();
    select_range(&page, s, s + needle.chars().count());
    key(&page.get(".article-view"), "6");
    yew::scheduler::flush().await;
    let m = page
        .find("mark[data-id=m1]")
        .expect("m1 from the selection");
    assert_eq!(m.text_content().unwrap(), needle);
    let first = m
        .query_selector("[data-start]")
        .unwrap()
        .expect("a text piece");
    assert_eq!(piece_start(&first), s, "m1 is in the last paragraph");
    // Its tooltip (found through the relative entity index) names it.
    let mark: HtmlElement = m.dyn_into().unwrap();
    mark.focus().unwrap();
    let tip = page
        .wait_for("#mark-tip[role=tooltip]", 500)
        .await
        .expect("a tooltip");
    let tip_text = tip.text_content().unwrap();
    assert!(
        tip_text.contains(needle) && tip_text.contains("m1"),
        "{tip_text}"
    );
}

fn button(page: &Page, text: &str) -> HtmlElement {
    page.all("button")
        .into_iter()
        .find(|b| b.text_content().as_deref() == Some(text))
        .unwrap_or_else(|| panic!("a {text:?} button"))
        .dyn_into()
        .unwrap()
}

/// What the page shows of the document (marks and cards), to compare states.
fn shown(page: &Page) -> String {
    page.get(".article-view").inner_html() + &page.get(".incidents").inner_html()
}

#[wasm_bindgen_test]
async fn select_then_digit_labels_a_manual_span_and_undo_removes_it() {
    let page = Page::new().await;
    page.type_text(SENTENCE).await;
    let before = shown(&page);
    select(&page, SENTENCE, "on Monday");
    key(&page.get(".article-view"), "5"); // 5 = figure
    yew::scheduler::flush().await;
    let m = page
        .find("mark[data-id=m1]")
        .expect("a manual mark m1 after select + 5");
    assert_eq!(m.get_attribute("data-kind").as_deref(), Some("figure"));
    assert_eq!(m.text_content().unwrap(), "on Monday");
    assert!(m.get_attribute("title").unwrap().contains("manual"));
    // The view still reads as typed.
    assert_eq!(page.get(".article-view").text_content().unwrap(), SENTENCE);
    // Undo restores what was shown before, exactly.
    button(&page, "Undo").click();
    yew::scheduler::flush().await;
    assert!(page.find("mark[data-id=m1]").is_none());
    assert_eq!(shown(&page), before);
}

#[wasm_bindgen_test]
async fn enter_on_a_highlight_opens_the_editor_and_relabels() {
    let page = Page::new().await;
    // "Monday" is a date only with a publication date to count back from.
    page.set("#published", "2025-02-10", "change").await;
    page.type_text(SENTENCE).await;
    let mark: HtmlElement = page.get("mark[data-kind=date]").dyn_into().unwrap();
    mark.focus().unwrap();
    key(&mark, "Enter");
    yew::scheduler::flush().await;
    let editor = page.find("#span-editor").expect("the span editor opens");
    assert!(editor
        .get_attribute("aria-label")
        .unwrap()
        .contains("Monday"));
    let kind: HtmlInputElement = page.get("#span-kind").unchecked_into();
    kind.set_value("figure");
    fire(&page.get("#span-kind"), "change");
    yew::scheduler::flush().await;
    assert!(page
        .all("mark[data-kind=figure]")
        .iter()
        .any(|m| m.text_content().as_deref() == Some("Monday")));
    // Delete from the editor.
    button(&page, "Delete span").click();
    yew::scheduler::flush().await;
    assert!(page.find("#span-editor").is_none());
    assert!(page
        .all("mark")
        .iter()
        .all(|m| m.text_content().as_deref() != Some("Monday")));
}

#[wasm_bindgen_test]
async fn editing_a_count_updates_the_card_total_and_undo_restores_it() {
    let page = Page::new().await;
    page.type_text(SENTENCE).await;
    page.click("#add-incident").await;
    let card = page.all("[data-incident]").pop().expect("a new card");
    let id = card.get_attribute("data-incident").unwrap();
    let sel = format!("[data-incident={id}]");
    // The new card's own button (the extracted incident has one too).
    page.click(&format!("{sel} [data-rows=killed] .add-row"))
        .await;
    yew::scheduler::flush().await;
    let before = shown(&page);
    page.set(
        &format!("{sel} [data-rows=killed] input[data-bound=best]"),
        "7",
        "change",
    )
    .await;
    let total = page
        .get(&format!("{sel} .fatalities"))
        .text_content()
        .unwrap();
    assert!(total.contains('7'), "total {total:?}");
    button(&page, "Undo").click();
    yew::scheduler::flush().await;
    assert_eq!(shown(&page), before);
    // "?" opens the shortcut list.
    key(&page.get(".article-view"), "?");
    yew::scheduler::flush().await;
    assert!(page.find("#shortcuts[role=dialog]").is_some());
}

/// The card's source shows who reported the incident; a typed one is kept, and survives an
/// edit of the article text.
#[wasm_bindgen_test]
async fn the_source_field_is_filled_and_editable() {
    let page = Page::new().await;
    page.type_text("Gunmen killed 12 villagers in Tillabéri on Monday, security sources said.")
        .await;
    let input = |page: &Page| {
        page.get("[data-incident] input.source")
            .dyn_into::<HtmlInputElement>()
            .expect("an input")
            .value()
    };
    assert_eq!(input(&page), "security sources");
    page.set(
        "[data-incident] input.source",
        "the regional governor",
        "change",
    )
    .await;
    assert_eq!(input(&page), "the regional governor");
    page.type_text(
        "Gunmen killed 12 villagers in Tillabéri on Monday, security sources said. More later.",
    )
    .await;
    assert_eq!(input(&page), "the regional governor");
}

#[wasm_bindgen_test]
async fn editing_the_text_keeps_manual_spans_and_lists_lost_ones() {
    let page = Page::new().await;
    page.type_text(SENTENCE).await;
    select(&page, SENTENCE, "security sources said");
    key(&page.get(".article-view"), "3"); // actor
    yew::scheduler::flush().await;
    assert!(page.find("mark[data-id=m1]").is_some());
    let edited = format!("Late news. {SENTENCE}");
    page.type_text(&edited).await;
    let m = page.find("mark[data-id=m1]").expect("m1 survives the edit");
    assert_eq!(m.text_content().unwrap(), "security sources said");
    page.type_text(&edited.replace("security sources said", "officials said"))
        .await;
    assert!(page.find("mark[data-id=m1]").is_none());
    let lost = page.find("#lost-spans").expect("the lost span is listed");
    assert!(lost
        .text_content()
        .unwrap()
        .contains("security sources said"));
}

/// Lets the `selectionchange` event (queued by the browser) reach the page.
async fn settle() {
    gloo_timers::future::sleep(Duration::from_millis(30)).await;
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_selection_opens_the_label_menu_and_a_menu_item_labels_it() {
    let page = Page::new().await;
    page.type_text(SENTENCE).await;
    // Closed: the menu waits off the page, hidden from screen readers and the tab order.
    assert!(page.find("#label-menu.open").is_none());
    let closed = page.get("#label-menu");
    assert_eq!(closed.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert_eq!(page.all("#label-menu [tabindex='-1']").len(), 7);
    select(&page, SENTENCE, "at least 12 villagers");
    settle().await;
    let menu = page
        .find("#label-menu.open")
        .expect("the menu opens on a selection");
    assert_eq!(menu.get_attribute("role").as_deref(), Some("menu"));
    assert_eq!(menu.get_attribute("aria-hidden"), None);
    // On the page, under the selection.
    let (m, host) = (
        menu.get_bounding_client_rect(),
        page.get(".highlighted").get_bounding_client_rect(),
    );
    assert!(
        m.left() >= host.left() && m.top() > host.top(),
        "menu at {} {}",
        m.left(),
        m.top()
    );
    assert!(page.all("#label-menu [tabindex='-1']").is_empty());
    let items = page.all("#label-menu [role=menuitem]");
    assert_eq!(items.len(), 7);
    let figure = page.get("#label-menu [data-kind=figure]");
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let down = web_sys::MouseEvent::new_with_mouse_event_init_dict("mousedown", &init).unwrap();
    figure.dispatch_event(&down).unwrap();
    settle().await;
    let m = page.find("mark[data-id=m1]").expect("m1 from the menu");
    assert_eq!(m.get_attribute("data-kind").as_deref(), Some("figure"));
    assert_eq!(m.text_content().unwrap(), "at least 12 villagers");
    assert_eq!(m.get_attribute("data-status").as_deref(), Some("edited"));
    assert!(page.find("#label-menu.open").is_none(), "the menu closes");
}

#[wasm_bindgen_test]
async fn shift_arrows_from_a_focused_highlight_select_and_a_digit_labels() {
    let page = Page::new().await;
    page.type_text(SENTENCE).await;
    // Focus the location highlight "Tillabéri", then extend 9 characters and one word.
    let mark: HtmlElement = page.get("mark[data-kind=location]").dyn_into().unwrap();
    mark.focus().unwrap();
    let shift = Mods {
        shift: true,
        ..Mods::default()
    };
    for _ in 0.."Tillabéri".chars().count() {
        assert!(!key_with(&mark, "ArrowRight", shift), "the key is handled");
    }
    let sel = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    assert_eq!(String::from(sel.to_string()), "Tillabéri");
    key(&mark, "6"); // weapon, to tell it from the automatic location
    yew::scheduler::flush().await;
    let m = page
        .find("mark[data-id=m1]")
        .expect("m1 after Shift+arrows + 6");
    assert_eq!(m.get_attribute("data-kind").as_deref(), Some("weapon"));
    assert_eq!(m.text_content().unwrap(), "Tillabéri");
    // Alt+Shift+→, sent where the focus is, moves the end of m1 one character each time. The
    // first makes m1 enclose the location mark, so the marks are redrawn: the focus stays on
    // m1 (else the second press would go nowhere).
    let m: HtmlElement = m.dyn_into().unwrap();
    m.focus().unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    for want in ["Tillabéri ", "Tillabéri o"] {
        let active: HtmlElement = document.active_element().unwrap().dyn_into().unwrap();
        let alt_shift = Mods {
            shift: true,
            alt: true,
            ..Mods::default()
        };
        key_with(&active, "ArrowRight", alt_shift);
        yew::scheduler::flush().await;
        assert_eq!(page.get("mark[data-id=m1]").text_content().unwrap(), want);
        assert_eq!(
            document
                .active_element()
                .and_then(|a| a.get_attribute("data-id"))
                .as_deref(),
            Some("m1"),
            "focus after the resize to {want:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_field_shows_its_evidence_and_the_editor_lists_fed_fields() {
    let page = Page::new().await;
    page.type_text(SENTENCE).await;
    let card = page
        .all("[data-incident]")
        .into_iter()
        .next()
        .expect("a card");
    let id = card.get_attribute("data-incident").unwrap();
    let killed: HtmlElement = page
        .get(&format!(
            "[data-incident={id}] dt[data-field=killed] button"
        ))
        .dyn_into()
        .unwrap();
    killed.click();
    yew::scheduler::flush().await;
    let outlined = page.all("mark.evidence");
    assert_eq!(outlined.len(), 1, "one casualty span feeds Killed");
    assert_eq!(
        outlined[0].get_attribute("data-kind").as_deref(),
        Some("casualty")
    );
    assert!(page
        .get(".evidence-note")
        .text_content()
        .unwrap()
        .contains("Killed of incident"));
    // Open that highlight: the editor says which fields it feeds, the card marks them.
    let mark: HtmlElement = outlined[0].clone().dyn_into().unwrap();
    mark.click();
    yew::scheduler::flush().await;
    let feeds = page.get("#span-feeds").text_content().unwrap();
    assert!(feeds.contains(&format!("{id} Killed")), "{feeds}");
    assert!(page
        .find(&format!("[data-incident={id}] dt.fed[data-field=killed]"))
        .is_some());
    assert!(page
        .find(&format!("[data-incident={id}] dt.fed[data-field=date]"))
        .is_none());
    // Detach from the editor: the card no longer lists it.
    button(&page, &format!("Detach from {id}")).click();
    yew::scheduler::flush().await;
    assert!(page
        .get("#span-feeds")
        .text_content()
        .unwrap()
        .contains("Feeds no incident field"));
}

#[wasm_bindgen_test]
async fn a_long_text_is_extracted_after_a_pause_or_at_once_on_blur() {
    let page = Page::new().await;
    let long = format!("{SENTENCE}\n\n").repeat(200); // ~17 KB, over the debounce size
    assert!(long.len() > sitrep::ui::components::article_input::DEBOUNCE_BYTES);
    page.type_text(&long).await;
    // Not yet: the textarea holds it, the view waits for the pause.
    assert_eq!(page.text_value(), long);
    assert!(page.find("mark[data-kind]").is_none());
    page.wait_for("mark[data-kind]", 3000)
        .await
        .expect("extracted after the pause");
    // Another edit, then leaving the field: extracted at once.
    let longer = format!("Update. {long}");
    page.type_text(&longer).await;
    assert!(!page
        .get(".article-view")
        .text_content()
        .unwrap()
        .starts_with("Update."));
    fire(&page.get("#article-text"), "blur");
    yew::scheduler::flush().await;
    assert!(page
        .get(".article-view")
        .text_content()
        .unwrap()
        .starts_with("Update."));
}

#[wasm_bindgen_test]
async fn highlights_are_named_with_kind_value_and_state() {
    let page = Page::new().await;
    page.set("#published", "2025-02-10", "change").await;
    page.type_text(SENTENCE).await;
    let marks = page.all("mark[data-kind]");
    assert!(!marks.is_empty());
    for m in &marks {
        let kind = m.get_attribute("data-kind").unwrap();
        let label = m.get_attribute("aria-label").unwrap();
        assert_eq!(m.get_attribute("role").as_deref(), Some("group"));
        assert_eq!(
            m.get_attribute("aria-roledescription").as_deref(),
            Some("highlight")
        );
        assert!(
            label.to_lowercase().starts_with(&kind),
            "{label:?} names the kind {kind}"
        );
        assert!(label.contains(" = "), "{label:?} gives the value");
        assert!(label.ends_with("; automatic)"), "{label:?} gives the state");
        assert_eq!(m.get_attribute("data-status").as_deref(), Some("auto"));
    }
}

/// In-browser cost of the engine alone (no rendering), for comparison with the page benchmark:
/// `cargo test --target wasm32-unknown-unknown --test web -- --ignored engine_cost --nocapture`.
#[wasm_bindgen_test]
#[ignore = "benchmark"]
async fn engine_cost_of_a_3_kb_article() {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 3000 {
        text.push_str(&SENTENCE.replace("12", &(20 + i).to_string()));
        text.push_str(" Police said the attackers fled towards the border on Tuesday.\n\n");
        i += 1;
    }
    // The whole engine each time: without the paragraph memo the page turns on (`Page::new`
    // turns it on for the tests that draw the page).
    sitrep::extract::memo::enable(false);
    let perf = web_sys::window().unwrap().performance().unwrap();
    let meta = |t: &str| sitrep::format::Meta {
        text: t.to_string(),
        title: None,
        source: None,
        published: Some("2025-02-12".into()),
    };
    sitrep::format::annotate(meta(&text));
    let mut times = Vec::new();
    for k in 0..30 {
        let t = text.replacen("20", &(100 + k).to_string(), 1);
        let t0 = perf.now();
        let doc = sitrep::format::annotate(meta(&t));
        times.push(perf.now() - t0);
        assert!(!doc.entities.is_empty());
    }
    times.sort_by(f64::total_cmp);
    web_sys::console::log_1(
        &format!(
            "annotate (extract + incidents) of a {} B article in the browser, memo off: median {:.2} ms, min {:.2} ms",
            text.len(),
            times[times.len() / 2],
            times[0]
        )
        .into(),
    );
}

/// What an edit at the end of a ~3 KB and a ~100 KB article costs in the page, split into the
/// engine (`annotate`) and the rest (reducer, re-render):
/// `cargo test --release --target wasm32-unknown-unknown --test web -- --include-ignored
/// render_cost --nocapture`.
#[wasm_bindgen_test]
#[ignore = "benchmark"]
async fn render_cost_of_an_edit() {
    let perf = web_sys::window().unwrap().performance().unwrap();
    for size in [3_000, 100_000] {
        let page = Page::new().await;
        let text = bench_article(size);
        page.type_text(&text).await;
        fire(&page.get("#article-text"), "blur");
        yew::scheduler::flush().await;
        assert!(page.find("mark[data-kind]").is_some());
        let mut engine = Vec::new();
        let mut edit = Vec::new();
        let mut first = Vec::new();
        for k in 0..30 {
            // A figure in the first paragraph (moves everything after it), as
            // `tests/e2e/page.rs` `bench_reextract_after_edit` does.
            let t = text.replacen("at least 3 ", &format!("at least {} ", 100 + k), 1);
            let ta = page.get("#article-text");
            ta.dyn_ref::<HtmlTextAreaElement>().unwrap().set_value(&t);
            let t0 = perf.now();
            fire(&ta, "input");
            fire(&ta, "blur");
            yew::scheduler::flush().await;
            first.push(perf.now() - t0);
        }
        for k in 0..15 {
            let t = format!("{text}Gunmen killed {} farmers.", 10 + k);
            let t0 = perf.now();
            sitrep::format::annotate(Meta {
                text: t.clone(),
                title: None,
                source: None,
                published: None,
            });
            engine.push(perf.now() - t0);
            let ta = page.get("#article-text");
            ta.dyn_ref::<HtmlTextAreaElement>().unwrap().set_value(&t);
            let t0 = perf.now();
            fire(&ta, "input");
            fire(&ta, "blur");
            yew::scheduler::flush().await;
            edit.push(perf.now() - t0);
            assert!(page
                .get(".article-view")
                .text_content()
                .unwrap()
                .ends_with(&format!("killed {} farmers.", 10 + k)));
        }
        let med = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        web_sys::console::log_1(
            &format!(
                "{} B article: figure edited in the first paragraph, edit to rendered median {:.2} ms; sentence added at the end: engine (paragraph memo on, as in the page) median {:.1} ms, edit to rendered median {:.1} ms (min {:.1})",
                text.len(),
                med(&mut first),
                med(&mut engine),
                med(&mut edit),
                edit[0]
            )
            .into(),
        );
    }
}

#[wasm_bindgen_test]
async fn delete_on_a_focused_highlight_removes_it_and_keeps_the_focus_in_the_view() {
    let page = Page::new().await;
    page.type_text(SENTENCE).await;
    let mark: HtmlElement = page.get("mark[data-kind=location]").dyn_into().unwrap();
    let id = mark.get_attribute("data-id").unwrap();
    mark.focus().unwrap();
    key(&mark, "Delete");
    yew::scheduler::flush().await;
    assert!(
        page.find(&format!("mark[data-id={id}]")).is_none(),
        "the highlight is gone"
    );
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert!(
        active.class_list().contains("article-view"),
        "focus went to {:?}",
        active.tag_name()
    );
}
