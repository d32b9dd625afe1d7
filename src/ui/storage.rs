//! The browser's [`Store`]: `localStorage`, and the service worker registration.
//!
//! Why `localStorage` rather than IndexedDB: it is synchronous, so a save is one call that
//! either happened or returned an error we can show, and it is available in every browser the
//! page targets. Its limit is about five million characters per site (Chromium and Firefox;
//! keys and values count as UTF-16). Entries are stored deflated and base64-encoded (see
//! [`crate::workspace::persist`]): a typical article with its annotations takes a few tens of
//! kilobytes, so hundreds of articles fit. When the browser refuses a write
//! (`QuotaExceededError`), the page says so plainly, keeps everything in memory, marks the
//! entry unsaved and retries on the next change; the user can export or delete entries to make
//! room. A store that cannot be opened at all (storage blocked, some private modes) gives
//! [`StorageError::Disabled`] on every call and the page works in memory only, saying so.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsValue;

use crate::workspace::{StorageError, Store};

/// `localStorage`, or nothing when the browser gives none.
pub struct LocalStore {
    storage: Option<web_sys::Storage>,
}

impl LocalStore {
    /// Opens the page's `localStorage`. Never fails: without storage every call returns
    /// [`StorageError::Disabled`].
    pub fn open() -> LocalStore {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        LocalStore { storage }
    }

    fn storage(&self) -> Result<&web_sys::Storage, StorageError> {
        self.storage.as_ref().ok_or(StorageError::Disabled)
    }
}

/// Maps a storage exception to a [`StorageError`] by its `name`.
fn classify(err: JsValue) -> StorageError {
    match gloo::utils::errors::JsError::try_from(err) {
        Ok(e) => classify_name(&e.name, &e.message),
        Err(e) => StorageError::Other(e.to_string()),
    }
}

/// The error for a DOMException's name (Firefox used its own name for quota errors).
pub fn classify_name(name: &str, message: &str) -> StorageError {
    match name {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::QuotaFull,
        "SecurityError" | "InvalidAccessError" => StorageError::Disabled,
        _ if message.is_empty() => StorageError::Other(name.to_string()),
        _ => StorageError::Other(format!("{name}: {message}")),
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage()?.get_item(key).map_err(classify)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage()?.set_item(key, value).map_err(classify)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.storage()?.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let s = self.storage()?;
        let n = s.length().map_err(classify)?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = s.key(i).map_err(classify)? {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}

#[wasm_bindgen]
extern "C" {
    /// `navigator.serviceWorker.register(url)`; throws where service workers do not exist
    /// (plain http on another host, some private modes).
    #[wasm_bindgen(js_namespace = ["navigator", "serviceWorker"], js_name = register, catch)]
    fn sw_register(url: &str) -> Result<js_sys_promise::Promise, JsValue>;
}

mod js_sys_promise {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// A JS promise (only to attach a rejection handler).
        pub type Promise;
        #[wasm_bindgen(method, js_name = catch)]
        pub fn catch(this: &Promise, f: &Closure<dyn FnMut(JsValue)>) -> Promise;
    }
}

/// Registers `sw.js` (next to the page), which caches the page's files for offline use.
/// Where service workers are unavailable the page still works online; nothing is shown.
pub fn register_service_worker() {
    if let Ok(promise) = sw_register("./sw.js") {
        let on_error = Closure::<dyn FnMut(JsValue)>::new(|_e: JsValue| {});
        promise.catch(&on_error);
        on_error.forget();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exception_names_map_to_clear_errors() {
        for (name, message, want) in [
            ("QuotaExceededError", "x", StorageError::QuotaFull),
            ("NS_ERROR_DOM_QUOTA_REACHED", "", StorageError::QuotaFull),
            ("SecurityError", "denied", StorageError::Disabled),
            ("TypeError", "", StorageError::Other("TypeError".into())),
            (
                "UnknownError",
                "disk",
                StorageError::Other("UnknownError: disk".into()),
            ),
        ] {
            assert_eq!(classify_name(name, message), want, "{name}");
        }
    }
}
