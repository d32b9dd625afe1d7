//! The article with its highlights, the tooltip for the highlight under the pointer or the
//! keyboard focus, the label menu for a selection, and the span editor.
//!
//! Each entity is a `<mark data-kind="KIND" data-status="STATUS" tabindex="0">` (nested marks
//! for nested spans), with `role="group"` and `aria-roledescription="highlight"` (the `mark`
//! role may not carry a name, and `button` would hide nested highlights). Its `title` and
//! `aria-label` say kind, words, value, rule and review state, for screen readers and as a native tooltip; the styled tooltip (`role="tooltip"`, id
//! `mark-tip`) shows the same, laid out. The marks are drawn by [`Marks`], which re-renders only
//! when the document (or the span being edited) changes, so moving the pointer or the selection
//! over a long article only redraws the tooltip or the menu.
//!
//! Blocks: the article is drawn in blocks (paragraphs, or pieces of a long line; see
//! [`render::blocks`](crate::ui::render::blocks)), each a `<span data-base="B"
//! data-entity-base="E">` around a memoised [`BlockView`] whose props compare equal when the
//! block's text and highlights are unchanged, so an edit re-renders only the blocks it touched.
//! Inside a block every offset is relative, so that the blocks after an edit stay equal: every
//! text piece is a `<span data-start="N">` (its first code point is at B + N in the article)
//! and every mark carries `data-entity="I"` (the entity at E + I in the document's entities).
//! [`piece_start`] and [`mark_of`] add the bases back, so a DOM selection maps back to code
//! point offsets in the article (see [`keys::code_point_offset`]).
//! - Select text with the mouse, or from the keyboard (focus the view or a highlight, then
//!   Shift+arrows; Ctrl+Shift+arrows by word; arrows alone move the caret), then press 1–7 or
//!   pick a kind in the label menu (`#label-menu`) that appears under the selection.
//! - Click a highlight or press Enter on it to open the [`SpanEditor`]; Delete removes the
//!   focused highlight; Alt+Shift+←/→ moves its end (with Ctrl, its start). While the editor is
//!   open, the highlight shows a handle at each end: drag one to resize.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};
use yew::prelude::*;
use yew::virtual_dom::Key;

use super::span_editor::SpanEditor;
use crate::extract::span::Offsets;
use crate::extract::{Entity, Kind};
use crate::format::Document;
use crate::ui::edit::Edit;
use crate::ui::keys;
use crate::ui::render::{blocks, describe, kind_label, Block, BlockIds, Segment, MAX_MARKS};
use crate::ui::state::{Action, DocRef};

/// Evidence to show in the text: the ids, and what they are evidence of.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// Entity ids.
    pub ids: Vec<String>,
    /// "Killed of incident i1".
    pub what: String,
}

/// Props of [`Highlighted`].
#[derive(Properties, PartialEq, Clone)]
pub struct HighlightedProps {
    /// The document shown.
    pub doc: DocRef,
    /// Sends an action to the page's reducer.
    pub dispatch: Callback<Action>,
    /// The span whose editor is open.
    pub editing: Option<String>,
    /// Opens (Some) or closes (None) the span editor.
    pub on_edit: Callback<Option<String>>,
    /// Evidence of an incident field to show in the text.
    #[prop_or_default]
    pub evidence: Option<Shown>,
}

/// Which entity the tooltip shows, and where (pixels, relative to the view).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Tip {
    entity: usize,
    top: i32,
    left: i32,
}

/// The selection the label menu is for, and where to draw the menu.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Menu {
    start: usize,
    end: usize,
    top: i32,
    left: i32,
    /// The inner width of the box the menu is placed in (read with the selection's position,
    /// while the layout is still clean).
    room: i32,
}

/// A number attribute of `el` (the page writes them; anything else reads as `None`).
fn number(el: &Element, name: &str) -> Option<usize> {
    el.get_attribute(name)?.parse().ok()
}

/// Adds `attr` of the block around `el` (its `data-base` or `data-entity-base`) to `rel`.
fn from_block(el: &Element, attr: &str, rel: usize) -> Option<usize> {
    let block = el.closest(&format!("[{attr}]")).ok()??;
    number(&block, attr)?.checked_add(rel)
}

/// The code point offset in the article of a text piece's first character: its block's
/// `data-base` plus its own `data-start`.
fn piece_start(seg: &Element) -> Option<usize> {
    from_block(seg, "data-base", number(seg, "data-start")?)
}

/// The mark an event happened in, as (entity index in the document: its block's
/// `data-entity-base` plus its own `data-entity`, the mark).
fn mark_of(e: &Event) -> Option<(usize, HtmlElement)> {
    let target: Element = e.target()?.dyn_into().ok()?;
    let mark = target.closest("mark[data-entity]").ok()??;
    let entity = from_block(&mark, "data-entity-base", number(&mark, "data-entity")?)?;
    Some((entity, mark.dyn_into().ok()?))
}

/// The code point offset of a DOM selection point inside the article view.
fn point(view: &Element, node: &Node, offset: u32) -> Option<usize> {
    if !view.contains(Some(node)) {
        return None;
    }
    if node.node_type() == Node::TEXT_NODE {
        let start = piece_start(&node.parent_element()?)?;
        let text = node.text_content().unwrap_or_default();
        return Some(keys::code_point_offset(start, &text, offset as usize));
    }
    // An element: `offset` counts its children; the point is before child `offset`.
    let el: &Element = node.dyn_ref()?;
    if el.has_attribute("data-start") {
        // Inside a text piece: before its text (0) or after it.
        let start = piece_start(el)?;
        let len = el.text_content().unwrap_or_default().chars().count();
        return Some(if offset == 0 { start } else { start + len });
    }
    let segs = el.query_selector_all("[data-start]").ok()?;
    let child = el.child_nodes().item(offset);
    for i in 0..segs.length() {
        let seg: Element = segs.item(i)?.dyn_into().ok()?;
        let after = match &child {
            Some(c) => {
                c.contains(Some(&seg))
                    || c.compare_document_position(&seg) & Node::DOCUMENT_POSITION_FOLLOWING != 0
            }
            None => false,
        };
        if after {
            return piece_start(&seg);
        }
    }
    // After the last piece: its end.
    let last: Element = segs.item(segs.length().checked_sub(1)?)?.dyn_into().ok()?;
    let start = piece_start(&last)?;
    Some(start + last.text_content().unwrap_or_default().chars().count())
}

fn selection() -> Option<web_sys::Selection> {
    web_sys::window()?.get_selection().ok()?
}

/// The selection inside the article view as a code point range, if it is not empty.
///
/// Typing in a text field moves its caret, and each caret move fires `selectionchange`.
/// `Selection.isCollapsed` and `rangeCount` lay out the page first (in the middle of the
/// keystroke), while the anchor and focus nodes are read from the DOM alone; so the nodes are
/// checked first, and an empty selection is found by comparing its two ends.
fn selection_range(view: &Element) -> Option<(usize, usize)> {
    let sel = selection()?;
    let (anchor, focus) = (sel.anchor_node()?, sel.focus_node()?);
    if !view.contains(Some(&anchor)) || !view.contains(Some(&focus)) {
        return None;
    }
    let a = point(view, &anchor, sel.anchor_offset())?;
    let f = point(view, &focus, sel.focus_offset())?;
    (a != f).then_some((a.min(f), a.max(f)))
}

/// The label menu for the current selection, placed under its end (relative to `host`).
fn menu_for(view: &Element, host: &Element) -> Option<Menu> {
    let (start, end) = selection_range(view)?;
    let range = selection()?.get_range_at(0).ok()?;
    let r = range.get_bounding_client_rect();
    let h = host.get_bounding_client_rect();
    Some(Menu {
        start,
        end,
        top: (r.bottom() - h.top()) as i32 + 4,
        left: (r.left() - h.left()).max(0.0) as i32,
        room: host.client_width(),
    })
}

/// True when the selection (or caret) is inside the view.
fn selection_in(view: &Element) -> bool {
    selection()
        .and_then(|s| s.focus_node())
        .is_some_and(|n| view.contains(Some(&n)))
}

/// Puts a caret at the start of `el`'s first text piece (the focused highlight, or the view).
fn caret_at_start(el: &Element) -> Option<()> {
    let seg = el.query_selector("[data-start]").ok()??;
    let text = seg.first_child()?;
    selection()?.collapse_with_offset(Some(&text), 0).ok()
}

/// The code point under the pointer in the view (for dragging a handle).
fn offset_at(view: &Element, x: i32, y: i32) -> Option<usize> {
    let doc = web_sys::window()?.document()?;
    let pos = doc.caret_position_from_point(x as f32, y as f32)?;
    point(view, &pos.offset_node()?, pos.offset())
}

/// Sets `top`/`left` through the CSSOM: the page's Content-Security-Policy (`style-src
/// 'self'`) blocks inline `style` attributes, not style properties set from script. Keeps the
/// element inside its parent's width.
fn place(el: &HtmlElement, top: i32, left: i32) {
    let room = el.parent_element().map_or(0, |p| p.client_width());
    let left = left.min(room - el.offset_width()).max(0);
    set_position(el, top, left);
}

/// Sets `top`/`left` (pixels) through the CSSOM, as [`place`] does, without reading layout.
fn set_position(el: &HtmlElement, top: i32, left: i32) {
    let style = el.style();
    let _ = style.set_property("top", &format!("{top}px"));
    let _ = style.set_property("left", &format!("{left}px"));
}

/// The highlighted article, its tooltip, label menu and span editor.
#[component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    let tip = use_state_eq(|| None::<Tip>);
    // Which end of the edited span a handle drag moves (true: the start).
    let drag = use_mut_ref(|| None::<bool>);
    let view = use_node_ref();
    let host = use_node_ref();
    let doc = &props.doc.0;

    let show = {
        let tip = tip.clone();
        let view = view.clone();
        move |e: Event| {
            let Some((entity, mark)) = mark_of(&e) else {
                return;
            };
            let scroll = view.cast::<Element>().map_or(0, |v| v.scroll_top());
            tip.set(Some(Tip {
                entity,
                top: mark.offset_top() + mark.offset_height() - scroll,
                left: mark.offset_left(),
            }));
        }
    };
    let hide = {
        let tip = tip.clone();
        move |_: Event| tip.set(None)
    };
    // The highlight to give the focus back to once the marks are redrawn: a resize from the
    // keyboard can change which mark encloses which, and so replace the focused element.
    let refocus = use_mut_ref(|| None::<String>);
    let on_key = {
        let tip = tip.clone();
        let view = view.clone();
        let refocus = refocus.clone();
        let on_edit = props.on_edit.clone();
        let dispatch = props.dispatch.clone();
        let doc = props.doc.0.clone();
        move |e: KeyboardEvent| {
            let key = e.key();
            if key == "Escape" {
                tip.set(None);
                on_edit.emit(None);
                return;
            }
            let Some(v) = view.cast::<Element>() else {
                return;
            };
            if e.meta_key() {
                return;
            }
            // Select, then 1–7: label.
            if let Some(kind) = keys::label_key(&key).filter(|_| !e.ctrl_key() && !e.alt_key()) {
                if let Some((start, end)) = selection_range(&v) {
                    e.prevent_default();
                    dispatch.emit(Action::Edit(Edit::AddSpan { start, end, kind }));
                    if let Some(s) = selection() {
                        let _ = s.collapse_to_end();
                    }
                }
                return;
            }
            // Arrows move the caret in the (non-editable) view; with Shift they extend the
            // selection, with Ctrl by word. The first one puts a caret at the start of the
            // focused highlight (or of the view).
            if !e.alt_key() {
                if let Some((alter, dir, unit)) =
                    keys::caret_move(&key, e.shift_key(), e.ctrl_key())
                {
                    let has = selection_in(&v);
                    if !has && !e.shift_key() {
                        return; // plain arrows scroll until there is a caret
                    }
                    if !has {
                        let from = mark_of(&e.clone().into())
                            .map(|(_, m)| Element::from(m))
                            .unwrap_or_else(|| v.clone());
                        if caret_at_start(&from).is_none() {
                            return;
                        }
                    }
                    if let Some(sel) = selection() {
                        if sel.modify(alter, dir, unit).is_ok() {
                            e.prevent_default();
                        }
                    }
                    return;
                }
            }
            let Some((_, mark)) = mark_of(&e.clone().into()) else {
                return;
            };
            let Some(id) = mark.get_attribute("data-id") else {
                return;
            };
            let Some(ent) = doc.entities.iter().find(|x| x.id == id) else {
                return;
            };
            match key.as_str() {
                "Enter" => {
                    e.prevent_default();
                    on_edit.emit(Some(id));
                }
                "Delete" | "Backspace" => {
                    e.prevent_default();
                    // The mark goes away: keep the focus in the view, not on the page's body.
                    if let Some(v) = v.dyn_ref::<HtmlElement>() {
                        let _ = v.focus();
                    }
                    on_edit.emit(None);
                    dispatch.emit(Action::Edit(Edit::DeleteSpan { id }));
                }
                _ if e.alt_key() && e.shift_key() => {
                    let len = Offsets::new(&doc.document.text).chars();
                    if let Some((start, end)) =
                        keys::resize(&key, e.ctrl_key(), (ent.start, ent.end), len)
                    {
                        e.prevent_default();
                        *refocus.borrow_mut() = Some(id.clone());
                        dispatch.emit(Action::Edit(Edit::ResizeSpan { id, start, end }));
                    }
                }
                _ => {}
            }
        }
    };
    let on_mousedown = {
        let drag = drag.clone();
        move |e: MouseEvent| {
            let handle = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.get_attribute("data-handle"));
            if let Some(h) = handle {
                // No text selection while dragging a handle.
                e.prevent_default();
                *drag.borrow_mut() = Some(h == "start");
            }
        }
    };
    let on_mouseup = {
        let drag = drag.clone();
        let view = view.clone();
        let dispatch = props.dispatch.clone();
        let editing = props.editing.clone();
        let doc = props.doc.0.clone();
        move |e: MouseEvent| {
            let Some(is_start) = drag.borrow_mut().take() else {
                return;
            };
            let Some(v) = view.cast::<Element>() else {
                return;
            };
            let Some(ent) = editing
                .as_ref()
                .and_then(|id| doc.entities.iter().find(|x| x.id == *id))
            else {
                return;
            };
            let Some(at) = offset_at(&v, e.client_x(), e.client_y()) else {
                return;
            };
            if let Some((start, end)) = keys::drag_edge((ent.start, ent.end), is_start, at) {
                dispatch.emit(Action::Edit(Edit::ResizeSpan {
                    id: ent.id.clone(),
                    start,
                    end,
                }));
            }
        }
    };
    let on_click = {
        let on_edit = props.on_edit.clone();
        let view = view.clone();
        move |e: MouseEvent| {
            // A click that ends a selection is for labelling, not for the editor.
            if view
                .cast::<Element>()
                .and_then(|v| selection_range(&v))
                .is_some()
            {
                return;
            }
            let handle = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|t| t.has_attribute("data-handle"));
            if handle {
                return;
            }
            if let Some((_, mark)) = mark_of(&e.into()) {
                on_edit.emit(mark.get_attribute("data-id"));
            }
        }
    };
    let editor = props
        .editing
        .as_ref()
        .and_then(|id| doc.entities.iter().find(|x| x.id == *id))
        .cloned();
    let close = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_| on_edit.emit(None))
    };

    let tip_ref = use_node_ref();
    {
        let tip_ref = tip_ref.clone();
        use_effect_with(*tip, move |t| {
            if let (Some(t), Some(el)) = (t, tip_ref.cast::<HtmlElement>()) {
                place(&el, t.top, t.left);
            }
        });
    }
    {
        let view = view.clone();
        use_effect_with(props.doc.clone(), move |_| {
            let Some(id) = refocus.borrow_mut().take() else {
                return;
            };
            // Ids are "e12" / "m3": no quoting needed, but refuse anything else.
            if !id.chars().all(|c| c.is_ascii_alphanumeric()) {
                return;
            }
            let mark = view
                .cast::<Element>()
                .and_then(|v| v.query_selector(&format!("mark[data-id=\"{id}\"]")).ok()?)
                .and_then(|m| m.dyn_into::<HtmlElement>().ok());
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            if let Some(m) = mark {
                if active.as_ref() != Some(m.as_ref()) {
                    let _ = m.focus();
                }
            }
        });
    }
    // Evidence of a field: outline its highlights and bring the first into view.
    {
        let view = view.clone();
        use_effect_with(
            (props.doc.clone(), props.evidence.clone()),
            move |(_, shown)| {
                let Some(v) = view.cast::<Element>() else {
                    return;
                };
                if let Ok(old) = v.query_selector_all("mark.evidence") {
                    for i in 0..old.length() {
                        if let Some(el) = old.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                            let _ = el.class_list().remove_1("evidence");
                        }
                    }
                }
                let Some(shown) = shown else { return };
                let mut first = true;
                for id in &shown.ids {
                    // Ids are "e12" / "m3": no quoting needed, but refuse anything else.
                    if !id.chars().all(|c| c.is_ascii_alphanumeric()) {
                        continue;
                    }
                    let Ok(list) = v.query_selector_all(&format!("mark[data-id=\"{id}\"]")) else {
                        continue;
                    };
                    for i in 0..list.length() {
                        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                            let _ = el.class_list().add_1("evidence");
                            if first {
                                el.scroll_into_view_with_bool(false);
                                first = false;
                            }
                        }
                    }
                }
            },
        );
    }

    let tooltip = tip.and_then(|t| Some((t, doc.entities.get(t.entity)?)));
    let empty = doc.document.text.is_empty();
    let hidden = doc.entities.len().saturating_sub(MAX_MARKS);
    html! {
        <div class="highlighted" ref={host.clone()}>
            if hidden > 0 {
                <p class="note" role="note">{ format!(
                    "This text has {} highlights; the first {MAX_MARKS} are drawn. \
                     All of them are in the export.", doc.entities.len()) }</p>
            }
            if let Some(s) = &props.evidence {
                <p class="note evidence-note" role="status">{
                    if s.ids.is_empty() {
                        format!("{}: no evidence span.", s.what)
                    } else {
                        format!("{}: {} evidence span(s) outlined in the text.", s.what, s.ids.len())
                    }
                }</p>
            }
            <div class="article-view" dir="auto" ref={view.clone()} tabindex="0"
                role="document" aria-label="Article with highlights: select text (Shift+arrows) and press 1 to 7 to label it; press ? for all shortcuts"
                onclick={on_click} onmousedown={on_mousedown} onmouseup={on_mouseup}
                onmouseover={{ let s = show.clone(); move |e: MouseEvent| s(e.into()) }}
                onfocusin={move |e: FocusEvent| show(e.into())}
                onmouseout={{ let h = hide.clone(); move |e: MouseEvent| h(e.into()) }}
                onfocusout={move |e: FocusEvent| hide(e.into())}
                onkeydown={on_key}>
                if empty {
                    <p class="placeholder">{ "Highlights appear here as you type or paste an article." }</p>
                } else {
                    <Marks doc={props.doc.clone()} editing={props.editing.clone()} />
                }
            </div>
            <LabelMenu view={view.clone()} host={host.clone()} dispatch={props.dispatch.clone()} />
            if let Some(e) = editor {
                <SpanEditor entity={e} doc={props.doc.clone()} dispatch={props.dispatch.clone()} on_close={close} />
            }
            if let Some((_, e)) = tooltip {
                <div id="mark-tip" class={classes!("tip", format!("k-{}", e.kind.as_str()))}
                    role="tooltip" ref={tip_ref}>
                    { tip_body(e) }
                </div>
            }
        </div>
    }
}

/// Where the label menu waits while nothing is selected: far off the page.
const HIDDEN_MENU: &str = "translate(-100000px, 0px)";

#[derive(Properties, PartialEq)]
struct LabelMenuProps {
    view: NodeRef,
    host: NodeRef,
    dispatch: Callback<Action>,
}

/// The label menu under a selection in the view: a component of its own, so that a selection
/// redraws the menu alone, not the view around it.
///
/// The menu is always in the page, on a layer of its own, and a selection only moves it (a
/// `transform`): it waits far off the page ([`HIDDEN_MENU`], hidden from screen readers) while
/// nothing is selected. So a selection costs the browser no new elements, no layout and no
/// repaint of the menu: one element's style and a move of its layer. It is open when it has
/// the class `open` (`#label-menu.open`).
#[component]
fn LabelMenu(props: &LabelMenuProps) -> Html {
    let menu = use_state_eq(|| None::<Menu>);
    {
        let menu = menu.clone();
        let (view, host) = (props.view.clone(), props.host.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().and_then(|w| w.document()).map(|d| {
                EventListener::new(&d, "selectionchange", move |_| {
                    let m = match (view.cast::<Element>(), host.cast::<Element>()) {
                        (Some(v), Some(h)) => menu_for(&v, &h),
                        _ => None,
                    };
                    menu.set(m);
                })
            });
            move || drop(listener)
        });
    }
    let menu_ref = use_node_ref();
    // The menu's own width for a given room: measured the first time (reading it lays out the
    // page at once), then reused, so a selection costs no layout beyond the frame's.
    let menu_width = use_mut_ref(|| None::<(i32, i32)>);
    {
        let menu_ref = menu_ref.clone();
        use_effect_with(*menu, move |m| {
            let Some(el) = menu_ref.cast::<HtmlElement>() else {
                return;
            };
            let transform = match m {
                Some(m) => {
                    let known = (*menu_width.borrow()).filter(|(room, _)| *room == m.room);
                    let width = known.map_or_else(|| el.offset_width(), |(_, w)| w);
                    *menu_width.borrow_mut() = Some((m.room, width));
                    let left = m.left.min(m.room - width).max(0);
                    format!("translate({left}px, {}px)", m.top)
                }
                None => HIDDEN_MENU.to_string(),
            };
            let _ = el.style().set_property("transform", &transform);
        });
    }
    let selected = *menu;
    let label_with = |kind: Kind| {
        let dispatch = props.dispatch.clone();
        move |e: MouseEvent| {
            e.prevent_default();
            let Some(m) = selected else {
                return;
            };
            dispatch.emit(Action::Edit(Edit::AddSpan {
                start: m.start,
                end: m.end,
                kind,
            }));
            if let Some(s) = selection() {
                let _ = s.remove_all_ranges();
            }
        }
    };
    let label = match *menu {
        Some(m) => format!("Label the selection ({} characters) as", m.end - m.start),
        None => "Label the selection as".to_string(),
    };
    html! {
        <div id="label-menu" class={classes!("label-menu", menu.is_some().then_some("open"))}
            role="menu" ref={menu_ref} aria-label={label} aria-hidden={(menu.is_none()).then_some("true")}>
            { for Kind::ALL.iter().enumerate().map(|(i, &k)| html! {
                <button type="button" role="menuitem" data-kind={k.as_str()}
                    class={classes!("swatch", format!("k-{}", k.as_str()))}
                    tabindex={menu.is_none().then_some("-1")} onmousedown={label_with(k)}>
                    <kbd>{ i + 1 }</kbd>{ " " }{ kind_label(k) }</button>
            }) }
        </div>
    }
}

fn tip_body(e: &Entity) -> Html {
    html! {
        <dl>
            <dt>{ kind_label(e.kind) }</dt>
            <dd class="tip-value">{ e.value.summary() }</dd>
            <dt>{ "Words" }</dt>
            <dd>{ &e.text }</dd>
            <dt>{ "Rule" }</dt>
            <dd><code>{ &e.rule }</code>{ format!(" · {}", e.id) }</dd>
            <dt>{ "State" }</dt>
            <dd>{ crate::ui::render::status_label(e.status) }</dd>
        </dl>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct MarksProps {
    doc: DocRef,
    editing: Option<String>,
}

/// The article text with its marks, block by block: splits the document into blocks once per
/// document, then draws each block's element (keyed by [`BlockIds`], with its bases, which move
/// after an edit) around a [`BlockView`] (which re-renders only when its relative content
/// changed).
#[component]
fn Marks(props: &MarksProps) -> Html {
    let ids = use_mut_ref(BlockIds::default);
    let drawn = use_memo(props.doc.clone(), move |d| {
        let text = &d.0.document.text;
        let blocks = blocks(text, &d.0.entities);
        let keys: Vec<Key> = ids
            .borrow_mut()
            .next(text, &blocks)
            .into_iter()
            .map(Key::from)
            .collect();
        (Rc::new(blocks), keys)
    });
    let (blocks, keys) = &*drawn;
    let doc = &props.doc.0;
    blocks
        .iter()
        .zip(keys)
        .enumerate()
        .map(|(index, (b, key))| {
            // Only the block that holds the edited span gets it (for its handles).
            let editing = props.editing.clone().filter(|id| {
                b.entities.iter().any(|&i| {
                    doc.entities
                        .get(b.entity_base + i)
                        .is_some_and(|e| e.id == *id)
                })
            });
            html! {
                <span key={key.clone()} data-base={b.base.to_string()}
                    data-entity-base={b.entity_base.to_string()}>
                    <BlockView doc={doc.clone()} blocks={blocks.clone()} {index} {editing} />
                </span>
            }
        })
        .collect()
}

/// Props of [`BlockView`]: one block of a document.
#[derive(Properties, Clone)]
struct BlockProps {
    doc: Rc<Document>,
    blocks: Rc<Vec<Block>>,
    index: usize,
    /// The id of the span in the editor, when it is in this block.
    editing: Option<String>,
}

impl BlockProps {
    fn block(&self) -> Option<&Block> {
        self.blocks.get(self.index)
    }

    fn text(&self, b: &Block) -> &str {
        self.doc.document.text.get(b.bytes.clone()).unwrap_or("")
    }
}

/// Equal when the block draws the same: the same text, segments (relative) and, for each
/// entity in it, the same look, and the same span in the editor. The cost is that of the block,
/// not of the document; the offsets of the block in the article are not compared (they are the
/// parent's attributes).
impl PartialEq for BlockProps {
    fn eq(&self, other: &BlockProps) -> bool {
        if self.editing != other.editing {
            return false;
        }
        if Rc::ptr_eq(&self.blocks, &other.blocks) && self.index == other.index {
            return true;
        }
        let (Some(a), Some(b)) = (self.block(), other.block()) else {
            return false;
        };
        a.segments == b.segments
            && a.entities == b.entities
            && self.text(a) == other.text(b)
            && a.entities.iter().all(|&i| {
                match (
                    self.doc.entities.get(a.entity_base + i),
                    other.doc.entities.get(b.entity_base + i),
                ) {
                    (Some(x), Some(y)) => looks_the_same(x, y),
                    _ => false,
                }
            })
    }
}

/// Whether two entities draw the same mark: everything [`view_segments`] shows of an entity
/// (kind, id, review state, and in the label the words, value and rule), not where it is.
fn looks_the_same(a: &Entity, b: &Entity) -> bool {
    a.id == b.id
        && a.kind == b.kind
        && a.status == b.status
        && a.text == b.text
        && a.rule == b.rule
        && a.value == b.value
}

/// One block's text pieces and marks, with offsets relative to the block (see the module docs).
#[component]
fn BlockView(props: &BlockProps) -> Html {
    let Some(b) = props.block() else {
        return Html::default();
    };
    let ctx = Ctx {
        text: props.text(b),
        entities: props.doc.entities.get(b.entity_base..).unwrap_or(&[]),
        editing: props.editing.as_deref(),
    };
    let mut at = 0;
    view_segments(&ctx, &b.segments, &mut at)
}

struct Ctx<'a> {
    /// The block's text.
    text: &'a str,
    /// The document's entities from the block's entity base on.
    entities: &'a [Entity],
    editing: Option<&'a str>,
}

/// Draws `segs`; `at` is the code point offset (in the block) of the first text piece, and
/// moves past every piece drawn.
fn view_segments(c: &Ctx, segs: &[Segment], at: &mut usize) -> Html {
    segs.iter()
        .map(|s| match s {
            Segment::Text(r) => {
                let text = c.text.get(r.clone()).unwrap_or("");
                let start = *at;
                *at += text.chars().count();
                html! { <span data-start={start.to_string()}>{ text }</span> }
            }
            Segment::Mark(m) => {
                let Some(e) = c.entities.get(m.entity) else {
                    return html! { { view_segments(c, &m.children, at) } };
                };
                let label = describe(e);
                let editing = c.editing == Some(e.id.as_str());
                let class = classes!(
                    format!("k-{}", e.kind.as_str()),
                    m.continues_before.then_some("cont-before"),
                    m.continues_after.then_some("cont-after"),
                    editing.then_some("editing"),
                );
                let children = view_segments(c, &m.children, at);
                html! {
                    <mark data-kind={e.kind.as_str()} data-entity={m.entity.to_string()}
                        data-id={e.id.clone()} data-status={e.status.as_str()} {class}
                        role="group" aria-roledescription="highlight"
                        tabindex={if m.continues_before { "-1" } else { "0" }}
                        title={label.clone()} aria-label={label}>
                        if editing && !m.continues_before {
                            <span class="handle start" data-handle="start" aria-hidden="true"
                                title="Drag to move the start" />
                        }
                        { children }
                        if editing && !m.continues_after {
                            <span class="handle end" data-handle="end" aria-hidden="true"
                                title="Drag to move the end" />
                        }
                    </mark>
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{self, Meta};

    fn doc(text: &str) -> Rc<Document> {
        Rc::new(format::annotate(Meta {
            text: text.to_string(),
            title: None,
            source: None,
            published: Some("2025-02-12".into()),
        }))
    }

    fn props(d: &Rc<Document>, index: usize) -> BlockProps {
        BlockProps {
            doc: d.clone(),
            blocks: Rc::new(blocks(&d.document.text, &d.entities)),
            index,
            editing: None,
        }
    }

    /// The point of the blocks: after an edit, only the edited paragraph's block compares
    /// unequal (the others are not re-rendered), though every offset after it moved.
    #[test]
    fn an_edit_leaves_the_other_blocks_props_equal() {
        let para = |n: u32| {
            format!("Gunmen killed at least {n} villagers in Tillabéri on Monday, police said.")
        };
        let text = [para(12), para(13), para(14)].join("\n\n");
        let a = doc(&text);
        let n = props(&a, 0).blocks.len();
        assert!(n >= 3, "{n} blocks");
        let paragraph_of = |d: &Rc<Document>, i: usize| {
            let b = &props(d, 0).blocks[i];
            d.document.text[..b.bytes.start].matches("\n\n").count()
        };
        for (edited, changed) in [
            // Longer: everything after moves.
            (text.replacen("12", "112", 1), 0),
            (text.replacen("13", "113", 1), 1),
            (format!("{text} More."), 2),
        ] {
            let b = doc(&edited);
            assert_eq!(props(&b, 0).blocks.len(), n, "{edited}");
            for i in 0..n {
                let same = props(&a, i) == props(&b, i);
                assert_eq!(
                    same,
                    paragraph_of(&a, i) != changed,
                    "block {i} of {edited}"
                );
            }
        }
        // A manual span in the first paragraph: the later entities' indices move, not their
        // ids; the later blocks are unchanged.
        let mut m = (*a).clone();
        let e = m.entities[0].clone();
        m.entities.insert(
            0,
            Entity {
                id: "m1".into(),
                kind: Kind::Weapon,
                start: 0,
                end: 6,
                start_utf16: 0,
                end_utf16: 6,
                text: "Gunmen".into(),
                rule: "manual".into(),
                origin: crate::extract::Origin::Manual,
                value: crate::extract::Value::Weapon(Default::default()),
                ..e
            },
        );
        let m = Rc::new(m);
        for i in 0..n {
            let same = props(&a, i) == props(&m, i);
            assert_eq!(same, paragraph_of(&a, i) != 0, "block {i} with m1");
        }
        // The block with the span in the editor differs from itself without it.
        let id = a.entities[0].id.clone();
        let mut with = props(&a, 0);
        with.editing = Some(id);
        assert!(with != props(&a, 0));
        assert!(props(&a, 0) == props(&a, 0));
    }
}
