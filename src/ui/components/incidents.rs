//! Incident cards: one `<article data-incident="ID">` per incident record, with when, where,
//! who attacked whom, the event type, and killed / injured / missing as low–high ranges.

use yew::prelude::*;

use super::DocProps;
use crate::extract::{CasualtyRow, Incident};
use crate::ui::render::count_range;

/// Most incident cards drawn.
pub const MAX_CARDS: usize = 200;

/// The list of incident cards.
#[component]
pub fn Incidents(props: &DocProps) -> Html {
    let incidents = &props.doc.0.incidents;
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
            { for incidents.iter().take(MAX_CARDS).map(card) }
        </section>
    }
}

fn card(inc: &Incident) -> Html {
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
    let actors = |v: Vec<String>| (!v.is_empty()).then(|| v.join("; "));
    let perpetrators = actors(
        inc.perpetrators
            .iter()
            .map(|p| format!("{} ({})", p.name, p.side.as_str()))
            .collect(),
    );
    let targets = actors(
        inc.targets
            .iter()
            .map(|t| format!("{} ({})", t.name, t.side.as_str()))
            .collect(),
    );
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
    html! {
        <article class="incident" data-incident={inc.id.clone()}
            aria-label={format!("Incident {}", inc.id)}>
            <h3><span class="incident-id">{ &inc.id }</span>{ " " }{ event }</h3>
            <dl>
                { row("Date", text_or_none(date)) }
                { row("Place", text_or_none(place)) }
                { row("Perpetrators", text_or_none(perpetrators)) }
                { row("Targets", text_or_none(targets)) }
                { row("Killed", casualties(&inc.killed)) }
                { row("Injured", casualties(&inc.injured)) }
                { row("Missing / abducted", casualties(&inc.missing_or_abducted)) }
                { row("Fatalities", html! { <span class="count">{ count_range(f.low, f.best, f.high) }</span> }) }
                { row("Attackers", text_or_none(attackers)) }
                if !inc.notes.is_empty() {
                    { row("Notes", html! { { &inc.notes } }) }
                }
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

fn casualties(rows: &[CasualtyRow]) -> Html {
    if rows.is_empty() {
        return text_or_none(None);
    }
    html! {
        <ul class="rows">
            { for rows.iter().map(|r| html! {
                <li>
                    <span class="count">{ count_range(r.low, r.best, r.high) }</span>
                    { format!(" {} ({})", r.who, r.side.as_str()) }
                    if !r.text.is_empty() { { " " }<q>{ &r.text }</q> }
                </li>
            }) }
        </ul>
    }
}
