//! Undo, Redo, Open JSON and Export JSON.
//!
//! Open: the "Open JSON" button clicks a visually hidden `<input type="file" id="open-json">`;
//! the chosen file is read as text and checked by [`format::parse`]. A good document goes to
//! [`ToolbarProps::on_open`]: the page adds it as a new workspace entry and shows it exactly as
//! saved, as a dropped or pasted import or a share link does (the work that was open stays as
//! it was in its own entry). Anything else leaves the work untouched and shows why.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::format;
use crate::ui::export;
use crate::ui::state::{Action, DocRef};
use crate::ui::workspace_panel::Opened;

/// Toolbar props.
#[derive(Properties, PartialEq, Clone)]
pub struct ToolbarProps {
    /// The document Export writes.
    pub doc: DocRef,
    /// Whether Undo has something to do.
    pub can_undo: bool,
    /// Whether Redo has something to do.
    pub can_redo: bool,
    /// Sends an action to the page's reducer.
    pub dispatch: Callback<Action>,
    /// Takes a document opened from a file, and the file's name.
    pub on_open: Callback<Opened>,
}

/// The message for a file that could not be opened.
pub fn open_error(name: &str, why: &str) -> String {
    format!("Could not open “{name}”: {why}. Your current work is unchanged.")
}

/// Reads `file` and hands a good document to `on_open`, or sends `OpenFailed`. The returned
/// reader must be kept alive until it finishes.
fn read(
    file: web_sys::File,
    dispatch: Callback<Action>,
    on_open: Callback<Opened>,
) -> Option<FileReader> {
    let file = gloo::file::File::from(file);
    let name = file.name();
    if file.size() > format::MAX_DOCUMENT_BYTES as u64 {
        let mb = format::MAX_DOCUMENT_BYTES / (1024 * 1024);
        dispatch.emit(Action::OpenFailed(open_error(
            &name,
            &format!("the file is larger than {mb} MB"),
        )));
        return None;
    }
    Some(gloo::file::callbacks::read_as_text(&file, move |res| {
        let why = match res {
            Ok(json) => match format::parse(&json) {
                Ok(doc) => return on_open.emit((doc, name)),
                Err(e) => e.message().to_string(),
            },
            Err(e) => format!("it could not be read ({e})"),
        };
        dispatch.emit(Action::OpenFailed(open_error(&name, &why)));
    }))
}

/// The toolbar.
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let file_input = use_node_ref();
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);

    let on_open_click = {
        let file_input = file_input.clone();
        move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.click();
            }
        }
    };
    let on_file = {
        let dispatch = props.dispatch.clone();
        let on_open = props.on_open.clone();
        move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let file = input.files().and_then(|list| list.get(0));
            // Clear the input so that choosing the same file again is a change too.
            input.set_value("");
            if let Some(file) = file {
                *reader.borrow_mut() = read(file, dispatch.clone(), on_open.clone());
            }
        }
    };
    let on_export = {
        let doc = props.doc.clone();
        let dispatch = props.dispatch.clone();
        move |_: MouseEvent| {
            let doc = &doc.0;
            let name = export::file_name(doc.document.title.as_deref());
            if !export::download(&name, &format::to_json(doc)) {
                dispatch.emit(Action::OpenFailed(
                    "The browser refused the download.".to_string(),
                ));
            }
        }
    };
    let send = |a: Action| {
        let dispatch = props.dispatch.clone();
        move |_: MouseEvent| dispatch.emit(a.clone())
    };

    html! {
        <div class="toolbar" role="toolbar" aria-label="Document">
            <button type="button" onclick={send(Action::Undo)} disabled={!props.can_undo}
                title="Undo (Ctrl+Z)">{ "Undo" }</button>
            <button type="button" onclick={send(Action::Redo)} disabled={!props.can_redo}
                title="Redo (Ctrl+Shift+Z or Ctrl+Y)">{ "Redo" }</button>
            <button type="button" id="open-json-button" onclick={on_open_click}>{ "Open JSON" }</button>
            <input type="file" id="open-json" class="visually-hidden" tabindex="-1"
                aria-label="Open JSON file" accept=".json,application/json"
                ref={file_input} onchange={on_file} />
            <button type="button" id="export-json" onclick={on_export}>{ "Export JSON" }</button>
        </div>
    }
}
