//! Context rules: places the gazetteer does not know, found from the words around them
//! ("the village of X", "X district", "between X and Y"). Each rule makes a bare [`Place`]
//! (name and precision); `places::find` then fills region and country from the text.
//!
//! A name here is one to three capitalised words, which may be joined by a lower-case particle
//! ("Jaral del Progreso"). Names that are not places — weekdays, months, demonyms, all-caps
//! acronyms, armed-group words — are rejected by [`plausible_name`].

use regex::Captures;

use super::gazetteer::{key_of, PlaceKind, GAZETTEER};
use crate::context::Context;
use crate::model::{Kind, Place, PlacePrecision, Value};
use crate::rule::Rule;

/// Shared sub-patterns.
pub const FRAGMENTS: &[(&str, &str)] = &[
    (
        "name",
        r"\p{Lu}[\p{L}\p{M}]*(?:['’\-]\p{L}[\p{L}\p{M}]+)*(?: (?:(?:(?:de|del|la|el|al|du|des|di|da) )?\p{Lu}|(?:al|el|ad|ar|as|ash|az|an|at|ez|es|ed|ul)-\p{Lu})[\p{L}\p{M}]*(?:['’\-]\p{L}[\p{L}\p{M}]+)*){0,2}",
    ),
    (
        "settlement",
        r"town|village|city|hamlet|locality|commune|settlement|community",
    ),
    (
        "admin_lc",
        r"district|subdivision|division|province|region|department|county|state|governorate|prefecture|municipality|local government area|[Ll]ocal [Gg]overnment [Aa]rea|LGA",
    ),
];

/// Words that start capitalised phrases that are not places (besides weekdays and months, see
/// [`plausible_name`]).
const NOT_PLACE_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "islamic",
    "state",
    "army",
    "police",
    "military",
    "god",
    "allah",
    "boko",
    "haram",
    "al",
    "christmas",
    "ramadan",
    "eid",
    "mass",
    "government",
    "president",
    "minister",
    "ministry",
    "general",
    "gen",
    "colonel",
    "col",
    "captain",
    "mr",
    "mrs",
    "dr",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "upper",
    "lower",
    "greater",
    "local",
    "federal",
    "national",
    "united",
    "taliban",
    "hamas",
    "hezbollah",
    "jihadist",
    "jihadists",
    "christian",
    "christians",
    "muslim",
    "muslims",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "there",
    "here",
    "when",
    "where",
    "after",
    "before",
    "during",
    "while",
    "on",
    "in",
    "at",
    "and",
    "but",
    "or",
    "if",
    "some",
    "many",
    "several",
    "most",
    "all",
    "both",
    "each",
    "one",
    "two",
    "three",
    "news",
    "agence",
    "reuters",
    "afp",
    "associated",
    "press",
    "security",
    "defence",
    "defense",
    "forces",
    "force",
    "troops",
    "soldiers",
    "rebels",
    "militants",
    "gunmen",
    "bandits",
    "saint",
    "st",
    "lake",
    "river",
    "mount",
    "old",
    "new",
    "tri",
    "niger-burkina",
    "world",
    "mali-niger",
    "sahel",
    "africa",
    "media",
];

/// True if `name` (as written) can be a place name: not a weekday, month, demonym, acronym or
/// group word.
pub fn plausible_name(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 3 || letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    let first = name.split([' ', '-']).next().unwrap_or("");
    let f = key_of(first);
    // Weekdays and months: the date dimension's own lists.
    let not_place = |w: &str| {
        NOT_PLACE_WORDS.contains(&w)
            || crate::dates::WEEKDAY_NAMES.contains(&w)
            || crate::dates::MONTH_NAMES.contains(&w)
    };
    if not_place(&f) || not_place(&key_of(name)) {
        return false;
    }
    name.split(' ').all(|w| {
        let k = key_of(w);
        GAZETTEER.demonym(&k).is_none() && !matches!(k.as_str(), "state" | "islamic" | "army")
    })
}

fn place(caps: &Captures, precision: PlacePrecision) -> Option<Value> {
    let name = caps.name("span")?.as_str();
    if !plausible_name(name) {
        return None;
    }
    Some(Value::Location(Place {
        name: name.to_string(),
        precision,
        ..Place::default()
    }))
}

fn town(caps: &Captures, _: &Context) -> Option<Value> {
    place(caps, PlacePrecision::Town)
}

fn region(caps: &Captures, _: &Context) -> Option<Value> {
    place(caps, PlacePrecision::Region)
}

/// "Kayes Region": the suffix is part of the mention, the name alone is checked.
fn capitalised_region(caps: &Captures, _: &Context) -> Option<Value> {
    let name = caps.name("name")?.as_str();
    if !plausible_name(name) {
        return None;
    }
    Some(Value::Location(Place {
        name: name.to_string(),
        precision: PlacePrecision::Region,
        ..Place::default()
    }))
}

/// "X, in Niger's Dosso Region": X is a town when the possessive is a country.
fn town_in_country(caps: &Captures, ctx: &Context) -> Option<Value> {
    names_a(caps.name("country")?.as_str(), &[PlaceKind::Country])
        .then(|| town(caps, ctx))
        .flatten()
}

/// "in Tessora, Niger", "in Las Navas, Northern Samar": X is a town when the name after the
/// comma is a country or a region (first- or second-level).
fn town_in_area(caps: &Captures, ctx: &Context) -> Option<Value> {
    names_a(
        caps.name("area")?.as_str(),
        &[PlaceKind::Country, PlaceKind::Region, PlaceKind::District],
    )
    .then(|| town(caps, ctx))
    .flatten()
}

/// Whether the gazetteer has `name` as a place of one of `kinds`.
fn names_a(name: &str, kinds: &[PlaceKind]) -> bool {
    let g = &*GAZETTEER;
    let mut buf = String::new();
    let mut ids = Vec::new();
    g.lookup(&key_of(name), &mut buf, &mut ids);
    ids.iter()
        .filter_map(|&i| g.record(i))
        .any(|r| kinds.contains(&r.kind))
}

/// The context rules, in the order they run.
pub const LIST: &[Rule] = &[
    Rule {
        name: "town_of_name",
        kind: Kind::Location,
        pattern: r"(?-u:\b)(?:{settlement}|outskirts|district|municipality|area) of (?P<span>{name})",
        produce: town,
        examples: &[
            "Gunmen stormed the village of Tondikiwindi at dawn.",
            "Fighting reached the outskirts of Djibo on Sunday.",
            "the town of Jaral del Progreso was quiet",
        ],
        counter_examples: &[
            "a town of 20,000 people",
            "the village of the dead",
            "the city of God",
            "the town of Monday",
        ],
    },
    Rule {
        name: "nearest_town_name",
        kind: Kind::Location,
        pattern: r"(?-u:\b)(?:nearest|nearby|neighbouring|neighboring|nearest) (?:{settlement}),? (?P<span>{name})",
        produce: town,
        examples: &["said the mayor of the nearest town Kadiolo, who asked"],
        counter_examples: &["the nearest town is far away", "the nearby village, The"],
    },
    Rule {
        name: "name_settlement",
        kind: Kind::Location,
        pattern: r"(?:^|[^\p{L}\p{M}\p{N}'’\-])(?P<span>{name}) (?:{settlement})(?-u:\b)",
        produce: town,
        examples: &[
            "bandits raided Tungan Daji village overnight",
            "an official in Abala town said",
        ],
        counter_examples: &[
            "The village was burned.",
            "in Nigerien town halls",
            "the Islamic State village raids",
        ],
    },
    Rule {
        name: "first_of_named_settlements",
        kind: Kind::Location,
        pattern: r"(?:^|[^\p{L}\p{M}\p{N}'’\-])(?P<span>{name})(?:, {name}){0,4},? and {name} (?:villages|towns|localities|settlements)(?-u:\b)",
        produce: town,
        examples: &[
            "The attackers stormed Mushu, Hurti and Daffo villages at night.",
            "raids on Kumbo and Ndop towns",
        ],
        counter_examples: &[
            "raids on the two villages",
            "clashes between the Meitei and Kuki-Zo communities",
        ],
    },
    Rule {
        name: "next_to_last_of_named_settlements",
        kind: Kind::Location,
        pattern: r", (?P<span>{name}),? and {name} (?:villages|towns|localities|settlements)(?-u:\b)",
        produce: town,
        examples: &["The attackers stormed Mushu, Hurti and Daffo villages at night."],
        counter_examples: &["raids on Kumbo and Ndop towns"],
    },
    Rule {
        name: "last_of_named_settlements",
        kind: Kind::Location,
        pattern: r"(?:,|(?-u:\b)and) (?P<span>{name}) (?:villages|towns|localities|settlements)(?-u:\b)",
        produce: town,
        examples: &[
            "The attackers stormed Mushu, Hurti and Daffo villages at night.",
            "raids on Kumbo and Ndop towns",
        ],
        counter_examples: &["raids on Kumbo and other towns"],
    },
    Rule {
        name: "name_displacement_camp",
        kind: Kind::Location,
        pattern: r"(?:^|[^\p{L}\p{M}\p{N}'’\-])(?P<span>{name}) (?:(?:displacement|displaced\s+persons'?|displaced\s+people'?s?|refugee|IDP|IDPs'?)\s+camp(?-u:\b)|camp\s+for\s+(?:the\s+)?(?:displaced|internally\s+displaced|refugees)(?-u:\b))",
        produce: town,
        examples: &[
            "fighters stormed the Abu Shouk displacement camp north of the city",
            "shelling hit Zamzam camp for displaced people",
            "residents of the Kalma IDP camp said",
        ],
        counter_examples: &[
            "troops overran a Shabaab camp",
            "the army camp was shelled",
            "a displacement camp near the town",
        ],
    },
    Rule {
        name: "name_admin_area",
        kind: Kind::Location,
        pattern: r#"(?:^|[^\p{L}\p{M}\p{N}'’\-])(?P<span>{name})["”]? (?:{admin_lc})(?-u:\b)"#,
        produce: region,
        examples: &[
            "gunmen struck in Kwatarkwashi district of the state",
            "in Mayo Tsanaga division of the region",
            "in the \"Liptako\" region",
        ],
        counter_examples: &[
            "the Islamic State province",
            "across the northern region",
            "in the West region of",
        ],
    },
    Rule {
        name: "name_capitalised_region",
        kind: Kind::Location,
        pattern: r"(?:^|[^\p{L}\p{M}\p{N}'’\-])(?P<span>(?P<name>{name}) (?:Region|State|Province))(?-u:\b)",
        produce: capitalised_region,
        examples: &["in Kayes Region on Monday", "across Yobe State"],
        counter_examples: &["the Islamic State Province", "The Region"],
    },
    Rule {
        name: "attack_at_name",
        kind: Kind::Location,
        pattern: r"(?-u:\b)(?:attack(?:s|ed)?|raid(?:s|ed)?|assault(?:s|ed)?|ambush(?:es|ed)?|clash(?:es|ed)?|fighting|massacre) (?:on|in|at|near) (?P<span>{name})",
        produce: town,
        examples: &[
            "after the attack on Solhan, residents fled",
            "clashes near Kidal continued",
        ],
        counter_examples: &[
            "the attack on Monday",
            "an attack on Nigerien soldiers",
            "a raid on ISWAP positions",
            "an attack on Islamic State fighters",
        ],
    },
    Rule {
        name: "in_name_a_settlement",
        kind: Kind::Location,
        pattern: r"(?-u:\b)(?:in|at) (?P<span>{name}), (?:a|the) (?:[a-z\-]+ ){0,2}(?:{settlement}|district)(?-u:\b)",
        produce: town,
        examples: &["It happened in Fada, a small town near the border."],
        counter_examples: &["in January, the village was", "in Africa, a continent"],
    },
    Rule {
        name: "name_in_countrys",
        kind: Kind::Location,
        pattern: r"(?:^|[^\p{L}\p{M}\p{N}'’\-])(?P<span>{name}), in (?P<country>{name})(?:’s|'s)\s",
        produce: town_in_country,
        examples: &["a post in Dogondoutchi, in Niger's Dosso Region"],
        counter_examples: &["said Moussa, in Amadou's house"],
    },
    Rule {
        name: "in_name_comma_area",
        kind: Kind::Location,
        pattern: r"(?-u:\b)(?:in|at|near|outside) (?P<span>{name}), (?P<area>{name})(?:[^\p{L}\p{M}\p{N}'’\-]|$)",
        produce: town_in_area,
        examples: &[
            "Gunmen attacked soldiers in Tessora, Niger on Monday.",
            "Deadly assault on a base near Marlech, Mali",
            "a landmine went off on a road in Las Navas, Northern Samar, on Tuesday",
        ],
        counter_examples: &[
            "It rained in January, Niger said.",
            "They met in Kano, the capital of the state.",
            "in Tessora, Amadou said",
        ],
    },
    Rule {
        name: "in_name_in_area",
        kind: Kind::Location,
        pattern: r"(?-u:\b)(?:in|at|near) (?P<span>{name}), (?:in )?(?:the )?(?:{name}) (?:district|province|region|state|department|county|municipality|prefecture)(?-u:\b)",
        produce: town,
        examples: &[
            "The attackers burned homes in Tessora, in Ralvik district, on Friday.",
            "a raid at Marlech, in the Kesh province",
            "a drone hit a wedding in Inadiatafane, Timbuktu region, killing eight",
        ],
        counter_examples: &[
            "in January, in Ralvik district",
            "in Tessora, in the morning",
        ],
    },
    Rule {
        name: "name_paren_region",
        kind: Kind::Location,
        pattern: r"(?:^|[^\p{L}\p{M}\p{N}'’\-])(?P<span>{name}) \((?:{name}) (?:[Rr]egion|[Pp]rovince|[Ss]tate|[Dd]istrict)\)",
        produce: town,
        examples: &["positions in Diafarabé (Mopti Region) and"],
        counter_examples: &["troops (Mopti Region) and", "The army (Kayes Region)"],
    },
    Rule {
        name: "between_name_and",
        kind: Kind::Location,
        pattern: r"(?-u:\b)between (?P<span>{name}) and (?:{name})(?-u:\b)",
        produce: town,
        examples: &["on the road between Kaya and Dori"],
        counter_examples: &[
            "between January 29 and February 3",
            "between JNIM and ISWAP",
        ],
    },
    Rule {
        name: "between_and_name",
        kind: Kind::Location,
        pattern: r"(?-u:\b)between (?:{name}) and (?P<span>{name})(?-u:\b)",
        produce: town,
        examples: &["on the road between Kaya and Dori"],
        counter_examples: &["between March and April", "between Kaya and ISWAP"],
    },
    Rule {
        name: "near_name",
        kind: Kind::Location,
        pattern: r"(?-u:\b)(?:near|outside|close to) (?P<span>{name})",
        produce: town,
        examples: &["a checkpoint near Torodi was overrun"],
        counter_examples: &[
            "near the border",
            "close to Nigerien positions",
            "near Islamic State",
        ],
    },
    Rule {
        name: "at_name_near",
        kind: Kind::Location,
        pattern: r"(?-u:\b)(?:in|at) (?P<span>{name}),? (?:near|close to|outside|on the outskirts)(?-u:\b)",
        produce: town,
        examples: &["they attacked a base at Boulkessi near the border"],
        counter_examples: &["at Monday near noon", "at The Hague near"],
    },
    Rule {
        name: "in_name_distance",
        kind: Kind::Location,
        pattern: r"(?-u:\b)(?:in|at) (?P<span>{name}),? (?:(?:roughly|about|some|around|approximately|nearly) )?\d[\d,.]* ?(?:km|kilometers|kilometres|miles)(?-u:\b)",
        produce: town,
        examples: &["The ambush happened in Tabatol, some 120 km from the border."],
        counter_examples: &["in March, 30 km away", "in 2024, 40 km from"],
    },
    Rule {
        name: "capital_name",
        kind: Kind::Location,
        pattern: r"(?-u:\b)capital(?: city)?,? (?P<span>{name})",
        produce: town,
        examples: &["soldiers were sent to the capital, Ouagadougou, after"],
        counter_examples: &["the capital, which", "capital The"],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plausible_names() {
        for (name, want) in [
            ("Makalondi", true),
            ("Jaral del Progreso", true),
            ("Monday", false),
            ("Nigerien", false),
            ("JNIM", false),
            ("The", false),
            ("Islamic State", false),
            ("Ab", false),
        ] {
            assert_eq!(plausible_name(name), want, "{name}");
        }
    }
}
