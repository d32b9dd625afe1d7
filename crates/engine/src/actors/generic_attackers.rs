//! Attackers the text does not name: "gunmen", "jihadists", "suspected bandits", "armed men",
//! "unidentified assailants", "Islamist militants". A hedge ("suspected", "alleged") stays in
//! the span and in the value; the side is `rebel`, as `CONVENTIONS.md` files "jihadists,
//! insurgents, militants, bandits, terrorists, assailants".
//!
//! Words that mostly refer back to someone already named ("the attackers", "the rebels",
//! "fighters") count only with a modifier: "armed rebels", "unidentified attackers". Group
//! words count only for kinds of group that have no name ("bandit groups", "a guerrilla
//! group"); "jihadist groups" and "armed groups" are talk about the conflict, not actors.
//! Vigilantes are the exception to `rebel`: they are `militia`.

use regex::Captures;

use super::super::context::Context;
use super::super::model::{ActorValue, Kind, Side, Value};
use super::super::rule::Rule;
use super::super::text::fold;

/// Nouns that need a modifier before they count as a mention.
const NEEDS_MODIFIER: &[&str] = &[
    "men",
    "man",
    "individuals",
    "people",
    "persons",
    "assailants",
    "attackers",
    "fighters",
    "rebels",
    "raiders",
    "groups",
    "group",
    "elements",
];

/// The canonical name for a generic noun: its last word, lower-case ("Islamist militants" →
/// "militants"), with "armed men" and the like kept whole.
fn canonical(noun: &str, modifiers: &str) -> String {
    let n = fold(noun).split_whitespace().collect::<Vec<_>>().join(" ");
    let m = fold(modifiers);
    match n.as_str() {
        "men" | "man" | "individuals" | "people" | "persons" | "elements" => {
            if m.contains("gun") {
                "gunmen".to_string()
            } else {
                "armed men".to_string()
            }
        }
        "gunman" => "gunmen".to_string(),
        "gang" | "gang members" | "gang member" => "gangs".to_string(),
        "youth" | "youths" => "armed youths".to_string(),
        _ => n,
    }
}

fn generic_attacker(caps: &Captures, _: &Context) -> Option<Value> {
    let noun = caps.name("noun")?.as_str();
    let modifiers = caps.name("mods").map_or("", |m| m.as_str());
    let hedge = caps.name("hedge").map(|h| fold(h.as_str()));
    let folded = fold(noun);
    // "armed youth(s)": the communal militias of South Sudan and elsewhere; only armed ones
    // are attackers ("local youths protested").
    let youths = matches!(folded.as_str(), "youth" | "youths");
    if youths && !fold(modifiers).contains("armed") {
        return None;
    }
    let side = if folded.starts_with("vigilante") || youths {
        Side::Militia
    } else {
        Side::Rebel
    };
    let last = folded.rsplit(' ').next().unwrap_or("");
    if NEEDS_MODIFIER.contains(&last) && modifiers.trim().is_empty() && !folded.contains(' ') {
        return None;
    }
    Some(Value::Actor(ActorValue {
        name: canonical(noun, modifiers),
        side,
        aliases: Vec::new(),
        hedge,
        country_code: None,
    }))
}

/// "gunmen", "suspected jihadists", "unidentified armed individuals", "bandit groups".
pub const GENERIC_ATTACKER: Rule = Rule {
    name: "generic_attacker",
    kind: Kind::Actor,
    pattern: r"(?i)(?-u:\b)(?P<span>(?:(?P<hedge>suspected|alleged|presumed)[ \t]+)?(?P<mods>(?:(?:unidentified|unknown|masked|heavily|armed|islamist|islamic|jihadist|local|rival|criminal|bandit|militant|terrorist|extremist|suspected|cattle)[ \t]+){0,3})(?P<noun>gunmen|gunman|jihadists|militants|terrorists|bandits|insurgents|extremists|islamists|guerrillas|kidnappers|gang[ \t]+members?|gangs|gang|gangsters|cartel[ \t]+gunmen|bandit[ \t]+groups|guerrilla[ \t]+group|vigilante[ \t]+groups|vigilante[ \t]+group|vigilantes|men|individuals|persons|assailants|attackers|raiders|fighters|rebels|elements|youths|youth))(?-u:\b)",
    produce: generic_attacker,
    examples: &[
        "Gunmen stormed the market at dawn.",
        "Suspected jihadists killed five herders.",
        "Unidentified armed individuals opened fire.",
        "The attack was blamed on Islamist militants.",
        "armed men arrived on motorbikes",
        "a rival gang was blamed",
        "Heavily armed gang members stormed the town.",
        "several bandit groups operate there",
        "hundreds of armed rebels attacked",
        "Armed youth from a neighbouring county raided the cattle camp.",
        "cattle raiders drove off the herds",
    ],
    counter_examples: &[
        "The attackers fled.",
        "Five rebels were killed.",
        "the fighters regrouped",
        "a jihadist attack",
        "the militant activity",
        "men and women queued",
        "clashes with jihadist groups",
        "local youths protested in the town",
        "the raiders fled",
    ],
};

#[cfg(test)]
mod tests {
    use super::super::RULES;
    use super::*;

    #[test]
    fn generic_attackers_table() {
        let ctx = Context::default();
        for (text, span, name, hedge) in [
            (
                "Suspected jihadists attacked.",
                "Suspected jihadists",
                "jihadists",
                Some("suspected"),
            ),
            (
                "unidentified gunmen shot him",
                "unidentified gunmen",
                "gunmen",
                None,
            ),
            ("Armed men arrived.", "Armed men", "armed men", None),
            (
                "by heavily armed assailants",
                "heavily armed assailants",
                "assailants",
                None,
            ),
            ("the terrorists withdrew", "terrorists", "terrorists", None),
            (
                "Heavily armed gang members stormed the town.",
                "Heavily armed gang members",
                "gangs",
                None,
            ),
        ] {
            let got = RULES.run_rule("generic_attacker", text, &ctx);
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(&text[got[0].start..got[0].end], span, "{text}");
            let Value::Actor(a) = &got[0].value else {
                panic!()
            };
            assert_eq!(a.name, name, "{text}");
            assert_eq!(a.hedge.as_deref(), hedge, "{text}");
            assert_eq!(a.side, Side::Rebel);
        }
    }
}
