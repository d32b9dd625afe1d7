//! Offsets. The core works in byte offsets into the article (what `regex` gives); the export
//! carries Unicode code point offsets and UTF-16 offsets (what JavaScript counts). [`Offsets`]
//! converts once per document.

/// Converts byte offsets of one text to code point and UTF-16 offsets.
///
/// Built once per text in O(n); each lookup is a binary search over the char boundaries.
#[derive(Debug, Clone)]
pub struct Offsets {
    /// Byte offset of each char, plus the text length at the end.
    bytes: Vec<usize>,
    /// UTF-16 offset of each char, plus the total at the end.
    utf16: Vec<usize>,
}

impl Offsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> Offsets {
        let mut bytes = Vec::with_capacity(text.len() + 1);
        let mut utf16 = Vec::with_capacity(text.len() + 1);
        let mut u = 0;
        for (b, c) in text.char_indices() {
            bytes.push(b);
            utf16.push(u);
            u += c.len_utf16();
        }
        bytes.push(text.len());
        utf16.push(u);
        Offsets { bytes, utf16 }
    }

    /// Number of code points.
    pub fn chars(&self) -> usize {
        self.bytes.len() - 1
    }

    /// Code point index of byte offset `b`, which must be a char boundary (else the char it is in).
    pub fn char_of_byte(&self, b: usize) -> usize {
        match self.bytes.binary_search(&b) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// UTF-16 offset of code point index `c` (clamped to the end).
    pub fn utf16_of_char(&self, c: usize) -> usize {
        self.utf16[c.min(self.utf16.len() - 1)]
    }

    /// Byte offset of code point index `c`, or `None` past the end.
    pub fn byte_of_char(&self, c: usize) -> Option<usize> {
        self.bytes.get(c).copied()
    }

    /// The substring of `text` (the text this index was built from) between code point offsets,
    /// or `None` if they are out of range or reversed. As [`slice_chars`], in constant time.
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> Option<&'t str> {
        if start > end {
            return None;
        }
        text.get(self.byte_of_char(start)?..self.byte_of_char(end)?)
    }

    /// Code point index of UTF-16 offset `u`, or `None` if it is not on a char boundary.
    pub fn char_of_utf16(&self, u: usize) -> Option<usize> {
        self.utf16.binary_search(&u).ok()
    }
}

/// Substring of `text` between code point offsets, or `None` if they are out of range.
pub fn slice_chars(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let mut it = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let b0 = it.nth(start)?;
    let b1 = if end == start {
        b0
    } else {
        it.nth(end - start - 1)?
    };
    text.get(b0..b1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_offsets_across_scripts() {
        // "é" is 2 bytes / 1 char / 1 unit; "😀" is 4 bytes / 1 char / 2 units.
        let text = "Tillabéri 😀 x";
        let o = Offsets::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(o.char_of_byte(x), 12);
        assert_eq!(o.utf16_of_char(12), 13);
        assert_eq!(o.byte_of_char(12), Some(x));
        assert_eq!(o.char_of_utf16(13), Some(12));
        assert_eq!(o.char_of_utf16(11), None, "inside the surrogate pair");
        assert_eq!(o.chars(), 13);
        assert_eq!(slice_chars(text, 0, 9), Some("Tillabéri"));
        assert_eq!(slice_chars(text, 10, 11), Some("😀"));
        assert_eq!(slice_chars(text, 12, 13), Some("x"));
        assert_eq!(slice_chars(text, 13, 13), Some(""));
        assert_eq!(slice_chars(text, 12, 14), None);
        assert_eq!(slice_chars(text, 3, 2), None);
        assert_eq!(slice_chars("", 0, 0), Some(""));
    }

    /// The index's slice agrees with the scanning one for every pair of offsets.
    #[test]
    fn index_slice_agrees_with_slice_chars() {
        for text in ["", "Tillabéri 😀 x", "e\u{301}\r\nשלום", "abc"] {
            let o = Offsets::new(text);
            for a in 0..o.chars() + 2 {
                for b in 0..o.chars() + 2 {
                    assert_eq!(
                        o.slice(text, a, b),
                        slice_chars(text, a, b),
                        "{text:?} {a}..{b}"
                    );
                }
            }
        }
    }
}
