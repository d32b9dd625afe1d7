//! The article with its highlights, and the tooltip for the highlight under the pointer or
//! the keyboard focus.
//!
//! Each entity is a `<mark data-kind="KIND" tabindex="0">` (nested marks for nested spans). Its
//! `title` and `aria-label` say kind, words, value and rule, for screen readers and as a native
//! tooltip; the styled tooltip (`role="tooltip"`, id `mark-tip`) shows the same, laid out.
//! The marks are drawn by [`Marks`], which re-renders only when the document changes, so
//! moving the pointer over a long article only redraws the tooltip.
//!
//! Editing: every text piece is a `<span data-start="N">` (N = its first code point in the
//! article), so a DOM selection maps back to code point offsets (see
//! [`keys::code_point_offset`]). Select text and press 1–7 to label it; click a highlight or
//! press Enter on it to open the [`SpanEditor`]; Delete removes the focused highlight;
//! Alt+Shift+←/→ moves its end (with Ctrl, its start).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};
use yew::prelude::*;

use super::span_editor::SpanEditor;
use super::DocProps;
use crate::extract::span::Offsets;
use crate::extract::Entity;
use crate::ui::edit::Edit;
use crate::ui::keys;
use crate::ui::render::{describe, kind_label, segments, Segment, MAX_MARKS};
use crate::ui::state::Action;

/// Which entity the tooltip shows, and where (pixels, relative to the view).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Tip {
    entity: usize,
    top: i32,
    left: i32,
}

/// The mark an event happened in, as (entity index, the mark).
fn mark_of(e: &Event) -> Option<(usize, HtmlElement)> {
    let target: Element = e.target()?.dyn_into().ok()?;
    let mark = target.closest("mark[data-entity]").ok()??;
    let entity = mark.get_attribute("data-entity")?.parse().ok()?;
    Some((entity, mark.dyn_into().ok()?))
}

/// The code point offset of a DOM selection point inside the article view.
fn point(view: &Element, node: &Node, offset: u32) -> Option<usize> {
    if !view.contains(Some(node)) {
        return None;
    }
    if node.node_type() == Node::TEXT_NODE {
        let seg = node.parent_element()?;
        let start: usize = seg.get_attribute("data-start")?.parse().ok()?;
        let text = node.text_content().unwrap_or_default();
        return Some(keys::code_point_offset(start, &text, offset as usize));
    }
    // An element: `offset` counts its children; the point is before child `offset`.
    let el: &Element = node.dyn_ref()?;
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
            return seg.get_attribute("data-start")?.parse().ok();
        }
    }
    // After the last piece: its end.
    let last: Element = segs.item(segs.length().checked_sub(1)?)?.dyn_into().ok()?;
    let start: usize = last.get_attribute("data-start")?.parse().ok()?;
    Some(start + last.text_content().unwrap_or_default().chars().count())
}

/// The selection inside the article view as a code point range, if it is not empty.
fn selection_range(view: &Element) -> Option<(usize, usize)> {
    let sel = web_sys::window()?.get_selection().ok()??;
    if sel.is_collapsed() {
        return None;
    }
    let a = point(view, &sel.anchor_node()?, sel.anchor_offset())?;
    let f = point(view, &sel.focus_node()?, sel.focus_offset())?;
    (a != f).then_some((a.min(f), a.max(f)))
}

/// The highlighted article and its tooltip.
#[component]
pub fn Highlighted(props: &DocProps) -> Html {
    let tip = use_state_eq(|| None::<Tip>);
    let view = use_node_ref();
    let doc = &props.doc.0;
    let editing = use_state_eq(|| None::<String>);

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
    let on_key = {
        let tip = tip.clone();
        let view = view.clone();
        let editing = editing.clone();
        let dispatch = props.dispatch.clone();
        let doc = props.doc.0.clone();
        move |e: KeyboardEvent| {
            let key = e.key();
            if key == "Escape" {
                tip.set(None);
                editing.set(None);
                return;
            }
            let Some(v) = view.cast::<Element>() else {
                return;
            };
            if e.ctrl_key() && !e.alt_key() || e.meta_key() {
                return;
            }
            // Select, then 1–7: label.
            if let Some(kind) = keys::label_key(&key) {
                if let Some((start, end)) = selection_range(&v) {
                    e.prevent_default();
                    dispatch.emit(Action::Edit(Edit::AddSpan { start, end, kind }));
                }
                return;
            }
            // Shift+arrows extend the selection in the (non-editable) view.
            if e.shift_key() && !e.alt_key() && (key == "ArrowLeft" || key == "ArrowRight") {
                if let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten())
                {
                    let dir = if key == "ArrowLeft" {
                        "backward"
                    } else {
                        "forward"
                    };
                    if sel.modify("extend", dir, "character").is_ok() {
                        e.prevent_default();
                    }
                }
                return;
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
                    editing.set(Some(id));
                }
                "Delete" | "Backspace" => {
                    e.prevent_default();
                    editing.set(None);
                    dispatch.emit(Action::Edit(Edit::DeleteSpan { id }));
                }
                _ if e.alt_key() && e.shift_key() => {
                    let len = Offsets::new(&doc.document.text).chars();
                    if let Some((start, end)) =
                        keys::resize(&key, e.ctrl_key(), (ent.start, ent.end), len)
                    {
                        e.prevent_default();
                        dispatch.emit(Action::Edit(Edit::ResizeSpan { id, start, end }));
                    }
                }
                _ => {}
            }
        }
    };
    let on_click = {
        let editing = editing.clone();
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
            if let Some((_, mark)) = mark_of(&e.into()) {
                editing.set(mark.get_attribute("data-id"));
            }
        }
    };
    let editor = editing
        .as_ref()
        .and_then(|id| doc.entities.iter().find(|x| x.id == *id))
        .cloned();
    let close = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(None))
    };

    // Place the tooltip through the CSSOM: the page's Content-Security-Policy (`style-src
    // 'self'`) blocks inline `style` attributes, not style properties set from script.
    let tip_ref = use_node_ref();
    {
        let tip_ref = tip_ref.clone();
        use_effect_with(*tip, move |t| {
            if let (Some(t), Some(el)) = (t, tip_ref.cast::<HtmlElement>()) {
                // Keep it inside the view: shift left when the mark is near the right edge.
                let room = el.parent_element().map_or(0, |p| p.client_width());
                let left = t.left.min(room - el.offset_width()).max(0);
                let style = el.style();
                let _ = style.set_property("top", &format!("{}px", t.top));
                let _ = style.set_property("left", &format!("{left}px"));
            }
        });
    }

    let tooltip = tip.and_then(|t| Some((t, doc.entities.get(t.entity)?)));
    let empty = doc.document.text.is_empty();
    let hidden = doc.entities.len().saturating_sub(MAX_MARKS);
    html! {
        <div class="highlighted">
            if hidden > 0 {
                <p class="note" role="note">{ format!(
                    "This text has {} highlights; the first {MAX_MARKS} are drawn. \
                     All of them are in the export.", doc.entities.len()) }</p>
            }
            <div class="article-view" dir="auto" ref={view} tabindex="0"
                role="document" aria-label="Article with highlights: select text and press 1 to 7 to label it; press ? for all shortcuts"
                onclick={on_click}
                onmouseover={{ let s = show.clone(); move |e: MouseEvent| s(e.into()) }}
                onfocusin={move |e: FocusEvent| show(e.into())}
                onmouseout={{ let h = hide.clone(); move |e: MouseEvent| h(e.into()) }}
                onfocusout={move |e: FocusEvent| hide(e.into())}
                onkeydown={on_key}>
                if empty {
                    <p class="placeholder">{ "Highlights appear here as you type or paste an article." }</p>
                } else {
                    <Marks doc={props.doc.clone()} />
                }
            </div>
            if let Some(e) = editor {
                <SpanEditor entity={e} dispatch={props.dispatch.clone()} on_close={close} />
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

fn tip_body(e: &Entity) -> Html {
    html! {
        <dl>
            <dt>{ kind_label(e.kind) }</dt>
            <dd class="tip-value">{ e.value.summary() }</dd>
            <dt>{ "Words" }</dt>
            <dd>{ &e.text }</dd>
            <dt>{ "Rule" }</dt>
            <dd><code>{ &e.rule }</code>{ format!(" · {}", e.id) }</dd>
        </dl>
    }
}

/// The article text with its marks; re-renders only for a new document.
#[component]
fn Marks(props: &DocProps) -> Html {
    let segs = use_memo(props.doc.clone(), |d| {
        segments(&d.0.document.text, &d.0.entities)
    });
    let doc = &props.doc.0;
    let offsets = Offsets::new(&doc.document.text);
    view_segments(&doc.document.text, &offsets, &doc.entities, &segs)
}

fn view_segments(text: &str, offsets: &Offsets, entities: &[Entity], segs: &[Segment]) -> Html {
    segs.iter()
        .map(|s| match s {
            Segment::Text(r) => html! {
                <span data-start={offsets.char_of_byte(r.start).to_string()}>
                    { text.get(r.clone()).unwrap_or("") }</span>
            },
            Segment::Mark(m) => {
                let Some(e) = entities.get(m.entity) else {
                    return html! { { view_segments(text, offsets, entities, &m.children) } };
                };
                let label = describe(e);
                let class = classes!(
                    format!("k-{}", e.kind.as_str()),
                    m.continues_before.then_some("cont-before"),
                    m.continues_after.then_some("cont-after"),
                );
                html! {
                    <mark data-kind={e.kind.as_str()} data-entity={m.entity.to_string()}
                        data-id={e.id.clone()} {class}
                        tabindex={if m.continues_before { "-1" } else { "0" }}
                        title={label.clone()} aria-label={label}>
                        { view_segments(text, offsets, entities, &m.children) }
                    </mark>
                }
            }
        })
        .collect()
}
