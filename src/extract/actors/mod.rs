//! Actors: who attacks and who is attacked (armed groups, state forces, militias, victims).
//!
//! Each entity's value is an [`ActorValue`](super::model::ActorValue): a canonical short name
//! ("JNIM", "Niger military", "gunmen"), a side (state, militia, rebel, external, civilian,
//! unknown, as `shared/eval/CONVENTIONS.md` defines them), the table's aliases, a hedge the text
//! puts on it ("suspected", "linked to") and a country code.
//!
//! | module | rules | matches |
//! |---|---|---|
//! | [`table`] | `actor_table`, `actor_table_members` | named groups from `src/data/actors.tsv` |
//! | [`state_forces`] | `state_force_demonym`, `state_force_possessive`, `state_force_country`, `state_ministry`, `state_force_the_army`, `state_force_generic`, `pro_government_forces` | "Nigerien soldiers", "Niger’s armed forces", "the defence ministry", "security forces" |
//! | [`generic_attackers`] | `generic_attacker` | "gunmen", "suspected jihadists", "armed men" |
//! | [`victims`] | `victim_group` | "attacked villagers", "targeting civilians" |
//!
//! Table names come first, so "Malian Armed Forces" is the table's "Mali military" with its
//! aliases rather than the demonym rule's bare name; within the kind the longest span wins.

pub mod generic_attackers;
pub mod state_forces;
pub mod table;
pub mod victims;

use std::sync::LazyLock;

use super::context::Context;
use super::rule::{Found, Rule, RuleSet};

/// The actors rules (regex rules; the table is matched by [`table::find`]).
pub static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let c = &*state_forces::COUNTRIES;
    RuleSet::new(
        LIST,
        &[
            ("demonym", &c.demonyms_alt),
            ("country", &c.names_alt),
            ("force", state_forces::FORCE),
            ("force_after_name", state_forces::FORCE_AFTER_NAME),
        ],
    )
});

const LIST: &[Rule] = &[
    state_forces::DEMONYM_FORCE,
    state_forces::POSSESSIVE_FORCE,
    state_forces::COUNTRY_FORCE,
    state_forces::MINISTRY,
    state_forces::PRO_GOVERNMENT,
    state_forces::GENERIC_STATE,
    state_forces::DETERMINED_FORCE,
    generic_attackers::GENERIC_ATTACKER,
    victims::VICTIM_GROUP,
];

/// Finds actors in `text`.
pub fn find(text: &str, ctx: &Context) -> Vec<Found> {
    let mut out = table::find(text);
    out.extend(RULES.run(text, ctx));
    out
}

#[cfg(test)]
mod tests {
    use super::super::model::{Side, Value};
    use super::super::overlap;
    use super::*;

    /// Spans and canonical names after the overlap policy.
    fn actors(text: &str) -> Vec<(String, String, Side)> {
        overlap::resolve(find(text, &Context::default()))
            .into_iter()
            .filter_map(|f| match f.value {
                Value::Actor(a) => Some((text[f.start..f.end].to_string(), a.name, a.side)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn actors_in_sentences() {
        use Side::*;
        let table: &[(&str, &[(&str, &str, Side)])] = &[
            (
                "Burkinabe troops and VDP fighters repelled suspected jihadists.",
                &[
                    ("Burkinabe troops", "Burkina Faso military", State),
                    ("VDP fighters", "VDP", Militia),
                    ("suspected jihadists", "jihadists", Rebel),
                ],
            ),
            (
                "The Malian Armed Forces (FAMa) and Wagner lost men.",
                &[
                    ("Malian Armed Forces", "Mali military", State),
                    ("FAMa", "Mali military", State),
                    ("Wagner", "Wagner", External),
                ],
            ),
            (
                "Niger's armed forces said gunmen on motorbikes attacked villagers.",
                &[
                    ("Niger's armed forces", "Niger military", State),
                    ("gunmen", "gunmen", Rebel),
                    ("villagers", "civilians", Civilian),
                ],
            ),
            (
                "Kenyan police blamed al-Shabaab; the KDF did not comment.",
                &[
                    ("Kenyan police", "Kenya police", State),
                    ("al-Shabaab", "al-Shabaab", Rebel),
                    ("KDF", "Kenya military", State),
                ],
            ),
            (
                "The army said in a statement that the army camp was hit.",
                &[("army", "military", State)],
            ),
        ];
        for (text, want) in table {
            let want: Vec<(String, String, Side)> = want
                .iter()
                .map(|(a, b, s)| (a.to_string(), b.to_string(), *s))
                .collect();
            assert_eq!(actors(text), want, "{text}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let long = "JNIM ".repeat(10_000);
        for t in [
            "",
            "\u{0}\u{1}\u{fffd}",
            "الجيش النيجيري",
            "Nigerien\u{301} soldiers 🙂",
            "IS\r\nIS",
            long.as_str(),
        ] {
            let _ = actors(t);
        }
    }
}
