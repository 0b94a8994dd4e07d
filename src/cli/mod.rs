//! The command line: the entry point, and the dispatch to the subcommands
//! (one module each; the arguments are in `args`, the loading in `load`).

mod args;
mod check;
mod config;
mod csv;
mod diff;
mod explore;
mod export;
mod filter;
mod flow;
mod graph;
mod load;
mod new;
mod output;
mod sankey;
mod schema;
mod search;
mod shell;
mod show;
mod suggest;
mod timeline;

pub use args::{Cli, Command, Filters, Format, Table};
pub use config::ColorMode;
pub use filter::EventFilter;
pub use load::{load, report};
pub use search::describe;

use crate::model::{self, Dataset, Diagnostic};
use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

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
    if let Some(Command::Config { default, path }) = &cli.command {
        return config::command(cli.config.as_deref(), *default, *path);
    }
    if let Some(result) = cli.command.as_ref().and_then(standalone) {
        return finish(result);
    }
    let Some(command) = &cli.command else {
        return explore::explore(&cli);
    };
    if let Command::Check { strict } = command {
        return check::check(&cli, command, *strict);
    }
    if let Command::Diff { old, new, json } = command {
        return diff::command(&cli, old, new, *json);
    }
    let (ds, pending) = match load(&cli) {
        Ok(loaded) => loaded,
        Err(errors) => {
            report(&errors);
            return ExitCode::from(1);
        }
    };
    let origin = load::origin(&cli.layers());
    let code = load::beside(pending, &ds, || {
        let mut out = String::new();
        let result = run(command, &ds, origin, &mut out);
        finish(result.map(|()| out))
    });
    load::exit_without_freeing(ds);
    code
}

/// Runs `command` if it needs no dataset (`rivals config` aside: it
/// prints many problems).
fn standalone(command: &Command) -> Option<Result<String, Failure>> {
    Some(match command {
        Command::New { dir } => new::new(dir),
        Command::Completions { shell } => Ok(shell::completions(*shell)),
        Command::Man => shell::man().map_err(|e| Failure::new(format!("cannot write the manual page: {e}"))),
        Command::Schema { file, out, force } => schema::command(*file, out.as_deref(), *force),
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
        Command::Search { query, limit, json } => search::search(ds, query, *limit, *json, out),
        Command::Show { id } => show::show(ds, id, origin, out),
        Command::Timeline { filters } => {
            timeline::timeline(ds, &filters.resolve(ds, origin)?, out);
            Ok(())
        }
        Command::Flow {
            from,
            to,
            roll_up,
            org,
            json,
        } => {
            let q = model::FlowQuery {
                from: *from,
                to: *to,
                roll_up: *roll_up,
            };
            flow::command(ds, origin, &q, org.as_deref(), *json, out)
        }
        Command::Export {
            format,
            what,
            bom,
            roll_up,
            filters,
        } => {
            let f = filters.resolve(ds, origin)?;
            export::command(ds, *format, *what, (*bom, *roll_up), &f, out);
            Ok(())
        }
        Command::New { dir } => {
            out.push_str(&new::new(dir)?);
            Ok(())
        }
        // `main` runs these before loading, with `--config`, and `diff`
        // loads its own two datasets.
        Command::Config { .. }
        | Command::Completions { .. }
        | Command::Man
        | Command::Schema { .. }
        | Command::Diff { .. } => {
            if let Some(result) = standalone(command) {
                out.push_str(&result?);
            }
            Ok(())
        }
    }
}
