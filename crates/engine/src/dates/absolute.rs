//! Absolute dates: the text names the day, month or year.

use chrono::NaiveDate;
use regex::Captures;

use super::{
    day, day_number, group, month_before, month_day_value, month_number, year_number, years,
};
use crate::context::Context;
use crate::model::{Kind, Value};
use crate::rule::Rule;

pub(super) const RULES: &[Rule] = &[
    Rule {
        name: "month_day_year",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?:{weekday},?\s+)?(?P<m>{month})\s+(?P<d>{day})(?:,?\s+(?P<y>{year}))?",
        produce: month_day,
        examples: &[
            "Gunmen attacked the post on February 4.",
            "The convoy was ambushed on Feb. 4 near the border.",
            "It happened on Feb 4th, officials said.",
            "The raid took place on Friday, February 7, 2025.",
            "The army said on Sunday August 2nd 2020 that the camp was retaken.",
        ],
        counter_examples: &[
            "Protesters march 4 kilometres to the square.",
            "Fighters may 4 times a year cross the river.",
            "The 2024 elections were postponed.",
        ],
    },
    Rule {
        name: "month_weekday_day_year",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?P<m>{month}),?\s+{weekday}\s+(?P<d>{day}),?\s+(?P<y>{year})",
        produce: month_day,
        examples: &["Published September, Friday 20, 2024 by the desk."],
        counter_examples: &["September was the deadliest month in 2024."],
    },
    Rule {
        name: "day_month_year",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?:the\s+)?(?P<span>(?:{weekday},?\s+)?(?P<d>{day})(?:\s+of)?\s+(?P<m>{month})(?:,?\s+(?P<y>{year}))?)",
        produce: month_day,
        examples: &[
            "Militants stormed the town on 4 February 2025.",
            "The base fell on the 13th of October.",
            "Officials met on Friday 7 February to discuss the attack.",
            "Dateline: 13th Oct, 2021.",
        ],
        counter_examples: &[
            "Some 4 marchers were hurt.",
            "He spent 12 months in detention.",
        ],
    },
    Rule {
        name: "month_year",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?P<m>{month}),?\s+(?P<y>{year})",
        produce: month_year,
        examples: &[
            "The junta seized power in July 2023.",
            "Clashes continued through February, 2025.",
        ],
        counter_examples: &[
            "Troops may 2023 soldiers deploy?",
            "In July, the army withdrew.",
        ],
    },
    Rule {
        name: "iso_date",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?P<y>[12][0-9]{3})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9])(?:[T ](?P<h>[01][0-9]|2[0-3]):(?P<min>[0-5][0-9])(?::[0-5][0-9])?)?(?-u:\b)",
        produce: iso_date,
        examples: &[
            "Report filed 2025-02-04 by the monitor.",
            "Updated 2024-09-03 19:15:11 GMT.",
        ],
        counter_examples: &[
            "Call 2025-13-45 for details.",
            "Reference 12-02-2025 was cited.",
        ],
    },
    Rule {
        name: "numeric_date_unambiguous",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?P<a>[0-3]?[0-9])[/.](?P<b>[0-3]?[0-9])[/.](?P<y>(?:19|20)[0-9]{2})(?-u:\b)",
        produce: numeric_date,
        examples: &[
            "The attack on 25/01/2025 killed five.",
            "Reported 12/25/2024 by the agency.",
        ],
        counter_examples: &[
            "The attack on 04/02/2025 killed five.",
            "Version 1.2.2025 was released.",
        ],
    },
    Rule {
        name: "year_after_preposition",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?:in|In|IN|since|Since|SINCE|from|From|FROM|until|Until|UNTIL|till|Till|TILL|before|Before|BEFORE|after|After|AFTER|during|During|DURING|throughout|Throughout|THROUGHOUT|around|Around|AROUND|circa|Circa|CIRCA|early|Early|EARLY|late|Late|LATE|mid-?|Mid-?)\s+(?P<span>(?P<y>{year}))(?P<count>\s+{count_noun})?",
        produce: year_after_preposition,
        examples: &[
            "The insurgency began in 2015.",
            "Rebels have fought the army since 1969.",
            "In 2011 a tourist was kidnapped.",
        ],
        counter_examples: &[
            "The 2024 elections were delayed.",
            "Resolution 2719 was adopted.",
            "Route 12 was closed.",
            "Aid reached the camp in 2000 households.",
        ],
    },
    Rule {
        name: "decade",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?P<y>(?:1[89]|20)[0-9]0)s(?-u:\b)",
        produce: decade,
        examples: &["The group peaked in the 1980s."],
        counter_examples: &["About 1980 soldiers were deployed."],
    },
    Rule {
        name: "part_of_month",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?P<part>(?i:early|mid|late))[- ](?P<m>{month_full})(?:,?\s+(?P<y>{year}))?",
        produce: part_of_month,
        examples: &[
            "Fighting resumed in late January.",
            "The offensive began in mid-March 2024.",
        ],
        counter_examples: &["He arrived late for the meeting in March."],
    },
    Rule {
        name: "month_after_preposition",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?:in|In|IN|since|Since|SINCE|from|From|FROM|until|Until|UNTIL|till|Till|TILL|by|By|BY|during|During|DURING|throughout|Throughout|THROUGHOUT|before|Before|BEFORE|after|After|AFTER|of|Of|OF)\s+(?P<span>(?P<m>{month_full}))",
        produce: month_after_preposition,
        examples: &[
            "Murders fell in August.",
            "Since July, attacks have doubled.",
        ],
        counter_examples: &[
            "The rebels may attack again.",
            "Thousands of protesters march in the capital.",
            "Local leader May Ahmed was abducted.",
        ],
    },
];

fn month_day(c: &Captures, ctx: &Context) -> Option<Value> {
    let m = month_number(group(c, "m"))?;
    let d = day_number(group(c, "d"))?;
    let y = c.name("y").and_then(|y| year_number(y.as_str()));
    month_day_value(m, d, y, ctx, None)
}

fn month_year(c: &Captures, _: &Context) -> Option<Value> {
    let m = month_number(group(c, "m"))?;
    let y = year_number(group(c, "y"))?;
    super::month(y, m)
}

fn iso_date(c: &Captures, _: &Context) -> Option<Value> {
    let date = NaiveDate::parse_from_str(
        &format!("{}-{}-{}", group(c, "y"), group(c, "m"), group(c, "d")),
        "%Y-%m-%d",
    )
    .ok()?;
    let time = c
        .name("h")
        .map(|h| format!("{}:{}", h.as_str(), group(c, "min")));
    Some(day(date, time))
}

/// Day/month/year or month/day/year, only when one part is above 12 (or both are equal).
fn numeric_date(c: &Captures, _: &Context) -> Option<Value> {
    let a: u32 = group(c, "a").parse().ok()?;
    let b: u32 = group(c, "b").parse().ok()?;
    let y: i32 = group(c, "y").parse().ok()?;
    let (m, d) = if a > 12 && b <= 12 {
        (b, a)
    } else if b > 12 && a <= 12 || a == b {
        (a, b)
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(y, m, d).map(|date| day(date, None))
}

fn year_after_preposition(c: &Captures, _: &Context) -> Option<Value> {
    if c.name("count").is_some() {
        return None;
    }
    let y = year_number(group(c, "y"))?;
    years(y, y)
}

fn decade(c: &Captures, _: &Context) -> Option<Value> {
    let y = year_number(group(c, "y"))?;
    years(y, y + 9)
}

/// "early / mid / late January": days 1–10, 11–20, 21–end.
fn part_of_month(c: &Captures, ctx: &Context) -> Option<Value> {
    let m = month_number(group(c, "m"))?;
    let y = match (c.name("y"), ctx.published) {
        (Some(y), _) => year_number(y.as_str())?,
        (None, Some(p)) => match month_before(m, p, false)? {
            Value::Date(d) => year_number(&d.start)?,
            _ => return None,
        },
        (None, None) => return Some(Value::Date(super::unresolved(None))),
    };
    let last = (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(y, m, d).is_some())?;
    let (first, end) = match group(c, "part").to_ascii_lowercase().as_str() {
        "early" => (1, 10),
        "mid" => (11, 20),
        _ => (21, last),
    };
    super::days(
        NaiveDate::from_ymd_opt(y, m, first)?,
        NaiveDate::from_ymd_opt(y, m, end)?,
    )
}

fn month_after_preposition(c: &Captures, ctx: &Context) -> Option<Value> {
    let m = month_number(group(c, "m"))?;
    super::against_published(ctx, None, |p| month_before(m, p, false))
}
