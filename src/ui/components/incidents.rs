//! Incident cards: one `<article data-incident="ID">` per incident record, with when, where,
//! who attacked whom, the event type, and killed / injured / missing as low–high ranges.
//!
//! Each card is also a form: event type and sub-event type (only valid pairs offered), date,
//! place, perpetrators and targets with sides, casualty rows (low / best / high, who, side; the
//! fatalities total follows the killed rows), notes; "Confirm all" marks every untouched field
//! as checked. Codebook findings ([`checks`]) are shown next to the field they concern, in
//! `role="status"`.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::DocProps;
use crate::extract::{Incident, Side, EVENT_TYPES, SUB_EVENT_TYPES};
use crate::format::Document;
use crate::review::checks::{self, Field};
use crate::ui::edit::{Bound, Edit, IncidentEdit, Rows};
use crate::ui::render::count_range;
use crate::ui::state::Action;

/// Most incident cards drawn.
pub const MAX_CARDS: usize = 200;

/// The list of incident cards.
#[component]
pub fn Incidents(props: &DocProps) -> Html {
    let doc = &props.doc.0;
    let incidents = &doc.incidents;
    let d = props.dispatch.clone();
    let add = move |_: MouseEvent| d.emit(Action::Edit(Edit::AddIncident));
    html! {
        <section class="incidents" aria-labelledby="incidents-heading">
            <h2 id="incidents-heading">{ format!("Incidents ({})", incidents.len()) }</h2>
            if incidents.is_empty() {
                <p class="placeholder">{ "No incident found yet." }</p>
            }
            if incidents.len() > MAX_CARDS {
                <p class="note" role="note">{ format!(
                    "The first {MAX_CARDS} of {} incidents are shown; all are in the export.",
                    incidents.len()) }</p>
            }
            { for incidents.iter().take(MAX_CARDS).map(|i| card(doc, i, &props.dispatch)) }
            <button type="button" id="add-incident" onclick={add}>{ "Add incident" }</button>
        </section>
    }
}

fn value_of(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// An edit of incident `id` made from a field's new text (`None`: ignore the change).
fn on_change(
    d: &Callback<Action>,
    id: &str,
    make: impl Fn(String) -> Option<IncidentEdit> + 'static,
) -> Callback<Event> {
    let d = d.clone();
    let id = id.to_string();
    Callback::from(move |e: Event| {
        if let Some(edit) = make(value_of(&e)) {
            d.emit(Action::Edit(Edit::EditIncident {
                id: id.clone(),
                edit,
            }));
        }
    })
}

fn click(d: &Callback<Action>, a: Action) -> Callback<MouseEvent> {
    let d = d.clone();
    Callback::from(move |_: MouseEvent| d.emit(a.clone()))
}

fn text_input(label: String, value: String, onchange: Callback<Event>) -> Html {
    html! { <input type="text" {value} {onchange} aria-label={label} /> }
}

fn side_select(label: String, current: Side, onchange: Callback<Event>) -> Html {
    html! {
        <select {onchange} aria-label={label}>
            { for Side::ALL.iter().map(|s| html! {
                <option value={s.as_str()} selected={*s == current}>{ s.as_str() }</option>
            }) }
        </select>
    }
}

fn num(s: &str) -> Option<u64> {
    s.trim().replace([',', ' '], "").parse().ok()
}

fn findings(list: &[checks::Finding], field: Field) -> Html {
    list.iter()
        .filter(|f| f.field == field)
        .map(|f| {
            html! {
                <p class="finding" role="status" data-check={f.check}>{ &f.message }</p>
            }
        })
        .collect()
}

/// Editable casualty rows of one list.
fn rows_form(inc: &Incident, r: Rows, name: &str, d: &Callback<Action>) -> Html {
    let list = match r {
        Rows::Killed => &inc.killed,
        Rows::Injured => &inc.injured,
        Rows::Missing => &inc.missing_or_abducted,
    };
    let id = inc.id.as_str();
    let bound = |i: usize, b: Bound, label: &str, v: Option<u64>| {
        let cb = on_change(d, id, move |s| {
            let t = s.trim().to_string();
            let n = num(&t);
            (t.is_empty() || n.is_some()).then_some(IncidentEdit::RowCount(r, i, b, n))
        });
        html! { <input type="text" inputmode="numeric" class="num" data-bound={label.to_lowercase()}
        value={v.map(|x| x.to_string()).unwrap_or_default()} onchange={cb}
        aria-label={format!("{name} row {} {label}", i + 1)} /> }
    };
    html! {
        <ul class="rows" data-rows={r.field()}>
            { for list.iter().enumerate().map(|(i, row)| html! {
                <li>
                    <span class="count">{ count_range(row.low, row.best, row.high) }</span>
                    { " " }
                    { bound(i, Bound::Low, "Low", row.low) }
                    { bound(i, Bound::Best, "Best", row.best) }
                    { bound(i, Bound::High, "High", row.high) }
                    { text_input(format!("{name} row {} who", i + 1), row.who.clone(),
                        on_change(d, id, move |s| Some(IncidentEdit::RowWho(r, i, s)))) }
                    { side_select(format!("{name} row {} side", i + 1), row.side,
                        on_change(d, id, move |s| Side::parse(&s).map(|x| IncidentEdit::RowSide(r, i, x)))) }
                    if !row.text.is_empty() { { " " }<q>{ &row.text }</q> }
                    <button type="button" aria-label={format!("Remove {name} row {}", i + 1)}
                        onclick={click(d, Action::Edit(Edit::EditIncident { id: id.to_string(), edit: IncidentEdit::RemoveRow(r, i) }))}>{ "×" }</button>
                </li>
            }) }
            <li><button type="button" class="add-row"
                onclick={click(d, Action::Edit(Edit::EditIncident { id: id.to_string(), edit: IncidentEdit::AddRow(r) }))}>
                { format!("Add {} row", name.to_lowercase()) }</button></li>
        </ul>
    }
}

/// Editable perpetrators (`perp`) or targets.
fn actors_form(inc: &Incident, perp: bool, d: &Callback<Action>) -> Html {
    let id = inc.id.as_str();
    let list: Vec<(String, Side)> = if perp {
        inc.perpetrators
            .iter()
            .map(|p| (p.name.clone(), p.side))
            .collect()
    } else {
        inc.targets
            .iter()
            .map(|t| (t.name.clone(), t.side))
            .collect()
    };
    let what = if perp { "Perpetrator" } else { "Target" };
    html! {
        <ul class="actors">
            { for list.into_iter().enumerate().map(|(i, (name, side))| html! {
                <li>
                    { text_input(format!("{what} {} name", i + 1), name, on_change(d, id, move |s| Some(
                        if perp { IncidentEdit::PerpetratorName(i, s) } else { IncidentEdit::TargetName(i, s) })) ) }
                    { side_select(format!("{what} {} side", i + 1), side, on_change(d, id, move |s| Side::parse(&s).map(|x|
                        if perp { IncidentEdit::PerpetratorSide(i, x) } else { IncidentEdit::TargetSide(i, x) }))) }
                    <button type="button" aria-label={format!("Remove {what} {}", i + 1)}
                        onclick={click(d, Action::Edit(Edit::EditIncident { id: id.to_string(),
                            edit: if perp { IncidentEdit::RemovePerpetrator(i) } else { IncidentEdit::RemoveTarget(i) } }))}>{ "×" }</button>
                </li>
            }) }
            <li><button type="button" onclick={click(d, Action::Edit(Edit::EditIncident { id: id.to_string(),
                edit: if perp { IncidentEdit::AddPerpetrator } else { IncidentEdit::AddTarget } }))}>
                { format!("Add {}", what.to_lowercase()) }</button></li>
        </ul>
    }
}

fn card(doc: &Document, inc: &Incident, d: &Callback<Action>) -> Html {
    let found = checks::check(doc, inc);
    let id = inc.id.as_str();
    let status = |field: &str| inc.review.get(field).map_or("auto", |s| s.as_str());
    let date = inc.date.as_ref().map(|d| {
        let range = if d.start == d.end {
            d.start.clone()
        } else {
            format!("{} – {}", d.start, d.end)
        };
        format!("{range} ({})", d.precision.as_str())
    });
    let place = inc.location.as_ref().map(|l| {
        let mut parts = vec![l.name.clone()];
        for x in [&l.admin1, &l.country].into_iter().flatten() {
            if !parts.contains(x) {
                parts.push(x.clone());
            }
        }
        format!("{} ({})", parts.join(", "), l.precision.as_str())
    });
    let event = match (inc.event_type.as_str(), inc.sub_event_type.as_str()) {
        ("", _) => "Event type not set".to_string(),
        (t, "") => t.to_string(),
        (t, s) => format!("{t} — {s}"),
    };
    let f = &inc.fatalities;
    let attackers = inc
        .attackers
        .as_ref()
        .map(|a| format!("{} “{}”", count_range(a.low, a.best, a.high), a.text));
    let dstart = inc
        .date
        .as_ref()
        .map(|x| x.start.clone())
        .unwrap_or_default();
    let dend = inc.date.as_ref().map(|x| x.end.clone()).unwrap_or_default();
    let loc = inc.location.as_ref();
    let subs: Vec<&str> = SUB_EVENT_TYPES
        .iter()
        .filter(|(_, t)| *t == inc.event_type)
        .map(|(s, _)| *s)
        .collect();
    html! {
        <article class="incident" data-incident={inc.id.clone()}
            aria-label={format!("Incident {}", inc.id)}>
            <h3><span class="incident-id">{ &inc.id }</span>{ " " }{ event }</h3>
            <div class="card-buttons">
                <button type="button" class="confirm-all" aria-label={format!("Confirm all fields of incident {}", inc.id)}
                    onclick={click(d, Action::Edit(Edit::ConfirmIncident { id: id.to_string() }))}>{ "Confirm all" }</button>
                <button type="button" aria-label={format!("Delete incident {}", inc.id)}
                    onclick={click(d, Action::Edit(Edit::DeleteIncident { id: id.to_string() }))}>{ "Delete" }</button>
            </div>
            <dl>
                { row("Event type", html! { <>
                    <select class="event-type" aria-label="Event type" data-status={status("event_type")}
                        onchange={on_change(d, id, |s| Some(IncidentEdit::EventType(s)))}>
                        <option value="" selected={inc.event_type.is_empty()}>{ "— not set —" }</option>
                        { for EVENT_TYPES.iter().map(|t| html! {
                            <option value={*t} selected={inc.event_type == *t}>{ *t }</option>
                        }) }
                    </select>
                    <select class="sub-event-type" aria-label="Sub-event type" data-status={status("sub_event_type")}
                        onchange={on_change(d, id, |s| Some(IncidentEdit::SubEventType(s)))}>
                        <option value="" selected={inc.sub_event_type.is_empty()}>{ "— not set —" }</option>
                        { for subs.iter().map(|t| html! {
                            <option value={*t} selected={inc.sub_event_type == *t}>{ *t }</option>
                        }) }
                    </select>
                    { findings(&found, Field::EventType) }
                </> }) }
                { row("Date", html! { <>
                    { text_or_none(date) }{ " " }
                    { text_input("Date start".into(), dstart, on_change(d, id, |s| Some(IncidentEdit::DateStart(s)))) }
                    { text_input("Date end".into(), dend, on_change(d, id, |s| Some(IncidentEdit::DateEnd(s)))) }
                    { findings(&found, Field::Date) }
                </> }) }
                { row("Place", html! { <>
                    { text_or_none(place) }{ " " }
                    { text_input("Place name".into(), loc.map(|l| l.name.clone()).unwrap_or_default(),
                        on_change(d, id, |s| Some(IncidentEdit::LocationName(s)))) }
                    { text_input("Region (admin1)".into(), loc.and_then(|l| l.admin1.clone()).unwrap_or_default(),
                        on_change(d, id, |s| Some(IncidentEdit::Admin1(s)))) }
                    { text_input("Country".into(), loc.and_then(|l| l.country.clone()).unwrap_or_default(),
                        on_change(d, id, |s| Some(IncidentEdit::Country(s)))) }
                    { findings(&found, Field::Location) }
                </> }) }
                { row("Perpetrators", actors_form(inc, true, d)) }
                { row("Targets", html! { <>{ actors_form(inc, false, d) }{ findings(&found, Field::Actors) }</> }) }
                { row("Killed", html! { <>{ rows_form(inc, Rows::Killed, "Killed", d) }{ findings(&found, Field::Casualties) }</> }) }
                { row("Injured", rows_form(inc, Rows::Injured, "Injured", d)) }
                { row("Missing / abducted", rows_form(inc, Rows::Missing, "Missing", d)) }
                { row("Fatalities", html! { <>
                    <span class="count fatalities">{ count_range(f.low, f.best, f.high) }</span>
                    { findings(&found, Field::Fatalities) }
                </> }) }
                { row("Attackers", html! { <>
                    { text_or_none(attackers) }{ " " }
                    <input type="text" inputmode="numeric" class="num" aria-label="Attackers best estimate"
                        value={inc.attackers.as_ref().and_then(|a| a.best).map(|x| x.to_string()).unwrap_or_default()}
                        onchange={on_change(d, id, |s| {
                            let t = s.trim().to_string();
                            let n = num(&t);
                            (t.is_empty() || n.is_some()).then_some(IncidentEdit::AttackersCount(Bound::Best, n))
                        })} />
                </> }) }
                { row("Notes", html! {
                    <textarea class="notes" aria-label="Notes" value={inc.notes.clone()}
                        onchange={on_change(d, id, |s| Some(IncidentEdit::Notes(s)))} />
                }) }
            </dl>
        </article>
    }
}

fn row(name: &str, value: Html) -> Html {
    html! { <><dt>{ name }</dt><dd>{ value }</dd></> }
}

fn text_or_none(s: Option<String>) -> Html {
    match s {
        Some(s) => html! { { s } },
        None => html! { <span class="none">{ "—" }</span> },
    }
}
