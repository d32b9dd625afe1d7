//! Extraction speed: `cargo bench --bench extract` (std-only timing, no harness).
//!
//! Prints:
//! - the one-time start-up: loading the compiled-in data (`extract::load_data`: gazetteer, actor,
//!   demonym, victim and weapon tables, lexicons), compiling every rule's regex
//!   (`extract::compile_rules`; the page does both when idle after start-up), then a first call;
//! - single-threaded throughput of the whole pipeline (`extract::extract`: entities + incidents)
//!   in MB/s, on news-like text written for this benchmark (about 4 KB of varied sentences),
//!   both per ~3 KB article (what the page re-runs on every keystroke) and as one ~1 MB text;
//! - the same for `format::annotate` + `format::to_json` (what Export and the CLI do);
//! - re-extraction after an edit of one paragraph with the paragraph memo
//!   (`extract::memo`) on, as the page runs it.
//!
//! Time budget per measurement: `BENCH_SECS` (default 2 s). Figures are medians over rounds.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use sitrep::extract::{self, Context};
use sitrep::format::{self, Meta};

/// Invented conflict-news paragraphs (no outlet's text): dates, places, actors, casualty
/// figures with vague and ranged counts, weapons, attributions, plus some quiet filler.
const PARAGRAPHS: &[&str] = &[
    "Armed men on motorcycles attacked the village of Tessora in the north-west on Saturday night, \
     killing at least 14 civilians and wounding dozens more, a local official told reporters on Sunday.",
    "The army said its soldiers repelled an assault on a base near Marlech late on Friday. Between 20 \
     and 30 fighters were killed, according to a military spokesman, while two soldiers died.",
    "Residents said the gunmen set fire to houses and a market before fleeing into the forest. \
     Several people remain missing, and aid workers said more than 1,200 families had fled to the town of Ousbrek.",
    "On 14 February, a roadside bomb struck a police patrol on the highway between Ralvik and Sennet, \
     killing three officers. No group has claimed responsibility for the attack.",
    "In a statement, the ministry of defence said an air strike on Wednesday had destroyed a weapons \
     depot used by the rebels. Opposition activists said 11 people, including four children, were killed.",
    "The United Nations humanitarian office said fighting since early March had displaced about \
     45,000 people in the province, where clinics report shortages of medicine and fuel.",
    "Police in the capital arrested 37 protesters after clashes with security forces outside parliament; \
     hospital sources said 12 people were treated for injuries from rubber bullets and tear gas.",
    "A suicide bomber blew himself up at a checkpoint in the city of Harzan on Monday morning, killing \
     himself and five soldiers, the governor said. Up to nine others were wounded.",
    "Militiamen loyal to a local commander abducted 23 passengers from a bus last week, witnesses said. \
     Eight were later released after their families paid a ransom.",
    "The fighting, which began in late January, has killed hundreds of people, according to estimates by \
     rights groups, although the true toll is believed to be higher.",
    "Shelling hit a residential district of Vostrel overnight, the mayor wrote on social media, \
     killing a 70-year-old man and injuring his wife. Artillery fire continued into the afternoon.",
    "Insurgents ambushed a convoy carrying fuel near the border crossing on 2 May 2023, burning 14 trucks. \
     Security sources said six drivers were killed and two were missing.",
    "The weather was mild and traders reopened their stalls on Thursday, although many shops in the old \
     quarter stayed shut as residents waited for news from the negotiations.",
    "Government troops retook the district headquarters on Tuesday after a week of heavy fighting, state \
     television reported, saying scores of militants had been killed. The claim could not be verified independently.",
    "Two drones struck an oil facility near Kemarsk early on Sunday, causing a fire but no casualties, \
     the regional administration said.",
    "Gunmen killed a village chief and his two sons in an overnight raid on Dallo, a relative said by telephone, \
     adding that about 40 cattle were stolen.",
];

fn articles() -> Vec<String> {
    // ~3 KB articles: rotating windows over the paragraphs, so each one differs.
    let n = PARAGRAPHS.len();
    (0..n)
        .map(|start| {
            let mut a = String::new();
            let mut i = start;
            while a.len() < 3000 {
                a.push_str(PARAGRAPHS[i % n]);
                a.push_str("\n\n");
                i += 3; // 3 is coprime with 16: a different order each time
            }
            a
        })
        .collect()
}

fn budget() -> Duration {
    let secs = std::env::var("BENCH_SECS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(2.0);
    Duration::from_secs_f64(secs.max(0.1))
}

/// Runs `f` in rounds until the budget is spent; returns the median seconds per call.
fn median_secs(mut f: impl FnMut()) -> (f64, usize) {
    let budget = budget();
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 5 || (start.elapsed() < budget && times.len() < 10_000) {
        let t = Instant::now();
        f();
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times.len())
}

fn mb_per_s(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / 1e6 / secs
}

fn main() {
    let ctx = Context::published(NaiveDate::from_ymd_opt(2024, 3, 8).expect("a valid date"));
    let articles = articles();

    // 1. The one-time start-up, first thing in this process: the data (gazetteer, tables,
    //    lexicons), then every rule's regex, then the first call.
    let t = Instant::now();
    extract::load_data();
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    extract::compile_rules();
    let compile_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let first = extract::extract(black_box(&articles[0]), &ctx);
    let first_ms = t.elapsed().as_secs_f64() * 1e3;
    println!(
        "start-up: data load (gazetteer, tables, lexicons) {load_ms:.1} ms; rule compile {compile_ms:.1} ms; then the first extract call {first_ms:.2} ms"
    );
    println!(
        "  ({} B article: {} entities, {} incidents)",
        articles[0].len(),
        first.entities.len(),
        first.incidents.len()
    );

    // 2. Per-article throughput (what the page re-runs on every keystroke).
    let total: usize = articles.iter().map(String::len).sum();
    let (secs, rounds) = median_secs(|| {
        for a in &articles {
            black_box(extract::extract(black_box(a), &ctx));
        }
    });
    println!(
        "extract, {} articles of ~3 KB ({total} B per round, {rounds} rounds): {:.1} MB/s, {:.3} ms per article",
        articles.len(),
        mb_per_s(total, secs),
        secs * 1e3 / articles.len() as f64
    );

    // 3. One ~1 MB text.
    let mut big = String::new();
    let mut i = 0;
    while big.len() < 1_000_000 {
        big.push_str(&articles[i % articles.len()]);
        i += 1;
    }
    let (secs, rounds) = median_secs(|| {
        black_box(extract::extract(black_box(&big), &ctx));
    });
    println!(
        "extract, one {} B text ({rounds} rounds): {:.1} MB/s, {:.1} ms per call",
        big.len(),
        mb_per_s(big.len(), secs),
        secs * 1e3
    );

    // 4. Annotate + JSON, as Export and the CLI do, per article.
    let (secs, rounds) = median_secs(|| {
        for a in &articles {
            let doc = format::annotate(Meta {
                text: a.clone(),
                title: None,
                source: None,
                published: Some("2024-03-08".to_string()),
            });
            black_box(format::to_json(&doc));
        }
    });
    println!(
        "annotate + to_json, per ~3 KB article ({rounds} rounds): {:.1} MB/s, {:.3} ms per article",
        mb_per_s(total, secs),
        secs * 1e3 / articles.len() as f64
    );

    // 5. Re-extraction after an edit with the paragraph memo on, as in the page: one figure of
    //    the first paragraph changes, the other paragraphs are found in the memo. (Sections
    //    2-4 run without the memo: every text there is new.)
    extract::memo::enable(true);
    let edited = |k: usize| articles[0].replacen("at least ", &format!("at least {k} and "), 1);
    black_box(extract::extract(&edited(0), &ctx));
    let mut k = 0;
    let (secs, rounds) = median_secs(|| {
        k += 1;
        black_box(extract::extract(black_box(&edited(k % 50)), &ctx));
    });
    extract::memo::enable(false);
    println!(
        "re-extract after an edit of one paragraph, memo on ({} B article, {rounds} rounds): {:.3} ms per edit",
        articles[0].len(),
        secs * 1e3
    );
}
