//! ACLED-style CSV: one row per incident, with ACLED's column names where they apply.
//!
//! | column | from |
//! |---|---|
//! | `event_id_cnty` | document title or "sitrep", then the incident id |
//! | `event_date` | `date.start` (ISO; `--MM-DD` when the year is unknown) |
//! | `time_precision` | 1 = a day, 2 = a stretch of up to a week, 3 = longer / month / year / none |
//! | `event_type`, `sub_event_type` | as coded |
//! | `actor1`, `inter1` | first perpetrator, and ACLED's interaction code of its side |
//! | `actor2`, `inter2` | first target, and its code |
//! | `interaction` | the two codes, smaller first ("12": state forces vs rebels) |
//! | `country`, `admin1`, `location`, `latitude`, `longitude` | the incident's location |
//! | `geo_precision` | 1 = town, 2 = region, 3 = country |
//! | `source` | the document's source URL, else its title |
//! | `notes` | the incident's notes |
//! | `fatalities` | the conservative total: `fatalities.low` (else best), 0 if none |
//!
//! Sides map to ACLED's inter codes as: state 1, rebel 2, militia 3, civilian 7, external 8,
//! unknown empty. Text cells that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`, tab or carriage return) get a leading `'` so that opening the file never runs
//! anything from an article.

use super::Document;
use crate::extract::{Incident, Side};

/// The header row.
pub const COLUMNS: [&str; 19] = [
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "interaction",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
];

/// ACLED's interaction code for a side.
pub fn inter_code(side: Side) -> Option<u8> {
    match side {
        Side::State => Some(1),
        Side::Rebel => Some(2),
        Side::Militia => Some(3),
        Side::Civilian => Some(7),
        Side::External => Some(8),
        Side::Unknown => None,
    }
}

/// Writes the header and one row per incident of each document, CRLF line ends (RFC 4180).
pub fn to_csv<'a>(docs: impl IntoIterator<Item = &'a Document>) -> String {
    let mut out = String::new();
    write_row(&mut out, COLUMNS.iter().map(|c| c.to_string()));
    for doc in docs {
        for inc in &doc.incidents {
            write_row(&mut out, row(doc, inc).into_iter());
        }
    }
    out
}

fn row(doc: &Document, inc: &Incident) -> Vec<String> {
    let prefix = doc
        .document
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or("sitrep");
    let (date, precision) = match &inc.date {
        Some(d) => (d.start.clone(), time_precision(inc).to_string()),
        None => (String::new(), "3".to_string()),
    };
    let actor1 = inc.perpetrators.first();
    let actor2 = inc.targets.first();
    let inter1 = actor1.and_then(|a| inter_code(a.side));
    let inter2 = actor2.and_then(|a| inter_code(a.side));
    let interaction = match (inter1, inter2) {
        (Some(a), Some(b)) => format!("{}{}", a.min(b), a.max(b)),
        (Some(a), None) | (None, Some(a)) => format!("{a}0"),
        (None, None) => String::new(),
    };
    let loc = inc.location.as_ref();
    let num = |x: Option<f64>| x.map(|v| format!("{v:.4}")).unwrap_or_default();
    let geo_precision = loc.map(|l| match l.precision {
        crate::extract::PlacePrecision::Town => "1",
        crate::extract::PlacePrecision::Region => "2",
        crate::extract::PlacePrecision::Country => "3",
    });
    let source = doc
        .document
        .source
        .clone()
        .or_else(|| doc.document.title.clone())
        .unwrap_or_default();
    vec![
        format!("{prefix}-{}", inc.id),
        date,
        precision,
        inc.event_type.clone(),
        inc.sub_event_type.clone(),
        actor1.map(|a| a.name.clone()).unwrap_or_default(),
        inter1.map(|c| c.to_string()).unwrap_or_default(),
        actor2.map(|a| a.name.clone()).unwrap_or_default(),
        inter2.map(|c| c.to_string()).unwrap_or_default(),
        interaction,
        loc.and_then(|l| l.country.clone()).unwrap_or_default(),
        loc.and_then(|l| l.admin1.clone()).unwrap_or_default(),
        loc.map(|l| l.name.clone()).unwrap_or_default(),
        num(loc.and_then(|l| l.lat)),
        num(loc.and_then(|l| l.lon)),
        geo_precision.unwrap_or("").to_string(),
        source,
        inc.notes.clone(),
        inc.fatalities.floor().unwrap_or(0).to_string(),
    ]
}

/// 1 for one day, 2 for a stretch of up to seven days, 3 otherwise.
fn time_precision(inc: &Incident) -> u8 {
    let Some(d) = &inc.date else { return 3 };
    if d.precision != crate::extract::DatePrecision::Day {
        return 3;
    }
    if d.start == d.end {
        return 1;
    }
    let parse = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    match (parse(&d.start), parse(&d.end)) {
        (Some(a), Some(b)) if (b - a).num_days().abs() <= 7 => 2,
        _ => 3,
    }
}

fn write_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&quote(&defuse(cell)));
    }
    out.push_str("\r\n");
}

/// Keeps a spreadsheet from reading a cell as a formula.
fn defuse(cell: String) -> String {
    let numeric = !cell.is_empty() && cell.parse::<f64>().is_ok();
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !numeric => format!("'{cell}"),
        _ => cell,
    }
}

/// RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_defuses_cells() {
        for (input, want) in [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("-12.5000", "-12.5000"),
            ("@cmd", "'@cmd"),
            ("", ""),
        ] {
            assert_eq!(quote(&defuse(input.to_string())), want, "{input:?}");
        }
    }
}
