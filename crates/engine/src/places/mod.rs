//! Places (`Kind::Location`): towns, regions and countries, each with a [`Place`] value
//! (name, first-level region, country, ISO code, coordinates, precision and the relative position
//! the text gives).
//!
//! Three sources, each recorded as the entity's rule:
//! - the gazetteer ([`gazetteer`], GeoNames data): `gazetteer_country`, `gazetteer_region`
//!   (first- and second-level regions) and `gazetteer_town`;
//! - a short table of macro-regions coders list as locations (`macro_region`: "West Africa",
//!   "the Sahel", "Lake Chad region", "Tri-Border");
//! - context rules for places no gazetteer has ([`context_rules`]: "the village of X",
//!   "X district", "between X and Y").
//!
//! Policy (checked against the gold mentions):
//! - matching is case- and diacritic-insensitive on whole words, but a name must be written
//!   capitalised; all-caps datelines ("OUAGADOUGOU") count;
//! - a capitalised "Region", "State" or "Province" after a region is part of the mention ("Dosso
//!   Region", "Zamfara State"); a lower-case "region"/"province" is not ("Tillabéri region");
//! - demonyms ("Nigerien", "Malian") are not mentions, but they tell which countries the article
//!   is about; so do the country names it mentions. When a name fits several places, the one in
//!   an article country wins, then a region over a town of another country, then the more
//!   populous;
//! - a small town abroad (not in any article country) is dropped: in an article about Niger,
//!   "Police" is not the Polish town; common English words that are also towns ("Say", "Bar")
//!   are dropped at a sentence start; a town right after a title or next to another capitalised
//!   word ("Gen. Barmou", "Youssouf Coulibaly") is taken for a person;
//! - names inside group names ("Islamic State Sahel Province", "Islamic State West Africa") are
//!   not places;
//! - direction words are not part of the mention ("northern Burkina Faso" → "Burkina Faso").

pub mod context_rules;
pub mod gazetteer;

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::context::Context;
use super::lexicon::{Case, Lexicon};
use super::model::{Place, PlacePrecision, Value};
use super::rule::{Found, RuleSet};
use super::text::{fold, Word};
use gazetteer::{PlaceKind, Record, GAZETTEER};

/// The context rules (the gazetteer and macro-region matches are not regex rules).
pub static RULES: LazyLock<RuleSet> =
    LazyLock::new(|| RuleSet::new(context_rules::LIST, context_rules::FRAGMENTS));

/// Macro-regions coders list as locations: (name, case, country if it lies in one).
const MACRO_REGIONS: &[(&str, Case, Option<&str>)] = &[
    ("West Africa", Case::Capitalized, None),
    ("East Africa", Case::Capitalized, None),
    ("North Africa", Case::Capitalized, None),
    ("Central Africa", Case::Capitalized, None),
    ("Southern Africa", Case::Capitalized, None),
    ("Sub-Saharan Africa", Case::Capitalized, None),
    ("Horn of Africa", Case::Capitalized, None),
    ("Sahel", Case::Capitalized, None),
    ("Central Sahel", Case::Capitalized, None),
    ("Maghreb", Case::Capitalized, None),
    ("Middle East", Case::Capitalized, None),
    ("Lake Chad region", Case::Any, None),
    ("Lake Chad basin", Case::Any, None),
    ("Lake Chad Basin", Case::Any, None),
    ("Liptako-Gourma", Case::Capitalized, None),
    ("Tri-Border", Case::Capitalized, None),
    ("Three Borders", Case::Capitalized, None),
    ("Great Lakes region", Case::Capitalized, None),
    ("Latin America", Case::Capitalized, None),
    ("South Asia", Case::Capitalized, None),
    ("Southeast Asia", Case::Capitalized, None),
    ("South-East Asia", Case::Capitalized, None),
    ("Central Asia", Case::Capitalized, None),
    ("Levant", Case::Capitalized, None),
    ("Balkans", Case::Capitalized, None),
    ("Caucasus", Case::Capitalized, None),
    ("Darfur", Case::Capitalized, Some("SD")),
    ("Donbas", Case::Capitalized, Some("UA")),
    ("Donbass", Case::Capitalized, Some("UA")),
    ("Sinai", Case::Capitalized, Some("EG")),
    ("Kashmir", Case::Capitalized, None),
    ("Niger Delta", Case::Capitalized, Some("NG")),
];

/// Loads the gazetteer and the macro-region lexicon (see [`super::load_data`]).
pub(crate) fn load_data() {
    LazyLock::force(&GAZETTEER);
    LazyLock::force(&MACROS);
}

/// Compiles the regexes outside the rule set (see [`super::compile_rules`]).
pub(crate) fn compile_extra() {
    LazyLock::force(&RELATIVE);
}

static MACROS: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lex = Lexicon::new();
    for (i, (name, case, _)) in MACRO_REGIONS.iter().enumerate() {
        lex.insert(name, *case, i as u32);
    }
    lex
});

/// Common English words that are also town names somewhere: not taken at a sentence start.
const COMMON_WORDS: &[&str] = &[
    "say",
    "bar",
    "police",
    "mission",
    "union",
    "progress",
    "victoria",
    "mobile",
    "reading",
    "bath",
    "nice",
    "split",
    "sale",
    "hope",
    "liberty",
    "independence",
    "unity",
    "peace",
    "concord",
    "justice",
    "army",
    "fort",
    "port",
    "best",
    "most",
    "many",
    "also",
    "even",
    "here",
    "there",
    "then",
    "when",
    "after",
    "before",
    "during",
    "since",
    "with",
    "from",
    "about",
    "over",
    "under",
    "into",
    "only",
    "more",
    "less",
    "other",
    "such",
    "some",
    "what",
    "which",
    "who",
    "why",
    "how",
    "this",
    "that",
    "these",
    "those",
    "they",
    "their",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "security",
    "state",
    "states",
    "government",
    "national",
    "general",
    "central",
    "western",
    "eastern",
    "northern",
    "southern",
    "north",
    "south",
    "east",
    "west",
    "march",
    "may",
    "june",
    "july",
    "august",
    "monday",
    "friday",
    "sunday",
    "sources",
    "source",
    "local",
    "officials",
    "according",
    "meanwhile",
    "however",
    "although",
    "while",
    "both",
    "each",
    "every",
    "all",
    "none",
    "several",
    "among",
    "amid",
    "against",
    "despite",
    "following",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "early",
    "late",
    "soldiers",
    "troops",
    "forces",
    "gunmen",
    "attack",
    "attacks",
    "victims",
    "residents",
    "witnesses",
    "hospital",
    "church",
    "mosque",
    "school",
    "market",
    "camp",
    "base",
    "post",
    "station",
    "road",
    "bridge",
    "lake",
    "river",
    "mount",
    "valley",
    "island",
    "islands",
    "bay",
    "beach",
    "park",
    "plaza",
    "centre",
    "center",
    "city",
    "town",
    "village",
    "capital",
    "county",
    "district",
    "province",
    "region",
    "division",
    "department",
    "commune",
    "area",
    "zone",
    "border",
    "frontier",
    "president",
    "minister",
    "ministry",
    "defence",
    "defense",
    "interior",
    "police",
    "gendarmerie",
    "customs",
    "military",
    "regional",
    "federal",
    "republic",
    "democratic",
    "popular",
    "people",
    "liberation",
    "front",
    "movement",
    "alliance",
    "coalition",
    "council",
    "committee",
    "congress",
    "assembly",
    "party",
    "media",
    "news",
    "press",
    "radio",
    "television",
    "post",
    "times",
    "daily",
    "herald",
    "tribune",
    "guardian",
    "observer",
    "express",
    "reuters",
    "agence",
    "france",
    "independent",
    "saint",
    "san",
    "santa",
    "santo",
    "sao",
    "dan",
    "bin",
    "ben",
    "abu",
    "umm",
    "bani",
    "beni",
    "said",
    "told",
    "added",
    "reported",
    "confirmed",
    "killed",
    "wounded",
    "injured",
    "dead",
    "photo",
    "read",
    "also",
    "share",
    "video",
    "update",
    "breaking",
    "live",
    "home",
    "world",
    "africa",
    "asia",
    "europe",
    "america",
    "american",
    "african",
    "islamic",
    "muslim",
    "christian",
    "god",
    "allah",
    "jihad",
    "holy",
    "war",
    "battle",
    "victory",
    "liberty",
    "freedom",
    "goodwill",
    "mercy",
    "grace",
    "faith",
    "harmony",
    "welcome",
    "paradise",
    "eden",
    "sunrise",
    "sunset",
    "garden",
    "gardens",
    "heights",
    "hills",
    "springs",
    "falls",
    "rock",
    "stone",
    "green",
    "white",
    "black",
    "red",
    "blue",
    "golden",
    "silver",
    "royal",
    "star",
    "sun",
    "moon",
    "deal",
    "mass",
    "rally",
    "march",
    "strike",
    "raid",
    "clash",
];

/// Titles after which a capitalised name is a person's ("Gen. Barmou").
const TITLES: &[&str] = &[
    "gen",
    "general",
    "col",
    "colonel",
    "lt",
    "maj",
    "major",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "cpl",
    "president",
    "minister",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sheikh",
    "imam",
    "pastor",
    "father",
    "bishop",
    "chief",
    "commander",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "governor",
    "mayor",
    "senator",
    "rep",
    "king",
    "queen",
    "prince",
    "emir",
    "sultan",
    "lamido",
    "adm",
    "brig",
    "pvt",
    "officer",
    "journalist",
    "analyst",
    "expert",
    "warlord",
    "leader",
    "hon",
    "alhaji",
    "mallam",
    "malam",
    "abbot",
    "judge",
    "justice",
];

/// Lower-case words after a name, after a possessive, that make it a medium's name ("its
/// Andalus radio").
const MEDIA_NOUNS: &[&str] = &[
    "radio",
    "television",
    "tv",
    "news",
    "newspaper",
    "channel",
    "website",
    "agency",
    "magazine",
];

/// Capitalised words that may follow a place name without making it a person's name.
const PLACE_FOLLOWERS: &[&str] = &[
    "region",
    "state",
    "province",
    "district",
    "division",
    "department",
    "county",
    "city",
    "town",
    "village",
    "local",
    "lga",
    "governorate",
    "prefecture",
    "municipality",
    "commune",
    "cercle",
    "area",
    "subdivision",
    "river",
    "valley",
    "airport",
    "border",
    "road",
    "highway",
];

/// Lower-case words after a name that say it is a region.
const REGION_HINTS: &[&str] = &[
    "region",
    "province",
    "state",
    "department",
    "district",
    "division",
    "governorate",
    "county",
    "prefecture",
    "lga",
    "subdivision",
    "cercle",
    "oblast",
];

/// What countries call their first-level divisions (`data/admin_units.tsv`): the word, then
/// the countries whose divisions it names.
static ADMIN_UNITS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    crate::lexicon::tsv_rows(include_str!("../../data/admin_units.tsv"), 2)
        .map(|cols| {
            (
                cols[0],
                cols[1].split(' ').filter(|c| !c.is_empty()).collect(),
            )
        })
        .collect()
});

/// The countries whose first-level divisions `word` names ("state" → Nigeria, Sudan, …).
fn unit_countries(word: &str) -> &'static [&'static str] {
    ADMIN_UNITS
        .iter()
        .find(|(w, _)| *w == word)
        .map_or(&[], |(_, ccs)| ccs.as_slice())
}

/// Lower-case words after a name that say it is a settlement.
const TOWN_HINTS: &[&str] = &["town", "village", "city", "hamlet", "locality", "commune"];

/// Words that never start a gazetteer match (they are too often just words).
const NEVER_START: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "of", "and", "or", "but", "to", "for", "by", "as", "is",
    "it", "he", "she", "we", "they", "i", "no", "so", "if", "be", "do", "us",
];

/// The countries an article is about: country names and demonyms counted over the whole text.
#[derive(Default, Debug)]
pub struct ArticleCountries {
    counts: HashMap<&'static str, u32>,
    /// The same, from country names only (no demonyms).
    named: HashMap<&'static str, u32>,
}

impl ArticleCountries {
    /// True if `cc` is mentioned at all.
    pub fn has(&self, cc: &str) -> bool {
        self.counts.contains_key(cc)
    }

    /// How often `cc` is mentioned.
    pub fn count(&self, cc: &str) -> u32 {
        self.counts.get(cc).copied().unwrap_or(0)
    }

    /// The most mentioned country. Ties go to the country named more often by its name: in
    /// "an Israeli drone strike in southern Lebanon", the demonym is the attacker's, the name
    /// the place's. Then the alphabetically first code, for stable output.
    pub fn top(&self) -> Option<&'static str> {
        let named = |cc: &str| self.named.get(cc).copied().unwrap_or(0);
        self.counts
            .iter()
            .max_by(|a, b| {
                a.1.cmp(b.1)
                    .then(named(a.0).cmp(&named(b.0)))
                    .then(b.0.cmp(a.0))
            })
            .map(|(cc, _)| *cc)
    }

    /// True if nothing was counted.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

/// A gazetteer hit before a candidate is chosen.
struct Hit {
    start: usize,
    end: usize,
    /// First and last word index of the name.
    w0: usize,
    w1: usize,
    ids: Vec<u32>,
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// What may stand between two words of one name.
fn joinable(gap: &str) -> bool {
    !gap.is_empty()
        && gap.len() <= 4
        && gap.chars().count() <= 2
        && gap.chars().all(|c| {
            matches!(
                c,
                ' ' | '-' | '\'' | '\u{2019}' | '\u{2010}'..='\u{2014}' | '\u{a0}'
            )
        })
}

/// Finds the longest gazetteer names starting at capitalised words.
fn gazetteer_hits(text: &str, ws: &[Word], folded: &[String]) -> Vec<Hit> {
    let g = &*GAZETTEER;
    let mut out = Vec::new();
    let mut key = String::new();
    let mut buf = String::new();
    let mut ids = Vec::new();
    // Names recur in an article ("Niger" ten times): each key is looked up once.
    let mut memo: crate::hash::FastMap<String, (Vec<u32>, bool)> = Default::default();
    let mut i = 0;
    while i < ws.len() {
        let first = &text[ws[i].start..ws[i].end];
        if !starts_upper(first) || first.chars().count() < 2 {
            i += 1;
            continue;
        }
        key.clear();
        key.push_str(&folded[i]);
        if NEVER_START.contains(&key.as_str()) || !g.may_start(&key) {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, Vec<u32>)> = None;
        let mut n = 1;
        loop {
            let j = i + n - 1;
            let (found, continues) = match memo.get(&key) {
                Some((found, continues)) => (found, *continues),
                None => {
                    let continues = g.lookup_continues(&key, &mut buf, &mut ids);
                    let entry = memo
                        .entry(key.clone())
                        .or_insert((std::mem::take(&mut ids), continues));
                    (&entry.0, continues)
                }
            };
            if !found.is_empty() {
                best = Some((j, found.clone()));
            }
            if n >= 6 || j + 1 >= ws.len() || !joinable(&text[ws[j].end..ws[j + 1].start]) {
                break;
            }
            if !continues {
                break;
            }
            key.push(' ');
            key.push_str(&folded[j + 1]);
            n += 1;
        }
        match best {
            Some((j, ids)) => {
                out.push(Hit {
                    start: ws[i].start,
                    end: ws[j].end,
                    w0: i,
                    w1: j,
                    ids,
                });
                i = j + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// True if the word at `w` starts a sentence (or follows a quote/bracket at one).
fn sentence_initial(text: &str, ws: &[Word], w: usize) -> bool {
    let before = if w == 0 {
        &text[..ws[0].start]
    } else {
        &text[ws[w - 1].end..ws[w].start]
    };
    if w == 0 {
        return true;
    }
    before.chars().any(|c| {
        matches!(
            c,
            '.' | '!' | '?' | '\n' | ':' | '"' | '\u{201c}' | '(' | '—'
        )
    })
}

/// True if the text just before `start` names an armed group the place is part of
/// ("Islamic State Sahel", "Islamic State in the Greater Sahara", "al-Qaeda in the Islamic
/// Maghreb").
fn inside_group_name(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(32);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = fold(&text[from..start]);
    let before = before.trim_end();
    [
        "islamic state",
        "islamic state in the",
        "islamic state in",
        "islamic state in the greater",
        "islamic state -",
        "in the islamic",
        "is",
        "isis",
    ]
    .iter()
    .any(|p| {
        before.ends_with(p)
            && (before.len() == p.len()
                || !before[..before.len() - p.len()].ends_with(char::is_alphanumeric))
    })
}

fn word_at<'t>(text: &'t str, ws: &[Word], i: usize) -> Option<&'t str> {
    ws.get(i).map(|w| &text[w.start..w.end])
}

fn counts_countries(text: &str, ws: &[Word], folded: &[String], hits: &[Hit]) -> ArticleCountries {
    let g = &*GAZETTEER;
    let mut c = ArticleCountries::default();
    let mut first = true;
    for h in hits {
        // A name that is a country among other records ("Gaza Strip": a region and a
        // territory) counts as the country, as `choose` ranks a country first.
        let country = h
            .ids
            .iter()
            .filter_map(|&i| g.record(i))
            .find(|r| r.kind == PlaceKind::Country);
        if let Some(r) = country {
            // The first country named (in the headline or the lede) is the story's: it counts
            // twice ("… in western Uganda's Kasese district" before "… towards the border with
            // Congo", "… in eastern Congo").
            let weight = if first { 4 } else { 2 };
            first = false;
            *c.counts.entry(r.cc).or_default() += weight;
            *c.named.entry(r.cc).or_default() += 1;
        }
    }
    for (w, f) in ws.iter().zip(folded) {
        let s = &text[w.start..w.end];
        if starts_upper(s) && s.len() >= 4 {
            if let Some(cc) = g.demonym(f) {
                *c.counts.entry(cc).or_default() += 1;
            }
        }
    }
    c
}

/// Chooses among the records of one name.
fn choose(
    g: &gazetteer::Gazetteer,
    ids: &[u32],
    countries: &ArticleCountries,
    hint: Hint,
    unit: &[&str],
) -> Option<Record> {
    let mut best: Option<(i64, Record)> = None;
    for &id in ids {
        let Some(r) = g.record(id) else { continue };
        let home = countries.has(r.cc);
        // Small places abroad are more often words or names than places.
        if !home
            && !countries.is_empty()
            && matches!(r.kind, PlaceKind::Town | PlaceKind::District)
            && r.pop_class < 11
        {
            continue;
        }
        // "Bangui district" in an article about Afghanistan: an admin word after a name known
        // only abroad (the capital of the Central African Republic) says it is a region at home
        // that the gazetteer spells otherwise ("Bangī"); the context rules take it.
        if !home && !countries.is_empty() && hint == Hint::Region && r.kind != PlaceKind::Country {
            continue;
        }
        // "in the North-West" in a story from Nigeria is not Botswana's North West: a region
        // named only by the compass is in a country the story names, or nowhere.
        if !home && r.kind == PlaceKind::Region && is_compass_name(r.name) {
            continue;
        }
        let mut score: i64 = match r.kind {
            PlaceKind::Country => 100,
            PlaceKind::Region => 40,
            PlaceKind::District => 25,
            PlaceKind::Town => 30 + i64::from(r.pop_class) * 2,
        };
        if home {
            score += 60 + i64::from(countries.count(r.cc).min(10));
        }
        if r.kind == PlaceKind::Region && unit.contains(&r.cc) {
            score += 50;
        }
        match hint {
            Hint::Region if matches!(r.kind, PlaceKind::Region | PlaceKind::District) => {
                score += 80
            }
            Hint::Town if r.kind == PlaceKind::Town => score += 80,
            _ => {}
        }
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, r));
        }
    }
    best.map(|(_, r)| r)
}

/// A name made only of compass words: "North West", "Far North", "Centre-Est", "Central".
fn is_compass_name(name: &str) -> bool {
    name.split([' ', '-']).filter(|w| !w.is_empty()).all(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "north"
                | "south"
                | "east"
                | "west"
                | "northern"
                | "southern"
                | "eastern"
                | "western"
                | "central"
                | "centre"
                | "center"
                | "far"
                | "upper"
                | "lower"
                | "nord"
                | "sud"
                | "est"
                | "ouest"
                | "northeast"
                | "northwest"
                | "southeast"
                | "southwest"
                | "region"
                | "province"
        )
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Hint {
    None,
    Region,
    Town,
}

fn to_place(g: &gazetteer::Gazetteer, r: &Record) -> Place {
    let admin1 = g.admin1_of(r).map(|a| a.name.to_string());
    let precision = match r.kind {
        PlaceKind::Country => PlacePrecision::Country,
        PlaceKind::Region | PlaceKind::District => PlacePrecision::Region,
        PlaceKind::Town => PlacePrecision::Town,
    };
    let country = g.country_name(r.cc);
    Place {
        name: if r.kind == PlaceKind::Country {
            country.unwrap_or(r.name).to_string()
        } else {
            r.name.to_string()
        },
        admin1,
        country: country.map(str::to_string),
        country_code: Some(r.cc.to_string()),
        lat: r.lat,
        lon: r.lon,
        precision,
        context: None,
    }
}

/// A relative position right after a place: "roughly 190 kilometers from the capital, Niamey",
/// "near the border with Mali".
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^,? ?(?:(?:roughly|about|some|around|approximately|nearly|almost|over|more than|less than) )?(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|dozens of)[ -]?(?:km|kilometers|kilometres|miles|mi)\b(?: \([^)]{0,20}\))?(?: (?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)(?:ern)?)? (?:of|from) (?:the )?[^.;\n]{1,60}|^,? (?:near|close to|along|on) the (?:[\p{L}\-–]+ ){0,3}(?:border|frontier)(?: with [\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+)?)?",
    )
    .unwrap_or_else(|e| panic!("relative-place pattern: {e}"))
});

fn relative_after(text: &str, end: usize) -> Option<String> {
    let mut to = (end + 160).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let m = RELATIVE.find(&text[end..to])?;
    let s = m
        .as_str()
        .trim_start_matches([',', ' '])
        .trim_end_matches([',', ' ']);
    // Stop at the end of a clause: "Niamey. This" or "Niamey, to guard".
    Some(s.to_string())
}

/// Finds places in `text`.
pub fn find(text: &str, ctx: &Context) -> Vec<Found> {
    let g = &*GAZETTEER;
    let fw = crate::text::folded_words(text);
    let (ws, folded) = (&fw.1.words, &fw.1.folded);
    let hits = gazetteer_hits(text, ws, folded);
    let countries = counts_countries(text, ws, folded, &hits);
    let mut out: Vec<Found> = Vec::new();

    // Macro-regions first: at the same span they win over a gazetteer record ("Sahel").
    for m in MACROS.find(text) {
        if inside_group_name(text, m.start) {
            continue;
        }
        let Some(&(name, _, cc)) = MACRO_REGIONS.get(m.payload as usize) else {
            continue;
        };
        out.push(Found {
            start: m.start,
            end: m.end,
            rule: "macro_region",
            value: Value::Location(Place {
                name: name.to_string(),
                country: cc.and_then(|c| g.country_name(c)).map(str::to_string),
                country_code: cc.map(str::to_string),
                precision: PlacePrecision::Region,
                ..Place::default()
            }),
        });
    }

    let person_names: Vec<String> = hits
        .iter()
        .filter(|h| names_a_person(text, ws, h))
        .map(|h| fold(&text[h.start..h.end]))
        .collect();
    for h in &hits {
        if inside_group_name(text, h.start) {
            continue;
        }
        let next = word_at(text, ws, h.w1 + 1).unwrap_or("");
        let gap_next = ws.get(h.w1 + 1).map_or("", |w| &text[h.end..w.start]);
        let next_f = fold(next);
        let adjacent_next = gap_next == " ";
        // "the state of Zacatecas", "the town of Adan Yabaal": one of `hints` and "of" before;
        // one of them right after ("Ghazni province", "Kolo village").
        let hinted = |hints: &[&str]| {
            let of_before = h.w0 >= 2
                && word_at(text, ws, h.w0 - 1).is_some_and(|w| w.eq_ignore_ascii_case("of"))
                && word_at(text, ws, h.w0 - 2).is_some_and(|w| hints.contains(&fold(w).as_str()));
            of_before || adjacent_next && hints.contains(&next_f.as_str())
        };
        // "Plateau State": the countries that call their regions states.
        let unit = if adjacent_next {
            unit_countries(&next_f)
        } else {
            &[]
        };
        let hint = if hinted(REGION_HINTS) {
            Hint::Region
        } else if hinted(TOWN_HINTS) {
            Hint::Town
        } else {
            Hint::None
        };
        let Some(r) = choose(g, &h.ids, &countries, hint, unit) else {
            continue;
        };
        let single = h.w0 == h.w1;
        let name_f = fold(&text[h.start..h.end]);
        if r.kind != PlaceKind::Country {
            if single
                && COMMON_WORDS.contains(&name_f.as_str())
                && (sentence_initial(text, ws, h.w0) || !countries.has(r.cc))
            {
                continue;
            }
            // A demonym used as an adjective: "the Somali capital" is not Ethiopia's Somali
            // region.
            if single
                && adjacent_next
                && next.chars().next().is_some_and(char::is_lowercase)
                && g.demonym(&name_f).is_some()
            {
                continue;
            }
            // An all-caps short word is an acronym ("GAO"), not a dateline town.
            let span = &text[h.start..h.end];
            if single && span.chars().count() <= 4 && !span.chars().any(char::is_lowercase) {
                continue;
            }
        }
        // Person names: after a title, or next to another capitalised word; and the same name
        // elsewhere ("Maj.-Gen. Edward Buba … Buba said"). `person_names` holds this hit's own
        // name when it reads as a person's.
        if matches!(r.kind, PlaceKind::Town | PlaceKind::District) && person_names.contains(&name_f)
        {
            continue;
        }
        if r.kind != PlaceKind::Country
            && adjacent_next
            && starts_upper(next)
            && !PLACE_FOLLOWERS.contains(&next_f.as_str())
        {
            // "Forest Service", "Kayes Boys": part of a longer capitalised name.
            continue;
        }
        // "its Andalus radio station", "their Shahada news agency": a medium's name.
        if r.kind != PlaceKind::Country
            && adjacent_next
            && MEDIA_NOUNS.contains(&next_f.as_str())
            && h.w0 >= 1
            && word_at(text, ws, h.w0 - 1)
                .is_some_and(|w| matches!(fold(w).as_str(), "its" | "their" | "his" | "her"))
        {
            continue;
        }
        // A capitalised "Region"/"State"/"Province" belongs to a region's mention.
        let mut end = h.end;
        if r.kind != PlaceKind::Country
            && adjacent_next
            && matches!(next, "Region" | "State" | "Province")
        {
            end = ws[h.w1 + 1].end;
        }
        let mut place = to_place(g, &r);
        // A district the text calls a town ("the town of Adan Yabaal"): its seat, which shares
        // its name.
        let district_town = r.kind == PlaceKind::District && hint == Hint::Town;
        if district_town {
            place.precision = PlacePrecision::Town;
        }
        if r.kind == PlaceKind::Town || district_town {
            place.context = relative_after(text, end);
        }
        let rule = match r.kind {
            PlaceKind::Country => "gazetteer_country",
            PlaceKind::District if district_town => "gazetteer_town",
            PlaceKind::Region | PlaceKind::District => "gazetteer_region",
            PlaceKind::Town => "gazetteer_town",
        };
        out.push(Found {
            start: h.start,
            end,
            rule,
            value: Value::Location(place),
        });
    }

    // Context rules: fill region and country from the text.
    let mut known: Vec<(usize, usize, Place)> = out
        .iter()
        .filter_map(|f| match &f.value {
            Value::Location(p) => Some((f.start, f.end, p.clone())),
            _ => None,
        })
        .collect();
    // Sorted by start, so the lookups below are binary searches (no quadratic scans).
    known.sort_by_key(|k| (k.0, k.1));
    for mut f in RULES.run(text, ctx) {
        if inside_group_name(text, f.start) {
            continue;
        }
        if let Value::Location(p) = &mut f.value {
            // Same span as a gazetteer match: the gazetteer's record is better, unless it is a
            // town in no country of the article and the text places the name in another
            // country ("Kaura village in the Maru area of Zamfara State" is not a namesake in
            // Côte d'Ivoire): then the place the text describes replaces it.
            let same_span = known
                .binary_search_by_key(&(f.start, f.end), |k| (k.0, k.1))
                .ok()
                .map(|k| &known[k].2);
            if same_span.is_some_and(|g| {
                g.precision != PlacePrecision::Town
                    || g.country_code.as_deref().is_none_or(|cc| countries.has(cc))
            }) {
                continue;
            }
            fill_from_text(text, f.end, p, &known, &countries);
            if let Some(g) = same_span {
                if p.country_code.is_none() || p.country_code == g.country_code {
                    continue;
                }
                out.retain(|o| !(o.start == f.start && o.end == f.end));
            }
            if p.precision == PlacePrecision::Town {
                p.context = relative_after(text, f.end);
            }
        }
        out.push(f);
    }
    named_again(text, &mut out);
    out
}

/// "The attackers stormed Mushu, Hurti and Daffo villages … 27 people were killed in Mushu
/// alone": a town no table knows, once the text has called it a settlement ("X village", "the
/// town of X", a list of villages), is the same town wherever its name stands again as a word
/// (rule `settlement_named_again`); so is an area named by an admin word ("the Abu Salim
/// district", rule `area_named_again`).
fn named_again(text: &str, out: &mut Vec<Found>) {
    let names: Vec<(String, Place, &'static str)> = out
        .iter()
        .filter_map(|f| {
            let Value::Location(p) = &f.value else {
                return None;
            };
            let name = text.get(f.start..f.end)?;
            let again = match f.rule {
                "name_settlement"
                | "name_displacement_camp"
                | "town_of_name"
                | "first_of_named_settlements"
                | "next_to_last_of_named_settlements"
                | "last_of_named_settlements"
                    if p.precision == PlacePrecision::Town =>
                {
                    "settlement_named_again"
                }
                // "the Abu Salim district … six bodies were recovered in Abu Salim".
                "name_admin_area" => "area_named_again",
                _ => return None,
            };
            Some((name.to_string(), p.clone(), again))
        })
        .collect();
    if names.is_empty() {
        return;
    }
    let mut taken: Vec<(usize, usize)> = out.iter().map(|f| (f.start, f.end)).collect();
    let mut seen: Vec<&str> = Vec::new();
    for (name, place, rule) in &names {
        if name.len() < 3 || seen.contains(&name.as_str()) {
            continue;
        }
        seen.push(name);
        for (start, _) in text.match_indices(name.as_str()) {
            let end = start + name.len();
            let word_edge = |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric() || c == '-');
            if !word_edge(text[..start].chars().next_back())
                || !word_edge(text[end..].chars().next())
            {
                continue;
            }
            if taken.iter().any(|&(a, b)| a < end && start < b) {
                continue;
            }
            taken.push((start, end));
            out.push(Found {
                start,
                end,
                rule,
                value: Value::Location(place.clone()),
            });
        }
    }
}

/// Whether gazetteer hit `h` reads as a person's name: after a title ("Gen. Buba"), or after
/// another capitalised word that does not open the sentence ("Edward Buba").
fn names_a_person(text: &str, ws: &[Word], h: &Hit) -> bool {
    if h.w0 == 0 {
        return false;
    }
    let Some(p) = word_at(text, ws, h.w0 - 1) else {
        return false;
    };
    let gap_prev = &text[ws[h.w0 - 1].end..h.start];
    let pf = fold(p);
    if TITLES.contains(&pf.as_str()) && matches!(gap_prev, " " | ". ") {
        return true;
    }
    // "Maj.-Gen. Edward Buba": a given name after a title opens no sentence.
    let after_title = h.w0 >= 2
        && word_at(text, ws, h.w0 - 2).is_some_and(|t| TITLES.contains(&fold(t).as_str()));
    gap_prev == " "
        && starts_upper(p)
        && (after_title || !sentence_initial(text, ws, h.w0 - 1))
        && !NEVER_START.contains(&pf.as_str())
        && GAZETTEER.demonym(&pf).is_none()
}

/// Fills a context-rule place's region and country: from a region or country named within the
/// next few words ("X, in Niger's Dosso Region", "X (Ségou Region)", "X in Bam province"), else
/// the article's main country.
fn fill_from_text(
    text: &str,
    end: usize,
    p: &mut Place,
    known: &[(usize, usize, Place)],
    countries: &ArticleCountries,
) {
    let g = &*GAZETTEER;
    let mut limit = (end + 60).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let clause_end = text[end..limit]
        .find(['.', ';', '\n'])
        .map_or(limit, |i| end + i);
    let from = known.partition_point(|k| k.0 < end);
    for (s, _, k) in &known[from..] {
        if *s > clause_end {
            break;
        }
        match k.precision {
            PlacePrecision::Region if p.admin1.is_none() && p.precision == PlacePrecision::Town => {
                p.admin1 = k.admin1.clone().or_else(|| Some(k.name.clone()));
                if k.country.is_some() {
                    p.country = k.country.clone();
                    p.country_code = k.country_code.clone();
                }
            }
            PlacePrecision::Country if p.country.is_none() => {
                p.country = k.country.clone();
                p.country_code = k.country_code.clone();
            }
            _ => {}
        }
    }
    if p.country.is_none() {
        if let Some(cc) = countries.top() {
            p.country = g.country_name(cc).map(str::to_string);
            p.country_code = Some(cc.to_string());
        }
    }
}

#[cfg(test)]
mod tests;
