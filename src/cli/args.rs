//! The arguments: the clap definitions of the options and subcommands, and
//! the usage errors clap cannot see (found after parsing).

use super::config::ColorMode;
use super::schema;
use super::suggest::{choice, one_of};
use crate::model::{self, Date, EventKind};
use clap::error::ErrorKind;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

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
    #[arg(long, global = true, value_enum, value_parser = choice::<ColorMode>(), value_name = "WHEN", default_value_t = ColorMode::Auto)]
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
    /// Only events on or after this date (2025, 2025-07, 2025-7-4 or jul 2025).
    #[arg(long, value_name = "DATE", value_parser = Date::parse_typed)]
    pub from: Option<Date>,
    /// Only events on or before this date, inclusive at its precision.
    #[arg(long, value_name = "DATE", value_parser = Date::parse_typed)]
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
    /// Fuzzy-search people, organizations and event summaries; exits 1 when nothing matches.
    #[command(
        after_help = "Exit status: 0 with results; 1 when nothing matches (nothing on standard output, one line on standard error); 2 on a usage error (a blank query, --limit 0)."
    )]
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
        /// Only moves on or after this date (2025, 2025-07, 2025-7-4 or jul 2025).
        #[arg(long, value_name = "DATE", value_parser = Date::parse_typed)]
        from: Option<Date>,
        /// Only moves on or before this date, inclusive at its precision.
        #[arg(long, value_name = "DATE", value_parser = Date::parse_typed)]
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
    /// (Graphviz DOT or a Mermaid flowchart) or a Sankey (SVG or Mermaid).
    Export {
        /// Output format.
        #[arg(long, value_enum, value_parser = choice::<Format>())]
        format: Format,
        /// The table `--format csv` writes (events by default).
        #[arg(long, value_enum, value_parser = choice::<Table>(), value_name = "TABLE")]
        what: Option<Table>,
        /// Start the CSV with a UTF-8 byte-order mark, for spreadsheet
        /// programs that need one to read UTF-8.
        #[arg(long)]
        bom: bool,
        /// The Sankey formats (svg, mermaid-sankey): merge each
        /// organization into its top parent (MSL into Meta).
        #[arg(long)]
        roll_up: bool,
        /// Which events the graphs and the events and flows tables keep.
        #[command(flatten)]
        filters: Filters,
    },
    /// Compare two datasets: the records added, removed and changed, and
    /// the flow counts that changed; exits 1 when they differ.
    #[command(
        after_help = "OLD and NEW are each a dataset folder, `embedded`, or layers joined as in PATH (`embedded:./mine`). Exit status: 0 when they are the same; 1 when they differ; 2 on trouble (a dataset that does not load, a usage error)."
    )]
    Diff {
        /// The dataset before: a folder, `embedded`, or layers (`embedded:./old`).
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The dataset after, whose files and lines the changes point at.
        #[arg(value_name = "NEW")]
        new: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
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
        #[arg(value_enum, value_parser = choice::<clap_complete::Shell>())]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -`.
    Man,
    /// Print the JSON Schema of a dataset file, for editors and validators.
    Schema {
        /// The file whose schema to print.
        #[arg(value_enum, value_parser = choice::<schema::SchemaFile>(), required_unless_present = "out", conflicts_with = "out")]
        file: Option<schema::SchemaFile>,
        /// Write the four schemas (`events.schema.json`, ...) into DIR instead;
        /// refuses if any of them is already there.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// With --out: replace schemas already in DIR (a symlink is replaced,
        /// never followed).
        #[arg(long, requires = "out", conflicts_with = "file")]
        force: bool,
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
    /// A standalone SVG picture of the Sankey diagram of the flows (as the Flows view draws it).
    Svg,
    /// The same Sankey as Mermaid's sankey-beta: source,target,value lines.
    MermaidSankey,
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
        format!("unknown kind `{text}`; {}", one_of(text, &all))
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

    /// The layers one argument of `rivals diff` names: a folder that
    /// exists is that folder; anything else is split as PATH is
    /// (`embedded:./mine`), each part `embedded` or a folder.
    pub fn layers_of(arg: &std::path::Path) -> Vec<model::Layer> {
        if arg.as_os_str() != "embedded" && arg.is_dir() {
            return vec![model::Layer::Folder(arg.to_path_buf())];
        }
        std::env::split_paths(arg)
            .filter(|p| !p.as_os_str().is_empty())
            .map(model::Layer::from_arg)
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
    pub(super) fn usage_error(&self) -> Option<clap::Error> {
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
        if matches!(self.command, Some(Command::Diff { .. })) && !self.data.is_empty() {
            let message =
                "rivals diff compares OLD and NEW; give layers in them (`embedded:./mine`), not with --data";
            return Some(Cli::command().error(ErrorKind::ArgumentConflict, message));
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
            && (model::Period {
                from: Some(*from),
                to: Some(*to),
            })
            .is_backwards()
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
            roll_up,
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
            if *roll_up && !matches!(format, Format::Svg | Format::MermaidSankey) {
                return sub(
                    ErrorKind::ArgumentConflict,
                    "--roll-up goes with --format svg or mermaid-sankey".into(),
                );
            }
            let filtered = filters.any();
            let table = what.unwrap_or(Table::Events);
            let filterable = match format {
                Format::Json => false,
                Format::Csv => matches!(table, Table::Events | Table::Flows),
                Format::Dot | Format::Mermaid | Format::Svg | Format::MermaidSankey => true,
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
