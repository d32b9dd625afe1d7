//! Matching names from a data table (gazetteer, actor table, weapon list) in text: whole words,
//! case- and diacritic-insensitive, leftmost-longest.
//!
//! A name is split into folded words; the text is split the same way; one hash lookup per text
//! word finds the names that can start there, and the longest that matches wins. Between the
//! words of a name the text may have spaces, hyphens, apostrophes, dots or a slash.

use super::hash::FastMap;
use super::text::{fold, words, Word};

/// The lines of a data table that hold data: not blank, not a `#` comment.
pub fn data_lines(tsv: &str) -> impl Iterator<Item = &str> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// The rows of a tab-separated data table ([`data_lines`] split at tabs); a row with fewer than
/// `min_cols` columns is skipped (each table's test compares its record count with
/// [`data_lines`] to catch one).
pub fn tsv_rows(tsv: &str, min_cols: usize) -> impl Iterator<Item = Vec<&str>> {
    data_lines(tsv)
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(move |cols| cols.len() >= min_cols)
}

/// When a name may match regardless of case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// Any case: "ied", "IED", "Ied".
    Any,
    /// The first letter in the text must be upper-case ("Say" the town, not "say").
    Capitalized,
    /// Exactly as written in the table, apart from diacritics ("IS", "AES").
    Exact,
}

struct Entry {
    /// Folded words after the first.
    rest: Vec<String>,
    /// The name as written in the table (for `Case::Exact`).
    original: String,
    case: Case,
    payload: u32,
}

/// A compiled name table; payloads are indexes into the caller's own records.
#[derive(Default)]
pub struct Lexicon {
    by_first: FastMap<String, Vec<Entry>>,
}

/// A name found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LexMatch {
    /// Byte offset of the first char.
    pub start: usize,
    /// Byte offset after the last char.
    pub end: usize,
    /// The caller's payload for the matching name.
    pub payload: u32,
}

impl Lexicon {
    /// An empty table.
    pub fn new() -> Lexicon {
        Lexicon::default()
    }

    /// Adds `name` with `payload`. Names with no word chars are ignored.
    pub fn insert(&mut self, name: &str, case: Case, payload: u32) {
        let ws = words(name);
        let Some(first) = ws.first() else { return };
        let first = fold(&name[first.start..first.end]);
        let rest = ws[1..]
            .iter()
            .map(|w| fold(&name[w.start..w.end]))
            .collect();
        self.by_first.entry(first).or_default().push(Entry {
            rest,
            original: name.to_string(),
            case,
            payload,
        });
    }

    /// Number of distinct first words (a size figure for docs and tests).
    pub fn len(&self) -> usize {
        self.by_first.len()
    }

    /// True if nothing was inserted.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// All leftmost-longest, non-overlapping matches in `text`. When several names of the same
    /// length match at one place, every payload is returned (same span), in insertion order.
    pub fn find(&self, text: &str) -> Vec<LexMatch> {
        let f = super::text::folded_words(text);
        self.find_in(text, &f.1.words, &f.1.folded)
    }

    /// As [`Lexicon::find`], with the words and their folded forms computed by the caller (so
    /// several tables can share one pass over the text).
    pub fn find_in(&self, text: &str, ws: &[Word], folded: &[String]) -> Vec<LexMatch> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            let mut best_len = 0;
            let mut best: Vec<u32> = Vec::new();
            if let Some(entries) = self.by_first.get(&folded[i]) {
                for e in entries {
                    let n = 1 + e.rest.len();
                    if n < best_len || i + n > ws.len() {
                        continue;
                    }
                    if !e.rest.iter().enumerate().all(|(k, w)| {
                        folded[i + 1 + k] == *w
                            && joinable(&text[ws[i + k].end..ws[i + k + 1].start])
                    }) {
                        continue;
                    }
                    let span = &text[ws[i].start..ws[i + n - 1].end];
                    if !case_ok(e, span) {
                        continue;
                    }
                    if n > best_len {
                        best_len = n;
                        best.clear();
                    }
                    if !best.contains(&e.payload) {
                        best.push(e.payload);
                    }
                }
            }
            if best_len > 0 {
                let (start, end) = (ws[i].start, ws[i + best_len - 1].end);
                out.extend(best.into_iter().map(|payload| LexMatch {
                    start,
                    end,
                    payload,
                }));
                i += best_len;
            } else {
                i += 1;
            }
        }
        out
    }
}

/// What may stand between two words of one name.
fn joinable(gap: &str) -> bool {
    !gap.is_empty()
        && gap.chars().count() <= 3
        && gap.chars().all(|c| {
            matches!(
                c,
                ' ' | '-' | '\'' | '.' | '/' | '\u{2019}' | '\u{2010}'..='\u{2014}' | '\u{a0}'
            )
        })
}

fn case_ok(e: &Entry, span: &str) -> bool {
    match e.case {
        Case::Any => true,
        Case::Capitalized => span.chars().next().is_some_and(char::is_uppercase),
        Case::Exact => {
            // Compare letters with diacritics stripped but case kept.
            let strip = |s: &str| -> String {
                let mut out = String::with_capacity(s.len());
                let mut buf = String::new();
                for c in s.chars().filter(|c| c.is_alphanumeric()) {
                    buf.clear();
                    super::text::fold_char(c, &mut buf);
                    if c.is_uppercase() {
                        out.extend(buf.chars().flat_map(char::to_uppercase));
                    } else {
                        out.push_str(&buf);
                    }
                }
                out
            };
            strip(span) == strip(&e.original)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(lex: &Lexicon, text: &'t str) -> Vec<(&'t str, u32)> {
        lex.find(text)
            .into_iter()
            .map(|m| (&text[m.start..m.end], m.payload))
            .collect()
    }

    #[test]
    fn leftmost_longest_whole_words_folded() {
        let mut lex = Lexicon::new();
        lex.insert("Jama'at Nusrat al-Islam wal Muslimin", Case::Any, 1);
        lex.insert("Nusrat", Case::Any, 2);
        lex.insert("Tillabéri", Case::Capitalized, 3);
        lex.insert("Say", Case::Capitalized, 4);
        lex.insert("IS", Case::Exact, 5);
        let t = "Fighters of Jama’at Nusrat al-Islam wal Muslimin (JNIM) hit TILLABERI; Nusrat; say; Say; IS; is";
        assert_eq!(
            found(&lex, t),
            [
                ("Jama’at Nusrat al-Islam wal Muslimin", 1),
                ("TILLABERI", 3),
                ("Nusrat", 2),
                ("Say", 4),
                ("IS", 5)
            ]
        );
        assert!(
            found(&lex, "Tillaberia Nusratx").is_empty(),
            "whole words only"
        );
    }

    #[test]
    fn same_name_twice_gives_every_payload() {
        let mut lex = Lexicon::new();
        lex.insert("Tripoli", Case::Capitalized, 1);
        lex.insert("Tripoli", Case::Capitalized, 2);
        assert_eq!(found(&lex, "in Tripoli."), [("Tripoli", 1), ("Tripoli", 2)]);
    }
}
