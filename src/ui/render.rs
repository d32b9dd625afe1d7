//! From an article and its entities to nested highlight segments (pure; no browser types).
//!
//! Entities carry code point offsets; the page needs byte ranges of the text, nested the way the
//! marks are nested in the HTML. Spans of different kinds may nest (a date inside a casualty
//! phrase) and, in an opened or hand-edited document, may even cross. The walk is displaCy's
//! `render_ents` offset walk made recursive:
//!
//! - entities are taken by start, longest first, so an enclosing span opens before what it holds;
//! - a span that starts inside another and ends after it is cut at the other's end: the part
//!   inside becomes a child, the rest continues as a sibling (both parts keep the entity index,
//!   and say which side continues, so the page can draw one highlight in two pieces);
//! - nesting deeper than [`MAX_DEPTH`] is not drawn (seven kinds can nest seven deep; only a
//!   hand-made file goes further, and a browser should not recurse without bound);
//! - empty spans and spans whose offsets do not fit the text are skipped;
//! - at most [`MAX_MARKS`] entities are drawn (the first in text order).

use std::ops::Range;

use crate::extract::span::Offsets;
use crate::extract::{Entity, Kind, Status};

/// Deepest nesting drawn: one level per kind.
pub const MAX_DEPTH: usize = 7;

/// Most highlights drawn. A long article has a few hundred; a pasted megabyte can have tens of
/// thousands, and drawing them all would freeze the page. Entities past this many (in text
/// order) are still in the document and the export, just not drawn.
pub const MAX_MARKS: usize = 5_000;

/// A piece of the article as the page draws it. Ranges are byte offsets into the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Plain text.
    Text(Range<usize>),
    /// A highlight.
    Mark(Mark),
}

/// One highlighted span (or a piece of one that crosses another span).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Index of the entity in the document's `entities`.
    pub entity: usize,
    /// Byte range of the text it covers.
    pub range: Range<usize>,
    /// True when this is not the entity's first piece.
    pub continues_before: bool,
    /// True when another piece of the entity follows.
    pub continues_after: bool,
    /// What is inside, in order; covers `range` exactly.
    pub children: Vec<Segment>,
}

/// An entity's byte range while the walk cuts it.
#[derive(Clone, Debug)]
struct Item {
    start: usize,
    end: usize,
    entity: usize,
    continues_before: bool,
    continues_after: bool,
}

/// Splits `text` into nested segments for `entities` (see the module docs).
pub fn segments(text: &str, entities: &[Entity]) -> Vec<Segment> {
    let offsets = Offsets::new(text);
    let mut items: Vec<Item> = entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let start = offsets.byte_of_char(e.start)?;
            let end = offsets.byte_of_char(e.end)?;
            (start < end).then_some(Item {
                start,
                end,
                entity: i,
                continues_before: false,
                continues_after: false,
            })
        })
        .collect();
    sort(&mut items);
    items.truncate(MAX_MARKS);
    walk(0..text.len(), items, 0)
}

fn sort(items: &mut [Item]) {
    items.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.entity.cmp(&b.entity))
    });
}

/// Segments of `range`, given the items inside it, sorted by [`sort`].
fn walk(range: Range<usize>, items: Vec<Item>, depth: usize) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut pos = range.start;
    let mut rest = std::collections::VecDeque::from(items);
    while let Some(mut first) = rest.pop_front() {
        // Only a piece pushed back after a cut can start before `pos`; clip it.
        first.start = first.start.max(pos);
        if first.start >= first.end {
            continue;
        }
        if pos < first.start {
            out.push(Segment::Text(pos..first.start));
        }
        // Everything that starts inside `first` goes inside; what sticks out is cut.
        let mut inner = Vec::new();
        let mut leftovers = Vec::new();
        while rest.front().is_some_and(|x| x.start < first.end) {
            let Some(mut x) = rest.pop_front() else { break };
            if x.end > first.end {
                leftovers.push(Item {
                    start: first.end,
                    continues_before: true,
                    ..x.clone()
                });
                x.end = first.end;
                x.continues_after = true;
            }
            inner.push(x);
        }
        if !leftovers.is_empty() {
            let mut v: Vec<Item> = leftovers.into_iter().chain(rest).collect();
            sort(&mut v);
            rest = v.into();
        }
        let children = if depth + 1 >= MAX_DEPTH {
            vec![Segment::Text(first.start..first.end)]
        } else {
            walk(first.start..first.end, inner, depth + 1)
        };
        out.push(Segment::Mark(Mark {
            entity: first.entity,
            range: first.start..first.end,
            continues_before: first.continues_before,
            continues_after: first.continues_after,
            children,
        }));
        pos = first.end;
    }
    if pos < range.end {
        out.push(Segment::Text(pos..range.end));
    }
    out
}

/// The kind's name as the legend and tooltips show it (the `data-kind` name, capitalised, as
/// the label after each highlight shows it).
pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Date => "Date",
        Kind::Location => "Location",
        Kind::Actor => "Actor",
        Kind::Casualty => "Casualty",
        Kind::Figure => "Figure",
        Kind::Weapon => "Weapon",
        Kind::Source => "Source",
    }
}

/// What the legend says each kind covers.
pub fn kind_hint(kind: Kind) -> &'static str {
    match kind {
        Kind::Date => "a day, days, month or year",
        Kind::Location => "town, region or country",
        Kind::Actor => "armed group, force or victims",
        Kind::Casualty => "killed, injured, missing, abducted",
        Kind::Figure => "another count",
        Kind::Weapon => "weapon or tactic",
        Kind::Source => "who says so",
    }
}

/// A count as the page shows it: "12" when exact, "36–?" when open-ended, "?–30" without a
/// lower bound, "10–20 (best 15)" when the best estimate is neither bound; "?" when unknown.
pub fn count_range(low: Option<u64>, best: Option<u64>, high: Option<u64>) -> String {
    let n = |x: Option<u64>| x.map_or_else(|| "?".to_string(), |x| x.to_string());
    match (low, best, high) {
        (None, None, None) => "?".to_string(),
        (l, _, h) if l == h && l.is_some() => n(l),
        (None, b, None) => format!("{} (best)", n(b)),
        (l, b, h) if b.is_some() && b != l && b != h => {
            format!("{}–{} (best {})", n(l), n(h), n(b))
        }
        (l, _, h) => format!("{}–{}", n(l), n(h)),
    }
}

/// One line for screen readers and the native tooltip: kind, the words, the value, the rule.
pub fn describe(e: &Entity) -> String {
    format!(
        "{}: “{}” = {} (rule {}; {})",
        kind_label(e.kind),
        e.text,
        e.value.summary(),
        e.rule,
        status_label(e.status)
    )
}

/// The review state as the page says it: automatic, confirmed or edited.
pub fn status_label(s: Status) -> &'static str {
    match s {
        Status::Auto => "automatic",
        Status::Confirmed => "confirmed",
        Status::Edited => "edited",
    }
}

/// Writes segments as text with brackets, `[kind:…]`, for tests and debugging; a piece that
/// continues is written with `…` on that side.
pub fn to_bracketed(text: &str, entities: &[Entity], segs: &[Segment]) -> String {
    let mut s = String::new();
    for seg in segs {
        match seg {
            Segment::Text(r) => s.push_str(text.get(r.clone()).unwrap_or("")),
            Segment::Mark(m) => {
                let kind = entities.get(m.entity).map_or("?", |e| e.kind.as_str());
                s.push('[');
                if m.continues_before {
                    s.push('…');
                }
                s.push_str(kind);
                s.push(':');
                s.push_str(&to_bracketed(text, entities, &m.children));
                if m.continues_after {
                    s.push('…');
                }
                s.push(']');
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{DateValue, Kind, Origin, Value, WeaponValue};

    /// An entity of `kind` over the code points `start..end` of `text`.
    fn ent(text: &str, kind: Kind, start: usize, end: usize) -> Entity {
        let value = match kind {
            Kind::Date => Value::Date(DateValue::default()),
            _ => Value::Weapon(WeaponValue::default()),
        };
        Entity {
            id: format!("e{start}-{end}"),
            kind: value.kind(),
            start,
            end,
            start_utf16: start,
            end_utf16: end,
            text: text.chars().skip(start).take(end - start).collect(),
            rule: "test".into(),
            origin: Origin::Manual,
            status: Default::default(),
            value,
        }
    }

    /// Finds `needle` in `text` and returns its code point range.
    fn at(text: &str, needle: &str) -> (usize, usize) {
        let b = text.find(needle).expect("needle in text");
        let s = text[..b].chars().count();
        (s, s + needle.chars().count())
    }

    fn bracket(text: &str, spans: &[(Kind, &str)]) -> String {
        let ents: Vec<Entity> = spans
            .iter()
            .map(|&(k, n)| {
                let (s, e) = at(text, n);
                ent(text, k, s, e)
            })
            .collect();
        to_bracketed(text, &ents, &segments(text, &ents))
    }

    use Kind::{Date as D, Weapon as W};

    /// (text, spans as (kind, needle), expected bracketed form).
    #[test]
    fn nests_and_cuts_spans() {
        type Case<'a> = (&'a str, &'a [(Kind, &'a str)], &'a str);
        let cases: &[Case] = &[
            ("no spans here", &[], "no spans here"),
            ("", &[], ""),
            ("a mortar fell", &[(W, "mortar")], "a [weapon:mortar] fell"),
            (
                "mortar at dawn",
                &[(W, "mortar"), (D, "dawn")],
                "[weapon:mortar] at [date:dawn]",
            ),
            // A date inside a longer span nests; input order does not matter.
            (
                "shelled on Monday night",
                &[(D, "Monday"), (W, "shelled on Monday night")],
                "[weapon:shelled on [date:Monday] night]",
            ),
            // The same range twice: the earlier entity encloses.
            (
                "drone",
                &[(W, "drone"), (D, "drone")],
                "[weapon:[date:drone]]",
            ),
            // Crossing spans: the second is cut at the first's end and continues.
            (
                "one two three",
                &[(W, "one two"), (D, "two three")],
                "[weapon:one [date:two…]][…date: three]",
            ),
            // Adjacent spans stay siblings.
            ("ab", &[(W, "a"), (D, "b")], "[weapon:a][date:b]"),
            // Text in other scripts keeps its offsets.
            (
                "😀 قصف 😀 at noon",
                &[(W, "قصف"), (D, "noon")],
                "😀 [weapon:قصف] 😀 at [date:noon]",
            ),
        ];
        for (text, spans, want) in cases {
            assert_eq!(&bracket(text, spans), want, "text {text:?}");
        }
    }

    #[test]
    fn shows_counts_as_ranges() {
        let cases = [
            ((Some(12), Some(12), Some(12)), "12"),
            ((Some(36), Some(36), None), "36–?"),
            ((None, Some(30), Some(30)), "?–30"),
            ((Some(10), Some(15), Some(20)), "10–20 (best 15)"),
            ((Some(10), None, Some(20)), "10–20"),
            ((None, Some(5), None), "5 (best)"),
            ((None, None, None), "?"),
            ((Some(0), Some(0), Some(0)), "0"),
        ];
        for ((l, b, h), want) in cases {
            assert_eq!(count_range(l, b, h), want, "{l:?} {b:?} {h:?}");
        }
    }

    #[test]
    fn describes_an_entity_for_screen_readers() {
        let text = "on Monday";
        let mut e = ent(text, D, 3, 9);
        e.value = Value::Date(DateValue {
            start: "2025-02-10".into(),
            end: "2025-02-10".into(),
            ..DateValue::default()
        });
        e.rule = "weekday".into();
        assert_eq!(
            describe(&e),
            "Date: “Monday” = 2025-02-10 (rule weekday; automatic)"
        );
        for (s, want) in [
            (Status::Auto, "automatic"),
            (Status::Confirmed, "confirmed"),
            (Status::Edited, "edited"),
        ] {
            e.status = s;
            assert!(describe(&e).ends_with(&format!("; {want})")), "{want}");
        }
        for k in Kind::ALL {
            assert!(!kind_label(k).is_empty() && !kind_hint(k).is_empty());
        }
    }

    #[test]
    fn skips_empty_and_out_of_range_spans() {
        let text = "abc";
        let ents = vec![ent(text, D, 1, 1), ent(text, W, 2, 9), ent(text, W, 9, 12)];
        assert_eq!(segments(text, &ents), vec![Segment::Text(0..3)]);
    }

    #[test]
    fn stops_nesting_at_max_depth() {
        let text = "x".repeat(40);
        // 40 spans, each one char shorter than the last: a 40-deep chain.
        let ents: Vec<Entity> = (0..20).map(|i| ent(&text, D, i, 40 - i)).collect();
        let segs = segments(&text, &ents);
        fn depth(s: &[Segment]) -> usize {
            s.iter()
                .map(|x| match x {
                    Segment::Text(_) => 0,
                    Segment::Mark(m) => 1 + depth(&m.children),
                })
                .max()
                .unwrap_or(0)
        }
        assert_eq!(depth(&segs), MAX_DEPTH);
        // Every byte is still drawn once.
        assert_eq!(to_bracketed(&text, &ents, &segs).matches('x').count(), 40);
    }

    #[test]
    fn draws_at_most_max_marks() {
        let text = "ab ".repeat(MAX_MARKS + 10);
        let ents: Vec<Entity> = (0..MAX_MARKS + 10)
            .rev()
            .map(|i| ent(&text, W, i * 3, i * 3 + 2))
            .collect();
        let segs = segments(&text, &ents);
        let marks: Vec<usize> = segs
            .iter()
            .filter_map(|s| match s {
                Segment::Mark(m) => Some(m.range.start),
                Segment::Text(_) => None,
            })
            .collect();
        assert_eq!(marks.len(), MAX_MARKS);
        assert_eq!(marks.first(), Some(&0), "the first ones in the text");
        let plain = to_bracketed(&text, &ents, &segs)
            .replace("[weapon:", "")
            .replace(']', "");
        assert_eq!(plain, text, "the rest is drawn as plain text");
    }

    #[test]
    fn many_crossing_spans_cover_the_text_once() {
        let text: String = "word ".repeat(200);
        let ents: Vec<Entity> = (0..300)
            .map(|i| ent(&text, if i % 2 == 0 { D } else { W }, i * 3, i * 3 + 7))
            .collect();
        let segs = segments(&text, &ents);
        fn plain(text: &str, s: &[Segment], out: &mut String) {
            for x in s {
                match x {
                    Segment::Text(r) => out.push_str(&text[r.clone()]),
                    Segment::Mark(m) => plain(text, &m.children, out),
                }
            }
        }
        let mut back = String::new();
        plain(&text, &segs, &mut back);
        assert_eq!(back, text);
    }
}
