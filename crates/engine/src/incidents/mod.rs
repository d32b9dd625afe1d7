//! Incident building: groups an article's entities into records of distinct violent events.
//!
//! The steps, one file each:
//! - [`doc`]: the article as sentences and words, with the entities mapped to byte offsets;
//! - [`cues`]: the words of conflict news the steps look for ("attack", "separate", "since 2015");
//! - [`split`]: which sentences report an event, which are background, and how one sentence
//!   splits into several events ("attacks on X and Y" → two);
//! - [`cluster`]: which event mentions tell the same event (headline and body, a later paragraph
//!   repeating the toll) and which are new (another place, day or attacking group);
//! - [`date`], [`location`], [`actors`], [`event_type`], [`casualties`], [`source`]: each field of the
//!   record from the entities of its mentions.
//!
//! Entities may come from rules or from a person (origin `Manual`): only their kind, value and
//! offsets are used, never rule names.

mod actors;
mod casualties;
mod cluster;
mod cues;
mod date;
mod doc;
mod event_type;
mod location;
mod source;
mod split;

use super::context::Context;
use super::model::{CasualtyRow, Entity, Incident, PlacePrecision, Value};
use doc::Doc;

/// Groups entities into incidents.
pub fn build(text: &str, entities: &[Entity], ctx: &Context) -> Vec<Incident> {
    if text.is_empty() || entities.is_empty() {
        return Vec::new();
    }
    let doc = Doc::new(text, entities, ctx);
    let mentions = split::mentions(&doc);
    let drafts = cluster::cluster(&doc, &mentions);
    let mut out = Vec::new();
    for draft in &drafts {
        let ms: Vec<&split::Mention> = draft.mentions.iter().map(|&i| &mentions[i]).collect();
        let mut evidence: Vec<usize> = Vec::new();
        let mut notes: Vec<String> = Vec::new();
        let date = date::incident_date(&doc, &ms, draft, &mut evidence);
        let mut loc = location::incident_location(&doc, &ms, &mut evidence);
        // "… came under fire as it reached the village the following day": no place of its
        // own, the town of the story just told.
        if ms.iter().all(|m| m.place.is_none()) && location::names_the_place_again(&doc, &ms) {
            let before = out.last().and_then(|p: &Incident| p.location.as_ref());
            if let Some(town) = before.filter(|b| {
                b.precision == PlacePrecision::Town
                    && loc
                        .as_ref()
                        .is_none_or(|l| l.country.is_none() || l.country == b.country)
            }) {
                loc = Some(town.clone());
            }
        }
        let (mut perpetrators, mut targets) =
            actors::incident_actors(&doc, &ms, &mut evidence, &mut notes);
        if let Some(country) = loc.as_ref().and_then(|l| l.country.as_deref()) {
            actors::drop_unnamed_state(&mut perpetrators, &mut targets, country);
        }
        let rows = casualties::incident_rows(&doc, &ms, &mut evidence, &mut notes);
        let all_rows: Vec<&CasualtyRow> = rows
            .killed
            .iter()
            .chain(&rows.injured)
            .chain(&rows.missing)
            .collect();
        actors::targets_from_rows(&mut targets, &all_rows);
        let country = loc.as_ref().and_then(|l| l.country.as_deref());
        actors::targets_from_objects(&doc, &ms, country, &mut targets);
        let attackers = casualties::attackers(&doc, &ms, &mut evidence);
        let source = source::incident_source(&doc, &ms, &mut evidence);
        let (event_type, sub_event_type) = event_type::classify(
            &doc,
            &ms,
            &rows,
            &targets,
            attackers.is_some(),
            &mut evidence,
        );
        // A record of an "N attacks" summary that a detail sentence gave its own figures
        // ("In the first attack, … killed five") does not keep the summary's note that its
        // victims are given only jointly.
        let own_figures = ms.iter().any(|m| m.has_casualty && m.casualties);
        for m in &ms {
            if let Some(n) = &m.note {
                if m.forced_new && own_figures {
                    continue;
                }
                notes.push(n.clone());
            }
        }
        let fatalities = Incident::total_fatalities(&rows.killed);
        evidence.sort_unstable();
        evidence.dedup();
        notes.dedup();
        out.push(Incident {
            id: String::new(),
            date,
            location: loc,
            perpetrators,
            targets,
            event_type: event_type.to_string(),
            sub_event_type: sub_event_type.to_string(),
            killed: rows.killed,
            injured: rows.injured,
            missing_or_abducted: rows.missing,
            attackers,
            fatalities,
            evidence: evidence
                .into_iter()
                .map(|i| doc.ents[i].e.id.clone())
                .collect(),
            notes: notes.join(" "),
            source,
            review: Default::default(),
        });
    }
    for (i, inc) in out.iter_mut().enumerate() {
        inc.id = format!("i{}", i + 1);
    }
    out
}

/// The place value of a location entity.
fn place_of(v: &Value) -> Option<&super::model::Place> {
    match v {
        Value::Location(p) => Some(p),
        _ => None,
    }
}

#[cfg(test)]
pub(crate) mod testkit;

#[cfg(test)]
mod tests;
