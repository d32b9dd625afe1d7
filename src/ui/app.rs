//! The root component: owns the reducer, wires the keyboard shortcuts, lays out the page.
//!
//! Automation contract (browser and end-to-end tests rely on these; keep them):
//! - `#article-text` textarea labelled "Article text"; `#published` date input labelled
//!   "Published"; `#title` and `#source` inputs;
//! - highlights are `<mark data-kind="KIND">` (`date location actor casualty figure weapon
//!   source`), focusable, with `title` and `aria-label`; the tooltip is `#mark-tip`
//!   (`role="tooltip"`);
//! - incident cards carry `data-incident="ID"`;
//! - buttons "Export JSON" (`#export-json`) and "Open JSON" (`#open-json-button`), the file
//!   input `#open-json`; errors in `role="alert"`;
//! - Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (also ⌘ on a Mac);
//! - the article view is drawn in blocks `<span data-base="B" data-entity-base="E">`; their
//!   text pieces are `<span data-start="N">` (code point B + N of the article) and their marks
//!   carry `data-entity="I"` (entity E + I) and `data-id`; select and
//!   press 1–7 (or pick a kind in the `#label-menu` that a selection opens) to label; marks
//!   carry `data-status` (auto / confirmed / edited); the span editor is `#span-editor`; "?" toggles `#shortcuts`
//!   (`role="dialog"`); lost manual spans are listed in `#lost-spans`; incident cards hold the
//!   editable fields (casualty counts `input[data-bound]`, total `.fatalities`) and
//!   codebook findings (`.finding`, `role="status"`).

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::components::article_input::ArticleInput;
use super::components::highlighted::{Highlighted, Shown};
use super::components::incidents::Incidents;
use super::components::legend::Legend;
use super::components::toolbar::Toolbar;
use super::state::{Action, DocRef, State};
use super::workspace_panel::{Importer, Opened, StateHandle, WorkspacePanel};

/// The credit the place data's licence asks for.
pub const CREDIT: &str = "Place data: GeoNames (geonames.org), CC BY 4.0";

/// The action a key press asks for, if any.
pub fn shortcut(key: &str, ctrl_or_meta: bool, shift: bool) -> Option<Action> {
    if !ctrl_or_meta {
        return None;
    }
    match (key.to_lowercase().as_str(), shift) {
        ("z", false) => Some(Action::Undo),
        ("z", true) | ("y", false) => Some(Action::Redo),
        _ => None,
    }
}

/// Whether the shortcut list is shown (a reducer, so the document-wide key listener set up
/// once can toggle it).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Help(bool);

enum HelpAction {
    Toggle,
    Close,
}

impl Reducible for Help {
    type Action = HelpAction;
    fn reduce(self: std::rc::Rc<Self>, a: HelpAction) -> std::rc::Rc<Self> {
        std::rc::Rc::new(Help(match a {
            HelpAction::Toggle => !self.0,
            HelpAction::Close => false,
        }))
    }
}

/// The page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let help = use_reducer_eq(Help::default);
    // The span whose editor is open, and the evidence of a field shown in the text.
    let editing = use_state_eq(|| None::<String>);
    let evidence = use_state_eq(|| None::<Shown>);
    let on_edit = {
        let editing = editing.clone();
        let evidence = evidence.clone();
        Callback::from(move |id: Option<String>| {
            evidence.set(None);
            editing.set(id);
        })
    };
    // Stable callbacks (made once): components whose other props did not change are not
    // re-rendered (an incident card, say).
    let on_show = {
        let set = evidence.setter();
        (*use_memo((), move |_| {
            Callback::from(move |s: Option<Shown>| set.set(s))
        }))
        .clone()
    };
    // Focus the overlay's Close button when it opens.
    let help_close = use_node_ref();
    {
        let help_close = help_close.clone();
        use_effect_with(help.0, move |open| {
            if *open {
                if let Some(b) = help_close.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        });
    }
    let dispatch = {
        let d = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a: Action| d.dispatch(a)))).clone()
    };

    {
        let d = state.dispatcher();
        let help = help.dispatcher();
        use_effect_with((), move |_| {
            let listener = gloo::utils::window().document().map(|doc| {
                // Not passive: the shortcuts call preventDefault (no native undo in a field).
                let opts = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&doc, "keydown", opts, move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    let typing = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|t| {
                            matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        });
                    if !typing && e.key() == "?" {
                        e.prevent_default();
                        help.dispatch(HelpAction::Toggle);
                        return;
                    }
                    if e.key() == "Escape" {
                        help.dispatch(HelpAction::Close);
                    }
                    if let Some(a) = shortcut(&e.key(), e.ctrl_key() || e.meta_key(), e.shift_key())
                    {
                        e.prevent_default();
                        d.dispatch(a);
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Open JSON adds the document as a new workspace entry, through the panel; were no panel
    // there, it would replace the open document (undoably).
    let importer = (*use_memo((), |_| Importer::default())).clone();
    let on_open = {
        let importer = importer.clone();
        let dispatch = dispatch.clone();
        (*use_memo((), move |_| {
            Callback::from(move |(doc, name): Opened| {
                if let Some(doc) = importer.import(doc, name) {
                    dispatch.emit(Action::Open(doc));
                }
            })
        }))
        .clone()
    };

    let doc = DocRef(state.doc.clone());
    let send = |a: Action| {
        let dispatch = dispatch.clone();
        move |_: MouseEvent| dispatch.emit(a.clone())
    };
    html! {
        <div class="sitrep">
            <header class="bar">
                <h1>{ "Sitrep" }</h1>
                <p class="tagline">{ "Highlights and incident records from conflict news" }</p>
                <Toolbar doc={doc.clone()} can_undo={state.can_undo()} can_redo={state.can_redo()}
                    dispatch={dispatch.clone()} {on_open} />
            </header>
            if let Some(msg) = &state.error {
                <div class="alert" role="alert">
                    <p>{ msg }</p>
                    <button type="button" onclick={send(Action::DismissError)}>{ "Dismiss" }</button>
                </div>
            }
            if state.kept {
                <div class="notice" role="status">
                    <p>{ "Showing the opened document as saved. Editing the text runs extraction again." }</p>
                    <button type="button" onclick={send(Action::Reextract)}>{ "Re-run extraction" }</button>
                </div>
            }
            <main class="panes">
                <section class="pane input" aria-label="Article">
                    <ArticleInput doc={doc.clone()} dispatch={dispatch.clone()} />
                </section>
                <section class="pane output" aria-label="Annotations">
                    <Legend />
                    if !state.lost.is_empty() {
                        <div id="lost-spans" class="notice lost" role="status">
                            <p>{ "These labels lost their words when the text changed; add them again where they belong:" }</p>
                            <ul>
                                { for state.lost.iter().map(|e| html! {
                                    <li data-id={e.id.clone()}>
                                        { format!("{} “{}” ({})", crate::ui::render::kind_label(e.kind), e.text, e.value.summary()) }
                                        <button type="button" aria-label={format!("Forget lost span {}", e.id)}
                                            onclick={send(Action::DismissLost(e.id.clone()))}>{ "Forget" }</button>
                                    </li>
                                }) }
                            </ul>
                        </div>
                    }
                    <Highlighted doc={doc.clone()} dispatch={dispatch.clone()}
                        editing={(*editing).clone()} on_edit={on_edit}
                        evidence={(*evidence).clone()} />
                    <Incidents doc={doc} dispatch={dispatch.clone()} fed_by={(*editing).clone()}
                        on_show={on_show} />
                </section>
            </main>
            <WorkspacePanel state={StateHandle::new(state.clone())} {importer} />
            if help.0 {
                <div id="shortcuts" class="overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts">
                    <h2>{ "Keyboard shortcuts" }</h2>
                    <dl>
                        { for crate::ui::keys::SHORTCUTS.iter().map(|(k, what)| html! {
                            <><dt><kbd>{ *k }</kbd></dt><dd>{ *what }</dd></>
                        }) }
                    </dl>
                    <button type="button" ref={help_close} onclick={{ let h = help.clone(); move |_: MouseEvent| h.dispatch(HelpAction::Close) }}>{ "Close" }</button>
                </div>
            }
            <footer class="credit">{ CREDIT }</footer>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_shortcuts() {
        let cases = [
            ("z", true, false, Some(Action::Undo)),
            ("Z", true, true, Some(Action::Redo)),
            ("z", true, true, Some(Action::Redo)),
            ("y", true, false, Some(Action::Redo)),
            ("z", false, false, None),
            ("y", true, true, None),
            ("a", true, false, None),
        ];
        for (key, ctrl, shift, want) in cases {
            assert_eq!(shortcut(key, ctrl, shift), want, "{key} {ctrl} {shift}");
        }
    }
}
