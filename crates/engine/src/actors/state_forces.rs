//! State forces named by their country: "Nigerien soldiers", "Niger’s armed forces", "Kenyan
//! police", "the Niger defence ministry", and the unnamed ones: "security forces", "the army",
//! "gendarmes", "the junta", "pro-government forces".
//!
//! The country comes from `data/demonyms.tsv` (short name, code, other names, adjectives);
//! the force word decides the branch, so canonical names read "Niger military", "Kenya police",
//! "Burkina Faso gendarmerie", "Niger customs".

use std::sync::LazyLock;

use regex::Captures;

use super::super::context::Context;
use super::super::model::{ActorValue, Kind, Side, Value};
use super::super::rule::Rule;
use super::super::text::fold;

const DEMONYMS_TSV: &str = include_str!("../../data/demonyms.tsv");

/// A country of the demonym table.
#[derive(Clone, Debug)]
pub struct Country {
    /// English short name.
    pub name: String,
    /// ISO alpha-2 code.
    pub code: String,
}

/// The demonym table: folded country name or adjective → country, plus the regex alternations.
pub struct Countries {
    by_word: crate::hash::FastMap<String, Country>,
    /// Alternation of country names (escaped, longest first).
    pub names_alt: String,
    /// Alternation of adjectives (escaped, longest first).
    pub demonyms_alt: String,
}

impl Countries {
    /// The country a name or adjective stands for.
    pub fn get(&self, word: &str) -> Option<&Country> {
        self.by_word.get(&fold(word.trim()))
    }
}

fn alternation(mut items: Vec<String>) -> String {
    items.sort_by_key(|s| std::cmp::Reverse(s.len()));
    items.dedup();
    items
        .iter()
        .map(|s| regex::escape(s))
        .collect::<Vec<_>>()
        .join("|")
}

/// Parses the demonym table.
pub fn parse(tsv: &str) -> Countries {
    let mut by_word = crate::hash::FastMap::default();
    let (mut names, mut dems) = (Vec::new(), Vec::new());
    for cols in crate::lexicon::tsv_rows(tsv, 4) {
        let country = Country {
            name: cols[0].trim().to_string(),
            code: cols[1].trim().to_string(),
        };
        let others = cols[2].split('|').map(str::trim).filter(|s| !s.is_empty());
        for n in std::iter::once(cols[0].trim()).chain(others) {
            by_word.entry(fold(n)).or_insert_with(|| country.clone());
            names.push(n.to_string());
        }
        for d in cols[3].split('|').map(str::trim).filter(|s| !s.is_empty()) {
            by_word.entry(fold(d)).or_insert_with(|| country.clone());
            dems.push(d.to_string());
        }
    }
    Countries {
        by_word,
        names_alt: alternation(names),
        demonyms_alt: alternation(dems),
    }
}

/// The demonym table, compiled once.
pub static COUNTRIES: LazyLock<Countries> = LazyLock::new(|| parse(DEMONYMS_TSV));

/// Force words after a country or adjective (case-insensitive), longest first where one is a
/// prefix of another.
pub const FORCE: &str = r"(?i:armed forces|defen[cs]e forces|security forces|special forces|government forces|government troops|air force|navy|army|military|soldiers|troops|forces|servicemen|marines|paratroopers|commandos|police officers|police force|policemen|policewomen|police|gendarmes|gendarmerie|customs officers|customs officials|customs agents|customs|national guard|border guards|border police|coast guard|peacekeepers)";

/// Force words that may follow a bare country name ("Niger army", "Mali police").
pub const FORCE_AFTER_NAME: &str = r"(?i:armed forces|defen[cs]e forces|security forces|army|military|police|gendarmerie|customs|national guard|air force|navy)";

/// The branch a force word belongs to: "military", "police", "gendarmerie", "customs", ….
pub fn branch(force: &str) -> &'static str {
    let f = fold(force);
    if f.contains("police") {
        "police"
    } else if f.starts_with("gendarm") {
        "gendarmerie"
    } else if f.starts_with("customs") {
        "customs"
    } else if f == "national guard" {
        "National Guard"
    } else if f.contains("peacekeep") {
        "peacekeepers"
    } else {
        "military"
    }
}

fn state(name: String, country_code: Option<String>) -> Option<Value> {
    Some(Value::Actor(ActorValue {
        name,
        side: Side::State,
        aliases: Vec::new(),
        hedge: None,
        country_code,
    }))
}

/// The country's force named by group `force`; with no `force` group (a weapon: "a Russian
/// missile"), its military.
fn country_force(caps: &Captures, _: &Context) -> Option<Value> {
    let who = caps.name("country").or_else(|| caps.name("dem"))?;
    let c = COUNTRIES.get(who.as_str())?;
    let force = caps.name("force").map_or("", |f| f.as_str());
    state(
        format!("{} {}", c.name, branch(force)),
        Some(c.code.clone()),
    )
}

fn ministry(caps: &Captures, _: &Context) -> Option<Value> {
    let which = caps
        .name("which")
        .or_else(|| caps.name("which2"))
        .map_or("defence".to_string(), |m| fold(m.as_str()));
    let which = if which.starts_with("defen") {
        "defence".to_string()
    } else {
        which
    };
    match caps
        .name("country")
        .or_else(|| caps.name("dem"))
        .and_then(|m| COUNTRIES.get(m.as_str()))
    {
        Some(c) => state(format!("{} {which} ministry", c.name), Some(c.code.clone())),
        None => state(format!("{which} ministry"), None),
    }
}

/// Nouns that show "army" / "military" / "police" is an adjective ("the army camp").
const NOUN_AFTER: &[&str] = &[
    "officer",
    "officers",
    "official",
    "officials",
    "position",
    "positions",
    "vehicle",
    "vehicles",
    "base",
    "bases",
    "post",
    "posts",
    "outpost",
    "outposts",
    "camp",
    "camps",
    "operation",
    "operations",
    "source",
    "sources",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "council",
    "government",
    "junta",
    "leader",
    "leaders",
    "ruler",
    "rulers",
    "takeover",
    "coup",
    "personnel",
    "force",
    "forces",
    "aircraft",
    "helicopter",
    "helicopters",
    "convoy",
    "convoys",
    "patrol",
    "patrols",
    "chief",
    "chiefs",
    "data",
    "court",
    "regime",
    "intelligence",
    "equipment",
    "academy",
    "barracks",
    "plane",
    "planes",
    "jet",
    "jets",
    "targets",
    "target",
    "station",
    "stations",
    "car",
    "cars",
    "truck",
    "trucks",
    "headquarters",
    "commander",
    "commanders",
    "units",
    "unit",
    "garrison",
    "checkpoint",
    "checkpoints",
    "statement",
    "authorities",
    "command",
    "hospital",
    "escort",
    "escorts",
    "column",
    "columns",
    "and",
    "or",
    "chief's",
    "uniform",
    "uniforms",
    "raid",
    "raids",
    "offensive",
    "operatives",
    "informants",
    "sweep",
    "action",
    "strike",
    "strikes",
    "pressure",
    "presence",
    "control",
];

fn determined_force(caps: &Captures, _: &Context) -> Option<Value> {
    if let Some(next) = caps.name("next") {
        if NOUN_AFTER.contains(&fold(next.as_str()).as_str()) {
            return None;
        }
    }
    let what = fold(caps.name("span")?.as_str());
    let name = if what == "police" {
        "police"
    } else {
        "military"
    };
    state(name.to_string(), None)
}

fn generic_state(caps: &Captures, _: &Context) -> Option<Value> {
    let f = fold(caps.name("span")?.as_str());
    let name = if f.starts_with("gendarm") {
        "gendarmerie"
    } else if f.contains("junta") || f.contains("council") || f.contains("regime") {
        "junta"
    } else {
        "security forces"
    };
    state(name.to_string(), None)
}

fn pro_government(caps: &Captures, _: &Context) -> Option<Value> {
    let span = caps.name("span")?.as_str();
    let f = fold(span);
    let code = caps
        .name("dem")
        .and_then(|m| COUNTRIES.get(m.as_str()))
        .map(|c| c.code.clone());
    let militia =
        f.contains("militia") || f.contains("pro-government") || f.contains("pro government");
    Some(Value::Actor(ActorValue {
        name: if militia {
            "pro-government militia".to_string()
        } else {
            "government forces".to_string()
        },
        side: if militia { Side::Militia } else { Side::State },
        aliases: Vec::new(),
        hedge: None,
        country_code: code,
    }))
}

/// "Nigerien soldiers", "Kenyan police", "Burkinabe troops", "Afghan police officers".
pub const DEMONYM_FORCE: Rule = Rule {
    name: "state_force_demonym",
    kind: Kind::Actor,
    pattern: r"(?-u:\b)(?P<dem>{demonym})[ \t]+(?:(?i:national|federal|regular|state)[ \t]+)?(?P<force>{force})(?-u:\b)",
    produce: country_force,
    examples: &[
        "Twelve Nigerien soldiers died in the ambush.",
        "Burkinabe troops pushed back the raid.",
        "The Kenyan police arrested two men.",
        "Nigerian Army engineers cleared the road.",
        "Afghan police officers inspected the car.",
    ],
    counter_examples: &[
        "Nigerien farmers fled the area.",
        "The Kenyan government said little.",
        "the nigerien soldiers, written in lower case",
    ],
};

/// "a Russian missile", "Turkish drones", "Israeli air strikes": a country's weapon stands for
/// its military. The span is the demonym; the weapon is its own entity.
pub const DEMONYM_ARMS: Rule = Rule {
    name: "state_arms_demonym",
    kind: Kind::Actor,
    pattern: r"(?-u:\b)(?P<span>(?P<dem>{demonym}))[ \t]+(?:(?i:air|drone|missile|rocket|artillery|fighter)[ \t]+)?(?i:missiles?|drones?|air[ \t-]?strikes?|airstrikes?|warplanes?|jets?|helicopters?|gunships?|shelling|artillery|rockets?|strikes?|bombardment)(?-u:\b)",
    produce: country_force,
    examples: &[
        "A Russian missile hit the apartment block.",
        "Turkish drones struck a vehicle near the town.",
        "Israeli air strikes killed 12 people.",
    ],
    counter_examples: &[
        "A missile hit the apartment block.",
        "Russian officials denied the strike.",
        "the russian missile, written in lower case",
    ],
};

/// "Niger’s armed forces", "Mali's army".
pub const POSSESSIVE_FORCE: Rule = Rule {
    name: "state_force_possessive",
    kind: Kind::Actor,
    pattern: r"(?-u:\b)(?P<country>{country})['’]s[ \t]+(?P<force>{force})(?-u:\b)",
    produce: country_force,
    examples: &[
        "Niger’s armed forces lost thirteen men.",
        "Mali's army retook the town.",
        "Burkina Faso's gendarmerie reported the raid.",
    ],
    counter_examples: &["Niger's president spoke.", "Mali's capital is Bamako."],
};

/// "Turkey carried out air strikes", "Israel struck", "Russia has launched 40 drones": a country
/// named as the doer of an attack stands for its military (and is no event place: see
/// `incidents::location`). The span is the country's name.
pub const COUNTRY_AGENT: Rule = Rule {
    name: "state_country_agent",
    kind: Kind::Actor,
    pattern: r"(?-u:\b)(?P<pre>(?i:in|at|of|from|to|into|across|near|and|with|against|by)[ \t]+)?(?P<span>(?P<country>{country}))[ \t]+(?:(?i:has|have|had|then|also)[ \t]+)?(?:(?i:struck|bombed|shelled|pounded|attacked|invaded)|(?i:carried[ \t]+out|launched|conducted|fired)(?:[ \t]+[\w'’-]+){0,4}?[ \t]+(?i:strikes?|air[ \t]?strikes?|drones?|missiles?|rockets?|shells|attacks?|raids?|offensive|bombardments?))(?-u:\b)",
    produce: country_agent,
    examples: &[
        "Turkey carried out air strikes against militants in northern Iraq.",
        "Israel struck a house in the town on Sunday.",
        "Russia has launched 40 drones at the city overnight.",
    ],
    counter_examples: &[
        "Niger launched a vaccination campaign.",
        "Militants in Mali attacked a convoy.",
        "Turkey said it would respond.",
    ],
};

fn country_agent(caps: &Captures, ctx: &Context) -> Option<Value> {
    if caps.name("pre").is_some() {
        return None;
    }
    country_force(caps, ctx)
}

/// "Niger army", "Mali police", "the Somalia National Army" style: country name + force noun.
pub const COUNTRY_FORCE: Rule = Rule {
    name: "state_force_country",
    kind: Kind::Actor,
    pattern: r"(?-u:\b)(?P<country>{country})[ \t]+(?P<force>{force_after_name})(?-u:\b)",
    produce: country_force,
    examples: &[
        "Niger army units moved north.",
        "The Mali police were deployed.",
    ],
    counter_examples: &["In Niger, army units moved north.", "Niger mining resumed."],
};

/// "the defence ministry", "Niger defence ministry", "Ministry of Defense".
pub const MINISTRY: Rule = Rule {
    name: "state_ministry",
    kind: Kind::Actor,
    pattern: r"(?-u:\b)(?:(?:(?P<country>{country})|(?P<dem>{demonym}))[ \t]+)?(?P<which>(?i:defen[cs]e|interior|security))[ \t]+(?i:ministry)(?-u:\b)|(?-u:\b)(?i:ministry[ \t]+of[ \t]+(?:the[ \t]+)?)(?P<which2>(?i:defen[cs]e|interior|security|armed forces))(?-u:\b)",
    produce: ministry,
    examples: &[
        "the defence ministry said on Tuesday",
        "According to the Niger defence ministry, the toll rose.",
        "Chad's Ministry of Defense confirmed it.",
        "the interior ministry announced a curfew",
    ],
    counter_examples: &["the ministry said", "the health ministry announced"],
};

/// "the army", "the military", "the police", when a noun does not follow ("the army camp").
pub const DETERMINED_FORCE: Rule = Rule {
    name: "state_force_the_army",
    kind: Kind::Actor,
    pattern: r"(?-u:\b)(?:[Tt]he|[Ii]ts|[Tt]heir)[ \t]+(?P<span>[Aa]rmy|ARMY|[Mm]ilitary|[Pp]olice)(?-u:\b)(?:[ \t]+(?P<next>[\w'’]+))?",
    produce: determined_force,
    examples: &[
        "The army said it had repelled the attack.",
        "clashes with the military in the hills",
        "in coordination with the Police, they searched",
    ],
    counter_examples: &[
        "They raided the army camp.",
        "the military council ruled",
        "an army officer said",
        "the police station burned",
    ],
};

/// "security forces", "state security forces", "gendarmes", "the junta", "military council".
pub const GENERIC_STATE: Rule = Rule {
    name: "state_force_generic",
    kind: Kind::Actor,
    pattern: r"(?i)(?-u:\b)(?P<span>(?:(?:state|national|government)[ \t]+)?security[ \t]+forces|defen[cs]e[ \t]+and[ \t]+security[ \t]+forces|gendarmes|gendarmerie|junta|military[ \t]+(?:council|junta|government|regime|rulers|authorities))(?-u:\b)",
    produce: generic_state,
    examples: &[
        "Security forces later reached the area.",
        "attacks on state security forces",
        "three gendarmes were wounded",
        "the junta expelled the envoy",
        "a military council took power",
    ],
    counter_examples: &["security sources said", "the security situation worsened"],
};

/// "government forces", "government troops", "pro-government forces", "Philippine government
/// militiamen".
pub const PRO_GOVERNMENT: Rule = Rule {
    name: "pro_government_forces",
    kind: Kind::Actor,
    pattern: r"(?-u:\b)(?P<span>(?:(?P<dem>{demonym})[ \t]+)?(?i:pro-government|pro-regime|pro-junta|government)[ \t]+(?i:forces|troops|soldiers|militiamen|militias|militia|fighters))(?-u:\b)",
    produce: pro_government,
    examples: &[
        "government troops repelled the raid",
        "seven pro-government forces died",
        "Five Philippine government militiamen were ambushed.",
    ],
    counter_examples: &[
        "the government forced the issue",
        "government officials said",
    ],
};

fn unit(caps: &Captures, _: &Context) -> Option<Value> {
    let span = caps.name("span")?.as_str();
    state(span.to_string(), None)
}

fn named_command(caps: &Captures, _: &Context) -> Option<Value> {
    let span = caps.name("span")?.as_str();
    let first = span.split([' ', '\t']).next().unwrap_or("");
    let f = fold(span);
    if ["the", "a", "an", "this", "that", "its", "their"].contains(&fold(first).as_str())
        || ["division", "brigade", "battalion", "regiment"]
            .iter()
            .any(|w| f.contains(w))
    {
        return None;
    }
    state(span.to_string(), None)
}

fn service(caps: &Captures, _: &Context) -> Option<Value> {
    let span = caps.name("span")?.as_str();
    state(fold(span), None)
}

/// Numbered military units: "Eighth Division", "the 5th Infantry Battalion", "101st Brigade".
pub const MILITARY_UNIT: Rule = Rule {
    name: "military_unit",
    kind: Kind::Actor,
    pattern: r"(?-u:\b)(?P<span>(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|Thirteenth|Fourteenth|Fifteenth|Sixteenth|Seventeenth|Eighteenth|Nineteenth|Twentieth|Twenty-\w+|Thirtieth|\d{1,3}(?:st|nd|rd|th))[ \t]+(?:(?:Infantry|Mechanized|Mechanised|Armoured|Armored|Marine|Army|Special Forces|Mountain|Motorized|Motorised|Airborne|Commando|Operational)[ \t]+)?(?:Division|Brigade|Battalion|Regiment|Army Corps|Corps|Military Region|Sector))(?-u:\b)",
    produce: unit,
    examples: &[
        "The Eighth Division reported the attack.",
        "soldiers of the 5th Infantry Battalion",
        "the 101st Brigade moved in",
    ],
    counter_examples: &["the eighth division of the league", "a brigade commander"],
};

/// Named commands: "Southern Luzon Command", "Western Mindanao Command".
pub const NAMED_COMMAND: Rule = Rule {
    name: "military_command",
    kind: Kind::Actor,
    pattern: r"(?-u:\b)(?P<span>(?:[A-Z][a-z]+[ \t]+){1,3}Command)(?-u:\b)",
    produce: named_command,
    examples: &[
        "a spokesman for the Southern Luzon Command said",
        "Western Mindanao Command troops",
    ],
    counter_examples: &[
        "The Command post",
        "the Eighteenth Brigade Command activated a plan",
        "under command of",
    ],
};

/// State services written with capitals: "Customs", "Forest Service", "Border Police".
pub const STATE_SERVICE: Rule = Rule {
    name: "state_service",
    kind: Kind::Actor,
    pattern: r"(?-u:\b)(?P<span>Customs|Forest Service|Forestry Service|Water and Forest Service|Forest Guard|Forest Guards|Border Police|Border Guard|Border Guards|Coast Guard|National Gendarmerie|Republican Guard|Presidential Guard)(?-u:\b)",
    produce: service,
    examples: &[
        "a Customs post was attacked",
        "one Forest Service agent died",
        "the Republican Guard deployed",
    ],
    counter_examples: &["customs and traditions", "the forest service road"],
};

fn head_of_state(caps: &Captures, _: &Context) -> Option<Value> {
    let span = caps.name("span")?.as_str();
    Some(Value::Actor(ActorValue {
        name: span.to_string(),
        side: Side::Unknown,
        aliases: Vec::new(),
        hedge: None,
        country_code: None,
    }))
}

/// A head of state or government by name: "President Mohamed Bazoum", "the deposed President,
/// Alpha Condé". The span is the name; the side is left `unknown` (sitting or deposed).
pub const HEAD_OF_STATE: Rule = Rule {
    name: "head_of_state",
    kind: Kind::Actor,
    pattern: r"(?-u:\b)(?:President|Prime[ \t]+Minister)(?:,[ \t]*|[ \t]+)(?P<span>\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){1,2})",
    produce: head_of_state,
    examples: &[
        "President Amadou Toumani visited the town.",
        "the ousted Prime Minister, Ali Lamine Zeine, said",
    ],
    counter_examples: &["the president said", "President of the Republic"],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonym_table_parses_and_resolves() {
        let rows = crate::lexicon::data_lines(DEMONYMS_TSV).count();
        assert!(rows >= 60);
        for (word, name, code) in [
            ("Nigerien", "Niger", "NE"),
            ("Nigerian", "Nigeria", "NG"),
            ("Burkinabè", "Burkina Faso", "BF"),
            ("burkinabe", "Burkina Faso", "BF"),
            ("Congolese", "DR Congo", "CD"),
            ("Côte d’Ivoire", "Ivory Coast", "CI"),
            ("Philippine", "Philippines", "PH"),
        ] {
            let c = COUNTRIES.get(word).unwrap_or_else(|| panic!("{word}"));
            assert_eq!((c.name.as_str(), c.code.as_str()), (name, code), "{word}");
        }
        assert!(COUNTRIES.get("Atlantis").is_none());
    }

    #[test]
    fn branches() {
        for (w, b) in [
            ("soldiers", "military"),
            ("Armed Forces", "military"),
            ("police officers", "police"),
            ("gendarmes", "gendarmerie"),
            ("customs officers", "customs"),
            ("troops", "military"),
        ] {
            assert_eq!(branch(w), b, "{w}");
        }
    }
}
