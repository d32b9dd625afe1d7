//! Verbs of saying: the one list the date rules and the incident builder share to tell a
//! report ("the army said on Monday", "residents told AFP") from the event it reports.

/// Lower-case verbs that report speech.
const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tell",
    "tells",
    "reported",
    "reports",
    "added",
    "announced",
    "confirmed",
    "stated",
    "recalled",
    "described",
];

/// True for a lower-case verb of saying ("said", "told", "confirmed").
pub fn is_saying_verb(w: &str) -> bool {
    VERBS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::is_saying_verb;

    #[test]
    fn saying_verbs() {
        for w in ["said", "told", "confirmed", "recalled"] {
            assert!(is_saying_verb(w), "{w}");
        }
        for w in ["Said", "killed", "attacked", "saying"] {
            assert!(!is_saying_verb(w), "{w}");
        }
    }
}
