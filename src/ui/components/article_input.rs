//! The article text and its metadata: title, source URL, publication date.
//!
//! Fields show the document's values and send an action on every input. A typed key (not a
//! paste) is sent in a task after the next animation frame, so the browser paints the echo
//! before extraction runs. A
//! text longer than
//! [`DEBOUNCE_BYTES`] is sent after a pause in typing ([`DEBOUNCE_MS`]) rather than on every
//! keystroke: the textarea echoes each key at once and extraction (tens of milliseconds for
//! 100 KB) runs once the typing settles, so long articles stay responsive; shorter texts are
//! sent at once (their extraction takes a few milliseconds). A pending text is sent at once
//! when the textarea loses focus (so Export, clicked or reached by Tab, sees it) and before a
//! Ctrl/⌘ shortcut typed in it (so Undo applies to it).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::DocProps;
use crate::ui::state::Action;

/// Texts longer than this (bytes) are re-extracted after a pause in typing.
pub const DEBOUNCE_BYTES: usize = 16 * 1024;
/// The pause, in milliseconds.
pub const DEBOUNCE_MS: u32 = 250;

/// True for an `InputEvent.inputType` of typing or deleting a character or word (the events a
/// key press gives), false for pastes, drops and anything else.
pub fn is_typing(input_type: &str) -> bool {
    matches!(
        input_type,
        "insertText"
            | "insertLineBreak"
            | "insertParagraph"
            | "deleteContentBackward"
            | "deleteContentForward"
            | "deleteWordBackward"
            | "deleteWordForward"
    )
}

/// Text area and metadata fields.
#[component]
pub fn ArticleInput(props: &DocProps) -> Html {
    let meta = &props.doc.0.document;
    // The text not yet sent to the reducer, and the timer that will send it.
    let waiting: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let send = {
        let dispatch = props.dispatch.clone();
        let waiting = waiting.clone();
        Rc::new(move || {
            let text = waiting.borrow_mut().take();
            if let Some(text) = text {
                dispatch.emit(Action::SetText(text));
            }
        })
    };

    let on_text = {
        let send = send.clone();
        let timer = timer.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            // A key typed (not a paste or a scripted change).
            let typed = e
                .dyn_ref::<web_sys::InputEvent>()
                .map(|ie| ie.input_type())
                .is_some_and(|t| is_typing(&t));
            let long = text.len() > DEBOUNCE_BYTES;
            *waiting.borrow_mut() = Some(text);
            // Dropping a Timeout cancels it.
            timer.borrow_mut().take();
            if long {
                let send = send.clone();
                *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || send()));
            } else if typed {
                // After the frame that paints the echo: a task scheduled from the animation
                // frame callback. (A stale callback finds nothing waiting, or sends the latest.)
                let later = send.clone();
                let timer = timer.clone();
                let after_frame = Closure::once_into_js(move || {
                    let s = later.clone();
                    *timer.borrow_mut() = Some(Timeout::new(0, move || s()));
                });
                let asked = web_sys::window().map(|w| {
                    w.request_animation_frame(after_frame.unchecked_ref())
                        .is_ok()
                });
                if asked != Some(true) {
                    send();
                }
            } else {
                send();
            }
        })
    };
    // Sends the waiting text now, if any.
    let flush = {
        let timer = timer.clone();
        move || {
            timer.borrow_mut().take();
            send();
        }
    };
    let on_blur = {
        let flush = flush.clone();
        Callback::from(move |_: FocusEvent| flush())
    };
    let on_keydown = Callback::from(move |e: KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() {
            flush();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_input_types() {
        for (t, want) in [
            ("insertText", true),
            ("deleteContentBackward", true),
            ("insertLineBreak", true),
            ("deleteWordBackward", true),
            ("insertFromPaste", false),
            ("insertFromDrop", false),
            ("historyUndo", false),
            ("", false),
        ] {
            assert_eq!(is_typing(t), want, "{t}");
        }
    }
}
