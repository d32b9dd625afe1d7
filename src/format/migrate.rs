//! Migrations: every older document version is brought to the current one, one step at a time,
//! before it is validated. Version 1 is the first, so its step is the identity; a version 2
//! adds `fn v1_to_v2` and a line in [`to_current`].

use super::{FormatError, FORMAT, VERSION};

/// Brings a parsed JSON document to version [`VERSION`], or says why it cannot.
pub fn to_current(mut doc: serde_json::Value) -> Result<serde_json::Value, FormatError> {
    let Some(obj) = doc.as_object() else {
        return Err(FormatError::new(
            "the file is JSON but not a Sitrep document (expected an object with \"format\": \"sitrep\")",
        ));
    };
    match obj.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(FormatError::new(format!(
                "\"format\" is {:?}, not \"sitrep\": this is not a Sitrep document",
                super::truncate(other, 40)
            )))
        }
        None => {
            return Err(FormatError::new(
                "the file has no \"format\": \"sitrep\" field: this is not a Sitrep document",
            ))
        }
    }
    let version = match obj.get("version").and_then(|v| v.as_u64()) {
        Some(v) => v,
        None => {
            return Err(FormatError::new(
                "the document has no version number (\"version\": 1)",
            ))
        }
    };
    if version > u64::from(VERSION) {
        return Err(FormatError::new(format!(
            "the document is version {version}, newer than this Sitrep (version {VERSION}): update Sitrep to open it"
        )));
    }
    if version == 0 {
        return Err(FormatError::new(
            "version 0 does not exist; Sitrep documents start at version 1",
        ));
    }
    let mut v = version;
    while v < u64::from(VERSION) {
        // No older versions exist yet; each future step goes here.
        v += 1;
    }
    if version == 1 {
        doc = v1_identity(doc);
    }
    Ok(doc)
}

/// Version 1 → version 1: nothing changes.
fn v1_identity(doc: serde_json::Value) -> serde_json::Value {
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn v1_passes_through_unchanged() {
        let doc = json!({"format": "sitrep", "version": 1, "x": [1, 2]});
        assert_eq!(to_current(doc.clone()).unwrap(), doc);
    }

    #[test]
    fn refuses_what_it_cannot_migrate() {
        for (doc, want) in [
            (json!([1]), "not a Sitrep document"),
            (json!({"format": "other", "version": 1}), "not \"sitrep\""),
            (json!({"version": 1}), "no \"format\""),
            (json!({"format": "sitrep"}), "no version"),
            (json!({"format": "sitrep", "version": "1"}), "no version"),
            (
                json!({"format": "sitrep", "version": 2}),
                "newer than this Sitrep",
            ),
            (json!({"format": "sitrep", "version": 0}), "version 0"),
        ] {
            let err = to_current(doc.clone()).unwrap_err();
            assert!(err.message().contains(want), "{doc}: {err}");
        }
    }
}
