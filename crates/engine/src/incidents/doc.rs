//! The article as incident building sees it: sentences, lower-cased words, and the entities in
//! byte offsets, each tied to its sentence.

use crate::context::Context;
use crate::model::{Entity, Kind};
use crate::span::Offsets;
use crate::text::{self, Word};

/// An entity with its byte span and sentence.
#[derive(Debug)]
pub struct Ent<'a> {
    /// The entity.
    pub e: &'a Entity,
    /// Byte offset of its first char.
    pub start: usize,
    /// Byte offset after its last char.
    pub end: usize,
    /// Index of its sentence.
    pub sent: usize,
}

/// One sentence.
#[derive(Debug)]
pub struct Sent {
    /// Byte offset of the first char.
    pub start: usize,
    /// Byte offset after the last char.
    pub end: usize,
    /// Its words: `doc.words[w0..w1]`.
    pub w0: usize,
    /// End of its words.
    pub w1: usize,
    /// Its entities: `doc.ents[e0..e1]`.
    pub e0: usize,
    /// End of its entities.
    pub e1: usize,
    /// A headline: the first line, short, with no full stop.
    pub headline: bool,
    /// Not the article's: a list of links pasted with it ("Read more", "Related stories" and
    /// the short lines after them). See [`link_lines`].
    pub aside: bool,
}

/// The article.
pub struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// The publication date, if known.
    pub published: Option<chrono::NaiveDate>,
    /// The text with ASCII letters lower-cased (same byte offsets).
    pub lower: String,
    /// All words.
    pub words: Vec<Word>,
    /// Sentences in order.
    pub sents: Vec<Sent>,
    /// Entities sorted by start.
    pub ents: Vec<Ent<'a>>,
    /// Memo of per-entity and per-article facts that several stages ask for (a location's role,
    /// the article's main country): computed once, so building stays linear in the text.
    pub memo: Memo,
}

/// See [`Doc::memo`].
#[derive(Default)]
pub struct Memo {
    /// Per entity: its location role, once asked.
    pub roles: Vec<std::cell::OnceCell<super::location::Role>>,
    /// Per entity: its actor role, once asked.
    pub actor_roles: Vec<std::cell::OnceCell<super::actors::Role>>,
    /// The article's main country, once asked.
    pub main_country: std::cell::OnceCell<Option<String>>,
}

impl<'a> Doc<'a> {
    /// Indexes `text` and maps `entities` (code point offsets) to bytes; entities whose offsets
    /// fall outside the text are left out.
    pub fn new(text: &'a str, entities: &'a [Entity], ctx: &Context) -> Doc<'a> {
        let offsets = Offsets::new(text);
        let bounds = text::cached_sentences(text);
        let bounds = &bounds.1;
        let words = text::folded_words(text).1.words.clone();
        let mut ents: Vec<Ent<'a>> = entities
            .iter()
            // An unresolved date (no publication date to read "on Wednesday" against) dates
            // nothing: records are built as if it were not marked.
            .filter(|e| !is_unresolved_date(e))
            .filter_map(|e| {
                let start = offsets.byte_of_char(e.start)?;
                let end = offsets.byte_of_char(e.end)?;
                (start < end).then_some(Ent {
                    e,
                    start,
                    end,
                    sent: 0,
                })
            })
            .collect();
        ents.sort_by_key(|x| (x.start, std::cmp::Reverse(x.end)));
        for x in &mut ents {
            x.sent = bounds
                .partition_point(|&(s, _)| s <= x.start)
                .saturating_sub(1);
        }
        let mut sents = Vec::with_capacity(bounds.len());
        let mut wi = 0;
        for (si, &(start, end)) in bounds.iter().enumerate() {
            while wi < words.len() && words[wi].start < start {
                wi += 1;
            }
            let w0 = wi;
            while wi < words.len() && words[wi].end <= end {
                wi += 1;
            }
            sents.push(Sent {
                start,
                end,
                w0,
                w1: wi,
                e0: ents.partition_point(|x| x.sent < si),
                e1: ents.partition_point(|x| x.sent <= si),
                headline: false,
                aside: false,
            });
        }
        for (a, b) in link_lines(text) {
            for se in sents.iter_mut().filter(|se| a <= se.start && se.start < b) {
                se.aside = true;
            }
        }
        if let Some(first) = sents.first_mut() {
            let line_end = text.find('\n').unwrap_or(text.len());
            let t = text[first.start..first.end].trim_end();
            let n_words = first.w1 - first.w0;
            first.headline = first.end <= line_end
                && line_end < text.len()
                && !t.ends_with(['.', '!', '?', ':', '"', '\u{201d}'])
                && (3..=25).contains(&n_words);
        }
        let memo = Memo {
            roles: vec![std::cell::OnceCell::new(); ents.len()],
            actor_roles: vec![std::cell::OnceCell::new(); ents.len()],
            main_country: std::cell::OnceCell::new(),
        };
        Doc {
            text,
            published: ctx.published,
            lower: text.to_ascii_lowercase(),
            words,
            sents,
            ents,
            memo,
        }
    }

    /// The lower-cased word `i`.
    pub fn w(&self, i: usize) -> &str {
        let w = self.words[i];
        &self.lower[w.start..w.end]
    }

    /// Index of the first word starting at or after byte `b`.
    pub fn word_at(&self, b: usize) -> usize {
        self.words.partition_point(|w| w.start < b)
    }

    /// The entities of sentence `s` of `kind`, as indices into `ents`.
    pub fn ents_of(&self, s: usize, kind: Kind) -> impl Iterator<Item = usize> + '_ {
        let se = &self.sents[s];
        (se.e0..se.e1).filter(move |&i| self.ents[i].e.kind == kind)
    }

    /// The text between two byte offsets, lower-cased (empty when out of order).
    pub fn between(&self, a: usize, b: usize) -> &str {
        if a >= b {
            return "";
        }
        self.lower.get(a..b).unwrap_or("")
    }
}

/// Lines that head a list of other stories on a news page: pasted with the article, the
/// list's headlines are not its events.
const LINK_MARKERS: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "see also",
    "related",
    "related stories",
    "related articles",
    "related content",
    "related topics",
    "related news",
    "more on this story",
    "more stories",
    "more from",
    "recommended",
    "recommended stories",
    "most read",
    "most popular",
    "trending",
    "you may also like",
    "latest news",
    "top stories",
];

/// Byte ranges of the link lists in `text`: a line that is one of [`LINK_MARKERS`] (any case,
/// a colon allowed), and the short lines right after it that end with no full stop, up to a
/// blank line or the first line of prose.
pub fn link_lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let t = line.trim();
        if let Some(from) = open {
            let link = !t.is_empty()
                && !t.ends_with(['.', '!', '?', '"', '\u{201d}'])
                && t.split_whitespace().count() <= 25;
            if link {
                continue;
            }
            out.push((from, start));
            open = None;
        }
        let key = t.trim_end_matches(':').trim_end();
        if key.len() <= 24 && LINK_MARKERS.iter().any(|m| m.eq_ignore_ascii_case(key)) {
            open = Some(start);
        }
    }
    if let Some(from) = open {
        out.push((from, text.len()));
    }
    out
}

fn is_unresolved_date(e: &Entity) -> bool {
    matches!(&e.value, crate::model::Value::Date(d) if d.precision == crate::model::DatePrecision::Unresolved)
}

#[cfg(test)]
mod tests {
    use super::link_lines;

    #[test]
    fn link_lists_after_their_marker() {
        // (text, the texts of the ranges found)
        let table: &[(&str, &[&str])] = &[
            (
                "Gunmen killed 12.\n\nREAD MORE\nNigeria: 30 killed in Benue\nBandits abduct 20\n\nPolice confirmed it.",
                &["READ MORE\nNigeria: 30 killed in Benue\nBandits abduct 20\n"],
            ),
            // The list ends at the first line of prose, and may end the text.
            (
                "Related stories:\nTen die in raid\nThe army said it repelled the attack.\nRelated topics\nNigeria",
                &["Related stories:\nTen die in raid\n", "Related topics\nNigeria"],
            ),
            // A marker word inside prose is no marker.
            ("Read more about the attack below.\nTen die in raid\n", &[]),
        ];
        for &(text, want) in table {
            let got: Vec<&str> = link_lines(text).iter().map(|&(a, b)| &text[a..b]).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
