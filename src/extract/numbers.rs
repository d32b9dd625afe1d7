//! Numbers and counts: to be written.
