//! Figures: counts of anything but casualties — the attackers' strength and the materiel and
//! property seized, destroyed or burned.
//!
//! Counts read with the `{count}` fragment of [`super::numbers`] (values per `CONVENTIONS.md`).
//!
//! | rule | phrase | `what` |
//! |---|---|---|
//! | `attackers_strength` | "around 300 fighters", "hundreds of militants on motorcycles" | `attackers` |
//! | `attackers_numbering` | "the gunmen, numbering about 200" | `attackers` |
//! | `force_of_men` | "a force of several hundred men", "a column numbering 200 fighters" | `attackers` |
//! | `things_taken` | "seized at least 12 military vehicles", "40 rifles were recovered" | `<thing> seized` |
//! | `things_destroyed` | "destroyed five motorcycles", "20 houses were burned" | `<thing> destroyed` / `<thing> burned` |
//!
//! The `what` vocabulary is small and stable: `attackers`, and `<thing> <action>` where thing is
//! one of `vehicles`, `motorcycles`, `houses`, `buildings`, `weapons`, `ammunition`,
//! `livestock`, and action one of `seized` (seized, captured, recovered, confiscated, looted,
//! stolen), `destroyed`, `burned` (burned, torched, set ablaze).
//!
//! An attackers' count that is itself a casualty ("100 militants were killed", "killing 55
//! jihadists") is not a figure: the rule sees the outcome word next to it and lets
//! [`super::casualties`] have it.

use regex::Captures;
use std::sync::LazyLock;

use super::context::Context;
use super::model::{FigureValue, Kind, Value};
use super::numbers::{self, parse_count};
use super::rule::{Found, Rule, RuleSet};

/// Nouns for armed attackers.
const ATTACKER: &str = r"fighters|militants|assailants|attackers|gunmen|jihadists|insurgents|terrorists|rebels|bandits|armed\s+men|heavily\s+armed\s+men|militiamen|raiders|extremists|islamists|combatants|gunmen";

/// Words between the count and the attackers' noun.
const ATTACKER_MOD: &str = r"(?-i:\p{Lu})[\p{L}\p{M}'’.]*(?:-[\p{L}\p{M}]+)*|heavily|lightly|well|armed|suspected|islamist|jihadist|enemy|rebel|militia|terrorist|more|other";

/// Outcome words that make a count of fighters a casualty instead.
const CASUALTY_BEFORE: &str = r"kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es|e)|neutrali[sz](?:ed|ing|es)|arrest(?:ed|ing|s)?|captur(?:ed|ing|es)|death\s+of|deaths\s+of|lives\s+of|killing\s+of|surrender\s+of|detained|detaining|apprehended|eliminat(?:ed|ing)|executed|executing";
const CASUALTY_AFTER: &str = r"(?:(?:were|was|have|has|had|been|being|are|is|also|all|reportedly|later|directly|allegedly|confirmed)\s+)+(?:killed|dead|slain|died|wounded|injured|neutrali[sz]ed|arrested|captured|detained|eliminated|executed|abducted|kidnapped)|(?:died|perished|lost\s+their\s+lives|surrendered)|(?:killed|dead|slain|wounded|injured|neutrali[sz]ed|arrested|captured)(?:\s*[,.;:]|\s+(?:in|on|at|during|by|when|while|after|and)(?-u:\b))";

/// Things counted, as written (plural).
const THING: &str = r"(?:armou?red\s+|military\s+|army\s+|civilian\s+|private\s+|pick-?up\s+)?(?:vehicles|trucks|pick-?ups|cars|tanks|motorcycles|motorbikes|motos|houses|homes|huts|dwellings|shops|stores|buildings|churches|mosques|schools|granaries|weapons|rifles|guns|firearms|AK-47s|assault\s+rifles|rounds\s+of\s+ammunition|rounds|cattle|heads\s+of\s+cattle|cows|goats|sheep|camels|livestock)";

const TAKE: &str = r"seiz(?:ed|ing|es)|captur(?:ed|ing|es)|recover(?:ed|ing|s)|confiscat(?:ed|ing|es)|loot(?:ed|ing|s)|stole|stolen|steal(?:ing|s)?|carried\s+off|made\s+off\s+with|took|taking|taken";
const DESTROY: &str = r"destroy(?:ed|ing|s)|burn(?:ed|t|ing|s)|torch(?:ed|ing|es)|set\s+ablaze|set\s+on\s+fire|razed|razing|demolish(?:ed|ing)";

fn fragments() -> Vec<(&'static str, &'static str)> {
    let mut f: Vec<(&'static str, &'static str)> = numbers::FRAGMENTS.to_vec();
    f.extend([
        ("attacker", ATTACKER),
        ("attacker_mod", ATTACKER_MOD),
        ("casualty_before", CASUALTY_BEFORE),
        ("casualty_after", CASUALTY_AFTER),
        ("thing", THING),
        ("take", TAKE),
        ("destroy", DESTROY),
        ("thing_mod", r"(?-i:\p{Lu})[\p{L}\p{M}\d'’.-]*|military|army|civilian|private|new|stolen|other|more|additional|abandoned|heavy|light|assorted|various"),
        (
            "on_vehicles",
            r"\s+(?:on|riding|aboard|in)\s+(?:(?:{count})\s+)?(?:motorcycles|motorbikes|pick-?up\s+trucks|pick-?ups|vehicles|trucks|horseback|camels)",
        ),
    ]);
    f
}

/// The figures rules.
pub static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::new(LIST, &fragments()));

const LIST: &[Rule] = &[
    Rule {
        name: "attackers_strength",
        kind: Kind::Figure,
        pattern: r#"(?i)(?P<before>(?-u:\b)(?:{casualty_before})\s+)?(?P<span>(?P<count>{count})\s+(?:(?:{attacker_mod})\s+){0,3}(?:{attacker})(?-u:\b)(?:{on_vehicles})?)["”’]?(?P<after>\s+(?:{casualty_after}))?"#,
        produce: attackers,
        examples: &[
            "The base was attacked by around 300 fighters.",
            "Hundreds of Islamist militants on motorcycles stormed the town.",
            "Approximately 100 heavily armed assailants on pick-up trucks struck at dawn.",
            "Hundreds of gunmen riding motorbikes killed 14 villagers.",
        ],
        counter_examples: &[
            "Over 100 militants were killed in the counter-attack.",
            "Troops said 30 insurgents died in the air strike.",
            "Dozens of fighters killed in clashes",
            "The army said it killed dozens of jihadists.",
            "The ministry confirmed the deaths of 55 insurgents.",
            "In 2019 fighters crossed the border.",
        ],
    },
    Rule {
        name: "attackers_numbering",
        kind: Kind::Figure,
        pattern: r"(?i)(?P<span>(?-u:\b)(?:{attacker})(?-u:\b),?\s+(?:numbering|numbered|estimated\s+at|said\s+to\s+number)\s+(?P<count>{count}))",
        produce: attackers,
        examples: &[
            "The gunmen, numbering about 200, arrived at night.",
            "Attackers numbering more than 100 stormed the village.",
        ],
        counter_examples: &[
            "Displaced families numbering in the thousands arrived.",
            "The gunmen numbered the houses they burned.",
        ],
    },
    Rule {
        name: "force_of_men",
        kind: Kind::Figure,
        pattern: r"(?i)(?P<span>(?-u:\b)(?:force|column|group|convoy|contingent|unit|band)\s+(?:of|(?:[\w’']+\s+){0,3}?numbering|estimated\s+at)\s+(?P<count>{count})\s+(?:(?:{attacker_mod})\s+){0,2}(?:men|fighters|militants|gunmen|combatants|assailants)(?-u:\b)(?:{on_vehicles})?)",
        produce: attackers,
        examples: &[
            "A force of several hundred men surrounded the camp.",
            "A column described as numbering about 200 fighters crossed the river.",
        ],
        counter_examples: &["A force of habit kept them there."],
    },
    Rule {
        name: "things_taken",
        kind: Kind::Figure,
        pattern: r"(?i)(?P<span>(?-u:\b)(?:(?P<verb>{take})\s+(?P<count>{count})\s+(?:(?:{thing_mod})\s+){0,2}(?P<thing>{thing})|(?P<count2>{count})\s+(?:(?:{thing_mod})\s+){0,2}(?P<thing2>{thing})\s+(?:(?:were|was|have\s+been|had\s+been|also)\s+){1,2}(?P<verb2>{take})))(?-u:\b)",
        produce: things_taken,
        examples: &[
            "The attackers seized at least 12 military vehicles.",
            "Troops recovered 40 AK-47 rifles and ammunition.",
            "Around 200 heads of cattle were stolen.",
        ],
        counter_examples: &[
            "The rebels seized the town in 2019.",
            "They took 12 soldiers hostage.",
        ],
    },
    Rule {
        name: "things_destroyed",
        kind: Kind::Figure,
        pattern: r"(?i)(?P<span>(?-u:\b)(?:(?P<verb>{destroy})\s+(?P<count>{count})\s+(?:(?:{thing_mod})\s+){0,2}(?P<thing>{thing})|(?P<count2>{count})\s+(?:(?:{thing_mod})\s+){0,2}(?P<thing2>{thing})\s+(?:(?:were|was|have\s+been|had\s+been|also|completely|partially)\s+){1,3}(?P<verb2>{destroy})))(?-u:\b)",
        produce: things_destroyed,
        examples: &[
            "The raiders burned 30 houses and a church.",
            "Five motorcycles were destroyed in the strike.",
            "Gunmen torched dozens of homes.",
        ],
        counter_examples: &[
            "The fire destroyed the market.",
            "Twelve soldiers were burned to death.",
        ],
    },
];

fn is_year(s: &str) -> bool {
    let s = s.trim();
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

fn attackers(c: &Captures, _: &Context) -> Option<Value> {
    if c.name("before").is_some() || c.name("after").is_some() {
        return None;
    }
    let text = c.name("count")?.as_str();
    if is_year(text) {
        return None;
    }
    Some(Value::Figure(FigureValue {
        what: "attackers".to_string(),
        count: parse_count(text)?,
    }))
}

/// The stable name of a thing: "pick-up trucks" → "vehicles", "homes" → "houses".
fn thing_name(written: &str) -> &'static str {
    let w = written.to_lowercase();
    let last = w.rsplit([' ', '-']).next().unwrap_or("");
    match last {
        "motorcycles" | "motorbikes" | "motos" => "motorcycles",
        "houses" | "homes" | "huts" | "dwellings" => "houses",
        "shops" | "stores" | "buildings" | "churches" | "mosques" | "schools" | "granaries" => {
            "buildings"
        }
        "weapons" | "rifles" | "guns" | "firearms" | "ak-47s" | "47s" => "weapons",
        "ammunition" | "rounds" => "ammunition",
        "cattle" | "cows" | "goats" | "sheep" | "camels" | "livestock" => "livestock",
        _ => "vehicles",
    }
}

fn things(c: &Captures, action: &str) -> Option<Value> {
    let count = c.name("count").or_else(|| c.name("count2"))?.as_str();
    let thing = c.name("thing").or_else(|| c.name("thing2"))?.as_str();
    if is_year(count) {
        return None;
    }
    Some(Value::Figure(FigureValue {
        what: format!("{} {action}", thing_name(thing)),
        count: parse_count(count)?,
    }))
}

fn things_taken(c: &Captures, _: &Context) -> Option<Value> {
    things(c, "seized")
}

fn things_destroyed(c: &Captures, _: &Context) -> Option<Value> {
    let verb = c.name("verb").or_else(|| c.name("verb2"))?.as_str();
    let v = verb.to_lowercase();
    let action = if v.starts_with("destroy") || v.starts_with("raz") || v.starts_with("demol") {
        "destroyed"
    } else {
        "burned"
    };
    things(c, action)
}

/// Finds figures in `text`.
pub fn find(text: &str, ctx: &Context) -> Vec<Found> {
    RULES.run(text, ctx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Count;

    fn run(text: &str) -> Vec<(String, String, Count)> {
        let ctx = Context::published(chrono::NaiveDate::from_ymd_opt(2025, 2, 10).unwrap());
        super::super::overlap::resolve(find(text, &ctx))
            .into_iter()
            .filter_map(|f| match f.value {
                Value::Figure(v) => Some((text[f.start..f.end].to_string(), v.what, v.count)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn values_table() {
        let table: &[(&str, &str, &str, Count)] = &[
            (
                "The post was overrun by around 300 fighters.",
                "around 300 fighters",
                "attackers",
                Count::exact(300),
            ),
            (
                "Hundreds of militants on motorcycles attacked.",
                "Hundreds of militants on motorcycles",
                "attackers",
                Count::at_least(100),
            ),
            (
                "Approximately 100 heavily armed assailants struck.",
                "Approximately 100 heavily armed assailants",
                "attackers",
                Count::exact(100),
            ),
            (
                "They seized at least 12 military vehicles.",
                "seized at least 12 military vehicles",
                "vehicles seized",
                Count::at_least(12),
            ),
            (
                "Gunmen burned 30 homes.",
                "burned 30 homes",
                "houses burned",
                Count::exact(30),
            ),
            (
                "Five motorcycles were destroyed.",
                "Five motorcycles were destroyed",
                "motorcycles destroyed",
                Count::exact(5),
            ),
            (
                "A force of several hundred men attacked.",
                "force of several hundred men",
                "attackers",
                Count::at_least(100),
            ),
        ];
        for (input, span, what, count) in table {
            assert_eq!(
                run(input),
                vec![(span.to_string(), what.to_string(), *count)],
                "{input}"
            );
        }
    }

    #[test]
    fn not_figures() {
        for text in [
            "Approximately 100 rebels were killed.",
            "The army killed 55 jihadists.",
            "The deaths of 12 terrorists were confirmed.",
            "12 vehicles",
            "In 2019 militants attacked.",
            "",
        ] {
            assert!(run(text).is_empty(), "{text}: {:?}", run(text));
        }
    }
}
