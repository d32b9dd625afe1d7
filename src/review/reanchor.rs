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

#[cfg(test)]
mod tests {
    use super::*;

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
