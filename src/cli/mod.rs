//! The command line: arguments, dataset selection and the subcommands.

mod export;
mod show;

use crate::model::{self, Dataset, Date, Diagnostic, EventKind, Record};
use crate::search::SearchIndex;
use crate::text::sanitize;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Explore the talent rivalries between AI labs: who left which lab for
/// which, when, for how much, and who said what about it.
#[derive(Debug, Parser)]
#[command(name = "rivals", version, about, long_about = None)]
pub struct Cli {
    /// Dataset folder (sources.yaml, organizations.yaml, people.yaml,
    /// events.yaml) instead of the embedded one.
    #[arg(long, global = true, env = "RIVALS_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Largest dataset file to read, in MiB.
    #[arg(long, global = true, value_name = "MIB", default_value_t = model::DEFAULT_MAX_FILE_BYTES >> 20)]
    pub max_file_size: u64,

    /// Turn colours off in the TUI (as does a non-empty NO_COLOR).
    #[arg(long, global = true)]
    pub no_color: bool,

    /// Always parse the dataset files: neither read nor write the cache of
    /// loaded datasets (as does RIVALS_NO_CACHE=1).
    #[arg(long, global = true, env = "RIVALS_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The scriptable subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the dataset and print its counts.
    Check,
    /// Fuzzy-search people, organizations and event summaries.
    Search {
        /// What to look for; typos are fine.
        query: String,
        /// Most results to print.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Show one person, organization or event in full.
    Show {
        /// The record's id, e.g. `sam-altman`.
        id: String,
    },
    /// List events in date order: `DATE  KIND  SUMMARY`.
    Timeline {
        /// Only events involving this person id.
        #[arg(long, value_name = "ID")]
        person: Option<String>,
        /// Only events involving this organization id.
        #[arg(long, value_name = "ID")]
        org: Option<String>,
        /// Only events of this kind.
        #[arg(long, value_name = "KIND", value_parser = parse_kind)]
        kind: Option<EventKind>,
        /// Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = Date::parse)]
        from: Option<Date>,
        /// Only events on or before this date, inclusive at its precision.
        #[arg(long, value_name = "DATE", value_parser = Date::parse)]
        to: Option<Date>,
    },
    /// Print the whole dataset as JSON or CSV.
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: Format,
    },
}

/// Export formats.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    Json,
    Csv,
}

fn parse_kind(text: &str) -> Result<EventKind, String> {
    EventKind::parse(text).ok_or_else(|| {
        let all: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind `{text}`; one of: {}", all.join(", "))
    })
}

/// A failure to report on stderr with exit status 1.
pub struct Failure(pub Vec<String>);

impl From<String> for Failure {
    fn from(line: String) -> Self {
        Failure(vec![line])
    }
}

/// Loads the dataset the arguments select.
pub fn load(cli: &Cli) -> Result<Dataset, Vec<Diagnostic>> {
    match &cli.data {
        Some(dir) => crate::cache::load_data(dir, cli.max_file_size.saturating_mul(1 << 20), cli.no_cache),
        None => Dataset::embedded(),
    }
}

/// Prints diagnostics and a count line to stderr.
pub fn report(errors: &[Diagnostic]) {
    let mut err = io::stderr().lock();
    for e in errors {
        let _ = writeln!(err, "{e}");
    }
    let n = errors.len();
    let _ = writeln!(
        err,
        "{n} problem{} found; nothing was loaded",
        if n == 1 { "" } else { "s" }
    );
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let ds = match load(&cli) {
        Ok(ds) => ds,
        Err(errors) => {
            report(&errors);
            return ExitCode::from(1);
        }
    };
    let Some(command) = cli.command else {
        return crate::tui::run(ds, cli.no_color);
    };
    let mut out = String::new();
    match run(&command, &ds, &mut out) {
        Ok(()) => write_stdout(&out),
        Err(Failure(lines)) => {
            write_stdout(&out);
            let mut err = io::stderr().lock();
            for l in lines {
                let _ = writeln!(err, "{}", sanitize(&l));
            }
            ExitCode::from(1)
        }
    }
}

/// Writes everything at once; a closed pipe (`| head`) is not an error.
fn write_stdout(text: &str) -> ExitCode {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rivals: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}

/// Runs one subcommand, appending its output to `out`.
pub fn run(command: &Command, ds: &Dataset, out: &mut String) -> Result<(), Failure> {
    match command {
        Command::Check => {
            out.push_str(&format!("ok: {}\n", ds.counts_line()));
            Ok(())
        }
        Command::Search { query, limit, json } => {
            search(ds, query, *limit, *json, out);
            Ok(())
        }
        Command::Show { id } => show::show(ds, id, out),
        Command::Timeline {
            person,
            org,
            kind,
            from,
            to,
        } => timeline(ds, person.as_deref(), org.as_deref(), *kind, *from, *to, out),
        Command::Export { format: Format::Json } => {
            export::json(ds, out);
            Ok(())
        }
        Command::Export { format: Format::Csv } => {
            export::csv(ds, out);
            Ok(())
        }
    }
}

/// The id, kind name and display name of a record.
pub fn describe(ds: &Dataset, r: Record) -> (&str, &'static str, &str) {
    match r {
        Record::Person(i) => (&ds.person(i).id, "person", &ds.person(i).name),
        Record::Org(i) => (&ds.org(i).id, "organization", &ds.org(i).name),
        Record::Event(i) => (&ds.event(i).id, "event", &ds.event(i).summary),
        Record::Source(i) => (&ds.source(i).id, "source", &ds.source(i).title),
    }
}

fn search(ds: &Dataset, query: &str, limit: usize, json: bool, out: &mut String) {
    let index = SearchIndex::new(ds);
    let hits = index.search(ds, query, limit);
    if json {
        let rows: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                let (id, kind, name) = describe(ds, h.target);
                serde_json::json!({"kind": kind, "id": id, "name": name, "matched": index.text(ds, h.entry), "score": h.score})
            })
            .collect();
        out.push_str(&export::safe_json(&serde_json::Value::Array(rows)));
        out.push('\n');
        return;
    }
    for h in &hits {
        let (id, kind, name) = describe(ds, h.target);
        let matched = index.text(ds, h.entry);
        let name = if matched != name && !matches!(h.target, Record::Event(_)) {
            format!("{name} (matched {matched})")
        } else {
            name.to_string()
        };
        out.push_str(&format!("{kind:<12}  {}  {}\n", sanitize(id), sanitize(&name)));
    }
}

/// Resolves an id of the wanted kind for a filter, with suggestions.
fn filter_id(ds: &Dataset, id: &str, want: &str, ok: impl Fn(Record) -> Option<u32>) -> Result<u32, Failure> {
    if let Some(ix) = ds.lookup(id).and_then(&ok) {
        return Ok(ix);
    }
    let candidates = ds.ids().filter(|c| ds.lookup(c).and_then(&ok).is_some());
    let near = model::nearest(id, candidates, 5);
    Err(format!(
        "error: no {want} with id `{id}`; did you mean: {}?",
        near.join(", ")
    )
    .into())
}

fn timeline(
    ds: &Dataset,
    person: Option<&str>,
    org: Option<&str>,
    kind: Option<EventKind>,
    from: Option<Date>,
    to: Option<Date>,
    out: &mut String,
) -> Result<(), Failure> {
    let person = person
        .map(|id| {
            filter_id(ds, id, "person", |r| {
                if let Record::Person(i) = r { Some(i) } else { None }
            })
        })
        .transpose()?;
    let org = org
        .map(|id| {
            filter_id(ds, id, "organization", |r| {
                if let Record::Org(i) = r { Some(i) } else { None }
            })
        })
        .transpose()?;
    let lo = from.map_or(0, Date::first_day);
    let hi = to.map_or(u32::MAX, Date::last_day);
    let width = EventKind::ALL.iter().map(|k| k.as_str().len()).max().unwrap_or(0);
    for e in &ds.events {
        let keep = person.is_none_or(|p| e.people.contains(&p))
            && org.is_none_or(|o| e.all_orgs().any(|x| x == o))
            && kind.is_none_or(|k| e.kind == k)
            && e.date.last_day() >= lo
            && e.date.first_day() <= hi;
        if keep {
            out.push_str(&format!(
                "{:<10}  {:<width$}  {}\n",
                e.date.to_string(),
                e.kind.as_str(),
                sanitize(&e.summary)
            ));
        }
    }
    Ok(())
}
