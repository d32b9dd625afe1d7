//! Article-level snapshots of the incidents the whole pipeline builds.
//!
//! Each folder under `tests/articles/` holds an article written for these tests
//! (`article.txt`), its publication date (`published.txt`, empty for none) and the expected
//! incidents as readable lines (`expected.snap`). On a mismatch the new rendering is written to
//! `expected.snap` and the test fails: review the change with `git diff` and commit it if right.

use std::fmt::Write as _;
use std::path::Path;

use sitrep::extract::{extract, Context, Count, Incident};

fn count(c: &Count) -> String {
    let n = |x: Option<u64>| x.map_or_else(|| "?".to_string(), |v| v.to_string());
    if c.low == c.high && c.low.is_some() {
        n(c.low)
    } else {
        format!("{}–{}", n(c.low), n(c.high))
    }
}

fn render(incidents: &[Incident]) -> String {
    let mut out = String::new();
    for i in incidents {
        let date = i.date.as_ref().map_or("-".to_string(), |d| {
            if d.start == d.end {
                d.start.clone()
            } else {
                format!("{}/{}", d.start, d.end)
            }
        });
        let place = i.location.as_ref().map_or("-".to_string(), |l| {
            let mut parts = vec![l.name.clone()];
            for x in [&l.admin1, &l.country].into_iter().flatten() {
                if !parts.contains(x) {
                    parts.push(x.clone());
                }
            }
            format!("{} ({})", parts.join(", "), l.precision.as_str())
        });
        let perps: Vec<&str> = i.perpetrators.iter().map(|p| p.name.as_str()).collect();
        let targets: Vec<String> = i
            .targets
            .iter()
            .map(|t| format!("{} ({})", t.name, t.side.as_str()))
            .collect();
        let _ = writeln!(out, "{} {} | {}", i.id, date, place);
        let _ = writeln!(
            out,
            "  by: {} | against: {}",
            perps.join(", "),
            targets.join(", ")
        );
        let _ = writeln!(out, "  type: {} / {}", i.event_type, i.sub_event_type);
        for (label, rows) in [
            ("killed", &i.killed),
            ("injured", &i.injured),
            ("missing", &i.missing_or_abducted),
        ] {
            for r in rows {
                let _ = writeln!(
                    out,
                    "  {label}: {} {} ({}) \u{201c}{}\u{201d}",
                    count(&r.count()),
                    r.who,
                    r.side.as_str(),
                    r.text
                );
            }
        }
        if let Some(a) = &i.attackers {
            let c = Count {
                low: a.low,
                best: a.best,
                high: a.high,
            };
            let _ = writeln!(out, "  attackers: {} \u{201c}{}\u{201d}", count(&c), a.text);
        }
        let _ = writeln!(out, "  fatalities: {}", count(&i.fatalities));
        if !i.notes.is_empty() {
            let _ = writeln!(out, "  notes: {}", i.notes);
        }
    }
    out
}

#[test]
fn article_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/articles exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("article.txt").exists())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no articles under {}", root.display());
    let mut failed = Vec::new();
    for dir in dirs {
        let text = std::fs::read_to_string(dir.join("article.txt")).expect("article.txt");
        let published = std::fs::read_to_string(dir.join("published.txt")).unwrap_or_default();
        let ctx = match chrono::NaiveDate::parse_from_str(published.trim(), "%Y-%m-%d") {
            Ok(d) => Context::published(d),
            Err(_) => Context::default(),
        };
        let got = render(&extract(&text, &ctx).incidents);
        let snap = dir.join("expected.snap");
        let want = std::fs::read_to_string(&snap).unwrap_or_default();
        if got != want {
            std::fs::write(&snap, &got).expect("write snapshot");
            failed.push(format!("{}:\n{got}", dir.display()));
        }
    }
    assert!(
        failed.is_empty(),
        "snapshots changed (new ones written; review with git diff):\n{}",
        failed.join("\n")
    );
}
