//! Any bytes as an imported file or share link: a document or a clear error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = sitrep::format::parse(s);
        let _ = sitrep::format::share::decode(s);
    }
});
