//! The span editor: opened on a highlight (click, or Enter on a focused one). Relabel, delete,
//! confirm, edit the value's fields, see which incident fields the span feeds, attach it to an
//! incident or detach it; every change is one reducer action (so one undo step). Focus moves
//! into the editor when it opens and back to the highlight when it closes.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::extract::{DatePrecision, Entity, Kind, Side, Value};
use crate::review::links::{field_label, fields_fed_by};
use crate::ui::edit::Edit;
use crate::ui::render::{kind_label, status_label};
use crate::ui::state::{Action, DocRef};

/// Props of [`SpanEditor`].
#[derive(Properties, PartialEq, Clone)]
pub struct SpanEditorProps {
    /// The span edited.
    pub entity: Entity,
    /// The document (for the incidents the span feeds).
    pub doc: DocRef,
    /// Sends actions.
    pub dispatch: Callback<Action>,
    /// Closes the editor.
    pub on_close: Callback<()>,
}

fn value_of(e: &Event) -> String {
    // Works for <input> and <select>: both have a `value` property.
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn num(s: &str) -> Option<u64> {
    s.trim().replace([',', ' '], "").parse().ok()
}

fn float(s: &str) -> Option<f64> {
    s.trim().parse().ok()
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// One labelled input; `set` turns the typed text into the new value (None: refuse).
fn input(
    label: &str,
    current: String,
    value: &Value,
    id: &str,
    dispatch: &Callback<Action>,
    set: fn(&mut Value, &str),
) -> Html {
    let value = value.clone();
    let id = id.to_string();
    let dispatch = dispatch.clone();
    let onchange = move |e: Event| {
        let mut v = value.clone();
        set(&mut v, &value_of(&e));
        dispatch.emit(Action::Edit(Edit::EditValue {
            id: id.clone(),
            value: v,
        }));
    };
    html! {
        <label class="field">{ label }
            <input type="text" value={current} {onchange} aria-label={label.to_string()} />
        </label>
    }
}

fn side_select(current: Side, value: &Value, id: &str, dispatch: &Callback<Action>) -> Html {
    let value = value.clone();
    let id = id.to_string();
    let dispatch = dispatch.clone();
    let onchange = move |e: Event| {
        let Some(side) = Side::parse(&value_of(&e)) else {
            return;
        };
        let mut v = value.clone();
        match &mut v {
            Value::Actor(a) => a.side = side,
            Value::Casualty(c) => c.side = side,
            _ => return,
        }
        dispatch.emit(Action::Edit(Edit::EditValue {
            id: id.clone(),
            value: v,
        }));
    };
    html! {
        <label class="field">{ "Side" }
            <select {onchange} aria-label="Side">
                { for Side::ALL.iter().map(|s| html! {
                    <option value={s.as_str()} selected={*s == current}>{ s.as_str() }</option>
                }) }
            </select>
        </label>
    }
}

fn n(x: Option<u64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

fn f(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

/// The fields of a value.
fn value_fields(e: &Entity, d: &Callback<Action>) -> Html {
    let v = &e.value;
    let id = e.id.as_str();
    match v {
        Value::Date(x) => {
            let prec = {
                let value = v.clone();
                let id = id.to_string();
                let d = d.clone();
                move |ev: Event| {
                    let p = match value_of(&ev).as_str() {
                        "month" => DatePrecision::Month,
                        "year" => DatePrecision::Year,
                        _ => DatePrecision::Day,
                    };
                    let mut v = value.clone();
                    if let Value::Date(x) = &mut v {
                        x.precision = p;
                    }
                    d.emit(Action::Edit(Edit::EditValue {
                        id: id.clone(),
                        value: v,
                    }));
                }
            };
            html! { <>
                { input("Start", x.start.clone(), v, id, d, |v, s| if let Value::Date(x) = v { x.start = s.trim().into() }) }
                { input("End", x.end.clone(), v, id, d, |v, s| if let Value::Date(x) = v { x.end = s.trim().into() }) }
                <label class="field">{ "Precision" }
                    <select onchange={prec} aria-label="Precision">
                        // "unresolved" is offered only to show it (see `DatePrecision`).
                        { for ["day", "month", "year", "unresolved"].iter()
                            .filter(|p| **p != "unresolved" || x.precision == DatePrecision::Unresolved)
                            .map(|p| html! {
                            <option value={*p} selected={x.precision.as_str() == *p}>{ *p }</option>
                        }) }
                    </select>
                </label>
            </> }
        }
        Value::Casualty(c) => html! { <>
            { input("Low", n(c.count.low), v, id, d, |v, s| if let Value::Casualty(c) = v { c.count.low = num(s) }) }
            { input("Best", n(c.count.best), v, id, d, |v, s| if let Value::Casualty(c) = v { c.count.best = num(s) }) }
            { input("High", n(c.count.high), v, id, d, |v, s| if let Value::Casualty(c) = v { c.count.high = num(s) }) }
            { input("Who", c.who.clone(), v, id, d, |v, s| if let Value::Casualty(c) = v { c.who = s.trim().into() }) }
            { side_select(c.side, v, id, d) }
        </> },
        Value::Figure(x) => html! { <>
            { input("Low", n(x.count.low), v, id, d, |v, s| if let Value::Figure(c) = v { c.count.low = num(s) }) }
            { input("Best", n(x.count.best), v, id, d, |v, s| if let Value::Figure(c) = v { c.count.best = num(s) }) }
            { input("High", n(x.count.high), v, id, d, |v, s| if let Value::Figure(c) = v { c.count.high = num(s) }) }
            { input("What", x.what.clone(), v, id, d, |v, s| if let Value::Figure(c) = v { c.what = s.trim().into() }) }
        </> },
        Value::Actor(a) => html! { <>
            { input("Name", a.name.clone(), v, id, d, |v, s| if let Value::Actor(a) = v { a.name = s.trim().into() }) }
            { side_select(a.side, v, id, d) }
        </> },
        Value::Location(p) => html! { <>
            { input("Name", p.name.clone(), v, id, d, |v, s| if let Value::Location(p) = v { p.name = s.trim().into() }) }
            { input("Region (admin1)", p.admin1.clone().unwrap_or_default(), v, id, d, |v, s| if let Value::Location(p) = v { p.admin1 = opt(s) }) }
            { input("Country", p.country.clone().unwrap_or_default(), v, id, d, |v, s| if let Value::Location(p) = v { p.country = opt(s) }) }
            { input("Latitude", f(p.lat), v, id, d, |v, s| if let Value::Location(p) = v { p.lat = float(s).filter(|x| x.abs() <= 90.0) }) }
            { input("Longitude", f(p.lon), v, id, d, |v, s| if let Value::Location(p) = v { p.lon = float(s).filter(|x| x.abs() <= 180.0) }) }
        </> },
        Value::Weapon(w) => html! { <>
            { input("Name", w.name.clone(), v, id, d, |v, s| if let Value::Weapon(w) = v { w.name = s.trim().into() }) }
            { input("Category", w.category.clone(), v, id, d, |v, s| if let Value::Weapon(w) = v { w.category = s.trim().into() }) }
        </> },
        Value::Source(x) => html! { <>
            { input("Name", x.name.clone(), v, id, d, |v, s| if let Value::Source(w) = v { w.name = s.trim().into() }) }
            { input("Category", x.category.clone(), v, id, d, |v, s| if let Value::Source(w) = v { w.category = s.trim().into() }) }
        </> },
    }
}

/// Focuses the highlight of entity `id` (when the editor closes).
fn focus_mark(id: &str) {
    if !id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return;
    }
    let mark = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("mark[data-id=\"{id}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|m| m.dyn_into::<HtmlElement>().ok());
    if let Some(m) = mark {
        let _ = m.focus();
    }
}

/// The editor panel (`#span-editor`, a labelled region).
#[component]
pub fn SpanEditor(props: &SpanEditorProps) -> Html {
    let e = &props.entity;
    let kind_ref = use_node_ref();
    {
        // Focus the kind menu when the editor opens on another span.
        let kind_ref = kind_ref.clone();
        use_effect_with(e.id.clone(), move |_| {
            if let Some(k) = kind_ref.cast::<HtmlElement>() {
                let _ = k.focus();
            }
        });
    }
    let doc = &props.doc.0;
    let fed = fields_fed_by(doc, &e.id);
    let mut fed_incidents: Vec<String> = fed.iter().map(|(i, _)| i.clone()).collect();
    fed_incidents.dedup();
    let others: Vec<String> = doc
        .incidents
        .iter()
        .filter(|i| !i.evidence.contains(&e.id))
        .map(|i| i.id.clone())
        .collect();
    let attach_to = use_state(String::new);
    let on_attach_pick = {
        let attach_to = attach_to.clone();
        move |ev: Event| attach_to.set(value_of(&ev))
    };
    let attach = {
        let d = props.dispatch.clone();
        let id = e.id.clone();
        let pick = (*attach_to).clone();
        let first = others.first().cloned().unwrap_or_default();
        move |_: MouseEvent| {
            let incident = if pick.is_empty() {
                first.clone()
            } else {
                pick.clone()
            };
            if !incident.is_empty() {
                d.emit(Action::Edit(Edit::AttachEvidence {
                    incident,
                    entity: id.clone(),
                }));
            }
        }
    };
    let detach = |incident: String| {
        let d = props.dispatch.clone();
        let id = e.id.clone();
        move |_: MouseEvent| {
            d.emit(Action::Edit(Edit::DetachEvidence {
                incident: incident.clone(),
                entity: id.clone(),
            }))
        }
    };
    let relabel = {
        let d = props.dispatch.clone();
        let id = e.id.clone();
        move |ev: Event| {
            if let Some(kind) = Kind::parse(&value_of(&ev)) {
                d.emit(Action::Edit(Edit::Relabel {
                    id: id.clone(),
                    kind,
                }));
            }
        }
    };
    let delete = {
        let d = props.dispatch.clone();
        let close = props.on_close.clone();
        let id = e.id.clone();
        move |_: MouseEvent| {
            d.emit(Action::Edit(Edit::DeleteSpan { id: id.clone() }));
            close.emit(());
        }
    };
    let confirm = {
        let d = props.dispatch.clone();
        let id = e.id.clone();
        move |_: MouseEvent| d.emit(Action::Edit(Edit::ConfirmSpan { id: id.clone() }))
    };
    let close = {
        let c = props.on_close.clone();
        let id = e.id.clone();
        move |_: MouseEvent| {
            c.emit(());
            focus_mark(&id);
        }
    };
    let on_key = {
        let c = props.on_close.clone();
        let id = e.id.clone();
        move |ev: KeyboardEvent| {
            if ev.key() == "Escape" {
                ev.stop_propagation();
                c.emit(());
                focus_mark(&id);
            }
        }
    };
    html! {
        <section id="span-editor" class="span-editor" role="region" data-id={e.id.clone()}
            aria-label={format!("Edit span {}: {}", e.id, e.text)} onkeydown={on_key}>
            <h3>{ format!("{} “{}”", kind_label(e.kind), e.text) }
                <span class="status">{ format!(" · {} · ", e.id) }</span>
                <span class={classes!("state", format!("st-{}", e.status.as_str()))}>{ status_label(e.status) }</span></h3>
            <label class="field">{ "Kind" }
                <select id="span-kind" onchange={relabel} aria-label="Kind" ref={kind_ref}>
                    { for Kind::ALL.iter().enumerate().map(|(i, k)| html! {
                        <option value={k.as_str()} selected={*k == e.kind}>
                            { format!("{} {}", i + 1, kind_label(*k)) }</option>
                    }) }
                </select>
            </label>
            <div class="fields">{ value_fields(e, &props.dispatch) }</div>
            <div class="feeds" id="span-feeds">
                if fed.is_empty() {
                    <p>{ "Feeds no incident field." }</p>
                } else {
                    <p>{ "Feeds: " }{ fed.iter().map(|(i, f)| format!("{i} {}", field_label(f))).collect::<Vec<_>>().join(", ") }</p>
                }
                { for fed_incidents.iter().map(|i| html! {
                    <button type="button" class="detach" onclick={detach(i.clone())}>{ format!("Detach from {i}") }</button>
                }) }
                if !others.is_empty() {
                    <label class="inline">{ "Attach to " }
                        <select aria-label="Attach to incident" onchange={on_attach_pick}>
                            { for others.iter().map(|i| html! {
                                <option value={i.clone()} selected={*attach_to == *i}>{ i.clone() }</option>
                            }) }
                        </select>
                    </label>
                    <button type="button" id="span-attach" onclick={attach}>{ "Attach" }</button>
                }
            </div>
            <div class="buttons">
                <button type="button" id="span-confirm" onclick={confirm}>{ "Confirm" }</button>
                <button type="button" id="span-delete" onclick={delete}>{ "Delete span" }</button>
                <button type="button" onclick={close}>{ "Close" }</button>
            </div>
        </section>
    }
}
