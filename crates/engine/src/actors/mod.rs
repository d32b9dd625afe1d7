//! Actors: who attacks and who is attacked (armed groups, state forces, militias, victims).
//!
//! Each entity's value is an [`ActorValue`](super::model::ActorValue): a canonical short name
//! ("JNIM", "Niger military", "gunmen"), a side (state, militia, rebel, external, civilian,
//! unknown, as `shared/eval/CONVENTIONS.md` defines them), the table's aliases, a hedge the text
//! puts on it ("suspected", "linked to") and a country code.
//!
//! | module | rules | matches |
//! |---|---|---|
//! | [`table`] | `actor_table`, `actor_table_members` | named groups from `data/actors.tsv` |
//! | [`state_forces`] | `state_force_demonym`, `state_force_possessive`, `state_force_country`, `state_country_agent`, `state_ministry`, `state_force_the_army`, `state_force_generic`, `pro_government_forces`, `military_unit`, `military_command`, `state_service`, `head_of_state` | "Nigerien soldiers", "Niger’s armed forces", "Turkey carried out air strikes", "the defence ministry", "security forces", "Eighth Division", "Customs", "President Mohamed Bazoum" |
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
    state_forces::DEMONYM_ARMS,
    state_forces::COUNTRY_FORCE,
    state_forces::COUNTRY_AGENT,
    state_forces::MINISTRY,
    state_forces::PRO_GOVERNMENT,
    state_forces::GENERIC_STATE,
    state_forces::DETERMINED_FORCE,
    state_forces::MILITARY_UNIT,
    state_forces::NAMED_COMMAND,
    state_forces::STATE_SERVICE,
    state_forces::HEAD_OF_STATE,
    generic_attackers::GENERIC_ATTACKER,
    victims::VICTIM_GROUP,
];

/// Finds actors in `text`.
pub fn find(text: &str, ctx: &Context) -> Vec<Found> {
    let mut out = table::find(text);
    let named_ends: Vec<usize> = out.iter().map(|f| f.end).collect();
    out.extend(RULES.run(text, ctx).into_iter().filter(|f| {
        // "the National Liberation Army (ELN) guerrillas": the generic word after a name in
        // brackets is that name's members, not a second actor.
        f.rule != "generic_attacker"
            || !(after_bracketed_name(text, f.start, &named_ends) || counted(text, f.start))
    }));
    out
}

/// True when the word before `start` is a number ("100 heavily armed assailants").
fn counted(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == ',')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    !word.is_empty()
        && (word.chars().all(|c| c.is_ascii_digit() || c == ',')
            || is_count_word(&word.to_lowercase()))
}

/// Number words that make a generic noun a count ("55 jihadists", "seven militants"): the
/// casualty and figure dimensions own such phrases, so they are not actor mentions. "One" is
/// not among them ("one gunman" is still a mention).
fn is_count_word(w: &str) -> bool {
    !matches!(w, "one" | "zero") && super::numbers::is_number_word(w)
}

fn after_bracketed_name(text: &str, start: usize, named_ends: &[usize]) -> bool {
    named_ends.iter().any(|&e| {
        e < start
            && text.get(e..start).is_some_and(|gap| {
                gap.len() <= 3 && gap.trim_start().starts_with(')') && gap.trim() == ")"
            })
    })
}

#[cfg(test)]
mod tests {
    /// Input sentence and the expected finds.
    type Example<'a> = (&'a str, &'a [(&'a str, &'a str, Side)]);

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
        let table: &[Example] = &[
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
                "Troops killed 40 jihadists; seven militants and jihadists fled.",
                &[("jihadists", "jihadists", Rebel)],
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
