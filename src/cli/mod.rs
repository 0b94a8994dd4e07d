//! The command line: arguments, dataset selection and the subcommands.

mod config;
mod export;
mod flow;
mod graph;
mod new;
mod output;
mod schema;
mod shell;
mod show;
mod suggest;

pub use config::ColorMode;

use crate::cache::{self, Cache, Pending};
use crate::model::{self, Dataset, Date, Diagnostic, Event, EventKind, OrgIx, PersonIx, Record, SourceIx};
use crate::search::SearchIndex;
use crate::text::{fit, sanitize};
use clap::error::ErrorKind;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Explore the talent rivalries between AI labs: who left which lab for
/// which, when, for how much, and who said what about it.
#[derive(Debug, Parser)]
#[command(name = "rivals", version, about, long_about = None)]
pub struct Cli {
    /// Dataset folder (sources.yaml, organizations.yaml, people.yaml,
    /// events.yaml) instead of the embedded one; repeat it to merge layers
    /// (`embedded` names the built-in data), e.g. `--data embedded --data
    /// ./mine`. Also read from RIVALS_DATA (one folder) when that is set and
    /// not empty; --data wins.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Vec<PathBuf>,

    /// Reload the explorer's dataset whenever one of its files changes
    /// (needs --data or RIVALS_DATA).
    #[arg(long)]
    pub watch: bool,

    /// Largest dataset file to read, in MiB (at least 1; a value past 8 EiB
    /// means no limit).
    #[arg(
        long,
        global = true,
        value_name = "MIB",
        default_value_t = model::DEFAULT_MAX_FILE_BYTES >> 20,
        value_parser = clap::value_parser!(u64).range(1..),
    )]
    pub max_file_size: u64,

    /// Turn colours off in the TUI (as does a non-empty NO_COLOR); the
    /// same as --color never.
    #[arg(long, global = true)]
    pub no_color: bool,

    /// When the TUI uses colour: auto (on a terminal, unless NO_COLOR is
    /// set), always, or never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorMode::Auto)]
    pub color: ColorMode,

    /// Draw the TUI's borders, markers and arrows in ASCII, for terminals
    /// without Unicode.
    #[arg(long, global = true)]
    pub ascii: bool,

    /// Config file (keys and theme) instead of the one `rivals config
    /// --path` names.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Always parse the dataset files: neither read nor write the cache of
    /// loaded datasets (as does RIVALS_NO_CACHE=1).
    #[arg(long, global = true, env = "RIVALS_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The event filters `timeline` and `export` share.
#[derive(Debug, Args)]
pub struct Filters {
    /// Only events involving this person id.
    #[arg(long, value_name = "ID")]
    pub person: Option<String>,
    /// Only events involving this organization id (and its children).
    #[arg(long, value_name = "ID")]
    pub org: Option<String>,
    /// Only events of this kind.
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Option<EventKind>,
    /// Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = Date::parse)]
    pub from: Option<Date>,
    /// Only events on or before this date, inclusive at its precision.
    #[arg(long, value_name = "DATE", value_parser = Date::parse)]
    pub to: Option<Date>,
    /// Only events this source id supports.
    #[arg(long, value_name = "ID")]
    pub source: Option<String>,
}

impl Filters {
    /// Whether any filter is given.
    fn any(&self) -> bool {
        let Filters {
            person,
            org,
            kind,
            from,
            to,
            source,
        } = self;
        person.is_some()
            || org.is_some()
            || kind.is_some()
            || from.is_some()
            || to.is_some()
            || source.is_some()
    }

    /// The filters with their ids resolved in `ds`.
    fn resolve(&self, ds: &Dataset, origin: Origin) -> Result<EventFilter, Failure> {
        let id = |id: &Option<String>, want| {
            id.as_deref()
                .map(|id| filter_id(ds, origin, id, want))
                .transpose()
        };
        Ok(EventFilter {
            person: id(&self.person, Want::Person)?,
            org: id(&self.org, Want::Org)?,
            kind: self.kind,
            from: self.from,
            to: self.to,
            source: id(&self.source, Want::Source)?,
        })
    }
}

/// The scriptable subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the dataset and print its counts, with any warnings.
    Check {
        /// Treat warnings as errors (exit 1).
        #[arg(long)]
        strict: bool,
    },
    /// Fuzzy-search people, organizations and event summaries.
    Search {
        /// What to look for; typos are fine.
        #[arg(value_parser = parse_query)]
        query: String,
        /// Most results to print (at least 1).
        #[arg(long, default_value_t = 10, value_parser = parse_limit, allow_negative_numbers = true)]
        limit: usize,
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Show one person, organization, event or source in full.
    Show {
        /// The record's id, e.g. `sam-altman`.
        id: String,
    },
    /// List events in date order: `DATE  KIND  SUMMARY`.
    Timeline {
        #[command(flatten)]
        filters: Filters,
    },
    /// Count who moved from which organization to which: a matrix, or JSON.
    Flow {
        /// Only moves on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = Date::parse)]
        from: Option<Date>,
        /// Only moves on or before this date, inclusive at its precision.
        #[arg(long, value_name = "DATE", value_parser = Date::parse)]
        to: Option<Date>,
        /// Merge each organization into its top parent (MSL into Meta).
        #[arg(long)]
        roll_up: bool,
        /// Only moves into or out of this organization and its children.
        #[arg(long, value_name = "ID")]
        org: Option<String>,
        /// Print JSON, one object per (from, to) pair.
        #[arg(long)]
        json: bool,
    },
    /// Print the dataset as JSON or CSV, or its talent flows as a graph
    /// (Graphviz DOT or a Mermaid flowchart).
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: Format,
        /// The table `--format csv` writes (events by default).
        #[arg(long, value_enum, value_name = "TABLE")]
        what: Option<Table>,
        /// Start the CSV with a UTF-8 byte-order mark, for spreadsheet
        /// programs that need one to read UTF-8.
        #[arg(long)]
        bom: bool,
        /// Which events the graphs and the events and flows tables keep.
        #[command(flatten)]
        filters: Filters,
    },
    /// Write a commented starter dataset into DIR (never overwrites a file).
    New {
        /// Folder to write sources.yaml, organizations.yaml, people.yaml and
        /// events.yaml into; created if missing.
        dir: PathBuf,
    },
    /// Check the TUI's config file (keys and theme), or print it.
    Config {
        /// Print the complete default config, commented.
        #[arg(long, conflicts_with = "path")]
        default: bool,
        /// Print where the config file is looked for.
        #[arg(long)]
        path: bool,
    },
    /// Print the completion script for a shell.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -`.
    Man,
    /// Print the JSON Schema of a dataset file, for editors and validators.
    Schema {
        /// The file whose schema to print.
        #[arg(value_enum, required_unless_present = "out", conflicts_with = "out")]
        file: Option<schema::SchemaFile>,
        /// Write the four schemas (`events.schema.json`, ...) into DIR instead.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

/// Export formats.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// One object with the four lists, same field names and ids as the YAML.
    Json,
    /// A table (see --what); cells a spreadsheet would run as formulas start with `'`.
    Csv,
    /// Graphviz: organizations as nodes, moves as edges weighted by their counts.
    Dot,
    /// A Mermaid flowchart of the same graph.
    Mermaid,
}

/// The tables `export --format csv` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Table {
    /// One row per event.
    Events,
    /// One row per person.
    People,
    /// One row per organization.
    Organizations,
    /// One row per (from, to) pair of organizations, counted as `rivals flow` does.
    Flows,
}

fn parse_kind(text: &str) -> Result<EventKind, String> {
    EventKind::parse(text).ok_or_else(|| {
        let all: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind `{text}`; one of: {}", all.join(", "))
    })
}

fn parse_query(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err("the query is empty; give a name or some words to look for".into());
    }
    Ok(text.to_string())
}

fn parse_limit(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("give a whole number of results, at least 1".into()),
    }
}

/// A failure to report on stderr with exit status 1: the model's
/// diagnostic, with `rivals` in place of a file.
pub struct Failure(pub Diagnostic);

impl Failure {
    /// A failure saying `message`.
    pub fn new(message: String) -> Self {
        Failure(Diagnostic::file("rivals", message))
    }

    /// Adds how to fix it.
    pub fn hint(self, hint: impl Into<String>) -> Self {
        Failure(self.0.hint(hint))
    }
}

/// Which dataset a command runs on, for messages about what it lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The dataset compiled into the binary (no --data, no RIVALS_DATA).
    Embedded,
    /// A folder the user named.
    Folder,
}

/// Largest file size in bytes: "no limit" for any value past it, and far
/// enough from `u64::MAX` that no arithmetic on it overflows.
const NO_LIMIT: u64 = u64::MAX >> 1;

impl Cli {
    /// The dataset's layers: every `--data`, else a non-empty RIVALS_DATA
    /// (one folder); none means the embedded dataset.
    pub fn layers(&self) -> Vec<model::Layer> {
        if !self.data.is_empty() {
            return self.data.iter().cloned().map(model::Layer::from_arg).collect();
        }
        std::env::var_os("RIVALS_DATA")
            .filter(|v| !v.is_empty())
            .map(|v| model::Layer::Folder(PathBuf::from(v)))
            .into_iter()
            .collect()
    }

    /// The file size limit in bytes.
    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_size
            .checked_mul(1 << 20)
            .map_or(NO_LIMIT, |b| b.min(NO_LIMIT))
    }

    /// A usage error found after parsing: `--watch` without a folder or
    /// with a subcommand, or an empty date range.
    fn usage_error(&self) -> Option<clap::Error> {
        if self.watch {
            let folders = self.layers().iter().any(|l| matches!(l, model::Layer::Folder(_)));
            let message = if self.command.is_some() {
                Some("--watch reloads the explorer; it does not go with a subcommand")
            } else if !folders {
                Some("--watch needs a dataset folder to watch: pass --data DIR (or set RIVALS_DATA)")
            } else {
                None
            };
            if let Some(message) = message {
                return Some(Cli::command().error(ErrorKind::ArgumentConflict, message));
            }
        }
        let (name, range) = match &self.command {
            Some(Command::Timeline { filters }) => ("timeline", (&filters.from, &filters.to)),
            Some(Command::Export { filters, .. }) => ("export", (&filters.from, &filters.to)),
            _ => return None,
        };
        let sub = |kind, message: String| {
            let mut cli = Cli::command();
            cli.build();
            let mut sub = cli.find_subcommand(name).cloned().unwrap_or(cli);
            Some(sub.error(kind, message))
        };
        if let (Some(from), Some(to)) = range
            && from.first_day() > to.last_day()
        {
            return sub(
                ErrorKind::ValueValidation,
                format!("--from {from} is after --to {to}, so no event can match"),
            );
        }
        if let Some(Command::Export {
            format,
            what,
            bom,
            filters,
        }) = &self.command
        {
            let csv = matches!(format, Format::Csv);
            if !csv && (what.is_some() || *bom) {
                return sub(
                    ErrorKind::ArgumentConflict,
                    "--what and --bom go with --format csv".into(),
                );
            }
            let filtered = filters.any();
            let table = what.unwrap_or(Table::Events);
            let filterable = match format {
                Format::Json => false,
                Format::Csv => matches!(table, Table::Events | Table::Flows),
                Format::Dot | Format::Mermaid => true,
            };
            if filtered && !filterable {
                return sub(
                    ErrorKind::ArgumentConflict,
                    "--person, --org, --kind, --from, --to and --source filter the graphs and the events and flows tables, not the whole dataset".into(),
                );
            }
        }
        None
    }
}

/// Loads the dataset the arguments select, with the cache image still to
/// write when it missed.
pub fn load(cli: &Cli) -> Result<(Dataset, Option<Pending>), Vec<Diagnostic>> {
    let layers = cli.layers();
    let max = cli.max_file_bytes();
    let cache = Cache::for_user(cli.no_cache);
    cache::load_layers(cache.as_ref(), &layers, max, |reads| {
        model::load_layers_read(&layers, max, false, reads).map(|l| l.dataset)
    })
}

/// Whether `layers` are the embedded dataset alone.
fn origin(layers: &[model::Layer]) -> Origin {
    if layers.iter().all(|l| *l == model::Layer::Embedded) {
        Origin::Embedded
    } else {
        Origin::Folder
    }
}

/// `rivals check`: loads with the checks that only warn, prints the
/// warnings (or refuses them as errors when `strict`) and the counts.
fn check(cli: &Cli, command: &Command, strict: bool) -> ExitCode {
    let layers = cli.layers();
    let max = cli.max_file_bytes();
    let cache = Cache::for_user(cli.no_cache);
    let (loaded, pending) = match cache::load_layers(cache.as_ref(), &layers, max, |reads| {
        model::load_layers_read(&layers, max, true, reads)
    }) {
        Ok(loaded) => loaded,
        Err(errors) => {
            report(&errors);
            return ExitCode::from(1);
        }
    };
    let code = beside(pending, &loaded, || {
        if strict && let Err(errors) = loaded.strict() {
            report(&errors);
            return ExitCode::from(1);
        }
        output::errors(&loaded.warnings);
        let mut out = String::new();
        let result = run(command, &loaded.dataset, origin(&layers), &mut out);
        finish(result.map(|()| out))
    });
    exit_without_freeing(loaded);
    code
}

/// Runs `work` while the cache image (if one is to be written) is written
/// on another thread, then waits for the image.
fn beside<T: cache::Image + Sync, R>(pending: Option<Pending>, value: &T, work: impl FnOnce() -> R) -> R {
    std::thread::scope(|s| {
        if let Some(pending) = pending {
            s.spawn(|| pending.store(value));
        }
        work()
    })
}

/// Prints diagnostics and a count line to stderr.
pub fn report(errors: &[Diagnostic]) {
    output::errors(errors);
    let n = errors.len();
    let s = if n == 1 { "" } else { "s" };
    output::note(&format!("{n} problem{s} found; nothing was loaded"));
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    #[cfg(unix)]
    output::survive_file_size_limit();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let plain = config::color_off_in(&args);
    let stop = |e: &clap::Error| {
        if plain && !e.use_stderr() {
            output::stdout(&e.render().to_string())
        } else {
            output::clap_stop(e)
        }
    };
    let mut command = Cli::command();
    if plain {
        command = command.color(clap::ColorChoice::Never);
    }
    let cli = match command
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return stop(&e),
    };
    if let Some(e) = cli.usage_error() {
        return stop(&e);
    }
    if let Some(result) = cli
        .command
        .as_ref()
        .and_then(|c| standalone(c, cli.config.as_deref()))
    {
        return finish(result);
    }
    let Some(command) = &cli.command else {
        return explore(&cli);
    };
    if let Command::Check { strict } = command {
        return check(&cli, command, *strict);
    }
    let (ds, pending) = match load(&cli) {
        Ok(loaded) => loaded,
        Err(errors) => {
            report(&errors);
            return ExitCode::from(1);
        }
    };
    let origin = origin(&cli.layers());
    let code = beside(pending, &ds, || {
        let mut out = String::new();
        let result = run(command, &ds, origin, &mut out);
        finish(result.map(|()| out))
    });
    exit_without_freeing(ds);
    code
}

/// Leaves `value` to the operating system, which frees a process's memory
/// at once when it exits: freeing a big dataset piece by piece first takes
/// ~30 ms for nothing.
fn exit_without_freeing<T>(value: T) {
    std::mem::forget(value);
}

/// The explorer. The config file and the terminal are checked before the
/// dataset loads (which takes a second on a big one).
fn explore(cli: &Cli) -> ExitCode {
    let (theme, keymap) = match config::tui_settings(cli) {
        Ok(settings) => settings,
        Err(errors) => {
            output::errors(&errors);
            return ExitCode::from(1);
        }
    };
    if let Some(why) = crate::tui::cannot_run() {
        output::note(&format!("rivals: {why}"));
        return ExitCode::from(2);
    }
    // What the files hold before they are loaded: a --watch reload is
    // skipped while they still hold it.
    let shown = cli
        .watch
        .then(|| cache::key_of_layers::<Dataset>(&cli.layers(), cli.max_file_bytes()))
        .flatten();
    let (ds, pending) = match load(cli) {
        Ok(loaded) => loaded,
        Err(errors) => {
            report(&errors);
            return ExitCode::from(1);
        }
    };
    let watch = cli.watch.then(|| crate::tui::term::Watch {
        layers: cli.layers(),
        max_bytes: cli.max_file_bytes(),
        shown,
    });
    crate::tui::run(ds, pending, &theme, keymap, watch)
}

/// Runs `command` if it needs no dataset, with the config file `config`
/// (`--config`).
fn standalone(command: &Command, config: Option<&Path>) -> Option<Result<String, Failure>> {
    Some(match command {
        Command::New { dir } => new::new(dir),
        Command::Config { default, path } => config::command(config, *default, *path),
        Command::Completions { shell } => Ok(shell::completions(*shell)),
        Command::Man => shell::man().map_err(|e| Failure::new(format!("cannot write the manual page: {e}"))),
        Command::Schema { file, out } => schema::command(*file, out.as_deref()),
        _ => return None,
    })
}

/// Writes a command's output, or reports its failure (exit 1).
fn finish(result: Result<String, Failure>) -> ExitCode {
    match result {
        Ok(out) => output::stdout(&out),
        Err(Failure(problem)) => {
            output::error(&problem);
            ExitCode::from(1)
        }
    }
}

/// Runs one subcommand on a loaded dataset, appending its output to `out`.
pub fn run(command: &Command, ds: &Dataset, origin: Origin, out: &mut String) -> Result<(), Failure> {
    match command {
        Command::Check { .. } => {
            out.push_str(&format!("ok: {}\n", ds.counts_line()));
            Ok(())
        }
        Command::Search { query, limit, json } => {
            search(ds, query, *limit, *json, out);
            Ok(())
        }
        Command::Show { id } => show::show(ds, id, origin, out),
        Command::Timeline { filters } => {
            timeline(ds, &filters.resolve(ds, origin)?, out);
            Ok(())
        }
        Command::Flow {
            from,
            to,
            roll_up,
            org,
            json,
        } => {
            let org = org
                .as_deref()
                .map(|id| filter_id(ds, origin, id, Want::Org))
                .transpose()?;
            let q = model::FlowQuery {
                from: *from,
                to: *to,
                roll_up: *roll_up,
            };
            let rows = flow::select(ds, &q, org);
            if *json {
                flow::json(ds, &rows, out);
            } else {
                flow::text(ds, &rows, out);
            }
            Ok(())
        }
        Command::Export {
            format,
            what,
            bom,
            filters,
        } => {
            let f = filters.resolve(ds, origin)?;
            match format {
                Format::Json => export::json(ds, out),
                Format::Csv => {
                    if *bom {
                        out.push('\u{feff}');
                    }
                    match what.unwrap_or(Table::Events) {
                        Table::Events => export::csv(ds, &f, out),
                        Table::People => export::people_csv(ds, out),
                        Table::Organizations => export::orgs_csv(ds, out),
                        Table::Flows => export::flows_csv(ds, &graph::edges(ds, &f), out),
                    }
                }
                Format::Dot => graph::dot(ds, &graph::edges(ds, &f), out),
                Format::Mermaid => graph::mermaid(ds, &graph::edges(ds, &f), out),
            }
            Ok(())
        }
        Command::New { dir } => {
            out.push_str(&new::new(dir)?);
            Ok(())
        }
        // `main` runs these before loading, with `--config`.
        Command::Config { .. } | Command::Completions { .. } | Command::Man | Command::Schema { .. } => {
            if let Some(result) = standalone(command, None) {
                out.push_str(&result?);
            }
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
                serde_json::json!({"kind": kind, "id": id, "name": name, "matched": index.text(ds, h.entry), "field": h.field.name(), "match": h.quality.name(), "typos": h.typos, "score": h.score})
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

/// The kind of record a timeline filter takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    Person,
    Org,
    Source,
}

impl Want {
    fn noun(self) -> &'static str {
        match self {
            Want::Person => "person",
            Want::Org => "organization",
            Want::Source => "source",
        }
    }

    /// The index of `r` if it is of this kind.
    fn index(self, r: Record) -> Option<u32> {
        match (self, r) {
            (Want::Person, Record::Person(i))
            | (Want::Org, Record::Org(i))
            | (Want::Source, Record::Source(i)) => Some(i),
            _ => None,
        }
    }

    /// The timeline flag that takes this kind of id.
    fn flag(self) -> &'static str {
        match self {
            Want::Person => "--person",
            Want::Org => "--org",
            Want::Source => "--source",
        }
    }
}

/// The end of a "not found" message: which dataset was searched, and where
/// to find ids.
fn not_found(origin: Origin, near: &[&str]) -> (&'static str, String) {
    let hint = if near.is_empty() {
        "find ids with `rivals search TEXT`.".to_string()
    } else {
        format!("did you mean: {}?", near.join(", "))
    };
    match origin {
        Origin::Folder => ("", hint),
        Origin::Embedded => (
            " in the embedded dataset",
            format!("{hint} To use your own dataset, pass --data DIR (or set RIVALS_DATA)."),
        ),
    }
}

/// Resolves an id of the wanted kind for a filter, saying so when it names
/// a record of another kind, with suggestions otherwise.
fn filter_id(ds: &Dataset, origin: Origin, id: &str, want: Want) -> Result<u32, Failure> {
    let shown = fit(id, 80);
    let flag = Want::flag;
    match ds.lookup(id) {
        Some(r) => want.index(r).ok_or_else(|| {
            let (_, kind, _) = describe(ds, r);
            match [Want::Person, Want::Org, Want::Source]
                .into_iter()
                .find(|w| w.index(r).is_some())
            {
                Some(other) => Failure::new(format!(
                    "{shown} is {} {kind}; use {} {shown}",
                    article(kind),
                    flag(other)
                )),
                None => Failure::new(format!(
                    "{shown} is {} {kind}, not {} {}",
                    article(kind),
                    article(want.noun()),
                    want.noun()
                ))
                .hint(format!(
                    "{} takes the id of {} {}",
                    flag(want),
                    article(want.noun()),
                    want.noun()
                )),
            }
        }),
        None => {
            let candidates = ds
                .ids()
                .filter(|c| ds.lookup(c).and_then(|r| want.index(r)).is_some());
            let near = suggest::suggest(id, candidates);
            let (place, hint) = not_found(origin, &near);
            Err(Failure::new(format!("no {} with id `{shown}`{place}", want.noun())).hint(hint))
        }
    }
}

/// `a` or `an` before a kind of record.
fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// Which events `timeline` and `export` keep, with ids resolved.
#[derive(Clone, Copy, Debug, Default)]
pub struct EventFilter {
    /// Only events naming this person.
    pub person: Option<PersonIx>,
    /// Only events involving this organization or one of its children.
    pub org: Option<OrgIx>,
    /// Only events of this kind.
    pub kind: Option<EventKind>,
    /// Only events overlapping this date or later.
    pub from: Option<Date>,
    /// Only events overlapping this date or earlier.
    pub to: Option<Date>,
    /// Only events citing this source.
    pub source: Option<SourceIx>,
}

impl EventFilter {
    /// Whether `e` passes every filter.
    pub fn keeps(&self, ds: &Dataset, e: &Event) -> bool {
        self.person.is_none_or(|p| e.people.contains(&p))
            && self.org.is_none_or(|o| e.all_orgs().any(|x| ds.within(x, o)))
            && self.kind.is_none_or(|k| e.kind == k)
            && e.date.last_day() >= self.from.map_or(0, Date::first_day)
            && e.date.first_day() <= self.to.map_or(u32::MAX, Date::last_day)
            && self.source.is_none_or(|s| e.sources.contains(&s))
    }
}

fn timeline(ds: &Dataset, filter: &EventFilter, out: &mut String) {
    let width = EventKind::ALL.iter().map(|k| k.as_str().len()).max().unwrap_or(0);
    for e in &ds.events {
        if filter.keeps(ds, e) {
            out.push_str(&format!(
                "{:<10}  {:<width$}  {}\n",
                e.date.to_string(),
                e.kind.as_str(),
                sanitize(&e.summary)
            ));
        }
    }
}
