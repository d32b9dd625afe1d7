//! The pure extraction core: text + publication date → entities and incident records.
//!
//! No browser types here: the CLI, the page and the tests all call [`extract`].
//!
//! ```
//! use sitrep::extract::{extract, Context, Kind};
//! let ctx = Context::published(chrono::NaiveDate::from_ymd_opt(2025, 2, 10).unwrap());
//! let out = extract("At least 36 soldiers were killed on February 4.", &ctx);
//! assert!(out.entities.iter().any(|e| e.kind == Kind::Date && e.text == "February 4"));
//! ```
//!
//! Each dimension is a module with its named rules (see [`rule`]); [`overlap`] settles spans
//! that compete; [`incidents`] groups the entities into records.

pub mod actors;
pub mod casualties;
pub mod context;
pub mod dates;
pub mod figures;
mod fold_table;
pub mod incidents;
pub mod lexicon;
pub mod model;
pub mod numbers;
pub mod overlap;
pub mod places;
pub mod rule;
pub mod sources;
pub mod span;
pub mod text;
pub mod weapons;

use std::sync::LazyLock;

pub use context::Context;
pub use model::*;
use rule::{Found, RuleSet};
use span::Offsets;

/// What [`extract`] returns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// Every span found, sorted by start then end.
    pub entities: Vec<Entity>,
    /// The incidents built from them.
    pub incidents: Vec<Incident>,
}

/// Every dimension's rule set, by name (used by the rule example tests and docs).
pub fn dimensions() -> Vec<(&'static str, &'static LazyLock<RuleSet>)> {
    vec![
        ("dates", &dates::RULES),
        ("places", &places::RULES),
        ("actors", &actors::RULES),
        ("casualties", &casualties::RULES),
        ("figures", &figures::RULES),
        ("weapons", &weapons::RULES),
        ("sources", &sources::RULES),
    ]
}

/// Runs every dimension over `text` and returns the surviving finds in byte offsets.
pub fn find_all(text: &str, ctx: &Context) -> Vec<Found> {
    let mut found = Vec::new();
    found.extend(dates::find(text, ctx));
    found.extend(places::find(text, ctx));
    found.extend(actors::find(text, ctx));
    found.extend(casualties::find(text, ctx));
    found.extend(figures::find(text, ctx));
    found.extend(weapons::find(text, ctx));
    found.extend(sources::find(text, ctx));
    overlap::resolve(found)
}

/// Turns byte-offset finds into exported entities with ids `e1`, `e2`, ….
pub fn to_entities(text: &str, found: Vec<Found>) -> Vec<Entity> {
    let offsets = Offsets::new(text);
    found
        .into_iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let quoted = text.get(f.start..f.end)?;
            let start = offsets.char_of_byte(f.start);
            let end = offsets.char_of_byte(f.end);
            Some(Entity {
                id: format!("e{}", i + 1),
                kind: f.value.kind(),
                start,
                end,
                start_utf16: offsets.utf16_of_char(start),
                end_utf16: offsets.utf16_of_char(end),
                text: quoted.to_string(),
                rule: f.rule.to_string(),
                origin: Origin::Auto,
                value: f.value,
                status: Default::default(),
            })
        })
        .collect()
}

/// Extracts entities and incidents from an article.
pub fn extract(text: &str, ctx: &Context) -> Extraction {
    let entities = to_entities(text, find_all(text, ctx));
    let incidents = incidents::build(text, &entities, ctx);
    Extraction {
        entities,
        incidents,
    }
}
