//! Codebook checks: what a careful reviewer would flag on an incident record, shown next to the
//! field it concerns. Each check is a named function of the record (and the document); none
//! changes anything.

use crate::extract::{Entity, Incident, Side, Value};
use crate::format::Document;

/// Which field of an incident a finding concerns (the page shows it next to that field).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The date.
    Date,
    /// The location.
    Location,
    /// Perpetrators and targets.
    Actors,
    /// Event type.
    EventType,
    /// Killed / injured / missing rows.
    Casualties,
    /// The fatalities total.
    Fatalities,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Stable name of the check ("battle_needs_two_armed_sides").
    pub check: &'static str,
    /// The field to show it next to.
    pub field: Field,
    /// One sentence for the user.
    pub message: String,
}

fn armed(side: Side) -> bool {
    matches!(
        side,
        Side::State | Side::Militia | Side::Rebel | Side::External
    )
}

/// Runs every check on one incident of `doc`.
pub fn check(doc: &Document, inc: &Incident) -> Vec<Finding> {
    let mut out = Vec::new();
    battle_needs_two_armed_sides(inc, &mut out);
    fatalities_match_rows(inc, &mut out);
    date_not_after_publication(doc, inc, &mut out);
    location_in_incident_country(&doc.entities, inc, &mut out);
    casualty_rows_have_sides(inc, &mut out);
    civilian_violence_needs_civilian_target(inc, &mut out);
    out
}

/// Battles need two armed, organised sides.
fn battle_needs_two_armed_sides(inc: &Incident, out: &mut Vec<Finding>) {
    if inc.event_type != "Battles" {
        return;
    }
    let attackers = inc.perpetrators.iter().any(|p| armed(p.side));
    let defenders = inc.targets.iter().any(|t| armed(t.side));
    if !(attackers && defenders) {
        out.push(Finding {
            check: "battle_needs_two_armed_sides",
            field: Field::EventType,
            message: "Battles need two armed sides: add an armed perpetrator and an armed target, or change the event type".into(),
        });
    }
}

/// The fatalities total equals the sum of the killed rows.
fn fatalities_match_rows(inc: &Incident, out: &mut Vec<Finding>) {
    let sum = Incident::total_fatalities(&inc.killed);
    if sum != inc.fatalities {
        let n = |x: Option<u64>| x.map_or("?".to_string(), |v| v.to_string());
        out.push(Finding {
            check: "fatalities_match_rows",
            field: Field::Fatalities,
            message: format!(
                "the fatalities total ({}/{}/{}) differs from the killed rows ({}/{}/{})",
                n(inc.fatalities.low),
                n(inc.fatalities.best),
                n(inc.fatalities.high),
                n(sum.low),
                n(sum.best),
                n(sum.high)
            ),
        });
    }
}

/// An event cannot happen after the article reporting it was published.
fn date_not_after_publication(doc: &Document, inc: &Incident, out: &mut Vec<Finding>) {
    let (Some(published), Some(date)) = (&doc.document.published, &inc.date) else {
        return;
    };
    // Full ISO dates and YYYY-MM / YYYY compare correctly as strings against YYYY-MM-DD
    // prefixes; month-days without a year cannot be compared.
    if date.start.starts_with("--") {
        return;
    }
    let n = date.start.len().min(published.len());
    if date.start[..n] > published[..n] {
        out.push(Finding {
            check: "date_not_after_publication",
            field: Field::Date,
            message: format!(
                "the date {} is after the publication date {published}",
                date.start
            ),
        });
    }
}

/// Places in the evidence lie in the incident's country.
fn location_in_incident_country(entities: &[Entity], inc: &Incident, out: &mut Vec<Finding>) {
    let Some(country) = inc.location.as_ref().and_then(|l| l.country.as_deref()) else {
        return;
    };
    for e in entities.iter().filter(|e| inc.evidence.contains(&e.id)) {
        if let Value::Location(p) = &e.value {
            if let Some(c) = p.country.as_deref() {
                if c != country {
                    out.push(Finding {
                        check: "location_in_incident_country",
                        field: Field::Location,
                        message: format!(
                            "{:?} is in {c}, but the incident is in {country}",
                            e.text
                        ),
                    });
                }
            }
        }
    }
}

/// Every casualty row says whose casualties they are.
fn casualty_rows_have_sides(inc: &Incident, out: &mut Vec<Finding>) {
    let rows = inc
        .killed
        .iter()
        .chain(&inc.injured)
        .chain(&inc.missing_or_abducted);
    for r in rows {
        if r.side == Side::Unknown {
            out.push(Finding {
                check: "casualty_rows_have_sides",
                field: Field::Casualties,
                message: format!(
                    "the row {:?} has no side",
                    if r.who.is_empty() { &r.text } else { &r.who }
                ),
            });
        }
    }
}

/// Violence against civilians has a civilian target.
fn civilian_violence_needs_civilian_target(inc: &Incident, out: &mut Vec<Finding>) {
    if inc.event_type == "Violence against civilians"
        && !inc.targets.iter().any(|t| t.side == Side::Civilian)
    {
        out.push(Finding {
            check: "civilian_violence_needs_civilian_target",
            field: Field::Actors,
            message: "Violence against civilians needs a civilian target".into(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::*;
    use crate::format::Meta;

    fn doc(published: Option<&str>, entities: Vec<Entity>) -> Document {
        Document {
            format: "sitrep".into(),
            version: 1,
            generator: "test".into(),
            document: Meta {
                text: "Ouallam".into(),
                published: published.map(String::from),
                ..Meta::default()
            },
            entities,
            incidents: vec![],
        }
    }

    fn row(side: Side, n: u64) -> CasualtyRow {
        CasualtyRow {
            who: "x".into(),
            side,
            low: Some(n),
            best: Some(n),
            high: Some(n),
            text: String::new(),
        }
    }

    fn base() -> Incident {
        Incident {
            id: "i1".into(),
            event_type: "Battles".into(),
            perpetrators: vec![Perpetrator {
                name: "JNIM".into(),
                side: Side::Rebel,
                aliases: vec![],
            }],
            targets: vec![Target {
                name: "Niger military".into(),
                side: Side::State,
            }],
            killed: vec![row(Side::State, 5)],
            fatalities: Count::exact(5),
            date: Some(IncidentDate {
                start: "2025-02-04".into(),
                end: "2025-02-04".into(),
                precision: DatePrecision::Day,
            }),
            location: Some(IncidentLocation {
                name: "Ouallam".into(),
                country: Some("Niger".into()),
                ..IncidentLocation::default()
            }),
            evidence: vec!["e1".into()],
            ..Incident::default()
        }
    }

    fn place(country: &str) -> Entity {
        Entity {
            id: "e1".into(),
            kind: Kind::Location,
            start: 0,
            end: 7,
            start_utf16: 0,
            end_utf16: 7,
            text: "Ouallam".into(),
            rule: "test".into(),
            origin: Origin::Auto,
            status: Default::default(),
            value: Value::Location(Place {
                name: "Ouallam".into(),
                country: Some(country.into()),
                ..Place::default()
            }),
        }
    }

    #[test]
    fn each_check_fires_on_its_case_only() {
        type Edit = fn(&mut Incident);
        let table: Vec<(&str, Option<&str>, &str, Edit)> = vec![
            ("clean record", Some("2025-02-10"), "Niger", |_| {}),
            ("battle_needs_two_armed_sides", None, "Niger", |i| {
                i.targets[0].side = Side::Civilian
            }),
            ("fatalities_match_rows", None, "Niger", |i| {
                i.fatalities = Count::exact(7)
            }),
            (
                "date_not_after_publication",
                Some("2025-02-01"),
                "Niger",
                |_| {},
            ),
            ("location_in_incident_country", None, "Mali", |_| {}),
            ("casualty_rows_have_sides", None, "Niger", |i| {
                i.killed[0].side = Side::Unknown
            }),
            (
                "civilian_violence_needs_civilian_target",
                None,
                "Niger",
                |i| i.event_type = "Violence against civilians".into(),
            ),
        ];
        for (want, published, country, edit) in table {
            let mut inc = base();
            edit(&mut inc);
            let d = doc(published, vec![place(country)]);
            let got: Vec<&str> = check(&d, &inc).iter().map(|f| f.check).collect();
            if want == "clean record" {
                assert!(got.is_empty(), "{got:?}");
            } else {
                assert_eq!(got, [want]);
            }
        }
    }

    #[test]
    fn month_days_and_months_compare_sensibly() {
        let mut inc = base();
        inc.date = Some(IncidentDate {
            start: "--12-30".into(),
            end: "--12-30".into(),
            precision: DatePrecision::Day,
        });
        assert!(check(&doc(Some("2025-01-02"), vec![place("Niger")]), &inc).is_empty());
        inc.date = Some(IncidentDate {
            start: "2025-01".into(),
            end: "2025-01".into(),
            precision: DatePrecision::Month,
        });
        assert!(check(&doc(Some("2025-01-02"), vec![place("Niger")]), &inc).is_empty());
    }
}
