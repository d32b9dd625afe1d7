//! W3C Web Annotation (JSON-LD): the entities as an `AnnotationCollection`, each annotation with a
//! `TextQuoteSelector` (exact text, 32 characters of prefix and suffix) and a
//! `TextPositionSelector` (code point offsets, as the Web Annotation model counts characters).
//!
//! Bodies: a `tagging` body with the kind, a `describing` body with the readable value, and a
//! `classifying` body holding the normalised value as JSON text, so nothing is lost.
//! The `@context` URL is an identifier; nothing is fetched from it.

use serde_json::{json, Value as Json};

use super::Document;
use crate::extract::span::Offsets;

/// Characters of context kept on each side in the quote selector.
pub const CONTEXT_CHARS: usize = 32;

/// The annotation collection for one document.
pub fn to_w3c(doc: &Document) -> Json {
    let source = doc
        .document
        .source
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "urn:sitrep:document".to_string());
    let text = &doc.document.text;
    let offsets = Offsets::new(text);
    let chars = offsets.chars();
    let items: Vec<Json> = doc
        .entities
        .iter()
        .map(|e| {
            let prefix = offsets
                .slice(text, e.start.saturating_sub(CONTEXT_CHARS), e.start)
                .unwrap_or("");
            let suffix = offsets
                .slice(text, e.end, (e.end + CONTEXT_CHARS).min(chars))
                .unwrap_or("");
            json!({
                "id": format!("{source}#{}", e.id),
                "type": "Annotation",
                "motivation": "tagging",
                "creator": if e.origin == crate::extract::Origin::Manual { "person" } else { "sitrep" },
                "generator": crate::GENERATOR,
                "body": [
                    {"type": "TextualBody", "purpose": "tagging", "value": e.kind.as_str()},
                    {"type": "TextualBody", "purpose": "describing", "value": e.value.summary()},
                    {"type": "TextualBody", "purpose": "classifying", "format": "application/json",
                     "value": serde_json::to_string(&e.value).unwrap_or_default()},
                ],
                "target": {
                    "source": source,
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": e.text, "prefix": prefix, "suffix": suffix},
                        {"type": "TextPositionSelector", "start": e.start, "end": e.end},
                    ]
                },
                "sitrep:rule": e.rule,
            })
        })
        .collect();
    json!({
        "@context": ["http://www.w3.org/ns/anno.jsonld", {"sitrep": "urn:sitrep:"}],
        "type": "AnnotationCollection",
        "label": doc.document.title.clone().unwrap_or_else(|| "Sitrep annotations".to_string()),
        "total": items.len(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    })
}

/// [`to_w3c`] as pretty JSON with a final newline.
pub fn to_w3c_json(doc: &Document) -> String {
    let mut s = serde_json::to_string_pretty(&to_w3c(doc)).unwrap_or_default();
    s.push('\n');
    s
}
