//! The `sitrep` command line: the same engine as the page, over files and corpora.
//!
//! ```text
//! sitrep annotate [--published YYYY-MM-DD] [--title T] [--source URL] FILE|-
//! sitrep annotate --jsonl            < lines of {"text", "published"?, "title"?, "source"?}
//! sitrep validate FILE
//! ```

use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

use sitrep::format::{self, Meta};

const USAGE: &str = "usage:
  sitrep annotate [--published YYYY-MM-DD] [--title T] [--source URL] FILE|-
  sitrep annotate --jsonl    (reads JSON lines {\"text\", \"published\"?, \"title\"?, \"source\"?} on stdin)
  sitrep validate FILE|-";

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
    file: Option<String>,
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
        for (n, line) in std::io::stdin().lock().split(b'\n').enumerate() {
            let line = line.map_err(|e| format!("cannot read standard input: {e}"))?;
            let line = utf8(line, &format!("line {}", n + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            let meta = jsonl_meta(&line, &a).map_err(|e| format!("line {}: {e}", n + 1))?;
            let doc = format::annotate(meta);
            writeln!(out, "{}", format::to_json_line(&doc)).map_err(|e| e.to_string())?;
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
        out.write_all(format::to_json(&doc).as_bytes())
            .map_err(|e| e.to_string())?;
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

fn validate(args: &[String]) -> Result<(), String> {
    let [file] = args else {
        return Err(format!("validate takes one FILE\n{USAGE}"));
    };
    let json = utf8(read_input(file)?, file)?;
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
