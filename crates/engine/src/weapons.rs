//! Weapons and tactics: IEDs, landmines, suicide bombers, car bombs, mortars, rockets, drones,
//! air strikes, helicopters, machine guns, rifles, grenades, arson, and attackers arriving on
//! motorcycles.
//!
//! Each value is a [`WeaponValue`]: a canonical name ("improvised explosive device") and a
//! category (explosive, air, artillery, firearm, vehicle, tactic).
//!
//! | rule | matches |
//! |---|---|
//! | `weapon_table` | a name from `data/weapons.tsv`: "IEDs", "kamikaze vehicles", "air strike" |
//! | `attackers_on_motorcycles` | "on motorcycles", "riding motorbikes", "aboard motorbikes" |
//! | `arson_set_ablaze` | "set the village ablaze", "set houses on fire", "burned down shops" |

use std::sync::LazyLock;

use regex::Captures;

use super::context::Context;
use super::lexicon::{Case, Lexicon};
use super::model::{Kind, Value, WeaponValue};
use super::rule::{Found, Rule, RuleSet};

const WEAPONS_TSV: &str = include_str!("../data/weapons.tsv");

struct WeaponTable {
    records: Vec<(String, String)>,
    lexicon: Lexicon,
}

fn parse(tsv: &str) -> WeaponTable {
    let mut records = Vec::new();
    let mut lexicon = Lexicon::new();
    for cols in crate::lexicon::tsv_rows(tsv, 3) {
        let payload = records.len() as u32;
        let name = cols[0].trim();
        for alias in std::iter::once(name).chain(cols[2].split('|').map(str::trim)) {
            if alias.is_empty() {
                continue;
            }
            let one_word = !alias.contains(' ');
            let caps = alias.chars().filter(|c| c.is_uppercase()).count();
            let case = if one_word && caps >= 2 {
                Case::Exact
            } else {
                Case::Any
            };
            lexicon.insert(alias, case, payload);
        }
        records.push((name.to_string(), cols[1].trim().to_string()));
    }
    WeaponTable { records, lexicon }
}

static TABLE: LazyLock<WeaponTable> = LazyLock::new(|| parse(WEAPONS_TSV));

/// Loads the weapon table (see [`super::load_data`]).
pub(crate) fn load_data() {
    LazyLock::force(&TABLE);
}

fn weapon(name: &str, category: &str) -> Option<Value> {
    Some(Value::Weapon(WeaponValue {
        name: name.to_string(),
        category: category.to_string(),
    }))
}

fn motorcycles(_: &Captures, _: &Context) -> Option<Value> {
    weapon("motorcycles", "vehicle")
}

fn arson(_: &Captures, _: &Context) -> Option<Value> {
    weapon("arson", "tactic")
}

const LIST: &[Rule] = &[
    Rule {
        name: "attackers_on_motorcycles",
        kind: Kind::Weapon,
        pattern: r"(?i)(?-u:\b)(?:on|aboard|riding|rode|using|by|astride)[ \t]+(?:(?:their|dozens[ \t]+of|scores[ \t]+of|hundreds[ \t]+of|several|many|\d+)[ \t]+)?(?P<span>motor(?:cycle|bike)s?|motor[ \t]+bikes?)(?-u:\b)",
        produce: motorcycles,
        examples: &[
            "Hundreds of militants on motorcycles attacked the post.",
            "The gunmen arrived riding motorbikes.",
            "assailants aboard dozens of motorcycles",
        ],
        counter_examples: &[
            "Motorcycles were banned in the region.",
            "a motorcycle dealer",
        ],
    },
    Rule {
        name: "arson_set_ablaze",
        kind: Kind::Weapon,
        pattern: r"(?i)(?-u:\b)(?:set|setting|sets)[ \t]+(?:[\w'’-]+[ \t]+){0,4}?(?:ablaze|alight|on[ \t]+fire)(?-u:\b)|(?-u:\b)(?:burn(?:ed|t|ing)?)[ \t]+down(?-u:\b)|(?-u:\b)torch(?:ed|ing)(?-u:\b)",
        produce: arson,
        examples: &[
            "They set the village ablaze.",
            "The attackers set several houses on fire.",
            "Gunmen burned down the market.",
            "fighters torched shops",
        ],
        counter_examples: &["They set up a checkpoint.", "a fire broke out"],
    },
];

/// The weapons rules (the table is matched separately).
pub static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::new(LIST, &[]));

/// Finds weapons in `text`.
pub fn find(text: &str, ctx: &Context) -> Vec<Found> {
    let table = &*TABLE;
    let mut out: Vec<Found> = Vec::new();
    for m in table.lexicon.find(text) {
        let Some((name, category)) = table.records.get(m.payload as usize) else {
            continue;
        };
        if out.last().is_some_and(|f| f.start == m.start) {
            continue;
        }
        if let Some(value) = weapon(name, category) {
            out.push(Found {
                start: m.start,
                end: m.end,
                rule: "weapon_table",
                value,
            });
        }
    }
    out.extend(RULES.run(text, ctx));
    out
}

#[cfg(test)]
mod tests {
    /// Input sentence and the expected finds.
    type Example<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)]);

    use super::super::overlap;
    use super::*;

    fn weapons(text: &str) -> Vec<(String, String, String)> {
        overlap::resolve(find(text, &Context::default()))
            .into_iter()
            .filter_map(|f| match f.value {
                Value::Weapon(w) => Some((text[f.start..f.end].to_string(), w.name, w.category)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn table_parses_every_line() {
        let rows = crate::lexicon::data_lines(WEAPONS_TSV).count();
        assert_eq!(TABLE.records.len(), rows);
    }

    #[test]
    fn weapons_in_sentences() {
        let table: &[Example] = &[
            (
                "Jihadists used IEDs and kamikaze vehicles.",
                &[
                    ("IEDs", "improvised explosive device", "explosive"),
                    ("kamikaze vehicles", "car bomb", "explosive"),
                ],
            ),
            (
                "A drone strike and mortar fire hit the camp.",
                &[
                    ("drone strike", "drone strike", "air"),
                    ("mortar fire", "mortar", "artillery"),
                ],
            ),
            (
                "Gunmen on motorcycles armed with AK-47 rifles set the huts ablaze.",
                &[
                    ("motorcycles", "motorcycles", "vehicle"),
                    ("AK-47", "rifle", "firearm"),
                    ("rifles", "rifle", "firearm"),
                    ("set the huts ablaze", "arson", "tactic"),
                ],
            ),
            (
                "Vehicles mounted with heavy machine guns were seized.",
                &[("heavy machine guns", "heavy machine gun", "firearm")],
            ),
            (
                "The think tank held a meeting; an IED, not an ied, went off.",
                &[("IED", "improvised explosive device", "explosive")],
            ),
        ];
        for (text, want) in table {
            let want: Vec<(String, String, String)> = want
                .iter()
                .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
                .collect();
            assert_eq!(weapons(text), want, "{text}");
        }
    }
}
