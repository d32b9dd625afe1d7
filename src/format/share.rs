//! Share links: the whole document, compressed, in the URL fragment (the part after `#`, which
//! browsers never send to a server).
//!
//! Layout: `#sitrep=1.` + base64url(deflate(compact JSON)). A link longer than
//! [`MAX_LINK_CHARS`] is refused with a message pointing to the file export; decoding refuses
//! anything that inflates past [`super::MAX_DOCUMENT_BYTES`], so a hostile link cannot exhaust
//! memory.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use super::{parse, to_json_line, Document, FormatError, MAX_DOCUMENT_BYTES};

/// The fragment's prefix (without `#`).
pub const PREFIX: &str = "sitrep=1.";
/// Longest fragment a share link may carry. Most chat tools and browsers keep links of this
/// length intact; longer documents go through Export JSON.
pub const MAX_LINK_CHARS: usize = 32_000;

/// The fragment (without `#`) for `doc`, or an error when it is too large for a link.
pub fn encode(doc: &Document) -> Result<String, FormatError> {
    let json = to_json_line(doc);
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    let fragment = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed));
    if fragment.len() > MAX_LINK_CHARS {
        return Err(FormatError::new(format!(
            "this document is too large for a share link ({} characters compressed, the limit is {MAX_LINK_CHARS}); use Export JSON and send the file instead",
            fragment.len()
        )));
    }
    Ok(fragment)
}

/// Reads a fragment (with or without the leading `#`) back into a validated document.
/// `Ok(None)` when the fragment is not a Sitrep share link at all.
pub fn decode(fragment: &str) -> Result<Option<Document>, FormatError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let Some(data) = fragment.strip_prefix(PREFIX) else {
        return Ok(None);
    };
    if data.len() > MAX_LINK_CHARS * 2 {
        return Err(FormatError::new(
            "the share link is too long to be a Sitrep link",
        ));
    }
    let packed = URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|_| FormatError::new("the share link is damaged (it is not valid base64); ask for the link again or for the exported file"))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_DOCUMENT_BYTES)
        .map_err(|_| FormatError::new("the share link is damaged or too large once unpacked; ask for the exported file instead"))?;
    let json = String::from_utf8(json)
        .map_err(|_| FormatError::new("the share link is damaged (its content is not text)"))?;
    parse(&json).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{annotate, Meta};

    #[test]
    fn round_trips_a_document() {
        let doc = annotate(Meta {
            text: "Gunmen killed 12 villagers in Tillabéri on Monday. 😀".into(),
            title: Some("t".into()),
            source: None,
            published: Some("2025-02-10".into()),
        });
        let frag = encode(&doc).unwrap();
        assert!(frag.starts_with(PREFIX));
        assert!(frag
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.=".contains(&b)));
        assert_eq!(decode(&format!("#{frag}")).unwrap(), Some(doc));
    }

    #[test]
    fn refuses_damaged_or_oversized_links() {
        assert_eq!(decode("#section-2").unwrap(), None);
        assert_eq!(decode("").unwrap(), None);
        for (frag, want) in [
            (format!("{PREFIX}!!!"), "not valid base64"),
            (
                format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(b"not deflate")),
                "damaged",
            ),
            (
                format!(
                    "{PREFIX}{}",
                    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"{}", 9))
                ),
                "not a Sitrep document",
            ),
        ] {
            let err = decode(&frag).unwrap_err();
            assert!(err.message().contains(want), "{frag}: {err}");
        }
        // A bomb: 40 MB of zeros compresses to a few KB but must not be inflated.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b'0'; 40 << 20], 9);
        let err = decode(&format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bomb))).unwrap_err();
        assert!(err.message().contains("too large"), "{err}");
        let big = annotate(Meta {
            // Text that does not compress: a long run of distinct numbers.
            text: (0..40_000u32)
                .map(|i| format!("{:x} ", i.wrapping_mul(2_654_435_761)))
                .collect(),
            ..Meta::default()
        });
        let err = encode(&big).unwrap_err();
        assert!(err.message().contains("Export JSON"), "{err}");
    }
}
