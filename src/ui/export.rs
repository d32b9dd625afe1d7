//! Export: the file name (pure) and the download through a Blob, an object URL and `<a download>`.

use wasm_bindgen::JsCast;

/// Largest file name stem, in characters.
const MAX_STEM: usize = 60;

/// The export file name: the title as a lower-case slug (letters and digits of any script,
/// joined by `-`) plus `.json`, or `sitrep.json` without a usable title.
pub fn file_name(title: Option<&str>) -> String {
    let mut stem = String::new();
    for c in title.unwrap_or("").chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.chars().count() >= MAX_STEM {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "sitrep.json".to_string()
    } else {
        format!("{stem}.json")
    }
}

/// Offers `contents` as a JSON download named `name`. Returns false when the browser refused.
pub fn download(name: &str, contents: &str) -> bool {
    download_as(name, "application/json", contents)
}

/// Offers `contents` of media type `mime` as a download named `name`. Returns false when the
/// browser refused.
pub fn download_as(name: &str, mime: &str, contents: &str) -> bool {
    let blob = gloo::file::Blob::new_with_options(contents, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke the URL once the browser has had time to start the download.
    gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_file_after_the_title() {
        let long = "word ".repeat(40);
        let cases = [
            (None, "sitrep.json"),
            (Some(""), "sitrep.json"),
            (Some("  ?! "), "sitrep.json"),
            (Some("Attack on Dori, 4 Feb"), "attack-on-dori-4-feb.json"),
            (Some("../../etc/passwd"), "etc-passwd.json"),
            (Some("Tillabéri: 😀 raid"), "tillabéri-raid.json"),
            (Some("هجوم على القرية"), "هجوم-على-القرية.json"),
        ];
        for (title, want) in cases {
            assert_eq!(file_name(title), want, "{title:?}");
        }
        let n = file_name(Some(&long));
        assert!(n.chars().count() <= MAX_STEM + 5, "{n}");
        assert!(!n.contains("-.json"), "{n}");
    }
}
