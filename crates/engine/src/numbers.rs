//! Numbers and counts: "1,200", "twenty-one", "at least 36", "dozens of", "between 20 and 30".
//!
//! Two halves that must agree:
//! - regex fragments ([`FRAGMENTS`]) that other dimensions splice into their rule patterns with
//!   `{number}`, `{count}` and `{count_or_a}` placeholders (see [`super::rule::expand`]);
//! - [`parse_count`], which turns the text such a fragment matched into a [`Count`].
//!
//! Values follow `shared/eval/CONVENTIONS.md` exactly:
//!
//! | words | low | best | high |
//! |---|---|---|---|
//! | "12", "twelve", "a dozen", "1,200", "1 200", "one hundred and five" | n | n | n |
//! | "at least / no fewer than / more than / over / upwards of n", "n or more", "n+" | n | n | – |
//! | "about / around / approximately / some / roughly / nearly / almost / an estimated n" | n | n | n |
//! | "up to / as many as n" | – | n | n |
//! | "between n and m", "n to m", "n-m", "n or m" | n | (n+m)/2 | m |
//! | "a couple of" | 2 | 2 | – |
//! | "a few", "several", "a number of", "many", "a handful of", "numerous" | 3 | 3 | – |
//! | "tens of" | 10 | 10 | – |
//! | "dozens (of)", "several dozen" | 12 | 12 | – |
//! | "scores of" | 20 | 20 | – |
//! | "hundreds (of)", "several hundred" | 100 | 100 | – |
//! | "thousands (of)", "several thousand" | 1000 | 1000 | – |
//! | "a", "an", "one of the" (a single person) | 1 | 1 | 1 |
//! | "no" ("no soldiers were killed") | 0 | 0 | 0 |
//!
//! A qualifier on a vague quantity ("at least several hundred") keeps the vague value.
//! Years, times, ages, percentages and ordinals are not counts: the fragments require a word
//! boundary after the digits (so "12th" and "35-year-old" never match as counts) and the rules
//! that use them require a following noun or verb (so "6:30" and "40%" never match).

use super::model::Count;

/// Digits, with thousands separators (`1,200`, `1 200`, `1.200` is not accepted: too often a
/// decimal) and an optional multiplier word ("3 million").
pub const DIGITS: &str = r"(?-u:\b)(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u{a0}\u{202f}]\d{3})+|\d+)(?-u:\b)(?:\s+(?:hundred|thousand|million)(?-u:\b))?";

/// Number words, up to the thousands ("one hundred and five", "a dozen", "two thousand").
pub const NUMBER_WORDS: &str = concat!(
    r"(?-u:\b)(?:",
    r"(?:half\s+a\s+dozen|a\s+dozen|(?:two|three|four|five)\s+dozen)",
    r"|(?:(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+(?:and\s+)?(?:",
    "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine",
    r")(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)(?-u:\b))?)?)",
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty)\s+thousand",
    r"|(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)(?:-|\s)(?:one|two|three|four|five|six|seven|eight|nine)",
    r"|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety",
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen",
    r"|one|two|three|four|five|six|seven|eight|nine",
    r")(?-u:\b)"
);

/// Qualifiers written before a number.
pub const QUALIFIER: &str = r"(?-u:\b)(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|more\s+than|over|upwards\s+of|in\s+excess\s+of|a\s+minimum\s+of|about|around|approximately|approx\.|some|roughly|nearly|almost|an\s+estimated|estimated|close\s+to|up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than)";

/// Vague quantities ("dozens of", "several hundred"). Longest first: alternation is ordered.
pub const VAGUE: &str = r"(?-u:\b)(?:a\s+couple\s+of|a\s+handful\s+of|a\s+few|a\s+number\s+of|(?:several|a\s+few)\s+dozen|(?:several|a\s+few)\s+hundred|(?:several|a\s+few)\s+thousand|(?:tens|hundreds)\s+of\s+thousands(?:\s+of)?|tens\s+of|dozens(?:\s+of)?|scores(?:\s+of)?|hundreds(?:\s+of)?|thousands(?:\s+of)?|several|numerous|many)(?-u:\b)";

/// The regex fragments this module provides, by placeholder name.
///
/// - `{number}`: a bare number, digits or words;
/// - `{count}`: a number with its qualifiers, a range, or a vague quantity;
/// - `{count_or_a}`: `{count}`, or "a"/"an"/"one of the" for a single person (use only before
///   a noun, never alone).
pub const FRAGMENTS: &[(&str, &str)] = &[
    ("digits", DIGITS),
    ("number_words", NUMBER_WORDS),
    ("number", r"{digits}|{number_words}"),
    ("qualifier", QUALIFIER),
    ("vague", VAGUE),
    ("ordinal", ORDINAL),
    (
        "count",
        r"(?:{qualifier}\s+)?(?:(?-u:\b)between\s+(?:{number})\s+and\s+(?:{number})|(?:{number})(?:(?:\s*(?:to|or)\s*|[-–—])(?:{number})|\s+[-–—]\s+(?:{digits}))?(?:\s+or\s+more|\+|-plus)?|{vague})",
    ),
    (
        "count_or_a",
        r"{count}|(?-u:\b)one\s+of\s+(?:the|their|its|our|those)(?-u:\b)|(?-u:\b)another(?-u:\b)|(?-u:\b)an?(?-u:\b)",
    ),
];

/// Ordinals that name one more person after others ("wounded a fifth"), as `{ordinal}`.
const ORDINAL: &str = "second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth";

/// True for a lower-case ordinal word of `{ordinal}` ("fifth").
pub fn is_ordinal_word(w: &str) -> bool {
    ORDINAL.split('|').any(|o| o == w)
}

/// How a qualifier bends the number after it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Qual {
    Exact,
    AtLeast,
    UpTo,
}

const QUALIFIERS: &[(&str, Qual)] = &[
    ("at least", Qual::AtLeast),
    ("no fewer than", Qual::AtLeast),
    ("no less than", Qual::AtLeast),
    ("not less than", Qual::AtLeast),
    ("more than", Qual::AtLeast),
    ("over", Qual::AtLeast),
    ("upwards of", Qual::AtLeast),
    ("in excess of", Qual::AtLeast),
    ("a minimum of", Qual::AtLeast),
    ("about", Qual::Exact),
    ("around", Qual::Exact),
    ("approximately", Qual::Exact),
    ("approx.", Qual::Exact),
    ("some", Qual::Exact),
    ("roughly", Qual::Exact),
    ("nearly", Qual::Exact),
    ("almost", Qual::Exact),
    ("an estimated", Qual::Exact),
    ("estimated", Qual::Exact),
    ("close to", Qual::Exact),
    ("up to", Qual::UpTo),
    ("as many as", Qual::UpTo),
    ("at most", Qual::UpTo),
    ("no more than", Qual::UpTo),
];

/// Vague quantities: (words, lower bound). All are open-ended: low = best = n, high = none.
const VAGUE_VALUES: &[(&str, u64)] = &[
    ("a couple of", 2),
    ("a couple", 2),
    ("a handful of", 3),
    ("a few", 3),
    ("a number of", 3),
    ("several", 3),
    ("numerous", 3),
    ("many", 3),
    ("tens of thousands of", 10_000),
    ("tens of thousands", 10_000),
    ("hundreds of thousands of", 100_000),
    ("hundreds of thousands", 100_000),
    ("tens of", 10),
    ("dozens of", 12),
    ("dozens", 12),
    ("several dozen", 12),
    ("a few dozen", 12),
    ("scores of", 20),
    ("scores", 20),
    ("hundreds of", 100),
    ("hundreds", 100),
    ("several hundred", 100),
    ("a few hundred", 100),
    ("thousands of", 1000),
    ("thousands", 1000),
    ("several thousand", 1000),
    ("a few thousand", 1000),
];

/// Lower-cases, folds dashes and quotes, collapses spaces.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{2010}'..='\u{2015}' => '-',
            '"' | '\u{201c}' | '\u{201d}' => continue,
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Parses a count as the `{count}` / `{count_or_a}` fragments match it.
///
/// ```
/// use sitrep_engine::numbers::parse_count;
/// use sitrep_engine::model::Count;
/// assert_eq!(parse_count("at least 36"), Some(Count::at_least(36)));
/// assert_eq!(parse_count("dozens of"), Some(Count::at_least(12)));
/// assert_eq!(parse_count("soldiers"), None);
/// ```
pub fn parse_count(s: &str) -> Option<Count> {
    let t = normalize(s);
    let t = t.trim_end_matches([',', '.', ';']);
    if t.is_empty() {
        return None;
    }
    if t == "a" || t == "an" || t == "another" || t.starts_with("one of ") {
        return Some(Count::exact(1));
    }
    if t == "no" || t == "none" || t == "zero" {
        return Some(Count::exact(0));
    }
    // Qualifier.
    let mut qual = Qual::Exact;
    let mut rest = t;
    for (q, k) in QUALIFIERS {
        if let Some(r) = rest.strip_prefix(q) {
            if let Some(r) = r.strip_prefix(' ') {
                qual = *k;
                rest = r;
                break;
            }
        }
    }
    // Vague quantity: keeps its own value whatever the qualifier.
    if let Some((_, n)) = VAGUE_VALUES.iter().find(|(w, _)| *w == rest) {
        return Some(Count::at_least(*n));
    }
    // Open-ended suffixes.
    for suffix in [" or more", "+", "-plus", " plus"] {
        if let Some(r) = rest.strip_suffix(suffix) {
            return parse_number(r.trim()).map(Count::at_least);
        }
    }
    // Ranges.
    if let Some(r) = rest.strip_prefix("between ") {
        let (a, b) = r.split_once(" and ")?;
        return Some(Count::between(parse_number(a)?, parse_number(b)?));
    }
    for sep in [" to ", " or ", "-", " - ", "–"] {
        if let Some((a, b)) = rest.split_once(sep) {
            if let (Some(a), Some(b)) = (parse_number(a.trim()), parse_number(b.trim())) {
                if a < b {
                    return Some(Count::between(a, b));
                }
            }
        }
    }
    let n = parse_number(rest)?;
    Some(match qual {
        Qual::Exact => Count::exact(n),
        Qual::AtLeast => Count::at_least(n),
        Qual::UpTo => Count::up_to(n),
    })
}

/// Parses a bare number: digits with separators ("1,200", "1 200"), digits with a multiplier
/// ("3 million"), or number words ("one hundred and five", "twenty-one", "a dozen").
pub fn parse_number(s: &str) -> Option<u64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let first = s.chars().next()?;
    if first.is_ascii_digit() {
        let mut digits = String::new();
        let mut mult = 1u64;
        let mut chars = s.char_indices();
        for (i, c) in chars.by_ref() {
            match c {
                '0'..='9' => digits.push(c),
                ',' | ' ' | '\u{a0}' | '\u{202f}' => {
                    let tail = &s[i + c.len_utf8()..];
                    // A separator must be followed by exactly three digits.
                    let grp: String = tail.chars().take_while(|c| c.is_ascii_digit()).collect();
                    if grp.len() != 3 {
                        let word = tail.trim();
                        mult = match word {
                            "hundred" => 100,
                            "thousand" => 1000,
                            "million" => 1_000_000,
                            _ => return None,
                        };
                        break;
                    }
                }
                _ => return None,
            }
        }
        if digits.len() > 12 {
            return None;
        }
        return digits.parse::<u64>().ok()?.checked_mul(mult);
    }
    parse_words(s)
}

/// True for a lower-case number word: "two", "ninety", "hundred", "thousand", "million",
/// "dozen" (the words [`parse_count`] reads; other modules ask here rather than keep a list).
pub fn is_number_word(w: &str) -> bool {
    word_value(w).is_some() || matches!(w, "hundred" | "thousand" | "million" | "dozen")
}

fn word_value(w: &str) -> Option<u64> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn parse_words(s: &str) -> Option<u64> {
    let mut total = 0u64;
    let mut current = 0u64;
    let mut any = false;
    // The last word value in the current group below a hundred, to refuse "ninety nine ninety".
    let mut last: Option<u64> = None;
    let tokens: Vec<&str> = s.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if tokens.is_empty() {
        return None;
    }
    for (i, w) in tokens.iter().enumerate() {
        match *w {
            "and" if i > 0 => {}
            "a" if i == 0 || tokens.get(i.wrapping_sub(1)) == Some(&"half") => current = 1,
            "half" if i == 0 => {}
            "hundred" => {
                current = current.max(1) * 100;
                last = None;
            }
            "dozen" => {
                current = if tokens.first() == Some(&"half") {
                    6
                } else {
                    current.max(1) * 12
                }
            }
            "thousand" => {
                total += current.max(1) * 1000;
                current = 0;
                last = None;
            }
            "million" => {
                total += current.max(1) * 1_000_000;
                current = 0;
                last = None;
            }
            w => {
                let v = word_value(w)?;
                if let Some(l) = last {
                    // Only "twenty" + "one" may follow each other.
                    if !(l >= 20 && l % 10 == 0 && v < 10) {
                        return None;
                    }
                }
                last = Some(v);
                current += v;
            }
        }
        any = true;
    }
    any.then_some(total + current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::expand;
    use regex::Regex;

    fn c(low: Option<u64>, best: Option<u64>, high: Option<u64>) -> Count {
        Count { low, best, high }
    }

    #[test]
    fn parses_counts_per_conventions() {
        let table: &[(&str, Count)] = &[
            ("12", Count::exact(12)),
            ("twelve", Count::exact(12)),
            ("a dozen", Count::exact(12)),
            ("half a dozen", Count::exact(6)),
            ("1,200", Count::exact(1200)),
            ("1 200", Count::exact(1200)),
            ("3 million", Count::exact(3_000_000)),
            ("twenty-one", Count::exact(21)),
            ("twenty one", Count::exact(21)),
            ("one hundred and five", Count::exact(105)),
            ("a hundred", Count::exact(100)),
            ("two thousand", Count::exact(2000)),
            ("at least 36", Count::at_least(36)),
            ("At least seven", Count::at_least(7)),
            ("no fewer than 36", Count::at_least(36)),
            ("more than 36", Count::at_least(36)),
            ("over 11", Count::at_least(11)),
            ("upwards of 36", Count::at_least(36)),
            ("36 or more", Count::at_least(36)),
            ("50+", Count::at_least(50)),
            ("about 100", Count::exact(100)),
            ("around 300", Count::exact(300)),
            ("approximately 100", Count::exact(100)),
            ("some 40", Count::exact(40)),
            ("roughly 40", Count::exact(40)),
            ("nearly 40", Count::exact(40)),
            ("almost 40", Count::exact(40)),
            ("an estimated 40", Count::exact(40)),
            ("up to 30", Count::up_to(30)),
            ("as many as 30", Count::up_to(30)),
            ("between 20 and 30", c(Some(20), Some(25), Some(30))),
            ("20 to 30", c(Some(20), Some(25), Some(30))),
            ("20-30", c(Some(20), Some(25), Some(30))),
            ("20–30", c(Some(20), Some(25), Some(30))),
            ("20 – 30", c(Some(20), Some(25), Some(30))),
            ("twenty-thirty", c(Some(20), Some(25), Some(30))),
            ("two or three", c(Some(2), Some(2), Some(3))),
            ("a couple of", Count::at_least(2)),
            ("a few", Count::at_least(3)),
            ("several", Count::at_least(3)),
            ("a number of", Count::at_least(3)),
            ("many", Count::at_least(3)),
            ("tens of", Count::at_least(10)),
            ("dozens", Count::at_least(12)),
            ("dozens of", Count::at_least(12)),
            ("several dozen", Count::at_least(12)),
            ("scores of", Count::at_least(20)),
            ("hundreds", Count::at_least(100)),
            ("hundreds of", Count::at_least(100)),
            ("several hundred", Count::at_least(100)),
            ("thousands", Count::at_least(1000)),
            ("tens of thousands of", Count::at_least(10_000)),
            ("at least several hundred", Count::at_least(100)),
            ("a", Count::exact(1)),
            ("an", Count::exact(1)),
            ("one", Count::exact(1)),
            ("one of the", Count::exact(1)),
            ("another", Count::exact(1)),
            ("no", Count::exact(0)),
        ];
        for (input, want) in table {
            assert_eq!(parse_count(input), Some(*want), "{input}");
        }
    }

    #[test]
    fn number_words_are_known_here() {
        for w in [
            "two", "ninety", "hundred", "thousand", "million", "dozen", "fourty",
        ] {
            assert!(is_number_word(w), "{w}");
        }
        for w in ["twelfth", "several", "dozens", "Two", "a", "", "none"] {
            assert!(!is_number_word(w), "{w}");
        }
    }

    #[test]
    fn rejects_non_counts() {
        for input in [
            "",
            "soldiers",
            "State",
            "12th",
            "6:30",
            "40%",
            "$5",
            "1,20",
            "twelfth",
            "and",
            "the",
            "ninety nine ninety",
        ] {
            assert_eq!(parse_count(input), None, "{input:?}");
        }
    }

    /// The `{count}` fragment matches what `parse_count` reads, and nothing inside other tokens.
    #[test]
    fn count_fragment_agrees_with_parser() {
        let re = Regex::new(&format!("(?i)^(?:{})$", expand("{count}", FRAGMENTS))).unwrap();
        for s in [
            "at least 36",
            "dozens of",
            "1,200",
            "twenty-one",
            "one hundred and five",
            "between 20 and 30",
            "20-30",
            "36 or more",
            "several hundred",
            "a dozen",
        ] {
            assert!(re.is_match(s), "{s}");
            assert!(parse_count(s).is_some(), "{s}");
        }
        let find = Regex::new(&format!("(?i){}", expand("{count}", FRAGMENTS))).unwrap();
        for (text, want) in [
            ("the 12th brigade", None),
            ("a 35-year-old man", Some("35")),
            ("Islamic State fighters", None),
            ("seventeen soldiers", Some("seventeen")),
        ] {
            assert_eq!(find.find(text).map(|m| m.as_str()), want, "{text}");
        }
    }
}
