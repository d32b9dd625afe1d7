//! Manual corrections: every edit a person makes to spans and incident records, as pure
//! functions of the document (tested natively), and the re-extraction that keeps that work when
//! the article text changes.
//!
//! - [`apply`] runs one [`Edit`] on a document: add, relabel, delete, resize a span or edit its
//!   value; edit any field of an incident; add, delete, merge incidents; attach or detach
//!   evidence; confirm a span or a whole card. Every change records a review state
//!   ([`Status::Edited`] / [`Status::Confirmed`]) on the span or the incident field, which the
//!   export carries.
//! - [`reextract`] re-runs extraction on new text and keeps: manual and edited spans (moved with
//!   [`reanchor`]; a span whose quote is gone goes to the *lost* list, never silently dropped),
//!   deletions of automatic spans, confirmations, and edited incident fields.

use std::collections::HashMap;

use crate::extract::numbers::parse_count;
use crate::extract::span::{slice_chars, Offsets};
use crate::extract::{
    self, ActorValue, Attackers, CasualtyRow, CasualtyValue, Count, DatePrecision, DateValue,
    Entity, FigureValue, Incident, IncidentDate, IncidentLocation, Kind, Origin, Outcome,
    Perpetrator, Place, PlacePrecision, Side, SourceValue, Status, Target, Value, WeaponValue,
    EVENT_TYPES, SUB_EVENT_TYPES,
};
use crate::format::{self, Document, Meta};
pub use crate::review::reanchor::Deleted;
use crate::review::reanchor::{reanchor, Anchor, Shift};

/// The incident fields a review state is kept for (the keys of `Incident::review`).
pub const FIELDS: [&str; 14] = [
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
    "evidence",
    "notes",
    "source",
];

/// Which casualty list of an incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rows {
    /// `killed`.
    Killed,
    /// `injured`.
    Injured,
    /// `missing_or_abducted`.
    Missing,
}

impl Rows {
    /// The field name in the export.
    pub fn field(self) -> &'static str {
        match self {
            Rows::Killed => "killed",
            Rows::Injured => "injured",
            Rows::Missing => "missing_or_abducted",
        }
    }
}

/// One bound of a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// Lower bound.
    Low,
    /// Best estimate.
    Best,
    /// Upper bound.
    High,
}

/// A change to one field of an incident.
#[derive(Clone, Debug, PartialEq)]
pub enum IncidentEdit {
    /// First day (ISO); creates the date if there was none.
    DateStart(String),
    /// Last day (ISO).
    DateEnd(String),
    /// Precision of the date.
    DatePrecision(DatePrecision),
    /// No date.
    ClearDate,
    /// Place name; creates the location if there was none.
    LocationName(String),
    /// First-level region; empty for none.
    Admin1(String),
    /// Country; empty for none.
    Country(String),
    /// Latitude, or none.
    Lat(Option<f64>),
    /// Longitude, or none.
    Lon(Option<f64>),
    /// How exact the location is.
    LocationPrecision(PlacePrecision),
    /// No location.
    ClearLocation,
    /// A new, empty perpetrator.
    AddPerpetrator,
    /// Removes the perpetrator at this index.
    RemovePerpetrator(usize),
    /// Renames a perpetrator.
    PerpetratorName(usize, String),
    /// Sets a perpetrator's side.
    PerpetratorSide(usize, Side),
    /// Sets a perpetrator's name and side at once (picked from the known actors).
    PerpetratorPick(usize, String, Side),
    /// A new, empty target.
    AddTarget,
    /// Removes the target at this index.
    RemoveTarget(usize),
    /// Renames a target.
    TargetName(usize, String),
    /// Sets a target's side.
    TargetSide(usize, Side),
    /// Sets a target's name and side at once (picked from the known actors).
    TargetPick(usize, String, Side),
    /// One of ACLED's event types (or empty); clears a sub-event type that does not belong.
    EventType(String),
    /// A sub-event type of the current event type (or empty).
    SubEventType(String),
    /// A new, empty row.
    AddRow(Rows),
    /// Removes a row.
    RemoveRow(Rows, usize),
    /// Who a row counts.
    RowWho(Rows, usize, String),
    /// A row's side.
    RowSide(Rows, usize, Side),
    /// One bound of a row's count.
    RowCount(Rows, usize, Bound, Option<u64>),
    /// One bound of the attackers' strength (creates it if needed).
    AttackersCount(Bound, Option<u64>),
    /// No attackers' strength.
    ClearAttackers,
    /// The notes.
    Notes(String),
    /// Who reported it.
    Source(String),
}

/// One manual correction.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Labels `start..end` (code points) as `kind`: a manual entity "m<n>".
    AddSpan {
        /// First code point.
        start: usize,
        /// After the last code point.
        end: usize,
        /// The kind.
        kind: Kind,
    },
    /// Gives a span another kind (its value is read again from its text).
    Relabel {
        /// Entity id.
        id: String,
        /// New kind.
        kind: Kind,
    },
    /// Removes a span (and its mentions as evidence).
    DeleteSpan {
        /// Entity id.
        id: String,
    },
    /// Moves a span's ends.
    ResizeSpan {
        /// Entity id.
        id: String,
        /// New start.
        start: usize,
        /// New end.
        end: usize,
    },
    /// Replaces a span's value (of the same kind).
    EditValue {
        /// Entity id.
        id: String,
        /// New value.
        value: Value,
    },
    /// Marks an automatic span as checked.
    ConfirmSpan {
        /// Entity id.
        id: String,
    },
    /// Changes one field of an incident.
    EditIncident {
        /// Incident id.
        id: String,
        /// The change.
        edit: IncidentEdit,
    },
    /// Marks every field of an incident that nobody edited (and its evidence spans) as checked.
    ConfirmIncident {
        /// Incident id.
        id: String,
    },
    /// A new, empty incident record.
    AddIncident,
    /// Removes an incident.
    DeleteIncident {
        /// Incident id.
        id: String,
    },
    /// Folds incident `from` into incident `into`.
    MergeIncidents {
        /// Kept.
        into: String,
        /// Removed after merging.
        from: String,
    },
    /// Moves one evidence span (and the casualty rows quoting it) out of incident `id` into a
    /// new incident placed after it, which starts with the same date, place, actors and event
    /// type.
    SplitIncident {
        /// Incident split.
        id: String,
        /// The evidence span that goes to the new incident.
        evidence: String,
    },
    /// Adds an entity to an incident's evidence.
    AttachEvidence {
        /// Incident id.
        incident: String,
        /// Entity id.
        entity: String,
    },
    /// Removes an entity from an incident's evidence.
    DetachEvidence {
        /// Incident id.
        incident: String,
        /// Entity id.
        entity: String,
    },
}

/// The result of an edit: a new document, nothing to do, or a message saying why not.
pub type EditResult = Result<Option<Document>, String>;

/// Runs `edit` on `doc`. `Ok(None)` means nothing changed.
pub fn apply(doc: &Document, edit: &Edit) -> EditResult {
    let mut d = doc.clone();
    match edit {
        Edit::AddSpan { start, end, kind } => {
            let (start, end) = (*start.min(end), *start.max(end));
            let text = &doc.document.text;
            let quote = slice_chars(text, start, end)
                .ok_or_else(|| "the selection is outside the text".to_string())?;
            if quote.trim().is_empty() {
                return Err("select some text to label".into());
            }
            if doc
                .entities
                .iter()
                .any(|e| e.kind == *kind && e.start == start && e.end == end)
            {
                return Ok(None);
            }
            let offsets = Offsets::new(text);
            let e = Entity {
                id: next_id(doc.entities.iter().map(|e| e.id.as_str()), "m"),
                kind: *kind,
                start,
                end,
                start_utf16: offsets.utf16_of_char(start),
                end_utf16: offsets.utf16_of_char(end),
                text: quote.to_string(),
                rule: "manual".into(),
                origin: Origin::Manual,
                value: default_value(*kind, quote, &doc.document),
                status: Status::Edited,
            };
            d.entities.push(e);
            sort_entities(&mut d.entities);
        }
        Edit::Relabel { id, kind } => {
            let e = entity(&mut d, id)?;
            if e.kind == *kind {
                return Ok(None);
            }
            e.kind = *kind;
            e.value = default_value(*kind, &e.text.clone(), &doc.document);
            e.rule = "manual".into();
            touch(e);
        }
        Edit::DeleteSpan { id } => {
            let before = d.entities.len();
            d.entities.retain(|e| e.id != *id);
            if d.entities.len() == before {
                return Err(format!("there is no span {id}"));
            }
            for inc in &mut d.incidents {
                if inc.evidence.iter().any(|x| x == id) {
                    inc.evidence.retain(|x| x != id);
                    inc.review.insert("evidence".into(), Status::Edited);
                }
            }
        }
        Edit::ResizeSpan { id, start, end } => {
            let (start, end) = (*start.min(end), *start.max(end));
            let text = d.document.text.clone();
            let quote = slice_chars(&text, start, end)
                .ok_or_else(|| "the span would leave the text".to_string())?;
            if quote.trim().is_empty() {
                return Err("a span cannot be empty".into());
            }
            let e = entity(&mut d, id)?;
            if e.start == start && e.end == end {
                return Ok(None);
            }
            let offsets = Offsets::new(&text);
            e.start = start;
            e.end = end;
            e.start_utf16 = offsets.utf16_of_char(start);
            e.end_utf16 = offsets.utf16_of_char(end);
            e.text = quote.to_string();
            touch(e);
            sort_entities(&mut d.entities);
        }
        Edit::EditValue { id, value } => {
            let e = entity(&mut d, id)?;
            if value.kind() != e.kind {
                return Err(format!(
                    "span {id} is a {}, not a {}",
                    e.kind.as_str(),
                    value.kind().as_str()
                ));
            }
            if e.value == *value {
                return Ok(None);
            }
            e.value = value.clone();
            touch(e);
        }
        Edit::ConfirmSpan { id } => {
            let e = entity(&mut d, id)?;
            if e.status != Status::Auto {
                return Ok(None);
            }
            e.status = Status::Confirmed;
        }
        Edit::EditIncident { id, edit } => {
            let inc = incident(&mut d, id)?;
            let field = edit_incident(inc, edit)?;
            for f in field {
                inc.review.insert(f.to_string(), Status::Edited);
            }
        }
        Edit::ConfirmIncident { id } => {
            let inc = incident(&mut d, id)?;
            for f in FIELDS {
                inc.review.entry(f.to_string()).or_insert(Status::Confirmed);
            }
            let evidence = inc.evidence.clone();
            for e in &mut d.entities {
                if e.status == Status::Auto && evidence.contains(&e.id) {
                    e.status = Status::Confirmed;
                }
            }
        }
        Edit::AddIncident => {
            let id = next_id(doc.incidents.iter().map(|i| i.id.as_str()), "i");
            d.incidents.push(Incident {
                id,
                review: FIELDS
                    .iter()
                    .map(|f| (f.to_string(), Status::Edited))
                    .collect(),
                ..Incident::default()
            });
        }
        Edit::DeleteIncident { id } => {
            let before = d.incidents.len();
            d.incidents.retain(|i| i.id != *id);
            if d.incidents.len() == before {
                return Err(format!("there is no incident {id}"));
            }
        }
        Edit::MergeIncidents { into, from } => {
            if into == from {
                return Ok(None);
            }
            let pos = d
                .incidents
                .iter()
                .position(|i| i.id == *from)
                .ok_or_else(|| format!("there is no incident {from}"))?;
            let src = d.incidents.remove(pos);
            let dst = incident(&mut d, into)?;
            merge(dst, src);
        }
        Edit::SplitIncident { id, evidence } => {
            let pos = d
                .incidents
                .iter()
                .position(|i| i.id == *id)
                .ok_or_else(|| format!("there is no incident {id}"))?;
            let quote = d
                .entities
                .iter()
                .find(|e| e.id == *evidence)
                .map(|e| e.text.clone())
                .ok_or_else(|| format!("there is no span {evidence}"))?;
            let new_id = next_id(doc.incidents.iter().map(|i| i.id.as_str()), "i");
            let src = &mut d.incidents[pos];
            if !src.evidence.contains(evidence) {
                return Err(format!("span {evidence} is not evidence of incident {id}"));
            }
            src.evidence.retain(|x| x != evidence);
            let mut moved: [Vec<CasualtyRow>; 3] = Default::default();
            for (k, r) in [Rows::Killed, Rows::Injured, Rows::Missing]
                .into_iter()
                .enumerate()
            {
                let list = rows(src, r);
                let (go, stay): (Vec<_>, Vec<_>) = list
                    .drain(..)
                    .partition(|row| !quote.is_empty() && row.text == quote);
                *list = stay;
                if !go.is_empty() {
                    src.review.insert(r.field().into(), Status::Edited);
                }
                moved[k] = go;
            }
            src.fatalities = Incident::total_fatalities(&src.killed);
            src.review.insert("evidence".into(), Status::Edited);
            src.review.insert("fatalities".into(), Status::Edited);
            let [killed, injured, missing_or_abducted] = moved;
            let fatalities = Incident::total_fatalities(&killed);
            let new = Incident {
                id: new_id,
                date: src.date.clone(),
                location: src.location.clone(),
                perpetrators: src.perpetrators.clone(),
                targets: src.targets.clone(),
                event_type: src.event_type.clone(),
                sub_event_type: src.sub_event_type.clone(),
                killed,
                injured,
                missing_or_abducted,
                attackers: None,
                fatalities,
                evidence: vec![evidence.clone()],
                notes: format!("Split from {id}."),
                source: src.source.clone(),
                review: FIELDS
                    .iter()
                    .map(|f| (f.to_string(), Status::Edited))
                    .collect(),
            };
            d.incidents.insert(pos + 1, new);
        }
        Edit::AttachEvidence {
            incident: i,
            entity: e,
        } => {
            if !d.entities.iter().any(|x| x.id == *e) {
                return Err(format!("there is no span {e}"));
            }
            let inc = incident(&mut d, i)?;
            if inc.evidence.contains(e) {
                return Ok(None);
            }
            inc.evidence.push(e.clone());
            inc.review.insert("evidence".into(), Status::Edited);
        }
        Edit::DetachEvidence {
            incident: i,
            entity: e,
        } => {
            let inc = incident(&mut d, i)?;
            if !inc.evidence.contains(e) {
                return Ok(None);
            }
            inc.evidence.retain(|x| x != e);
            inc.review.insert("evidence".into(), Status::Edited);
        }
    }
    if d == *doc {
        return Ok(None);
    }
    Ok(Some(d))
}

fn touch(e: &mut Entity) {
    e.origin = Origin::Manual;
    e.status = Status::Edited;
}

fn entity<'a>(d: &'a mut Document, id: &str) -> Result<&'a mut Entity, String> {
    d.entities
        .iter_mut()
        .find(|e| e.id == id)
        .ok_or_else(|| format!("there is no span {id}"))
}

fn incident<'a>(d: &'a mut Document, id: &str) -> Result<&'a mut Incident, String> {
    d.incidents
        .iter_mut()
        .find(|e| e.id == id)
        .ok_or_else(|| format!("there is no incident {id}"))
}

/// `prefix` + one more than the largest number already used after it.
fn next_id<'a>(ids: impl Iterator<Item = &'a str>, prefix: &str) -> String {
    let n = ids
        .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", n.saturating_add(1))
}

/// Start order, longer first (as extraction sorts them).
fn sort_entities(es: &mut [Entity]) {
    es.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
}

/// A sensible value of `kind` for `quote`: what extraction reads from the quote alone when it
/// finds that kind there, else the quote's words (a count parsed where one fits).
pub fn default_value(kind: Kind, quote: &str, meta: &Meta) -> Value {
    let found = extract::extract(quote, &meta.context())
        .entities
        .into_iter()
        .find(|e| e.kind == kind)
        .map(|e| e.value);
    if let Some(v) = found {
        return v;
    }
    let name = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let (count, rest) = leading_count(&name);
    match kind {
        Kind::Date => {
            let day = meta
                .published
                .clone()
                .filter(|p| format::is_iso_date(p))
                .unwrap_or_else(|| "--01-01".into());
            Value::Date(DateValue {
                start: day.clone(),
                end: day,
                precision: DatePrecision::Day,
                time: None,
            })
        }
        Kind::Location => Value::Location(Place {
            name,
            ..Place::default()
        }),
        Kind::Actor => Value::Actor(ActorValue {
            name,
            ..ActorValue::default()
        }),
        Kind::Casualty => Value::Casualty(CasualtyValue {
            outcome: outcome_of(quote),
            who: rest,
            side: Side::Unknown,
            count,
        }),
        Kind::Figure => Value::Figure(FigureValue { what: rest, count }),
        Kind::Weapon => Value::Weapon(WeaponValue {
            name,
            category: "other".into(),
        }),
        Kind::Source => Value::Source(SourceValue {
            name,
            category: "other".into(),
        }),
    }
}

/// The first run of words (longest first) that parses as a count, and the words after it; the
/// whole text and an empty count when none does.
fn leading_count(s: &str) -> (Count, String) {
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    for i in 0..words.len() {
        for n in (1..=(words.len() - i).min(6)).rev() {
            if let Some(c) = parse_count(&words[i..i + n].join(" ")) {
                return (c, words[i + n..].join(" "));
            }
        }
    }
    (Count::default(), s.to_string())
}

/// The outcome a casualty quote names ("wounded" → injured), killed when it names none.
fn outcome_of(quote: &str) -> Outcome {
    let q = quote.to_lowercase();
    let has = |ws: &[&str]| ws.iter().any(|w| q.contains(w));
    if has(&["wound", "injur", "hurt"]) {
        Outcome::Injured
    } else if has(&["abduct", "kidnap", "hostage", "seized"]) {
        Outcome::Abducted
    } else if has(&["missing", "disappear"]) {
        Outcome::Missing
    } else {
        Outcome::Killed
    }
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn set_bound(
    low: &mut Option<u64>,
    best: &mut Option<u64>,
    high: &mut Option<u64>,
    b: Bound,
    v: Option<u64>,
) {
    match b {
        Bound::Low => *low = v,
        Bound::Best => *best = v,
        Bound::High => *high = v,
    }
}

fn rows(inc: &mut Incident, r: Rows) -> &mut Vec<CasualtyRow> {
    match r {
        Rows::Killed => &mut inc.killed,
        Rows::Injured => &mut inc.injured,
        Rows::Missing => &mut inc.missing_or_abducted,
    }
}

fn row(inc: &mut Incident, r: Rows, i: usize) -> Result<&mut CasualtyRow, String> {
    rows(inc, r)
        .get_mut(i)
        .ok_or_else(|| format!("there is no row {} in {}", i + 1, r.field()))
}

/// Applies one field edit; returns the fields it changed.
fn edit_incident(inc: &mut Incident, edit: &IncidentEdit) -> Result<Vec<&'static str>, String> {
    use IncidentEdit as E;
    let iso = |s: &str| -> Result<String, String> {
        let s = s.trim();
        if format::is_iso_date(s) {
            Ok(s.to_string())
        } else {
            Err(format!(
                "{s:?} is not a date of the form YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD"
            ))
        }
    };
    let mut fields = Vec::new();
    match edit {
        E::DateStart(s) | E::DateEnd(s) => {
            let v = iso(s)?;
            let d = inc.date.get_or_insert_with(|| IncidentDate {
                start: v.clone(),
                end: v.clone(),
                precision: DatePrecision::Day,
            });
            if matches!(edit, E::DateStart(_)) {
                d.start = v;
            } else {
                d.end = v;
            }
            fields.push("date");
        }
        E::DatePrecision(p) => {
            let d = inc
                .date
                .as_mut()
                .ok_or_else(|| "set a date first".to_string())?;
            d.precision = *p;
            fields.push("date");
        }
        E::ClearDate => {
            inc.date = None;
            fields.push("date");
        }
        E::LocationName(s) => {
            inc.location
                .get_or_insert_with(IncidentLocation::default)
                .name = s.trim().to_string();
            fields.push("location");
        }
        E::Admin1(_) | E::Country(_) | E::Lat(_) | E::Lon(_) if inc.location.is_none() => {
            return Err("set a place name first".into());
        }
        E::Admin1(s) => {
            if let Some(l) = inc.location.as_mut() {
                l.admin1 = non_empty(s);
            }
            fields.push("location");
        }
        E::Country(s) => {
            if let Some(l) = inc.location.as_mut() {
                l.country = non_empty(s);
                l.country_code = None;
            }
            fields.push("location");
        }
        E::Lat(v) | E::Lon(v) => {
            let lat = matches!(edit, E::Lat(_));
            let limit = if lat { 90.0 } else { 180.0 };
            if let Some(x) = v {
                if !x.is_finite() || x.abs() > limit {
                    return Err(format!(
                        "{} must be between -{limit} and {limit}",
                        if lat { "latitude" } else { "longitude" }
                    ));
                }
            }
            if let Some(l) = inc.location.as_mut() {
                if lat {
                    l.lat = *v;
                } else {
                    l.lon = *v;
                }
            }
            fields.push("location");
        }
        E::LocationPrecision(p) => {
            let l = inc
                .location
                .as_mut()
                .ok_or_else(|| "set a place name first".to_string())?;
            l.precision = *p;
            fields.push("location");
        }
        E::ClearLocation => {
            inc.location = None;
            fields.push("location");
        }
        E::AddPerpetrator => {
            inc.perpetrators.push(Perpetrator::default());
            fields.push("perpetrators");
        }
        E::RemovePerpetrator(i)
        | E::PerpetratorName(i, _)
        | E::PerpetratorSide(i, _)
        | E::PerpetratorPick(i, _, _)
            if *i >= inc.perpetrators.len() =>
        {
            return Err(format!("there is no perpetrator {}", i + 1));
        }
        E::RemovePerpetrator(i) => {
            inc.perpetrators.remove(*i);
            fields.push("perpetrators");
        }
        E::PerpetratorName(i, s) => {
            inc.perpetrators[*i].name = s.trim().to_string();
            fields.push("perpetrators");
        }
        E::PerpetratorSide(i, side) => {
            inc.perpetrators[*i].side = *side;
            fields.push("perpetrators");
        }
        E::PerpetratorPick(i, name, side) => {
            let p = &mut inc.perpetrators[*i];
            p.name = name.trim().to_string();
            p.side = *side;
            fields.push("perpetrators");
        }
        E::AddTarget => {
            inc.targets.push(Target::default());
            fields.push("targets");
        }
        E::RemoveTarget(i) | E::TargetName(i, _) | E::TargetSide(i, _) | E::TargetPick(i, _, _)
            if *i >= inc.targets.len() =>
        {
            return Err(format!("there is no target {}", i + 1));
        }
        E::RemoveTarget(i) => {
            inc.targets.remove(*i);
            fields.push("targets");
        }
        E::TargetName(i, s) => {
            inc.targets[*i].name = s.trim().to_string();
            fields.push("targets");
        }
        E::TargetSide(i, side) => {
            inc.targets[*i].side = *side;
            fields.push("targets");
        }
        E::TargetPick(i, name, side) => {
            let t = &mut inc.targets[*i];
            t.name = name.trim().to_string();
            t.side = *side;
            fields.push("targets");
        }
        E::EventType(t) => {
            if !t.is_empty() && !EVENT_TYPES.contains(&t.as_str()) {
                return Err(format!("{t:?} is not one of ACLED's event types"));
            }
            inc.event_type = t.clone();
            fields.push("event_type");
            if !inc.sub_event_type.is_empty() && !valid_pair(&inc.sub_event_type, t) {
                inc.sub_event_type.clear();
                fields.push("sub_event_type");
            }
        }
        E::SubEventType(s) => {
            if !s.is_empty() && !valid_pair(s, &inc.event_type) {
                return Err(format!(
                    "{s:?} is not a sub-event type of {:?}",
                    inc.event_type
                ));
            }
            inc.sub_event_type = s.clone();
            fields.push("sub_event_type");
        }
        E::AddRow(r) => {
            rows(inc, *r).push(CasualtyRow::default());
            fields.push(r.field());
        }
        E::RemoveRow(r, i) => {
            row(inc, *r, *i)?;
            rows(inc, *r).remove(*i);
            fields.push(r.field());
        }
        E::RowWho(r, i, s) => {
            row(inc, *r, *i)?.who = s.trim().to_string();
            fields.push(r.field());
        }
        E::RowSide(r, i, side) => {
            row(inc, *r, *i)?.side = *side;
            fields.push(r.field());
        }
        E::RowCount(r, i, b, v) => {
            let x = row(inc, *r, *i)?;
            set_bound(&mut x.low, &mut x.best, &mut x.high, *b, *v);
            fields.push(r.field());
        }
        E::AttackersCount(b, v) => {
            let a = inc.attackers.get_or_insert_with(Attackers::default);
            set_bound(&mut a.low, &mut a.best, &mut a.high, *b, *v);
            fields.push("attackers");
        }
        E::ClearAttackers => {
            inc.attackers = None;
            fields.push("attackers");
        }
        E::Notes(s) => {
            inc.notes = s.clone();
            fields.push("notes");
        }
        E::Source(s) => {
            inc.source = s.trim().to_string();
            fields.push("source");
        }
    }
    if fields.contains(&"killed") {
        let total = Incident::total_fatalities(&inc.killed);
        if total != inc.fatalities {
            inc.fatalities = total;
            fields.push("fatalities");
        }
    }
    Ok(fields)
}

fn valid_pair(sub: &str, event: &str) -> bool {
    SUB_EVENT_TYPES.iter().any(|&(s, t)| s == sub && t == event)
}

/// Folds `src` into `dst`: actors and evidence joined without repeats, rows appended (total
/// recomputed), empty fields of `dst` taken from `src`, notes joined.
fn merge(dst: &mut Incident, src: Incident) {
    let mut edited: Vec<&str> = Vec::new();
    if dst.date.is_none() && src.date.is_some() {
        dst.date = src.date;
        edited.push("date");
    }
    if dst.location.is_none() && src.location.is_some() {
        dst.location = src.location;
        edited.push("location");
    }
    for p in src.perpetrators {
        if !dst.perpetrators.iter().any(|q| q.name == p.name) {
            dst.perpetrators.push(p);
            edited.push("perpetrators");
        }
    }
    for t in src.targets {
        if !dst.targets.iter().any(|q| q.name == t.name) {
            dst.targets.push(t);
            edited.push("targets");
        }
    }
    if dst.event_type.is_empty() && !src.event_type.is_empty() {
        dst.event_type = src.event_type;
        dst.sub_event_type = src.sub_event_type;
        edited.extend(["event_type", "sub_event_type"]);
    }
    for (r, rs) in [
        (Rows::Killed, src.killed),
        (Rows::Injured, src.injured),
        (Rows::Missing, src.missing_or_abducted),
    ] {
        if !rs.is_empty() {
            rows(dst, r).extend(rs);
            edited.push(r.field());
        }
    }
    if dst.attackers.is_none() && src.attackers.is_some() {
        dst.attackers = src.attackers;
        edited.push("attackers");
    }
    for e in src.evidence {
        if !dst.evidence.contains(&e) {
            dst.evidence.push(e);
            edited.push("evidence");
        }
    }
    if !src.notes.is_empty() {
        if !dst.notes.is_empty() {
            dst.notes.push_str("; ");
        }
        dst.notes.push_str(&src.notes);
        edited.push("notes");
    }
    for name in src.source.split("; ").filter(|n| !n.is_empty()) {
        if !dst.source.split("; ").any(|d| d.eq_ignore_ascii_case(name)) {
            if !dst.source.is_empty() {
                dst.source.push_str("; ");
            }
            dst.source.push_str(name);
            edited.push("source");
        }
    }
    let total = Incident::total_fatalities(&dst.killed);
    if total != dst.fatalities {
        dst.fatalities = total;
        edited.push("fatalities");
    }
    for f in edited {
        dst.review.insert(f.to_string(), Status::Edited);
    }
}

/// What [`reextract`] gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Reextracted {
    /// The new document.
    pub doc: Document,
    /// Manual spans whose quote no longer occurs (with their old offsets and text).
    pub lost: Vec<Entity>,
    /// Deletions still anchored in the new text.
    pub deleted: Vec<Deleted>,
}

/// Re-runs extraction for `meta` (new text) and carries over the person's work from `old`:
/// manual spans move with their quote (or go to `lost`), deleted automatic spans stay
/// deleted, confirmed spans stay confirmed, edited incident fields keep their values, and
/// hand-made incidents are kept whole.
pub fn reextract(old: &Document, meta: Meta, deleted: &[Deleted]) -> Reextracted {
    let old_text = &old.document.text;
    let mut doc = format::annotate(meta);
    let text = doc.document.text.clone();
    let offsets = Offsets::new(&text);
    let moved = |start: usize, end: usize| -> Option<(usize, usize)> {
        if old_text == &text {
            return Some((start, end));
        }
        reanchor(&Anchor::new(old_text, start, end)?, &text)
    };

    // Deletions: drop the automatic spans they name.
    let mut still = Vec::new();
    for del in deleted {
        let Some((s, e)) = reanchor(&del.anchor, &text) else {
            continue;
        };
        doc.entities
            .retain(|x| !(x.kind == del.kind && x.start == s && x.end == e));
        if let Some(d) = Deleted::of(
            &Entity {
                start: s,
                end: e,
                ..dummy(del.kind)
            },
            &text,
        ) {
            still.push(d);
        }
    }

    // Confirmations of automatic spans.
    for e in old.entities.iter().filter(|e| e.origin == Origin::Auto) {
        if e.status == Status::Auto {
            continue;
        }
        if let Some((s, t)) = moved(e.start, e.end) {
            for x in doc.entities.iter_mut() {
                if x.kind == e.kind && x.start == s && x.end == t {
                    x.status = e.status;
                }
            }
        }
    }

    // Manual and edited spans.
    let mut lost = Vec::new();
    let mut kept = Vec::new();
    // Old entity id → the id of the same span in the new document (ids follow the text's
    // order, so text added above renumbers every span below it).
    let mut renamed: HashMap<String, String> = HashMap::new();
    for e in old.entities.iter().filter(|e| e.origin == Origin::Manual) {
        match moved(e.start, e.end) {
            Some((s, t)) => {
                let mut m = e.clone();
                m.start = s;
                m.end = t;
                m.start_utf16 = offsets.utf16_of_char(s);
                m.end_utf16 = offsets.utf16_of_char(t);
                if let Some(q) = slice_chars(&text, s, t) {
                    m.text = q.to_string();
                }
                kept.push(m);
            }
            None => lost.push(e.clone()),
        }
    }
    // A manual span replaces an automatic one of its kind at the same place.
    doc.entities.retain(|x| {
        !kept
            .iter()
            .any(|m| m.kind == x.kind && m.start == x.start && x.end == m.end)
    });
    // Ids must stay unique: a manual span that kept an automatic id gets a fresh "m" id.
    for m in &mut kept {
        let was = m.id.clone();
        if doc.entities.iter().any(|x| x.id == m.id) {
            let id = next_id(
                doc.entities
                    .iter()
                    .map(|x| x.id.as_str())
                    .chain(old.entities.iter().map(|x| x.id.as_str())),
                "m",
            );
            m.id = id;
        }
        renamed.insert(was, m.id.clone());
        doc.entities.push(m.clone());
    }
    sort_entities(&mut doc.entities);

    // Automatic spans found again at their moved place: their old id → their new one. A span
    // that touches the edited stretch is not followed (searching the text for each quote
    // would cost a pass per span when a whole article is replaced).
    let shift = Shift::new(old_text, &text);
    let found: HashMap<(Kind, usize, usize), &str> = doc
        .entities
        .iter()
        .map(|x| ((x.kind, x.start, x.end), x.id.as_str()))
        .collect();
    for e in old.entities.iter().filter(|e| e.origin == Origin::Auto) {
        let place = shift.map(e.start, e.end);
        if let Some(id) = place.and_then(|(s, t)| found.get(&(e.kind, s, t))) {
            renamed.insert(e.id.clone(), (*id).to_string());
        }
    }
    carry_incidents(&old.incidents, &mut doc.incidents, &renamed);
    let ids: std::collections::HashSet<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
    for inc in &mut doc.incidents {
        inc.evidence.retain(|e| ids.contains(e.as_str()));
    }
    Reextracted {
        doc,
        lost,
        deleted: still,
    }
}

/// Lays the person's work on `old` incidents over freshly extracted `new` ones: edited fields
/// win (and keep their state), confirmations are carried, records every field of which is the
/// person's are kept whole, and so is an edited record extraction no longer produces.
///
/// An old record is the new one that rests on most of the same spans (`renamed` gives each old
/// entity id its id in the new document); ids do not say it, since they follow the text's order
/// and text added above renumbers them. A record with no span in common with any new one
/// (one made by hand) matches none. Carried evidence is renamed, and loses spans that are gone.
fn carry_incidents(old: &[Incident], new: &mut Vec<Incident>, renamed: &HashMap<String, String>) {
    let mut claimed = vec![false; new.len()];
    let mut unmatched = Vec::new();
    for o in old {
        if o.review.is_empty() {
            continue;
        }
        let edited: Vec<&String> = o
            .review
            .iter()
            .filter(|(_, s)| **s == Status::Edited)
            .map(|(f, _)| f)
            .collect();
        let mut o = o.clone();
        o.evidence = o
            .evidence
            .iter()
            .filter_map(|id| renamed.get(id).cloned())
            .collect();
        let best = new
            .iter()
            .enumerate()
            .filter(|(i, _)| !claimed[*i])
            .map(|(i, n)| {
                let shared = n
                    .evidence
                    .iter()
                    .filter(|id| o.evidence.contains(id))
                    .count();
                (shared, n.id == o.id, std::cmp::Reverse(i))
            })
            .filter(|(shared, _, _)| *shared > 0)
            .max();
        match best {
            Some((_, _, std::cmp::Reverse(i))) => {
                claimed[i] = true;
                let n = &mut new[i];
                if edited.len() < FIELDS.len() {
                    for f in &edited {
                        copy_field(n, &o, f);
                    }
                    n.review
                        .extend(o.review.iter().map(|(f, s)| (f.clone(), *s)));
                } else {
                    let id = std::mem::take(&mut n.id);
                    *n = o;
                    n.id = id;
                }
            }
            None if !edited.is_empty() => unmatched.push(o),
            None => {}
        }
    }
    for mut o in unmatched {
        if new.iter().any(|n| n.id == o.id) {
            o.id = next_id(new.iter().map(|n| n.id.as_str()), "i");
        }
        new.push(o);
    }
}

fn dummy(kind: Kind) -> Entity {
    Entity {
        id: String::new(),
        kind,
        start: 0,
        end: 0,
        start_utf16: 0,
        end_utf16: 0,
        text: String::new(),
        rule: String::new(),
        origin: Origin::Auto,
        value: default_value_blank(kind),
        status: Status::Auto,
    }
}

fn default_value_blank(kind: Kind) -> Value {
    match kind {
        Kind::Date => Value::Date(DateValue::default()),
        Kind::Location => Value::Location(Place::default()),
        Kind::Actor => Value::Actor(ActorValue::default()),
        Kind::Casualty => Value::Casualty(CasualtyValue::default()),
        Kind::Figure => Value::Figure(FigureValue::default()),
        Kind::Weapon => Value::Weapon(WeaponValue::default()),
        Kind::Source => Value::Source(SourceValue::default()),
    }
}

fn copy_field(n: &mut Incident, o: &Incident, f: &str) {
    match f {
        "date" => n.date = o.date.clone(),
        "location" => n.location = o.location.clone(),
        "perpetrators" => n.perpetrators = o.perpetrators.clone(),
        "targets" => n.targets = o.targets.clone(),
        "event_type" => n.event_type = o.event_type.clone(),
        "sub_event_type" => n.sub_event_type = o.sub_event_type.clone(),
        "killed" => n.killed = o.killed.clone(),
        "injured" => n.injured = o.injured.clone(),
        "missing_or_abducted" => n.missing_or_abducted = o.missing_or_abducted.clone(),
        "attackers" => n.attackers = o.attackers.clone(),
        "fatalities" => n.fatalities = o.fatalities,
        "evidence" => n.evidence = o.evidence.clone(),
        "notes" => n.notes = o.notes.clone(),
        "source" => n.source = o.source.clone(),
        _ => {}
    }
    if !valid_pair(&n.sub_event_type, &n.event_type) && !n.sub_event_type.is_empty() {
        n.sub_event_type.clear();
    }
    if f == "killed" {
        n.fatalities = Incident::total_fatalities(&n.killed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "On Monday gunmen killed 12 soldiers and wounded 3 civilians near Ouallam in Niger.";

    fn meta(text: &str) -> Meta {
        Meta {
            text: text.into(),
            published: Some("2025-02-10".into()),
            ..Meta::default()
        }
    }

    /// The text's document without its automatic incidents (the tests add their own).
    fn base() -> Document {
        let mut d = format::annotate(meta(TEXT));
        d.incidents.clear();
        d
    }

    /// Code point range of the first `needle` in `text`.
    fn at(text: &str, needle: &str) -> (usize, usize) {
        let b = text.find(needle).expect("needle in text");
        let s = text[..b].chars().count();
        (s, s + needle.chars().count())
    }

    fn ok(doc: &Document, e: Edit) -> Document {
        let dbg = format!("{e:?}");
        apply(doc, &e)
            .unwrap_or_else(|m| panic!("{dbg}: {m}"))
            .unwrap_or_else(|| panic!("{dbg}: no change"))
    }

    fn by_text<'a>(doc: &'a Document, t: &str) -> &'a Entity {
        doc.entities.iter().find(|e| e.text == t).expect("entity")
    }

    /// A document with one hand-made incident "i1" that has one killed row.
    fn with_incident() -> Document {
        let d = ok(&base(), Edit::AddIncident);
        let d = ok(
            &d,
            Edit::EditIncident {
                id: "i1".into(),
                edit: IncidentEdit::AddRow(Rows::Killed),
            },
        );
        ok(
            &d,
            Edit::EditIncident {
                id: "i1".into(),
                edit: IncidentEdit::RowCount(Rows::Killed, 0, Bound::Best, Some(12)),
            },
        )
    }

    #[test]
    fn added_spans_get_manual_ids_and_sensible_values() {
        // (selected text, kind, expected value summary)
        let cases = [
            (
                "12 soldiers",
                Kind::Casualty,
                "12 soldiers: killed (unknown)",
            ),
            (
                "wounded 3 civilians near",
                Kind::Casualty,
                "3 civilians: injured (civilian)",
            ),
            (
                "and wounded 3",
                Kind::Casualty,
                "3 people: injured (unknown)",
            ),
            ("3 civilians", Kind::Figure, "3 civilians"),
            ("gunmen killed", Kind::Actor, "gunmen (rebel)"),
            ("in Niger", Kind::Actor, "in Niger (unknown)"),
            ("On Monday", Kind::Date, "2025-02-10"),
            (
                "near Ouallam",
                Kind::Location,
                "Ouallam, Tillabéri, Niger (town)",
            ),
            ("soldiers", Kind::Weapon, "soldiers (other)"),
            ("Niger", Kind::Source, "Niger (other)"),
        ];
        for (quote, kind, summary) in cases {
            let (s, e) = at(TEXT, quote);
            let d = ok(
                &base(),
                Edit::AddSpan {
                    start: s,
                    end: e,
                    kind,
                },
            );
            let m = d.entities.iter().find(|x| x.id == "m1").expect("m1");
            assert_eq!(
                (m.kind, m.text.as_str(), m.rule.as_str(), m.origin, m.status),
                (kind, quote, "manual", Origin::Manual, Status::Edited),
                "{quote}"
            );
            assert_eq!(m.value.summary(), summary, "{quote}");
            // The export is still a valid document and carries the status.
            let json = format::to_json(&d);
            assert!(json.contains("\"status\": \"edited\""), "{quote}");
            assert_eq!(format::parse(&json).as_ref(), Ok(&d), "{quote}");
        }
        // Ids count up; a reversed selection is the same span; a repeat changes nothing.
        let (s, e) = at(TEXT, "near");
        let d = ok(
            &base(),
            Edit::AddSpan {
                start: e,
                end: s,
                kind: Kind::Figure,
            },
        );
        let d = ok(
            &d,
            Edit::AddSpan {
                start: 0,
                end: 2,
                kind: Kind::Figure,
            },
        );
        assert!(d.entities.iter().any(|x| x.id == "m2" && x.text == "On"));
        assert_eq!(by_text(&d, "near").id, "m1");
        assert_eq!(
            apply(
                &d,
                &Edit::AddSpan {
                    start: 0,
                    end: 2,
                    kind: Kind::Figure
                }
            ),
            Ok(None)
        );
    }

    #[test]
    fn bad_edits_are_refused_with_a_reason() {
        let d = with_incident();
        let n = TEXT.chars().count();
        let cases = [
            Edit::AddSpan {
                start: n,
                end: n + 3,
                kind: Kind::Date,
            },
            Edit::AddSpan {
                start: 2,
                end: 3,
                kind: Kind::Date,
            }, // a space
            Edit::Relabel {
                id: "nope".into(),
                kind: Kind::Date,
            },
            Edit::DeleteSpan { id: "nope".into() },
            Edit::ResizeSpan {
                id: "e1".into(),
                start: 0,
                end: n + 1,
            },
            Edit::EditValue {
                id: "e1".into(),
                value: default_value_blank(Kind::Actor),
            },
            Edit::EditIncident {
                id: "i9".into(),
                edit: IncidentEdit::Notes("x".into()),
            },
            Edit::EditIncident {
                id: "i1".into(),
                edit: IncidentEdit::DateStart("10/02/2025".into()),
            },
            Edit::EditIncident {
                id: "i1".into(),
                edit: IncidentEdit::DatePrecision(DatePrecision::Month),
            },
            Edit::EditIncident {
                id: "i1".into(),
                edit: IncidentEdit::Admin1("Tahoua".into()),
            },
            Edit::EditIncident {
                id: "i1".into(),
                edit: IncidentEdit::EventType("Skirmish".into()),
            },
            Edit::EditIncident {
                id: "i1".into(),
                edit: IncidentEdit::SubEventType("Armed clash".into()),
            },
            Edit::EditIncident {
                id: "i1".into(),
                edit: IncidentEdit::RemovePerpetrator(0),
            },
            Edit::EditIncident {
                id: "i1".into(),
                edit: IncidentEdit::RowWho(Rows::Injured, 0, "x".into()),
            },
            Edit::AttachEvidence {
                incident: "i1".into(),
                entity: "e99".into(),
            },
            Edit::MergeIncidents {
                into: "i1".into(),
                from: "i7".into(),
            },
            Edit::DeleteIncident { id: "i7".into() },
        ];
        for e in cases {
            let dbg = format!("{e:?}");
            let r = apply(&d, &e);
            assert!(matches!(&r, Err(m) if !m.is_empty()), "{dbg}: {r:?}");
        }
    }

    #[test]
    fn span_edits() {
        let d = base();
        let e3 = by_text(&d, "killed 12 soldiers").clone();
        // Relabel: new kind, value read again, manual.
        let r = ok(
            &d,
            Edit::Relabel {
                id: e3.id.clone(),
                kind: Kind::Figure,
            },
        );
        let x = r.entities.iter().find(|x| x.id == e3.id).expect("kept id");
        assert_eq!(
            (x.kind, x.origin, x.status),
            (Kind::Figure, Origin::Manual, Status::Edited)
        );
        assert!(
            matches!(&x.value, Value::Figure(f) if f.count == Count::exact(12)),
            "{:?}",
            x.value
        );
        assert_eq!(
            apply(
                &r,
                &Edit::Relabel {
                    id: e3.id.clone(),
                    kind: Kind::Figure
                }
            ),
            Ok(None)
        );
        // Resize: offsets, UTF-16 offsets and text follow.
        let (s, e) = at(TEXT, "12 soldiers");
        let r = ok(
            &d,
            Edit::ResizeSpan {
                id: e3.id.clone(),
                start: s,
                end: e,
            },
        );
        let x = r.entities.iter().find(|x| x.id == e3.id).expect("kept id");
        assert_eq!((x.start, x.end, x.text.as_str()), (s, e, "12 soldiers"));
        assert!(format::validate(&r).is_ok());
        // Edit value.
        let mut v = match &e3.value {
            Value::Casualty(c) => c.clone(),
            other => panic!("{other:?}"),
        };
        v.count = Count::at_least(14);
        let r = ok(
            &d,
            Edit::EditValue {
                id: e3.id.clone(),
                value: Value::Casualty(v),
            },
        );
        let x = r.entities.iter().find(|x| x.id == e3.id).expect("kept id");
        assert_eq!(x.value.summary(), "14–? soldiers: killed (state)");
        // Delete: gone, and gone from evidence.
        let w = ok(
            &with_incident(),
            Edit::AttachEvidence {
                incident: "i1".into(),
                entity: e3.id.clone(),
            },
        );
        let r = ok(&w, Edit::DeleteSpan { id: e3.id.clone() });
        assert!(r.entities.iter().all(|x| x.id != e3.id));
        assert!(r.incidents[0].evidence.is_empty());
        assert!(format::validate(&r).is_ok());
        // Confirm.
        let r = ok(&d, Edit::ConfirmSpan { id: e3.id.clone() });
        assert_eq!(
            r.entities.iter().find(|x| x.id == e3.id).map(|x| x.status),
            Some(Status::Confirmed)
        );
        assert_eq!(
            apply(&r, &Edit::ConfirmSpan { id: e3.id.clone() }),
            Ok(None)
        );
    }

    #[test]
    fn incident_field_edits() {
        use IncidentEdit as E;
        type Check = fn(&Incident) -> bool;
        // (edits in order, field marked edited, check on the result)
        let cases: Vec<(Vec<E>, &str, Check)> = vec![
            (vec![E::DateStart("2025-02-09".into())], "date", |i| {
                i.date
                    .as_ref()
                    .is_some_and(|d| d.start == "2025-02-09" && d.end == "2025-02-09")
            }),
            (
                vec![
                    E::DateStart("2025-02".into()),
                    E::DateEnd("2025-03".into()),
                    E::DatePrecision(DatePrecision::Month),
                ],
                "date",
                |i| {
                    i.date
                        .as_ref()
                        .is_some_and(|d| d.end == "2025-03" && d.precision == DatePrecision::Month)
                },
            ),
            (
                vec![E::DateStart("2025".into()), E::ClearDate],
                "date",
                |i| i.date.is_none(),
            ),
            (
                vec![
                    E::LocationName("Ouallam".into()),
                    E::Admin1("Tillabéri".into()),
                    E::Country("Niger".into()),
                    E::Lat(Some(14.3)),
                    E::Lon(Some(2.1)),
                ],
                "location",
                |i| {
                    i.location.as_ref().is_some_and(|l| {
                        l.admin1.as_deref() == Some("Tillabéri") && l.lon == Some(2.1)
                    })
                },
            ),
            (
                vec![
                    E::LocationName("X".into()),
                    E::Admin1("A".into()),
                    E::Admin1(" ".into()),
                ],
                "location",
                |i| i.location.as_ref().is_some_and(|l| l.admin1.is_none()),
            ),
            (
                vec![
                    E::AddPerpetrator,
                    E::PerpetratorName(0, " gunmen ".into()),
                    E::PerpetratorSide(0, Side::Rebel),
                ],
                "perpetrators",
                |i| {
                    i.perpetrators.len() == 1
                        && i.perpetrators[0].name == "gunmen"
                        && i.perpetrators[0].side == Side::Rebel
                },
            ),
            (
                vec![
                    E::AddPerpetrator,
                    E::AddPerpetrator,
                    E::RemovePerpetrator(1),
                ],
                "perpetrators",
                |i| i.perpetrators.len() == 1,
            ),
            (
                vec![
                    E::AddTarget,
                    E::TargetName(0, "soldiers".into()),
                    E::TargetSide(0, Side::State),
                ],
                "targets",
                |i| i.targets[0].side == Side::State,
            ),
            (
                vec![
                    E::EventType("Battles".into()),
                    E::SubEventType("Armed clash".into()),
                ],
                "sub_event_type",
                |i| i.sub_event_type == "Armed clash",
            ),
            // Changing the event type clears a sub-event type that does not belong to it.
            (
                vec![
                    E::EventType("Battles".into()),
                    E::SubEventType("Armed clash".into()),
                    E::EventType("Riots".into()),
                ],
                "event_type",
                |i| i.event_type == "Riots" && i.sub_event_type.is_empty(),
            ),
            // Killed rows recompute the total.
            (
                vec![
                    E::AddRow(Rows::Killed),
                    E::RowCount(Rows::Killed, 1, Bound::Low, Some(3)),
                    E::RowCount(Rows::Killed, 1, Bound::Best, Some(4)),
                ],
                "fatalities",
                |i| {
                    i.fatalities.low == Some(15)
                        && i.fatalities.best == Some(16)
                        && i.fatalities.high.is_none()
                },
            ),
            (vec![E::RemoveRow(Rows::Killed, 0)], "killed", |i| {
                i.killed.is_empty() && i.fatalities == Count::exact(0)
            }),
            (
                vec![
                    E::AddRow(Rows::Injured),
                    E::RowWho(Rows::Injured, 0, "civilians".into()),
                    E::RowSide(Rows::Injured, 0, Side::Civilian),
                ],
                "injured",
                |i| i.injured[0].side == Side::Civilian && i.fatalities.best == Some(12),
            ),
            (vec![E::Source(" the army ".into())], "source", |i| {
                i.source == "the army"
            }),
            (vec![E::AddRow(Rows::Missing)], "missing_or_abducted", |i| {
                i.missing_or_abducted.len() == 1
            }),
            (
                vec![E::AttackersCount(Bound::Best, Some(40))],
                "attackers",
                |i| i.attackers.as_ref().is_some_and(|a| a.best == Some(40)),
            ),
            (
                vec![E::AttackersCount(Bound::Best, Some(40)), E::ClearAttackers],
                "attackers",
                |i| i.attackers.is_none(),
            ),
            (vec![E::Notes("the army says 10".into())], "notes", |i| {
                i.notes == "the army says 10"
            }),
        ];
        for (edits, field, check) in cases {
            let dbg = format!("{edits:?}");
            let mut d = with_incident();
            d.incidents[0].review.clear();
            for edit in edits {
                d = ok(
                    &d,
                    Edit::EditIncident {
                        id: "i1".into(),
                        edit,
                    },
                );
            }
            let inc = &d.incidents[0];
            assert!(check(inc), "{dbg}: {inc:?}");
            assert_eq!(inc.review.get(field), Some(&Status::Edited), "{dbg}");
            assert!(format::validate(&d).is_ok(), "{dbg}");
            // The fatalities total always agrees with the rows after an edit.
            assert!(
                crate::review::checks::check(&d, inc)
                    .iter()
                    .all(|f| f.check != "fatalities_match_rows"),
                "{dbg}"
            );
        }
    }

    #[test]
    fn incidents_add_merge_delete_confirm() {
        let d = with_incident();
        assert_eq!(d.incidents[0].id, "i1");
        let d = ok(&d, Edit::AddIncident);
        assert_eq!(d.incidents[1].id, "i2");
        let e1 = d.entities[0].id.clone();
        let d = ok(
            &d,
            Edit::AttachEvidence {
                incident: "i2".into(),
                entity: e1.clone(),
            },
        );
        assert_eq!(
            apply(
                &d,
                &Edit::AttachEvidence {
                    incident: "i2".into(),
                    entity: e1.clone()
                }
            ),
            Ok(None)
        );
        let d = ok(
            &d,
            Edit::EditIncident {
                id: "i2".into(),
                edit: IncidentEdit::AddRow(Rows::Killed),
            },
        );
        let d = ok(
            &d,
            Edit::EditIncident {
                id: "i2".into(),
                edit: IncidentEdit::RowCount(Rows::Killed, 0, Bound::Best, Some(3)),
            },
        );
        let d = ok(
            &d,
            Edit::EditIncident {
                id: "i2".into(),
                edit: IncidentEdit::Notes("second".into()),
            },
        );
        let m = ok(
            &d,
            Edit::MergeIncidents {
                into: "i1".into(),
                from: "i2".into(),
            },
        );
        assert_eq!(m.incidents.len(), 1);
        let i = &m.incidents[0];
        assert_eq!((i.killed.len(), i.fatalities.best), (2, Some(15)));
        assert_eq!(
            (i.evidence.clone(), i.notes.as_str()),
            (vec![e1.clone()], "second")
        );
        let x = ok(
            &d,
            Edit::DetachEvidence {
                incident: "i2".into(),
                entity: e1.clone(),
            },
        );
        assert!(x.incidents[1].evidence.is_empty());
        let x = ok(&d, Edit::DeleteIncident { id: "i1".into() });
        assert_eq!(x.incidents.len(), 1);
        // Confirm all: untouched fields become confirmed, edited stay edited, evidence spans
        // are confirmed.
        let mut c = d.clone();
        c.incidents[1].review.clear();
        c.incidents[1].review.insert("notes".into(), Status::Edited);
        let c = ok(&c, Edit::ConfirmIncident { id: "i2".into() });
        let r = &c.incidents[1].review;
        assert_eq!(r.get("notes"), Some(&Status::Edited));
        assert_eq!(r.get("date"), Some(&Status::Confirmed));
        assert_eq!(r.len(), FIELDS.len());
        assert_eq!(
            c.entities.iter().find(|x| x.id == e1).map(|x| x.status),
            Some(Status::Confirmed)
        );
        let json = format::to_json(&c);
        assert!(json.contains("\"review\""));
        assert_eq!(format::parse(&json).as_ref(), Ok(&c));
    }

    #[test]
    fn extraction_output_carries_no_review_keys() {
        let json = format::to_json(&base());
        assert!(!json.contains("\"status\""));
        assert!(!json.contains("\"review\""));
        // An older document without the keys still opens, as automatic.
        let d = format::parse(&json).expect("parses");
        assert!(d.entities.iter().all(|e| e.status == Status::Auto));
    }

    #[test]
    fn reextraction_keeps_manual_work() {
        let d = base();
        let (s, e) = at(TEXT, "3 civilians");
        let d = ok(
            &d,
            Edit::AddSpan {
                start: s,
                end: e,
                kind: Kind::Figure,
            },
        );
        let (s, e) = at(TEXT, "near Ouallam");
        let d = ok(
            &d,
            Edit::AddSpan {
                start: s,
                end: e,
                kind: Kind::Actor,
            },
        );
        let gunmen = by_text(&d, "gunmen").clone();
        let deleted = vec![Deleted::of(&gunmen, TEXT).expect("anchor")];
        let d = ok(
            &d,
            Edit::DeleteSpan {
                id: gunmen.id.clone(),
            },
        );
        let monday = by_text(&d, "Monday").id.clone();
        let d = ok(&d, Edit::ConfirmSpan { id: monday });
        let d = ok(&d, Edit::AddIncident);
        let d = ok(
            &d,
            Edit::EditIncident {
                id: "i1".into(),
                edit: IncidentEdit::Notes("kept".into()),
            },
        );

        // (new text, manual spans expected (text), lost spans expected (text))
        let cases: [(&str, &[&str], &[&str]); 3] = [
            (
                "Late on Monday gunmen killed 12 soldiers and wounded 3 civilians near Ouallam in Niger.",
                &["3 civilians", "near Ouallam"],
                &[],
            ),
            (
                "On Monday gunmen killed 12 soldiers and wounded 4 civilians near Ouallam in Niger.",
                &["near Ouallam"],
                &["3 civilians"],
            ),
            (TEXT, &["3 civilians", "near Ouallam"], &[]),
        ];
        for (text, manual, lost) in cases {
            let r = reextract(&d, meta(text), &deleted);
            let got: Vec<&str> = r
                .doc
                .entities
                .iter()
                .filter(|x| x.origin == Origin::Manual)
                .map(|x| x.text.as_str())
                .collect();
            assert_eq!(got, manual, "{text}");
            let got: Vec<&str> = r.lost.iter().map(|x| x.text.as_str()).collect();
            assert_eq!(got, lost, "{text}");
            // The deleted automatic span stays deleted, the confirmation stays.
            assert!(r.doc.entities.iter().all(|x| x.text != "gunmen"), "{text}");
            assert_eq!(r.deleted.len(), 1, "{text}");
            assert_eq!(
                by_text(&r.doc, "Monday").status,
                Status::Confirmed,
                "{text}"
            );
            // The hand-made incident survives; the document stays valid.
            assert!(r.doc.incidents.iter().any(|i| i.notes == "kept"), "{text}");
            assert_eq!(format::validate(&r.doc), Ok(()), "{text}");
            // The manual span's offsets match the new text.
            for m in r.doc.entities.iter().filter(|x| x.origin == Origin::Manual) {
                assert_eq!(slice_chars(text, m.start, m.end), Some(m.text.as_str()));
            }
        }
    }

    /// Ids follow the text's order, so text added above renumbers what follows: the person's
    /// work must stay with the record and the spans it was done on, not with the old numbers.
    #[test]
    fn manual_work_follows_its_record_when_text_above_renumbers_ids() {
        let two = "On Monday gunmen killed 12 soldiers near Ouallam in Niger.\n\n\
                   On Friday jihadists killed 5 civilians in Gao, Mali.";
        let d = format::annotate(meta(two));
        let gao = |d: &Document| -> Option<Incident> {
            d.incidents
                .iter()
                .find(|i| i.location.as_ref().is_some_and(|l| l.name == "Gao"))
                .cloned()
        };
        let old = gao(&d).expect("an incident in Gao");
        // Notes on the Gao record, and the Ouallam soldiers attached to it as evidence.
        let soldiers = d
            .entities
            .iter()
            .find(|e| e.text.contains("12 soldiers"))
            .expect("the soldiers")
            .clone();
        let d = ok(
            &d,
            Edit::EditIncident {
                id: old.id.clone(),
                edit: IncidentEdit::Notes("checked in Gao".into()),
            },
        );
        let d = ok(
            &d,
            Edit::AttachEvidence {
                incident: old.id.clone(),
                entity: soldiers.id.clone(),
            },
        );
        // (new text: a paragraph above, a paragraph between, the same text)
        let above = format!("On Sunday bandits killed 3 herders in Tahoua, Niger.\n\n{two}");
        let between = two.replace(
            "\n\nOn Friday",
            "\n\nOn Saturday rebels killed 4 police in Bouna, Ivory Coast.\n\nOn Friday",
        );
        for text in [above.as_str(), between.as_str(), two] {
            let r = reextract(&d, meta(text), &[]);
            let now = gao(&r.doc).expect("the Gao record");
            assert_eq!(now.notes, "checked in Gao", "{text}");
            let noted: Vec<&str> = r
                .doc
                .incidents
                .iter()
                .filter(|i| i.notes == "checked in Gao")
                .map(|i| i.id.as_str())
                .collect();
            assert_eq!(noted, [now.id.as_str()], "the notes on one record: {text}");
            // Its evidence names the same spans, whatever their ids now are.
            let quotes: Vec<&str> = now
                .evidence
                .iter()
                .filter_map(|id| r.doc.entities.iter().find(|e| &e.id == id))
                .map(|e| e.text.as_str())
                .collect();
            assert!(
                quotes.contains(&soldiers.text.as_str()),
                "{text}: {quotes:?}"
            );
            assert_eq!(quotes.len(), now.evidence.len(), "{text}");
            assert_eq!(format::validate(&r.doc), Ok(()), "{text}");
        }
    }

    #[test]
    fn edited_incident_fields_win_over_fresh_extraction() {
        let fresh = |notes: &str| Incident {
            id: "i1".into(),
            event_type: "Battles".into(),
            sub_event_type: "Armed clash".into(),
            notes: notes.into(),
            evidence: vec!["e1".into()],
            ..Incident::default()
        };
        let mut old = fresh("old auto");
        old.event_type = "Violence against civilians".into();
        old.sub_event_type.clear();
        old.review.insert("event_type".into(), Status::Edited);
        old.review.insert("sub_event_type".into(), Status::Edited);
        old.review.insert("date".into(), Status::Confirmed);
        // (old records, fresh records, expected (id, event type, sub-event, notes))
        type Row = (&'static str, &'static str, &'static str, &'static str);
        let cases: Vec<(Vec<Incident>, Vec<Incident>, Vec<Row>)> = vec![
            // Edited fields laid over the fresh record; the rest is fresh.
            (
                vec![old.clone()],
                vec![fresh("new auto")],
                vec![("i1", "Violence against civilians", "", "new auto")],
            ),
            // An edited record extraction no longer gives is kept.
            (
                vec![old.clone()],
                vec![],
                vec![("i1", "Violence against civilians", "", "old auto")],
            ),
            // An untouched record follows extraction.
            (vec![fresh("old auto")], vec![], vec![]),
            (
                vec![fresh("old auto")],
                vec![fresh("new auto")],
                vec![("i1", "Battles", "Armed clash", "new auto")],
            ),
            // A record made by hand rests on no span: it is not the fresh "i1", and keeps
            // its fields under a free id.
            (
                vec![Incident {
                    evidence: vec![],
                    ..old.clone()
                }],
                vec![fresh("new auto")],
                vec![
                    ("i1", "Battles", "Armed clash", "new auto"),
                    ("i2", "Violence against civilians", "", "old auto"),
                ],
            ),
        ];
        let renamed: HashMap<String, String> = [("e1".to_string(), "e1".to_string())].into();
        for (old, mut new, want) in cases {
            carry_incidents(&old, &mut new, &renamed);
            assert_eq!(new.len(), want.len());
            for (i, w) in new.iter().zip(&want) {
                assert_eq!(
                    (
                        i.id.as_str(),
                        i.event_type.as_str(),
                        i.sub_event_type.as_str(),
                        i.notes.as_str()
                    ),
                    *w
                );
            }
            for i in &new {
                if old[0].review.is_empty() || i.event_type == "Battles" {
                    assert!(i.review.is_empty());
                } else {
                    assert_eq!(i.review.get("date"), Some(&Status::Confirmed));
                    assert_eq!(i.review.get("event_type"), Some(&Status::Edited));
                }
            }
        }
    }

    #[test]
    fn hostile_selections_never_panic() {
        let text = "😀 e\u{301} مقتل 12 \r\n<b>x</b>";
        let d = format::annotate(meta(text));
        let n = text.chars().count();
        for s in 0..=n + 1 {
            for e in 0..=n + 1 {
                for k in Kind::ALL {
                    if let Ok(Some(x)) = apply(
                        &d,
                        &Edit::AddSpan {
                            start: s,
                            end: e,
                            kind: k,
                        },
                    ) {
                        assert_eq!(format::validate(&x), Ok(()));
                        let _ = reextract(&x, meta(&text[..text.len() - 1]), &[]);
                    }
                }
            }
        }
    }

    #[test]
    fn split_moves_one_evidence_span_and_its_rows() {
        // The automatic incident of TEXT rests on the killed and the wounded phrases; split
        // the wounded phrase off.
        let d = format::annotate(meta(TEXT));
        let inc = d.incidents[0].clone();
        let wounded = d
            .entities
            .iter()
            .find(|e| e.text.starts_with("wounded"))
            .expect("wounded span")
            .clone();
        assert!(inc.evidence.contains(&wounded.id), "{inc:?}");
        let s = ok(
            &d,
            Edit::SplitIncident {
                id: inc.id.clone(),
                evidence: wounded.id.clone(),
            },
        );
        assert_eq!(s.incidents.len(), d.incidents.len() + 1);
        let (a, b) = (&s.incidents[0], &s.incidents[1]);
        assert_eq!(b.id, "i2");
        assert!(!a.evidence.contains(&wounded.id));
        assert_eq!(b.evidence, vec![wounded.id.clone()]);
        assert_eq!((&b.date, &b.location), (&a.date, &a.location));
        assert_eq!(b.event_type, a.event_type);
        // Rows quoting the span moved with it; the killed rows stayed.
        let quoted = |rows: &[CasualtyRow]| rows.iter().any(|r| r.text == wounded.text);
        assert_eq!(quoted(&inc.injured), quoted(&b.injured));
        assert!(!quoted(&a.injured));
        assert_eq!(a.killed, inc.killed);
        assert_eq!(a.review.get("evidence"), Some(&Status::Edited));
        assert!(format::parse(&format::to_json(&s)).is_ok());
        // (edit, error) — refusals.
        let cases = [
            (("i9", wounded.id.as_str()), "there is no incident i9"),
            (("i1", "zz"), "there is no span zz"),
        ];
        for ((id, ev), want) in cases {
            let e = Edit::SplitIncident {
                id: id.into(),
                evidence: ev.into(),
            };
            assert_eq!(apply(&d, &e), Err(want.to_string()), "{id} {ev}");
        }
        let e = Edit::SplitIncident {
            id: "i2".into(),
            evidence: a.evidence[0].clone(),
        };
        assert!(apply(&s, &e).is_err(), "not evidence of i2");
    }

    #[test]
    fn picks_and_precision() {
        let d = ok(
            &with_incident(),
            Edit::EditIncident {
                id: "i1".into(),
                edit: IncidentEdit::AddPerpetrator,
            },
        );
        let d = ok(
            &d,
            Edit::EditIncident {
                id: "i1".into(),
                edit: IncidentEdit::AddTarget,
            },
        );
        // (edit, check)
        type Check = fn(&Incident) -> bool;
        let cases: Vec<(IncidentEdit, Check)> = vec![
            (
                IncidentEdit::PerpetratorPick(0, " JNIM ".into(), Side::Rebel),
                |i| i.perpetrators[0].name == "JNIM" && i.perpetrators[0].side == Side::Rebel,
            ),
            (
                IncidentEdit::TargetPick(0, "Niger military".into(), Side::State),
                |i| i.targets[0].name == "Niger military" && i.targets[0].side == Side::State,
            ),
            (IncidentEdit::LocationName("Ouallam".into()), |i| {
                i.location.as_ref().is_some_and(|l| l.name == "Ouallam")
            }),
        ];
        let mut d = d;
        for (edit, check) in cases {
            let dbg = format!("{edit:?}");
            d = ok(
                &d,
                Edit::EditIncident {
                    id: "i1".into(),
                    edit,
                },
            );
            assert!(check(&d.incidents[0]), "{dbg}");
        }
        let d2 = ok(
            &d,
            Edit::EditIncident {
                id: "i1".into(),
                edit: IncidentEdit::LocationPrecision(PlacePrecision::Region),
            },
        );
        assert_eq!(
            d2.incidents[0].location.as_ref().map(|l| l.precision),
            Some(PlacePrecision::Region)
        );
        // Refused: no such perpetrator; precision without a place.
        for (doc, edit) in [
            (
                &d,
                IncidentEdit::PerpetratorPick(5, "X".into(), Side::Rebel),
            ),
            (&d, IncidentEdit::TargetPick(5, "X".into(), Side::Rebel)),
            (
                &with_incident(),
                IncidentEdit::LocationPrecision(PlacePrecision::Town),
            ),
        ] {
            let dbg = format!("{edit:?}");
            assert!(
                apply(
                    doc,
                    &Edit::EditIncident {
                        id: "i1".into(),
                        edit
                    }
                )
                .is_err(),
                "{dbg}"
            );
        }
    }
}
