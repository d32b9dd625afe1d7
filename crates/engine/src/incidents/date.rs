//! When an event happened.
//!
//! A date in an event sentence is the event's unless it says when something else happened: when
//! it was said ("officials said on Wednesday"), a visit ("the general visited the town on
//! February 5"), or an earlier turning point ("since the coup in July"). Among an incident's
//! event dates the most precise wins (a day over "earlier this week"); a summary sentence's date
//! ("officials said yesterday 22 people were killed in several attacks") dates the events it
//! sums up when they give none of their own.

use super::cues::*;
use super::doc::Doc;
use super::split::Mention;
use crate::model::{DatePrecision, DateValue, IncidentDate, Value};

fn value<'a>(doc: &Doc<'a>, i: usize) -> Option<&'a DateValue> {
    match &doc.ents[i].e.value {
        Value::Date(d) => Some(d),
        _ => None,
    }
}

/// Whether date entity `i` dates the event of its sentence.
pub fn is_event_date(doc: &Doc, i: usize) -> bool {
    let x = &doc.ents[i];
    let se = &doc.sents[x.sent];
    let Some(d) = value(doc, i) else {
        return false;
    };
    if d.start.is_empty() {
        return false;
    }
    let j = doc.word_at(x.start);
    // "since the army staged a coup in July": a date after "since" in its clause.
    let clause_start = doc
        .lower
        .get(se.start..x.start)
        .and_then(|s| s.rfind([',', ';', '(']).map(|k| se.start + k))
        .unwrap_or(se.start);
    let first = doc.word_at(clause_start).max(se.w0);
    // But "the deadliest since March, when 20 soldiers died": the "when" clause's event day.
    let when_after = doc
        .text
        .get(x.end..se.end)
        .is_some_and(|t| t.trim_start_matches([',', ' ']).starts_with("when "));
    // Nor "41 dead since Thursday": days up to the report, this event's own stretch.
    let since_a_day = d.precision == DatePrecision::Day && j > se.w0 && doc.w(j - 1) == "since";
    if (first..j).any(|k| doc.w(k) == "since") && !when_after && !since_a_day {
        return false;
    }
    // "…, who have carried out a series of bombings this year": background.
    if super::split::in_trend_relative(doc, x.sent, j) {
        return false;
    }
    // A date in brackets is a dateline or an aside: "(Agency - 13th Oct, 2021)".
    let head = doc.text.get(se.start..x.start).unwrap_or("");
    if head.matches('(').count() > head.matches(')').count() {
        return false;
    }
    // The story's dateline: "MOGADISHU, March 3 (Agency) -", "BENI, DR Congo, June 12 -" or
    // "Ouagadougou, 5 March 2024 (AFP) -" dates the report, not the event.
    let first_word = head.split(',').next().unwrap_or("");
    let tail: String = doc
        .text
        .get(x.end..se.end)
        .unwrap_or("")
        .chars()
        .take(40)
        .collect();
    if head.trim_end().ends_with(',')
        && head.len() < 60
        && (super::location::is_all_caps(first_word)
            || super::location::is_agency_dateline(&tail)
            || super::location::dash_follows(&tail))
    {
        return false;
    }
    // "The toll rose to 20 on Monday": the day of the count, not of the event. The verb must
    // tell of a count ("the toll", "deaths"): "as it reached the village the following day"
    // dates the event.
    let count_noun = |w: &str| {
        matches!(
            w,
            "toll"
                | "tolls"
                | "tally"
                | "number"
                | "figure"
                | "count"
                | "casualties"
                | "deaths"
                | "dead"
                | "fatalities"
        )
    };
    if (se.w0..j).any(|k| {
        is_revision_verb(doc.w(k))
            && (k.saturating_sub(5).max(se.w0)..k).any(|q| count_noun(doc.w(q)))
    }) {
        return false;
    }
    // "Five traders were still unaccounted for on Sunday", "two remained in hospital on
    // Monday": the day of a state, not of the event.
    if (first..j).any(|k| matches!(doc.w(k), "still" | "remain" | "remains" | "remained")) {
        return false;
    }
    // "IS claimed responsibility for the attack through its news agency on Thursday": the
    // claim's day; but "… for the attack on Monday" dates the attack.
    let claims = (se.w0..j).any(|k| {
        matches!(doc.w(k), "claimed" | "claiming" | "claims" | "claim")
            && k + 1 < se.w1
            && matches!(doc.w(k + 1), "responsibility" | "credit")
    });
    // "… for Tuesday's attack" dates the attack too.
    let possessive_event = {
        let after = doc.lower.get(x.end..se.end).unwrap_or("");
        (after.starts_with("'s ") || after.starts_with("\u{2019}s "))
            && (j + 1..se.w1.min(j + 4)).any(|k| is_event_noun(doc.w(k)))
    };
    if claims
        && !possessive_event
        && !(j.saturating_sub(3).max(se.w0)..j).any(|k| is_event_noun(doc.w(k)))
    {
        return false;
    }
    // "… in reprisal for the killing of some bandits last week": the day of the deed avenged.
    if (first..j).any(|k| matches!(doc.w(k), "reprisal" | "retaliation" | "revenge" | "avenge")) {
        return false;
    }
    for k in (first..j).rev().take(6) {
        let w = doc.w(k);
        // "He said that on 4 June, troops engaged …": the day is in what was said.
        if w == "that" {
            break;
        }
        if is_speech_word(w) {
            return false;
        }
        if is_occurrence_word(w) {
            return true;
        }
    }
    true
}

/// Whether date entity `i` names a day (or a few days).
pub fn is_day(doc: &Doc, i: usize) -> bool {
    value(doc, i).is_some_and(|d| d.precision == DatePrecision::Day)
}

/// Whether date entity `i` ends two calendar months or more before publication ("the October
/// 7 attack" in a July story): a past event's day.
pub fn long_before_published(doc: &Doc, i: usize) -> bool {
    let (Some(d), Some(p)) = (value(doc, i), doc.published) else {
        return false;
    };
    use chrono::Datelike;
    let published = i64::from(p.year()) * 12 + i64::from(p.month());
    month_number(&bounds(d).1).is_some_and(|end| published - end >= 2)
}

/// Whether date entity `i` spans more than two months: a period ("2011 to 2014", "last
/// year"), not an event's day.
pub fn is_long_span(doc: &Doc, i: usize) -> bool {
    let Some(d) = value(doc, i) else {
        return false;
    };
    let (s, e) = bounds(d);
    match (month_number(&s), month_number(&e)) {
        (Some(a), Some(b)) => b - a >= 2,
        _ => false,
    }
}

/// Months since year 0 of an ISO date ("2025-02-04" → 2025 × 12 + 2); `None` with no year.
fn month_number(x: &str) -> Option<i64> {
    let y: i64 = x.get(0..4)?.parse().ok()?;
    let m: i64 = x.get(5..7)?.parse().ok()?;
    Some(y * 12 + m)
}

/// Comparable first and last day: "2025" → 2025-01-01 … 2025-12-31, "--02-04" stays.
fn bounds(d: &DateValue) -> (String, String) {
    fn pad(x: &str, last: bool) -> String {
        match x.len() {
            _ if x.starts_with("--") => x.to_string(),
            4 => format!("{x}-{}", if last { "12-31" } else { "01-01" }),
            7 => format!("{x}-{}", if last { "31" } else { "01" }),
            _ => x.to_string(),
        }
    }
    let end = if d.end.is_empty() { &d.start } else { &d.end };
    (pad(&d.start, false), pad(end, true))
}

/// Whether two dates can be the same event's: their stretches overlap. A date with no year
/// ("--02-04") is compared by month and day.
pub fn compatible(doc: &Doc, a: usize, b: usize) -> bool {
    let (Some(x), Some(y)) = (value(doc, a), value(doc, b)) else {
        return true;
    };
    let (mut xs, mut xe) = bounds(x);
    let (mut ys, mut ye) = bounds(y);
    if xs.starts_with("--") != ys.starts_with("--") {
        let md = |s: &str| match s.strip_prefix("--") {
            Some(md) => md.to_string(),
            None => s.get(5..).unwrap_or("").to_string(),
        };
        xs = md(&xs);
        xe = md(&xe);
        ys = md(&ys);
        ye = md(&ye);
    }
    xs <= ye && ys <= xe
}

/// The more precise of two dates: a day over a month, a short stretch over a long one.
pub fn finer(doc: &Doc, a: usize, b: usize) -> usize {
    let span = |i: usize| {
        value(doc, i).map_or(u8::MAX, |d| match d.precision {
            DatePrecision::Day if d.start == d.end => 0,
            DatePrecision::Day => 1,
            DatePrecision::Month => 2,
            DatePrecision::Year => 3,
            // Never here: `Doc` leaves unresolved dates out.
            DatePrecision::Unresolved => u8::MAX,
        })
    };
    if span(b) < span(a) {
        b
    } else {
        a
    }
}

/// The incident's date: its own, else the summary date it falls under.
pub fn incident_date(
    doc: &Doc,
    ms: &[&Mention],
    draft: &super::cluster::Draft,
    evidence: &mut Vec<usize>,
) -> Option<IncidentDate> {
    let i = draft.date.or(draft.ambient_date)?;
    let d = value(doc, i)?;
    evidence.push(i);
    let _ = ms;
    Some(IncidentDate {
        start: d.start.clone(),
        end: if d.end.is_empty() {
            d.start.clone()
        } else {
            d.end.clone()
        },
        precision: d.precision,
    })
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;

    #[test]
    fn event_dates_and_other_dates() {
        // (sentence, date words, is the event's date)
        let table: &[(&str, &str, bool)] = &[
            ("Gunmen killed five people on Monday.", "Monday", true),
            (
                "Five people were killed, officials said on Wednesday.",
                "Wednesday",
                false,
            ),
            ("Ten died, security sources said Sunday.", "Sunday", false),
            (
                "The general visited Tera on March 5 after the raid.",
                "March 5",
                false,
            ),
            (
                "It was the worst attack since the coup in July.",
                "July",
                false,
            ),
            (
                "It is the deadliest attack since March, when 20 soldiers died near Intikan.",
                "March",
                true,
            ),
            (
                "Officials said the attack happened on Friday.",
                "Friday",
                true,
            ),
            ("On May 3, gunmen stormed the camp.", "May 3", true),
            (
                "KIDAL, May 3 (Agency) - Gunmen stormed the camp on Friday.",
                "May 3",
                false,
            ),
            ("KIDAL - On May 3, gunmen stormed the camp.", "May 3", true),
            (
                "GAO, Mali, May 3 (Agency) - Gunmen stormed the camp.",
                "May 3",
                false,
            ),
            (
                "Gao, 3 May 2024 (Agency) - Gunmen stormed the camp.",
                "3 May 2024",
                false,
            ),
            (
                "The toll rose to 20 on Monday after more bodies were found.",
                "Monday",
                false,
            ),
            // A claim's day, unless the date is the attack's.
            (
                "The group claimed responsibility for the attack through its news agency on Thursday.",
                "Thursday",
                false,
            ),
            (
                "The group claimed responsibility for the attack on Monday that killed 12.",
                "Monday",
                true,
            ),
        ];
        for &(s, words, want) in table {
            let ents = vec![date(s, words, "2024-05-03", "2024-05-03")];
            let c = ctx_none();
            let doc = Doc::new(s, &ents, &c);
            assert_eq!(is_event_date(&doc, 0), want, "{s}");
        }
    }

    #[test]
    fn overlap_and_precision() {
        let s = "a b c d e";
        let ents = vec![
            date(s, "a", "2024-07", "2024-07"),
            date(s, "b", "2024-07-08", "2024-07-08"),
            date(s, "c", "--07-08", "--07-08"),
            date(s, "d", "2011-01", "2014-12"),
            date(s, "e", "2024", "2024"),
        ];
        let c = ctx_none();
        let doc = Doc::new(s, &ents, &c);
        assert!(compatible(&doc, 0, 1));
        assert!(compatible(&doc, 1, 2));
        assert!(!compatible(&doc, 1, 3));
        assert_eq!(finer(&doc, 0, 1), 1);
        assert!(is_long_span(&doc, 3));
        assert!(is_long_span(&doc, 4), "a year");
        assert!(!is_long_span(&doc, 0), "a month");
        assert!(!is_long_span(&doc, 1));
        assert!(!is_long_span(&doc, 2));
    }
}
