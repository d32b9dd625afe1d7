//! The undo history of a saved article, and its compact stored form.
//!
//! The page keeps undo and redo as whole documents. Stored that way, two hundred steps of a
//! long article would fill browser storage, so each step is stored as
//!
//! - its metadata (title, source, publication date),
//! - its text as a *delta* from its neighbour nearer to the current document (common prefix and
//!   suffix lengths, and the differing middle): typing one word stores one word, and
//! - the whole document only when the step holds a document's own entities and incidents
//!   ("kept", e.g. an opened file); otherwise the document is rebuilt with
//!   [`format::annotate`](crate::format::annotate), which is what the page did to make it.
//!
//! Steps are stored nearest first and only up to [`HISTORY_BYTES`]; older ones are dropped.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::format::{self, Document, Meta};

/// Most bytes of deltas and whole documents stored for one article's history (each of undo
/// and redo). Older steps beyond it are not saved.
pub const HISTORY_BYTES: usize = 1024 * 1024;

/// One state of the document in the history: what the page's undo stack holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The document.
    pub doc: Rc<Document>,
    /// True when the entities and incidents are the document's own rather than extraction's.
    pub kept: bool,
}

/// Undo and redo stacks, in the page's order: `undo` oldest first, `redo` most recently undone
/// last (so both end with the step nearest the current document).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// Earlier documents, oldest first.
    pub undo: Vec<Step>,
    /// Undone documents, most recently undone last.
    pub redo: Vec<Step>,
}

impl History {
    /// True when there is nothing to undo or redo.
    pub fn is_empty(&self) -> bool {
        self.undo.is_empty() && self.redo.is_empty()
    }
}

/// The text of a step as a change from its neighbour: keep `p` bytes from the start and `s`
/// bytes from the end of the neighbour's text, with `m` between.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct StoredStep {
    p: usize,
    s: usize,
    m: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    /// The whole document (compact JSON) when the step is "kept".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    doc: Option<String>,
}

/// The stored form of a [`History`]: steps nearest the current document first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredHistory {
    #[serde(default)]
    undo: Vec<StoredStep>,
    #[serde(default)]
    redo: Vec<StoredStep>,
}

impl StoredHistory {
    /// Number of undo and redo steps stored.
    pub fn len(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    /// True when no step is stored.
    pub fn is_empty(&self) -> bool {
        self.undo.is_empty() && self.redo.is_empty()
    }
}

/// Encodes `history` relative to `current` (the document shown), nearest steps first, up to
/// [`HISTORY_BYTES`] each way.
pub fn encode(current: &Document, history: &History) -> StoredHistory {
    StoredHistory {
        undo: encode_chain(current, history.undo.iter().rev()),
        redo: encode_chain(current, history.redo.iter().rev()),
    }
}

fn encode_chain<'a>(current: &Document, steps: impl Iterator<Item = &'a Step>) -> Vec<StoredStep> {
    let mut out = Vec::new();
    let mut base = current.document.text.as_str();
    let mut bytes = 0usize;
    for step in steps {
        let text = step.doc.document.text.as_str();
        let (p, s) = common_ends(base, text);
        let m = text[p..text.len() - s].to_string();
        let doc = step.kept.then(|| format::to_json_line(&step.doc));
        bytes += m.len() + doc.as_ref().map_or(0, String::len);
        if bytes > HISTORY_BYTES {
            break;
        }
        let meta = &step.doc.document;
        out.push(StoredStep {
            p,
            s,
            m,
            title: meta.title.clone(),
            source: meta.source.clone(),
            published: meta.published.clone(),
            doc,
        });
        base = text;
    }
    out
}

/// Lengths in bytes of the common prefix and suffix of `a` and `b`, on char boundaries of
/// both and not overlapping in either.
fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let (ab, bb) = (a.as_bytes(), b.as_bytes());
    let mut p = ab.iter().zip(bb).take_while(|(x, y)| x == y).count();
    while !(a.is_char_boundary(p) && b.is_char_boundary(p)) {
        p -= 1;
    }
    let max_s = (a.len() - p).min(b.len() - p);
    let mut s = ab
        .iter()
        .rev()
        .zip(bb.iter().rev())
        .take(max_s)
        .take_while(|(x, y)| x == y)
        .count();
    while !(a.is_char_boundary(a.len() - s) && b.is_char_boundary(b.len() - s)) {
        s -= 1;
    }
    (p, s)
}

/// Rebuilds the history around `current`. A step that cannot be rebuilt (damaged storage)
/// ends its chain: the steps before it are kept, the rest are dropped with an error message.
pub fn decode(current: &Document, stored: &StoredHistory) -> (History, Option<String>) {
    let (mut undo, e1) = decode_chain(current, &stored.undo);
    let (mut redo, e2) = decode_chain(current, &stored.redo);
    undo.reverse();
    redo.reverse();
    (History { undo, redo }, e1.or(e2))
}

fn decode_chain(current: &Document, steps: &[StoredStep]) -> (Vec<Step>, Option<String>) {
    let damaged = |i: usize| {
        format!(
            "undo history step {} is damaged; older steps were dropped",
            i + 1
        )
    };
    let mut out: Vec<Step> = Vec::with_capacity(steps.len());
    let mut base = current.document.text.clone();
    for (i, st) in steps.iter().enumerate() {
        let text = match (
            base.get(..st.p),
            st.s.checked_add(st.p)
                .filter(|&n| n <= base.len())
                .and_then(|_| base.get(base.len() - st.s..)),
        ) {
            (Some(a), Some(b)) => format!("{a}{}{b}", st.m),
            _ => return (out, Some(damaged(i))),
        };
        let step = match &st.doc {
            Some(json) => match format::parse(json) {
                Ok(doc) if doc.document.text == text => Step {
                    doc: Rc::new(doc),
                    kept: true,
                },
                _ => return (out, Some(damaged(i))),
            },
            None => Step {
                doc: Rc::new(format::annotate(Meta {
                    text: text.clone(),
                    title: st.title.clone(),
                    source: st.source.clone(),
                    published: st.published.clone(),
                })),
                kept: false,
            },
        };
        out.push(step);
        base = text;
    }
    (out, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Rc<Document> {
        Rc::new(format::annotate(Meta {
            text: text.into(),
            ..Meta::default()
        }))
    }

    #[test]
    fn common_ends_stay_on_char_boundaries() {
        for (a, b, want) in [
            ("", "", (0, 0)),
            ("abc", "abc", (3, 0)),
            ("abc", "abXc", (2, 1)),
            ("aaa", "aa", (2, 0)),
            ("é", "è", (0, 0)),     // same first byte, different chars
            ("xéy", "xèy", (1, 1)), // ditto, inside
            ("😀a", "😁a", (0, 1)),
            ("", "new", (0, 0)),
        ] {
            let got = common_ends(a, b);
            assert_eq!(got, want, "{a:?} {b:?}");
            let (p, s) = got;
            assert!(b.get(p..b.len() - s).is_some());
        }
    }

    #[test]
    fn round_trips_typing_and_a_kept_document() {
        let mut opened = (*doc("Rebels attacked a convoy near the border on Tuesday.")).clone();
        opened.incidents.clear();
        opened.document.title = Some("Opened".into());
        let history = History {
            undo: vec![
                Step {
                    doc: doc(""),
                    kept: false,
                },
                Step {
                    doc: Rc::new(opened),
                    kept: true,
                },
                Step {
                    doc: doc("Rebels attacked a convoy near the border on Tuesday, killing 4."),
                    kept: false,
                },
            ],
            redo: vec![Step {
                doc: doc("Rebels attacked a convoy near the border on Tuesday, killing 4 é😀."),
                kept: false,
            }],
        };
        let current = doc("Rebels attacked a convoy near the border on Tuesday, killing 4 ..");
        let stored = encode(&current, &history);
        assert_eq!(stored.len(), (3, 1));
        // Deltas, not whole texts: the step nearest the current one stores almost nothing.
        assert!(stored.undo[0].m.len() < 5, "{:?}", stored.undo[0]);
        let json = serde_json::to_string(&stored).unwrap();
        let back: StoredHistory = serde_json::from_str(&json).unwrap();
        let (got, err) = decode(&current, &back);
        assert_eq!(err, None);
        assert_eq!(got, history);
    }

    #[test]
    fn damaged_steps_end_the_chain_without_panic() {
        let current = doc("short");
        for (p, s) in [(99, 0), (0, 99), (6, 5), (usize::MAX, 1), (1, usize::MAX)] {
            let stored = StoredHistory {
                undo: vec![
                    StoredStep {
                        p: 5,
                        s: 0,
                        m: " text".into(),
                        title: None,
                        source: None,
                        published: None,
                        doc: None,
                    },
                    StoredStep {
                        p,
                        s,
                        m: String::new(),
                        title: None,
                        source: None,
                        published: None,
                        doc: None,
                    },
                ],
                redo: vec![],
            };
            let (h, err) = decode(&current, &stored);
            assert_eq!(h.undo.len(), 1, "{p} {s}");
            assert_eq!(h.undo[0].doc.document.text, "short text");
            assert!(err.unwrap().contains("damaged"));
        }
    }

    #[test]
    fn stops_at_the_byte_budget() {
        let big = "x".repeat(HISTORY_BYTES / 3);
        let history = History {
            undo: (0..6)
                .map(|i| Step {
                    doc: doc(&format!("{i}{big}")),
                    kept: i % 2 == 0,
                })
                .collect(),
            redo: vec![],
        };
        let stored = encode(&doc(""), &history);
        assert!(stored.undo.len() < 6 && !stored.undo.is_empty());
    }
}
