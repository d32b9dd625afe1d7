use super::*;

fn meta(text: &str) -> Meta {
    Meta {
        text: text.to_string(),
        title: Some("A title".into()),
        source: None,
        published: Some("2025-02-10".into()),
    }
}

#[test]
fn round_trips_through_json() {
    let doc = annotate(meta(
        "Gunmen killed 12 villagers in Tillabéri on Monday. 😀",
    ));
    let json = to_json(&doc);
    let back = parse(&json).unwrap();
    assert_eq!(back, doc);
    assert_eq!(to_json(&back), json);
}

#[test]
fn accepts_iso_dates_only() {
    for (s, ok) in [
        ("2025-02-04", true),
        ("2025-02", true),
        ("2025", true),
        ("--02-04", true),
        ("--02-29", true),
        ("--02-30", false),
        ("2025-02-30", false),
        ("2025-13", false),
        ("25-02-04", false),
        ("", false),
        ("２０２５", false),
    ] {
        assert_eq!(is_iso_date(s), ok, "{s:?}");
    }
}

/// A table of bad files, each with the message it must give.
#[test]
fn refuses_bad_documents_with_clear_messages() {
    let good = to_json(&annotate(meta("Gunmen killed 12 villagers.")));
    let v: serde_json::Value = serde_json::from_str(&good).unwrap();
    let edit = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = v.clone();
        f(&mut v);
        v.to_string()
    };
    let manual_entity = |start: usize, end: usize, text: &str| {
        serde_json::json!({"id": "m1", "kind": "actor", "start": start, "end": end,
            "start_utf16": start, "end_utf16": end, "text": text, "rule": "manual",
            "origin": "manual", "value": {"name": "gunmen", "side": "rebel", "aliases": []}})
    };
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "not valid JSON"),
        (good[..good.len() / 2].to_string(), "not valid JSON"),
        ("[]".into(), "not a Sitrep document"),
        (deep, "not valid JSON"),
        (edit(&|v| v["version"] = 2.into()), "newer than this Sitrep"),
        (edit(&|v| v["format"] = "other".into()), "not \"sitrep\""),
        (
            edit(&|v| v["document"]["published"] = "yesterday".into()),
            "YYYY-MM-DD",
        ),
        (
            edit(&|v| v["entities"] = serde_json::json!([manual_entity(0, 999, "Gunmen")])),
            "outside the text",
        ),
        (
            edit(&|v| v["entities"] = serde_json::json!([manual_entity(0, 6, "Gunmex")])),
            "does not match the text",
        ),
        (
            edit(&|v| {
                let mut e = manual_entity(0, 6, "Gunmen");
                e["end_utf16"] = 7.into();
                v["entities"] = serde_json::json!([e]);
            }),
            "UTF-16 offsets",
        ),
        (
            edit(&|v| {
                let mut e = manual_entity(0, 6, "Gunmen");
                e["kind"] = "date".into();
                v["entities"] = serde_json::json!([e]);
            }),
            "not a valid date value",
        ),
        (
            edit(&|v| {
                v["entities"] = serde_json::json!([
                    manual_entity(0, 6, "Gunmen"),
                    manual_entity(0, 6, "Gunmen")
                ])
            }),
            "used twice",
        ),
        (
            edit(&|v| v["surprise"] = 1.into()),
            "does not follow the format",
        ),
        (
            edit(&|v| {
                v["incidents"] = serde_json::json!([{"id": "i1", "date": null, "location": null,
                "perpetrators": [], "targets": [], "event_type": "Picnic", "sub_event_type": "",
                "killed": [], "injured": [], "missing_or_abducted": [], "attackers": null,
                "fatalities": {"low": 0, "best": 0, "high": 0}, "evidence": [], "notes": ""}])
            }),
            "not one of ACLED's six",
        ),
        (
            edit(&|v| {
                v["incidents"] = serde_json::json!([{"id": "i1", "date": null, "location": null,
                "perpetrators": [], "targets": [], "event_type": "Battles", "sub_event_type": "",
                "killed": [], "injured": [], "missing_or_abducted": [], "attackers": null,
                "fatalities": {"low": 0, "best": 0, "high": 0}, "evidence": ["e999"], "notes": ""}])
            }),
            "names no entity",
        ),
    ];
    for (json, want) in cases {
        let err = parse(&json).expect_err(want);
        assert!(err.message().contains(want), "want {want:?}, got {err}");
    }
}

#[test]
fn markup_in_text_is_kept_as_text() {
    let doc = annotate(meta(
        "<script>alert(1)</script> <img src=x onerror=alert(1)>",
    ));
    let back = parse(&to_json(&doc)).unwrap();
    assert_eq!(back.document.text, doc.document.text);
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn exports_follow_the_json_schema() {
    for text in [
        "",
        "Gunmen killed 12 villagers in Tillabéri on Monday.",
        "😀\r\n\u{202e}x",
    ] {
        let json = to_json(&annotate(meta(text)));
        schema::check(&json).unwrap();
    }
    let err = schema::check(r#"{"format": "sitrep"}"#).unwrap_err();
    assert!(err.message().starts_with("schema:"), "{err}");
}
