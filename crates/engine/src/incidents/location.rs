//! Where an event happened.
//!
//! Not every place in an event sentence is the event's place: a dateline ("OUAGADOUGOU:"), the
//! speaker's town ("an official in Banibangou"), where people fled or came from ("from Mali",
//! "to the capital"), a reference point ("southeast of Manila", "190 km from Niamey", "the
//! border with Mali") and a country owning a force ("Niger's army") are left out. The incident's
//! place is the most specific one left; its region and country come from the place's value, else
//! from a region or country named with it, else from the article's main country.

use super::cues::*;
use super::doc::Doc;
use super::place_of;
use super::split::{precision, Mention};
use crate::model::{IncidentLocation, Kind, Place, PlacePrecision};
use crate::text::fold;

/// What a place is to the sentence it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Where the event happened, or may have.
    Event,
    /// A dateline at the head of the story.
    Dateline,
    /// The speaker's or source's place.
    Speaker,
    /// Somewhere else: origin, destination, reference point, a border.
    Away,
    /// A country owning a force or office: "Niger's army".
    Owner,
}

/// The rest of a dateline after the place: "…, 5 March 2024 (AFP) -": an agency's name in
/// brackets, then a dash.
pub fn is_agency_dateline(head: &str) -> bool {
    let Some(open) = head.find('(') else {
        return false;
    };
    let Some(close) = head[open..].find(')').map(|c| open + c) else {
        return false;
    };
    let agency = &head[open + 1..close];
    let after = head[close + 1..].trim_start();
    !agency.is_empty()
        && agency.len() <= 24
        && agency.chars().next().is_some_and(char::is_uppercase)
        && after.starts_with(['-', '\u{2014}', '\u{2013}'])
}

/// True when `rest` goes on with the dash that ends a dateline ("— Four soldiers…",
/// " - Gunmen…").
pub fn dash_follows(rest: &str) -> bool {
    let t = rest.trim_start_matches([' ', '\t']);
    t.starts_with(['\u{2014}', '\u{2013}']) || t.starts_with("- ") || t.starts_with("-- ")
}

/// Word `k` is the "to" of "close to", "next to", "near to" (`w0`: the sentence's first word).
fn close_to(doc: &Doc, w0: usize, k: usize) -> bool {
    doc.w(k) == "to" && k > w0 && matches!(doc.w(k - 1), "close" | "next" | "near")
}

/// Letters, all capitals: "KHARTOUM".
pub fn is_all_caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !s.chars().any(char::is_lowercase)
}

/// The role of location entity `i` (worked out once per entity, see [`Doc::memo`]).
pub fn role(doc: &Doc, i: usize) -> Role {
    match doc.memo.roles.get(i) {
        Some(cell) => *cell.get_or_init(|| role_of(doc, i)),
        None => role_of(doc, i),
    }
}

fn role_of(doc: &Doc, i: usize) -> Role {
    let x = &doc.ents[i];
    let se = &doc.sents[x.sent];
    let after = doc.text.get(x.end..se.end).unwrap_or("");
    let before = doc.text.get(se.start..x.start).unwrap_or("");
    let mut after_t = after.trim_start();
    // "CATBALOGAN CITY —": the capitals after an all-caps place belong to the dateline.
    if is_all_caps(&x.e.text) {
        for _ in 0..3 {
            let word_end = after_t
                .find(|c: char| !(c.is_alphabetic() || c == '.'))
                .unwrap_or(after_t.len());
            let word = &after_t[..word_end];
            if word.is_empty() || word.chars().any(char::is_lowercase) {
                break;
            }
            after_t = after_t[word_end..].trim_start();
        }
    }
    if before.trim().is_empty()
        && (after_t.starts_with([':', '(', '\u{2014}', '\u{2013}', '-', '/'])
            || after_t.starts_with(", ("))
    {
        return Role::Dateline;
    }
    // "KHARTOUM, Sudan —", "BENI, DR Congo, June 12 (Agency) -": a capitalised place opening
    // the story, then a country or date, then a dash, bracket or colon; or any place opening
    // it before an agency's name and a dash ("Ouagadougou, 5 March 2024 (AFP) -").
    if before.trim().is_empty() {
        if let Some(rest) = after.strip_prefix(',') {
            let head: String = rest.chars().take(60).take_while(|&c| c != '.').collect();
            let caps_cue =
                head.contains(['\u{2014}', '\u{2013}', '(', ':']) || head.contains(" - ");
            if is_all_caps(&x.e.text) && caps_cue || is_agency_dateline(&head) {
                return Role::Dateline;
            }
            // "Baghdad, June 18, 2024 — Four soldiers…": a place, its date, then a dash; and
            // "Bamako, Mali – Jihadist fighters…": a place, its country, then a dash.
            let dash_after = |d: usize| {
                let e = &doc.ents[d];
                e.start > x.end
                    && doc.between(x.end, e.start).trim() == ","
                    && dash_follows(&doc.text[e.end..])
            };
            if doc
                .ents_of(x.sent, Kind::Date)
                .any(|d| doc.ents[d].start > x.end && dash_follows(&doc.text[doc.ents[d].end..]))
                || doc.ents_of(x.sent, Kind::Location).any(dash_after)
            {
                return Role::Dateline;
            }
        }
    }
    if let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("\u{2019}s "))
    {
        let w = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if is_owned_institution(&w) {
            return Role::Owner;
        }
    }
    // The place's first word, and the word after it.
    let k0 = doc.word_at(x.start);
    let n = doc.word_at(x.end);
    // "…, who have been fighting near the town of Sake, …": the war's ground, told as
    // background, not this event's place.
    if super::split::in_trend_relative(doc, x.sent, k0) {
        return Role::Away;
    }
    // "the Gaza health ministry said", "the Kaduna police": the place names whose institution
    // speaks, as "Gaza's health ministry" does.
    if k0 > se.w0
        && doc.w(k0 - 1) == "the"
        && n < se.w1
        && doc.between(x.end, doc.words[n].start).trim().is_empty()
        && is_owned_institution(doc.w(n))
        && !matches!(doc.w(n), "state" | "national")
    {
        return Role::Owner;
    }
    // "the central Mexico state of Guanajuato": the first name only qualifies the second.
    let names_country = place_of(&x.e.value)
        .and_then(country_of)
        .is_some_and(|c| fold(&c) == fold(&x.e.text));
    if names_country && n + 1 < se.w1 && is_admin_word(doc.w(n)) && doc.w(n + 1) == "of" {
        return Role::Away;
    }
    // "Turkey carried out air strikes in northern Iraq": the country doing the attack owns
    // the force; the place is elsewhere.
    if names_country
        && doc
            .ents_of(x.sent, Kind::Actor)
            .any(|a| doc.ents[a].start == x.start && doc.ents[a].e.rule == "state_country_agent")
    {
        return Role::Owner;
    }
    // "taken to Pattani hospital"
    if n < se.w1 && is_care_place(doc.w(n)) {
        return Role::Away;
    }
    // "Bassa local government chairman Joseph Gwom said": the place of the speaker's office.
    if (n..se.w1.min(n + 4)).any(|q| {
        let w = doc.w(q);
        is_speaker_role(w)
            && !is_resident_word(w)
            && !doc
                .between(x.end, doc.words[q].start)
                .contains([',', ';', ':', '(', '"', '\u{201c}', '\u{2014}'])
            && says_soon(doc, q + 1, se.w1)
    }) {
        return Role::Speaker;
    }
    // "in the city's Kyivskyi district": a part of the town just named, which a table may
    // place elsewhere.
    if k0 >= se.w0 + 2
        && doc.w(k0 - 1) == "s"
        && matches!(doc.w(k0 - 2), "city" | "town" | "capital")
    {
        return Role::Away;
    }
    let mut j = k0;
    let mut steps = 0;
    while j > se.w0 && steps < 6 {
        j -= 1;
        steps += 1;
        let w = doc.w(j);
        // "in the western Tahoua region": a compass adjective is part of the phrase; "west of"
        // is handled with "of" below.
        if is_place_filler(w) || w == "s" || is_relative_position(w) {
            continue;
        }
        if w == "with" && j > se.w0 && matches!(doc.w(j - 1), "border" | "borders") {
            return Role::Away;
        }
        if is_away_preposition(w) {
            // "from" after a distance is a reference point too; "to" in "close to" is near.
            if close_to(doc, se.w0, j) {
                return Role::Event;
            }
            return Role::Away;
        }
        if matches!(w, "of" | "in" | "at") {
            let mut k = j;
            while k > se.w0 {
                k -= 1;
                let v = doc.w(k);
                if is_place_filler(v) {
                    continue;
                }
                if is_speaker_role(v) && (!is_resident_word(v) || says_soon(doc, n, se.w1)) {
                    return Role::Speaker;
                }
                // "taken to hospitals in Portoviejo", "a hospital in the city of Colima": where
                // the wounded went.
                if matches!(w, "in" | "at") && is_care_place(v)
                    || matches!(v, "in" | "at") && k > se.w0 && is_care_place(doc.w(k - 1))
                {
                    return Role::Away;
                }
                // "west of X" (not "the southern city of X": a compass word before a filler
                // describes the place itself).
                if w == "of" && is_relative_position(v) && k + 1 == j {
                    return Role::Away;
                }
                // "fled to the town of Macomia" (but "close to the town of X" is near it).
                if w == "of" && is_away_preposition(v) && !close_to(doc, se.w0, k) {
                    return Role::Away;
                }
                break;
            }
            return Role::Event;
        }
        if is_speaker_role(w) {
            return Role::Speaker;
        }
        break;
    }
    Role::Event
}

/// "residents in X said" speak; "a drone struck a group of residents in X" are the victims,
/// and X is where it happened.
fn is_resident_word(w: &str) -> bool {
    matches!(w, "resident" | "residents")
}

/// Whether a verb of saying stands within three words from word `k` ("residents in X *said*",
/// "residents in X village *told* AFP"), before word `end` (the sentence's end).
fn says_soon(doc: &Doc, k: usize, end: usize) -> bool {
    (k..end.min(k + 3)).any(|q| crate::saying::is_saying_verb(doc.w(q)))
}

/// Whether place `i` follows "around", "near" or "outside": a reference point for what lies
/// about it ("several villages around Djibo").
pub fn named_around(doc: &Doc, i: usize) -> bool {
    let k = doc.word_at(doc.ents[i].start);
    k > 0 && matches!(doc.w(k - 1), "around" | "near" | "outside" | "surrounding")
}

/// Where the wounded and the dead are taken: a place named with it is not the event's.
fn is_care_place(w: &str) -> bool {
    matches!(
        w,
        "hospital" | "hospitals" | "clinic" | "clinics" | "morgue" | "mortuary"
    )
}

/// Runs of towns named as separate attacked places: "attacks on X and Y", "in A, B and C".
/// Each run holds at least one town; runs of two or more are split into one event per town.
pub fn coordinated_runs(doc: &Doc, towns: &[usize]) -> Vec<Vec<usize>> {
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut has_conj: Vec<bool> = Vec::new();
    for (k, &t) in towns.iter().enumerate() {
        let link = if k == 0 {
            None
        } else {
            link(doc, towns[k - 1], t)
        };
        match (link, runs.last_mut()) {
            (Some(conj), Some(run)) => {
                let dup = run.iter().any(|&r| same_name(doc, r, t));
                if !dup {
                    run.push(t);
                }
                if let Some(h) = has_conj.last_mut() {
                    *h |= conj;
                }
            }
            _ => {
                runs.push(vec![t]);
                has_conj.push(false);
            }
        }
    }
    // A run joined only by commas is a place with its qualifiers, not a list.
    let mut out = Vec::new();
    for (run, conj) in runs.into_iter().zip(has_conj) {
        if run.len() >= 2 && !conj {
            out.extend(run.into_iter().map(|t| vec![t]));
        } else {
            out.push(run);
        }
    }
    out
}

/// Whether towns `a` and `b` are coordinated; `Some(true)` when by "and"/"or".
fn link(doc: &Doc, a: usize, b: usize) -> Option<bool> {
    let (ea, eb) = (&doc.ents[a], &doc.ents[b]);
    if ea.sent != eb.sent || after_between(doc, a) {
        return None;
    }
    let mid = doc.between(ea.end, eb.start);
    // Drop parentheticals: "Nayo (Ségou Region) and Bandiagara".
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in mid.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = plain
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let conj = match words.as_slice() {
        [] if plain.contains(',') => false,
        ["and"] | ["or"] | ["as", "well", "as"] => true,
        _ => return None,
    };
    // "Gudashi village, Dankurmi district": the second is the first's district.
    let next = doc.word_at(eb.end);
    if !conj && next < doc.words.len() && is_admin_word(doc.w(next)) {
        return None;
    }
    Some(conj)
}

/// "between Tame and La Cabuya": a stretch of road, one place.
fn after_between(doc: &Doc, a: usize) -> bool {
    let x = &doc.ents[a];
    let se = &doc.sents[x.sent];
    let j = doc.word_at(x.start);
    (se.w0..j)
        .rev()
        .take(3)
        .map(|k| doc.w(k))
        .find(|w| !is_place_filler(w))
        == Some("between")
}

fn same_name(doc: &Doc, a: usize, b: usize) -> bool {
    let name = |i: usize| {
        place_of(&doc.ents[i].e.value)
            .map(|p| fold(&p.name))
            .unwrap_or_else(|| fold(&doc.ents[i].e.text))
    };
    name(a) == name(b)
}

/// The region named with town `t` in its sentence: the first region after it and before the
/// next town, else the first region in `places`.
pub fn region_for(doc: &Doc, t: usize, places: &[usize]) -> Option<usize> {
    if precision(doc, t) != Some(PlacePrecision::Town) {
        return None;
    }
    let is_region = |i: &usize| precision(doc, *i) == Some(PlacePrecision::Region);
    let next_town = places
        .iter()
        .copied()
        .filter(|&i| i > t && precision(doc, i) == Some(PlacePrecision::Town))
        .min()
        .unwrap_or(usize::MAX);
    places
        .iter()
        .copied()
        .filter(is_region)
        .find(|&i| i > t && i < next_town)
        .or_else(|| places.iter().copied().find(is_region))
}

/// The article's main country: the most named country among places with an event role, a
/// dateline or an owner ("Niger's army"). Ties go to the first named.
fn main_country(doc: &Doc) -> Option<String> {
    doc.memo
        .main_country
        .get_or_init(|| count_main_country(doc))
        .clone()
}

fn count_main_country(doc: &Doc) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for i in 0..doc.ents.len() {
        if doc.ents[i].e.kind != Kind::Location || role(doc, i) == Role::Away {
            continue;
        }
        let Some(c) = place_of(&doc.ents[i].e.value).and_then(country_of) else {
            continue;
        };
        match counts.iter_mut().find(|(n, _)| *n == c) {
            Some((_, k)) => *k += 1,
            None => counts.push((c, 1)),
        }
    }
    let best = counts.iter().map(|(_, k)| *k).max()?;
    counts.into_iter().find(|(_, k)| *k == best).map(|(c, _)| c)
}

/// A place's country, or its own name when it is a country.
pub fn country_of(p: &Place) -> Option<String> {
    p.country.clone().or_else(|| {
        (p.precision == PlacePrecision::Country && !p.name.is_empty()).then(|| p.name.clone())
    })
}

/// A place's first-level region, or its own name when it is a region.
pub fn admin1_of(p: &Place) -> Option<String> {
    p.admin1.clone().or_else(|| {
        (p.precision == PlacePrecision::Region && !p.name.is_empty()).then(|| p.name.clone())
    })
}

/// A place the text names as a division below the first-level region ("Nong Chik district",
/// "Mayo Tsanaga division") that no table knows: it lies in some region, which it does not
/// name.
pub fn names_a_district(doc: &Doc, i: usize) -> bool {
    let e = &doc.ents[i].e;
    let unknown_region = place_of(&e.value)
        .is_some_and(|p| p.admin1.is_none() && p.precision == PlacePrecision::Region);
    let k = doc.word_at(e.end);
    unknown_region
        && e.rule == "name_admin_area"
        && k < doc.words.len()
        && matches!(
            doc.w(k),
            "district"
                | "subdivision"
                | "division"
                | "department"
                | "county"
                | "municipality"
                | "prefecture"
                | "local"
                | "lga"
        )
}

/// The incident's place.
/// A town named like its first-level region ("Zacatecas", "Kaduna", "Arauca"): a headline's
/// mention may mean either.
pub fn named_like_region(doc: &Doc, i: usize) -> bool {
    precision(doc, i) == Some(PlacePrecision::Town)
        && place_of(&doc.ents[i].e.value)
            .is_some_and(|p| admin1_of(p).is_some_and(|a| fold(&a) == fold(&p.name)))
}

/// How specific location entity `i` is, most specific first: a town (0), a sub-region (1: a
/// district, or a region below a first-level one: "Bangui district" in Takhar), a first-level
/// region (2), a country (3).
pub fn specificity(doc: &Doc, i: usize) -> u8 {
    match precision(doc, i) {
        Some(PlacePrecision::Town) => 0,
        Some(PlacePrecision::Region) => match place_of(&doc.ents[i].e.value) {
            Some(p) if p.precision == PlacePrecision::Town => 1,
            Some(p)
                if p.country.is_some()
                    && p.admin1.as_ref().is_none_or(|a| fold(a) != fold(&p.name)) =>
            {
                1
            }
            _ => 2,
        },
        _ => 3,
    }
}

/// Whether the mentions' sentences name a place by a definite noun alone: "the village",
/// "the town" (not "the town of X", a name of its own).
pub fn names_the_place_again(doc: &Doc, ms: &[&Mention]) -> bool {
    ms.iter().any(|m| {
        let se = &doc.sents[m.sent];
        (se.w0..se.w1.saturating_sub(1)).any(|k| {
            doc.w(k) == "the"
                && matches!(
                    doc.w(k + 1),
                    "village" | "town" | "city" | "camp" | "locality"
                )
                && (k + 2 >= se.w1 || doc.w(k + 2) != "of")
        })
    })
}

pub fn incident_location(
    doc: &Doc,
    ms: &[&Mention],
    evidence: &mut Vec<usize>,
) -> Option<IncidentLocation> {
    // The most specific place, the body's before the headline's, the earliest among equals; a
    // headline's town named like its region counts as the region.
    let chosen = ms
        .iter()
        .filter_map(|m| {
            m.place.map(|p| {
                let spec = if m.headline && named_like_region(doc, p) {
                    2
                } else {
                    specificity(doc, p)
                };
                ((spec, m.headline, m.sent, p), m.region)
            })
        })
        .min_by_key(|&(key, _)| key)
        .map(|((_, _, s, p), r)| (s, p, r));
    let place = chosen.and_then(|(_, p, _)| place_of(&doc.ents[p].e.value).map(|v| (p, v)));
    // Regions and countries named in the incident's sentences.
    let mut regions: Vec<&Place> = Vec::new();
    // Countries: the event's first, then a dateline's or an owner's ("CAIRO, Aug 3 - Israeli
    // strikes … across the Gaza Strip" is in Palestine).
    let mut countries: Vec<String> = Vec::new();
    let mut other_countries: Vec<String> = Vec::new();
    for m in ms {
        for i in doc.ents_of(m.sent, Kind::Location) {
            let r = role(doc, i);
            if matches!(r, Role::Away | Role::Speaker) {
                continue;
            }
            if let Some(p) = place_of(&doc.ents[i].e.value) {
                if p.precision == PlacePrecision::Region {
                    regions.push(p);
                }
                if let Some(c) = country_of(p) {
                    if r == Role::Event {
                        countries.push(c);
                    } else {
                        other_countries.push(c);
                    }
                }
            }
        }
    }
    countries.extend(other_countries);
    let hint = chosen
        .and_then(|(_, _, r)| r)
        .and_then(|r| place_of(&doc.ents[r].e.value));
    let mut out = match place {
        Some((i, p)) => {
            evidence.push(i);
            let read = precision(doc, i).unwrap_or(p.precision);
            if read != p.precision {
                // "Quezon province" read as a region: the text's name, not the town's.
                IncidentLocation {
                    name: doc.ents[i].e.text.clone(),
                    admin1: None,
                    country: country_of(p),
                    country_code: p.country_code.clone(),
                    precision: read,
                    ..IncidentLocation::default()
                }
            } else {
                IncidentLocation {
                    name: p.name.clone(),
                    admin1: p.admin1.clone(),
                    country: country_of(p),
                    country_code: p.country_code.clone(),
                    lat: p.lat,
                    lon: p.lon,
                    precision: p.precision,
                }
            }
        }
        None => IncidentLocation {
            name: String::new(),
            precision: PlacePrecision::Country,
            ..IncidentLocation::default()
        },
    };
    if out.country.is_none() {
        out.country = hint
            .and_then(country_of)
            .or_else(|| regions.iter().find_map(|r| country_of(r)))
            .or_else(|| countries.first().cloned())
            .or_else(|| main_country(doc));
    }
    if out.admin1.is_none() {
        let fits = |r: &&Place| {
            (out.country.is_none() || country_of(r) == out.country)
                && fold(&r.name) != fold(&out.name)
        };
        // A region with a known first-level parent first ("Zamfara State" over "Dankurmi
        // district"), the one named with the place before others.
        let candidates: Vec<&Place> = hint.into_iter().chain(regions.iter().copied()).collect();
        out.admin1 = candidates
            .iter()
            .find(|r| fits(r) && r.admin1.is_some())
            .or_else(|| candidates.iter().find(|r| fits(r)))
            .and_then(|r| admin1_of(r));
    }
    if out.admin1.is_none() && out.precision == PlacePrecision::Region {
        out.admin1 = Some(out.name.clone());
    }
    if out.name.is_empty() {
        out.name = out.country.clone()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;

    /// (sentence, place, expected role)
    const ROLES: &[(&str, &str, Role)] = &[
        (
            "Twelve died in the strike, the Dera health ministry said.",
            "Dera",
            Role::Owner,
        ),
        (
            "Bassa council chairman Joseph Gwom said the gunmen fled.",
            "Bassa",
            Role::Speaker,
        ),
        (
            "Gunmen attacked Bassa, council chairman Joseph Gwom said.",
            "Bassa",
            Role::Event,
        ),
        // A relative clause of background: the war's ground, not the event's place.
        (
            "The army and the rebels, who have been fighting near the town of Dera, traded blame.",
            "Dera",
            Role::Away,
        ),
        (
            "RALVIK, Xland \u{2014} Shelling killed 22 people in Dera on Sunday.",
            "RALVIK",
            Role::Dateline,
        ),
        (
            "RALVIK, Xland, June 12 (Agency) - Gunmen attacked a village.",
            "RALVIK",
            Role::Dateline,
        ),
        (
            "TAMOU, the largest town, was attacked.",
            "TAMOU",
            Role::Event,
        ),
        (
            "Ralvik, 5 March 2024 (AFP) - Gunmen attacked a village near Dera.",
            "Ralvik",
            Role::Dateline,
        ),
        (
            "A drone attack on the southern city of Tamou wounded five.",
            "Tamou",
            Role::Event,
        ),
        (
            "Gunmen attacked a post 20 km west of Tamou.",
            "Tamou",
            Role::Away,
        ),
        (
            "Residents fled to the town of Tamou after the raid.",
            "Tamou",
            Role::Away,
        ),
        (
            "Gunmen struck close to the town of Tamou.",
            "Tamou",
            Role::Event,
        ),
        (
            "Gunmen attacked the village of Tamou on Monday.",
            "Tamou",
            Role::Event,
        ),
        (
            "TAHOUA: Gunmen attacked a village on Monday.",
            "TAHOUA",
            Role::Dateline,
        ),
        (
            "Gunmen attacked a village, an official in Tera told reporters.",
            "Tera",
            Role::Speaker,
        ),
        (
            "Gunmen who came from Mali attacked a village.",
            "Mali",
            Role::Away,
        ),
        (
            "Residents fled to the capital, Niamey, after the raid.",
            "Niamey",
            Role::Away,
        ),
        (
            "The raid hit a post near the border with Mali.",
            "Mali",
            Role::Away,
        ),
        (
            "The ambush happened 40 km from Dori on Sunday.",
            "Dori",
            Role::Away,
        ),
        ("Niger's army said ten soldiers died.", "Niger", Role::Owner),
        (
            "Fighters struck a post in Niger's Dosso region.",
            "Niger",
            Role::Event,
        ),
        ("The convoy was hit southeast of Kaya.", "Kaya", Role::Away),
        (
            "The mayor of the nearby town Seytenga said.",
            "Seytenga",
            Role::Speaker,
        ),
    ];

    #[test]
    fn place_roles() {
        for &(s, place, want) in ROLES {
            let ents = vec![town(s, place, "Xland")];
            let ctx = ctx_none();
            let doc = Doc::new(s, &ents, &ctx);
            assert_eq!(role(&doc, 0), want, "{s}");
        }
    }

    #[test]
    fn coordinated_towns_split_but_qualifiers_do_not() {
        // (sentence, towns, run lengths)
        let table: &[(&str, &[&str], &[usize])] = &[
            (
                "Attacks on Tamou and Torodi left many dead.",
                &["Tamou", "Torodi"],
                &[2],
            ),
            (
                "Raids in Kolo (Tillaberi Region) and Bira (Dosso Region) followed.",
                &["Kolo", "Bira"],
                &[2],
            ),
            (
                "Raids in Kolo, Bira and Sey followed.",
                &["Kolo", "Bira", "Sey"],
                &[3],
            ),
            (
                "They hit the road between Tame and Saravena.",
                &["Tame", "Saravena"],
                &[1, 1],
            ),
            (
                "They hit Kuda village, Maru district on Monday.",
                &["Kuda", "Maru"],
                &[1, 1],
            ),
            (
                "They hit Kuda and then moved to Maru.",
                &["Kuda", "Maru"],
                &[1, 1],
            ),
        ];
        for &(s, towns, want) in table {
            let ents: Vec<_> = towns.iter().map(|t| town(s, t, "Xland")).collect();
            let ctx = ctx_none();
            let doc = Doc::new(s, &ents, &ctx);
            let idx: Vec<usize> = (0..ents.len()).collect();
            let lens: Vec<usize> = coordinated_runs(&doc, &idx)
                .iter()
                .map(|r| r.len())
                .collect();
            assert_eq!(lens, want, "{s}");
        }
    }
}
