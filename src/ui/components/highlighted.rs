//! The article with its highlights, and the tooltip for the highlight under the pointer or
//! the keyboard focus.
//!
//! Each entity is a `<mark data-kind="KIND" tabindex="0">` (nested marks for nested spans). Its
//! `title` and `aria-label` say kind, words, value and rule, for screen readers and as a native
//! tooltip; the styled tooltip (`role="tooltip"`, id `mark-tip`) shows the same, laid out.
//! The marks are drawn by [`Marks`], which re-renders only when the document changes, so
//! moving the pointer over a long article only redraws the tooltip.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::DocProps;
use crate::extract::Entity;
use crate::ui::render::{describe, kind_label, segments, Segment, MAX_MARKS};

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

/// The highlighted article and its tooltip.
#[component]
pub fn Highlighted(props: &DocProps) -> Html {
    let tip = use_state_eq(|| None::<Tip>);
    let view = use_node_ref();
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
    let on_key = {
        let tip = tip.clone();
        move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                tip.set(None);
            }
        }
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
            <div class="article-view" dir="auto" ref={view}
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
    view_segments(&doc.document.text, &doc.entities, &segs)
}

fn view_segments(text: &str, entities: &[Entity], segs: &[Segment]) -> Html {
    segs.iter()
        .map(|s| match s {
            Segment::Text(r) => html! { { text.get(r.clone()).unwrap_or("") } },
            Segment::Mark(m) => {
                let Some(e) = entities.get(m.entity) else {
                    return html! { { view_segments(text, entities, &m.children) } };
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
                        { view_segments(text, entities, &m.children) }
                    </mark>
                }
            }
        })
        .collect()
}
