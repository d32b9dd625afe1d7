//! Casualties: how many of whom were killed, injured, missing or abducted.
//!
//! Every rule is anchored on the words news uses for the outcome, and reads the count with the
//! `{count}` fragments of [`super::numbers`] (values per `CONVENTIONS.md`). The rules, by the
//! phrase they match:
//!
//! | rule | phrase |
//! |---|---|
//! | `killed_passive` | "At least 36 soldiers were killed", "12 dead", "seven were killed" |
//! | `died` | "12 people died", "nine soldiers lost their lives", "five met their end" |
//! | `injured_passive` | "three others were wounded", "seven soldiers sustained injuries" |
//! | `missing_passive` | "two guards went missing", "five are unaccounted for" |
//! | `abducted_passive` | "20 students were kidnapped", "a nurse was taken hostage" |
//! | `killed_active` | "killing dozens of troops", "the gunmen killed 11 people" |
//! | `injured_active` | "injuring several others", "wounding 12" |
//! | `abducted_active` | "kidnapped 20 students", "abducting nine villagers" |
//! | `deaths_of` | "the deaths of four soldiers", "claimed the lives of 12 people" |
//! | `wounded_adjective` | "55 wounded people", "14 dead villagers" |
//! | `bodies_count` | "recovered 42 bodies" (who: "people") |
//! | `lost_people` | "we lost nine soldiers", "the army lost 20 men" |
//! | `abduction_of` | "the kidnapping of three engineers" |
//! | `left_dead` | "left 12 dead", "left five people injured" |
//! | `death_toll` | "the death toll rose to 38" (who: "people") |
//! | `toll_rose_to` | "the toll, initially put at twelve dead, rose to 20" (the later figure) |
//! | `no_casualties` | "no casualties were reported", "nobody was hurt" (count exactly 0) |
//! | `joint_groups_passive` | "dozens of soldiers and volunteer fighters were killed" (one count, both named) |
//! | `including_subgroup` | "…, including 53 gendarmes" (outcome of the casualty before it) |
//! | `including_second_subgroup` | "…, including five soldiers and **three civilians**" (as `including_subgroup`) |
//! | `first_of_two_groups` | "**two soldiers** and three civilians were killed" (read backwards from the passive find) |
//! | `second_group_active` | "killing two soldiers and **three civilians**" |
//! | `second_group_of` | "the bodies of seven men and **four women**" |
//! | `ordinal_victim` | "killed four people and wounded **a fifth**" (one more victim) |
//!
//! **Who** is the victim noun as the table `data/victims.tsv` spells its plural
//! ("soldiers", "customs informants", "people"); a demonym or adjective before it ("Nigerien",
//! "other") stays in the span but not in `who`. The table also gives the **side**. "people" and
//! "persons" are `unknown`: the words do not say whether the dead were fighting.
//!
//! A figure with no noun ("seven were killed", "injuring 12") or with "others" takes the who of
//! the casualty named just before it in the same sentence ("others" may also look back one
//! sentence); failing that, who is "people" (or "others"), side unknown.
//!
//! Not counts: years ("2019"), times ("6:30"), ages ("a 35-year-old" counts as *a*),
//! percentages, ordinals, and counts of things that are not people ("12 vehicles": see
//! [`super::figures`]).

use regex::Captures;
use std::sync::LazyLock;

use super::context::Context;
use super::hash::FastMap;
use super::model::{CasualtyValue, Count, Kind, Outcome, Side, Value};
use super::numbers::{self, parse_count};
use super::rule::{Found, Rule, RuleSet};
use super::text;

/// The victim table: folded form (singular or plural) → (plural as the table spells it, side).
static VICTIMS: LazyLock<FastMap<String, (&'static str, Side)>> = LazyLock::new(|| {
    let mut map = FastMap::default();
    for (singular, plural, side) in victim_rows() {
        map.entry(key(plural)).or_insert((plural, side));
        map.entry(key(singular)).or_insert((plural, side));
    }
    map
});

/// Loads the victim table and builds the `{victim}` fragment (see [`super::load_data`]).
pub(crate) fn load_data() {
    LazyLock::force(&VICTIMS);
    LazyLock::force(&VICTIM_PATTERN);
}

/// Compiles the regexes outside the rule set (see [`super::compile_rules`]).
pub(crate) fn compile_extra() {
    LazyLock::force(&GROUP_BEFORE);
}

fn victim_rows() -> impl Iterator<Item = (&'static str, &'static str, Side)> {
    crate::lexicon::tsv_rows(include_str!("../data/victims.tsv"), 3).filter_map(|cols| {
        let side = Side::parse(cols[2].trim())?;
        Some((cols[0].trim(), cols[1].trim(), side))
    })
}

/// The rules whose find is part of the figure before it, with that figure's outcome:
/// "…, including 53 gendarmes", "…, including five soldiers and three civilians".
pub fn is_subgroup_rule(rule: &str) -> bool {
    matches!(rule, "including_subgroup" | "including_second_subgroup")
}

/// Folded, hyphens as spaces, single spaces.
fn key(s: &str) -> String {
    let folded = text::fold(s).replace(['-', '\u{a0}'], " ");
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The victim noun at the end of a noun phrase, and its side: "two Nigerien soldiers" →
/// ("soldiers", state). The longest table entry that ends the phrase wins ("Customs
/// informants" → "customs informants", not "informants").
pub fn victim(phrase: &str) -> Option<(&'static str, Side)> {
    let k = key(phrase);
    let mut start = 0;
    loop {
        if let Some(v) = VICTIMS.get(&k[start..]) {
            return Some(*v);
        }
        start += k[start..].find(' ')? + 1;
    }
}

/// The `{victim}` fragment: every form in the table, longest first.
static VICTIM_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let mut forms: Vec<&str> = victim_rows().flat_map(|(s, p, _)| [s, p]).collect();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup();
    let alts: Vec<String> = forms
        .iter()
        .map(|f| {
            regex::escape(f)
                .replace(' ', r"\s+")
                .replace(r"\-", r"[-\s]?")
        })
        .collect();
    format!(r"(?-u:\b)(?:{})(?-u:\b)", alts.join("|"))
});

/// Words that may stand between a count and the victim noun, besides capitalised words
/// (demonyms, unit names: "Nigerien", "Customs"), Arabic names with their article
/// ("al-Shabaab", "al Qaeda") and ages ("35-year-old").
const MODIFIER: &str = r"(?-i:\p{Lu})[\p{L}\p{M}'’.]*(?:-[\p{L}\p{M}]+)*|(?:al|el|ad|ash|as|an|ar|at|az|ul)-(?-i:\p{Lu})[\p{L}\p{M}'’]*(?:-[\p{L}\p{M}]+)*|al|\d+-year-old|other|additional|more|further|armed|unarmed|innocent|local|government|pro-government|security|military|army|police|suspected|alleged|islamist|jihadist|young|elderly|female|male|civilian|heavily|foreign|national|regular|fellow|off-duty|defenceless|defenseless|christian|muslim|ethnic|displaced|unidentified|enemy|rebel|separatist|secessionist|militia|special|elite|senior|junior|serving|retired|government-allied|army-backed|state-backed|auxiliary|customs|forest|border|village|school|aid|wounded|injured|bus|minibus|boat|train|truck";

/// Auxiliaries and adverbs between the victims and the outcome word.
const FILLER: &str = r"(?:(?:were|was|are|is|have|has|had|been|being|be|got|get|also|all|more|both|reportedly|reported|allegedly|confirmed|later|subsequently|directly|eventually|critically|seriously|severely|gravely|slightly|lightly|fatally|mortally|badly|feared|believed|said|to|initially|still|remain|remained|remains|went|gone|officially|now|then|instantly|immediately|tragically|either|found|left|among|those|the)\s+){0,5}";

/// The unit or force a victim belongs to, named after it: "of the UN mission, MINUSCA,", "from
/// the 5th Battalion", "of the Nigerian Army". Its first word is a name (a capital or a digit,
/// after an optional article), the others names or unit nouns, so neither "soldiers of the
/// village" nor "soldiers of the 5th Battalion and three civilians" is read as one.
const UNIT: &str = r"\s+(?:of|from)\s+(?:(?:the|a|an)\s+)?(?-i:[A-Z0-9])[\w'’-]*(?:\s+(?:of\s+)?(?:(?-i:[A-Z0-9])[\w'’-]*|army|mission|infantry|battalion|brigade|regiment|forces?|police|unit|division|command|company|corps|contingent|militia|group|guard)){0,4}(?:\s*,\s*(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}\s*,)?";

/// How a count begins (`{count_or_a}` without its ranges and endings): after a passive verb
/// with no auxiliary it is an object ("Two gunmen killed a guard"), which is all the passive
/// rules ask of it, at a third of `{count_or_a}`'s automaton.
const COUNT_START: &str = r"(?:(?:{qualifier})\s+)?(?:{number}|{vague}|(?-u:\b)between|(?-u:\b)one\s+of|(?-u:\b)another|(?-u:\b)an?)(?-u:\b)";

const KILL_PASSIVE: &str = r"killed\s+in\s+action|killed|dead|slain|murdered|martyred|executed|massacred|slaughtered|beheaded|assassinated|shot\s+dead|shot\s+and\s+killed|gunned\s+down|burn(?:ed|t)\s+(?:alive|to\s+death)|hacked\s+to\s+death|neutrali[sz]ed|sent\s+to\s+hell";
const DIED: &str = r"(?:sustained|suffered|received)\s+(?:[\w-]+\s+){0,2}?(?:injuries|wounds)\s+and\s+(?:later\s+|subsequently\s+|eventually\s+)?(?:succumbed|died)|died|perished|embraced\s+martyrdom|lost\s+(?:their|his|her)\s+li(?:fe|ves)|met\s+(?:their|his|her)\s+(?:end|deaths?)|succumbed";
const INJURE_PASSIVE: &str = r"wounded|injured|hurt|maimed|(?:sustained|suffered|received)\s+(?:[\w-]+\s+){0,2}?(?:injuries|wounds)";
const MISSING_PASSIVE: &str = r"missing|unaccounted\s+for|disappeared";
const ABDUCT_PASSIVE: &str = r"abducted|kidnapp?ed|taken\s+(?:as\s+)?(?:hostages?|captives?|captive|prisoners?)|held\s+(?:hostage|captive)|captured|carried\s+away|whisked\s+away";

const KILL_ACTIVE: &str = r"kill(?:ed|ing|s)?|(?:hack(?:ed|ing)|stabb(?:ed|ing)|beat(?:ing)?|bludgeon(?:ed|ing)|burn(?:ed|t|ing))\s+to\s+death|murder(?:ed|ing|s)?|execut(?:ed|ing|es)|massacr(?:ed|ing|es)|slaughter(?:ed|ing|s)?|behead(?:ed|ing|s)?|assassinat(?:ed|ing|es)|shot\s+dead|shooting\s+dead|gunn(?:ed|ing)\s+down|neutrali[sz](?:ed|ing|es)";
const INJURE_ACTIVE: &str = r"wound(?:ed|ing|s)?|injur(?:ed|ing|es|e)|maim(?:ed|ing|s)?";
const ABDUCT_ACTIVE: &str =
    r"abduct(?:ed|ing|s)?|kidnapp?(?:ed|ing|s)?|seiz(?:ed|ing|es)|captur(?:ed|ing|es)|took|taking";

/// What may follow an active-voice count with no noun ("killing 12 in the village").
const TAIL: &str = r"\s+(?:in|at|on|and|during|when|while|after|near|including|as|with|from|inside|outside|across|over|since|before|last|this|overnight|early|late|between|among)(?-u:\b)|\s*[,.;:)\u{2014}]|\s*$";

fn fragments() -> Vec<(&'static str, &'static str)> {
    let mut f: Vec<(&'static str, &'static str)> = numbers::FRAGMENTS.to_vec();
    f.extend([
        ("victim", VICTIM_PATTERN.as_str()),
        ("mod", MODIFIER),
        ("who", r"(?:(?:{mod})\s+){0,3}{victim}"),
        ("filler", FILLER),
        ("unit", UNIT),
        ("count_start", COUNT_START),
        ("kill_passive", KILL_PASSIVE),
        ("died", DIED),
        ("injure_passive", INJURE_PASSIVE),
        ("missing_passive", MISSING_PASSIVE),
        ("abduct_passive", ABDUCT_PASSIVE),
        ("kill_active", KILL_ACTIVE),
        ("injure_active", INJURE_ACTIVE),
        ("abduct_active", ABDUCT_ACTIVE),
        ("tail", TAIL),
        ("and_wounded", r"\s+(?:and|or)\s+(?:wounded|injured)(?-u:\b)"),
        ("dead_and_wounded", r"\s+(?:dead|killed|deaths){and_wounded}"),
        // After a group: it speaks ("…, a military officer and residents said", "…, a local
        // official told AFP"), so it is a source, not a victim.
        (
            "speaks",
            r"(?P<speaks>\s+(?:and\s+(?:[\w'’-]+\s+){0,3}?)?(?:said|says|say|told|reported|added|confirmed)(?-u:\b))?",
        ),
        (
            "any_passive",
            r"(?P<kill>{kill_passive}|{died})|(?P<injure>{injure_passive})|(?P<miss>{missing_passive})|(?P<abduct>{abduct_passive})",
        ),
        (
            "any_active",
            r"(?P<kill>{kill_active})|(?P<injure>{injure_active})|(?P<abduct>{abduct_active})",
        ),
    ]);
    f
}

/// "**two soldiers** and three civilians were killed": the group before the one a passive rule
/// found, matched backwards from that find (anchored at the end of the text before it, so it
/// costs nothing on text without casualties). Its entities carry the rule name
/// `first_of_two_groups`.
static GROUP_BEFORE: LazyLock<regex::Regex> = LazyLock::new(|| {
    let src = super::rule::expand(
        r"(?i)(?-u:\b)(?P<count>{count_or_a})\s+(?P<who>{who})(?:\s*,\s*|,?\s+and\s+)$",
        &fragments(),
    );
    regex::Regex::new(&super::rule::compile_form(&src))
        .unwrap_or_else(|e| panic!("first_of_two_groups: {e}"))
});

const PASSIVE_RULES: &[&str] = &[
    "killed_passive",
    "died",
    "injured_passive",
    "missing_passive",
    "abducted_passive",
];

/// "At least nine people, including five children, were killed": a passive find holding a
/// subgroup find ends before it ("At least nine people"), so that both are kept and the
/// subgroup takes the figure's outcome (see [`find`]).
fn cut_before_subgroups(text: &str, found: &mut [Found]) {
    let parts: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| f.rule == "including_subgroup")
        .map(|f| (f.start, f.end))
        .collect();
    for f in found.iter_mut() {
        if !PASSIVE_RULES.contains(&f.rule) {
            continue;
        }
        if let Some(&(start, _)) = parts
            .iter()
            .find(|&&(start, end)| f.start < start && end < f.end)
        {
            // The figure ends at the comma before "including".
            let cut = text[..start]
                .trim_end_matches([',', ' ', '\t', '\n', '\u{a0}'])
                .len();
            if cut > f.start {
                f.end = cut;
            }
        }
    }
}

/// Adds the groups listed before a passive find ("two soldiers, three police and …").
fn groups_before(text: &str, found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for f in found {
        if !PASSIVE_RULES.contains(&f.rule) {
            continue;
        }
        let Value::Casualty(v) = &f.value else {
            continue;
        };
        if v.who.is_empty() {
            continue;
        }
        let mut end = f.start;
        // At most a few groups, each within 200 bytes.
        for _ in 0..4 {
            let mut start = end.saturating_sub(200);
            while !text.is_char_boundary(start) {
                start += 1;
            }
            let Some(caps) = GROUP_BEFORE.captures(&text[start..end]) else {
                break;
            };
            let (Some(m), Some(count)) = (caps.get(0), caps.name("count")) else {
                break;
            };
            let Some(Value::Casualty(mut g)) = make(&caps, v.outcome) else {
                break;
            };
            if g.who.is_empty() {
                break;
            }
            g.outcome = v.outcome;
            let who_end = caps.name("who").map_or(count.end(), |w| w.end());
            out.push(Found {
                start: start + m.start(),
                end: start + who_end,
                rule: "first_of_two_groups",
                value: Value::Casualty(g),
            });
            end = start + m.start();
        }
    }
    out
}

/// The casualties rules.
pub static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::new(LIST, &fragments()));

/// `{count}[ {who}] [were …] <outcome>`: the shared shape of the passive rules.
macro_rules! passive {
    ($verb:literal) => {
        concat!(
            r#"(?i)(?P<span>(?P<count>{count_or_a})(?:\s+of\s+(?:them|those)|\s+of\s+(?P<of>the|these))?(?:\s+(?P<who>{who})(?P<unit>{unit})?)?["”’]?(?:\s*,\s*(?:including|among\s+them|mostly|most\s+of\s+them|all\s+of\s+them|many\s+of\s+them)(?-u:\b)[^,.;]{0,80},|\s*\([^)]{0,80}\))?\s+(?P<fill>{filler})["“‘']?(?:"#,
            $verb,
            r#")(?-u:\b))(?P<obj>\s+(?:{count_start}))?"#
        )
    };
}

/// `<outcome> {count}[ {who}]`: the shared shape of the active rules.
macro_rules! active {
    ($verb:literal) => {
        concat!(
            r"(?i)(?P<span>(?-u:\b)(?:",
            $verb,
            r")\s+[\x22“]?(?:(?:another|an\s+additional|a\s+further)\s+)?(?P<count>{count_or_a})(?:\s+of\s+(?:its|their|his|her|our|the|these|those)(?-u:\b)|(?P<them>\s+of\s+them(?-u:\b)))?(?:\s+(?P<who>{who})(?P<unit>{unit})?)?)(?P<tail>{tail})?"
        )
    };
}

const LIST: &[Rule] = &[
    Rule {
        name: "killed_passive",
        kind: Kind::Casualty,
        pattern: concat!(passive!("{kill_passive}"), "(?P<mixed>{and_wounded})?"),
        produce: killed_passive,
        examples: &[
            "At least 36 Malian soldiers were killed on Tuesday.",
            "Two police officers were reportedly shot dead at a checkpoint.",
            "Several attackers were also \"neutralised\", the army said.",
            "A civilian was killed by a stray bullet.",
            "Dozens of villagers have been killed since March.",
            "Seven were killed and two others wounded.",
            "Militants attack convoy, 12 dead",
            "Nine people, including three children, were killed.",
            "Two soldiers were killed and another was wounded.",
            "Four soldiers embraced martyrdom while six terrorists were sent to hell.",
        ],
        counter_examples: &[
            "Soldiers were killed in the ambush.",
            "In 2019 were killed many hopes.",
            "One of the deadliest attacks was carried out at 6:30 in the morning.",
            "Two gunmen killed a guard.",
            "The 12th brigade was killed off by budget cuts.",
            "On 2 March soldiers were killed in the north.",
            "A police officer said the slain fighters had crossed the border.",
            "The group claimed 45 dead and wounded.",
        ],
    },
    Rule {
        name: "died",
        kind: Kind::Casualty,
        pattern: passive!("{died}"),
        produce: killed_passive,
        examples: &[
            "Twelve people died in the fire that followed the attack.",
            "Nine soldiers reportedly lost their lives in the ambush.",
            "five met their end when their truck overturned",
            "Three of the wounded villagers later succumbed to their injuries.",
            "Two more died later in hospital.",
            "One soldier sustained critical injuries and later succumbed.",
        ],
        counter_examples: &[
            "The commander died in 2019.",
            "Hopes of a ceasefire died on Monday.",
        ],
    },
    Rule {
        name: "injured_passive",
        kind: Kind::Casualty,
        pattern: passive!("{injure_passive}"),
        produce: injured_passive,
        examples: &[
            "Three others were wounded in the blast.",
            "Two peacekeepers of the UN mission, MINUSCA, were wounded on Wednesday.",
            "Four soldiers from the 12th Battalion were injured.",
            "Seven Chadian soldiers sustained serious injuries.",
            "14 others critically injured",
            "a nurse was hurt by flying glass",
            "Dozens more were wounded.",
        ],
        counter_examples: &[
            "Several buildings were damaged.",
            "The wounded were evacuated to the capital.",
            "Two soldiers of the village guard were wounded.",
        ],
    },
    Rule {
        name: "missing_passive",
        kind: Kind::Casualty,
        pattern: passive!("{missing_passive}"),
        produce: missing_passive,
        examples: &[
            "Two forest guards went missing after the raid.",
            "Five soldiers are still unaccounted for.",
            "One Customs sergeant and one gendarme were reported missing.",
        ],
        counter_examples: &[
            "The missing soldiers were found later.",
            "Three vehicles went missing.",
        ],
    },
    Rule {
        name: "abducted_passive",
        kind: Kind::Casualty,
        pattern: passive!("{abduct_passive}"),
        produce: abducted_passive,
        examples: &[
            "More than 20 students were kidnapped from their school.",
            "A French aid worker was taken hostage in the north.",
            "Dozens of women have been abducted this year.",
        ],
        counter_examples: &[
            "The town was captured by rebels.",
            "One of the captured was released.",
            "12 motorcycles were captured by the army.",
        ],
    },
    Rule {
        name: "killed_active",
        kind: Kind::Casualty,
        pattern: active!("{kill_active}"),
        produce: killed_active,
        examples: &[
            "The militants stormed the base, killing dozens of troops.",
            "Gunmen killed 11 people at a bar on Saturday.",
            "Troops killed 30 al-Shabaab fighters near the town.",
            "The strike killed two al Qaeda commanders.",
            "A car bomb killed at least 12 in the capital.",
            "The blast killed a 35-year-old farmer.",
            "Troops pursued the attackers and killed five of them.",
            "Soldiers killed three of the insurgents.",
            "Suspected rebels hacked to death at least 11 people in a village.",
            "The army said it had killed \"around 20 terrorists\" in the fighting.",
            "Soldiers executed scores of ethnic Fulani civilians in the town.",
        ],
        counter_examples: &[
            "The raid killed hopes of a truce.",
            "The bombing killed 12 cows and destroyed a well.",
            "They were killed in 2019.",
        ],
    },
    Rule {
        name: "killed_named_and_others",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?-u:\b)(?:{kill_active})\s+(?P<one>(?:the|a|an)\s+(?:[\w'’.-]+\s+){1,6}?)(?:and|along\s+with|as\s+well\s+as)\s+(?P<count>{count})\s+(?:others?|more)(?:\s+(?P<who>{who}))?)",
        produce: killed_named_and_others,
        examples: &[
            "The blast killed the refugee minister Khalil Haqqani and five other people.",
            "The strike killed the group's commander Abu Yasir and three others.",
        ],
        counter_examples: &[
            "The strike killed the commander and three other fighters.",
            "The raid killed the 12 soldiers and two other people.",
        ],
    },
    Rule {
        name: "injured_active",
        kind: Kind::Casualty,
        pattern: active!("{injure_active}"),
        produce: injured_active,
        examples: &[
            "The attack killed 36 soldiers, injuring several others, some critically.",
            "The explosion wounded 12 in the market.",
            "The second strike hit a checkpoint, wounding two of its members.",
            "Shelling injured two children and a woman.",
            "Gunmen stormed a party, killing 12 people and wounding another 20.",
        ],
        counter_examples: &[
            "The explosion wounded the town's pride.",
            "A grenade injured 3 horses.",
        ],
    },
    Rule {
        name: "abducted_active",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?-u:\b)(?:{abduct_active})\s+(?P<count>{count_or_a})\s+(?P<who>{who}))",
        produce: abducted_active,
        examples: &[
            "Bandits kidnapped 20 students from a boarding school.",
            "The fighters stormed the village, abducting nine villagers.",
            "Gunmen seized two Italian priests on the road.",
        ],
        counter_examples: &["The army seized 12 vehicles.", "Rebels captured two towns."],
    },
    Rule {
        name: "deaths_of",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?-u:\b)(?:(?:resulted\s+in|led\s+to|caused|causing|confirmed|mourned|mourning|mourns|announced)\s+)?(?:(?:claim(?:ed|ing|s)?|cost(?:ing|s)?|took|taking|takes)\s+)?(?:the\s+)?(?:deaths?|killings?|murders?|massacre|executions?|slayings?|assassinations?|lives|bodies|corpses|remains|loss|losses)\s+of\s+(?:(?:at\s+least|another|an\s+additional)\s+)?(?P<count>{count_or_a})\s+(?P<who>{who}))",
        produce: killed_passive,
        examples: &[
            "Officials confirmed the deaths of four additional soldiers.",
            "The fighting resulted in the death of 55 insurgents.",
            "The ambush claimed the lives of 12 gendarmes.",
            "The killing of one of the hostages shocked the country.",
            "He condemned the murder of two other soldiers.",
            "The army deplored the loss of seven soldiers.",
        ],
        counter_examples: &[
            "The death of democracy was lamented.",
            "The deaths of the past year were mourned.",
            "The loss of two vehicles slowed the convoy.",
        ],
    },
    Rule {
        name: "claimed_lives",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?-u:\b)(?:claim(?:ed|ing|s)?|cost(?:ing|s)?|took|taking|takes)\s+(?:the\s+)?(?P<count>{count})\s+lives(?-u:\b))",
        produce: killed_passive,
        examples: &[
            "The violence has claimed more than 200 lives this year.",
            "The ambush cost 12 lives.",
        ],
        counter_examples: &["The war claimed many careers.", "It cost 12 dollars."],
    },
    Rule {
        name: "lives_lost",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?P<count>{count})\s+lives\s+(?:were|have\s+been|had\s+been)\s+lost(?-u:\b))",
        produce: killed_passive,
        examples: &["At least 30 lives were lost in the attack."],
        counter_examples: &["Many lives are at stake."],
    },
    Rule {
        name: "wounded_adjective",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?-u:\b)(?P<count>{count})\s+(?:(?P<injure>wounded|injured)|(?P<kill>dead))\s+(?P<who>{who}))",
        produce: by_group,
        examples: &[
            "A doctor said 55 wounded people were being treated.",
            "Hospitals received 12 injured soldiers overnight.",
            "Rescuers counted 14 dead villagers.",
        ],
        counter_examples: &[
            "The wounded were taken to hospital.",
            "In 2019 wounded soldiers were flown out.",
        ],
    },
    Rule {
        name: "bodies_count",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?-u:\b)(?P<count>{count})\s+(?:dead\s+)?(?:bodies|corpses)(?-u:\b))",
        produce: killed_passive,
        examples: &[
            "\"We have so far recovered 42 bodies,\" a local leader said.",
            "Rescuers pulled at least 15 corpses from the rubble.",
        ],
        counter_examples: &[
            "The bodies of 12 soldiers were found.",
            "The bodies were taken to the morgue.",
            "In 2019 bodies washed ashore.",
        ],
    },
    Rule {
        name: "lost_people",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?-u:\b)lost\s+(?P<count>{count})\s+(?P<who>{who}))",
        produce: killed_passive,
        examples: &[
            "\"We lost nine soldiers and another 14 were wounded,\" the captain said.",
            "The army lost at least 20 men in the ambush.",
        ],
        counter_examples: &[
            "The army lost 12 vehicles in the ambush.",
            "The team lost two games in a row.",
            "She lost 2019 elections.",
        ],
    },
    Rule {
        name: "abduction_of",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?-u:\b)(?:the\s+)?(?:kidnappings?|abductions?)\s+of\s+(?P<count>{count_or_a})\s+(?P<who>{who}))",
        produce: abducted_passive,
        examples: &[
            "The kidnapping of three engineers was claimed by the group.",
            "The abduction of 276 schoolgirls drew global outrage.",
        ],
        counter_examples: &["The kidnapping of the minister's dog was a hoax."],
    },
    Rule {
        name: "left_dead",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?-u:\b)(?:left|leaves|leaving|leave)\s+(?P<count>{count})(?:\s+(?P<who>{who}))?\s+(?:(?P<kill>dead)|(?P<injure>injured|wounded)|(?P<miss>missing))(?-u:\b))",
        produce: by_group,
        examples: &[
            "The clashes left 12 dead and dozens injured.",
            "The raid left five villagers wounded.",
            "Ambush leaves two more soldiers dead",
        ],
        counter_examples: &[
            "They left 12 vehicles behind.",
            "The army left the dead on the road.",
        ],
    },
    Rule {
        name: "death_toll",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?-u:\b)(?:(?:death|casualty|fatality)\s+)?toll\s+(?:[\w’']+\s+){0,20}?(?:to|at|of|reached|hit|is|was)\s+(?P<count>{count}))(?-u:\b)(?:\s+(?P<who>{who}))?(?P<mixed>{dead_and_wounded})?",
        produce: death_toll,
        examples: &[
            "The death toll rose to 38 on Sunday.",
            "The toll from the attack now stands at at least 50.",
            "The death toll from a series of suicide bombings in the town of Kolo in the \
             country's northeastern Nord State has risen to 32, the agency said.",
        ],
        counter_examples: &[
            "The death toll is not known.",
            "A toll road was built in 2019.",
            "The group claimed a higher toll of 45 dead and wounded.",
        ],
    },
    Rule {
        name: "toll_rose_to",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?-u:\b)(?:(?:death|casualty|fatality)\s+)?toll(?-u:\b)[^.;\n]{0,80}?(?-u:\b)(?:rose|risen|climbed|increased|jumped|grew|went\s+up)\s+to\s+(?P<count>{count}))(?-u:\b)(?:\s+(?P<who>{who}))?(?P<mixed>{dead_and_wounded})?",
        produce: death_toll,
        examples: &[
            "The toll, initially put at twelve dead, rose to 20 on Monday.",
            "The toll from Sunday's ambush has since risen to 31.",
        ],
        counter_examples: &[
            "Tolls rose to 5 dollars on the highway.",
            "The toll was high; prices rose to record levels.",
        ],
    },
    Rule {
        name: "no_casualties",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?-u:\b)(?:no\s+(?:(?P<kill>casualties|deaths|fatalities|loss\s+of\s+life|lives\s+were\s+lost)|(?P<injure>injuries))(?-u:\b)(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:immediately\s+)?(?:reported|recorded|registered))?|without\s+(?:any\s+)?(?P<kill2>casualties|loss\s+of\s+life)|(?:no\s+one|nobody|no-one)\s+(?:else\s+)?(?:was|were|has\s+been|had\s+been)\s+(?:(?P<kill3>killed)|(?P<injure2>injured|hurt|wounded))))",
        produce: no_casualties,
        examples: &[
            "No casualties were reported on either side.",
            "Nobody was hurt in the explosion.",
            "The patrol repelled the attack without casualties.",
        ],
        counter_examples: &[
            "There was no immediate word on casualties.",
            "It was not clear whether there were casualties.",
        ],
    },
    Rule {
        name: "including_subgroup",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?-u:\b)(?:including|among\s+them|among\s+(?:the\s+)?(?:dead|victims|those\s+killed)\s+(?:were|are))\s+(?P<count>{count_or_a})\s+(?P<who>{who}))",
        produce: killed_passive,
        examples: &["The attack killed 40 people, including 31 gendarmes."],
        counter_examples: &["Several groups, including two militias, signed the deal."],
    },
    Rule {
        name: "joint_groups_passive",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?P<count>{count})\s+(?P<who>{who})\s+and\s+(?P<who2>{who})\s+(?P<fill>{filler})(?:(?P<kill>{kill_passive})|(?P<injure>{injure_passive})))(?-u:\b)",
        produce: joint_groups_passive,
        examples: &[
            "Dozens of soldiers and volunteer fighters were killed in the assault.",
            "At least 30 soldiers and police officers were wounded.",
        ],
        counter_examples: &[
            // A count for each group: two rows (`first_of_two_groups`, `killed_passive`).
            "Two soldiers and three civilians were killed.",
            "Dozens of soldiers and their commander were killed.",
        ],
    },
    Rule {
        name: "including_second_subgroup",
        kind: Kind::Casualty,
        pattern: r"(?i)(?-u:\b)(?:including|among\s+them)\s+(?:{count_or_a})\s+(?:{who})(?:,\s*|\s+and\s+)(?P<span>(?P<count>{count_or_a})\s+(?P<who>{who}))",
        produce: killed_passive,
        examples: &[
            "The raid killed nine people, including six soldiers and three civilians.",
            "Twelve were wounded, among them four police officers, two children.",
        ],
        counter_examples: &[
            "The raid killed nine people, including six soldiers, and destroyed a truck.",
            // ", and": a new clause, not a second part.
            "Nine were wounded, including three children, and at least 500 residents fled.",
            "Several groups, including two militias and three parties, signed the deal.",
        ],
    },
    Rule {
        name: "second_group_active",
        kind: Kind::Casualty,
        pattern: r"(?i)(?-u:\b)(?:{any_active})\s+(?:{count_or_a})\s+(?:{who})\s*(?:,\s*|,?\s+and\s+)(?P<span>(?P<count>{count_or_a})\s+(?P<who>{who})){speaks}",
        produce: second_group,
        examples: &["The blast killed two soldiers and three civilians."],
        counter_examples: &[
            "The blast killed two soldiers and destroyed a truck.",
            // The second group speaks: a source, not a victim.
            "Gunmen attacked the base, killing nine soldiers, a military officer and residents said.",
            "The raid killed 12 villagers, a local official told AFP.",
        ],
    },
    Rule {
        name: "second_group_of",
        kind: Kind::Casualty,
        pattern: r"(?i)(?-u:\b)(?:deaths?|killings?|murders?|bodies|corpses|remains|lives|loss|losses)\s+of\s+(?:(?:at\s+least|another|an\s+additional)\s+)?(?:{count_or_a})\s+(?:{who})\s*(?:,\s*|,?\s+and\s+)(?P<span>(?P<count>{count_or_a})\s+(?P<who>{who})){speaks}",
        produce: second_group_killed,
        examples: &[
            "Police found the bodies of three men and two women near the road.",
            "The ministry confirmed the deaths of four soldiers and a policeman.",
            "The source deplores the loss of seven soldiers and three VDP.",
        ],
        counter_examples: &[
            "The bodies of three men were found, and two women were questioned.",
            "The deaths of four soldiers and the loss of a truck were confirmed.",
            "It caused the deaths of four soldiers, a police officer said.",
        ],
    },
    Rule {
        name: "ordinal_victim",
        kind: Kind::Casualty,
        pattern: r"(?i)(?P<span>(?-u:\b)(?:(?P<kill>{kill_active})|(?P<injure>{injure_active}))\s+(?:a|an)\s+(?P<ordinal>{ordinal})(?-u:\b)(?:\s+(?P<who>{who}))?)(?P<tail>{tail})?",
        produce: ordinal_victim,
        examples: &[
            "The gunmen killed four people and wounded a fifth.",
            "One guard died on the spot, and the blast injured a second guard.",
        ],
        counter_examples: &[
            "The drought killed a third of the herd.",
            "The team wounded a second time was sent home.",
        ],
    },
];

/// True for a bare year ("2019"), which is never a casualty count.
fn is_year(s: &str) -> bool {
    let s = s.trim();
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// True when a capitalised "modifier" is a month or weekday: "on 2 March soldiers were killed"
/// has no count of soldiers.
fn names_a_date(phrase: &str) -> bool {
    use crate::dates::{MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES};
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .any(|w| {
            let w = w.to_lowercase();
            [&MONTH_NAMES[..], &MONTH_ABBREVIATIONS, &WEEKDAY_NAMES]
                .iter()
                .any(|names| names.contains(&w.as_str()))
        })
}

/// A single-person count ("a", "an", "one of the") needs a noun after it.
fn is_article(s: &str) -> bool {
    let s = s.trim().to_ascii_lowercase();
    s == "a" || s == "an" || s.starts_with("one of")
}

/// The `who` of "five of them" until [`find`] names them.
const THEM: &str = "them";

fn make(c: &Captures, outcome: Outcome) -> Option<Value> {
    let count_text = c.name("count")?.as_str();
    if is_year(count_text) {
        return None;
    }
    let count = parse_count(count_text)?;
    let (who, side) = match c.name("who") {
        Some(w) => {
            if names_a_date(w.as_str()) {
                return None;
            }
            let (who, side) = victim(w.as_str())?;
            let unit = c.name("unit").map_or("", |u| u.as_str());
            (
                who.to_string(),
                group_side(w.as_str(), unit, who).unwrap_or(side),
            )
        }
        // "killed five of them": the victims named before it, found in `find`.
        None if c.name("them").is_some() => (THEM.to_string(), Side::Unknown),
        None => {
            if is_article(count_text) || c.name("of").is_some() {
                return None;
            }
            // Resolved from the casualty before it in `find`.
            (String::new(), Side::Unknown)
        }
    };
    Some(Value::Casualty(CasualtyValue {
        outcome,
        who,
        side,
        count,
    }))
}

/// The side of an armed group named before a fighters' noun ("84 Wagner fighters" are
/// external, not rebels; "30 al-Shabaab fighters" rebels) or in the unit after it ("two
/// members of the Revolutionary Guards" are state). Only for nouns that say nothing of a side
/// themselves ("fighters", "members", "men"), so "Malian soldiers" stay state.
fn group_side(phrase: &str, unit: &str, who: &str) -> Option<Side> {
    if !matches!(
        who,
        "fighters" | "members" | "men" | "militants" | "combatants" | "gunmen" | "elements"
    ) {
        return None;
    }
    let named = phrase.get(..phrase.len().saturating_sub(who.len()))?;
    let table = &crate::actors::table::TABLE;
    table
        .side_named_in(named)
        .or_else(|| table.side_named_in(unit))
}

/// Passive rules: reject "Two gunmen killed a guard" (no auxiliary, an object after the verb).
/// Nor "A police officer said the slain fighters…": a group that speaks first is a source.
fn passive(c: &Captures, outcome: Outcome) -> Option<Value> {
    let fill = c.name("fill").map_or("", |f| f.as_str());
    if fill.trim().is_empty() && c.name("obj").is_some() {
        return None;
    }
    let first = fill.split_whitespace().next().unwrap_or("");
    if first.eq_ignore_ascii_case("said") {
        return None;
    }
    make(c, outcome)
}

/// "Dozens of soldiers and volunteer fighters were killed": one count for two groups, one row
/// named by both, on the side of the first.
fn joint_groups_passive(c: &Captures, _: &Context) -> Option<Value> {
    let outcome = if c.name("kill").is_some() {
        Outcome::Killed
    } else {
        Outcome::Injured
    };
    let Value::Casualty(mut v) = make(c, outcome)? else {
        return None;
    };
    let second = c.name("who2")?.as_str();
    if names_a_date(second) {
        return None;
    }
    let (second, _) = victim(second)?;
    if second != v.who {
        v.who = format!("{} and {second}", v.who);
    }
    Some(Value::Casualty(v))
}

/// Not "45 dead and wounded": a count of both.
fn killed_passive(c: &Captures, _: &Context) -> Option<Value> {
    if c.name("mixed").is_some() {
        return None;
    }
    passive(c, Outcome::Killed)
}

fn injured_passive(c: &Captures, _: &Context) -> Option<Value> {
    passive(c, Outcome::Injured)
}

fn missing_passive(c: &Captures, _: &Context) -> Option<Value> {
    passive(c, Outcome::Missing)
}

fn abducted_passive(c: &Captures, _: &Context) -> Option<Value> {
    passive(c, Outcome::Abducted)
}

/// Active rules: with no noun, the count must end the clause ("killing 12 in …").
fn active(c: &Captures, outcome: Outcome) -> Option<Value> {
    // "killed five of them": whoever "them" is, five.
    if c.name("who").is_none() && c.name("tail").is_none() && c.name("them").is_none() {
        return None;
    }
    make(c, outcome)
}

fn killed_active(c: &Captures, _: &Context) -> Option<Value> {
    active(c, Outcome::Killed)
}

/// "killed the refugee minister Khalil Haqqani and five other people": the one named, by
/// name (a capital after its article), and the others: five others and one. A count or no name
/// before "and" is left to the other rules.
fn killed_named_and_others(c: &Captures, _: &Context) -> Option<Value> {
    let one = c.name("one")?.as_str();
    let mut words = one.split_whitespace().skip(1);
    let named = words.clone().any(|w| w.starts_with(char::is_uppercase));
    if !named || words.any(|w| parse_count(w).is_some()) {
        return None;
    }
    let others = parse_count(c.name("count")?.as_str())?;
    let plus_one = |n: Option<u64>| n.map(|n| n + 1);
    let (who, side) = match c.name("who") {
        Some(w) => {
            let (who, side) = victim(w.as_str())?;
            (who.to_string(), side)
        }
        None => ("people".to_string(), Side::Unknown),
    };
    Some(Value::Casualty(CasualtyValue {
        outcome: Outcome::Killed,
        who,
        side,
        count: Count {
            low: plus_one(others.low),
            best: plus_one(others.best),
            high: plus_one(others.high),
        },
    }))
}

fn injured_active(c: &Captures, _: &Context) -> Option<Value> {
    active(c, Outcome::Injured)
}

fn abducted_active(c: &Captures, _: &Context) -> Option<Value> {
    make(c, Outcome::Abducted)
}

/// Rules whose outcome depends on which verb group matched.
fn by_group(c: &Captures, _: &Context) -> Option<Value> {
    make(c, outcome_of(c)?)
}

/// A second group after a first ("killing two soldiers and three civilians"), unless it is the
/// subject of a speech verb: "killing nine soldiers, a military officer and residents said".
fn second_group(c: &Captures, ctx: &Context) -> Option<Value> {
    c.name("speaks").is_none().then(|| by_group(c, ctx))?
}

/// As [`second_group`], for "the deaths of four soldiers and a policeman".
fn second_group_killed(c: &Captures, ctx: &Context) -> Option<Value> {
    c.name("speaks").is_none().then(|| killed_passive(c, ctx))?
}

/// The outcome whose verb group (`kill`, `injure`, `miss`, `abduct`) matched.
fn outcome_of(c: &Captures) -> Option<Outcome> {
    if c.name("kill").is_some() {
        Some(Outcome::Killed)
    } else if c.name("injure").is_some() {
        Some(Outcome::Injured)
    } else if c.name("miss").is_some() {
        Some(Outcome::Missing)
    } else if c.name("abduct").is_some() {
        Some(Outcome::Abducted)
    } else {
        None
    }
}

/// "wounded a fifth", "killing a second soldier": one more victim, counted after others (an
/// ordinal, not a fraction or a count of times: with no victim noun, the ordinal must end the
/// clause, so "a third of the herd" and "a second time" are rejected).
fn ordinal_victim(c: &Captures, _: &Context) -> Option<Value> {
    if c.name("who").is_none() && c.name("tail").is_none() {
        return None;
    }
    let outcome = outcome_of(c)?;
    let (who, side) = match c.name("who") {
        Some(w) => {
            let (who, side) = victim(w.as_str())?;
            (who.to_string(), side)
        }
        // Resolved from the casualty before it in `find`.
        None => (String::new(), Side::Unknown),
    };
    Some(Value::Casualty(CasualtyValue {
        outcome,
        who,
        side,
        count: Count::exact(1),
    }))
}

/// "a toll of 45 dead and wounded" counts both: no death toll.
fn death_toll(c: &Captures, _: &Context) -> Option<Value> {
    let count_text = c.name("count")?.as_str();
    if is_year(count_text) || c.name("mixed").is_some() {
        return None;
    }
    let (who, side) = c
        .name("who")
        .and_then(|w| victim(w.as_str()))
        .unwrap_or(("people", Side::Unknown));
    Some(Value::Casualty(CasualtyValue {
        outcome: Outcome::Killed,
        who: who.to_string(),
        side,
        count: parse_count(count_text)?,
    }))
}

fn no_casualties(c: &Captures, _: &Context) -> Option<Value> {
    let outcome = if c.name("injure").is_some() || c.name("injure2").is_some() {
        Outcome::Injured
    } else {
        Outcome::Killed
    };
    Some(Value::Casualty(CasualtyValue {
        outcome,
        who: "people".to_string(),
        side: Side::Unknown,
        count: Count::exact(0),
    }))
}

/// Finds casualties in `text`, then fills in who and outcome from the casualty before:
/// "seven were killed" and "injuring several others" take the who of the figure named before
/// them; "including 53 gendarmes" takes the outcome of the figure it is part of.
pub fn find(text: &str, ctx: &Context) -> Vec<Found> {
    let mut found = RULES.run(text, ctx);
    if found.is_empty() {
        return found;
    }
    let groups = groups_before(text, &found);
    found.extend(groups);
    cut_before_subgroups(text, &mut found);
    let found = super::overlap::resolve(found);
    let sentences = text::cached_sentences(text);
    let sentences = &sentences.1;
    let sentence_of = |pos: usize| sentences.partition_point(|&(_, end)| end <= pos);
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for mut f in found {
        let here = sentence_of(f.start);
        // The last kept casualty with a real who, and its sentence.
        // Not a part ("including a child"): "…, including a child, and injuring 43" are
        // people, not children.
        let before = out.iter().rev().find_map(|p| match &p.value {
            Value::Casualty(v)
                if !v.who.is_empty() && v.who != "others" && !is_subgroup_rule(p.rule) =>
            {
                Some((sentence_of(p.start), v.clone()))
            }
            _ => None,
        });
        let Value::Casualty(v) = &mut f.value else {
            continue;
        };
        if is_subgroup_rule(f.rule) {
            let prev = out.last().and_then(|p| match &p.value {
                Value::Casualty(pv) if sentence_of(p.start) == here => Some(pv.outcome),
                _ => None,
            });
            match prev {
                Some(o) => v.outcome = o,
                None => continue,
            }
        }
        // "pursued the insurgents and killed five of them": the last victim word before it in
        // its sentence.
        if v.who == THEM {
            let from = sentences.get(here).map_or(0, |s| s.0).min(f.start);
            let named = text
                .get(from..f.start)
                .unwrap_or("")
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .rev()
                .filter(|w| !w.is_empty())
                .find_map(victim);
            (v.who, v.side) = match named {
                Some((who, side)) => (who.to_string(), side),
                None => ("people".to_string(), Side::Unknown),
            };
        }
        if v.who.is_empty() || v.who == "others" {
            let reach = if v.who.is_empty() { 0 } else { 1 };
            match before {
                Some((s, pv)) if here >= s && here - s <= reach => {
                    v.who = pv.who;
                    v.side = pv.side;
                }
                _ if v.who.is_empty() => v.who = "people".to_string(),
                _ => {}
            }
        }
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, Outcome, String, Side, Count)> {
        let ctx = Context::published(chrono::NaiveDate::from_ymd_opt(2025, 2, 10).unwrap());
        find(text, &ctx)
            .into_iter()
            .filter_map(|f| match f.value {
                Value::Casualty(v) => Some((
                    text[f.start..f.end].to_string(),
                    v.outcome,
                    v.who,
                    v.side,
                    v.count,
                )),
                _ => None,
            })
            .collect()
    }

    fn one(text: &str) -> (String, Outcome, String, Side, Count) {
        let all = run(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    use Outcome::*;
    use Side::*;

    #[test]
    fn values_table() {
        let table: &[(&str, &str, Outcome, &str, Side, Count)] = &[
            (
                "At least 36 Malian soldiers were killed on Tuesday.",
                "At least 36 Malian soldiers were killed",
                Killed,
                "soldiers",
                State,
                Count::at_least(36),
            ),
            (
                "The rebels stormed the camp, killing dozens of troops.",
                "killing dozens of troops",
                Killed,
                "troops",
                State,
                Count::at_least(12),
            ),
            (
                "Nine gendarmes lost their lives.",
                "Nine gendarmes lost their lives",
                Killed,
                "gendarmes",
                State,
                Count::exact(9),
            ),
            (
                "The army announced the deaths of four additional soldiers.",
                "announced the deaths of four additional soldiers",
                Killed,
                "soldiers",
                State,
                Count::exact(4),
            ),
            (
                "The fighting left 12 dead.",
                "left 12 dead",
                Killed,
                "people",
                Unknown,
                Count::exact(12),
            ),
            (
                "In 2019, 300 people died in the region.",
                "300 people died",
                Killed,
                "people",
                Unknown,
                Count::exact(300),
            ),
            (
                "Bandits kidnapped 20 students on the highway.",
                "kidnapped 20 students",
                Abducted,
                "students",
                Civilian,
                Count::exact(20),
            ),
            (
                "No casualties were reported.",
                "No casualties were reported",
                Killed,
                "people",
                Unknown,
                Count::exact(0),
            ),
            (
                "A civilian was killed.",
                "A civilian was killed",
                Killed,
                "civilians",
                Civilian,
                Count::exact(1),
            ),
            (
                "Two Customs informants were also killed.",
                "Two Customs informants were also killed",
                Killed,
                "customs informants",
                Civilian,
                Count::exact(2),
            ),
            (
                "Up to 30 VDP were killed.",
                "Up to 30 VDP were killed",
                Killed,
                "VDP",
                Militia,
                Count::up_to(30),
            ),
            (
                "Between 20 and 30 jihadists were neutralised.",
                "Between 20 and 30 jihadists were neutralised",
                Killed,
                "jihadists",
                Rebel,
                Count::between(20, 30),
            ),
            (
                // A dash after a dateline's year does not make a range with the count.
                "Kirkuk, June 18, 2024 — Four soldiers were killed at dawn.",
                "Four soldiers were killed",
                Killed,
                "soldiers",
                State,
                Count::exact(4),
            ),
            (
                "Troops had neutralised eight separatist fighters.",
                "neutralised eight separatist fighters",
                Killed,
                "fighters",
                Rebel,
                Count::exact(8),
            ),
            (
                "Seven Chadian soldiers sustained gunshot wounds.",
                "Seven Chadian soldiers sustained gunshot wounds",
                Injured,
                "soldiers",
                State,
                Count::exact(7),
            ),
            (
                "Five nurses went missing.",
                "Five nurses went missing",
                Missing,
                "nurses",
                Civilian,
                Count::exact(5),
            ),
            (
                "Insurgents beheaded 11 Christians in the village.",
                "beheaded 11 Christians",
                Killed,
                "Christians",
                Civilian,
                Count::exact(11),
            ),
            // The side from the group the members belong to, named after them.
            (
                "Two members of the Revolutionary Guards were shot dead.",
                "Two members of the Revolutionary Guards were shot dead",
                Killed,
                "members",
                State,
                Count::exact(2),
            ),
            (
                "Six members of a vigilance committee were killed in an ambush.",
                "Six members of a vigilance committee were killed",
                Killed,
                "members of a vigilance committee",
                Militia,
                Count::exact(6),
            ),
        ];
        for (input, span, outcome, who, side, count) in table {
            let got = one(input);
            assert_eq!(
                got,
                (span.to_string(), *outcome, who.to_string(), *side, *count),
                "{input}"
            );
        }
    }

    #[test]
    fn others_and_bare_counts_take_the_who_before_them() {
        let all = run("The attack killed 36 soldiers, injuring several others, some critically.");
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[1].1, Injured);
        assert_eq!(all[1].2, "soldiers");
        assert_eq!(all[1].3, State);
        assert_eq!(all[1].4, Count::at_least(3));

        let all = run(
            "Seven soldiers were killed in combat while five met their end in a road accident.",
        );
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[1].2, "soldiers");
        assert_eq!(all[1].4, Count::exact(5));

        let all = run("Twelve gendarmes were killed. Three others were wounded.");
        assert_eq!(all[1].2, "gendarmes");
    }

    #[test]
    fn them_is_the_last_victim_named_before_it() {
        let all = run("Troops pursued the insurgents and killed five of them.");
        let rows: Vec<_> = all.iter().map(|r| (r.2.as_str(), r.3, r.4)).collect();
        assert_eq!(rows, vec![("insurgents", Rebel, Count::exact(5))]);
        let all = run("Gunmen stopped a bus and shot three of them.");
        assert!(all.iter().all(|r| r.2 != "them"), "{all:?}");
        // Nobody named: people.
        let all = run("They killed five of them.");
        let rows: Vec<_> = all.iter().map(|r| (r.2.as_str(), r.3)).collect();
        assert_eq!(rows, vec![("people", Unknown)]);
    }

    #[test]
    fn one_count_for_two_groups_names_both() {
        let all = run("Dozens of soldiers and volunteer fighters were killed in the assault.");
        let rows: Vec<_> = all.iter().map(|r| (r.2.as_str(), r.3, r.4)).collect();
        assert_eq!(
            rows,
            vec![(
                "soldiers and volunteer fighters",
                State,
                Count::at_least(12)
            )]
        );
    }

    #[test]
    fn two_groups_make_two_rows() {
        let all = run("Two soldiers and three civilians were killed.");
        let rows: Vec<_> = all.iter().map(|r| (r.2.as_str(), r.3, r.4)).collect();
        assert_eq!(
            rows,
            vec![
                ("soldiers", State, Count::exact(2)),
                ("civilians", Civilian, Count::exact(3))
            ]
        );
        let all = run("One gendarme, two teachers and a nurse were reported missing.");
        let rows: Vec<_> = all.iter().map(|r| (r.1, r.2.as_str(), r.4)).collect();
        assert_eq!(
            rows,
            vec![
                (Missing, "gendarmes", Count::exact(1)),
                (Missing, "teachers", Count::exact(2)),
                (Missing, "nurses", Count::exact(1))
            ]
        );
        assert_eq!(
            run("Two soldiers and three civilians attended the talks.").len(),
            0
        );
        let all = run("The bombing killed two soldiers and three civilians.");
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[1].2, "civilians");
    }

    #[test]
    fn including_takes_the_outcome_before_it() {
        let all = run("The raid killed 57 people, including 53 gendarmes.");
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[1].1, Killed);
        assert_eq!(all[1].2, "gendarmes");
        assert!(run("Delegates, including 3 soldiers, attended.").is_empty());
    }

    #[test]
    fn including_between_the_figure_and_its_verb_is_kept() {
        let all = run("At least nine people, including five children, were killed on Friday.");
        let rows: Vec<_> = all
            .iter()
            .map(|r| (r.0.as_str(), r.1, r.2.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("At least nine people", Killed, "people"),
                ("including five children", Killed, "children"),
            ]
        );
    }

    #[test]
    fn not_casualties() {
        for text in [
            "One of the deadliest attacks took place at 6:30.",
            "A 35-year-old man was arrested.",
            "Islamic State claimed the attack.",
            "Some 40% of soldiers were not paid.",
            "Rebels seized 12 vehicles and killed hopes of peace.",
            "The army said 12 trucks were destroyed.",
            "He was killed in 2019.",
            "The 3rd battalion was killed off by reforms.",
            "Call 112 for help.",
            "",
            "killed killed killed",
        ] {
            assert!(run(text).is_empty(), "{text}: {:?}", run(text));
        }
    }

    #[test]
    fn victim_table_lookup() {
        assert_eq!(victim("Nigerien soldiers"), Some(("soldiers", State)));
        assert_eq!(
            victim("Customs informants"),
            Some(("customs informants", Civilian))
        );
        assert_eq!(
            victim("pro-government forces"),
            Some(("pro-government forces", Militia))
        );
        assert_eq!(victim("a civilian"), Some(("civilians", Civilian)));
        assert_eq!(victim("vehicles"), None);
    }
}
