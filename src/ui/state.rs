//! The page's state: one [`State`], one [`Action`] enum, one reducer (pure; tested natively).
//!
//! The state holds the whole annotation [`Document`] — text, metadata, entities, incidents —
//! exactly what Export writes. Editing the text (or the publication date, which moves relative
//! dates) re-runs [`format::annotate`], the function the CLI uses, so the page's export equals
//! the CLI's output for the same input.
//!
//! An opened document is shown as it was saved: its entities and incidents are *kept* (see
//! [`State::kept`]) until the user edits the text or asks to re-run extraction. Later manual
//! corrections will keep a document the same way.
//!
//! Undo/redo: every change that alters the document pushes the previous document (an `Rc`, so
//! cheap) on the undo stack. Typing one character at a time is grouped into one step per word,
//! and consecutive edits of the same metadata field into one step. There is no limit on the number
//! of steps; only [`UNDO_BYTES`] bytes of text across a stack, so megabyte articles cannot
//! exhaust memory.
//!
//! Following Yew 0.23, an action that changes nothing returns the same `Rc`, so the page does
//! not re-render.

use std::rc::Rc;

use yew::Reducible;

use super::edit::{self, Deleted, Edit};
use crate::extract::{Entity, Origin};
use crate::format::{self, Document, Meta};

/// Most bytes of article text kept across the undo (or redo) stack: the only bound, a guard on
/// memory (about 20,000 steps of a 3 KB article, 600 of a 100 KB one); steps are not counted.
pub const UNDO_BYTES: usize = 64 * 1024 * 1024;

/// A document as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The document.
    pub doc: Rc<Document>,
    /// True when the entities and incidents are the document's own (opened from a file) rather
    /// than what extraction gives for the current text; editing the text clears it.
    pub kept: bool,
    /// See [`State::lost`].
    pub lost: Vec<Entity>,
    /// See [`State::deleted`].
    pub deleted: Vec<Deleted>,
}

/// A shared document compared by pointer: a component whose props hold one re-renders only
/// when the reducer made a new document (comparing megabytes of text would defeat the point).
#[derive(Clone, Debug)]
pub struct DocRef(pub Rc<Document>);

impl PartialEq for DocRef {
    fn eq(&self, other: &DocRef) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the last change was, to group typing into undo steps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Run {
    /// Nothing to group with.
    #[default]
    None,
    /// One character typed (not a space) or deleted, in the text.
    Typing { insert: bool },
    /// An edit of the title.
    Title,
    /// An edit of the source URL.
    Source,
}

/// The page's state.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The document shown and exported.
    pub doc: Rc<Document>,
    /// See [`Snapshot::kept`].
    pub kept: bool,
    /// Manual spans whose quote the text no longer holds (flagged to the user, never dropped
    /// silently), with their old offsets.
    pub lost: Vec<Entity>,
    /// Automatic spans the user deleted (or relabelled, resized), so re-extraction does not
    /// bring them back.
    pub deleted: Vec<Deleted>,
    /// Earlier documents, oldest first.
    undo: Vec<Snapshot>,
    /// Undone documents, most recently undone last.
    redo: Vec<Snapshot>,
    /// A message for the user (a file that could not be opened, a bad date); work is untouched.
    pub error: Option<String>,
    run: Run,
}

impl Default for State {
    fn default() -> State {
        State {
            doc: Rc::new(format::annotate(Meta::default())),
            kept: false,
            lost: Vec::new(),
            deleted: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            error: None,
            run: Run::None,
        }
    }
}

/// Everything the page can do to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The article text changed (typed, pasted, cut).
    SetText(String),
    /// The publication date field changed: `YYYY-MM-DD`, or empty for none.
    SetPublished(String),
    /// The title changed; empty for none.
    SetTitle(String),
    /// The source URL changed; empty for none.
    SetSource(String),
    /// A document was opened: show it exactly as saved, in place of the open one (undoably).
    /// The page's Open JSON adds the file as a new workspace entry instead (see
    /// `ui::workspace_panel::Importer`); this is what it falls back to without the panel.
    Open(Document),
    /// A file could not be opened; the message says why.
    OpenFailed(String),
    /// Re-run extraction on the current text and metadata (drops an opened document's own
    /// entities and incidents).
    Reextract,
    /// Back one step.
    Undo,
    /// Forward one undone step.
    Redo,
    /// Hide the error message.
    DismissError,
    /// Replace the whole state: switching workspace entries, restoring after a reload (see
    /// `ui::workspace_panel`).
    Restore(Rc<State>),
    /// A manual correction (see [`Edit`]).
    Edit(Edit),
    /// Forget a lost span (by its id).
    DismissLost(String),
}

impl State {
    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Number of undo steps kept.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// The undo stack, oldest first (saved with the workspace).
    pub fn undo_stack(&self) -> &[Snapshot] {
        &self.undo
    }

    /// The redo stack, most recently undone last (saved with the workspace).
    pub fn redo_stack(&self) -> &[Snapshot] {
        &self.redo
    }

    /// A state showing `doc` with the given undo and redo stacks (as saved).
    pub fn restored(
        doc: Rc<Document>,
        kept: bool,
        mut undo: Vec<Snapshot>,
        mut redo: Vec<Snapshot>,
    ) -> State {
        trim(&mut undo);
        trim(&mut redo);
        State {
            doc,
            kept,
            undo,
            redo,
            error: None,
            run: Run::None,
            lost: Vec::new(),
            deleted: Vec::new(),
        }
    }

    /// The same state with these lost and deleted spans (as saved with a workspace entry).
    pub fn with_flags(mut self, lost: Vec<Entity>, deleted: Vec<Deleted>) -> State {
        self.lost = lost;
        self.deleted = deleted;
        self
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            doc: self.doc.clone(),
            kept: self.kept,
            lost: self.lost.clone(),
            deleted: self.deleted.clone(),
        }
    }

    /// Replaces the document, recording an undo step unless `run` continues the last one
    /// (and `new_step` is false).
    fn commit(mut self, doc: Document, kept: bool, run: Run, new_step: bool) -> State {
        let grouped = !new_step && run != Run::None && run == self.run && !self.undo.is_empty();
        if !grouped {
            let snap = self.snapshot();
            self.undo.push(snap);
            trim(&mut self.undo);
        }
        self.redo.clear();
        self.doc = Rc::new(doc);
        self.kept = kept;
        self.run = run;
        self.error = None;
        self
    }

    /// The state after `action` (the reducer, without `Rc`).
    pub fn apply(&self, action: Action) -> Option<State> {
        let meta = &self.doc.document;
        match action {
            Action::SetText(text) => {
                if text == meta.text {
                    return None;
                }
                let (run, new_step) = typing(&meta.text, &text);
                let meta = Meta {
                    text,
                    ..meta.clone()
                };
                Some(self.rerun(meta, run, new_step))
            }
            Action::SetPublished(p) => {
                let p = p.trim();
                let published = if p.is_empty() {
                    None
                } else {
                    match format::parse_published(p) {
                        Ok(d) => Some(d.format("%Y-%m-%d").to_string()),
                        Err(e) => {
                            let mut s = self.clone();
                            s.error = Some(capitalise(e.message()));
                            return Some(s);
                        }
                    }
                };
                if published == meta.published {
                    return None;
                }
                let meta = Meta {
                    published,
                    ..meta.clone()
                };
                if self.kept {
                    let doc = self.with_meta(meta);
                    Some(self.clone().commit(doc, true, Run::None, false))
                } else {
                    Some(self.rerun(meta, Run::None, false))
                }
            }
            Action::SetTitle(t) => {
                let title = non_empty(t);
                if title == meta.title {
                    return None;
                }
                let doc = self.with_meta(Meta {
                    title,
                    ..meta.clone()
                });
                Some(self.clone().commit(doc, self.kept, Run::Title, false))
            }
            Action::SetSource(s) => {
                let source = non_empty(s);
                if source == meta.source {
                    return None;
                }
                let doc = self.with_meta(Meta {
                    source,
                    ..meta.clone()
                });
                Some(self.clone().commit(doc, self.kept, Run::Source, false))
            }
            Action::Open(doc) => {
                let mut s = self.clone().commit(doc, true, Run::None, false);
                s.lost.clear();
                s.deleted.clear();
                Some(s)
            }
            Action::OpenFailed(msg) => {
                let mut s = self.clone();
                s.error = Some(msg);
                Some(s)
            }
            Action::Reextract => {
                let r = edit::reextract(&self.doc, meta.clone(), &self.deleted);
                if !self.kept && r.doc == *self.doc {
                    return None;
                }
                Some(self.rerun(meta.clone(), Run::None, false))
            }
            Action::Undo => {
                let mut s = self.clone();
                let prev = s.undo.pop()?;
                s.redo.push(s.snapshot());
                trim(&mut s.redo);
                s.restore(prev);
                Some(s)
            }
            Action::Redo => {
                let mut s = self.clone();
                let next = s.redo.pop()?;
                s.undo.push(s.snapshot());
                trim(&mut s.undo);
                s.restore(next);
                Some(s)
            }
            Action::Restore(s) => Some((*s).clone()),
            Action::DismissError => {
                self.error.as_ref()?;
                let mut s = self.clone();
                s.error = None;
                Some(s)
            }
            Action::Edit(e) => match edit::apply(&self.doc, &e) {
                Ok(None) => None,
                Ok(Some(doc)) => {
                    let mut deleted = self.deleted.clone();
                    // An automatic span deleted, relabelled or resized must not come back.
                    if let Edit::DeleteSpan { id }
                    | Edit::Relabel { id, .. }
                    | Edit::ResizeSpan { id, .. } = &e
                    {
                        let old = self
                            .doc
                            .entities
                            .iter()
                            .find(|x| x.id == *id && x.origin == Origin::Auto);
                        if let Some(d) = old.and_then(|x| Deleted::of(x, &meta.text)) {
                            deleted.push(d);
                        }
                    }
                    let mut s = self.clone().commit(doc, self.kept, Run::None, true);
                    s.deleted = deleted;
                    Some(s)
                }
                Err(msg) => {
                    let mut s = self.clone();
                    s.error = Some(capitalise(&msg));
                    Some(s)
                }
            },
            Action::DismissLost(id) => {
                let i = self.lost.iter().position(|e| e.id == id)?;
                let mut s = self
                    .clone()
                    .commit((*self.doc).clone(), self.kept, Run::None, true);
                s.lost.remove(i);
                Some(s)
            }
        }
    }

    /// Re-runs extraction for `meta`, keeping the person's work (see [`edit::reextract`]).
    fn rerun(&self, meta: Meta, run: Run, new_step: bool) -> State {
        let r = edit::reextract(&self.doc, meta, &self.deleted);
        let mut lost = self.lost.clone();
        for e in r.lost {
            if !lost.iter().any(|l| l.id == e.id && l.text == e.text) {
                lost.push(e);
            }
        }
        let mut s = self.clone().commit(r.doc, false, run, new_step);
        s.lost = lost;
        s.deleted = r.deleted;
        s
    }

    fn restore(&mut self, snap: Snapshot) {
        self.doc = snap.doc;
        self.kept = snap.kept;
        self.lost = snap.lost;
        self.deleted = snap.deleted;
        self.run = Run::None;
        self.error = None;
    }

    /// The current document with other metadata, entities and incidents unchanged.
    fn with_meta(&self, meta: Meta) -> Document {
        Document {
            document: meta,
            ..(*self.doc).clone()
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(s) => Rc::new(s),
            None => self,
        }
    }
}

/// How `new` differs from `old`, for grouping: one character typed or deleted is
/// `Run::Typing` (grouped with the characters before it); a typed space also starts a new step,
/// so each word is one step. Any bigger change (a paste, a cut) is `Run::None`: its own step.
/// The flag is true when a new step starts.
fn typing(old: &str, new: &str) -> (Run, bool) {
    let (long, short, insert) = if new.len() > old.len() {
        (new, old, true)
    } else {
        (old, new, false)
    };
    let diff = long.len() - short.len();
    if diff == 0 || diff > 4 {
        return (Run::None, true);
    }
    // The changed char is where the texts first differ.
    let at = long
        .char_indices()
        .zip(short.chars().chain(std::iter::once('\0')))
        .find(|((_, a), b)| a != b)
        .map(|((i, c), _)| (i, c));
    let Some((i, c)) = at else {
        return (Run::None, true);
    };
    let one_char = c.len_utf8() == diff
        && long.get(..i) == short.get(..i)
        && long.get(i + diff..) == short.get(i..);
    if !one_char {
        return (Run::None, true);
    }
    (Run::Typing { insert }, insert && c.is_whitespace())
}

/// Drops the oldest entries beyond [`UNDO_BYTES`] bytes of text.
fn trim(stack: &mut Vec<Snapshot>) {
    trim_to(stack, usize::MAX, UNDO_BYTES);
}

/// Drops the oldest entries beyond `steps` entries or `max_bytes` bytes of text (keeping at
/// least the newest).
fn trim_to(stack: &mut Vec<Snapshot>, steps: usize, max_bytes: usize) {
    let mut bytes: usize = stack.iter().map(|s| s.doc.document.text.len()).sum();
    let mut drop = 0;
    while drop < stack.len()
        && (stack.len() - drop > steps || (bytes > max_bytes && stack.len() - drop > 1))
    {
        bytes -= stack[drop].doc.document.text.len();
        drop += 1;
    }
    stack.drain(..drop);
}

fn non_empty(s: String) -> Option<String> {
    if s.trim().is_empty() {
        None
    } else {
        Some(s)
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Entity, Kind, Origin, Value, WeaponValue};

    fn run(actions: impl IntoIterator<Item = Action>) -> Rc<State> {
        actions
            .into_iter()
            .fold(Rc::new(State::default()), |s, a| s.reduce(a))
    }

    fn text(s: &Rc<State>) -> &str {
        &s.doc.document.text
    }

    /// Types `word` one char at a time after `base`.
    fn type_chars(base: &str, word: &str) -> Vec<Action> {
        let mut t = base.to_string();
        word.chars()
            .map(|c| {
                t.push(c);
                Action::SetText(t.clone())
            })
            .collect()
    }

    /// An opened document whose entity no extraction would produce.
    fn opened() -> Document {
        let mut doc = format::annotate(Meta {
            text: "A mortar hit the market.".into(),
            title: Some("Saved".into()),
            source: None,
            published: Some("2024-05-01".into()),
        });
        doc.entities = vec![Entity {
            id: "m1".into(),
            kind: Kind::Weapon,
            start: 2,
            end: 8,
            start_utf16: 2,
            end_utf16: 8,
            text: "mortar".into(),
            rule: "manual".into(),
            origin: Origin::Manual,
            status: Default::default(),
            value: Value::Weapon(WeaponValue {
                name: "mortar".into(),
                category: "artillery".into(),
            }),
        }];
        doc
    }

    #[test]
    fn metadata_actions_set_fields() {
        // (actions, expected title, source, published, error?)
        type Case = (
            Vec<Action>,
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
            bool,
        );
        let cases: Vec<Case> = vec![
            (
                vec![Action::SetTitle("Raid".into())],
                Some("Raid"),
                None,
                None,
                false,
            ),
            (
                vec![
                    Action::SetTitle("Raid".into()),
                    Action::SetTitle("  ".into()),
                ],
                None,
                None,
                None,
                false,
            ),
            (
                vec![Action::SetSource("https://example.org/a".into())],
                None,
                Some("https://example.org/a"),
                None,
                false,
            ),
            (
                vec![Action::SetPublished("2025-02-10".into())],
                None,
                None,
                Some("2025-02-10"),
                false,
            ),
            (
                vec![Action::SetPublished(" 2025-02-10 ".into())],
                None,
                None,
                Some("2025-02-10"),
                false,
            ),
            (
                vec![
                    Action::SetPublished("2025-02-10".into()),
                    Action::SetPublished("".into()),
                ],
                None,
                None,
                None,
                false,
            ),
            (
                vec![
                    Action::SetPublished("2025-02-10".into()),
                    Action::SetPublished("10/02/2025".into()),
                ],
                None,
                None,
                Some("2025-02-10"),
                true,
            ),
            (
                vec![Action::SetPublished("2025-02-30".into())],
                None,
                None,
                None,
                true,
            ),
        ];
        for (actions, title, source, published, error) in cases {
            let dbg = format!("{actions:?}");
            let s = run(actions);
            let m = &s.doc.document;
            assert_eq!(m.title.as_deref(), title, "{dbg}");
            assert_eq!(m.source.as_deref(), source, "{dbg}");
            assert_eq!(m.published.as_deref(), published, "{dbg}");
            assert_eq!(s.error.is_some(), error, "{dbg}");
        }
    }

    #[test]
    fn text_edits_equal_the_cli_document() {
        let s = run([
            Action::SetPublished("2025-02-10".into()),
            Action::SetTitle("T".into()),
            Action::SetText("Gunmen killed 12 villagers on Monday.".into()),
        ]);
        let cli = format::annotate(Meta {
            text: "Gunmen killed 12 villagers on Monday.".into(),
            title: Some("T".into()),
            source: None,
            published: Some("2025-02-10".into()),
        });
        assert_eq!(*s.doc, cli);
        assert_eq!(format::to_json(&s.doc), format::to_json(&cli));
    }

    #[test]
    fn unchanged_actions_keep_the_same_rc() {
        let s = run([Action::SetText("abc".into()), Action::SetTitle("t".into())]);
        for a in [
            Action::SetText("abc".into()),
            Action::SetTitle("t".into()),
            Action::SetSource("".into()),
            Action::SetPublished("".into()),
            Action::Redo,
            Action::DismissError,
            Action::Reextract,
        ] {
            let dbg = format!("{a:?}");
            assert!(Rc::ptr_eq(&s, &s.clone().reduce(a)), "{dbg}");
        }
        let empty = Rc::new(State::default());
        assert!(Rc::ptr_eq(&empty, &empty.clone().reduce(Action::Undo)));
    }

    #[test]
    fn opened_document_is_shown_exactly_until_the_text_changes() {
        let doc = opened();
        let s = run([
            Action::SetText("other work".into()),
            Action::Open(doc.clone()),
        ]);
        assert_eq!(*s.doc, doc);
        assert!(s.kept);
        // Metadata edits keep the saved entities.
        let s = s
            .reduce(Action::SetTitle("Renamed".into()))
            .reduce(Action::SetPublished("2024-05-02".into()));
        assert_eq!(s.doc.entities, doc.entities);
        assert_eq!(s.doc.incidents, doc.incidents);
        assert_eq!(s.doc.document.title.as_deref(), Some("Renamed"));
        assert_eq!(s.doc.document.published.as_deref(), Some("2024-05-02"));
        assert!(s.kept);
        // A text edit re-extracts, but the saved manual span survives (and replaces the
        // automatic span of its kind at the same place).
        let edited = s
            .clone()
            .reduce(Action::SetText("A mortar hit the market!".into()));
        assert!(!edited.kept);
        assert_eq!(edited.doc.entities, doc.entities);
        // So does an explicit re-run.
        let rerun = s.reduce(Action::Reextract);
        assert!(!rerun.kept);
        assert_eq!(rerun.doc.entities, doc.entities);
        // Without manual work, a re-run is exactly the CLI's document.
        let plain = run([Action::SetText("A mortar hit the market!".into())]);
        assert_eq!(*plain.doc, format::annotate(plain.doc.document.clone()));
    }

    #[test]
    fn failed_open_keeps_the_work() {
        let s = run([Action::SetText("my draft".into())]);
        let f = s
            .clone()
            .reduce(Action::OpenFailed("the file is not valid JSON".into()));
        assert_eq!(f.doc, s.doc);
        assert_eq!(f.error.as_deref(), Some("the file is not valid JSON"));
        assert_eq!(f.undo_len(), s.undo_len());
        let d = f.reduce(Action::DismissError);
        assert_eq!(d.error, None);
    }

    #[test]
    fn undo_and_redo_walk_the_history() {
        let doc = opened();
        let s = run([
            Action::SetText("first".into()),
            Action::SetTitle("T".into()),
            Action::Open(doc.clone()),
        ]);
        assert_eq!(*s.doc, doc);
        let u1 = s.clone().reduce(Action::Undo);
        assert_eq!(text(&u1), "first");
        assert_eq!(u1.doc.document.title.as_deref(), Some("T"));
        assert!(!u1.kept);
        let u2 = u1.clone().reduce(Action::Undo);
        assert_eq!(u2.doc.document.title, None);
        let u3 = u2.clone().reduce(Action::Undo);
        assert_eq!(text(&u3), "");
        assert!(!u3.can_undo());
        // Redo all the way forward restores the opened document, still kept.
        let r = u3
            .reduce(Action::Redo)
            .reduce(Action::Redo)
            .reduce(Action::Redo);
        assert_eq!(*r.doc, doc);
        assert!(r.kept);
        assert!(!r.can_redo());
        // A new edit after an undo clears the redo stack.
        let n = u1.reduce(Action::SetText("second".into()));
        assert!(!n.can_redo());
        assert_eq!(text(&n.clone().reduce(Action::Undo)), "first");
    }

    #[test]
    fn typing_is_grouped_by_word() {
        // (actions, texts seen when undoing step by step, newest first)
        let mut typed = type_chars("", "Gunmen");
        typed.extend(type_chars("Gunmen", " fled"));
        let s = run(typed);
        assert_eq!(text(&s), "Gunmen fled");
        let mut seen = vec![];
        let mut u = s;
        while u.can_undo() {
            u = u.reduce(Action::Undo);
            seen.push(text(&u).to_string());
        }
        // "Gunmen" is one step; the space starts the next, "fled" continues it.
        assert_eq!(seen, vec!["Gunmen", ""]);

        // A paste is its own step; deleting chars groups; switching to insert starts a step.
        let s = run([
            Action::SetText("abc def".into()),
            Action::SetText("abc de".into()),
            Action::SetText("abc d".into()),
            Action::SetText("abc dx".into()),
        ]);
        let u = s.reduce(Action::Undo);
        assert_eq!(text(&u), "abc d");
        let u = u.reduce(Action::Undo);
        assert_eq!(text(&u), "abc def");
        let u = u.reduce(Action::Undo);
        assert_eq!(text(&u), "");
    }

    #[test]
    fn typing_detects_one_char_changes() {
        let cases = [
            ("", "a", (Run::Typing { insert: true }, false)),
            ("ab", "a", (Run::Typing { insert: false }, false)),
            ("ab", "axb", (Run::Typing { insert: true }, false)),
            ("ab", "a b", (Run::Typing { insert: true }, true)),
            ("a b", "ab", (Run::Typing { insert: false }, false)),
            ("ab", "a😀b", (Run::Typing { insert: true }, false)),
            ("a😀b", "ab", (Run::Typing { insert: false }, false)),
            ("ab", "ba", (Run::None, true)),
            ("ab", "abcd", (Run::None, true)),
            ("", "", (Run::None, true)),
        ];
        for (old, new, want) in cases {
            assert_eq!(typing(old, new), want, "{old:?} → {new:?}");
        }
    }

    #[test]
    fn title_edits_group_and_stacks_are_bounded() {
        let s = run((1..=10).map(|i| Action::SetTitle("t".repeat(i))));
        assert_eq!(s.undo_len(), 1);
        // No step limit: a thousand separate edits are a thousand undo steps.
        let s = run((0..1000).map(|i| Action::SetText(format!("{i} ").repeat(2))));
        assert_eq!(s.undo_len(), 1000);

        let snap = |n: usize| Snapshot {
            doc: Rc::new(format::annotate(Meta {
                text: "x".repeat(n),
                ..Meta::default()
            })),
            kept: false,
            lost: vec![],
            deleted: vec![],
        };
        // (sizes oldest first, step limit, byte limit, sizes kept)
        let cases: &[(&[usize], usize, usize, &[usize])] = &[
            (&[10, 20, 30], 5, 100, &[10, 20, 30]),
            (&[10, 20, 30], 2, 100, &[20, 30]),
            (&[10, 20, 30], 5, 50, &[20, 30]),
            (&[10, 20, 30], 5, 29, &[30]),
            (&[], 5, 10, &[]),
        ];
        for &(sizes, steps, bytes, want) in cases {
            let mut stack: Vec<Snapshot> = sizes.iter().map(|&n| snap(n)).collect();
            trim_to(&mut stack, steps, bytes);
            let kept: Vec<usize> = stack.iter().map(|s| s.doc.document.text.len()).collect();
            assert_eq!(kept, want, "{sizes:?} {steps} {bytes}");
        }
    }

    #[test]
    fn hostile_text_never_panics() {
        let big = "Gunmen killed 12 villagers on Monday. 😀 ".repeat(500);
        for t in [
            "",
            "\u{202e}مقتل 12 جنديا\u{202c}",
            "😀😀😀 🇳🇪 e\u{301}",
            "\r\n\r\n",
            "<script>alert(1)</script>",
            "\0\u{1}\u{fffd}",
            big.as_str(),
        ] {
            let s = run([
                Action::SetText(t.into()),
                Action::SetText(format!("{t}x")),
                Action::Undo,
                Action::Redo,
            ]);
            assert_eq!(text(&s), format!("{t}x"));
        }
    }
}

#[cfg(test)]
mod edit_tests {
    use super::*;
    use crate::extract::{Kind, Status};
    use crate::ui::edit::{Bound, IncidentEdit, Rows};

    const TEXT: &str = "On Monday gunmen killed 12 soldiers near Ouallam.";

    fn start() -> Rc<State> {
        [
            Action::SetPublished("2025-02-10".into()),
            Action::SetText(TEXT.into()),
        ]
        .into_iter()
        .fold(Rc::new(State::default()), |s, a| s.reduce(a))
    }

    fn at(text: &str, needle: &str) -> (usize, usize) {
        let b = text.find(needle).expect("needle");
        let s = text[..b].chars().count();
        (s, s + needle.chars().count())
    }

    #[test]
    fn every_edit_is_one_undo_step_that_restores_the_export_exactly() {
        let (s, e) = at(TEXT, "near Ouallam");
        let inc = |edit| {
            Action::Edit(Edit::EditIncident {
                id: "i1".into(),
                edit,
            })
        };
        let actions = vec![
            Action::Edit(Edit::AddSpan {
                start: s,
                end: e,
                kind: Kind::Location,
            }),
            Action::Edit(Edit::Relabel {
                id: "e2".into(),
                kind: Kind::Figure,
            }),
            Action::Edit(Edit::ResizeSpan {
                id: "m1".into(),
                start: s + 5,
                end: e,
            }),
            Action::Edit(Edit::ConfirmSpan { id: "e3".into() }),
            Action::Edit(Edit::AddIncident),
            inc(IncidentEdit::AddRow(Rows::Killed)),
            inc(IncidentEdit::RowCount(
                Rows::Killed,
                0,
                Bound::Best,
                Some(13),
            )),
            inc(IncidentEdit::EventType("Battles".into())),
            Action::Edit(Edit::AttachEvidence {
                incident: "i2".into(),
                entity: "e1".into(),
            }),
            Action::Edit(Edit::ConfirmIncident { id: "i2".into() }),
            Action::Edit(Edit::DeleteSpan { id: "e1".into() }),
            Action::Edit(Edit::AddIncident),
            Action::Edit(Edit::MergeIncidents {
                into: "i1".into(),
                from: "i2".into(),
            }),
            Action::Edit(Edit::DeleteIncident { id: "i1".into() }),
        ];
        let mut s = start();
        for a in actions {
            let dbg = format!("{a:?}");
            let before = format::to_json(&s.doc);
            let n = s.undo_len();
            let after = s.clone().reduce(a);
            assert!(after.error.is_none(), "{dbg}: {:?}", after.error);
            assert_ne!(format::to_json(&after.doc), before, "{dbg}");
            assert_eq!(after.undo_len(), n + 1, "{dbg}");
            assert_eq!(
                format::parse(&format::to_json(&after.doc)).as_ref(),
                Ok(&*after.doc),
                "{dbg}"
            );
            let undone = after.clone().reduce(Action::Undo);
            assert_eq!(format::to_json(&undone.doc), before, "{dbg}");
            let redone = undone.reduce(Action::Redo);
            assert_eq!(redone.doc, after.doc, "{dbg}");
            s = after;
        }
    }

    #[test]
    fn refused_edits_show_a_message_and_change_nothing() {
        let s = start();
        let r = s
            .clone()
            .reduce(Action::Edit(Edit::DeleteSpan { id: "zz".into() }));
        assert_eq!(r.doc, s.doc);
        assert_eq!(r.undo_len(), s.undo_len());
        assert_eq!(r.error.as_deref(), Some("There is no span zz"));
        // A no-op edit keeps the same Rc.
        let same = s
            .clone()
            .reduce(Action::Edit(Edit::ConfirmSpan { id: "e1".into() }));
        assert!(Rc::ptr_eq(
            &same.clone(),
            &same.reduce(Action::Edit(Edit::ConfirmSpan { id: "e1".into() }))
        ));
    }

    #[test]
    fn typing_keeps_manual_spans_and_flags_lost_ones() {
        let (s, e) = at(TEXT, "12 soldiers");
        let st = start()
            .reduce(Action::Edit(Edit::AddSpan {
                start: s,
                end: e,
                kind: Kind::Figure,
            }))
            .reduce(Action::Edit(Edit::DeleteSpan { id: "e2".into() })); // "gunmen"
        assert!(st.doc.entities.iter().all(|x| x.text != "gunmen"));
        // Text typed before the span: the span moves; the deleted span stays deleted.
        let t2 = format!("Late {TEXT}");
        let st = st.reduce(Action::SetText(t2.clone()));
        let m = st
            .doc
            .entities
            .iter()
            .find(|x| x.id == "m1")
            .expect("m1 kept");
        assert_eq!(
            (m.start, m.text.as_str(), m.status),
            (s + 5, "12 soldiers", Status::Edited)
        );
        assert!(st.doc.entities.iter().all(|x| x.text != "gunmen"));
        assert!(st.lost.is_empty());
        // The quote is edited away: the span is listed as lost, not dropped silently.
        let st = st.reduce(Action::SetText(t2.replace("12 soldiers", "13 soldiers")));
        assert!(st.doc.entities.iter().all(|x| x.id != "m1"));
        assert_eq!(
            st.lost.iter().map(|x| x.text.as_str()).collect::<Vec<_>>(),
            ["12 soldiers"]
        );
        // Undo brings the span back and the lost list empties; dismissing forgets it.
        let u = st.clone().reduce(Action::Undo);
        assert!(u.lost.is_empty());
        assert!(u.doc.entities.iter().any(|x| x.id == "m1"));
        let d = st.reduce(Action::DismissLost("m1".into()));
        assert!(d.lost.is_empty());
    }
}
