//! Pure pieces of the keyboard and selection workflow (tested natively): which key labels a
//! selection with which kind, how a DOM selection offset (UTF-16 code units inside one text
//! segment) becomes a code point offset in the article, and the list the "?" overlay shows.

use crate::extract::Kind;

/// The kind a digit key labels a selection with: 1–7 in the order of [`Kind::ALL`].
pub fn label_key(key: &str) -> Option<Kind> {
    let d: usize = key.parse().ok()?;
    Kind::ALL.get(d.checked_sub(1)?).copied()
}

/// The code point offset in the article of `utf16` code units into a text segment that starts
/// at code point `segment_start` and holds `segment_text`. An offset past the end (or inside a
/// surrogate pair) is clamped to the segment. The page finds `segment_start` as its block's
/// `data-base` plus the piece's own (block-relative) `data-start`.
pub fn code_point_offset(segment_start: usize, segment_text: &str, utf16: usize) -> usize {
    let mut units = 0;
    let mut cps = 0;
    for c in segment_text.chars() {
        if units + c.len_utf16() > utf16 {
            break;
        }
        units += c.len_utf16();
        cps += 1;
    }
    segment_start + cps
}

/// How a resize key moves a span: Alt+Shift+ArrowLeft/Right moves the end, adding Ctrl moves
/// the start. Returns the new (start, end), or `None` when the key is not a resize key or the
/// span would become empty or leave the text of `len` code points.
pub fn resize(
    key: &str,
    ctrl: bool,
    (start, end): (usize, usize),
    len: usize,
) -> Option<(usize, usize)> {
    let delta: isize = match key {
        "ArrowLeft" => -1,
        "ArrowRight" => 1,
        _ => return None,
    };
    let (s, e) = if ctrl {
        (start.checked_add_signed(delta)?, end)
    } else {
        (start, end.checked_add_signed(delta)?)
    };
    (s < e && e <= len).then_some((s, e))
}

/// How an arrow key moves the caret in the article view, as `Selection.modify` arguments
/// (alter, direction, granularity): Shift extends the selection, Ctrl moves by word;
/// Up/Down by line, Home/End to the line's ends. `None` for other keys.
pub fn caret_move(
    key: &str,
    shift: bool,
    ctrl: bool,
) -> Option<(&'static str, &'static str, &'static str)> {
    let alter = if shift { "extend" } else { "move" };
    let by = if ctrl { "word" } else { "character" };
    let (dir, unit) = match key {
        "ArrowLeft" => ("backward", by),
        "ArrowRight" => ("forward", by),
        "ArrowUp" => ("backward", "line"),
        "ArrowDown" => ("forward", "line"),
        "Home" => ("backward", "lineboundary"),
        "End" => ("forward", "lineboundary"),
        _ => return None,
    };
    Some((alter, dir, unit))
}

/// The span after dragging one of its ends to code point `at`: the start (`start_end` true)
/// or the end. `None` when nothing changes or the span would be empty; dragging an end past
/// the other swaps them.
pub fn drag_edge(
    (start, end): (usize, usize),
    start_end: bool,
    at: usize,
) -> Option<(usize, usize)> {
    let (s, e) = if start_end { (at, end) } else { (start, at) };
    let (s, e) = (s.min(e), s.max(e));
    (s < e && (s, e) != (start, end)).then_some((s, e))
}

/// The shortcuts the "?" overlay lists: (keys, what they do).
pub const SHORTCUTS: [(&str, &str); 14] = [
    (
        "Select text, then 1–7",
        "Label it: 1 date, 2 location, 3 actor, 4 casualty, 5 figure, 6 weapon, 7 source \
         (or pick the kind in the menu under the selection)",
    ),
    (
        "Shift+Arrows",
        "Select in the article view, from the focused highlight or the caret",
    ),
    ("Ctrl+Shift+←/→", "Select by word"),
    ("Arrows, Home, End", "Move the caret in the article view"),
    ("Tab / Shift+Tab", "Move between highlights"),
    (
        "Enter (or click)",
        "Open the span editor on the focused highlight",
    ),
    ("Delete", "Delete the focused highlight"),
    ("Alt+Shift+←/→", "Move the end of the focused highlight"),
    (
        "Ctrl+Alt+Shift+←/→",
        "Move the start of the focused highlight",
    ),
    ("Drag a handle", "Resize the highlight open in the editor"),
    ("Escape", "Close the editor, the tooltip or this list"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z or Ctrl+Y", "Redo"),
    ("?", "Show or hide this list"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_keys_pick_kinds() {
        let cases = [
            ("1", Some(Kind::Date)),
            ("2", Some(Kind::Location)),
            ("4", Some(Kind::Casualty)),
            ("7", Some(Kind::Source)),
            ("0", None),
            ("8", None),
            ("a", None),
            ("", None),
            ("-1", None),
        ];
        for (key, want) in cases {
            assert_eq!(label_key(key), want, "{key:?}");
        }
    }

    #[test]
    fn utf16_offsets_become_code_points() {
        // (segment start, segment text, UTF-16 offset, expected article offset)
        let cases = [
            (0, "abc", 0, 0),
            (0, "abc", 2, 2),
            (10, "abc", 3, 13),
            (10, "abc", 9, 13),
            (0, "😀x", 2, 1),
            (0, "😀x", 3, 2),
            (0, "😀x", 1, 0), // inside the surrogate pair
            (5, "مقتل", 2, 7),
            (0, "e\u{301}z", 2, 2),
            (3, "", 0, 3),
        ];
        for (start, text, u, want) in cases {
            assert_eq!(code_point_offset(start, text, u), want, "{text:?} {u}");
        }
    }

    #[test]
    fn arrows_move_or_extend_the_caret() {
        // (key, shift, ctrl, expected)
        let cases = [
            (
                "ArrowRight",
                true,
                false,
                Some(("extend", "forward", "character")),
            ),
            (
                "ArrowLeft",
                true,
                true,
                Some(("extend", "backward", "word")),
            ),
            (
                "ArrowLeft",
                false,
                false,
                Some(("move", "backward", "character")),
            ),
            (
                "ArrowDown",
                true,
                false,
                Some(("extend", "forward", "line")),
            ),
            (
                "Home",
                true,
                false,
                Some(("extend", "backward", "lineboundary")),
            ),
            (
                "End",
                false,
                false,
                Some(("move", "forward", "lineboundary")),
            ),
            ("a", true, false, None),
            ("Enter", false, false, None),
        ];
        for (key, shift, ctrl, want) in cases {
            assert_eq!(caret_move(key, shift, ctrl), want, "{key} {shift} {ctrl}");
        }
    }

    #[test]
    fn dragging_an_edge_resizes() {
        // (span, drag the start?, to, expected)
        let cases = [
            ((5, 10), true, 3, Some((3, 10))),
            ((5, 10), true, 7, Some((7, 10))),
            ((5, 10), false, 14, Some((5, 14))),
            ((5, 10), false, 6, Some((5, 6))),
            ((5, 10), true, 12, Some((10, 12))), // past the end: swapped
            ((5, 10), false, 2, Some((2, 5))),
            ((5, 10), true, 10, None), // empty
            ((5, 10), false, 5, None),
            ((5, 10), true, 5, None), // unchanged
        ];
        for (span, start, at, want) in cases {
            assert_eq!(drag_edge(span, start, at), want, "{span:?} {start} {at}");
        }
    }

    #[test]
    fn resize_keys_move_one_end() {
        let cases = [
            ("ArrowRight", false, (2, 5), 10, Some((2, 6))),
            ("ArrowLeft", false, (2, 5), 10, Some((2, 4))),
            ("ArrowLeft", true, (2, 5), 10, Some((1, 5))),
            ("ArrowRight", true, (2, 5), 10, Some((3, 5))),
            ("ArrowRight", false, (2, 10), 10, None),
            ("ArrowLeft", true, (0, 5), 10, None),
            ("ArrowLeft", false, (2, 3), 10, None),
            ("ArrowUp", false, (2, 5), 10, None),
        ];
        for (key, ctrl, span, len, want) in cases {
            assert_eq!(resize(key, ctrl, span, len), want, "{key} {ctrl} {span:?}");
        }
    }
}
