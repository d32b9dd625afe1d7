//! Dates: when an event happened, as ISO values.
//!
//! Every date mention becomes a [`DateValue`]: `start` and `end` in ISO (`YYYY-MM-DD`, `YYYY-MM`,
//! `YYYY`, or `--MM-DD` when the year is unknown), a [`DatePrecision`], and the time of day when
//! one is written. The rules are grouped by family, one file each:
//!
//! - [`absolute`]: the text names the day, month or year ("February 4", "4 Feb. 2025",
//!   "2025-02-04", "June 2011", "in 2015", "the 1980s", "late January").
//! - [`relative`]: resolved against the publication date ("Monday night", "last Thursday",
//!   "yesterday", "last month", "earlier this week", "the weekend", "last July").
//! - [`anchored`]: resolved against the date just mentioned ("two days later", "the next day",
//!   "earlier on the same day").
//! - [`ranges`]: a stretch with a start and an end ("between January 29 and February 3",
//!   "from 3 to 5 March", "between 2014 and 2018").
//! - [`time_of_day`]: clock times ("6:30 p.m.", "2:00 a.m. on February 6").
//!
//! # Policies (see also `../shared/eval/CONVENTIONS.md`, which is the spec)
//!
//! - **Month-day without a year.** With a publication date, it takes the latest year that puts
//!   it on or before publication (a December date in a January article is last year's; 29
//!   February goes back to the last leap year). Without one it stays `--MM-DD`.
//! - **Bare weekday** ("on Monday", "Monday night", "said Sunday"): the most recent such weekday
//!   on or before publication, so a "Friday" in an article published on a Friday is that day
//!   (news reports the same day's events by weekday; the corpus coders read it so).
//!   **"last Monday"**: strictly before publication. **"next Monday"**, "every Monday": no date.
//! - **No publication date**: relative mentions (weekdays, "yesterday", "last month", "the
//!   weekend", "last July", a bare "in July") are still marked, with an
//!   [`DatePrecision::Unresolved`] value (`start` and `end` empty): the reader sees them, and
//!   they resolve when a publication date is set. They date no incident (the conventions: "a
//!   bare weekday gives no date"). An anchored mention ("two days later") leans on the nearest
//!   day before it: a known one gives a date (`--03-15` + 2 days = `--03-17`), an unresolved one
//!   leaves it unresolved too.
//! - **Week words**: "last week" = the previous Monday–Sunday; "this week" = Monday of the
//!   publication week to publication; "earlier this week" = Monday to the day before publication;
//!   "the weekend" / "last weekend" = the Saturday–Sunday whose Saturday is the last one strictly
//!   before publication; "recent days" = the seven days up to publication, "recent weeks" = 28.
//! - **Month and year words**: "last month", "this month", "earlier this month" have month
//!   precision; "this year", "last year" year precision. A bare month ("in July", "since
//!   August") is the latest such month not after the publication month; "last July" is the latest
//!   one strictly before it. "early / mid / late January" are days 1–10, 11–20 and 21–end.
//! - **Years** count only after a preposition ("in 2015", "since 1969", "until 2018") and not
//!   before a count noun ("in 2000 homes"); "the 2024 elections", "Resolution 2719", "Route 12"
//!   are not dates. A decade ("the 1980s") is the range 1980–1989 with year precision.
//! - **Numeric dates** ("04/02/2025") only when the order is unambiguous (one part above 12);
//!   "04/02/2025" could be 4 February or April 2 and gives nothing. ISO `2025-02-04` always.
//! - **Time of day never moves the date.** "2:00 a.m. on February 6" is one mention; a clock
//!   time alone ("at about 6:30 p.m.") takes the date of the nearest date in its sentence (the
//!   one before it first), else the last date before it, with `time` set ("18:30"); with no date
//!   to lean on it gives no entity. Parts of the day ("Monday night", "early Thursday morning")
//!   are kept in `time` as written ("night", "early morning"). "At dawn", "overnight" alone are
//!   not marked: they lean on a date that is marked anyway.
//! - **Spans** follow the coders' habit: prepositions stay out ("on Saturday" → "Saturday"),
//!   the words that change the value stay in ("last Thursday", "between January 29 and
//!   February 3", "early Thursday morning", "just two days after").

mod absolute;
mod anchored;
mod ranges;
mod relative;
mod time_of_day;

#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::context::Context;
use super::model::{DatePrecision, DateValue, Value};
use super::rule::{Found, Rule, RuleSet};
use super::text;

/// Shared sub-patterns for the date rules.
pub(crate) const FRAGMENTS: &[(&str, &str)] = &[
    (
        "month",
        r"(?:January|JANUARY|February|FEBRUARY|March|MARCH|April|APRIL|May|MAY|June|JUNE|July|JULY|August|AUGUST|September|SEPTEMBER|October|OCTOBER|November|NOVEMBER|December|DECEMBER)(?-u:\b)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)(?-u:\b)\.?",
    ),
    (
        "month_full",
        r"(?:January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)",
    ),
    (
        "weekday",
        r"(?:monday|Monday|MONDAY|tuesday|Tuesday|TUESDAY|wednesday|Wednesday|WEDNESDAY|thursday|Thursday|THURSDAY|friday|Friday|FRIDAY|saturday|Saturday|SATURDAY|sunday|Sunday|SUNDAY)(?-u:\b)",
    ),
    (
        "day",
        r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?-u:\b)",
    ),
    ("year", r"(?:1[89][0-9]{2}|20[0-9]{2})(?-u:\b)"),
    (
        "part_of_day",
        r"(?i:morning|afternoon|evening|night)(?-u:\b)",
    ),
    (
        "clock",
        r"(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5][0-9]))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|(?:a\.m|p\.m|am|pm)(?-u:\b)))|(?P<h24>[01]?[0-9]|2[0-3])[:h](?P<min24>[0-5][0-9])(?-u:\b)(?:\s*(?i:GMT|UTC|local\s+time|hours|hrs)(?-u:\b))?|(?P<named>(?i:midnight|noon)(?-u:\b))",
    ),
    (
        "count_noun",
        r"(?i:people|persons|civilians|soldiers|troops|fighters|militants|men|women|children|residents|homes|houses|families|households|refugees|km|kilometres|kilometers|metres|meters|miles|dollars|euros|head|cattle|vehicles|elections?|polls)(?-u:\b)",
    ),
    (
        "count",
        r"(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|[1-9][0-9]?)",
    ),
];

/// Every date rule, family by family (the order settles ties on the same span).
static LIST: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    [
        ranges::RULES,
        time_of_day::RULES,
        absolute::RULES,
        relative::RULES,
        anchored::RULES,
    ]
    .iter()
    .flat_map(|family| family.iter())
    .map(|r| Rule {
        name: r.name,
        kind: r.kind,
        pattern: r.pattern,
        produce: r.produce,
        examples: r.examples,
        counter_examples: r.counter_examples,
    })
    .collect()
});

/// The dates rules.
pub static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let list: &'static Vec<Rule> = &LIST;
    RuleSet::new(list.as_slice(), FRAGMENTS)
});

/// Finds dates in `text`: runs the rules, settles overlaps, then resolves the mentions that
/// lean on another date ("two days later", a lone "6:30 p.m.") in document order.
pub fn find(text: &str, ctx: &Context) -> Vec<Found> {
    let found = super::overlap::resolve(RULES.run(text, ctx));
    resolve_pending(text, found)
}

// ---------------------------------------------------------------------------------------------
// Pending values: produced by rules that need another date; never leave `find`.

/// Marks a value that shifts the previous date by a number of days (`start` = "~+2").
const SHIFT: char = '~';
/// Marks a clock time that takes the nearest date (`start` = "@").
const TIME_ONLY: &str = "@";

/// A value for "`days` days after (or before, if negative) the date just mentioned".
pub(crate) fn pending_shift(days: i64, time: Option<String>) -> Value {
    Value::Date(DateValue {
        start: format!("{SHIFT}{days:+}"),
        end: String::new(),
        precision: DatePrecision::Day,
        time,
    })
}

/// A value for a clock time with no date of its own.
pub(crate) fn pending_time(time: String) -> Value {
    Value::Date(DateValue {
        start: TIME_ONLY.to_string(),
        end: String::new(),
        precision: DatePrecision::Day,
        time: Some(time),
    })
}

fn date_of(f: &Found) -> Option<&DateValue> {
    match &f.value {
        Value::Date(d) => Some(d),
        _ => None,
    }
}

fn is_pending(d: &DateValue) -> bool {
    d.start.starts_with(SHIFT) || d.start == TIME_ONLY
}

/// A date another mention can lean on: a day or stretch of days, resolved or not (an
/// unresolved anchor leaves what leans on it unresolved).
fn is_anchor(d: &DateValue) -> bool {
    !is_pending(d) && matches!(d.precision, DatePrecision::Day | DatePrecision::Unresolved)
}

/// The value of a mention that needs the publication date when there is none: marked, not
/// resolved (see the module policies). `time`: its part of the day, kept as written.
pub(crate) fn unresolved(time: Option<String>) -> DateValue {
    DateValue {
        start: String::new(),
        end: String::new(),
        precision: DatePrecision::Unresolved,
        time,
    }
}

/// Resolves a relative mention against the publication date, or marks it [`unresolved`]
/// without one.
pub(crate) fn against_published(
    ctx: &Context,
    time: Option<String>,
    resolve: impl FnOnce(NaiveDate) -> Option<Value>,
) -> Option<Value> {
    match ctx.published {
        Some(p) => resolve(p),
        None => Some(Value::Date(unresolved(time))),
    }
}

fn resolve_pending(text: &str, mut found: Vec<Found>) -> Vec<Found> {
    if !found.iter().filter_map(date_of).any(is_pending) {
        return found;
    }
    let sentences = text::cached_sentences(text);
    let sentences = &sentences.1;
    let sentence_of = |pos: usize| {
        // Sentences are sorted and disjoint: the last one starting at or before `pos`.
        let i = sentences.partition_point(|&(s, _)| s <= pos);
        i.checked_sub(1)
            .and_then(|i| sentences.get(i))
            .filter(|&&(_, e)| pos < e)
            .copied()
            .unwrap_or((pos, pos))
    };
    let mut keep = vec![true; found.len()];
    for i in 0..found.len() {
        let Some(d) = date_of(&found[i]) else {
            continue;
        };
        if !is_pending(d) {
            continue;
        }
        // The last kept anchor before find `end`.
        let anchor_before = |end: usize| {
            (0..end)
                .rev()
                .find(|&j| keep[j] && date_of(&found[j]).is_some_and(is_anchor))
        };
        let previous = anchor_before(i);
        let resolved = if let Some(days) = d.start.strip_prefix(SHIFT) {
            let days: i64 = days.parse().unwrap_or(0);
            // "Gunmen killed 11 on Sunday, officials said on Monday. … Hours later, …" counts
            // from the event's day, not the day it was told (unless no other day is given).
            let mut event_day = previous;
            while let Some(j) = event_day.filter(|&j| said_on(text, found[j].start)) {
                event_day = anchor_before(j);
            }
            event_day
                .or(previous)
                .and_then(|j| date_of(&found[j]))
                .and_then(|a| match a.precision {
                    DatePrecision::Unresolved => Some(unresolved(d.time.clone())),
                    _ => shift(a, days, d.time.clone()),
                })
        } else {
            let (s, e) = sentence_of(found[i].start);
            let same_sentence = |j: &usize| {
                let f = &found[*j];
                f.start >= s && f.start < e && keep[*j] && date_of(f).is_some_and(is_anchor)
            };
            // Finds are sorted by start: stop at the end of the sentence. Not a day after a
            // verb of saying: "at around 10 p.m., …, an official told reporters on Sunday" is
            // when it was said.
            let next = (i + 1..found.len())
                .take_while(|&j| found[j].start < e)
                .find(same_sentence)
                .filter(|&j| {
                    !text
                        .get(found[i].end..found[j].start)
                        .is_some_and(tells_of_saying)
                });
            // Nor the day a verb of saying dates earlier in its sentence: "the commissioner
            // told reporters on Monday that the attackers struck at around 5 a.m." takes the
            // day told before, if any.
            let previous = match previous {
                Some(j) if same_sentence(&j) && said_on(text, found[j].start) => {
                    anchor_before(j).or(previous)
                }
                other => other,
            };
            let anchor = previous
                .filter(same_sentence)
                .or(next)
                .or(previous)
                .and_then(|j| date_of(&found[j]));
            anchor.map(|a| DateValue {
                time: d.time.clone(),
                ..a.clone()
            })
        };
        match resolved {
            Some(v) => found[i].value = Value::Date(v),
            None => keep[i] = false,
        }
    }
    let mut keep = keep.into_iter();
    found.retain(|_| keep.next().unwrap_or(false));
    found
}

/// Whether the day at byte `at` is told by a verb of saying in the four words before it, with
/// no clause break between: "said on Monday", "told reporters on Monday".
fn said_on(text: &str, at: usize) -> bool {
    let Some(head) = text.get(..at) else {
        return false;
    };
    for w in head.split_whitespace().rev().take(4) {
        if w.ends_with(['.', ',', ';', ':', '"', '\u{201d}']) {
            return false;
        }
        if tells_of_saying(w) {
            return true;
        }
    }
    false
}

/// Whether `between` holds a verb of saying ("said", "told reporters").
fn tells_of_saying(between: &str) -> bool {
    between
        .split(|c: char| !c.is_alphabetic())
        .any(|w| crate::saying::is_saying_verb(&w.to_ascii_lowercase()))
}

/// Moves a resolved day (or stretch) by `days`: forward from its end, back from its start.
fn shift(anchor: &DateValue, days: i64, time: Option<String>) -> Option<DateValue> {
    let from = if days >= 0 {
        &anchor.end
    } else {
        &anchor.start
    };
    let iso = if let Some(md) = from.strip_prefix("--") {
        // No year: count in a non-leap year unless the anchor is 29 February.
        let year = if md == "02-29" { 2000 } else { 2001 };
        let d = NaiveDate::parse_from_str(&format!("{year}-{md}"), "%Y-%m-%d").ok()?;
        let moved = d.checked_add_signed(Duration::days(days))?;
        if moved.year() != year {
            return None;
        }
        moved.format("--%m-%d").to_string()
    } else {
        let d = NaiveDate::parse_from_str(from, "%Y-%m-%d").ok()?;
        iso_day(d.checked_add_signed(Duration::days(days))?)
    };
    Some(DateValue {
        start: iso.clone(),
        end: iso,
        precision: DatePrecision::Day,
        time,
    })
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the rule families.

/// `YYYY-MM-DD`.
pub(crate) fn iso_day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A single-day value.
pub(crate) fn day(d: NaiveDate, time: Option<String>) -> Value {
    let s = iso_day(d);
    Value::Date(DateValue {
        start: s.clone(),
        end: s,
        precision: DatePrecision::Day,
        time,
    })
}

/// A stretch of days (`start` ≤ `end`), or `None` if reversed.
pub(crate) fn days(start: NaiveDate, end: NaiveDate) -> Option<Value> {
    (start <= end).then(|| {
        Value::Date(DateValue {
            start: iso_day(start),
            end: iso_day(end),
            precision: DatePrecision::Day,
            time: None,
        })
    })
}

/// A value from ISO strings.
pub(crate) fn value(start: String, end: String, precision: DatePrecision) -> Value {
    Value::Date(DateValue {
        start,
        end,
        precision,
        time: None,
    })
}

/// A whole month, month precision.
pub(crate) fn month(year: i32, month: u32) -> Option<Value> {
    (1..=12).contains(&month).then(|| {
        let s = format!("{year:04}-{month:02}");
        value(s.clone(), s, DatePrecision::Month)
    })
}

/// A whole year (or `first..=last` years), year precision.
pub(crate) fn years(first: i32, last: i32) -> Option<Value> {
    (first <= last).then(|| {
        value(
            format!("{first:04}"),
            format!("{last:04}"),
            DatePrecision::Year,
        )
    })
}

/// The months' names, lower-case.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The months' abbreviations, lower-case, "sept" too ("may" is a name already).
pub(crate) const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// The weekdays' names, lower-case.
pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month number from a month name or abbreviation ("Feb.", "SEPTEMBER").
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let key = lower.get(..3)?;
    NAMES
        .iter()
        .position(|&n| n == key)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Day number from "4", "04", "4th".
pub(crate) fn day_number(s: &str) -> Option<u32> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year.
pub(crate) fn year_number(s: &str) -> Option<i32> {
    s.get(..4)?.parse().ok()
}

/// Weekday from its English name (any case).
pub(crate) fn weekday_number(name: &str) -> Option<Weekday> {
    name.to_ascii_lowercase().get(..3)?.parse().ok()
}

/// Number from a count word ("two", "a", "12").
pub(crate) fn count_number(s: &str) -> Option<i64> {
    const WORDS: &[(&str, i64)] = &[
        ("a", 1),
        ("an", 1),
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("fifteen", 15),
        ("twenty", 20),
        ("thirty", 30),
    ];
    let lower = s.to_ascii_lowercase();
    WORDS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|&(_, n)| n)
        .or_else(|| lower.parse().ok())
}

/// A month-day in the latest year that puts it on or before `published`.
pub(crate) fn month_day_before(m: u32, d: u32, published: NaiveDate) -> Option<NaiveDate> {
    (0..8)
        .map(|back| published.year() - back)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .find(|&date| date <= published)
}

/// `--MM-DD` for a real month-day (29 February included).
pub(crate) fn no_year(m: u32, d: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(2000, m, d).map(|_| format!("--{m:02}-{d:02}"))
}

/// One month-day with an optional year, resolved per the policy above.
pub(crate) fn month_day_value(
    m: u32,
    d: u32,
    year: Option<i32>,
    ctx: &Context,
    time: Option<String>,
) -> Option<Value> {
    if let Some(y) = year {
        return NaiveDate::from_ymd_opt(y, m, d).map(|date| day(date, time));
    }
    if let Some(p) = ctx.published {
        return month_day_before(m, d, p).map(|date| day(date, time));
    }
    let s = no_year(m, d)?;
    Some(Value::Date(DateValue {
        start: s.clone(),
        end: s,
        precision: DatePrecision::Day,
        time,
    }))
}

/// The latest `wd` on or before `published` (`strictly`: before it).
pub(crate) fn weekday_before(wd: Weekday, published: NaiveDate, strictly: bool) -> NaiveDate {
    let back = (7 + published.weekday().num_days_from_monday() as i64
        - wd.num_days_from_monday() as i64)
        % 7;
    let back = if strictly && back == 0 { 7 } else { back };
    published - Duration::days(back)
}

/// The latest month `m` not after the publication month (`strictly`: before it).
pub(crate) fn month_before(m: u32, published: NaiveDate, strictly: bool) -> Option<Value> {
    let p = published.month();
    let year = if m < p || (m == p && !strictly) {
        published.year()
    } else {
        published.year() - 1
    };
    month(year, m)
}

/// Name of the capture group's text, or "".
pub(crate) fn group<'t>(c: &regex::Captures<'t>, name: &str) -> &'t str {
    c.name(name).map_or("", |m| m.as_str())
}
