//! Victim groups: "civilians", "villagers", "worshippers", "students" (side `civilian`) and
//! state employees named by their job: "customs officers", "forest guards" (side `state`).
//!
//! Only when the text makes them the object of violence: "attacked villagers", "killing
//! civilians", "an attack on worshippers". A bare count ("10 civilians were killed") is the
//! casualty dimension's business.

use regex::Captures;

use super::super::context::Context;
use super::super::model::{ActorValue, Kind, Side, Value};
use super::super::rule::Rule;
use super::super::text::fold;

fn victim(caps: &Captures, _: &Context) -> Option<Value> {
    let who = fold(caps.name("span")?.as_str());
    let state = [
        "customs", "forest", "guard", "police", "gendarme", "soldier", "troop",
    ]
    .iter()
    .any(|w| who.contains(w));
    Some(Value::Actor(ActorValue {
        name: if state { who } else { "civilians".to_string() },
        side: if state { Side::State } else { Side::Civilian },
        aliases: Vec::new(),
        hedge: None,
        country_code: None,
    }))
}

/// "attacked villagers", "targeting civilians", "an attack on worshippers at a mosque".
pub const VICTIM_GROUP: Rule = Rule {
    name: "victim_group",
    kind: Kind::Actor,
    pattern: r"(?i)(?-u:\b)(?:attack(?:s|ed|ing)?(?:[ \t]+(?:on|against))?|target(?:s|ed|ing)?|killing|killed|kill|massacred|massacring|abducted|abducting|kidnapped|kidnapping|ambushed|ambushing|shot|shooting|raided|raiding|against|on)[ \t]+(?:the[ \t]+|unarmed[ \t]+|innocent[ \t]+|local[ \t]+|defenceless[ \t]+|defenseless[ \t]+)*(?P<span>civilians|villagers|worshippers|worshipers|students|pupils|schoolchildren|farmers|herders|traders|passengers|mourners|displaced[ \t]+people|aid[ \t]+workers|miners|fishermen|customs[ \t]+officers|customs[ \t]+officials|forest[ \t]+guards|forest[ \t]+rangers|park[ \t]+rangers)(?-u:\b)",
    produce: victim,
    examples: &[
        "Gunmen attacked villagers in the night.",
        "The group has been targeting civilians.",
        "an attack on worshippers at a mosque",
        "militants abducted students from a school",
        "an ambush against customs officers",
    ],
    counter_examples: &[
        "Ten civilians were killed.",
        "residents said the town was calm",
        "villagers fled",
    ],
};
