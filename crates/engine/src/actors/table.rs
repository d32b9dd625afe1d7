//! Named armed groups, state forces and militias from the actor table (`data/actors.tsv`).
//!
//! Rules (recorded on each entity):
//! - `actor_table`: a name or alias from the table, e.g. "JNIM", "Jama’at Nusrat al-Islam wal
//!   Muslimin", "FAMa", "Boko Haram". A parenthesised acronym after a full name is its own
//!   mention. A hedge just before the name ("suspected", "linked to") is kept in the value, not
//!   in the span; a name joined to a hedged one by "/" or "(" shares its hedge.
//! - `actor_table_members`: the name followed by a word for its members, which the span takes
//!   in: "NPA rebels", "Taliban fighters", "Boko Haram Islamic militants".

use std::sync::LazyLock;

use regex::Regex;

use super::super::lexicon::{Case, Lexicon};
use super::super::model::{ActorValue, Side, Value};
use super::super::rule::Found;
use super::super::text::fold;

const ACTORS_TSV: &str = include_str!("../../data/actors.tsv");

/// One row of the actor table.
#[derive(Clone, Debug)]
pub struct ActorRecord {
    /// Canonical short name.
    pub name: String,
    /// Side.
    pub side: Side,
    /// Home country, ISO alpha-2.
    pub country_code: Option<String>,
    /// Every name the row lists, canonical first.
    pub aliases: Vec<String>,
}

/// The compiled actor table.
pub struct ActorTable {
    /// The rows.
    pub records: Vec<ActorRecord>,
    lexicon: Lexicon,
}

/// How an alias is matched: short mixed- or upper-case acronyms ("IS", "AA", "FAMa") exactly,
/// everything else regardless of case.
fn case_of(alias: &str) -> Case {
    let one_word = !alias.contains([' ', '-', '\'', '/']);
    let capitals = alias.chars().filter(|c| c.is_uppercase()).count();
    if one_word && capitals >= 2 {
        Case::Exact
    } else if alias.contains('-') && alias.chars().filter(|c| c.is_alphabetic()).count() <= 6 {
        // "IS-K", "SPLM-N": acronyms with a hyphen.
        if capitals >= 2 {
            Case::Exact
        } else {
            Case::Any
        }
    } else {
        Case::Any
    }
}

/// Parses the table; bad lines are skipped (the test `table_parses_every_line` catches them).
pub fn parse(tsv: &str) -> ActorTable {
    let mut records = Vec::new();
    let mut lexicon = Lexicon::new();
    for cols in crate::lexicon::tsv_rows(tsv, 4) {
        let Some(side) = Side::parse(cols[1].trim()) else {
            continue;
        };
        let name = cols[0].trim().to_string();
        let cc = cols[2].trim();
        let mut aliases: Vec<String> = vec![name.clone()];
        for a in cols[3].split('|').map(str::trim).filter(|a| !a.is_empty()) {
            if !aliases.iter().any(|x| x == a) {
                aliases.push(a.to_string());
            }
        }
        let payload = records.len() as u32;
        for a in &aliases {
            lexicon.insert(a, case_of(a), payload);
        }
        records.push(ActorRecord {
            name,
            side,
            country_code: (!cc.is_empty()).then(|| cc.to_string()),
            aliases,
        });
    }
    ActorTable { records, lexicon }
}

/// The actor table, compiled once.
pub static TABLE: LazyLock<ActorTable> = LazyLock::new(|| parse(ACTORS_TSV));

impl ActorTable {
    /// The side of the first group of the table named in `phrase` whose side is known: "84
    /// Wagner fighters" → external, "12 JNIM militants" → rebel.
    pub fn side_named_in(&self, phrase: &str) -> Option<Side> {
        self.lexicon
            .find(phrase)
            .iter()
            .filter_map(|m| self.records.get(m.payload as usize))
            .map(|r| r.side)
            .find(|&s| s != Side::Unknown)
    }
}

/// Words for a group's members that a mention may take in after the name.
/// Compiles the regex outside the rule set (see [`crate::compile_rules`]).
pub(crate) fn compile_extra() {
    LazyLock::force(&MEMBERS);
}

static MEMBERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[ \t]+(?:Islamic|Islamist|jihadist|armed))?[ \t]+(?:fighters|militants|rebels|insurgents|guerrillas|militiamen|jihadists|gunmen|terrorists|combatants)\b",
    )
    .unwrap_or_else(|e| panic!("members pattern: {e}"))
});

/// Hedges that may stand right before a name, folded, longest first.
const HEDGES: &[&str] = &[
    "suspected to be",
    "believed to be",
    "thought to be",
    "affiliated with",
    "affiliated to",
    "associated with",
    "suspected of being",
    "allegedly",
    "suspected",
    "alleged",
    "presumed",
    "linked to",
    "loyal to",
    "tied to",
];

/// The hedge ending `before`, if any ("… suspected " → "suspected").
pub fn hedge_before(before: &str) -> Option<&'static str> {
    // Look at the last 40 chars at most.
    let tail_start = before.char_indices().rev().nth(39).map_or(0, |(i, _)| i);
    let tail = fold(before[tail_start..].trim_end());
    // Tolerate a determiner between the hedge and the name: "linked to the Islamic State".
    let tail = tail.strip_suffix(" the").unwrap_or(&tail);
    HEDGES.iter().copied().find(|h| {
        tail.strip_suffix(h)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', '(', '"', '\n']))
    })
}

/// True when the line around `start..end` is written in capitals (a headline in upper case),
/// where a short acronym like "IS" or "AA" is just a word.
fn in_capitals_line(text: &str, start: usize, end: usize) -> bool {
    let ls = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let le = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let line = &text[ls..le];
    let (mut up, mut low) = (0usize, 0usize);
    for c in line.chars() {
        if c.is_uppercase() {
            up += 1;
        } else if c.is_lowercase() {
            low += 1;
        }
    }
    up >= 12 && low * 4 < up
}

/// True when `start..end` sits between hyphens inside one word, as "AU" in "PORT-AU-PRINCE".
fn inside_hyphenated(text: &str, start: usize, end: usize) -> bool {
    let mut before = text[..start].chars().rev();
    let mut after = text[end..].chars();
    before.next() == Some('-')
        && before.next().is_some_and(char::is_alphanumeric)
        && after.next() == Some('-')
        && after.next().is_some_and(char::is_alphanumeric)
}

/// Finds table actors in `text`.
pub fn find(text: &str) -> Vec<Found> {
    let table = &*TABLE;
    let mut out: Vec<Found> = Vec::new();
    let mut prev: Option<(usize, Option<&'static str>)> = None; // end, hedge of the last match
    for m in table.lexicon.find(text) {
        let Some(rec) = table.records.get(m.payload as usize) else {
            continue;
        };
        // Same span listed twice (two rows share a name): keep the first row only.
        if out.last().is_some_and(|f| {
            f.start == m.start && f.end >= m.end && f.rule.starts_with("actor_table")
        }) {
            continue;
        }
        let span = &text[m.start..m.end];
        if span.len() <= 3
            && span.chars().all(|c| !c.is_lowercase())
            && (in_capitals_line(text, m.start, m.end) || inside_hyphenated(text, m.start, m.end))
        {
            continue;
        }
        let mut hedge = hedge_before(&text[..m.start]);
        // Joined to the previous name by "/" or "(": "ISWAP/Boko Haram", "Army (NPA)".
        let chained = prev.is_some_and(|(pend, _)| {
            let gap = text.get(pend..m.start).unwrap_or("x");
            gap.len() <= 3 && gap.trim().chars().all(|c| matches!(c, '/' | '(' | ','))
        });
        if hedge.is_none() && chained {
            hedge = prev.and_then(|(_, h)| h);
        }
        let slashed = chained && text[..m.start].trim_end().ends_with('/');
        let mut end = m.end;
        let mut rule = "actor_table";
        // "A/B fighters": the member word belongs to both names, so neither span takes it.
        if matches!(rec.side, Side::Rebel | Side::Militia) && !slashed {
            if let Some(x) = MEMBERS.find(&text[m.end..]) {
                end = m.end + x.end();
                rule = "actor_table_members";
            }
        }
        prev = Some((m.end, hedge));
        out.push(Found {
            start: m.start,
            end,
            rule,
            value: Value::Actor(ActorValue {
                name: rec.name.clone(),
                side: rec.side,
                aliases: rec.aliases.clone(),
                hedge: hedge.map(str::to_string),
                country_code: rec.country_code.clone(),
            }),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    /// Input sentence and the expected finds.
    type Example<'a> = (&'a str, &'a [(&'a str, &'a str, Option<&'a str>)]);

    use super::*;

    fn names(text: &str) -> Vec<(String, String, Option<String>)> {
        find(text)
            .into_iter()
            .map(|f| {
                let Value::Actor(a) = f.value else {
                    panic!("not an actor")
                };
                (text[f.start..f.end].to_string(), a.name, a.hedge)
            })
            .collect()
    }

    #[test]
    fn table_parses_every_line() {
        let rows = crate::lexicon::data_lines(ACTORS_TSV).count();
        assert_eq!(
            TABLE.records.len(),
            rows,
            "a line of actors.tsv did not parse"
        );
        assert!(rows >= 80);
    }

    #[test]
    fn finds_table_names_with_spans_and_hedges() {
        let s = |x: &str| x.to_string();
        let table: &[Example] = &[
            (
                "Fighters loyal to Jama\u{2019}at Nusrat al-Islam wal-Muslimin (JNIM) struck a convoy.",
                &[
                    ("Jama\u{2019}at Nusrat al-Islam wal-Muslimin", "JNIM", Some("loyal to")),
                    ("JNIM", "JNIM", Some("loyal to")),
                ],
            ),
            (
                "The Malian Armed Forces (FAMa) said the Dozo militia had asked for help.",
                &[
                    ("Malian Armed Forces", "Mali military", None),
                    ("FAMa", "Mali military", None),
                    ("Dozo militia", "Dozo militia", None),
                ],
            ),
            (
                "An ambush by suspected ISWAP/Boko Haram members was reported.",
                &[
                    ("ISWAP", "ISWAP", Some("suspected")),
                    ("Boko Haram", "Boko Haram", Some("suspected")),
                ],
            ),
            (
                "The Islamic State (IS) group and al Qaeda both operate there.",
                &[
                    ("Islamic State", "Islamic State", None),
                    ("IS", "Islamic State", None),
                    ("al Qaeda", "al-Qaeda", None),
                ],
            ),
            (
                "Dozens of NPA rebels and Taliban fighters were seen.",
                &[
                    ("NPA rebels", "NPA", None),
                    ("Taliban fighters", "Taliban", None),
                ],
            ),
            (
                "An AU-led force and the UN mission patrolled.",
                &[("AU", "African Union", None), ("UN mission", "UN", None)],
            ),
            (
                "Clashes between the RSF and SAF continued as the M23 advanced.",
                &[
                    ("RSF", "RSF", None),
                    ("SAF", "Sudan military", None),
                    ("M23", "M23", None),
                ],
            ),
            // The longest alias wins: Papua's rebels, not Colombia's "National Liberation Army".
            (
                "The West Papua National Liberation Army, the armed wing of the Free Papua \
                 Movement, claimed it.",
                &[
                    ("West Papua National Liberation Army", "TPNPB", None),
                    ("Free Papua Movement", "TPNPB", None),
                ],
            ),
            (
                "The 444 Brigade fought the Stability Support Apparatus as SPLA-IO troops and the \
                 IDF stood by.",
                &[
                    ("444 Brigade", "444 Brigade", None),
                    ("Stability Support Apparatus", "SSA", None),
                    ("SPLA-IO", "SPLA-IO", None),
                    ("IDF", "Israel military", None),
                ],
            ),
        ];
        for (text, want) in table {
            let want: Vec<_> = want
                .iter()
                .map(|(a, b, h)| (s(a), s(b), h.map(s)))
                .collect();
            assert_eq!(names(text), want, "{text}");
        }
    }

    #[test]
    fn leaves_common_words_alone() {
        for text in [
            "This is what it is, and it was an aa battery in a pdf file.",
            "The army said it is ready. It has a plan.",
            "BANDITS IS A WORD IN THIS ALL CAPS HEADLINE OF A STORY",
            "The aes of the pdf.",
            "PORT-AU-PRINCE, Haiti — Residents fled the capital.",
        ] {
            let got = names(text);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
        assert!(names("").is_empty());
    }
}
