//! The incident's source: who reported it, from the attributions ("security sources said",
//! "according to the defence ministry") in the incident's sentences.

use super::doc::Doc;
use super::split::Mention;
use crate::{Kind, Value};

/// The names of the source entities in the incident's sentences, first named first, each once,
/// joined by "; " (empty when nobody is named). Their entities join the evidence.
pub fn incident_source(doc: &Doc, ms: &[&Mention], evidence: &mut Vec<usize>) -> String {
    let mut sents: Vec<usize> = ms.iter().map(|m| m.sent).collect();
    sents.sort_unstable();
    sents.dedup();
    let mut names: Vec<String> = Vec::new();
    for s in sents {
        for i in doc.ents_of(s, Kind::Source) {
            let Value::Source(v) = &doc.ents[i].e.value else {
                continue;
            };
            let name = v.name.trim();
            if name.is_empty() {
                continue;
            }
            evidence.push(i);
            if !names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                names.push(name.to_string());
            }
        }
    }
    names.join("; ")
}
