//! The workspace: every article the user has worked on, saved in browser storage.
//!
//! A [`Workspace`] is a list of [`Entry`]s (document, undo history, times) with one of them
//! open. Its operations are plain functions of the state and the current time, tested natively:
//! add, open, update the open one, rename, duplicate, delete to a trash and undo the delete,
//! search by title and text, and export everything (JSONL, ACLED CSV).
//!
//! Storage ([`persist`]) goes through the [`Store`] trait: `localStorage` in the page,
//! [`MemoryStore`] in tests. Saving writes only the entries that changed; a failed save keeps
//! them marked as changed, so nothing in memory is lost and the next save retries. Loading
//! never drops a damaged item silently: it reports it and leaves it in storage.

pub mod history;
pub mod persist;
pub mod store;

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::extract::text::fold;
use crate::extract::Entity;
use crate::format::{self, Document};
use crate::review::reanchor::Deleted;

pub use history::{History, Step, StoredHistory};
pub use persist::Loaded;
pub use store::{Failure, MemoryStore, StorageError, Store};

/// Most deleted entries kept for "undo delete"; older ones are removed from storage.
pub const TRASH_LIMIT: usize = 20;

/// The undo history of an entry: none, ready to use, or as stored (rebuilt on demand, since
/// rebuilding runs extraction once per step).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum HistorySlot {
    /// No history.
    #[default]
    None,
    /// Rebuilt, as the page uses it.
    Live(History),
    /// As read from storage.
    Stored(StoredHistory),
}

/// One saved article.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Unique within the workspace; also the storage key's suffix.
    pub id: String,
    /// The document.
    pub doc: Rc<Document>,
    /// True when the entities and incidents are the document's own (see the page's state).
    pub kept: bool,
    /// Undo history.
    pub history: HistorySlot,
    /// When it was created, milliseconds since 1970 (UTC).
    pub created: i64,
    /// When it last changed, milliseconds since 1970 (UTC).
    pub edited: i64,
    /// Lost and deleted spans of the open document (not part of the export).
    pub flags: Flags,
}

/// What the page keeps about a document besides the export: manual spans whose quote the text
/// lost (flagged to the user until dismissed) and automatic spans the user deleted (so
/// re-extraction does not bring them back). Saved with the entry so a reload restores them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flags {
    /// Manual spans whose quote is gone, with their old offsets.
    pub lost: Vec<Entity>,
    /// Deleted automatic spans, anchored in the text.
    pub deleted: Vec<Deleted>,
}

/// The article the page shows, as [`Workspace::record`] takes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Current {
    /// The document.
    pub doc: Rc<Document>,
    /// True when its entities and incidents are the document's own (see [`Entry::kept`]).
    pub kept: bool,
    /// Its undo history.
    pub history: History,
    /// Its lost and deleted spans.
    pub flags: Flags,
}

/// What the workspace list shows of an entry.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    /// The entry's id.
    pub id: String,
    /// The title, or the start of the text, or "Untitled article".
    pub title: String,
    /// Publication date, `YYYY-MM-DD`, if known.
    pub published: Option<String>,
    /// Number of incident records.
    pub incidents: usize,
    /// Last change, milliseconds since 1970.
    pub edited: i64,
    /// Length of the text in characters.
    pub chars: usize,
}

/// Longest title the list derives from the text when there is no title.
const DERIVED_TITLE_CHARS: usize = 60;

/// The title shown for a document: its title, else the start of its first line, else
/// "Untitled article".
pub fn display_title(doc: &Document) -> String {
    if let Some(t) = doc.document.title.as_deref().map(str::trim) {
        if !t.is_empty() {
            return t.to_string();
        }
    }
    let first = doc
        .document
        .text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if first.is_empty() {
        return "Untitled article".to_string();
    }
    let mut t: String = first.chars().take(DERIVED_TITLE_CHARS).collect();
    if first.chars().nth(DERIVED_TITLE_CHARS).is_some() {
        t.push('…');
    }
    t
}

impl Entry {
    /// What the list shows.
    pub fn summary(&self) -> Summary {
        Summary {
            id: self.id.clone(),
            title: display_title(&self.doc),
            published: self.doc.document.published.clone(),
            incidents: self.doc.incidents.len(),
            edited: self.edited,
            chars: self.doc.document.text.chars().count(),
        }
    }

    /// The undo history, rebuilt from its stored form if need be (and kept rebuilt). The
    /// message says when part of a damaged history had to be dropped.
    pub fn history(&mut self) -> (History, Option<String>) {
        match std::mem::take(&mut self.history) {
            HistorySlot::None => (History::default(), None),
            HistorySlot::Live(h) => {
                self.history = HistorySlot::Live(h.clone());
                (h, None)
            }
            HistorySlot::Stored(s) => {
                let (h, err) = history::decode(&self.doc, &s);
                self.history = HistorySlot::Live(h.clone());
                (h, err)
            }
        }
    }
}

/// A deleted entry, kept so that the delete can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Trashed {
    /// The entry as it was.
    pub entry: Entry,
    /// Its place in the list.
    pub position: usize,
    /// When it was deleted.
    pub deleted: i64,
    /// True when it was the open entry.
    pub was_open: bool,
}

/// All saved articles, the open one, and the trash.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workspace {
    entries: Vec<Entry>,
    open: Option<String>,
    trash: Vec<Trashed>,
    /// Ids whose entry must be written.
    dirty: BTreeSet<String>,
    /// Ids whose stored entry must be removed (purged from the trash).
    purge: BTreeSet<String>,
    /// True when the index (list, open id, trash) must be written.
    index_dirty: bool,
    /// Last id handed out, to keep ids unique within one millisecond.
    last_id: i64,
}

impl Workspace {
    /// An empty workspace.
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// The entries, in list order (newest first as added; see [`Workspace::sorted`]).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries, most recently edited first.
    pub fn sorted(&self) -> Vec<&Entry> {
        let mut v: Vec<&Entry> = self.entries.iter().collect();
        v.sort_by(|a, b| b.edited.cmp(&a.edited).then_with(|| a.id.cmp(&b.id)));
        v
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|e| e.id == id)
    }

    /// The open entry's id.
    pub fn open_id(&self) -> Option<&str> {
        self.open.as_deref()
    }

    /// The open entry.
    pub fn open_entry(&self) -> Option<&Entry> {
        self.open.as_deref().and_then(|id| self.get(id))
    }

    /// The open entry, mutable (to rebuild its history).
    pub fn open_entry_mut(&mut self) -> Option<&mut Entry> {
        let id = self.open.clone()?;
        self.get_mut(&id)
    }

    /// Deleted entries that can still be restored, last deleted last.
    pub fn trash(&self) -> &[Trashed] {
        &self.trash
    }

    /// True when something changed since the last successful save.
    pub fn is_dirty(&self) -> bool {
        self.index_dirty || !self.dirty.is_empty() || !self.purge.is_empty()
    }

    fn new_id(&mut self, now: i64) -> String {
        let mut n = now.max(self.last_id + 1);
        while self.exists(&id_string(n)) {
            n += 1;
        }
        self.last_id = n;
        id_string(n)
    }

    fn exists(&self, id: &str) -> bool {
        self.get(id).is_some() || self.trash.iter().any(|t| t.entry.id == id)
    }

    fn touch(&mut self, id: &str) {
        self.dirty.insert(id.to_string());
        self.index_dirty = true;
    }

    /// Adds a document as a new entry at the top of the list, opens it, and returns its id.
    pub fn add(&mut self, doc: Rc<Document>, kept: bool, now: i64) -> String {
        let id = self.new_id(now);
        self.entries.insert(
            0,
            Entry {
                id: id.clone(),
                doc,
                kept,
                history: HistorySlot::None,
                created: now,
                edited: now,
                flags: Flags::default(),
            },
        );
        self.open = Some(id.clone());
        self.touch(&id);
        id
    }

    /// Opens an entry. False when there is no such entry.
    pub fn open(&mut self, id: &str) -> bool {
        if self.get(id).is_none() {
            return false;
        }
        if self.open.as_deref() != Some(id) {
            self.open = Some(id.to_string());
            self.index_dirty = true;
        }
        true
    }

    /// Closes the open entry (the page shows a new, empty article; it becomes an entry once
    /// something is typed).
    pub fn close(&mut self) {
        if self.open.take().is_some() {
            self.index_dirty = true;
        }
    }

    /// Records the open document (and its history) after an edit. Creates an entry when none is
    /// open. Nothing is marked changed when the document is the same (same `Rc` or equal).
    pub fn update_open(&mut self, doc: Rc<Document>, kept: bool, history: History, now: i64) {
        let Some(id) = self.open.clone().filter(|id| self.get(id).is_some()) else {
            let id = self.add(doc, kept, now);
            if let Some(e) = self.get_mut(&id) {
                e.history = HistorySlot::Live(history);
            }
            return;
        };
        let Some(e) = self.get_mut(&id) else { return };
        let same = (Rc::ptr_eq(&e.doc, &doc) || *e.doc == *doc) && e.kept == kept;
        let same_history = matches!(&e.history, HistorySlot::Live(h) if *h == history)
            || (history.is_empty() && e.history == HistorySlot::None);
        if same && same_history {
            return;
        }
        if !same {
            e.edited = now;
        }
        e.doc = doc;
        e.kept = kept;
        e.history = if history.is_empty() {
            HistorySlot::None
        } else {
            HistorySlot::Live(history)
        };
        self.touch(&id);
    }

    /// Records the page's article in the open entry (creating an entry when none is open), with
    /// its history and flags, unless no entry is open and the page is untouched: no text, no
    /// title, nothing to undo. What autosave does, and what happens before another article is
    /// opened or added.
    pub fn record(&mut self, current: Current, now: i64) {
        let untouched = self.open_id().is_none()
            && current.doc.document.text.is_empty()
            && current.doc.document.title.is_none()
            && current.history.undo.is_empty();
        if untouched {
            return;
        }
        self.update_open(current.doc, current.kept, current.history, now);
        self.set_flags(current.flags);
    }

    /// Adds an opened, imported or shared document as a new entry and opens it, after recording
    /// the page's current article ([`Workspace::record`]), which stays as it was in its own
    /// entry. The new entry's document is kept as saved and has no undo history. Returns its id.
    pub fn import(&mut self, current: Current, doc: Rc<Document>, now: i64) -> String {
        self.record(current, now);
        self.add(doc, true, now)
    }

    /// Records the lost and deleted spans of the open entry; marks it changed when they differ.
    pub fn set_flags(&mut self, flags: Flags) {
        let Some(id) = self.open.clone() else { return };
        let Some(e) = self.get_mut(&id) else { return };
        if e.flags == flags {
            return;
        }
        e.flags = flags;
        self.touch(&id);
    }

    /// Sets an entry's title (empty for none). Returns the new document, for the page to show
    /// when the entry is open. The undo history is kept.
    pub fn rename(&mut self, id: &str, title: &str, now: i64) -> Option<Rc<Document>> {
        let e = self.get_mut(id)?;
        let title = title.trim();
        let new = (!title.is_empty()).then(|| title.to_string());
        if e.doc.document.title == new {
            return Some(e.doc.clone());
        }
        let mut doc = (*e.doc).clone();
        doc.document.title = new;
        e.doc = Rc::new(doc);
        e.edited = now;
        let doc = e.doc.clone();
        self.touch(id);
        Some(doc)
    }

    /// Copies an entry (without its undo history) as "… (copy)", placed just above it, and
    /// returns the copy's id. The copy is not opened.
    pub fn duplicate(&mut self, id: &str, now: i64) -> Option<String> {
        let pos = self.entries.iter().position(|e| e.id == id)?;
        let src = &self.entries[pos];
        let mut doc = (*src.doc).clone();
        doc.document.title = Some(format!("{} (copy)", display_title(&src.doc)));
        let kept = src.kept;
        let flags = src.flags.clone();
        let new_id = self.new_id(now);
        self.entries.insert(
            pos,
            Entry {
                id: new_id.clone(),
                doc: Rc::new(doc),
                kept,
                history: HistorySlot::None,
                created: now,
                edited: now,
                flags,
            },
        );
        self.touch(&new_id);
        Some(new_id)
    }

    /// Moves an entry to the trash. If it was open, nothing is open afterwards (the page opens
    /// another entry or a new article). The stored entry stays until it leaves the trash.
    pub fn delete(&mut self, id: &str, now: i64) -> bool {
        let Some(pos) = self.entries.iter().position(|e| e.id == id) else {
            return false;
        };
        let entry = self.entries.remove(pos);
        let was_open = self.open.as_deref() == Some(id);
        if was_open {
            self.open = None;
        }
        self.trash.push(Trashed {
            entry,
            position: pos,
            deleted: now,
            was_open,
        });
        while self.trash.len() > TRASH_LIMIT {
            let gone = self.trash.remove(0);
            self.dirty.remove(&gone.entry.id);
            self.purge.insert(gone.entry.id);
        }
        self.index_dirty = true;
        true
    }

    /// Restores the last deleted entry at its place (and opens it if it was open, or if
    /// nothing is open). Returns its id, `None` when the trash is empty.
    pub fn undo_delete(&mut self) -> Option<String> {
        let t = self.trash.pop()?;
        let id = t.entry.id.clone();
        let pos = t.position.min(self.entries.len());
        self.entries.insert(pos, t.entry);
        if t.was_open || self.open.is_none() {
            self.open = Some(id.clone());
        }
        self.index_dirty = true;
        Some(id)
    }

    /// Entries whose title or text contains every word of `query` (case- and
    /// diacritic-insensitive), most recently edited first. An empty query gives all entries.
    pub fn search(&self, query: &str) -> Vec<&Entry> {
        let folded = fold(query);
        let words: Vec<&str> = folded.split_whitespace().collect();
        self.sorted()
            .into_iter()
            .filter(|e| {
                if words.is_empty() {
                    return true;
                }
                let hay = format!(
                    "{}\n{}",
                    fold(&display_title(&e.doc)),
                    fold(&e.doc.document.text)
                );
                words.iter().all(|w| hay.contains(w))
            })
            .collect()
    }

    /// Every entry's document, one compact JSON line each (what `sitrep convert --to jsonl`
    /// reads), in list order.
    pub fn to_jsonl(&self) -> String {
        let mut out = String::new();
        for e in self.sorted() {
            out.push_str(&format::to_json_line(&e.doc));
            out.push('\n');
        }
        out
    }

    /// Every entry's incidents as one ACLED-style CSV.
    pub fn to_acled_csv(&self) -> String {
        format::acled::to_csv(self.sorted().into_iter().map(|e| &*e.doc))
    }
}

fn id_string(n: i64) -> String {
    format!("a{n:x}")
}

#[cfg(test)]
mod tests;
