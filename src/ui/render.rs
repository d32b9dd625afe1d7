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
//!
//! # Blocks
//!
//! The page draws the segments in [`Block`]s (see [`blocks`]), each its own memoised component,
//! so an edit re-renders only the blocks whose text or highlights changed, not the whole article.
//! A block ends after a run of line breaks (a paragraph with the blank lines after it); inside a
//! long line, after a word whose hash is a multiple of [`CUT_EVERY`] (so the cuts depend only on
//! the words around them, and typing in one place does not move the cuts elsewhere); and, as a
//! last resort, after [`MAX_BLOCK`] bytes. A block never ends inside a top-level highlight: a
//! highlight that spans a line break keeps the line after it in the same block, so every
//! highlight is drawn exactly as without blocks.
//!
//! Offsets inside a block are relative, so that a block after an edit compares equal to the same
//! block before it: its segments' byte ranges count from the block's first byte and their entity
//! indices from [`Block::entity_base`]. The page writes the block's first code point offset in the
//! article as `data-base` and its entity base as `data-entity-base` on the block's element; a
//! text piece's `data-start` and a mark's `data-entity` are relative to those.

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

/// A block ends after a word (followed by white space) whose FNV-1a hash is a multiple of this:
/// about one cut per this many words in a line without line breaks.
pub const CUT_EVERY: u64 = 64;

/// Longest block in bytes before it is cut at the next white space outside a highlight (at twice
/// this, at the next character outside one), whatever the words.
pub const MAX_BLOCK: usize = 4096;

/// One block of the article as the page draws it: a paragraph, or a piece of a long line (see
/// the module docs). Everything but [`Block::bytes`], [`Block::base`] and
/// [`Block::entity_base`] is relative to the block, so it stays equal when text is inserted or
/// deleted before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Byte range of the block in the text.
    pub bytes: Range<usize>,
    /// Code point offset of the block's first character in the text (`data-base`).
    pub base: usize,
    /// Lowest index in the document's `entities` of the entities drawn in the block, 0 when
    /// there are none (`data-entity-base`).
    pub entity_base: usize,
    /// The entities drawn in the block, as indices relative to `entity_base`, ascending.
    pub entities: Vec<usize>,
    /// The block's segments: byte ranges relative to `bytes.start`, entity indices relative to
    /// `entity_base`. They cover the block exactly.
    pub segments: Vec<Segment>,
}

/// The article's [`segments`], split into [`Block`]s (see the module docs).
pub fn blocks(text: &str, entities: &[Entity]) -> Vec<Block> {
    let segs = segments(text, entities);
    let marks: Vec<Range<usize>> = segs
        .iter()
        .filter_map(|s| match s {
            Segment::Mark(m) => Some(m.range.clone()),
            Segment::Text(_) => None,
        })
        .collect();
    let cuts = cuts(text, &marks);
    // Split the top-level segments at the cuts (which never fall inside a mark).
    let mut parts: Vec<(Range<usize>, Vec<Segment>)> = Vec::with_capacity(cuts.len() + 1);
    let mut cur = Vec::new();
    let mut start = 0;
    let mut next = cuts.iter().copied().peekable();
    for seg in segs {
        let (range, text_piece) = match &seg {
            Segment::Text(r) => (r.clone(), true),
            Segment::Mark(m) => (m.range.clone(), false),
        };
        // Cuts before this segment, or (plain text only) inside it.
        let mut from = range.start;
        let limit = if text_piece {
            range.end
        } else {
            range.start + 1
        };
        while let Some(c) = next.next_if(|&c| c < limit) {
            if c > from {
                cur.push(Segment::Text(from..c));
                from = c;
            }
            if c > start {
                parts.push((start..c, std::mem::take(&mut cur)));
                start = c;
            }
        }
        if !text_piece {
            // None falls inside a mark (see `cuts`); were one to, it would be dropped.
            while next.next_if(|&c| c < range.end).is_some() {}
        }
        if from == range.start {
            cur.push(seg);
        } else {
            cur.push(Segment::Text(from..range.end));
        }
    }
    if start < text.len() || !cur.is_empty() {
        parts.push((start..text.len(), cur));
    }
    let mut base = 0;
    parts
        .into_iter()
        .map(|(bytes, mut segments)| {
            let mut used = Vec::new();
            entities_in(&segments, &mut used);
            used.sort_unstable();
            used.dedup();
            let entity_base = used.first().copied().unwrap_or(0);
            for s in &mut segments {
                rebase(s, bytes.start, entity_base);
            }
            let block = Block {
                base,
                entity_base,
                entities: used.iter().map(|i| i.saturating_sub(entity_base)).collect(),
                segments,
                bytes: bytes.clone(),
            };
            base += text.get(bytes).map_or(0, |t| t.chars().count());
            block
        })
        .collect()
}

/// Where blocks end (byte offsets, ascending, each inside the text and on a char boundary, none
/// inside one of `marks`, the top-level highlights' ranges, sorted): see the module docs.
fn cuts(text: &str, marks: &[Range<usize>]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut last = 0;
    let mut m = 0;
    let mut prev: Option<char> = None;
    // Hash of the word being read, and of the word before the current white space.
    let mut word = FNV_OFFSET;
    let mut word_len = 0;
    let mut prev_word: Option<u64> = None;
    for (p, c) in text.char_indices() {
        while marks.get(m).is_some_and(|r| r.end <= p) {
            m += 1;
        }
        let inside = marks.get(m).is_some_and(|r| r.start < p);
        if let Some(q) = prev.filter(|_| !inside && p > last) {
            let paragraph = q == '\n' && c != '\n' && c != '\r';
            let word_start = q.is_whitespace() && !c.is_whitespace();
            let hashed = word_start && prev_word.is_some_and(|h| h % CUT_EVERY == 0);
            let len = p - last;
            let forced = (len >= MAX_BLOCK && q.is_whitespace()) || len >= 2 * MAX_BLOCK;
            if paragraph || hashed || forced {
                out.push(p);
                last = p;
            }
        }
        if c.is_whitespace() {
            if word_len > 0 {
                prev_word = Some(word);
            }
            word = FNV_OFFSET;
            word_len = 0;
        } else {
            let mut buf = [0; 4];
            word = fnv(word, c.encode_utf8(&mut buf).as_bytes());
            word_len += 1;
        }
        prev = Some(c);
    }
    out
}

/// FNV-1a's start value.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a of `bytes`, continuing from `h` (start with [`FNV_OFFSET`]): a small, fixed hash.
fn fnv(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Keys for the page's keyed list of blocks, kept from one document to the next (without keys,
/// Yew matches a list from its end, and a paragraph added at the end would pair every block
/// with its neighbour and redraw them all). [`BlockIds::next`] gives each block of a new
/// document an id:
/// - the blocks whose text is unchanged at the start and at the end of the list keep theirs;
/// - the changed blocks in between take the ids of the blocks they replace, in order, so the
///   paragraph being typed in (or resized, relabelled, undone) is updated in place rather than
///   drawn anew;
/// - any further block gets a new id.
///
/// Ids are unique within a document.
#[derive(Clone, Debug, Default)]
pub struct BlockIds {
    /// The previous document's blocks: a hash of each one's text, and its id.
    hashes: Vec<u64>,
    ids: Vec<u64>,
    /// The last new id given.
    fresh: u64,
}

impl BlockIds {
    /// The ids of `blocks` (of `text`), given the previous call's blocks.
    pub fn next(&mut self, text: &str, blocks: &[Block]) -> Vec<u64> {
        let hashes: Vec<u64> = blocks
            .iter()
            .map(|b| {
                fnv(
                    FNV_OFFSET,
                    text.get(b.bytes.clone()).unwrap_or("").as_bytes(),
                )
            })
            .collect();
        let (old, new) = (self.hashes.len(), hashes.len());
        let head = self
            .hashes
            .iter()
            .zip(&hashes)
            .take_while(|(a, b)| a == b)
            .count();
        let tail = self.hashes[head..]
            .iter()
            .rev()
            .zip(hashes[head..].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let mut ids = Vec::with_capacity(new);
        ids.extend_from_slice(&self.ids[..head]);
        // The changed middle: the old ids in order, then new ones.
        let reused = &self.ids[head..old - tail];
        for i in 0..new - tail - head {
            ids.push(reused.get(i).copied().unwrap_or_else(|| {
                self.fresh += 1;
                self.fresh
            }));
        }
        ids.extend_from_slice(&self.ids[old - tail..]);
        self.hashes = hashes;
        self.ids.clone_from(&ids);
        ids
    }
}

/// Adds the entity index of every mark in `segs` (at any depth) to `out`.
fn entities_in(segs: &[Segment], out: &mut Vec<usize>) {
    for s in segs {
        if let Segment::Mark(m) = s {
            out.push(m.entity);
            entities_in(&m.children, out);
        }
    }
}

/// Makes `seg`'s byte ranges relative to `bytes` and its entity indices relative to `entities`
/// (both at most the smallest in it).
fn rebase(seg: &mut Segment, bytes: usize, entities: usize) {
    match seg {
        Segment::Text(r) => *r = r.start.saturating_sub(bytes)..r.end.saturating_sub(bytes),
        Segment::Mark(m) => {
            m.range = m.range.start.saturating_sub(bytes)..m.range.end.saturating_sub(bytes);
            m.entity = m.entity.saturating_sub(entities);
            for c in &mut m.children {
                rebase(c, bytes, entities);
            }
        }
    }
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
        let mut unresolved = e.clone();
        unresolved.value = Value::Date(DateValue {
            precision: crate::extract::DatePrecision::Unresolved,
            ..DateValue::default()
        });
        assert_eq!(
            describe(&unresolved),
            "Date: “Monday” = no date until the publication date is set (rule weekday; automatic)"
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

    /// The blocks' segments made absolute again (ranges and entity indices), in order.
    fn unblock(blocks: &[Block]) -> Vec<Segment> {
        fn back(s: &Segment, b: &Block) -> Segment {
            match s {
                Segment::Text(r) => Segment::Text(r.start + b.bytes.start..r.end + b.bytes.start),
                Segment::Mark(m) => Segment::Mark(Mark {
                    entity: m.entity + b.entity_base,
                    range: m.range.start + b.bytes.start..m.range.end + b.bytes.start,
                    children: m.children.iter().map(|c| back(c, b)).collect(),
                    ..m.clone()
                }),
            }
        }
        blocks
            .iter()
            .flat_map(|b| b.segments.iter().map(move |s| back(s, b)))
            .collect()
    }

    /// Checks what every split must keep: the blocks cover the text in order, `base` counts the
    /// code points before each, the entity lists match the marks, and the highlights drawn are
    /// exactly those of the unsplit segments.
    fn check_blocks(text: &str, ents: &[Entity]) -> Vec<Block> {
        let blocks = blocks(text, ents);
        let mut at = 0;
        for b in &blocks {
            assert_eq!(b.bytes.start, at, "contiguous");
            assert!(b.bytes.end > b.bytes.start, "not empty");
            assert_eq!(b.base, text[..at].chars().count(), "base");
            let mut used = Vec::new();
            entities_in(&b.segments, &mut used);
            used.sort_unstable();
            used.dedup();
            assert_eq!(used, b.entities, "entity list");
            assert_eq!(
                used.first().copied().unwrap_or(0),
                0,
                "relative to the lowest"
            );
            at = b.bytes.end;
        }
        assert_eq!(at, text.len(), "the whole text");
        let whole = segments(text, ents);
        assert_eq!(
            to_bracketed(text, ents, &unblock(&blocks)),
            to_bracketed(text, ents, &whole)
        );
        blocks
    }

    fn block_texts<'t>(text: &'t str, blocks: &[Block]) -> Vec<&'t str> {
        blocks.iter().map(|b| &text[b.bytes.clone()]).collect()
    }

    #[test]
    fn blocks_are_paragraphs() {
        let text = "One.\n\nTwo on Monday.\nThree\r\n\r\nfour";
        let (s, e) = at(text, "Monday");
        let ents = vec![ent(text, D, s, e)];
        let blocks = check_blocks(text, &ents);
        assert_eq!(
            block_texts(text, &blocks),
            ["One.\n\n", "Two on Monday.\n", "Three\r\n\r\n", "four"]
        );
        assert_eq!(blocks[1].base, 6);
        assert_eq!(blocks[1].entity_base, 0);
        // "Two on " is 7 bytes into the block.
        assert_eq!(
            blocks[1].segments,
            vec![
                Segment::Text(0..7),
                Segment::Mark(Mark {
                    entity: 0,
                    range: 7..13,
                    continues_before: false,
                    continues_after: false,
                    children: vec![Segment::Text(7..13)],
                }),
                Segment::Text(13..15),
            ]
        );
        assert!(super::blocks("", &[]).is_empty());
        assert_eq!(
            block_texts("\n\nx", &check_blocks("\n\nx", &[])),
            ["\n\n", "x"]
        );
    }

    #[test]
    fn a_highlight_over_a_line_break_stays_in_one_block() {
        let text = "a b\nc d\ne";
        let (s, e) = at(text, "b\nc");
        let ents = vec![ent(text, W, s, e), ent(text, D, 0, 1)];
        let blocks = check_blocks(text, &ents);
        assert_eq!(block_texts(text, &blocks), ["a b\nc d\n", "e"]);
        // Crossing spans over a break are drawn as without blocks, with their pieces.
        let text = "one two\nthree four";
        let (a, b) = at(text, "one two\nthree");
        let (c, d) = at(text, "two\nthree four");
        let ents = vec![ent(text, W, a, b), ent(text, D, c, d)];
        assert_eq!(check_blocks(text, &ents).len(), 1);
    }

    #[test]
    fn entity_indices_are_relative_to_the_block() {
        let text = "x on Monday\ny at noon and dawn";
        let ents: Vec<Entity> = ["Monday", "noon", "dawn"]
            .iter()
            .map(|n| {
                let (s, e) = at(text, n);
                ent(text, D, s, e)
            })
            .collect();
        let blocks = check_blocks(text, &ents);
        assert_eq!(blocks.len(), 2);
        assert_eq!(
            (blocks[1].entity_base, blocks[1].entities.clone()),
            (1, vec![0, 1])
        );
        assert_eq!(blocks[1].base, 12);
    }

    /// A paragraph of `n` words, different for each `seed`.
    fn words(seed: usize, n: usize) -> String {
        (0..n)
            .map(|i| format!("w{seed}x{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn an_edit_leaves_the_other_blocks_equal() {
        // Paragraphs, and one long line: text typed in one place changes one block (two when
        // it moves a cut), whatever comes before or after.
        let paragraphs: Vec<String> = (0..40).map(|i| words(i, 40)).collect();
        for text in [paragraphs.join("\n\n"), paragraphs.join(" ")] {
            let ents: Vec<Entity> = (0..text.chars().count() / 50)
                .map(|i| ent(&text, W, i * 50, i * 50 + 4))
                .collect();
            let before = check_blocks(&text, &ents);
            assert!(before.len() >= 10, "{} blocks", before.len());
            let cut = text.len() / 2;
            let cut = (cut..)
                .find(|&i| text.as_bytes()[i] == b' ')
                .expect("a space");
            let edited = format!("{} inserted words here{}", &text[..cut], &text[cut..]);
            // The entities after the insertion move with it.
            let shift = " inserted words here".chars().count();
            let cp = text[..cut].chars().count();
            let moved: Vec<Entity> = ents
                .iter()
                .map(|e| {
                    let s = if e.start >= cp {
                        e.start + shift
                    } else {
                        e.start
                    };
                    ent(&edited, W, s, s + 4)
                })
                .collect();
            let after = check_blocks(&edited, &moved);
            let same = |a: &Block, b: &Block| {
                text[a.bytes.clone()] == edited[b.bytes.clone()]
                    && a.segments == b.segments
                    && a.entities == b.entities
            };
            let head = before
                .iter()
                .zip(&after)
                .take_while(|(a, b)| same(a, b))
                .count();
            let tail = before
                .iter()
                .rev()
                .zip(after.iter().rev())
                .take_while(|(a, b)| same(a, b))
                .count();
            assert!(
                head + tail + 2 >= before.len(),
                "{head} + {tail} of {} blocks unchanged",
                before.len()
            );
        }
    }

    #[test]
    fn block_ids_follow_the_blocks_through_edits() {
        let mut ids = BlockIds::default();
        let mut next = |text: &str| ids.next(text, &check_blocks(text, &[]));
        let unique =
            |v: &[u64]| v.iter().collect::<std::collections::HashSet<_>>().len() == v.len();
        let a = next("Same.\n\nOther.\n\nSame.\n\nLast");
        assert_eq!(a.len(), 4);
        assert!(unique(&a), "{a:?}");
        // Typing in a paragraph: every block keeps its id, the edited one too.
        let b = next("Same.\n\nOther, longer.\n\nSame.\n\nLast");
        assert_eq!(b, a);
        // A paragraph added at the start, at the end, in the middle: the others keep theirs.
        let c = next("New.\n\nSame.\n\nOther, longer.\n\nSame.\n\nLast");
        assert_eq!(c[1..], a[..]);
        assert!(unique(&c) && !a.contains(&c[0]));
        let d = next("New.\n\nSame.\n\nOther, longer.\n\nSame.\n\nLast.\n\nEnd");
        assert_eq!(d[..5], c[..]);
        assert!(unique(&d));
        // A paragraph split in two: the first part keeps the id, the second gets a new one.
        let e = next("New.\n\nSame.\n\nOther,\n\nlonger.\n\nSame.\n\nLast.\n\nEnd");
        assert_eq!(e[..3], d[..3]);
        assert_eq!(e[4..], d[3..]);
        assert!(unique(&e));
        // Everything deleted, then typed again.
        assert!(next("").is_empty());
        let f = next("Same.");
        assert!(f.len() == 1 && !e.contains(&f[0]));
    }

    #[test]
    fn long_runs_without_spaces_are_cut() {
        let text = "x".repeat(5 * MAX_BLOCK);
        let blocks = check_blocks(&text, &[]);
        assert!(blocks.iter().all(|b| b.bytes.len() <= 2 * MAX_BLOCK));
        let text = "ab ".repeat(3 * MAX_BLOCK);
        let blocks = check_blocks(&text, &[]);
        assert!(blocks.iter().all(|b| b.bytes.len() <= MAX_BLOCK + 3));
        // One highlight over everything: one block.
        let ents = vec![ent(&text, W, 0, text.chars().count())];
        assert_eq!(check_blocks(&text, &ents).len(), 1);
    }

    #[test]
    fn blocks_keep_every_highlight_of_hostile_input() {
        let text: String = "word \n\n😀 قصف\r\n".repeat(60);
        let n = text.chars().count();
        let ents: Vec<Entity> = (0..200)
            .map(|i| {
                let s = (i * 13) % n;
                ent(
                    &text,
                    if i % 2 == 0 { D } else { W },
                    s,
                    (s + 1 + i % 23).min(n),
                )
            })
            .collect();
        check_blocks(&text, &ents);
    }
}
