//! The pure extraction core: text + publication date → entities and incident records.
//!
//! No browser types here: the CLI, the page and the tests all call [`extract`].
//!
//! ```
//! use sitrep_engine::{extract, Context, Kind};
//! let ctx = Context::published(chrono::NaiveDate::from_ymd_opt(2025, 2, 10).unwrap());
//! let out = extract("At least 36 soldiers were killed on February 4.", &ctx);
//! assert!(out.entities.iter().any(|e| e.kind == Kind::Date && e.text == "February 4"));
//! ```
//!
//! Each dimension is a module with its named rules (see [`rule`]); [`overlap`] settles spans
//! that compete; [`incidents`] groups the entities into records.

#![forbid(unsafe_code)]

pub mod actors;
pub mod casualties;
pub mod context;
pub mod dates;
pub mod figures;
mod fold_table;
mod hash;
pub mod incidents;
pub mod lexicon;
pub mod memo;
pub mod model;
pub mod numbers;
pub mod overlap;
pub mod places;
pub mod rule;
pub mod saying;
pub mod sources;
pub mod span;
pub mod text;
pub mod weapons;

use std::sync::LazyLock;

pub use context::Context;
pub use model::*;
use rule::{Found, RuleSet};

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

/// Loads the compiled-in data: the gazetteer, the actor, demonym, victim and weapon tables and
/// their lexicons. Each loads by itself on first use; calling this first moves the cost to a
/// moment of your choosing (`cargo bench --bench extract` times it).
pub fn load_data() {
    places::load_data();
    LazyLock::force(&actors::table::TABLE);
    LazyLock::force(&actors::state_forces::COUNTRIES);
    casualties::load_data();
    weapons::load_data();
}

/// Compiles every rule's regular expression now instead of on first use. The page calls this
/// (with [`load_data`]) when idle after start-up, so the first paste does not wait for it.
pub fn compile_rules() {
    for (_, set) in dimensions() {
        set.compile_all();
    }
    places::compile_extra();
    casualties::compile_extra();
    actors::table::compile_extra();
}

/// Runs every dimension over `text` and returns the surviving finds in byte offsets.
pub fn find_all(text: &str, ctx: &Context) -> Vec<Found> {
    memo::next_round();
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
    let offsets = SparseOffsets::new(text, found.iter().flat_map(|f| [f.start, f.end]));
    found
        .into_iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let quoted = text.get(f.start..f.end)?;
            let (start, start_utf16) = offsets.get(f.start);
            let (end, end_utf16) = offsets.get(f.end);
            Some(Entity {
                id: format!("e{}", i + 1),
                kind: f.value.kind(),
                start,
                end,
                start_utf16,
                end_utf16,
                text: quoted.to_string(),
                rule: f.rule.to_string(),
                origin: Origin::Auto,
                value: f.value,
                status: Default::default(),
            })
        })
        .collect()
}

/// Code point and UTF-16 offsets of a few byte offsets, found in one pass over the text (the
/// same numbers as [`span::Offsets`], without indexing every char of a long text).
struct SparseOffsets {
    /// (byte offset, code point offset, UTF-16 offset), sorted by byte offset.
    at: Vec<(usize, usize, usize)>,
}

impl SparseOffsets {
    fn new(text: &str, bytes: impl Iterator<Item = usize>) -> SparseOffsets {
        let mut wanted: Vec<usize> = bytes.collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut at = Vec::with_capacity(wanted.len());
        let (mut chars, mut utf16, mut pos) = (0usize, 0usize, 0usize);
        for wanted_b in wanted {
            let b = wanted_b.min(text.len());
            // Offsets inside a char count as that char (as `Offsets::char_of_byte`).
            let mut stop = b;
            while stop > pos && !text.is_char_boundary(stop) {
                stop -= 1;
            }
            if let Some(seg) = text.get(pos..stop.max(pos)) {
                if seg.is_ascii() {
                    chars += seg.len();
                    utf16 += seg.len();
                } else {
                    for c in seg.chars() {
                        chars += 1;
                        utf16 += c.len_utf16();
                    }
                }
                pos = stop.max(pos);
            }
            at.push((wanted_b, chars, utf16));
        }
        SparseOffsets { at }
    }

    fn get(&self, byte: usize) -> (usize, usize) {
        let i = self.at.partition_point(|e| e.0 < byte);
        self.at.get(i).map_or((0, 0), |e| (e.1, e.2))
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-pass offsets equal the full index's, for every byte offset of a mixed-script text.
    #[test]
    fn sparse_offsets_agree_with_the_full_index() {
        let text = "Kouré — 36 soldats tués 😀 in Tillabe\u{301}ri; القاعدة, 𝒳\r\nend";
        let full = span::Offsets::new(text);
        let all: Vec<usize> = (0..=text.len() + 2).collect();
        let sparse = SparseOffsets::new(text, all.iter().copied());
        for &b in &all {
            let c = full.char_of_byte(b);
            assert_eq!(sparse.get(b), (c, full.utf16_of_char(c)), "byte {b}");
        }
    }
}
