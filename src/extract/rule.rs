//! Rules: small named values, Duckling-style.
//!
//! A [`Rule`] has a name, a regular-expression pattern, a production that turns a match into a
//! normalised [`Value`], and its own positive and negative example sentences. Every entity
//! records the name of the rule that made it. Patterns may use `{fragment}` placeholders that
//! [`expand`] replaces with shared sub-patterns (a number, a month name…), so a rule reads like
//! the phrase it matches: `"{at_least} {number} {people} (?:were|have been) killed"`.
//!
//! `tests` in this module checks every rule of every dimension against its own examples.

use regex::{Captures, Regex};
use std::sync::LazyLock;

use super::context::Context;
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
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(b @ ('b' | 'B')) => {
                    out.push_str("(?-u:\\");
                    out.push(b);
                    out.push(')');
                }
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out.replace("(?-u:(?-u:\\b))", "(?-u:\\b)")
        .replace("(?-u:(?-u:\\B))", "(?-u:\\B)")
}

/// The rules of one dimension, compiled once.
pub struct RuleSet {
    rules: &'static [Rule],
    compiled: Vec<Regex>,
}

impl RuleSet {
    /// Compiles `rules`, expanding placeholders from `fragments`.
    ///
    /// # Panics
    /// If a pattern does not compile: rules are compiled-in data, and the test
    /// `every_rule_compiles` catches a bad one before it ships.
    pub fn new(rules: &'static [Rule], fragments: &[(&str, &str)]) -> RuleSet {
        let compiled = rules
            .iter()
            .map(|r| {
                let src = ascii_word_boundaries(&expand(r.pattern, fragments));
                Regex::new(&src).unwrap_or_else(|e| panic!("rule {}: {e}", r.name))
            })
            .collect();
        RuleSet { rules, compiled }
    }

    /// The rules.
    pub fn rules(&self) -> &'static [Rule] {
        self.rules
    }

    /// Runs every rule over `text`, in order; finds may overlap (see `overlap`).
    pub fn run(&self, text: &str, ctx: &Context) -> Vec<Found> {
        let mut out = Vec::new();
        for (rule, re) in self.rules.iter().zip(&self.compiled) {
            run_one(rule, re, text, ctx, &mut out);
        }
        out
    }

    /// Runs the rule called `name` only (for the per-rule example tests).
    pub fn run_rule(&self, name: &str, text: &str, ctx: &Context) -> Vec<Found> {
        let mut out = Vec::new();
        for (rule, re) in self.rules.iter().zip(&self.compiled) {
            if rule.name == name {
                run_one(rule, re, text, ctx, &mut out);
            }
        }
        out
    }
}

fn run_one(rule: &'static Rule, re: &Regex, text: &str, ctx: &Context, out: &mut Vec<Found>) {
    for caps in re.captures_iter(text) {
        let Some(m) = caps.name("span").or_else(|| caps.get(0)) else {
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

    /// Time per rule over the shared corpora (or $SITREP_BENCH_TEXT) repeated to ~2 MB:
    /// `cargo test --release --lib rule_timing -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn rule_timing() {
        let text = match std::env::var("SITREP_BENCH_TEXT") {
            Ok(p) => std::fs::read_to_string(p).unwrap(),
            Err(_) => {
                let mut t = String::new();
                for set in ["seeds", "dev"] {
                    let dir =
                        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/").to_string() + set;
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
