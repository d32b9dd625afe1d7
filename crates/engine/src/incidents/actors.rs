//! Who attacked whom.
//!
//! First the words around each actor say what it is to the event ([`role`]): the one acting
//! ("the army **killed**", "an air strike **by** the military", "**claimed responsibility**"),
//! the one acted on ("**attacked** a police post", "an **attack on** the army"), or only the
//! one speaking ("**according to** the army", "the ministry **said**"), or only a description
//! of another ("the al Qaeda**-linked** group"). Then:
//!
//! - Perpetrators are the actors acting, of any side, and the named armed groups of the rebel
//!   side whose role the words do not say ("JNIM", "Boko Haram"); generic words ("gunmen",
//!   "jihadists") name no group and stay out, as coders leave the perpetrator empty for them.
//!   Each perpetrator carries the other names the text uses for it ("Jama'at Nusrat al-Islam
//!   wal Muslimin" for JNIM).
//! - Targets are the actors acted on, the state, militia, foreign and civilian actors whose
//!   role the words do not say, and the sides of the victims counted. An actor only
//!   speaking or describing is neither.

use super::cluster::is_branch_of;
use super::cues::is_speech_word;
use super::doc::Doc;
use super::split::Mention;
use crate::model::{ActorValue, Kind, Perpetrator, Side, Target, Value};
use crate::text::fold;

fn actor_value<'a>(doc: &Doc<'a>, i: usize) -> Option<&'a ActorValue> {
    match &doc.ents[i].e.value {
        Value::Actor(a) => Some(a),
        _ => None,
    }
}

/// A proper name rather than a generic word: it has a capital letter.
fn is_named(a: &ActorValue) -> bool {
    a.name.chars().any(char::is_uppercase)
}

/// Whether actor entity `i` lies inside a casualty figure ("55 jihadists were killed") or names
/// whose members it counts ("killing three fighters **of the SDF**").
fn is_victim(doc: &Doc, i: usize) -> bool {
    let x = &doc.ents[i];
    doc.ents_of(x.sent, Kind::Casualty).any(|c| {
        let c = &doc.ents[c];
        let inside = c.start <= x.start && x.end <= c.end;
        let gap = doc.between(c.end, x.start);
        let members_of = c.end <= x.start
            && gap.len() <= 40
            && gap.trim_start().starts_with("of ")
            && !gap.contains([',', '.', ';', '(']);
        inside || members_of
    })
}

/// What an actor is to the event its sentence tells, by the words around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// It acts: "the army killed", "a strike by the military", "X claimed responsibility".
    Agent,
    /// It is acted on: "attacked a police post", "an attack on the army".
    Patient,
    /// It only speaks: "according to the army", "the ministry said".
    Speaker,
    /// It only describes another actor: "the al Qaeda-linked group", "an Iran-backed militia".
    Descriptor,
    /// Its weapons were stopped: "shot down 10 Ukrainian drones", "intercepted Houthi
    /// missiles". Their own attack is another event; in this one it is neither side.
    Repelled,
    /// The words do not say.
    Unknown,
}

/// Verbs whose subject carries out a violent act ("the army **killed** 30 fighters").
fn is_agent_verb(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "attacked",
        "attack",
        "attacks",
        "killed",
        "kill",
        "kills",
        "ambushed",
        "ambush",
        "stormed",
        "storm",
        "raided",
        "bombed",
        "shelled",
        "struck",
        "strike",
        "launched",
        "opened",
        "shot",
        "abducted",
        "kidnapped",
        "targeted",
        "overran",
        "seized",
        "fired",
        "burned",
        "torched",
        "executed",
        "carried",
        "hit",
        "besieged",
        "massacred",
        "looted",
        "clashed",
        "fought",
        "pounded",
        "destroyed",
        "captured",
    ];
    WORDS.contains(&w)
}

/// Words after "by" that make a helper, not the doer: "backed by", "supported by".
fn is_support_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "backed",
        "supported",
        "accompanied",
        "assisted",
        "aided",
        "joined",
        "reinforced",
        "led",
        "trained",
        "armed",
        "funded",
        "helped",
        "escorted",
    ];
    WORDS.contains(&w)
}

/// Weapons named right after their user: "a Russian missile", "the junta's air strike".
fn is_weapon_noun(w: &str) -> bool {
    matches!(
        w,
        "air"
            | "drone"
            | "drones"
            | "missile"
            | "missiles"
            | "rocket"
            | "rockets"
            | "warplane"
            | "warplanes"
            | "jets"
            | "artillery"
            | "shelling"
            | "helicopter"
            | "helicopters"
            | "aircraft"
            | "plane"
            | "planes"
            | "jet"
            | "gunship"
            | "gunships"
            | "airstrike"
            | "airstrikes"
    )
}

/// Places a force holds: "attacked a base of the People's Defence Force" is an attack on it.
fn is_held_place(w: &str) -> bool {
    matches!(
        w,
        "base"
            | "bases"
            | "camp"
            | "camps"
            | "position"
            | "positions"
            | "hideout"
            | "hideouts"
            | "stronghold"
            | "strongholds"
            | "outpost"
            | "outposts"
            | "headquarters"
    )
}

/// Words before an actor that make it the one acted on: "attacked a post", "an attack on".
fn is_patient_cue(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "attacked",
        "attacking",
        "ambushed",
        "ambushing",
        "targeted",
        "targeting",
        "against",
        "raided",
        "raiding",
        "stormed",
        "storming",
        "killing",
        "killed",
        "struck",
        "striking",
        "hit",
        "hitting",
        "overran",
        "besieged",
        "shelled",
        "bombed",
    ];
    WORDS.contains(&w)
}

/// Words skipped when reading the words right before an actor.
fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "its" | "their" | "suspected" | "alleged" | "local" | "two" | "some"
    ) || w.bytes().all(|b| b.is_ascii_digit() || b == b',')
}

/// People who speak for a group: "Taliban officials said".
fn is_spokes_word(w: &str) -> bool {
    matches!(
        w,
        "official"
            | "officials"
            | "spokesman"
            | "spokesmen"
            | "spokesperson"
            | "spokeswoman"
            | "source"
            | "sources"
            | "authorities"
            | "leader"
            | "leaders"
            | "commander"
            | "commanders"
            | "office"
            | "agency"
            | "mission"
    )
}

/// Verbs of stopping an attack in flight: "intercepted Houthi missiles".
fn is_repel_verb(w: &str) -> bool {
    matches!(
        w,
        "intercepted" | "intercepting" | "downed" | "downing" | "repelled" | "repulsed"
    )
}

/// Words that may stand between an actor and its verb: members, adverbs, auxiliaries.
fn is_between_word(w: &str) -> bool {
    matches!(
        w,
        "fighters"
            | "militants"
            | "troops"
            | "forces"
            | "soldiers"
            | "members"
            | "militiamen"
            | "insurgents"
            | "rebels"
            | "jihadists"
            | "gunmen"
            | "also"
            | "reportedly"
            | "allegedly"
            | "later"
            | "then"
            | "have"
            | "has"
            | "had"
            | "on"
    )
}

/// The role of actor entity `i` in its sentence (worked out once per entity, see
/// [`Doc::memo`]: telling incidents apart and filling them both ask).
pub fn role(doc: &Doc, i: usize) -> Role {
    match doc.memo.actor_roles.get(i) {
        Some(cell) => *cell.get_or_init(|| role_of(doc, i)),
        None => role_of(doc, i),
    }
}

fn role_of(doc: &Doc, i: usize) -> Role {
    let x = &doc.ents[i];
    let se = &doc.sents[x.sent];
    let after = doc.lower.get(x.end..).unwrap_or("");
    if [
        "-linked",
        "-affiliated",
        "-allied",
        "-backed",
        "-aligned",
        "-inspired",
        // "the Houthi-run health ministry", "the M23-held town": who holds it, not the doer.
        "-run",
        "-controlled",
        "-held",
        "-administered",
        "-appointed",
    ]
    .iter()
    .any(|s| after.starts_with(s))
    {
        return Role::Descriptor;
    }
    let j0 = doc.word_at(x.start).clamp(se.w0, se.w1);
    let j1 = doc.word_at(x.end).clamp(j0, se.w1);
    // "JNIM, the al-Qaida affiliate", "an Islamic State offshoot": it names the group's family.
    if j1 < se.w1
        && doc.between(x.end, doc.words[j1].start).trim().is_empty()
        && matches!(
            doc.w(j1),
            "affiliate"
                | "affiliates"
                | "branch"
                | "offshoot"
                | "franchise"
                | "splinter"
                | "faction"
        )
    {
        return Role::Descriptor;
    }
    // "al-Shabab, which is linked to al-Qaida, claimed …", "an affiliate of Islamic State": it
    // describes another group (not "militants linked to IS attacked": a hedged doer).
    let back = |n: usize| if j0 >= se.w0 + n { doc.w(j0 - n) } else { "" };
    let tie = matches!(
        (back(2), back(1)),
        ("linked" | "tied" | "loyal", "to")
            | ("affiliated" | "allied", "with" | "to")
            | ("aligned", "with")
    );
    let family = |w: &str| matches!(w, "affiliate" | "branch" | "offshoot" | "franchise");
    if tie && matches!(back(3), "is" | "are" | "was" | "were" | "been" | "be")
        || back(1) == "of" && family(back(2))
    {
        return Role::Descriptor;
    }
    // "The Islamic State's Afghan affiliate, known as ISKP": the family of the group named.
    if (after.starts_with("'s ") || after.starts_with("’s "))
        && (j1..se.w1.min(j1 + 4)).any(|k| family(doc.w(k)))
    {
        return Role::Descriptor;
    }
    // "Armed youths from the Nuer community known as the White Army": the generic words name
    // the group named after them, which plays the part.
    if !actor_value(doc, i).is_some_and(is_named) {
        let known_as = doc.ents_of(x.sent, Kind::Actor).any(|o| {
            let o = &doc.ents[o];
            o.start > x.end && {
                let gap = doc.between(x.end, o.start);
                gap.len() <= 60
                    && !gap.contains([',', ';', '.'])
                    && (gap.ends_with("known as ") || gap.ends_with("known as the "))
            }
        });
        if known_as {
            return Role::Descriptor;
        }
    }
    // "JNIM said in a statement that its fighters had killed 200 soldiers": its own claim of
    // the deed. (A ministry speaking of "its forces" speaks for the forces named apart.)
    let armed_group =
        actor_value(doc, i).is_some_and(|a| matches!(a.side, Side::Rebel | Side::Militia));
    if armed_group && says_its_men_did(doc, j1, se.w1) {
        return Role::Agent;
    }
    // "A UN helicopter evacuating soldiers came under fire": the one acted on, though its
    // aircraft would make it the doer.
    if comes_under_attack(doc, j1, se.w1) {
        return Role::Patient;
    }
    // "…, which has been fighting the Fano militia since August": background.
    if super::split::in_trend_relative(doc, x.sent, j0) {
        return Role::Descriptor;
    }
    // "The army and the M23 rebels blamed each other": neither is named as the doer (when
    // no act of its own comes first: not "JNIM killed five; both sides blamed each other").
    if (j1..se.w1.saturating_sub(2)).any(|k| {
        let (w, n1, n2) = (doc.w(k), doc.w(k + 1), doc.w(k + 2));
        (matches!(w, "blamed" | "blame" | "blaming" | "accused" | "accusing")
            && matches!((n1, n2), ("each", "other") | ("one", "another"))
            || w == "traded" && matches!(n1, "blame" | "accusations"))
            && (j1..k).all(|q| !is_agent_verb(doc.w(q)))
    }) {
        return Role::Descriptor;
    }
    // "in months of fighting between government forces and Fano militiamen", "amid clashes
    // between …": the war's parties, not this event's. But "Clashes between the ELN and FARC
    // dissidents have left 41 dead": the parties of this clash.
    let from = j0.saturating_sub(6).max(se.w0 + 1);
    if let Some(k) = (from..j0).find(|&k| {
        doc.w(k) == "between"
            && matches!(
                doc.w(k - 1),
                "fighting" | "clashes" | "war" | "conflict" | "hostilities" | "tensions"
            )
    }) {
        let framed = (k.saturating_sub(4).max(se.w0)..k - 1).any(|q| {
            matches!(
                doc.w(q),
                "of" | "amid" | "ongoing" | "since" | "during" | "decades" | "years" | "months"
            )
        });
        if framed || !matches!(doc.w(k - 1), "fighting" | "clashes") {
            return Role::Descriptor;
        }
        return Role::Agent;
    }
    // "the military's media wing said", "the army's spokesman told": its voice speaks.
    // "the junta's air strike": its own act.
    if after.starts_with("'s ") || after.starts_with("’s ") {
        let mut first = true;
        for k in j1..se.w1.min(j1 + 6) {
            let w = doc.w(k);
            if w == "s" {
                continue;
            }
            if first && (super::cues::is_event_noun(w) || is_weapon_noun(w)) {
                return Role::Agent;
            }
            first = false;
            if is_speech_word(w) {
                return Role::Speaker;
            }
            if is_agent_verb(w) || is_patient_cue(w) || super::cues::is_event_noun(w) {
                break;
            }
        }
    }
    // A clause break (comma, semicolon, colon, dash) between word k-1 and word k.
    let break_before = |k: usize| {
        k > 0
            && k < doc.words.len()
            && doc
                .between(doc.words[k - 1].end, doc.words[k].start)
                .contains([',', ';', ':', '\u{2014}', '\u{2013}', '('])
    };
    // "… in reprisal for the killing of some bandits by local vigilantes": the deed avenged,
    // not this event.
    let mut k = j0;
    while k > se.w0 && !break_before(k) {
        k -= 1;
        if matches!(doc.w(k), "reprisal" | "retaliation" | "revenge" | "avenge") {
            return Role::Descriptor;
        }
    }
    // "according to a local People's Defence Force (PDF) group": a speaker however long its
    // name.
    let mut k = j0;
    while k > se.w0 && j0 - k < 8 {
        k -= 1;
        let w = doc.w(k);
        if w == "according" && k + 1 < se.w1 && doc.w(k + 1) == "to" {
            return Role::Speaker;
        }
        if is_agent_verb(w) || is_patient_cue(w) || is_speech_word(w) {
            break;
        }
    }
    let before: Vec<(usize, &str)> = (se.w0..j0)
        .rev()
        .map(|k| (k, doc.w(k)))
        .filter(|(_, w)| !is_filler(w))
        .take(2)
        .collect();
    if let Some(&(k, w)) = before.first() {
        let w2 = before.get(1).map_or("", |b| b.1);
        let tight = !break_before(k + 1);
        // "killed by", "an air strike by", "carried out by"; not "rescued by".
        if w == "by"
            && tight
            && (super::cues::is_attack_word(w2)
                || super::cues::is_harm_word(w2)
                || is_agent_verb(w2)
                || matches!(
                    w2,
                    "out" | "conducted" | "perpetrated" | "committed" | "staged"
                ))
        {
            return Role::Agent;
        }
        if w == "to" && w2 == "according" {
            return Role::Speaker;
        }
        // "an area disputed by the Jalisco cartel and local gangs": who holds the place, not
        // who attacked.
        if w == "by"
            && matches!(
                w2,
                "disputed" | "contested" | "controlled" | "held" | "dominated" | "ruled"
            )
        {
            return Role::Descriptor;
        }
        // "He blamed the Ethiopian military", "residents accused the army of…".
        if tight
            && matches!(
                w,
                "blamed" | "blames" | "blaming" | "accused" | "accuses" | "accusing"
            )
        {
            return Role::Agent;
        }
        if matches!(w, "for" | "of")
            && (w2.starts_with("spokes") || matches!(w2, "statement" | "official" | "officials"))
        {
            return Role::Speaker;
        }
        // "Police blamed the attack on Boko Haram": the one blamed did it (as the text says).
        if tight
            && w == "on"
            && (k.saturating_sub(6).max(se.w0)..k)
                .any(|q| matches!(doc.w(q), "blamed" | "blames" | "blaming" | "blame"))
        {
            return Role::Agent;
        }
        if tight && (is_patient_cue(w) || (w == "on" && super::cues::is_event_noun(w2))) {
            return Role::Patient;
        }
        // "a source of fuel for the Houthis", "fighting for the army": whom something serves,
        // not the doer.
        if tight && w == "for" {
            return Role::Descriptor;
        }
        if tight && w == "of" && is_held_place(w2) {
            return Role::Patient;
        }
        if tight
            && (w == "down" && matches!(w2, "shot" | "shooting" | "brought") || is_repel_verb(w))
        {
            return Role::Repelled;
        }
    }
    // The first verb after it in its clause, past members, adverbs and a helper ("backed by
    // African Union troops").
    let mut aside = false;
    // "Malian soldiers and foreign fighters believed to be Russian killed …": the verb after a
    // partner joined by "and" is theirs too.
    let coordinated = j1 < se.w1 && doc.w(j1) == "and" && !break_before(j1);
    // "the United Nations human rights office said", "the UN Integrated Office in Haiti
    // (BINUH) said": its office speaks.
    let end = se.w1.min(j1 + 4);
    if (j1..end).any(|q| {
        !break_before(q)
            && is_spokes_word(doc.w(q))
            && (q + 1..se.w1.min(q + 6))
                .take_while(|&r| !is_agent_verb(doc.w(r)) && !is_patient_cue(doc.w(r)))
                .any(|r| is_speech_word(doc.w(r)))
    }) && !(j1..end).any(|q| is_agent_verb(doc.w(q)))
    {
        return Role::Speaker;
    }
    let reach = if coordinated { 15 } else { 9 };
    for k in j1..se.w1.min(j1 + reach) {
        // A clause break ends the scan (unless the actor holds no word of its own).
        if k > j0 && break_before(k) {
            break;
        }
        let w = doc.w(k);
        let next = if k + 1 < se.w1 { doc.w(k + 1) } else { "" };
        if is_between_word(w) {
            continue;
        }
        // "Taliban officials said", "army sources told": its people speak.
        if is_spokes_word(w) && (k + 1..se.w1.min(k + 4)).any(|q| is_speech_word(doc.w(q))) {
            return Role::Speaker;
        }
        // "the most senior Taliban official killed", "a JNIM commander was shot dead": its
        // people are the victims.
        if is_spokes_word(w)
            && (k + 1..se.w1.min(k + 4)).any(|q| {
                matches!(
                    doc.w(q),
                    "killed"
                        | "wounded"
                        | "injured"
                        | "shot"
                        | "abducted"
                        | "kidnapped"
                        | "captured"
                )
            })
        {
            return Role::Patient;
        }
        if is_support_word(w) {
            aside = true;
            continue;
        }
        // "a Taliban attack", "the junta's air strike": the group's own act.
        if k == j1 && (super::cues::is_event_noun(w) || is_weapon_noun(w)) {
            return Role::Agent;
        }
        if aside && !is_agent_verb(w) && !is_speech_word(w) {
            continue;
        }
        // Past the partner's words ("foreign fighters believed to be Russian") to the verb;
        // another verb or a preposition ends it ("soldiers and police arrived after …").
        if coordinated && !is_agent_verb(w) && !is_speech_word(w) {
            let hedge = matches!(
                w,
                "believed" | "thought" | "suspected" | "alleged" | "to" | "be"
            );
            let stop = w.ends_with("ed")
                || matches!(
                    w,
                    "after"
                        | "before"
                        | "when"
                        | "while"
                        | "as"
                        | "came"
                        | "went"
                        | "were"
                        | "was"
                        | "are"
                        | "is"
                        | "in"
                        | "on"
                        | "at"
                        | "from"
                        | "with"
                );
            if hedge || !stop {
                continue;
            }
            break;
        }
        if matches!(w, "claimed" | "claims" | "claiming") {
            return if matches!(next, "responsibility" | "the" | "credit") {
                Role::Agent
            } else {
                Role::Speaker
            };
        }
        // "the interior ministry put the death toll at six": it gives the figure.
        // "President Petro blamed the attack on …": it speaks of who did it.
        if is_speech_word(w)
            || matches!(w, "put" | "puts" | "placed")
                && (k + 1..se.w1.min(k + 4)).any(|q| matches!(doc.w(q), "toll" | "number"))
            || matches!(w, "blamed" | "blames" | "accused" | "accuses")
                && !matches!(next, "each" | "one")
        {
            return Role::Speaker;
        }
        if is_agent_verb(w) {
            // "soldiers killed in the attack": a reduced passive, not the doer ("killed at
            // least 25" is active).
            let next2 = if k + 2 < se.w1 { doc.w(k + 2) } else { "" };
            let at_least = next == "at" && matches!(next2, "least" | "most");
            if !at_least
                && matches!(
                    next,
                    "in" | "on" | "at" | "during" | "by" | "when" | "while" | "near"
                )
            {
                return Role::Unknown;
            }
            return Role::Agent;
        }
        break;
    }
    Role::Unknown
}

/// The actor a bracketed short name right after it stands for: "Syrian Democratic Forces
/// (SDF)" → the long name's entity.
fn abbreviation_of(doc: &Doc, i: usize) -> Option<usize> {
    let x = &doc.ents[i];
    let before = doc.text.get(..x.start)?.trim_end();
    if !before.ends_with('(') {
        return None;
    }
    let open = before.len() - 1;
    doc.ents_of(x.sent, Kind::Actor)
        .filter(|&j| j != i)
        .find(|&j| {
            doc.text
                .get(doc.ents[j].end..open)
                .is_some_and(|g| g.trim().is_empty())
        })
}

/// The named rebel actors of sentence `s`, not counted as victims.
pub fn named_perpetrators<'a>(doc: &Doc<'a>, s: usize) -> Vec<&'a ActorValue> {
    doc.ents_of(s, Kind::Actor)
        .filter(|&i| !is_victim(doc, i))
        // Nor the ones that only speak, describe or lose: "…, Taliban officials said".
        .filter(|&i| {
            let at = abbreviation_of(doc, i).unwrap_or(i);
            matches!(role(doc, at), Role::Agent | Role::Unknown)
        })
        .filter_map(|i| actor_value(doc, i))
        .filter(|a| a.side == Side::Rebel && is_named(a))
        .collect()
}

/// Whether the words from `from` say, within fourteen words (to `end`), that its own men did
/// the deed: a verb of saying, then "its fighters" (or "their men", "its forces") and a verb of
/// acting, or "it (had)" and a verb of acting.
fn says_its_men_did(doc: &Doc, from: usize, end: usize) -> bool {
    let end = end.min(from + 14);
    let Some(said) = (from..end).find(|&k| is_speech_word(doc.w(k))) else {
        return false;
    };
    (said + 1..end.saturating_sub(1)).any(|k| {
        let its_men = matches!(doc.w(k), "its" | "their")
            && matches!(
                doc.w(k + 1),
                "fighters" | "men" | "forces" | "members" | "militants" | "mujahideen" | "troops"
            )
            && (k + 2..end.min(k + 5)).any(|q| is_agent_verb(doc.w(q)));
        // "The Arakan Army said on Tuesday it had captured the headquarters".
        let it_did = matches!(doc.w(k), "it" | "they")
            && (k + 1..end.min(k + 3))
                .find(|&q| !matches!(doc.w(q), "had" | "has" | "have"))
                .is_some_and(|q| is_agent_verb(doc.w(q)));
        its_men || it_did
    })
}

/// Whether the clause from word `from` goes on "came under fire" or "came under attack" before
/// any verb of its own acting, within twelve words (to `end`).
fn comes_under_attack(doc: &Doc, from: usize, end: usize) -> bool {
    for k in from..end.min(from + 12) {
        let w = doc.w(k);
        if matches!(w, "came" | "comes" | "come" | "coming")
            && k + 2 < end
            && doc.w(k + 1) == "under"
            && matches!(
                doc.w(k + 2),
                "fire" | "attack" | "attacks" | "shelling" | "bombardment"
            )
        {
            return true;
        }
        if is_agent_verb(w) {
            return false;
        }
    }
    false
}

/// "suspicion is likely to fall on the Pakistani Taliban", "suspicion fell on X": the text
/// names a suspect, not a perpetrator.
fn suspicion_falls_on(doc: &Doc, i: usize) -> bool {
    let x = &doc.ents[i];
    let se = &doc.sents[x.sent];
    let j = doc.word_at(x.start).clamp(se.w0, se.w1);
    let before: Vec<&str> = (j.saturating_sub(12).max(se.w0)..j)
        .map(|k| doc.w(k))
        .collect();
    before.contains(&"suspicion")
        && before
            .windows(2)
            .any(|w| matches!(w[0], "fall" | "fell" | "falls" | "falling") && w[1] == "on")
}

/// The incident's perpetrators and targets.
pub fn incident_actors(
    doc: &Doc,
    ms: &[&Mention],
    evidence: &mut Vec<usize>,
    notes: &mut Vec<String>,
) -> (Vec<Perpetrator>, Vec<Target>) {
    let mut perps: Vec<Perpetrator> = Vec::new();
    let mut targets: Vec<Target> = Vec::new();
    let mut sents: Vec<usize> = ms.iter().map(|m| m.sent).collect();
    sents.dedup();
    for &s in &sents {
        for i in doc.ents_of(s, Kind::Actor) {
            let Some(a) = actor_value(doc, i) else {
                continue;
            };
            if a.name.is_empty() {
                continue;
            }
            // "the Syrian Democratic Forces (SDF)": the bracketed short name plays the long one's
            // part.
            let at = abbreviation_of(doc, i).unwrap_or(i);
            let victim = is_victim(doc, at);
            let role = if victim { Role::Patient } else { role(doc, at) };
            // "President Deby had launched an operation": a head of state orders, the forces
            // act; never the perpetrator.
            let leader = doc.ents[i].e.rule == "head_of_state";
            let perpetrator = !leader
                && match role {
                    Role::Agent => a.side != Side::Rebel || is_named(a),
                    Role::Patient | Role::Speaker | Role::Descriptor | Role::Repelled => false,
                    Role::Unknown => a.side == Side::Rebel && is_named(a),
                };
            let target = match role {
                Role::Patient => is_named(a) || a.side != Side::Rebel,
                Role::Agent | Role::Speaker | Role::Descriptor | Role::Repelled => false,
                Role::Unknown => a.side != Side::Rebel,
            };
            if perpetrator {
                evidence.push(i);
                let speculated = suspicion_falls_on(doc, at).then(|| "suspected".to_string());
                if let Some(h) = a.hedge.as_ref().or(speculated.as_ref()) {
                    let n = format!("{} {} as perpetrator.", a.name, h);
                    if !notes.contains(&n) {
                        notes.push(n);
                    }
                }
                if !perps.iter().any(|p| fold(&p.name) == fold(&a.name)) {
                    perps.push(Perpetrator {
                        name: a.name.clone(),
                        side: a.side,
                        aliases: aliases(doc, a),
                    });
                }
            } else if target {
                evidence.push(i);
                if !targets.iter().any(|t| fold(&t.name) == fold(&a.name)) {
                    targets.push(Target {
                        name: a.name.clone(),
                        side: a.side,
                    });
                }
            }
        }
    }
    // A group both acting and losing fighters ("20 JNIM fighters were killed") is the
    // perpetrator.
    targets.retain(|t| !perps.iter().any(|p| fold(&p.name) == fold(&t.name)));
    // "Islamic State" beside "Islamic State Khorasan": the branch names the doer.
    let folded: Vec<String> = perps.iter().map(|p| fold(&p.name)).collect();
    let mut k = 0;
    perps.retain(|_| {
        let me = &folded[k];
        k += 1;
        !folded.iter().any(|other| is_branch_of(other, me))
    });
    (perps, targets)
}

/// "the junta" beside "Myanmar military" in an incident in Myanmar: the force no country names
/// is that country's, named; it is dropped. (Beside "France military" in Niger it stays.)
pub fn drop_unnamed_state(perps: &mut Vec<Perpetrator>, targets: &mut Vec<Target>, country: &str) {
    let national = |side: Side, name: &str| {
        side == Side::State
            && name
                .strip_prefix(country)
                .is_some_and(|rest| rest.starts_with(' '))
    };
    let unnamed = |side: Side, name: &str| side == Side::State && is_unnamed_state(name);
    if perps.iter().any(|p| national(p.side, &p.name)) {
        perps.retain(|p| !unnamed(p.side, &p.name));
    }
    if targets.iter().any(|t| national(t.side, &t.name)) {
        targets.retain(|t| !unnamed(t.side, &t.name));
    }
}

/// The names the state-force rules give a force no country names: "the military", "the
/// junta", "security forces", the Sahel's "FDS" (not "police": a different force from a
/// country's military).
fn is_unnamed_state(name: &str) -> bool {
    matches!(
        name,
        "military" | "junta" | "security forces" | "government forces" | "FDS"
    )
}

/// Other names of the actor: its table aliases and every other spelling the text uses for it.
fn aliases(doc: &Doc, a: &ActorValue) -> Vec<String> {
    let key = fold(&a.name);
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        let f = fold(s);
        if f != key && !out.iter().any(|o| fold(o) == f) {
            out.push(s.to_string());
        }
    };
    for x in &doc.ents {
        if let Value::Actor(b) = &x.e.value {
            if fold(&b.name) == key {
                push(&x.e.text);
            }
        }
    }
    for s in &a.aliases {
        push(s);
    }
    out
}

/// Adds the state force whose post or convoy was attacked ("ambushed a military convoy", "an
/// attack on an army base", "stormed a police station") when no state target is named: the
/// country's military or police.
pub fn targets_from_objects(
    doc: &Doc,
    ms: &[&Mention],
    country: Option<&str>,
    targets: &mut Vec<Target>,
) {
    if targets.iter().any(|t| t.side == Side::State) {
        return;
    }
    for m in ms {
        let se = &doc.sents[m.sent];
        for k in se.w0 + 2..se.w1.saturating_sub(1) {
            let force = doc.w(k);
            if !matches!(force, "military" | "army" | "police" | "gendarmerie") {
                continue;
            }
            let object = matches!(
                doc.w(k + 1),
                "convoy"
                    | "base"
                    | "post"
                    | "patrol"
                    | "camp"
                    | "checkpoint"
                    | "station"
                    | "outpost"
                    | "position"
                    | "positions"
                    | "barracks"
                    | "vehicle"
                    | "column"
            );
            let attacked = matches!(doc.w(k - 1), "a" | "an" | "the")
                && matches!(
                    doc.w(k - 2),
                    "ambushed"
                        | "attacked"
                        | "struck"
                        | "hit"
                        | "targeted"
                        | "raided"
                        | "stormed"
                        | "overran"
                        | "bombed"
                        | "shelled"
                        | "on"
                        | "against"
                );
            if !(object && attacked) {
                continue;
            }
            let kind = if force == "police" {
                "police"
            } else {
                "military"
            };
            let name = match country {
                Some(c) => format!("{c} {kind}"),
                None => kind.to_string(),
            };
            targets.push(Target {
                name,
                side: Side::State,
            });
            return;
        }
    }
}

/// Adds the victims' sides as targets when no actor of that side is named.
pub fn targets_from_rows(targets: &mut Vec<Target>, rows: &[&crate::model::CasualtyRow]) {
    for r in rows {
        let side = r.side;
        if matches!(side, Side::Unknown | Side::Rebel) || targets.iter().any(|t| t.side == side) {
            continue;
        }
        let name = match side {
            Side::Civilian => "civilians".to_string(),
            _ => r.who.clone(),
        };
        targets.push(Target { name, side });
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;

    /// An actor span with no word in it (a manual span over a dash) at the end of the text:
    /// no role, no panic.
    #[test]
    fn wordless_actor_at_the_end() {
        for s in [
            "Gunmen attacked according \u{2014}",
            "\u{2014}",
            "by \u{2014}",
        ] {
            let ents = finish(vec![actor(s, "\u{2014}", "x", Side::Rebel)]);
            let c = ctx_none();
            let doc = Doc::new(s, &ents, &c);
            assert_eq!(role(&doc, 0), Role::Unknown, "{s}");
        }
    }

    /// (sentence, actor words, its role) on sentences written for this test.
    #[test]
    fn roles_from_the_words_around() {
        let table: &[(&str, &str, Role)] = &[
            (
                "The army killed 30 fighters near Dera.",
                "army",
                Role::Agent,
            ),
            (
                "An air strike by the military hit the market.",
                "military",
                Role::Agent,
            ),
            // The helper acts with them: an associate actor.
            (
                "Troops backed by the militia attacked the camp.",
                "militia",
                Role::Agent,
            ),
            (
                "Troops backed by the militia attacked the camp.",
                "Troops",
                Role::Agent,
            ),
            (
                "Gunmen attacked a police post on Monday.",
                "police",
                Role::Patient,
            ),
            (
                "The United Nations peacekeeping mission said it was appalled.",
                "United Nations",
                Role::Speaker,
            ),
            (
                "The army and the rebels blamed each other for the shelling.",
                "rebels",
                Role::Descriptor,
            ),
            (
                "JNIM killed five soldiers, and both sides blamed each other.",
                "JNIM",
                Role::Agent,
            ),
            (
                "Military aircraft bombed a school on Friday.",
                "Military",
                Role::Agent,
            ),
            (
                "Troops said they had attacked a base of the rebels in the village.",
                "rebels",
                Role::Patient,
            ),
            (
                "It was an attack on the army, officials said.",
                "army",
                Role::Patient,
            ),
            ("Five died, according to the army.", "army", Role::Speaker),
            (
                "A bomber killed seven people, Taliban officials said.",
                "Taliban",
                Role::Speaker,
            ),
            (
                "He was the most senior Taliban official killed since 2021.",
                "Taliban",
                Role::Patient,
            ),
            (
                "Malian soldiers and foreign fighters believed to be Russian killed 25 civilians.",
                "Malian soldiers",
                Role::Agent,
            ),
            (
                "Malian soldiers and foreign troops believed to be Russian killed at least 25 \
                 civilians.",
                "Malian soldiers",
                Role::Agent,
            ),
            (
                "Malian soldiers and police arrived after the attack.",
                "Malian soldiers",
                Role::Unknown,
            ),
            (
                "A resident blamed the Ethiopian military for the strike.",
                "Ethiopian military",
                Role::Agent,
            ),
            (
                "He blamed the army, which has been fighting the Kesh militia since August.",
                "Kesh militia",
                Role::Descriptor,
            ),
            (
                "He blamed the army, which has been fighting the Kesh militia since August.",
                "army",
                Role::Agent,
            ),
            (
                "Twelve were killed, the military's media wing said.",
                "military",
                Role::Speaker,
            ),
            ("The army's attack killed 12 fighters.", "army", Role::Agent),
            // A count between the cue and the actor.
            (
                "The rebels attacked 40 Kesh soldiers near Dera.",
                "Kesh soldiers",
                Role::Patient,
            ),
            // Weapons stopped in flight: another event's attacker, neither side of this one.
            (
                "The ministry said it had shot down 10 Kesh drones over Dera.",
                "Kesh",
                Role::Repelled,
            ),
            (
                "Air defences intercepted two Kesh missiles.",
                "Kesh",
                Role::Repelled,
            ),
            ("Kesh drones struck the depot.", "Kesh", Role::Agent),
            (
                "Ten hostages were rescued by the army.",
                "army",
                Role::Unknown,
            ),
            (
                "The soldiers were killed by Kesh Front fighters.",
                "Kesh Front",
                Role::Agent,
            ),
            (
                "Nine died, the defence ministry said.",
                "defence ministry",
                Role::Speaker,
            ),
            (
                "At least 40 died, according to a local People's Defence Force group.",
                "People's Defence Force",
                Role::Speaker,
            ),
            (
                "At least 40 died, according to a local People's Defence Force (PDF) group.",
                "PDF",
                Role::Speaker,
            ),
            (
                "Al-Shabaab claimed responsibility for the blast.",
                "Al-Shabaab",
                Role::Agent,
            ),
            (
                "A Taliban attack killed seven policemen.",
                "Taliban",
                Role::Agent,
            ),
            (
                "Soldiers killed in the ambush were buried.",
                "Soldiers",
                Role::Unknown,
            ),
            (
                "The police arrived after the blast.",
                "police",
                Role::Unknown,
            ),
        ];
        for &(s, words, want) in table {
            let ents = finish(vec![actor(s, words, words, Side::State)]);
            let c = ctx_none();
            let doc = Doc::new(s, &ents, &c);
            assert_eq!(role(&doc, 0), want, "{s} / {words}");
        }
    }

    #[test]
    fn an_unnamed_force_is_the_named_one_of_the_incident_country() {
        let perp = |name: &str, side| Perpetrator {
            name: name.to_string(),
            side,
            aliases: Vec::new(),
        };
        let target = |name: &str, side| Target {
            name: name.to_string(),
            side,
        };
        let names = |p: &[Perpetrator], t: &[Target]| {
            let mut v: Vec<String> = p.iter().map(|x| x.name.clone()).collect();
            v.extend(t.iter().map(|x| format!("/{}", x.name)));
            v
        };
        let mut p = vec![
            perp("junta", Side::State),
            perp("Myanmar military", Side::State),
        ];
        let mut t = vec![target("military", Side::State), target("PDF", Side::Rebel)];
        drop_unnamed_state(&mut p, &mut t, "Myanmar");
        assert_eq!(names(&p, &t), ["Myanmar military", "/military", "/PDF"]);
        // Another country's force says nothing of whose "junta" it is.
        let mut p = Vec::new();
        let mut t = vec![
            target("junta", Side::State),
            target("France military", Side::State),
        ];
        drop_unnamed_state(&mut p, &mut t, "Niger");
        assert_eq!(names(&p, &t), ["/junta", "/France military"]);
    }

    #[test]
    fn named_rebels_only() {
        let s = "JNIM fighters and unidentified gunmen attacked an army post; 55 jihadists died.";
        let ents = finish(vec![
            actor(s, "JNIM", "JNIM", Side::Rebel),
            actor(s, "unidentified gunmen", "gunmen", Side::Rebel),
            actor(s, "army", "Niger military", Side::State),
            cas(
                s,
                "55 jihadists died",
                crate::model::Outcome::Killed,
                "jihadists",
                Side::Rebel,
                crate::model::Count::exact(55),
            ),
            actor(s, "jihadists", "Islamic State", Side::Rebel),
        ]);
        let c = ctx_none();
        let doc = Doc::new(s, &ents, &c);
        let names: Vec<&str> = named_perpetrators(&doc, 0)
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(names, vec!["JNIM"]);
    }
}
