//! Which evidence spans feed which incident field, both ways (pure; tested natively).
//!
//! An incident lists the ids of the entities it rests on (`evidence`); each field draws on the
//! evidence of the kinds it is made from:
//!
//! | field | evidence kinds |
//! |---|---|
//! | date | date |
//! | location | location |
//! | perpetrators, targets | actor |
//! | event type, sub-event type | actor, casualty, weapon |
//! | killed, fatalities | casualty whose outcome is killed |
//! | injured | casualty, injured |
//! | missing / abducted | casualty, missing or abducted |
//! | attackers | figure |
//! | source | source |
//!
//! The page uses [`field_evidence`] when a field is clicked (its evidence is shown in the text)
//! and [`fields_fed_by`] when a highlight is opened (the editor lists the fields it feeds).

use crate::extract::actors::table::TABLE;
use crate::extract::{Entity, Incident, Kind, Outcome, Side, Value};
use crate::format::Document;

/// The incident fields evidence can feed, as the export names them ("source" is the record's
/// source: its evidence spans of kind source).
pub const LINKED_FIELDS: [&str; 12] = [
    "date",
    "location",
    "perpetrators",
    "targets",
    "event_type",
    "sub_event_type",
    "killed",
    "injured",
    "missing_or_abducted",
    "attackers",
    "fatalities",
    "source",
];

/// The words the page shows for a field.
pub fn field_label(field: &str) -> &'static str {
    match field {
        "date" => "Date",
        "location" => "Place",
        "perpetrators" => "Perpetrators",
        "targets" => "Targets",
        "event_type" => "Event type",
        "sub_event_type" => "Sub-event type",
        "killed" => "Killed",
        "injured" => "Injured",
        "missing_or_abducted" => "Missing / abducted",
        "attackers" => "Attackers",
        "fatalities" => "Fatalities",
        "source" => "Source",
        "notes" => "Notes",
        "evidence" => "Evidence",
        _ => "Field",
    }
}

fn outcome(e: &Entity) -> Option<Outcome> {
    match &e.value {
        Value::Casualty(c) => Some(c.outcome),
        _ => None,
    }
}

/// True when entity `e` can feed `field`.
pub fn feeds(e: &Entity, field: &str) -> bool {
    match field {
        "date" => e.kind == Kind::Date,
        "location" => e.kind == Kind::Location,
        "perpetrators" | "targets" => e.kind == Kind::Actor,
        "event_type" | "sub_event_type" => {
            matches!(e.kind, Kind::Actor | Kind::Casualty | Kind::Weapon)
        }
        "killed" | "fatalities" => outcome(e) == Some(Outcome::Killed),
        "injured" => outcome(e) == Some(Outcome::Injured),
        "missing_or_abducted" => {
            matches!(outcome(e), Some(Outcome::Missing | Outcome::Abducted))
        }
        "attackers" => e.kind == Kind::Figure,
        "source" => e.kind == Kind::Source,
        _ => false,
    }
}

/// The ids of `inc`'s evidence spans that feed `field`, in evidence order.
pub fn field_evidence(doc: &Document, inc: &Incident, field: &str) -> Vec<String> {
    inc.evidence
        .iter()
        .filter(|id| {
            doc.entities
                .iter()
                .find(|e| e.id == **id)
                .is_some_and(|e| feeds(e, field))
        })
        .cloned()
        .collect()
}

/// The (incident id, field) pairs entity `id` feeds, in incident and field order.
pub fn fields_fed_by(doc: &Document, id: &str) -> Vec<(String, &'static str)> {
    let Some(e) = doc.entities.iter().find(|e| e.id == id) else {
        return Vec::new();
    };
    doc.incidents
        .iter()
        .filter(|i| i.evidence.iter().any(|x| x == id))
        .flat_map(|i| {
            LINKED_FIELDS
                .iter()
                .filter(|f| feeds(e, f))
                .map(|f| (i.id.clone(), *f))
        })
        .collect()
}

/// Actor names to offer for perpetrators and targets: the document's actor spans first (in
/// text order), then the actor table, each name once, with its side.
pub fn actor_choices(doc: &Document) -> Vec<(String, Side)> {
    let mut out: Vec<(String, Side)> = Vec::new();
    let doc_actors = doc.entities.iter().filter_map(|e| match &e.value {
        Value::Actor(a) if !a.name.is_empty() => Some((a.name.clone(), a.side)),
        _ => None,
    });
    let table = TABLE.records.iter().map(|r| (r.name.clone(), r.side));
    for (name, side) in doc_actors.chain(table) {
        if !out.iter().any(|(n, _)| n.eq_ignore_ascii_case(&name)) {
            out.push((name, side));
        }
    }
    out
}

/// The side of a typed actor name when it is one of [`actor_choices`] (case-insensitive).
pub fn known_side(choices: &[(String, Side)], name: &str) -> Option<Side> {
    let name = name.trim();
    choices
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, s)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{annotate, Meta};

    const TEXT: &str = "On Monday gunmen killed 12 soldiers and wounded 4 civilians near Ouallam, \
                        the army said.";

    fn doc() -> Document {
        annotate(Meta {
            text: TEXT.into(),
            published: Some("2025-02-10".into()),
            ..Meta::default()
        })
    }

    fn id_of(d: &Document, text: &str) -> String {
        d.entities
            .iter()
            .find(|e| e.text.contains(text))
            .unwrap_or_else(|| panic!("an entity with {text:?}: {:?}", d.entities))
            .id
            .clone()
    }

    #[test]
    fn fields_draw_on_evidence_of_their_kinds() {
        let d = doc();
        let inc = d.incidents.first().expect("an incident").clone();
        let killed = id_of(&d, "killed 12");
        let wounded = id_of(&d, "wounded 4");
        let place = id_of(&d, "Ouallam");
        // (field, an id that must be listed, an id that must not)
        let cases = [
            ("killed", &killed, &wounded),
            ("fatalities", &killed, &place),
            ("injured", &wounded, &killed),
            ("location", &place, &killed),
            ("date", &id_of(&d, "Monday"), &place),
        ];
        for (field, yes, no) in cases {
            let got = field_evidence(&d, &inc, field);
            assert!(got.contains(yes), "{field}: {got:?} lacks {yes}");
            assert!(!got.contains(no), "{field}: {got:?} has {no}");
        }
        assert!(field_evidence(&d, &inc, "notes").is_empty());
        assert!(field_evidence(&d, &inc, "no such field").is_empty());
    }

    #[test]
    fn a_highlight_lists_the_fields_it_feeds() {
        let d = doc();
        let inc = d.incidents[0].id.clone();
        let killed = id_of(&d, "killed 12");
        let got = fields_fed_by(&d, &killed);
        for f in ["killed", "fatalities", "event_type"] {
            assert!(got.contains(&(inc.clone(), f)), "{f} in {got:?}");
        }
        assert!(!got.iter().any(|(_, f)| *f == "injured"));
        // Detached evidence feeds nothing; unknown ids feed nothing.
        let mut d2 = d.clone();
        d2.incidents[0].evidence.retain(|x| *x != killed);
        assert!(fields_fed_by(&d2, &killed).is_empty());
        assert!(fields_fed_by(&d, "zz").is_empty());
        // Every field it lists draws on it.
        for (i, f) in got {
            let inc = d.incidents.iter().find(|x| x.id == i).unwrap();
            assert!(field_evidence(&d, inc, f).contains(&killed), "{f}");
        }
    }

    #[test]
    fn actor_choices_put_the_document_first_and_know_sides() {
        let d = doc();
        let c = actor_choices(&d);
        assert!(c.len() > 5, "the table adds names");
        let first_doc_actor = d
            .entities
            .iter()
            .find_map(|e| match &e.value {
                Value::Actor(a) => Some(a.name.clone()),
                _ => None,
            })
            .expect("an actor span");
        assert_eq!(c[0].0, first_doc_actor);
        let names: Vec<String> = c.iter().map(|(n, _)| n.to_lowercase()).collect();
        let mut dedup = names.clone();
        dedup.sort();
        dedup.dedup();
        assert_eq!(dedup.len(), names.len(), "each name once");
        // (typed name, side found)
        let jnim = c
            .iter()
            .find(|(n, _)| n == "JNIM")
            .map(|(_, s)| *s)
            .expect("JNIM in the table");
        for (typed, want) in [
            ("JNIM", Some(jnim)),
            ("  jnim ", Some(jnim)),
            ("Nobody In Particular", None),
            ("", None),
        ] {
            assert_eq!(known_side(&c, typed), want, "{typed:?}");
        }
    }
}
