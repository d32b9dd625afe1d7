//! Table tests for the date rules: sentence → (mention, start, end, precision, time), with a
//! fixed publication date, without one, across week, month, year and leap-day boundaries.

use chrono::NaiveDate;

use super::find;
use crate::context::Context;
use crate::model::Value;

fn ctx(published: &str) -> Context {
    if published.is_empty() {
        Context::default()
    } else {
        Context::published(NaiveDate::parse_from_str(published, "%Y-%m-%d").expect("test date"))
    }
}

/// Every date found: "mention|start|end|precision|time".
fn dates(text: &str, published: &str) -> Vec<String> {
    find(text, &ctx(published))
        .into_iter()
        .filter_map(|f| match f.value {
            Value::Date(d) => Some(format!(
                "{}|{}|{}|{}|{}",
                &text[f.start..f.end],
                d.start,
                d.end,
                d.precision.as_str(),
                d.time.unwrap_or_default()
            )),
            _ => None,
        })
        .collect()
}

fn check(table: &[(&str, &str, &[&str])]) {
    let mut failures = Vec::new();
    for &(published, text, want) in table {
        let got = dates(text, published);
        if got != want {
            failures.push(format!(
                "published {published:?}: {text:?}\n  want {want:?}\n  got  {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// 2025-02-10 is a Monday.
const MON: &str = "2025-02-10";

#[test]
fn absolute_dates() {
    check(&[
        (
            MON,
            "Gunmen struck the post on February 4.",
            &["February 4|2025-02-04|2025-02-04|day|"],
        ),
        (
            MON,
            "The convoy was hit on Feb. 4th near the river.",
            &["Feb. 4th|2025-02-04|2025-02-04|day|"],
        ),
        (
            MON,
            "Militants attacked on 4 February 2024.",
            &["4 February 2024|2024-02-04|2024-02-04|day|"],
        ),
        (
            MON,
            "The base fell on the 13th of October.",
            &["13th of October|2024-10-13|2024-10-13|day|"],
        ),
        (
            MON,
            "Friday, February 7 was the deadliest day.",
            &["Friday, February 7|2025-02-07|2025-02-07|day|"],
        ),
        (
            MON,
            "Posted September, Friday 20, 2024 by staff.",
            &["September, Friday 20, 2024|2024-09-20|2024-09-20|day|"],
        ),
        (
            MON,
            "Wire copy, 13th Oct, 2021.",
            &["13th Oct, 2021|2021-10-13|2021-10-13|day|"],
        ),
        (
            MON,
            "The junta took power in July 2023.",
            &["July 2023|2023-07|2023-07|month|"],
        ),
        (
            MON,
            "The insurgency began in 2015.",
            &["2015|2015|2015|year|"],
        ),
        (
            MON,
            "Its strength peaked in the 1980s.",
            &["1980s|1980|1989|year|"],
        ),
        (
            MON,
            "Logged 2024-09-03 19:15:11 by the desk.",
            &["2024-09-03 19:15:11|2024-09-03|2024-09-03|day|19:15"],
        ),
        (
            MON,
            "The raid on 25/01/2025 killed five.",
            &["25/01/2025|2025-01-25|2025-01-25|day|"],
        ),
        (MON, "The raid on 04/02/2025 killed five.", &[]),
        (
            MON,
            "Fighting resumed in late January.",
            &["late January|2025-01-21|2025-01-31|day|"],
        ),
        (
            MON,
            "Murders fell in August from a peak in July.",
            &[
                "August|2024-08|2024-08|month|",
                "July|2024-07|2024-07|month|",
            ],
        ),
        (
            MON,
            "Murders rose in February.",
            &["February|2025-02|2025-02|month|"],
        ),
    ]);
}

#[test]
fn month_day_without_year_takes_the_year_not_after_publication() {
    check(&[
        // A December date in a January article is last year's.
        (
            "2025-01-05",
            "Soldiers died on December 28.",
            &["December 28|2024-12-28|2024-12-28|day|"],
        ),
        (
            "2025-01-05",
            "Soldiers died on January 5.",
            &["January 5|2025-01-05|2025-01-05|day|"],
        ),
        // 29 February goes back to the last leap year.
        (
            "2025-03-01",
            "The camp fell on February 29.",
            &["February 29|2024-02-29|2024-02-29|day|"],
        ),
        (
            "2024-03-01",
            "The camp fell on February 29.",
            &["February 29|2024-02-29|2024-02-29|day|"],
        ),
        // No publication date: no year.
        (
            "",
            "The camp fell on February 29.",
            &["February 29|--02-29|--02-29|day|"],
        ),
        (
            "",
            "Gunmen struck on February 4.",
            &["February 4|--02-04|--02-04|day|"],
        ),
        ("", "The camp fell on February 30.", &[]),
    ]);
}

#[test]
fn weekdays_resolve_against_publication() {
    check(&[
        // "the night of Thursday to Friday": one day, the one the night begins.
        (
            MON,
            "Gunmen attacked the post in the night of Thursday to Friday.",
            &["the night of Thursday to Friday|2025-02-06|2025-02-06|day|night"],
        ),
        (
            MON,
            "The camp was shelled overnight from Sunday to Monday, and again at 2 a.m.",
            &[
                "overnight from Sunday to Monday|2025-02-09|2025-02-09|day|night",
                "2 a.m.|2025-02-09|2025-02-09|day|02:00",
            ],
        ),
        (
            MON,
            "Troops were attacked during the night of Saturday 1 to Sunday 2 February.",
            &["the night of Saturday 1 to Sunday 2 February|2025-02-01|2025-02-01|day|night"],
        ),
        (
            "",
            "Gunmen attacked the post in the night of Thursday to Friday.",
            &["the night of Thursday to Friday|||unresolved|night"],
        ),
        // Bare weekday: on or before publication (the publication day itself included).
        (
            MON,
            "The raid began Monday night.",
            &["Monday night|2025-02-10|2025-02-10|day|night"],
        ),
        (
            MON,
            "Gunmen attacked on Tuesday.",
            &["Tuesday|2025-02-04|2025-02-04|day|"],
        ),
        // "since Thursday": from that day to publication.
        (
            MON,
            "Clashes have left 41 people dead since Thursday.",
            &["Thursday|2025-02-06|2025-02-10|day|"],
        ),
        (
            MON,
            "No strike has hit the town since Monday.",
            &["Monday|2025-02-10|2025-02-10|day|"],
        ),
        (
            MON,
            "The army said Sunday that five died.",
            &["Sunday|2025-02-09|2025-02-09|day|"],
        ),
        (
            MON,
            "The strike hit early Thursday morning.",
            &["early Thursday morning|2025-02-06|2025-02-06|day|early morning"],
        ),
        // "last X": strictly before publication.
        (
            MON,
            "Last Monday, a convoy was ambushed.",
            &["Last Monday|2025-02-03|2025-02-03|day|"],
        ),
        (
            MON,
            "Militants struck last Thursday.",
            &["last Thursday|2025-02-06|2025-02-06|day|"],
        ),
        // Across a year boundary: published Thursday 2 January 2025.
        (
            "2025-01-02",
            "The post was overrun on Saturday.",
            &["Saturday|2024-12-28|2024-12-28|day|"],
        ),
        // Future and habitual weekdays give nothing.
        (MON, "Talks resume next Monday.", &[]),
        (MON, "Markets close every Friday.", &[]),
        // "following" as a preposition is not "the following Monday".
        (
            MON,
            "Mourning began following Sunday night's raid.",
            &["Sunday night|2025-02-09|2025-02-09|day|night"],
        ),
        (MON, "They returned the following Monday.", &[]),
        // No publication date: a bare weekday gives no date; it is marked, unresolved.
        (
            "",
            "Gunmen attacked on Tuesday.",
            &["Tuesday|||unresolved|"],
        ),
        (
            "",
            "The strike hit early Thursday morning.",
            &["early Thursday morning|||unresolved|early morning"],
        ),
        ("", "Talks resume next Monday.", &[]),
    ]);
}

#[test]
fn without_publication_relative_dates_are_marked_unresolved() {
    check(&[
        (
            "",
            "Soldiers were killed yesterday.",
            &["yesterday|||unresolved|"],
        ),
        (
            "",
            "Fighting continued last night.",
            &["last night|||unresolved|night"],
        ),
        (
            "",
            "Last week, the envoy left.",
            &["Last week|||unresolved|"],
        ),
        (
            "",
            "Attacks rose earlier this month.",
            &["earlier this month|||unresolved|"],
        ),
        (
            "",
            "The camp was hit during the weekend.",
            &["the weekend|||unresolved|"],
        ),
        (
            "",
            "The council seized power last July.",
            &["last July|||unresolved|"],
        ),
        (
            "",
            "Clashes erupted in late January.",
            &["late January|||unresolved|"],
        ),
        (
            "",
            "Rebels struck at 6 p.m. on Sunday.",
            &["6 p.m. on Sunday|||unresolved|18:00"],
        ),
        // What leans on an unresolved day stays unresolved, rather than counting from an older date.
        (
            "",
            "The siege began on March 2. Rebels struck on Tuesday. Two days later the town fell.",
            &[
                "March 2|--03-02|--03-02|day|",
                "Tuesday|||unresolved|",
                "Two days later|||unresolved|",
            ],
        ),
        (
            "",
            "Rebels struck on Tuesday. Earlier on the same day, a mine exploded.",
            &[
                "Tuesday|||unresolved|",
                "Earlier on the same day|||unresolved|",
            ],
        ),
        // Absolute dates need no publication date.
        (
            "",
            "Gunmen attacked on 4 February 2025.",
            &["4 February 2025|2025-02-04|2025-02-04|day|"],
        ),
    ]);
}

#[test]
fn day_week_month_words() {
    check(&[
        (
            MON,
            "Two soldiers were killed yesterday.",
            &["yesterday|2025-02-09|2025-02-09|day|"],
        ),
        (
            "2025-01-01",
            "Two soldiers were killed yesterday.",
            &["yesterday|2024-12-31|2024-12-31|day|"],
        ),
        (
            "2024-03-01",
            "Fighting continued last night.",
            &["last night|2024-02-29|2024-02-29|day|night"],
        ),
        (
            MON,
            "Officials spoke today.",
            &["today|2025-02-10|2025-02-10|day|"],
        ),
        (
            MON,
            "Last week, the envoy left.",
            &["Last week|2025-02-03|2025-02-09|day|"],
        ),
        (
            "2021-10-13",
            "Ten died earlier this week.",
            &["earlier this week|2021-10-11|2021-10-12|day|"],
        ),
        (
            MON,
            "Ten died this week.",
            &["this week|2025-02-10|2025-02-10|day|"],
        ),
        (
            MON,
            "Two weeks ago, three soldiers were killed.",
            &["Two weeks ago|2025-01-27|2025-02-02|day|"],
        ),
        (
            MON,
            "The village was raided three days ago.",
            &["three days ago|2025-02-07|2025-02-07|day|"],
        ),
        (
            "2025-03-31",
            "A month ago, gunmen abducted students.",
            &["A month ago|2025-02|2025-02|month|"],
        ),
        (
            MON,
            "The base fell about two years ago.",
            &["about two years ago|2023|2023|year|"],
        ),
        (
            "2025-01-15",
            "Seventeen died last month.",
            &["last month|2024-12|2024-12|month|"],
        ),
        (
            MON,
            "Earlier this month, a pact was signed.",
            &["Earlier this month|2025-02|2025-02|month|"],
        ),
        (
            MON,
            "Tourists came back this year.",
            &["this year|2025|2025|year|"],
        ),
        (
            MON,
            "The town was attacked last year.",
            &["last year|2024|2024|year|"],
        ),
        (
            "2024-09-03",
            "Last May, the group set conditions.",
            &["Last May|2024-05|2024-05|month|"],
        ),
        (
            "2024-07-13",
            "A coup took place last July.",
            &["last July|2023-07|2023-07|month|"],
        ),
        (
            "2024-07-13",
            "A coup took place in July.",
            &["July|2024-07|2024-07|month|"],
        ),
        (
            MON,
            "In recent days, rebels cut the road.",
            &["recent days|2025-02-03|2025-02-10|day|"],
        ),
        // The weekend: the Saturday–Sunday whose Saturday is the last one before publication.
        (
            "2021-04-12",
            "Seven died during the weekend.",
            &["the weekend|2021-04-10|2021-04-11|day|"],
        ),
        (
            "2025-02-09",
            "Seven died over the weekend.",
            &["the weekend|2025-02-08|2025-02-09|day|"],
        ),
        (
            "2025-02-08",
            "Seven died over the weekend.",
            &["the weekend|2025-02-01|2025-02-02|day|"],
        ),
        // No publication date: each is marked, none has a value.
        (
            "",
            "Two died yesterday; more died last month, and last July, and during the weekend.",
            &[
                "yesterday|||unresolved|",
                "last month|||unresolved|",
                "last July|||unresolved|",
                "the weekend|||unresolved|",
            ],
        ),
    ]);
}

#[test]
fn anchored_dates_lean_on_the_date_before() {
    check(&[
        (
            "",
            "Fighting erupted on March 15. Just two days after this, another unit was hit.",
            &[
                "March 15|--03-15|--03-15|day|",
                "Just two days after|--03-17|--03-17|day|",
            ],
        ),
        (
            "",
            "The siege began on February 27, 2024. Two days later the town fell.",
            &[
                "February 27, 2024|2024-02-27|2024-02-27|day|",
                "Two days later|2024-02-29|2024-02-29|day|",
            ],
        ),
        (
            MON,
            "The post fell on December 31, 2024. The next day, troops returned.",
            &[
                "December 31, 2024|2024-12-31|2024-12-31|day|",
                "The next day|2025-01-01|2025-01-01|day|",
            ],
        ),
        (
            MON,
            "Rebels struck on Tuesday. A day earlier, a patrol was ambushed.",
            &[
                "Tuesday|2025-02-04|2025-02-04|day|",
                "A day earlier|2025-02-03|2025-02-03|day|",
            ],
        ),
        (
            MON,
            "Rebels struck on Tuesday. Earlier on the same day, a mine exploded.",
            &[
                "Tuesday|2025-02-04|2025-02-04|day|",
                "Earlier on the same day|2025-02-04|2025-02-04|day|",
            ],
        ),
        (
            MON,
            "Rebels struck on Tuesday. Later that night, a mine exploded.",
            &[
                "Tuesday|2025-02-04|2025-02-04|day|",
                "Later that night|2025-02-04|2025-02-04|day|night",
            ],
        ),
        (
            MON,
            "A drone hit a car on Tuesday. Hours later, jets struck a depot.",
            &[
                "Tuesday|2025-02-04|2025-02-04|day|",
                "Hours later|2025-02-04|2025-02-04|day|",
            ],
        ),
        // From the event's day, not the day it was told.
        (
            MON,
            "Gunmen killed five near the town on Thursday, officials said on Saturday. Hours later, they attacked the next village.",
            &[
                "Thursday|2025-02-06|2025-02-06|day|",
                "Saturday|2025-02-08|2025-02-08|day|",
                "Hours later|2025-02-06|2025-02-06|day|",
            ],
        ),
        // Nothing to lean on: nothing marked.
        ("", "Two days later, the town fell.", &[]),
        // A month is not a day to count from.
        (
            MON,
            "Clashes began in July 2023. Two days later, the town fell.",
            &["July 2023|2023-07|2023-07|month|"],
        ),
    ]);
}

#[test]
fn ranges() {
    check(&[
        (
            "",
            "Positions were hit between January 29 and February 3, killing many.",
            &["between January 29 and February 3|--01-29|--02-03|day|"],
        ),
        (
            MON,
            "Positions were hit between January 29 and February 3.",
            &["between January 29 and February 3|2025-01-29|2025-02-03|day|"],
        ),
        (
            MON,
            "Clashes lasted between December 28 and January 3.",
            &["between December 28 and January 3|2024-12-28|2025-01-03|day|"],
        ),
        (
            MON,
            "The offensive lasted from 3 to 5 March.",
            &["from 3 to 5 March|2024-03-03|2024-03-05|day|"],
        ),
        (
            MON,
            "Attacks grew between 2014 and 2018.",
            &["between 2014 and 2018|2014|2018|year|"],
        ),
        (
            MON,
            "Police counted widows between June 2011 and May 2019.",
            &["between June 2011 and May 2019|2011-06|2019-05|month|"],
        ),
    ]);
}

#[test]
fn times_of_day_never_move_the_date() {
    check(&[
        (
            "",
            "The attack occurred on February 4 at approximately 6:30 p.m. in the region.",
            &[
                "February 4|--02-04|--02-04|day|",
                "6:30 p.m.|--02-04|--02-04|day|18:30",
            ],
        ),
        (
            "",
            "Gunmen attacked the post at about 2:00 a.m. on February 6.",
            &["2:00 a.m. on February 6|--02-06|--02-06|day|02:00"],
        ),
        // The nearest date in the sentence, even after the time.
        (
            MON,
            "At 11 p.m., on February 3, shells fell.",
            &[
                "11 p.m.|2025-02-03|2025-02-03|day|23:00",
                "February 3|2025-02-03|2025-02-03|day|",
            ],
        ),
        (
            MON,
            "Gunmen opened fire at 6 p.m. on Tuesday.",
            &["6 p.m. on Tuesday|2025-02-04|2025-02-04|day|18:00"],
        ),
        (
            MON,
            "Shelling started at 12 a.m. on Feb. 9.",
            &["12 a.m. on Feb. 9|2025-02-09|2025-02-09|day|00:00"],
        ),
        // No date to lean on: nothing.
        ("", "The attack began at 6:30 p.m. in the region.", &[]),
        // The day a verb of saying dates earlier in the sentence is when it was told: the
        // time takes the day told before.
        (
            MON,
            "Gunmen raided the camp on Saturday. An official told reporters on Sunday that they \
             struck at around 5 a.m.",
            &[
                "Saturday|2025-02-08|2025-02-08|day|",
                "Sunday|2025-02-09|2025-02-09|day|",
                "5 a.m.|2025-02-08|2025-02-08|day|05:00",
            ],
        ),
        // With no day before it, it still takes the day said.
        (
            MON,
            "An official told reporters on Sunday that they struck at around 5 a.m.",
            &[
                "Sunday|2025-02-09|2025-02-09|day|",
                "5 a.m.|2025-02-09|2025-02-09|day|05:00",
            ],
        ),
    ]);
}

#[test]
fn not_dates() {
    check(&[
        (MON, "The 2024 elections were postponed.", &[]),
        (MON, "Resolution 2719 was adopted by the council.", &[]),
        (MON, "Traffic on Route 12 was cut.", &[]),
        (MON, "The rebels may attack again.", &[]),
        (
            MON,
            "Thousands of protesters march through the capital.",
            &[],
        ),
        (MON, "A 45-year-old man and 12 children were killed.", &[]),
        (MON, "The Sunday Times reported the raid.", &[]),
        (MON, "It was the second day of fighting.", &[]),
        (MON, "Aid reached the camp in 2000 households.", &[]),
        (MON, "Between 1990 and 2010 people fled the camp.", &[]),
        (MON, "The siege lasted two days.", &[]),
        (MON, "Attacks have risen in recent years.", &[]),
        (MON, "According to USA Today the figures are disputed.", &[]),
    ]);
}

#[test]
fn odd_input_never_panics_and_values_are_iso_or_unresolved() {
    let long = "On February 4 at 6 p.m., two days later, last week. ".repeat(2000);
    let inputs = [
        "",
        "\u{0}\u{1}",
        "February",
        "February 4",
        "🙂 February 4 🙂 at 6 p.m. 🙂",
        "Feb.\r\n4\r\n2025",
        "مقتل 12 جنديا في 4 فبراير",
        "e\u{301}\u{301} Monday night",
        "<p>On <b>February 4</b>, 2025</p>",
        long.as_str(),
    ];
    for published in ["", MON, "2000-02-29", "1900-01-01"] {
        for text in inputs {
            for f in find(text, &ctx(published)) {
                let Value::Date(d) = f.value else {
                    panic!("not a date")
                };
                assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
                if d.precision == crate::model::DatePrecision::Unresolved {
                    assert!(published.is_empty() && d.start.is_empty() && d.end.is_empty());
                    continue;
                }
                for s in [&d.start, &d.end] {
                    assert!(crate::model::is_iso_date(s), "{s:?} in {text:?}");
                }
            }
        }
    }
}
