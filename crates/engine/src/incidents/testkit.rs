//! Hand-made entities for the incident tests: each helper finds its words in the sentence and
//! builds the entity a dimension would give, so tests need no rules.

use crate::context::Context;
use crate::model::*;
use chrono::NaiveDate;

/// No publication date.
pub fn ctx_none() -> Context {
    Context::default()
}

/// Published on that day.
pub fn ctx(y: i32, m: u32, d: u32) -> Context {
    Context::published(NaiveDate::from_ymd_opt(y, m, d).expect("valid test date"))
}

/// An entity over the `n`-th (from 1) occurrence of `needle` in `text`.
pub fn ent_nth(text: &str, needle: &str, n: usize, value: Value) -> Entity {
    let b = text
        .match_indices(needle)
        .nth(n.saturating_sub(1))
        .map(|(b, _)| b)
        .unwrap_or_else(|| panic!("{needle:?} #{n} not in {text:?}"));
    let start = text[..b].chars().count();
    let end = start + needle.chars().count();
    Entity {
        id: String::new(),
        kind: value.kind(),
        start,
        end,
        start_utf16: start,
        end_utf16: end,
        text: needle.to_string(),
        rule: "test".to_string(),
        origin: Origin::Manual,
        status: Default::default(),
        value,
    }
}

/// An entity over the first occurrence of `needle`.
pub fn ent(text: &str, needle: &str, value: Value) -> Entity {
    ent_nth(text, needle, 1, value)
}

/// A place value, for `ent_nth` (a place named twice).
pub fn place(name: &str, admin1: Option<&str>, country: Option<&str>, p: PlacePrecision) -> Value {
    Value::Location(Place {
        name: name.to_string(),
        admin1: admin1.map(str::to_string),
        country: country.map(str::to_string),
        precision: p,
        ..Place::default()
    })
}

/// A town in `country`, region unknown.
pub fn town(text: &str, name: &str, country: &str) -> Entity {
    ent(
        text,
        name,
        place(name, None, Some(country), PlacePrecision::Town),
    )
}

/// A town with its region.
pub fn town_in(text: &str, name: &str, admin1: &str, country: &str) -> Entity {
    ent(
        text,
        name,
        place(name, Some(admin1), Some(country), PlacePrecision::Town),
    )
}

/// A region of `country`.
pub fn region(text: &str, name: &str, country: &str) -> Entity {
    ent(
        text,
        name,
        place(name, Some(name), Some(country), PlacePrecision::Region),
    )
}

/// A country.
pub fn country(text: &str, name: &str) -> Entity {
    ent(
        text,
        name,
        place(name, None, Some(name), PlacePrecision::Country),
    )
}

/// A date (start..end, day precision when both are full days).
pub fn date(text: &str, needle: &str, start: &str, end: &str) -> Entity {
    let precision = match start.len() {
        4 => DatePrecision::Year,
        7 => DatePrecision::Month,
        _ => DatePrecision::Day,
    };
    ent(
        text,
        needle,
        Value::Date(DateValue {
            start: start.to_string(),
            end: end.to_string(),
            precision,
            time: None,
        }),
    )
}

/// An actor.
pub fn actor(text: &str, needle: &str, name: &str, side: Side) -> Entity {
    ent(
        text,
        needle,
        Value::Actor(ActorValue {
            name: name.to_string(),
            side,
            ..ActorValue::default()
        }),
    )
}

/// A casualty figure.
pub fn cas(text: &str, needle: &str, outcome: Outcome, who: &str, side: Side, c: Count) -> Entity {
    ent(
        text,
        needle,
        Value::Casualty(CasualtyValue {
            outcome,
            who: who.to_string(),
            side,
            count: c,
        }),
    )
}

/// A figure.
pub fn fig(text: &str, needle: &str, what: &str, c: Count) -> Entity {
    ent(
        text,
        needle,
        Value::Figure(FigureValue {
            what: what.to_string(),
            count: c,
        }),
    )
}

/// A weapon.
pub fn weapon(text: &str, needle: &str, name: &str, category: &str) -> Entity {
    ent(
        text,
        needle,
        Value::Weapon(WeaponValue {
            name: name.to_string(),
            category: category.to_string(),
        }),
    )
}

/// A source.
pub fn source(text: &str, needle: &str, name: &str, category: &str) -> Entity {
    ent(
        text,
        needle,
        Value::Source(SourceValue {
            name: name.to_string(),
            category: category.to_string(),
        }),
    )
}

/// Sorts entities by offset and numbers them e1, e2, ….
pub fn finish(mut ents: Vec<Entity>) -> Vec<Entity> {
    ents.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    for (i, e) in ents.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
    ents
}
