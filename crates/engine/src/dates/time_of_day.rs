//! Clock times. A time never moves the date: "2:00 a.m. on February 6" is 6 February at 02:00;
//! a time alone takes the nearest date (resolved in [`super::find`]).

use regex::Captures;

use super::{day, day_number, group, month_day_value, month_number, pending_time, year_number};
use crate::context::Context;
use crate::model::{Kind, Value};
use crate::rule::Rule;

pub(super) const RULES: &[Rule] = &[
    Rule {
        name: "clock_time_on_month_day",
        kind: Kind::Date,
        pattern: r"(?-u:\b){clock}\s+(?:(?i:on)\s+)?(?:{weekday},?\s+)?(?P<m>{month})\s+(?P<d>{day})(?:,?\s+(?P<y>{year}))?",
        produce: clock_time_on_month_day,
        examples: &[
            "The post was hit at about 2:00 a.m. on February 6.",
            "Shelling began at 23:15 on Feb. 6, 2025.",
        ],
        counter_examples: &["Room 2 on February 6 was closed."],
    },
    Rule {
        name: "clock_time_on_weekday",
        kind: Kind::Date,
        pattern: r"(?-u:\b){clock}\s+(?:(?i:on)\s+)?(?P<wd>{weekday})",
        produce: clock_time_on_weekday,
        examples: &["Gunmen opened fire at 6 p.m. on Tuesday."],
        counter_examples: &["Flight 6 on Tuesday was cancelled."],
    },
    Rule {
        name: "clock_time",
        kind: Kind::Date,
        pattern: r"(?-u:\b){clock}",
        produce: clock_time,
        examples: &[
            "The attack began at approximately 6:30 p.m. in the region.",
            "Explosions were heard around midnight.",
        ],
        counter_examples: &["The convoy carried 630 people.", "Scores rose 2.5 percent."],
    },
];

/// "6:30 p.m." → "18:30"; "midnight" → "00:00".
fn clock(c: &Captures) -> Option<String> {
    if let Some(named) = c.name("named") {
        return Some(if named.as_str().eq_ignore_ascii_case("noon") {
            "12:00".to_string()
        } else {
            "00:00".to_string()
        });
    }
    let (h, min) = match c.name("h") {
        Some(h) => (h.as_str(), group(c, "min")),
        None => (group(c, "h24"), group(c, "min24")),
    };
    let mut hour: u32 = h.parse().ok()?;
    let minute: u32 = if min.is_empty() { 0 } else { min.parse().ok()? };
    let ap = group(c, "ap").to_ascii_lowercase();
    if ap.starts_with('p') && hour < 12 {
        hour += 12;
    } else if ap.starts_with('a') && hour == 12 {
        hour = 0;
    }
    (hour < 24 && minute < 60 && (ap.is_empty() || (1..=12).contains(&h.parse::<u32>().ok()?)))
        .then(|| format!("{hour:02}:{minute:02}"))
}

fn clock_time_on_month_day(c: &Captures, ctx: &Context) -> Option<Value> {
    let m = month_number(group(c, "m"))?;
    let d = day_number(group(c, "d"))?;
    let y = c.name("y").and_then(|y| year_number(y.as_str()));
    month_day_value(m, d, y, ctx, Some(clock(c)?))
}

fn clock_time_on_weekday(c: &Captures, ctx: &Context) -> Option<Value> {
    let wd = super::weekday_number(group(c, "wd"))?;
    let time = Some(clock(c)?);
    super::against_published(ctx, time.clone(), |p| {
        Some(day(super::weekday_before(wd, p, false), time))
    })
}

fn clock_time(c: &Captures, _: &Context) -> Option<Value> {
    clock(c).map(pending_time)
}
