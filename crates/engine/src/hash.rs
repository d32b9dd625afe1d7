//! A fast hasher for the engine's string-keyed tables, looked up once or more per word of every
//! text (lexicons, demonyms, victims, the gazetteer memo). The standard SipHash guards against
//! crafted keys, which these compiled-in tables do not need; this is the Fx hash of rustc
//! (a multiply and a rotate per 8 bytes). Nothing iterates these maps, so the order of their
//! entries never reaches the output.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hash: a word at a time, rotate, xor, multiply.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_find_what_they_hold() {
        let mut m: FastMap<String, usize> = FastMap::default();
        let words = [
            "",
            "a",
            "ab",
            "soldiers",
            "soldier",
            "customs informants",
            "niger",
            "nigeria",
        ];
        for (i, w) in words.iter().enumerate() {
            m.insert(w.to_string(), i);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.get(*w), Some(&i), "{w:?}");
        }
        assert_eq!(m.get("soldiers "), None);
    }
}
