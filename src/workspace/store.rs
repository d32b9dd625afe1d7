//! Where the workspace is kept: a small key → string [`Store`], with errors a user can act on.
//!
//! The page uses the browser's `localStorage` (`crate::ui::storage`); tests use [`MemoryStore`],
//! which can be told to fail in each of the ways a browser does (quota full, storage disabled)
//! so the workspace's handling of failures is tested natively.

use std::collections::BTreeMap;

/// Why storage could not be read or written. The message says what happened and what the user
/// can do; the workspace in memory is never dropped because of one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refused to store more (`QuotaExceededError`).
    QuotaFull,
    /// The browser gives this page no storage (private mode, blocked cookies and site data, or
    /// a policy).
    Disabled,
    /// A stored value could not be read back; it is left in storage untouched.
    Corrupt {
        /// The key of the value.
        key: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Anything else the browser reported.
    Other(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::QuotaFull => f.write_str(
                "Browser storage is full, so the latest changes are not saved. They are still \
                 here in this tab: export the article (Export JSON), or delete saved articles \
                 you no longer need, and saving resumes.",
            ),
            StorageError::Disabled => f.write_str(
                "This browser does not let the page save anything (private window, or site data \
                 blocked), so work is kept only while this tab is open. Export JSON to keep it.",
            ),
            StorageError::Corrupt { key, reason } => write!(
                f,
                "A saved item ({key}) could not be read: {reason}. It is left in storage as it is."
            ),
            StorageError::Other(msg) => write!(
                f,
                "Saving failed ({msg}). Your work is still here in this tab; export it to be safe."
            ),
        }
    }
}

impl std::error::Error for StorageError {}

/// A key → string store: the browser's `localStorage`, or memory in tests.
pub trait Store {
    /// The value under `key`, `None` when there is none.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Stores `value` under `key`, replacing what was there.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes `key` (no error when it is absent).
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    /// All keys, in any order.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// How a [`MemoryStore`] misbehaves.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Failure {
    /// It works.
    #[default]
    None,
    /// Every call fails with [`StorageError::Disabled`], like a browser with storage blocked.
    Disabled,
    /// Writes fail with [`StorageError::QuotaFull`]; reads and removals work.
    Full,
    /// Writes fail with this error; reads and removals work.
    Writes(StorageError),
}

/// A store in memory, for tests: it can hold a byte quota (counted as `localStorage` counts,
/// two bytes per UTF-16 unit of key and value) and be told to fail.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    items: BTreeMap<String, String>,
    /// Most bytes stored (keys and values, UTF-16), `None` for no limit.
    pub quota: Option<usize>,
    /// How it fails.
    pub failure: Failure,
    /// Number of successful `set` calls (to check that saving writes only what changed).
    pub writes: usize,
}

impl MemoryStore {
    /// An empty store with no quota that works.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Bytes used, as `localStorage` counts them.
    pub fn used(&self) -> usize {
        self.items
            .iter()
            .map(|(k, v)| utf16_bytes(k) + utf16_bytes(v))
            .sum()
    }

    /// The raw items, for tests that look at or damage what was stored.
    pub fn items_mut(&mut self) -> &mut BTreeMap<String, String> {
        &mut self.items
    }
}

fn utf16_bytes(s: &str) -> usize {
    2 * s.encode_utf16().count()
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        if self.failure == Failure::Disabled {
            return Err(StorageError::Disabled);
        }
        Ok(self.items.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        match &self.failure {
            Failure::None => {}
            Failure::Disabled => return Err(StorageError::Disabled),
            Failure::Full => return Err(StorageError::QuotaFull),
            Failure::Writes(e) => return Err(e.clone()),
        }
        if let Some(quota) = self.quota {
            let old = self
                .items
                .get(key)
                .map_or(0, |v| utf16_bytes(key) + utf16_bytes(v));
            if self.used() - old + utf16_bytes(key) + utf16_bytes(value) > quota {
                return Err(StorageError::QuotaFull);
            }
        }
        self.items.insert(key.to_string(), value.to_string());
        self.writes += 1;
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        if self.failure == Failure::Disabled {
            return Err(StorageError::Disabled);
        }
        self.items.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        if self.failure == Failure::Disabled {
            return Err(StorageError::Disabled);
        }
        Ok(self.items.keys().cloned().collect())
    }
}
