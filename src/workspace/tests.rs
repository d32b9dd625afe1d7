//! Workspace model and storage tests. Sentences are written for these tests.

use std::rc::Rc;

use super::persist::{self, entry_key, INDEX_KEY};
use super::*;
use crate::format::{annotate, Meta};

fn doc(title: Option<&str>, text: &str, published: Option<&str>) -> Rc<Document> {
    Rc::new(annotate(Meta {
        text: text.into(),
        title: title.map(str::to_string),
        source: None,
        published: published.map(str::to_string),
    }))
}

const T1: &str = "Gunmen on motorbikes killed 7 farmers near the river crossing on Sunday.";
const T2: &str = "An airstrike hit a market in the capital, wounding 15.";
const T3: &str = "Protesters gathered peacefully outside the ministry.";

fn three() -> Workspace {
    let mut ws = Workspace::new();
    ws.add(
        doc(Some("Farm attack"), T1, Some("2025-03-02")),
        false,
        1_000,
    );
    ws.add(doc(Some("Market strike"), T2, None), false, 2_000);
    ws.add(doc(None, T3, None), false, 3_000);
    ws
}

fn titles(v: &[&Entry]) -> Vec<String> {
    v.iter().map(|e| display_title(&e.doc)).collect()
}

#[test]
fn titles_come_from_title_text_or_a_placeholder() {
    for (title, text, want) in [
        (Some("  Given  "), "body", "Given"),
        (Some("   "), "First line\nsecond", "First line"),
        (
            None,
            "\n\n  Indented first line  \nnext",
            "Indented first line",
        ),
        (None, "", "Untitled article"),
        (None, "   \n\t", "Untitled article"),
    ] {
        assert_eq!(
            display_title(&doc(title, text, None)),
            want,
            "{title:?} {text:?}"
        );
    }
    let long = "word ".repeat(40);
    let t = display_title(&doc(None, &long, None));
    assert_eq!(t.chars().count(), DERIVED_TITLE_CHARS + 1);
    assert!(t.ends_with('…'));
}

#[test]
fn summary_lists_title_date_incidents_and_last_edit() {
    let ws = three();
    let e = ws.sorted()[2].summary();
    assert_eq!(e.title, "Farm attack");
    assert_eq!(e.published.as_deref(), Some("2025-03-02"));
    assert_eq!(e.incidents, ws.sorted()[2].doc.incidents.len());
    assert_eq!(e.edited, 1_000);
    assert_eq!(e.chars, T1.chars().count());
}

#[test]
fn operations_table() {
    // Each case: operations on a fresh three-entry workspace, then the expected list (most
    // recently edited first) and open title.
    type Op = fn(&mut Workspace);
    let cases: Vec<(&str, Op, Vec<&str>, Option<&str>)> = vec![
        (
            "nothing",
            |_| {},
            vec![T3, "Market strike", "Farm attack"],
            Some(T3),
        ),
        (
            "open",
            |ws| {
                let id = ws.sorted()[2].id.clone();
                assert!(ws.open(&id));
                assert!(!ws.open("nope"));
            },
            vec![T3, "Market strike", "Farm attack"],
            Some("Farm attack"),
        ),
        (
            "rename moves to top",
            |ws| {
                let id = ws.sorted()[2].id.clone();
                let d = ws.rename(&id, "  Renamed  ", 5_000).unwrap();
                assert_eq!(d.document.title.as_deref(), Some("Renamed"));
            },
            vec!["Renamed", T3, "Market strike"],
            Some(T3),
        ),
        (
            "rename to empty falls back to the text",
            |ws| {
                let id = ws.sorted()[1].id.clone();
                ws.rename(&id, "", 5_000).unwrap();
            },
            vec![T2, T3, "Farm attack"],
            Some(T3),
        ),
        (
            "duplicate",
            |ws| {
                let id = ws.sorted()[1].id.clone();
                ws.duplicate(&id, 4_000).unwrap();
            },
            vec!["Market strike (copy)", T3, "Market strike", "Farm attack"],
            Some(T3),
        ),
        (
            "delete the open one",
            |ws| {
                let id = ws.open_id().unwrap().to_string();
                assert!(ws.delete(&id, 4_000));
                assert!(!ws.delete(&id, 4_000));
            },
            vec!["Market strike", "Farm attack"],
            None,
        ),
        (
            "delete then undo",
            |ws| {
                let id = ws.open_id().unwrap().to_string();
                ws.delete(&id, 4_000);
                assert_eq!(ws.undo_delete(), Some(id));
                assert_eq!(ws.undo_delete(), None);
            },
            vec![T3, "Market strike", "Farm attack"],
            Some(T3),
        ),
        (
            "delete two, undo one",
            |ws| {
                let a = ws.sorted()[2].id.clone();
                let b = ws.sorted()[1].id.clone();
                ws.delete(&a, 4_000);
                ws.delete(&b, 4_001);
                ws.undo_delete();
            },
            vec![T3, "Market strike"],
            Some(T3),
        ),
        (
            "edit the open one",
            |ws| {
                let id = ws.sorted()[2].id.clone();
                ws.open(&id);
                let d = doc(
                    Some("Farm attack"),
                    &format!("{T1} Two more died later."),
                    None,
                );
                ws.update_open(d, false, History::default(), 9_000);
            },
            vec!["Farm attack", T3, "Market strike"],
            Some("Farm attack"),
        ),
    ];
    for (name, op, want, open) in cases {
        let mut ws = three();
        op(&mut ws);
        assert_eq!(titles(&ws.sorted()), want, "{name}");
        assert_eq!(
            ws.open_entry().map(|e| display_title(&e.doc)).as_deref(),
            open,
            "{name}"
        );
        // Whatever happened, it survives a save and a load.
        let mut store = MemoryStore::new();
        ws.save(&mut store).unwrap();
        let back = persist::load(&store).unwrap();
        assert!(back.problems.is_empty(), "{name}: {:?}", back.problems);
        assert_eq!(titles(&back.workspace.sorted()), want, "{name} reloaded");
        assert_eq!(back.workspace.open_id(), ws.open_id(), "{name} reloaded");
        assert_eq!(back.workspace.trash().len(), ws.trash().len(), "{name}");
    }
}

#[test]
fn ids_stay_unique_within_one_millisecond_and_across_reloads() {
    let mut ws = Workspace::new();
    let a = ws.add(doc(None, "a", None), false, 7);
    let b = ws.add(doc(None, "b", None), false, 7);
    let c = ws.duplicate(&a, 7).unwrap();
    assert!(a != b && b != c && a != c);
    let mut store = MemoryStore::new();
    ws.save(&mut store).unwrap();
    let mut back = persist::load(&store).unwrap().workspace;
    let d = back.add(doc(None, "d", None), false, 1);
    assert!(![a, b, c].contains(&d));
}

#[test]
fn search_by_title_and_text_ignores_case_and_accents() {
    let mut ws = three();
    ws.add(
        doc(
            Some("Attaque à Ségou"),
            "Des hommes armés ont tué 3 civils.",
            None,
        ),
        false,
        4_000,
    );
    for (query, want) in [
        ("", 4usize),
        ("farm", 1),
        ("MARKET", 1),
        ("airstrike capital", 1),
        ("airstrike farmers", 0),
        ("segou", 1),
        ("ARMÉS", 1),
        ("peacefully", 1),
        ("nothing-like-this", 0),
        ("   ", 4),
    ] {
        assert_eq!(ws.search(query).len(), want, "{query:?}");
    }
}

#[test]
fn update_open_marks_changes_only_when_something_changed() {
    let mut ws = Workspace::new();
    let mut store = MemoryStore::new();
    // No entry open: the first edit creates one.
    let d = doc(None, T1, None);
    ws.update_open(d.clone(), false, History::default(), 10);
    assert_eq!(ws.entries().len(), 1);
    assert_eq!(ws.save(&mut store).unwrap(), 2);
    ws.update_open(d.clone(), false, History::default(), 20);
    assert!(!ws.is_dirty());
    assert_eq!(ws.save(&mut store).unwrap(), 0);
    assert_eq!(ws.open_entry().unwrap().edited, 10);
    let h = History {
        undo: vec![Step {
            doc: doc(None, "", None),
            kept: false,
        }],
        redo: vec![],
    };
    let d2 = doc(None, T2, None);
    ws.update_open(d2, false, h.clone(), 30);
    assert!(ws.is_dirty());
    assert_eq!(ws.save(&mut store).unwrap(), 2);
    assert_eq!(ws.open_entry().unwrap().edited, 30);
    let mut back = persist::load(&store).unwrap().workspace;
    let (got, err) = back.open_entry_mut().unwrap().history();
    assert_eq!(err, None);
    assert_eq!(got, h);
}

#[test]
fn undo_history_survives_reload() {
    let mut ws = Workspace::new();
    let steps = ["", "Rebels", "Rebels attacked", "Rebels attacked a base"];
    let history = History {
        undo: steps
            .iter()
            .map(|t| Step {
                doc: doc(None, t, None),
                kept: false,
            })
            .collect(),
        redo: vec![Step {
            doc: doc(None, "Rebels attacked a base, killing 9 soldiers", None),
            kept: false,
        }],
    };
    let current = doc(None, "Rebels attacked a base, killing", None);
    ws.update_open(current.clone(), false, history.clone(), 5);
    let mut store = MemoryStore::new();
    ws.save(&mut store).unwrap();
    let mut back = persist::load(&store).unwrap().workspace;
    let e = back.open_entry_mut().unwrap();
    assert_eq!(e.doc, current);
    assert_eq!(e.history(), (history, None));
}

#[test]
fn storage_failures_table() {
    // (name, failure or quota, expected error) — the save fails, the workspace in memory is
    // unchanged and still marked dirty, and a later save (storage fixed) writes everything.
    let cases: Vec<(&str, Failure, Option<usize>, StorageError)> = vec![
        ("quota full", Failure::Full, None, StorageError::QuotaFull),
        (
            "storage disabled",
            Failure::Disabled,
            None,
            StorageError::Disabled,
        ),
        (
            "other error",
            Failure::Writes(StorageError::Other("SecurityError".into())),
            None,
            StorageError::Other("SecurityError".into()),
        ),
        (
            "tiny quota",
            Failure::None,
            Some(600),
            StorageError::QuotaFull,
        ),
    ];
    for (name, failure, quota, want) in cases {
        let mut ws = three();
        let before = ws.clone();
        let mut store = MemoryStore::new();
        store.failure = failure;
        store.quota = quota;
        assert_eq!(ws.save(&mut store), Err(want.clone()), "{name}");
        assert!(ws.is_dirty(), "{name}");
        assert_eq!(ws.entries(), before.entries(), "{name}: memory untouched");
        assert!(!want.to_string().is_empty());
        store.failure = Failure::None;
        store.quota = None;
        ws.save(&mut store).unwrap();
        assert!(!ws.is_dirty(), "{name}");
        let back = persist::load(&store).unwrap();
        assert_eq!(back.workspace.entries().len(), 3, "{name}");
        assert!(back.problems.is_empty(), "{name}");
    }
}

#[test]
fn error_messages_say_what_to_do() {
    for (e, want) in [
        (StorageError::QuotaFull, "storage is full"),
        (StorageError::QuotaFull, "still here in this tab"),
        (StorageError::Disabled, "only while this tab is open"),
        (
            StorageError::Corrupt {
                key: "k".into(),
                reason: "bad".into(),
            },
            "left in storage",
        ),
    ] {
        assert!(e.to_string().contains(want), "{e}");
    }
}

#[test]
fn loading_a_disabled_store_is_an_error_not_an_empty_workspace() {
    let mut store = MemoryStore::new();
    store.failure = Failure::Disabled;
    assert_eq!(persist::load(&store).unwrap_err(), StorageError::Disabled);
}

#[test]
fn damaged_storage_is_reported_and_left_alone() {
    // (name, damage, problems expected, entries loaded)
    type Damage = fn(&mut MemoryStore, &[String]);
    let cases: Vec<(&str, Damage, &str, usize)> = vec![
        (
            "garbage entry",
            |s, ids| {
                s.items_mut().insert(entry_key(&ids[0]), "garbage".into());
            },
            "not a Sitrep entry",
            2,
        ),
        (
            "bad base64",
            |s, ids| {
                s.items_mut().insert(entry_key(&ids[0]), "z1.!!!".into());
            },
            "base64",
            2,
        ),
        (
            "truncated",
            |s, ids| {
                let k = entry_key(&ids[0]);
                let v = s.items_mut()[&k].clone();
                s.items_mut().insert(k, v[..v.len() / 2].to_string());
            },
            "could not be read",
            2,
        ),
        (
            "entry holds an invalid document",
            |s, ids| {
                let json = r#"{"v":1,"id":"x","created":0,"edited":0,"doc":"{\"format\":\"sitrep\",\"version\":9}"}"#;
                s.items_mut().insert(entry_key(&ids[0]), json.into());
            },
            "version 9",
            2,
        ),
        (
            "entry missing",
            |s, ids| {
                s.items_mut().remove(&entry_key(&ids[0]));
            },
            "missing from storage",
            2,
        ),
        (
            "index damaged",
            |s, _| {
                s.items_mut().insert(INDEX_KEY.into(), "{nope".into());
            },
            "listed again",
            3,
        ),
        (
            "index lost",
            |s, _| {
                s.items_mut().remove(INDEX_KEY);
            },
            "",
            3,
        ),
    ];
    for (name, damage, want, n) in cases {
        let mut ws = three();
        let mut store = MemoryStore::new();
        ws.save(&mut store).unwrap();
        let ids: Vec<String> = ws.entries().iter().map(|e| e.id.clone()).collect();
        damage(&mut store, &ids);
        let snapshot = store.items_mut().clone();
        let loaded = persist::load(&store).unwrap();
        assert_eq!(loaded.workspace.entries().len(), n, "{name}");
        if want.is_empty() {
            assert!(loaded.problems.is_empty(), "{name}: {:?}", loaded.problems);
        } else {
            assert!(
                loaded.problems.iter().any(|p| p.contains(want)),
                "{name}: {:?}",
                loaded.problems
            );
        }
        // Loading never writes or removes anything.
        assert_eq!(*store.items_mut(), snapshot, "{name}");
        // Saving the loaded workspace never removes the damaged item.
        let mut ws2 = loaded.workspace;
        ws2.add(doc(None, "new", None), false, 99_000);
        ws2.save(&mut store).unwrap();
        for (k, v) in &snapshot {
            if k.starts_with(persist::ENTRY_PREFIX) {
                assert_eq!(store.items_mut().get(k), Some(v), "{name}: {k} kept");
            }
        }
    }
}

#[test]
fn an_interrupted_save_is_recovered() {
    // The entry was written but the index was not (quota hit on the index).
    let mut ws = three();
    let mut store = MemoryStore::new();
    ws.save(&mut store).unwrap();
    ws.add(
        doc(Some("Late"), "Written before the index.", None),
        false,
        9_000,
    );
    let e = ws.open_entry().unwrap().clone();
    store
        .items_mut()
        .insert(entry_key(&e.id), persist::encode_entry(&e));
    let back = persist::load(&store).unwrap();
    assert_eq!(back.workspace.entries().len(), 4);
    assert!(
        back.workspace.is_dirty(),
        "the index is rewritten on the next save"
    );
}

#[test]
fn trash_is_bounded_and_purged_from_storage() {
    let mut ws = Workspace::new();
    let mut store = MemoryStore::new();
    let ids: Vec<String> = (0..TRASH_LIMIT + 3)
        .map(|i| ws.add(doc(None, &format!("Article {i}"), None), false, i as i64))
        .collect();
    ws.save(&mut store).unwrap();
    for id in &ids {
        ws.delete(id, 100);
    }
    assert_eq!(ws.trash().len(), TRASH_LIMIT);
    ws.save(&mut store).unwrap();
    let entry_keys = store
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with(persist::ENTRY_PREFIX))
        .count();
    assert_eq!(entry_keys, TRASH_LIMIT);
    let mut back = persist::load(&store).unwrap().workspace;
    assert_eq!(back.trash().len(), TRASH_LIMIT);
    assert_eq!(
        back.undo_delete().as_deref(),
        ids.last().map(String::as_str)
    );
    assert_eq!(back.entries().len(), 1);
}

#[test]
fn entries_are_packed_small() {
    let text = "Militants attacked an army post near the lake on Tuesday, killing 12 soldiers. "
        .repeat(200);
    let mut ws = Workspace::new();
    ws.add(doc(Some("Long"), &text, Some("2025-01-07")), false, 1);
    let mut store = MemoryStore::new();
    ws.save(&mut store).unwrap();
    let json_len = format::to_json_line(&ws.entries()[0].doc).len();
    assert!(store.used() < json_len, "{} vs {json_len}", store.used());
    // Plain JSON entries (no packing) are read too.
    let e = &ws.entries()[0];
    let packed = persist::encode_entry(e);
    let back = persist::decode_entry(&packed).unwrap();
    assert_eq!(back.doc, e.doc);
}

#[test]
fn exports_cover_every_entry() {
    let ws = three();
    let jsonl = ws.to_jsonl();
    assert_eq!(jsonl.lines().count(), 3);
    for line in jsonl.lines() {
        format::parse(line).unwrap();
    }
    let csv = ws.to_acled_csv();
    let rows = csv.lines().count() - 1;
    let incidents: usize = ws.entries().iter().map(|e| e.doc.incidents.len()).sum();
    assert_eq!(rows, incidents);
    assert!(csv.starts_with("event_id_cnty,"));
}

#[test]
fn lost_and_deleted_spans_survive_reload() {
    use crate::extract::Kind;
    use crate::ui::edit::{apply, reextract, Edit};
    // A manual span on "7 farmers", then an edit that removes its words: the span is lost. An
    // automatic span deleted by hand is remembered.
    let d = doc(None, T1, Some("2025-03-02"));
    let start = T1[..T1.find("7 farmers").unwrap()].chars().count();
    let with_span = apply(
        &d,
        &Edit::AddSpan {
            start,
            end: start + "7 farmers".len(),
            kind: Kind::Figure,
        },
    )
    .unwrap()
    .unwrap();
    let gone = reextract(
        &with_span,
        Meta {
            text: T1.replace("7 farmers", "several herders"),
            ..with_span.document.clone()
        },
        &[],
    );
    assert_eq!(gone.lost.len(), 1);
    let deleted: Vec<Deleted> = gone
        .doc
        .entities
        .iter()
        .filter_map(|e| Deleted::of(e, &gone.doc.document.text))
        .take(1)
        .collect();
    assert_eq!(deleted.len(), 1);
    let flags = Flags {
        lost: gone.lost.clone(),
        deleted,
    };

    // (flags saved, flags read back after a reload)
    let cases = [(Flags::default(), Flags::default()), (flags.clone(), flags)];
    for (saved, want) in cases {
        let mut ws = Workspace::new();
        ws.update_open(Rc::new(gone.doc.clone()), false, History::default(), 5);
        ws.set_flags(saved.clone());
        assert_eq!(ws.open_entry().unwrap().flags, saved);
        let mut store = MemoryStore::new();
        ws.save(&mut store).unwrap();
        let back = persist::load(&store).unwrap().workspace;
        assert_eq!(back.open_entry().unwrap().flags, want);
        // Setting the same flags again changes nothing.
        let mut again = back;
        again.set_flags(want);
        assert!(!again.is_dirty());
    }
}

/// Open JSON, a dropped or pasted import and a share link all add a new entry: the work that
/// was open stays in its own entry, as it was, with its history, and survives a reload.
#[test]
fn an_opened_document_becomes_a_new_entry_and_the_work_stays() {
    let mut ws = Workspace::new();
    let mut store = MemoryStore::new();
    let history = History {
        undo: vec![Step {
            doc: doc(None, "Gunmen", None),
            kept: false,
        }],
        redo: vec![],
    };
    let work = |d: &Rc<Document>, h: &History| Current {
        doc: d.clone(),
        kept: false,
        history: h.clone(),
        flags: Flags::default(),
    };
    // Work in progress, not yet autosaved: recorded when the file is opened.
    let mine = doc(Some("My notes"), T1, None);
    let opened = doc(Some("Saved raid"), T2, Some("2025-03-05"));
    let id = ws.import(work(&mine, &history), opened.clone(), 100);
    assert_eq!(ws.entries().len(), 2);
    assert_eq!(ws.open_id(), Some(id.as_str()));
    let e = ws.open_entry().unwrap();
    assert!(Rc::ptr_eq(&e.doc, &opened) && e.kept, "shown as saved");
    assert_eq!(
        e.history,
        HistorySlot::None,
        "nothing to undo in the new entry"
    );
    // The same file again: another entry, nothing replaced.
    let again = ws.import(work(&opened, &History::default()), opened.clone(), 200);
    assert_ne!(again, id);
    assert_eq!(ws.entries().len(), 3);
    ws.save(&mut store).unwrap();
    let mut back = persist::load(&store).unwrap().workspace;
    let mine_id = back
        .entries()
        .iter()
        .find(|e| e.doc.document.title.as_deref() == Some("My notes"))
        .map(|e| e.id.clone())
        .expect("the work before opening is an entry");
    assert!(back.open(&mine_id));
    let e = back.open_entry_mut().unwrap();
    assert_eq!(e.doc, mine);
    assert!(!e.kept);
    assert_eq!(e.history(), (history, None));
}

/// An untouched empty page is not recorded when a document is opened into it.
#[test]
fn opening_into_an_empty_page_adds_only_the_document() {
    let mut ws = Workspace::new();
    let empty = Current {
        doc: doc(None, "", None),
        kept: false,
        history: History::default(),
        flags: Flags::default(),
    };
    let first = doc(None, T3, None);
    ws.import(empty, first.clone(), 10);
    assert_eq!(ws.entries().len(), 1);
    // Then the page shows that entry; opening another file keeps it as it is.
    let shown = Current {
        doc: first.clone(),
        kept: true,
        history: History::default(),
        flags: Flags::default(),
    };
    ws.import(shown, doc(None, T2, None), 20);
    assert_eq!(ws.entries().len(), 2);
    let kept = ws
        .entries()
        .iter()
        .find(|e| e.doc == first)
        .expect("still there");
    assert_eq!((kept.edited, kept.kept), (10, true));
}
