//! Which sentences report a violent event, and how one sentence becomes one or more event
//! mentions.
//!
//! - A sentence reports an event when it has a casualty figure or names a violent act
//!   ("ambushed", "explosion", "kidnapped"). To start an incident of its own it needs a toll, or
//!   an act with a place or a day; otherwise it can only add detail to an incident.
//! - Trend and history sentences ("attacks have risen since 2015", "JNIM has escalated its
//!   operations", numerous attacks between 2014 and 2018) are background: no incident, and the
//!   next detail sentence does not attach to the story before them.
//! - Summaries of several events ("13 soldiers died in two distinct clashes", "22 killed in
//!   attacks in five provinces") give no incident and no toll; "in three separate incidents" in
//!   one named place gives that many incidents there.
//! - Two places attacked in one sentence ("attacks on X and Y") are two mentions sharing the
//!   sentence's date and actors; "between X and Y" is one place, and "X, Y district" is one place
//!   with its district.

use super::casualties::is_vague;
use super::cues::*;
use super::date;
use super::doc::Doc;
use super::location::{self, Role};
use crate::model::{Kind, PlacePrecision, Value};

/// One telling of one event, from one sentence.
#[derive(Debug, Default, Clone)]
pub struct Mention {
    /// The sentence.
    pub sent: usize,
    /// The event place: the most specific place with an event role (index into `doc.ents`).
    pub place: Option<usize>,
    /// A region named with the place ("Nayo (Ségou Region)"), when the place is a town.
    pub region: Option<usize>,
    /// The event date entity.
    pub date: Option<usize>,
    /// Whether the sentence's casualty figures belong to this event (not for split or summary
    /// sentences).
    pub casualties: bool,
    /// Whether it has casualty figures it may use.
    pub has_casualty: bool,
    /// A headline: its figures give way to the body's.
    pub headline: bool,
    /// "In a separate incident", "meanwhile": a new event begins.
    pub separate: bool,
    /// A past event told as background ("in another attack last month"): later detail does not
    /// attach to it unless it points back to it.
    pub background: bool,
    /// Places the event just told after another one ("The attack came a day after a teenager
    /// went missing"): the sentence's figures are that other event's.
    pub follows_other: bool,
    /// Points back to the event just told: "the attack", "the assailants".
    pub anaphoric: bool,
    /// Enough to start an incident: a toll, or a violent act with a place or a day.
    pub substantive: bool,
    /// "Earlier, sources had said at least ten": figures superseded by later ones.
    pub superseded: bool,
    /// "Russia said it had killed 60 servicemen. Ukraine rejected the claim.": figures the
    /// next sentence disputes.
    pub disputed: bool,
    /// "The toll rose to 38": figures that replace earlier ones.
    pub revision: bool,
    /// Must be its own incident ("in three separate incidents").
    pub forced_new: bool,
    /// One of several places attacked in one sentence: its own incident unless an incident at
    /// the same place exists.
    pub split: bool,
    /// The sentence names some place, even one off the event ("near the border with Mali").
    pub located: bool,
    /// Not an event: a trend or summary sentence that ends the story told before it.
    pub reset: bool,
    /// The date of a summary sentence, for the events it sums up ("officials said yesterday 22
    /// people were killed in several attacks").
    pub ambient_date: Option<usize>,
    /// A note for the incident.
    pub note: Option<String>,
}

/// What the words of a sentence say.
#[derive(Debug, Default)]
struct Flags {
    attack: bool,
    harm: bool,
    trend: bool,
    /// The word (index into the document's words) at which the sentence first reads as a
    /// trend.
    trend_at: Option<usize>,
    /// A trend over a stretch of history ([`Period::Long`], "the war has killed thousands"):
    /// only a day date makes the sentence an event.
    long_trend: bool,
    revision: bool,
    separate: bool,
    background: bool,
    /// "comes after", "follows" (see [`Mention::follows_other`]).
    follows_other: bool,
    anaphoric: bool,
    aggregate: bool,
    /// "in three separate incidents": the count.
    aggregate_count: Option<usize>,
    /// "killed in attacks": a summary if no town is named.
    aggregate_unplaced: bool,
    superseded: bool,
    /// "deadliest": background unless the sentence names its event's day.
    deadliest: bool,
    /// "raided several villages": an aggregate of settlements …
    settlements: bool,
    /// … and of anything else ("three attacks", "five provinces").
    other_aggregate: bool,
}

/// Whether word `k` of sentence `s` lies in a relative clause of background ("…, which has
/// been fighting the Fano militia since August", "…, where gangs have battled for years"):
/// one that opens with "which", "who" or "where" after a clause break and reads as a trend.
/// Its trend does not make the sentence one, and its actors take no part in the event.
pub fn in_trend_relative(doc: &Doc, s: usize, k: usize) -> bool {
    let se = &doc.sents[s];
    if k < se.w0 || k >= se.w1 {
        return false;
    }
    let breaks_before = |q: usize| {
        q > se.w0
            && doc
                .between(doc.words[q - 1].end, doc.words[q].start)
                .contains([',', ';', ':', '\u{2014}', '\u{2013}', '(', ')'])
    };
    let mut a = k;
    while a > se.w0 && !breaks_before(a) {
        a -= 1;
    }
    if !breaks_before(a) || !matches!(doc.w(a), "which" | "who" | "where") {
        return false;
    }
    let mut b = k + 1;
    while b < se.w1 && !breaks_before(b) {
        b += 1;
    }
    (a..b).any(|q| {
        let w = doc.w(q);
        let prev = if q > a { doc.w(q - 1) } else { "" };
        let next = if q + 1 < b { doc.w(q + 1) } else { "" };
        is_trend_word(w)
            || w == "since"
            || matches!(prev, "been" | "have" | "has")
                && matches!(w, "fighting" | "battling" | "waging" | "struggling")
            // "…, who have carried out a series of bombings in the region this year"
            || tells_of_a_period(prev, w, next)
    })
}

/// What follows "since" in a sentence about a stretch of time: a year or a month ("since 2015",
/// "since April"), a decade or the start of something ("since the 1990s", "since the start
/// of the year"), or a conflict's beginning ("since a separatist insurgency flared", "since
/// the war began").
fn since_tells_a_period(after: &[&str]) -> Option<Period> {
    let is_year = |x: &str| x.len() == 4 && x.bytes().all(|b| b.is_ascii_digit());
    let is_decade =
        |x: &str| x.len() == 5 && x.ends_with('s') && x[..4].bytes().all(|b| b.is_ascii_digit());
    let next = after.first().copied().unwrap_or("");
    let next2 = after.get(1).copied().unwrap_or("");
    if matches!(next, "the" | "early" | "late" | "mid")
        && (is_decade(next2) || matches!(next2, "start" | "beginning" | "outbreak" | "onset"))
        || after.iter().take(4).any(|x| {
            matches!(
                *x,
                "war" | "conflict" | "insurgency" | "uprising" | "rebellion" | "coup" | "crisis"
            )
        })
    {
        Some(Period::Long)
    } else if is_year(next) || is_month_name(next) {
        Some(Period::Dated)
    } else {
        None
    }
}

/// What "since" opens (see [`since_tells_a_period`]).
enum Period {
    /// A date: "since 2015", "since April". A toll in a named town can still be one event's
    /// ("killed in X, the deadliest attack since 2015").
    Dated,
    /// A stretch of history: "since the 1990s", "since the insurgency began". Its toll is the
    /// stretch's unless the sentence names a day.
    Long,
}

/// "a series of", "the past years", "in recent months": words of a story over time.
fn tells_of_a_period(prev: &str, w: &str, next: &str) -> bool {
    w == "series" && next == "of"
        || matches!(w, "years" | "months" | "decades" | "decade")
            && matches!(prev, "the" | "recent" | "past" | "several" | "following")
}

fn flags(doc: &Doc, s: usize) -> Flags {
    let se = &doc.sents[s];
    let ws: Vec<&str> = (se.w0..se.w1).map(|i| doc.w(i)).collect();
    let mut f = Flags::default();
    let mut had = false;
    for (i, &w) in ws.iter().enumerate() {
        let trend_before = f.trend;
        let next = ws.get(i + 1).copied().unwrap_or("");
        let prev = if i > 0 { ws[i - 1] } else { "" };
        f.attack = f.attack || is_attack_word(w);
        // "Al-Shabaab claimed responsibility in a statement": about the attack told before.
        f.attack |= w == "responsibility" && prev.starts_with("claim");
        f.harm = f.harm || is_harm_word(w);
        // "the toll rose to 38"; "…, bringing the death toll to 13".
        let toll_to = |k: usize| {
            matches!(ws.get(k).copied(), Some("toll" | "tally")) && ws.get(k + 1) == Some(&"to")
        };
        let brings_the_toll = matches!(
            w,
            "bringing" | "brought" | "brings" | "taking" | "took" | "takes" | "pushing" | "pushed"
        ) && next == "the"
            && (i + 2..i + 4).any(toll_to);
        if is_revision_verb(w) && matches!(next, "to" | "at") || brings_the_toll {
            f.revision = true;
        } else if is_trend_word(w)
            // "soldiers who frequent the shop": the verb, not "frequent attacks".
            && !(w == "frequent" && matches!(next, "the" | "a" | "an" | "this" | "its" | "their"))
        {
            f.trend = true;
        }
        // "attacks have dropped", "dropped by half"; not "explosives dropped from a drone".
        if w == "dropped"
            && (matches!(prev, "has" | "have" | "had")
                || matches!(next, "by" | "sharply" | "significantly" | "steadily"))
        {
            f.trend = true;
        }
        // "since 2015", "since April 2023", "since the 1990s", "since the war began"
        let next2 = ws.get(i + 2).copied().unwrap_or("");
        // But "the deadliest since January, when 28 soldiers were killed near X" (or "since
        // the coup, during which 17 soldiers were killed") tells of that past attack; not
        // "since January, in which more than 200 people have died", a toll over the stretch.
        let when_follows = ws[i + 1..]
            .iter()
            .take(4)
            .position(|x| matches!(*x, "when" | "which"))
            .is_some_and(|k| {
                !ws[i + 1 + k..]
                    .iter()
                    .take(6)
                    .any(|x| matches!(*x, "has" | "have"))
            });
        if w == "since" && !when_follows {
            match since_tells_a_period(&ws[i + 1..]) {
                Some(Period::Long) => (f.trend, f.long_trend) = (true, true),
                Some(Period::Dated) => f.trend = true,
                None => {}
            }
        }
        // "The war has killed tens of thousands", "the insurgency has killed more than 4,000":
        // a toll over time, not one event's.
        if matches!(prev, "has" | "have")
            && (w.starts_with("kill") || w == "claimed")
            && ws.iter().any(|x| {
                matches!(
                    *x,
                    "thousands"
                        | "hundreds"
                        | "millions"
                        | "war"
                        | "conflict"
                        | "insurgency"
                        | "uprising"
                        | "rebellion"
                        | "crisis"
                )
            })
        {
            (f.trend, f.long_trend) = (true, true);
        }
        if tells_of_a_period(prev, w, next) {
            f.trend = true;
        }
        if matches!(prev, "been" | "are" | "have" | "has")
            && matches!(w, "fighting" | "struggling" | "battling" | "waging")
        {
            f.trend = true;
        }
        // "another" tells of another event only before an event noun ("in another attack",
        // "another deadly raid"), not before a count or a victim ("another 14 were wounded").
        let another_event = w != "another" || is_event_noun(next) || is_event_noun(next2);
        if is_separate_word(w) && another_event {
            f.separate = true;
        }
        // "the deadliest since January, when …" tells of a past event; "killed 30 on Sunday,
        // in one of the deadliest incidents in months" ranks this one (see `deadliest`).
        if w == "deadliest" {
            // "…, killing 11 police officers, in one of the deadliest attacks in months": the
            // toll told before it is this event's, ranked; not a past event's ("the deadliest
            // since March, when 20 soldiers died").
            let toll_before = doc
                .ents_of(s, Kind::Casualty)
                .any(|c| doc.word_at(doc.ents[c].start) < se.w0 + i);
            f.deadliest |= !toll_before || ws[i..].contains(&"when");
        } else if is_background_word(w) && another_event && !since_a_recent_day(w, next, next2) {
            f.background = true;
        }
        // "The attack comes two weeks after 15 worshippers were abducted…", "The raid follows
        // an ambush…": what follows is an earlier event.
        if w == "follows"
            || matches!(w, "comes" | "came")
                && matches!(
                    next,
                    "after"
                        | "days"
                        | "weeks"
                        | "months"
                        | "a"
                        | "just"
                        | "only"
                        | "two"
                        | "three"
                        | "less"
                        | "barely"
                        | "hours"
                )
        {
            f.background = true;
            f.follows_other = true;
        }
        if w == "had" {
            had = true;
        }
        if matches!(w, "the" | "this" | "that") {
            let n1 = next;
            let n2 = ws.get(i + 2).copied().unwrap_or("");
            if is_event_noun(n1) || is_event_noun(n2) && !is_event_noun(n1) && n1.len() > 2 {
                f.anaphoric = true;
            }
        }
        if is_many_quantifier(w) {
            let after: Vec<&str> = ws.iter().skip(i + 1).take(2).copied().collect();
            // "several attacks", "three separate incidents", "two distinct clashes"; not in a
            // clause of background (", who have carried out a series of bombings").
            if after.iter().any(|x| is_plural_event_noun(x))
                && !in_trend_relative(doc, s, se.w0 + i)
            {
                f.aggregate = true;
                f.other_aggregate = true;
                if let Some(n) = small_number(w) {
                    f.aggregate_count.get_or_insert(n);
                }
            }
            if after.first().is_some_and(|x| is_admin_plural(x)) && w != "separate" {
                f.aggregate = true;
                if after
                    .first()
                    .is_some_and(|x| matches!(*x, "villages" | "localities" | "communities"))
                {
                    f.settlements = true;
                } else {
                    f.other_aggregate = true;
                }
            }
        }
        // "killed in attacks in five provinces": unattributable when no town is named.
        if matches!(w, "in" | "during") && matches!(next, "attacks" | "incidents") {
            f.aggregate_unplaced = true;
        }
        // "Russian strikes kill 5 civilians across Ukraine": a tally over a country or region.
        if w == "across"
            && doc.ents_of(s, Kind::Location).any(|p| {
                doc.word_at(doc.ents[p].start) == se.w0 + i + 1
                    && matches!(
                        precision(doc, p),
                        Some(PlacePrecision::Country | PlacePrecision::Region)
                    )
            })
        {
            f.aggregate_unplaced = true;
        }
        // "Over the past day, Russian attacks killed at least five people across Ukraine",
        // "troops neutralised 35 terrorists … in one week", "during the period": a day's or a
        // week's tally, unless a town is named.
        let prev2 = if i > 1 { ws[i - 2] } else { "" };
        if w == "past"
            && matches!(prev, "the")
            && matches!(next, "day" | "24" | "week" | "days" | "weeks" | "month")
            || w == "week" && matches!(prev, "one" | "a") && matches!(prev2, "in" | "within")
            || w == "period" && prev == "the" && prev2 == "during"
        {
            f.aggregate_unplaced = true;
        }
        if f.trend && !trend_before && in_trend_relative(doc, s, se.w0 + i) {
            (f.trend, f.long_trend) = (false, false);
        }
        if f.trend && f.trend_at.is_none() {
            f.trend_at = Some(se.w0 + i);
        }
    }
    f.superseded = had && ws.contains(&"earlier");
    f
}

/// The sentences as event mentions, in text order.
pub fn mentions(doc: &Doc) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut skip_next_dates: Option<(usize, usize)> = None; // (first forced mention, count)
    for s in 0..doc.sents.len() {
        let se = &doc.sents[s];
        if se.aside {
            continue;
        }
        if se.e0 == se.e1 {
            continue;
        }
        let f = flags(doc, s);
        let casualty_ents: Vec<usize> = doc.ents_of(s, Kind::Casualty).collect();
        let has_casualty = !casualty_ents.is_empty();
        if let Some((first, n)) = skip_next_dates.take() {
            if !has_casualty && spread_dates(doc, s, &mut out[first..first + n]) {
                continue;
            }
        }
        let harm_detail = f.harm
            && (doc.ents_of(s, Kind::Date).next().is_some()
                || doc.ents_of(s, Kind::Location).next().is_some());
        if !(has_casualty || f.attack || harm_detail) {
            if f.trend {
                out.push(reset(s));
            }
            continue;
        }
        let dates: Vec<usize> = doc
            .ents_of(s, Kind::Date)
            .filter(|&i| date::is_event_date(doc, i))
            .collect();
        let places: Vec<usize> = doc
            .ents_of(s, Kind::Location)
            .filter(|&i| location::role(doc, i) == Role::Event && supported(doc, i))
            .collect();
        let towns: Vec<usize> = places
            .iter()
            .copied()
            .filter(|&i| precision(doc, i) == Some(PlacePrecision::Town))
            .collect();
        let day_date = dates.iter().any(|&i| date::is_day(doc, i));
        let numeric = casualty_ents
            .iter()
            .any(|&i| !is_vague(&doc.ents[i].e.text));
        // A trend after the town of a sentence about the attack just told is background ("The
        // attack happened near X amid a surge in violence"), not the sentence's point ("The
        // killings escalated in X"). (A relative clause of background, ", where gangs have been
        // fighting", sets no trend at all: see `in_trend_relative`.)
        let about_the_attack = f.anaphoric
            && towns
                .iter()
                .any(|&t| Some(doc.word_at(doc.ents[t].start)) < f.trend_at);
        let event_despite_trend = if f.long_trend {
            day_date
        } else {
            numeric && (!towns.is_empty() || day_date)
        };
        if f.trend && !event_despite_trend && !about_the_attack {
            out.push(reset(s));
            continue;
        }
        // Dated only by a period: "fighting since 2011 to 2014", and a toll over a period with
        // no attack and no town of its own ("more than 1,200 people were murdered in the state
        // last year").
        if !dates.is_empty()
            && dates.iter().all(|&i| date::is_long_span(doc, i))
            && (!numeric || !f.attack && towns.is_empty())
        {
            out.push(reset(s));
            continue;
        }
        let base = Mention {
            sent: s,
            date: dates.first().copied(),
            casualties: true,
            has_casualty,
            headline: se.headline,
            separate: f.separate && (has_casualty || f.attack),
            background: (f.background || f.deadliest && !day_date) && !f.separate,
            follows_other: f.follows_other,
            anaphoric: f.anaphoric,
            superseded: f.superseded,
            disputed: disputed_next(doc, s),
            revision: f.revision,
            located: doc.ents_of(s, Kind::Location).next().is_some(),
            ..Mention::default()
        };
        let runs = location::coordinated_runs(doc, &towns);
        // "raided several villages around Djibo": one event, placed at the town they surround.
        let around_one_town = f.settlements
            && !f.other_aggregate
            && matches!(towns.as_slice(), [t] if location::named_around(doc, *t));
        if (f.aggregate && !around_one_town) || (f.aggregate_unplaced && towns.is_empty()) {
            let named: Vec<usize> = places
                .iter()
                .copied()
                .filter(|&i| precision(doc, i) != Some(PlacePrecision::Country))
                .collect();
            if let (Some(n), [p]) = (f.aggregate_count, named.as_slice()) {
                let first = out.len();
                for _ in 0..n {
                    let mut m = base.clone();
                    m.place = Some(*p);
                    m.casualties = false;
                    m.has_casualty = false;
                    m.substantive = true;
                    m.forced_new = true;
                    m.note = Some(format!(
                        "One of {n} events the text reports together; their victims are given \
                         only jointly."
                    ));
                    out.push(m);
                }
                skip_next_dates = Some((first, n));
                continue;
            }
            if runs.iter().all(|r| r.len() < 2) {
                let mut m = reset(s);
                m.ambient_date = base.date;
                out.push(m);
                continue;
            }
        }
        if let Some(run) = runs.iter().find(|r| r.len() >= 2) {
            for &t in run {
                let mut m = base.clone();
                m.place = Some(t);
                m.region = location::region_for(doc, t, &places);
                m.casualties = false;
                m.has_casualty = false;
                m.substantive = true;
                m.split = true;
                if has_casualty {
                    m.note = Some(
                        "The sentence names several attacked places; its figures are not split \
                         among them."
                            .to_string(),
                    );
                }
                out.push(m);
            }
            continue;
        }
        let mut m = base;
        m.place = towns.first().copied().or_else(|| {
            most_specific(doc, &places)
                .filter(|&i| precision(doc, i) != Some(PlacePrecision::Country))
        });
        if let Some(t) = m.place {
            m.region = location::region_for(doc, t, &places);
        }
        // An act with no toll, dated long before publication ("a militant who took part in the
        // October 7 attack"), is background: a past attack is an incident only with its toll,
        // and its day must not date the incident told.
        if !has_casualty && m.date.is_some_and(|d| date::long_before_published(doc, d)) {
            continue;
        }
        m.substantive = has_casualty || (f.attack && (m.place.is_some() || m.date.is_some()));
        out.push(m);
    }
    out
}

fn reset(s: usize) -> Mention {
    Mention {
        sent: s,
        reset: true,
        ..Mention::default()
    }
}

/// The place's precision as the text uses it: "Quezon province" and "the state of Guanajuato"
/// are regions whatever town shares the name.
pub fn precision(doc: &Doc, i: usize) -> Option<PlacePrecision> {
    let p = match &doc.ents[i].e.value {
        Value::Location(p) => p.precision,
        _ => return None,
    };
    if p != PlacePrecision::Town {
        return Some(p);
    }
    let x = &doc.ents[i];
    let se = &doc.sents[x.sent];
    let next = doc.word_at(x.end);
    let after_admin = next < se.w1
        && matches!(
            doc.w(next),
            "province"
                | "region"
                | "state"
                | "department"
                | "county"
                | "governorate"
                | "prefecture"
                | "oblast"
                | "division"
        );
    let j = doc.word_at(x.start);
    let before_admin = j >= se.w0 + 2
        && doc.w(j - 1) == "of"
        && matches!(
            doc.w(j - 2),
            "province" | "region" | "state" | "department" | "county" | "governorate"
        );
    Some(if after_admin || before_admin {
        PlacePrecision::Region
    } else {
        p
    })
}

/// Whether the place's country is named elsewhere in the article: a lone town of a far country
/// in a story about another is more likely a word that looks like a place ("GAO", "Forest").
pub fn supported(doc: &Doc, i: usize) -> bool {
    let Some(c) = super::place_of(&doc.ents[i].e.value).and_then(location::country_of) else {
        return true;
    };
    let mut other_countries = false;
    for (k, x) in doc.ents.iter().enumerate() {
        if k == i || x.e.kind != Kind::Location {
            continue;
        }
        match super::place_of(&x.e.value).and_then(location::country_of) {
            Some(d) if d == c => return true,
            Some(_) => other_countries = true,
            None => {}
        }
    }
    !other_countries
}

fn most_specific(doc: &Doc, places: &[usize]) -> Option<usize> {
    places
        .iter()
        .copied()
        .min_by_key(|&i| (location::specificity(doc, i), i))
}

/// "Two incidents occurred yesterday, while the third occurred on Friday evening": gives the
/// events of a "N separate incidents" summary their days. Returns whether the sentence was used.
fn spread_dates(doc: &Doc, s: usize, forced: &mut [Mention]) -> bool {
    let se = &doc.sents[s];
    let ws: Vec<&str> = (se.w0..se.w1).map(|i| doc.w(i)).collect();
    if !ws.iter().any(|w| {
        matches!(
            *w,
            "incident" | "incidents" | "attack" | "attacks" | "first" | "second" | "third"
        )
    }) {
        return false;
    }
    let dates: Vec<usize> = doc.ents_of(s, Kind::Date).collect();
    if dates.is_empty() {
        return false;
    }
    // How many events the first date covers: a number word before it ("two incidents ...").
    let first_date_word = doc.word_at(doc.ents[dates[0]].start);
    let k = (se.w0..first_date_word.min(se.w1))
        .find_map(|i| small_number(doc.w(i)))
        .unwrap_or(if dates.len() > 1 { 1 } else { forced.len() });
    for (j, m) in forced.iter_mut().enumerate() {
        let d = if j < k {
            dates[0]
        } else {
            dates[dates.len() - 1]
        };
        m.date = Some(d);
    }
    true
}

/// "since Thursday", "since last Friday", "since yesterday": a stretch up to the report, so the
/// sentence tells the event itself ("clashes have left 41 dead since Thursday"), not a past one.
fn since_a_recent_day(w: &str, next: &str, next2: &str) -> bool {
    let is_weekday = |x: &str| {
        matches!(
            x,
            "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
        )
    };
    w == "since"
        && (is_weekday(next)
            || next == "yesterday"
            || matches!(next, "last" | "early" | "late") && is_weekday(next2))
}

/// Whether the sentence after `s` disputes what `s` told: "Russia said it had killed more than
/// 60 servicemen. Ukraine rejected the claim." ("… could not verify the claim"). Its figures then count only when no other does
/// (they stay in the notes).
fn disputed_next(doc: &Doc, s: usize) -> bool {
    let Some(next) = doc.sents.get(s + 1) else {
        return false;
    };
    let ws: Vec<&str> = (next.w0..next.w1).map(|k| doc.w(k)).collect();
    let claim_noun = |x: &&str| {
        matches!(
            *x,
            "claim" | "claims" | "figure" | "figures" | "account" | "toll" | "report"
        )
    };
    ws.iter().enumerate().any(|(i, w)| {
        let rejected = matches!(
            *w,
            "rejected" | "denied" | "dismissed" | "disputed" | "refuted"
        );
        // "Reuters could not independently verify the claim."
        let unverified = matches!(*w, "verify" | "verified" | "confirm" | "confirmed")
            && ws[i.saturating_sub(3)..i]
                .iter()
                .any(|x| matches!(*x, "not" | "unable" | "cannot"));
        (rejected || unverified) && ws[i + 1..].iter().take(3).any(claim_noun)
    })
}

/// A month's name, lower-case: "april".
fn is_month_name(w: &str) -> bool {
    crate::dates::MONTH_NAMES.contains(&w)
}
