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

/// Documents written before incidents had a `source` open with an empty one; new exports carry
/// it and pass the schema.
#[test]
fn incident_source_is_optional_on_import() {
    let doc = annotate(meta(
        "Gunmen killed 12 villagers in Tillabéri on Monday, security sources said.",
    ));
    assert_eq!(doc.incidents[0].source, "security sources");
    let mut v: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
    v["incidents"][0].as_object_mut().unwrap().remove("source");
    let old = parse(&v.to_string()).unwrap();
    assert_eq!(old.incidents[0].source, "");
    #[cfg(not(target_arch = "wasm32"))]
    schema::check(&to_json(&doc)).unwrap();
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

/// With no publication date, "on Monday" is an unresolved date: it passes the schema, round-trips,
/// and an unresolved value with a date in it does not pass.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn unresolved_dates_follow_the_json_schema() {
    let mut m = meta("Gunmen killed 12 villagers in Tillabéri on Monday.");
    m.published = None;
    let doc = annotate(m);
    let monday = doc
        .entities
        .iter()
        .find(|e| e.text == "Monday")
        .expect("Monday is marked");
    assert!(matches!(&monday.value, crate::extract::Value::Date(d)
        if d.precision == crate::extract::DatePrecision::Unresolved && d.start.is_empty()));
    assert!(doc.incidents.iter().all(|i| i.date.is_none()));
    let json = to_json(&doc);
    schema::check(&json).unwrap();
    assert_eq!(parse(&json).unwrap().entities, doc.entities);
    let mut bad: serde_json::Value = serde_json::from_str(&json).unwrap();
    let value = bad["entities"]
        .as_array_mut()
        .and_then(|es| es.iter_mut().find(|e| e["text"] == "Monday"))
        .map(|e| &mut e["value"])
        .unwrap();
    value["start"] = "2025-02-10".into();
    assert!(schema::check(&bad.to_string()).is_err());
}

/// A document built by hand, so the exporters are checked against output read line by line.
fn hand_document() -> Document {
    use crate::extract::*;
    let text = "On 4 February, gunmen killed 12 villagers in Kouré.";
    let entity = |id: &str, kind: Kind, start: usize, end: usize, value: Value| Entity {
        id: id.into(),
        kind,
        start,
        end,
        start_utf16: start,
        end_utf16: end,
        text: crate::extract::span::slice_chars(text, start, end)
            .unwrap()
            .into(),
        rule: "test".into(),
        origin: Origin::Auto,
        status: Default::default(),
        value,
    };
    Document {
        format: FORMAT.into(),
        version: VERSION,
        generator: "sitrep test".into(),
        document: Meta {
            text: text.into(),
            title: Some("Kouré attack".into()),
            source: Some("https://example.org/a".into()),
            published: Some("2025-02-05".into()),
        },
        entities: vec![
            entity(
                "e1",
                Kind::Date,
                3,
                13,
                Value::Date(DateValue {
                    start: "2025-02-04".into(),
                    end: "2025-02-04".into(),
                    precision: DatePrecision::Day,
                    time: None,
                }),
            ),
            entity(
                "e2",
                Kind::Actor,
                15,
                21,
                Value::Actor(ActorValue {
                    name: "gunmen".into(),
                    side: Side::Rebel,
                    ..ActorValue::default()
                }),
            ),
        ],
        incidents: vec![Incident {
            id: "i1".into(),
            date: Some(IncidentDate {
                start: "2025-02-04".into(),
                end: "2025-02-04".into(),
                precision: DatePrecision::Day,
            }),
            location: Some(IncidentLocation {
                name: "Kouré".into(),
                admin1: Some("Dosso".into()),
                country: Some("Niger".into()),
                country_code: Some("NE".into()),
                lat: Some(13.31),
                lon: Some(2.6),
                precision: PlacePrecision::Town,
            }),
            perpetrators: vec![Perpetrator {
                name: "gunmen".into(),
                side: Side::Rebel,
                aliases: vec![],
            }],
            targets: vec![Target {
                name: "civilians".into(),
                side: Side::Civilian,
            }],
            event_type: "Violence against civilians".into(),
            sub_event_type: "Attack".into(),
            killed: vec![CasualtyRow {
                who: "villagers".into(),
                side: Side::Civilian,
                low: Some(12),
                best: Some(12),
                high: Some(12),
                text: "killed 12 villagers".into(),
            }],
            fatalities: Count::exact(12),
            evidence: vec!["e1".into(), "e2".into()],
            notes: "toll \"12\", per the army".into(),
            ..Incident::default()
        }],
    }
}

#[test]
fn acled_csv_matches_hand_checked_rows() {
    let doc = hand_document();
    validate(&doc).unwrap();
    let csv = acled::to_csv([&doc]);
    let want = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2,interaction,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities\r\n\
                Kouré attack-i1,2025-02-04,1,Violence against civilians,Attack,gunmen,2,civilians,7,27,Niger,Dosso,Kouré,13.3100,2.6000,1,https://example.org/a,\"toll \"\"12\"\", per the army\",12\r\n";
    assert_eq!(csv, want);
}

#[test]
fn w3c_annotations_carry_quote_and_position_selectors() {
    let doc = hand_document();
    let v = w3c::to_w3c(&doc);
    assert_eq!(v["type"], "AnnotationCollection");
    assert_eq!(v["total"], 2);
    let a = &v["first"]["items"][1];
    assert_eq!(a["id"], "https://example.org/a#e2");
    assert_eq!(a["body"][0]["value"], "actor");
    assert_eq!(a["body"][1]["value"], "gunmen (rebel)");
    assert_eq!(a["target"]["source"], "https://example.org/a");
    assert_eq!(
        a["target"]["selector"][0],
        serde_json::json!({"type": "TextQuoteSelector", "exact": "gunmen", "prefix": "On 4 February, ", "suffix": " killed 12 villagers in Kouré."})
    );
    assert_eq!(
        a["target"]["selector"][1],
        serde_json::json!({"type": "TextPositionSelector", "start": 15, "end": 21})
    );
    let value: serde_json::Value =
        serde_json::from_str(a["body"][2]["value"].as_str().unwrap()).unwrap();
    assert_eq!(value["side"], "rebel");
}
