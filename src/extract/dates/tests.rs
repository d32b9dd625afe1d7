//! Table tests for the date rules.
