//! The benchmark article, shared by the browser tests (`tests/web.rs`) and the end-to-end
//! benchmark (`tests/e2e/workflow.rs`): paragraphs written for them, varied so the article is
//! not one sentence repeated.

/// Paragraphs up to `bytes` (the last one may pass it).
pub fn bench_article(bytes: usize) -> String {
    let places = [
        "Sabrela", "Karvana", "Dolmet", "Tessit", "Marandet", "Ouallam",
    ];
    let groups = [
        "the Northern Hills Brigade",
        "unidentified gunmen",
        "the Eastern Liberation Front",
        "armed bandits",
    ];
    let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday"];
    let mut out = String::new();
    let mut i = 0usize;
    while out.len() < bytes {
        out.push_str(&format!(
            "On {}, {} attacked a village near {}, killing at least {} civilians and wounding {} \
others, a local official said. Witnesses said the attackers used motorcycles and set fire to \
the market before withdrawing towards the hills. Security forces arrived two hours later and \
began a search of the area, according to the regional governor.\n\n",
            days[i % days.len()],
            groups[i % groups.len()],
            places[i % places.len()],
            3 + i % 40,
            2 + i % 17
        ));
        i += 1;
    }
    out
}
