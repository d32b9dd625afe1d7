//! Dates anchored on the date just mentioned: "two days later", "the next day", "hours later"
//! (not "the attack came two days after the talks ended": that day is not given). The rules
//! produce a pending shift; [`super::find`] resolves it in document order against the last
//! resolved day before it, or drops it when there is none.

use regex::Captures;

use super::{count_number, group, pending_shift};
use crate::context::Context;
use crate::model::{Kind, Value};
use crate::rule::Rule;

pub(super) const RULES: &[Rule] = &[
    Rule {
        name: "days_after_previous",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?P<came>(?i:came|comes|occurred|happened|took\s+place)\s+)?(?:(?i:just|only|barely|nearly|almost|about|some|less\s+than|more\s+than)\s+)?(?P<n>{count})\s+(?P<unit>(?i:days?|weeks?))\s+(?P<dir>(?i:later|after|afterwards|earlier|before|prior))(?-u:\b)",
        produce: days_after_previous,
        examples: &[
            "Two days later, the army retook the town.",
            "Just two days after the ambush, a second convoy was hit.",
            "A week earlier, the same unit had been attacked.",
        ],
        counter_examples: &[
            "The siege lasted two days.",
            "It was the second day of fighting.",
            // The event told is the sentence's subject, placed against a day not given.
            "The attack came two days after the talks were suspended.",
            "The attack came barely a week after bandits killed seven farmers.",
        ],
    },
    Rule {
        name: "hours_later",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?P<came>(?i:came|comes|occurred|happened|took\s+place|lasted|lasting|for)\s+(?:(?i:about|around|nearly|almost|over)\s+)?)?(?P<span>(?:(?i:just|only|barely|a\s+few|several|some|mere)\s+|(?P<n>{count})\s+)?(?P<unit>(?i:hours?|minutes?))\s+(?i:later|after|afterwards|earlier))(?-u:\b)",
        produce: same_day,
        examples: &[
            "Hours later, warplanes struck depots in the valley.",
            "A few hours after the ambush, a second convoy was hit.",
            "Two hours earlier, a patrol had been attacked.",
            "Minutes later, a second blast hit the crowd.",
        ],
        counter_examples: &[
            "The siege lasted hours.",
            "The gunfight lasted nearly 30 minutes before the rebels withdrew.",
            "Fighting went on for two hours after the raid began.",
            "The first grenade hit the station, and the second one minutes later.",
            // The event told is the sentence's subject, placed against a time not given.
            "The attack came hours after the talks were suspended.",
        ],
    },
    Rule {
        name: "next_or_previous_day",
        kind: Kind::Date,
        pattern: r"(?-u:\b)(?i:the\s+(?P<dir1>next|following|previous|preceding)\s+(?P<part>day|morning|afternoon|evening|night)|the\s+day\s+(?P<dir2>before|after)|(?:(?:earlier|later)\s+(?:on\s+)?)?(?:the\s+same|that\s+same)\s+day|(?:earlier|later)\s+(?:on\s+)?that\s+(?P<part2>day|morning|afternoon|evening|night))(?-u:\b)",
        produce: next_or_previous_day,
        examples: &[
            "The bodies were found the next day.",
            "On the following morning, troops arrived.",
            "Earlier on the same day, a patrol was ambushed.",
            "The village had been looted the day before.",
            "Later that day, a second strike hit the market.",
            "Later that night, gunmen returned.",
        ],
        counter_examples: &[
            "The next attack came without warning.",
            "It was a day like any other.",
            "Residents remember that day with dread.",
        ],
    },
];

fn days_after_previous(c: &Captures, _: &Context) -> Option<Value> {
    if c.name("came").is_some() {
        return None;
    }
    let n = count_number(group(c, "n"))?;
    let per = if group(c, "unit").to_ascii_lowercase().starts_with("week") {
        7
    } else {
        1
    };
    let sign = match group(c, "dir").to_ascii_lowercase().as_str() {
        "earlier" | "before" | "prior" => -1,
        _ => 1,
    };
    Some(pending_shift(sign * n * per, None))
}

/// "Hours later": the same day as the date just mentioned. Not a duration ("lasted two hours
/// after"), nor "the second one minutes later" (a count agrees with its unit).
fn same_day(c: &Captures, _: &Context) -> Option<Value> {
    if c.name("came").is_some() {
        return None;
    }
    let plural = group(c, "unit").to_ascii_lowercase().ends_with('s');
    if let Some(n) = c.name("n") {
        if (count_number(n.as_str())? == 1) == plural {
            return None;
        }
    }
    Some(pending_shift(0, None))
}

fn next_or_previous_day(c: &Captures, _: &Context) -> Option<Value> {
    let dir = [group(c, "dir1"), group(c, "dir2")]
        .concat()
        .to_ascii_lowercase();
    let sign = match dir.as_str() {
        "next" | "following" | "after" => 1,
        "previous" | "preceding" | "before" => -1,
        _ => 0,
    };
    let part = [group(c, "part"), group(c, "part2")]
        .concat()
        .to_ascii_lowercase();
    let time = (!part.is_empty() && part != "day").then_some(part);
    Some(pending_shift(sign, time))
}
