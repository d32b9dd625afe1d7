//! One policy for spans that compete.
//!
//! - Within one kind, spans may not overlap: the longer span wins; at equal length the earlier
//!   one; at the same span, the first found (dimension order, then rule order).
//! - Across kinds, spans may overlap or nest (a date inside a casualty phrase): each kind is
//!   its own layer, and the page shows nested spans as nested marks.
//! - But a place inside a date is one of the date's words ("March 4": the month, not the
//!   English town of March): it is dropped.
//! - And a gazetteer town over exactly an armed group's name from the actor table ("Shene",
//!   a name for the OLA, and a village in the gazetteer) is the group: dropped.
//!
//! The result is sorted by start, then longer first, then kind.

use std::collections::BTreeMap;

use super::model::Kind;
use super::rule::Found;

/// Applies the policy above.
pub fn resolve(mut found: Vec<Found>) -> Vec<Found> {
    // Stable sort keeps discovery order among equals.
    found.sort_by(|a, b| {
        a.kind()
            .cmp(&b.kind())
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    // Per kind, the spans kept so far, by start. Kept spans never overlap each other, so a new
    // span overlaps one of them exactly when the last kept span starting before its end reaches
    // past its start: one ordered-map lookup per find, not a scan.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut kind = None;
    for f in found {
        if kind != Some(f.kind()) {
            kind = Some(f.kind());
            taken.clear();
        }
        let blocked = taken
            .range(..f.end)
            .next_back()
            .is_some_and(|(_, &end)| end > f.start);
        if blocked {
            continue;
        }
        taken.insert(f.start, f.end);
        kept.push(f);
    }
    kept.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.kind().cmp(&b.kind()))
    });
    // Date spans never overlap each other, so they are sorted by end too.
    let dates: Vec<(usize, usize)> = kept
        .iter()
        .filter(|f| f.kind() == Kind::Date)
        .map(|f| (f.start, f.end))
        .collect();
    if !dates.is_empty() {
        kept.retain(|f| {
            if f.kind() != Kind::Location {
                return true;
            }
            let i = dates.partition_point(|d| d.1 < f.end);
            !dates.get(i).is_some_and(|d| d.0 <= f.start && f.end <= d.1)
        });
    }
    let mut groups: Vec<(usize, usize)> = kept
        .iter()
        .filter(|f| f.kind() == Kind::Actor && f.rule == "actor_table")
        .map(|f| (f.start, f.end))
        .collect();
    if !groups.is_empty() {
        groups.sort_unstable();
        kept.retain(|f| {
            f.kind() != Kind::Location
                || f.rule != "gazetteer_town"
                || groups.binary_search(&(f.start, f.end)).is_err()
        });
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorValue, DateValue, Place, Value};

    fn f(start: usize, end: usize, rule: &'static str, date: bool) -> Found {
        let value = if date {
            Value::Date(DateValue::default())
        } else {
            Value::Actor(ActorValue::default())
        };
        Found {
            start,
            end,
            rule,
            value,
        }
    }

    #[test]
    fn longest_wins_within_a_kind_and_kinds_may_nest() {
        let table = [
            // (input, kept rules in order)
            (vec![f(0, 10, "a", true), f(2, 5, "b", true)], vec!["a"]),
            (vec![f(2, 5, "b", true), f(0, 10, "a", true)], vec!["a"]),
            (vec![f(0, 5, "a", true), f(0, 5, "b", true)], vec!["a"]),
            (vec![f(0, 5, "a", true), f(3, 8, "b", true)], vec!["a"]),
            (vec![f(0, 5, "a", true), f(5, 8, "b", true)], vec!["a", "b"]),
            (
                vec![f(0, 10, "a", true), f(2, 5, "b", false)],
                vec!["a", "b"],
            ),
            (vec![], vec![]),
        ];
        for (input, want) in table {
            let got: Vec<&str> = resolve(input.clone()).iter().map(|f| f.rule).collect();
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn a_place_inside_a_date_is_dropped() {
        let at = |start, end, value: Value| Found {
            start,
            end,
            rule: "r",
            value,
        };
        let date = || Value::Date(DateValue::default());
        let place = || Value::Location(Place::default());
        let table = [
            // "March 4": the month is no town.
            (vec![at(0, 7, date()), at(0, 5, place())], 1),
            // A place beside a date, or overlapping one only in part, stays.
            (vec![at(0, 7, date()), at(8, 14, place())], 2),
            (vec![at(0, 7, date()), at(5, 12, place())], 2),
            (vec![at(10, 17, date()), at(0, 12, place())], 2),
            // Several dates: the one around the place counts.
            (
                vec![at(0, 3, date()), at(20, 30, date()), at(22, 26, place())],
                2,
            ),
        ];
        for (input, n) in table {
            assert_eq!(resolve(input.clone()).len(), n, "{input:?}");
        }
    }

    #[test]
    fn a_town_named_like_a_group_is_the_group() {
        let at = |start, end, rule, value: Value| Found {
            start,
            end,
            rule,
            value,
        };
        let group = |s, e| at(s, e, "actor_table", Value::Actor(ActorValue::default()));
        let town = |s, e, rule| at(s, e, rule, Value::Location(Place::default()));
        let table = [
            // "which it calls Shene": the group's other name, not the village.
            (
                vec![group(0, 5), town(0, 5, "gazetteer_town")],
                vec!["actor_table"],
            ),
            // A town only in part under the name, or found from its context, stays.
            (
                vec![group(0, 5), town(0, 9, "gazetteer_town")],
                vec!["gazetteer_town", "actor_table"],
            ),
            (
                vec![group(0, 5), town(0, 5, "town_of_name")],
                vec!["town_of_name", "actor_table"],
            ),
        ];
        for (input, want) in table {
            let got: Vec<&str> = resolve(input.clone()).iter().map(|f| f.rule).collect();
            assert_eq!(got, want, "{input:?}");
        }
    }
}
