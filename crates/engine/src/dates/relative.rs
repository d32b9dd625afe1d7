//! Relative dates: resolved against the publication date ([`Context::published`]); without
//! one they are marked unresolved (see the module policies).

use chrono::{Datelike, Duration, NaiveDate};
use regex::Captures;

use super::{
    against_published, count_number, day, day_number, days, group, month, month_before,
    month_day_value, month_number, weekday_before, weekday_number, year_number,
};
use crate::context::Context;
use crate::model::{Kind, Value};
use crate::rule::Rule;

pub(super) const RULES: &[Rule] = &[
    Rule {
        name: "weekday",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?P<pre>(?i:on|since|until|by|from|before|after|said|says|told|reported|announced|confirmed|added|and|or)\s+)?(?P<ahead>(?i:next|coming|every|each|the\s+following|the\s+previous|the\s+preceding)\s+)?(?P<span>(?P<early>(?i:early|late)\s+)?(?:(?P<last>(?i:last|this\s+past|past))\s+)?(?P<wd>{weekday})(?:\s+(?P<part>{part_of_day}))?)(?P<name>\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Tribune|Standard|Observer|Independent|Mail|Nation|Sun|Star|Vision|Magazine|Edition|School|Mass|Service))?(?P<cap>[ \t]+\p{Lu}\p{Ll}+)?",
        produce: weekday,
        examples: &[
            "Gunmen attacked the village on Tuesday.",
            "The raid began Monday night, residents said.",
            "Last Thursday, militants overran the post.",
            "The strike hit early Thursday morning.",
            "The army said Sunday that five soldiers died.",
            "Mourning was declared following Monday night's attack.",
            "Police said Monday Islamist fighters had attacked the post.",
            "The strike hit on Sunday Kanan village, residents said.",
            "Clashes have left 41 people dead since Thursday.",
        ],
        counter_examples: &[
            "The talks resume next Monday.",
            "Markets close every Friday.",
            "They returned the following Monday.",
            "The Sunday Times reported the raid.",
            "Traders meet on Mondays.",
            "council chairman Monday Kassah told reporters",
        ],
    },
    Rule {
        name: "night_of_weekdays",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?i:the\s+night\s+(?:of|from|between)|overnight\s+(?:from\s+|between\s+)?)\s*(?P<wd1>{weekday})(?:\s+(?P<d1>{day}))?(?:\s+(?P<m1>{month}))?\s+(?i:to|and|into)\s+(?P<wd2>{weekday})(?:\s+(?P<d2>{day}))?(?:\s+(?P<m2>{month}))?(?:,?\s+(?P<y>{year}))?",
        produce: night_of_weekdays,
        examples: &[
            "Gunmen attacked the post in the night of Thursday to Friday.",
            "The camp was shelled overnight from Saturday to Sunday.",
            "Troops were attacked during the night of Saturday 8 to Sunday 9 March.",
        ],
        counter_examples: &[
            "The roads were closed from Thursday to Friday.",
            "Patrols ran every night of the week.",
        ],
    },
    Rule {
        name: "yesterday_today",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?P<pre>[A-Z][A-Za-z]*[ \t]+)?(?P<span>(?P<w>(?:yesterday|Yesterday|YESTERDAY|today|Today|TODAY|tonight|Tonight|TONIGHT)|(?:Last|last|LAST)\s+(?i:night)|(?:This|this|THIS)\s+(?i:morning|afternoon|evening))(?:\s+(?P<part>{part_of_day}))?)(?-u:\b)",
        produce: yesterday_today,
        examples: &[
            "Two soldiers were killed yesterday.",
            "Yesterday morning, gunmen struck a church.",
            "Fighting continued last night near the airport.",
        ],
        counter_examples: &[
            "According to USA Today the figures are disputed.",
            "The yesterdays of the war are gone.",
        ],
    },
    Rule {
        name: "last_week_month_year",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?i:last)\s+(?P<unit>(?i:week|month|year))(?-u:\b)",
        produce: last_unit,
        examples: &[
            "Soldiers were killed last month in another ambush.",
            "Last week, the envoy left the country.",
            "The camp was attacked last year.",
        ],
        counter_examples: &[
            "He spent the last months of the war in hiding.",
            "The last weekend of the festival was calm.",
        ],
    },
    Rule {
        name: "this_week_month_year",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?:(?P<when>(?i:earlier|later))\s+)?(?:this|This|THIS)\s+(?P<unit>(?i:week|month|year))(?-u:\b)",
        produce: this_unit,
        examples: &[
            "Earlier this month, the army formed a pact.",
            "Villagers were killed earlier this week.",
            "Tourists returned this year.",
        ],
        counter_examples: &[
            "This weekly report covers the region.",
            "At this stage the toll is unclear.",
        ],
    },
    Rule {
        name: "recent_days",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?i:recent)\s+(?P<unit>(?i:days|weeks))(?-u:\b)",
        produce: recent,
        examples: &["In recent days, the rebels blew up a pipeline."],
        counter_examples: &["Attacks have risen in recent years."],
    },
    Rule {
        name: "units_ago",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?:(?i:just|only|barely|nearly|almost|about|some|more\s+than|less\s+than)\s+)?(?P<n>{count})\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)(?-u:\b)",
        produce: units_ago,
        examples: &[
            "Two weeks ago, three soldiers were killed at a checkpoint.",
            "The village was raided three days ago.",
            "A month ago, gunmen abducted 20 students.",
            "The base was overrun two years ago.",
        ],
        counter_examples: &[
            "The group was founded years ago.",
            "The siege lasted two weeks.",
            "Two weeks later, the army withdrew.",
        ],
    },
    Rule {
        name: "weekend",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?i:the|this|last|past)\s+(?i:weekend)(?-u:\b)",
        produce: weekend,
        examples: &[
            "Seven people were killed during the weekend.",
            "Over the weekend, bandits raided two villages.",
        ],
        counter_examples: &["Weekend markets were closed.", "The weekends are quiet."],
    },
    Rule {
        name: "last_month_name",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?i:last)\s+(?P<m>{month_full})",
        produce: last_month_name,
        examples: &[
            "Last May, the group set conditions for talks.",
            "The council seized power in a coup last July.",
        ],
        counter_examples: &[
            "The last march ended peacefully.",
            "Last, the army withdrew.",
        ],
    },
    Rule {
        name: "month_of_last_year",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?P<m>{month_full})\s+(?:of\s+)?(?P<which>(?i:last|this|next))\s+(?i:year)(?-u:\b)",
        produce: month_of_last_year,
        examples: &[
            "In June last year, fighters killed 42 people at a school.",
            "The town fell in March of last year.",
            "Talks broke down in February this year.",
        ],
        counter_examples: &[
            "In June, the army retook the town.",
            "The last year of the war was the worst.",
        ],
    },
];

/// "early Thursday morning" → "early morning"; "Monday night" → "night".
fn part_of_day(c: &Captures) -> Option<String> {
    let words: Vec<String> = [group(c, "early"), group(c, "part")]
        .iter()
        .map(|w| w.trim().to_ascii_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// "chairman Monday Kassah": a weekday before a capitalised word, with no preposition or
/// verb of saying before it, is a person's name.
fn weekday(c: &Captures, ctx: &Context) -> Option<Value> {
    if c.name("ahead").is_some() || c.name("name").is_some() {
        return None;
    }
    let bare = c.name("early").is_none() && c.name("last").is_none() && c.name("part").is_none();
    if bare && c.name("cap").is_some() && c.name("pre").is_none() {
        // But "Monday March 3" is a date.
        month_number(group(c, "cap").trim())?;
    }
    let wd = weekday_number(group(c, "wd"))?;
    let strictly = c.name("last").is_some();
    let time = part_of_day(c);
    // "since Thursday": the stretch from that day to publication.
    let since = group(c, "pre").trim().eq_ignore_ascii_case("since");
    against_published(ctx, time.clone(), |p| {
        let start = weekday_before(wd, p, strictly);
        if since && start < p {
            days(start, p)
        } else {
            Some(day(start, time))
        }
    })
}

/// "the night of Thursday to Friday": the day the night begins, at night. With day numbers
/// ("Saturday 8 to Sunday 9 March") the first is that day of the month.
fn night_of_weekdays(c: &Captures, ctx: &Context) -> Option<Value> {
    let night = Some("night".to_string());
    let month_name = c.name("m1").or(c.name("m2"));
    if let (Some(d), Some(m)) = (c.name("d1"), month_name) {
        let m = month_number(m.as_str())?;
        let d = day_number(d.as_str())?;
        let year = c.name("y").and_then(|y| year_number(y.as_str()));
        return month_day_value(m, d, year, ctx, night);
    }
    let wd1 = weekday_number(group(c, "wd1"))?;
    let wd2 = weekday_number(group(c, "wd2"))?;
    let back = (7 + wd2.num_days_from_monday() as i64 - wd1.num_days_from_monday() as i64) % 7;
    if back == 0 {
        return None;
    }
    against_published(ctx, night.clone(), |p| {
        Some(day(
            weekday_before(wd2, p, false) - Duration::days(back),
            night,
        ))
    })
}

fn yesterday_today(c: &Captures, ctx: &Context) -> Option<Value> {
    let w = group(c, "w");
    if w == "Today" && c.name("pre").is_some() {
        return None; // a title: "USA Today"
    }
    let lower = w.to_ascii_lowercase();
    let (back, time) = if lower == "yesterday" {
        (1, None)
    } else if lower.starts_with("last") {
        (1, Some("night".to_string()))
    } else if lower == "tonight" {
        (0, Some("night".to_string()))
    } else if let Some(part) = lower.strip_prefix("this") {
        (0, Some(part.trim().to_string()))
    } else {
        (0, None)
    };
    let part = group(c, "part").to_ascii_lowercase();
    let time = if part.is_empty() { time } else { Some(part) };
    against_published(ctx, time.clone(), |p| {
        Some(day(p - Duration::days(back), time))
    })
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn last_unit(c: &Captures, ctx: &Context) -> Option<Value> {
    against_published(ctx, None, |p| {
        match group(c, "unit").to_ascii_lowercase().as_str() {
            "week" => {
                let monday = monday_of(p);
                days(monday - Duration::days(7), monday - Duration::days(1))
            }
            "month" => {
                let (y, m) = if p.month() == 1 {
                    (p.year() - 1, 12)
                } else {
                    (p.year(), p.month() - 1)
                };
                month(y, m)
            }
            _ => super::years(p.year() - 1, p.year() - 1),
        }
    })
}

fn this_unit(c: &Captures, ctx: &Context) -> Option<Value> {
    against_published(ctx, None, |p| {
        let when = group(c, "when").to_ascii_lowercase();
        match group(c, "unit").to_ascii_lowercase().as_str() {
            "week" => {
                let monday = monday_of(p);
                match when.as_str() {
                    "earlier" => days(monday, (p - Duration::days(1)).max(monday)),
                    "later" => days(
                        (p + Duration::days(1)).min(monday + Duration::days(6)),
                        monday + Duration::days(6),
                    ),
                    _ => days(monday, p),
                }
            }
            "month" => month(p.year(), p.month()),
            _ => super::years(p.year(), p.year()),
        }
    })
}

fn recent(c: &Captures, ctx: &Context) -> Option<Value> {
    against_published(ctx, None, |p| {
        let back = if group(c, "unit").eq_ignore_ascii_case("days") {
            7
        } else {
            28
        };
        days(p - Duration::days(back), p)
    })
}

/// "three days ago": that day; "two weeks ago": the week (Monday to Sunday) of the day 14
/// days before publication; "a month ago", "two years ago": that month, that year.
fn units_ago(c: &Captures, ctx: &Context) -> Option<Value> {
    let n = count_number(group(c, "n"))?;
    against_published(ctx, None, |p| {
        let unit = group(c, "unit").to_ascii_lowercase();
        match unit.trim_end_matches('s') {
            "day" => Some(day(p.checked_sub_signed(Duration::try_days(n)?)?, None)),
            "week" => {
                let monday = monday_of(p.checked_sub_signed(Duration::try_weeks(n)?)?);
                days(monday, monday + Duration::days(6))
            }
            "month" => {
                let back = p.checked_sub_months(chrono::Months::new(u32::try_from(n).ok()?))?;
                month(back.year(), back.month())
            }
            _ => {
                let y = p.year() - i32::try_from(n).ok()?;
                super::years(y, y)
            }
        }
    })
}

fn weekend(_: &Captures, ctx: &Context) -> Option<Value> {
    against_published(ctx, None, |p| {
        let saturday = weekday_before(chrono::Weekday::Sat, p, true);
        days(saturday, saturday + Duration::days(1))
    })
}

fn last_month_name(c: &Captures, ctx: &Context) -> Option<Value> {
    against_published(ctx, None, |p| {
        let m = month_number(group(c, "m"))?;
        month_before(m, p, true)
    })
}

/// "June last year": that month of the year before publication; "this year", of its year.
/// "next year" is no event date.
fn month_of_last_year(c: &Captures, ctx: &Context) -> Option<Value> {
    let m = month_number(group(c, "m"))?;
    let back = match group(c, "which").to_ascii_lowercase().as_str() {
        "last" => 1,
        "this" => 0,
        _ => return None,
    };
    against_published(ctx, None, |p| month(p.year() - back, m))
}
