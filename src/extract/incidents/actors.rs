//! Who attacked whom.
//!
//! Perpetrators are the named armed groups of the rebel side in the incident's sentences
//! ("JNIM", "Boko Haram"); generic words ("gunmen", "jihadists") name no group and stay out, as
//! coders leave the perpetrator empty for them. Each perpetrator carries the other names the
//! text uses for it ("Jama'at Nusrat al-Islam wal Muslimin" for JNIM). Targets are the state,
//! militia, foreign and civilian actors of the sentences, and the sides of the victims counted.

use super::doc::Doc;
use super::split::Mention;
use crate::extract::model::{ActorValue, Kind, Perpetrator, Side, Target, Value};
use crate::extract::text::fold;

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

/// Whether actor entity `i` lies inside a casualty figure ("55 jihadists were killed").
fn is_victim(doc: &Doc, i: usize) -> bool {
    let x = &doc.ents[i];
    doc.ents_of(x.sent, Kind::Casualty)
        .any(|c| doc.ents[c].start <= x.start && x.end <= doc.ents[c].end)
}

/// The named rebel actors of sentence `s`, not counted as victims.
pub fn named_perpetrators<'a>(doc: &Doc<'a>, s: usize) -> Vec<&'a ActorValue> {
    doc.ents_of(s, Kind::Actor)
        .filter(|&i| !is_victim(doc, i))
        .filter_map(|i| actor_value(doc, i))
        .filter(|a| a.side == Side::Rebel && is_named(a))
        .collect()
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
            if a.side == Side::Rebel && !is_victim(doc, i) {
                if !is_named(a) {
                    continue;
                }
                evidence.push(i);
                if let Some(h) = &a.hedge {
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
            } else if matches!(
                a.side,
                Side::State | Side::Militia | Side::External | Side::Civilian
            ) {
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
    (perps, targets)
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

/// Adds the victims' sides as targets when no actor of that side is named.
pub fn targets_from_rows(targets: &mut Vec<Target>, rows: &[&crate::extract::model::CasualtyRow]) {
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
                crate::extract::model::Outcome::Killed,
                "jihadists",
                Side::Rebel,
                crate::extract::model::Count::exact(55),
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
