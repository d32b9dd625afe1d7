//! The words of conflict news that incident building looks for, as small classifiers over
//! lower-cased words. Each list says what it is for; tests below give examples of each.

/// A word naming a violent act or its means: "attack", "ambushed", "explosion", "kidnapped".
/// Not "attackers" (a figure's subject, not an act).
pub fn is_attack_word(w: &str) -> bool {
    if w.starts_with("attacker") {
        return false;
    }
    const PREFIXES: &[&str] = &[
        "attack",
        "assault",
        "ambush",
        "raid",
        "clash",
        "skirmish",
        "battl",
        "bomb",
        "explo",
        "blast",
        "shell",
        "mortar",
        "rocket",
        "missile",
        "airstrike",
        "overran",
        "overrun",
        "overpower",
        "storm",
        "kidnap",
        "abduct",
        "hostage",
        "massacr",
        "assassinat",
        "behead",
        "landmine",
        "grenade",
        "onslaught",
        "offensive",
        "gunfire",
        "gunmen",
        "gunman",
        "shooting",
        "ieds",
    ];
    const WORDS: &[&str] = &[
        "fighting",
        "fought",
        "combat",
        "strike",
        "strikes",
        "struck",
        "ied",
        "drone",
        "drones",
        "shot",
        "torched",
        "looted",
        "executed",
        "execution",
        "executions",
        "targeted",
        "rampage",
        "fire",
    ];
    starts_with_any(w, PREFIXES) || is_one_of(w, WORDS)
}

/// True if `w` starts with one of `prefixes` (none empty). Compares the first byte before the
/// rest: these run for every word of every sentence, and most words share no first letter.
fn starts_with_any(w: &str, prefixes: &[&str]) -> bool {
    let Some(&b0) = w.as_bytes().first() else {
        return false;
    };
    prefixes
        .iter()
        .any(|p| p.as_bytes().first() == Some(&b0) && w.starts_with(p))
}

/// `words.contains(&w)`, comparing the length and first byte before the rest.
fn is_one_of(w: &str, words: &[&str]) -> bool {
    let b0 = w.as_bytes().first();
    words
        .iter()
        .any(|x| x.len() == w.len() && x.as_bytes().first() == b0 && *x == w)
}

/// A word saying that people were harmed: "killed", "dead", "wounded".
pub fn is_harm_word(w: &str) -> bool {
    const PREFIXES: &[&str] = &["kill", "murder", "wound", "injur", "casualt", "death"];
    const WORDS: &[&str] = &[
        "dead", "died", "die", "dies", "slain", "slew", "lives", "bodies",
    ];
    starts_with_any(w, PREFIXES) || is_one_of(w, WORDS)
}

/// An event noun a definite article can point back to: "the attack", "this raid".
pub fn is_event_noun(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "attack",
        "assault",
        "raid",
        "ambush",
        "strike",
        "strikes",
        "blast",
        "explosion",
        "onslaught",
        "incident",
        "clash",
        "bombing",
        "skirmish",
        "battle",
        "offensive",
        "violence",
        "killing",
        "killings",
        "massacre",
        "abduction",
        "kidnapping",
        "shooting",
        "fighting",
        "attackers",
        "assailants",
        "gunmen",
        "militants",
        "terrorists",
        "jihadists",
        "insurgents",
        "raiders",
    ];
    WORDS.contains(&w)
}

/// A plural event noun that a number or "several" turns into a summary of many events.
pub fn is_plural_event_noun(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "attacks",
        "incidents",
        "clashes",
        "raids",
        "ambushes",
        "assaults",
        "bombings",
        "explosions",
        "strikes",
        "killings",
        "events",
        "operations",
    ];
    WORDS.contains(&w)
}

/// A quantifier before a plural event noun: "two", "several", "separate", "distinct".
pub fn is_many_quantifier(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
        "multiple", "separate", "distinct", "various", "many", "numerous", "series", "string",
        "spate", "wave",
    ];
    WORDS.contains(&w) || (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()) && w != "1")
}

/// A small number word, for "three separate incidents": the count it names.
pub fn small_number(w: &str) -> Option<usize> {
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight",
    ];
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return Some(i + 1);
    }
    w.parse::<usize>().ok().filter(|n| (1..=8).contains(n))
}

/// Admin units that make "in N provinces" a summary: the events are in several places.
pub fn is_admin_plural(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "provinces",
        "regions",
        "states",
        "districts",
        "departments",
        "villages",
        "towns",
        "countries",
        "locations",
        "localities",
        "communities",
        "counties",
    ];
    WORDS.contains(&w)
}

/// A word that marks a sentence about a trend or history rather than one event:
/// "attacks have risen", "escalated", "a surge", "repeated attacks".
pub fn is_trend_word(w: &str) -> bool {
    const PREFIXES: &[&str] = &["escalat", "rebound", "continual", "declin"];
    const WORDS: &[&str] = &[
        "risen",
        "rising",
        "rise",
        "increased",
        "increasing",
        "surge",
        "surged",
        "uptick",
        "repeated",
        "numerous",
        "spate",
        "persistent",
        "recurrent",
        "frequent",
        "record",
    ];
    starts_with_any(w, PREFIXES) || is_one_of(w, WORDS)
}

/// A word introducing a figure that replaces an earlier one: "the toll rose to 38".
pub fn is_revision_verb(w: &str) -> bool {
    matches!(
        w,
        "rose" | "risen" | "climbed" | "increased" | "revised" | "jumped" | "reached" | "mounted"
    )
}

/// A word that says a new, different event follows: "in a separate incident", "meanwhile".
pub fn is_separate_word(w: &str) -> bool {
    matches!(
        w,
        "separate" | "separately" | "meanwhile" | "elsewhere" | "another"
    )
}

/// A word that marks a past event told as background: "in another attack last month".
pub fn is_background_word(w: &str) -> bool {
    matches!(
        w,
        "another" | "since" | "previous" | "previously" | "deadliest" | "earlier" | "prior"
    )
}

/// A word of saying or reporting: a date right after it is when it was said, not the event day.
pub fn is_speech_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "statement",
        "released",
        "visited",
        "visit",
        "visiting",
        "published",
        "quoted",
        "declared",
        "wrote",
        "tweeted",
        "posted",
        "noted",
        "briefed",
        "briefing",
        "arrested",
        "detention",
        "detained",
        "coup",
        "election",
        "elections",
        "signed",
        "condemned",
        "condemns",
        "denounced",
        "deplored",
    ];
    crate::saying::is_saying_verb(w) || WORDS.contains(&w)
}

/// A word telling when the event itself happened: a date after it is the event's day.
pub fn is_occurrence_word(w: &str) -> bool {
    matches!(
        w,
        "occurred" | "happened" | "took" | "erupted" | "began" | "started" | "struck" | "came"
    ) || is_attack_word(w)
        || is_harm_word(w)
}

/// A person's role: a place after "role in/of" is where the speaker is, not the event.
pub fn is_speaker_role(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "official",
        "officials",
        "mayor",
        "governor",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "resident",
        "residents",
        "expert",
        "analyst",
        "analysts",
        "source",
        "sources",
        "chief",
        "commander",
        "lawmaker",
        "legislator",
        "senator",
        "chairman",
        "leader",
        "minister",
        "correspondent",
        "reporter",
        "journalist",
        "witness",
        "doctor",
        "hospital",
        "prefect",
        "administrator",
        "councillor",
        "councilor",
        "member",
        "representative",
        "authorities",
        "police",
        "mp",
        "native",
        "based",
    ];
    WORDS.contains(&w)
}

/// A preposition that puts a place off the event: "fled to X", "came from X". Not "across":
/// "strikes across the Gaza Strip" spread over it.
pub fn is_away_preposition(w: &str) -> bool {
    matches!(
        w,
        "from" | "to" | "into" | "toward" | "towards" | "via" | "beyond"
    )
}

/// A compass or distance word: "southeast of Manila", "190 kilometres from Niamey".
pub fn is_relative_position(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northern",
        "southern",
        "eastern",
        "western",
        "outside",
        "kilometres",
        "kilometers",
        "km",
        "miles",
        "mi",
    ];
    WORDS.contains(&w)
}

/// Filler words skipped when looking back from a place for its preposition:
/// "from the capital, Niamey", "of the nearest town Kareri".
pub fn is_place_filler(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "the",
        "a",
        "an",
        "capital",
        "town",
        "city",
        "village",
        "nearest",
        "nearby",
        "neighbouring",
        "neighboring",
        "provincial",
        "state",
        "commercial",
        "economic",
        "border",
        "region",
        "province",
        "district",
        "country",
        "hometown",
        "native",
        "central",
    ];
    WORDS.contains(&w)
}

/// A word after "Niger's" that makes the country the owner of a force or office, not a place.
pub fn is_owned_institution(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "army",
        "armed",
        "military",
        "forces",
        "ministry",
        "government",
        "president",
        "defence",
        "defense",
        "chief",
        "junta",
        "police",
        "security",
        "troops",
        "soldiers",
        "authorities",
        "interior",
        "foreign",
        "national",
        "prime",
        "leader",
        "leaders",
        "parliament",
        "state",
        // "Gaza's health ministry", "Gaza's civil defence agency", "Lebanon's emergency
        // services".
        "health",
        "civil",
        "emergency",
    ];
    WORDS.contains(&w)
}

/// Admin-unit words after a place: "Dankurmi district", "Bam province" (a qualifier, not a
/// second attacked place).
pub fn is_admin_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "district",
        "province",
        "region",
        "state",
        "department",
        "county",
        "division",
        "subdivision",
        "municipality",
        "commune",
        "prefecture",
        "governorate",
        "lga",
        "area",
        "local",
        "circle",
        "cercle",
        "canton",
        "oblast",
        "raion",
        "parish",
        "zone",
    ];
    WORDS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists() {
        // (word, attack, harm, trend)
        let table: &[(&str, bool, bool, bool)] = &[
            ("ambushed", true, false, false),
            ("attackers", false, false, false),
            ("explosion", true, false, false),
            ("killed", false, true, false),
            ("wounded", false, true, false),
            ("escalated", false, false, true),
            ("risen", false, false, true),
            ("soldiers", false, false, false),
        ];
        for &(w, a, h, t) in table {
            assert_eq!(is_attack_word(w), a, "{w} attack");
            assert_eq!(is_harm_word(w), h, "{w} harm");
            assert_eq!(is_trend_word(w), t, "{w} trend");
        }
        assert_eq!(small_number("three"), Some(3));
        assert_eq!(small_number("12"), None);
        assert!(is_many_quantifier("several") && is_many_quantifier("2"));
        assert!(!is_many_quantifier("1"));
    }
}
