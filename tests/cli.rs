//! The `sitrep` command line: annotate, --jsonl, convert, validate, and bad input.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn sitrep(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sitrep");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn temp(name: &str, content: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sitrep-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

const ARTICLE: &str = "Gunmen killed 12 villagers in Tillabéri on Monday, officials said.\n";

#[test]
fn annotate_prints_a_valid_document_with_metadata() {
    let o = sitrep(
        &[
            "annotate",
            "--published",
            "2025-02-12",
            "--title",
            "T",
            "--source",
            "https://example.org",
            "-",
        ],
        ARTICLE.as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = sitrep::format::parse(&stdout(&o)).expect("valid document");
    assert_eq!(doc.document.text, ARTICLE);
    assert_eq!(doc.document.published.as_deref(), Some("2025-02-12"));
    assert_eq!(doc.document.title.as_deref(), Some("T"));
    assert_eq!(doc.document.source.as_deref(), Some("https://example.org"));
    assert_eq!(doc.generator, sitrep::GENERATOR);
    // The CLI prints exactly what the library (and so the page) writes.
    let lib = sitrep::format::to_json(&sitrep::format::annotate(doc.document.clone()));
    assert_eq!(stdout(&o), lib);
    let file = temp("doc.json", &o.stdout);
    let v = sitrep(&["validate", file.to_str().unwrap()], b"");
    assert!(v.status.success(), "{}", stderr(&v));
    assert!(stdout(&v).contains("valid sitrep document"));
}

#[test]
fn jsonl_batch_writes_one_compact_document_per_line() {
    let input = format!(
        "{}\n\n{}\n",
        serde_json::json!({"text": ARTICLE, "published": "2025-02-12"}),
        serde_json::json!({"text": "", "title": "empty"})
    );
    let o = sitrep(&["annotate", "--jsonl"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    for l in &lines {
        sitrep::format::parse(l).expect("each line a document");
    }
    let bad = sitrep(&["annotate", "--jsonl"], b"{\"txt\": 1}\n");
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("line 1"), "{}", stderr(&bad));
}

#[test]
fn bad_input_gives_one_clear_line_and_no_panic() {
    let cases: Vec<(Vec<&str>, Vec<u8>, &str)> = vec![
        (
            vec!["annotate", "--published", "12/02/2025", "-"],
            ARTICLE.into(),
            "YYYY-MM-DD",
        ),
        (
            vec!["annotate", "-"],
            vec![b'a', 0xff, 0xfe, b'b'],
            "not UTF-8",
        ),
        (
            vec!["annotate", "/nonexistent/file.txt"],
            vec![],
            "cannot read",
        ),
        (
            vec!["annotate", "--format", "pdf", "-"],
            vec![],
            "unknown format",
        ),
        (vec!["frobnicate"], vec![], "unknown command"),
        (
            vec!["validate", "-"],
            b"{\"format\": \"sitrep\", \"version\": 9}".to_vec(),
            "schema",
        ),
        (
            vec!["validate", "-"],
            b"not json".to_vec(),
            "not valid JSON",
        ),
        (vec!["convert", "--to", "w3c"], vec![], "at least one FILE"),
    ];
    for (args, input, want) in cases {
        let o = sitrep(&args, &input);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn empty_binary_and_huge_inputs_give_documents() {
    let huge = ARTICLE.repeat(15_000); // ~1 MB: its document stays under the 32 MB import limit
    let mut binaryish = String::new();
    for i in 0..5000u32 {
        binaryish.push(char::from_u32(i * 7 % 0x2fff + 1).unwrap_or('x'));
    }
    for input in [
        "".to_string(),
        "\u{feff}\r\n\u{202e}שלום 😀 e\u{301}".to_string(),
        binaryish,
        huge,
    ] {
        let o = sitrep(&["annotate", "-"], input.as_bytes());
        assert!(o.status.success(), "{}", stderr(&o));
        let doc = sitrep::format::parse(&stdout(&o)).expect("valid document");
        assert_eq!(doc.document.text, input);
    }
}

#[test]
fn convert_writes_every_format() {
    let o = sitrep(
        &["annotate", "--published", "2025-02-12", "-"],
        ARTICLE.as_bytes(),
    );
    let file = temp("conv.json", &o.stdout);
    let f = file.to_str().unwrap();
    let csv = sitrep(&["convert", "--to", "acled-csv", f], b"");
    assert!(csv.status.success(), "{}", stderr(&csv));
    assert!(stdout(&csv).starts_with("event_id_cnty,event_date,time_precision,event_type"));
    let w3c = sitrep(&["convert", "--to", "w3c", f], b"");
    let v: serde_json::Value = serde_json::from_str(&stdout(&w3c)).unwrap();
    assert_eq!(v["type"], "AnnotationCollection");
    // A workspace as JSONL converts too, and round-trips.
    let jsonl = sitrep(&["convert", "--to", "jsonl", f, f], b"");
    assert_eq!(stdout(&jsonl).lines().count(), 2);
    let ws = temp("ws.jsonl", &jsonl.stdout);
    let back = sitrep(&["convert", "--to", "acled-csv", ws.to_str().unwrap()], b"");
    assert!(back.status.success(), "{}", stderr(&back));
    // annotate --format gives the same as annotate + convert.
    let direct = sitrep(
        &[
            "annotate",
            "--published",
            "2025-02-12",
            "--format",
            "acled-csv",
            "-",
        ],
        ARTICLE.as_bytes(),
    );
    assert_eq!(stdout(&direct), stdout(&csv));
}
