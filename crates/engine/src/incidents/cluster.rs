//! Which mentions tell the same event.
//!
//! Mentions are read in order. A mention joins:
//! 1. nothing, when it must stand alone ("in a separate incident", one of "three separate
//!    incidents", one of two places attacked in one sentence);
//! 2. an incident at the same town, when nothing else conflicts (headline and body, a later
//!    paragraph repeating the toll);
//! 3. the incident just told, when it points back to it ("the attack took place in …") or simply
//!    continues it without conflict;
//! 4. otherwise, with its own toll and its own place or day, a new incident; with no toll, the
//!    first incident it does not conflict with (the article's main event, usually); with a
//!    toll of an event it says came before the one just told, and no place or day, nothing.
//!
//! A conflict is a different town, region, country, day or named attacking group. Trend and
//! summary sentences end the story told before them: detail after them does not attach to it
//! by continuation.

use super::actors::named_perpetrators;
use super::date;
use super::doc::Doc;
use super::location::{admin1_of, country_of, named_like_region, names_a_district};
use super::place_of;
use super::split::{precision, Mention};
use crate::model::{Kind, Outcome, PlacePrecision, Value};
use crate::text::fold;

/// An incident being assembled.
#[derive(Debug, Default)]
pub struct Draft {
    /// Its mentions, as indices into the mention list.
    pub mentions: Vec<usize>,
    /// Its most specific event place.
    pub place: Option<usize>,
    /// Town name, folded.
    pub town: Option<String>,
    /// Region, folded.
    pub admin1: Option<String>,
    /// Country, folded.
    pub country: Option<String>,
    /// Its most precise event date.
    pub date: Option<usize>,
    /// The date of the summary sentence it falls under.
    pub ambient_date: Option<usize>,
    /// Named attacking groups, folded.
    pub perps: Vec<String>,
    /// Told as background: later detail does not attach by continuation.
    pub background: bool,
}

/// A mention's keys.
#[derive(Debug, Default)]
struct Keys {
    town: Option<String>,
    admin1: Option<String>,
    country: Option<String>,
    date: Option<usize>,
    perps: Vec<String>,
}

/// Regions the text names in words the gazetteer does not know, and the gazetteer's name for
/// them, learnt from a known town placed in them: "Adan Yabaal in Somalia's Middle Shabelle
/// region" says "middle shabelle" is "shabeellaha dhexe", so a headline's "in Middle Shabelle"
/// keys like the town.
fn region_spellings(doc: &Doc, mentions: &[Mention]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for m in mentions {
        let (Some(p), Some(r)) = (m.place, m.region) else {
            continue;
        };
        let (Some(town), Some(region)) = (
            place_of(&doc.ents[p].e.value),
            place_of(&doc.ents[r].e.value),
        ) else {
            continue;
        };
        if town.precision != PlacePrecision::Town || region.admin1.is_some() {
            continue;
        }
        if let Some(a) = &town.admin1 {
            let pair = (fold(&region.name), fold(a));
            if pair.0 != pair.1 && !out.contains(&pair) {
                out.push(pair);
            }
        }
    }
    out
}

fn keys(doc: &Doc, m: &Mention, spellings: &[(String, String)]) -> Keys {
    let mut k = keys_as_written(doc, m);
    if let Some((_, known)) = spellings
        .iter()
        .find(|(written, _)| k.admin1.as_ref() == Some(written))
    {
        k.admin1 = Some(known.clone());
    }
    k
}

fn keys_as_written(doc: &Doc, m: &Mention) -> Keys {
    let mut k = Keys {
        date: m.date,
        perps: named_perpetrators(doc, m.sent)
            .iter()
            .map(|a| fold(&a.name))
            .collect(),
        ..Keys::default()
    };
    if let Some(p) = m.place.and_then(|i| place_of(&doc.ents[i].e.value)) {
        // A headline's town named like its region ("Zacatecas", "Kaduna") may mean either:
        // it keys the region only, so the body's town can join it.
        let ambiguous = m.headline && m.place.is_some_and(|i| named_like_region(doc, i));
        if m.place.and_then(|i| precision(doc, i)) == Some(PlacePrecision::Town) && !ambiguous {
            k.town = Some(fold(&p.name));
        }
        // A region no map draws ("Darfur", "the Sahel") holds several first-level regions: it
        // keys the country only, so "North Darfur" in the body can join it.
        let macro_region = m
            .place
            .is_some_and(|i| doc.ents[i].e.rule == "macro_region");
        // A district no table knows ("Nong Chik district") lies in a region it does not name:
        // it keys like a town, finer than any region.
        if m.place.is_some_and(|i| names_a_district(doc, i)) {
            k.town = Some(fold(&p.name));
        } else if !macro_region {
            k.admin1 = admin1_of(p).map(|s| fold(&s));
        }
        k.country = country_of(p).map(|s| fold(&s));
    }
    if let Some(r) = m.region.and_then(|i| place_of(&doc.ents[i].e.value)) {
        if k.admin1.is_none() {
            k.admin1 = admin1_of(r).map(|s| fold(&s));
        }
        if k.country.is_none() {
            k.country = country_of(r).map(|s| fold(&s));
        }
    }
    k
}

fn conflicts(doc: &Doc, d: &Draft, k: &Keys) -> bool {
    differ(&d.town, &k.town)
        || differ(&d.admin1, &k.admin1)
        || differ(&d.country, &k.country)
        || matches!((d.date, k.date), (Some(a), Some(b)) if !date::compatible(doc, a, b))
        || groups_differ(&d.perps, &k.perps)
}

/// Both given, and not the same.
fn differ(a: &Option<String>, b: &Option<String>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if x != y)
}

/// Both name attacking groups, and none of one's is one of the other's.
fn groups_differ(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|p| b.iter().any(|q| same_group(p, q)))
}

/// Whether two folded group names may name one group: the same, or one a branch of the other
/// ("islamic state" and "islamic state khorasan").
fn same_group(a: &str, b: &str) -> bool {
    a == b || is_branch_of(a, b) || is_branch_of(b, a)
}

/// Whether folded group name `long` names a branch of `short`: "islamic state khorasan" of
/// "islamic state".
pub(super) fn is_branch_of(long: &str, short: &str) -> bool {
    long.strip_prefix(short)
        .is_some_and(|rest| rest.starts_with(' '))
}

/// A different town or day: what even a pointing-back mention cannot join across.
fn conflicts_strictly(doc: &Doc, d: &Draft, k: &Keys) -> bool {
    differ(&d.town, &k.town)
        || matches!((d.date, k.date), (Some(a), Some(b)) if !date::compatible(doc, a, b))
}

/// A different day or country.
fn conflicts_in_day_or_country(doc: &Doc, d: &Draft, k: &Keys) -> bool {
    differ(&d.country, &k.country)
        || matches!((d.date, k.date), (Some(a), Some(b)) if !date::compatible(doc, a, b))
}

fn absorb(doc: &Doc, d: &mut Draft, mi: usize, m: &Mention, k: Keys) {
    d.mentions.push(mi);
    let rank = |i: usize| match precision(doc, i) {
        Some(PlacePrecision::Town) => 0,
        Some(PlacePrecision::Region) => 1,
        _ => 2,
    };
    if let Some(p) = m.place {
        if d.place.is_none_or(|q| rank(p) < rank(q)) {
            d.place = Some(p);
        }
    }
    d.town = d.town.take().or(k.town);
    d.admin1 = d.admin1.take().or(k.admin1);
    d.country = d.country.take().or(k.country);
    d.date = match (d.date, k.date) {
        (Some(a), Some(b)) => Some(date::finer(doc, a, b)),
        (a, b) => a.or(b),
    };
    for p in k.perps {
        if !d.perps.contains(&p) {
            d.perps.push(p);
        }
    }
}

/// Groups mentions into incidents.
pub fn cluster(doc: &Doc, mentions: &[Mention]) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut current: Option<usize> = None;
    let mut last: Option<usize> = None;
    let mut ambient: Option<usize> = None;
    // The records of the last "N attacks" summary not yet given a town by a detail sentence
    // ("In the first attack, … near X. Hours later, they attacked Y").
    let mut pending: Vec<usize> = Vec::new();
    let spellings = region_spellings(doc, mentions);
    for (mi, m) in mentions.iter().enumerate() {
        if m.reset {
            current = None;
            pending.clear();
            if m.ambient_date.is_some() {
                ambient = m.ambient_date;
            }
            continue;
        }
        let k = keys(doc, m, &spellings);
        let fits = |d: usize| !conflicts(doc, &drafts[d], &k);
        let same_town = k.town.as_ref().and_then(|t| {
            (0..drafts.len()).find(|&d| drafts[d].town.as_ref() == Some(t) && fits(d))
        });
        let keyless = m.place.is_none() && m.date.is_none();
        let target = if m.forced_new || (m.separate && m.substantive) {
            None
        } else if same_town.is_some() {
            same_town
        } else if let Some(d) = pending
            .iter()
            .copied()
            .find(|&d| k.town.is_some() && m.substantive && drafts[d].town.is_none() && fits(d))
        {
            Some(d)
        } else if m.split || (m.background && m.has_casualty && (!keyless || m.located)) {
            None
        } else if m.follows_other && m.has_casualty {
            // "The attack came a day after a teenager went missing": that other event's toll,
            // with no place or day of its own to make an incident of.
            continue;
        } else if m.anaphoric
            && !(m.background && m.has_casualty)
            && last.is_some_and(|d| {
                !conflicts_strictly(doc, &drafts[d], &k)
                    || !m.has_casualty && !conflicts_in_day_or_country(doc, &drafts[d], &k)
            })
        {
            // "The attack took place in …": the same event, even where the regions given
            // disagree (a sub-region read as a region); and "The attack at Baisaran, a meadow
            // reachable only on foot, was the deadliest …", with no toll of its own, even where
            // it names a place finer than the town told (a meadow near it).
            last
        } else if current.is_some_and(fits) {
            current
        } else if m.has_casualty && !keyless {
            None
        } else if keyless && current.is_none() && !drafts.is_empty() {
            // After a trend or summary sentence, a figure or detail with no place or day of its
            // own is background too ("more than 2,000 people have died since").
            if m.anaphoric && !m.has_casualty && last.is_some_and(fits) {
                last
            } else {
                continue;
            }
        } else {
            (0..drafts.len()).find(|&d| fits(d))
        };
        let d = match target {
            Some(d) => d,
            None => {
                if !m.substantive {
                    continue;
                }
                drafts.push(Draft {
                    ambient_date: ambient,
                    background: m.background,
                    ..Draft::default()
                });
                if m.forced_new {
                    pending.push(drafts.len() - 1);
                }
                drafts.len() - 1
            }
        };
        // An incident first named before the summary sentence (a caption, a headline) falls
        // under it once its detail comes after it.
        if drafts[d].ambient_date.is_none() {
            drafts[d].ambient_date = ambient;
        }
        absorb(doc, &mut drafts[d], mi, m, k);
        last = Some(d);
        current = if drafts[d].background { None } else { Some(d) };
    }
    fold_headline_into_lede(doc, mentions, &mut drafts);
    drafts
}

/// "Gangs kill more than 50 in raid on X suburb" over a body that tells "killed at least 52
/// people" in Y: a headline names the place differently (a suburb, the wider area) but tells
/// the body's first event. A headline-only incident with no day joins the first incident of
/// the body when the country and named groups do not conflict and each of its figures agrees
/// with one of that incident's (same outcome, ranges that meet). The body's place stays.
fn fold_headline_into_lede(doc: &Doc, mentions: &[Mention], drafts: &mut Vec<Draft>) {
    let Some(head) = drafts.first() else {
        return;
    };
    if head.date.is_some() || !head.mentions.iter().all(|&i| mentions[i].headline) {
        return;
    }
    // "Insurgents behead 11 in Cabo Delgado raids": a sum over several events, not the first.
    let sums_several = head.mentions.iter().any(|&i| {
        let se = &doc.sents[mentions[i].sent];
        (se.w0..se.w1).any(|k| {
            matches!(
                doc.w(k),
                "attacks" | "raids" | "strikes" | "ambushes" | "bombings" | "incidents"
            )
        })
    });
    if sums_several {
        return;
    }
    let Some(d) = (1..drafts.len()).find(|&d| !drafts[d].background) else {
        return;
    };
    let lede = &drafts[d];
    if differ(&head.country, &lede.country) || groups_differ(&head.perps, &lede.perps) {
        return;
    }
    let figures = |draft: &Draft| -> Vec<(Outcome, u64, u64)> {
        draft
            .mentions
            .iter()
            .flat_map(|&i| doc.ents_of(mentions[i].sent, Kind::Casualty))
            .filter_map(|c| match &doc.ents[c].e.value {
                Value::Casualty(v) => Some((
                    v.outcome,
                    v.count.low.unwrap_or(0),
                    v.count.high.unwrap_or(u64::MAX),
                )),
                _ => None,
            })
            .collect()
    };
    let told = figures(head);
    let body = figures(lede);
    let agrees = |&(o, lo, hi): &(Outcome, u64, u64)| {
        body.iter()
            .any(|&(bo, blo, bhi)| bo == o && lo <= bhi && blo <= hi)
    };
    if told.is_empty() || !told.iter().all(agrees) {
        return;
    }
    let head = drafts.remove(0);
    let lede = &mut drafts[d - 1];
    lede.mentions.splice(0..0, head.mentions);
    for p in head.perps {
        if !lede.perps.contains(&p) {
            lede.perps.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::same_group;

    #[test]
    fn a_branch_is_its_group() {
        let table = [
            ("islamic state", "islamic state", true),
            ("islamic state khorasan", "islamic state", true),
            ("islamic state", "islamic state khorasan", true),
            ("islamic state", "islamic statehood", false),
            ("jnim", "islamic state", false),
        ];
        for (a, b, want) in table {
            assert_eq!(same_group(a, b), want, "{a} / {b}");
        }
    }
}
