//! Text helpers: folding for matching, word tokens and sentence bounds, all in byte offsets.

use super::fold_table::FOLD;

/// Folds one char for matching: lower case, diacritics stripped ("É" → "e"), curly quotes to
/// `'`. Returns the folded text; chars with no special folding are lower-cased.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' | '\u{00b4}' => out.push('\''),
        '\u{2010}'..='\u{2015}' => out.push('-'),
        _ => match FOLD.binary_search_by(|(k, _)| k.cmp(&c)) {
            Ok(i) => out.push_str(FOLD[i].1),
            Err(_) if is_combining_mark(c) => {}
            Err(_) => out.extend(c.to_lowercase()),
        },
    }
}

/// Combining diacritical marks (U+0300–U+036F): dropped when folding, so "e\u{301}" = "é" = "e".
pub fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036f}').contains(&c)
}

/// Folds a whole string: case-, diacritic- and apostrophe-insensitive.
/// ```
/// assert_eq!(sitrep_engine::text::fold("Tillabéri"), "tillaberi");
/// assert_eq!(sitrep_engine::text::fold("Jama’at"), "jama'at");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// A word: a maximal run of letters, digits and combining marks, in byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the first char.
    pub start: usize,
    /// Byte offset after the last char.
    pub end: usize,
}

/// The words of `text`.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let w = c.is_alphanumeric() || (start.is_some() && is_combining_mark(c));
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word { start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
        });
    }
    out
}

/// A text's words with their folded forms, shared by the dimensions that look words up in
/// tables (actors, weapons, macro-regions): see [`folded_words`].
#[derive(Debug)]
pub struct FoldedWords {
    /// The words, as [`words`] gives them.
    pub words: Vec<Word>,
    /// Each word folded as [`fold`] does.
    pub folded: Vec<String>,
}

/// A value computed from a text, kept with that text: see [`per_text`].
pub type PerText<T> = std::rc::Rc<(String, T)>;

/// Where a [`per_text`] cache keeps the last text's value (one `thread_local!` each).
pub type LastText<T> = std::cell::RefCell<Option<PerText<T>>>;

/// `make(text)`, computed once per text: `slot` keeps the last text's value (one entry,
/// compared by content), so the dimensions of one extraction, which ask for the same text's
/// words, sentences, paragraphs and gate hits in turn, share them.
pub fn per_text<T: 'static>(
    slot: &'static std::thread::LocalKey<LastText<T>>,
    text: &str,
    make: impl FnOnce(&str) -> T,
) -> PerText<T> {
    let cached = slot.with(|c| c.borrow().as_ref().filter(|v| v.0 == text).cloned());
    if let Some(v) = cached {
        return v;
    }
    let v = std::rc::Rc::new((text.to_string(), make(text)));
    slot.with(|c| *c.borrow_mut() = Some(v.clone()));
    v
}

thread_local! {
    static LAST_FOLDED: LastText<FoldedWords> = const { std::cell::RefCell::new(None) };
    static LAST_SENTENCES: LastText<Vec<(usize, usize)>> = const { std::cell::RefCell::new(None) };
}

/// The words of `text` and their folded forms (`.1`), computed once per text ([`per_text`]).
pub fn folded_words(text: &str) -> PerText<FoldedWords> {
    per_text(&LAST_FOLDED, text, |text| {
        let words = words(text);
        let folded = words.iter().map(|w| fold(&text[w.start..w.end])).collect();
        FoldedWords { words, folded }
    })
}

/// [`sentences`] of `text` (`.1`), computed once per text ([`per_text`]): the casualty rules,
/// the date resolver and the incident builder all read them.
pub fn cached_sentences(text: &str) -> PerText<Vec<(usize, usize)>> {
    per_text(&LAST_SENTENCES, text, sentences)
}

/// Sentence bounds in byte offsets: a sentence ends at a line break, or at `.`, `!` or `?`
/// followed by a space and an upper-case letter or a quote, unless the word before the stop is a
/// known abbreviation ("Gen.", "Feb.", "p.m.") or a single capital ("U.").
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let end_here = match b {
            b'\n' => true,
            b'.' | b'!' | b'?' => {
                let next = text[i + 1..].chars().next();
                let after = text[i + 1..].trim_start_matches([' ', '\t']);
                let starts_upper = after
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '"' || c == '\u{201c}');
                next.is_some_and(|c| c == ' ' || c == '\t')
                    && starts_upper
                    && !(b == b'.' && is_abbreviation(&text[start..i]))
            }
            _ => false,
        };
        if end_here {
            let end = if b == b'\n' { i } else { i + 1 };
            push_trimmed(text, start, end, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push((start + lead, end - trail));
    }
}

const ABBREVIATIONS: &[&str] = &[
    "gen", "lt", "col", "maj", "capt", "sgt", "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "a.m", "p.m",
    "u.s", "u.n", "e.g", "i.e", "approx", "km", "gov", "sen", "rep", "brig", "cpl", "pvt", "adm",
];

fn is_abbreviation(before: &str) -> bool {
    let last = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = last.to_lowercase();
    let single_capital = last.chars().count() == 1 && last.chars().all(|c| c.is_uppercase());
    single_capital || ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_quotes() {
        for (input, want) in [
            ("Tillabéri", "tillaberi"),
            ("TILLABÉRI", "tillaberi"),
            ("Tillabe\u{301}ri", "tillaberi"),
            ("Kouré", "koure"),
            ("Jama’at", "jama'at"),
            ("Ségou", "segou"),
            ("Niger–Burkina", "niger-burkina"),
            ("Straße", "strasse"),
            ("Đà Nẵng", "da nang"),
            ("القاعدة", "القاعدة"),
        ] {
            assert_eq!(fold(input), want, "{input}");
        }
    }

    #[test]
    fn splits_words() {
        let t = "Jama’at al-Islam, 36 ";
        let w: Vec<&str> = words(t).iter().map(|w| &t[w.start..w.end]).collect();
        assert_eq!(w, ["Jama", "at", "al", "Islam", "36"]);
    }

    #[test]
    fn splits_sentences() {
        let t = "Gunmen attacked at 6 p.m. Tuesday. Gen. Barmou visited Makalondi on Feb. 5. Five died!\nREAD ALSO: x";
        let s: Vec<&str> = sentences(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            s,
            [
                "Gunmen attacked at 6 p.m. Tuesday.",
                "Gen. Barmou visited Makalondi on Feb. 5.",
                "Five died!",
                "READ ALSO: x"
            ]
        );
        assert!(sentences("").is_empty());
        assert!(sentences("  \n\n ").is_empty());
    }
}
