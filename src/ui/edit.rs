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

use std::collections::BTreeMap;

use crate::extract::numbers::parse_count;
use crate::extract::span::{slice_chars, Offsets};
use crate::extract::{
    self, ActorValue, Attackers, CasualtyRow, CasualtyValue, Count, DatePrecision, DateValue,
    Entity, FigureValue, Incident, IncidentDate, IncidentLocation, Kind, Origin, Outcome,
    Perpetrator, Place, Side, SourceValue, Status, Target, Value, WeaponValue, EVENT_TYPES,
    SUB_EVENT_TYPES,
};
use crate::format::{self, Document, Meta};
use crate::review::reanchor::{reanchor, Anchor};

/// The incident fields a review state is kept for (the keys of `Incident::review`).
pub const FIELDS: [&str; 13] = [
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
    /// A new, empty target.
    AddTarget,
    /// Removes the target at this index.
    RemoveTarget(usize),
    /// Renames a target.
    TargetName(usize, String),
    /// Sets a target's side.
    TargetSide(usize, Side),
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
            outcome: Outcome::Killed,
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

/// The longest leading run of words that parses as a count, and the words after it.
fn leading_count(s: &str) -> (Count, String) {
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    for n in (1..=words.len().min(6)).rev() {
        if let Some(c) = parse_count(&words[..n].join(" ")) {
            return (c, words[n..].join(" "));
        }
    }
    (Count::default(), s.to_string())
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
        E::ClearLocation => {
            inc.location = None;
            fields.push("location");
        }
        E::AddPerpetrator => {
            inc.perpetrators.push(Perpetrator::default());
            fields.push("perpetrators");
        }
        E::RemovePerpetrator(i) | E::PerpetratorName(i, _) | E::PerpetratorSide(i, _)
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
        E::AddTarget => {
            inc.targets.push(Target::default());
            fields.push("targets");
        }
        E::RemoveTarget(i) | E::TargetName(i, _) | E::TargetSide(i, _)
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
    let total = Incident::total_fatalities(&dst.killed);
    if total != dst.fatalities {
        dst.fatalities = total;
        edited.push("fatalities");
    }
    for f in edited {
        dst.review.insert(f.to_string(), Status::Edited);
    }
}

/// An automatic span a person deleted, remembered so re-extraction does not bring it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    /// Its kind.
    pub kind: Kind,
    /// Where it was.
    pub anchor: Anchor,
    /// Its length in code points.
    pub len: usize,
}

impl Deleted {
    /// Remembers `e` (in `text`), if its offsets are valid.
    pub fn of(e: &Entity, text: &str) -> Option<Deleted> {
        Some(Deleted {
            kind: e.kind,
            anchor: Anchor::new(text, e.start, e.end)?,
            len: e.end.saturating_sub(e.start),
        })
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
    // A manual span replaces automatic ones of its kind that overlap it.
    doc.entities.retain(|x| {
        !kept
            .iter()
            .any(|m| m.kind == x.kind && m.start < x.end && x.start < m.end)
    });
    // Ids must stay unique: a manual span that kept an automatic id gets a fresh "m" id.
    for m in &mut kept {
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
        doc.entities.push(m.clone());
    }
    sort_entities(&mut doc.entities);

    // Incidents: edited fields win; hand-made records are kept.
    for o in &old.incidents {
        let edited: Vec<&String> = o
            .review
            .iter()
            .filter(|(_, s)| **s == Status::Edited)
            .map(|(f, _)| f)
            .collect();
        let confirmed: BTreeMap<String, Status> = o
            .review
            .iter()
            .filter(|(_, s)| **s == Status::Confirmed)
            .map(|(f, s)| (f.clone(), *s))
            .collect();
        match doc.incidents.iter_mut().find(|n| n.id == o.id) {
            Some(n) if edited.len() < FIELDS.len() => {
                for f in &edited {
                    copy_field(n, o, f);
                    n.review.insert((*f).clone(), Status::Edited);
                }
                for (f, s) in &confirmed {
                    n.review.insert(f.clone(), *s);
                }
            }
            Some(n) => *n = o.clone(),
            None if !edited.is_empty() => doc.incidents.push(o.clone()),
            None => {}
        }
    }
    let ids: std::collections::HashSet<String> =
        doc.entities.iter().map(|e| e.id.clone()).collect();
    for inc in &mut doc.incidents {
        inc.evidence.retain(|e| ids.contains(e));
    }
    Reextracted {
        doc,
        lost,
        deleted: still,
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
        _ => {}
    }
    if !valid_pair(&n.sub_event_type, &n.event_type) && !n.sub_event_type.is_empty() {
        n.sub_event_type.clear();
    }
    if f == "killed" {
        n.fatalities = Incident::total_fatalities(&n.killed);
    }
}
