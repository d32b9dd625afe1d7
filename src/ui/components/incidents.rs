//! Incident cards: one `<article data-incident="ID">` per incident record, with when, where,
//! who attacked whom, the event type, and killed / injured / missing as low–high ranges.
//!
//! Each card is also a form: event type and sub-event type (only valid pairs offered), date,
//! place, perpetrators and targets with sides, casualty rows (low / best / high, who, side; the
//! fatalities total follows the killed rows), notes; "Confirm all" marks every untouched field
//! as checked. Codebook findings ([`checks`]) are shown next to the field they concern, in
//! `role="status"`.
//!
//! Each field's name is a button that outlines its evidence in the text
//! ([`links::feeds`], the same rule as [`links::field_evidence`]); each field shows its review state (automatic, confirmed,
//! edited); the fields the span open in the editor feeds are marked. The evidence list attaches,
//! detaches and splits off spans; "Merge" folds another incident into the card.

use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::highlighted::Shown;
use super::lazy::{lazy, lazy_keyed};
use crate::extract::{
    CasualtyRow, DatePrecision, Entity, Incident, IncidentDate, IncidentLocation, Kind,
    PlacePrecision, Side, Status, EVENT_TYPES, SUB_EVENT_TYPES,
};
use crate::review::checks::{self, Field};
use crate::review::links::{self, actor_choices, field_label, known_side};
use crate::ui::edit::{Bound, Edit, IncidentEdit, Rows};
use crate::ui::render::{count_range, kind_label, status_label};
use crate::ui::state::{Action, DocRef};

/// Props of [`Incidents`].
#[derive(Properties, PartialEq, Clone)]
pub struct IncidentsProps {
    /// The document shown.
    pub doc: DocRef,
    /// Sends an action to the page's reducer.
    pub dispatch: Callback<Action>,
    /// The span open in the editor: the fields it feeds are marked.
    #[prop_or_default]
    pub fed_by: Option<String>,
    /// Shows a field's evidence in the text.
    #[prop_or_default]
    pub on_show: Callback<Option<Shown>>,
}

/// What a card needs besides its incident.
struct CardCtx<'a> {
    d: &'a Callback<Action>,
    fed_by: Option<&'a str>,
    on_show: &'a Callback<Option<Shown>>,
    actors: &'a Rc<Vec<(String, Side)>>,
    /// The card's evidence entities by id.
    index: &'a HashMap<&'a str, &'a Entity>,
    /// The codebook checks' findings for the incident.
    found: &'a [checks::Finding],
    /// True when the document has other incidents (to merge with).
    others: bool,
}

/// A `<datalist>` of (value, label) options; re-rendered only when the options change.
#[derive(Properties, PartialEq)]
struct ChoicesProps {
    id: AttrValue,
    options: Rc<Vec<(String, String)>>,
}

/// The options are keyed by position: Yew matches a list without keys from its end, so the
/// spans found in a sentence added at the end of a long article would shift every one of
/// thousands of options onto its neighbour; keyed by position, only the new ones are added.
#[component]
fn Choices(p: &ChoicesProps) -> Html {
    html! {
        <datalist id={p.id.clone()}>
            { for p.options.iter().enumerate().map(|(i, (v, label))| html! {
                <option key={i} value={v.clone()}>{ label.clone() }</option>
            }) }
        </datalist>
    }
}

/// One card's inputs: a card is a component of its own, so an edit re-renders only the cards
/// whose incident, evidence or findings changed.
#[derive(Properties, PartialEq, Clone)]
struct CardProps {
    inc: Incident,
    /// The incident's evidence entities (those that exist), in its order, without their
    /// offsets ([`as_shown`]).
    evidence: Vec<Entity>,
    found: Vec<checks::Finding>,
    others: bool,
    fed_by: Option<String>,
    d: Callback<Action>,
    on_show: Callback<Option<Shown>>,
    actors: Rc<Vec<(String, Side)>>,
}

#[component]
fn Card(p: &CardProps) -> Html {
    let index: HashMap<&str, &Entity> = p.evidence.iter().map(|e| (e.id.as_str(), e)).collect();
    let ctx = CardCtx {
        d: &p.d,
        fed_by: p.fed_by.as_deref(),
        on_show: &p.on_show,
        actors: &p.actors,
        index: &index,
        found: &p.found,
        others: p.others,
    };
    card(&ctx, &p.inc)
}

/// An evidence entity as a card uses it: without its offsets, which a card does not show and
/// which move whenever text is typed before the span, so that typing does not re-render every
/// card after the edit.
fn as_shown(e: &Entity) -> Entity {
    Entity {
        start: 0,
        end: 0,
        start_utf16: 0,
        end_utf16: 0,
        ..e.clone()
    }
}

/// Most incident cards drawn.
pub const MAX_CARDS: usize = 200;

/// The list of incident cards.
#[component]
pub fn Incidents(props: &IncidentsProps) -> Html {
    let doc = &props.doc.0;
    let incidents = &doc.incidents;
    let d = props.dispatch.clone();
    let add = move |_: MouseEvent| d.emit(Action::Edit(Edit::AddIncident));
    let actors = use_memo(props.doc.clone(), |d| actor_choices(&d.0));
    let index: HashMap<&str, &Entity> = doc.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let others = incidents.len() > 1;
    let card_of = |inc: &Incident| {
        let evidence: Vec<Entity> = inc
            .evidence
            .iter()
            .filter_map(|e| index.get(e.as_str()).map(|x| as_shown(x)))
            .collect();
        html! {
            <Card key={inc.id.clone()} inc={inc.clone()} evidence={evidence}
                found={checks::check(doc, inc)} others={others}
                fed_by={props.fed_by.clone()} d={props.dispatch.clone()}
                on_show={props.on_show.clone()} actors={actors.clone()} />
        }
    };
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
            // One keyed list of its own: a `for` here would be flattened into this section's
            // children, which are not keyed, and a list that is not keyed is matched from its
            // end, so an incident added at the end would redraw every card.
            { incidents.iter().take(MAX_CARDS).map(card_of).collect::<Html>() }
            <button type="button" id="add-incident" onclick={add}>{ "Add incident" }</button>
            <Choices id="span-ids" options={Rc::new(doc.entities.iter().map(|e| {
                (e.id.clone(), format!("{} “{}”", kind_label(e.kind), e.text))
            }).collect::<Vec<_>>())} />
            <Choices id="incident-ids" options={Rc::new(incidents.iter().map(|i| {
                (i.id.clone(), String::new())
            }).collect::<Vec<_>>())} />
            <Choices id="actor-names" options={Rc::new(actors.iter().map(|(n, s)| {
                (n.clone(), s.as_str().to_string())
            }).collect::<Vec<_>>())} />
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

/// Editable casualty rows of one list, drawn again only when the list changes.
fn rows_form(inc: &Incident, r: Rows, name: &'static str, d: &Callback<Action>) -> Html {
    let list = match r {
        Rows::Killed => &inc.killed,
        Rows::Injured => &inc.injured,
        Rows::Missing => &inc.missing_or_abducted,
    };
    lazy(
        (d.clone(), inc.id.clone(), r, name, list.clone()),
        draw_rows,
    )
}

type RowsDeps = (
    Callback<Action>,
    String,
    Rows,
    &'static str,
    Vec<CasualtyRow>,
);

fn draw_rows((d, id, r, name, list): &RowsDeps) -> Html {
    let (r, name, id) = (*r, *name, id.as_str());
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

/// Editable perpetrators (`perp`) or targets, drawn again only when they (or the actor
/// table) change.
fn actors_form(
    inc: &Incident,
    perp: bool,
    d: &Callback<Action>,
    actors: &Rc<Vec<(String, Side)>>,
) -> Html {
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
    lazy(
        (d.clone(), inc.id.clone(), perp, list, actors.clone()),
        draw_actors,
    )
}

type ActorsDeps = (
    Callback<Action>,
    String,
    bool,
    Vec<(String, Side)>,
    Rc<Vec<(String, Side)>>,
);

fn draw_actors((d, id, perp, list, actors): &ActorsDeps) -> Html {
    let (perp, id) = (*perp, id.as_str());
    let what = if perp { "Perpetrator" } else { "Target" };
    html! {
        <ul class="actors">
            { for list.iter().cloned().enumerate().map(|(i, (name, side))| html! {
                <li>
                    <input type="text" list="actor-names" value={name} aria-label={format!("{what} {} name", i + 1)}
                        onchange={{
                            let actors = actors.clone();
                            on_change(d, id, move |s| Some(match (known_side(&actors, &s), perp) {
                                (Some(side), true) => IncidentEdit::PerpetratorPick(i, s, side),
                                (Some(side), false) => IncidentEdit::TargetPick(i, s, side),
                                (None, true) => IncidentEdit::PerpetratorName(i, s),
                                (None, false) => IncidentEdit::TargetName(i, s),
                            }))
                        }} />
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

/// A button that sends `make(value)` for the value of the `<input>` in the same `.pick`
/// group. The inputs suggest from one shared `<datalist>` (`#span-ids`, `#incident-ids`)
/// rather than a `<select>` per card: two hundred cards × thousands of options made a long
/// article's re-render take seconds.
fn pick_button(
    label: &str,
    aria: String,
    d: &Callback<Action>,
    make: impl Fn(String) -> Action + 'static,
) -> Html {
    let d = d.clone();
    let onclick = move |e: MouseEvent| {
        let value = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(".pick").ok().flatten())
            .and_then(|g| g.query_selector("input").ok().flatten())
            .and_then(|s| s.dyn_into::<HtmlInputElement>().ok())
            .map(|s| s.value().trim().to_string())
            .unwrap_or_default();
        if !value.is_empty() {
            d.emit(make(value));
        }
    };
    html! { <button type="button" aria-label={aria} {onclick}>{ label.to_string() }</button> }
}

fn float(s: &str) -> Option<f64> {
    s.trim().parse().ok()
}

/// A numeric coordinate input (empty clears it).
fn coord_input(label: &str, v: Option<f64>, d: &Callback<Action>, id: &str, lat: bool) -> Html {
    let cb = on_change(d, id, move |s| {
        let t = s.trim().to_string();
        let x = float(&t);
        (t.is_empty() || x.is_some()).then_some(if lat {
            IncidentEdit::Lat(x)
        } else {
            IncidentEdit::Lon(x)
        })
    });
    html! {
        <input type="text" inputmode="decimal" class="num coord" aria-label={label.to_string()}
            value={v.map(|x| x.to_string()).unwrap_or_default()} onchange={cb} />
    }
}

/// The evidence list of a card: show, detach, split off; attach another span.
fn evidence_form(c: &CardCtx, inc: &Incident) -> Html {
    let id = inc.id.as_str();
    let d = c.d;
    let attach = {
        let id = id.to_string();
        pick_button(
            "Attach",
            format!("Attach the chosen span to incident {id}"),
            d,
            move |v| {
                Action::Edit(Edit::AttachEvidence {
                    incident: id.clone(),
                    entity: v,
                })
            },
        )
    };
    html! {
        <ul class="evidence-list">
            { for inc.evidence.iter().enumerate().map(|(i, eid)| {
                let ent = c.index.get(eid.as_str()).copied();
                let what = ent.map(|e| (e.kind, e.text.clone(), e.status));
                // Keyed by position: the same id may be listed twice.
                lazy_keyed(i.to_string(), (d.clone(), c.on_show.clone(), id.to_string(), eid.clone(), what), draw_evidence)
            }) }
            <li class="pick">
                <input type="text" list="span-ids" class="id-input" placeholder="e12"
                    aria-label={format!("Id of a span to attach to incident {id}")} />
                { attach }
            </li>
        </ul>
    }
}

type EvidenceDeps = (
    Callback<Action>,
    Callback<Option<Shown>>,
    String,
    String,
    Option<(Kind, String, Status)>,
);

/// One item of the evidence list: the span's id (shows it in the text), kind, words and state,
/// with Detach and Split off.
fn draw_evidence((d, on_show, id, eid, ent): &EvidenceDeps) -> Html {
    let what = ent.as_ref().map_or_else(
        || eid.clone(),
        |(kind, text, _)| format!("{} “{text}”", kind_label(*kind)),
    );
    let show = {
        let on_show = on_show.clone();
        let s = Shown {
            ids: vec![eid.clone()],
            what: format!("{eid} of incident {id}"),
        };
        move |_: MouseEvent| on_show.emit(Some(s.clone()))
    };
    html! {
        <li data-evidence={eid.clone()}>
            <button type="button" class="link" onclick={show}
                aria-label={format!("Show evidence {eid} in the text")}>{ eid.clone() }</button>
            { " " }{ what }{ " " }
            if let Some((_, _, st)) = ent {
                <span class={classes!("state", format!("st-{}", st.as_str()))}>{ status_label(*st) }</span>
            }
            <button type="button" aria-label={format!("Detach {eid} from incident {id}")}
                onclick={click(d, Action::Edit(Edit::DetachEvidence { incident: id.to_string(), entity: eid.clone() }))}>{ "Detach" }</button>
            <button type="button" aria-label={format!("Split {eid} off incident {id} into a new incident")}
                onclick={click(d, Action::Edit(Edit::SplitIncident { id: id.to_string(), evidence: eid.clone() }))}>{ "Split off" }</button>
        </li>
    }
}

type EventDeps = (Callback<Action>, String, String, Status);

fn draw_event_type((d, id, event_type, st): &EventDeps) -> Html {
    html! {
        <select class="event-type" aria-label="Event type" data-status={st.as_str()}
            onchange={on_change(d, id, |s| Some(IncidentEdit::EventType(s)))}>
            <option value="" selected={event_type.is_empty()}>{ "— not set —" }</option>
            { for EVENT_TYPES.iter().map(|t| html! {
                <option value={*t} selected={event_type == *t}>{ *t }</option>
            }) }
        </select>
    }
}

type SubEventDeps = (Callback<Action>, String, String, String, Status);

/// The sub-event types of the chosen event type only.
fn draw_sub_event_type((d, id, event_type, sub, st): &SubEventDeps) -> Html {
    html! {
        <select class="sub-event-type" aria-label="Sub-event type" data-status={st.as_str()}
            onchange={on_change(d, id, |s| Some(IncidentEdit::SubEventType(s)))}>
            <option value="" selected={sub.is_empty()}>{ "— not set —" }</option>
            { for SUB_EVENT_TYPES.iter().filter(|(_, t)| t == event_type).map(|(t, _)| html! {
                <option value={*t} selected={sub == *t}>{ *t }</option>
            }) }
        </select>
    }
}

type DateDeps = (Callback<Action>, String, Option<IncidentDate>);

fn draw_date((d, id, date): &DateDeps) -> Html {
    let shown = date.as_ref().map(|d| {
        let range = if d.start == d.end {
            d.start.clone()
        } else {
            format!("{} – {}", d.start, d.end)
        };
        format!("{range} ({})", d.precision.as_str())
    });
    let dstart = date.as_ref().map(|x| x.start.clone()).unwrap_or_default();
    let dend = date.as_ref().map(|x| x.end.clone()).unwrap_or_default();
    html! { <>
        { text_or_none(shown) }{ " " }
        { text_input("Date start".into(), dstart, on_change(d, id, |s| Some(IncidentEdit::DateStart(s)))) }
        { text_input("Date end".into(), dend, on_change(d, id, |s| Some(IncidentEdit::DateEnd(s)))) }
        if let Some(p) = date.as_ref().map(|x| x.precision) {
            <select aria-label="Date precision" onchange={on_change(d, id, |s| Some(IncidentEdit::DatePrecision(match s.as_str() {
                "month" => DatePrecision::Month, "year" => DatePrecision::Year, _ => DatePrecision::Day })))}>
                { for ["day", "month", "year"].iter().map(|x| html! {
                    <option value={*x} selected={p.as_str() == *x}>{ *x }</option>
                }) }
            </select>
        }
    </> }
}

type LocationDeps = (Callback<Action>, String, Option<IncidentLocation>);

fn draw_location((d, id, loc): &LocationDeps) -> Html {
    let shown = loc.as_ref().map(|l| {
        let mut parts = vec![l.name.clone()];
        for x in [&l.admin1, &l.country].into_iter().flatten() {
            if !parts.contains(x) {
                parts.push(x.clone());
            }
        }
        format!("{} ({})", parts.join(", "), l.precision.as_str())
    });
    let id = id.as_str();
    html! { <>
        { text_or_none(shown) }{ " " }
        { text_input("Place name".into(), loc.as_ref().map(|l| l.name.clone()).unwrap_or_default(),
            on_change(d, id, |s| Some(IncidentEdit::LocationName(s)))) }
        if let Some(l) = loc {
            { text_input("Region (admin1)".into(), l.admin1.clone().unwrap_or_default(),
                on_change(d, id, |s| Some(IncidentEdit::Admin1(s)))) }
            { text_input("Country".into(), l.country.clone().unwrap_or_default(),
                on_change(d, id, |s| Some(IncidentEdit::Country(s)))) }
            { coord_input("Latitude", l.lat, d, id, true) }
            { coord_input("Longitude", l.lon, d, id, false) }
            <select aria-label="Place precision" onchange={on_change(d, id, |s| Some(IncidentEdit::LocationPrecision(match s.as_str() {
                "region" => PlacePrecision::Region, "country" => PlacePrecision::Country, _ => PlacePrecision::Town })))}>
                { for ["town", "region", "country"].iter().map(|x| html! {
                    <option value={*x} selected={l.precision.as_str() == *x}>{ *x }</option>
                }) }
            </select>
        }
    </> }
}

fn card(c: &CardCtx, inc: &Incident) -> Html {
    let d = c.d;
    let found = c.found;
    let id = inc.id.as_str();
    let evidence: Vec<&Entity> = inc
        .evidence
        .iter()
        .filter_map(|e| c.index.get(e.as_str()).copied())
        .collect();
    let feeding = |field: &str| -> Vec<String> {
        evidence
            .iter()
            .filter(|e| links::feeds(e, field))
            .map(|e| e.id.clone())
            .collect()
    };
    let row = |field: &'static str, value: Html| -> Html {
        let st = inc.review.get(field).copied().unwrap_or_default();
        let fed = c
            .fed_by
            .is_some_and(|e| evidence.iter().any(|x| x.id == e && links::feeds(x, field)));
        let show = {
            let on_show = c.on_show.clone();
            let s = Shown {
                ids: feeding(field),
                what: format!("{} of incident {id}", field_label(field)),
            };
            move |_: MouseEvent| on_show.emit(Some(s.clone()))
        };
        let name = field_label(field);
        let linkable = links::LINKED_FIELDS.contains(&field);
        html! { <>
            <dt class={classes!(fed.then_some("fed"))} data-field={field}>
                if linkable {
                    <button type="button" class="link field-name" onclick={show}
                        aria-label={format!("{name}: show its evidence in the text")}>{ name }</button>
                } else {
                    { name }
                }
                { " " }
                <span class={classes!("state", format!("st-{}", st.as_str()))}
                    title={format!("{name} is {}", status_label(st))}>{ status_label(st) }</span>
                if fed { <span class="fed-mark" aria-label="fed by the open span">{ " ◀" }</span> }
            </dt>
            <dd class={classes!(fed.then_some("fed"))}>{ value }</dd>
        </> }
    };
    let event = match (inc.event_type.as_str(), inc.sub_event_type.as_str()) {
        ("", _) => "Event type not set".to_string(),
        (t, "") => t.to_string(),
        (t, s) => format!("{t} — {s}"),
    };
    let f = &inc.fatalities;
    let status_of = |field: &str| inc.review.get(field).copied().unwrap_or_default();
    let attackers = inc
        .attackers
        .as_ref()
        .map(|a| format!("{} “{}”", count_range(a.low, a.best, a.high), a.text));
    let sources: Vec<String> = evidence
        .iter()
        .filter(|e| links::feeds(e, "source"))
        .map(|e| format!("“{}” ({})", e.text, e.value.summary()))
        .collect();
    let others = c.others;
    let merge = {
        let into = id.to_string();
        pick_button(
            "Merge",
            format!("Merge the chosen incident into {id}"),
            d,
            move |from| {
                Action::Edit(Edit::MergeIncidents {
                    into: into.clone(),
                    from,
                })
            },
        )
    };
    html! {
        <article class="incident" data-incident={inc.id.clone()}
            aria-label={format!("Incident {}", inc.id)}>
            <h3><span class="incident-id">{ &inc.id }</span>{ " " }{ event }</h3>
            <div class="card-buttons">
                <button type="button" class="confirm-all" aria-label={format!("Confirm all fields of incident {}", inc.id)}
                    onclick={click(d, Action::Edit(Edit::ConfirmIncident { id: id.to_string() }))}>{ "Confirm all" }</button>
                <button type="button" aria-label={format!("Delete incident {}", inc.id)}
                    onclick={click(d, Action::Edit(Edit::DeleteIncident { id: id.to_string() }))}>{ "Delete" }</button>
                if others {
                    <span class="pick">
                        <input type="text" list="incident-ids" class="id-input merge" placeholder="i2"
                            aria-label={format!("Id of an incident to merge into {}", inc.id)} />
                        { merge }
                    </span>
                }
            </div>
            <dl>
                { row("event_type", html! { <>
                    { lazy((d.clone(), id.to_string(), inc.event_type.clone(), status_of("event_type")), draw_event_type) }
                    { findings(found, Field::EventType) }
                </> }) }
                { row("sub_event_type", lazy((d.clone(), id.to_string(), inc.event_type.clone(),
                    inc.sub_event_type.clone(), status_of("sub_event_type")), draw_sub_event_type)) }
                { row("date", html! { <>
                    { lazy((d.clone(), id.to_string(), inc.date.clone()), draw_date) }
                    { findings(found, Field::Date) }
                </> }) }
                { row("location", html! { <>
                    { lazy((d.clone(), id.to_string(), inc.location.clone()), draw_location) }
                    { findings(found, Field::Location) }
                </> }) }
                { row("perpetrators", actors_form(inc, true, d, c.actors)) }
                { row("targets", html! { <>{ actors_form(inc, false, d, c.actors) }{ findings(found, Field::Actors) }</> }) }
                { row("killed", html! { <>{ rows_form(inc, Rows::Killed, "Killed", d) }{ findings(found, Field::Casualties) }</> }) }
                { row("injured", rows_form(inc, Rows::Injured, "Injured", d)) }
                { row("missing_or_abducted", rows_form(inc, Rows::Missing, "Missing", d)) }
                { row("fatalities", html! { <>
                    <span class="count fatalities">{ count_range(f.low, f.best, f.high) }</span>
                    { findings(found, Field::Fatalities) }
                </> }) }
                { row("attackers", html! { <>
                    { text_or_none(attackers) }{ " " }
                    <input type="text" inputmode="numeric" class="num" aria-label="Attackers best estimate"
                        value={inc.attackers.as_ref().and_then(|a| a.best).map(|x| x.to_string()).unwrap_or_default()}
                        onchange={on_change(d, id, |s| {
                            let t = s.trim().to_string();
                            let n = num(&t);
                            (t.is_empty() || n.is_some()).then_some(IncidentEdit::AttackersCount(Bound::Best, n))
                        })} />
                </> }) }
                { row("source", html! { <>
                    <input class="source" aria-label="Source" value={inc.source.clone()}
                        placeholder="who reported it"
                        onchange={on_change(d, id, |s| Some(IncidentEdit::Source(s)))} />
                    if !sources.is_empty() {
                        <span class="source-spans">{ sources.join("; ") }</span>
                    }
                </> }) }
                { row("notes", html! {
                    <textarea class="notes" aria-label="Notes" value={inc.notes.clone()}
                        onchange={on_change(d, id, |s| Some(IncidentEdit::Notes(s)))} />
                }) }
                { row("evidence", evidence_form(c, inc)) }
            </dl>
        </article>
    }
}

fn text_or_none(s: Option<String>) -> Html {
    match s {
        Some(s) => html! { { s } },
        None => html! { <span class="none">{ "—" }</span> },
    }
}
