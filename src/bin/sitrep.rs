//! The `sitrep` command line: the same engine as the page, over files and corpora.
//!
//! ```text
//! sitrep annotate [--published YYYY-MM-DD] [--title T] [--source URL] FILE|-
//! sitrep annotate --jsonl            < lines of {"text", "published"?, "title"?, "source"?}
//! sitrep convert --to acled-csv|w3c|jsonl|sitrep FILE...
//! sitrep validate FILE
//! ```

use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

use sitrep::format::{self, Meta};

const USAGE: &str = "usage:
  sitrep annotate [--published YYYY-MM-DD] [--title T] [--source URL] [--format F] FILE|-
  sitrep annotate --jsonl [--format F]  (reads JSON lines {\"text\", \"published\"?, \"title\"?, \"source\"?} on stdin)
  sitrep convert --to F FILE...         (sitrep documents, .json or .jsonl, to another format)
  sitrep validate FILE|-
formats F: sitrep (default), acled-csv, w3c, jsonl";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("sitrep: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("annotate") => annotate(&args[1..]),
        Some("validate") => validate(&args[1..]),
        Some("convert") => convert(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some("-V" | "--version") => {
            println!("{}", sitrep::GENERATOR);
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}\n{USAGE}")),
        None => Err(USAGE.to_string()),
    }
}

#[derive(Default)]
struct AnnotateArgs {
    published: Option<String>,
    title: Option<String>,
    source: Option<String>,
    jsonl: bool,
    format: OutFormat,
    file: Option<String>,
}

/// What `annotate` and `convert` write.
#[derive(Clone, Copy, Default, PartialEq)]
enum OutFormat {
    /// The sitrep document (pretty JSON; compact lines with --jsonl).
    #[default]
    Sitrep,
    /// ACLED-style CSV, one row per incident.
    AcledCsv,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// One compact sitrep document per line.
    Jsonl,
}

impl OutFormat {
    fn parse(s: &str) -> Result<OutFormat, String> {
        Ok(match s {
            "sitrep" | "json" => OutFormat::Sitrep,
            "acled-csv" | "csv" => OutFormat::AcledCsv,
            "w3c" => OutFormat::W3c,
            "jsonl" => OutFormat::Jsonl,
            other => {
                return Err(format!(
                    "unknown format {other:?}: use sitrep, acled-csv, w3c or jsonl"
                ))
            }
        })
    }
}

/// Writes documents in `format`. CSV gets one header for all documents; W3C one collection per
/// line when there are several.
fn write_docs(
    out: &mut impl Write,
    docs: &[format::Document],
    fmt: OutFormat,
    lines: bool,
) -> Result<(), String> {
    let text = match fmt {
        OutFormat::Sitrep if !lines && docs.len() == 1 => format::to_json(&docs[0]),
        OutFormat::Sitrep | OutFormat::Jsonl => docs
            .iter()
            .map(|d| format::to_json_line(d) + "\n")
            .collect(),
        OutFormat::AcledCsv => format::acled::to_csv(docs),
        OutFormat::W3c if !lines && docs.len() == 1 => format::w3c::to_w3c_json(&docs[0]),
        OutFormat::W3c => docs
            .iter()
            .map(|d| format::w3c::to_w3c(d).to_string() + "\n")
            .collect(),
    };
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())
}

fn parse_annotate(args: &[String]) -> Result<AnnotateArgs, String> {
    let mut a = AnnotateArgs::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--published" => a.published = Some(value("--published")?),
            "--title" => a.title = Some(value("--title")?),
            "--source" => a.source = Some(value("--source")?),
            "--jsonl" => a.jsonl = true,
            "--format" => a.format = OutFormat::parse(&value("--format")?)?,
            s if s.starts_with("--") => return Err(format!("unknown option {s:?}\n{USAGE}")),
            s => {
                if a.file.replace(s.to_string()).is_some() {
                    return Err("give one FILE (or - for standard input)".to_string());
                }
            }
        }
    }
    if let Some(p) = &a.published {
        format::parse_published(p).map_err(|e| e.to_string())?;
    }
    Ok(a)
}

fn read_input(file: &str) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    if file == "-" {
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        buf = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    }
    Ok(buf)
}

fn utf8(bytes: Vec<u8>, what: &str) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{what} is not UTF-8 text (invalid byte at offset {}); convert it to UTF-8 first",
            e.utf8_error().valid_up_to()
        )
    })
}

fn annotate(args: &[String]) -> Result<(), String> {
    let a = parse_annotate(args)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if a.jsonl {
        if a.file.is_some() {
            return Err("--jsonl reads standard input; give no FILE".to_string());
        }
        let mut csv_docs = Vec::new();
        for (n, line) in std::io::stdin().lock().split(b'\n').enumerate() {
            let line = line.map_err(|e| format!("cannot read standard input: {e}"))?;
            let line = utf8(line, &format!("line {}", n + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            let meta = jsonl_meta(&line, &a).map_err(|e| format!("line {}: {e}", n + 1))?;
            let doc = format::annotate(meta);
            if a.format == OutFormat::AcledCsv {
                csv_docs.push(doc);
            } else {
                write_docs(&mut out, &[doc], a.format, true)?;
            }
        }
        if a.format == OutFormat::AcledCsv {
            write_docs(&mut out, &csv_docs, a.format, true)?;
        }
    } else {
        let file = a
            .file
            .as_deref()
            .ok_or_else(|| format!("give a FILE or -\n{USAGE}"))?;
        let text = utf8(read_input(file)?, file)?;
        let meta = Meta {
            text,
            title: a.title,
            source: a.source,
            published: a.published.map(|p| p.trim().to_string()),
        };
        let doc = format::annotate(meta);
        write_docs(&mut out, &[doc], a.format, false)?;
    }
    out.flush().map_err(|e| e.to_string())
}

fn jsonl_meta(line: &str, defaults: &AnnotateArgs) -> Result<Meta, String> {
    #[derive(serde::Deserialize)]
    struct Line {
        text: String,
        published: Option<String>,
        title: Option<String>,
        source: Option<String>,
    }
    let l: Line = serde_json::from_str(line)
        .map_err(|e| format!("not a JSON object with a \"text\" string ({e})"))?;
    let published = l.published.or_else(|| defaults.published.clone());
    if let Some(p) = &published {
        format::parse_published(p).map_err(|e| e.to_string())?;
    }
    Ok(Meta {
        text: l.text,
        title: l.title.or_else(|| defaults.title.clone()),
        source: l.source.or_else(|| defaults.source.clone()),
        published,
    })
}

fn convert(args: &[String]) -> Result<(), String> {
    let mut to = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--to" => to = Some(OutFormat::parse(it.next().ok_or("--to needs a format")?)?),
            s if s.starts_with("--") => return Err(format!("unknown option {s:?}\n{USAGE}")),
            s => files.push(s.to_string()),
        }
    }
    let to = to.ok_or_else(|| format!("convert needs --to FORMAT\n{USAGE}"))?;
    if files.is_empty() {
        return Err(format!("convert needs at least one FILE\n{USAGE}"));
    }
    let mut docs = Vec::new();
    for file in &files {
        let json = utf8(read_input(file)?, file)?;
        let trimmed = json.trim_start_matches('\u{feff}').trim_start();
        // A pretty document spans lines; a .jsonl workspace has one document per line.
        let one = format::parse(&json);
        match one {
            Ok(doc) => docs.push(doc),
            Err(first_err) if trimmed.lines().filter(|l| !l.trim().is_empty()).count() > 1 => {
                for (n, line) in trimmed
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| !l.trim().is_empty())
                {
                    let doc = format::parse(line).map_err(|e| {
                        format!(
                            "{file}: line {}: {e} (and as one document: {first_err})",
                            n + 1
                        )
                    })?;
                    docs.push(doc);
                }
            }
            Err(e) => return Err(format!("{file}: {e}")),
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_docs(&mut out, &docs, to, docs.len() > 1)?;
    out.flush().map_err(|e| e.to_string())
}

fn validate(args: &[String]) -> Result<(), String> {
    let [file] = args else {
        return Err(format!("validate takes one FILE\n{USAGE}"));
    };
    let json = utf8(read_input(file)?, file)?;
    // The schema validator is native-only; `format::parse` below enforces the same rules.
    #[cfg(not(target_arch = "wasm32"))]
    sitrep::format::schema::check(&json).map_err(|e| format!("{file}: {e}"))?;
    let doc = format::parse(&json).map_err(|e| format!("{file}: {e}"))?;
    println!(
        "{file}: valid sitrep document, version {}: {} entities, {} incidents",
        doc.version,
        doc.entities.len(),
        doc.incidents.len()
    );
    let _ = std::io::stdout().flush();
    Ok(())
}
