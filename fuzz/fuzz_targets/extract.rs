//! Any UTF-8 text, with any publication date: extraction must not panic, every entity must sit
//! on valid offsets whose text matches, the document must pass its own validation, and the
//! paragraph memo (on in the page) must change nothing, also for the text edited.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep::extract::span::slice_chars;
use sitrep::format::{annotate, parse, to_json, validate, Meta};

fuzz_target!(|data: &[u8]| {
    let (date, text) = data.split_at(data.len().min(2));
    let Ok(text) = std::str::from_utf8(text) else { return };
    let published = match date {
        [a, b] => Some(format!("20{:02}-{:02}-{:02}", a % 40, 1 + b % 12, 1 + (a ^ b) % 28)),
        _ => None,
    };
    let doc = annotate(Meta { text: text.to_string(), title: None, source: None, published });
    for e in &doc.entities {
        assert_eq!(slice_chars(text, e.start, e.end), Some(e.text.as_str()));
    }
    validate(&doc).expect("own output validates");
    assert_eq!(parse(&to_json(&doc)).expect("round trip"), doc);

    let ctx = sitrep::extract::Context {
        published: doc.document.published.as_deref().and_then(|d| {
            sitrep::format::parse_published(d).ok()
        }),
    };
    let edited = format!("{text}\n\nGunmen killed 3 people.\n\n{text}");
    let plain = [sitrep::extract::extract(text, &ctx), sitrep::extract::extract(&edited, &ctx)];
    sitrep::extract::memo::enable(true);
    let memo = [sitrep::extract::extract(text, &ctx), sitrep::extract::extract(&edited, &ctx)];
    sitrep::extract::memo::enable(false);
    assert_eq!(memo, plain, "the memo changed a result");
});
