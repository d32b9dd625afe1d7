//! ACLED event type and sub-type.
//!
//! - A blast, air or drone strike, shelling or grenade with no ground assault is
//!   Explosions/Remote violence, with the sub-type of its means ("roadside bomb" → Remote
//!   explosive/landmine/IED; "suicide bomber", "kamikaze" → Suicide bomb).
//! - An abduction with no one killed and no armed victims is Violence against civilians /
//!   Abduction/forced disappearance; an assassination or massacre is Violence against civilians /
//!   Attack.
//! - Otherwise, armed victims (soldiers, police, militia, fighters killed or hurt; or, with no
//!   figures, an armed side attacked), or a clash whose dead are not named civilians, make Battles (Armed clash; Non-state actor overtakes
//!   territory when a town or base is captured); unarmed victims make Violence against
//!   civilians / Attack.

use super::casualties::Rows;
use super::doc::Doc;
use super::split::Mention;
use crate::model::{Kind, Side, Target, Value};

#[derive(Debug, Default)]
struct Means {
    ground: bool,
    explosive: bool,
    suicide: bool,
    air: bool,
    artillery: bool,
    grenade: bool,
    abduction: bool,
    assassination: bool,
    takeover: bool,
    /// "months of fighting", "amid fighting", "the assailants": ground combat only if no other
    /// means is told.
    war_words: bool,
    /// "clashes", "a gunfight", "fighting between": armed sides fought each other.
    clash: bool,
}

fn means(doc: &Doc, ms: &[&Mention], evidence: &mut Vec<usize>) -> Means {
    let mut m = Means::default();
    let mut sents: Vec<usize> = ms.iter().map(|m| m.sent).collect();
    sents.sort_unstable();
    sents.dedup();
    for &s in &sents {
        let se = &doc.sents[s];
        let mut prev = "";
        for k in se.w0..se.w1 {
            let w = doc.w(k);
            let next = if k + 1 < se.w1 { doc.w(k + 1) } else { "" };
            let p = |x: &str| w.starts_with(x);
            // "shot down 28 drones": air defence, not a shooting on the ground.
            let shot_down = matches!(w, "shot" | "shooting") && next == "down";
            if p("storm")
                || p("overran")
                || p("overrun")
                || p("overpower")
                || p("ambush")
                || p("raid")
                || p("clash")
                || p("skirmish")
                || p("battl")
                || p("gunm")
                || p("gunfire")
                || p("assault")
                || p("onslaught")
                || p("offensive")
                || p("besieg")
                || p("combat")
                || matches!(
                    w,
                    "fighting"
                        | "fought"
                        | "shooting"
                        | "shot"
                        | "attackers"
                        | "assailants"
                        | "gunman"
                        | "gunmen"
                )
                || (w == "fire" && matches!(prev, "opened" | "open" | "opening" | "under"))
                // "dissidents fired on a military helicopter": not "fired rockets at".
                || (matches!(w, "fired" | "firing") && matches!(next, "on" | "at" | "upon"))
            {
                // "in months of fighting between …": the war's words, not this event's means;
                // "assailants threw grenades": who attacked, not how.
                if matches!(w, "fighting" | "fought")
                    && matches!(prev, "of" | "amid" | "in" | "is" | "are" | "been")
                    || matches!(w, "attackers" | "assailants")
                {
                    m.war_words = true;
                } else {
                    m.ground |= !shot_down;
                    m.clash |= p("clash")
                        || p("skirmish")
                        || p("battl")
                        || p("gunfight")
                        || p("firefight")
                        || w == "fighting" && next == "between";
                }
            }
            if p("bomb") || p("explo") || p("blast") || p("landmine") || matches!(w, "ied" | "ieds")
            {
                m.explosive = true;
            }
            if matches!(w, "suicide" | "kamikaze") {
                m.suicide = true;
            }
            // "explosives dropped from a drone hit an army base"
            let from_a_drone =
                p("drone") && prev == "a" && k >= se.w0 + 2 && doc.w(k - 2) == "from";
            if p("airstrike")
                || p("air-strike")
                || (prev == "air" && p("strike"))
                || (prev == "drone" && (p("strike") || p("attack")))
                || from_a_drone
            {
                m.air = true;
            }
            if p("shell") || p("mortar") || p("rocket") || p("artillery") || p("missile") {
                m.artillery = true;
            }
            if p("grenade") {
                m.grenade = true;
            }
            if p("kidnap") || p("abduct") || p("hostage") {
                m.abduction = true;
            }
            if p("assassinat")
                || p("massacr")
                || p("execut")
                || (prev == "targeted" && p("killing"))
            {
                m.assassination = true;
            }
            // "seized a military base", "seized the town": took it.
            let held_place = |x: &str| {
                matches!(
                    x,
                    "base"
                        | "town"
                        | "camp"
                        | "garrison"
                        | "post"
                        | "outpost"
                        | "position"
                        | "city"
                )
            };
            let seized_a_place = matches!(w, "seized" | "seize" | "seizing")
                && (k + 1..se.w1.min(k + 4)).any(|q| held_place(doc.w(q)));
            if (matches!(prev, "seized" | "took" | "taken" | "seize" | "take") && w == "control")
                || matches!(w, "captured" | "overtook")
                || seized_a_place
            {
                m.takeover = true;
            }
            prev = w;
        }
        for i in doc.ents_of(s, Kind::Weapon) {
            if let Value::Weapon(wv) = &doc.ents[i].e.value {
                evidence.push(i);
                let name = wv.name.to_lowercase();
                match wv.category.as_str() {
                    "explosive" => m.explosive = true,
                    "air" => m.air = true,
                    "artillery" => m.artillery = true,
                    _ => {}
                }
                if name.contains("suicide") || name.contains("kamikaze") {
                    m.suicide = true;
                }
                if name.contains("grenade") {
                    m.grenade = true;
                }
            }
        }
    }
    m.ground |= m.war_words && !(m.air || m.artillery || m.explosive || m.grenade);
    m
}

fn armed(side: Side) -> bool {
    matches!(
        side,
        Side::State | Side::Militia | Side::Rebel | Side::External
    )
}

/// The event type and sub-type.
pub fn classify(
    doc: &Doc,
    ms: &[&Mention],
    rows: &Rows,
    targets: &[Target],
    has_attackers: bool,
    evidence: &mut Vec<usize>,
) -> (&'static str, &'static str) {
    let m = means(doc, ms, evidence);
    const EXP: &str = "Explosions/Remote violence";
    const VAC: &str = "Violence against civilians";
    if !(m.ground || has_attackers) {
        if m.suicide {
            return (EXP, "Suicide bomb");
        }
        if m.air {
            return (EXP, "Air/drone strike");
        }
        if m.artillery {
            return (EXP, "Shelling/artillery/missile attack");
        }
        // A grenade explodes: "the grenade exploded" is still a grenade attack.
        if m.grenade {
            return (EXP, "Grenade");
        }
        if m.explosive {
            return (EXP, "Remote explosive/landmine/IED");
        }
    }
    // Every figure told, not just the rows kept: a revised total still had police among them.
    let sides: Vec<Side> = ms
        .iter()
        .filter(|m| m.casualties)
        .flat_map(|m| doc.ents_of(m.sent, Kind::Casualty))
        .filter_map(|i| match &doc.ents[i].e.value {
            Value::Casualty(c) => Some(c.side),
            _ => None,
        })
        .collect();
    let armed_victims = if sides.is_empty() {
        targets.iter().any(|t| armed(t.side))
    } else {
        sides.iter().any(|&s| armed(s))
    };
    if m.abduction && rows.killed.is_empty() && !armed_victims {
        return (VAC, "Abduction/forced disappearance");
    }
    if m.assassination {
        return (VAC, "Attack");
    }
    // "Clashes between the ELN and FARC dissidents left 41 dead": a fight between armed
    // sides, whoever its dead were, unless they are named civilians.
    let clash = m.clash && sides.iter().all(|&s| s == Side::Unknown || armed(s));
    if armed_victims || clash {
        if m.takeover {
            return ("Battles", "Non-state actor overtakes territory");
        }
        return ("Battles", "Armed clash");
    }
    (VAC, "Attack")
}
