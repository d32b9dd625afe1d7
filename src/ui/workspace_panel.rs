//! The workspace panel: saved articles, autosave, import, share links and interop exports.
//!
//! - **Autosave**: every change of the page's state is written to browser storage (see
//!   [`super::storage`]) at most [`SAVE_DELAY_MS`] after it happens, and at once when the page
//!   is hidden or closed. The open article's undo history is saved with it, so a reload
//!   restores the text, annotations and Undo/Redo as they were. A failed save shows why in
//!   `#storage-status` and keeps everything in memory; the next change retries.
//! - **Workspace list** (`#workspace-list`, one `<li data-entry="ID">` per article: title,
//!   published date, incident count, last edit) with Open, Rename, Duplicate and Delete; a
//!   delete can be undone (`#undo-delete`). `#workspace-search` filters by title and text.
//!   "New article" (`#new-article`) starts an empty one.
//! - **Import** of Sitrep JSON by dropping a file on the page, by pasting it into the Import
//!   box (`#import-text`, `#import-button`; a dedicated box, so that pasting into the article
//!   field stays an article), or with the toolbar's Open JSON (through [`Importer`]). Every
//!   import goes through [`format::parse`]; a refused file leaves the open work untouched and
//!   says what is wrong (in the page's `role="alert"`). An accepted one becomes a new workspace
//!   entry ([`Workspace::import`]); the work that was open stays as it was in its own entry.
//!   File text is only ever rendered as text.
//! - **Share**: "Copy share link" (`#share-link-button`) puts the document in the URL fragment
//!   ([`format::share`]) and shows the link in `#share-link`; opening such a link adds the
//!   document as a new entry. Too large a document says so and points to Export JSON.
//! - **Exports** beside Export JSON: ACLED CSV and W3C JSON-LD of the open document, and the
//!   whole workspace as JSONL and as ACLED CSV.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::file::callbacks::FileReader;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::state::{Action, Snapshot, State};
use super::storage::LocalStore;
use crate::format::{self, Document};
use crate::workspace::{
    self, Current, Entry, Flags, History, Step, StorageError, Summary, Workspace,
};

/// Longest wait between a change and its save, in milliseconds.
pub const SAVE_DELAY_MS: u32 = 400;

/// The page's state handle, with a cheap fingerprint of the state it was made for (document
/// pointer, flags and stack sizes): the panel re-renders, and autosave runs, when it changes.
/// (A reducer handle dereferences to the *current* state, so two handles cannot be compared
/// through it.)
#[derive(Clone)]
pub struct StateHandle {
    /// The page's reducer.
    pub handle: UseReducerHandle<State>,
    doc: Rc<Document>,
    kept: bool,
    undo: usize,
    redo: usize,
}

impl StateHandle {
    /// The handle and a fingerprint of the state being rendered.
    pub fn new(handle: UseReducerHandle<State>) -> StateHandle {
        let s: &State = &handle;
        let (doc, kept, undo, redo) = (
            s.doc.clone(),
            s.kept,
            s.undo_stack().len(),
            s.redo_stack().len(),
        );
        StateHandle {
            handle,
            doc,
            kept,
            undo,
            redo,
        }
    }
}

impl PartialEq for StateHandle {
    fn eq(&self, other: &StateHandle) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
            && self.kept == other.kept
            && self.undo == other.undo
            && self.redo == other.redo
    }
}

/// Panel props.
#[derive(Properties, PartialEq, Clone)]
pub struct WorkspacePanelProps {
    /// The page's state and dispatcher.
    pub state: StateHandle,
    /// Where the panel offers its import, for the toolbar's Open JSON.
    #[prop_or_default]
    pub importer: Importer,
}

/// A document opened from a file, and the file's name.
pub type Opened = (Document, String);

/// The panel's "add this document as a new article", for controls outside the panel (the
/// toolbar's Open JSON): the panel puts its callback here when it renders. Compared by pointer.
#[derive(Clone, Default)]
pub struct Importer(Rc<RefCell<Option<Callback<Opened>>>>);

impl PartialEq for Importer {
    fn eq(&self, other: &Importer) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Importer {
    /// Adds `doc`, opened from the file `name`, as a new workspace entry and shows it (the
    /// current work stays in its own entry). Gives the document back when no panel took it.
    pub fn import(&self, doc: Document, name: String) -> Option<Document> {
        let cb = self.0.borrow().clone();
        match cb {
            Some(cb) => {
                cb.emit((doc, name));
                None
            }
            None => Some(doc),
        }
    }

    fn set(&self, cb: Callback<Opened>) {
        *self.0.borrow_mut() = Some(cb);
    }
}

/// The undo history of the page's state, as the workspace stores it.
pub fn history_of(state: &State) -> History {
    let step = |s: &Snapshot| Step {
        doc: s.doc.clone(),
        kept: s.kept,
    };
    History {
        undo: state.undo_stack().iter().map(step).collect(),
        redo: state.redo_stack().iter().map(step).collect(),
    }
}

/// The page's state for a saved entry (with its undo history), and a message if part of the
/// history was damaged.
pub fn state_of(entry: &mut Entry) -> (State, Option<String>) {
    let (h, err) = entry.history();
    let snap = |s: Step| Snapshot {
        doc: s.doc,
        kept: s.kept,
        lost: Vec::new(),
        deleted: Vec::new(),
    };
    let state = State::restored(
        entry.doc.clone(),
        entry.kept,
        h.undo.into_iter().map(snap).collect(),
        h.redo.into_iter().map(snap).collect(),
    )
    .with_flags(entry.flags.lost.clone(), entry.flags.deleted.clone());
    (state, err)
}

/// "just now", "5 min ago", "3 h ago", else the UTC date and time.
pub fn edited_label(now_ms: i64, edited_ms: i64) -> String {
    let secs = (now_ms - edited_ms).max(0) / 1000;
    match secs {
        0..=59 => "just now".to_string(),
        60..=3599 => format!("{} min ago", secs / 60),
        3600..=86_399 => format!("{} h ago", secs / 3600),
        _ => chrono::DateTime::from_timestamp_millis(edited_ms)
            .map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_default(),
    }
}

/// "1 incident", "3 incidents".
pub fn incidents_label(n: usize) -> String {
    if n == 1 {
        "1 incident".to_string()
    } else {
        format!("{n} incidents")
    }
}

/// The message for an import that was refused.
pub fn import_error(what: &str, why: &str) -> String {
    format!("Could not import {what}: {why}. Your current work is unchanged.")
}

/// Milliseconds since 1970, from the browser's clock.
fn now_ms() -> i64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| (p.time_origin() + p.now()) as i64)
        .unwrap_or(0)
}

/// The workspace and its store, shared by the panel's callbacks and timers.
struct Host {
    ws: Workspace,
    store: LocalStore,
    loaded: bool,
}

type Shared = Rc<RefCell<Host>>;

/// What the panel tells the user.
#[derive(Clone, Debug, Default, PartialEq)]
struct Notices {
    /// The last storage error; cleared by the next successful save.
    storage: Option<String>,
    /// Things found damaged when loading.
    problems: Vec<String>,
    /// The last deleted entry's title (Undo offered).
    deleted: Option<String>,
    /// The last share link made.
    share: Option<String>,
    /// A short confirmation.
    info: Option<String>,
}

/// Everything a callback needs.
#[derive(Clone)]
struct Ctx {
    host: Shared,
    latest: Rc<RefCell<UseReducerHandle<State>>>,
    notices: Rc<RefCell<Notices>>,
    refresh: UseForceUpdateHandle,
}

impl Ctx {
    fn state(&self) -> UseReducerHandle<State> {
        self.latest.borrow().clone()
    }

    fn notify(&self, f: impl FnOnce(&mut Notices)) {
        f(&mut self.notices.borrow_mut());
        self.refresh.force_update();
    }

    /// The page's article, as the workspace records it.
    fn current(&self) -> Current {
        let handle = self.state();
        let state: &State = &handle;
        Current {
            doc: state.doc.clone(),
            kept: state.kept,
            history: history_of(state),
            flags: Flags {
                lost: state.lost.clone(),
                deleted: state.deleted.clone(),
            },
        }
    }

    /// Writes the current state into the workspace and saves what changed.
    fn flush(&self) {
        let result = {
            let mut h = self.host.borrow_mut();
            if !h.loaded {
                return;
            }
            h.ws.record(self.current(), now_ms());
            let Host { ws, store, .. } = &mut *h;
            if ws.is_dirty() {
                ws.save(store).map(|n| n > 0)
            } else {
                Ok(false)
            }
        };
        self.report(result);
    }

    /// Saves (without taking the page's state) and shows the outcome.
    fn save(&self) {
        let result = {
            let mut h = self.host.borrow_mut();
            let Host { ws, store, .. } = &mut *h;
            ws.save(store).map(|n| n > 0)
        };
        self.report(result);
    }

    fn report(&self, result: Result<bool, StorageError>) {
        match result {
            Ok(changed) => {
                if self.notices.borrow().storage.is_some() {
                    self.notify(|n| n.storage = None);
                }
                if changed {
                    self.refresh.force_update();
                }
            }
            Err(e) => {
                let msg = e.to_string();
                if self.notices.borrow().storage.as_deref() != Some(msg.as_str()) {
                    self.notify(|n| n.storage = Some(msg));
                }
                self.refresh.force_update();
            }
        }
    }

    /// Shows `state` in the page.
    fn show(&self, state: State) {
        self.state().dispatch(Action::Restore(Rc::new(state)));
    }

    /// Opens entry `id`, after saving the current one.
    fn open(&self, id: &str) {
        self.flush();
        let restored = {
            let mut h = self.host.borrow_mut();
            if !h.ws.open(id) {
                return;
            }
            h.ws.open_entry_mut().map(state_of)
        };
        if let Some((state, err)) = restored {
            self.show(state);
            if let Some(err) = err {
                self.notify(|n| n.info = Some(format!("The saved {err}.")));
            }
        }
        self.save();
    }

    /// Adds a validated document as a new entry and shows it. `flush` records the page's
    /// state first (saved with the new entry); it must be false while the page has not yet
    /// rendered a state just restored (the state it would record is not the one shown).
    fn add(&self, doc: Document, what: &str, flush: bool) {
        let doc = Rc::new(doc);
        {
            let mut h = self.host.borrow_mut();
            if flush && h.loaded {
                h.ws.import(self.current(), doc.clone(), now_ms());
            } else {
                h.ws.add(doc.clone(), true, now_ms());
            }
        }
        self.show(State::restored(doc, true, Vec::new(), Vec::new()));
        self.notify(|n| n.info = Some(format!("Imported {what} as a new article.")));
        self.save();
    }

    /// Checks `json` and imports it, or shows why not (the open work is untouched).
    fn import(&self, json: &str, what: &str) -> bool {
        match format::parse(json) {
            Ok(doc) => {
                self.add(doc, what, true);
                true
            }
            Err(e) => {
                self.state()
                    .dispatch(Action::OpenFailed(import_error(what, e.message())));
                false
            }
        }
    }

    /// Opens the share link in the address bar, if there is one (see [`Ctx::add`] for
    /// `flush`).
    fn open_share_link(&self, flush: bool) {
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        let hash = location.hash().unwrap_or_default();
        let result = format::share::decode(&hash);
        if matches!(result, Ok(None)) {
            return;
        }
        // Take the link out of the address bar, so a reload does not import it again.
        let _ = location.set_hash("");
        match result {
            Ok(Some(doc)) => self.add(doc, "the shared article", flush),
            Ok(None) => {}
            Err(e) => self.state().dispatch(Action::OpenFailed(import_error(
                "the share link",
                e.message(),
            ))),
        }
    }
}

/// Offers `contents` as a download (one helper for every export button).
fn download(name: &str, mime: &str, contents: &str) -> bool {
    crate::ui::export::download_as(name, mime, contents)
}

/// `name.json` → `name.ext`.
fn with_ext(json_name: &str, ext: &str) -> String {
    let stem = json_name.strip_suffix(".json").unwrap_or(json_name);
    format!("{stem}.{ext}")
}

/// The panel.
#[component]
pub fn WorkspacePanel(props: &WorkspacePanelProps) -> Html {
    let host: Shared = use_mut_ref(|| Host {
        ws: Workspace::new(),
        store: LocalStore::open(),
        loaded: false,
    });
    let latest = use_mut_ref(|| props.state.handle.clone());
    *latest.borrow_mut() = props.state.handle.clone();
    let notices: Rc<RefCell<Notices>> = use_mut_ref(Notices::default);
    let refresh = use_force_update();
    let query = use_state(String::new);
    let renaming = use_state(|| None::<String>);
    let rename_input = use_node_ref();
    let import_box = use_node_ref();
    // True while a save is scheduled (the timer is not kept: it must not be dropped while it
    // runs).
    let pending: Rc<RefCell<bool>> = use_mut_ref(|| false);
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let ctx = Ctx {
        host: host.clone(),
        latest: latest.clone(),
        notices: notices.clone(),
        refresh,
    };
    {
        let ctx = ctx.clone();
        props
            .importer
            .set(Callback::from(move |(doc, name): Opened| {
                ctx.add(doc, &format!("“{name}”"), true)
            }));
    }

    // Load once; open the share link in the address bar; save when the page is hidden.
    {
        let ctx = ctx.clone();
        use_effect_with((), move |_| {
            super::storage::register_service_worker();
            let loaded = {
                let h = ctx.host.borrow();
                workspace::persist::load(&h.store)
            };
            let mut restored = None;
            {
                let mut h = ctx.host.borrow_mut();
                match loaded {
                    Ok(l) => {
                        h.ws = l.workspace;
                        if !l.problems.is_empty() {
                            ctx.notify(|n| n.problems = l.problems);
                        }
                    }
                    Err(e) => ctx.notify(|n| n.storage = Some(e.to_string())),
                }
                h.loaded = true;
                if let Some(e) = h.ws.open_entry_mut() {
                    restored = Some(state_of(e));
                }
            }
            if let Some((state, err)) = restored {
                ctx.show(state);
                if let Some(err) = err {
                    ctx.notify(|n| n.info = Some(format!("The saved {err}.")));
                }
            }
            ctx.open_share_link(false);
            ctx.refresh.force_update();
            let mut listeners = Vec::new();
            if let Some(window) = web_sys::window() {
                for event in ["pagehide", "beforeunload"] {
                    let ctx = ctx.clone();
                    listeners.push(EventListener::new(&window, event, move |_| ctx.flush()));
                }
                let c = ctx.clone();
                listeners.push(EventListener::new(&window, "hashchange", move |_| {
                    c.open_share_link(true)
                }));
                if let Some(document) = window.document() {
                    let c = ctx.clone();
                    listeners.push(EventListener::new(
                        &document,
                        "visibilitychange",
                        move |_| {
                            let hidden = web_sys::window()
                                .and_then(|w| w.document())
                                .is_some_and(|d| d.hidden());
                            if hidden {
                                c.flush();
                            }
                        },
                    ));
                }
            }
            move || drop(listeners)
        });
    }

    // Autosave: at most SAVE_DELAY_MS after the first unsaved change.
    {
        let ctx = ctx.clone();
        let pending = pending.clone();
        use_effect_with(props.state.clone(), move |_| {
            if !*pending.borrow() {
                *pending.borrow_mut() = true;
                let p = pending.clone();
                Timeout::new(SAVE_DELAY_MS, move || {
                    *p.borrow_mut() = false;
                    ctx.flush();
                })
                .forget();
            }
        });
    }

    // Dropping a file anywhere on the page imports it.
    {
        let ctx = ctx.clone();
        let reader = reader.clone();
        use_effect_with((), move |_| {
            let mut listeners = Vec::new();
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                let opts = EventListenerOptions::enable_prevent_default();
                listeners.push(EventListener::new_with_options(
                    &document,
                    "dragover",
                    opts,
                    |e| {
                        let has_files = e
                            .dyn_ref::<DragEvent>()
                            .and_then(|d| d.data_transfer())
                            .is_some_and(|t| {
                                t.types()
                                    .iter()
                                    .any(|t| t.as_string().as_deref() == Some("Files"))
                            });
                        if has_files {
                            e.prevent_default();
                        }
                    },
                ));
                listeners.push(EventListener::new_with_options(
                    &document,
                    "drop",
                    opts,
                    move |e| {
                        let file = e
                            .dyn_ref::<DragEvent>()
                            .and_then(|d| d.data_transfer())
                            .and_then(|t| t.files())
                            .and_then(|f| f.get(0));
                        let Some(file) = file else { return };
                        e.prevent_default();
                        *reader.borrow_mut() = read_file(file, ctx.clone());
                    },
                ));
            }
            move || drop(listeners)
        });
    }

    let state: &State = &props.state.handle;
    let doc = state.doc.clone();
    let now = now_ms();
    let (entries, open_id, trash_len): (Vec<Summary>, Option<String>, usize) = {
        let h = host.borrow();
        (
            h.ws.search(&query)
                .into_iter()
                .map(Entry::summary)
                .collect(),
            h.ws.open_id().map(str::to_string),
            h.ws.trash().len(),
        )
    };

    let on_search = {
        let query = query.clone();
        move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        }
    };
    let on_new = {
        let ctx = ctx.clone();
        move |_: MouseEvent| {
            ctx.flush();
            ctx.host.borrow_mut().ws.close();
            ctx.show(State::default());
            ctx.save();
        }
    };
    let on_undo_delete = {
        let ctx = ctx.clone();
        move |_: MouseEvent| {
            ctx.flush();
            let reopen = {
                let mut h = ctx.host.borrow_mut();
                let was_open = h.ws.open_id().map(str::to_string);
                let id = h.ws.undo_delete();
                (id.is_some() && h.ws.open_id().map(str::to_string) != was_open)
                    .then(|| h.ws.open_entry_mut().map(state_of))
                    .flatten()
            };
            if let Some((state, _)) = reopen {
                ctx.show(state);
            }
            ctx.notify(|n| n.deleted = None);
            ctx.save();
        }
    };
    let on_share = {
        let ctx = ctx.clone();
        let doc = doc.clone();
        move |_: MouseEvent| match format::share::encode(&doc) {
            Ok(fragment) => {
                let Some(window) = web_sys::window() else {
                    return;
                };
                let href = window.location().href().unwrap_or_default();
                let base = href.split('#').next().unwrap_or_default();
                let link = format!("{base}#{fragment}");
                let _ = window.navigator().clipboard().write_text(&link);
                ctx.notify(|n| {
                    n.share = Some(link);
                    n.info = Some(
                        "Share link copied. Anyone who opens it sees this article; it travels in the link itself, not through a server.".to_string(),
                    );
                });
            }
            Err(e) => ctx
                .state()
                .dispatch(Action::OpenFailed(e.message().to_string())),
        }
    };
    let export = |kind: &'static str| {
        let ctx = ctx.clone();
        let doc = doc.clone();
        move |_: MouseEvent| {
            let name = super::export::file_name(doc.document.title.as_deref());
            let ok = match kind {
                "acled" => download(
                    &with_ext(&name, "csv"),
                    "text/csv",
                    &format::acled::to_csv([&*doc]),
                ),
                "w3c" => download(
                    &with_ext(&name, "jsonld"),
                    "application/ld+json",
                    &format::w3c::to_w3c_json(&doc),
                ),
                "ws-jsonl" | "ws-csv" => {
                    ctx.flush();
                    let h = ctx.host.borrow();
                    if kind == "ws-jsonl" {
                        download(
                            "sitrep-workspace.jsonl",
                            "application/x-ndjson",
                            &h.ws.to_jsonl(),
                        )
                    } else {
                        download("sitrep-workspace.csv", "text/csv", &h.ws.to_acled_csv())
                    }
                }
                _ => true,
            };
            if !ok {
                ctx.state().dispatch(Action::OpenFailed(
                    "The browser refused the download.".to_string(),
                ));
            }
        }
    };
    let on_import = {
        let ctx = ctx.clone();
        let import_box = import_box.clone();
        move |_: MouseEvent| {
            let Some(ta) = import_box.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let text = ta.value();
            if text.trim().is_empty() {
                return;
            }
            if ctx.import(&text, "the pasted JSON") {
                ta.set_value("");
            }
        }
    };
    let dismiss = |f: fn(&mut Notices)| {
        let ctx = ctx.clone();
        move |_: MouseEvent| ctx.notify(f)
    };

    let items = entries.iter().map(|s| {
        let id = s.id.clone();
        let is_open = open_id.as_deref() == Some(id.as_str());
        let on_open = {
            let ctx = ctx.clone();
            let id = id.clone();
            move |_: MouseEvent| ctx.open(&id)
        };
        let on_rename_start = {
            let renaming = renaming.clone();
            let id = id.clone();
            move |_: MouseEvent| renaming.set(Some(id.clone()))
        };
        let on_rename_done = {
            let ctx = ctx.clone();
            let renaming = renaming.clone();
            let id = id.clone();
            let rename_input = rename_input.clone();
            move |e: SubmitEvent| {
                e.prevent_default();
                let input = rename_input.cast::<HtmlInputElement>();
                renaming.set(None);
                let Some(input) = input else { return };
                let title = input.value();
                let is_open = ctx.host.borrow().ws.open_id() == Some(id.as_str());
                if is_open {
                    ctx.state().dispatch(Action::SetTitle(title.trim().to_string()));
                } else {
                    ctx.host.borrow_mut().ws.rename(&id, &title, now_ms());
                    ctx.save();
                }
            }
        };
        let on_rename_cancel = {
            let renaming = renaming.clone();
            move |_: MouseEvent| renaming.set(None)
        };
        let on_duplicate = {
            let ctx = ctx.clone();
            let id = id.clone();
            move |_: MouseEvent| {
                ctx.flush();
                ctx.host.borrow_mut().ws.duplicate(&id, now_ms());
                ctx.save();
            }
        };
        let on_delete = {
            let ctx = ctx.clone();
            let id = id.clone();
            let title = s.title.clone();
            move |_: MouseEvent| {
                ctx.flush();
                let was_open = {
                    let mut h = ctx.host.borrow_mut();
                    let was_open = h.ws.open_id() == Some(id.as_str());
                    h.ws.delete(&id, now_ms());
                    was_open
                };
                if was_open {
                    ctx.show(State::default());
                }
                ctx.notify(|n| n.deleted = Some(title.clone()));
                ctx.save();
            }
        };
        let editing = renaming.as_deref() == Some(id.as_str());
        html! {
            <li key={id.clone()} data-entry={id.clone()} class={classes!("entry", is_open.then_some("open"))}
                aria-current={is_open.then_some("true")}>
                if editing {
                    <form class="rename" onsubmit={on_rename_done}>
                        <input name="title" class="rename-title" ref={rename_input.clone()} aria-label="New title" value={s.title.clone()} />
                        <button type="submit">{ "Save" }</button>
                        <button type="button" onclick={on_rename_cancel}>{ "Cancel" }</button>
                    </form>
                } else {
                    <button type="button" class="entry-title" onclick={on_open}
                        title="Open this article">{ s.title.clone() }</button>
                }
                <span class="entry-meta">
                    <span class="entry-published">{ s.published.clone().unwrap_or_else(|| "no date".to_string()) }</span>
                    { " · " }
                    <span class="entry-incidents">{ incidents_label(s.incidents) }</span>
                    { " · " }
                    <span class="entry-edited">{ edited_label(now, s.edited) }</span>
                </span>
                <span class="entry-actions">
                    <button type="button" class="rename-button" onclick={on_rename_start}>{ "Rename" }</button>
                    <button type="button" class="duplicate-button" onclick={on_duplicate}>{ "Duplicate" }</button>
                    <button type="button" class="delete-button" onclick={on_delete}>{ "Delete" }</button>
                </span>
            </li>
        }
    });

    let n = notices.borrow().clone();
    html! {
        <aside class="workspace" aria-label="Workspace">
            <h2>{ "Workspace" }</h2>
            if let Some(msg) = &n.storage {
                <div id="storage-status" class="alert" role="alert"><p>{ msg }</p></div>
            } else {
                <p id="storage-status" class="saved" role="status" data-saved="true">{ "Saved in this browser" }</p>
            }
            if !n.problems.is_empty() {
                <div class="alert" role="alert">
                    <ul>{ for n.problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                    <button type="button" onclick={dismiss(|n| n.problems.clear())}>{ "Dismiss" }</button>
                </div>
            }
            if let Some(title) = &n.deleted {
                <div class="notice" role="status">
                    <p>{ format!("Deleted “{title}”.") }</p>
                    if trash_len > 0 {
                        <button type="button" id="undo-delete" onclick={on_undo_delete}>{ "Undo delete" }</button>
                    }
                </div>
            }
            if let Some(info) = &n.info {
                <div class="notice" role="status">
                    <p id="workspace-info">{ info }</p>
                    <button type="button" onclick={dismiss(|n| n.info = None)}>{ "Dismiss" }</button>
                </div>
            }
            <div class="workspace-tools">
                <button type="button" id="new-article" onclick={on_new}>{ "New article" }</button>
                <input type="search" id="workspace-search" placeholder="Search titles and text"
                    aria-label="Search saved articles" value={(*query).clone()} oninput={on_search} />
            </div>
            <ul id="workspace-list" class="entries">{ for items }</ul>
            if entries.is_empty() {
                <p class="empty">{ if query.is_empty() { "Nothing saved yet: paste an article to start." } else { "No saved article matches." } }</p>
            }
            <section class="share-export" aria-label="Share and export">
                <h3>{ "Share and export" }</h3>
                <button type="button" id="share-link-button" onclick={on_share}>{ "Copy share link" }</button>
                if let Some(link) = &n.share {
                    <input type="text" id="share-link" readonly=true aria-label="Share link" value={link.clone()} />
                }
                <button type="button" id="export-acled" onclick={export("acled")}>{ "Export ACLED CSV" }</button>
                <button type="button" id="export-w3c" onclick={export("w3c")}>{ "Export W3C JSON-LD" }</button>
                <button type="button" id="export-workspace-jsonl" onclick={export("ws-jsonl")}>{ "Export workspace (JSONL)" }</button>
                <button type="button" id="export-workspace-csv" onclick={export("ws-csv")}>{ "Export workspace (CSV)" }</button>
            </section>
            <section class="import" aria-label="Import">
                <h3>{ "Import" }</h3>
                <p class="hint">{ "Drop a Sitrep .json file anywhere on the page, or paste its contents here." }</p>
                <textarea id="import-text" ref={import_box} rows="3" aria-label="Paste Sitrep JSON to import"
                    placeholder="{\"format\": \"sitrep\", …}" />
                <button type="button" id="import-button" onclick={on_import}>{ "Import" }</button>
            </section>
        </aside>
    }
}

/// Reads a dropped file and imports it. The returned reader must be kept until it finishes.
fn read_file(file: web_sys::File, ctx: Ctx) -> Option<FileReader> {
    let file = gloo::file::File::from(file);
    let name = format!("“{}”", file.name());
    if file.size() > format::MAX_DOCUMENT_BYTES as u64 {
        let mb = format::MAX_DOCUMENT_BYTES / (1024 * 1024);
        ctx.state().dispatch(Action::OpenFailed(import_error(
            &name,
            &format!("the file is larger than {mb} MB"),
        )));
        return None;
    }
    Some(gloo::file::callbacks::read_as_text(
        &file,
        move |res| match res {
            Ok(json) => {
                ctx.import(&json, &name);
            }
            Err(e) => ctx.state().dispatch(Action::OpenFailed(import_error(
                &name,
                &format!("it could not be read ({e})"),
            ))),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let day = 86_400_000;
        for (now, then, want) in [
            (10_000, 9_000, "just now"),
            (10_000, 20_000, "just now"),
            (600_000, 0, "10 min ago"),
            (7_200_000, 0, "2 h ago"),
            (2 * day, 0, "1970-01-01 00:00 UTC"),
        ] {
            assert_eq!(edited_label(now, then), want);
        }
        assert_eq!(incidents_label(0), "0 incidents");
        assert_eq!(incidents_label(1), "1 incident");
        assert_eq!(with_ext("a-b.json", "csv"), "a-b.csv");
        assert!(import_error("x", "y").contains("unchanged"));
    }

    #[test]
    fn state_and_history_round_trip_through_an_entry() {
        let s0 = Rc::new(State::default());
        let s1 = s0.clone().reduce(Action::SetText("Rebels attacked".into()));
        let s2 = s1
            .clone()
            .reduce(Action::SetText("Rebels attacked a base.".into()));
        let s3 = s2.clone().reduce(Action::Undo);
        let mut ws = Workspace::new();
        ws.update_open(s3.doc.clone(), s3.kept, history_of(&s3), 1);
        let mut store = crate::workspace::MemoryStore::new();
        ws.save(&mut store).unwrap();
        let mut back = workspace::persist::load(&store).unwrap().workspace;
        let (state, err) = state_of(back.open_entry_mut().unwrap());
        assert_eq!(err, None);
        assert_eq!(state, *s3);
        let redone = Rc::new(state).reduce(Action::Redo);
        assert_eq!(redone.doc.document.text, "Rebels attacked a base.");
    }
}
