//! The values extraction produces: entity kinds, normalised values and incident records.
//!
//! These types are the export format's vocabulary (see `docs/FORMAT.md`): every field here is
//! serialised as-is into `sitrep` documents, version 1.

use serde::{Deserialize, Serialize};

/// The seven kinds of highlighted span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A day, a stretch of days, a month or a year.
    Date,
    /// A town, region or country.
    Location,
    /// An armed group, state force, militia or victim group.
    Actor,
    /// A count of people killed, injured, missing or abducted.
    Casualty,
    /// Any other count: the attackers' strength, vehicles seized.
    Figure,
    /// A weapon or tactic.
    Weapon,
    /// Who a statement is attributed to.
    Source,
}

impl Kind {
    /// Every kind, in the order of the keyboard shortcuts 1–7.
    pub const ALL: [Kind; 7] = [
        Kind::Date,
        Kind::Location,
        Kind::Actor,
        Kind::Casualty,
        Kind::Figure,
        Kind::Weapon,
        Kind::Source,
    ];

    /// The lower-case name used in the export and in `data-kind` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Location => "location",
            Kind::Actor => "actor",
            Kind::Casualty => "casualty",
            Kind::Figure => "figure",
            Kind::Weapon => "weapon",
            Kind::Source => "source",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Which side of a conflict an actor or a casualty row belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Army, police, gendarmes, customs, forest guards.
    State,
    /// State-allied or communal armed groups: Dozo, VDP, CJTF.
    Militia,
    /// Jihadists, insurgents, bandits, "terrorists", "assailants".
    Rebel,
    /// Foreign forces: peacekeepers, foreign militaries, mercenaries.
    External,
    /// People who were not fighting.
    Civilian,
    /// The text does not say.
    #[default]
    Unknown,
}

impl Side {
    /// Every side, as the export names them.
    pub const ALL: [Side; 6] = [
        Side::State,
        Side::Militia,
        Side::Rebel,
        Side::External,
        Side::Civilian,
        Side::Unknown,
    ];

    /// The lower-case name used in the export.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::State => "state",
            Side::Militia => "militia",
            Side::Rebel => "rebel",
            Side::External => "external",
            Side::Civilian => "civilian",
            Side::Unknown => "unknown",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(s: &str) -> Option<Side> {
        Side::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A count with the range the words allow, following `CONVENTIONS.md`:
/// "at least 36" is 36 / 36 / none, "dozens" is 12 / 12 / none, "about 100" is 100 / 100 / 100.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// The smallest number the words allow; `None` when they set no lower bound ("up to 30").
    pub low: Option<u64>,
    /// The best estimate.
    pub best: Option<u64>,
    /// The largest number the words allow; `None` when open-ended ("at least 36").
    pub high: Option<u64>,
}

impl Count {
    /// An exact count: low = best = high = `n`.
    pub fn exact(n: u64) -> Count {
        Count {
            low: Some(n),
            best: Some(n),
            high: Some(n),
        }
    }

    /// An open-ended count: at least `n`.
    pub fn at_least(n: u64) -> Count {
        Count {
            low: Some(n),
            best: Some(n),
            high: None,
        }
    }

    /// At most `n`, no lower bound ("up to 30").
    pub fn up_to(n: u64) -> Count {
        Count {
            low: None,
            best: Some(n),
            high: Some(n),
        }
    }

    /// A range `low..=high` with the midpoint as best estimate.
    pub fn between(low: u64, high: u64) -> Count {
        let (low, high) = if low <= high {
            (low, high)
        } else {
            (high, low)
        };
        Count {
            low: Some(low),
            best: Some(low + (high - low) / 2),
            high: Some(high),
        }
    }

    /// The figure a total adds up: low, else best.
    pub fn floor(&self) -> Option<u64> {
        self.low.or(self.best)
    }
}

/// How exact a date is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// A day, or a stretch of days (start ≠ end).
    #[default]
    Day,
    /// A month ("last month", "in January").
    Month,
    /// A year.
    Year,
    /// A day the text gives relative to the publication date ("on Wednesday", "last month")
    /// when no publication date is known: the mention is marked, `start` and `end` are empty,
    /// and it resolves once a publication date is set.
    Unresolved,
}

impl DatePrecision {
    /// The lower-case name used in the export.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Unresolved => "unresolved",
        }
    }
}

/// A normalised date: ISO `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or `--MM-DD` when the year is unknown;
/// both empty when the date is [`DatePrecision::Unresolved`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    /// First day (ISO).
    pub start: String,
    /// Last day (ISO); equal to `start` for a single day.
    pub end: String,
    /// How exact `start` and `end` are.
    pub precision: DatePrecision,
    /// Time of day as written ("18:30"), when given. It never moves the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// How exact a location is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlacePrecision {
    /// A town, village or named site.
    #[default]
    Town,
    /// A first-level region (state, province).
    Region,
    /// A whole country.
    Country,
}

impl PlacePrecision {
    /// The lower-case name used in the export.
    pub fn as_str(self) -> &'static str {
        match self {
            PlacePrecision::Town => "town",
            PlacePrecision::Region => "region",
            PlacePrecision::Country => "country",
        }
    }
}

/// A normalised place.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Canonical name ("Tillabéri").
    pub name: String,
    /// First-level region, if known.
    pub admin1: Option<String>,
    /// Country's English short name, if known.
    pub country: Option<String>,
    /// ISO 3166-1 alpha-2 code, if known.
    pub country_code: Option<String>,
    /// Latitude in degrees, if known.
    pub lat: Option<f64>,
    /// Longitude in degrees, if known.
    pub lon: Option<f64>,
    /// Town, region or country.
    pub precision: PlacePrecision,
    /// Relative position the text gives ("190 kilometers from the capital, Niamey").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

/// A normalised actor.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorValue {
    /// Canonical short name ("JNIM", "Niger military", "civilians").
    pub name: String,
    /// Side in the conflict.
    pub side: Side,
    /// Other names of the same actor, from the actor table.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A hedge the text puts on the attribution ("suspected", "linked to").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hedge: Option<String>,
    /// ISO country code of a state force or a group's home country, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
}

/// What happened to the people a casualty figure counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Killed.
    #[default]
    Killed,
    /// Injured or wounded.
    Injured,
    /// Missing.
    Missing,
    /// Abducted, kidnapped or taken hostage.
    Abducted,
}

impl Outcome {
    /// The lower-case name used in the export.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Killed => "killed",
            Outcome::Injured => "injured",
            Outcome::Missing => "missing",
            Outcome::Abducted => "abducted",
        }
    }
}

/// A casualty figure: how many of whom were killed, injured, missing or abducted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasualtyValue {
    /// What happened to them.
    pub outcome: Outcome,
    /// Who, as the text says it ("soldiers", "customs informants").
    pub who: String,
    /// Their side.
    pub side: Side,
    /// How many.
    #[serde(flatten)]
    pub count: Count,
}

/// Any other figure: attackers' strength, materiel.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureValue {
    /// What is counted: "attackers", "vehicles seized", ….
    pub what: String,
    /// How many.
    #[serde(flatten)]
    pub count: Count,
}

/// A weapon or tactic.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeaponValue {
    /// Canonical name ("improvised explosive device").
    pub name: String,
    /// Category: "explosive", "air", "artillery", "firearm", "vehicle", "tactic".
    pub category: String,
}

/// An attribution.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceValue {
    /// Who speaks ("security sources", "the defence ministry", "Reuters").
    pub name: String,
    /// "official", "security", "media", "local", "group", "other".
    pub category: String,
}

/// A kind-specific normalised value. Serialised without a tag: the entity's `kind` says which.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// For [`Kind::Date`].
    Date(DateValue),
    /// For [`Kind::Location`].
    Location(Place),
    /// For [`Kind::Actor`].
    Actor(ActorValue),
    /// For [`Kind::Casualty`].
    Casualty(CasualtyValue),
    /// For [`Kind::Figure`].
    Figure(FigureValue),
    /// For [`Kind::Weapon`].
    Weapon(WeaponValue),
    /// For [`Kind::Source`].
    Source(SourceValue),
}

impl Value {
    /// The kind this value belongs to.
    pub fn kind(&self) -> Kind {
        match self {
            Value::Date(_) => Kind::Date,
            Value::Location(_) => Kind::Location,
            Value::Actor(_) => Kind::Actor,
            Value::Casualty(_) => Kind::Casualty,
            Value::Figure(_) => Kind::Figure,
            Value::Weapon(_) => Kind::Weapon,
            Value::Source(_) => Kind::Source,
        }
    }

    /// Reads a value of `kind` from JSON.
    pub fn from_json(kind: Kind, v: serde_json::Value) -> Result<Value, serde_json::Error> {
        Ok(match kind {
            Kind::Date => Value::Date(serde_json::from_value(v)?),
            Kind::Location => Value::Location(serde_json::from_value(v)?),
            Kind::Actor => Value::Actor(serde_json::from_value(v)?),
            Kind::Casualty => Value::Casualty(serde_json::from_value(v)?),
            Kind::Figure => Value::Figure(serde_json::from_value(v)?),
            Kind::Weapon => Value::Weapon(serde_json::from_value(v)?),
            Kind::Source => Value::Source(serde_json::from_value(v)?),
        })
    }

    /// A short human-readable form for tooltips: "2025-02-04", "36–?", "JNIM (rebel)".
    pub fn summary(&self) -> String {
        fn n(x: Option<u64>) -> String {
            x.map_or_else(|| "?".to_string(), |x| x.to_string())
        }
        fn count(c: &Count) -> String {
            if c.low == c.high && c.low.is_some() {
                n(c.low)
            } else {
                format!("{}–{}", n(c.low), n(c.high))
            }
        }
        match self {
            Value::Date(d) if d.precision == DatePrecision::Unresolved => {
                "no date until the publication date is set".to_string()
            }
            Value::Date(d) if d.start == d.end => d.start.clone(),
            Value::Date(d) => format!("{} – {}", d.start, d.end),
            Value::Location(p) => {
                let mut parts = vec![p.name.clone()];
                for x in [&p.admin1, &p.country].into_iter().flatten() {
                    if !parts.contains(x) {
                        parts.push(x.clone());
                    }
                }
                format!("{} ({})", parts.join(", "), p.precision.as_str())
            }
            Value::Actor(a) => format!("{} ({})", a.name, a.side.as_str()),
            Value::Casualty(c) => format!(
                "{} {}: {} ({})",
                count(&c.count),
                c.who,
                c.outcome.as_str(),
                c.side.as_str()
            ),
            Value::Figure(f) => format!("{} {}", count(&f.count), f.what),
            Value::Weapon(w) => format!("{} ({})", w.name, w.category),
            Value::Source(s) => format!("{} ({})", s.name, s.category),
        }
    }
}

/// Where an entity came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Found by a rule.
    #[default]
    Auto,
    /// Added or changed by a person.
    Manual,
}

/// Where a person's review of an entity or an incident field stands. Only non-automatic states
/// are written to the export, so documents nobody reviewed look as they always did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// As extraction produced it; nobody looked.
    #[default]
    Auto,
    /// A person checked it and left it as it is.
    Confirmed,
    /// A person changed it (or added it).
    Edited,
}

impl Status {
    /// True for [`Status::Auto`] (the state that is not serialised).
    pub fn is_auto(&self) -> bool {
        *self == Status::Auto
    }

    /// The lower-case name used in the export.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Auto => "auto",
            Status::Confirmed => "confirmed",
            Status::Edited => "edited",
        }
    }
}

/// ACLED's six event types.
pub const EVENT_TYPES: [&str; 6] = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Strategic developments",
    "Riots",
    "Protests",
];

/// ACLED's sub-event types, each with the event type it belongs to.
pub const SUB_EVENT_TYPES: [(&str, &str); 25] = [
    ("Armed clash", "Battles"),
    ("Government regains territory", "Battles"),
    ("Non-state actor overtakes territory", "Battles"),
    ("Chemical weapon", "Explosions/Remote violence"),
    ("Air/drone strike", "Explosions/Remote violence"),
    ("Suicide bomb", "Explosions/Remote violence"),
    (
        "Shelling/artillery/missile attack",
        "Explosions/Remote violence",
    ),
    (
        "Remote explosive/landmine/IED",
        "Explosions/Remote violence",
    ),
    ("Grenade", "Explosions/Remote violence"),
    ("Sexual violence", "Violence against civilians"),
    ("Attack", "Violence against civilians"),
    (
        "Abduction/forced disappearance",
        "Violence against civilians",
    ),
    ("Agreement", "Strategic developments"),
    ("Arrests", "Strategic developments"),
    ("Change to group/activity", "Strategic developments"),
    ("Disrupted weapons use", "Strategic developments"),
    ("Headquarters or base established", "Strategic developments"),
    ("Looting/property destruction", "Strategic developments"),
    (
        "Non-violent transfer of territory",
        "Strategic developments",
    ),
    ("Other", "Strategic developments"),
    ("Violent demonstration", "Riots"),
    ("Mob violence", "Riots"),
    ("Peaceful protest", "Protests"),
    ("Protest with intervention", "Protests"),
    ("Excessive force against protesters", "Protests"),
];

/// An incident's date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentDate {
    /// First day (ISO, or `--MM-DD`).
    pub start: String,
    /// Last day.
    pub end: String,
    /// How exact.
    pub precision: DatePrecision,
}

/// An incident's place.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IncidentLocation {
    /// Most specific place named for the event.
    pub name: String,
    /// First-level region.
    pub admin1: Option<String>,
    /// Country (English short name).
    pub country: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country_code: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Town, region or country.
    pub precision: PlacePrecision,
}

/// An attacking actor.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Perpetrator {
    /// Canonical name.
    pub name: String,
    /// Side.
    pub side: Side,
    /// Other names used in the text or the actor table.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// An attacked actor.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// Canonical name.
    pub name: String,
    /// Side.
    pub side: Side,
}

/// One row of killed / injured / missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasualtyRow {
    /// Who ("soldiers").
    pub who: String,
    /// Their side.
    pub side: Side,
    /// Lower bound.
    pub low: Option<u64>,
    /// Best estimate.
    pub best: Option<u64>,
    /// Upper bound.
    pub high: Option<u64>,
    /// The words the figure comes from.
    pub text: String,
}

impl CasualtyRow {
    /// The row's count.
    pub fn count(&self) -> Count {
        Count {
            low: self.low,
            best: self.best,
            high: self.high,
        }
    }
}

/// The attackers' strength.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attackers {
    /// Lower bound.
    pub low: Option<u64>,
    /// Best estimate.
    pub best: Option<u64>,
    /// Upper bound.
    pub high: Option<u64>,
    /// The words.
    pub text: String,
}

/// One distinct violent event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// "i1", "i2", ….
    pub id: String,
    /// When.
    pub date: Option<IncidentDate>,
    /// Where.
    pub location: Option<IncidentLocation>,
    /// Who attacked.
    pub perpetrators: Vec<Perpetrator>,
    /// Who was attacked.
    pub targets: Vec<Target>,
    /// One of [`EVENT_TYPES`].
    pub event_type: String,
    /// One of [`SUB_EVENT_TYPES`] for that event type, or empty.
    pub sub_event_type: String,
    /// Killed, one row per side or phrase.
    pub killed: Vec<CasualtyRow>,
    /// Injured.
    pub injured: Vec<CasualtyRow>,
    /// Missing or abducted.
    pub missing_or_abducted: Vec<CasualtyRow>,
    /// The attackers' strength.
    pub attackers: Option<Attackers>,
    /// Sum of the killed rows.
    pub fatalities: Count,
    /// Ids of the entities this record rests on.
    pub evidence: Vec<String>,
    /// Conflicting figures and who gave them; anything a reader should know.
    pub notes: String,
    /// Who reported it: the attributions in its sentences ("security sources; the defence
    /// ministry"), or what the coder typed. Absent in documents written before it existed.
    #[serde(default)]
    pub source: String,
    /// Review state per field name ("date", "killed", …); fields not listed are automatic.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub review: std::collections::BTreeMap<String, Status>,
}

impl Incident {
    /// Sums the killed rows into `fatalities`: a bound is unknown if any row's is.
    pub fn total_fatalities(rows: &[CasualtyRow]) -> Count {
        fn sum(rows: &[CasualtyRow], f: impl Fn(&CasualtyRow) -> Option<u64>) -> Option<u64> {
            rows.iter()
                .map(f)
                .try_fold(0u64, |acc, x| x.map(|x| acc.saturating_add(x)))
        }
        if rows.is_empty() {
            return Count::exact(0);
        }
        Count {
            low: sum(rows, |r| r.low.or(r.best)),
            best: sum(rows, |r| r.best.or(r.low)),
            high: sum(rows, |r| r.high),
        }
    }
}

/// A highlighted span with its normalised value, as exported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    /// "e1", "e2", … for automatic entities; "m1", … for manual ones.
    pub id: String,
    /// What it is.
    pub kind: Kind,
    /// Code point offset of the first char in the document text.
    pub start: usize,
    /// Code point offset after the last char.
    pub end: usize,
    /// `start` in UTF-16 code units.
    pub start_utf16: usize,
    /// `end` in UTF-16 code units.
    pub end_utf16: usize,
    /// The text between the offsets, exactly.
    pub text: String,
    /// Name of the rule that made it, or "manual".
    pub rule: String,
    /// Automatic or manual.
    pub origin: Origin,
    /// The normalised value.
    pub value: Value,
    /// Review state; written only when not automatic.
    #[serde(skip_serializing_if = "Status::is_auto")]
    pub status: Status,
}

/// True for `YYYY-MM-DD`, `YYYY-MM`, `YYYY` and `--MM-DD` with a real month and day.
pub fn is_iso_date(s: &str) -> bool {
    use chrono::NaiveDate;
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    match b.len() {
        10 if digits(0..4) => NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok(),
        7 if s.starts_with("--") && digits(2..4) && digits(5..7) && b[4] == b'-' => {
            // Any real month-day, 29 February included (leap year 2000 as a stand-in).
            NaiveDate::parse_from_str(&format!("2000{}", &s[1..]), "%Y-%m-%d").is_ok()
        }
        7 if digits(0..4) && b[4] == b'-' && digits(5..7) => {
            matches!(s[5..7].parse::<u32>(), Ok(1..=12))
        }
        4 => digits(0..4),
        _ => false,
    }
}
