//! The `sitrep` annotation document, version 1: what Export writes, Open reads and the CLI prints.
//!
//! The format is documented in `docs/FORMAT.md` and described by `docs/sitrep-v1.schema.json`.
//! [`annotate`] builds a document from text and metadata; [`to_json`] writes it (the one writer
//! the page and the CLI share, so their output is identical); [`parse`] reads and validates one,
//! migrating older versions first (see [`migrate`]).

pub mod acled;
pub mod migrate;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod share;
pub mod w3c;

use serde::{Deserialize, Serialize};

use crate::extract::span::Offsets;
use crate::extract::{self, Context, Entity, Incident, Kind, Origin, Status, Value};

/// The value of `format`.
pub const FORMAT: &str = "sitrep";
/// The version this build writes.
pub const VERSION: u32 = 1;
/// Largest document [`parse`] accepts, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 32 * 1024 * 1024;

/// The article and what is known about it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The article text, exactly as pasted.
    pub text: String,
    /// Title, if given.
    pub title: Option<String>,
    /// Source URL, if given.
    pub source: Option<String>,
    /// Publication date, `YYYY-MM-DD`, if known.
    pub published: Option<String>,
}

impl Meta {
    /// The extraction context these metadata give. An unparseable date gives none (callers
    /// that take user input check it first with [`parse_published`]).
    pub fn context(&self) -> Context {
        Context {
            published: self
                .published
                .as_deref()
                .and_then(|p| parse_published(p).ok()),
        }
    }
}

/// Parses a publication date given as `YYYY-MM-DD`.
pub fn parse_published(s: &str) -> Result<chrono::NaiveDate, FormatError> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        FormatError::new(format!(
            "publication date {:?} is not a date of the form YYYY-MM-DD",
            truncate(s, 40)
        ))
    })
}

/// A whole annotation document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Document {
    /// Always "sitrep".
    pub format: String,
    /// Always [`VERSION`] once read.
    pub version: u32,
    /// The program that wrote it: "sitrep 0.1.0".
    pub generator: String,
    /// Text and metadata.
    pub document: Meta,
    /// Highlighted spans.
    pub entities: Vec<Entity>,
    /// Incident records.
    pub incidents: Vec<Incident>,
}

/// Extracts and builds a document for `meta`.
pub fn annotate(meta: Meta) -> Document {
    let ctx = meta.context();
    let out = extract::extract(&meta.text, &ctx);
    Document {
        format: FORMAT.to_string(),
        version: VERSION,
        generator: crate::GENERATOR.to_string(),
        document: meta,
        entities: out.entities,
        incidents: out.incidents,
    }
}

/// Writes `doc` as pretty-printed JSON with a final newline: the one writer shared by Export
/// and the CLI.
pub fn to_json(doc: &Document) -> String {
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_default();
    s.push('\n');
    s
}

/// Writes `doc` as one line of compact JSON (for `--jsonl`).
pub fn to_json_line(doc: &Document) -> String {
    serde_json::to_string(doc).unwrap_or_default()
}

/// Why a document was refused. The message is one sentence a user can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    message: String,
}

impl FormatError {
    fn new(message: impl Into<String>) -> FormatError {
        FormatError {
            message: message.into(),
        }
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FormatError {}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}

/// An entity as read from a file, before its value is checked against its kind.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: String,
    kind: Kind,
    start: usize,
    end: usize,
    start_utf16: usize,
    end_utf16: usize,
    text: String,
    rule: String,
    origin: Origin,
    value: serde_json::Value,
    #[serde(default)]
    status: Status,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    format: String,
    version: u32,
    generator: String,
    document: Meta,
    entities: Vec<RawEntity>,
    incidents: Vec<Incident>,
}

/// Reads, migrates and validates a document. Any input gives a document or a clear error.
pub fn parse(json: &str) -> Result<Document, FormatError> {
    if json.len() > MAX_DOCUMENT_BYTES {
        return Err(FormatError::new(format!(
            "the file is {} MB; Sitrep opens documents up to {} MB",
            json.len() / (1024 * 1024),
            MAX_DOCUMENT_BYTES / (1024 * 1024)
        )));
    }
    let value: serde_json::Value = serde_json::from_str(json.trim_start_matches('\u{feff}'))
        .map_err(|e| FormatError::new(format!("the file is not valid JSON ({e})")))?;
    let value = migrate::to_current(value)?;
    let raw: RawDocument = serde_json::from_value(value)
        .map_err(|e| FormatError::new(format!("the document does not follow the format: {e}")))?;
    let mut entities = Vec::with_capacity(raw.entities.len());
    for e in raw.entities {
        let value = Value::from_json(e.kind, e.value).map_err(|err| {
            FormatError::new(format!(
                "entity {}: its value is not a valid {} value ({err})",
                e.id,
                e.kind.as_str()
            ))
        })?;
        entities.push(Entity {
            id: e.id,
            kind: e.kind,
            start: e.start,
            end: e.end,
            start_utf16: e.start_utf16,
            end_utf16: e.end_utf16,
            text: e.text,
            rule: e.rule,
            origin: e.origin,
            value,
            status: e.status,
        });
    }
    let doc = Document {
        format: raw.format,
        version: raw.version,
        generator: raw.generator,
        document: raw.document,
        entities,
        incidents: raw.incidents,
    };
    validate(&doc)?;
    Ok(doc)
}

/// Checks what the types cannot: format and version, offsets and quotes, ids, dates, event types.
pub fn validate(doc: &Document) -> Result<(), FormatError> {
    if doc.format != FORMAT {
        return Err(FormatError::new(format!(
            "\"format\" is {:?}, not \"sitrep\": this is not a Sitrep document",
            truncate(&doc.format, 40)
        )));
    }
    if doc.version != VERSION {
        return Err(FormatError::new(format!(
            "version {} is not supported (this Sitrep reads version {VERSION})",
            doc.version
        )));
    }
    if let Some(p) = &doc.document.published {
        parse_published(p)?;
    }
    let text = &doc.document.text;
    let offsets = Offsets::new(text);
    let mut ids = std::collections::HashSet::new();
    for e in &doc.entities {
        if !ids.insert(e.id.as_str()) {
            return Err(FormatError::new(format!(
                "entity id {:?} is used twice",
                e.id
            )));
        }
        if e.value.kind() != e.kind {
            return Err(FormatError::new(format!(
                "entity {}: kind {} does not match its value",
                e.id,
                e.kind.as_str()
            )));
        }
        let Some(quoted) = offsets.slice(text, e.start, e.end) else {
            return Err(FormatError::new(format!(
                "entity {}: offsets {}..{} are outside the text ({} characters)",
                e.id,
                e.start,
                e.end,
                offsets.chars()
            )));
        };
        if quoted != e.text {
            return Err(FormatError::new(format!(
                "entity {}: its text {:?} does not match the text at {}..{} ({:?})",
                e.id,
                truncate(&e.text, 40),
                e.start,
                e.end,
                truncate(quoted, 40)
            )));
        }
        if offsets.utf16_of_char(e.start) != e.start_utf16
            || offsets.utf16_of_char(e.end) != e.end_utf16
        {
            return Err(FormatError::new(format!(
                "entity {}: UTF-16 offsets {}..{} do not match code point offsets {}..{}",
                e.id, e.start_utf16, e.end_utf16, e.start, e.end
            )));
        }
    }
    let mut incident_ids = std::collections::HashSet::new();
    for inc in &doc.incidents {
        if !incident_ids.insert(inc.id.as_str()) {
            return Err(FormatError::new(format!(
                "incident id {:?} is used twice",
                inc.id
            )));
        }
        if !inc.event_type.is_empty() && !extract::EVENT_TYPES.contains(&inc.event_type.as_str()) {
            return Err(FormatError::new(format!(
                "incident {}: event type {:?} is not one of ACLED's six",
                inc.id,
                truncate(&inc.event_type, 40)
            )));
        }
        if !inc.sub_event_type.is_empty()
            && !extract::SUB_EVENT_TYPES
                .iter()
                .any(|&(s, t)| s == inc.sub_event_type && t == inc.event_type)
        {
            return Err(FormatError::new(format!(
                "incident {}: sub-event type {:?} does not belong to event type {:?}",
                inc.id,
                truncate(&inc.sub_event_type, 40),
                inc.event_type
            )));
        }
        for id in &inc.evidence {
            if !ids.contains(id.as_str()) {
                return Err(FormatError::new(format!(
                    "incident {}: evidence {:?} names no entity",
                    inc.id,
                    truncate(id, 40)
                )));
            }
        }
        if let Some(d) = &inc.date {
            for s in [&d.start, &d.end] {
                if !is_iso_date(s) {
                    return Err(FormatError::new(format!(
                        "incident {}: date {:?} is not ISO (YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD)",
                        inc.id,
                        truncate(s, 40)
                    )));
                }
            }
        }
    }
    Ok(())
}

/// True for `YYYY-MM-DD`, `YYYY-MM`, `YYYY` and `--MM-DD` with a real month and day (the
/// engine's date values; defined there).
pub use crate::extract::model::is_iso_date;

#[cfg(test)]
mod tests;
