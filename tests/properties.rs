//! Properties that hold for any input: extraction never panics, every span sits on valid
//! offsets whose quoted text matches, UTF-16 offsets agree, and the document validates and
//! round-trips.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sitrep::extract::span::slice_chars;
use sitrep::format::{annotate, parse, to_json, validate, Meta};

fn check(text: String, published: Option<String>) -> Result<(), TestCaseError> {
    let doc = annotate(Meta {
        text: text.clone(),
        title: None,
        source: None,
        published,
    });
    for e in &doc.entities {
        prop_assert_eq!(slice_chars(&text, e.start, e.end), Some(e.text.as_str()));
        let utf16_start: usize = text.chars().take(e.start).map(char::len_utf16).sum();
        let utf16_end: usize = text.chars().take(e.end).map(char::len_utf16).sum();
        prop_assert_eq!((e.start_utf16, e.end_utf16), (utf16_start, utf16_end));
        prop_assert!(e.start < e.end);
    }
    prop_assert!(validate(&doc).is_ok(), "{:?}", validate(&doc));
    prop_assert_eq!(parse(&to_json(&doc)).ok(), Some(doc));
    Ok(())
}

/// Words that make the rules fire, mixed with arbitrary Unicode.
fn newsy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "At least",
        "36",
        "soldiers",
        "were killed",
        "on",
        "February 4",
        "Monday night",
        "in",
        "Tillabéri",
        "Kouré",
        "JNIM",
        "gunmen",
        "dozens of",
        "injured",
        "between",
        "and",
        "2025-02-04",
        "last Thursday",
        "the next day",
        "Niger's Dosso Region",
        "(",
        ")",
        ",",
        ".",
        "\n",
        "\n\n",
        "\r\n",
        "’",
        "e\u{301}",
        "😀",
        "שלום",
        "\u{202e}",
        "<b>",
        "&amp;",
        "\u{0}",
        "twenty-one",
        "a dozen",
        "hundreds",
        "IED",
        "according to security sources",
    ]);
    prop::collection::vec(
        prop_oneof![words.prop_map(String::from), any::<String>()],
        0..40,
    )
    .prop_map(|parts| parts.join(" "))
}

fn published() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        (1990i32..2040, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| Some(format!("{y:04}-{m:02}-{d:02}")))
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_unicode_text(text in any::<String>(), p in published()) {
        check(text, p)?;
    }

    #[test]
    fn newsy_text(text in newsy(), p in published()) {
        check(text, p)?;
    }

    /// The paragraph memo (on in the page) changes no result: a text, then the text with a
    /// paragraph added and one changed, give what they give with the memo off.
    #[test]
    fn the_memo_changes_nothing(a in newsy(), b in newsy(), p in published()) {
        let ctx = sitrep::extract::Context {
            published: p.and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        };
        let texts = [format!("{a}\n\n{b}"), format!("{a}\n\n{b} 12 soldiers were killed.\n\n{a}"), format!("x{a}\n\n{b}")];
        let plain: Vec<_> = texts.iter().map(|t| sitrep::extract::extract(t, &ctx)).collect();
        sitrep::extract::memo::enable(true);
        let memo: Vec<_> = texts.iter().map(|t| sitrep::extract::extract(t, &ctx)).collect();
        sitrep::extract::memo::enable(false);
        prop_assert_eq!(memo, plain);
    }

    /// Re-extraction after an edit keeps each record's hand-written notes on exactly one
    /// record, and every record's evidence names spans of the new document; and the spans
    /// before and after the edited stretch keep their quote when followed by `Shift`.
    #[test]
    fn reextraction_keeps_notes_once_and_evidence_valid(
        a in newsy(), b in newsy(), added in newsy(), p in published()
    ) {
        use sitrep::ui::edit::{apply, reextract, Edit, IncidentEdit};
        let old_text = format!("{a}\n\n{b}");
        let meta = |text: &str| Meta { text: text.to_string(), title: None, source: None, published: p.clone() };
        let mut doc = annotate(meta(&old_text));
        let ids: Vec<String> = doc.incidents.iter().map(|i| i.id.clone()).collect();
        for id in &ids {
            let edit = Edit::EditIncident { id: id.clone(), edit: IncidentEdit::Notes(format!("note on {id}")) };
            if let Ok(Some(d)) = apply(&doc, &edit) {
                doc = d;
            }
        }
        for text in [format!("{added}\n\n{old_text}"), format!("{a}\n\n{added}\n\n{b}"), format!("{old_text}{added}")] {
            let shift = sitrep::review::reanchor::Shift::new(&old_text, &text);
            for e in &doc.entities {
                if let Some((s, t)) = shift.map(e.start, e.end) {
                    prop_assert_eq!(slice_chars(&text, s, t), Some(e.text.as_str()));
                }
            }
            let r = reextract(&doc, meta(&text), &[]);
            prop_assert!(validate(&r.doc).is_ok(), "{:?}", validate(&r.doc));
            for id in &ids {
                let note = format!("note on {id}");
                let n = r.doc.incidents.iter().filter(|i| i.notes == note).count();
                prop_assert_eq!(n, 1, "{}", note);
            }
            for i in &r.doc.incidents {
                for id in &i.evidence {
                    prop_assert!(r.doc.entities.iter().any(|e| &e.id == id), "{} names {}", i.id, id);
                }
            }
        }
    }
}
