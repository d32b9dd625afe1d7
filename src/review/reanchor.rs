//! Re-anchoring: after the article text changes, find where a manual span's quote now stands.
//!
//! A span is anchored by its quote plus up to [`CONTEXT`] characters of text before and after.
//! Among the places where the quote occurs in the new text, the one whose surrounding text agrees
//! most with the old context wins; ties go to the place nearest the old position. A quote that no
//! longer occurs is reported as lost, so the page can flag it rather than drop it.

use crate::extract::span::{slice_chars, Offsets};
use crate::extract::{Entity, Kind};

/// Characters of context compared on each side.
pub const CONTEXT: usize = 32;

/// Where a span was, in code point offsets of the old text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Anchor {
    /// The quoted text.
    pub quote: String,
    /// Up to [`CONTEXT`] characters before it.
    pub prefix: String,
    /// Up to [`CONTEXT`] characters after it.
    pub suffix: String,
    /// Old start offset (code points).
    pub start: usize,
}

impl Anchor {
    /// The anchor of `start..end` in `text`, or `None` if the offsets are out of range.
    pub fn new(text: &str, start: usize, end: usize) -> Option<Anchor> {
        let quote = slice_chars(text, start, end)?.to_string();
        let n = text.chars().count();
        Some(Anchor {
            quote,
            prefix: slice_chars(text, start.saturating_sub(CONTEXT), start)?.to_string(),
            suffix: slice_chars(text, end, (end + CONTEXT).min(n))?.to_string(),
            start,
        })
    }
}

/// An automatic span a person deleted, remembered so re-extraction does not bring it back.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Deleted {
    /// Its kind.
    pub kind: Kind,
    /// Where it was.
    pub anchor: Anchor,
    /// Its length in code points.
    pub len: usize,
}

impl Deleted {
    /// Remembers `e` (in `text`), if its offsets are valid.
    pub fn of(e: &Entity, text: &str) -> Option<Deleted> {
        Some(Deleted {
            kind: e.kind,
            anchor: Anchor::new(text, e.start, e.end)?,
            len: e.end.saturating_sub(e.start),
        })
    }
}

/// The new code point range of `anchor` in `text`, or `None` if the quote is gone.
pub fn reanchor(anchor: &Anchor, text: &str) -> Option<(usize, usize)> {
    if anchor.quote.is_empty() {
        return None;
    }
    let offsets = Offsets::new(text);
    let qlen = anchor.quote.chars().count();
    let mut best: Option<(usize, usize, usize)> = None; // (score, -distance as tiebreak, start)
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find(&anchor.quote)) {
        let b = from + i;
        let start = offsets.char_of_byte(b);
        let before = text[..b]
            .chars()
            .rev()
            .zip(anchor.prefix.chars().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let after = text[b + anchor.quote.len()..]
            .chars()
            .zip(anchor.suffix.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let score = before + after;
        let distance = start.abs_diff(anchor.start);
        let better = match best {
            None => true,
            Some((s, d, _)) => score > s || (score == s && distance < d),
        };
        if better {
            best = Some((score, distance, start));
        }
        from = b + anchor.quote.chars().next().map_or(1, char::len_utf8);
    }
    best.map(|(_, _, start)| (start, start + qlen))
}

/// Where the offsets of an old text fall in a new one that differs from it in one stretch (a
/// typed or pasted piece, a deletion): before the stretch they stay, after it they move by the
/// change in length, and a span that touches it has no place ([`Shift::map`] gives `None`).
///
/// Finding the common start and end of the two texts is one pass over each, so every span of a
/// long article can be followed after each edit; [`reanchor`] searches the text for one quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shift {
    /// Code points the two texts share at their start.
    prefix: usize,
    /// Where the shared end starts in the old text (code points).
    old_tail: usize,
    /// Where it starts in the new text.
    new_tail: usize,
}

impl Shift {
    /// The shift from `old` to `new`.
    pub fn new(old: &str, new: &str) -> Shift {
        let prefix = old
            .chars()
            .zip(new.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let (old_len, new_len) = (old.chars().count(), new.chars().count());
        // The shared end, not reaching back into the shared start of either text.
        let suffix = old
            .chars()
            .rev()
            .zip(new.chars().rev())
            .take_while(|(a, b)| a == b)
            .count()
            .min(old_len - prefix)
            .min(new_len - prefix);
        Shift {
            prefix,
            old_tail: old_len - suffix,
            new_tail: new_len - suffix,
        }
    }

    /// The new range of the old range `start..end`, if it lies wholly before or wholly after
    /// the changed stretch.
    pub fn map(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start > end {
            None
        } else if end <= self.prefix {
            Some((start, end))
        } else if start >= self.old_tail {
            let moved = |x: usize| x - self.old_tail + self.new_tail;
            Some((moved(start), moved(end)))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_moves_spans_around_one_changed_stretch() {
        let old = "Gunmen attacked Kouré. Later, gunmen attacked Téra.";
        // (new text, old span, expected new span)
        type Span = (usize, usize);
        let table: [(&str, Span, Option<Span>); 9] = [
            (old, (30, 36), Some((30, 36))),
            // Inserted before: moves by the 10 code points added.
            (
                "BREAKING: Gunmen attacked Kouré. Later, gunmen attacked Téra.",
                (30, 36),
                Some((40, 46)),
            ),
            (
                "BREAKING: Gunmen attacked Kouré. Later, gunmen attacked Téra.",
                (0, 6),
                Some((10, 16)),
            ),
            // Inserted after: stays.
            (
                "Gunmen attacked Kouré. Later, gunmen attacked Téra. Two died.",
                (30, 36),
                Some((30, 36)),
            ),
            // Inserted between: before stays, after moves.
            (
                "Gunmen attacked Kouré. Much later, gunmen attacked Téra.",
                (16, 21),
                Some((16, 21)),
            ),
            (
                "Gunmen attacked Kouré. Much later, gunmen attacked Téra.",
                (46, 50),
                Some((51, 55)),
            ),
            // Deleted: what followed moves back.
            (
                "Gunmen attacked Kouré. Gunmen attacked Téra.",
                (46, 50),
                Some((39, 43)),
            ),
            // A span that touches the changed stretch has no place.
            (
                "Gunmen attacked Kouré. Later, bandits attacked Téra.",
                (30, 36),
                None,
            ),
            ("", (0, 6), None),
        ];
        for (new, (s, e), want) in table {
            let got = Shift::new(old, new).map(s, e);
            assert_eq!(got, want, "{new:?} {s}..{e}");
            if let Some((a, b)) = got {
                assert_eq!(slice_chars(new, a, b), slice_chars(old, s, e), "{new:?}");
            }
        }
        // Repeated letters at the edit: the shared start and end do not overlap.
        let sh = Shift::new("aaaa", "aaaaaa");
        assert_eq!(sh.map(0, 4), Some((0, 4)));
        assert_eq!(Shift::new("aaaaaa", "aaaa").map(0, 6), None);
        assert_eq!(Shift::new("abc", "abc").map(3, 2), None);
    }

    #[test]
    fn follows_the_quote_through_edits() {
        let old = "Gunmen attacked Kouré. Later, gunmen attacked Téra.";
        // The second "gunmen" (code points 30..36).
        let a = Anchor::new(old, 30, 36).unwrap();
        assert_eq!(a.quote, "gunmen");
        let table = [
            // (new text, expected span or None)
            (old.to_string(), Some((30, 36))),
            (format!("BREAKING: {old}"), Some((40, 46))),
            (
                "Gunmen attacked Kouré. Later, armed gunmen attacked Téra.".to_string(),
                Some((36, 42)),
            ),
            (
                "Later, gunmen attacked Téra. Gunmen attacked Kouré.".to_string(),
                Some((7, 13)),
            ),
            ("Bandits attacked Kouré.".to_string(), None),
            (String::new(), None),
        ];
        for (new, want) in table {
            assert_eq!(reanchor(&a, &new), want, "{new}");
        }
    }

    #[test]
    fn anchors_only_valid_ranges() {
        assert!(Anchor::new("abc", 2, 9).is_none());
        assert!(Anchor::new("abc", 2, 1).is_none());
        let a = Anchor::new("😀x😀", 1, 2).unwrap();
        assert_eq!(
            (a.prefix.as_str(), a.quote.as_str(), a.suffix.as_str()),
            ("😀", "x", "😀")
        );
        assert_eq!(reanchor(&a, "😀😀x😀"), Some((2, 3)));
    }
}
