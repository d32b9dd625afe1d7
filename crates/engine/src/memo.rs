//! The paragraph memo: what each rule set found in each paragraph, kept from one extraction to
//! the next, so that re-extracting an edited article runs the rules again over the paragraphs
//! that changed only.
//!
//! No rule phrase spans a blank line, so [`RuleSet::run`](crate::rule::RuleSet::run) runs its
//! rules paragraph by paragraph ([`paragraphs`]) whether the memo is on or not: the memo
//! changes how fast a result comes, never what it is (`tests::memo_changes_nothing`). It is
//! off unless [`enable`]d: the page turns it on, since it re-extracts on every edit; the CLI
//! and the benchmarks, which see each text once, run without it.
//!
//! Each [`extract`](crate::extract) starts a round ([`next_round`]); what the round before
//! stored and this one did not use is dropped then, so the memo holds about one document.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::context::Context;
use crate::rule::Found;

/// What one rule set found in one paragraph: (rule index, find), offsets in the paragraph.
pub(crate) type Finds = Rc<[(u32, Found)]>;

/// Which rule set (its address: rule sets are statics) under which context (a production may
/// read any of it: the publication date today).
type SetKey = (usize, Context);

#[derive(Default)]
struct Memo {
    enabled: bool,
    /// Stored or used in this round.
    now: HashMap<SetKey, HashMap<String, Finds>>,
    /// Stored or used in the round before, not yet in this one.
    before: HashMap<SetKey, HashMap<String, Finds>>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// Turns the memo on (or off, which also empties it).
pub fn enable(on: bool) {
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        m.enabled = on;
        if !on {
            m.now.clear();
            m.before.clear();
        }
    });
}

/// True when the memo is on.
pub(crate) fn enabled() -> bool {
    MEMO.with(|m| m.borrow().enabled)
}

/// Starts a round: what the last round did not use is dropped.
pub(crate) fn next_round() {
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.enabled {
            m.before = std::mem::take(&mut m.now);
        }
    });
}

/// What rule set `set` found in `para` under `ctx`, if the memo holds it.
pub(crate) fn lookup(set: usize, ctx: &Context, para: &str) -> Option<Finds> {
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if !m.enabled {
            return None;
        }
        let key = (set, ctx.clone());
        if let Some(f) = m.now.get(&key).and_then(|p| p.get(para)) {
            return Some(f.clone());
        }
        let f = m.before.get_mut(&key)?.remove(para)?;
        m.now
            .entry(key)
            .or_default()
            .insert(para.to_string(), f.clone());
        Some(f)
    })
}

/// Keeps what rule set `set` found in `para` under `ctx` (when the memo is on).
pub(crate) fn store(set: usize, ctx: &Context, para: &str, finds: &Finds) {
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.enabled {
            m.now
                .entry((set, ctx.clone()))
                .or_default()
                .insert(para.to_string(), finds.clone());
        }
    });
}

/// The paragraphs of `text` as byte ranges that tile it: each is a run of lines up to and
/// including the blank lines (nothing but spaces, tabs or `\r`) after it.
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut start, mut at) = (0, 0);
    // The paragraph so far has a line with text, and a blank line after it.
    let (mut has_text, mut after_blank) = (false, false);
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let blank = text.as_bytes()[at..end]
            .iter()
            .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
        if !blank && after_blank {
            out.push((start, at));
            start = at;
            after_blank = false;
        }
        after_blank |= blank && has_text;
        has_text |= !blank;
        at = end;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

thread_local! {
    static LAST_PARAGRAPHS: crate::text::LastText<Vec<(usize, usize)>> =
        const { RefCell::new(None) };
}

/// [`paragraphs`] of `text` (`.1`), computed once per text ([`crate::text::per_text`]): every
/// rule set reads them.
pub(crate) fn cached_paragraphs(text: &str) -> crate::text::PerText<Vec<(usize, usize)>> {
    crate::text::per_text(&LAST_PARAGRAPHS, text, paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tile_the_text() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("one line", &["one line"]),
            ("a\nb\n", &["a\nb\n"]),
            ("a\n\nb", &["a\n\n", "b"]),
            ("a\r\n \r\n\t\nb\nc\n\n", &["a\r\n \r\n\t\n", "b\nc\n\n"]),
            ("\n\na\n\nb", &["\n\na\n\n", "b"]),
            ("a\n\n\n\nb\n\nc", &["a\n\n\n\n", "b\n\n", "c"]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = paragraphs(text)
                .into_iter()
                .map(|(s, e)| &text[s..e])
                .collect();
            assert_eq!(&got, want, "{text:?}");
            assert_eq!(got.concat(), *text);
        }
    }

    /// The same texts give the same extraction with the memo on and off, including after
    /// edits that reuse some paragraphs.
    #[test]
    fn memo_changes_nothing() {
        let ctx = Context::published(chrono::NaiveDate::from_ymd_opt(2025, 3, 10).unwrap());
        let first = "Gunmen killed 12 villagers in Tillabéri on Monday, officials said.\n\n\
                     The army said two soldiers were wounded.\n\n\
                     On Tuesday, a roadside bomb killed three police officers near Gao.";
        let edits = [
            first.to_string(),
            first.replace("12 villagers", "15 villagers"),
            first.replace("two soldiers", "at least 20 soldiers"),
            format!("{first}\n\nTwo days later, jihadists attacked a base in Menaka."),
            first.replace("\n\n", " "),
        ];
        let plain: Vec<_> = edits.iter().map(|t| crate::extract(t, &ctx)).collect();
        enable(true);
        for round in 0..2 {
            for (t, want) in edits.iter().zip(&plain) {
                assert_eq!(&crate::extract(t, &ctx), want, "round {round}: {t}");
            }
        }
        enable(false);
    }
}
