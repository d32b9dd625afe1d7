//! Sources: who a statement is attributed to. "according to security sources", "the defence
//! ministry said", "Reuters reported", "a local official told AFP", "residents said", "the
//! group claimed responsibility".
//!
//! The span is the speaker's noun phrase only ("security sources", "the defence ministry",
//! "Reuters"; a country name stays in: "the Niger defence ministry"), so the incident builder can link it to the nearest figure. Each value is a
//! [`SourceValue`] with a category: `official`, `security`, `media`, `local`, `group`, `other`.
//!
//! | rule | matches |
//! |---|---|
//! | `according_to_source` | "according to security sources", "according to the army" |
//! | `source_said` | "residents said", "the defence ministry said", "a local official told" |
//! | `media_attribution` | "told AFP", "Reuters reported", "according to Reuters", "compiled by AFP" |
//! | `claimed_responsibility` | "the group claimed responsibility", "ISWAP claimed the attack" |

use std::sync::LazyLock;

use regex::Captures;

use super::context::Context;
use super::model::{Kind, SourceValue, Value};
use super::rule::{Found, Rule, RuleSet};
use super::text::fold;

/// A speaker's noun phrase: optional determiner or count, up to two modifiers, a head noun.
const SPEAKER: &str = r"(?:(?:[Tt]he|[Aa]n?|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]any|[Oo]ne|[Ss]ome)[ \t]+)?(?:(?:{country})(?:['’]s)?[ \t]+)?(?:(?:local|security|military|army|police|senior|government|official|hospital|medical|humanitarian|defen[cs]e|interior|provincial|district|regional|state|municipal|diplomatic|intelligence|judicial|health|UN|U\.N\.|rescue|relief|aid|community|religious|traditional|Local|Security|Military|Senior|Government|Hospital|Medical|Defen[cs]e|Interior|Health|State|Provincial|District|Regional|Police|Army|Community)[ \t]+){0,2}(?:sources|source|officials|official|residents|witnesses|eyewitnesses|spokesman|spokesperson|spokeswoman|ministry|Ministry|authorities|governor|mayor|villagers|survivors|medics|doctors|analysts|officer|officers|commander|army|Army|military|Military|police|Police|junta|government|prosecutors|Prosecutors|Sources|Residents|Witnesses|Officials|Authorities|Villagers|Survivors|Analysts)|(?:[Tt]he[ \t]+)?(?:[Mm]inistry[ \t]+of[ \t]+(?:the[ \t]+)?(?:[Dd]efen[cs]e|[Ii]nterior|[Ss]ecurity|[Hh]ealth))";

/// News agencies and broadcasters, as written.
const MEDIA: &str = r"Reuters|AFP|Agence France-Presse|Agence France Presse|AP|Associated Press|BBC|Al Jazeera|Xinhua(?:[ \t]+news[ \t]+agency)?|EFE|Anadolu(?:[ \t]+Agency)?|CNN|RFI|VOA|Voice of America|Sahara ?Reporters|Premium Times|Amaq(?:[ \t]+news[ \t]+agency)?|ACLED|state television|state TV|state media|state broadcaster|local media|local radio";

fn category(speaker: &str) -> &'static str {
    let f = fold(speaker);
    let has = |w: &str| f.split([' ', '\t']).any(|x| x.starts_with(w));
    if has("security")
        || has("military")
        || has("army")
        || has("police")
        || has("defen")
        || has("intelligence")
        || has("officer")
        || has("commander")
    {
        "security"
    } else if has("resident")
        || has("witness")
        || has("eyewitness")
        || has("villager")
        || has("survivor")
        || has("community")
        || has("religious")
        || has("traditional")
        || (has("local") && has("source"))
    {
        "local"
    } else if has("official")
        || has("ministry")
        || has("government")
        || has("governor")
        || has("mayor")
        || has("spokes")
        || has("authorities")
        || has("junta")
        || has("prosecutor")
        || has("interior")
        || has("state")
    {
        "official"
    } else {
        "other"
    }
}

fn source(name: &str, category: &str) -> Option<Value> {
    Some(Value::Source(SourceValue {
        name: name.to_string(),
        category: category.to_string(),
    }))
}

/// Words showing the head was a modifier: "an official statement", "a security source's
/// account" is fine, "official figures" is not a speaker.
const NOT_A_SPEAKER_BEFORE: &[&str] = &[
    "statement",
    "statements",
    "report",
    "reports",
    "toll",
    "tally",
    "count",
    "figures",
    "estimate",
    "estimates",
    "data",
    "document",
    "documents",
    "communique",
    "release",
];

fn speaker(caps: &Captures, _: &Context) -> Option<Value> {
    if let Some(next) = caps.name("next") {
        if NOT_A_SPEAKER_BEFORE.contains(&fold(next.as_str()).as_str()) {
            return None;
        }
    }
    let span = caps.name("span")?.as_str();
    source(span, category(span))
}

fn group(caps: &Captures, _: &Context) -> Option<Value> {
    let span = caps.name("span")?.as_str();
    let f = fold(span);
    if ["no", "no group", "nobody", "no one", "none"].contains(&f.as_str()) {
        return None;
    }
    source(span, "group")
}

const LIST: &[Rule] = &[
    Rule {
        name: "according_to_source",
        kind: Kind::Source,
        pattern: r"(?-u:\b)(?i:according[ \t]+to)[ \t]+(?P<span>{speaker})(?-u:\b)(?:[ \t]+(?P<next>\w+))?",
        produce: speaker,
        examples: &[
            "Ten died, according to security sources.",
            "According to the Niger defence ministry, the toll rose.",
            "according to local officials",
            "according to the Ministry of Defence",
        ],
        counter_examples: &[
            "according to plan",
            "according to the report",
            "according to an official statement from the army",
        ],
    },
    Rule {
        name: "source_said",
        kind: Kind::Source,
        pattern: r"(?-u:\b)(?P<span>{speaker})[ \t]+(?:(?:later|also|then|had|have|has|on[ \t]+\w+)[ \t]+)?(?:said|says|told|reported|confirmed|announced|stated|added|claimed|estimated|put[ \t]+the[ \t]+toll)(?-u:\b)",
        produce: speaker,
        examples: &[
            "residents said the attackers fled",
            "the defence ministry said in a statement",
            "A local official told reporters",
            "security sources confirmed the raid",
            "The army said on Monday",
        ],
        counter_examples: &["the attackers said nothing", "he said"],
    },
    Rule {
        name: "media_attribution",
        kind: Kind::Source,
        pattern: r"(?-u:\b)(?:(?:told|to|by|from|according[ \t]+to|(?i:sources?[ \t]+told))[ \t]+(?P<span>{media})(?-u:\b)|(?P<span2>{media})[ \t]+(?:reported|reports|said|says|quoted|cited|learned|learnt|gathered)(?-u:\b))",
        produce: media_either,
        examples: &[
            "a local official told AFP",
            "Reuters reported on Friday",
            "a toll compiled by AFP",
            "SaharaReporters gathered that",
            "Xinhua news agency reported",
        ],
        counter_examples: &["AFP photo", "the reuters building"],
    },
    Rule {
        name: "claimed_responsibility",
        kind: Kind::Source,
        pattern: r"(?P<span>(?:[Tt]he[ \t]+(?:group|militants|jihadists|insurgents|rebels|organisation|organization|movement))|\p{Lu}[\p{L}\d'’-]*(?:[ \t]+\p{Lu}[\p{L}\d'’-]*){0,4})[ \t]+(?:has[ \t]+|have[ \t]+|later[ \t]+|quickly[ \t]+)?(?:claimed|claims)[ \t]+(?:responsibility|the[ \t]+attack|the[ \t]+killing|the[ \t]+bombing|the[ \t]+ambush|credit)(?-u:\b)",
        produce: group,
        examples: &[
            "The group claimed responsibility on Telegram.",
            "ISWAP claimed the attack in a statement.",
            "Islamic State has claimed responsibility",
        ],
        counter_examples: &[
            "No group has claimed responsibility.",
            "nobody claimed responsibility",
        ],
    },
];

fn media_either(caps: &Captures, ctx: &Context) -> Option<Value> {
    let _ = ctx;
    let span = caps.name("span").or_else(|| caps.name("span2"))?.as_str();
    let cat = if span == "ACLED" { "other" } else { "media" };
    source(span, cat)
}

/// The sources rules.
pub static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let countries = &super::actors::state_forces::COUNTRIES.names_alt;
    RuleSet::new(
        LIST,
        &[
            ("speaker", SPEAKER),
            ("media", MEDIA),
            ("country", countries),
        ],
    )
});

/// Finds sources in `text`.
pub fn find(text: &str, ctx: &Context) -> Vec<Found> {
    let mut out = RULES.run(text, ctx);
    // "media_attribution" has two alternative spans: fix the offsets to the group that matched.
    for f in &mut out {
        if f.rule == "media_attribution" {
            if let Value::Source(s) = &f.value {
                if text.get(f.start..f.end) != Some(s.name.as_str()) {
                    if let Some(i) = text.get(f.start..f.end).and_then(|t| t.find(&s.name)) {
                        f.start += i;
                        f.end = f.start + s.name.len();
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::overlap;
    use super::*;

    fn sources(text: &str) -> Vec<(String, String)> {
        overlap::resolve(find(text, &Context::default()))
            .into_iter()
            .filter_map(|f| match f.value {
                Value::Source(s) => {
                    assert_eq!(&text[f.start..f.end], s.name, "{text}");
                    Some((s.name, s.category))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn sources_in_sentences() {
        let table: &[(&str, &[(&str, &str)])] = &[
            (
                "Twenty died, according to security sources.",
                &[("security sources", "security")],
            ),
            (
                "The defence ministry said 12 soldiers died.",
                &[("The defence ministry", "security")],
            ),
            ("Reuters reported the raid.", &[("Reuters", "media")]),
            (
                "A local official told AFP the toll was 9.",
                &[("A local official", "official"), ("AFP", "media")],
            ),
            (
                "The army said in a statement that it had retaken the town.",
                &[("The army", "security")],
            ),
            (
                "Residents said the gunmen left at dawn.",
                &[("Residents", "local")],
            ),
            (
                "The group claimed responsibility for the ambush.",
                &[("The group", "group")],
            ),
            ("No group has claimed responsibility.", &[]),
            ("He said the road was closed.", &[]),
        ];
        for (text, want) in table {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(sources(text), want, "{text}");
        }
    }
}
