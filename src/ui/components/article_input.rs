//! The article text and its metadata: title, source URL, publication date.
//!
//! Fields show the document's values and send an action on every input. A text longer than
//! [`DEBOUNCE_BYTES`] is sent after a pause in typing ([`DEBOUNCE_MS`]) rather than on every
//! keystroke: the textarea echoes each key at once and extraction (tens of milliseconds for
//! 100 KB) runs once the typing settles, so long articles stay responsive; shorter texts are
//! sent at once (their extraction takes a few milliseconds). A pending text is sent at once
//! when the textarea loses focus (so Export, clicked or reached by Tab, sees it) and before a
//! Ctrl/⌘ shortcut typed in it (so Undo applies to it).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::DocProps;
use crate::ui::state::Action;

/// Texts longer than this (bytes) are re-extracted after a pause in typing.
pub const DEBOUNCE_BYTES: usize = 16 * 1024;
/// The pause, in milliseconds.
pub const DEBOUNCE_MS: u32 = 250;

/// Text area and metadata fields.
#[component]
pub fn ArticleInput(props: &DocProps) -> Html {
    let meta = &props.doc.0.document;
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);

    let on_text = {
        let dispatch = props.dispatch.clone();
        let pending = pending.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            // Dropping a Timeout cancels it.
            pending.borrow_mut().take();
            if text.len() > DEBOUNCE_BYTES {
                let dispatch = dispatch.clone();
                let t = Timeout::new(DEBOUNCE_MS, move || dispatch.emit(Action::SetText(text)));
                *pending.borrow_mut() = Some(t);
            } else {
                dispatch.emit(Action::SetText(text));
            }
        })
    };
    // Sends the pending text now, if any.
    let flush = {
        let dispatch = props.dispatch.clone();
        let pending = pending.clone();
        move |ta: HtmlTextAreaElement| {
            if pending.borrow_mut().take().is_some() {
                dispatch.emit(Action::SetText(ta.value()));
            }
        }
    };
    let on_blur = {
        let flush = flush.clone();
        Callback::from(move |e: FocusEvent| flush(e.target_unchecked_into()))
    };
    let on_keydown = Callback::from(move |e: KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() {
            flush(e.target_unchecked_into());
        }
    });
    let field = |make: fn(String) -> Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            dispatch.emit(make(e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    // `input` while typing; `change` too, for date pickers and scripted changes.
    let on_title = field(Action::SetTitle);
    let on_source = field(Action::SetSource);
    let on_published = field(Action::SetPublished);

    html! {
        <form class="article-input" onsubmit={|e: SubmitEvent| e.prevent_default()}>
            <div class="meta">
                <div class="field">
                    <label for="title">{ "Title" }</label>
                    <input id="title" type="text" dir="auto" autocomplete="off"
                        value={meta.title.clone().unwrap_or_default()}
                        oninput={on_title.reform(Event::from)} onchange={on_title} />
                </div>
                <div class="field">
                    <label for="source">{ "Source URL" }</label>
                    <input id="source" type="url" autocomplete="off" placeholder="https://…"
                        value={meta.source.clone().unwrap_or_default()}
                        oninput={on_source.reform(Event::from)} onchange={on_source} />
                </div>
                <div class="field">
                    <label for="published">{ "Published" }</label>
                    <input id="published" type="date"
                        value={meta.published.clone().unwrap_or_default()}
                        oninput={on_published.reform(Event::from)} onchange={on_published} />
                </div>
            </div>
            <div class="field text">
                <label for="article-text">{ "Article text" }</label>
                <textarea id="article-text" dir="auto" spellcheck="false"
                    placeholder="Paste or type a news article about a violent incident…"
                    value={meta.text.clone()} oninput={on_text} onblur={on_blur} onkeydown={on_keydown} />
            </div>
        </form>
    }
}
