//! Checks a document against `docs/sitrep-v1.schema.json` (native builds only: the CLI's
//! `validate` and the tests; the page relies on [`super::parse`], which enforces the same).

use super::FormatError;

/// The JSON Schema of version 1, as shipped in `docs/`.
pub const SCHEMA_V1: &str = include_str!("../../docs/sitrep-v1.schema.json");

/// Validates `json` against the schema; the error names the first failing path.
pub fn check(json: &str) -> Result<(), FormatError> {
    let instance: serde_json::Value = serde_json::from_str(json.trim_start_matches('\u{feff}'))
        .map_err(|e| FormatError::new(format!("the file is not valid JSON ({e})")))?;
    let schema: serde_json::Value = serde_json::from_str(SCHEMA_V1)
        .map_err(|e| FormatError::new(format!("the built-in schema is broken: {e}")))?;
    let validator = jsonschema::validator_for(&schema)
        .map_err(|e| FormatError::new(format!("the built-in schema is broken: {e}")))?;
    let first = validator.iter_errors(&instance).next().map(|err| {
        let path = err.instance_path().to_string();
        let path = if path.is_empty() {
            "/".to_string()
        } else {
            path
        };
        format!("schema: at {path}: {err}")
    });
    match first {
        None => Ok(()),
        Some(msg) => Err(FormatError::new(msg)),
    }
}
