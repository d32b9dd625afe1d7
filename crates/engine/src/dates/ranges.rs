//! Stretches of days, months or years: one entity with a start and an end.

use chrono::{Datelike, NaiveDate};
use regex::Captures;

use super::{
    day_number, days, group, month_day_before, month_number, no_year, value, weekday_before,
    weekday_number, year_number, years,
};
use crate::context::Context;
use crate::model::{DatePrecision, Kind, Value};
use crate::rule::Rule;

pub(super) const RULES: &[Rule] = &[
    Rule {
        name: "between_month_days",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?i:between|from)\s+(?P<m1>{month})\s+(?P<d1>{day})\s*(?:(?i:and|to|until|till|through)\s+|[-–]\s*)(?:(?P<m2>{month})\s+)?(?P<d2>{day})(?:,?\s+(?P<y>{year}))?",
        produce: month_day_range,
        examples: &[
            "Attacks hit the region between January 29 and February 3.",
            "The curfew ran from March 3 to 5, 2024.",
        ],
        counter_examples: &["Between the two towns, 29 people died."],
    },
    Rule {
        name: "month_day_span",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?P<m1>{month})\s+(?P<d1>{day})\s*[-–]\s*(?P<d2>{day})(?:,?\s+(?P<y>{year}))?",
        produce: month_day_range,
        examples: &["Fighting raged on March 3-5 near the dam."],
        counter_examples: &["The score was March 3 and then 5."],
    },
    Rule {
        name: "day_span_month",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?:(?i:between|from)\s+)?(?P<d1>{day})(?:\s+(?P<m1>{month}))?\s*(?:(?i:and|to|until|till)\s+|[-–]\s*)(?P<d2>{day})\s+(?P<m2>{month})(?:,?\s+(?P<y>{year}))?",
        produce: month_day_range,
        examples: &[
            "The offensive lasted from 3 to 5 March.",
            "Talks were held 28 February - 2 March 2025.",
        ],
        counter_examples: &["Between 3 and 5 soldiers died in March."],
    },
    Rule {
        name: "between_weekdays",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?i:between|from)\s+(?P<wd1>{weekday})\s+(?i:and|to|until|till|through)\s+(?P<wd2>{weekday})(?-u:\b)",
        produce: weekday_range,
        examples: &["Rebels ambushed the convoy between Thursday and Saturday."],
        counter_examples: &["Markets open from Monday to Friday every week."],
    },
    Rule {
        name: "between_months",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?i:between|from)\s+(?P<m1>{month_full})(?:,?\s+(?P<y1>{year}))?\s+(?i:and|to|until|till|through)\s+(?P<m2>{month_full}),?\s+(?P<y2>{year})",
        produce: month_range,
        examples: &["Police counted the widows between June 2011 and May 2019."],
        counter_examples: &["Between June and the rains, 2019 cattle died."],
    },
    Rule {
        name: "between_years",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?i:between|from)\s+(?P<y1>{year})\s*(?:(?i:and|to|until|till|through)\s+|[-–]\s*)(?P<y2>{year})(?P<count>\s+{count_noun})?",
        produce: year_range,
        examples: &[
            "Attacks grew between 2014 and 2018.",
            "From 2012 to 2015 the north was held by rebels.",
        ],
        counter_examples: &["Between 1990 and 2010 people fled the camp."],
    },
];

fn month_day_range(c: &Captures, ctx: &Context) -> Option<Value> {
    let d1 = day_number(group(c, "d1"))?;
    let d2 = day_number(group(c, "d2"))?;
    let m2 = c
        .name("m2")
        .and_then(|m| month_number(m.as_str()))
        .or_else(|| c.name("m1").and_then(|m| month_number(m.as_str())))?;
    let m1 = c
        .name("m1")
        .and_then(|m| month_number(m.as_str()))
        .unwrap_or(m2);
    let year = c.name("y").and_then(|y| year_number(y.as_str()));
    let end = match (year, ctx.published) {
        (Some(y), _) => NaiveDate::from_ymd_opt(y, m2, d2)?,
        (None, Some(p)) => month_day_before(m2, d2, p)?,
        (None, None) => {
            // No year: `--MM-DD` .. `--MM-DD`, in order within the calendar year or across it.
            let (s, e) = (no_year(m1, d1)?, no_year(m2, d2)?);
            if (m1, d1) == (m2, d2) {
                return None;
            }
            return Some(value(s, e, DatePrecision::Day));
        }
    };
    let start = NaiveDate::from_ymd_opt(end.year(), m1, d1)
        .filter(|&s| s < end)
        .or_else(|| NaiveDate::from_ymd_opt(end.year() - 1, m1, d1))?;
    days(start, end).filter(|_| start != end)
}

fn month_range(c: &Captures, _: &Context) -> Option<Value> {
    let m1 = month_number(group(c, "m1"))?;
    let m2 = month_number(group(c, "m2"))?;
    let y2 = year_number(group(c, "y2"))?;
    let y1 = match c.name("y1") {
        Some(y) => year_number(y.as_str())?,
        None if m1 <= m2 => y2,
        None => y2 - 1,
    };
    ((y1, m1) < (y2, m2)).then(|| {
        value(
            format!("{y1:04}-{m1:02}"),
            format!("{y2:04}-{m2:02}"),
            DatePrecision::Month,
        )
    })
}

fn year_range(c: &Captures, _: &Context) -> Option<Value> {
    if c.name("count").is_some() {
        return None;
    }
    let y1 = year_number(group(c, "y1"))?;
    let y2 = year_number(group(c, "y2"))?;
    // "between 2000 and 3000 people" is a count: 3000 is not a year; a real span is short.
    (y1 < y2 && y2 - y1 <= 60).then_some(())?;
    years(y1, y2)
}

/// "between Thursday and Saturday": the latest such days on or before publication, the first
/// before the second; no date without a publication date (a bare weekday gives none). Not the
/// working week ("from Monday to Friday").
fn weekday_range(c: &Captures, ctx: &Context) -> Option<Value> {
    let wd1 = weekday_number(group(c, "wd1"))?;
    let wd2 = weekday_number(group(c, "wd2"))?;
    if (wd1, wd2) == (chrono::Weekday::Mon, chrono::Weekday::Fri) {
        return None;
    }
    let p = ctx.published?;
    let end = weekday_before(wd2, p, false);
    let back =
        (7 + end.weekday().num_days_from_monday() as i64 - wd1.num_days_from_monday() as i64) % 7;
    let start = end - chrono::Duration::days(back);
    days(start, end).filter(|_| start != end)
}
