//! Rules: small named values, Duckling-style.
//!
//! A [`Rule`] has a name, a regular-expression pattern, a production that turns a match into a
//! normalised [`Value`], and its own positive and negative example sentences. Every entity
//! records the name of the rule that made it. Patterns may use `{fragment}` placeholders that
//! [`expand`] replaces with shared sub-patterns (a number, a month name…), so a rule reads like
//! the phrase it matches: `"{at_least} {number} {people} (?:were|have been) killed"`.
//!
//! `tests` in this module checks every rule of every dimension against its own examples.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::{Captures, Regex};
use std::sync::{LazyLock, OnceLock};

use super::context::Context;
use super::memo;
use super::model::{Kind, Value};

/// The production: from a match (with its named groups) and the context, a value, or `None` to
/// reject the match after all.
pub type Produce = fn(&Captures, &Context) -> Option<Value>;

/// One extraction rule.
pub struct Rule {
    /// Unique snake_case name, recorded on every entity it makes ("killed_passive").
    pub name: &'static str,
    /// The kind of entity it makes.
    pub kind: Kind,
    /// Regex source, with `{fragment}` placeholders. If the pattern has a group named `span`,
    /// the entity covers that group; otherwise it covers the whole match.
    pub pattern: &'static str,
    /// Match → value.
    pub produce: Produce,
    /// Sentences in which this rule must find something.
    pub examples: &'static [&'static str],
    /// Sentences in which this rule must find nothing.
    pub counter_examples: &'static [&'static str],
}

/// A rule's find: byte offsets into the text, the rule's name and the value.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Byte offset of the first char.
    pub start: usize,
    /// Byte offset after the last char.
    pub end: usize,
    /// The rule that made it.
    pub rule: &'static str,
    /// The normalised value; its kind is the entity's kind.
    pub value: Value,
}

impl Found {
    /// The kind of entity.
    pub fn kind(&self) -> Kind {
        self.value.kind()
    }
}

/// Replaces each `{name}` in `pattern` with `(?:fragment)` from `fragments`. Unknown names and
/// regex repetitions like `{2,3}` are left alone.
pub fn expand(pattern: &str, fragments: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut rest = pattern;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j) => {
                let name = &after[..j];
                if let Some((_, frag)) = fragments.iter().find(|(n, _)| *n == name) {
                    out.push_str("(?:");
                    out.push_str(&expand(frag, fragments));
                    out.push(')');
                } else {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Rewrites `\b` and `\B` as their ASCII forms `(?-u:\b)` / `(?-u:\B)`.
///
/// A Unicode word boundary makes the regex crate's fast DFA give up at the first non-ASCII
/// byte (any "é" or "’" in an article) and fall back to a slow engine for the rest of the text;
/// the ASCII form keeps the DFA. Rule patterns are written for English news, where this loses
/// nothing that matters.
pub fn ascii_word_boundaries(pattern: &str) -> String {
    rewrite_escapes(pattern, |letter, _| {
        matches!(letter, 'b' | 'B').then(|| format!("(?-u:\\{letter})"))
    })
    .replace("(?-u:(?-u:\\b))", "(?-u:\\b)")
    .replace("(?-u:(?-u:\\B))", "(?-u:\\B)")
}

/// The code points the rules' letter classes keep: ASCII, Latin-1, Latin Extended-A and -B,
/// combining diacritics and Latin Extended Additional.
const LATIN: &str = r"[\x00-\u{24f}\u{300}-\u{36f}\u{1e00}-\u{1eff}]";

/// Narrows the Unicode classes `\p{…}`, `\w` and `\d` of `pattern` to Latin script (`\d` to
/// ASCII digits).
///
/// The rules read English news, where names are written in Latin letters ("Tillabéri", "Ségou");
/// a class over every script makes the regex's automaton many times larger, which is most of
/// the cost of compiling the rules and much of the cost of running them. Negated forms (`\P`,
/// `\W`, `\D`) are left alone.
pub fn latin_classes(pattern: &str) -> String {
    rewrite_escapes(pattern, |letter, class| match letter {
        'p' => Some(format!("[\\p{class}&&{LATIN}]")),
        'w' => Some(format!("[\\w&&{LATIN}]")),
        'd' => Some("[0-9]".to_string()),
        _ => None,
    })
}

/// Rewrites the backslash escapes of `pattern`: `f(letter, class)` gets each escape's letter
/// and, for `\p` / `\P`, its class (`{L}` or `L`; empty otherwise), and returns the
/// replacement, or `None` to keep the escape as written.
fn rewrite_escapes(pattern: &str, mut f: impl FnMut(char, &str) -> Option<String>) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(letter) = chars.next() else {
            out.push('\\');
            break;
        };
        let mut class = String::new();
        if matches!(letter, 'p' | 'P') {
            if chars.peek() == Some(&'{') {
                for c in chars.by_ref() {
                    class.push(c);
                    if c == '}' {
                        break;
                    }
                }
            } else if let Some(c) = chars.next() {
                class.push(c);
            }
        }
        match f(letter, &class) {
            Some(replacement) => out.push_str(&replacement),
            None => {
                out.push('\\');
                out.push(letter);
                out.push_str(&class);
            }
        }
    }
    out
}

/// What a rule's expanded pattern becomes before it is compiled: ASCII word boundaries
/// ([`ascii_word_boundaries`]) and Latin letter classes ([`latin_classes`]).
pub fn compile_form(pattern: &str) -> String {
    latin_classes(&ascii_word_boundaries(pattern))
}

/// The rules of one dimension, compiled once.
///
/// Speed: each rule's regex is compiled on first use, and only runs over the parts of the text
/// that can hold a match. From each pattern, [`required_literals`] derives strings one of which
/// every match must contain ("kill", "wound"…); one Aho–Corasick scan per call finds them all,
/// and a rule then runs only over [`REACH`] bytes either side of each of its literals' hits
/// (windows that touch are merged). Rules with no such literal run over the whole text.
pub struct RuleSet {
    rules: &'static [Rule],
    sources: Vec<String>,
    compiled: Vec<OnceLock<Regex>>,
    /// Per rule: `true` when it has required literals (runs gated), `false` = whole text.
    gated: Vec<bool>,
    /// All rules' literals, ASCII case-insensitive; pattern id → index into `owners`.
    gate: Option<AhoCorasick>,
    /// Per literal pattern: the rules that require it.
    owners: Vec<Vec<u32>>,
    /// Per rule: its pattern holds `$` (end of text).
    anchored_end: Vec<bool>,
    /// The literals of `gate`, by pattern id.
    literals: Vec<String>,
    /// Pattern id in [`SHARED_GATE`] → index into `owners` (`u32::MAX`: not this set's);
    /// `None` when some literal of this set is not in the shared gate (a set that is not one of
    /// [`super::dimensions`]), which then scans with its own `gate`.
    shared: OnceLock<Option<Vec<u32>>>,
}

/// Every dimension's gate literals in one automaton: one scan per text serves every rule set
/// (the hits are kept for the last text, as [`super::text::folded_words`] keeps its words).
struct SharedGate {
    ac: AhoCorasick,
    /// Literal → pattern id.
    ids: std::collections::HashMap<String, u32>,
}

static SHARED_GATE: LazyLock<Option<SharedGate>> = LazyLock::new(|| {
    let mut literals: Vec<String> = Vec::new();
    let mut ids: std::collections::HashMap<String, u32> = Default::default();
    for (_, set) in super::dimensions() {
        for lit in &set.literals {
            ids.entry(lit.clone()).or_insert_with(|| {
                literals.push(lit.clone());
                (literals.len() - 1) as u32
            });
        }
    }
    let ac = gate_automaton(&literals)?;
    Some(SharedGate { ac, ids })
});

/// The gate automaton over `literals`: ASCII case-insensitive, every occurrence.
fn gate_automaton(literals: &[String]) -> Option<AhoCorasick> {
    if literals.is_empty() {
        return None;
    }
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(literals)
        .ok()
}

/// A gate hit: start, end, pattern id.
type GateHits = Vec<(usize, usize, u32)>;

thread_local! {
    static LAST_HITS: super::text::LastText<GateHits> = const { std::cell::RefCell::new(None) };
}

/// Every occurrence of every [`SHARED_GATE`] literal in `text` (`.1`), in the order of an
/// overlapping scan (by end); computed once per text ([`super::text::per_text`]).
fn shared_hits(gate: &SharedGate, text: &str) -> super::text::PerText<GateHits> {
    super::text::per_text(&LAST_HITS, text, |text| {
        gate.ac
            .find_overlapping_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_u32()))
            .collect()
    })
}

impl RuleSet {
    /// Compiles `rules`, expanding placeholders from `fragments`.
    ///
    /// # Panics
    /// If a pattern does not compile: rules are compiled-in data, and the test
    /// `every_rule_compiles` catches a bad one before it ships.
    pub fn new(rules: &'static [Rule], fragments: &[(&str, &str)]) -> RuleSet {
        let sources: Vec<String> = rules
            .iter()
            .map(|r| compile_form(&expand(r.pattern, fragments)))
            .collect();
        let mut literals: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<u32>> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        let mut gated = Vec::with_capacity(rules.len());
        for (i, src) in sources.iter().enumerate() {
            let lits = required_literals(src);
            gated.push(lits.is_some());
            for lit in lits.unwrap_or_default() {
                let k = *index.entry(lit.clone()).or_insert_with(|| {
                    literals.push(lit);
                    owners.push(Vec::new());
                    owners.len() - 1
                });
                owners[k].push(i as u32);
            }
        }
        let gate = gate_automaton(&literals);
        if gate.is_none() {
            gated.iter_mut().for_each(|g| *g = false);
        }
        RuleSet {
            rules,
            anchored_end: sources.iter().map(|s| has_end_anchor(s)).collect(),
            compiled: sources.iter().map(|_| OnceLock::new()).collect(),
            sources,
            gated,
            gate,
            owners,
            literals,
            shared: OnceLock::new(),
        }
    }

    /// This set's view of [`SHARED_GATE`] (see `shared`).
    fn shared_ids(&self) -> Option<&[u32]> {
        self.shared
            .get_or_init(|| {
                let g = SHARED_GATE.as_ref()?;
                let mut map = vec![u32::MAX; g.ac.patterns_len()];
                for (k, lit) in self.literals.iter().enumerate() {
                    map[*g.ids.get(lit)? as usize] = k as u32;
                }
                Some(map)
            })
            .as_deref()
    }

    /// The rules.
    pub fn rules(&self) -> &'static [Rule] {
        self.rules
    }

    /// Rule `i`'s regex, compiled on first use.
    fn regex(&self, i: usize) -> &Regex {
        self.compiled[i].get_or_init(|| {
            Regex::new(&self.sources[i])
                .unwrap_or_else(|e| panic!("rule {}: {e}", self.rules[i].name))
        })
    }

    /// Compiles every rule's regex now (each compiles on first use otherwise).
    pub fn compile_all(&self) {
        for i in 0..self.rules.len() {
            self.regex(i);
        }
    }

    /// Names of the rules that have no required literal (they scan the whole text).
    pub fn ungated(&self) -> Vec<&'static str> {
        self.rules
            .iter()
            .zip(&self.gated)
            .filter(|(_, g)| !**g)
            .map(|(r, _)| r.name)
            .collect()
    }

    /// Each rule's required literals (`None`: runs over the whole text), for docs and tuning.
    pub fn gate_literals(&self) -> Vec<(&'static str, Option<Vec<String>>)> {
        self.rules
            .iter()
            .zip(&self.sources)
            .map(|(r, src)| (r.name, required_literals(src)))
            .collect()
    }

    /// Runs every rule over `text`, paragraph by paragraph ([`memo::paragraphs`]: no rule
    /// phrase spans a blank line), and returns the finds rule by rule, each rule's in text
    /// order; finds may overlap (see `overlap`). A paragraph seen in the last extraction is
    /// not searched again when the [`memo`] is on.
    pub fn run(&self, text: &str, ctx: &Context) -> Vec<Found> {
        let set = self as *const RuleSet as usize;
        // One gate scan of the whole text serves every rule set and every paragraph.
        let shared = self
            .shared_ids()
            .and_then(|ids| Some((ids, shared_hits(SHARED_GATE.as_ref()?, text))));
        by_paragraph(text, |start, para, out| {
            if let Some(finds) = memo::lookup(set, ctx, para) {
                out.extend(finds.iter().cloned().map(|f| shifted(f, start)));
                return;
            }
            let hits = shared
                .as_ref()
                .map(|(ids, h)| paragraph_hits(ids, &h.1, start, start + para.len()));
            let finds = self.run_where(para, ctx, hits, |_| true);
            if memo::enabled() {
                let finds: memo::Finds = finds.into();
                memo::store(set, ctx, para, &finds);
                out.extend(finds.iter().cloned().map(|f| shifted(f, start)));
            } else {
                out.extend(finds.into_iter().map(|f| shifted(f, start)));
            }
        })
    }

    /// Runs the rule called `name` only (for the per-rule example tests).
    pub fn run_rule(&self, name: &str, text: &str, ctx: &Context) -> Vec<Found> {
        self.run_where(text, ctx, None, |r| r.name == name)
            .into_iter()
            .map(|(_, f)| f)
            .collect()
    }

    /// As [`RuleSet::run`], every rule over each whole paragraph, without the literal gate
    /// and the memo: the reference the gated run must agree with (tests, tuning).
    pub fn run_ungated(&self, text: &str, ctx: &Context) -> Vec<Found> {
        by_paragraph(text, |start, para, tagged| {
            let mut out = Vec::new();
            let mut tags = Vec::new();
            for (i, rule) in self.rules.iter().enumerate() {
                run_one(rule, self.regex(i), para, 0, para.len(), ctx, &mut out);
                tags.resize(out.len(), i as u32);
            }
            tagged.extend(tags.into_iter().zip(out).map(|f| shifted(f, start)));
        })
    }

    /// The finds of the rules `want` accepts over `text`, each with its rule's index.
    /// `hits`: this set's gate hits in `text` (see [`paragraph_hits`]), or `None` to scan
    /// for them.
    fn run_where(
        &self,
        text: &str,
        ctx: &Context,
        hits: Option<GateHits>,
        want: impl Fn(&Rule) -> bool,
    ) -> Vec<(u32, Found)> {
        let mut out = Vec::new();
        let mut tags = Vec::new();
        let windows = self.windows(text, hits);
        for (i, rule) in self.rules.iter().enumerate() {
            if !want(rule) {
                continue;
            }
            match &windows {
                Some(w) if self.gated[i] => {
                    for &(start, end) in &w[i] {
                        if start < end {
                            run_one(rule, self.regex(i), text, start, end, ctx, &mut out);
                        }
                    }
                }
                _ => run_one(rule, self.regex(i), text, 0, text.len(), ctx, &mut out),
            }
            tags.resize(out.len(), i as u32);
        }
        tags.into_iter().zip(out).collect()
    }

    /// Per rule, the merged windows (byte ranges on line bounds) its matches must lie in; `None`
    /// when gating is off for this text. `hits`: this set's literal hits in `text`, in the
    /// order of an overlapping scan (by end), or `None` to scan with the set's own gate.
    fn windows(&self, text: &str, hits: Option<GateHits>) -> Option<Vec<Vec<(usize, usize)>>> {
        let gate = self.gate.as_ref()?;
        // Case folding maps these two to ASCII letters ("K" Kelvin sign → k, "ſ" long s → s): a
        // regex with (?i) matches them where an ASCII literal scan would not. Never in news text;
        // if present, run every rule over the whole text.
        if text.contains('\u{212a}') || text.contains('\u{17f}') {
            return None;
        }
        let mut per_rule: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.rules.len()];
        let hits = hits.unwrap_or_else(|| {
            gate.find_overlapping_iter(text)
                .map(|m| (m.start(), m.end(), m.pattern().as_u32()))
                .collect()
        });
        for (start, end, pid) in hits {
            let (ls, reach_end) = reach_window(text, start, end);
            for &r in &self.owners[pid as usize] {
                // `$` must not match at a window's end: such rules' windows end with the line.
                let le = if self.anchored_end[r as usize] {
                    text[reach_end..]
                        .find('\n')
                        .map_or(text.len(), |i| reach_end + i + 1)
                } else {
                    reach_end
                };
                let w = &mut per_rule[r as usize];
                match w.last_mut() {
                    Some(last) if ls <= last.1 => {
                        last.0 = last.0.min(ls);
                        last.1 = last.1.max(le);
                    }
                    _ => w.push((ls, le)),
                }
            }
        }
        Some(per_rule)
    }
}

/// The hits of one set's literals (`ids`: see `RuleSet::shared`) among the shared scan's hits
/// `all` of a text, for the paragraph `start..end`, in paragraph offsets. `all` is in the order
/// of an overlapping scan, by end, so the paragraph's hits are one run of it.
fn paragraph_hits(ids: &[u32], all: &GateHits, start: usize, end: usize) -> GateHits {
    let from = all.partition_point(|h| h.1 <= start);
    all[from..]
        .iter()
        .take_while(|h| h.1 <= end)
        .filter(|h| h.0 >= start)
        .filter_map(|&(s, e, p)| {
            let k = *ids.get(p as usize)?;
            (k != u32::MAX).then_some((s - start, e - start, k))
        })
        .collect()
}

/// Runs `find(start, paragraph, out)` over each paragraph of `text` ([`memo::paragraphs`]),
/// which adds the paragraph's finds to `out` in text offsets (see [`shifted`]), each tagged
/// with its rule's index; returns them rule by rule, each rule's in text order.
fn by_paragraph(
    text: &str,
    mut find: impl FnMut(usize, &str, &mut Vec<(u32, Found)>),
) -> Vec<Found> {
    let mut tagged: Vec<(u32, Found)> = Vec::new();
    for &(start, end) in &memo::cached_paragraphs(text).1 {
        if let Some(para) = text.get(start..end) {
            find(start, para, &mut tagged);
        }
    }
    // Stable: within a rule, paragraphs stay in text order.
    tagged.sort_by_key(|(i, _)| *i);
    tagged.into_iter().map(|(_, f)| f).collect()
}

/// A tagged find of a paragraph starting at byte `start`, in text offsets.
fn shifted((i, mut f): (u32, Found), start: usize) -> (u32, Found) {
    f.start += start;
    f.end += start;
    (i, f)
}

/// True if `pattern` holds an unescaped `$` outside a bracketed class.
fn has_end_anchor(pattern: &str) -> bool {
    let mut escaped = false;
    let mut depth = 0usize;
    for c in pattern.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '$' if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// The window a match holding `start..end` must lie in: [`REACH`] bytes either side, on char
/// boundaries.
fn reach_window(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut from = start.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    (from, to)
}

/// How far a match may reach from its literal, either side: rule matches are phrases of a few
/// words; the longest patterns (a count, up to three modifiers, a victim noun, fillers and an
/// outcome) stay well under this.
const REACH: usize = 160;

/// Lower-case strings one of which every match of `pattern` contains, or `None` if no such set
/// can be derived (then the rule runs over the whole text).
pub fn required_literals(pattern: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(&without_case_flag(&without_unicode_classes(pattern)))
        .ok()?;
    let set = match lits(&hir) {
        Lits::Exact(s) | Lits::Required(s) => s,
        Lits::Nothing => return None,
    };
    // A one- or two-letter literal ("h", "in") is in most lines: scanning for it costs more
    // than it saves.
    if set.is_empty() || set.iter().any(|s| s.len() < 3) {
        return None;
    }
    let mut set: Vec<String> = set.into_iter().collect();
    set.sort();
    set.dedup();
    Some(set)
}

/// `pattern` with each Unicode class escape (`\p{L}`, `\w`, `\d`, `\s` and their negations)
/// replaced by the ASCII class `[\x00-\x7F]` (also valid inside brackets, as a nested class).
/// Both are too large to give a literal, so the literals found are the same, and the parser does
/// not build Unicode tables (most of its cost on these patterns).
fn without_unicode_classes(pattern: &str) -> String {
    rewrite_escapes(pattern, |letter, _| {
        matches!(letter, 'w' | 'W' | 'd' | 'D' | 's' | 'S' | 'p' | 'P')
            .then(|| r"[\x00-\x7F]".to_string())
    })
}

/// `pattern` without the `i` flag in its flag groups (`(?i)`, `(?-i:…)`, `(?is:…)`). Literals are
/// lower-cased and matched case-insensitively anyway, and case folding every letter of a long
/// alternation is most of the parser's remaining cost.
fn without_case_flag(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(i) = rest.find("(?") {
        // An escaped "\(" is not a group.
        let escaped = rest[..i].chars().rev().take_while(|&c| c == '\\').count() % 2 == 1;
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let flags_len = after
            .find(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
            .unwrap_or(after.len());
        let flags = &after[..flags_len];
        let close = after[flags_len..].chars().next();
        if escaped || flags.starts_with('P') || !matches!(close, Some(')' | ':')) {
            out.push_str("(?");
            rest = after;
            continue;
        }
        let kept: String = flags.chars().filter(|&c| c != 'i').collect();
        let kept = if kept == "-" || kept.ends_with('-') && kept.len() == 1 {
            String::new()
        } else {
            kept.trim_end_matches('-').to_string()
        };
        match close {
            Some(')') if kept.is_empty() => {}
            Some(c) => {
                out.push_str("(?");
                out.push_str(&kept);
                out.push(c);
            }
            None => {}
        }
        rest = &after[flags_len + 1..];
    }
    out.push_str(rest);
    out
}

/// What is known about the strings a sub-pattern matches (lower-cased).
#[derive(Clone, Debug)]
enum Lits {
    /// It matches exactly one of these strings.
    Exact(Vec<String>),
    /// Every match contains one of these strings.
    Required(Vec<String>),
    /// Nothing useful.
    Nothing,
}

const MAX_SET: usize = 400;

/// How good a set is as a gate: longer shortest literal first, then fewer literals.
fn score(set: &[String]) -> (usize, std::cmp::Reverse<usize>) {
    let min = set.iter().map(|s| s.len()).min().unwrap_or(0);
    (min.min(6), std::cmp::Reverse(set.len()))
}

fn better(a: Option<Vec<String>>, b: Vec<String>) -> Option<Vec<String>> {
    if b.is_empty() || b.iter().any(String::is_empty) {
        return a;
    }
    match a {
        Some(a) if score(&a) >= score(&b) => Some(a),
        _ => Some(b),
    }
}

fn class_chars(ranges: impl Iterator<Item = (u32, u32)>) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for (lo, hi) in ranges {
        if hi - lo > 8 {
            return None;
        }
        for c in lo..=hi {
            let c = char::from_u32(c)?;
            if c == '\u{212a}' || c == '\u{17f}' {
                continue; // see `windows`
            }
            let s = c.to_ascii_lowercase().to_string();
            if !out.contains(&s) {
                out.push(s);
            }
            if out.len() > 4 {
                return None;
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

fn lits(hir: &regex_syntax::hir::Hir) -> Lits {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Lits::Exact(vec![String::new()]),
        HirKind::Literal(l) => match std::str::from_utf8(&l.0) {
            Ok(s) => Lits::Exact(vec![s.to_ascii_lowercase()]),
            Err(_) => Lits::Nothing,
        },
        HirKind::Class(Class::Unicode(c)) => {
            match class_chars(
                c.ranges()
                    .iter()
                    .map(|r| (r.start() as u32, r.end() as u32)),
            ) {
                Some(s) => Lits::Exact(s),
                None => Lits::Nothing,
            }
        }
        HirKind::Class(Class::Bytes(c)) => {
            if c.ranges().iter().any(|r| r.end() >= 0x80) {
                return Lits::Nothing;
            }
            match class_chars(
                c.ranges()
                    .iter()
                    .map(|r| (r.start() as u32, r.end() as u32)),
            ) {
                Some(s) => Lits::Exact(s),
                None => Lits::Nothing,
            }
        }
        HirKind::Capture(c) => lits(&c.sub),
        HirKind::Repetition(r) => {
            if r.min == 0 {
                return Lits::Exact(vec![String::new()]).weaken_if(r.max != Some(0));
            }
            match lits(&r.sub) {
                Lits::Exact(s) if r.min == 1 && r.max == Some(1) => Lits::Exact(s),
                Lits::Exact(s) | Lits::Required(s) => Lits::Required(s),
                Lits::Nothing => Lits::Nothing,
            }
        }
        HirKind::Concat(subs) => {
            let mut best: Option<Vec<String>> = None;
            let mut run: Option<Vec<String>> = Some(vec![String::new()]);
            let mut all_exact = true;
            for sub in subs {
                match lits(sub) {
                    Lits::Exact(s) => {
                        let joined = run.as_ref().and_then(|r| cross(r, &s));
                        match joined {
                            Some(j) => run = Some(j),
                            None => {
                                // Too many: close the run, start again from this child.
                                all_exact = false;
                                if let Some(r) = run.take() {
                                    best = better(best, r);
                                }
                                run = Some(s);
                            }
                        }
                    }
                    other => {
                        all_exact = false;
                        if let Some(r) = run.take() {
                            best = better(best, r);
                        }
                        run = Some(vec![String::new()]);
                        if let Lits::Required(s) = other {
                            best = better(best, s);
                        }
                    }
                }
            }
            match (all_exact, run) {
                (true, Some(r)) => Lits::Exact(r),
                (_, run) => {
                    if let Some(r) = run {
                        best = better(best, r);
                    }
                    best.map_or(Lits::Nothing, Lits::Required)
                }
            }
        }
        HirKind::Alternation(subs) => {
            let mut out: Vec<String> = Vec::new();
            let mut exact = true;
            for sub in subs {
                match lits(sub) {
                    Lits::Exact(s) => out.extend(s),
                    Lits::Required(s) => {
                        exact = false;
                        out.extend(s);
                    }
                    Lits::Nothing => return Lits::Nothing,
                }
                if out.len() > MAX_SET {
                    return Lits::Nothing;
                }
            }
            out.sort();
            out.dedup();
            if exact {
                Lits::Exact(out)
            } else if out.iter().any(String::is_empty) {
                Lits::Nothing
            } else {
                Lits::Required(out)
            }
        }
    }
}

impl Lits {
    /// An optional part: matches "" or something else, so only "" is known for sure.
    fn weaken_if(self, optional_content: bool) -> Lits {
        if optional_content {
            Lits::Required(vec![String::new()])
        } else {
            self
        }
    }
}

/// Every `a` followed by every `b`, or `None` past the size limit.
fn cross(a: &[String], b: &[String]) -> Option<Vec<String>> {
    if a.len() * b.len() > MAX_SET {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            out.push(format!("{x}{y}"));
        }
    }
    Some(out)
}

/// Runs `re` over `text[start..end]`, seeing the text before `start` (for `\b`), as a plain
/// `captures_iter` over the whole text would find there.
fn run_one(
    rule: &'static Rule,
    re: &Regex,
    text: &str,
    start: usize,
    end: usize,
    ctx: &Context,
    out: &mut Vec<Found>,
) {
    let Some(hay) = text.get(..end) else { return };
    let mut at = start;
    let mut last_empty_end = None;
    while at <= hay.len() {
        let Some(caps) = re.captures_at(hay, at) else {
            break;
        };
        let Some(whole) = caps.get(0) else { break };
        // As `captures_iter`: an empty match right after the previous match is skipped.
        if whole.start() == whole.end() {
            if last_empty_end == Some(whole.end()) {
                at = next_char(hay, at);
                continue;
            }
            at = next_char(hay, whole.end());
        } else {
            at = whole.end();
        }
        last_empty_end = Some(whole.end());
        let Some(m) = caps.name("span").or(Some(whole)) else {
            continue;
        };
        if m.start() == m.end() {
            continue;
        }
        if let Some(value) = (rule.produce)(&caps, ctx) {
            debug_assert_eq!(value.kind(), rule.kind, "rule {}", rule.name);
            out.push(Found {
                start: m.start(),
                end: m.end(),
                rule: rule.name,
                value,
            });
        }
    }
}

fn next_char(s: &str, i: usize) -> usize {
    s.get(i..)
        .and_then(|r| r.chars().next())
        .map_or(i + 1, |c| i + c.len_utf8())
}

/// Every rule set of the engine, for the example tests and the README's rule index.
pub fn all_rule_sets() -> Vec<(&'static str, &'static LazyLock<RuleSet>)> {
    super::dimensions()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries_become_ascii() {
        assert_eq!(
            ascii_word_boundaries(r"\bkilled\b"),
            r"(?-u:\b)killed(?-u:\b)"
        );
        assert_eq!(
            ascii_word_boundaries(r"(?-u:\b)x\B\\b"),
            r"(?-u:\b)x(?-u:\B)\\b"
        );
    }

    #[test]
    fn letter_classes_become_latin() {
        let table = [
            (r"\p{Lu}x", format!(r"[\p{{Lu}}&&{LATIN}]x")),
            (
                r"[\p{L}\p{M}'.]",
                format!(r"[[\p{{L}}&&{LATIN}][\p{{M}}&&{LATIN}]'.]"),
            ),
            (r"\w+\d", format!(r"[\w&&{LATIN}]+[0-9]")),
            (
                r"\pL \\p \P{L} \W",
                format!(r"[\pL&&{LATIN}] \\p \P{{L}} \W"),
            ),
        ];
        for (pattern, want) in table {
            assert_eq!(latin_classes(pattern), want, "{pattern}");
        }
        // Latin names still match; other scripts and digits do not.
        let re = Regex::new(&compile_form(r"^\p{Lu}[\p{L}\p{M}]+$")).unwrap();
        for (name, ok) in [
            ("Tillabéri", true),
            ("Ségou", true),
            ("Tillabe\u{301}ri", true),
            ("Đà", true),
            ("Київ", false),
            ("القاعدة", false),
        ] {
            assert_eq!(re.is_match(name), ok, "{name}");
        }
        assert!(!Regex::new(&compile_form(r"^\d$")).unwrap().is_match("٣"));
    }

    #[test]
    fn end_anchors_are_found_outside_classes_and_escapes() {
        let table = [
            (r"killed\s*$", true),
            (r"(?:,|$)", true),
            (r"[$]", false),
            (r"\$5", false),
            (r"\\$", true),
            (r"killed", false),
        ];
        for (pattern, want) in table {
            assert_eq!(has_end_anchor(pattern), want, "{pattern}");
        }
    }

    /// Time per rule over the shared corpora (or $SITREP_BENCH_TEXT) repeated to ~2 MB:
    /// `cargo test --release -p sitrep-engine --lib rule_timing -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn rule_timing() {
        let text = match std::env::var("SITREP_BENCH_TEXT") {
            Ok(p) => std::fs::read_to_string(p).unwrap(),
            Err(_) => {
                let mut t = String::new();
                for set in ["seeds", "dev"] {
                    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/")
                        .to_string()
                        + set;
                    let Ok(entries) = std::fs::read_dir(dir) else {
                        continue;
                    };
                    for e in entries.flatten() {
                        t += &std::fs::read_to_string(e.path().join("article.txt"))
                            .unwrap_or_default();
                    }
                }
                t
            }
        };
        let text = text.repeat((2_000_000 / text.len().max(1)).max(1));
        let ctx = Context::published(chrono::NaiveDate::from_ymd_opt(2025, 2, 10).unwrap());
        let mut rows = Vec::new();
        for (dim, set) in all_rule_sets() {
            for rule in set.rules() {
                let t0 = std::time::Instant::now();
                let n = set.run_rule(rule.name, &text, &ctx).len();
                rows.push((t0.elapsed(), dim, rule.name, n));
            }
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.0));
        let total: std::time::Duration = rows.iter().map(|r| r.0).sum();
        println!(
            "{} bytes; all rules {:?} = {:.1} MB/s",
            text.len(),
            total,
            text.len() as f64 / total.as_secs_f64() / 1e6
        );
        for (t, dim, name, n) in rows.iter().take(25) {
            println!("{:>10.2?} {dim}/{name} ({n} finds)", t);
        }
    }

    /// The literal gate changes nothing: every rule's examples and counter-examples, run as one
    /// text (joined by line breaks, spaces or nothing; one word per line; blank lines inside
    /// phrases, which end a paragraph), give the same finds gated and over each whole
    /// paragraph.
    #[test]
    fn gated_run_finds_what_the_whole_text_run_finds() {
        let ctx = Context::published(chrono::NaiveDate::from_ymd_opt(2025, 2, 10).unwrap());
        let mut sentences: Vec<&str> = Vec::new();
        for (_, set) in all_rule_sets() {
            for rule in set.rules() {
                sentences.extend(rule.examples);
                sentences.extend(rule.counter_examples);
            }
        }
        let joined = sentences.join(" ");
        let texts = [
            sentences.join("\n"),
            sentences.join(""),
            sentences.join("\n\n"),
            sentences.join("\r\n"),
            joined.replace(' ', "\n"),
            joined.replace(", ", ",\n\n"),
            joined.clone(),
        ];
        for (k, text) in texts.iter().enumerate() {
            for (dim, set) in all_rule_sets() {
                let gated = set.run(text, &ctx);
                let whole = set.run_ungated(text, &ctx);
                assert_eq!(gated, whole, "{dim}, text variant {k}");
            }
        }
    }

    #[test]
    fn required_literals_table() {
        for (pattern, want) in [
            (r"(?i)\bkilled\b", Some(vec!["killed"])),
            (
                r"(?i)neutrali[sz]ed",
                Some(vec!["neutralised", "neutralized"]),
            ),
            (
                r"(?i)\d+\s+(?:were\s+)?(?:killed|wounded)",
                Some(vec!["killed", "wounded"]),
            ),
            (r"(?i)(?:killed)?\s+\d+", None),
            (r"\d+", None),
            (r"(?i)a|killed", None),
            (r"(?i)in\s+\w+", None),
            (r"(?i)[\p{L}'’]+\s+said\b", Some(vec!["said"])),
            (
                r"(?i:Wounded|(?-i:Killed))",
                Some(vec!["killed", "wounded"]),
            ),
            // An escaped backslash before "w" is not the class \w.
            (r"(?i)\\wounded", Some(vec![r"\wounded"])),
        ] {
            let want = want.map(|v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>());
            assert_eq!(required_literals(pattern), want, "{pattern}");
        }
    }

    #[test]
    fn expands_fragments_recursively_and_keeps_repetitions() {
        let frags = [("num", r"\d+|{word}"), ("word", "one|two")];
        assert_eq!(
            expand(r"{num} killed x{2,3}", &frags),
            r"(?:\d+|(?:one|two)) killed x{2,3}"
        );
        assert_eq!(expand("a{unclosed", &frags), "a{unclosed");
    }

    /// Every rule finds something in each of its examples and nothing in its counter-examples.
    #[test]
    fn every_rule_passes_its_own_examples() {
        let ctx = Context::published(chrono::NaiveDate::from_ymd_opt(2025, 2, 10).unwrap());
        let mut failures = Vec::new();
        let mut names = std::collections::HashSet::new();
        for (dim, set) in all_rule_sets() {
            for rule in set.rules() {
                assert!(names.insert(rule.name), "duplicate rule name {}", rule.name);
                if rule.examples.is_empty() {
                    failures.push(format!("{dim}/{}: no examples", rule.name));
                }
                if rule.counter_examples.is_empty() {
                    failures.push(format!("{dim}/{}: no counter-examples", rule.name));
                }
                for ex in rule.examples {
                    if set.run_rule(rule.name, ex, &ctx).is_empty() {
                        failures.push(format!("{dim}/{}: missed {ex:?}", rule.name));
                    }
                }
                for ex in rule.counter_examples {
                    let found = set.run_rule(rule.name, ex, &ctx);
                    if !found.is_empty() {
                        failures.push(format!("{dim}/{}: wrongly found in {ex:?}", rule.name));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
