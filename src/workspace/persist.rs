//! How the workspace is laid out in a [`Store`], and loading and saving it.
//!
//! | key | value |
//! |---|---|
//! | `sitrep.workspace` | the index: JSON `{"v":1,"open":id,"entries":[Summary…],"trash":[…]}` |
//! | `sitrep.entry.<id>` | one entry (document, history, times), packed |
//!
//! An entry is packed as `z1.` + base64url(deflate(JSON)): browser storage holds about five
//! million characters per site, and article JSON with its entities shrinks several times.
//! Entry values that are plain JSON (starting with `{`) are read too.
//!
//! Saving writes the changed entries first and the index last, so an interrupted save leaves
//! at worst an entry the index does not list; loading finds such entries and lists them again.
//! Nothing unreadable is removed: it is reported and left in storage.

use std::rc::Rc;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::history::{self, StoredHistory};
use super::{Entry, Flags, HistorySlot, StorageError, Store, Summary, Trashed, Workspace};
use crate::extract::{Entity, Kind, Origin, Status, Value};
use crate::format::{self, MAX_DOCUMENT_BYTES};
use crate::review::reanchor::Deleted;

/// Key of the index.
pub const INDEX_KEY: &str = "sitrep.workspace";
/// Prefix of entry keys.
pub const ENTRY_PREFIX: &str = "sitrep.entry.";
/// Prefix of a packed entry value.
const PACKED: &str = "z1.";
/// Version of the stored layout.
const LAYOUT: u32 = 1;

/// The key of an entry.
pub fn entry_key(id: &str) -> String {
    format!("{ENTRY_PREFIX}{id}")
}

#[derive(Serialize, Deserialize)]
struct StoredTrash {
    id: String,
    position: usize,
    deleted: i64,
    #[serde(default)]
    was_open: bool,
}

#[derive(Serialize, Deserialize)]
struct StoredIndex {
    v: u32,
    open: Option<String>,
    entries: Vec<Summary>,
    #[serde(default)]
    trash: Vec<StoredTrash>,
}

#[derive(Serialize, Deserialize)]
struct StoredEntry {
    v: u32,
    id: String,
    created: i64,
    edited: i64,
    #[serde(default)]
    kept: bool,
    /// The document as compact JSON, read back with [`format::parse`] (so it is validated).
    doc: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    history: Option<StoredHistory>,
    /// Manual spans whose quote the text lost (see [`Flags`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    lost: Vec<StoredLost>,
    /// Deleted automatic spans (see [`Flags`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    deleted: Vec<Deleted>,
}

/// A lost span as stored: an export entity, its value read back with [`Value::from_json`].
#[derive(Serialize, Deserialize)]
struct StoredLost {
    id: String,
    kind: Kind,
    start: usize,
    end: usize,
    start_utf16: usize,
    end_utf16: usize,
    text: String,
    rule: String,
    origin: Origin,
    status: Status,
    value: serde_json::Value,
}

impl StoredLost {
    fn of(e: &Entity) -> StoredLost {
        StoredLost {
            id: e.id.clone(),
            kind: e.kind,
            start: e.start,
            end: e.end,
            start_utf16: e.start_utf16,
            end_utf16: e.end_utf16,
            text: e.text.clone(),
            rule: e.rule.clone(),
            origin: e.origin,
            status: e.status,
            value: serde_json::to_value(&e.value).unwrap_or(serde_json::Value::Null),
        }
    }

    /// The entity, or `None` when its value does not fit its kind (a damaged entry: the
    /// document itself still opens).
    fn entity(self) -> Option<Entity> {
        let value = Value::from_json(self.kind, self.value).ok()?;
        Some(Entity {
            id: self.id,
            kind: self.kind,
            start: self.start,
            end: self.end,
            start_utf16: self.start_utf16,
            end_utf16: self.end_utf16,
            text: self.text,
            rule: self.rule,
            origin: self.origin,
            value,
            status: self.status,
        })
    }
}

/// Packs an entry for storage.
pub fn encode_entry(e: &Entry) -> String {
    let history = match &e.history {
        HistorySlot::None => None,
        HistorySlot::Live(h) => Some(history::encode(&e.doc, h)).filter(|s| !s.is_empty()),
        HistorySlot::Stored(s) => Some(s.clone()),
    };
    let stored = StoredEntry {
        v: LAYOUT,
        id: e.id.clone(),
        created: e.created,
        edited: e.edited,
        kept: e.kept,
        doc: format::to_json_line(&e.doc),
        history,
        lost: e.flags.lost.iter().map(StoredLost::of).collect(),
        deleted: e.flags.deleted.clone(),
    };
    let json = serde_json::to_string(&stored).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6);
    format!("{PACKED}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// Reads a stored entry back; the error says what is wrong with it.
pub fn decode_entry(value: &str) -> Result<Entry, String> {
    let json = if let Some(data) = value.strip_prefix(PACKED) {
        let packed = URL_SAFE_NO_PAD
            .decode(data.trim_end())
            .map_err(|_| "it is not valid base64".to_string())?;
        let raw =
            miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_DOCUMENT_BYTES * 2)
                .map_err(|_| "it does not unpack (damaged, or too large)".to_string())?;
        String::from_utf8(raw).map_err(|_| "it is not text once unpacked".to_string())?
    } else if value.trim_start().starts_with('{') {
        value.to_string()
    } else {
        return Err("it is not a Sitrep entry".to_string());
    };
    let stored: StoredEntry =
        serde_json::from_str(&json).map_err(|e| format!("it is not a Sitrep entry ({e})"))?;
    if stored.v != LAYOUT {
        return Err(format!(
            "it was saved by another Sitrep version (layout {})",
            stored.v
        ));
    }
    let doc = format::parse(&stored.doc).map_err(|e| e.to_string())?;
    Ok(Entry {
        id: stored.id,
        doc: Rc::new(doc),
        kept: stored.kept,
        history: stored
            .history
            .map_or(HistorySlot::None, HistorySlot::Stored),
        created: stored.created,
        edited: stored.edited,
        flags: Flags {
            lost: stored
                .lost
                .into_iter()
                .filter_map(StoredLost::entity)
                .collect(),
            deleted: stored.deleted,
        },
    })
}

/// A loaded workspace and what could not be read (one sentence per problem; the items are left
/// in storage).
#[derive(Debug, Default)]
pub struct Loaded {
    /// The workspace.
    pub workspace: Workspace,
    /// Problems to show the user.
    pub problems: Vec<String>,
}

/// Loads the workspace. Errors only when the store itself cannot be read (e.g. disabled);
/// damaged items are reported in [`Loaded::problems`].
pub fn load(store: &dyn Store) -> Result<Loaded, StorageError> {
    let mut problems = Vec::new();
    let index = match store.get(INDEX_KEY)? {
        None => None,
        Some(raw) => match serde_json::from_str::<StoredIndex>(&raw) {
            Ok(ix) if ix.v == LAYOUT => Some(ix),
            Ok(ix) => {
                problems.push(format!(
                    "The saved workspace list was written by another Sitrep version (layout {}); the saved articles were listed again from storage.",
                    ix.v
                ));
                None
            }
            Err(_) => {
                problems.push(
                    "The saved workspace list was damaged; the saved articles were listed again from storage.".to_string(),
                );
                None
            }
        },
    };
    let mut ws = Workspace::new();
    let mut seen = std::collections::HashSet::new();
    let read = |id: &str, problems: &mut Vec<String>, title: &str| -> Option<Entry> {
        let key = entry_key(id);
        match store.get(&key) {
            Ok(Some(v)) => match decode_entry(&v) {
                Ok(mut e) => {
                    e.id = id.to_string();
                    Some(e)
                }
                Err(why) => {
                    problems.push(format!(
                        "The saved article “{title}” could not be read: {why}. It is left in storage ({key})."
                    ));
                    None
                }
            },
            Ok(None) => {
                problems.push(format!(
                    "The saved article “{title}” is missing from storage (it may have been cleared by the browser)."
                ));
                None
            }
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        }
    };
    let mut open = None;
    if let Some(ix) = &index {
        for s in &ix.entries {
            if !seen.insert(s.id.clone()) {
                continue;
            }
            if let Some(e) = read(&s.id, &mut problems, &s.title) {
                ws.entries.push(e);
            }
        }
        for t in &ix.trash {
            if !seen.insert(t.id.clone()) {
                continue;
            }
            // A deleted entry that cannot be read is simply not restorable; no message.
            if let Ok(Some(v)) = store.get(&entry_key(&t.id)) {
                if let Ok(mut e) = decode_entry(&v) {
                    e.id = t.id.clone();
                    ws.trash.push(Trashed {
                        entry: e,
                        position: t.position,
                        deleted: t.deleted,
                        was_open: t.was_open,
                    });
                }
            }
        }
        open = ix.open.clone();
    }
    // Entries the index does not list (an interrupted save, or a damaged index).
    let mut orphans: Vec<String> = store
        .keys()?
        .into_iter()
        .filter_map(|k| k.strip_prefix(ENTRY_PREFIX).map(str::to_string))
        .filter(|id| !seen.contains(id))
        .collect();
    orphans.sort();
    for id in orphans {
        if let Some(e) = read(&id, &mut problems, &id) {
            ws.index_dirty = true;
            ws.entries.push(e);
        }
    }
    ws.open = open.filter(|id| ws.get(id).is_some());
    ws.last_id = ws
        .entries
        .iter()
        .chain(ws.trash.iter().map(|t| &t.entry))
        .filter_map(|e| e.id.strip_prefix('a'))
        .filter_map(|h| i64::from_str_radix(h, 16).ok())
        .max()
        .unwrap_or(0);
    Ok(Loaded {
        workspace: ws,
        problems,
    })
}

impl Workspace {
    /// Writes what changed since the last save: changed entries, then the index, then removes
    /// entries purged from the trash. On error, what was not written stays marked as changed
    /// (the next save retries) and the workspace in memory is untouched. Returns the number of
    /// values written.
    pub fn save(&mut self, store: &mut dyn Store) -> Result<usize, StorageError> {
        let mut written = 0;
        let dirty: Vec<String> = self.dirty.iter().cloned().collect();
        for id in dirty {
            let entry = self
                .entries
                .iter()
                .chain(self.trash.iter().map(|t| &t.entry))
                .find(|e| e.id == id);
            if let Some(e) = entry {
                store.set(&entry_key(&id), &encode_entry(e))?;
                written += 1;
            }
            self.dirty.remove(&id);
        }
        if self.index_dirty {
            let ix = StoredIndex {
                v: LAYOUT,
                open: self.open.clone(),
                entries: self.entries.iter().map(Entry::summary).collect(),
                trash: self
                    .trash
                    .iter()
                    .map(|t| StoredTrash {
                        id: t.entry.id.clone(),
                        position: t.position,
                        deleted: t.deleted,
                        was_open: t.was_open,
                    })
                    .collect(),
            };
            store.set(INDEX_KEY, &serde_json::to_string(&ix).unwrap_or_default())?;
            written += 1;
            self.index_dirty = false;
        }
        let purge: Vec<String> = self.purge.iter().cloned().collect();
        for id in purge {
            store.remove(&entry_key(&id))?;
            self.purge.remove(&id);
        }
        Ok(written)
    }
}
